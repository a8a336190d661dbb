"""Plain-text documents: decode bytes honestly, or say why they cannot be read."""

from __future__ import annotations

from ..errors import ErrorCode, SourceError
from .chrome import blank_related

_ENCODINGS = ("utf-8-sig", "utf-16", "cp1252")
_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32))


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB mean this is not text."""
    head = data[:8192]
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        return True
    controls = sum(1 for b in head if b in _CONTROL)
    return controls > max(8, len(head) // 50)


def decode_text(data: bytes) -> str:
    """Decode ``data`` as UTF-8 (with or without BOM), UTF-16 with BOM, or cp1252.

    cp1252 is the last resort because it accepts almost any byte string; it is what
    Windows-made press releases use when they are not UTF-8.
    """
    if not data.strip():
        raise SourceError(ErrorCode.EMPTY)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise SourceError(ErrorCode.UNDECODABLE, str(exc)) from exc
    if looks_binary(data):
        raise SourceError(ErrorCode.BINARY)
    for enc in _ENCODINGS:
        if enc == "utf-16":
            continue
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise SourceError(ErrorCode.UNDECODABLE)


def normalise_text(text: str) -> str:
    """Unify line endings and drop NULs; offsets in the tables refer to this text."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


def guess_title(text: str) -> str:
    """A saved article or board paper usually opens with its title (or a dateline, then the
    title): the first short line that is not just a date."""
    from ..dates import parse_date

    for line in text.lstrip().splitlines()[:4]:
        line = line.strip()
        if not line or len(line) > 160:
            continue
        if parse_date(line) and len(line) < 40:
            continue
        if line.endswith(".") and len(line) > 80:
            return ""
        return line
    return ""


def read_text(data: bytes) -> tuple[str, str, str]:
    """Return ``(text, title, published)`` for a plain-text document, other stories' headlines
    blanked out (:func:`.chrome.blank_related`)."""
    from ..dates import find_published

    text = blank_related(normalise_text(decode_text(data)))
    if not text.strip():
        raise SourceError(ErrorCode.EMPTY)
    return text, guess_title(text), find_published(text)
