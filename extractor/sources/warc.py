"""WARC / WARC.gz news archives, streamed one record at a time.

Only ``response`` records carrying HTML become documents. Archives are mostly about
something else, so each payload first meets the byte-level pre-filter
(:mod:`.relevance`); a record that fails it is reported as ``skipped`` without being
parsed, which keeps the cost per irrelevant record close to that of merely reading it.
A record whose oversight words sit only in its furniture (menus, scripts, related
links), or whose "segment" is a market segment, is dropped by a stricter test on its
main text (:func:`.relevance.names_oversight`), before the costly pipeline.

Records are read with FastWARC, which iterates about three times faster than warcio
(measured in ``benchmarks/bench_archive.py``). FastWARC passes over a truncated last
record without a word, so once it is done warcio re-reads the tail from the last record
it gave, strictly, and anything left over is damage. warcio also reads what FastWARC
cannot: legacy ARC files, and archives FastWARC refuses before giving a single record
(warcio then yields the records before the damage). A corrupt or truncated archive yields
what was read before the damage plus one ``failed`` row naming the archive, so nothing
vanishes.

The crawl date (``WARC-Date``) goes into ``meta["warc_date"]``, not ``published``: the
contract wants the date the document states, and a crawl date in ``published`` would
outrank the article's own dateline when the pipeline picks the framework.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator as FastIterator
from fastwarc.warc import WarcRecordType
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import ErrorCode, ExtractorError, SourceError
from .base import SourceDocument, content_id
from .html import read_html
from .relevance import maybe_relevant, names_oversight

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S")
_ARC_SUFFIXES = (".arc", ".arc.gz")
_GZIP_MAGIC = b"\x1f\x8b"


@dataclass
class _Record:
    """What either library tells about one record, as the document builder needs it."""

    rec_type: str
    content_type: str
    header: Callable[[str], str | None]  # a WARC header by name, read only for documents
    read: Callable[[int], bytes]


def _content_type(raw: str) -> tuple[str, str]:
    """(media type, charset) from an HTTP Content-Type header."""
    media, _, params = (raw or "").partition(";")
    charset = ""
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.lower() == "charset":
            charset = value.strip().strip("\"'")
    return media.strip().lower(), charset


def _is_document(record: _Record) -> bool:
    """HTML responses are documents; requests, metadata, images and feeds are not."""
    return record.rec_type == "response" and _content_type(record.content_type)[0] in _HTML_TYPES


_CHUNK = 1 << 20


def _read_capped(read: Callable[[int], bytes], limit: int) -> bytes:
    """Up to ``limit`` bytes of a payload, read a megabyte at a time: asked for ``limit`` at
    once, FastWARC sets aside a buffer of that size first (a 50 MB cap made every small
    record cost as much as reading it twice over)."""
    parts, size = [], 0
    while size < limit:
        chunk = read(min(_CHUNK, limit - size))
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
    return parts[0] if len(parts) == 1 else b"".join(parts)


def _record_document(record: _Record, path: Path, max_bytes: int) -> SourceDocument:
    """The document for one HTML response record."""
    charset = _content_type(record.content_type)[1]
    source = f"{path}#{(record.header('WARC-Record-ID') or '').strip('<>')}"
    meta = {"url": record.header("WARC-Target-URI") or "", "warc_date": (record.header("WARC-Date") or "")[:10]}
    payload = _read_capped(record.read, max_bytes + 1)
    doc_id = content_id(payload)
    if len(payload) > max_bytes:
        error = SourceError(ErrorCode.TOO_LARGE, f"record payload > {max_bytes} bytes")
        return SourceDocument.failure(doc_id, source, error, "text/html")
    if not maybe_relevant(payload):
        skip = ErrorCode.IRRELEVANT.message("pre-filter")
        return SourceDocument(doc_id=doc_id, source=source, media_type="text/html", status="skipped",
                              error=skip, meta=meta)
    try:
        text, title, published, page = read_html(payload, charset)
    except ExtractorError as exc:
        doc = SourceDocument.failure(doc_id, source, exc, "text/html")
    except Exception as exc:  # a reader bug must cost one record, not the archive
        doc = SourceDocument.failure(doc_id, source, SourceError(ErrorCode.CRASHED, repr(exc)), "text/html")
    else:
        if names_oversight(f"{title}\n{text}"):
            doc = SourceDocument(doc_id=doc_id, source=source, text=text, title=title,
                                 published=published, media_type="text/html", url=meta["url"] or page)
        else:  # the words were only in menus, scripts or related links, or not in their oversight sense
            doc = SourceDocument(doc_id=doc_id, source=source, media_type="text/html", status="skipped",
                                 error=ErrorCode.IRRELEVANT.message("pre-filter, main text"))
    doc.meta = meta
    return doc


# ---- FastWARC: the fast path -----------------------------------------------------------

@dataclass
class _Cursor:
    """Where the last record FastWARC gave starts: all the tail check needs (memory stays flat)."""

    last: int = 0


def _fast_records(path: Path, cursor: _Cursor) -> Iterator[_Record]:
    """Every record FastWARC finds, noting where the latest starts in ``cursor``."""
    for record in FastIterator(str(path), parse_http=True, fsspec_args=False):
        cursor.last = record.stream_pos
        response = record.record_type == WarcRecordType.response
        http = record.http_headers if response and record.is_http else None
        yield _Record(
            rec_type="response" if response else "other",
            content_type=(http.get("Content-Type") if http is not None else "") or "",
            header=record.headers.get,
            read=record.reader.read,
        )


def _verify_tail(path: Path, start: int) -> None:
    """Raise unless the archive ends cleanly after the records FastWARC gave.

    Records each in their own gzip member (the WARC convention) or uncompressed start at
    offsets warcio can seek to, so warcio re-reads strictly from the last one. In a file
    gzipped whole no record starts a member; there the gzip stream itself must end cleanly.
    """
    with path.open("rb") as fh:
        gzipped = fh.read(2) == _GZIP_MAGIC
        fh.seek(start)
        if gzipped and fh.read(2) != _GZIP_MAGIC:
            fh.seek(0)
            _check_gzip_stream(fh)
            return
        fh.seek(start)
        archive = ArchiveIterator(fh, check_digests=False)
        records = 0
        for record in archive:
            records += 1
            _drain(record)
        _check_complete(archive, fh, records, start)
        if records > 1:
            raise EOFError(f"{records - 1} record(s) after offset {start} could not be read in order")


def _check_gzip_stream(fh: BinaryIO) -> None:
    """Decompress ``fh`` to its end: every gzip member whole, nothing but line breaks after them."""
    decompressor, in_member, chunk = zlib.decompressobj(wbits=31), False, b""
    while more := fh.read(1 << 20):
        chunk += more
        while chunk:
            if not in_member:
                if len(chunk) < 2:  # the next member's magic may straddle two reads
                    break
                if not chunk.startswith(_GZIP_MAGIC):
                    if chunk.strip(b"\r\n") or fh.read(4096).strip(b"\r\n"):
                        raise EOFError("unreadable bytes after the last gzip member")
                    return
                in_member = True
            decompressor.decompress(chunk, 1 << 22)  # output bounded and dropped: only the ends matter
            if decompressor.eof:
                chunk = decompressor.unused_data
                decompressor, in_member = zlib.decompressobj(wbits=31), False
            else:
                chunk = decompressor.unconsumed_tail
    if in_member or chunk.strip(b"\r\n"):
        raise EOFError("the gzip stream ends in the middle of a member (a truncated file)")


# ---- warcio: ARC files, strict tail checks, the fallback ------------------------------

def _warcio_record(record) -> _Record:
    if record.format == "arc" and not _URI.match(record.rec_headers.get_header("uri") or ""):
        raise ValueError("not a WARC or ARC record (warcio guessed ARC from plain text)")
    http = record.http_headers
    return _Record(
        rec_type=record.rec_type,
        content_type=(http.get_header("Content-Type") if http else "") or "",
        header=record.rec_headers.get_header,
        read=record.content_stream().read,
    )


def _drain(record) -> None:
    """Read the rest of a record; raise if the file ended before its declared length."""
    stream = record.raw_stream
    while stream.read(1 << 16):
        pass
    if getattr(stream, "limit", 0) > 0:
        raise EOFError(f"record {record.rec_headers.get_header('WARC-Record-ID')} is truncated")


def _check_complete(archive: ArchiveIterator, fh: BinaryIO, records: int, start: int = 0) -> None:
    """Raise if bytes remain after the last whole record: warcio drops a cut-off record silently."""
    end = archive.get_record_offset() + (archive.get_record_length() or 0) if records else start
    fh.seek(end)
    rest = fh.read(4096)
    if rest.strip(b"\r\n"):
        raise EOFError(f"unreadable bytes after offset {end} (a truncated or damaged record)")


Wanted = Callable[[int], bool]


def _documents(records: Iterator[_Record], path: Path, max_bytes: int, wanted: Wanted | None,
               ) -> Iterator[SourceDocument | None]:
    pos = 0
    for record in records:
        if _is_document(record):
            yield _record_document(record, path, max_bytes) if wanted is None or wanted(pos) else None
            pos += 1


def _warcio_records(fh: BinaryIO) -> Iterator[_Record]:
    archive = ArchiveIterator(fh, check_digests=False)
    records = 0
    for record in archive:
        records += 1
        yield _warcio_record(record)
        _drain(record)
    _check_complete(archive, fh, records)


def _warcio_documents(path: Path, max_bytes: int, wanted: Wanted | None = None) -> Iterator[SourceDocument | None]:
    with path.open("rb") as fh:
        yield from _documents(_warcio_records(fh), path, max_bytes, wanted)


def _fast_documents(path: Path, max_bytes: int, wanted: Wanted | None = None) -> Iterator[SourceDocument | None]:
    cursor = _Cursor()
    yield from _documents(_fast_records(path, cursor), path, max_bytes, wanted)
    _verify_tail(path, cursor.last)


def iter_warc(path: Path, max_bytes: int, wanted: Wanted | None = None) -> Iterator[SourceDocument | None]:
    """Every HTML response in the archive at ``path`` as a document, in archive order.

    With ``wanted``, a document whose position (counting documents from 0) it rejects
    comes back as ``None``, unread: a worker sharing an archive with others pays only
    for iterating past the records it does not own.
    """
    read = 0
    try:
        if not path.name.lower().endswith(_ARC_SUFFIXES):
            try:
                for doc in _fast_documents(path, max_bytes, wanted):
                    read += 1
                    yield doc
                return
            except OSError:
                if read:
                    raise
        # ARC, or refused by FastWARC before any document: warcio reads up to the damage
        for doc in _warcio_documents(path, max_bytes, wanted):
            read += 1
            yield doc
    except Exception as exc:  # the libraries signal damage with many exception types, some accidental
        kind = "" if isinstance(exc, ArchiveLoadFailed | EOFError | OSError) else f"{type(exc).__name__}: "
        detail = f"after {read} documents: {kind}{exc}"
        yield SourceDocument.failure(content_id(str(path).encode()), str(path),
                                     SourceError(ErrorCode.WARC_CORRUPT, detail), "application/warc")
