"""The reading step's own phrase matcher (``reading.phrases``) finds what spaCy's Matcher
finds, and keeps the longest as ``filter_spans`` does, on a whole Doc, a sentence or any
window of it: on the corpus, on random words drawn from the pattern files, and for random
patterns of word tests."""

from __future__ import annotations

import random
from itertools import pairwise
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extractor.batch.outcome import prepare
from extractor.reading.phrases import _Matches, _Patterns, _patterns, longest, match_phrases
from extractor.resources import load_jsonl
from extractor.sources import read_path

CORPUS = sorted((Path(__file__).resolve().parents[2] / "corpora").glob("*.txt"))
ASSETS = ("periods.jsonl", "doubts.jsonl")


def _plain(doc, asset: str) -> list[tuple[int, int, str]]:
    matcher = Matcher(doc.vocab)
    for row in load_jsonl("patterns", asset):
        matcher.add(row["label"], [row["pattern"]])
    spans = filter_spans(matcher(doc, as_spans=True))  # Doc offsets, for a span too
    return sorted((s.start, s.end, s.label_) for s in spans)


def _ours(found) -> list[tuple[int, int, str]]:
    return sorted((s.start, s.end, s.label_) for s in found)


@pytest.mark.parametrize("path", CORPUS[::4], ids=lambda p: p.stem)
def test_phrases_of_a_document_and_its_sentences_are_the_whole_matcher_s(nlp, path):
    [sd] = list(read_path(path))
    doc = nlp(prepare(nlp, sd))
    for asset in ASSETS:
        assert _ours(match_phrases(doc, asset)) == _plain(doc, asset), asset
        for sent in list(doc.sents)[:40]:
            assert _ours(match_phrases(sent, asset)) == _plain(sent, asset), asset


@pytest.mark.parametrize(("text", "label"), [
    ("In Q3 2023/24 the trust was in segment 3.", "QUARTER"),
    ("By the end of March 2024 it had left segment 4.", "MONTH_YEAR"),
    ("Twelve trusts are now in segment 2.", "NOW"),
    ("A year ago there were nine.", "LAST_YEAR"),
    ("The figures for 2022-23 were worse.", "FY"),
    ("At present the board sits in segment 2.", "NOW"),
    ("During 2019 few trusts moved.", "YEAR"),
    ("In the third quarter of 2024/25, 40 trusts were in segment 3.", "QUARTER"),
])
def test_a_time_expression_is_found_among_other_words(nlp, text, label):
    assert label in {s.label_ for s in match_phrases(nlp(text), "periods.jsonl")}


@pytest.mark.parametrize("path", CORPUS[1::6], ids=lambda p: p.stem)
def test_any_window_asked_in_any_order_finds_the_whole_matcher_s(nlp, path):
    """Runs are matched once per Doc and kept: a window asked about after others (or
    before them), crossing sentences or cutting a run, finds what a plain Matcher finds in it."""
    [sd] = list(read_path(path))
    doc = nlp(prepare(nlp, sd))
    rng = random.Random(path.stem)
    windows = [(a, min(a + rng.randint(1, 60), len(doc))) for a in rng.sample(range(len(doc)), min(len(doc), 60))]
    for asset in ASSETS:
        for start, end in windows:
            assert _ours(match_phrases(doc[start:end], asset)) == _plain(doc[start:end], asset), (asset, start, end)
        assert _ours(match_phrases(doc, asset)) == _plain(doc, asset), asset


_BLANK = spacy.blank("en")
# words the patterns name, forms their regular expressions take, other casings, and others
_WORDS = sorted({word for asset in ASSETS for row in load_jsonl("patterns", asset) for token in row["pattern"]
                 for value in token.values() if isinstance(value, (str, dict)) and value not in ("?", "*")
                 for word in ([value] if isinstance(value, str) else value.get("IN", []))
                 if not word.startswith("{")})
_FORMS = ["Q3", "q1", "2023/24", "2019/20", "2023", "1999", "24", "07", "started", "walked", "taken", "12",
          "segment-3", "Segment", "Quarter", "NOW", "May", "may", "Sept", ".", ",", "-", "–", "/"]
_NOISE = ["cat", "trusts", "segment", "in", "the", "of", "and", "ten", "42", "(", ")", "well"]
_TEXTS = st.lists(st.sampled_from(_WORDS + _FORMS + _NOISE), min_size=1, max_size=40)


def _matcher_rows(matcher: Matcher, doclike) -> list[tuple[str, int, int]]:
    """spaCy's matches on ``doclike`` as (label, start, end) by the Doc's offsets, in its order."""
    offset = doclike.start if isinstance(doclike, Span) else 0
    strings = doclike.doc.vocab.strings
    return [(strings[key], offset + start, offset + end) for key, start, end in matcher(doclike)]


def _by_start(rows: list[tuple[str, int, int]]) -> dict[int, list[tuple[str, int, int]]]:
    """Rows grouped by start, each group in the given order (the order that decides a tie)."""
    out: dict[int, list] = {}
    for row in rows:
        out.setdefault(row[1], []).append(row)
    return out


