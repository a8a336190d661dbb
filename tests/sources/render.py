"""Render plain text as the formats users actually have: web pages, board-paper PDFs, WARC.

Blank lines separate blocks; within a block, runs of ``- `` lines become a bullet list,
runs of ``a | b`` lines (or of columns aligned with spaces) a table, and other lines
paragraphs (line breaks as ``<br>``).
Web pages get the clutter real news sites wrap articles in, including text that would
create false claims if the reader let it through.
"""

from __future__ import annotations

import html
import io
import itertools
import re
from collections.abc import Iterable
from pathlib import Path

from fpdf import FPDF
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "C:/Windows/Fonts/arial.ttf",
)
_ALIGNED = re.compile(r"\s{3,}|\t")  # columns laid out with tabs or spaces (pdftotext -layout)
_CREATION_DATE = re.compile(rb"/CreationDate\s*\([^)]*\)")
_ASCII_FALLBACK = str.maketrans({"–": "-", "—": "-", "•": "-", "‘": "'", "’": "'", "“": '"', "”": '"',
                                 "…": "...", "\u00a0": " "})

CLUTTER_TOP = """<header class="site-header"><a class="logo" href="/">Health Service Daily</a>
<nav aria-label="Main"><ul><li><a href="/news">News</a></li><li><a href="/trusts">Trusts</a></li>
<li><a href="/segment-tables">Segment tables</a></li></ul></nav></header>
<div id="cookie-consent" class="cookie-banner"><p>We use cookies. 12 of our 40 partners set them.</p>
<button>Accept all</button></div>"""
CLUTTER_BOTTOM = """<aside class="related-stories"><h2>Related stories</h2><ul>
<li><a href="/a">Seven trusts placed in segment 4 of the oversight framework</a></li>
<li><a href="/b">Only one ICS is in segment 1, figures show</a></li></ul></aside>
<div class="donate-box"><p>Dear reader, 90% of our funding comes from readers like you.</p>
<p><a href="/donate">Donate now</a></p></div>
<section id="comments"><h3>3 comments</h3><p>Surely all 42 ICSs should be in segment 2?</p></section>
<footer><p>© Health Service Daily. All 209 trusts covered.</p></footer>"""


_MARKDOWN_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")  # '|---|---|' under a header


def cells(line: str) -> list[str]:
    """Cells of a pipe row or of a space-aligned row (an empty first cell when indented)."""
    if " | " in line:
        stripped = line.strip()
        if stripped.startswith("|") and stripped.endswith("|"):  # markdown borders are not cells
            stripped = stripped[1:-1]
        return [c.strip() for c in stripped.split(" | ")]
    lead = [""] if line.startswith(("  ", "\t")) else []
    return lead + [c.strip() for c in _ALIGNED.split(line.strip())]


def blocks(text: str) -> list[list[tuple[str, list[str]]]]:
    """Each blank-line block as runs of (kind, lines), kind being list, table or text."""
    out = []
    for block in text.split("\n\n"):
        lines = [ln for ln in block.split("\n") if ln.strip() and not _MARKDOWN_RULE.match(ln.strip())]
        if not lines:
            continue

        def kind(line: str) -> str:
            if line.lstrip().startswith(("- ", "• ")):
                return "list"
            return "table" if " | " in line or _ALIGNED.search(line.strip()) else "text"

        runs = [(k, list(group)) for k, group in itertools.groupby(lines, key=kind)]
        # a lone row ("News | 11 December 2025", a footer with a page number) is not a table
        out.append([("text" if k == "table" and len(g) == 1 else k, g) for k, g in runs])
    return out


def to_html(text: str, title: str = "", *, clutter: bool = True, published: str = "") -> str:
    parts = []
    for runs in blocks(text):
        for kind, lines in runs:
            if kind == "list":
                items = "".join(f"<li>{html.escape(ln.lstrip()[2:])}</li>" for ln in lines)
                parts.append(f"<ul>{items}</ul>")
            elif kind == "table":
                rows = "".join(
                    "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells(ln)) + "</tr>"
                    for ln in lines
                )
                parts.append(f"<table>{rows}</table>")
            else:
                parts.append("<p>" + "<br>\n".join(html.escape(ln) for ln in lines) + "</p>")
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "\n".join(parts)
    article = f'<main><article><div class="article-body">\n{body}\n</div></article></main>'
    page = f"{CLUTTER_TOP}\n{article}\n{CLUTTER_BOTTOM}" if clutter else article
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f"{meta}<script>window.dataLayer=[{{'segment':'4'}}];</script></head><body>{page}</body></html>")


def unicode_font() -> str | None:
    return next((f for f in FONT_CANDIDATES if Path(f).is_file()), None)


def pdf_text(text: str) -> str:
    """The text as the PDF will hold it: core fonts only cover latin-1 when no TTF is found."""
    return text if unicode_font() else text.translate(_ASCII_FALLBACK)


def _column_widths(rows: list[list[str]]) -> tuple[float, ...] | None:
    """Relative widths that fit each column's longest word: a cell wrapped inside a word
    ('Buckinghamshir / e') is something real papers do not print."""
    ncols = max(len(r) for r in rows)
    if any(len(r) != ncols for r in rows):
        return None
    widths = []
    for i in range(ncols):
        column = [r[i] for r in rows]
        longest_word = max((len(w) for c in column for w in c.split()), default=1)
        widths.append(max(longest_word + 2, 0.6 * max(len(c) for c in column), 3))
    return tuple(widths)


def to_pdf(text: str, title: str = "") -> bytes:
    """A board paper: paragraphs, bullet lists and ruled tables, several pages if long."""
    pdf = FPDF(format="A4")
    pdf.set_title(title or "Board paper")
    pdf.set_auto_page_break(True, margin=15)
    font = unicode_font()
    if font:
        pdf.add_font("body", fname=font)
        pdf.set_font("body", size=10)
    else:
        pdf.set_font("Helvetica", size=10)
    pdf.add_page()
    for runs in blocks(pdf_text(text)):
        for kind, lines in runs:
            if kind == "table":
                rows = [cells(ln) for ln in lines]
                with pdf.table(first_row_as_headings=False, col_widths=_column_widths(rows)) as table:
                    for cells_of_row in rows:
                        row = table.row()
                        for cell in cells_of_row:
                            row.cell(cell)
            else:
                for ln in lines:
                    pdf.multi_cell(0, 5, ln, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(5)
    # the date of the test run is not the document's date: blank it out, keeping offsets
    return _CREATION_DATE.sub(lambda m: b" " * len(m[0]), bytes(pdf.output()))


def write_warc(path: Path, pages: Iterable[tuple[str, bytes, str]], gzip: bool = True) -> None:
    """A WARC of HTTP responses: (url, body, content type) per record."""
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        for url, body, ctype in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                               http_headers=headers)
            writer.write_record(record)
