"""Source layer: turn paths (files, folders, archives) into :class:`SourceDocument` s.

Each format has a reader module (``text``, ``html``, ``pdf``, ``warc``). Readers raise
:class:`~extractor.errors.SourceError`; this module turns that into a ``failed`` or
``skipped`` document so that every input lands in ``documents.csv``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import ErrorCode, ExtractorError, SourceError
from .addresses import fetched_url
from .base import Reading, SourceDocument, content_id

__all__ = ["SourceDocument", "content_id", "detect_format", "discover", "iter_documents", "read_path"]

DEFAULT_MAX_BYTES = 256 * 1024 * 1024

_SUFFIX_FORMATS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".pdf": "pdf",
    ".warc": "warc", ".arc": "warc",
}
_SKIP_NAMES = {".DS_Store", "Thumbs.db"}
_DOC_STEMS = {"README", "LICENSE", "LICENCE", "PROVENANCE", "CHANGELOG"}


def detect_format(path: Path, head: bytes) -> str:
    """The reader for a file: its first bytes when they are unmistakable, else its name.

    A PDF or WARC announces itself ("%PDF-", "WARC/"), and a page that opens with a doctype
    or ``<html>`` is HTML, whatever the file is called: downloads and e-mail attachments
    are often misnamed. Everything else goes by suffix, and plain text is the default.
    """
    name = path.name.lower()
    stripped = head.lstrip()[:512].lower()
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"WARC/") or name.endswith((".warc.gz", ".arc.gz", ".warc")):
        return "warc"
    if stripped.startswith((b"<!doctype html", b"<html")):
        return "html"
    fmt = _SUFFIX_FORMATS.get(path.suffix.lower())
    if fmt:
        return fmt
    if b"<body" in stripped:
        return "html"
    return "text"


def discover(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named directly, and every file under named folders, in a stable order.

    Gold and metadata sidecars (``*.json``, ``*.csv``) inside folders are not documents;
    a file named explicitly is always read.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.name in _SKIP_NAMES or child.name.startswith(".") or child.stem.upper() in _DOC_STEMS:
                    continue
                if child.suffix.lower() in {".json", ".csv", ".gitkeep", ".py"}:
                    continue
                yield child
        else:
            yield path


def _reader(fmt: str):
    return importlib.import_module(f"{__name__}.{fmt}")


def read_path(path: Path, max_bytes: int = DEFAULT_MAX_BYTES,
              wanted: Callable[[int], bool] | None = None) -> Iterator[SourceDocument | None]:
    """Every document in one file (an archive holds many); failures come back as rows.

    ``wanted`` picks the positions of an archive to read; the others come back as
    ``None`` (see :func:`.warc.iter_warc`). A single file is always read.
    """
    source = str(path)
    if not path.exists():
        yield SourceDocument.failure(content_id(source.encode()), source, SourceError(ErrorCode.NOT_FOUND))
        return
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
        fmt = detect_format(path, head)
        if fmt == "warc":
            yield from _reader("warc").iter_warc(path, max_bytes=max_bytes, wanted=wanted)
            return
        if path.stat().st_size > max_bytes:
            raise SourceError(ErrorCode.TOO_LARGE, f"{path.stat().st_size} bytes > {max_bytes}")
        data = path.read_bytes()
    except OSError as exc:
        yield SourceDocument.failure(content_id(source.encode()), source,
                                     SourceError(ErrorCode.NOT_FOUND, exc.strerror or str(exc)))
        return
    yield read_bytes(data, source, fmt, fetched_url(path))


def read_bytes(data: bytes, source: str, fmt: str, address: str = "") -> SourceDocument:
    """Read one document held in memory with the reader for ``fmt``.

    ``address`` is where the bytes came from, when known (a fetched URL); it outranks the
    address a page states for itself.
    """
    doc_id = content_id(data)
    media_type = {"text": "text/plain", "html": "text/html", "pdf": "application/pdf"}.get(fmt, fmt)
    try:
        reader = _reader(fmt)
        reading = Reading(*getattr(reader, f"read_{fmt}")(data))
    except ExtractorError as exc:
        return SourceDocument.failure(doc_id, source, exc, media_type)
    except ModuleNotFoundError as exc:
        return SourceDocument.failure(doc_id, source, SourceError(ErrorCode.UNSUPPORTED, str(exc)), media_type)
    except Exception as exc:  # a reader bug must cost one document, not the batch
        return SourceDocument.failure(doc_id, source, SourceError(ErrorCode.CRASHED, repr(exc)), media_type)
    return SourceDocument(doc_id=doc_id, source=source, text=reading.text, title=reading.title,
                          published=reading.published, media_type=media_type, url=address or reading.url)


def iter_documents(paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[SourceDocument]:
    """Every document under ``paths``, failures included, in a stable order."""
    for path in discover(paths):
        yield from read_path(path, max_bytes=max_bytes)
