"""The per-Doc word lists and text slices the record builders read instead of Token objects
must say exactly what the tokens say."""

from __future__ import annotations

import pytest
import spacy

from extractor.pipeline.extensions import doc_cache, span_text, token_ids, token_strings

TEXTS = [
    "Seven trusts are in Segment 4.",
    "  Leading spaces,\n\nblank lines and a trailing space ",
    "“Quoted” words – dashes — and NHS/ICB slashes",
    "Forty-two ICSs; 42 ICBs: 12.5% (five)",
    "Ünïcödé Ärzte and St. Helen's",
    "One\ttab\tseparated\trow | with | pipes",
    "a",
    "",
]


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


@pytest.mark.parametrize("text", TEXTS)
def test_token_strings_are_the_tokens_words(blank, text):
    doc = blank(text)
    assert token_strings(doc) == [t.lower_ for t in doc]
    assert token_strings(doc, "ORTH") == [t.text for t in doc]
    assert token_ids(doc) == [t.orth for t in doc]


@pytest.mark.parametrize("text", TEXTS)
def test_span_text_is_the_spans_text(blank, text):
    doc = blank(text)
    for start in range(len(doc) + 1):
        for end in range(start, len(doc) + 2):
            assert span_text(doc[start:end]) == doc[start:end].text


def test_a_cache_belongs_to_one_doc(blank):
    first, second = blank("one two"), blank("one two")
    doc_cache(first, "test")["k"] = 1
    assert doc_cache(first, "test") == {"k": 1}
    assert doc_cache(second, "test") == {}


@pytest.mark.parametrize("text", TEXTS)
def test_distinct_ids_are_the_docs_words(blank, text):
    from extractor.pipeline.extensions import distinct_ids

    doc = blank(text)
    assert distinct_ids(doc) == {t.orth for t in doc}
    assert distinct_ids(doc, "LOWER") == {t.lower for t in doc}
