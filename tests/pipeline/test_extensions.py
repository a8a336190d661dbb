"""The per-Doc word lists and text slices the record builders read instead of Token objects
must say exactly what the tokens say."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Span

from extractor.pipeline.extensions import doc_cache, keep_spans, span_text, spans_in, token_ids, token_strings

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


def test_cached_spans_do_not_keep_a_batch_of_docs_alive(blank):
    """Cached values include Spans, which hold their Doc: only the last few Docs may stay."""
    import gc
    import weakref

    from extractor.pipeline.extensions import RECENT_DOCS, sentences

    refs = []
    for k in range(RECENT_DOCS * 4):
        doc = blank(f"Document {k}. It has two sentences.")
        doc[3].is_sent_start = True
        doc_cache(doc, "test")["span"] = doc[0:2]
        refs.append(weakref.ref(doc))
    del doc
    gc.collect()
    alive = sum(ref() is not None for ref in refs)
    assert 0 < alive <= RECENT_DOCS + 1
    assert all(ref() is None for ref in refs[:-RECENT_DOCS - 1])
    assert [s.text for s in sentences(refs[-1]())] == [f"Document {RECENT_DOCS * 4 - 1}.", "It has two sentences."]


def test_a_read_doc_still_serialises():
    """The span index and caches live outside ``user_data``, so ``to_bytes`` works after reading."""
    from spacy.tokens import Doc

    from extractor.pipeline import shared_pipeline
    from extractor.reading import read_doc

    nlp = shared_pipeline()
    doc = nlp("Of the 42 ICBs, 23 are in segment 3. Frimley is in segment 1.")
    assert read_doc(doc).claims
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert again.text == doc.text
    assert [s.text for s in again.spans["segments"]] == [s.text for s in doc.spans["segments"]]


@pytest.mark.parametrize("text", TEXTS)
def test_the_pipeline_tokenizer_splits_as_spacy_and_keeps_the_text(blank, text):
    """The pipeline's tokenizer hands ``doc_text`` the string it was given: the Doc must be
    the one spaCy's English tokenizer makes, and survive pickling and ``to_bytes``."""
    import pickle

    from spacy.tokens import Doc

    from extractor.pipeline import shared_pipeline
    from extractor.pipeline.extensions import doc_text

    tokenizer = pickle.loads(pickle.dumps(shared_pipeline().tokenizer))
    doc, expected = tokenizer(text), blank.make_doc(text)
    assert [(t.text, t.whitespace_) for t in doc] == [(t.text, t.whitespace_) for t in expected]
    assert doc_text(doc) == doc.text == text
    assert doc_text(Doc(doc.vocab).from_bytes(doc.to_bytes())) == text


def test_doc_values_are_those_of_the_underscore() -> None:
    """Read and set past ``doc._``, a value is the one ``doc._`` reads and sets, whichever way
    it was set; extensions with a getter or a mutable default are left to ``doc._``."""
    from spacy.tokens import Doc

    from extractor.pipeline.extensions import doc_value, register_extensions, set_doc_value

    register_extensions()
    for name, kwargs in (("test_dv_getter", {"getter": lambda doc: len(doc)}),
                         ("test_dv_list", {"default": []}), ("test_dv_none", {"default": None})):
        if not Doc.has_extension(name):
            Doc.set_extension(name, **kwargs)
    doc = spacy.blank("en")("Medway NHS Foundation Trust")
    for name in ("published", "url", "home", "test_dv_getter", "test_dv_list", "test_dv_none"):
        assert doc_value(doc, name) == doc._.get(name)
    set_doc_value(doc, "published", "2024-03-03")
    doc._.url = "https://www.medway.nhs.uk/"
    assert doc_value(doc, "published") == doc._.published == "2024-03-03"
    assert doc_value(doc, "url") == doc._.url
    assert doc_value(doc, "test_dv_getter") == 4
    set_doc_value(doc, "test_dv_none", "x")
    assert doc._.test_dv_none == "x"
    with pytest.raises(AttributeError):
        doc_value(doc, "not_an_extension")


def test_a_doc_read_after_another_was_made_gives_the_same_records():
    """Only the Doc asked about last keeps its cached values; one asked about again after
    another (two Docs made, then both read) has them worked out anew, to the same records."""
    from extractor.pipeline import shared_pipeline
    from extractor.reading import read_doc

    nlp = shared_pipeline()
    first = "Only one ICS, Frimley, is in segment 1. Of the 42 ICBs, 23 are in segment 3."
    second = "The Trust has moved into segment 2 of the NHS Oversight Framework."
    alone = read_doc(nlp(first))
    a, b = nlp(first), nlp(second)
    read_doc(b)
    again = read_doc(a)
    assert (again.claims, again.memberships) == (alone.claims, alone.memberships)
    assert alone.claims


_BLANKS = (spacy.blank("en"), spacy.blank("en"))  # two vocabularies, one lexicon
_PIECES = [*"aZ Σσς İıiI ßẞ ǅǆ ﬁ Ωω.-’'1\n", "ΑΣ", "Straße", "İSTANBUL", "ὈΔΥΣΣΕΎΣ", "Segment", "NHS"]
_CASED = st.lists(st.sampled_from(_PIECES), max_size=20).map("".join)


@settings(max_examples=200, deadline=None)
@given(texts=st.lists(_CASED, min_size=1, max_size=3))
def test_lower_case_words_read_by_word_number_are_the_string_store_s(texts: list[str]) -> None:
    """The lower-case words read from the lexicon's texts by word number are the tokens'
    ``LOWER`` strings, for words met before and new ones, in Docs of several vocabularies
    (casings that lower-case to more characters or by context included)."""
    for nlp in _BLANKS:
        for text in texts:
            doc = nlp(text)
            assert token_strings(doc) == [doc.vocab.strings[lower] for lower in doc.to_array("LOWER").tolist()]


@pytest.mark.parametrize("after", ["nothing", "replaced", "appended"])
def test_spans_kept_by_their_writer_stand_for_the_group_only_while_it_is_unchanged(blank, after):
    """``spans_in`` reads a component's own Span list (``keep_spans``) instead of making the
    group's Spans again, but only while ``doc.spans[key]`` is the group that component wrote."""
    doc = blank("Seven trusts are in Segment 4 and two ICBs in segment 3 .")
    written = [Span(doc, 5, 6, label="SEG"), Span(doc, 10, 11, label="SEG")]
    doc.spans["segments"] = written
    keep_spans(doc, "segments", written)
    if after == "replaced":
        doc.spans["segments"] = [Span(doc, 4, 6, label="SEG")]
    elif after == "appended":
        doc.spans["segments"].append(Span(doc, 0, 1, label="N"))
    found = spans_in(doc, "segments", 0, len(doc))
    assert [(s.start, s.end, s.label_) for s in found] == \
        sorted((s.start, s.end, s.label_) for s in doc.spans["segments"])
    assert (found[0] is written[0]) is (after == "nothing")
