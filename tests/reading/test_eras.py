"""A record dated before its page's framework began takes the framework of its own date, and
the programme it names (Recovery Support Programme, special measures) is that framework's
segment 4, not NOF 2025/26's segment 5."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.reading import read_doc

LEAGUE_PAGE = "Published: 12 November 2025\nThe NHS league tables are out. "


def _memberships(nlp: Language, text: str) -> set[tuple]:
    return {(m.segment, m.from_segment, m.framework) for m in read_doc(nlp(LEAGUE_PAGE + text)).memberships}


@pytest.mark.parametrize("text, expected", [
    ("Royal Cornwall Hospitals NHS Trust entered the Recovery Support Programme in 2022.", (4, None, "sof2021")),
    ("In 2022 Royal Cornwall Hospitals NHS Trust was placed in the Recovery Support Programme.", (4, None, "sof2021")),
    ("Royal Cornwall Hospitals NHS Trust joined the RSP in December 2023.", (4, None, "nof2022")),
    ("Royal Cornwall Hospitals NHS Trust was in the recovery support programme in 2024/25.", (4, None, "nof2022")),
    ("Royal Cornwall Hospitals NHS Trust left the RSP in March 2022 and moved to segment 3.",
     (3, 4, "sof2021")),
    ("In 2019 Royal Cornwall Hospitals NHS Trust was in segment 3.", (3, None, "sof2016")),
])
def test_an_earlier_spell_takes_its_own_framework(nlp: Language, text: str, expected: tuple) -> None:
    assert _memberships(nlp, text) == {expected}


@pytest.mark.parametrize("text, expected", [
    # NOF 2025/26 segments the whole year: its first quarter is its own, tables out in September or not
    ("In quarter 1 of 2025/26 Royal Cornwall Hospitals NHS Trust was in the Recovery Support Programme.",
     (5, None, "nof2025")),
    ("Royal Cornwall Hospitals NHS Trust is in the Recovery Support Programme.", (5, None, "nof2025")),
    # a segment named as five is what the words say, whatever its date
    ("In 2022 Royal Cornwall Hospitals NHS Trust was in segment 5.", (5, None, "sof2021")),
])
def test_a_spell_of_the_pages_framework_keeps_its_segment(nlp: Language, text: str, expected: tuple) -> None:
    assert _memberships(nlp, text) == {expected}


def test_a_count_of_an_earlier_year_takes_its_framework(nlp: Language) -> None:
    result = read_doc(nlp(LEAGUE_PAGE + "In 2016, 36 trusts were placed in segment 4."))
    assert [(c.segments, c.count, c.framework) for c in result.claims] == [((4,), 36, "sof2016")]


def test_a_four_segment_page_keeps_its_framework_for_its_own_family(nlp: Language) -> None:
    """NOF 2022/23 took over from SOF 2021/22 on a date we cannot source: a 2023 page's spring
    figures keep the page's framework."""
    text = ("Published: 20 September 2023\nNHS Oversight Framework 2022/23 segmentation. "
            "In quarter 1 of 2023/24 Royal Cornwall Hospitals NHS Trust was in segment 3.")
    assert {m.framework for m in read_doc(nlp(text)).memberships} == {"nof2022"}


@pytest.mark.parametrize("text, expected", [
    # a programme left before NOF 2025/26's figures began was segment 4 then
    ("University Hospitals of Morecambe Bay NHS Foundation Trust left the Recovery Support Programme in 2024 "
     "and is now in segment 3.", (3, 4, "nof2025")),
    ("University Hospitals of Morecambe Bay NHS Foundation Trust exited the Recovery Support Programme in "
     "March 2025 and is now in segment 3.", (3, 4, "nof2025")),
    ("University Hospitals of Morecambe Bay NHS Foundation Trust moved out of the Recovery Support Programme "
     "in 2023 and is now in segment 3.", (3, 4, "nof2025")),
    # left within NOF 2025/26, undated, or named as segment 5: as the words say
    ("University Hospitals of Morecambe Bay NHS Foundation Trust left the Recovery Support Programme in "
     "October 2025 and is now in segment 3.", (3, 5, "nof2025")),
    ("University Hospitals of Morecambe Bay NHS Foundation Trust has left the Recovery Support Programme "
     "and is now in segment 3.", (3, 5, "nof2025")),
    ("University Hospitals of Morecambe Bay NHS Foundation Trust left segment 5 in 2024 and is now in "
     "segment 3.", (3, 5, "nof2025")),
])
def test_a_programme_left_in_an_earlier_era_was_its_segment_4(nlp: Language, text: str, expected: tuple) -> None:
    assert _memberships(nlp, text) == {expected}
