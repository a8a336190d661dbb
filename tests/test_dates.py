"""Dates and reporting periods as the press and NHS papers write them."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.dates import financial_year, find_period, find_published, first_lines, parse_date

DATES = [
    ("21.10.16", dt.date(2016, 10, 21)),
    ("21/10/2016", dt.date(2016, 10, 21)),
    ("05/06/2021", dt.date(2021, 6, 5)),
    ("2024-03-03", dt.date(2024, 3, 3)),
    ("Published 3 March 2024", dt.date(2024, 3, 3)),
    ("3rd Sept 2019", dt.date(2019, 9, 3)),
    ("March 3, 2024", dt.date(2024, 3, 3)),
    ("Tuesday 14 November 2023, 10:00", dt.date(2023, 11, 14)),
    ("1 Jan. 2022", dt.date(2022, 1, 1)),
    ("Updated: 12 Dec 2025", dt.date(2025, 12, 12)),
    ("first 2024-01-02 then 5 May 2024", dt.date(2024, 1, 2)),
]


@pytest.mark.parametrize(("text", "expected"), DATES)
def test_parse_date(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text",
                         ["31/02/2024", "no date here", "2025/26", "Q3 2023/24", "segment 3", "£12m", ""])
def test_parse_date_rejects(text: str) -> None:
    assert parse_date(text) is None


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_parse_date_never_raises(text: str) -> None:
    assert parse_date(text) is None or isinstance(parse_date(text), dt.date)


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_iso_and_british_dates_roundtrip(day: dt.date) -> None:
    assert parse_date(day.isoformat()) == day
    assert parse_date(day.strftime("%d/%m/%Y")) == day
    assert parse_date(f"{day.day} {day.strftime('%B')} {day.year}") == day


@pytest.mark.parametrize(("text", "expected"), [
    ("Published 3 March 2024\nBody text.", "2024-03-03"),
    ("HSJ\n\n21.10.16\nSix trusts...", "2016-10-21"),
    ("News\nMarch 2019\nThe trust...", "2019-03"),
    ("Body text without a date.", ""),
    ("\n".join(["line"] * 10 + ["3 March 2024"]), ""),
])
def test_find_published(text: str, expected: str) -> None:
    assert find_published(text) == expected


@pytest.mark.parametrize(("day", "year"), [
    (dt.date(2024, 2, 10), "2023/24"),
    (dt.date(2024, 3, 31), "2023/24"),
    (dt.date(2024, 4, 1), "2024/25"),
    (dt.date(1999, 12, 1), "1999/00"),
])
def test_financial_year(day: dt.date, year: str) -> None:
    assert financial_year(day) == year


PERIODS = [
    ("Q2 2025/26", "2025/26 Q2"),
    ("2023/24 Q3", "2023/24 Q3"),
    ("quarter 2 of 2025/26", "2025/26 Q2"),
    ("Quarter 1, 2024/25", "2024/25 Q1"),
    ("2024-25 Q4", "2024/25 Q4"),
    ("In 2024/25 the segments changed.", "2024/25"),
    ("2024/26", ""),
    ("Q3", ""),
    ("21/10/2016", ""),
    ("nothing", ""),
]


@pytest.mark.parametrize(("text", "expected"), PERIODS)
def test_find_period(text: str, expected: str) -> None:
    assert find_period(text) == expected


@pytest.mark.parametrize(("text", "published", "expected"), [
    # a quarter named by its number alone is the latest of that number begun by the date
    ("The quarter 3 league tables are out.", dt.date(2026, 2, 13), "2025/26 Q3"),
    ("In Q3 the trust rose ten places.", dt.date(2026, 2, 13), "2025/26 Q3"),
    ("The quarter three table covers October to December.", dt.date(2026, 2, 13), "2025/26 Q3"),
    ("The third quarter's figures are out.", dt.date(2026, 2, 13), "2025/26 Q3"),
    ("The quarter 4 segmentation is out.", dt.date(2026, 2, 13), "2025/26 Q4"),
    ("The quarter 1 segmentation is out.", dt.date(2025, 8, 1), "2025/26 Q1"),
    ("The quarter 2 segmentation is out.", dt.date(2025, 8, 1), "2025/26 Q2"),
    ("The quarter 3 segmentation is out.", dt.date(2025, 8, 1), "2024/25 Q3"),
    # two quarters named: which one the figures describe is for the reading step to tell,
    # unless one is only what the other is compared with
    ("In Q2 it was 40th; in Q1 it was 30th.", dt.date(2025, 11, 1), ""),
    ("Q2 was better than Q1.", dt.date(2025, 11, 1), "2025/26 Q2"),
    # a named year keeps its own reading; a share is no quarter
    ("In 2024/25 the third quarter was worse.", dt.date(2025, 11, 1), "2024/25"),
    ("A quarter of trusts are in segment 4.", dt.date(2025, 11, 1), ""),
    ("Q3", None, ""),
    # a quarter named as what a figure is compared with is not the page's
    ("The trust fell to 110th, down from 81st in the first quarter.", dt.date(2025, 12, 11), ""),
    ("It has risen to 26th from 44th in Q1.", dt.date(2025, 12, 11), ""),
    ("The trust is now 26th, up from 44th in quarter one.", dt.date(2025, 12, 11), ""),
    ("Nine trusts are in segment 4, compared with 12 in Q1.", dt.date(2025, 12, 11), ""),
    ("There are more in segment 4 than in quarter 1.", dt.date(2025, 12, 11), ""),
    ("It is 26th, up from 44th in Q1 2025/26.", dt.date(2025, 12, 11), "2025/26"),
    # the quarter of a move's destination is the page's
    ("It fell from segment 3 to segment 4 in the quarter 3 results.", dt.date(2026, 2, 19), "2025/26 Q3"),
    ("It moved from 44th into the top 30 in Q2.", dt.date(2025, 12, 11), "2025/26 Q2"),
    ("The trust rose in Q2 from 44th to 26th.", dt.date(2025, 12, 11), "2025/26 Q2"),
])
def test_find_period_with_the_date(text: str, published: dt.date | None, expected: str) -> None:
    assert find_period(text, published) == expected


@settings(max_examples=300)
@given(st.text(alphabet="ab \n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029", max_size=40), st.integers(min_value=0, max_value=8))
def test_first_lines_are_those_splitlines_gives(text: str, lines: int) -> None:
    assert first_lines(text, lines) == text.splitlines()[:lines]
