"""The body of a local worker process: build the pipeline once, then run tasks sent by the parent.

A worker retires (exits cleanly after saying so) once it has put ``max_docs`` documents
through the pipeline, so memory that parsers leak (and spaCy's ever-growing string
store) is returned to the system; the parent starts a fresh one. Inside an archive the
limit is ``ARCHIVE_FACTOR`` times higher: the WARC reader streams and cannot seek, so
the next worker must read the archive again up to where this one stopped.

A worker whose parent has gone (killed, or interrupted from the terminal) has nobody to
report to: it ends quietly instead of printing a ``ConnectionResetError`` traceback on
the user's terminal, and leaves Ctrl-C to the parent, which decides what happens to the
batch.
"""

from __future__ import annotations

import gc
import logging
import signal
import time
from collections.abc import Callable
from multiprocessing.connection import Connection

ARCHIVE_FACTOR = 10
BATCH = 256  # documents that skipped the pipeline, sent in one message
BATCH_SECONDS = 0.5


class _Sender:
    """Sends events to the parent, gathering documents that never reached the pipeline.

    Most records of an archive are skipped by the pre-filter; one message (and one parent
    wake-up) each would cost the parent a core's worth of work on a large archive. They
    travel in ``("docs", [event, ...])`` batches instead, flushed before any other event,
    so the parent always knows where the worker is when a document enters the pipeline.
    """

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.pending: list[tuple] = []
        self.since = time.monotonic()

    def send(self, event: tuple, piped: bool) -> None:
        if event[0] == "doc" and not piped:
            self.pending.append(event)
            if len(self.pending) >= BATCH or time.monotonic() - self.since >= BATCH_SECONDS:
                self.flush()
            return
        if event[0] == "read" and self.pending:  # a heartbeat: the batch says as much and more
            self.flush()
            return
        self.flush()
        self.conn.send(event)

    def flush(self) -> None:
        if self.pending:
            self.conn.send(("docs", self.pending))
            self.pending = []
        self.since = time.monotonic()


def worker_main(conn: Connection, max_bytes: int, max_docs: int, log_level: int, run: Callable) -> None:
    """Serve tasks from ``conn`` until told to stop (``None``) or the document budget is spent.

    ``run`` is :func:`~extractor.batch.tasks.run_task` or a stand-in with its signature.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        _serve(conn, max_bytes, max_docs, log_level, run)
    except (EOFError, BrokenPipeError, ConnectionResetError):  # the parent has gone
        return


def _serve(conn: Connection, max_bytes: int, max_docs: int, log_level: int, run: Callable) -> None:
    logging.basicConfig(level=log_level, format="%(levelname)s %(name)s: %(message)s")
    from ..pipeline import shared_pipeline

    nlp = shared_pipeline()
    # The pipeline, gazetteer and imports live as long as the worker: kept out of the
    # collector's full passes, which would walk them all again (on the archive of
    # benchmarks/: 125 -> 31 ms of collecting per worker)
    gc.freeze()
    conn.send(("ready",))
    sender = _Sender(conn)
    used = 0
    while True:
        task = conn.recv()
        if task is None:
            return
        piped = False  # whether the next "doc" event is a document the pipeline ran on
        for event in run(nlp, task, max_bytes, budget=max(max_docs * ARCHIVE_FACTOR - used, 1)):
            if event[0] == "start":
                used += 1
            sender.send(event, piped)
            piped = event[0] == "start"
            if event[0] == "recycle":
                return
        if used >= max_docs:
            conn.send(("retire",))
            return
