"""Turn a journal into the contract's tables, in input order whatever order work finished in.

Record tables (claims, memberships, rankings) are small even for huge archives, so
they are built in memory; ``documents`` has a row per input record and is streamed in
chunks when written. The reconciler needs only the documents that hold records.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pandas as pd

from ..errors import ErrorCode
from ..schema import CHECKS, CLAIMS, DATASET, DOCUMENTS, MEMBERSHIPS, RANKINGS, TIMELINE
from ..sources import SourceDocument, content_id
from .journal import Journal
from .outcome import document_row

if TYPE_CHECKING:
    from ..reconcile import AheadSolver, Reconciled

RECORD_SCHEMAS = {"claims": CLAIMS, "memberships": MEMBERSHIPS, "rankings": RANKINGS}
WITH_RECORDS = "has_records = 1"
ORGANISATION_COLUMNS = ["ods_code", "canonical_name", "org_type", "mentions", "documents", "names"]


def lost_rows(journal: Journal) -> list[dict]:
    """A ``failed`` row for every input file whose work never came back (E304)."""
    rows = []
    for path in journal.unfinished_units():
        sd = SourceDocument(doc_id=content_id(path.encode()), source=path, status="failed",
                            error=ErrorCode.LOST.message("the file's work did not finish"))
        rows.append(document_row(sd))
    return rows


def document_chunks(journal: Journal, where: str = "", chunk: int = 5000) -> Iterator[pd.DataFrame]:
    """``documents`` as DataFrames of at most ``chunk`` rows, LOST rows last."""
    for rows in journal.documents(where, chunk):
        yield DOCUMENTS.frame(rows)
    if not where:
        lost = lost_rows(journal)
        if lost:
            yield DOCUMENTS.frame(lost)


def documents_frame(journal: Journal, where: str = "") -> pd.DataFrame:
    chunks = list(document_chunks(journal, where))
    return pd.concat(chunks, ignore_index=True) if chunks else DOCUMENTS.empty()


def record_frames(journal: Journal) -> dict[str, pd.DataFrame]:
    return {name: schema.frame(journal.records(name)) for name, schema in RECORD_SCHEMAS.items()}


def reconciled(documents: pd.DataFrame, records: dict[str, pd.DataFrame], enabled: bool = True,
               texts: dict[str, str] | None = None, official: pd.DataFrame | None = None,
               ahead: AheadSolver | None = None) -> Reconciled:
    """``checks``, ``dataset`` and ``timeline`` (empty when reconciling is turned off). ``texts``
    lets the reconciler read a quarter named in a document when a claim's own period is only a
    year; ``official`` is the official tables to check against (the shipped ones by default);
    ``ahead`` the solutions worked out during the run."""
    from ..reconcile import Reconciled, reconcile_tables

    if not enabled:
        return Reconciled(CHECKS.empty(), DATASET.empty(), TIMELINE.empty())
    return reconcile_tables(documents, records["claims"], records["memberships"], records["rankings"],
                            official=official, texts=texts, ahead=ahead)


def organisations(journal: Journal) -> pd.DataFrame:
    """Every organisation the linker resolved in the run, with mention and document counts."""
    from ..gazetteer import load_gazetteer

    totals: dict[str, list] = {}
    names: dict[str, set[str]] = {}
    for code, label, doc_id, mentions, spelled in journal.orgs():
        row = totals.setdefault(code, [label, 0, set()])
        row[1] += mentions
        row[2].add(doc_id)
        names.setdefault(code, set()).update(spelled)
    gazetteer = load_gazetteer() if totals else {}
    rows = []
    for code, (org_type, mentions, docs) in sorted(totals.items()):
        org = gazetteer.get(code)
        rows.append({"ods_code": code, "canonical_name": org.name if org else "", "org_type": org_type,
                     "mentions": mentions, "documents": len(docs), "names": ";".join(sorted(names[code]))})
    return pd.DataFrame(rows, columns=ORGANISATION_COLUMNS)
