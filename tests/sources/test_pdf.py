"""The PDF reader: reading order, pages, tables, metadata and every way a PDF goes wrong."""

from __future__ import annotations

import datetime as dt

import pytest
from fpdf import FPDF

from extractor.errors import ErrorCode, SkipDocument, SourceError
from extractor.sources.pdf import PAGE_BREAK, read_pdf

from .pdfs import board_paper, drawing_only, page_tree_loop, self_drawing_form

LONG = ("The trust remains in segment 3 of the NHS Oversight Framework because its financial plan "
        "is not yet agreed with the integrated care board, and the regulator expects a revised plan.")


def test_pages_are_separated_so_offsets_give_page_numbers():
    text, _, _ = read_pdf(board_paper([["Page one opens here."], ["Page two follows."], ["Three."]]))
    assert text.count(PAGE_BREAK) == 2
    pages = text.split(PAGE_BREAK)
    assert [p.strip() for p in pages] == ["Page one opens here.", "Page two follows.", "Three."]
    offset = text.index("Three.")
    assert text.count(PAGE_BREAK, 0, offset) + 1 == 3


def test_wrapped_lines_become_one_paragraph_and_paragraphs_stay_apart():
    text, _, _ = read_pdf(board_paper([["Summary", LONG, "- East Kent Hospitals\n- Medway NHS FT"]]))
    assert text == f"Summary\n\n{LONG}\n\n- East Kent Hospitals\n- Medway NHS FT"


def test_a_table_of_organisations_and_segments_becomes_pipe_rows():
    rows = [("Organisation", "Segment"), ("Frimley Health NHS Foundation Trust", "1"),
            ("East Kent Hospitals University NHS Foundation Trust", "4"),
            ("Medway NHS Foundation Trust", "3")]
    text, _, _ = read_pdf(board_paper([["Intro."], ["Current oversight segments:"]], table=rows))
    last_page = text.split(PAGE_BREAK)[-1]
    assert last_page.strip() == "Current oversight segments:\n" + "\n".join(f"{a} | {b}" for a, b in rows)


def test_rules_that_make_no_grid_fall_back_to_pdfplumber_and_keep_the_text():
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for i in range(6):  # horizontal rules only: no columns to rebuild a grid from
        pdf.line(10, 20 + 10 * i, 200, 20 + 10 * i)
    pdf.set_xy(10, 90)
    pdf.multi_cell(0, 6, "Two trusts remain in segment 4 of the oversight framework.")
    assert read_pdf(bytes(pdf.output()))[0] == "Two trusts remain in segment 4 of the oversight framework."


def test_title_and_date_come_from_the_metadata():
    data = board_paper([["x"]], title="Board paper: NOF Q2", created=dt.datetime(2025, 11, 4, 9, 30))
    _, title, published = read_pdf(data)
    assert (title, published) == ("Board paper: NOF Q2", "2025-11-04")


def test_a_password_protected_pdf_is_failed_as_encrypted():
    with pytest.raises(SourceError) as err:
        read_pdf(board_paper([["secret segment 4"]], password="s3cret"))
    assert err.value.code is ErrorCode.PDF_ENCRYPTED


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.95])
def test_a_truncated_pdf_is_corrupt(cut):
    data = board_paper([[LONG] * 5] * 3)
    with pytest.raises(SourceError) as err:
        read_pdf(data[: int(len(data) * cut)])
    assert err.value.code is ErrorCode.PDF_CORRUPT


@pytest.mark.parametrize("data", [b"%PDF-1.7\n garbage %%EOF", b"not a pdf at all %%EOF", b"%PDF-"])
def test_garbage_is_corrupt(data):
    with pytest.raises(SourceError) as err:
        read_pdf(data)
    assert err.value.code in (ErrorCode.PDF_CORRUPT, ErrorCode.EMPTY)


def test_no_text_layer_is_skipped_not_failed():
    with pytest.raises(SkipDocument) as err:
        read_pdf(drawing_only())
    assert err.value.code is ErrorCode.PDF_NO_TEXT


def test_a_page_tree_loop_ends_with_an_error_not_a_hang():
    with pytest.raises(SourceError) as err:
        read_pdf(page_tree_loop())
    assert err.value.code in (ErrorCode.PDF_CORRUPT, ErrorCode.PDF_NO_TEXT)


def test_a_form_that_draws_itself_still_gives_its_text():
    assert read_pdf(self_drawing_form())[0].strip() == "Two trusts are in segment 4."
