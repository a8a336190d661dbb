"""The reconciler's answers depend on the claims alone, not on what the solver did before."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor import extract
from extractor.reconcile import AheadSolver, derive, reconcile, reconcile_tables

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


def test_solutions_worked_out_during_the_run_are_the_ones_used(extracted, monkeypatch):
    """The runner solves each document as it arrives (``AheadSolver``); read back from the
    tables, every document with claims finds its solution there, and the tables are those of
    solving afresh."""
    monkeypatch.setattr(derive, "_SOLVED", {})
    fresh = reconcile_tables(extracted.documents, extracted.claims, extracted.memberships,
                             extracted.rankings, texts=extracted.texts)
    ahead = AheadSolver()
    for doc in extracted.documents.to_dict("records"):
        rows = extracted.claims[extracted.claims.doc_id == doc["doc_id"]].to_dict("records")
        ahead.add(doc, rows, extracted.texts[doc["doc_id"]])
    assert len(ahead.solutions) == 4
    monkeypatch.setattr(derive, "_SOLVED", {})
    monkeypatch.setattr(derive, "_solve", lambda claims: pytest.fail(f"solved again: {claims}"))
    again = reconcile_tables(extracted.documents, extracted.claims, extracted.memberships,
                             extracted.rankings, texts=extracted.texts, ahead=ahead)
    assert again.checks.equals(fresh.checks) and again.dataset.equals(fresh.dataset)


def test_a_document_the_ahead_solver_cannot_solve_is_left_to_the_reconciler(extracted, monkeypatch):
    """Solving ahead is only a head start: a failure there costs nothing but the head start."""
    doc = extracted.documents.to_dict("records")[0]
    rows = extracted.claims[extracted.claims.doc_id == doc["doc_id"]].to_dict("records")
    ahead = AheadSolver()
    monkeypatch.setattr("extractor.reconcile.solve_ahead", lambda *a: 1 / 0)
    ahead.add(doc, rows, extracted.texts[doc["doc_id"]])
    assert ahead.solutions == {}
