"""The reconciler's answers depend on the claims alone, not on what the solver did before."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor import extract
from extractor.reconcile import derive, reconcile

CORPUS = Path(__file__).resolve().parents[2] / "corpora"


@pytest.fixture(scope="module")
def extracted():
    names = ("106_nhse_statement_nof2025_q1.txt", "406_board_minutes_emas_moves_up.txt",
             "202_lsc_icb_board_providers.txt", "audit_02_icb_segments_dont_add.txt")
    return extract([CORPUS / name for name in names])


def test_repeated_runs_in_one_process_give_the_same_tables(extracted, monkeypatch):
    runs = []
    for _ in range(3):
        monkeypatch.setattr(derive, "_SOLVED", {})  # solve afresh each time: the memo must not hide drift
        checks, dataset = reconcile(extracted.documents, extracted.claims, extracted.memberships,
                                    extracted.rankings, texts=extracted.texts)
        runs.append((checks.to_csv(index=False), dataset.to_csv(index=False)))
    assert runs[0] == runs[1] == runs[2]
    assert ",derived," in runs[0][1] and "K0001" in runs[0][0]
