"""One catalogue of coded errors.

The same short code and sentence appear in ``documents.csv``'s ``error`` column, in CLI
messages and in logs, so a user can grep for ``E102`` wherever it surfaced.
"""

from __future__ import annotations

from enum import Enum


class ErrorCode(str, Enum):
    """Codes and the sentence each one prints. E1xx: input; E2xx: parsing; E3xx: run; E4xx: fetching;
    E5xx: official tables given by the user."""

    EMPTY = "E101: the document is empty"
    BINARY = "E102: the document is binary data, not text"
    UNDECODABLE = "E103: the text could not be decoded as UTF-8, UTF-16 or cp1252"
    NOT_FOUND = "E104: no such file"
    UNSUPPORTED = "E105: unsupported file type"
    TOO_LARGE = "E106: the document is larger than the size limit"
    HTML_UNPARSABLE = "E201: the HTML could not be parsed"
    PDF_ENCRYPTED = "E202: the PDF is encrypted"
    PDF_CORRUPT = "E203: the PDF is corrupt or truncated"
    PDF_NO_TEXT = "E204: the PDF has no text layer (scanned images?)"
    WARC_CORRUPT = "E205: the WARC archive is corrupt or truncated"
    NO_CONTENT = "E206: no main text could be extracted"
    IRRELEVANT = "E301: no NHS oversight segment content"
    TIMEOUT = "E302: processing exceeded the per-document time limit"
    CRASHED = "E303: processing crashed"
    LOST = "E304: the pipeline returned no result for this document"
    DUPLICATE = "E305: the same bytes as a document read earlier in this run"
    NOT_HTTP = "E401: only http(s) URLs are fetched"
    ROBOTS = "E402: robots.txt disallows the URL"
    HTTP_ERROR = "E403: the server answered with an error status"
    UNREACHABLE = "E404: the request failed (timeout or connection)"
    REDIRECTS = "E405: the redirects could not be followed"
    DOWNLOAD_TOO_LARGE = "E406: the download is larger than the size cap"
    UNWANTED_TYPE = "E407: unsupported content type"
    OFFICIAL_UNREADABLE = "E501: the official table could not be read (a CSV or XLSX file is needed)"
    OFFICIAL_NO_ORGANISATION = "E502: the official table has no organisation code or name column"
    OFFICIAL_NO_SEGMENT = "E503: the official table has no segment column"
    OFFICIAL_BAD_VALUE = "E504: the official table has values that cannot be read"
    OFFICIAL_NO_PERIOD = "E505: the official table does not say which period it describes"
    OFFICIAL_CONFLICT = "E506: the official tables place one organisation twice in one period"

    @property
    def code(self) -> str:
        return self.value.split(":", 1)[0]

    def message(self, detail: str = "") -> str:
        """The catalogue sentence, with an optional detail after a colon."""
        return f"{self.value}: {detail}" if detail else self.value


class ExtractorError(Exception):
    """Base class: carries an :class:`ErrorCode` so callers can map it to a row or exit code."""

    def __init__(self, code: ErrorCode, detail: str = "") -> None:
        self.code = code
        self.detail = detail
        super().__init__(code.message(detail))


class SourceError(ExtractorError):
    """A document could not be turned into text (its row becomes ``failed``)."""


class SkipDocument(ExtractorError):
    """A document was read but holds nothing to extract (its row becomes ``skipped``)."""


class UsageError(ExtractorError):
    """The caller asked for something impossible (bad path, bad option)."""


class OfficialTableError(UsageError):
    """An official table given with ``--official`` cannot be used (E5xx)."""
