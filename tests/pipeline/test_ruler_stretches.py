"""The rulers find exactly what SpanRuler finds on the whole Doc (their automaton, see also
``test_automaton``), and the stretches of ``ruler.MatchableWords`` (where the readers run
their Matchers) hold every match of their patterns."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.pipeline.span_ruler import SpanRuler

from extractor.batch.outcome import prepare
from extractor.pipeline.ruler import AssetSpanRuler, MatchableWords
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
def test_stretches_find_the_matches_of_the_whole_doc(nlp, path):
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


def _words(*patterns: list[dict]) -> tuple[MatchableWords, spacy.Language]:
    blank = spacy.blank("en")
    words = MatchableWords(gap=2)
    for pattern in patterns:
        words.add(blank.vocab, pattern)
    return words, blank


SEGMENT_N = [{"LOWER": "the", "OP": "?"}, {"LOWER": {"IN": ["segment", "tier"]}}, {"TEXT": {"REGEX": r"^\d$"}}]


@pytest.mark.parametrize(("text", "expected"), [
    ("they are in segment 3 now", [(3, 5)]),                        # both required words
    ("they are in the segment 3 now", [(3, 6)]),                    # the optional word joins the run
    ("Segment 4 is where it sits", [(0, 2)]),                       # capitalised, at the start
    ("a tier 2 rating", [(1, 3)]),                                  # the other word of the set
    ("the segment was 3", []),                                      # a word between: no run holds both
    ("the 3 segments", []),                                         # a word no token matches
    ("in segment 3 and segment 4 too", [(1, 6)]),                   # two runs closer than the gap: one stretch
    ("in segment 3 then later on in segment 4", [(1, 3), (7, 9)]),  # further apart: two stretches
    ("segment three", []),                                          # a number in words is not \d
    ("", []),
])
def test_stretches_hold_the_runs_a_pattern_can_match(text, expected):
    words, blank = _words(SEGMENT_N)
    assert words.stretches(blank(text)) == expected


@pytest.mark.parametrize("token", [{"OP": "*"}, {"OP": "+"}, {"POS": "NOUN", "OP": "*"}, {"OP": "{2,}"},
                                   {"_": {"a": 1}, "OP": "+"}])
def test_a_token_that_may_take_any_number_of_any_words_makes_the_whole_doc_one_stretch(token):
    words, blank = _words([{"LOWER": "segment"}, token])
    assert not words.usable
    assert words.stretches(blank("no oversight words here")) == [(0, 4)]


def test_a_pattern_of_any_words_only_makes_the_whole_doc_one_stretch():
    words, blank = _words([{"LOWER": "x", "OP": "!"}, {"POS": "NOUN"}])
    assert not words.usable
    assert words.stretches(blank("no oversight words here")) == [(0, 4)]


@pytest.mark.parametrize(("token", "reach"), [
    ({}, 1), ({"OP": "?"}, 1), ({"LOWER": "x", "OP": "!"}, 1), ({"POS": "NOUN"}, 1), ({"_": {"a": 1}}, 1),
    ({"LOWER": {"NOT_IN": ["of", "in"]}}, 1), ({"OP": "{0,4}"}, 4), ({"OP": "{,3}"}, 3), ({"OP": "{2}"}, 2),
    ({"IS_ALPHA": True}, 1), ({"LIKE_NUM": False}, 1), ({"IS_ALPHA": True, "OP": "{0,2}"}, 2),
])
def test_a_token_that_may_match_a_few_of_any_words_widens_the_stretches(token, reach):
    words, blank = _words([{"LOWER": "segment"}, token, {"LIKE_NUM": True}])
    assert words.usable and words.reach == reach
    doc = blank("by then the segment they chose 4 was full " + "and so on " * 4)
    assert words.stretches(doc) == ([] if reach < 2 else [(max(0, 3 - reach), min(len(doc), 7 + reach))])
    assert words.stretches(blank("far away from here at the end segment")) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("the top 20 trusts", [(0, 4)]),                   # widened by one word each side
    ("we came top 20 here", [(1, 5)]),
    ("top 20", [(0, 2)]),                              # within the Doc
    ("top of the table, 20 of them", []),              # more than one word between
    ("ranked top 5 then later top 10 again", [(0, 8)]),  # close stretches joined
])
def test_a_negated_word_list_after_the_words_is_one_word_more(text, expected):
    words, blank = _words([{"LOWER": {"IN": ["top", "bottom"]}}, {"LIKE_NUM": True},
                           {"LOWER": {"NOT_IN": ["segment", "tier"]}}])
    assert words.stretches(blank(text)) == expected


def test_a_flag_or_lexeme_attribute_is_a_word_test():
    words, blank = _words([{"LIKE_NUM": True}, {"LOWER": "trusts"}])
    assert words.usable
    assert words.stretches(blank("12 trusts went up, while elsewhere ten trusts and some trusts fell")) == \
        [(0, 2), (7, 9)]


def test_one_pattern_s_wildcard_widens_only_its_own_stretches():
    words, blank = _words(SEGMENT_N, [{"LOWER": "when"}, {"IS_ALPHA": True, "OP": "{0,4}"}, {"LOWER": "began"}])
    assert words.reach == 4
    doc = blank("in segment 3 at the start of that long year , when the regime began , they said and so on")
    assert words.stretches(doc) == [(1, 3), (7, 19)]  # 'when ... began' widened by four words each side


def test_more_required_words_than_a_64_bit_mask_holds_give_the_same_stretches():
    """Beyond 64 required tokens the bits are Python ints: the runs are the same."""
    many = [[{"LOWER": f"w{k}"}, {"LOWER": f"v{k}"}] for k in range(40)]
    words, blank = _words(*many)
    assert len(next(iter(words.groups.values())).required) == 80
    doc = blank("x w39 v39 y y y y y y w3 z v3 w0 v0 y y y y y y y w1")
    assert words.stretches(doc) == [(1, 3), (11, 14)]  # the run "v3 w0 v0" holds "w0 v0"


def test_a_word_first_seen_in_another_vocabulary_is_decided_by_its_text():
    """Words are numbered once per process with their text, whichever vocabulary a Doc has."""
    words, blank = _words(SEGMENT_N)
    spacy.blank("en")("a wholly new segment 7 word")  # a Doc of another vocabulary, never asked about
    other = spacy.blank("en")
    assert words.stretches(other("then segment 7 came")) == [(1, 3)]
    assert words.stretches(blank("then segment 7 came")) == [(1, 3)]


@pytest.mark.parametrize("text", [
    "12 trusts, 1,200 staff, 45% of them and 3/4 of the rest; 2pc more than the 7 in RSP and NPIP",
    "Trusts may be in segment 4 or the Recovery Support Programme (RSP), and may not.",
    "",
])
def test_one_word_patterns_are_found_as_the_matcher_finds_them(nlp, text):
    """Patterns of one word (a flag, a word) are matched by the automaton as the Matcher does."""
    assert all(nlp.get_pipe(name).automaton is not None for name in RULERS)
    _same_as_whole_doc(nlp, nlp(text))


def test_a_stretch_is_tried_with_only_the_patterns_it_can_hold():
    """Each stretch carries the patterns whose required words it holds (bit ``1 << number``)."""
    words, blank = _words([{"LOWER": "segment"}, {"LIKE_NUM": True}], [{"LOWER": "ranked"}, {"LOWER": "top"}])
    [group] = words.groups.values()
    assert group.patterned_stretches(blank("the segment 4 trusts were far behind and ranked top")) == \
        [(1, 3, 0b01), (8, 10, 0b10)]
    assert group.patterned_stretches(blank("segment 4 ranked top")) == [(0, 4, 0b11)]


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
    from extractor.pipeline.ruler import _LEXICON

    nlp = spacy.blank("en") if fresh else _SHARED_BLANK
    doc = nlp(" ".join(words))
    numbers = _LEXICON.words_of(doc).tolist()
    assert numbers == [_LEXICON.numbers[t.orth] for t in doc]
    assert [_LEXICON.texts[n] for n in numbers] == [t.text for t in doc]

