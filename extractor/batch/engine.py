"""Drive a run: plan the files, skip what the journal already holds, execute, journal as results arrive."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..sources import DEFAULT_MAX_BYTES, SourceDocument
from .inprocess import run_in_process
from .journal import Journal
from .outcome import Outcome
from .pool import PoolOptions, WorkerPool, start_workers_early
from .units import Task, plan_units, share_out


@dataclass(frozen=True)
class BatchOptions:
    """How to execute: ``jobs`` 1 runs in this process; ``scheduler`` sends the work to Dask."""

    jobs: int = 1
    doc_timeout: float = 120.0
    max_docs_per_worker: int = 200
    scheduler: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES


def start_early(options: BatchOptions) -> None:
    """Start what :func:`execute` will run on before the caller's own setup, so the two overlap:
    the local workers' fork server (Dask and in-process runs have nothing to start)."""
    if options.jobs > 1 and not options.scheduler:
        start_workers_early()


def execute(tasks: list[Task], options: BatchOptions) -> Iterator[tuple[Task, tuple]]:
    """The events of every task, from whichever executor ``options`` asks for."""
    if not tasks:
        return
    if options.scheduler:
        from .dask import run_dask

        yield from run_dask(tasks, options.scheduler, max(options.jobs, 1), options.max_bytes)
    elif options.jobs > 1:
        pool = WorkerPool(PoolOptions(jobs=min(options.jobs, len(tasks)), doc_timeout=options.doc_timeout,
                                      max_docs=options.max_docs_per_worker, max_bytes=options.max_bytes))
        yield from pool.run(tasks)
    else:
        from ..pipeline import shared_pipeline

        yield from run_in_process(shared_pipeline(), tasks, options.doc_timeout, options.max_bytes)


def run_batch(paths: Iterable[str | Path], journal: Journal, options: BatchOptions,
              on_document: Callable[[SourceDocument], None] | None = None,
              on_resumed: Callable[[int], None] | None = None,
              on_outcome: Callable[[Outcome], None] | None = None) -> None:
    """Process every input file not yet finished in ``journal``, journalling each document as it ends.

    ``on_resumed`` hears how many documents of these inputs the journal already holds;
    ``on_outcome`` gets each finished document's rows once they are journalled.
    """
    units = plan_units(paths)
    tasks = [Task(unit, *journal.finished(unit)) for unit in journal.start(units)]
    if on_resumed:
        on_resumed(journal.count_finished())
    if options.jobs > 1:
        tasks = share_out(tasks, options.jobs)
    ended: Counter[str] = Counter()
    for task, event in execute(tasks, options):
        if event[0] == "doc":
            journal.add(task.unit, event[1], event[2])
            if on_outcome:
                on_outcome(event[2])
            if on_document:
                on_document(event[2].source_document())
        elif event[0] == "end":
            ended[task.unit.key] += 1
            if ended[task.unit.key] == task.shares:
                journal.unit_done(task.unit)
    journal.find_duplicates()
