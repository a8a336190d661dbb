"""Counts written as lines rather than sentences (fixed-width segment lines with a Total, a
count stated just above them, subset lists under 'Of the N trusts in segment S:'), and three
sentence constructions around them: 'in it' pointing back to the segment just named, a group
'in different segments', and a number hyphened to a unit ('a four-tier scale')."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.reading import read_doc
from extractor.records import Claim

ClaimTuple = tuple[str, tuple[int, ...], int | None, int | None, float | None]


def as_tuple(claim: Claim) -> ClaimTuple:
    return (claim.org_type, tuple(sorted(claim.segments)), claim.count, claim.total, claim.percent)


def claims_of(nlp: Language, text: str) -> list[ClaimTuple]:
    return sorted({as_tuple(c) for c in read_doc(nlp(text)).claims}, key=repr)


ICB_LINES = [("icb", (1,), 3, 42, None), ("icb", (2,), 15, 42, None), ("icb", (3,), 20, 42, None),
             ("icb", (4,), 4, 42, None), ("icb", (), 42, None, None)]

# One claim a line with its count, bracketed percentage and the size a Total line gives.
FIXED_WIDTH = [
    ("   Segment 1   3 ICBs\n   Segment 2   15 ICBs\n   Segment 3   20 ICBs\n   Segment 4   4 ICBs\n"
     "   Total       42 ICBs", ICB_LINES),
    ("Segment 1\t3 ICBs\nSegment 2\t15 ICBs\nSegment 3\t20 ICBs\nSegment 4\t4 ICBs\nTotal\t42 ICBs", ICB_LINES),
    ("Segment 1: 3 ICBs\nSegment 2: 15 ICBs\nSegment 3: 20 ICBs\nSegment 4: 4 ICBs\nTotal: 42 ICBs", ICB_LINES),
    ("Segment 1 – 3 ICBs\nSegment 2 – 15 ICBs\nSegment 3 – 20 ICBs\nSegment 4 – 4 ICBs\nTotal – 42", ICB_LINES),
    ("segment 1    3 integrated care boards   (the best)\nsegment 2    15 integrated care boards\n"
     "segment 3    20 integrated care boards\nsegment 4    4 integrated care boards   (Recovery Support Programme)\n"
     "Total        42 integrated care boards", ICB_LINES),
    ("  Segment 1    31 trusts    (15%)\n  Segment 2    80 trusts    (39%)",
     [("trust", (1,), 31, None, 15.0), ("trust", (2,), 80, None, 39.0)]),
    ("Segment 3   64 acute trusts   (48.5%)\nSegment 4   12 acute trusts   (9%)\nAll         134 acute trusts",
     [("acute", (3,), 64, 134, 48.5), ("acute", (4,), 12, 134, 9.0), ("acute", (), 134, None, None)]),
    ("- Segment 2   9 trusts\n- Segment 3   6 trusts\n- Segment 4   2 trusts\nTotal   17 trusts",
     [("trust", (2,), 9, 17, None), ("trust", (3,), 6, 17, None), ("trust", (4,), 2, 17, None),
      ("trust", (), 17, None, None)]),
    # a total of something else, or smaller than its lines, sizes nothing
    ("Segment 3   20 ICBs\nSegment 4   4 ICBs\nTotal       £42m",
     [("icb", (3,), 20, None, None), ("icb", (4,), 4, None, None)]),
    ("Segment 3   20 ICBs\nSegment 4   4 ICBs\nTotal       12 ICBs",
     [("icb", (3,), 20, None, None), ("icb", (4,), 4, None, None)]),
    ("Segment 3   20 ICBs\nSegment 4   4 ICBs\nTotal       30 trusts",
     [("icb", (3,), 20, None, None), ("icb", (4,), 4, None, None)]),
]


@pytest.mark.parametrize(("text", "expected"), FIXED_WIDTH)
def test_segment_lines_and_their_total(nlp: Language, text: str, expected: list[ClaimTuple]) -> None:
    assert claims_of(nlp, text) == sorted(expected, key=repr)


# A count stated just above the lines, equal to what they add up to, is their population's size.
ABOVE = [
    ("120 trusts were segmented this quarter.\n\nSegment 1   20 trusts\nSegment 2   60 trusts\n"
     "Segment 3   30 trusts\nSegment 4   10 trusts", 120, True),
    ("In all, 120 trusts were assessed:\nSegment 1: 20 trusts\nSegment 2: 60 trusts\nSegment 3: 30 trusts\n"
     "Segment 4: 10 trusts", 120, True),
    ("NHS England has segmented one hundred and twenty trusts.\nSegment 1 – 20 trusts (17%)\n"
     "Segment 2 – 60 trusts (50%)\nSegment 3 – 30 trusts (25%)\nSegment 4 – 10 trusts (8%)", 120, True),
    ("The quarter's results cover 120 trusts, as follows.\n  Segment 1    20 trusts\n  Segment 2    60 trusts\n"
     "  Segment 3    30 trusts\n  Segment 4    10 trusts", 120, True),
    ("There were 120 NHS trusts in the exercise\n\nSegment 1\t20 trusts\nSegment 2\t60 trusts\n"
     "Segment 3\t30 trusts\nSegment 4\t10 trusts", 120, True),
    ("Last quarter 120 trusts were placed in segments.\nSegment 1   20 trusts\nSegment 2   60 trusts\n"
     "Segment 3   30 trusts\nSegment 4   10 trusts", 120, True),
    ("All 120 trusts have a segment:\n- Segment 1 – 20 trusts\n- Segment 2 – 60 trusts\n- Segment 3 – 30 trusts\n"
     "- Segment 4 – 10 trusts", 120, True),
    ("We looked at 120 trusts.\nSegment 1   20 trusts\nSegment 2   60 trusts\nSegment 3   30 trusts\n"
     "Segment 4   10 trusts", 120, True),
    # a different figure, or a count of another population, is no total of these lines
    ("125 trusts were segmented this quarter.\nSegment 1   20 trusts\nSegment 2   60 trusts\n"
     "Segment 3   30 trusts\nSegment 4   10 trusts", 120, False),
    ("120 ICBs and trusts were reviewed.\nSegment 1   20 trusts\nSegment 2   60 trusts\n"
     "Segment 3   30 trusts\nSegment 4   10 trusts", 120, False),
    ("The 120 staff who took part were told the results.\nSegment 1   20 trusts\nSegment 2   60 trusts\n"
     "Segment 3   30 trusts\nSegment 4   10 trusts", 120, False),
]


@pytest.mark.parametrize(("text", "size", "sized"), ABOVE)
def test_count_above_segment_lines(nlp: Language, text: str, size: int, sized: bool) -> None:
    claims = claims_of(nlp, text)
    lines = [c for c in claims if c[1]]
    assert len(lines) == 4
    assert all((c[3] == size) == sized for c in lines)
    assert (("trust", (), size, None, None) in claims) == sized


SUBSETS = [
    ("Of the 21 trusts in segment 4:\n- 15 are acute trusts\n- 4 are mental health trusts\n"
     "- 1 is a community trust\n- 1 is an ambulance trust",
     [("acute", (4,), 15, 21, None), ("mental_health", (4,), 4, 21, None), ("community", (4,), 1, 21, None),
      ("ambulance", (4,), 1, 21, None)]),
    ("Of the 21 trusts in segment 4:\n\n• fifteen are acute trusts\n• four are mental health trusts",
     [("acute", (4,), 15, 21, None), ("mental_health", (4,), 4, 21, None)]),
    ("Of the twenty-one trusts in segment four:\n* 15 acute trusts\n* 6 mental health trusts",
     [("acute", (4,), 15, 21, None), ("mental_health", (4,), 6, 21, None)]),
    ("There were 21 trusts in segment 4 at the end of March:\n- acute trusts: 15\n- mental health trusts – 6",
     [("acute", (4,), 15, 21, None), ("mental_health", (4,), 6, 21, None)]),
    ("Segment 1 holds 30 trusts:\n- 12 of them are acute trusts\n- 18 of them are community trusts",
     [("acute", (1,), 12, 30, None), ("community", (1,), 18, 30, None)]),
    ("Of the 30 providers placed in segment 1:\n1. 12 were acute trusts\n2. 10 were ambulance trusts",
     [("acute", (1,), 12, 30, None), ("ambulance", (1,), 10, 30, None)]),
    ("Of the 9 trusts now in segment 3:\n- 5 acute trusts\n- 3 mental health trusts\n- 1 ambulance trust",
     [("acute", (3,), 5, 9, None), ("mental_health", (3,), 3, 9, None), ("ambulance", (3,), 1, 9, None)]),
    ("Of the 9 organisations in segment 2:\n– 5 are acute trusts\n– 4 are non-acute trusts",
     [("acute", (2,), 5, 9, None), ("non_acute", (2,), 4, 9, None)]),
]

# items that are not counts of a kind, or add up to more than the heading: no claim from them
NOT_SUBSETS = [
    "Of the 21 trusts in segment 4:\n- 15 are in the North\n- 6 are in the South",
    "Of the 21 trusts in segment 4:\n- 15 are acute trusts\n- 14 are mental health trusts",
    "Of the 21 trusts in segment 4:\n- 15 trusts\n- 6 trusts",
    "Of the 21 trusts in segment 4:\n- 15 acute trusts had deficits of £3m\n- 6 mental health trusts",
    "Of the 21 trusts in segment 4:\n- 15 are acute trusts",
    "Things to note:\n- 15 are acute trusts\n- 6 are mental health trusts",
    "Of the 21 trusts in segment 4:\n- Leeds Teaching Hospitals NHS Trust\n- 20 others",
    "Of the 21 trusts in segment 4:\n- 15 acute trusts and 2 community trusts\n- 4 mental health trusts",
]


@pytest.mark.parametrize(("text", "expected"), SUBSETS)
def test_subset_lines_take_the_heading_segment(nlp: Language, text: str, expected: list[ClaimTuple]) -> None:
    claims = claims_of(nlp, text)
    for claim in expected:
        assert claim in claims
    assert not [c for c in claims if c[0] not in {"trust", "other"} and c not in expected]


@pytest.mark.parametrize("text", NOT_SUBSETS)
def test_lists_that_are_not_subset_counts(nlp: Language, text: str) -> None:
    assert not [c for c in claims_of(nlp, text) if c[0] not in {"trust", "other"} and c[3] is not None]


# 'in it' points back to the segment named just before, not the first in the sentence
IN_IT = [
    ("Segment 1 is the best; a fifth segment exists for the worst cases, and no acute trust is in it.",
     ("acute", (5,), 0)),
    ("Segment 1 is the top, while segment 4 is the bottom and 12 acute trusts are in it.", ("acute", (4,), 12)),
    ("Segment 2 is the middle; a fifth segment was added this year and three ICBs have been placed in it.",
     ("icb", (5,), 3)),
    ("Segment 1 is the highest and segment 5 is new: no hospital trust is currently in it.", ("acute", (5,), 0)),
    ("Beside segment 1 there is now a fifth segment, and two mental health trusts were put into it.",
     ("mental_health", (5,), 2)),
    ("Segment 1 means little support; segment 4 means 'the most', and four ambulance trusts are in it today",
     ("ambulance", (4,), 4)),
    ("Segment 1 is the best; segment 5 is for intensive support, and none of the acute trusts is in it yet.",
     ("acute", (5,), 0)),
    ("Segment 3 is where most are; segment 4 is smaller, with 20 trusts within it.", ("trust", (4,), 20)),
]


@pytest.mark.parametrize(("text", "expected"), IN_IT)
def test_in_it_takes_the_segment_just_named(nlp: Language, text: str, expected: tuple) -> None:
    assert expected in [c[:3] for c in claims_of(nlp, text)]


# a group spread over segments is counted in none; a number hyphened to a unit counts nothing
NO_COUNT = [
    "Any trust with a deficit cannot be in segment 1 or 2, which is why the two trusts sit in different segments.",
    "Across segments 1 to 4, the two trusts in our group are in different segments.",
    "The three ICBs in the region sit in separate segments, unlike last year when all were in segment 2.",
    "Since segment 4 is only for the weakest, our four trusts fall into various segments.",
    "Stockport NHS Foundation Trust stays in segment 3 of the four-tier scale used for most hospitals.",
    "Segment 2 is the second rung of a five-tier system that covers every acute trust.",
    "The trust reached segment 2 after a two-year climb, the first of the acute trusts in the region to do so.",
    "The ICB stays in segment 3 for a 12-month period, like other ICBs.",
    "Segment 3 shows how blunt the scale is for a single-specialty hospital and a large teaching trust.",
    "Segment 4 is no place for a one-site trust, nor for a three-hospital trust.",
]


@pytest.mark.parametrize("text", NO_COUNT)
def test_spread_groups_and_hyphened_units_count_nobody(nlp: Language, text: str) -> None:
    assert claims_of(nlp, text) == []


STILL_COUNTS = [
    ("Four acute trusts are in segment 4, in different regions.", ("acute", (4,), 4)),
    ("Two trusts - both in Kent - are in segment 3.", ("trust", (3,), 2)),
    ("Twelve acute trusts are in segment 2 - a four-year low.", ("acute", (2,), 12)),
    ("Nine ICBs sit in segment 3 of the four-tier scale.", ("icb", (3,), 9)),
]


@pytest.mark.parametrize(("text", "expected"), STILL_COUNTS)
def test_counts_beside_those_words_stay(nlp: Language, text: str, expected: tuple) -> None:
    assert expected in [c[:3] for c in claims_of(nlp, text)]


# a bare 'Share' or '%' column beside one population's counts gives each row its percentage
SHARE_COLUMNS = [
    ("Segment     Trusts   Share\nSegment 1   27       13%\nSegment 2   78       38.5%", "trust", 27, 13.0),
    ("Segment | Trusts | %\nSegment 1 | 27 | 13%\nSegment 2 | 78 | 38.5%", "trust", 27, 13.0),
    ("Segment\tTrusts\tPer cent\nSegment 1\t27\t13 %\nSegment 2\t78\t38.5 %", "trust", 27, 13.0),
    ("Segment     ICBs   Proportion\nSegment 1   4      10%\nSegment 2   20     48%", "icb", 4, 10.0),
    ("| Segment | Acute trusts | Share |\n| Segment 1 | 16 | 12% |\n| Segment 2 | 40 | 30% |", "acute", 16, 12.0),
    ("Segment        %     Trusts\nSegment 1      13%   27\nSegment 2      38%   78", "trust", 27, 13.0),
    ("Segment     Mental health trusts   Share\nSegment 1   9                      18%\n"
     "Segment 2   20                     40%", "mental_health", 9, 18.0),
    ("Segment     Trusts   Share of total\nSegment 1   27       13%\nSegment 2   78       38%", "trust", 27, 13.0),
]


@pytest.mark.parametrize(("text", "org_type", "count", "percent"), SHARE_COLUMNS)
def test_share_column_beside_one_population(nlp: Language, text: str, org_type: str, count: int,
                                            percent: float) -> None:
    assert (org_type, (1,), count, None, percent) in claims_of(nlp, text)


# with two populations the bare share column is nobody's; a column of words is no share
NO_SHARE = [
    "Segment     ICBs   Trusts   Share\nSegment 1   2      27       13%\nSegment 2   13     78       38%",
    "Segment     Trusts   Share\nSegment 1   27       low\nSegment 2   78       high",
]


@pytest.mark.parametrize("text", NO_SHARE)
def test_share_column_left_when_unclear(nlp: Language, text: str) -> None:
    claims = claims_of(nlp, text)
    assert claims and all(c[4] is None for c in claims)
