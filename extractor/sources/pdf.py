"""PDF board papers: page text in reading order, tables as ``cell | cell`` lines.

Why pdfium first: pypdfium2 (installed with pdfplumber) extracts text at hundreds of
pages per second, pdfplumber at tens. Every page is read with pdfium; on pages that
mention oversight and draw rules, the ruled grid is rebuilt from the page's path
objects and each row becomes a line such as ``Frimley Health | 1``, which the text
pipeline reads as a membership. Only a ruled page whose grid we cannot rebuild
(curved or dashed rules, odd merges) is re-read with pdfplumber's table finder.

Pages are joined with ``\\f`` so a character offset maps back to a page number. Within a
page, lines are re-flowed into paragraphs from their geometry: a wrapped sentence
becomes one line again (a line-end hyphen kept unless the word was hyphenated to fit),
a vertical gap starts a new paragraph (blank line), and list items and table rows keep
their own lines. A table typed with spaces or set at tab stops gets its column gaps
back from its characters' positions (:mod:`.pdfcolumns`), so it reads as the plain text
does; a page number printed in the header or footer is left out of the text flow.
"""

from __future__ import annotations

import ctypes
import io
import logging
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..dates import iso_from_match
from ..errors import ErrorCode, SkipDocument, SourceError
from .pdfcolumns import WIDE, columns_text, pitch

log = logging.getLogger(__name__)

PAGE_BREAK = "\f"
_ITEM_START = re.compile(r"^(?:[-–•▪◦*·]\s|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s)")
_SEGMENT_WORD = re.compile(r"(?i)segment|oversight|\bSOF\b|\bNOF\b")
_PDF_DATE = re.compile(r"D?:?(\d{4})(\d{2})(\d{2})")
_SPACES = re.compile(r"[ \t\u00a0]+")
_WORD = re.compile(r"[\w'-]+")
_BULLET_GLYPH = re.compile(r"^[•▪◦·]\s")
_RANKED_NAME = re.compile(r"^\d{1,3}=?\s+[A-Z]")  # '127 James Paget University Hospitals (4)'
_CSV_CELL = re.compile(r"[A-Za-z],|,[A-Za-z]")
_WORD_ENDING = re.compile(r"^[a-z]*(?:tions?|sions?|ments?|ness|ances?|ences?|it(?:y|ies)|ives?|ings?|[iy][sz]ed|"
                          r"[iy][sz]es?|ally|ful|less|ous|i?al|[ai]bles?)\W*$")  # '-sation', '-ive'
_COMPOUND_FIRST = frozenset({"non", "well", "self", "cross", "long", "short", "full", "part", "high", "low", "half",
                             "year", "all", "ex", "co", "mid", "multi"})
_PAGE_LABEL = re.compile(r"(?i)(?:^|\bpage\s+)\d{1,4}(?:\s+of\s+\d{1,4})?$")  # a page ends with its number
_PAGE_NUMBER = re.compile(r"(?i)^(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?$|^[-–]\s*\d{1,4}\s*[-–]$")
_RUNS_ON = re.compile(r"[\w,;(–-]\Z")  # \Z: a page that ends with a newline does not run on
_RULE = 3.0  # points: a path thinner than this is a rule, not a box
_TOLERANCE = 2.5  # points: rules this close line up (stroke widths, rounding)
_MAX_PATHS = 3000

_Segment = tuple[float, float, float]  # position, start, end (a rule)
_Box = tuple[float, float, float, float]  # left, bottom, right, top (PDF coordinates)


@dataclass
class _Line:
    text: str
    top: float  # distance from the top of the page, in points
    bottom: float
    left: float = 0.0
    right: float = 0.0
    columns: bool = False  # a row of cells set apart with spaces, kept as its own line


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


