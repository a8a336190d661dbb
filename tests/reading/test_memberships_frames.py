"""Placement frames: every way a sentence places, keeps, moves or removes a named organisation.

Each table is one construction in many phrasings (tense, voice, word order, numerals and
words, quotes, what stands between the parts), written by us. Rows give the framework the
document is read under, since descriptors mean different segments in different frameworks,
and the memberships expected as ``(name, segment, from_segment)``: a leaver whose new
segment is not stated has ``segment`` empty and ``from_segment`` the one it left; a future
or recommended placement ("will be placed", "a recommendation to place") is a membership
of the segment named, as the contract's gold counts it.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.reading import read_doc

Row = tuple[str, int | None, int | None]


def placements(nlp: Language, text: str, framework: str) -> list[Row]:
    doc = nlp(text)
    doc._.framework = framework
    return [(m.name, m.segment, m.from_segment) for m in read_doc(doc).memberships]


# An active verb places its object: the agent (NHS England, the regulator) is not the organisation.
ACTIVE = [
    ("NHS England has allocated Medway NHS Foundation Trust to segment four.", "nof2022",
     [("Medway NHS Foundation Trust", 4, None)]),
    ("NHS England placed Barts Health in Segment 3 last week.", "nof2022", [("Barts Health", 3, None)]),
    ("The regulator is putting East Kent Hospitals into segment 4 of the NHS Oversight Framework.", "nof2022",
     [("East Kent Hospitals", 4, None)]),
    ("Regional leaders have now assigned Wye Valley NHS Trust to ‘segment 2’.", "nof2022",
     [("Wye Valley NHS Trust", 2, None)]),
    ("NHS Improvement will place Medway NHS Foundation Trust in special measures.", "sof2016",
     [("Medway NHS Foundation Trust", 4, None)]),
    ("Last month the national team moved Barts Health into NOF 3.", "nof2022", [("Barts Health", 3, None)]),
    ("NHS England has allocated Medway NHS Foundation Trust and the Kent and Medway ICB to segment 4.", "nof2022",
     [("Medway NHS Foundation Trust", 4, None), ("Kent and Medway ICB", 4, None)]),
    ("NHS Improvement removed Wye Valley NHS Trust from special measures in June.", "sof2016",
     [("Wye Valley NHS Trust", None, 4)]),
    ("The national team is taking East Kent Hospitals out of the Recovery Support Programme.", "sof2021",
     [("East Kent Hospitals", None, 4)]),
    ("We have lifted Barts Health out of special measures for quality.", "sof2016", [("Barts Health", None, 4)]),
    # a first complement between the object and the segment
    ("This quarter's figures have put Barts Health 97th overall and into segment 4.", "nof2025",
     [("Barts Health", 4, None)]),
    ("NHS England moved Wye Valley NHS Trust out of segment 4 and into segment 3.", "nof2022",
     [("Wye Valley NHS Trust", 3, 4)]),
    ("Barts Health came 12th. The data puts it 12th in the table and in Segment One.", "nof2025",
     [("Barts Health", 1, None)]),
]


@pytest.mark.parametrize(("text", "framework", "expected"), ACTIVE)
def test_an_active_verb_places_its_object(nlp: Language, text: str, framework: str, expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


# 'it' or 'the trust' stands for the organisation named earlier in the sentence or in the one before.
STAND_INS = [
    ("Barts Health finished 40th of 134. That leaves it in the bottom of the four segments.", "nof2025",
     [("Barts Health", 4, None)]),
    ("Barts Health is the region's best, ranked 12th with a score of 1.9, placing it in Segment 2.", "nof2025",
     [("Barts Health", 2, None)]),
    ("Wye Valley NHS Trust was inspected again in May. NHS Improvement then removed it from special measures.",
     "sof2016", [("Wye Valley NHS Trust", None, 4)]),
    # a self-reference the linker resolves keeps the words it was written in (its code names the trust)
    ("Medway NHS Foundation Trust's progress was noted, allowing the trust to be lifted from segment 4.",
     "nof2022", [("the trust", None, 4)]),
    ("East Kent Hospitals was inspected in March. Inspectors said it should stay in segment three.", "nof2022",
     [("East Kent Hospitals", 3, None)]),
    ("Wye Valley NHS Trust has a new chair. It remains in segment 2.", "nof2022", [("Wye Valley NHS Trust", 2, None)]),
    ("Barts Health published its plan. The trust has been placed in segment 3.", "nof2022",
     [("The trust", 3, None)]),
    ("Medway NHS Foundation Trust improved its finances, so the regulator took it out of special measures.",
     "sof2016", [("Medway NHS Foundation Trust", None, 4)]),
    # a news lede describes the trust first and names it in the next sentence
    ("A hospital trust long ranked bottom of its region marked the day it became the county's first to "
     "leave special measures. Inspectors praised Barts Health for its maternity care.", "sof2016",
     [("Barts Health", None, 4)]),
    ("An ambulance trust said today it has been moved into segment 3. Wye Valley NHS Trust thanked its staff.",
     "nof2022", [("Wye Valley NHS Trust", 3, None)]),
    # ... but not when the next sentence names more than one organisation
    ("A hospital trust was celebrating today as it left special measures. Inspectors praised Barts Health and "
     "Wye Valley NHS Trust.", "sof2016", []),
]


@pytest.mark.parametrize(("text", "framework", "expected"), STAND_INS)
def test_a_stand_in_takes_the_named_organisation(nlp: Language, text: str, framework: str,
                                                 expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


# Exits: the segment left, and the new one only when the text states it.
EXITS = [
    ("Last autumn Medway NHS Foundation Trust exited special measures.", "sof2016",
     [("Medway NHS Foundation Trust", None, 4)]),
    ("Barts Health has this week been taken out of special measures.", "sof2016", [("Barts Health", None, 4)]),
    ("Wye Valley NHS Trust was lifted out of quality special measures today.", "sof2016",
     [("Wye Valley NHS Trust", None, 4)]),
    ("East Kent Hospitals is no longer in “special measures”.", "sof2016", [("East Kent Hospitals", None, 4)]),
    ("Barts Health has been removed from the Recovery Support Programme.", "nof2022", [("Barts Health", None, 4)]),
    ("Medway NHS Foundation Trust left the RSP in May.", "sof2021", [("Medway NHS Foundation Trust", None, 4)]),
    ("Wye Valley NHS Trust has been lifted from segmentation 4 of the national Oversight Framework.", "nof2022",
     [("Wye Valley NHS Trust", None, 4)]),
    ("East Kent Hospitals will move from mandated intensive support to mandated regional support.", "nof2022",
     [("East Kent Hospitals", 3, 4)]),
    ("Barts Health exited special measures and has moved to segment 3.", "sof2016", [("Barts Health", 3, 4)]),
    ("Barts Health has been taken off the Recovery Support Programme.", "nof2022", [("Barts Health", None, 4)]),
    ("The review panel recommended Wye Valley NHS Trust be taken off the RSP this year.", "nof2022",
     [("Wye Valley NHS Trust", None, 4)]),
    ("Medway NHS Foundation Trust has been shifted out of Segment 4 and up to Segment 3 this spring.", "nof2022",
     [("Medway NHS Foundation Trust", 3, 4)]),
    ("Barts Health has escaped special measures after five years.", "sof2016", [("Barts Health", None, 4)]),
    ("Wye Valley NHS Trust has finally escaped from the Recovery Support Programme.", "nof2022",
     [("Wye Valley NHS Trust", None, 4)]),
]


@pytest.mark.parametrize(("text", "framework", "expected"), EXITS)
def test_exits(nlp: Language, text: str, framework: str, expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


# Passive, future and recommended placements.
PASSIVE = [
    ("Medway NHS Foundation Trust has been assessed as segment 2.", "nof2022",
     [("Medway NHS Foundation Trust", 2, None)]),
    ("Barts Health was judged to be in segment 3.", "nof2022", [("Barts Health", 3, None)]),
    ("East Kent Hospitals has been deemed a segment 4 trust.", "nof2022", [("East Kent Hospitals", 4, None)]),
    ("From April, Medway NHS Foundation Trust will be placed into ‘segment 4’.", "sof2021",
     [("Medway NHS Foundation Trust", 4, None)]),
    ("Barts Health has been put into the national Recovery Support Programme.", "sof2021",
     [("Barts Health", 4, None)]),
    ("Wye Valley NHS Trust was this year judged to need the help of the Recovery Support Programme.",
     "sof2021", [("Wye Valley NHS Trust", 4, None)]),
    ("East Kent Hospitals now sits in the third segment.", "nof2025", [("East Kent Hospitals", 3, None)]),
    ("Barts Health was assigned to Segment One.", "nof2025", [("Barts Health", 1, None)]),
    ("Medway NHS Foundation Trust is to join the National Provider Improvement Programme.", "nof2025",
     [("Medway NHS Foundation Trust", 5, None)]),
    ("Wye Valley NHS Trust is in receipt of mandated intensive support.", "nof2022",
     [("Wye Valley NHS Trust", 4, None)]),
    ("East Kent Hospitals has been categorised as segment 2.", "nof2022", [("East Kent Hospitals", 2, None)]),
    ("Barts Health, which runs five hospitals, is in NOF4.", "nof2022", [("Barts Health", 4, None)]),
    ("Wye Valley NHS Trust was placed joint 124th, also in segment 4.", "nof2025", [("Wye Valley NHS Trust", 4, None)]),
]


@pytest.mark.parametrize(("text", "framework", "expected"), PASSIVE)
def test_passive_future_and_recommended(nlp: Language, text: str, framework: str, expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


# Several organisations in one frame.
SEVERAL = [
    ("Medway NHS Foundation Trust and Barts Health have been placed in segment 4.", "nof2022",
     [("Medway NHS Foundation Trust", 4, None), ("Barts Health", 4, None)]),
    ("Barts Health, the Medway NHS Foundation Trust and Wye Valley NHS Trust were likewise put in segment "
     "four.", "nof2022",
     [("Barts Health", 4, None), ("Medway NHS Foundation Trust", 4, None), ("Wye Valley NHS Trust", 4, None)]),
    ("NHS England placed Barts Health and Wye Valley NHS Trust in segment 3.", "nof2022",
     [("Barts Health", 3, None), ("Wye Valley NHS Trust", 3, None)]),
    ("Our thanks go to Barts Health, Wye Valley and Medway trusts which have now left special measures.",
     "sof2016", [("Barts Health", None, 4), ("Wye Valley", None, 4), ("Medway", None, 4)]),
    ("Colleagues at Barts Health and Wye Valley trusts that have left special measures were praised.", "sof2016",
     [("Barts Health", None, 4), ("Wye Valley", None, 4)]),
    ("East Kent Hospitals & Medway NHS Foundation Trust remain in segment 4.", "nof2022",
     [("East Kent Hospitals", 4, None), ("Medway NHS Foundation Trust", 4, None)]),
    ("Both Barts Health and Wye Valley NHS Trust are now in Segment Two.", "nof2022",
     [("Barts Health", 2, None), ("Wye Valley NHS Trust", 2, None)]),
    ("NHS Improvement has removed Barts Health and Wye Valley NHS Trust from special measures.", "sof2016",
     [("Barts Health", None, 4), ("Wye Valley NHS Trust", None, 4)]),
]


@pytest.mark.parametrize(("text", "framework", "expected"), SEVERAL)
def test_several_organisations_in_one_frame(nlp: Language, text: str, framework: str, expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


BULLETS = ("\n- NHS Kent and Medway ICB\n- Medway NHS Foundation Trust\n- East Kent Hospitals\n")
# names and segments paired in order, and a body added after 'with'
PAIRED = [
    ("Walsall Healthcare NHS Trust and Barts Health are in segments 2 and 3 respectively.", "nof2022",
     [("Walsall Healthcare NHS Trust", 2, None), ("Barts Health", 3, None)]),
    ("Walsall Healthcare NHS Trust and Barts Health are in segment 2 and segment 3 respectively.", "nof2022",
     [("Walsall Healthcare NHS Trust", 2, None), ("Barts Health", 3, None)]),
    ("Walsall Healthcare NHS Trust and Barts Health hope to reach segments 2 and 3 respectively.", "nof2022", []),
    ("Medway NHS Foundation Trust was placed 54th of the 134 acute trusts in segment 3.", "nof2025",
     [("Medway NHS Foundation Trust", 3, None)]),
    ("Barts Health was ranked 8th out of all 134 acute trusts in segment 1.", "nof2025", [("Barts Health", 1, None)]),
    ("Barts Health remains in segment 3, with Medway NHS Foundation Trust in segment 1.", "nof2022",
     [("Barts Health", 3, None), ("Medway NHS Foundation Trust", 1, None)]),
    ("Barts Health sits in segment 3, with Medway NHS Foundation Trust in segment 4 and Wye Valley NHS Trust in "
     "segment 2.", "nof2022",
     [("Barts Health", 3, None), ("Medway NHS Foundation Trust", 4, None), ("Wye Valley NHS Trust", 2, None)]),
]


@pytest.mark.parametrize(("text", "framework", "expected"), PAIRED)
def test_paired_and_added_placements(nlp: Language, text: str, framework: str, expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


IN_FOUR = [("NHS Kent and Medway ICB", 4, None), ("Medway NHS Foundation Trust", 4, None),
           ("East Kent Hospitals", 4, None)]
NAMED_BEFORE = "Medway NHS Foundation Trust, East Kent Hospitals and the Kent and Medway ICB were reviewed. "

# A counted group placed as one: its members are named in the sentences (or bulleted list) around it.
COUNTED = [
    ("NHS England has decided to place the three organisations into segment 4. They are:" + BULLETS, "nof2022",
     IN_FOUR),
    ("A recommendation has been made to place the three organisations in NOF Segment 4. The organisations are:"
     + BULLETS, "nof2022",
     IN_FOUR),
    ("The regulator will put all three organisations into the Recovery Support Programme. They are:" + BULLETS,
     "sof2021",
     IN_FOUR),
    (NAMED_BEFORE + "NHS England then moved the three organisations into segment 3.", "nof2022",
     [("Medway NHS Foundation Trust", 3, None), ("East Kent Hospitals", 3, None), ("Kent and Medway ICB", 3, None)]),
    (NAMED_BEFORE + "NHS England has now removed these three organisations from the Recovery Support Programme.",
     "nof2022",
     [("Medway NHS Foundation Trust", None, 4), ("East Kent Hospitals", None, 4), ("Kent and Medway ICB", None, 4)]),
    ("Barts Health and Wye Valley NHS Trust were inspected in May. NHS England placed the two trusts in segment 2.",
     "nof2022", [("Barts Health", 2, None), ("Wye Valley NHS Trust", 2, None)]),
    ("Barts Health and Wye Valley NHS Trust were inspected in May. Both have been escalated to segment 4.",
     "nof2022", [("Barts Health", 4, None), ("Wye Valley NHS Trust", 4, None)]),
    (NAMED_BEFORE + "All three were downgraded to segment 3 in June.", "nof2022",
     [("Medway NHS Foundation Trust", 3, None), ("East Kent Hospitals", 3, None), ("Kent and Medway ICB", 3, None)]),
    # the count does not fit the names around it: nobody is guessed
    ("Barts Health and Wye Valley NHS Trust were inspected in May. NHS England placed the four trusts in "
     "segment 2.", "nof2022", []),
    ("NHS England will place the five organisations into segment 4. They are:" + BULLETS, "nof2022", []),
]


@pytest.mark.parametrize(("text", "framework", "expected"), COUNTED)
def test_a_counted_group_placed_as_one(nlp: Language, text: str, framework: str, expected: list[Row]) -> None:
    assert sorted(placements(nlp, text, framework)) == sorted(expected)


# Traps: nothing here places a named organisation in a segment.
NOT_PLACEMENTS = [
    ("Many trusts that have been in special measures for years are still struggling.", "sof2016"),
    ("Barts Health remains in financial special measures.", "sof2016"),
    ("Medway NHS Foundation Trust was put into special measures for financial reasons.", "sof2016"),
    ("East Kent Hospitals missed the category 2 response time standard again.", "nof2025"),
    ("Barts Health is in Tier 1 for elective and cancer recovery.", "nof2022"),
    ("Medway NHS Foundation Trust is in the top tier for urgent care improvement funding.", "nof2022"),
    ("Barts Health is in the bottom tier of the elective programme.", "nof2022"),
    ("East Kent Hospitals sits in the lowest tier for capital allocations this year.", "nof2022"),
    # a place opening the sentence is no subject, nor is a body before a numbered 'None of ...'
    ("NHS Humber and North Yorkshire Integrated Care Board met. Across the Humber and North Yorkshire system, two of "
     "our eight NHS trusts were in segment 2.", "nof2022"),
    ("Within the Kent and Medway ICS, three providers are in segment 3.", "nof2022"),
    ("3.1 NHS Kent and Medway Integrated Care Board reported on its providers.\n3.2 None of the system's providers is "
     "in segment 1.", "nof2022"),
    ("Medway NHS Foundation Trust targets a new market segment of private patients.", "nof2022"),
    ("Is Barts Health going to be placed in segment 4?", "nof2022"),
    ("Wye Valley NHS Trust will no longer receive mandated support over its finances.", "sof2016"),
    ("East Kent Hospitals has not been placed in segment 4.", "nof2022"),
    ("If Barts Health were placed in segment 4 it would get more help.", "nof2022"),
    ("Medway NHS Foundation Trust is in category four of the league table.", "nof2025"),
    ("Barts Health is in the second-lowest of the five segments.", "nof2025"),
    # the one who places is not the one placed
    ("Barts Health had a bad year. NHS England said it has placed trusts with large deficits in segment 4.",
     "nof2022"),
    ("Wye Valley NHS Trust is struggling. The regulator confirmed it is putting three trusts into segment 4.",
     "nof2022"),
    ("Medway NHS Foundation Trust has moved its patients into the new segment 3 wards.", "nof2022"),
    ("NHS England placed Barts Health under review, and it is in talks about segment 4.", "nof2022"),
    ("Wye Valley NHS Trust is now in a better position than segment 3 suggests.", "nof2022"),
    ("East Kent Hospitals has been in discussions with regulators over special measures.", "sof2016"),
    # a negative subject names nobody, whatever the sentence before named
    ("Barts Health published its report. No provider in the system entered segment 4 this quarter.", "nof2022"),
    ("Wye Valley NHS Trust met on Monday. No other trust in the region has been placed in segment 4.", "nof2022"),
    ("Medway NHS Foundation Trust's board met. Neither of its neighbours is in segment 4.", "nof2022"),
]


@pytest.mark.parametrize(("text", "framework"), NOT_PLACEMENTS)
def test_traps_place_nobody(nlp: Language, text: str, framework: str) -> None:
    assert placements(nlp, text, framework) == []


# Moves told with other verbs: the segment named after the verb is where the organisation is now.
MOVES = [
    ("Barts Health was downgraded to segment 4.", "nof2022", [("Barts Health", 4, None)]),
    ("Wye Valley NHS Trust has been upgraded to Segment Two.", "nof2022", [("Wye Valley NHS Trust", 2, None)]),
    ("East Kent Hospitals has been escalated to segment 4 by NHS England.", "nof2022",
     [("East Kent Hospitals", 4, None)]),
    ("Medway NHS Foundation Trust was de-escalated to segment 3.", "nof2022",
     [("Medway NHS Foundation Trust", 3, None)]),
    ("Barts Health stepped down to segment 3 in June.", "nof2022", [("Barts Health", 3, None)]),
    ("Wye Valley NHS Trust has been moved up to ‘segment 1’.", "nof2022", [("Wye Valley NHS Trust", 1, None)]),
    ("East Kent Hospitals slipped from segment two to segment three.", "nof2022", [("East Kent Hospitals", 3, 2)]),
    ("Medway NHS Foundation Trust climbed from segment 4 into segment 3.", "nof2022",
     [("Medway NHS Foundation Trust", 3, 4)]),
    # the segment left after the target
    ("Barts Health has moved up to segment 2 from segment 3.", "nof2022", [("Barts Health", 2, 3)]),
    ("Wye Valley NHS Trust was put into segment four from segment three in March.", "nof2022",
     [("Wye Valley NHS Trust", 4, 3)]),
    ("East Kent Hospitals has dropped to segment 4 from 3, its lowest yet.", "nof2022",
     [("East Kent Hospitals", 4, 3)]),
    ("Medway NHS Foundation Trust rose to segment 2 from 3 in the latest update.", "nof2022",
     [("Medway NHS Foundation Trust", 2, 3)]),
    ("Barts Health is in segment 3 from 1 April.", "nof2022", [("Barts Health", 3, None)]),
    # out of one segment and into another, with or without 'and'
    ("Norfolk and Waveney ICB has been moved out of segment 4 and into segment 3.", "nof2022",
     [("Norfolk and Waveney ICB", 3, 4)]),
    ("Barts Health has moved out of segment 4 into segment 3.", "nof2022", [("Barts Health", 3, 4)]),
    ("East Kent Hospitals came out of the Recovery Support Programme and into segment 3 in May.", "nof2022",
     [("East Kent Hospitals", 3, 4)]),
    # a clause after a semicolon hands the subject on with 'it'
    ("Wye Valley NHS Trust is no longer in segment 4; it is now in segment 3.", "nof2022",
     [("Wye Valley NHS Trust", 3, 4)]),
    ("Medway NHS Foundation Trust has not been placed in segment 4; it remains in segment 2.", "nof2022",
     [("Medway NHS Foundation Trust", 2, None)]),
    # the segment a relative clause or an apposition says it was in
    ("Wye Valley NHS Trust, which was in segment 3, has moved to segment 2.", "nof2022",
     [("Wye Valley NHS Trust", 2, 3)]),
    ("Barts Health, previously in segment 3, has moved to segment 2.", "nof2022", [("Barts Health", 2, 3)]),
    ("Wye Valley NHS Trust, in segment 4 until 2023, is now in segment 3.", "nof2022",
     [("Wye Valley NHS Trust", 3, 4)]),
    ("East Kent Hospitals will stay in segment 4 until next year.", "nof2022", [("East Kent Hospitals", 4, None)]),
    ("Barts Health, in segment 4 for two years until 2023, is now in segment 3.", "nof2022",
     [("Barts Health", 3, 4)]),
    ("Wye Valley NHS Trust has been placed in segment 3, down from segment 2.", "nof2022",
     [("Wye Valley NHS Trust", 3, 2)]),
    ("Medway NHS Foundation Trust is in segment 2, up from segment 3 last year.", "nof2022",
     [("Medway NHS Foundation Trust", 2, 3)]),
]


@pytest.mark.parametrize(("text", "framework", "expected"), MOVES)
def test_moves(nlp: Language, text: str, framework: str, expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


# A noun carries the placement after a possessive; a segment can open the sentence.
NOUNS_AND_INVERSIONS = [
    ("NHS England confirmed Barts Health's exit from the Recovery Support Programme.", "nof2022",
     [("Barts Health", None, 4)]),
    ("Wye Valley NHS Trust's move from segment 3 to segment 2 was confirmed.", "nof2022",
     [("Wye Valley NHS Trust", 2, 3)]),
    ("East Kent Hospitals was reviewed. The regional team then set out the trust’s formal transition to SOF 3.",
     "sof2021",
     [("East Kent Hospitals", 3, None)]),
    ("We welcome Medway NHS Foundation Trust’s removal from special measures.", "sof2016",
     [("Medway NHS Foundation Trust", None, 4)]),
    ("Barts Health's placement in segment 4 surprised nobody.", "nof2022", [("Barts Health", 4, None)]),
    ("In segment 4 are Barts Health and Wye Valley NHS Trust.", "nof2022",
     [("Barts Health", 4, None), ("Wye Valley NHS Trust", 4, None)]),
    ("In Segment 1 are East Kent Hospitals, Barts Health and Medway NHS Foundation Trust.", "nof2022",
     [("East Kent Hospitals", 1, None), ("Barts Health", 1, None), ("Medway NHS Foundation Trust", 1, None)]),
    ("Barts Health, currently in segment 3, has a new chief executive.", "nof2022", [("Barts Health", 3, None)]),
]


@pytest.mark.parametrize(("text", "framework", "expected"), NOUNS_AND_INVERSIONS)
def test_nouns_and_inversions(nlp: Language, text: str, framework: str, expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


# A leave and where the organisation went, told in neighbouring sentences, are one move; 'it' can
# reach back past sentences that speak of the organisation only as 'the trust' or 'it'.
ACROSS_SENTENCES = [
    # a partner named after one body's sentence is not a member of the segment before
    ("Medway NHS Foundation Trust is now in segment 3. The trust has been run alongside Dartford and Gravesham NHS "
     "Trust, whose leadership team took over in 2017.", "sof2016", [("Medway NHS Foundation Trust", 3, None)]),
    ("Medway NHS Foundation Trust is in segment 3. The trust works with Dartford and Gravesham NHS Trust.", "sof2016",
     [("Medway NHS Foundation Trust", 3, None)]),
    ("Barts Health and Medway NHS Foundation Trust are in special measures. The trusts in the programme include "
     "Dartford and Gravesham NHS Trust.", "sof2016",
     [("Barts Health", 4, None), ("Medway NHS Foundation Trust", 4, None), ("Dartford and Gravesham NHS Trust", 4,
                                                                          None)]),
    ("Medway NHS Foundation Trust exits special measures today. It will move into segment 3.", "sof2016",
     [("Medway NHS Foundation Trust", 3, 4)]),
    ("Barts Health has left the Recovery Support Programme. It now sits in segment 3.", "nof2022",
     [("Barts Health", 3, 4)]),
    ("Wye Valley NHS Trust came out of special measures in May. The trust is now in segment two.", "sof2016",
     [("Wye Valley NHS Trust", 2, 4)]),
    ("East Kent Hospitals exits special measures. Inspectors rated the trust good, and the regulator agreed the "
     "trust can leave. It will move into segment 3.", "sof2016", [("East Kent Hospitals", 3, 4)]),
    ("Barts Health has moved from segment 4 to segment 3. Barts Health has left the Recovery Support Programme.",
     "nof2022", [("Barts Health", 3, 4)]),
    ("Medway NHS Foundation Trust has been removed from the RSP, which it joined in 2021. The trust moves to "
     "segment 3.", "sof2021", [("Medway NHS Foundation Trust", 3, 4)]),
    # another organisation named in between: 'it' is that one
    ("Barts Health exits special measures. Wye Valley NHS Trust was inspected too. It remains in segment 3.",
     "sof2016", [("Barts Health", None, 4), ("Wye Valley NHS Trust", 3, None)]),
    # a sentence about something else in between: the chain breaks
    ("Barts Health exits special measures. The weather was cold. It remains in segment 3.", "sof2016",
     [("Barts Health", None, 4)]),
    # the spell the leave ended, told after it, is no new placement
    ("Medway NHS Foundation Trust has been taken out of special measures. It had been in special measures "
     "since December 2013.", "sof2016", [("Medway NHS Foundation Trust", None, 4)]),
    ("Barts Health has exited the Recovery Support Programme. The trust entered the programme in 2021.",
     "nof2022", [("Barts Health", None, 4)]),
    ("Wye Valley NHS Trust has left segment 4. It was placed in segment 4 two years ago.", "nof2022",
     [("Wye Valley NHS Trust", None, 4)]),
    # ... or told in the same sentence: the later of an entry and an exit is where it is now
    ("We note the progress Barts Health has made since the trust entered special measures in 2016, and "
     "confirm that the trust has now been taken out of special measures.", "sof2016", [("the trust", None, 4)]),
]


@pytest.mark.parametrize(("text", "framework", "expected"), ACROSS_SENTENCES)
def test_across_sentences(nlp: Language, text: str, framework: str, expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


# The segment named before the organisation: as an attribute, or lifted from it.
SEGMENT_FIRST = [
    ("Segment 4 trust Barts Health has a new chair.", "nof2022", [("Barts Health", 4, None)]),
    ("The segment 3 provider Wye Valley NHS Trust has a new chair.", "nof2022", [("Wye Valley NHS Trust", 3, None)]),
    ("NHS Improvement lifted special measures at Barts Health in March.", "sof2016", [("Barts Health", None, 4)]),
    ("Special measures have been lifted at Wye Valley NHS Trust.", "sof2016", [("Wye Valley NHS Trust", None, 4)]),
    ("The regulator ended special measures for Medway NHS Foundation Trust today.", "sof2016",
     [("Medway NHS Foundation Trust", None, 4)]),
    ("Special measures were finally removed at East Kent Hospitals.", "sof2016", [("East Kent Hospitals", None, 4)]),
    ("Special measures at Barts Health were a shock to staff.", "sof2016", []),
    ("Segment 4 for Barts Health is a blow.", "nof2022", []),
    ("Barts Health ended the year in segment 4.", "nof2022", [("Barts Health", 4, None)]),
]


@pytest.mark.parametrize(("text", "framework", "expected"), SEGMENT_FIRST)
def test_segment_named_first(nlp: Language, text: str, framework: str, expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


# A subject that keeps counted company: the named organisation is placed, the others are a count.
COMPANY = [
    ("Barts Health and three other trusts have been placed in segment 4.", "nof2022", [("Barts Health", 4, None)]),
    # a place opening the sentence leaves the subject after it
    ("In Kent, Medway NHS Foundation Trust is in segment 3.", "nof2022", [("Medway NHS Foundation Trust", 3, None)]),
    ("Across the North East, Gateshead Health NHS Foundation Trust remains in segment 1.", "nof2022",
     [("Gateshead Health NHS Foundation Trust", 1, None)]),
    ("Wye Valley NHS Trust and two others were moved into segment 3.", "nof2022", [("Wye Valley NHS Trust", 3, None)]),
    ("East Kent Hospitals, along with four other trusts, is in segment 4.", "nof2022",
     [("East Kent Hospitals", 4, None)]),
    ("Medway NHS Foundation Trust together with 2 other providers remains in Segment Three.", "nof2022",
     [("Medway NHS Foundation Trust", 3, None)]),
    ("Barts Health and three other acute trusts in London remain in segment 4.", "nof2022",
     [("Barts Health", 4, None)]),
    ("Wye Valley NHS Trust, alongside five other organisations, has exited the Recovery Support Programme.",
     "nof2022", [("Wye Valley NHS Trust", None, 4)]),
    ("East Kent Hospitals plus two other trusts will be put into special measures.", "sof2016",
     [("East Kent Hospitals", 4, None)]),
    ("Barts Health and 12 other trusts are not in segment 4.", "nof2022", []),
]


@pytest.mark.parametrize(("text", "framework", "expected"), COMPANY)
def test_a_subject_with_counted_company(nlp: Language, text: str, framework: str, expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


# Expected, recommended and aimed-for moves: a placement that is expected or recommended counts,
# an aim or a risk places nobody, and an organisation aiming to leave is still where it is.
AIMS = [
    ("Barts Health is expected to be placed in segment 4.", "nof2022", [("Barts Health", 4, None)]),
    ("Wye Valley NHS Trust has been recommended for segment 4.", "nof2022", [("Wye Valley NHS Trust", 4, None)]),
    ("East Kent Hospitals is due to move into segment 3 next month.", "nof2022", [("East Kent Hospitals", 3, None)]),
    ("Medway NHS Foundation Trust is set to enter the Recovery Support Programme.", "nof2022",
     [("Medway NHS Foundation Trust", 4, None)]),
    ("Barts Health is at risk of being placed in segment 4.", "nof2022", []),
    ("Wye Valley NHS Trust hopes to move into segment 2 within a year.", "nof2022", []),
    ("East Kent Hospitals aims to exit the Recovery Support Programme by March.", "nof2022",
     [("East Kent Hospitals", 4, None)]),
    ("Medway NHS Foundation Trust remains on track to exit the RSP by the summer.", "nof2022",
     [("Medway NHS Foundation Trust", 4, None)]),
    ("Barts Health is working towards leaving special measures.", "sof2016", [("Barts Health", 4, None)]),
    ("Barts Health, which is in segment 4, expects to exit the Recovery Support Programme in March.", "nof2022",
     [("Barts Health", 4, None)]),
    ("Wye Valley NHS Trust expects to leave segment 4 next year.", "nof2022", [("Wye Valley NHS Trust", 4, None)]),
    ("East Kent Hospitals is preparing to exit the RSP.", "nof2022", [("East Kent Hospitals", 4, None)]),
    ("Medway NHS Foundation Trust plans to leave special measures within a year.", "sof2016",
     [("Medway NHS Foundation Trust", 4, None)]),
    ("Barts Health is poised to exit segment 4 in the spring.", "nof2022", [("Barts Health", 4, None)]),
    ("Wye Valley NHS Trust intends to move into segment 2.", "nof2022", []),
    ("Barts Health expects to remain in segment 4 for two more quarters.", "nof2022", [("Barts Health", 4, None)]),
    ("Medway NHS Foundation Trust hopes to stay in segment 1.", "nof2022", [("Medway NHS Foundation Trust", 1, None)]),
    # a threat, or one avoided, places nobody
    ("Barts Health faces being put into segment 4.", "nof2022", []),
    ("Wye Valley NHS Trust risks being placed in segment 4 next year.", "nof2022", []),
    ("East Kent Hospitals is under threat of being moved into segment 4.", "nof2022", []),
    ("Medway NHS Foundation Trust has avoided being placed in segment 4 and remains in segment 2.", "nof2022",
     [("Medway NHS Foundation Trust", 2, None)]),
]


@pytest.mark.parametrize(("text", "framework", "expected"), AIMS)
def test_expected_recommended_and_aimed_for(nlp: Language, text: str, framework: str, expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


# An earlier state told beside a placement of the same organisation is where it moved from.
EARLIER_STATES = [
    ("Barts Health had been in segment 3. It now moves into segment 4.", "nof2022", [("Barts Health", 4, 3)]),
    ("Wye Valley NHS Trust has been placed in segment 4. The trust had been in segment 3.", "nof2022",
     [("Wye Valley NHS Trust", 4, 3)]),
    ("East Kent Hospitals was previously in segment two. It has now moved into segment 3.", "nof2022",
     [("East Kent Hospitals", 3, 2)]),
    ("Medway NHS Foundation Trust, formerly in segment 2, is now in segment 3.", "nof2022",
     [("Medway NHS Foundation Trust", 3, 2)]),
    ("Barts Health had sat in segment 3 for two years. NHS England has now placed it in segment 4.", "nof2022",
     [("Barts Health", 4, 3)]),
    ('Wye Valley NHS Trust had previously been in "segment 2". This quarter it has dropped to segment 3.',
     "nof2022", [("Wye Valley NHS Trust", 3, 2)]),
    ("East Kent Hospitals had been in segment 1 until June, and is now in segment 2.", "nof2022",
     [("East Kent Hospitals", 2, 1)]),
    ("Medway NHS Foundation Trust had remained in segment 2 since 2022. It has been moved into the Recovery "
     "Support Programme.", "nof2022", [("Medway NHS Foundation Trust", 4, 2)]),
    ("The trust had been in mandated support. It now enters special measures.", "sof2016",
     [("The trust", 4, 3)]),  # a page naming nobody: its own publisher, as written
    # nothing to fold into: the earlier state stays a membership of its own
    ("Barts Health had been in segment 3 in 2019.", "nof2022", [("Barts Health", 3, None)]),
    ("Barts Health had been in segment 3. Wye Valley NHS Trust moves into segment 4.", "nof2022",
     [("Barts Health", 3, None), ("Wye Valley NHS Trust", 4, None)]),
]


@pytest.mark.parametrize(("text", "framework", "expected"), EARLIER_STATES)
def test_an_earlier_state_is_where_a_move_came_from(nlp: Language, text: str, framework: str,
                                                    expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


# A relative clause or apposition after a name and its bracketed short name: names inside it are not the subject.
ASIDES = [
    ("East Suffolk and North Essex NHS Foundation Trust (ESNEFT), which runs two hospitals in Colchester, is also "
     "in segment four, ranked 102nd.", "nof2025", [("ESNEFT", 4, None)]),
    ("Barts Health NHS Trust (Barts), which runs the Royal London, Whipps Cross and Newham hospitals, has been "
     "placed in segment 4.", "nof2025", [("Barts", 4, None)]),
    ("Our partners at Wye Valley NHS Trust (WVT), with whom we share a pathology service, are in segment 3.",
     "nof2025", [("WVT", 3, None)]),
    ("Medway NHS Foundation Trust (MFT), in which the county council has no stake, remains in segment 2.",
     "nof2025", [("MFT", 2, None)]),
    ("Barts Health, to which East Kent Hospitals sends patients, is in segment 4.", "nof2025",
     [("Barts Health", 4, None)]),
    ("Leeds Teaching Hospitals NHS Trust (LTHT), the largest trust in Yorkshire, sits in segment 1.", "nof2025",
     [("LTHT", 1, None)]),
    ("Medway NHS Foundation Trust (MFT), whose chair left in May, is now in segment 2.", "nof2025",
     [("MFT", 2, None)]),
    ("Wye Valley NHS Trust (WVT) is in segment 3.", "nof2025", [("WVT", 3, None)]),
    # an aside telling how the body came to be names its predecessors, which are not the subject
    ("University Hospitals of Derby and Burton NHS Foundation Trust, formed in 2018 when Derby Teaching Hospitals "
     "merged with Burton Hospitals, is in segment 3.", "nof2025",
     [("University Hospitals of Derby and Burton NHS Foundation Trust", 3, None)]),
    ("University Hospitals of Derby and Burton NHS Foundation Trust, established when Derby Teaching Hospitals and "
     "Burton Hospitals merged, remains in segment 3.", "nof2025",
     [("University Hospitals of Derby and Burton NHS Foundation Trust", 3, None)]),
    ("Mersey and West Lancashire Teaching Hospitals NHS Trust, born of the 2023 merger of St Helens and Knowsley "
     "with Southport and Ormskirk, has been placed in segment 3.", "nof2025",
     [("Mersey and West Lancashire Teaching Hospitals NHS Trust", 3, None)]),
    ("Mid Yorkshire Teaching NHS Trust, known until 2023 as Mid Yorkshire Hospitals NHS Trust, is in segment 4.",
     "nof2025", [("Mid Yorkshire Teaching NHS Trust", 4, None)]),
    ("University Hospitals of Derby and Burton NHS Foundation Trust, which was formed from Derby Teaching Hospitals "
     "and Burton Hospitals, is in segment 3.", "nof2025",
     [("University Hospitals of Derby and Burton NHS Foundation Trust", 3, None)]),
    ("Barts Health, Medway NHS Foundation Trust and Wye Valley NHS Trust are in segment 3.", "nof2025",
     [("Barts Health", 3, None), ("Medway NHS Foundation Trust", 3, None), ("Wye Valley NHS Trust", 3, None)]),
    # an apposition saying where the body belongs names its system, which is not the subject
    ("The Queen Elizabeth Hospital King's Lynn NHS Foundation Trust, part of the Norfolk and Waveney integrated "
     "care system, has moved to segment 3.", "nof2022",
     [("The Queen Elizabeth Hospital King's Lynn NHS Foundation Trust", 3, None)]),
    ("Medway NHS Foundation Trust, part of the Kent and Medway ICS, is now in segment 3.", "nof2022",
     [("Medway NHS Foundation Trust", 3, None)]),
    ("Royal Devon University Healthcare NHS Foundation Trust, in the NHS Devon ICB area, is in segment 3.", "nof2022",
     [("Royal Devon University Healthcare NHS Foundation Trust", 3, None)]),
    ("Barts Health, within the North East London system, remains in segment 4.", "nof2022",
     [("Barts Health", 4, None)]),
]

# A spell that has ended places nobody now, unless the sentence says where the body went next.
PAST_SPELLS = [
    ("Medway NHS Foundation Trust spent almost four years in special measures, from July 2013 until March 2017.",
     "sof2016", []),
    ("Barts Health was in special measures between 2013 and 2017.", "sof2016", []),
    ("Wye Valley NHS Trust was in special measures for more than five years.", "sof2016", []),
    ("East Kent Hospitals spent two years in segment 3 of the oversight framework.", "nof2022", []),
    ("Barts Health was in segment 4 from 2021 to 2023.", "nof2022", []),
    # not ended, or a placement for a time, or followed by the move that ended it
    ("Medway NHS Foundation Trust has been in segment 3 for two years.", "nof2022",
     [("Medway NHS Foundation Trust", 3, None)]),
    ("Barts Health has spent two years in segment 4.", "nof2022", [("Barts Health", 4, None)]),
    ("Wye Valley NHS Trust was placed in segment 4 for 12 months from April.", "nof2022",
     [("Wye Valley NHS Trust", 4, None)]),
    ("East Kent Hospitals was in segment 4 for two years until it moved to segment 3 in March.", "nof2022",
     [("East Kent Hospitals", 3, 4)]),
    ("Medway NHS Foundation Trust was in special measures for five years. It is now in segment 3.", "sof2021",
     [("Medway NHS Foundation Trust", 3, 4)]),
    ("The trust spent two years in special measures and has now moved to segment 3.", "sof2021",
     [("The trust", 3, 4)]),
    # the spell dated before its body
    ("Between 2016 and 2019 Barts Health was in special measures.", "sof2016", []),
    ("From 2014 to 2016, Medway NHS Foundation Trust was in special measures.", "sof2016", []),
    ("Ten years ago Wye Valley NHS Trust was in special measures.", "sof2016", []),
    ("For five years East Kent Hospitals was in segment 4 of the oversight framework.", "nof2022", []),
    ("Barts Health was in special measures six years ago.", "sof2016", []),
    # a tally of who has ever been there
    ("Medway NHS Foundation Trust is one of two trusts in Kent to have been in special measures.", "sof2016", []),
    ("Barts Health is the only trust ever to have been placed in special measures twice.", "sof2016", []),
    ("Wye Valley NHS Trust is among the few trusts to have been in segment 4 of the framework.", "nof2022", []),
    ("Barts Health has not ever been in segment 4 and is not now.", "nof2022", []),
    # a placement this quarter, one of several; a placement dated, not a spell
    ("In 2017 Barts Health was placed in special measures.", "sof2016", [("Barts Health", 4, None)]),
    ("Between 2016 and 2019 Barts Health moved from segment 3 to segment 2.", "sof2016", [("Barts Health", 2, 3)]),
    ("Barts Health is one of five trusts to have been placed in segment 4 this quarter.", "nof2022",
     [("Barts Health", 4, None)]),
]


@pytest.mark.parametrize(("text", "framework", "expected"), PAST_SPELLS)
def test_a_past_spell_places_nobody_now(nlp: Language, text: str, framework: str, expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


# A segment given as the value of a body's segment, rating or category.
HELD_VALUES = [
    ("Oversight update\n\n(a) Barts Health – NOF segment 4\n(b) Wye Valley NHS Trust: SOF segment 3\n", "nof2022",
     [("Barts Health", 4, None), ("Wye Valley NHS Trust", 3, None)]),
    ("Walsall Healthcare NHS Trust's NOF segment is 2.", "nof2022", [("Walsall Healthcare NHS Trust", 2, None)]),
    ("Barts Health has an NHS Oversight Framework segment of 3.", "nof2022", [("Barts Health", 3, None)]),
    ("Wye Valley NHS Trust currently holds a segmentation of 2.", "nof2022", [("Wye Valley NHS Trust", 2, None)]),
    ("Bradford Teaching Hospitals NHS Foundation Trust improved its oversight segment from 3 to 2.", "nof2022",
     [("Bradford Teaching Hospitals NHS Foundation Trust", 2, 3)]),
    ("Barts Health has improved its oversight segment from 3 to 2, figures show.", "nof2022", [("Barts Health", 2, 3)]),
    ("Nottingham University Hospitals NHS Trust (NUH) has seen its oversight segmentation moved from 3 to 2.",
     "nof2022", [("Nottingham University Hospitals NHS Trust", 2, 3)]),
    ("Nottingham University Hospitals NHS Trust's oversight segmentation moved from 3 to 2.", "nof2022",
     [("Nottingham University Hospitals NHS Trust", 2, 3)]),
    ("Medway NHS Foundation Trust's oversight rating remains at 4.", "nof2022",
     [("Medway NHS Foundation Trust", 4, None)]),
    ("Walsall Healthcare NHS Trust is in category 2 of the System Oversight Framework.", "sof2021",
     [("Walsall Healthcare NHS Trust", 2, None)]),
    ("Walsall Healthcare NHS Trust has been placed in SOF category 2.", "sof2021",
     [("Walsall Healthcare NHS Trust", 2, None)]),
    ("Medway NHS Foundation Trust | Board papers\nOversight segment: 3\n", "nof2022",
     [("Medway NHS Foundation Trust", 3, None)]),
    # a count, or a body not named, is no one's value
    ("The lowest segment is four trusts strong.", "nof2022", []),
    ("The average segment is 3.", "nof2022", []),
]


@pytest.mark.parametrize(("text", "framework", "expected"), HELD_VALUES)
def test_a_segment_held_as_a_value(nlp: Language, text: str, framework: str, expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


# A bare place opening a placement, inside a quotation or not, is the body the document names in full.
BARE_PLACES = [
    ("Medway NHS Foundation Trust has been praised. Medway is now in segment 2.", "nof2022", [("Medway", 2, None)]),
    ('Medway NHS Foundation Trust has been praised. "Medway is now in segment 2, and that is down to our staff," '
     "said its chief executive.", "nof2022", [("Medway", 2, None)]),
    ("NHS Frimley Integrated Care Board met today. “Frimley is in segment 1,” its chair said.", "nof2022",
     [("Frimley", 1, None)]),
    # a place the document never names a body of stays a place
    ("Medway is now in segment 2.", "nof2022", []),
]


@pytest.mark.parametrize(("text", "framework", "expected"), BARE_PLACES)
def test_a_bare_place_is_the_body_named_in_full(nlp: Language, text: str, framework: str,
                                                expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


# A phrase opening the sentence ('Unlike X,', 'Like X,') governs the names in it: they are not the subject.
FRONTED_PHRASES = [
    ("Unlike neighbouring Dartford and Gravesham NHS Trust, Medway NHS Foundation Trust is in segment 2.", "nof2022",
     [("Medway NHS Foundation Trust", 2, None)]),
    ("Unlike Medway NHS Foundation Trust, East Kent Hospitals is in segment 4.", "nof2022",
     [("East Kent Hospitals", 4, None)]),
    ("Like Barts Health, Wye Valley NHS Trust has been placed in segment 3.", "nof2022",
     [("Wye Valley NHS Trust", 3, None)]),
    ("Like Barts Health, Medway NHS Foundation Trust and East Kent Hospitals, Wye Valley NHS Trust is in segment 3.",
     "nof2022", [("Wye Valley NHS Trust", 3, None)]),
    # a participle phrase opening the sentence places the body named after its comma
    ("Now in segment 2, Wye Valley NHS Trust is aiming for segment 1.", "nof2022", [("Wye Valley NHS Trust", 2, None)]),
    ("Having moved into segment 2 in April, Barts Health is now aiming higher.", "nof2022",
     [("Barts Health", 2, None)]),
    ("Placed in segment 4 by NHS England last month, East Kent Hospitals said it would improve.", "nof2022",
     [("East Kent Hospitals", 4, None)]),
    ("Still in segment 4, the Medway NHS Foundation Trust board has a long way to go.", "nof2022",
     [("Medway NHS Foundation Trust", 4, None)]),
    ("Hoping to move into segment 2, Barts Health has a plan.", "nof2022", []),
]


@pytest.mark.parametrize(("text", "framework", "expected"), FRONTED_PHRASES)
def test_a_fronted_phrase_governs_its_names(nlp: Language, text: str, framework: str, expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


@pytest.mark.parametrize(("text", "framework", "expected"), ASIDES)
def test_an_aside_after_a_short_name_is_not_the_subject(nlp: Language, text: str, framework: str,
                                                        expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


# A segment in apposition to the one just named describes it: no second placement.
RESTATED = [
    ("Mid and South Essex NHS Foundation Trust sits in segment four under the oversight rules, the lowest "
     "tier for trusts not getting help through the Recovery Support Programme.", "nof2025",
     [("Mid and South Essex NHS Foundation Trust", 4, None)]),
    ("Barts Health is in segment 4 – the bottom tier for trusts outside the Recovery Support Programme.", "nof2025",
     [("Barts Health", 4, None)]),
    ("Wye Valley NHS Trust has been placed in NOF4, the lowest segment short of the RSP.", "nof2025",
     [("Wye Valley NHS Trust", 4, None)]),
    ("East Kent Hospitals remains in segment 3 (the third segment of five).", "nof2025",
     [("East Kent Hospitals", 3, None)]),
    ("Medway NHS Foundation Trust is in segment 2, the second-highest tier.", "nof2025",
     [("Medway NHS Foundation Trust", 2, None)]),
    ("Barts Health is in segment 4: the lowest tier before the Recovery Support Programme.", "nof2025",
     [("Barts Health", 4, None)]),
    ("Barts Health now moves into segment 4, the category reserved for trusts in special measures.", "sof2016",
     [("Barts Health", 4, None)]),
    # two placements joined by 'and' are two
    ("Barts Health is in segment 4, and Wye Valley NHS Trust is in segment 5.", "nof2025",
     [("Barts Health", 4, None), ("Wye Valley NHS Trust", 5, None)]),
]


@pytest.mark.parametrize(("text", "framework", "expected"), RESTATED)
def test_a_segment_in_apposition_places_nobody_again(nlp: Language, text: str, framework: str,
                                                     expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


# A counted row or line names what it counts in brackets.
COUNTED_ROWS = [
    ("Segment 1   2 ICBs    (Frimley; Dorset)", "nof2022", [("Frimley", 1, None), ("Dorset", 1, None)]),
    ("Segment 1:   2 ICBs   (Frimley; Dorset)", "nof2022", [("Frimley", 1, None), ("Dorset", 1, None)]),
    ("Segment 1: 2 ICBs (Frimley, Dorset).", "nof2022", [("Frimley", 1, None), ("Dorset", 1, None)]),
    ("In segment 1 there are two ICBs (Frimley and Dorset).", "nof2022", [("Frimley", 1, None), ("Dorset", 1, None)]),
    ("Two ICBs (Frimley and Dorset) are in segment 1.", "nof2022", [("Frimley", 1, None), ("Dorset", 1, None)]),
    ("Segment 4: 3 trusts (Barts Health, Medway NHS Foundation Trust and Wye Valley NHS Trust)", "nof2022",
     [("Barts Health", 4, None), ("Medway NHS Foundation Trust", 4, None), ("Wye Valley NHS Trust", 4, None)]),
    ("Segment 4   5 ICBs    (Recovery Support Programme)", "nof2022", []),
    ("Segment 4: 5 ICBs (Recovery Support Programme)", "nof2022", []),
    ("Segment 2: 13 ICBs (35%)", "nof2022", []),
]


@pytest.mark.parametrize(("text", "framework", "expected"), COUNTED_ROWS)
def test_a_counted_row_names_its_members(nlp: Language, text: str, framework: str, expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


# A segment in a noun phrase that describes the body: an opening 'As a ...' or an apposition.
DESCRIBED = [
    ("As a Segment 3 organisation, Medway NHS Foundation Trust receives support.", "nof2022",
     [("Medway NHS Foundation Trust", 3, None)]),
    ("As an segment 2 provider, East Kent Hospitals has fewer reviews.", "nof2022", [("East Kent Hospitals", 2, None)]),
    ("As a segment four trust, Wye Valley NHS Trust gets intensive support.", "nof2022",
     [("Wye Valley NHS Trust", 4, None)]),
    ("Medway NHS Foundation Trust, a segment 3 trust, met on Monday.", "nof2022",
     [("Medway NHS Foundation Trust", 3, None)]),
    ("Medway NHS Foundation Trust (a segment 2 provider) met on Monday.", "nof2022",
     [("Medway NHS Foundation Trust", 2, None)]),
    ("Barts Health – a segment 4 trust – was discussed.", "nof2022", [("Barts Health", 4, None)]),
    ("Wye Valley NHS Trust, an SOF segment 1 trust, presented first.", "sof2021", [("Wye Valley NHS Trust", 1, None)]),
    # not a description of the body
    ("As a segment 1 trust would, Medway NHS Foundation Trust kept going.", "nof2022", []),
    ("Medway NHS Foundation Trust, like a segment 4 trust, was struggling.", "nof2022", []),
    ("Unlike a segment 4 trust, Medway NHS Foundation Trust has no improvement director.", "nof2022", []),
]


@pytest.mark.parametrize(("text", "framework", "expected"), DESCRIBED)
def test_a_segment_that_describes_the_body(nlp: Language, text: str, framework: str, expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


# A participle or an 'after' phrase tells where the body was before: the move's starting segment.
TOLD_BEFORE = [
    ("The Trust is now in segment 3, having previously been in segment 4.", "nof2022", [("The Trust", 3, 4)]),
    ("Medway NHS Foundation Trust is now in segment 3, having been in segment 4 since 2021.", "nof2022",
     [("Medway NHS Foundation Trust", 3, 4)]),
    ("Barts Health is now in segment 3, after two years in segment 4.", "nof2022", [("Barts Health", 3, 4)]),
    ("Barts Health moved to segment 2 after 18 months in Segment Three.", "nof2022", [("Barts Health", 2, 3)]),
    ("Having left segment 4 in June, Medway NHS Foundation Trust is now in segment 3.", "nof2022",
     [("Medway NHS Foundation Trust", 3, 4)]),
    ("East Kent Hospitals enters special measures, having already been in mandated support.", "sof2016",
     [("East Kent Hospitals", 4, 3)]),
    # the same segment, or another body's: no move
    ("Medway NHS Foundation Trust is in segment 3, having been in segment 3 for two years.", "nof2022",
     [("Medway NHS Foundation Trust", 3, None)]),
    ("Medway NHS Foundation Trust is in segment 3, while Barts Health has been in segment 4 for two years.",
     "nof2022", [("Medway NHS Foundation Trust", 3, None), ("Barts Health", 4, None)]),
    ("Medway NHS Foundation Trust is in segment 3 after a review of segment 4 trusts.", "nof2022",
     [("Medway NHS Foundation Trust", 3, None)]),
]


@pytest.mark.parametrize(("text", "framework", "expected"), TOLD_BEFORE)
def test_a_participle_tells_where_the_move_came_from(nlp: Language, text: str, framework: str,
                                                      expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


# A segment given as a rating or a status: the body given it (an object) or holding it (a subject).
RATINGS_AND_STATUSES = [
    ("NHS England has given Barts Health a segment 3 rating.", "nof2022", [("Barts Health", 3, None)]),
    ("NHS England gave Barts Health a segment 3 rating last week.", "nof2022", [("Barts Health", 3, None)]),
    ("The regulator awarded Wye Valley NHS Trust segment 1 status.", "nof2022", [("Wye Valley NHS Trust", 1, None)]),
    ("NHS England awarded Medway NHS Foundation Trust an NOF 2 rating.", "nof2022",
     [("Medway NHS Foundation Trust", 2, None)]),
    ("NHS England has also awarded Medway NHS Foundation Trust a segment 2 rating.", "nof2022",
     [("Medway NHS Foundation Trust", 2, None)]),
    ("NHS England gave Barts Health and Wye Valley NHS Trust segment 2 status.", "nof2022",
     [("Barts Health", 2, None), ("Wye Valley NHS Trust", 2, None)]),
    ("Wye Valley NHS Trust has been given a segment 2 rating.", "nof2022", [("Wye Valley NHS Trust", 2, None)]),
    ("East Kent Hospitals was awarded segment 1 status.", "nof2022", [("East Kent Hospitals", 1, None)]),
    ("Barts Health has now been handed a segment 4 rating by the regulator.", "nof2022", [("Barts Health", 4, None)]),
    ("Medway NHS Foundation Trust holds segment 2 status.", "nof2022", [("Medway NHS Foundation Trust", 2, None)]),
    ("Barts Health retains segment 2 status.", "nof2022", [("Barts Health", 2, None)]),
    ("Barts Health achieved segment 1 status in June.", "nof2022", [("Barts Health", 1, None)]),
    ("Barts Health received a segment 2 rating from NHS England.", "nof2022", [("Barts Health", 2, None)]),
    ("Barts Health has had its segment 3 rating confirmed.", "nof2022", [("Barts Health", 3, None)]),
    ("Barts Health is rated segment 3 under the oversight framework.", "nof2022", [("Barts Health", 3, None)]),
    ("Barts Health was rated segment four.", "nof2022", [("Barts Health", 4, None)]),
    # denied, foreseen, hoped for, lost, or given to something that is not a body
    ("Barts Health was not given a segment 3 rating.", "nof2022", []),
    ("NHS England will not give Barts Health a segment 1 rating.", "nof2022", []),
    ("NHS England is expected to give Barts Health a segment 4 rating.", "nof2022", []),
    ("If NHS England gives Barts Health a segment 4 rating, the board will respond.", "nof2022", []),
    ("Barts Health could be given a segment 4 rating.", "nof2022", []),
    ("Barts Health hopes to be awarded segment 1 status.", "nof2022", []),
    ("Barts Health lost its segment 1 status.", "nof2022", [("Barts Health", None, 1)]),  # left, not in it
    ("NHS England gave Barts Health's maternity unit a segment 3 rating.", "nof2022", []),
    ("NHS England has given trusts in segment 3 a new rating.", "nof2022", []),
    ("A segment 3 rating means mandated support.", "nof2022", []),
]


@pytest.mark.parametrize(("text", "framework", "expected"), RATINGS_AND_STATUSES)
def test_a_segment_given_as_a_rating_or_status(nlp: Language, text: str, framework: str,
                                               expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


# A body's segment named first, through 'for' or 'of', and its value after a copula or a move.
SEGMENT_FOR_A_BODY = [
    ("The NHS Oversight Framework segment for Barts Health is segment 2.", "nof2022", [("Barts Health", 2, None)]),
    ("The oversight segment for Barts Health is 3.", "nof2022", [("Barts Health", 3, None)]),
    ("The segment for Wye Valley NHS Trust is now segment 3.", "nof2022", [("Wye Valley NHS Trust", 3, None)]),
    ("The current NOF segment for Medway NHS Foundation Trust remains 4.", "nof2022",
     [("Medway NHS Foundation Trust", 4, None)]),
    ("The segment of Barts Health is 2.", "nof2022", [("Barts Health", 2, None)]),
    ("The oversight rating for Barts Health is 2.", "nof2022", [("Barts Health", 2, None)]),
    ("The current segment for Barts Health is \"3\".", "nof2022", [("Barts Health", 3, None)]),
    ("The segment for Barts Health is segment 3 under the new framework.", "nof2022", [("Barts Health", 3, None)]),
    ("The oversight segment for Barts Health was 3 in the last quarter.", "nof2022", [("Barts Health", 3, None)]),
    ("The segmentation for East Kent Hospitals has moved from 3 to 2.", "nof2022", [("East Kent Hospitals", 2, 3)]),
    ("The NOF segment for Barts Health has risen from segment 3 to segment 2.", "nof2022", [("Barts Health", 2, 3)]),
    ("The segmentation for East Kent Hospitals has improved to 2.", "nof2022", [("East Kent Hospitals", 2, None)]),
    # the possessive frame this mirrors
    ("Barts Health's current segmentation is 2.", "nof2022", [("Barts Health", 2, None)]),
    ("Walsall Healthcare NHS Trust's NOF segment is 2.", "nof2022", [("Walsall Healthcare NHS Trust", 2, None)]),
    # no body, another regime's rating, a count, a score, a spell that ended, or a value not given
    ("The average segment for trusts in the region is 3.", "nof2022", []),
    ("The segment for acute trusts is 3.", "nof2022", []),
    ("The CQC rating for Barts Health is 2.", "nof2022", []),
    ("The segment for Barts Health is not yet known.", "nof2022", []),
    ("The segment for Barts Health is expected to be 3.", "nof2022", []),
    ("The segment for Barts Health could be 3.", "nof2022", []),
    ("The segment for Barts Health is 3 weeks overdue.", "nof2022", []),
    ("The segment for Barts Health is 2.5 on average.", "nof2022", []),
    ("The segment for Barts Health was 4 until March.", "nof2022", []),
    ("The segment for Barts Health has changed 3 times.", "nof2022", []),
    ("The segment of trusts like Barts Health is 3.", "nof2022", []),
    ("The number of Barts Health sites is 3.", "nof2022", []),
]


@pytest.mark.parametrize(("text", "framework", "expected"), SEGMENT_FOR_A_BODY)
def test_a_segment_named_for_a_body(nlp: Language, text: str, framework: str, expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


# A move told by its size and direction, with only the segment reached: up is toward segment 1.
SIZED_MOVES = [
    ("Barts Health improved by one segment to segment 2.", "nof2022", [("Barts Health", 2, 3)]),
    ("Barts Health has moved up a segment, to segment 2.", "nof2022", [("Barts Health", 2, 3)]),
    ("Wye Valley NHS Trust dropped two segments to segment 4.", "nof2022", [("Wye Valley NHS Trust", 4, 2)]),
    ("Medway NHS Foundation Trust moved down one segment into segment 3.", "nof2022",
     [("Medway NHS Foundation Trust", 3, 2)]),
    ("Barts Health has risen one segment to segment 2.", "nof2022", [("Barts Health", 2, 3)]),
    ("Barts Health rose by two segments to segment 1.", "nof2022", [("Barts Health", 1, 3)]),
    ("Barts Health fell a segment to segment 4.", "nof2022", [("Barts Health", 4, 3)]),
    ("Barts Health has moved up one segment to segment 3 this quarter.", "nof2022", [("Barts Health", 3, 4)]),
    ("Barts Health was moved down a segment to segment 4.", "nof2022", [("Barts Health", 4, 3)]),
    ("Barts Health has been upgraded by one segment to segment 2.", "nof2022", [("Barts Health", 2, 3)]),
    ("Barts Health moved one segment up to segment 2.", "nof2022", [("Barts Health", 2, 3)]),
    ("Barts Health improved by 1 segment to segment 2.", "nof2022", [("Barts Health", 2, 3)]),
    ("Barts Health has climbed a tier to tier 2.", "nof2022", [("Barts Health", 2, 3)]),
    ("East Kent Hospitals slipped one segment, into segment 4, in March.", "nof2022",
     [("East Kent Hospitals", 4, 3)]),
    ("NHS England moved Barts Health up a segment to segment 2.", "nof2022", [("Barts Health", 2, 3)]),
    ("NHS England moved Barts Health up two segments to segment 1.", "nof2022", [("Barts Health", 1, 3)]),
    ("Barts Health rose a segment to segment 4.", "nof2025", [("Barts Health", 4, 5)]),
    # the segment left, when also named, stands
    ("Barts Health has moved up a segment to segment 2 from segment 3.", "nof2022", [("Barts Health", 2, 3)]),
    # no size or no direction: no segment left; a move beyond the framework's segments, or a hope: nothing
    ("Barts Health moved up to segment 2.", "nof2022", [("Barts Health", 2, None)]),
    ("Barts Health has moved up several segments to segment 2.", "nof2022", []),
    ("Barts Health moved two segments to segment 2.", "nof2022", []),
    ("Barts Health dropped three segments to segment 2.", "nof2022", []),
    ("Barts Health moved up two segments to segment 4.", "nof2022", []),
    ("Barts Health rose a segment to segment 4.", "nof2022", []),
    ("Barts Health fell two segment to segment 4.", "nof2022", []),
    ("Barts Health hopes to move up a segment to segment 2.", "nof2022", []),
    ("Barts Health could drop a segment to segment 4.", "nof2022", []),
    ("Barts Health is one segment away from segment 1.", "nof2022", []),
    ("Barts Health is one segment above segment 4.", "nof2022", []),
    ("Barts Health, which dropped a segment last year, is now in segment 3.", "nof2022", [("Barts Health", 3, None)]),
]


@pytest.mark.parametrize(("text", "framework", "expected"), SIZED_MOVES)
def test_a_move_told_by_its_size(nlp: Language, text: str, framework: str, expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


# A segment cell carrying a note: '(from N)' gives the segment left; '(unchanged)', '(new)' no move.
_PIPES = "Oversight segments\n\n| Trust | Segment |\n| --- | --- |\n"
_SPACED = "Oversight segments\n\nTrust                          Segment\n"
NOTED_CELLS = [
    (_PIPES + "| Barts Health | 2 (unchanged) |\n| Wye Valley NHS Trust | 3 (from 4) |\n"
     "| Medway NHS Foundation Trust | 2 (↑ from 3) |\n| East Kent Hospitals | 4 (new) |\n", "nof2022",
     [("Barts Health", 2, None), ("Wye Valley NHS Trust", 3, 4), ("Medway NHS Foundation Trust", 2, 3),
      ("East Kent Hospitals", 4, None)]),
    (_SPACED + "Barts Health                   2 (unchanged)\nWye Valley NHS Trust           3 (from 4)\n"
     "Medway NHS Foundation Trust    2 (↑ from 3)\nEast Kent Hospitals            4 (new)\n", "nof2022",
     [("Barts Health", 2, None), ("Wye Valley NHS Trust", 3, 4), ("Medway NHS Foundation Trust", 2, 3),
      ("East Kent Hospitals", 4, None)]),
    (_PIPES + "| Barts Health | 3 (↓ from 2) |\n| Wye Valley NHS Trust | segment 3 (was 2) |\n"
     "| Medway NHS Foundation Trust | 2 (up from segment 4) |\n", "nof2022",
     [("Barts Health", 3, 2), ("Wye Valley NHS Trust", 3, 2), ("Medway NHS Foundation Trust", 2, 4)]),
    # an arrow the other way, the same segment, or a note saying more: no move read
    (_PIPES + "| Barts Health | 2 (↓ from 3) |\n| Wye Valley NHS Trust | 2 (from 2) |\n"
     "| East Kent Hospitals | 4 (from 3 in 2023) |\n", "nof2022",
     [("Barts Health", 2, None), ("Wye Valley NHS Trust", 2, None), ("East Kent Hospitals", 4, None)]),
    # a column of the segments left comes first
    ("Oversight segments\n\n| Trust | Segment | Previous segment |\n| --- | --- | --- |\n"
     "| Barts Health | 2 (from 4) | 3 |\n| Wye Valley NHS Trust | 3 (from 4) | |\n", "nof2022",
     [("Barts Health", 2, 3), ("Wye Valley NHS Trust", 3, 4)]),
]


@pytest.mark.parametrize(("text", "framework", "expected"), NOTED_CELLS)
def test_a_noted_segment_cell(nlp: Language, text: str, framework: str, expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


# The members of a group listed after 'including', 'among them', 'such as', 'alongside' or a colon share
# the group's verb: a group that left a segment gives each member that segment left, a group that moved
# gives each the move; a group placed there (or a turn to 'others') still places them in it.
GROUP_LEFT = [
    ("Five trusts have left special measures over the past year, including Wye Valley NHS Trust.", "sof2016",
     [("Wye Valley NHS Trust", None, 4)]),
    ("Five trusts have left special measures over the past year, among them Wye Valley NHS Trust.", "sof2016",
     [("Wye Valley NHS Trust", None, 4)]),
    ("Three trusts left segment 4 this quarter: Wye Valley NHS Trust, Medway NHS Foundation Trust and Barts "
     "Health NHS Trust.", "nof2022",
     [("Wye Valley NHS Trust", None, 4), ("Medway NHS Foundation Trust", None, 4),
      ("Barts Health NHS Trust", None, 4)]),
    ("Two trusts have exited the RSP, including Wye Valley NHS Trust and Medway NHS Foundation Trust.", "nof2022",
     [("Wye Valley NHS Trust", None, 4), ("Medway NHS Foundation Trust", None, 4)]),
    ("Several trusts came out of segment 4 this year, such as Wye Valley NHS Trust.", "nof2022",
     [("Wye Valley NHS Trust", None, 4)]),
    ("Four trusts moved out of segment 4 in the quarter, including Wye Valley NHS Trust.", "nof2022",
     [("Wye Valley NHS Trust", None, 4)]),
    ("Three systems were moved out of segment 4 in the review: Devon ICB and Norfolk and Waveney ICB.", "nof2022",
     [("Devon ICB", None, 4), ("Norfolk and Waveney ICB", None, 4)]),
    ("Medway NHS Foundation Trust has left special measures, alongside Barts Health NHS Trust.", "sof2016",
     [("Medway NHS Foundation Trust", None, 4), ("Barts Health NHS Trust", None, 4)]),
    ("The trusts that have left segment 4 include Medway NHS Foundation Trust and Barts Health NHS Trust.",
     "nof2022", [("Medway NHS Foundation Trust", None, 4), ("Barts Health NHS Trust", None, 4)]),
    ("Among the trusts to have exited special measures this year is Wye Valley NHS Trust.", "sof2016",
     [("Wye Valley NHS Trust", None, 4)]),
    ("Among the trusts that have left segment 4 are Wye Valley NHS Trust and Medway NHS Foundation Trust.",
     "nof2022", [("Wye Valley NHS Trust", None, 4), ("Medway NHS Foundation Trust", None, 4)]),
    # moves
    ("Six trusts moved from segment 3 to segment 2, including Wye Valley NHS Trust.", "nof2022",
     [("Wye Valley NHS Trust", 2, 3)]),
    ("Seven trusts improved from segment 3 to segment 2, among them Barts Health NHS Trust.", "nof2022",
     [("Barts Health NHS Trust", 2, 3)]),
    ("Four trusts dropped into segment 3 from segment 2, including Barts Health NHS Trust.", "nof2022",
     [("Barts Health NHS Trust", 3, 2)]),
    # placed there: the members are in it
    ("Five trusts have entered special measures this year, including Wye Valley NHS Trust.", "sof2016",
     [("Wye Valley NHS Trust", 4, None)]),
    ("Six trusts moved into segment 2, including Wye Valley NHS Trust.", "nof2022",
     [("Wye Valley NHS Trust", 2, None)]),
    ("The trusts in segment 4 include Medway NHS Foundation Trust and Barts Health NHS Trust.", "nof2022",
     [("Medway NHS Foundation Trust", 4, None), ("Barts Health NHS Trust", 4, None)]),
    ("Among the trusts in segment 4 is Medway NHS Foundation Trust.", "nof2022",
     [("Medway NHS Foundation Trust", 4, None)]),
    ("Five trusts have left special measures since 2019, but others, such as Wye Valley NHS Trust, remain there.",
     "sof2016", [("Wye Valley NHS Trust", 4, None)]),
    # who has ever been there is no one's placement now
    ("Among the trusts to have been in special measures is Wye Valley NHS Trust.", "sof2016", []),
    ("Twelve trusts have ever been in special measures, including Wye Valley NHS Trust.", "sof2016", []),
    ("Among the trusts hoping to exit special measures is Wye Valley NHS Trust.", "sof2016", []),
]


@pytest.mark.parametrize(("text", "framework", "expected"), GROUP_LEFT)
def test_a_listed_member_shares_its_groups_move(nlp: Language, text: str, framework: str,
                                               expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


# What a body says, warns or fears about a segment ('would', 'could', 'a move into') places nobody; what it
# says of itself ('it', 'the trust', 'its place in') still places it.
SAID_OF_A_SEGMENT = [
    ("Wye Valley NHS Trust has warned that segment 4 status would hurt recruitment.", "nof2022", []),
    ("Wye Valley NHS Trust says segment 4 status would mean more scrutiny.", "nof2022", []),
    ("Wye Valley NHS Trust warned the board that a move into segment 4 was possible.", "nof2022", []),
    ("Wye Valley NHS Trust fears that segment 4 would damage morale.", "nof2022", []),
    ("Wye Valley NHS Trust said that a place in segment 4 could hit staff morale.", "nof2022", []),
    ("Wye Valley NHS Trust has warned that being placed in segment 4 would hurt recruitment.", "nof2022", []),
    ("Medway NHS Foundation Trust has argued that special measures would slow its recovery.", "sof2016", []),
    # said of itself
    ("Wye Valley NHS Trust said it had been placed in segment 4.", "nof2022", [("Wye Valley NHS Trust", 4, None)]),
    ("Wye Valley NHS Trust said that it remains in segment 3.", "nof2022", [("Wye Valley NHS Trust", 3, None)]),
    ("Wye Valley NHS Trust has warned staff that it is now in segment 4.", "nof2022",
     [("Wye Valley NHS Trust", 4, None)]),
    ("Wye Valley NHS Trust told staff it has now left special measures.", "sof2016",
     [("Wye Valley NHS Trust", None, 4)]),
    ("Wye Valley NHS Trust reports that its position in segment 2 is secure.", "nof2022",
     [("Wye Valley NHS Trust", 2, None)]),
    ("Wye Valley NHS Trust, which NHS England says is in segment 4, has a new chair.", "nof2022",
     [("Wye Valley NHS Trust", 4, None)]),
    ("NHS England said Wye Valley NHS Trust is in segment 3.", "nof2022", [("Wye Valley NHS Trust", 3, None)]),
    ("Wye Valley NHS Trust has segment 4 status.", "nof2022", [("Wye Valley NHS Trust", 4, None)]),
]


@pytest.mark.parametrize(("text", "framework", "expected"), SAID_OF_A_SEGMENT)
def test_what_is_said_of_a_segment_places_nobody(nlp: Language, text: str, framework: str,
                                                 expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


# Exits told without the segment's words next to the verb: 'the programme' after the RSP was named,
# 'graduated from', and no longer needing the programme's support; still needing it keeps the body there.
EXITS_OF_THE_PROGRAMME = [
    ("The Recovery Support Programme supports the most challenged organisations. Wye Valley NHS Trust has now "
     "left the programme.", "nof2022", [("Wye Valley NHS Trust", None, 4)]),
    ("Wye Valley NHS Trust has graduated from the RSP.", "nof2022", [("Wye Valley NHS Trust", None, 4)]),
    ("Medway NHS Foundation Trust graduated from the Recovery Support Programme last month.", "sof2021",
     [("Medway NHS Foundation Trust", None, 4)]),
    ("NHS England has confirmed that Wye Valley NHS Trust no longer requires intensive support through the "
     "Recovery Support Programme.", "nof2022", [("Wye Valley NHS Trust", None, 4)]),
    ("Medway NHS Foundation Trust no longer needs support from the Recovery Support Programme.", "sof2021",
     [("Medway NHS Foundation Trust", None, 4)]),
    ("Barts Health no longer receives mandated support through the RSP.", "nof2022", [("Barts Health", None, 4)]),
    ("Wye Valley NHS Trust no longer requires intensive support through the Recovery Support Programme. It will "
     "now move to segment 3 of the NHS Oversight Framework.", "nof2022", [("Wye Valley NHS Trust", 3, 4)]),
    # still there, or another programme
    ("Wye Valley NHS Trust still requires intensive support through the Recovery Support Programme.", "nof2022",
     [("Wye Valley NHS Trust", 4, None)]),
    ("The trust has a new improvement programme. Wye Valley NHS Trust has now left the programme.", "nof2022", []),
    ("Wye Valley NHS Trust left the programme in 2022.", "nof2022", []),
]


@pytest.mark.parametrize(("text", "framework", "expected"), EXITS_OF_THE_PROGRAMME)
def test_an_exit_of_the_programme(nlp: Language, text: str, framework: str, expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


# A move told by its size, then where it left the body, across 'and': the segment left is worked out.
STEP_THEN_STATE = [
    ("Wye Valley NHS Trust has moved up a segment and is now in segment 2.", "nof2022",
     [("Wye Valley NHS Trust", 2, 3)]),
    ("Wye Valley NHS Trust has dropped a segment and now sits in segment 4.", "nof2022",
     [("Wye Valley NHS Trust", 4, 3)]),
    ("Medway NHS Foundation Trust moved up one segment and is now in segment 2.", "nof2022",
     [("Medway NHS Foundation Trust", 2, 3)]),
    ("Barts Health has fallen two segments and is now in segment 4.", "nof2022", [("Barts Health", 4, 2)]),
    ("Wye Valley NHS Trust has moved up a segment, and is now in segment 2.", "nof2022",
     [("Wye Valley NHS Trust", 2, 3)]),
    ("Barts Health published its plan. It has climbed a segment and is now in segment 1.", "nof2022",
     [("Barts Health", 1, 2)]),
    # no size, two directions, another body after 'and', or a move that cannot be
    ("Wye Valley NHS Trust has a new chair and is now in segment 2.", "nof2022", [("Wye Valley NHS Trust", 2, None)]),
    ("Wye Valley NHS Trust has moved up a segment and down a segment and is now in segment 2.", "nof2022",
     [("Wye Valley NHS Trust", 2, None)]),
    ("Wye Valley NHS Trust has dropped a segment and Medway NHS Foundation Trust is now in segment 4.", "nof2022",
     [("Medway NHS Foundation Trust", 4, None)]),
    ("Wye Valley NHS Trust has moved up a segment and hopes to reach segment 1.", "nof2022", []),
]


@pytest.mark.parametrize(("text", "framework", "expected"), STEP_THEN_STATE)
def test_a_sized_move_then_where_it_is(nlp: Language, text: str, framework: str, expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


# A body that lost its place or status in a segment left it.
LOST_ITS_PLACE = [
    ("Wye Valley NHS Trust lost its segment 1 status.", "nof2022", [("Wye Valley NHS Trust", None, 1)]),
    ("Wye Valley NHS Trust has lost its place in segment 2.", "nof2022", [("Wye Valley NHS Trust", None, 2)]),
    ("Barts Health has lost its position in segment 1 of the NHS Oversight Framework.", "nof2022",
     [("Barts Health", None, 1)]),
    ("Wye Valley NHS Trust has lost its place in segment 1 and is now in segment 2.", "nof2022",
     [("Wye Valley NHS Trust", 2, 1)]),
    # a threat, or something else lost
    ("Wye Valley NHS Trust could lose its segment 1 status.", "nof2022", []),
    ("Barts Health lost its chief executive while in segment 4.", "nof2022", []),
]


@pytest.mark.parametrize(("text", "framework", "expected"), LOST_ITS_PLACE)
def test_a_lost_place_is_left(nlp: Language, text: str, framework: str, expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


# A segment named by its place with its number in apposition: the number says which.
PLACE_AND_NUMBER = [
    ("Medway NHS Foundation Trust was rated in the bottom segment, segment 4, of the new tables.", "nof2025",
     [("Medway NHS Foundation Trust", 4, None)]),
    ("Medway NHS Foundation Trust is in the lowest segment (segment 4) of the NHS league tables.", "nof2025",
     [("Medway NHS Foundation Trust", 4, None)]),
    ("Barts Health is in the top segment – segment 1 – of the oversight framework.", "nof2025",
     [("Barts Health", 1, None)]),
    ("Medway NHS Foundation Trust is in segment 4, the bottom segment of the new tables.", "nof2025",
     [("Medway NHS Foundation Trust", 4, None)]),
    ("Medway NHS Foundation Trust sits in segment four under the oversight rules, the lowest tier for trusts.",
     "nof2022", [("Medway NHS Foundation Trust", 4, None)]),
]


@pytest.mark.parametrize(("text", "framework", "expected"), PLACE_AND_NUMBER)
def test_a_segment_named_by_its_place_and_its_number(nlp: Language, text: str, framework: str,
                                                     expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


# A rank and a segment joined as two complements of one verb ('was ..., ranked 10th of 134 and in
# segment 1'), and a placing verb left out after the first body of a series ('X was in segment 4,
# Bolton in segment 3 and Stockport in segment 3'): each body is in the segment named with it.
RANK_AND_GAPPED = [
    ("Guy's and St Thomas' was the best placed of the London trusts, ranked 10th of 134 acute trusts and in "
     "segment 1.", "nof2025", [("Guy's and St Thomas'", 1, None)]),
    ("Barts Health was 74th of 134 and in segment 3.", "nof2025", [("Barts Health", 3, None)]),
    ("Barts Health is ranked 74th and in segment 3.", "nof2025", [("Barts Health", 3, None)]),
    ("Barts Health came 74th in the acute table and in segment 3 overall.", "nof2025", [("Barts Health", 3, None)]),
    ("Barts Health sits 74th out of 134 acute trusts, and in segment three.", "nof2025", [("Barts Health", 3, None)]),
    ("Barts Health was first in London and in segment 1.", "nof2025", [("Barts Health", 1, None)]),
    ("In Greater Manchester, the Northern Care Alliance was in segment 4 (115th), Bolton in segment 3 (76th) and "
     "Stockport in segment 3 (45th).", "nof2025",
     [("Northern Care Alliance", 4, None), ("Bolton", 3, None), ("Stockport", 3, None)]),
    ("The Northern Care Alliance was in segment 4, Bolton in segment 3 and Stockport in segment 2.", "nof2025",
     [("Northern Care Alliance", 4, None), ("Bolton", 3, None), ("Stockport", 2, None)]),
    ("Barts Health is in segment 4, and Medway in segment 3.", "nof2025",
     [("Barts Health", 4, None), ("Medway", 3, None)]),
    # not a gapped body: a place inside another phrase, or no body placed before it
    ("The Northern Care Alliance was in segment 4, while patients in Bolton in segment 3 trusts wait longer.",
     "nof2025", [("Northern Care Alliance", 4, None)]),
    ("Barts Health is in segment 4, as are most trusts in London in segment 4.", "nof2025",
     [("Barts Health", 4, None)]),
    ("Barts Health was 74th, while Medway NHS Foundation Trust was in segment 3.", "nof2025",
     [("Medway NHS Foundation Trust", 3, None)]),
    ("Patients in Bolton in segment 3 trusts wait longer.", "nof2025", []),
]


@pytest.mark.parametrize(("text", "framework", "expected"), RANK_AND_GAPPED)
def test_a_rank_and_segment_and_gapped_series(nlp: Language, text: str, framework: str, expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


# Words that look like a clause break but open none ('as a whole', 'has since been'), and the
# people of a body opening the sentence ('Our colleagues at X'): the named body is placed.
NOT_A_BREAK = [
    ("The Hampshire and Isle of Wight system as a whole remains in segment 3.", "sof2021",
     [("Hampshire and Isle of Wight", 3, None)]),
    ("Medway NHS Foundation Trust exited special measures in 2019, and has since been placed back in special "
     "measures.", "sof2021", [("Medway NHS Foundation Trust", 4, None)]),
    ("Medway NHS Foundation Trust exited special measures in 2019, and has been placed back in special measures.",
     "sof2021", [("Medway NHS Foundation Trust", 4, None)]),
    ("Our colleagues at Mid and South Essex NHS Foundation Trust remain in segment 4.", "sof2021",
     [("Mid and South Essex NHS Foundation Trust", 4, None)]),
    ("Our partners at Medway NHS Foundation Trust have been placed in segment 3.", "sof2021",
     [("Medway NHS Foundation Trust", 3, None)]),
    ("Their counterparts at Barts Health are in segment 4.", "sof2021", [("Barts Health", 4, None)]),
    # a real break, someone else's people, or another body placed
    ("Our patients at Medway NHS Foundation Trust are treated in segment 4 wards.", "sof2021", []),
    ("Our colleagues at Medway NHS Foundation Trust say Barts Health is in segment 4.", "sof2021",
     [("Barts Health", 4, None)]),
    ("Barts Health has been in segment 4 since 2021.", "sof2021", [("Barts Health", 4, None)]),
    ("Barts Health could move to segment 3, as Medway NHS Foundation Trust did.", "sof2021", []),
]


@pytest.mark.parametrize(("text", "framework", "expected"), NOT_A_BREAK)
def test_words_that_open_no_clause(nlp: Language, text: str, framework: str, expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected
