"""Each organisation's history: one row per organisation and period, conflicts between documents."""

from __future__ import annotations

import pandas as pd
import pytest

from extractor.reconcile import reconcile_tables
from extractor.reconcile.timeline import earlier_period
from extractor.schema import DOCUMENTS, MEMBERSHIPS, RANKINGS, TIMELINE

NO_OFFICIAL = pd.DataFrame(columns=["ods_code", "name", "org_type", "trust_subtype", "league", "segment", "rank",
                                    "framework", "period"])
TITLES = {"a": "Board paper", "b": "Local news story", "c": "Think-tank briefing"}


def member(doc: str, n: int, segment: int | None, period: str, *, code: str = "RVV",
           name: str = "East Kent Hospitals", from_segment: int | None = None, framework: str = "nof2022") -> dict:
    return {"doc_id": doc, "name": name, "canonical_name": f"{name} NHS Trust" if code else "", "ods_code": code,
            "org_type": "acute", "segment": segment, "from_segment": from_segment, "framework": framework,
            "period": period, "text": f"{name} sentence {n}", "start": 0, "end": 10,
            "membership_id": f"{doc}-m{n}", "claim_id": ""}


def run(members: list[dict], rankings: list[dict] = (), official: pd.DataFrame = NO_OFFICIAL):
    documents = DOCUMENTS.frame([{"doc_id": d, "status": "ok", "title": t} for d, t in TITLES.items()])
    return reconcile_tables(documents, pd.DataFrame(), MEMBERSHIPS.frame(members), RANKINGS.frame(list(rankings)),
                            official=official)


def agreement(result) -> pd.DataFrame:
    return result.checks[result.checks["kind"] == "membership_agreement"]


def test_two_documents_that_disagree_fail_and_are_both_named() -> None:
    result = run([member("a", 1, 3, "2023/24 Q3"), member("b", 1, 4, "2023/24 Q3")])
    checks = agreement(result)
    assert checks["status"].tolist() == ["fail"]
    message = checks.iloc[0]["message"]
    assert "“Board paper” (a)" in message and "“Local news story” (b)" in message
    assert checks.iloc[0]["doc_ids"] == "a;b"
    assert (checks.iloc[0]["expected"], checks.iloc[0]["observed"]) == ("3", "4")
    [row] = result.timeline.to_dict("records")
    assert (row["ods_code"], row["period"], row["segment"], row["basis"]) == ("RVV", "2023/24 Q3", 3, "stated")
    assert row["doc_ids"] == "a;b" and row["record_ids"] == "a-m1;b-m1"
    assert "“Local news story” (b) places it in segment 4" in row["conflict"]
    assert TIMELINE.validate(result.timeline) == []


def test_the_segment_most_documents_give_wins() -> None:
    result = run([member("a", 1, 4, "2023/24 Q3"), member("b", 1, 3, "2023/24 Q3"), member("c", 1, 3, "2023/24 Q3")])
    assert result.timeline.iloc[0]["segment"] == 3
    checks = agreement(result)
    assert checks["status"].tolist() == ["fail"] and checks.iloc[0]["doc_ids"] == "b;a"


def test_documents_that_agree_pass() -> None:
    result = run([member("a", 1, 2, "2023/24 Q3"), member("b", 1, 2, "2023/24 Q3")])
    assert agreement(result)["status"].tolist() == ["pass"]
    assert result.timeline.iloc[0]["conflict"] == ""


@pytest.mark.parametrize(("period", "status"), [("2023/24", "unverifiable"), ("", "unverifiable"),
                                                ("2023-11", "fail"), ("2023/24 Q3", "fail")])
def test_a_disagreement_fails_only_for_a_precise_period(period, status) -> None:
    result = run([member("a", 1, 3, period), member("b", 1, 4, period)])
    assert agreement(result)["status"].tolist() == [status]


def test_different_periods_are_different_rows_and_no_conflict() -> None:
    result = run([member("a", 1, 4, "2023/24 Q2"), member("b", 1, 3, "2023/24 Q3")])
    assert result.timeline[["period", "segment"]].values.tolist() == [["2023/24 Q2", 4], ["2023/24 Q3", 3]]
    assert agreement(result).empty


def test_a_move_gives_the_earlier_segment_for_the_period_before() -> None:
    result = run([member("a", 1, 2, "2023/24 Q1", from_segment=3)])
    rows = result.timeline.set_index("period")
    assert rows.loc["2023/24 Q1", "segment"] == 2 and rows.loc["2023/24 Q1", "previous_segment"] == 3
    assert rows.loc["2022/23 Q4", "segment"] == 3 and rows.loc["2022/23 Q4", "record_ids"] == "a-m1"


def test_a_direct_statement_outweighs_a_move_read_back_into_its_period() -> None:
    result = run([member("a", 1, 2, "2023/24 Q3", from_segment=4), member("b", 1, 3, "2023/24 Q2")])
    rows = result.timeline.set_index("period")
    assert rows.loc["2023/24 Q2", "segment"] == 3 and rows.loc["2023/24 Q2", "conflict"] == ""
    assert rows.loc["2023/24 Q2", "doc_ids"] == "b"
    assert agreement(result).empty


@pytest.mark.parametrize(("period", "before"), [
    ("2023/24 Q3", "2023/24 Q2"), ("2023/24 Q1", "2022/23 Q4"), ("Q2 2025/26", "2025/26 Q1"),
    ("2017-01", "2016-12"), ("2016-11", "2016-10"), ("2023/24", ""), ("", ""),
])
def test_earlier_period(period, before) -> None:
    assert earlier_period(period) == before


def test_names_without_a_code_are_one_organisation_whatever_their_case() -> None:
    result = run([member("a", 1, 4, "2023/24 Q3", code="", name="Wye Valley Trust"),
                  member("b", 1, 4, "2023/24 Q3", code="", name="wye valley trust")])
    assert len(result.timeline) == 1
    assert result.timeline.iloc[0]["names"] == "Wye Valley Trust;wye valley trust"


@pytest.mark.parametrize("name", ["our trust", "We", "The trust", "this ICB", "Our organisation"])
def test_an_unnamed_publisher_is_its_own_document_s_body(name: str) -> None:
    """'our trust' on two pages that never say whose they are: two bodies, never compared."""
    result = run([member("a", 1, 3, "2023/24 Q3", code="", name=name),
                  member("b", 1, 4, "2023/24 Q3", code="", name=name)])
    assert agreement(result).empty
    assert sorted(result.timeline["segment"].tolist()) == [3, 4]
    assert sorted(result.timeline["doc_ids"].tolist()) == ["a", "b"]


def test_rankings_give_the_league_position() -> None:
    ranking = {"doc_id": "a", "name": "East Kent Hospitals", "canonical_name": "East Kent Hospitals NHS Trust",
               "ods_code": "RVV", "league": "acute", "rank": 124, "joint": "false", "total": 134, "segment": 4,
               "framework": "nof2025", "period": "2025/26 Q2", "text": "ranked 124th", "start": 0, "end": 5,
               "ranking_id": "a-r1"}
    result = run([member("b", 1, 4, "2025/26 Q2", framework="nof2025")], [ranking])
    [row] = result.timeline.to_dict("records")
    assert (row["league"], row["rank"], row["total"], row["segment"]) == ("acute", 124, 134, 4)
    assert row["record_ids"] == "b-m1;a-r1"
    assert agreement(result)["status"].tolist() == ["pass"]


def ranking(doc: str, n: int, rank: int, period: str, *, league: str = "acute", total: int | None = 134) -> dict:
    return {"doc_id": doc, "name": "East Kent Hospitals", "canonical_name": "East Kent Hospitals NHS Trust",
            "ods_code": "RVV", "league": league, "rank": rank, "joint": "false", "total": total, "segment": None,
            "framework": "nof2025", "period": period, "text": f"ranked {rank}", "start": 0, "end": 5,
            "ranking_id": f"{doc}-r{n}"}


def rank_checks(result) -> pd.DataFrame:
    return result.checks[result.checks["kind"] == "rank_agreement"]


@pytest.mark.parametrize(("ranks", "period", "statuses"), [
    ((124, 124), "2025/26 Q2", ["pass"]),
    ((124, 124, 124), "2025/26 Q2", ["pass"]),
    ((124, 121), "2025/26 Q2", ["fail"]),
    ((124, 121, 124), "2025/26 Q2", ["fail"]),
    ((124, 121), "2025-12", ["fail"]),
    ((124, 121), "2025/26", ["unverifiable"]),
    ((124, 121), "", ["unverifiable"]),
    ((124,), "2025/26 Q2", []),
])
def test_documents_ranking_one_trust_are_compared(ranks, period, statuses) -> None:
    result = run([], [ranking(doc, 1, rank, period) for doc, rank in zip("abc", ranks, strict=False)])
    checks = rank_checks(result)
    assert checks["status"].tolist() == statuses
    if "fail" in statuses:
        assert checks.iloc[0]["expected"] == "124"
        assert "ranks East Kent Hospitals NHS Trust 124 in the acute league table" in checks.iloc[0]["message"]


@pytest.mark.parametrize(("second", "why"), [
    ({"league": "non_acute"}, "another league"),
    ({"league": ""}, "a league the text does not name"),
    ({"total": 61}, "a table of another size"),
])
def test_ranks_in_different_tables_are_not_compared(second, why) -> None:
    result = run([], [ranking("a", 1, 124, "2025/26 Q2"), ranking("b", 1, 30, "2025/26 Q2", **second)])
    assert rank_checks(result).empty, why


def test_official_tables_decide_the_period_they_cover_and_disagreement_is_marked() -> None:
    official = pd.DataFrame([
        {"ods_code": "RVV", "name": "EAST KENT HOSPITALS UNIVERSITY NHS FOUNDATION TRUST", "org_type": "acute",
         "trust_subtype": "", "league": "acute", "segment": "4", "rank": "124", "framework": "nof2025",
         "period": "2025/26 Q3"},
        {"ods_code": "RA9", "name": "TORBAY AND SOUTH DEVON NHS FOUNDATION TRUST", "org_type": "acute",
         "trust_subtype": "", "league": "acute", "segment": "3", "rank": "80", "framework": "nof2025",
         "period": "2025/26 Q3"},
    ])
    result = run([member("a", 1, 3, "2025/26 Q3", framework="nof2025"),
                  member("a", 2, 2, "2024/25 Q1")], official=official)
    rows = result.timeline.set_index("period")
    assert list(result.timeline["ods_code"]) == ["RVV", "RVV"]  # Torbay: no document mentions it
    q3 = rows.loc["2025/26 Q3"]
    assert (q3["segment"], q3["basis"], q3["rank"]) == (4, "official", 124)
    assert "official table places it in segment 4" in q3["conflict"]
    assert rows.loc["2024/25 Q1", "basis"] == "stated"
