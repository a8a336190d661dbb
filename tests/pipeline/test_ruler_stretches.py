"""The rulers find exactly what SpanRuler finds on the whole Doc (their automaton, see also
``test_automaton``), keep the longest matches as ``filter_spans`` would, and number the
words they meet once per process."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.pipeline.span_ruler import SpanRuler

from extractor.batch.outcome import prepare
from extractor.pipeline.ruler import AssetSpanRuler
from extractor.sources import read_path

CORPUS = sorted((Path(__file__).resolve().parents[2] / "corpora").glob("*.txt"))
RULERS = ("quantities", "segments", "populations", "scopes", "ranks", "traps")


def _spans(spans) -> list[tuple[int, int, str, str]]:
    return [(s.start, s.end, s.label_, s.id_) for s in spans]


def _same_as_whole_doc(nlp, doc) -> None:
    for name in RULERS:
        ruler = nlp.get_pipe(name)
        assert isinstance(ruler, AssetSpanRuler)
        assert _spans(ruler.match(doc)) == _spans(SpanRuler.match(ruler, doc)), name


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_rulers_find_the_matches_of_the_whole_doc(nlp, path):
    [sd] = list(read_path(path))
    _same_as_whole_doc(nlp, nlp(prepare(nlp, sd)))


WORDS = ("segment", "segments", "Segment", "3", "4", "two", "twelve", "the", "of", "and", "in", "a", "top",
         "bottom", "trusts", "trust", "NHS", "acute", "mental", "health", "community", "ICBs", "systems", "%",
         "per", "cent", "out", "42", "1,200", "15th", "ranked", "joint", "place", "was", "rose", "to", "single",
         "not", "one", "non", "-", "recovery", "support", "programme", "special", "measures", "NOF4", "tier",
         ",", ".", "weather", "council", "river", "budget", "between", "from", "years", "spent", "have", "tiers",
         "categories", "category", "financial", "likely")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), min_size=0, max_size=40))
def test_any_run_of_pattern_words_gives_the_same_matches(nlp, words):
    _same_as_whole_doc(nlp, nlp(" ".join(words)))


@pytest.mark.parametrize("text", [
    "12 trusts, 1,200 staff, 45% of them and 3/4 of the rest; 2pc more than the 7 in RSP and NPIP",
    "Trusts may be in segment 4 or the Recovery Support Programme (RSP), and may not.",
    "",
])
def test_one_word_patterns_are_found_as_the_matcher_finds_them(nlp, text):
    """Patterns of one word (a flag, a word) are matched by the automaton as the Matcher does."""
    assert all(nlp.get_pipe(name).automaton is not None for name in RULERS)
    _same_as_whole_doc(nlp, nlp(text))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 12), st.integers(1, 4), st.integers(0, 2), st.integers(0, 1)), max_size=12))
def test_longest_rows_are_filter_spans_of_their_spans(rows):
    """The rulers keep the longest matches among (start, end, label, id) rows before making
    Spans: what ``filter_spans`` keeps of the Spans of the same rows, in the same order."""
    from spacy.tokens import Span
    from spacy.util import filter_spans

    from extractor.pipeline.ruler import longest_pairs

    doc = spacy.blank("en")(" ".join(["w"] * 16))
    rows = sorted({(start, start + width, label, span_id) for start, width, label, span_id in rows})
    spans = [Span(doc, start, end, label=label, span_id=span_id) for start, end, label, span_id in rows]
    assert longest_pairs(rows) == [(s.start, s.end, s.label, s.id) for s in filter_spans(spans)]


@pytest.mark.parametrize("path", CORPUS[:12], ids=lambda p: p.stem)
def test_rulers_set_what_span_ruler_sets(nlp, path):
    """A ruler's call sets the spans SpanRuler's own call (its match, then its filter) sets."""
    [sd] = list(read_path(path))
    doc = nlp(prepare(nlp, sd))
    for name in RULERS:
        ruler = nlp.get_pipe(name)
        ruler(doc)
        ours = _spans(doc.spans[ruler.key])
        SpanRuler.__call__(ruler, doc)
        assert ours == _spans(doc.spans[ruler.key]), name


_SHARED_BLANK = spacy.blank("en")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from((*WORDS, "zq1", "zq2", "Zq1")), max_size=20), st.booleans())
def test_a_word_s_number_is_its_number_in_the_lexicon_in_every_vocabulary(words, fresh):
    """The numbers read from the lexemes' ranks are those the lexicon gave the words, their
    text the word's, in the vocabulary that numbered them and in any other."""
    from extractor.pipeline.lexicon import LEXICON

    nlp = spacy.blank("en") if fresh else _SHARED_BLANK
    doc = nlp(" ".join(words))
    numbers = LEXICON.words_of(doc).tolist()
    assert numbers == [LEXICON.numbers[t.orth] for t in doc]
    assert [LEXICON.texts[n] for n in numbers] == [t.text for t in doc]

