"""Patterns of fixed words run as phrase patterns (``ruler.as_phrases``) mark what the token
patterns as ``models/`` states them mark."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.pipeline.span_ruler import SpanRuler

from extractor.pipeline.ruler import AssetSpanRuler, as_phrases
from extractor.resources import load_jsonl

CORPUS = sorted((Path(__file__).resolve().parents[2] / "corpora").glob("*.txt"))[:30]
RULERS = ("quantities", "segments", "populations", "ranks")
WORDS = ("segment", "seg", ".", "top", "lowest", "tier", "category", "first", "icb", "ICS", "'s", "ics's", "non",
         "-", "acute", "trusts", "nhs", "integrated", "care", "boards", "mental", "health", "a", "dozen", "of",
         "couple", "not", "one", "single", "ranked", "joint", "10th", "out", "3", "special", "measures", "the")


def _stated(nlp: Language, name: str) -> SpanRuler:
    ruler = nlp.get_pipe(name)
    assert isinstance(ruler, AssetSpanRuler)
    plain = SpanRuler(nlp, f"stated_{name}", spans_key="stated", phrase_matcher_attr="LOWER", validate=False)
    patterns = list(load_jsonl(*ruler.patterns_asset.split("/")))
    if ruler.extra_patterns is not None:
        patterns.extend(ruler.extra_patterns())
    with nlp.select_pipes(disable=nlp.pipe_names):
        plain.add_patterns(patterns)
    return plain


@pytest.fixture(scope="module")
def stated(nlp: Language) -> dict[str, SpanRuler]:
    return {name: _stated(nlp, name) for name in RULERS}


def _same_marks(nlp: Language, stated: dict[str, SpanRuler], text: str) -> None:
    doc = nlp.make_doc(text)
    for name in RULERS:
        got = {(s.start, s.end, s.label_, s.id_) for s in nlp.get_pipe(name).match(doc)}
        assert got == {(s.start, s.end, s.label_, s.id_) for s in SpanRuler.match(stated[name], doc)}, name


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_phrases_mark_what_the_stated_patterns_mark(nlp, stated, path):
    _same_marks(nlp, stated, path.read_text(encoding="utf-8"))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), min_size=0, max_size=30))
def test_any_run_of_pattern_words_is_marked_alike(nlp, stated, words):
    _same_marks(nlp, stated, " ".join(words))


def test_a_word_that_is_not_one_token_as_a_phrase_stays_a_token_pattern(nlp):
    assert as_phrases({"label": "icb", "pattern": [{"LOWER": "ics's"}]}, nlp.make_doc) is None
    assert as_phrases({"label": "x", "pattern": [{"LOWER": "top"}, {"LOWER": {"IN": ["seg", "seg."]}}]},
                      nlp.make_doc) is None
    assert as_phrases({"label": "x", "pattern": [{"LOWER": "nhs", "OP": "?"}, {"LOWER": "trusts"}]},
                      nlp.make_doc) == [{"label": "x", "pattern": "nhs trusts"}, {"label": "x", "pattern": "trusts"}]


@pytest.mark.parametrize("token", [{"LOWER": "x", "OP": "*"}, {"TEXT": "X"}, {"LOWER": {"REGEX": "x"}},
                                   {"LOWER": "x", "IS_TITLE": True}])
def test_a_pattern_testing_more_than_fixed_words_is_no_phrase(token):
    assert as_phrases({"label": "x", "pattern": [{"LOWER": "a"}, token]}) is None
