"""Audit the extracted figures and join them into one reconciled dataset.

The flow: read the tables defensively (``values``), resolve each row's period
(``periods``), solve each document's claims as integer constraints to derive what they
imply and find conflicts (``derive``), run the arithmetic checks within each document
(``checks``), join documents and compare them (``dataset``), test against official
data (``official``) and follow each organisation through the periods (``timeline``). A
check that would fail on a claim read with low confidence (its ``doubt``) is
``unverifiable`` instead (``checks.soften``). The result is the contract's ``checks``
and ``dataset`` tables and the ``timeline``.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass

import pandas as pd

from ..schema import CHECKS, DATASET, TIMELINE
from .checks import Check, document_checks, soften
from .dataset import reconcile_documents
from .derive import Solution, solve, solve_ahead
from .official import Official, league_size_checks, load_official, load_populations, official_checks
from .timeline import build_timeline
from .values import claim_views, document_view, read_claims, read_documents, read_memberships, read_rankings

log = logging.getLogger(__name__)

__all__ = ["AheadSolver", "Reconciled", "load_official", "load_populations", "reconcile", "reconcile_tables"]


@dataclass(frozen=True)
class Reconciled:
    """The reconciler's tables."""

    checks: pd.DataFrame
    dataset: pd.DataFrame
    timeline: pd.DataFrame


class AheadSolver:
    """Solves each document's claims as its rows arrive, while a batch is still running.

    Solving is most of the reconciler's time, and each document's is its own: done as the
    workers send their documents, it runs beside them instead of after the last one. The
    solutions are kept by what the claims say (:func:`.derive.solve_ahead`), so a document
    read back from the tables later gets its solution only when its claims read back the
    same; any other is solved then. Holds one solution per distinct document with claims.
    Only a head start: a document it cannot solve (a row it cannot read, a solver error) is
    left to the reconciler, which meets the same claims later and decides what to do.
    """

    def __init__(self) -> None:
        self.solutions: dict[tuple, Solution] = {}

    def add(self, document: dict, claims: list[dict], text: str) -> None:
        """Solve one document's ``claims`` rows, given its ``document`` row and ``text``."""
        view = document_view(document)
        if not claims or view is None:
            return
        try:
            views = claim_views(claims, {view.doc_id: view}, {view.doc_id: text})
            key, solution = solve_ahead(views, self.solutions)
        except Exception:  # the reconciler solves it later, as it would have without this
            log.debug("claims of %s left to the reconciler", view.doc_id, exc_info=True)
            return
        self.solutions.setdefault(key, solution)


def reconcile(documents: pd.DataFrame, claims: pd.DataFrame, memberships: pd.DataFrame,
              rankings: pd.DataFrame, *, official: pd.DataFrame | None = None,
              texts: dict[str, str] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The ``checks`` and ``dataset`` tables (see :func:`reconcile_tables` for all three)."""
    result = reconcile_tables(documents, claims, memberships, rankings, official=official, texts=texts)
    return result.checks, result.dataset


def reconcile_tables(documents: pd.DataFrame, claims: pd.DataFrame, memberships: pd.DataFrame,
                     rankings: pd.DataFrame, *, official: pd.DataFrame | None = None,
                     texts: dict[str, str] | None = None, ahead: AheadSolver | None = None) -> Reconciled:
    """The ``checks``, ``dataset`` and ``timeline`` tables for extracted claims, memberships and rankings.

    ``official`` replaces the shipped official placements (see :func:`load_official`);
    ``texts`` (doc_id → plain text) lets a period named in a document's words ("Q2
    2025/26") date its figures when the rows carry none; ``ahead`` holds solutions worked out
    while the documents were being read.
    """
    texts = texts or {}
    docs = read_documents(_with_records(documents, claims, memberships, rankings))
    claim_views = read_claims(claims, docs, texts)
    member_views = read_memberships(memberships, docs, texts)
    ranking_views = read_rankings(rankings, docs, texts)

    by_doc = defaultdict(list)
    for claim in claim_views:
        by_doc[claim.doc_id].append(claim)
    members_by_doc = defaultdict(list)
    for member in member_views:
        members_by_doc[member.doc_id].append(member)

    solutions: dict[str, Solution] = {}
    found: list[Check] = []
    for doc_id in dict.fromkeys([*by_doc, *members_by_doc]):
        doc_claims = by_doc.get(doc_id, [])
        solutions[doc_id] = solve(doc_claims, ahead.solutions if ahead else None)
        found.extend(document_checks(doc_claims, members_by_doc.get(doc_id, []), solutions[doc_id]))
    rows, cross = reconcile_documents(claim_views, solutions, docs)
    found.extend(cross)
    tables = Official(load_official() if official is None else official, load_populations())
    found.extend(official_checks(claim_views, member_views, ranking_views, tables))
    found.extend(league_size_checks(ranking_views, tables))
    history, agreement = build_timeline(member_views, ranking_views, tables, docs)
    found.extend(agreement)

    found = soften(found, claim_views)
    checks = CHECKS.frame([check.row(f"K{i + 1:04d}") for i, check in enumerate(found)])
    return Reconciled(checks, DATASET.frame(rows), TIMELINE.frame(history))


def _with_records(documents: pd.DataFrame | None, *records: pd.DataFrame | None) -> pd.DataFrame | None:
    """Only the documents some row refers to: an archive run has thousands of skipped ones."""
    if documents is None or "doc_id" not in documents:
        return documents
    ids = set()
    for frame in records:
        if frame is not None and "doc_id" in frame:
            ids.update(frame["doc_id"].dropna())
    return documents[documents["doc_id"].isin(ids)]
