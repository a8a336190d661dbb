"""Joining documents, and checking against the shipped official data."""

from __future__ import annotations

import pandas as pd
import pytest

from extractor.reconcile import load_official, load_populations, reconcile
from extractor.schema import CLAIMS, DOCUMENTS, MEMBERSHIPS, ORG_TYPES


def _run(claims: list[dict], members: list[dict] = (), docs: tuple[str, ...] = ("a", "b")):
    for n, row in enumerate(claims):
        row.setdefault("claim_id", f"{row['doc_id']}:{n}")
        row.setdefault("text", f"claim {n}")
    documents = DOCUMENTS.frame([{"doc_id": d, "status": "ok"} for d in docs])
    return reconcile(documents, CLAIMS.frame(claims), MEMBERSHIPS.frame(list(members)), pd.DataFrame())


@pytest.mark.parametrize(("period", "status"), [("2025/26 Q2", "fail"), ("2025/26", "unverifiable"),
                                                ("", "unverifiable")])
def test_disagreement_fails_only_for_a_precise_period(period, status) -> None:
    checks, dataset = _run([
        {"doc_id": d, "org_type": "acute", "segment": "4", "count": n, "framework": "nof2025",
         "period": period} for d, n in (("a", 31), ("b", 29))
    ])
    cross = checks[checks["kind"] == "cross_document"]
    assert cross["status"].tolist() == [status]
    assert set(cross.iloc[0]["doc_ids"].split(";")) == {"a", "b"}
    row = dataset.iloc[0]
    assert row["conflict"] and row["doc_ids"] in ("a", "b")


def test_agreeing_documents_share_one_row() -> None:
    checks, dataset = _run([
        {"doc_id": d, "org_type": "icb", "segment": "3", "count": 23, "framework": "nof2022",
         "period": "2023/24 Q3"} for d in ("a", "b")])
    assert len(dataset) == 1 and dataset.iloc[0]["doc_ids"] == "a;b"
    assert checks[checks["kind"] == "cross_document"]["status"].tolist() == ["pass"]


DOUBTS = ["its number is a change ('two more'), not a count", "it is asked in a question, not stated",
          "it counts organisations over a span of time, not at one date"]


@pytest.mark.parametrize("doubt", DOUBTS)
@pytest.mark.parametrize("doubted_first", [True, False])
def test_a_doubted_reading_never_outvotes_a_confident_one(doubt, doubted_first) -> None:
    """Two doubted documents against one confident: the confident figure is the dataset's."""
    rows = [{"doc_id": "a", "org_type": "acute", "segment": "4", "count": 31},
            {"doc_id": "b", "org_type": "acute", "segment": "4", "count": 2, "doubt": doubt},
            {"doc_id": "c", "org_type": "acute", "segment": "4", "count": 2, "doubt": doubt}]
    if doubted_first:
        rows = rows[1:] + rows[:1]
    q2 = {"framework": "nof2025", "period": "2025/26 Q2"}
    checks, dataset = _run([{**r, **q2} for r in rows], docs=("a", "b", "c"))
    assert dataset["count"].tolist() == [31]
    assert dataset.iloc[0]["doc_ids"] == "a"
    assert "c gives 2" in dataset.iloc[0]["conflict"]
    cross = checks[checks["kind"] == "cross_document"]
    assert set(cross["status"]) == {"unverifiable"}


@pytest.mark.parametrize("doubt", DOUBTS)
def test_a_row_resting_only_on_doubt_says_so(doubt) -> None:
    _, dataset = _run([{"doc_id": "a", "org_type": "icb", "segment": "4", "count": 2, "doubt": doubt,
                        "framework": "nof2022", "period": "2023/24 Q3"}], docs=("a",))
    assert dataset["count"].tolist() == [2]
    assert dataset.iloc[0]["conflict"] == f"read with doubt in a: {doubt}"


