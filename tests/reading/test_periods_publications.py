"""Periods named through the framework's publications: its first assessment or tables, a month's
tables, and a state the words say is still held."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.reading import read_doc


def _rankings(nlp: Language, text: str) -> list[tuple[int | None, str]]:
    return [(r.rank, r.period) for r in read_doc(nlp(text)).rankings]


@pytest.mark.parametrize(("text", "expected"), [
    # a month naming a publication of tables dates the quarter before it (tables come out a quarter late)
    ("Published: 4 December 2025\n\nLeeds Teaching Hospitals NHS Trust was 31st of 134 in the September tables.",
     [(31, "2025/26 Q1")]),
    ("Published: 4 December 2025\n\nIn the September league tables Leeds Teaching Hospitals NHS Trust was 31st "
     "of 134 acute trusts.", [(31, "2025/26 Q1")]),
    ("Published: 20 March 2026\n\nLeeds Teaching Hospitals NHS Trust came 31st of 134 acute trusts in the "
     "December 2025 league table.", [(31, "2025/26 Q2")]),
    # the framework's first tables are of its first quarter
    ("Published: 4 December 2025\n\nIn the first league tables Leeds Teaching Hospitals NHS Trust was 31st of "
     "134 acute trusts.", [(31, "2025/26 Q1")]),
    ("Published: 15 October 2025\n\nLeeds Teaching Hospitals NHS Trust was ranked 31st out of 134 acute trusts "
     "in the first NHS league tables.", [(31, "2025/26 Q1")]),
    # negatives: a month of figures is its own quarter; 'the first table' of a paper is no publication
    ("Published: 4 December 2025\n\nLeeds Teaching Hospitals NHS Trust was 31st of 134 acute trusts in "
     "September.", [(31, "2025/26 Q2")]),
    ("Published: 4 December 2025\n\nThe first table below shows that Leeds Teaching Hospitals NHS Trust is 31st "
     "of 134 acute trusts.", [(31, "2025-12")]),
])
def test_a_publication_dates_the_figures_it_holds(nlp: Language, text: str, expected: list) -> None:
    assert _rankings(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the first assessment of a framework named with its year is within that year
    ("Published: 25 August 2022\n\nFollowing the first assessment under the NHS Oversight Framework 2022/23, "
     "four of the Midlands' 11 integrated care boards have been placed in segment 3.", ("sof2021", "2022/23")),
    ("Published: 25 August 2022\n\nAfter the first segmentation of the 2022/23 oversight framework, four of the "
     "Midlands' 11 integrated care boards have been placed in segment 3.", ("sof2021", "2022/23")),
    # unnamed, it is the first quarter whose figures the framework gives, never one before it
    ("Published: 25 August 2022\n\nFollowing the first assessment, four of the Midlands' 11 integrated care "
     "boards have been placed in segment 3.", ("sof2021", "2021/22 Q2")),
    ("Published: 12 November 2025\n\nThe NHS league tables are out. When the framework began, 12 acute trusts "
     "were in segment 5.", ("nof2025", "2025/26 Q1")),
])
def test_a_framework_s_first_assessment(nlp: Language, text: str, expected: tuple[str, str]) -> None:
    assert {(c.framework, c.period) for c in read_doc(nlp(text)).claims if c.count in (4, 12)} == {expected}


@pytest.mark.parametrize(("text", "expected"), [
    ("We were placed in special measures in June 2015 and we are still in special measures today. This is "
     "Walsall Healthcare NHS Trust.", "2016-11"),
    ("Walsall Healthcare NHS Trust was placed in special measures in June 2015 and is still in special "
     "measures.", "2016-11"),
    ("Walsall Healthcare NHS Trust, placed in special measures in June 2015, remains still in special "
     "measures.", "2016-11"),
    # negatives: no state said to be held still
    ("Walsall Healthcare NHS Trust was placed in special measures in June 2015.", "2015-06"),
    ("Walsall Healthcare NHS Trust was placed in special measures in June 2015 and still needed support.",
     "2015-06"),
])
def test_a_state_still_held_is_the_page_s(nlp: Language, text: str, expected: str) -> None:
    doc = nlp("Oversight note\nPublished: 30 November 2016\n\n" + text)
    assert [m.period for m in read_doc(doc).memberships] == [expected]
