"""A count with its share of all bodies after a dash ('segment 4 – 5% of all trusts' is no
range of segments, and no label line counting five), and a count whose verb is a forecast
after a long noun phrase ('... in the Recovery Support Programme are expected to move there')."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.reading import read_doc

Row = tuple[str, tuple[int, ...], int | None, float | None]


def claims_of(nlp: Language, text: str) -> list[Row]:
    return sorted({(c.org_type, tuple(c.segments), c.count, c.percent) for c in read_doc(nlp(text)).claims}, key=repr)


DASHED_SHARES = [
    ("Ten trusts are in segment 4 – 5% of all trusts in England.", [("trust", (4,), 10, 5)]),
    ("Twelve ICBs sit in segment 3 - 29 per cent of all ICBs.", [("icb", (3,), 12, 29)]),
    ("Segment 2 now holds 84 trusts — 40% of the total.", [("trust", (2,), 84, 40)]),
    ("Eight acute trusts were in segment 1 – 6 percent of the total.", [("acute", (1,), 8, 6)]),
]


@pytest.mark.parametrize("text,expected", DASHED_SHARES)
def test_a_share_after_a_dash_is_no_count(nlp: Language, text: str, expected: list[Row]) -> None:
    assert claims_of(nlp, text) == expected


# a count after the dash is still a count line, and a range of segments stays a range
DASHED_COUNTS = [
    ("Segment 4 – 5 trusts", [("trust", (4,), 5, None)]),
    ("Acute trusts in segment 2 - 31", [("acute", (2,), 31, None)]),
]


@pytest.mark.parametrize("text,expected", DASHED_COUNTS)
def test_a_count_after_a_dash_stays(nlp: Language, text: str, expected: list[Row]) -> None:
    assert claims_of(nlp, text) == expected


FORECASTS = [
    "No trust was put in segment 5 at first, though 18 providers in the Recovery Support Programme are expected "
    "to move there.",
    "Eighteen providers in the Recovery Support Programme are likely to move to segment 5.",
    "Eighteen providers in the national Recovery Support Programme could be moved to segment 5.",
    "Nine providers across the North East and Yorkshire region are set to join segment 5.",
    "Seven trusts within the Midlands region are predicted to be placed in segment 4.",
]


@pytest.mark.parametrize("text", FORECASTS)
def test_a_forecast_after_a_long_subject_counts_nobody(nlp: Language, text: str) -> None:
    assert all(count in (0, None) for _, _, count, _ in claims_of(nlp, text))


STOCKS = [
    ("Eighteen providers in the Recovery Support Programme are in segment 5.", [("trust", (5,), 18, None)]),
    ("Twelve trusts in the North West region are in segment 4, which could change next year.",
     [("trust", (4,), 12, None)]),
]


@pytest.mark.parametrize("text,expected", STOCKS)
def test_a_present_count_after_a_long_subject_stays(nlp: Language, text: str, expected: list[Row]) -> None:
    assert claims_of(nlp, text) == expected
