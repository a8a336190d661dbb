"""What every source reader hands on: a document's text and metadata, or why there is none."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import NamedTuple

from ..errors import ErrorCode, ExtractorError


def content_id(data: bytes) -> str:
    """A stable ``doc_id``: the same bytes always give the same id."""
    return hashlib.sha256(data).hexdigest()[:16]


class Reading(NamedTuple):
    """What a format reader finds in one document's bytes. ``url`` is the address the page
    states for itself (an HTML canonical link or ``og:url``); plain text and PDF have none."""

    text: str
    title: str
    published: str
    url: str = ""


@dataclass
class SourceDocument:
    """One input document after reading: plain text plus what we know about it.

    ``url`` is the document's address when one is known (the URL it was fetched from, a WARC
    record's target URI, an HTML page's canonical link): it tells whose website a page is on,
    and so who "we" and "the Trust" are. ``status`` is ``ok`` when ``text`` holds something
    to run the pipeline on; readers
    that fail set ``failed``/``skipped`` with a coded ``error`` instead of raising, so a
    batch never loses a document.
    """

    doc_id: str
    source: str
    text: str = ""
    title: str = ""
    published: str = ""
    media_type: str = "text/plain"
    url: str = ""
    status: str = "ok"
    error: str = ""
    meta: dict = field(default_factory=dict)

    @classmethod
    def failure(cls, doc_id: str, source: str, exc: ExtractorError, media_type: str = "") -> SourceDocument:
        status = "skipped" if exc.code in (ErrorCode.IRRELEVANT, ErrorCode.PDF_NO_TEXT) else "failed"
        return cls(doc_id=doc_id, source=source, media_type=media_type, status=status, error=str(exc))
