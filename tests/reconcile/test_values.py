"""Cells arrive as numbers, strings, None, NaN or "": they all read the same."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from extractor.reconcile import reconcile
from extractor.reconcile.values import cell_int, cell_number, cell_segments, cell_text, read_claims


@pytest.mark.parametrize("empty", [None, math.nan, "", "  ", "nan", "None", pd.NA])
def test_empty_cells(empty) -> None:
    assert cell_text(empty) == "" and cell_number(empty) is None and cell_segments(empty) == ()


@pytest.mark.parametrize(("cell", "expected"),
                         [(84, 84), (84.0, 84), ("84", 84), ("84.0", 84), ("8.5", None)])
def test_counts(cell, expected) -> None:
    assert cell_int(cell) == expected


@pytest.mark.parametrize(("cell", "expected"), [("3;4", (3, 4)), ("4;3", (3, 4)), (3, (3,)), (3.0, (3,)),
                                                ("3", (3,))])
def test_segments(cell, expected) -> None:
    assert cell_segments(cell) == expected


def test_percent_precision_survives_a_float_column() -> None:
    frame = pd.DataFrame([
        {"claim_id": "a", "doc_id": "d", "org_type": "trust", "segment": 2, "percent": 36.0},
        {"claim_id": "b", "doc_id": "d", "org_type": "trust", "segment": 3, "percent": "45.0"},
        {"claim_id": "c", "doc_id": "d", "org_type": "trust", "segment": 3, "percent": 36.4,
         "text": "36.40 per cent of trusts"},
        {"claim_id": "e", "doc_id": "d", "org_type": "trust", "segment": 3, "percent": "28.6"},
    ])
    texts = [c.percent_text for c in read_claims(frame, {}, {})]
    assert texts == ["36", "45", "36.40", "28.6"]


def test_empty_tables_give_empty_outputs() -> None:
    empty = pd.DataFrame()
    checks, dataset = reconcile(empty, empty, empty, empty)
    assert checks.empty and dataset.empty
    assert "kind" in checks.columns and "basis" in dataset.columns


def test_csv_round_trip_gives_the_same_result(audit_result, tmp_path) -> None:
    from extractor.reconcile.goldfile import gold_tables

    from .conftest import AUDIT_GOLD, CORPORA

    tables, texts = gold_tables([(g, CORPORA / f"{g.stem}.txt") for g in AUDIT_GOLD])
    for name, frame in tables.items():
        frame.to_csv(tmp_path / f"{name}.csv", index=False)
    read = {name: pd.read_csv(tmp_path / f"{name}.csv", dtype=str, keep_default_na=False) for name in tables}
    checks, dataset = reconcile(read["documents"], read["claims"], read["memberships"], read["rankings"],
                                texts=texts)
    original_checks, original_dataset = audit_result
    columns = ["kind", "status", "message"]
    assert checks[columns].values.tolist() == original_checks[columns].values.tolist()
    assert len(dataset) == len(original_dataset)