def _pdfium_lines(textpage: pdfium.PdfTextPage, height: float) -> list[_Line]:
    """The page's text runs grouped into lines, in content-stream (reading) order.

    Runs set apart on one line (tab stops) and lines much wider than their characters
    (columns typed with spaces, whose gaps the text layer drops) are rebuilt from their
    characters' positions, so their cells keep the columns the plain text would give them.
    """
    lines: list[_Line] = []
    spread: set[int] = set()  # lines holding runs far apart
    for i in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(i)
        text = _clean(textpage.get_text_bounded(left, bottom, right, top))
        if not text:
            continue
        line_top, line_bottom = height - top, height - bottom
        prev = lines[-1] if lines else None
        if prev and abs(prev.top - line_top) < 0.5 * max(prev.bottom - prev.top, 1):
            if left - prev.right > 2 * (prev.bottom - prev.top):
                spread.add(len(lines) - 1)
            prev.text = f"{prev.text} {text}"
            prev.bottom = max(prev.bottom, line_bottom)
            prev.right = max(prev.right, right)
        else:
            lines.append(_Line(text, line_top, line_bottom, left, right))
    widths = sorted((ln.right - ln.left) / len(ln.text) for ln in lines)
    usual = widths[len(widths) // 2] if widths else 0.0
    # wider per character than the page's lines, or than its own height allows (a page that
    # is all table has no ordinary lines to compare with)
    wide = [i for i, ln in enumerate(lines)
            if i in spread or (ln.right - ln.left) / len(ln.text) > min(WIDE * usual, 1.1 * (ln.bottom - ln.top))]
    if wide:
        _align_columns(lines, wide, textpage, height)
    return lines


def _align_columns(lines: list[_Line], wide: list[int], textpage: pdfium.PdfTextPage, height: float) -> None:
    """Rewrite each wide line whose characters stand in columns with those columns' gaps, and
    the lines next to such a row too (a header with short gaps is not wide on its own)."""
    chars = _chars(textpage, height)
    chars.sort(key=lambda c: c[0])  # by height on the page, so a line's characters are one slice
    middles = [c[0] for c in chars]
    margin = min((c[2] for c in chars if not c[1].isspace()), default=0.0)

    def own(line: _Line) -> list[tuple[str, float, float]]:
        start, end = bisect_left(middles, line.top - 0.5), bisect_right(middles, line.bottom + 0.5)
        return [(c, left, right) for _, c, left, right in chars[start:end]
                if line.left - 1 <= right and left <= line.right + 1]

    unit = pitch([c for i in wide for c in own(lines[i])])  # one column width for the page's rows
    pending, seen = list(wide), set(wide)
    while pending:
        i = pending.pop()
        line = lines[i]
        text = columns_text(own(line), margin, unit)
        if not text:
            continue
        line.text, line.columns = text, True
        for j in (i - 1, i + 1):
            if 0 <= j < len(lines) and j not in seen:
                seen.add(j)
                pending.append(j)


def _chars(textpage: pdfium.PdfTextPage, height: float) -> list[tuple[float, str, float, float]]:
    """Every character of the page: (middle from the top, character, pen position, right edge).

    pdfium is asked directly, with one set of out-parameters for the whole page: the
    helper ``get_charbox`` makes four new C doubles per character, and a table page has
    thousands of characters."""
    raw = textpage.raw
    left, right, bottom, top, x, y = (ctypes.c_double() for _ in range(6))
    box = (ctypes.byref(left), ctypes.byref(right), ctypes.byref(bottom), ctypes.byref(top))
    origin = (ctypes.byref(x), ctypes.byref(y))
    get_box, get_origin, get_unicode = (pdfium_c.FPDFText_GetCharBox, pdfium_c.FPDFText_GetCharOrigin,
                                        pdfium_c.FPDFText_GetUnicode)
    chars = []
    for index in range(pdfium_c.FPDFText_CountChars(raw)):
        if not get_box(raw, index, *box):
            raise pdfium.PdfiumError("Failed to get charbox.")
        get_origin(raw, index, *origin)
        chars.append((height - (top.value + bottom.value) / 2, chr(get_unicode(raw, index)), x.value, right.value))
    return chars


def _clean(text: str) -> str:
    text = text.replace("\r", " ").replace("\n", " ").replace("\x02", "-").replace("\ufffe", "-")
    return _SPACES.sub(" ", text).strip()


def reflow(lines: list[_Line], page_width: float) -> str:
    """Join wrapped lines into paragraphs; keep list items, table rows and short lines apart.

    A line ended on purpose (a heading, a "Date: ..." line, a paragraph's last line) when
    the next line's first word would have fitted after it; only then does the next line
    start a new line rather than continue the sentence. A wrapped line that happens to
    start with "3. " continues its sentence unless the line before it closed one. The right margin is taken to
    mirror the left one, as it does in nearly every document layout. Consecutive list items
    and table rows stay one block even when the writer spaced them like paragraphs.
    """
    out: list[str] = []
    prev: _Line | None = None
    prose = [ln for ln in lines if not ln.columns] or lines  # a wide table may run past the margin
    margin = max(page_width - min((ln.left for ln in prose), default=0.0),
                 max((ln.right for ln in prose), default=0.0))
    # the page's typical line height, not the previous line's: a line without ascenders
    # or descenders is shorter and would make an ordinary gap look like a blank line
    heights = sorted(ln.bottom - ln.top for ln in lines)
    height = max(heights[len(heights) // 2], 1.0) if heights else 1.0
    words = set(_WORD.findall(" ".join(ln.text for ln in lines).lower()))
    for line in lines:
        if prev is not None:
            gap = line.top - prev.bottom
            char = (prev.right - prev.left) / max(len(prev.text), 1)
            first_word = len(line.text.split(" ", 1)[0]) + 1
            wrapped = margin - prev.right <= 1.3 * first_word * char  # the line ran out of room
            # a table's rows and a list's items may be spaced wider than its text
            rows = _row_line(line) and (_row_line(prev) or prev.text.endswith(":"))
            if gap > (2.5 if rows else 0.9) * height or gap < -3 * height:
                out.append("\n\n")
            elif (_pipe_row(line) or " | " in prev.text or line.columns or prev.columns or not wrapped
                  or _new_row(prev, line)
                  or _PAGE_NUMBER.match(line.text) or _PAGE_NUMBER.match(prev.text)
                  or (_ITEM_START.match(line.text) and prev.text.endswith((":", ";", ".")))):
                out.append("\n")
            elif prev.text.endswith("-") and not prev.text.endswith(" -"):
                if not _hyphen_kept(prev.text, line.text, words):
                    out[-1] = out[-1][:-1]
            else:
                out.append(" ")
        out.append(line.text)
        prev = line
    if prev is not None and margin - prev.right > 0.2 * (margin - min(ln.left for ln in prose)):
        out.append("\n")  # the last line ended well short of the margin: it does not run on
    return "".join(out)


def _row_line(line: _Line) -> bool:
    return line.columns or _row_like(line.text)


def _pipe_row(line: _Line) -> bool:
    """Whether a line holding ' | ' starts anew (a table row, a byline) rather than carrying on
    a sentence that ran out of room before a separator ('... ranked' / 'fourth overall. | Share'):
    rows and bylines do not open in lower case."""
    return " | " in line.text and not line.text[:1].islower()


def _new_row(prev: _Line, line: _Line) -> bool:
    """Whether ``line`` starts a new list item or row rather than continuing ``prev``: a bullet
    glyph always does; a dash, a number or a row only after another item or row (a wrapped
    sentence may go on with '- and' or '3. ')."""
    if _BULLET_GLYPH.match(line.text):
        return True
    return _row_line(line) and _row_line(prev)


def _hyphen_kept(before: str, after: str, words: set[str]) -> bool:
    """Whether a hyphen that ends a line belongs to the text: a compound broken at its hyphen
    ('non-' / 'acute', 'Stoke-on-' / 'Trent', 'mid-' / '2024') rather than a word hyphenated
    to fit ('reorgani-' / 'sation'). Board papers come from word processors that break
    lines at hyphens but seldom hyphenate, so the hyphen is kept unless the page spells the
    joined word elsewhere or the second part is a word ending that cannot stand alone."""
    last = before.rsplit(" ", 1)[-1][:-1]
    nxt = after.split(" ", 1)[0]
    if "-" in last or not last[-1:].isalpha() or not nxt[:1].islower():
        return True
    joined = (last + nxt).lower().strip(".,;:)'\"")
    if joined in words:
        return False
    return last.lower() in _COMPOUND_FIRST or not _WORD_ENDING.match(nxt)


def _without_page_number(lines: list[_Line]) -> list[_Line]:
    """The page's lines less the page number printed in its header or footer.

    A footer comes after the page's last sentence in the content stream, so a sentence
    running on to the next page would have it in its middle; it is page furniture, like a
    running head, and the page break (``\\f``) still tells the page of every offset.
    """
    if len(lines) < 2:
        return lines
    for line in (max(lines, key=lambda ln: ln.top), min(lines, key=lambda ln: ln.top)):  # foot, then head
        others = [ln for ln in lines if ln is not line]
        height = line.bottom - line.top
        apart = all(ln.bottom + height <= line.top or line.bottom + height <= ln.top for ln in others)
        if apart and _PAGE_NUMBER.match(line.text):
            return others
    return lines


def _rules(page: pdfium.PdfPage) -> tuple[list[_Segment], list[_Segment]] | None:
    """Horizontal and vertical rules: drawn lines plus the edges of drawn boxes.

    None when the page draws so many paths (a chart, a map) that it is not a table page.
    """
    horizontal: list[_Segment] = []
    vertical: list[_Segment] = []
    for count, obj in enumerate(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2)):
        if count > _MAX_PATHS:
            return None
        left, bottom, right, top = obj.get_bounds()
        width, height = right - left, top - bottom
        if height <= _RULE < width:
            horizontal.append(((bottom + top) / 2, left, right))
        elif width <= _RULE < height:
            vertical.append(((left + right) / 2, bottom, top))
        elif width > _RULE and height > _RULE:
            horizontal += [(bottom, left, right), (top, left, right)]
            vertical += [(left, bottom, top), (right, bottom, top)]
    return horizontal, vertical


def _clusters(segments: list[_Segment]) -> tuple[list[float], list[list[_Segment]]]:
    """Positions of rules that line up (within a tolerance), with the rules at each."""
    positions: list[float] = []
    members: list[list[_Segment]] = []
    for seg in sorted(segments):
        if positions and seg[0] - positions[-1] <= _TOLERANCE:
            members[-1].append(seg)
        else:
            positions.append(seg[0])
            members.append([seg])
    return positions, members


def _covers(rules: list[_Segment], a: float, b: float) -> bool:
    middle = (a + b) / 2
    return any(lo - _TOLERANCE <= middle <= hi + _TOLERANCE for _, lo, hi in rules)


def _grid_rows(horizontal: list[_Segment], vertical: list[_Segment]) -> list[list[_Box]]:
    """Cells (left, bottom, right, top) row by row, top row first; [] marks a gap between tables.

    A cell spans from one vertical rule to the next that crosses its band, so merged
    cells (a missing inner rule) come out whole.
    """
    ys, h_at = _clusters(horizontal)
    xs, v_at = _clusters(vertical)
    rows: list[list[_Box]] = []
    for i in range(len(ys) - 1, 0, -1):
        y_hi, y_lo = ys[i], ys[i - 1]
        cells: list[_Box] = []
        start: float | None = None
        for j, x in enumerate(xs):
            if not _covers(v_at[j], y_lo, y_hi):
                continue
            if (start is not None and x - start > _RULE and _covers(h_at[i], start, x)
                    and _covers(h_at[i - 1], start, x)):
                cells.append((start, y_lo, x, y_hi))
            start = x
        rows.append(cells if y_hi - y_lo > _RULE else [])
    return rows


def _grid_tables(rules: tuple[list[_Segment], list[_Segment]], textpage: pdfium.PdfTextPage,
                 height: float) -> list[list[_Line]] | None:
    """Each ruled table on the page as ``a | b`` lines (a table cut by a page break may have
    one row); None when the rules form no grid at all."""
    if len(rules[0]) < 2 or len(rules[1]) < 2:
        return None
    tables: list[list[_Line]] = []
    current: list[_Line] = []
    rows = _grid_rows(*rules)
    if not any(len(cells) >= 2 for cells in rows):
        return None
    for cells in [*rows, []]:
        if len(cells) < 2:
            if current:
                tables.append(current)
            current = []
            continue
        texts = [_clean(textpage.get_text_bounded(left + 0.5, bottom + 0.5, right - 0.5, top - 0.5))
                 for left, bottom, right, top in cells]
        if sum(bool(t) for t in texts) * 2 < len(texts):  # mostly empty: chart gridlines, not a table
            continue
        _, bottom, _, top = cells[0]
        current.append(_Line(" | ".join(texts), height - top, height - bottom, cells[0][0], cells[-1][2]))
    return tables


def _with_tables(lines: list[_Line], tables: list[list[_Line]]) -> list[_Line]:
    """Replace the text lines inside each table's area with the table's rows, in place."""
    def inside(line: _Line, rows: list[_Line]) -> bool:
        middle = (line.top + line.bottom) / 2
        return (rows[0].top - _TOLERANCE <= middle <= rows[-1].bottom + _TOLERANCE
                and line.left < rows[0].right and line.right > rows[0].left)

    pending = sorted(tables, key=lambda rows: rows[0].top)
    out: list[_Line] = []
    for line in lines:
        if any(inside(line, rows) for rows in tables):
            continue
        while pending and pending[0][0].top <= line.top:
            out += pending.pop(0)
        out.append(line)
    for rows in pending:
        out += rows
    return out


def _read_page(page: pdfium.PdfPage) -> tuple[str, bool]:
    """The page's text, and whether it is a ruled oversight page our grid could not read."""
    textpage = page.get_textpage()
    try:
        width, height = page.get_width(), page.get_height()
        lines = _without_page_number(_pdfium_lines(textpage, height))
        text = reflow(lines, width)
        if not _SEGMENT_WORD.search(text):
            return text, False
        rules = _rules(page)
        if rules is None:  # a chart or a map, not a table
            return text, False
        tables = _grid_tables(rules, textpage, height)
        if tables is None:
            return text, len(rules[0]) + len(rules[1]) >= 4
        return reflow(_with_tables(lines, tables), width), False
    finally:
        textpage.close()


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
                lines.append(_Line(" | ".join(cells), top, top + 1, table.bbox[0], table.bbox[2]))
                top += 1
    for item in outside.extract_text_lines(return_chars=False):
        text = _SPACES.sub(" ", item["text"]).strip()
        lines.append(_Line(text, item["top"], item["bottom"], item["x0"], item["x1"]))
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
                found[number] = reflow(lines, float(page.width))
    return found


def _row_like(text: str) -> bool:
    """A list item or a table row (pipes, spaced columns, comma-separated cells, a rank and a name)."""
    return (" | " in text or "   " in text.strip() or bool(_ITEM_START.match(text) or _RANKED_NAME.match(text))
            or (text.count(",") >= 2 and ", " not in text and bool(_CSV_CELL.search(text))))


def join_pages(pages: list[str]) -> str:
    """Pages joined by ``\\f`` and a blank line, or a newline when a table or list goes on
    over the break.

    The newline keeps a table row or list item that ends a page off the next page's
    first line, since readers downstream take rows line by line, and a page that ends with
    its number ("Page 14 of 61") from running that number into the next page's sentence.
    A page whose last line stopped short of the margin (:func:`reflow` ends it with a
    newline) does not run on either: a heading at the foot of a page stays a heading.

    A sentence that runs on over the break is joined with a space, as the plain text has
    it (a ``\\f`` token inside "Sandwell and West / Birmingham" would cut the name in two),
    and the page break moves to the end of that line: its rest counts as the page it began on.
    """
    parts: list[str] = []
    pending = 0  # page breaks waiting for the end of a line that ran over them
    for i, page in enumerate(pages):
        if i:
            before, after = pages[i - 1].rstrip(" \t"), page.lstrip()
            last_line, first_line = before.rstrip().rsplit("\n", 1)[-1], after.split("\n", 1)[0]
            runs_on = (bool(_RUNS_ON.search(before)) and not _row_like(last_line) and not _row_like(first_line)
                       and not _PAGE_LABEL.search(last_line))
            rows = _row_like(last_line) or _row_like(first_line)
            if runs_on:
                parts.append(" ")
                pending += 1
            else:
                parts.append(PAGE_BREAK * (1 + pending) + ("\n" if rows else "\n\n"))
                pending = 0
        text = page.rstrip("\n") if page.strip() else page
        if pending:
            text = text.lstrip()
            cut = text.find("\n")
            if cut >= 0:
                text, pending = text[:cut] + PAGE_BREAK * pending + text[cut:], 0
        parts.append(text)
    return "".join(parts) + PAGE_BREAK * pending


def _pdf_date(value: str) -> str:
    return iso_from_match(_PDF_DATE.match((value or "").strip()))


def read_pdf(data: bytes) -> tuple[str, str, str]:
    """Return ``(text, title, published)``; pages are separated by ``\\f``."""
    pdf = _open(data)
    try:
        if len(pdf) == 0:
            raise SourceError(ErrorCode.PDF_CORRUPT, "no pages")
        pages: list[str] = []
        table_pages: list[int] = []
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                text, needs_plumber = _read_page(page)
            finally:
                page.close()
            pages.append(text)
            if needs_plumber:
                table_pages.append(index)
        meta = pdf.get_metadata_dict(skip_empty=True)
    except pdfium.PdfiumError as exc:
        raise SourceError(ErrorCode.PDF_CORRUPT, str(exc)) from exc
    finally:
        pdf.close()
    if not any(p.strip() for p in pages):
        raise SkipDocument(ErrorCode.PDF_NO_TEXT, f"{len(pages)} pages without text")
    if table_pages:
        try:
            for number, text in _tables_with_pdfplumber(data, table_pages).items():
                pages[number] = text
        except Exception as exc:  # pdfminer may choke where pdfium did not: keep pdfium's text
            log.warning("pdfplumber could not read the table pages (%r); keeping pdfium text", exc)
    title = _SPACES.sub(" ", meta.get("Title", "")).strip()
    published = _pdf_date(meta.get("CreationDate", ""))
    return join_pages(pages), title, published
