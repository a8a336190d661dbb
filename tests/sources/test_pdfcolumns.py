"""Rows typed with spaces, rebuilt from character positions (no PDF needed)."""

from __future__ import annotations

import pytest

from extractor.sources.pdfcolumns import columns_text, pitch

PITCH = 6.0


def monospaced(line: str, left: float = 40.0, step: float = PITCH) -> list[tuple[str, float, float]]:
    """The characters of ``line`` as a text layer gives them: spaces are often missing."""
    return [(c, left + i * step, left + (i + 0.8) * step) for i, c in enumerate(line) if c != " "]


@pytest.mark.parametrize("line", [
    "Organisation                     Segment   League rank",
    "Frimley Health NHS FT            1         12",
    "East Kent Hospitals University   4         130=",
    "                      Segment 1   Segment 2   Total",
    "Acute trusts                 17          12     134",
    "Mental health  2",  # a two-space gap is a column gap too
    "Royal Berkshire NHS FT                     3  (was 4)",
    "Kettering General Hospital NHS FT   4   3   104   2.76",
])
def test_a_row_comes_back_with_its_cells_in_their_columns(line):
    assert columns_text(monospaced(line), margin=40.0) == line


@pytest.mark.parametrize("line", [
    "Five trusts remain in segment 4 of the framework.",
    "Frimley Health NHS Foundation Trust",
    "12",
    "",
])
def test_a_line_without_a_wide_gap_is_left_to_the_prose_reader(line):
    assert columns_text(monospaced(line), margin=40.0) is None


def test_a_row_set_off_from_the_margin_keeps_its_indent():
    assert columns_text(monospaced("Segment 1   Segment 2", left=40.0 + 10 * PITCH), margin=40.0) == \
        " " * 10 + "Segment 1   Segment 2"


def test_the_pitch_is_the_advance_within_words_not_across_gaps():
    assert pitch(monospaced("Acute trusts      17   12")) == pytest.approx(PITCH)


def test_proportional_letters_stay_one_word_and_cells_line_up_by_position():
    # a wide letter and a narrow one ('W', 'i'), then a cell placed at a tab stop
    chars = [("W", 40.0, 49.0), ("i", 49.5, 51.5), ("r", 52.0, 55.5), ("r", 56.0, 59.5), ("a", 60.0, 65.0),
             ("l", 65.5, 67.5), ("3", 160.0, 165.0)]
    text = columns_text(chars, margin=40.0)
    assert text is not None
    assert text.split() == ["Wirral", "3"]
    assert text.index("3") == round((160.0 - 40.0) / pitch(chars))


def _justified(words: list[str], gap: float) -> list[tuple[str, float, float]]:
    chars, x = [], 40.0
    for word in words:
        for c in word:
            chars.append((c, x, x + 0.8 * PITCH))
            x += PITCH
        x += gap
    return chars


@pytest.mark.parametrize("line", [
    "Healthcare NHS Foundation Trust, whose patch runs up to",
    "the board was told that the trust remains in",
    "Hospitals in the region have been placed in",
])
@pytest.mark.parametrize("stretch", [2.0, 3.0, 4.5])
def test_a_justified_line_with_stretched_spaces_is_prose(line, stretch):
    assert columns_text(_justified(line.split(" "), stretch * PITCH), margin=40.0) is None


def test_a_row_of_single_figures_evenly_spaced_is_still_a_row():
    assert columns_text(monospaced("1     2     27    79    80"), margin=40.0) == "1     2     27    79    80"
