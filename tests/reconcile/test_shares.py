"""The intervals stated shares allow, read from models/shares.jsonl."""

from __future__ import annotations

from fractions import Fraction

import pytest

from extractor.reconcile.shares import percent_interval, share_interval, share_table


@pytest.mark.parametrize(("phrase", "count", "total", "holds"), [
    ("more than half", 23, 42, True),
    ("more than half", 21, 42, False),
    ("Over half", 11, 19, True),
    ("two-thirds", 20, 30, True),
    ("two thirds", 14, 30, False),
    ("just over a third", 76, 209, True),
    ("just over a third", 69, 209, False),
    ("almost two-thirds", 23, 37, True),
    ("nearly half", 9, 26, False),
    ("the majority", 22, 42, True),
    ("a quarter", 10, 42, True),
    ("more than a quarter", 35, 134, True),
    ("nearly seven in ten", 42, 61, True),
    ("one in four", 12, 50, True),
    ("nine in 10", 114, 209, False),
])
def test_share_phrases(phrase, count, total, holds) -> None:
    interval = share_interval(phrase)
    assert interval is not None
    assert interval.contains(Fraction(count, total)) is holds


@pytest.mark.parametrize(("percent", "count", "total", "holds"), [
    ("40", 84, 209, True),
    ("36", 76, 209, True),
    ("36", 77, 209, False),
    ("45", 83, 209, False),
    ("28.6", 12, 42, True),
    ("28.6", 11, 42, False),
    ("50", 1, 2, True),
    ("0", 0, 42, True),
])
def test_percent_rounding_honours_precision(percent, count, total, holds) -> None:
    assert percent_interval(percent).contains(Fraction(count, total)) is holds


def test_unknown_phrase_has_no_interval() -> None:
    assert share_interval("a good many") is None


def test_every_shipped_interval_is_well_formed() -> None:
    for phrase, interval in share_table().items():
        assert 0 <= interval.low <= interval.high <= 1, phrase


def test_percent_and_share_overlap() -> None:
    assert percent_interval("36").overlaps(share_interval("just over a third"))
    assert not percent_interval("30").overlaps(share_interval("just over a third"))
