"""The worked examples of issue 5, on the two seed articles' gold tables."""

from __future__ import annotations

import pytest

SEED_2024 = "000_1189acf897098171"
SEED_2016 = "003_30016f957bd07697"


def _check(checks, kind: str, words: str):
    rows = checks[(checks["kind"] == kind) & checks["message"].str.contains(words, regex=False)]
    assert len(rows) >= 1, f"no {kind} check mentioning {words!r}"
    return rows.iloc[0]


@pytest.mark.parametrize(("kind", "words"), [
    ("percent_matches_count", "40% (84)"),
    ("share_matches_count", "more than half (23)"),
    ("share_matches_count", "two-thirds (20)"),
    ("share_matches_count", "Just over a third (36%)"),
    ("subtypes_sum_to_segment", "60 acute trusts + 2 specialist"),
    ("list_length_matches_count", "Four ICSs"),
])
def test_worked_examples_hold(seed_result, kind, words) -> None:
    checks, _ = seed_result
    assert _check(checks, kind, words)["status"] == "pass"


def test_no_seed_check_fails(seed_result) -> None:
    checks, _ = seed_result
    assert not (checks["status"] == "fail").any(), checks[checks["status"] == "fail"]["message"].tolist()


def test_icb_segment_two_is_derived(seed_result) -> None:
    _, dataset = seed_result
    row = dataset[(dataset["org_type"] == "icb") & (dataset["segment"] == "2")].iloc[0]
    assert (row["count"], row["basis"]) == (14, "derived")
    assert "42 ICBs in all − 1 in segment 1 − 23 in segment 3 − 4 in segment 4 = 14" in row["reasoning"]
    assert row["doc_ids"] == SEED_2024


def test_trust_segment_three_is_derived_with_rounding(seed_result) -> None:
    _, dataset = seed_result
    row = dataset[(dataset["org_type"] == "trust") & (dataset["segment"] == "3")
                  & (dataset["framework"] == "nof2022")].iloc[0]
    assert (row["count"], row["basis"]) == (76, "derived")
    assert "209 trusts in all − 30 in segment 1 − 84 in segment 2 − 19 in segment 4 = 76" in row["reasoning"]
    assert "36.4%, which rounds to the stated 36%" in row["reasoning"]
    assert f"{SEED_2024}:c7" in row["claim_ids"].split(";")


def test_2016_providers_sum_to_237(seed_result) -> None:
    checks, dataset = seed_result
    row = dataset[(dataset["framework"] == "sof2016") & (dataset["org_type"] == "trust")
                  & (dataset["segment"] == "")].iloc[0]
    assert (row["count"], row["basis"]) == (237, "derived")
    assert "35 + 106 + 74 + 22" in row["reasoning"]
    assert _check(checks, "segments_sum_to_total", "35 + 106 + 74 + 22 = 237")["status"] == "unverifiable"
