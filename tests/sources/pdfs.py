"""Small PDFs for reader tests: made with fpdf2, or written object by object when the
point is a structure no well-behaved writer would produce."""

from __future__ import annotations

import datetime as dt

from fpdf import FPDF


def board_paper(pages: list[list[str]], *, table: list[tuple[str, str]] | None = None, title: str = "",
                created: dt.datetime | None = None, password: str = "") -> bytes:
    """Each page a list of paragraphs; an optional ruled table at the end of the last page."""
    pdf = FPDF()
    if title:
        pdf.set_title(title)
    if created:
        pdf.set_creation_date(created)
    if password:
        pdf.set_encryption(owner_password="owner-" + password, user_password=password)
    pdf.set_font("Helvetica", size=11)
    for paragraphs in pages:
        pdf.add_page()
        for paragraph in paragraphs:
            pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(6)
    if table:
        with pdf.table(first_row_as_headings=False) as grid:
            for cells in table:
                row = grid.row()
                for cell in cells:
                    row.cell(cell)
    return bytes(pdf.output())


def drawing_only() -> bytes:
    """A page with shapes and no text: what a scan without OCR looks like to a text reader."""
    pdf = FPDF()
    pdf.add_page()
    for i in range(10):
        pdf.rect(10 + i * 5, 10 + i * 5, 100, 50)
    return bytes(pdf.output())


def raw_pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF from numbered object bodies (1-based), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def page_tree_loop() -> bytes:
    """A page tree whose node lists itself as its own kid: naive walkers never stop."""
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
    ])


def self_drawing_form() -> bytes:
    """A page whose form XObject draws itself, plus real text beside it."""
    text = b"BT /F1 12 Tf 72 700 Td (Two trusts are in segment 4.) Tj ET /X1 Do"
    form = b"/X1 Do"
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 6 0 R >> /XObject << /X1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /X1 5 0 R >> >> "
        b"/Length %d >>\nstream\n" % len(form) + form + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])
