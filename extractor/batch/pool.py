"""Local worker processes with a per-document time limit.

The parent hands out one task (file) at a time and watches each worker's events. A
worker silent for longer than the limit is killed and one that dies is replaced; either
way the document it was on becomes a ``failed`` row (E302 / E303) and the rest of its
file goes to the next free worker. Workers are started with ``forkserver`` so they do
not inherit the parent's threads or open journal.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing as mp
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait

from ..errors import ErrorCode
from ..sources import SourceDocument
from .tasks import run_task, write_off
from .units import Task
from .worker import worker_main

log = logging.getLogger(__name__)

STARTUP_LIMIT = 300.0
# imported once by the fork server; the last builds and warms the pipeline (see its docstring)
PRELOAD = ["extractor.batch.worker", "extractor.batch.tasks", "extractor.pipeline", "extractor.reading",
           "extractor.batch.preload"]
MAX_BROKEN_STARTS = 3


@dataclass
class PoolOptions:
    """Workers to run, the per-document time limit, documents per worker life, the reader's size cap."""

    jobs: int = 2
    doc_timeout: float = 120.0
    max_docs: int = 200
    max_bytes: int = 256 * 1024 * 1024


@dataclass
class _Worker:
    """One worker process and what the parent knows about its current task."""

    proc: mp.process.BaseProcess
    conn: Connection
    born: float = field(default_factory=time.monotonic)
    ready: bool = False
    task: Task | None = None
    reading: bool = True
    pos: int = 0
    current: SourceDocument | None = None
    deadline: float = float("inf")
    leaving: bool = False


def worker_context() -> mp.context.BaseContext:
    """The ``forkserver`` context where there is one (``spawn`` elsewhere), its server told to
    import the pipeline once, so each (re)started worker only builds it."""
    if "forkserver" not in mp.get_all_start_methods():
        return mp.get_context("spawn")
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)
    return ctx


def start_workers_early() -> None:
    """Start the fork server now, so its imports (spaCy, the pipeline: most of a second) run on
    another core while this process is still loading the table machinery, instead of after it.
    The server is the one :class:`WorkerPool` later forks its workers from. Only a head
    start: if the server cannot start now, the pool tries again and reports why."""
    if worker_context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        try:
            forkserver.ensure_running()
        except OSError as exc:
            log.debug("the workers' fork server did not start early: %s", exc)


