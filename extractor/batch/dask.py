"""Run the tasks on a Dask cluster: the same work, the same events, another machine room.

Dask is optional (``pip install 'nhs-oversight-extractor[dask]'``) and imported only here.
Each task reads one file on a Dask worker and returns its finished documents; the
journal stays with the client, so ``--resume`` works as it does locally. Dask cannot
interrupt a running task, so the per-document time limit is not enforced here; a worker
that dies is retried by Dask and, after its retries, the file gets one ``failed`` row.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator

from ..errors import ErrorCode
from .outcome import Outcome, failure_outcome
from .tasks import run_task
from .units import ARCHIVE_END, Task, interrupted_document

log = logging.getLogger(__name__)
_local = threading.local()


def _pipeline():
    """One pipeline per worker thread: spaCy pipelines are not promised to be thread-safe."""
    if not hasattr(_local, "nlp"):
        from ..pipeline import build_pipeline

        _local.nlp = build_pipeline()
    return _local.nlp


def run_remote(task: Task, max_bytes: int) -> list[tuple[int, Outcome]]:
    """The Dask task: every finished document of ``task`` (runs on a worker)."""
    return [(event[1], event[2]) for event in run_task(_pipeline(), task, max_bytes) if event[0] == "doc"]


def connect(scheduler: str, jobs: int):
    """A client for ``scheduler`` (``local`` starts a cluster of ``jobs`` processes here)."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise RuntimeError("--scheduler needs Dask: pip install 'nhs-oversight-extractor[dask]'") from exc
    if scheduler == "local":
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None)
        return Client(cluster), cluster
    return Client(scheduler), None


def run_dask(tasks: list[Task], scheduler: str, jobs: int, max_bytes: int) -> Iterator[tuple[Task, tuple]]:
    """Events, tagged with their task, as files finish on the cluster."""
    from dask.distributed import as_completed

    client, cluster = connect(scheduler, jobs)
    try:
        futures = {client.submit(run_remote, task, max_bytes, pure=False): task for task in tasks}
        for future in as_completed(futures):
            task = futures[future]
            try:
                documents = future.result()
            except Exception as exc:  # a task that kept killing workers costs its file, not the run
                log.warning("Dask could not finish %s: %r", task.unit.path, exc)
                sd = interrupted_document(task.unit, True, ErrorCode.CRASHED, repr(exc), max_bytes)
                yield task, ("doc", ARCHIVE_END, failure_outcome(sd))
            else:
                for pos, outcome in documents:
                    yield task, ("doc", pos, outcome)
            yield task, ("end",)
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