def test_a_confident_reading_of_the_same_figure_clears_the_doubt() -> None:
    q3 = {"framework": "nof2022", "period": "2023/24 Q3", "org_type": "icb", "segment": "4", "count": 2}
    _, dataset = _run([{"doc_id": "a", "doubt": DOUBTS[0], **q3}, {"doc_id": "a", **q3}], docs=("a",))
    assert dataset.iloc[0]["conflict"] == ""


def test_shipped_official_data_loads() -> None:
    official = load_official()
    assert len(official) == 150
    assert set(official["org_type"]) <= set(ORG_TYPES)
    assert set(official["period"]) == {"2025/26 Q3"}
    assert {"icb", "acute", "ambulance"} <= set(load_populations()["org_type"])


def test_official_counts_are_bounded_by_coverage() -> None:
    q3 = {"framework": "nof2025", "period": "2025/26 Q3"}
    checks, _ = _run([
        {"doc_id": "a", "org_type": "acute", "segment": "3", "count": 72, **q3},
        {"doc_id": "a", "org_type": "acute", "segment": "1", "count": 12, **q3},
        {"doc_id": "b", "org_type": "acute", "segment": "3", "count": 5, "total": 19, **q3},
    ])
    official = checks[checks["kind"] == "official_data"]
    by_claim = dict(zip(official["claim_ids"], official["status"], strict=True))
    assert by_claim["a:0"] == "unverifiable"
    assert by_claim["a:1"] == "fail"
    regional = official[official["claim_ids"] == "b:2"]
    assert regional["message"].str.contains("official figure is 134").tolist() == [True]
    assert "coverage incomplete" in official[official["claim_ids"] == "a:0"].iloc[0]["message"]


_Q3 = {"doc_id": "a", "framework": "nof2025", "period": "2025/26 Q3"}
_ELSEWHERE = {"org_type": "acute", "segment": "4", "count": 1, "scope": "South West"}


def _count(org_type: str, segment: str, count: int, text: str = "") -> dict:
    return {"org_type": org_type, "segment": segment, "count": count, **({"text": text} if text else {})}


@pytest.mark.parametrize(("rows", "status"), [
    # a breakdown far short of the nation, every count below the national one: a region's page
    ([_count("trust", "1", 2), _count("trust", "2", 2), _count("trust", "3", 7), _count("trust", "4", 2)],
     "unverifiable"),
    ([_count("acute", "1", 3), _count("acute", "3", 9)], "unverifiable"),
    # the page counts within a place elsewhere
    ([_count("acute", "1", 2), _ELSEWHERE], "unverifiable"),
    ([{"org_type": "acute", "count": 13}, _ELSEWHERE], "unverifiable"),
    # national as far as can be told: still fails
    ([_count("acute", "1", 12)], "fail"),
    ([_count("acute", "1", 10), _count("acute", "3", 60)], "fail"),
    ([_count("acute", "1", 3), _count("acute", "3", 72)], "fail"),
    ([_count("acute", "1", 3, "Nationally, three acute trusts are in segment 1."), _ELSEWHERE], "fail"),
    ([_count("acute", "1", 3, "Three of England's acute trusts are in segment 1."), _ELSEWHERE], "fail"),
    ([_count("acute", "3", 90), _ELSEWHERE], "fail"),
    ([{"org_type": "acute", "count": 130, "text": "England has 130 acute trusts."}, _ELSEWHERE], "fail"),
])
def test_a_count_naming_no_place_on_a_regional_page_is_not_held_to_national_figures(rows, status) -> None:
    checks, _ = _run([{**_Q3, **row} for row in rows], docs=("a",))
    first = checks[(checks["kind"] == "official_data") & (checks["claim_ids"] == "a:0")]
    assert first["status"].tolist() == [status]


def test_official_memberships_match_by_code_or_name() -> None:
    q3 = {"framework": "nof2025", "period": "2025/26 Q3", "doc_id": "a", "org_type": "acute"}
    checks, _ = _run([], [
        {"name": "Barts Health", "segment": "3", **q3},
        {"name": "Mid and South Essex", "ods_code": "RAJ", "segment": "2", **q3},
        {"name": "Great Ormond Street", "segment": "1", **q3},
    ])
    assert checks["status"].tolist() == ["pass", "fail", "unverifiable"]


