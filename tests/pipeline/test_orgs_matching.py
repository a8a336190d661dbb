"""The linker's one automaton finds what its two ``LOWER`` PhraseMatchers found (the
gazetteer's aliases in every spelling, and the self-reference phrases), and the words
``phrase_words`` makes of a phrase are those the tokenizer makes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from extractor.pipeline.orgs import _expand, surface_variants
from extractor.pipeline.phrase_words import phrase_words

CORPUS = sorted((Path(__file__).resolve().parents[2] / "corpora").glob("*.txt"))[:20]
CHUNKS = ("St.", "Mary's", "King’s", "(Surrey)", "A&E", "Trust,", "NHS", "cannot", "don't", "U.K.", "e.g.",
          "Weston-Super-Mare", "1st", "£5m", "co-op", "hello", "Health)", ":)", "www.nhs.uk", "'s", "-", "")
SPACES = (" ", " ", " ", "  ", "\n", "\t", "\u00a0")


def _alias_forms(nlp: Language) -> list[str]:
    forms: set[str] = set()
    for surface, _key in nlp.get_pipe("orgs").gazetteer.surface_forms():
        forms |= surface_variants(surface)
    return sorted(forms)


def _self_phrases(nlp: Language) -> list[list[str]]:
    return [[" ".join(words) for words in _expand(rule["pattern"])] for rule in nlp.get_pipe("orgs")._self_rules]


@pytest.fixture(scope="module")
def docs(nlp: Language) -> list[Doc]:
    return [nlp(path.read_text(encoding="utf-8")) for path in CORPUS]


def test_phrase_words_are_the_tokenizers_for_every_alias(nlp: Language) -> None:
    phrases = _alias_forms(nlp) + [p for rule in _self_phrases(nlp) for p in rule]
    assert phrase_words(nlp.tokenizer, phrases) == [[t.text for t in nlp.tokenizer(p)] for p in phrases]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(CHUNKS), st.sampled_from(SPACES)), min_size=1, max_size=6))
def test_phrase_words_are_the_tokenizers(nlp: Language, pieces: list[tuple[str, str]]) -> None:
    phrase = "".join(chunk + space for chunk, space in pieces).rstrip(" ")
    assert phrase_words(nlp.tokenizer, [phrase]) == [[t.text for t in nlp.tokenizer(phrase)]]


def test_one_automaton_finds_what_two_phrase_matchers_found(nlp: Language, docs: list[Doc]) -> None:
    aliases = PhraseMatcher(nlp.vocab, attr="LOWER")
    aliases.add("ORG", list(nlp.tokenizer.pipe(_alias_forms(nlp))))
    refs = PhraseMatcher(nlp.vocab, attr="LOWER")
    for k, phrases in enumerate(_self_phrases(nlp)):
        refs.add(str(k), list(nlp.tokenizer.pipe(phrases)))
    linker, strings, seen = nlp.get_pipe("orgs"), nlp.vocab.strings, 0
    for doc in docs:
        found, found_refs = linker._matches(doc)
        assert sorted(found) == sorted((start, end) for _, start, end in aliases(doc))
        assert sorted(found_refs) == sorted((int(strings[key]), start, end) for key, start, end in refs(doc))
        seen += len(found) + len(found_refs)
    assert seen > 500
