"""Word tests compiled into lexeme flags must find exactly what the patterns as written find."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.batch.outcome import prepare
from extractor.pipeline import build_pipeline, ruler
from extractor.sources import read_path

CORPUS = sorted((Path(__file__).resolve().parents[2] / "corpora").glob("*.txt"))
KEYS = ("quantities", "segments", "populations", "scopes", "ranks")


@pytest.fixture(scope="module")
def pipelines():
    flagged = build_pipeline()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(ruler, "with_flags", lambda vocab, pattern: pattern)
        plain = build_pipeline()
    return flagged, plain


def test_flags_stand_for_the_opening_word_tests(pipelines):
    flagged, plain = pipelines
    def flags(nlp):
        return [k for k in nlp.vocab.lex_attr_getters if isinstance(k, int) and ruler.FIRST_FREE_FLAG <= k < 64]

    assert len(flags(flagged)) >= 20
    assert not flags(plain)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_flagged_rulers_find_the_same_spans(pipelines, path):
    flagged, plain = pipelines
    [sd] = list(read_path(path))
    a, b = flagged(prepare(flagged, sd)), plain(prepare(plain, sd))
    for key in KEYS:
        assert [(s.start, s.end, s.label_, s.id_) for s in a.spans.get(key, [])] == \
               [(s.start, s.end, s.label_, s.id_) for s in b.spans.get(key, [])], key


@pytest.mark.parametrize(("attr", "op", "value", "word", "expected"), [
    ("LOWER", "IN", ["trusts", "icbs"], "Trusts", True),
    ("LOWER", "IN", ["NHS"], "NHS", False),  # spaCy compares the lower-cased word with the values as given
    ("ORTH", "IN", ["NHS"], "nhs", False),
    ("LOWER", "REGEX", r"^(nof|sof)[1-5]$", "NOF4", True),
    ("TEXT", "REGEX", r"^\d+$", "12a", False),
])
def test_a_flag_test_means_what_spacy_means(attr, op, value, word, expected):
    assert ruler._flag_test(attr, op, value)(word) is expected
