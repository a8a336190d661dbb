"""Carry out one :class:`~extractor.batch.units.Task`, reporting each step as an event.

The same generator drives every way of running: in-process, a local worker process
(which forwards the events to the parent so it can enforce the time limit and name the
document that hung) and a Dask task. Events are small tuples:

- ``("read", pos)``: still reading, now at ``pos``: a heartbeat, sent at most every
  ``HEARTBEAT`` seconds so that an archive of a million pre-filtered records does not
  cost a million messages; any event restarts the parent's clock;
- ``("start", pos, meta)``: read, now in the pipeline (``meta`` identifies it);
- ``("doc", pos, outcome)``: finished;
- ``("recycle", pos)``: the worker has done its share and stops; resume the file at ``pos``;
- ``("end",)``: the file is finished.

A local worker sends the ``doc`` events of documents that never reached the pipeline
in ``("docs", [event, ...])`` batches (:mod:`.worker`); the parent unpacks them.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

from ..errors import ErrorCode
from ..sources import SourceDocument, read_path
from .outcome import failure_outcome, process_one
from .units import ARCHIVE_END, Task, interrupted_document

HEARTBEAT = 1.0
_END = object()


def document_meta(sd: SourceDocument) -> SourceDocument:
    """The text-free part of a document, enough to write its row if it never comes back."""
    return SourceDocument(doc_id=sd.doc_id, source=sd.source, title=sd.title, published=sd.published,
                          media_type=sd.media_type)


def run_task(nlp, task: Task, max_bytes: int, budget: int | None = None) -> Iterator[tuple]:
    """Events for ``task``; hand on with ``recycle`` rather than put more than ``budget`` documents through ``nlp``.

    Only archives are cut short, and only before a document that needs the pipeline: a
    single file is finished whatever the budget, since handing it on would mean reading
    it twice.
    """
    used = 0
    if not task.unit.is_archive:
        budget = None
    documents = read_path(Path(task.unit.path), max_bytes=max_bytes, wanted=task.owns)
    pos = 0
    said = time.monotonic()
    while True:
        if time.monotonic() - said >= HEARTBEAT:
            yield ("read", pos)
            said = time.monotonic()
        sd = next(documents, _END)
        if sd is _END:
            break
        if sd is not None and task.owns(pos) and (sd.source, sd.doc_id) not in task.done:
            if sd.status == "ok":
                if budget is not None and used >= budget:
                    yield ("recycle", pos)
                    return
                used += 1
                yield ("start", pos, document_meta(sd))
                yield ("doc", pos, process_one(nlp, sd))
            else:
                yield ("doc", pos, failure_outcome(sd))
            said = time.monotonic()
        pos += 1
    yield ("end",)


def write_off(task: Task, pos: int, current: SourceDocument | None, reading: bool, code: ErrorCode,
              detail: str, max_bytes: int) -> tuple[list[tuple], Task | None]:
    """Events for a task stopped from outside (time limit, dead worker), and what is left of it.

    The document being processed gets a ``failed`` row and an archive goes on after it;
    stopped while reading, the file (or the rest of the archive) gets one row and ends.
    """
    sd = interrupted_document(task.unit, reading, code, detail, max_bytes, current)
    row = ("doc", ARCHIVE_END if reading and task.unit.is_archive else pos, failure_outcome(sd))
    if task.unit.is_archive and not reading:
        return [row], task.from_position(pos + 1)
    return [row, ("end",)], None
