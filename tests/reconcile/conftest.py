"""Tables built from gold files, so the reconciler is tested without the extractor."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from extractor.reconcile import reconcile
from extractor.reconcile.goldfile import gold_tables

CORPORA = Path(__file__).resolve().parents[2] / "corpora"
AUDIT_GOLD = sorted((CORPORA / "gold").glob("audit_*.json"))


def run_gold(pairs: list[tuple[Path, Path]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    tables, texts = gold_tables(pairs)
    return reconcile(tables["documents"], tables["claims"], tables["memberships"], tables["rankings"],
                     texts=texts)


def checks_of(checks: pd.DataFrame, doc_id: str) -> pd.DataFrame:
    """The checks that involve a document (a cross-document check involves two)."""
    return checks[checks["doc_ids"].str.split(";").apply(lambda ids: doc_id in ids)]


@pytest.fixture(scope="session")
def audit_result() -> tuple[pd.DataFrame, pd.DataFrame]:
    return run_gold([(g, CORPORA / f"{g.stem}.txt") for g in AUDIT_GOLD])


@pytest.fixture(scope="session")
def seed_result(shared_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    golds = sorted((shared_dir / "gold").glob("*.json"))
    return run_gold([(g, shared_dir / "seeds" / f"{g.stem}.txt") for g in golds])


def expected_checks(gold_path: Path) -> list[dict]:
    return json.loads(gold_path.read_text(encoding="utf-8")).get("expected_checks", [])


@pytest.fixture(scope="session")
def extracted_audit() -> tuple[pd.DataFrame, dict[str, str]]:
    """The checks the whole extractor raises on the audit corpus, and each document's id by
    file name: the audit must hold on what the extractor reads, not only on gold figures."""
    from extractor import extract

    result = extract([CORPORA / f"{g.stem}.txt" for g in AUDIT_GOLD])
    ids = {Path(source).stem: doc_id for doc_id, source in zip(result.documents["doc_id"],
                                                                result.documents["source"], strict=True)}
    return result.checks, ids
