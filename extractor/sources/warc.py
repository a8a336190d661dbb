"""WARC / WARC.gz news archives, streamed one record at a time.

Only ``response`` records carrying HTML become documents. Archives are mostly about
something else, so each payload first meets the byte-level pre-filter
(:mod:`.relevance`); a record that fails it is reported as ``skipped`` without being
parsed, which keeps the cost per irrelevant record close to that of merely reading it.
A record whose oversight words sit only in its furniture (menus, scripts, related
links) is dropped by the same test on its main text, before the costly pipeline.
A corrupt or truncated archive yields what was read before the damage plus one
``failed`` row naming the archive, so nothing vanishes.

The crawl date (``WARC-Date``) goes into ``meta["warc_date"]``, not ``published``: the
contract wants the date the document states, and a crawl date in ``published`` would
outrank the article's own dateline when the pipeline picks the framework.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import ErrorCode, ExtractorError, SourceError
from .base import SourceDocument, content_id
from .html import read_html
from .relevance import maybe_relevant

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S")


def _content_type(record) -> tuple[str, str]:
    """(media type, charset) from the HTTP headers of a response record."""
    raw = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
    media, _, params = raw.partition(";")
    charset = ""
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.lower() == "charset":
            charset = value.strip().strip("\"'")
    return media.strip().lower(), charset


def _record_document(record, path: Path, max_bytes: int) -> SourceDocument | None:
    """The document for one record, or None when the record is not an HTML response."""
    if record.format == "arc" and not _URI.match(record.rec_headers.get_header("uri") or ""):
        raise ValueError("not a WARC or ARC record (warcio guessed ARC from plain text)")
    if record.rec_type != "response":
        return None
    media, charset = _content_type(record)
    if media not in _HTML_TYPES:
        return None
    headers = record.rec_headers
    record_id = (headers.get_header("WARC-Record-ID") or "").strip("<>")
    source = f"{path}#{record_id}"
    warc_date = (headers.get_header("WARC-Date") or "")[:10]
    meta = {"url": headers.get_header("WARC-Target-URI") or "", "warc_date": warc_date}
    payload = record.content_stream().read(max_bytes + 1)
    doc_id = content_id(payload)
    if len(payload) > max_bytes:
        error = SourceError(ErrorCode.TOO_LARGE, f"record payload > {max_bytes} bytes")
        return SourceDocument.failure(doc_id, source, error, "text/html")
    if not maybe_relevant(payload):
        skip = ErrorCode.IRRELEVANT.message("pre-filter")
        return SourceDocument(doc_id=doc_id, source=source, media_type="text/html", status="skipped",
                              error=skip, meta=meta)
    try:
        text, title, published = read_html(payload, charset)
    except ExtractorError as exc:
        doc = SourceDocument.failure(doc_id, source, exc, "text/html")
    except Exception as exc:  # a reader bug must cost one record, not the archive
        doc = SourceDocument.failure(doc_id, source, SourceError(ErrorCode.CRASHED, repr(exc)), "text/html")
    else:
        if maybe_relevant(f"{title}\n{text}".encode()):
            doc = SourceDocument(doc_id=doc_id, source=source, text=text, title=title,
                                 published=published, media_type="text/html")
        else:  # the words were only in menus, scripts or related links: no claim can come of it
            doc = SourceDocument(doc_id=doc_id, source=source, media_type="text/html", status="skipped",
                                 error=ErrorCode.IRRELEVANT.message("pre-filter, main text"))
    doc.meta = meta
    return doc


def _drain(record) -> None:
    """Read the rest of a record; raise if the file ended before its declared length."""
    stream = record.raw_stream
    while stream.read(1 << 16):
        pass
    if getattr(stream, "limit", 0) > 0:
        raise EOFError(f"record {record.rec_headers.get_header('WARC-Record-ID')} is truncated")


def _check_complete(archive: ArchiveIterator, fh: BinaryIO, records: int) -> None:
    """Raise if bytes remain after the last whole record: warcio drops a cut-off record silently."""
    end = archive.get_record_offset() + (archive.get_record_length() or 0) if records else 0
    fh.seek(end)
    rest = fh.read(4096)
    if rest.strip(b"\r\n"):
        raise EOFError(f"unreadable bytes after offset {end} (a truncated or damaged record)")


def iter_warc(path: Path, max_bytes: int) -> Iterator[SourceDocument]:
    """Every HTML response in the archive at ``path`` as a document, in archive order."""
    read = 0
    try:
        with path.open("rb") as fh:
            archive = ArchiveIterator(fh, check_digests=False)
            records = 0
            for record in archive:
                records += 1
                doc = _record_document(record, path, max_bytes)
                _drain(record)
                if doc is not None:
                    read += 1
                    yield doc
            _check_complete(archive, fh, records)
    except Exception as exc:  # warcio signals damage with many exception types, some accidental
        kind = "" if isinstance(exc, ArchiveLoadFailed | EOFError | OSError) else f"{type(exc).__name__}: "
        detail = f"after {read} documents: {kind}{exc}"
        yield SourceDocument.failure(content_id(str(path).encode()), str(path),
                                     SourceError(ErrorCode.WARC_CORRUPT, detail), "application/warc")
