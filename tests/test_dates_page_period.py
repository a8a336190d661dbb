"""A page's period comes from the years that date its oversight statements, not from the years
of its money, its reports, its hopes and its plans (``dates.find_period(..., page=True)``)."""

from __future__ import annotations

import datetime as dt

import pytest

from extractor.dates import find_period

FEB_2026 = dt.date(2026, 2, 24)
MAR_2023 = dt.date(2023, 3, 9)
JUN_2025 = dt.date(2025, 6, 26)
STATEMENT = "Dudley Group is in segment 3 of the oversight framework and 68th in the league table. "


@pytest.mark.parametrize(("text", "published", "expected"), [
    # a year of an oversight statement dates the page
    ("The segmentation for the second quarter of 2024/25 put Kent and Medway in segment 4.",
     dt.date(2024, 11, 14), "2024/25"),
    ("In 2023/24 the board was in segment 3; it remains in segment 3 in 2024/25.", JUN_2025, "2024/25"),
    ("Under the 2021/22 framework, systems are placed in four segments.", dt.date(2022, 3, 3), "2021/22"),
    ("Q2 2025/26: the trust ranks 40th in the league table.", FEB_2026, "2025/26 Q2"),
])
def test_a_year_of_an_oversight_statement_dates_the_page(text: str, published: dt.date | None,
                                                         expected: str) -> None:
    assert find_period(text, published, page=True) == expected


@pytest.mark.parametrize(("text", "published"), [
    # reports' titles, in a contents list or a heading
    (STATEMENT + "\n» Our Annual Report 2024/25\n", FEB_2026),
    (STATEMENT + "Our Annual Report 2024/25 is now online.", FEB_2026),
    (STATEMENT + "Our annual report for 2024/25 came out in July.", FEB_2026),
    (STATEMENT + "Read the 2024-25 annual report online.", FEB_2026),
    # money
    (STATEMENT + "The council has set its budget for 2026/27.", FEB_2026),
    (STATEMENT + "The trust forecasts a deficit of £9m for 2025/26 in the league table notes.", FEB_2026),
    (STATEMENT + "Its segment reflects a planned deficit of £38m for 2025/26.", FEB_2026),
    (STATEMENT + "The 2026/27 planning round asks for £2bn of savings from trusts in every segment.", FEB_2026),
    # hopes, aims and plans
    ("The hospital is in segment 4. It hopes to leave the programme in 2023/24.", MAR_2023),
    ("The hospital is in segment 4 and aims to reach segment 3 during 2023/24.", MAR_2023),
    ("The board has set an ambition to move to segment 2 during 2025/26.", JUN_2025),
    ("The hospital is in segment 4; its plan for 2023/24 goes to the board in April.", MAR_2023),
    # bounds and times to come
    ("From 2026/27 the new oversight framework will rank every board.", FEB_2026),
    ("The trust has been in segment 4 since 2021/22.", FEB_2026),
    ("The next league tables will cover 2026/27.", FEB_2026),
    # a year in a sentence that says nothing of oversight
    (STATEMENT + "Our group strategy has three priorities for 2026/27.", FEB_2026),
    (STATEMENT + "Six pharmacies opened in 2024/25.", FEB_2026),
])
def test_a_year_of_money_reports_or_hopes_does_not_date_the_page(text: str, published: dt.date) -> None:
    assert find_period(text, published, page=True) == ""


@pytest.mark.parametrize("text", ["2023/24", "Segment at 2023/24", "nof 2023-24"])
def test_a_cell_or_a_file_name_is_read_without_the_page_s_test(text: str) -> None:
    assert find_period(text) == "2023/24"


def test_a_year_to_come_by_the_page_s_date_is_not_its_period() -> None:
    """Of the years that date statements, the latest to have begun by the page's date."""
    text = "In 2023/24 the board was in segment 3. In 2025/26 it will be in segment 2 of the framework."
    assert find_period(text, dt.date(2025, 2, 1), page=True) == "2023/24"


@pytest.mark.parametrize(("text", "published", "expected"), [
    # a number in brackets with its own time after a figure is what the figure is compared with
    ("The trust is ranked 118 of 134 acute trusts (121 in quarter 2).", dt.date(2026, 2, 5), ""),
    ("Nine trusts are in segment 4 (12 in Q1).", dt.date(2025, 12, 11), ""),
    ("The trust is ranked 118th (121st last quarter) in Q3.", dt.date(2026, 2, 5), "2025/26 Q3"),
    # a bracket that is not a comparison keeps its quarter
    ("The trust is ranked 118 of 134 acute trusts (quarter 3 tables).", dt.date(2026, 2, 5), "2025/26 Q3"),
])
def test_a_bracketed_earlier_figure_s_quarter_is_not_the_page_s(text: str, published: dt.date,
                                                                 expected: str) -> None:
    assert find_period(text, published, page=True) == expected
