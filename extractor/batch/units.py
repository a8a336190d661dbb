"""Units of work: one input file each, read by one worker from a given position on.

A file holds one document, an archive many; ``position`` counts the documents
:func:`~extractor.sources.read_path` yields, so a worker that is replaced mid-archive
(time limit, crash, recycling) hands the rest of the file on by position. A unit
interrupted while *reading* cannot be resumed past the damage, so it ends with one row
for the file, as the WARC reader does for a corrupt archive.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import ErrorCode, SourceError
from ..sources import SourceDocument, content_id, discover

ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
# Where the row of an archive abandoned while reading goes: after its records, once
# however many shares of the archive gave up (the exact record is not known).
ARCHIVE_END = 2**62


@dataclass(frozen=True)
class Unit:
    """One input file, numbered in discovery order (the order rows are written in)."""

    index: int
    path: str

    @property
    def key(self) -> str:
        return self.path

    @property
    def is_archive(self) -> bool:
        return self.path.lower().endswith(ARCHIVE_SUFFIXES)

    def stamp(self) -> tuple[int, int]:
        """(size, mtime) so a resumed run notices a file that changed since it was journalled."""
        try:
            st = Path(self.path).stat()
        except OSError:
            return (-1, -1)
        return (st.st_size, st.st_mtime_ns)


@dataclass(frozen=True)
class Task:
    """Read ``unit`` from document ``start`` on, skipping documents already journalled.

    An archive can be shared out: the task then handles only the positions ``p`` with
    ``p % shares == share``. Every share reads the whole archive, but reading is cheap
    next to the pipeline (the pre-filter drops most records unparsed), so a lone archive
    still keeps every core busy without the source layer learning to seek.
    """

    unit: Unit
    start: int = 0
    done: frozenset[tuple[str, str]] = frozenset()
    share: int = 0
    shares: int = 1

    def owns(self, pos: int) -> bool:
        return pos >= self.start and pos % self.shares == self.share

    def from_position(self, pos: int) -> Task:
        """The rest of this task, for the worker that takes over."""
        return replace(self, start=pos)


def share_out(tasks: list[Task], jobs: int) -> list[Task]:
    """Split archives into shares when there are fewer files than workers."""
    archives = sum(1 for t in tasks if t.unit.is_archive)
    if not archives or len(tasks) >= jobs:
        return tasks
    shares = 1 + (jobs - len(tasks)) // archives
    out = []
    for task in tasks:
        n = shares if task.unit.is_archive else 1
        out.extend(replace(task, share=i, shares=n) for i in range(n))
    return out


def plan_units(paths) -> list[Unit]:
    """Every input file as a unit, in the stable order :func:`discover` gives.

    A file named twice (directly and inside a named folder) is one unit: the same bytes
    would give the same ids twice.
    """
    unique = dict.fromkeys(str(p) for p in discover(paths))
    return [Unit(i, path) for i, path in enumerate(unique)]


def interrupted_document(unit: Unit, reading: bool, code: ErrorCode, detail: str, max_bytes: int,
                             started: SourceDocument | None = None) -> SourceDocument:
    """The ``failed`` document for work that never came back.

    When the document was already read (``started``) it keeps its own id and source;
    otherwise a single file gets the id of its bytes (what a successful read would give)
    and an archive the id of its path, as the WARC reader's damage row does.
    """
    if started is not None:
        sd = SourceDocument(doc_id=started.doc_id, source=started.source, title=started.title,
                            published=started.published, media_type=started.media_type)
    else:
        sd = SourceDocument(doc_id=_file_id(unit, max_bytes), source=unit.path)
    where = "while reading" if reading else "while processing"
    sd.status, sd.error = "failed", str(SourceError(code, f"{where}: {detail}" if detail else where))
    return sd


def _file_id(unit: Unit, max_bytes: int) -> str:
    path = Path(unit.path)
    if not unit.is_archive:
        try:
            if path.stat().st_size <= max_bytes:
                return content_id(path.read_bytes())
        except OSError:
            pass
    return content_id(unit.path.encode())
