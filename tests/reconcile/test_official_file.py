"""``--official FILE``: a user's official table (CSV or XLSX) is read, validated and checked against."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from extractor.errors import ErrorCode, OfficialTableError
from extractor.reconcile import load_official, reconcile_tables
from extractor.reconcile.officialfile import read_official_file
from extractor.schema import DOCUMENTS, MEMBERSHIPS, RANKINGS

ROWS = [  # made-up placements for a quarter no shipped table covers
    {"Org Code": "RVV", "Trust Name": "East Kent Hospitals University NHS Foundation Trust", "NOF Segment": "3",
     "League position": "101", "Trust type": "Acute trust"},
    {"Org Code": "RYD", "Trust Name": "South East Coast Ambulance Service NHS Foundation Trust",
     "NOF Segment": "Segment 2", "League position": "4", "Trust type": "Ambulance trust"},
    {"Org Code": "", "Trust Name": "Wye Valley NHS Trust", "NOF Segment": "4", "League position": "",
     "Trust type": "Acute"},
]


def write(path: Path, rows: list[dict]) -> Path:
    frame = pd.DataFrame(rows)
    if path.suffix == ".xlsx":
        frame.to_excel(path, index=False)
    else:
        frame.to_csv(path, index=False)
    return path


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_table_is_read_whatever_its_headers_and_the_period_comes_from_the_file_name(tmp_path, suffix) -> None:
    table = read_official_file(write(tmp_path / f"nof_segments_2024-25_q2{suffix}", ROWS))
    assert table["period"].unique().tolist() == ["2024/25 Q2"]
    assert table["framework"].unique().tolist() == ["nof2022"]
    assert table[["ods_code", "segment", "rank", "league"]].values.tolist() == [
        ["RVV", "3", "101", "acute"], ["RYD", "2", "4", "ambulance"], ["", "4", "", "acute"]]
    assert table["name"].iloc[2] == "Wye Valley NHS Trust"


@pytest.mark.parametrize(("cell", "period", "framework"), [
    ("Q3 2025/26", "2025/26 Q3", "nof2025"), ("2023/24 Q4", "2023/24 Q4", "nof2022"),
    ("2021-22 Q2", "2021/22 Q2", "sof2021"), ("quarter 1 of 2023/24", "2023/24 Q1", "sof2021"),
    ("2017-03", "2017-03", "sof2016"),
])
def test_a_period_column_wins_and_gives_the_framework(tmp_path, cell, period, framework) -> None:
    rows = [{**row, "Period": cell} for row in ROWS[:1]]
    table = read_official_file(write(tmp_path / "segments_2024-25_q2.csv", rows))
    assert (table["period"].iloc[0], table["framework"].iloc[0]) == (period, framework)


@pytest.mark.parametrize(("name", "rows", "code", "detail"), [
    ("q.csv", [{"Trust Name": "X", "Segment": "2", "Period": "2024/25 Q1"}], None, None),
    ("segments_2024-25_q1.csv", [{"Trust": "Wye Valley", "Colour": "red"}], ErrorCode.OFFICIAL_NO_SEGMENT, "Colour"),
    ("segments_2024-25_q1.csv", [{"Score": "2.1", "Segment": "2"}], ErrorCode.OFFICIAL_NO_ORGANISATION, "Score"),
    ("segments_2024-25_q1.csv", [{"Org Code": "RVV", "Segment": "6"}, {"Org Code": "RYD", "Segment": "two"}],
     ErrorCode.OFFICIAL_BAD_VALUE, "row 2: segment '6' is not 1-5; row 3: segment 'two'"),
    ("segments_2024-25_q1.csv", [{"Org Code": "RVV", "Segment": "2", "Rank": "-3"}], ErrorCode.OFFICIAL_BAD_VALUE,
     "rank '-3'"),
    ("segments.csv", [{"Org Code": "RVV", "Segment": "2"}], ErrorCode.OFFICIAL_NO_PERIOD, "undated: row 2"),
    ("segments_2024-25_q1.csv", [{"Org Code": "RVV", "Segment": "2"}, {"Org Code": "rvv", "Segment": "3"}],
     ErrorCode.OFFICIAL_CONFLICT, "RVV in 2024/25 Q1"),
])
def test_a_bad_table_gets_a_coded_error_naming_what_is_wrong(tmp_path, name, rows, code, detail) -> None:
    path = write(tmp_path / name, rows)
    if code is None:
        assert len(load_official([path], shipped=False)) == 1
        return
    with pytest.raises(OfficialTableError) as caught:
        load_official([path])
    assert caught.value.code is code
    assert detail in str(caught.value) and str(path) in str(caught.value)
    assert str(caught.value).startswith(code.code)


@pytest.mark.parametrize(("name", "content"), [
    ("broken.xlsx", b"PK\x03\x04 this is not really a workbook"),
    ("table.txt", b"Org Code,Segment\nRVV,2\n"),
    ("binary.csv", bytes(range(256)) * 4),
])
def test_an_unreadable_file_is_e501(tmp_path, name, content) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(OfficialTableError) as caught:
        read_official_file(path)
    assert caught.value.code in (ErrorCode.OFFICIAL_UNREADABLE, ErrorCode.OFFICIAL_NO_ORGANISATION)
    assert caught.value.code is ErrorCode.OFFICIAL_UNREADABLE or name == "binary.csv"


def test_a_missing_file_is_e501(tmp_path) -> None:
    with pytest.raises(OfficialTableError) as caught:
        load_official([tmp_path / "nowhere.csv"])
    assert caught.value.code is ErrorCode.OFFICIAL_UNREADABLE


def test_a_user_table_replaces_the_shipped_row_for_its_period(tmp_path) -> None:
    shipped = load_official()
    rows = [{"ods_code": "RVV", "name": "East Kent", "segment": "2", "rank": "50", "league": "acute",
             "period": "2025/26 Q3"}]
    merged = load_official([write(tmp_path / "mine.csv", rows)])
    assert len(merged) == len(shipped)
    assert merged.set_index("ods_code").loc["RVV", "segment"] == "2"


def _statement(doc: str, n: int, segment: int, period: str, code: str, name: str) -> dict:
    return {"doc_id": doc, "name": name, "canonical_name": "", "ods_code": code, "org_type": "acute",
            "segment": segment, "framework": "nof2022", "period": period, "text": f"{name} is in segment {segment}.",
            "start": 0, "end": 20, "membership_id": f"{doc}-m{n}"}


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_memberships_ranks_and_timeline_of_that_period_are_checked(tmp_path, suffix) -> None:
    official = load_official([write(tmp_path / f"nof_2024-25_q2{suffix}", ROWS)])
    members = [_statement("a", 1, 3, "2024/25 Q2", "RVV", "East Kent Hospitals"),
               _statement("a", 2, 1, "2024/25 Q2", "RYD", "South East Coast Ambulance"),
               _statement("a", 3, 4, "2024/25 Q2", "", "Wye Valley"),
               _statement("a", 4, 4, "2024/25 Q1", "RVV", "East Kent Hospitals")]
    ranking = {"doc_id": "a", "name": "East Kent Hospitals", "ods_code": "RVV", "league": "acute", "rank": 99,
               "joint": "false", "framework": "nof2022", "period": "2024/25 Q2", "text": "ranked 99th",
               "start": 0, "end": 5, "ranking_id": "a-r1"}
    result = reconcile_tables(DOCUMENTS.frame([{"doc_id": "a", "status": "ok"}]), pd.DataFrame(),
                              MEMBERSHIPS.frame(members), RANKINGS.frame([ranking]), official=official)
    checks = result.checks[result.checks["kind"] == "official_data"]
    assert checks["status"].tolist() == ["pass", "fail", "pass", "fail"]
    assert "ranks it 101" in checks["message"].iloc[3]
    timeline = result.timeline.set_index(["ods_code", "period"])
    assert timeline.loc[("RYD", "2024/25 Q2"), "basis"] == "official"
    assert timeline.loc[("RYD", "2024/25 Q2"), "segment"] == 2
    assert "segment 2, the documents in 1" in timeline.loc[("RYD", "2024/25 Q2"), "conflict"]
    assert timeline.loc[("RVV", "2024/25 Q1"), "basis"] == "stated"
