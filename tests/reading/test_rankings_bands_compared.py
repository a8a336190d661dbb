"""A band of the table is no position, and a position a rank is compared with is its previous rank."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.reading import read_doc

PAGE = "Published: 5 February 2026\n\n"
NGH = "Northampton General Hospital NHS Trust"
MCH = "Mid Cheshire Hospitals NHS Foundation Trust"


def _rankings(nlp: Language, text: str) -> list[tuple]:
    return [(r.rank, r.position, r.previous_rank) for r in read_doc(nlp(PAGE + text)).rankings]


@pytest.mark.parametrize("text", [
    f"{NGH} was ranked in top half of the league table.",
    f"{NGH} was ranked in top third of acute trusts.",
    f"{NGH} was ranked in bottom half of league table.",
    f"{NGH} is in top quarter of the league table.",
    f"{NGH} sits in bottom fifth of the acute league table.",
    f"{NGH} ranked in top 1% of acute trusts.",
    f"{NGH} was ranked in top 10 per cent of the league table.",
    f"{NGH} was ranked in the top half of the league table.",
])
def test_a_band_of_the_table_is_no_position(nlp: Language, text: str) -> None:
    assert _rankings(nlp, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    (f"{NGH} was ranked top of the league table.", [(1, "top", None)]),
    (f"{NGH} was ranked bottom of 134 acute trusts.", [(134, "bottom", None)]),
])
def test_the_top_or_bottom_itself_is_a_position(nlp: Language, text: str, expected: list) -> None:
    assert _rankings(nlp, text) == expected


@pytest.mark.parametrize("text", [
    f"{MCH} is ranked 118th of 134 acute trusts, compared with 121st in quarter 2.",
    f"{MCH} is ranked 118 of 134 acute trusts, compared with 121 in quarter 2.",
    f"{MCH} is ranked 118th of 134 acute trusts compared to 121st last quarter.",
    f"{MCH} remains in segment 4 and is ranked 118 of 134 acute trusts (121 in quarter 2).",
    f"{MCH} is ranked 118th of 134 acute trusts (121st last quarter).",
    f"{MCH} is ranked 118th of 134 acute trusts, against 121st in the previous table.",
    f"{MCH} is ranked 118 of 134 acute trusts, up from 121 in quarter 2.",
])
def test_a_position_compared_with_is_the_previous_rank(nlp: Language, text: str) -> None:
    assert _rankings(nlp, text) == [(118, "", 121)]


@pytest.mark.parametrize(("text", "expected"), [
    # no earlier position: a count, a bracketed total, another body's place
    (f"{MCH} is ranked 118th of 134 acute trusts, compared with 121 trusts in segment 4.", [(118, "", None)]),
    (f"{MCH} is ranked 118th of 134 acute trusts (134 trusts).", [(118, "", None)]),
    (f"{MCH} is ranked 118th (Q3) of 134 acute trusts.", [(118, "", None)]),
])
def test_no_previous_rank_without_an_earlier_position(nlp: Language, text: str, expected: list) -> None:
    assert _rankings(nlp, text) == expected
