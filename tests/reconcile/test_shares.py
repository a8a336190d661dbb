"""The intervals stated shares allow, read from models/shares.jsonl."""

from __future__ import annotations

from fractions import Fraction

import pytest

from extractor.reconcile.shares import (
    percent_as_written,
    percent_interval,
    share_as_written,
    share_interval,
    share_table,
)


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
    # a modifier the table does not list with the share applies to the share's own value
    ("more than two in five", 61, 140, True),
    ("more than two in five", 55, 140, False),
    ("over two in five", 88, 205, True),
    ("almost one in four", 30, 134, True),
    ("almost one in four", 34, 134, False),
    ("at least a fifth", 4, 17, True),
    ("at least two in five", 8, 25, False),
    ("just over one in ten", 2, 17, True),
    ("just over one in ten", 1, 17, False),
    ("fewer than one in ten", 9, 100, True),
    ("fewer than one in ten", 10, 100, False),
    ("no more than three in five", 60, 100, True),
    ("roughly two in five", 43, 100, True),
    ("close to three in five", 57, 100, True),
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


@pytest.mark.parametrize(("share", "text", "written"), [
    ("two in five", "More than two in five trusts (61 of 140) are in segment 3.", "more than two in five"),
    ("two in five", "more than two in five", "more than two in five"),
    ("one in four", "Almost one in four acute trusts sit in segment 4.", "almost one in four"),
    ("one in ten", "Just over one in ten (two trusts) are in segment 1.", "just over one in ten"),
    ("a fifth", "At least a fifth of the region's providers, four of the 17, ...", "at least a fifth"),
    ("two-fifths", "Well over two-fifths of systems are in segment 3.", "well over two-fifths"),
    ("half", "97 of the 205 trusts – nearly half – sit in segments 3 and 4.", "nearly half"),
    ("nearly half", "Nearly half of trusts are in the bottom two segments.", "nearly half"),
    ("two in five", "Two in five trusts (84) are in segment 2.", "two in five"),
    ("a third", "The share, a third, is unchanged; more than that is in segment 3.", "a third"),
])
def test_a_share_is_read_with_the_modifier_written_before_it(share, text, written) -> None:
    assert share_as_written(share, text).lower() == written


@pytest.mark.parametrize("written, as_in", [("Eight out of ten", "eight in ten"), ("nine out of 10", "nine in 10")])
def test_out_of_ten_reads_as_in_ten(written: str, as_in: str) -> None:
    from extractor.reconcile.shares import share_interval

    assert share_interval(written) == share_interval(as_in) is not None


@pytest.mark.parametrize(("percent", "text", "written"), [
    ("30", "Some 30% of acute trusts (41 of 134) are in segment 3.", "some 30"),
    ("20", "Over 20% of acute trusts (29 of 134) are in segment 3.", "over 20"),
    ("10", "Less than 10% of acute trusts (12 of 134) are in segment 3.", "less than 10"),
    ("60", "Almost 60% of acute trusts - 77 of 134 - are in segment 3.", "almost 60"),
    ("40", "Around 40% of acute trusts (50 of 134) are in segment 3.", "around 40"),
    ("25", "In segment 4 sit 31 trusts (just under 25 per cent).", "just under 25"),
    ("15", "Twenty ICBs, or more than 15 percent, were in segment 3.", "more than 15"),
    ("45", "Segment 2 holds 94 trusts – nearly 45% of the total.", "nearly 45"),
    ("12.5", "Fewer than 12.5% of trusts are in segment 1.", "fewer than 12.5"),
    ("30", "A further 30% or more are in segment 3.", "at least 30"),
    ("30", "Segment 3 has 30% or so of the region's providers.", "about 30"),
    # the bare percentage: no qualifier, one in another clause, or one for another figure
    ("36", "There are 76 trusts in segment 2 (36%).", "36"),
    ("30", "Some trusts, 30% of them, are in segment 3.", "30"),
    ("30", "More than 40 trusts, 30%, are in segment 3.", "30"),
    ("30", "Over 20% were in segment 4 last year; now 30% are.", "30"),
    ("30", "Only 30% of acute trusts are in segment 3.", "30"),
    ("30", "No percentage is written in these words.", "30"),
])
def test_a_percentage_is_read_with_the_qualifier_written_with_it(percent, text, written) -> None:
    assert percent_as_written(percent, text) == written


@pytest.mark.parametrize(("percent", "count", "total", "holds"), [
    ("some 30", 41, 134, True),
    ("over 20", 29, 134, True),
    ("less than 10", 12, 134, True),
    ("almost 60", 77, 134, True),
    ("around 40", 50, 134, True),
    ("at least 30", 41, 134, True),
    ("just over 25", 36, 134, True),
    # a qualifier allows what it says and no more
    ("over 20", 26, 134, False),
    ("over 20", 1, 5, False),
    ("less than 10", 14, 134, False),
    ("almost 60", 81, 134, False),
    ("almost 60", 60, 134, False),
    ("around 40", 70, 134, False),
    ("some 30", 20, 134, False),
    ("at most 30", 41, 134, False),
    ("just over 25", 50, 134, False),
    # a bare percentage still rounds exactly
    ("30", 41, 134, False),
    ("60", 77, 134, False),
])
def test_a_qualified_percentage_allows_what_its_qualifier_allows(percent, count, total, holds) -> None:
    assert percent_interval(percent).contains(Fraction(count, total)) is holds


@pytest.mark.parametrize(("text", "count", "percent", "status"), [
    ("Some 30% of acute trusts (41 of 134) are in segment 3.", 41, 30, "pass"),
    ("Over 20% of acute trusts (29 of 134) are in segment 3.", 29, 20, "pass"),
    ("Less than 10% of acute trusts (12 of 134) are in segment 3.", 12, 10, "pass"),
    ("Almost 60% of acute trusts - 77 of 134 - are in segment 3.", 77, 60, "pass"),
    ("Around 40% of acute trusts (50 of 134) are in segment 3.", 50, 40, "pass"),
    ("30% of acute trusts (41 of 134) are in segment 3.", 41, 30, "fail"),
    ("Over 20% of acute trusts (25 of 134) are in segment 3.", 25, 20, "fail"),
    ("Less than 10% of acute trusts (14 of 134) are in segment 3.", 14, 10, "fail"),
    ("Almost 60% of acute trusts - 85 of 134 - are in segment 3.", 85, 60, "fail"),
])
def test_the_percent_check_and_the_solver_read_the_qualifier(text, count, percent, status) -> None:
    import pandas as pd

    from extractor.reconcile import reconcile
    from extractor.schema import CLAIMS, DOCUMENTS

    claims = CLAIMS.frame([{"claim_id": "a:1", "doc_id": "a", "org_type": "acute", "segment": "3",
                            "count": count, "total": 134, "percent": percent, "text": text,
                            "framework": "nof2025", "period": "2025/26 Q2"}])
    checks, _ = reconcile(DOCUMENTS.frame([{"doc_id": "a", "status": "ok"}]), claims, pd.DataFrame(),
                          pd.DataFrame())
    percent_check = checks[checks["kind"] == "percent_matches_count"]
    assert percent_check["status"].tolist() == [status]
    assert bool((checks[checks["kind"] == "derived"]["status"] == "fail").any()) is (status == "fail")
