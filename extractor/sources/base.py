"""What every source reader hands on: a document's text and metadata, or why there is none."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from ..errors import ErrorCode, ExtractorError


def content_id(data: bytes) -> str:
    """A stable ``doc_id``: the same bytes always give the same id."""
    return hashlib.sha256(data).hexdigest()[:16]


@dataclass
class SourceDocument:
    """One input document after reading: plain text plus what we know about it.

    ``status`` is ``ok`` when ``text`` holds something to run the pipeline on; readers
    that fail set ``failed``/``skipped`` with a coded ``error`` instead of raising, so a
    batch never loses a document.
    """

    doc_id: str
    source: str
    text: str = ""
    title: str = ""
    published: str = ""
    media_type: str = "text/plain"
    status: str = "ok"
    error: str = ""
    meta: dict = field(default_factory=dict)

    @classmethod
    def failure(cls, doc_id: str, source: str, exc: ExtractorError, media_type: str = "") -> SourceDocument:
        status = "skipped" if exc.code in (ErrorCode.IRRELEVANT, ErrorCode.PDF_NO_TEXT) else "failed"
        return cls(doc_id=doc_id, source=source, media_type=media_type, status=status, error=str(exc))
