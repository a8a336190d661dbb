"""Every deliberate error in the audit corpus is caught; consistent documents raise none."""

from __future__ import annotations

import pytest

from extractor.schema import CHECKS, DATASET

from .conftest import AUDIT_GOLD, checks_of, expected_checks

CONSISTENT = [g for g in AUDIT_GOLD if not any(e["status"] == "fail" for e in expected_checks(g))]
WITH_ERRORS = [g for g in AUDIT_GOLD if g not in CONSISTENT]


def test_audit_corpus_is_big_enough() -> None:
    with_errors = [g for g in AUDIT_GOLD if any(e["status"] == "fail" for e in expected_checks(g))]
    consistent = [g for g in AUDIT_GOLD if g not in with_errors]
    assert len(with_errors) >= 10
    assert len(consistent) >= 6


@pytest.mark.parametrize("gold", AUDIT_GOLD, ids=lambda p: p.stem)
def test_expected_checks_appear(gold, audit_result) -> None:
    checks, _ = audit_result
    mine = checks_of(checks, gold.stem)
    found = set(zip(mine["kind"], mine["status"], strict=True))
    for expected in expected_checks(gold):
        assert (expected["kind"], expected["status"]) in found, mine[["kind", "status", "message"]]


@pytest.mark.parametrize("gold", AUDIT_GOLD, ids=lambda p: p.stem)
def test_no_unexpected_failures(gold, audit_result) -> None:
    checks, _ = audit_result
    mine = checks_of(checks, gold.stem)
    allowed = {e["kind"] for e in expected_checks(gold) if e["status"] == "fail"}
    surprises = mine[(mine["status"] == "fail") & ~mine["kind"].isin(allowed)]
    assert surprises.empty, surprises[["kind", "message"]].to_string()


def test_tables_follow_the_contract(audit_result) -> None:
    checks, dataset = audit_result
    assert CHECKS.validate(checks) == []
    assert DATASET.validate(dataset) == []
    assert checks["check_id"].is_unique
    assert (checks["message"].str.len() > 20).all()


def test_cross_document_conflict_names_both_documents(audit_result) -> None:
    checks, dataset = audit_result
    fails = checks[(checks["kind"] == "cross_document") & (checks["status"] == "fail")]
    assert len(fails) == 1
    message = fails.iloc[0]["message"]
    assert "audit_04_q2_acute_league_news" in message and "audit_05_q2_acute_league_analysis" in message
    row = dataset[(dataset["org_type"] == "acute") & (dataset["segment"] == "4")
                  & (dataset["period"] == "2025/26 Q2")].iloc[0]
    assert row["count"] == 31 and "audit_05" in row["conflict"]


def test_list_check_says_which_way_it_is_wrong(audit_result) -> None:
    checks, _ = audit_result
    short = checks_of(checks, "audit_03_rsp_icb_list_short")
    row = short[short["kind"] == "list_length_matches_count"].iloc[0]
    assert (row["expected"], row["observed"]) == ("5", "4")
    assert "missing" in row["message"]


def test_smallest_conflict_is_reported(audit_result) -> None:
    checks, _ = audit_result
    mine = checks_of(checks, "audit_01_trusts_percent_slip")
    conflict = mine[(mine["kind"] == "derived") & (mine["status"] == "fail")].iloc[0]
    ids = conflict["claim_ids"].split(";")
    assert len(ids) == 2 and "audit_01_trusts_percent_slip:c3" in ids


def test_coverage_incomplete_is_unverifiable_not_fail(audit_result) -> None:
    checks, _ = audit_result
    mine = checks_of(checks, "audit_09_london_official_mismatch")
    gosh = mine[mine["message"].str.contains("Great Ormond Street")].iloc[0]
    assert gosh["status"] == "unverifiable" and "coverage incomplete" in gosh["message"]


def test_figures_of_different_periods_are_not_solved_together(audit_result) -> None:
    checks, dataset = audit_result
    mine = checks_of(checks, "audit_15_periods_then_and_now")
    assert not (mine["status"] == "fail").any(), mine[["kind", "message"]].to_string()
    sums = mine[mine["kind"] == "segments_sum_to_total"]["message"]
    assert sums.str.contains("= 236").any() and sums.str.contains("= 209").any()
    periods = set(dataset[dataset["doc_ids"].str.contains("audit_15")]["period"])
    assert {"2016-10", "2023/24 Q3", "2022/23 Q3", "2022/23 Q2"} <= periods


def test_a_claim_read_with_low_confidence_makes_a_check_unverifiable_with_its_reason(audit_result) -> None:
    checks, _ = audit_result
    mine = checks_of(checks, "audit_18_special_measures_regimes_2017")
    softened = mine[mine["message"].str.contains("Not counted as a failure")]
    assert len(softened) >= 3 and (softened["status"] == "unverifiable").all()
    assert softened["message"].str.contains("special measures regime").any()
    assert softened["message"].str.contains("over a span of time").any()


def test_a_failing_conflict_names_each_claims_figures(audit_result) -> None:
    checks, _ = audit_result
    mine = checks_of(checks, "audit_01_trusts_percent_slip")
    conflict = mine[(mine["kind"] == "derived") & (mine["status"] == "fail")].iloc[0]
    assert "83 trusts in segment 2" in conflict["message"] and "45%" in conflict["message"]


@pytest.mark.parametrize("gold", CONSISTENT, ids=lambda p: p.stem)
def test_extracted_consistent_documents_raise_no_failing_check(gold, extracted_audit) -> None:
    checks, ids = extracted_audit
    mine = checks_of(checks, ids[gold.stem])
    fails = mine[mine["status"] == "fail"]
    assert fails.empty, fails[["kind", "message"]].to_string()


@pytest.mark.parametrize("gold", WITH_ERRORS, ids=lambda p: p.stem)
def test_extracted_deliberate_errors_are_still_caught(gold, extracted_audit) -> None:
    checks, ids = extracted_audit
    mine = checks_of(checks, ids[gold.stem])
    caught = set(mine[mine["status"] == "fail"]["kind"])
    expected = {e["kind"] for e in expected_checks(gold) if e["status"] == "fail"}
    assert expected <= caught, mine[["kind", "status", "message"]].to_string()
