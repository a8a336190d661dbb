"""Run documents through the pipeline and collect the tables.

Every document given comes back in ``documents``: read failures from the source layer,
pipeline crashes, documents that hit the time limit or killed their worker, and work
that never came back are all rows with a coded error.

Two entry points share one engine (:mod:`extractor.batch`): :func:`extract` returns
every table in memory (notebooks, tests, small runs); :func:`extract_to` writes them to
a folder as a batch job would, journalling each document as it finishes so memory stays
flat and a killed run can be resumed.

Both start the run's worker processes (:func:`~extractor.batch.start_early`) before they
import the table machinery (pandas, the assembly of the tables), so the workers' imports
and the parent's overlap instead of following one another.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .batch import BatchOptions, Journal, run_batch, start_early
from .sources import DEFAULT_MAX_BYTES, SourceDocument

if TYPE_CHECKING:
    import pandas as pd

    from .batch.outcome import Outcome
    from .reconcile import AheadSolver
    from .results import ExtractionResult

log = logging.getLogger(__name__)

WORK_DIR = ".work"
REPORT_ALL_DOCUMENTS = 1000


@dataclass(frozen=True)
class ExtractOptions:
    """Settings of one run; defaults suit a laptop and the bundled corpora.

    ``jobs`` > 1 runs that many worker processes, each enforcing ``doc_timeout`` seconds
    per document and replaced after ``max_docs_per_worker`` documents; ``scheduler``
    (``local`` or ``tcp://host:port``) runs on Dask instead. ``resume`` keeps the
    documents a killed run of :func:`extract_to` already journalled. ``official`` adds
    official segmentations or league tables (CSV or XLSX files, see
    :func:`extractor.reconcile.official.load_official`) to the shipped 2025/26 Q3 extract.
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    reconcile: bool = True
    jobs: int = 1
    doc_timeout: float = 120.0
    max_docs_per_worker: int = 200
    scheduler: str | None = None
    resume: bool = False
    official: tuple[str | Path, ...] = ()

    def __post_init__(self) -> None:
        if self.jobs < 1:
            raise ValueError(f"jobs must be at least 1, not {self.jobs}")
        if self.doc_timeout <= 0:
            raise ValueError(f"doc_timeout must be positive, not {self.doc_timeout}")
        if self.max_docs_per_worker < 1:
            raise ValueError(f"max_docs_per_worker must be at least 1, not {self.max_docs_per_worker}")

    def official_table(self) -> pd.DataFrame | None:
        """The official tables to check against; ``None`` (the shipped ones) unless files were given.
        Raises :class:`~extractor.errors.OfficialTableError` for a file that cannot be used."""
        if not self.official or not self.reconcile:
            return None
        from .reconcile import load_official

        return load_official(self.official)

    def batch(self) -> BatchOptions:
        return BatchOptions(jobs=self.jobs, doc_timeout=self.doc_timeout,
                            max_docs_per_worker=self.max_docs_per_worker, scheduler=self.scheduler,
                            max_bytes=self.max_bytes)


def _ahead(options: ExtractOptions) -> AheadSolver | None:
    """What solves each document's claims as it arrives, when the run reconciles."""
    if not options.reconcile:
        return None
    from .reconcile import AheadSolver

    return AheadSolver()


def _solver_feed(ahead: AheadSolver | None) -> Callable[[Outcome], None] | None:
    """Hands each finished document's rows to ``ahead``."""
    if ahead is None:
        return None
    return lambda outcome: ahead.add(outcome.document, outcome.claims, outcome.text)


def extract(paths: Iterable[str | Path], options: ExtractOptions | None = None,
            on_document: Callable[[SourceDocument], None] | None = None) -> ExtractionResult:
    """Read ``paths`` (files, folders, archives) and return every table of the contract."""
    options = options or ExtractOptions()
    start_early(options.batch())
    from .batch.assemble import documents_frame, organisations, reconciled, record_frames
    from .results import ExtractionResult

    ahead = _ahead(options)
    with tempfile.TemporaryDirectory(prefix="extractor-") as tmp, Journal(Path(tmp)) as journal:
        run_batch(paths, journal, options.batch(), on_document, on_outcome=_solver_feed(ahead))
        documents = documents_frame(journal)
        records = record_frames(journal)
        texts = journal.texts()
        tables = reconciled(documents, records, options.reconcile, texts=texts, official=options.official_table(),
                            ahead=ahead)
        return ExtractionResult(documents=documents, checks=tables.checks, dataset=tables.dataset,
                                timeline=tables.timeline, organisations=organisations(journal), texts=texts,
                                **records)


@dataclass
class BatchRun:
    """What :func:`extract_to` keeps in memory after writing the tables.

    ``result`` holds every record table; its ``documents`` (and ``texts``) are all of them
    for a run of up to ``REPORT_ALL_DOCUMENTS`` documents, else only those with records
    or a failure, which is what a report needs.
    """

    result: ExtractionResult
    status: dict[str, int]
    failed: list[tuple[str, str]]
    written: list[Path] = field(default_factory=list)


def extract_to(paths: Iterable[str | Path], out_dir: Path, options: ExtractOptions | None = None,
               formats: tuple[str, ...] = ("csv",),
               on_document: Callable[[SourceDocument], None] | None = None,
               on_resumed: Callable[[int], None] | None = None) -> BatchRun:
    """Extract ``paths`` into ``out_dir``, journalling in ``out_dir/.work`` as documents finish.

    With ``options.resume`` the documents already journalled there are not processed
    again (``on_resumed`` hears how many); the tables come out as an uninterrupted run's.
    """
    options = options or ExtractOptions()
    start_early(options.batch())
    from .batch.assemble import (
        WITH_RECORDS,
        document_chunks,
        documents_frame,
        lost_rows,
        organisations,
        reconciled,
        record_frames,
    )
    from .results import FORMATS, ExtractionResult, write_tables

    unknown = [f for f in formats if f not in FORMATS]
    if unknown:  # before the run, not after hours of it
        raise ValueError(f"unknown format {unknown[0]!r}; choose from {FORMATS}")
    official = options.official_table()  # a bad official file fails here, not after the run
    ahead = _ahead(options)
    with Journal(out_dir / WORK_DIR, resume=options.resume) as journal:
        run_batch(paths, journal, options.batch(), on_document, on_resumed, on_outcome=_solver_feed(ahead))
        records = record_frames(journal)
        checked = reconciled(documents_frame(journal, WITH_RECORDS), records, options.reconcile,
                             texts=journal.texts(WITH_RECORDS), official=official, ahead=ahead)
        orgs = organisations(journal)
        tables = {"documents": document_chunks(journal), **records, "checks": checked.checks,
                  "dataset": checked.dataset, "timeline": checked.timeline, "organisations": orgs}
        written = write_tables(out_dir, tables, formats)
        status = journal.status_counts()
        lost = lost_rows(journal)
        if lost:
            status["failed"] = status.get("failed", 0) + len(lost)
        failed = [(row["source"], row["error"]) for chunk in journal.documents("status = 'failed'")
                  for row in chunk] + [(row["source"], row["error"]) for row in lost]
        total = sum(status.values())
        if total <= REPORT_ALL_DOCUMENTS:
            documents, texts = documents_frame(journal), journal.texts()
        else:
            documents = documents_frame(journal, f"{WITH_RECORDS} OR status = 'failed'")
            texts = journal.texts(WITH_RECORDS)
        result = ExtractionResult(documents=documents, checks=checked.checks, dataset=checked.dataset,
                                  timeline=checked.timeline, texts=texts, organisations=orgs, **records)
    return BatchRun(result=result, status=status, failed=failed, written=written)
