"""Which period a figure describes (see extractor.reconcile.periods for the rule)."""

from __future__ import annotations

import pytest

from extractor.reconcile.periods import period_from_published, period_key, quarters_named, resolve_period


@pytest.mark.parametrize(("text", "expected"), [
    ("the Q2 2025/26 league tables", {"2025/26 Q2"}),
    ("covering quarter 1 of 2023/24", {"2023/24 Q1"}),
    ("for the third quarter of 2023/24", {"2023/24 Q3"}),
    ("2024-25 Q4 results", {"2024/25 Q4"}),
    ("Quarter 2 2025/26 and Q1 2025/26", {"2025/26 Q2", "2025/26 Q1"}),
    ("a 2025/27 typo in Q2", set()),
    ("nothing about quarters", set()),
])
def test_quarters_named(text, expected) -> None:
    assert quarters_named(text) == expected


@pytest.mark.parametrize(("framework", "published", "expected"), [
    ("nof2022", "2024-02-14", "2023/24 Q3"),
    ("nof2025", "2025-12-11", "2025/26 Q2"),
    ("nof2025", "2026-04-02", "2025/26 Q4"),
    ("sof2016", "21.10.16", "2016-10"),
    ("", "14 March 2024", "2024-03"),
    ("nof2022", "", ""),
    ("nof2022", "not a date", ""),
])
def test_period_from_publication(framework, published, expected) -> None:
    assert period_from_published(framework, published) == expected


def test_own_period_beats_text_beats_date() -> None:
    assert resolve_period("Q3 2023/24", "nof2022", "2025-01-01", "Q1 2024/25") == "2023/24 Q3"
    assert resolve_period("", "nof2022", "2025-01-01", "in Q1 2024/25") == "2024/25 Q1"
    assert resolve_period("", "nof2022", "2025-01-01", "Q1 2024/25 and Q2 2024/25") == "2024/25 Q3"


def test_period_key_is_canonical() -> None:
    assert period_key("Q3 2023/24") == "2023/24 Q3"
    assert period_key("2016-10") == "2016-10"


def test_a_bare_year_is_narrowed_to_the_quarter_named() -> None:
    assert resolve_period("2023/24", "nof2022", "", "the third quarter of 2023/24") == "2023/24 Q3"
    assert resolve_period("2023/24", "nof2022", "", "Q3 2023/24 and Q4 2023/24") == "2023/24"
