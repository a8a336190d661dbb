"""Claim constructions that a count's neighbours decide: a series' total, a move in a headline's
present tense, a fronted population, a percentage of something other than organisations, a
list marked partial after its names, an open-ended segment ('segment 2 or better'), a population
sentence and the region behind 'the region's'. Each table holds phrasings and negatives."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.reading import read_doc
from extractor.records import DocResult

Row = tuple[str, tuple[int, ...], int | None]


def result_of(nlp: Language, text: str) -> DocResult:
    return read_doc(nlp(text))


def claims_of(nlp: Language, text: str) -> list[Row]:
    return sorted(((c.org_type, tuple(sorted(c.segments)), c.count) for c in result_of(nlp, text).claims), key=repr)


# -- a total after a per-segment series is the size of the whole counted, in no segment --

SERIES_TOTALS = [
    ("That is two trusts in segment 1, two in segment 2, seven in segment 3 and two in segment 4 - 13 in all.",
     [("trust", (), 13), ("trust", (1,), 2), ("trust", (2,), 2), ("trust", (3,), 7), ("trust", (4,), 2)]),
    ("Two trusts are in segment 1, three in segment 2 and four in segment 3, making nine in total.",
     [("trust", (), 9), ("trust", (1,), 2), ("trust", (2,), 3), ("trust", (3,), 4)]),
    ("There are two trusts in segment 1 and five in segment 4 – seven altogether.",
     [("trust", (), 7), ("trust", (1,), 2), ("trust", (4,), 5)]),
    ("Two ICBs are in segment 1 and 12 in segment 2, 14 in all.",
     [("icb", (), 14), ("icb", (1,), 2), ("icb", (2,), 12)]),
    ("Two trusts are in segment 1, three in segment 2 and four in segment 3: nine trusts in total.",
     [("trust", (), 9), ("trust", (1,), 2), ("trust", (2,), 3), ("trust", (3,), 4)]),
    ("Segment 1 has four trusts and segment 2 has six, ten trusts in all.",
     [("trust", (), 10), ("trust", (1,), 4), ("trust", (2,), 6)]),
    ("Of the 42 ICBs, two are in segment 1, 22 in segment 2, 13 in segment 3 and four in segment 4 – 41 in all.",
     [("icb", (), 41), ("icb", (), 42), ("icb", (1,), 2), ("icb", (2,), 22), ("icb", (3,), 13), ("icb", (4,), 4)]),
]

SEGMENT_TOTALS = [  # one segment's own total, or a total placed in a segment, stays that segment's count
    ("In all, 13 trusts are in segment 4.", [("trust", (4,), 13)]),
    ("Two trusts are in segment 1 and five in segment 4, with 13 in total in segment 3.",
     [("trust", (1,), 2), ("trust", (3,), 13), ("trust", (4,), 5)]),
    ("Four acute trusts are in segment 1 and two in segment 2; a total of 13 trusts are in segment 4.",
     [("acute", (1,), 4), ("acute", (2,), 2), ("trust", (4,), 13)]),
]


@pytest.mark.parametrize(("text", "expected"), SERIES_TOTALS + SEGMENT_TOTALS)
def test_a_series_total_is_a_population_claim(nlp: Language, text: str, expected: list[Row]) -> None:
    assert claims_of(nlp, text) == expected


# -- a move in the present tense counts movers, not members --

PRESENT_MOVES = [
    "Two trusts leave the Recovery Support Programme",
    "Two trusts leave special measures",
    "Two trusts exit the Recovery Support Programme",
    "Four ICBs move out of segment 4",
    "Two trusts quit special measures after inspection",
    "Three trusts escape segment 4 in latest review",
    "Three trusts move into segment 4 in latest review",
    "Five trusts join the Recovery Support Programme this month.",
    "Two trusts now leave segment 4.",
    "Three trusts that exit segment 4 this quarter will keep their support.",
]

STILL_MEMBERS = [
    ("Four trusts remain in segment 4, leaving 30 in segment 3.", [("trust", (3,), 30), ("trust", (4,), 4)]),
    ("Ten trusts fall into segment 3.", [("trust", (3,), 10)]),
    ("Twenty trusts are in segment 4, which leaves 40 in segment 3.", [("trust", (3,), 40), ("trust", (4,), 20)]),
    ("Six trusts are in segment 4 and cannot leave it until they recover.", [("trust", (4,), 6)]),
    ("Three trusts move up, while 12 trusts stay in segment 4.", [("trust", (4,), 12)]),
]


@pytest.mark.parametrize("text", PRESENT_MOVES)
def test_a_present_tense_move_counts_no_members(nlp: Language, text: str) -> None:
    assert claims_of(nlp, text) == []


@pytest.mark.parametrize(("text", "expected"), STILL_MEMBERS)
def test_a_move_later_in_the_clause_keeps_the_count(nlp: Language, text: str, expected: list[Row]) -> None:
    assert claims_of(nlp, text) == expected


# -- a fronted population names what 'the number in segment K' counts --

FRONTED = [
    ("The number of acute trusts in segment 4 rose to 29 in Q2. Among mental health trusts, the number in "
     "segment 4 fell to two in Q2.", [("acute", (4,), 29), ("mental_health", (4,), 2)]),
    ("The number of acute trusts in segment 4 rose to 29. Among non-acute providers, the count in segment 4 "
     "was unchanged at three.", [("acute", (4,), 29), ("non_acute", (4,), 3)]),
    ("Among mental health trusts, the number in segment 4 fell to two.", [("mental_health", (4,), 2)]),
    ("The number of acute trusts in segment 4 rose to 29. For ambulance trusts, the number in segment 1 is two.",
     [("acute", (4,), 29), ("ambulance", (1,), 2)]),
    ("Among mental health trusts, two are in segment 4.", [("mental_health", (4,), 2)]),
]

NOT_FRONTED = [  # no fronted population: the type carries from the sentence before
    ("The number of acute trusts in segment 4 rose to 29. The number in segment 3 fell to 45.",
     [("acute", (3,), 45), ("acute", (4,), 29)]),
]


@pytest.mark.parametrize(("text", "expected"), FRONTED + NOT_FRONTED)
def test_a_fronted_population_is_the_count_s(nlp: Language, text: str, expected: list[Row]) -> None:
    assert claims_of(nlp, text) == expected


# -- a percentage of patients, money or a standard at some trusts is no share of the trusts --

OTHER_PERCENTAGES = [
    "Segment 3 trusts accounted for 57 per cent of all patients waiting.",
    "Segment 3 trusts accounted for 57% of all patients waiting.",
    "Segment 4 trusts account for 30 per cent of the national deficit.",
    "Segment 3 trusts made up 57 per cent of all patients waiting.",
    "The 18-week standard was met for 52% of patients at segment 4 trusts, compared with 64% at segment 1 trusts.",
    "A-and-E performance was 71% at segment 1 trusts.",
]

SHARES_OF_TRUSTS = [
    ("Segment 3 providers accounted for 57 per cent of all providers.", [("trust", (3,), None)]),
    ("About 57% of all providers are in segment 3.", [("trust", (3,), None)]),
    ("Some 40% of England's trusts are in segment 3.", [("trust", (3,), None)]),
    ("Twenty trusts are in segment 4, 10% of the total.", [("trust", (4,), 20)]),
    ("Segment 4 holds 12% of NHS trusts.", [("trust", (4,), None)]),
    ("Around 30% of acute trusts are in segment 3.", [("acute", (3,), None)]),
    ("40% of London's trusts are in segment 3.", [("trust", (3,), None)]),
]


@pytest.mark.parametrize("text", OTHER_PERCENTAGES)
def test_a_percentage_of_something_else_is_no_claim(nlp: Language, text: str) -> None:
    assert claims_of(nlp, text) == []


@pytest.mark.parametrize(("text", "expected"), SHARES_OF_TRUSTS)
def test_a_percentage_of_the_organisations_is_still_a_share(nlp: Language, text: str, expected: list[Row]) -> None:
    assert claims_of(nlp, text) == expected


# -- 'X among them' / 'X included' after the names marks a partial list --

POSTPOSED_PARTIAL = [
    "Only three non-acute trusts - Coventry and Warwickshire Partnership among them - are in segment 4.",
    "Only three non-acute trusts (Coventry and Warwickshire Partnership among them) are in segment 4.",
    "Three trusts, Medway NHS Foundation Trust among them, are in segment 4.",
    "Three trusts - Medway NHS Foundation Trust included - are in segment 4.",
    "Three trusts (Medway NHS Foundation Trust amongst them) are in segment 4.",
]

WHOLE_LISTS = [
    "Three trusts - Medway NHS Foundation Trust, Barts Health NHS Trust and East Kent Hospitals University NHS "
    "Foundation Trust - are in segment 4.",
    "Two trusts (Medway NHS Foundation Trust and Barts Health NHS Trust) are in segment 4.",
]


@pytest.mark.parametrize("text", POSTPOSED_PARTIAL)
def test_a_postposed_among_them_makes_the_list_partial(nlp: Language, text: str) -> None:
    members = result_of(nlp, text).memberships
    assert members and all(m.claim is None for m in members)


@pytest.mark.parametrize("text", WHOLE_LISTS)
def test_a_list_without_a_partial_marker_is_the_count_s(nlp: Language, text: str) -> None:
    members = result_of(nlp, text).memberships
    assert members and all(m.claim is not None for m in members)


# -- 'segment N or better / or worse' names a run of segments --

OPEN_ENDED = [
    ("Ten of the 42 ICSs are in segment 2 or better.", ("icb", (1, 2), 10)),
    ("Forty trusts are in segment 2 or above.", ("trust", (1, 2), 40)),
    ("Twelve acute trusts are in segment 3 or below.", ("acute", (3, 4), 12)),
    ("Nine trusts are in segment 3 or worse.", ("trust", (3, 4), 9)),
    ("Five ICBs are in segment 2 or higher.", ("icb", (1, 2), 5)),
    ("Under the NHS Oversight Framework 2025/26, 60 trusts are in segment 3 or worse.", ("trust", (3, 4, 5), 60)),
]

NOT_OPEN_ENDED = [
    ("Twelve acute trusts are in segment 3 and below the national average on finance.", ("acute", (3,), 12)),
    ("Nine trusts are in segment 2 or 3.", ("trust", (2, 3), 9)),
    ("Five trusts are in segment 4 or higher than expected.", ("trust", (4,), 5)),
]


@pytest.mark.parametrize(("text", "expected"), OPEN_ENDED + NOT_OPEN_ENDED)
def test_an_open_ended_segment_names_its_run(nlp: Language, text: str, expected: Row) -> None:
    assert claims_of(nlp, text) == [expected]


# -- a population sentence is a population claim and ends a regional scope --

POPULATIONS = [
    ("In the Midlands, nine trusts are in segment 4.\n\nEngland has 205 trusts. Of these, 38 were in segment 4.",
     [("trust", (), 205, ""), ("trust", (4,), 9, "the Midlands"), ("trust", (4,), 38, "")]),
    ("In the Midlands, nine trusts are in segment 4.\n\nAcross England, 205 trusts were assessed. Of these, 38 were "
     "in segment 4.", [("trust", (), 205, ""), ("trust", (4,), 9, "the Midlands"), ("trust", (4,), 38, "")]),
    ("In all, 209 trusts were segmented this quarter.", [("trust", (), 209, "")]),
    ("42 ICBs have been segmented.", [("icb", (), 42, "")]),
]

NOT_POPULATIONS = [
    "Ten trusts were assessed as needing intensive support.",
    "The CQC said 12 trusts were assessed by its inspectors.",
]


def _scoped(nlp: Language, text: str) -> list[tuple[str, tuple[int, ...], int | None, str]]:
    return sorted(((c.org_type, tuple(sorted(c.segments)), c.count, c.scope) for c in result_of(nlp, text).claims),
                  key=repr)


@pytest.mark.parametrize(("text", "expected"), POPULATIONS)
def test_a_population_sentence_is_a_claim(nlp: Language, text: str, expected: list) -> None:
    assert _scoped(nlp, text) == sorted(expected, key=repr)


@pytest.mark.parametrize("text", NOT_POPULATIONS)
def test_an_assessment_of_another_kind_is_no_population(nlp: Language, text: str) -> None:
    assert claims_of(nlp, text) == []


# -- 'the region's' is the region named last, not a county or system named since --

REGIONS = [
    ("In the North West, Wirral University Teaching Hospital NHS Foundation Trust is in segment 4. In Lancashire "
     "and South Cumbria, Blackpool Teaching Hospitals NHS Foundation Trust is in segment 4. Two of the region's "
     "acute trusts are in segment 1.", "the North West"),
    ("Our round-up covers London. In North West London, Imperial College Healthcare NHS Trust is in segment 2. "
     "Three of the region's acute trusts are in segment 1.", "London"),
    ("In Kent and Medway, Medway NHS Foundation Trust is in segment 4. Two of the county's trusts are in segment 3.",
     "Kent and Medway"),
]


@pytest.mark.parametrize(("text", "scope"), REGIONS)
def test_the_region_s_is_the_region_named(nlp: Language, text: str, scope: str) -> None:
    assert [c.scope for c in result_of(nlp, text).claims] == [scope]


# -- a vague quantity opening its own clause after a count: the segment is the quantity's --

VAGUE_AFTER_A_WHOLE = [
    ("The analysis looked at all 205 trusts and found that most were in segment 2.", [("trust", (), 205)]),
    ("All 205 trusts were assessed, and most are in segment 2 or 3.", [("trust", (), 205)]),
    ("The review covered all 205 trusts, most of which were in segment 2.", [("trust", (), 205)]),
    ("NHS England segmented all 42 ICBs, but many are still in segment 3.", [("icb", (), 42)]),
    ("All 42 ICBs were assessed while several remain in segment 4.", [("icb", (), 42)]),
]
WHOLE_IN_A_SEGMENT = [  # the count is the segment's own
    ("All 42 ICBs are in segment 2 or 3.", [("icb", (2, 3), 42)]),
    ("Twelve trusts, most of them acute, are in segment 4.", [("trust", (4,), 12)]),
    ("Twelve trusts are in segment 4 and most of the rest are in segment 3.", [("trust", (4,), 12)]),
    ("Twelve trusts that some regard as failing are in segment 4.", [("trust", (4,), 12)]),
]


@pytest.mark.parametrize("text, expected", VAGUE_AFTER_A_WHOLE + WHOLE_IN_A_SEGMENT)
def test_a_vague_quantity_takes_the_segment_after_it(nlp: Language, text: str, expected: list[Row]) -> None:
    assert [row for row in claims_of(nlp, text) if row[2] is not None] == expected


@pytest.mark.parametrize("text", ["Of the 134 acute trusts, 25% at present are in segment 4.",
                                  "Of the 134 acute trusts, 25% at the end of June were in segment 4."])
def test_a_share_at_a_time_is_a_share_of_the_trusts(nlp: Language, text: str) -> None:
    assert [(c.segments, c.percent) for c in result_of(nlp, text).claims if c.percent] == [((4,), 25)]
