"""Run tasks in this process (``--jobs 1``), with the time limit kept by an alarm signal.

Without worker processes nothing can be killed, so the limit is an interval timer whose
signal raises :class:`Overtime` inside the work. It derives from ``BaseException`` so the
readers' and the pipeline's "one bad document must not stop the batch" handlers, which
catch ``Exception``, let it through. Signals reach only the main thread of a POSIX
process; elsewhere (a notebook's worker thread, Windows) the limit is not kept, as on Dask.
A document stuck inside C code that never returns to Python cannot be interrupted this
way; worker processes (``--jobs 2`` and up) have no such gap.
"""

from __future__ import annotations

import signal
import threading
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager

from ..errors import ErrorCode
from .tasks import run_task, write_off
from .units import Task


class Overtime(BaseException):
    """The document in hand ran past the time limit."""


def _raise_overtime(signum, frame) -> None:
    raise Overtime


def alarms_work() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`Overtime` in this thread if the block runs longer than ``seconds``."""
    if seconds is None:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _raise_overtime)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_in_process(nlp, tasks: list[Task], doc_timeout: float, max_bytes: int) -> Iterator[tuple[Task, tuple]]:
    """The events of every task, each step of the work under the time limit."""
    limit = doc_timeout if alarms_work() else None
    queue = deque(tasks)
    while queue:
        task = queue.popleft()
        events = run_task(nlp, task, max_bytes)
        pos, current, reading = task.start, None, True
        while True:
            try:
                with time_limit(limit):
                    event = next(events)
            except Overtime:
                events.close()
                written, rest = write_off(task, pos, current, reading, ErrorCode.TIMEOUT,
                                          f"no result after {doc_timeout:g} s", max_bytes)
                for row in written:
                    yield task, row
                if rest is not None:
                    queue.appendleft(rest)
                break
            kind = event[0]
            if kind == "start":
                pos, current, reading = event[1], event[2], False
            elif kind == "doc":
                pos, current, reading = event[1] + 1, None, True
            yield task, event
            if kind == "end":
                break
