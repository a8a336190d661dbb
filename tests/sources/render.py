"""Render plain text as the formats users actually have: web pages, board-paper PDFs, WARC.

Blank lines separate blocks; within a block, runs of ``- `` lines become a bullet list,
runs of ``a | b`` lines (or of columns aligned with spaces) a table, and other lines
paragraphs (line breaks as ``<br>``).
Web pages get the clutter real news sites wrap articles in, including text that would
create false claims if the reader let it through.

Tables come out as writers publish them: an HTML ``<table>`` or ``<pre>`` block, a ruled
PDF table (fpdf2), or preformatted text in a PDF whose paragraphs reportlab wraps by the
page width, with the page number in every footer.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import itertools
import re
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import escape

from fpdf import FPDF
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "C:/Windows/Fonts/arial.ttf",
)
MONO_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf",
    "/Library/Fonts/Courier New.ttf",
    "C:/Windows/Fonts/cour.ttf",
)
_ALIGNED = re.compile(r"\s{3,}|\t")  # columns laid out with tabs or spaces (pdftotext -layout)
_CREATION_DATE = re.compile(rb"/CreationDate\s*\([^)]*\)")
_FIXED_DATE = re.compile(rb"(/(?:CreationDate|ModDate)\s*\(D:)\d{8}")  # reportlab's invariant 2000-01-01
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


def _word_starts(line: str) -> list[int]:
    return [m.start() for m in re.finditer(r"\S+", line)]


def rows(lines: list[str]) -> list[list[str]]:
    """A table's rows as cells. Columns aligned with spaces are cut where the header's cells
    start (at the word nearest each, so a right-aligned number or a cell pushed one place
    right by a long name stays whole): a single space can end a cell ('Mental health 2')."""
    header = lines[0]
    if " | " in header or "\t" in header or len(lines) < 2:
        return [cells(ln) for ln in lines]
    starts = [m.start() for m in re.finditer(r"(?:^|(?<=\s{2}))\S", header)]
    if starts and starts[0] > 0:
        starts.insert(0, 0)
    out = []
    for line in lines:
        words, cuts = _word_starts(line), []
        for i, start in enumerate(starts):
            low = cuts[-1] + 1 if cuts else 0
            high = starts[i + 1] if i + 1 < len(starts) else len(line)
            near = [w for w in words if low <= w < high]
            cuts.append(min(near, key=lambda w: abs(w - start)) if near else -1)
        bounds = [c for c in cuts if c >= 0] + [len(line)]
        out.append([line[cut:bounds[bounds.index(cut) + 1]].strip() if cut >= 0 else "" for cut in cuts])
    return out


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


def to_html(text: str, title: str = "", *, clutter: bool = True, published: str = "",
            tables: str = "grid") -> str:
    parts = []
    for runs in blocks(text):
        for kind, lines in runs:
            if kind == "list":
                items = "".join(f"<li>{html.escape(ln.lstrip()[2:])}</li>" for ln in lines)
                parts.append(f"<ul>{items}</ul>")
            elif kind == "table" and tables == "pre":
                parts.append("<pre>" + html.escape("\n".join(lines)) + "</pre>")
            elif kind == "table":
                body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
                               for row in rows(lines))
                parts.append(f"<table>{body}</table>")
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


def _tab_stops(lines: list[str]) -> list[str]:
    """Tab-separated rows with each column padded to its widest cell, as tab stops set them."""
    if not all("\t" in ln for ln in lines):
        return lines
    cut = [ln.split("\t") for ln in lines]
    widths = [max(len(r[i]) for r in cut if i < len(r)) for i in range(max(map(len, cut)))]
    return ["   ".join(c.ljust(w) for c, w in zip(r, widths, strict=False)).rstrip() for r in cut]


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
                grid = rows(lines)
                with pdf.table(first_row_as_headings=False, col_widths=_column_widths(grid)) as table:
                    for cells_of_row in grid:
                        row = table.row()
                        for cell in cells_of_row:
                            row.cell(cell)
            else:
                for ln in lines:
                    pdf.multi_cell(0, 5, ln, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(5)
    # the date of the test run is not the document's date: blank it out, keeping offsets
    return _CREATION_DATE.sub(lambda m: b" " * len(m[0]), bytes(pdf.output()))


def to_pdf_flowing(text: str, title: str = "", published: dt.date | None = None, *,
                   justified: bool = False) -> bytes:
    """A board paper as reportlab lays one out: each line a paragraph wrapped by the page
    width (so a long name can break across lines; ``justified`` stretches the spaces of
    every wrapped line to the margin), tables as preformatted text in a monospaced font
    with no rules, the page number in every footer, and ``published`` as its creation date."""
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, Preformatted, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    body, code = styles["BodyText"], styles["Code"]
    font, mono = unicode_font(), next((f for f in MONO_CANDIDATES if Path(f).is_file()), None)
    if font and mono:
        pdfmetrics.registerFont(TTFont("body", font))
        pdfmetrics.registerFont(TTFont("mono", mono))
        body.fontName, code.fontName = "body", "mono"
    code.fontSize, code.leading = 7, 9
    if justified:
        body.alignment, body.fontSize, body.leading = TA_JUSTIFY, 11, 14

    def footer(canvas, doc) -> None:
        canvas.setFont(body.fontName, 8)
        canvas.drawCentredString(A4[0] / 2, 30, f"Page {doc.page}")

    story = []
    for runs in blocks(pdf_text(text)):
        for kind, lines in runs:
            if kind == "table":
                story.append(Preformatted("\n".join(_tab_stops(lines)), code))
            else:
                story += [Paragraph(escape(ln), body) for ln in lines]  # quotes stay characters
        story.append(Spacer(1, 6))
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, title=title, invariant=1).build(
        story, onFirstPage=footer, onLaterPages=footer)
    day = published.strftime("%Y%m%d").encode() if published else b"        "
    return _FIXED_DATE.sub(lambda m: m[1] + day, out.getvalue())


def write_warc(path: Path, pages: Iterable[tuple[str, bytes, str]], gzip: bool = True) -> None:
    """A WARC of HTTP responses: (url, body, content type) per record."""
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        for url, body, ctype in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                               http_headers=headers)
            writer.write_record(record)
