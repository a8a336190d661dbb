"""The PDF reader: reading order, pages, tables, metadata and every way a PDF goes wrong."""

from __future__ import annotations

import datetime as dt

import pytest
from fpdf import FPDF

from extractor.errors import ErrorCode, SkipDocument, SourceError
from extractor.sources.pdf import PAGE_BREAK, _Line, join_pages, read_pdf, reflow

from .pdfs import board_paper, drawing_only, page_tree_loop, self_drawing_form
from .render import unicode_font

LONG = ("Under the NHS Oversight Framework the trust stays in segment 3 while the integrated care board "
        "has still to sign off its financial plan, and the regulator has asked for a fresh version.")


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


def _mono_paper(blocks: list[list[str]], *, footer: bool = False, font: str = "Courier") -> bytes:
    """Paragraph lines in Helvetica, tables typed with spaces in a monospaced font."""

    class Paper(FPDF):
        def footer(self) -> None:
            if footer:
                self.set_y(-12)
                self.set_font("Helvetica", size=8)
                self.cell(0, 5, f"Page {self.page_no()} of 2", align="C")

    pdf = Paper()
    pdf.add_page()
    for lines in blocks:
        mono = any("   " in ln for ln in lines)
        pdf.set_font(font if mono else "Helvetica", size=9 if mono else 11)
        for ln in lines:
            if mono:
                pdf.cell(0, 5, ln, new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.multi_cell(0, 6, ln, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6)
    return bytes(pdf.output())


TYPED_TABLES = [
    ["Organisation                        Segment   Previous segment",
     "Frimley Health NHS FT               1         1",
     "East Kent Hospitals University FT   4         3"],
    ["                  Segment 1   Segment 2   Total",
     "Acute trusts             17          12     134",
     "Ambulance trusts          0           4      10"],
    ["Trust                       League position   Segment",
     "Royal Papworth Hospital     1 of 134          1",
     "Medway NHS FT               88= of 134        3"],
    ["ICB                              Q2 2024/25   Q1 2024/25",
     "NHS Kent and Medway ICB          4            3",
     "NHS Frimley ICB                  1            1"],
]


@pytest.mark.parametrize("table", TYPED_TABLES)
def test_a_table_typed_with_spaces_keeps_its_columns(table):
    text, _, _ = read_pdf(_mono_paper([["Oversight segments this quarter:"], table, ["Source: NHS England."]]))
    assert text.split("\n\n") == ["Oversight segments this quarter:", "\n".join(table), "Source: NHS England."]


def test_cells_set_at_tab_stops_in_a_proportional_font_line_up():
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    rows = [("Organisation", "Segment", "Rank"), ("Frimley Health NHS Foundation Trust", "1", "12"),
            ("Wirral University Teaching Hospital NHS FT", "3", "97=")]
    for row in rows:
        for x, cell in zip((10, 110, 150), row, strict=True):
            pdf.set_x(x)
            pdf.cell(30, 6, cell)
        pdf.ln(6)
    lines = read_pdf(bytes(pdf.output()))[0].split("\n")
    assert [ln.split("  ")[0] for ln in lines] == [r[0] for r in rows]
    for column in (1, 2):
        starts = {ln.index(f"  {row[column]}") + 2 + ln[ln.index(f"  {row[column]}") + 2:].find(row[column])
                  for ln, row in zip(lines, rows, strict=True)}
        assert len({round(s / 3) for s in starts}) == 1, lines


def test_a_footer_page_number_stays_out_of_a_sentence_that_runs_over_the_page():
    filler = [f"Paragraph {i} says nothing about oversight at all, but it fills the page." for i in range(40)]
    sentence = ("The Board is asked to note that the Trust has moved from segment 4 to segment 3 and that "
                "its league position improved from 104th to 97th of 134 acute trusts this quarter, "
                "which the Executive regards as a first step rather than an end in itself.")
    text, _, _ = read_pdf(_mono_paper([[p] for p in filler] + [[sentence]], footer=True))
    assert "Page 1" not in text and "Page 2" not in text
    assert sentence in text.replace(PAGE_BREAK, "").replace("\n", " ") or \
        sentence.replace(" ", "", 1) in text.replace(PAGE_BREAK, "")


@pytest.mark.parametrize("label", ["Page 14 of 61", "Page 3", "14", "page 2 of 9"])
def test_a_page_that_ends_with_its_number_does_not_run_on_into_the_next(label):
    text = join_pages([f"The Trust is in segment 3.\n{label}", "Of the eight trusts in our group, seven are too."])
    assert f"{label}{PAGE_BREAK}\n\nOf the eight" in text


def _lines(first: str, second: str) -> list[_Line]:
    """Two lines of a page 600 points wide, the first running out of room at the right margin."""
    return [_Line(first, 100, 110, 50, 550), _Line(second, 112, 122, 50, 50 + 5 * len(second))]


@pytest.mark.parametrize(("first", "second", "joined"), [
    ("after the reorgani-", "sation of services", "after the reorganisation of services"),
    ("we are in the most intens-", "ive tier", "we are in the most intensive tier"),
    ("the Queen Elizabeth Hospital King's Lynn-", "based team", "the Queen Elizabeth Hospital King's Lynn-based team"),
    ("University Hospitals of North Midlands, Stoke-on-", "Trent, is in segment 4",
     "University Hospitals of North Midlands, Stoke-on-Trent, is in segment 4"),
    ("figures published in mid-", "2024 put it in segment 3", "figures published in mid-2024 put it in segment 3"),
    ("the trust's well-", "led rating", "the trust's well-led rating"),
    ("Weston-super-", "Mare General Hospital", "Weston-super-Mare General Hospital"),
    ("the ICB's non-", "acute providers", "the ICB's non-acute providers"),
    ("the self-", "assessment was", "the self-assessment was"),
    ("the perform-", "ance of the trust", "the performance of the trust"),
])
def test_a_word_broken_at_a_line_end_is_joined_with_or_without_its_hyphen(first, second, joined):
    assert reflow(_lines(first, second), 600).rstrip("\n") == joined


@pytest.mark.parametrize(("first", "second"), [
    ("Homerton Healthcare was ranked", "ninth among acute trusts. | Share this page"),
    ("The trust came", "fourth from the top of the league table | Print"),
    ("Walsall Healthcare now sits in", "segment 3 and is 88th overall. | Back to top | Contact us"),
    ("Its position in the national table is", "unchanged this quarter | Updated 4 May 2026"),
    ("The board heard that the trust had been", "placed in the recovery programme. | Related stories"),
    ("Frimley Health, which runs two large hospitals, is", "top of the acute league | Read more"),
    ("Medway NHS Foundation Trust rose", "twelve places to 101st | News | Oversight"),
    ("The ICB was told it stays in segment 4 and", "will be reviewed again in June. | Newsletter"),
])
def test_a_sentence_that_runs_on_to_a_line_with_a_separator_is_one_sentence(first, second):
    """Page furniture after a sentence's last words ('... 88th overall. | Share') does not make
    the wrapped rest of the sentence a table row."""
    assert reflow(_lines(first, second), 600).rstrip("\n") == f"{first} {second}"


@pytest.mark.parametrize(("first", "second"), [
    ("Revealed: the best and worst hospital trusts in the new national oversight league", "Health desk | 9 May 2026"),
    ("Organisation | Segment", "Frimley Health | 1"),
    ("The trusts in segment 4 and their places in the national table this quarter are", "Medway | 121st"),
    ("Where each acute trust sits in the oversight league tables published this quarter", "41 | Walsall | 2.03"),
    ("The table below gives every trust in the region with its segment and its position", "| Medway | 4 |"),
])
def test_a_row_or_byline_after_a_line_that_ran_out_of_room_starts_its_own_line(first, second):
    assert reflow(_lines(first, second), 600).rstrip("\n") == f"{first}\n{second}"


def test_a_word_the_page_spells_whole_elsewhere_loses_its_line_end_hyphen():
    lines = [*_lines("the regulator expects a turn-", "around plan"),
             _Line("A turnaround director starts in May.", 130, 140, 50, 300)]
    assert reflow(lines, 600).startswith("the regulator expects a turnaround plan")


def _spaced_paper(lines: list[str], space: float = 3.0, before: int = 0) -> bytes:
    """Every line its own paragraph with space above it, as many word processors set lists;
    ``before`` filler paragraphs push the lines down the page."""
    pdf = FPDF()
    pdf.add_page()
    font = unicode_font()
    if font and any(not ln.isascii() for ln in lines):
        pdf.add_font("body", fname=font)
        pdf.set_font("body", size=10)
    else:
        pdf.set_font("Helvetica", size=10)
    for i in range(before):
        pdf.multi_cell(0, 5, f"Filler paragraph {i} about nothing in particular.", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(space)
    for line in lines:
        pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(space)
    return bytes(pdf.output())


@pytest.mark.parametrize("lines", [
    ["Segment 4 - trusts:", "- East Kent Hospitals University NHS Foundation Trust", "- Isle of Wight NHS Trust",
     "- Medway NHS Foundation Trust"],
    ["The trusts in segment 4 are:", "1. Medway NHS Foundation Trust", "2. Isle of Wight NHS Trust"],
    ["Organisation,ODS code,Sector,Segment,Rank", "North Bristol NHS Trust,RVJ,Acute,2,25",
     "Salisbury NHS Foundation Trust,RNZ,Acute,3,67="],
    ["134 Hull University Teaching Hospitals (4)", "133 The Queen Elizabeth Hospital King's Lynn (4)",
     "132 Nottingham University Hospitals (4)"],
    ["Organisation | Segment", "Frimley Health | 1", "Medway | 3"],
])
def test_items_and_rows_spaced_like_paragraphs_stay_one_block(lines):
    assert read_pdf(_spaced_paper(lines))[0] == "\n".join(lines)


@pytest.mark.parametrize("bullet", ["•", "▪", "◦", "·"])
def test_a_bullet_glyph_starts_an_item_even_after_a_line_that_ran_out_of_room(bullet):
    font = unicode_font()
    if not font:
        pytest.skip("no Unicode font to draw bullet glyphs with")
    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("body", fname=font)
    pdf.set_font("body", size=10)
    first = f"{bullet} Segment 2: 34 trusts (17%), nine of them acute and three ambulance trusts, and"
    while pdf.get_string_width(first + " a") < pdf.epw - 1:  # fill the line to the margin
        first += " a"
    second = f"{bullet} Segment 3: 86 trusts (42%)"
    for item in (first, second):
        pdf.multi_cell(0, 5, item, new_x="LMARGIN", new_y="NEXT")
    assert read_pdf(bytes(pdf.output()))[0] == f"{first}\n{second}"


def test_a_heading_at_the_foot_of_a_page_does_not_run_into_the_next_page():
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    while pdf.get_y() < 270:
        pdf.multi_cell(0, 5, "A paragraph about the trust's finances that ends where it should.",
                       new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 5, "Our view", new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.multi_cell(0, 5, "We support the framework.", new_x="LMARGIN", new_y="NEXT")
    assert f"Our view{PAGE_BREAK}\n\nWe support" in read_pdf(bytes(pdf.output()))[0]


@pytest.mark.parametrize(("before", "after", "joiner"), [
    ("Five trusts remain in segment 4 and the", "regulator expects more.", " "),
    ("the trusts in segment 4,", "the regulator said.", " "),
    ("The trust is in segment 3.", "Its league position improved.", PAGE_BREAK + "\n\n"),
    ("Frimley Health | 1", "Medway | 3", PAGE_BREAK + "\n"),
    ("- East Kent Hospitals", "- Medway NHS FT", PAGE_BREAK + "\n"),
    ("Frimley Health NHS FT      1      12", "Medway NHS FT              3      88", PAGE_BREAK + "\n"),
    ("North Bristol NHS Trust,RVJ,Acute,2,25", "Salisbury NHS Foundation Trust,RNZ,Acute,3,67", PAGE_BREAK + "\n"),
    ("128 Mid and South Essex (4)", "127 James Paget University Hospitals (4)", PAGE_BREAK + "\n"),
    ("Our view\n", "We support the framework.", PAGE_BREAK + "\n\n"),
])
def test_pages_are_joined_as_their_last_and_first_lines_ask(before, after, joiner):
    opening = "Opening paragraph.\n\n"
    text = join_pages([opening + before, after])
    assert text.replace(PAGE_BREAK, "", 1 if joiner == " " else 0) == f"{opening}{before.rstrip()}{joiner}{after}"
    assert text.count(PAGE_BREAK) == 1


@pytest.mark.parametrize(("pages", "expected"), [
    (["All three are in segment 3; Sandwell and West", "Birmingham is 74th.\n\nThe next paragraph."],
     f"All three are in segment 3; Sandwell and West Birmingham is 74th.{PAGE_BREAK}\n\nThe next paragraph."),
    (["The Queen Elizabeth Hospital King's", "Lynn NHS Foundation Trust is in segment 4."],
     f"The Queen Elizabeth Hospital King's Lynn NHS Foundation Trust is in segment 4.{PAGE_BREAK}"),
    (["Five trusts are in", "segment 4, and the", "regulator expects more.\nNew line."],
     f"Five trusts are in segment 4, and the regulator expects more.{PAGE_BREAK * 2}\nNew line."),
])
def test_a_sentence_over_a_page_break_is_joined_with_a_space_and_the_break_follows_its_line(pages, expected):
    assert join_pages(pages) == expected


@pytest.mark.parametrize("where", ["footer", "header"])
@pytest.mark.parametrize("label", ["Page 2", "2", "- 2 -", "Page 2 of 7"])
def test_a_printed_page_number_is_left_out_of_the_text(where, label):
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.set_y(12 if where == "header" else 280)
    pdf.cell(0, 5, label, align="C")
    pdf.set_xy(10, 40)
    pdf.multi_cell(0, 5, "Two trusts remain in segment 4.", new_x="LMARGIN", new_y="NEXT")
    assert read_pdf(bytes(pdf.output()))[0] == "Two trusts remain in segment 4."


NAME_SENTENCES = [
    "Among the acute providers in the region, The Queen Elizabeth Hospital King's Lynn NHS Foundation Trust "
    "remains in segment 4 this quarter.",
    "The board noted that University Hospitals of Leicester NHS Trust has left the Recovery Support Programme "
    "and now sits in segment 4.",
]


@pytest.mark.parametrize("sentence", NAME_SENTENCES)
def test_a_name_wrapped_beside_a_table_wider_than_the_text_is_one_name(sentence):
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Courier", size=8)
    rows = ["Organisation" + " " * 58 + "Segment   Previous   League   Q1 rank   Avg score",
            "Medway NHS Foundation Trust" + " " * 43 + "3         3          88       90        2.61"]
    for i, row in enumerate(rows):
        pdf.text(10, 20 + 4 * i, row)  # into the right margin, as preformatted tables often run
    pdf.set_font("Helvetica", size=11)
    pdf.set_xy(10, 40)
    pdf.multi_cell(0, 6, sentence, new_x="LMARGIN", new_y="NEXT")
    assert read_pdf(bytes(pdf.output()))[0] == "\n".join(rows) + "\n\n" + sentence


@pytest.mark.parametrize("table", TYPED_TABLES)
def test_a_page_that_is_only_a_typed_table_keeps_its_columns(table):
    assert read_pdf(_mono_paper([table]))[0] == "\n".join(table)
