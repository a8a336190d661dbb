"""Where a body is now when a sentence tells a spell's start and its end, a state that holds
now beside a leave, and a body kept out of a segment it never entered.

Rows give the framework the document is read under and the memberships expected as
``(name, segment, from_segment)``; a leaver whose new segment is not stated has ``segment``
empty. Sentences are written by us.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.reading import read_doc

Row = tuple[str, int | None, int | None]
ULHT = "United Lincolnshire Hospitals NHS Trust"


def placements(nlp: Language, text: str, framework: str) -> list[Row]:
    doc = nlp(text)
    doc._.framework = framework
    return [(m.name, m.segment, m.from_segment) for m in read_doc(doc).memberships]


# An entry told as the start of the spell an exit ends (a perfect participle, a relative clause,
# 'after'/'since' + entering) is the earlier state, wherever it stands: the exit is where it is now.
SPELL_START_AND_END = [
    (f"{ULHT} exited special measures in 2021, having first entered special measures in April 2017.", "sof2021",
     [(ULHT, None, 4)]),
    (f"{ULHT} has been taken out of special measures, having been placed in special measures in 2017.", "sof2021",
     [(ULHT, None, 4)]),
    (f"{ULHT} left special measures in 2021, four years after it was placed in special measures.", "sof2021",
     [(ULHT, None, 4)]),
    (f"{ULHT} exited special measures in 2021, after entering special measures in 2017.", "sof2021",
     [(ULHT, None, 4)]),
    (f"{ULHT} exited special measures in 2021, four years after entering special measures.", "sof2021",
     [(ULHT, None, 4)]),
    (f"{ULHT}, which entered special measures in 2017, left special measures in 2021.", "sof2021",
     [(ULHT, None, 4)]),
    # the exit says no segment: it ends the spell the entry began
    (f"{ULHT}, which entered special measures in 2017, left in 2021.", "sof2021", [(ULHT, None, 4)]),
    (f"{ULHT}, placed in special measures in 2017, exited them in 2021.", "sof2021", [(ULHT, None, 4)]),
    (f"{ULHT} has been in special measures since 2017 and exited them in 2021.", "sof2021", [(ULHT, None, 4)]),
    ("Barts Health entered segment 4 in 2021 and left it in 2023.", "nof2022", [("Barts Health", None, 4)]),
    ("Barts Health entered segment 4 in 2021 and was taken out of it in 2023.", "nof2022",
     [("Barts Health", None, 4)]),
    ("Barts Health entered segment 4 in 2021 and left the programme in March 2023.", "nof2022",
     [("Barts Health", None, 4)]),
    # a start told before a move to another segment is where the move came from
    ("Barts Health moved to segment 3 in 2023, having entered segment 4 in 2021.", "nof2022",
     [("Barts Health", 3, 4)]),
    ("Barts Health is in segment 3, having moved out of segment 4.", "nof2022", [("Barts Health", 3, 4)]),
    # a re-entry told after the exit is where it is now
    ("Barts Health left special measures in 2019 but was placed in special measures again in 2021.", "sof2016",
     [("Barts Health", 4, None)]),
    ("Barts Health left special measures in 2019 and re-entered special measures in 2021.", "sof2016",
     [("Barts Health", 4, None)]),
    # an entry alone, or something else that left, a hope or a denial: still in the segment
    ("Barts Health, having been placed in segment 4 last month, has appointed a new chief executive.", "nof2022",
     [("Barts Health", 4, None)]),
    ("Barts Health, which entered segment 4 in 2021, has a new chair.", "nof2022", [("Barts Health", 4, None)]),
    ("Barts Health entered segment 4 in 2021 when its chief executive left.", "nof2022", [("Barts Health", 4, None)]),
    ("Barts Health entered segment 4 in 2021, and the chair left in 2022.", "nof2022", [("Barts Health", 4, None)]),
    ("Barts Health entered segment 4 in 2021 and hopes to leave in 2024.", "nof2022", [("Barts Health", 4, None)]),
    ("Barts Health entered segment 4 in 2021 and has not left.", "nof2022", [("Barts Health", 4, None)]),
    ("Barts Health was placed in segment 4 in 2021 and left the partnership in 2022.", "nof2022",
     [("Barts Health", 4, None)]),
    ("Barts Health has been in segment 4 since it was placed in the Recovery Support Programme.", "nof2022",
     [("Barts Health", 4, None)]),
]


@pytest.mark.parametrize(("text", "framework", "expected"), SPELL_START_AND_END)
def test_the_end_of_a_told_spell_is_where_it_is(nlp: Language, text: str, framework: str,
                                                 expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


# A leave, then the same segment told as holding now ('currently', 'now', 'still', 'remains'): the
# body left one programme but is in that segment (SOF 2021: out of special measures, in segment 4).
MEDWAY = "Medway NHS Foundation Trust"
HELD_NOW_AFTER_A_LEAVE = [
    (f"{MEDWAY} left special measures in 2017. It is now in segment 4 and in the Recovery Support Programme.",
     "sof2021", [(MEDWAY, None, 4), (MEDWAY, 4, None)]),
    (f"{MEDWAY} left special measures in 2021. The trust is currently in segment 4.", "sof2021",
     [(MEDWAY, None, 4), ("The trust", 4, None)]),
    (f"{MEDWAY} left special measures in 2021. Today it remains in segment 4.", "sof2021",
     [(MEDWAY, None, 4), (MEDWAY, 4, None)]),
    (f"{MEDWAY} left special measures in 2021. At present the trust is in segment 4 of the System Oversight "
     "Framework.", "sof2021", [(MEDWAY, None, 4), ("the trust", 4, None)]),
    (f"{MEDWAY} left special measures in 2021 but is in segment 4 of the System Oversight Framework.", "sof2021",
     [(MEDWAY, 4, None)]),
    (f"{MEDWAY} left special measures in 2021 but is still in segment 4.", "sof2021", [(MEDWAY, 4, None)]),
    (f"{MEDWAY} left special measures in 2021, although it remains in segment 4.", "sof2021", [(MEDWAY, 4, None)]),
    (f"{MEDWAY} left special measures in 2021. It is currently in segment 3.", "sof2021", [(MEDWAY, 3, 4)]),
    # the spell the leave ended, told after it in the past
    (f"{MEDWAY} has been taken out of special measures. It had been in special measures since December 2013.",
     "sof2016", [(MEDWAY, None, 4)]),
    ("Wye Valley NHS Trust has left segment 4. It was placed in segment 4 two years ago.", "nof2022",
     [("Wye Valley NHS Trust", None, 4)]),
    ("Wye Valley NHS Trust has left segment 4. It had been in segment 4 since 2021, and was still in segment 4 "
     "last spring.", "nof2022", [("Wye Valley NHS Trust", None, 4)]),
    ("Wye Valley NHS Trust has left segment 4. Until now it was in segment 4.", "nof2022",
     [("Wye Valley NHS Trust", None, 4)]),
]


@pytest.mark.parametrize(("text", "framework", "expected"), HELD_NOW_AFTER_A_LEAVE)
def test_a_state_held_now_beside_a_leave(nlp: Language, text: str, framework: str, expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


# Kept out of a segment, or held back from it: never in it, so no leave.
KEPT_OUT = [
    ("The deficit keeps York and Scarborough Teaching Hospitals NHS Foundation Trust out of segment 1.", "nof2025",
     []),
    ("The override keeps Barts Health out of segments 1 and 2. It is in segment 4.", "nof2025",
     [("Barts Health", 4, None)]),
    ("Barts Health is kept out of segment 1 by the financial override.", "nof2025", []),
    ("The financial override has kept Barts Health out of the top two segments.", "nof2025", []),
    ("Its deficit kept Barts Health out of segment 2 this quarter.", "nof2025", []),
    ("The deficit is keeping Barts Health out of segment 1.", "nof2025", []),
    ("The deficit held Barts Health out of segment 1.", "nof2025", []),
    ("Barts Health stayed out of segment 4 this quarter.", "nof2025", []),
    ("The override kept us out of segment 1. We are in segment 3.", "nof2025", [("We", 3, None)]),
    ("Barts Health has been prevented from entering segment 1 by the override.", "nof2025", []),
    # a body taken or moved out of a segment left it
    ("NHS England took Barts Health out of segment 4.", "nof2025", [("Barts Health", None, 4)]),
    ("Barts Health moved out of segment 4 and into segment 3.", "nof2025", [("Barts Health", 3, 4)]),
    ("Barts Health has been taken out of segment 4.", "nof2025", [("Barts Health", None, 4)]),
    ("Barts Health is out of segment 4.", "nof2025", [("Barts Health", None, 4)]),
    ("Barts Health kept out of trouble and moved up to segment 2.", "nof2025", [("Barts Health", 2, None)]),
]


@pytest.mark.parametrize(("text", "framework", "expected"), KEPT_OUT)
def test_kept_out_is_never_in(nlp: Language, text: str, framework: str, expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


# A placement reported only to be denied or corrected places nobody; one reported or confirmed does.
WYE = "Wye Valley NHS Trust"
DISOWNED = [
    (f"There have been claims that {WYE} has been put into segment 5. That is not true.", "nof2022", []),
    (f"Rumours that {WYE} is in segment 5 are false.", "nof2022", []),
    (f"Reports that {WYE} had been placed in segment 4 were wrong.", "nof2022", []),
    ("Claims that Barts Health is in segment 4 are untrue, the trust said.", "nof2022", []),
    ("Speculation that Barts Health will be moved into segment 4 is unfounded.", "nof2022", []),
    ("The claim that Barts Health is in segment 4 is not correct.", "nof2022", []),
    (f"{WYE} denied reports that it had been placed in segment 5.", "nof2022", []),
    ("Barts Health has denied claims it is in segment 4.", "nof2022", []),
    ("Barts Health denies being in segment 4.", "nof2022", []),
    ("Barts Health denied it had been placed in segment 4.", "nof2022", []),
    ("The trust rejected suggestions that Barts Health was in segment 4.", "nof2022", []),
    ("We wrongly reported that Ipswich Hospital NHS Trust was in segment 4.", "nof2022", []),
    ("An earlier version of this article incorrectly said Barts Health was in segment 4.", "nof2022", []),
    ("It is not true that Barts Health is in segment 4.", "nof2022", []),
    ("It is untrue that Barts Health has been placed in special measures.", "nof2022", []),
    ("An earlier post said Barts Health was in segment 4; it is in segment 3.", "nof2022",
     [("Barts Health", 3, None)]),
    # the page's own earlier text, which a correction or update replaces
    ("Barts Health is in segment 3. An earlier version of this article said Barts Health was in segment 4.",
     "nof2025", [("Barts Health", 3, None)]),
    ("Barts Health is in segment 3. This article previously said Barts Health was in segment 4.", "nof2025",
     [("Barts Health", 3, None)]),
    ("Barts Health is in segment 3. This story originally said Barts Health was in segment 4.", "nof2025",
     [("Barts Health", 3, None)]),
    ("Barts Health is in segment 3. The original article stated that it was in segment 4.", "nof2025",
     [("Barts Health", 3, None)]),
    ("Barts Health is in segment 3. Our earlier report had Barts Health in segment 4.", "nof2025",
     [("Barts Health", 3, None)]),
    ("Barts Health is in segment 3. A previous version of this piece put Barts Health in segment 4.", "nof2025",
     [("Barts Health", 3, None)]),
    ("Barts Health is in segment 3. An earlier version of this story incorrectly placed Barts Health in segment 4.",
     "nof2025", [("Barts Health", 3, None)]),
    ("This article has been updated. It previously stated that Barts Health had been placed in segment 4; NHS "
     "England's data places it in segment 3.", "nof2025", [("Barts Health", 3, None)]),
    ("Correction: Barts Health is in segment 3. We originally reported that it was in segment 4.", "nof2025",
     [("Barts Health", 3, None)]),
    # reported, confirmed or found true, a denial of something else, or a view
    ("As this report previously noted, the Trust was placed in segment 3 in September.", "nof2025",
     [("the Trust", 3, None)]),
    ("Barts Health is in segment 3. It was previously in segment 4.", "nof2025", [("Barts Health", 3, 4)]),
    ("This report sets out our position. The Trust is in segment 3.", "nof2025", [("The Trust", 3, None)]),
    ("Reports confirm that Barts Health is in segment 4.", "nof2022", [("Barts Health", 4, None)]),
    ("Reports that Barts Health is in segment 4 are correct.", "nof2022", [("Barts Health", 4, None)]),
    ("Claims that Barts Health is in segment 4 were confirmed by NHS England.", "nof2022", [("Barts Health", 4, None)]),
    ("The HSJ reported that Barts Health was in segment 4.", "nof2022", [("Barts Health", 4, None)]),
    ("Barts Health confirmed reports that it had been placed in segment 4.", "nof2022", [("Barts Health", 4, None)]),
    ("Barts Health, which is in segment 4, denied the claims.", "nof2022", [("Barts Health", 4, None)]),
    ("The trust denied that its finances were a factor, but Barts Health is in segment 4.", "nof2022",
     [("Barts Health", 4, None)]),
    (f"There have been claims that {WYE} has been put into segment 4. That is true.", "nof2022", [(WYE, 4, None)]),
    ("Barts Health is in segment 4, according to reports. The claims that it is failing are wrong.", "nof2022",
     [("Barts Health", 4, None)]),
    ("It is true that Barts Health is in segment 4.", "nof2022", [("Barts Health", 4, None)]),
    ("It is wrong that Barts Health is in segment 4 while its neighbours are not.", "nof2022",
     [("Barts Health", 4, None)]),
]


@pytest.mark.parametrize(("text", "framework", "expected"), DISOWNED)
def test_a_denied_or_corrected_placement(nlp: Language, text: str, framework: str, expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


# '... hospitals in special measures' after a named body: the segment belongs to the plural noun
# unless the words before it make the body one of them ('one of', 'among', 'is', 'joined', 'like').
QEH = "Queen Elizabeth Hospital in King's Lynn"
A_GROUP_IN_THE_SEGMENT = [
    (f"As a former governor of the {QEH}, I read your editorial about hospitals in special measures.", "sof2016",
     []),
    ("The chair of the Royal Stoke University Hospital spoke about trusts in special measures.", "sof2016", []),
    (f"The {QEH} has helped hospitals in special measures.", "sof2016", []),
    ("Medway NHS Foundation Trust has supported other trusts in special measures.", "sof2016", []),
    ("Barts Health's chief executive leads a network of providers in segment 4.", "nof2022", []),
    # the body is one of the group
    (f"The {QEH} is one of the hospitals in special measures.", "sof2016", [(QEH, 4, None)]),
    (f"The {QEH} joined the other trusts in special measures.", "sof2016", [(QEH, 4, None)]),
    ("Barts Health is among the trusts in segment 4.", "nof2022", [("Barts Health", 4, None)]),
    ("Barts Health is among the largest trusts in segment 4.", "nof2022", [("Barts Health", 4, None)]),
    ("Barts Health is one of five trusts in segment 4.", "nof2022", [("Barts Health", 4, None)]),
    ("Barts Health is one of the 20 worst-performing trusts in segment 4.", "nof2022", [("Barts Health", 4, None)]),
    ("Barts Health is one of only two mental health trusts in segment 4.", "nof2022", [("Barts Health", 4, None)]),
    ("Barts Health is one of just 16 acute trusts in segment 1.", "nof2025", [("Barts Health", 1, None)]),
    ("Barts Health is now one of four non-acute trusts in segment 4.", "nof2025", [("Barts Health", 4, None)]),
    ("Medway NHS Foundation Trust is one of 11 trusts in special measures.", "sof2016",
     [("Medway NHS Foundation Trust", 4, None)]),
    ("Barts Health, like other trusts in segment 4, gets intensive support.", "nof2022", [("Barts Health", 4, None)]),
    ("Barts Health and Medway NHS Foundation Trust are the trusts in segment 4.", "nof2022",
     [("Barts Health", 4, None), ("Medway NHS Foundation Trust", 4, None)]),
]


@pytest.mark.parametrize(("text", "framework", "expected"), A_GROUP_IN_THE_SEGMENT)
def test_a_group_in_the_segment_is_not_the_body(nlp: Language, text: str, framework: str,
                                                expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


# One body named twice in a sentence, in different cases ('The Trust ... the Trust', 'We ... we'): one row.
NAMED_TWICE = [
    ("The Trust was placed in quality special measures in April 2017 and NHS Improvement placed the Trust in "
     "segment 4.", "sof2016", [("The Trust", 4, None)]),
    ("We were placed in special measures in June 2015 and we are still in special measures today.", "sof2016",
     [("We", 4, None)]),
]


@pytest.mark.parametrize(("text", "framework", "expected"), NAMED_TWICE)
def test_a_body_named_twice_is_one_row(nlp: Language, text: str, framework: str, expected: list[Row]) -> None:
    assert placements(nlp, text, framework) == expected


# An earlier state told under the name of a body the organisation absorbed is not where the
# successor came from: a predecessor's short name (which the linker takes to the successor) is
# the predecessor's row; the name the successor's code carried before its merger is dropped.
MWL = "Mersey and West Lancashire Teaching Hospitals NHS Trust"
UHDB = "University Hospitals of Derby and Burton NHS Foundation Trust"
Coded = tuple[str, str, int | None, int | None]
DATED = "Published: 20 January 2026\n\n"
PREDECESSORS = [
    (f"{MWL} is in segment 3. Before the 2023 merger, Southport and Ormskirk had been in segment 4.",
     [(MWL, "RBN", 3, None), ("Southport and Ormskirk", "RVY", 4, None)]),
    (f"Southport and Ormskirk had previously been in segment 4. {MWL} has now been placed in segment 3.",
     [("Southport and Ormskirk", "RVY", 4, None), (MWL, "RBN", 3, None)]),
    (f"{UHDB} is in segment 3. Burton Hospitals was previously in segment 2.",
     [(UHDB, "RTG", 3, None), ("Burton Hospitals", "RJF", 2, None)]),
    (f"St Helens and Knowsley had been in segment 2. {MWL} is now in segment 3.", [(MWL, "RBN", 3, None)]),
    # the same body under its own names still moves
    (f"{MWL} had been in segment 4. It is now in segment 3.", [(MWL, "RBN", 3, 4)]),
    (f"{MWL} had been in segment 4. MWL is now in segment 3.", [("MWL", "RBN", 3, 4)]),
    ("Mid Yorkshire Hospitals NHS Trust had been in segment 3. Mid Yorkshire Teaching NHS Trust is now in segment 4.",
     [("Mid Yorkshire Teaching NHS Trust", "RXF", 4, 3)]),
]


@pytest.mark.parametrize(("text", "expected"), PREDECESSORS)
def test_a_predecessor_is_not_folded_into_its_successor(nlp: Language, text: str, expected: list[Coded]) -> None:
    doc = nlp(DATED + text)
    doc._.framework = "nof2025"
    assert [(m.name, m.ods_code, m.segment, m.from_segment) for m in read_doc(doc).memberships] == expected