@pytest.mark.parametrize("scope", ["the county", "the region", "the subregion", "the local area", "our area"])
def test_a_place_its_document_does_not_name_is_compared_within_that_document_only(scope: str) -> None:
    """Two pages' 'the county' are two counties: no cross-document check, no row of the table
    (whose key is the scope as written), and no national figure set against them."""
    checks, dataset = _run([
        {"doc_id": d, "org_type": "trust", "segment": "3", "count": n, "total": t, "scope": scope,
         "framework": "nof2025", "period": "2025/26 Q2"} for d, n, t in (("a", 3, 4), ("b", 2, 5))
    ] + [{"doc_id": "a", "org_type": "acute", "segment": "3", "count": 42, "total": 134,
          "framework": "nof2025", "period": "2025/26 Q2"}])
    assert checks[checks["status"] == "fail"].empty
    assert "cross_document" not in set(checks["kind"])
    assert scope not in set(dataset["scope"])


def test_a_place_its_document_does_not_name_still_has_its_own_sums_checked() -> None:
    checks, _ = _run([
        {"doc_id": "a", "org_type": "trust", "segment": s, "count": n, "total": 4, "scope": "the county",
         "framework": "nof2025", "period": "2025/26 Q2"} for s, n in (("3", 3), ("4", 2))
    ], docs=("a",))
    assert "fail" in set(checks["status"])


def test_every_scope_the_reading_step_gives_an_unnamed_place_is_kept_to_its_document() -> None:
    """The reading step's words for a place it cannot name and the reconciler's list of such
    scopes are kept in two modules (data flows one way): they must agree."""
    from extractor.reading.claims.scope import _UNNAMED
    from extractor.reconcile.values import DEICTIC_SCOPES, scope_key

    assert {scope_key(scope) for _, scope in _UNNAMED} <= DEICTIC_SCOPES


@pytest.mark.parametrize(("ranking", "status"), [
    # beyond the league size the words give, though the reading step drops that total
    ({"rank": 143, "league": "acute", "text": "It was ranked 143rd of 134 acute trusts."}, "fail"),
    ({"rank": 12, "league": "ambulance", "text": "The service came 12th out of the 10 ambulance trusts."},
     "fail"),
    ({"rank": 70, "league": "non_acute", "total": 61, "text": "It is 70th in the non-acute table."}, "fail"),
    # beyond the official size of the league in the period
    ({"rank": 140, "league": "acute", "period": "2025/26 Q3", "text": "It is 140th in the acute table."},
     "fail"),
    ({"rank": 11, "league": "ambulance", "period": "2025/26 Q3", "text": "The service is 11th."}, "fail"),
    # possible ranks, or no size to hold them to
    ({"rank": 93, "league": "acute", "text": "It was ranked 93rd of 134 acute trusts."}, None),
    ({"rank": 134, "league": "acute", "total": 134, "text": "It came last, 134th of 134."}, None),
    ({"rank": 140, "league": "acute", "period": "2025/26 Q2", "text": "It is 140th in the acute table."},
     None),
    ({"rank": 15, "league": "ambulance", "text": "It came 15th, one of 10 trusts to slip."}, None),
    ({"rank": 143, "league": "", "text": "It was ranked 143rd in the country."}, None),
    ({"rank": 45, "league": "non_acute", "text": "45th of 61 mental health and community trusts."}, None),
])
def test_a_rank_beyond_its_league_is_flagged(ranking, status) -> None:
    from extractor.schema import RANKINGS

    row = {"ranking_id": "a:r1", "doc_id": "a", "name": "Some Trust", "framework": "nof2025",
           "period": "2025/26 Q2", **ranking}
    checks, _ = reconcile(DOCUMENTS.frame([{"doc_id": "a", "status": "ok"}]), CLAIMS.frame([]),
                          MEMBERSHIPS.frame([]), RANKINGS.frame([row]),
                          official=load_official().iloc[0:0])
    found = checks[checks["kind"] == "rank_within_league"]["status"].tolist()
    assert found == ([status] if status else [])
