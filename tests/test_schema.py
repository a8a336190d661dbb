"""The table schemas of the output contract catch what breaks it, and a real run keeps it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import extractor
from extractor.schema import CLAIMS, DOCUMENTS, MEMBERSHIPS, RANKINGS, TABLES, TableSchema


def good_claim(**changes) -> dict:
    row = {"claim_id": "d-c1", "doc_id": "d", "org_type": "icb", "segment": "3", "count": 23, "total": 42,
           "percent": None, "share_text": "more than half", "scope": "", "framework": "nof2022",
           "text": "More than half (23) of the 42 ICSs fall into Segment 3.", "start": 0, "end": 55}
    row.update(changes)
    return row


def test_a_good_row_validates_clean() -> None:
    assert CLAIMS.validate(CLAIMS.frame([good_claim()])) == []


@pytest.mark.parametrize(("column", "value"), [
    ("org_type", "hospital"),
    ("org_type", "ICB"),
    ("segment", "6"),
    ("segment", "3;7"),
    ("segment", "three"),
    ("framework", "nof2030"),
])
def test_bad_vocabulary_value_is_caught(column: str, value: str) -> None:
    problems = CLAIMS.validate(CLAIMS.frame([good_claim(), good_claim(**{column: value})]))
    assert len(problems) == 1
    assert f"claims.{column}" in problems[0] and repr(value) in problems[0]


@pytest.mark.parametrize("segment", ["1", "3;4", "1;2;3", "5", "", None])
def test_good_segment_values(segment) -> None:
    assert CLAIMS.validate(CLAIMS.frame([good_claim(segment=segment)])) == []


def test_missing_column_is_caught() -> None:
    df = CLAIMS.frame([good_claim()]).drop(columns=["share_text"])
    assert CLAIMS.validate(df) == ["claims: missing column 'share_text'"]


def test_all_problems_are_reported_at_once() -> None:
    df = CLAIMS.frame([good_claim(org_type="hospital", framework="sof1999")]).drop(columns=["scope", "total"])
    problems = CLAIMS.validate(df)
    assert len(problems) == 4


@pytest.mark.parametrize(("schema", "column", "bad"), [
    (DOCUMENTS, "status", "done"),
    (MEMBERSHIPS, "from_segment", "0"),
    (RANKINGS, "league", "mental_health"),
    (RANKINGS, "joint", "yes"),
    (RANKINGS, "position", "middle"),
])
def test_each_table_checks_its_vocabulary(schema: TableSchema, column: str, bad: str) -> None:
    df = schema.frame([{column: bad}])
    assert any(column in p and repr(bad) in p for p in schema.validate(df))


def test_frame_keeps_contract_columns_in_order() -> None:
    df = CLAIMS.frame([{"count": 3, "unexpected": "x"}])
    assert tuple(df.columns) == CLAIMS.all_columns
    assert list(CLAIMS.empty().columns) == list(CLAIMS.all_columns)


def test_contract_columns_match_the_spec(shared_dir: Path) -> None:
    """Every column the spec's tables name is in the schema, under the same name."""
    spec = (shared_dir / "spec" / "dataset.md").read_text(encoding="utf-8")
    for name, schema in TABLES.items():
        section = spec.split(f"## {name}.csv", 1)[1].split("\n## ", 1)[0]
        for line in section.splitlines():
            if not line.startswith("| ") or line.startswith(("| column", "| ---")):
                continue
            for column in line.split("|")[1].split(","):
                assert column.strip() in schema.columns, (name, column.strip())


def test_a_run_keeps_the_contract(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "news.txt").write_text(
        "Published 3 March 2024\nMore than half (23) of the 42 integrated care systems fall into segment 3. "
        "Only one ICS – Frimley – is in segment 1.\n", encoding="utf-8")
    (docs / "empty.txt").write_bytes(b"")
    (docs / "other.txt").write_text("The hospital opened a new car park.\n", encoding="utf-8")
    result = extractor.extract([docs])
    assert result.problems() == []
    assert len(result.claims) == 2 and len(result.memberships) == 1
    assert sorted(result.documents["status"]) == ["failed", "ok", "skipped"]
    for name, df in result.tables().items():
        if name in TABLES:
            assert tuple(df.columns[:len(TABLES[name].columns)]) == TABLES[name].columns, name


def test_the_corpus_run_keeps_the_contract(repo_dir: Path, tmp_path: Path) -> None:
    result = extractor.extract([repo_dir / "corpora"])
    assert len(result.memberships) and len(result.claims)
    result.write(tmp_path)
    written = {name: pd.read_csv(tmp_path / f"{name}.csv", dtype=str, keep_default_na=False)
               for name in TABLES}
    problems = [p for name, df in written.items() for p in TABLES[name].validate(df)]
    assert result.problems() + problems == []
