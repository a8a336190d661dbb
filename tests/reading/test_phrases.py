"""The reading step's own phrase patterns, tried only where a match can be, find what a
plain Matcher finds on the whole Doc or sentence (``reading.phrases``)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from spacy.matcher import Matcher
from spacy.util import filter_spans

from extractor.batch.outcome import prepare
from extractor.reading.phrases import _patterns, match_phrases
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


@pytest.mark.parametrize("path", CORPUS[2::6], ids=lambda p: p.stem)
def test_a_run_s_own_matcher_finds_what_all_the_patterns_find_in_the_same_order(nlp, path):
    """A pattern left out of a run's Matcher has a word test the run holds no word for, so it
    could find nothing there; the others are kept in the file's order, so the matches come
    in the same order (which decides between two as long at the same place)."""
    [sd] = list(read_path(path))
    doc = nlp(prepare(nlp, sd))
    for asset in ASSETS:
        every = Matcher(doc.vocab)
        for row in load_jsonl("patterns", asset):
            every.add(row["label"], [row["pattern"]])
        patterns = _patterns(doc, asset)
        for start, end in patterns.words.stretches(doc):
            own = patterns.matcher_for(doc, start, end)
            assert (own(doc[start:end]) if own is not None else []) == every(doc[start:end]), (asset, start, end)


@pytest.mark.parametrize("path", CORPUS[3::6], ids=lambda p: p.stem)
def test_a_window_the_gate_turns_away_holds_no_match(nlp, path):
    """A window holding no word for some required token of every pattern (its Matcher is
    None) is answered without the Doc's runs: a plain Matcher finds nothing in it either."""
    [sd] = list(read_path(path))
    doc = nlp(prepare(nlp, sd))
    windows = [(s.start, s.end) for s in doc.sents] + [(a, min(a + 25, len(doc))) for a in range(0, len(doc), 7)]
    for asset in ASSETS:
        patterns = _patterns(doc, asset)
        turned_away = [(a, b) for a, b in windows if patterns.matcher_for(doc, a, b) is None]
        assert turned_away, asset
        for start, end in turned_away:
            assert _plain(doc[start:end], asset) == [], (asset, start, end)


def test_a_run_of_one_word_patterns_finds_what_the_matcher_finds(nlp):
    """Where every pattern that can match a run is one word test, the words passing them
    are the matches a Matcher of those patterns finds (no word passes two, so order is moot)."""
    tried = 0
    for path in CORPUS[::3]:
        [sd] = list(read_path(path))
        doc = nlp(prepare(nlp, sd))
        for asset in ASSETS:
            patterns = _patterns(doc, asset)
            for start, end in patterns.words.stretches(doc):
                possible = patterns.possible(doc, start, end)
                found = patterns.one_word_matches(doc, start, end, possible) if possible else None
                if found is None:
                    continue
                tried += 1
                matched = patterns.of(possible)(doc[start:end])
                assert sorted(found) == sorted((doc.vocab.strings[k], start + s, start + e) for k, s, e in matched)
    assert tried > 20
