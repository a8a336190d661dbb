"""The pipeline's tokenizer has spaCy cache chunks spaCy's own flag leaves out of its cache:
its tokens must stay those of spaCy's English tokenizer splitting every chunk afresh (less
the special cases that make emoticons of numbers, which it leaves out)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokenizer import Tokenizer

from extractor.pipeline.tokenizer import TextKeepingTokenizer, _number_emoticon

CORPUS = Path(__file__).resolve().parents[2] / "corpora"
# pieces that make spaCy cut prefixes, suffixes and infixes, special cases among them
PIECES = ["Don't", "it's", "trust's", "a.m.", ":)", "St.", "e.g.", "(", ")", "“", "”", '"', "'", "’s", ",", ".",
          "...", "-", "–", "—", "/", "%", "£", "$", "US$", "5", "12.5", "2024/25", "km", "NHS", "Trust", "trust",
          "ICB", "care", "https://www.mtw.nhs.uk/news", "x@y.org", "Ünï", "°C", "+", "&", ";", ":", "?", "!"]
GAPS = ["", " ", "  ", "\n", "\n\n", "\t", "\u00a0", " \n "]


def _reference() -> Tokenizer:
    """spaCy's English tokenizer with no cache: every chunk is split by the rules."""
    tokenizer = spacy.blank("en").tokenizer
    tokenizer.max_cache_size = 0
    tokenizer.rules = {text: pieces for text, pieces in tokenizer.rules.items() if not _number_emoticon(text)}
    return tokenizer


REFERENCE = _reference()
OURS = TextKeepingTokenizer.like(spacy.blank("en").tokenizer)  # shared: its cache fills across examples


def _tokens(tokenizer: Tokenizer, text: str) -> list[tuple[str, str, int]]:
    return [(t.text, t.whitespace_, t.idx) for t in tokenizer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(GAPS)), max_size=30))
def test_tokens_are_spacys_on_each_call(parts: list[tuple[str, str]]) -> None:
    text = "".join(piece + gap for piece, gap in parts)
    expected = _tokens(REFERENCE, text)
    for _ in range(3):  # fresh, then after the text's chunks were cached
        assert _tokens(OURS, text) == expected


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ9 .,'’\"“”()-–/:;%£$&\n\t\u00a0sS")), max_size=60))
def test_tokens_are_spacys_on_random_characters(text: str) -> None:
    expected = _tokens(REFERENCE, text)
    for _ in range(3):
        assert _tokens(OURS, text) == expected


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt"))[:40], ids=lambda p: p.stem)
def test_tokens_are_spacys_on_the_corpus(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    expected = _tokens(REFERENCE, text)
    assert _tokens(OURS, text) == expected
    assert _tokens(OURS, text) == expected


class _Noting(TextKeepingTokenizer):
    """Records the strings spaCy splits afresh (outside priming)."""

    asked: list[str]

    def find_prefix(self, string: str) -> int:
        if self._split is not None:
            self.asked.append(string)
        return super().find_prefix(string)


def test_chunks_after_a_special_case_are_cached_once_met_twice() -> None:
    """spaCy alone would split "trust," and the rest afresh on every call: "Don't" comes first."""
    tokenizer = _Noting.like(spacy.blank("en").tokenizer)
    text = "Don't panic: the trust, (care) plan rose 4.5% on 12/03."
    for expected_fresh in (True, True, False):
        tokenizer.asked = []
        tokenizer(text)
        assert ("trust," in tokenizer.asked) is expected_fresh
    assert tokenizer.asked == []


@pytest.mark.parametrize(("text", "tokens"), [
    ("Nearly a fifth (8) of the 42", ["Nearly", "a", "fifth", "(", "8", ")", "of", "the", "42"]),
    ("ICBs (8) and trusts (5)", ["ICBs", "(", "8", ")", "and", "trusts", "(", "5", ")"]),
    ("a ratio :3 here", ["a", "ratio", ":", "3", "here"]),
    ("under <3 years", ["under", "<", "3", "years"]),
    ("at 10am and 5p.m.", ["at", "10", "am", "and", "5", "p.m."]),
    ("good :)", ["good", ":)"]),
])
def test_a_number_is_no_emoticon(text: str, tokens: list[str]) -> None:
    """spaCy reads "8)" as an emoticon: a bracketed single-digit count lost its number. Times
    ("10am") and emoticons without digits keep spaCy's special cases."""
    assert [t.text for t in OURS(text)] == tokens