class WorkerPool:
    """Runs tasks on ``jobs`` processes and yields the events of :mod:`.tasks` tagged with their task."""

    def __init__(self, options: PoolOptions, run: Callable = run_task) -> None:
        """``run`` drives one task in a worker; it must be importable there (tests pass a trap)."""
        self.options = options
        self.run_task = run
        self.ctx = worker_context()
        self.workers: list[_Worker] = []
        self.broken_starts = 0

    def _spawn(self) -> _Worker:
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=worker_main, name="extractor-worker", daemon=True,
                                args=(child, self.options.max_bytes, self.options.max_docs,
                                      logging.getLogger().level, self.run_task))
        proc.start()
        child.close()
        worker = _Worker(proc, parent)
        self.workers.append(worker)
        return worker

    def _retire(self, worker: _Worker, kill: bool = False) -> None:
        if kill and worker.proc.is_alive():
            worker.proc.kill()
        worker.proc.join(timeout=5)
        if worker.proc.is_alive():
            worker.proc.kill()
            worker.proc.join()
        worker.conn.close()
        self.workers.remove(worker)

    def run(self, tasks: list[Task]) -> Iterator[tuple[Task, tuple]]:
        queue = deque(tasks)
        try:
            while queue or any(w.task for w in self.workers):
                self._staff(len(queue))
                self._assign(queue)
                yield from self._wait(queue)
        finally:
            for worker in list(self.workers):
                if worker.proc.is_alive() and not worker.task:
                    with contextlib.suppress(OSError):
                        worker.conn.send(None)
                self._retire(worker, kill=worker.task is not None)

    def _staff(self, waiting: int) -> None:
        free = sum(1 for w in self.workers if not w.task and not w.leaving)
        want = min(self.options.jobs - len(self.workers), max(waiting - free, 0))
        for _ in range(want):
            self._spawn()

    def _assign(self, queue: deque[Task]) -> None:
        for worker in list(self.workers):
            if queue and worker.ready and not worker.task and not worker.leaving:
                task = queue.popleft()
                try:
                    worker.conn.send(task)
                except OSError:  # it died idle; the task was never seen, so it simply waits for another
                    queue.appendleft(task)
                    self._retire(worker, kill=True)
                    continue
                worker.task, worker.reading, worker.pos, worker.current = task, True, task.start, None
                worker.deadline = time.monotonic() + self.options.doc_timeout

    def _wait(self, queue: deque[Task]) -> Iterator[tuple[Task, tuple]]:
        now = time.monotonic()
        deadlines = [w.deadline if w.ready else w.born + STARTUP_LIMIT for w in self.workers]
        timeout = max(min(deadlines, default=now + 1) - now, 0)
        handles = {}
        for worker in self.workers:
            handles[worker.conn] = worker
            handles[worker.proc.sentinel] = worker
        for handle in wait(list(handles), timeout=timeout):
            worker = handles[handle]
            if worker not in self.workers:
                continue
            yield from self._drain(worker, queue)
            if handle is not worker.conn and worker in self.workers:
                yield from self._died(worker, queue)
        now = time.monotonic()
        for worker in list(self.workers):
            if worker.ready and worker.task and now > worker.deadline:
                log.warning("a worker exceeded the %ss limit on %s; restarting it",
                            self.options.doc_timeout, worker.task.unit.path)
                yield from self._interrupted(worker, queue, ErrorCode.TIMEOUT,
                                             f"no result after {self.options.doc_timeout:g} s")
            elif not worker.ready and now > worker.born + STARTUP_LIMIT:
                self._retire(worker, kill=True)
                raise RuntimeError(f"a worker did not start within {STARTUP_LIMIT:g} s")

    def _drain(self, worker: _Worker, queue: deque[Task]) -> Iterator[tuple[Task, tuple]]:
        while worker in self.workers and worker.conn.poll():
            try:
                event = worker.conn.recv()
            except (EOFError, OSError):
                yield from self._died(worker, queue)
                return
            yield from self._handle(worker, event, queue)

    def _handle(self, worker: _Worker, event: tuple, queue: deque[Task]) -> Iterator[tuple[Task, tuple]]:
        kind, task = event[0], worker.task
        limit = time.monotonic() + self.options.doc_timeout
        if kind == "ready":
            worker.ready, self.broken_starts = True, 0
        elif kind == "read":
            worker.reading, worker.pos, worker.current, worker.deadline = True, event[1], None, limit
        elif kind == "start":
            worker.reading, worker.pos, worker.current, worker.deadline = False, event[1], event[2], limit
        elif kind == "doc":
            worker.reading, worker.pos, worker.current, worker.deadline = True, event[1] + 1, None, limit
            yield task, event
        elif kind == "docs":  # documents that skipped the pipeline, batched by the worker
            for doc_event in event[1]:
                yield from self._handle(worker, doc_event, queue)
        elif kind == "end":
            worker.task, worker.deadline = None, float("inf")
            yield task, event
        elif kind == "recycle":
            log.debug("worker %s hands %s on at document %d", worker.proc.pid, task.unit.path, event[1])
            queue.appendleft(task.from_position(event[1]))
            worker.task, worker.leaving = None, True
            self._retire(worker)
        elif kind == "retire":
            if task:  # sent before the worker said it was leaving; it never read it
                queue.appendleft(task)
            worker.task, worker.leaving = None, True
            self._retire(worker)

    def _died(self, worker: _Worker, queue: deque[Task]) -> Iterator[tuple[Task, tuple]]:
        worker.proc.join(timeout=5)
        code = worker.proc.exitcode
        if not worker.ready:
            self._retire(worker, kill=True)
            self.broken_starts += 1
            if self.broken_starts >= MAX_BROKEN_STARTS:
                raise RuntimeError(f"worker processes die while starting (exit code {code})")
            return
        if not worker.task:
            self._retire(worker)
            return
        how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit code {code}"
        log.warning("a worker died (%s) on %s; restarting it", how, worker.task.unit.path)
        yield from self._interrupted(worker, queue, ErrorCode.CRASHED, f"the worker process died ({how})")

    def _interrupted(self, worker: _Worker, queue: deque[Task], code: ErrorCode,
                     detail: str) -> Iterator[tuple[Task, tuple]]:
        """Write off the document the worker was on and hand the rest of its file on."""
        task = worker.task
        self._retire(worker, kill=True)
        events, rest = write_off(task, worker.pos, worker.current, worker.reading, code, detail,
                                 self.options.max_bytes)
        for event in events:
            yield task, event
        if rest is not None:
            queue.appendleft(rest)
