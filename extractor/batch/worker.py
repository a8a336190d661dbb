"""The body of a local worker process: build the pipeline once, then run tasks sent by the parent.

A worker retires (exits cleanly after saying so) once it has put ``max_docs`` documents
through the pipeline, so memory that parsers leak (and spaCy's ever-growing string
store) is returned to the system; the parent starts a fresh one. Inside an archive the
limit is ``ARCHIVE_FACTOR`` times higher: the WARC reader streams and cannot seek, so
the next worker must read the archive again up to where this one stopped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from multiprocessing.connection import Connection

ARCHIVE_FACTOR = 10


def worker_main(conn: Connection, max_bytes: int, max_docs: int, log_level: int, run: Callable) -> None:
    """Serve tasks from ``conn`` until told to stop (``None``) or the document budget is spent.

    ``run`` is :func:`~extractor.batch.tasks.run_task` or a stand-in with its signature.
    """
    logging.basicConfig(level=log_level, format="%(levelname)s %(name)s: %(message)s")
    from ..pipeline import shared_pipeline

    nlp = shared_pipeline()
    conn.send(("ready",))
    used = 0
    while True:
        task = conn.recv()
        if task is None:
            return
        for event in run(nlp, task, max_bytes, budget=max(max_docs * ARCHIVE_FACTOR - used, 1)):
            if event[0] == "start":
                used += 1
            conn.send(event)
            if event[0] == "recycle":
                return
        if used >= max_docs:
            conn.send(("retire",))
            return
