"""PDF board papers: page text in reading order, tables as ``cell | cell`` lines.

Why two libraries: pypdfium2 (installed with pdfplumber) extracts text at hundreds of
pages per second, pdfplumber at tens, so every page goes through pdfium and only pages
whose text looks like a table of organisations and segments are re-read with
pdfplumber, whose table finder turns a ruled "Organisation | Segment" table into lines
such as ``Frimley Health | 1`` that the text pipeline reads as memberships.

Pages are joined with ``\\f`` so a character offset maps back to a page number. Within a
page, lines are re-flowed into paragraphs from their geometry: a wrapped sentence
becomes one line again, a vertical gap starts a new paragraph (blank line), and list
items and table rows keep their own lines.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..errors import ErrorCode, SkipDocument, SourceError

log = logging.getLogger(__name__)

PAGE_BREAK = "\f"
_ITEM_START = re.compile(r"^(?:[-–•▪◦*·]\s|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s)")
_TABLE_HINT = re.compile(r"(?im)^[^\n]{3,150}?\s(?:segment\s*)?[1-5]\s*$")
_SEGMENT_WORD = re.compile(r"(?i)segment|oversight|\bSOF\b|\bNOF\b")
_PDF_DATE = re.compile(r"D?:?(\d{4})(\d{2})(\d{2})")
_SPACES = re.compile(r"[ \t\u00a0]+")


@dataclass
class _Line:
    text: str
    top: float  # distance from the top of the page, in points
    bottom: float


def _open(data: bytes) -> pdfium.PdfDocument:
    if not data.strip():
        raise SourceError(ErrorCode.EMPTY)
    if b"%PDF-" not in data[:1024]:
        raise SourceError(ErrorCode.PDF_CORRUPT, "no %PDF header")
    if b"%%EOF" not in data[-2048:]:
        raise SourceError(ErrorCode.PDF_CORRUPT, "truncated: no %%EOF trailer")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise SourceError(ErrorCode.PDF_ENCRYPTED) from exc
        raise SourceError(ErrorCode.PDF_CORRUPT, str(exc)) from exc


def _pdfium_lines(page: pdfium.PdfPage) -> list[_Line]:
    """The page's text runs grouped into lines, in content-stream (reading) order."""
    height = page.get_height()
    textpage = page.get_textpage()
    try:
        lines: list[_Line] = []
        for i in range(textpage.count_rects()):
            left, bottom, right, top = textpage.get_rect(i)
            text = textpage.get_text_bounded(left, bottom, right, top).replace("\r", " ").replace("\n", " ")
            text = _SPACES.sub(" ", text.replace("\x02", "-").replace("\ufffe", "-")).strip()
            if not text:
                continue
            line_top, line_bottom = height - top, height - bottom
            prev = lines[-1] if lines else None
            if prev and abs(prev.top - line_top) < 0.5 * max(prev.bottom - prev.top, 1):
                prev.text = f"{prev.text} {text}"
                prev.bottom = max(prev.bottom, line_bottom)
            else:
                lines.append(_Line(text, line_top, line_bottom))
        return lines
    finally:
        textpage.close()


def reflow(lines: list[_Line]) -> str:
    """Join wrapped lines into paragraphs; keep list items and table rows on their own lines."""
    out: list[str] = []
    prev: _Line | None = None
    for line in lines:
        if prev is not None:
            height = max(prev.bottom - prev.top, 1.0)
            gap = line.top - prev.bottom
            if gap > 0.8 * height or gap < -3 * height:
                out.append("\n\n")
            elif _ITEM_START.match(line.text) or " | " in line.text or " | " in prev.text:
                out.append("\n")
            elif prev.text.endswith("-") and not prev.text.endswith(" -"):
                out[-1] = out[-1][:-1]
            else:
                out.append(" ")
        out.append(line.text)
        prev = line
    return "".join(out)


def _looks_like_segment_table(text: str) -> bool:
    return bool(_SEGMENT_WORD.search(text)) and len(_TABLE_HINT.findall(text)) >= 3


def _cell(value: str | None) -> str:
    return _SPACES.sub(" ", (value or "").replace("\n", " ")).strip()


def _plumber_page(page) -> list[_Line] | None:
    """Lines of a table page: text around the tables plus one ``a | b`` line per row.

    Returns None when pdfplumber finds no table, so the pdfium text stands.
    """
    tables = sorted(page.find_tables(), key=lambda t: t.bbox[1])
    if not tables:
        return None
    lines: list[_Line] = []
    outside = page
    for table in tables:
        outside = outside.outside_bbox(table.bbox)
        top = table.bbox[1]
        for row in table.extract():
            cells = [_cell(c) for c in row]
            if any(cells):
                lines.append(_Line(" | ".join(cells), top, top + 10))
                top += 10
    for item in outside.extract_text_lines(return_chars=False):
        lines.append(_Line(_SPACES.sub(" ", item["text"]).strip(), item["top"], item["bottom"]))
    lines.sort(key=lambda ln: ln.top)
    return [ln for ln in lines if ln.text]


def _tables_with_pdfplumber(data: bytes, page_numbers: list[int]) -> dict[int, str]:
    """Re-read the given (0-based) pages with pdfplumber; closes each page after use."""
    import pdfplumber  # only documents with table pages pay for importing it

    found: dict[int, str] = {}
    with pdfplumber.open(io.BytesIO(data), pages=[n + 1 for n in page_numbers]) as pdf:
        for number, page in zip(page_numbers, pdf.pages, strict=True):
            try:
                lines = _plumber_page(page)
            finally:
                page.close()
            if lines:
                found[number] = reflow(lines)
    return found


def _pdf_date(value: str) -> str:
    match = _PDF_DATE.match((value or "").strip())
    if not match:
        return ""
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3])).isoformat()
    except ValueError:
        return ""


def read_pdf(data: bytes) -> tuple[str, str, str]:
    """Return ``(text, title, published)``; pages are separated by ``\\f``."""
    pdf = _open(data)
    try:
        if len(pdf) == 0:
            raise SourceError(ErrorCode.PDF_CORRUPT, "no pages")
        pages: list[str] = []
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                pages.append(reflow(_pdfium_lines(page)))
            finally:
                page.close()
        meta = pdf.get_metadata_dict(skip_empty=True)
    except pdfium.PdfiumError as exc:
        raise SourceError(ErrorCode.PDF_CORRUPT, str(exc)) from exc
    finally:
        pdf.close()
    if not any(p.strip() for p in pages):
        raise SkipDocument(ErrorCode.PDF_NO_TEXT, f"{len(pages)} pages without text")
    table_pages = [i for i, text in enumerate(pages) if _looks_like_segment_table(text)]
    if table_pages:
        try:
            for number, text in _tables_with_pdfplumber(data, table_pages).items():
                pages[number] = text
        except Exception as exc:  # pdfminer may choke where pdfium did not: keep pdfium's text
            log.warning("pdfplumber could not read the table pages (%r); keeping pdfium text", exc)
    title = _SPACES.sub(" ", meta.get("Title", "")).strip()
    published = _pdf_date(meta.get("CreationDate", ""))
    return PAGE_BREAK.join(pages), title, published
