"""Placement tables whose first column is not the body's name: a position first ('Rank | Trust |
Segment', in pipes, in HTML cells, laid out with spaces) or a period ('Quarter | Segment | Rank',
one body's quarters)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.reading import read_doc

DATED = "Published: 12 December 2025\n"
PIPES = ("NHS league tables: acute trusts\n\n| {a} | {b} | Segment |\n|---|---|---|\n"
         "| {ra} | {na} | 1 |\n| {rb} | {nb} | 4 |\n")
SPACED = ("NHS league tables: ambulance trusts\n\n{a:<18}{b:<56}Segment\n"
          "{ra:<18}{na:<56}1\n{rb:<18}{nb:<56}4\n")
CHRISTIE, HULL = "The Christie NHS Foundation Trust", "Hull University Teaching Hospitals NHS Trust"
NWAS, SWAST = "North West Ambulance Service NHS Trust", "South Western Ambulance Service NHS Foundation Trust"


@pytest.mark.parametrize("layout, names, codes", [(PIPES, (CHRISTIE, HULL), ("RBV", "RWA")),
                                                  (SPACED, (NWAS, SWAST), ("RX7", "RYF"))])
@pytest.mark.parametrize("position, body", [("Rank", "Trust"), ("Position", "Trust"), ("Place", "Organisation"),
                                            ("League position", "Provider")])
@pytest.mark.parametrize("ra, rb", [("1", "133"), ("1st", "133rd"), ("=1", "9")])
def test_a_position_first_names_the_body_second(nlp: Language, layout: str, names: tuple, codes: tuple,
                                                position: str, body: str, ra: str, rb: str) -> None:
    text = DATED + layout.format(a=position, b=body, ra=ra, rb=rb, na=names[0], nb=names[1])
    result = read_doc(nlp(text))
    assert sorted((m.name, m.segment) for m in result.memberships) == sorted(zip(names, (1, 4), strict=True))
    assert sorted(r.name for r in result.rankings) == sorted(names)
    assert all(not r.name[:1].isdigit() for r in result.rankings)


@pytest.mark.parametrize("caption", [
    "The Hillingdon Hospitals NHS Foundation Trust: our position in each quarter.",
    "How The Hillingdon Hospitals NHS Foundation Trust has been placed since the tables began:",
])
@pytest.mark.parametrize("header, rows", [
    ("| Quarter | Segment | Rank |", ["| Q1 2025/26 | 3 | 45 |", "| Q2 2025/26 | 2 | 27 |"]),
    ("| Period | Segment |", ["| Quarter 1 | 3 |", "| Quarter 2 | 2 |"]),
    ("| Year | NOF segment |", ["| 2023/24 | 3 |", "| 2024/25 | 2 |"]),
    ("| Date | Segment |", ["| March 2024 | 3 |", "| March 2025 | 2 |"]),
    ("| Rank | Quarter | Segment |", ["| 45 | Q1 2025/26 | 3 |", "| 27 | Q2 2025/26 | 2 |"]),
])
def test_a_table_of_periods_is_its_captions_body(nlp: Language, caption: str, header: str, rows: list[str]) -> None:
    text = DATED + caption + "\n\n" + "\n".join([header, "|---|---|---|", *rows]) + "\n"
    result = read_doc(nlp(text))
    assert [(m.ods_code, m.segment) for m in result.memberships] == [("RAS", 3), ("RAS", 2)]
    assert all(r.name.startswith("The Hillingdon") for r in result.rankings)


@pytest.mark.parametrize("header, rows", [
    ("| Quarter | Segment | Rank |", ["| Q1 2025/26 | 3 | 45 |", "| Q2 2025/26 | 2 | 27 |"]),
    ("| Year | Segment |", ["| 2023/24 | 3 |", "| 2024/25 | 2 |"]),
])
@pytest.mark.parametrize("caption", [
    "Segments by quarter.",
    "Barts Health NHS Trust and The Hillingdon Hospitals NHS Foundation Trust compared:",
])
def test_a_table_of_periods_names_no_one_when_its_body_is_not_said(nlp: Language, header: str, rows: list[str],
                                                                   caption: str) -> None:
    """No row is named after a period, and none is given to one of two bodies the caption names."""
    text = DATED + caption + "\n\n" + "\n".join([header, "|---|---|---|", *rows]) + "\n"
    result = read_doc(nlp(text))
    assert result.memberships == [] and result.rankings == []