def _check_against_matcher(matcher: Matcher, doc: Doc, found: _Matches, windows) -> None:
    for start, end in windows:
        expected = _matcher_rows(matcher, doc[start:end])
        assert _by_start(found.within(start, end)) == _by_start(expected), (start, end)
        spans = filter_spans(matcher(doc[start:end], as_spans=True))  # by the Doc's offsets
        filtered = sorted(((s.label_, s.start, s.end) for s in spans), key=lambda row: row[1])
        assert longest(found.within(start, end)) == filtered, (start, end)


@settings(max_examples=300, deadline=None)
@given(words=_TEXTS, cuts=st.lists(st.integers(min_value=0, max_value=40), min_size=2, max_size=6))
def test_the_files_patterns_find_what_spacy_s_matcher_finds_on_random_words(words: list[str], cuts: list[int]) -> None:
    """Every match of the pattern files on any words and any window of them (each start's
    matches in the Matcher's order, which decides between two as long on the same words),
    and the longest of them, are the Matcher's."""
    doc = Doc(_BLANK.vocab, words=words)
    windows = [(0, len(doc)), *((min(a, b), max(a, b)) for a, b in pairwise(cuts))]
    windows = [(a, min(b, len(doc))) for a, b in windows if a < min(b, len(doc))]
    for asset in ASSETS:
        matcher = Matcher(_BLANK.vocab)
        for row in load_jsonl("patterns", asset):
            matcher.add(row["label"], [row["pattern"]])
        _check_against_matcher(matcher, doc, _Matches(_patterns(doc, asset), doc), windows)


_LETTERS = ["a", "b", "c", "d"]
_TOKEN = st.one_of(
    st.builds(lambda w: {"LOWER": w}, st.sampled_from(_LETTERS)),
    st.builds(lambda ws: {"LOWER": {"IN": ws}}, st.lists(st.sampled_from(_LETTERS), min_size=1, max_size=3)),
    st.builds(lambda w: {"TEXT": {"REGEX": f"^[{w}B]$"}}, st.sampled_from(_LETTERS)),
    st.just({"IS_ALPHA": True}),
    st.just({}),
)
_OP = st.sampled_from([None, "?", "*", "+", "{0,2}", "{1,2}", "{2}"])


@st.composite
def _pattern(draw) -> list[dict]:
    tokens = []
    for token, op in draw(st.lists(st.tuples(_TOKEN, _OP), min_size=1, max_size=5)):
        tokens.append({**token, "OP": op} if op else dict(token))
    if not any(t.get("OP") in (None, "+", "{1,2}", "{2}") and set(t) - {"OP"} for t in tokens):
        tokens.append({"LOWER": "a"})  # the reading step takes patterns with a required word test
    return tokens


@settings(max_examples=400, deadline=None)
@given(patterns=st.lists(_pattern(), min_size=1, max_size=4),
       words=st.lists(st.sampled_from([*_LETTERS, "A", "B", ",", "7"]), min_size=1, max_size=14),
       cut=st.integers(min_value=0, max_value=14))
def test_any_patterns_of_word_tests_find_what_spacy_s_matcher_finds(patterns, words, cut) -> None:
    """The transcription of the Matcher's state machine, run only from the starts an anchor
    can be reached from, finds the Matcher's matches for any patterns of word tests with
    any quantifiers (optional, repeated, counted, a token taking any word) on any words."""
    rows = [{"label": f"P{k % 3}", "pattern": pattern} for k, pattern in enumerate(patterns)]
    doc = Doc(_BLANK.vocab, words=words)
    matcher = Matcher(_BLANK.vocab)
    for row in rows:
        matcher.add(row["label"], [row["pattern"]])
    windows = [(0, len(doc))] + ([(cut, len(doc))] if cut < len(doc) else [])
    _check_against_matcher(matcher, doc, _Matches(_Patterns(_BLANK.vocab, rows), doc), windows)


@pytest.mark.parametrize("row", [
    {"label": "X", "pattern": [{"POS": "NOUN"}]},
    {"label": "X", "pattern": [{"LOWER": "a", "OP": "!"}, {"LOWER": "b"}]},
    {"label": "X", "pattern": [{"LOWER": "a", "OP": "?"}]},
])
def test_a_pattern_asking_more_than_words_is_refused(row) -> None:
    """A test of the tag, a negated token, or no required word to anchor on: not matched here."""
    with pytest.raises(ValueError):
        _Patterns(_BLANK.vocab, [row])


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from(_WORDS + _FORMS + _NOISE + ["İn", "THE", "Of", "ſ", "", " "]), min_size=1,
                      max_size=20))
def test_a_word_s_bits_looked_up_are_the_tests_it_passes(words: list[str]) -> None:
    """The word-list tests answered by table lookup and the others asked one by one give the
    bits of every test the word passes, for every token test of the pattern files."""
    for asset in ASSETS:
        patterns = _patterns(Doc(_BLANK.vocab, words=["x"]), asset)
        for word in words:
            expected = sum(1 << k for k, test in enumerate(patterns.tests) if test(word))
            assert patterns.word_bits(word) == expected, (asset, word)
