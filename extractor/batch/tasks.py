"""Carry out one :class:`~extractor.batch.units.Task`, reporting each step as an event.

The same generator drives every way of running: in-process, a local worker process
(which forwards the events to the parent so it can enforce the time limit and name the
document that hung) and a Dask task. Events are small tuples:

- ``("read", pos)``: about to read the document at ``pos`` (the clock starts);
- ``("start", pos, meta)``: read, now in the pipeline (``meta`` identifies it);
- ``("doc", pos, outcome)``: finished;
- ``("recycle", pos)``: the worker has done its share and stops; resume the file at ``pos``;
- ``("end",)``: the file is finished.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..sources import SourceDocument, read_path
from .outcome import failure_outcome, process_one
from .units import Task


def document_meta(sd: SourceDocument) -> SourceDocument:
    """The text-free part of a document, enough to write its row if it never comes back."""
    return SourceDocument(doc_id=sd.doc_id, source=sd.source, title=sd.title, published=sd.published,
                          media_type=sd.media_type)


def run_task(nlp, task: Task, max_bytes: int, budget: int | None = None) -> Iterator[tuple]:
    """Events for ``task``; stop with ``recycle`` once ``budget`` documents went through ``nlp``.

    Only archives are cut short: a single file is finished whatever the budget, since
    handing it on would mean reading it twice.
    """
    used = 0
    if not task.unit.is_archive:
        budget = None
    documents = read_path(Path(task.unit.path), max_bytes=max_bytes)
    pos = 0
    while True:
        if budget is not None and used >= budget and pos >= task.start:
            yield ("recycle", pos)
            return
        yield ("read", pos)
        sd = next(documents, None)
        if sd is None:
            break
        if pos >= task.start and (sd.source, sd.doc_id) not in task.done:
            if sd.status == "ok":
                used += 1
                yield ("start", pos, document_meta(sd))
                yield ("doc", pos, process_one(nlp, sd))
            else:
                yield ("doc", pos, failure_outcome(sd))
        pos += 1
    yield ("end",)
