"""League positions however writers state them (``reading.rankings``, ``rank_frames``,
``rank_lists``): each construction is a table of phrasings of our own, varying tense, voice,
word order, numerals and words, quotes, hyphens and what stands between the parts; the traps
at the end are numbers and superlatives that are not positions in the oversight league table.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.reading import is_relevant, read_doc
from extractor.records import DocResult

PUBLISHED = "Published 12 December 2025\nThe NHS oversight league tables for quarter 2\n"
RankTuple = tuple[str, int | None, str, bool, int | None]


def read(nlp: Language, text: str) -> DocResult:
    return read_doc(nlp(PUBLISHED + text))


def rankings(nlp: Language, text: str) -> list[RankTuple]:
    return sorted((r.name, r.rank, r.position, r.joint, r.total) for r in read(nlp, text).rankings)


CARDINAL = [
    ("Barts Health was ranked 61 out of 134 acute trusts.", [("Barts Health", 61, "", False, 134)]),
    ("Medway NHS Foundation Trust has been placed at 118 in the acute table.",
     [("Medway NHS Foundation Trust", 118, "", False, None)]),
    ("In the new tables East Kent Hospitals sits at 131, below its neighbours.",
     [("East Kent Hospitals", 131, "", False, None)]),
    ("Royal Cornwall Hospitals came in at 87; its community partner did better.",
     [("Royal Cornwall Hospitals", 87, "", False, None)]),
    ("Gloucestershire Hospitals is listed at number 38 of the 134 acute providers.",
     [("Gloucestershire Hospitals", 38, "", False, 134)]),
    ("Frimley Health now appears at rank 12, up from last quarter.", [("Frimley Health", 12, "", False, None)]),
    ("The league table put Homerton Healthcare at position 7.", [("Homerton Healthcare", 7, "", False, None)]),
    ("Sussex Partnership was ranked 44 overall in the non-acute league.",
     [("Sussex Partnership", 44, "", False, None)]),
    ("Walsall Healthcare, now in the third segment, is at 90 overall.", [("Walsall Healthcare", 90, "", False, None)]),
    ("This quarter's figures leave Barts Health 23 in the league table.",
     [("Barts Health", 23, "", False, None)]),
    ("Medway NHS Foundation Trust was ranked joint 74 out of 134.",
     [("Medway NHS Foundation Trust", 74, "", True, 134)]),
    ("East Kent Hospitals has a ranking of just 126.", [("East Kent Hospitals", 126, "", False, None)]),
]

ORDINAL_WORDS = [
    ("Frimley Health was ranked fourth among acute trusts.", [("Frimley Health", 4, "", False, None)]),
    ("Homerton Healthcare came seventh out of 134.", [("Homerton Healthcare", 7, "", False, 134)]),
    ("In the ambulance table, South Central Ambulance Service finished ninth.",
     [("South Central Ambulance Service", 9, "", False, None)]),
    ("Barts Health is placed twelfth nationally.", [("Barts Health", 12, "", False, None)]),
    ("Sussex Partnership sits in fifteenth place among non-acute providers.",
     [("Sussex Partnership", 15, "", False, None)]),
    ("Royal Cornwall Hospitals has been rated eleventh of the 134.",
     [("Royal Cornwall Hospitals", 11, "", False, 134)]),
    ("The table lists Gloucestershire Hospitals at number eight.", [("Gloucestershire Hospitals", 8, "", False, None)]),
    ("Walsall Healthcare was joint twentieth, level with two others.", [("Walsall Healthcare", 20, "", True, None)]),
    ("Medway NHS Foundation Trust came in at number nineteen.", [("Medway NHS Foundation Trust", 19, "", False, None)]),
]

SUPERLATIVES = [
    ("Frimley Health was the top-ranked acute trust in England.", [("Frimley Health", 1, "top", False, None)]),
    ("The lowest ranked trust in the country is East Kent Hospitals.",
     [("East Kent Hospitals", None, "bottom", False, None)]),
    ("Homerton Healthcare is the best-performing hospital trust in the whole of England.",
     [("Homerton Healthcare", 1, "top", False, None)]),
    ("Barts Health came out as the worst-performing trust nationally.",
     [("Barts Health", None, "bottom", False, None)]),
    ("The highest-placed trust in the league tables is Royal Cornwall Hospitals.",
     [("Royal Cornwall Hospitals", 1, "top", False, None)]),
    ("Sussex Partnership, the bottom-ranked of all non-acute trusts, has a new chief executive.",
     [("Sussex Partnership", None, "bottom", False, None)]),
    ("Walsall Healthcare was the fifth best in England.", [("Walsall Healthcare", 5, "", False, None)]),
    ("Gloucestershire Hospitals is the third-best performing trust in the country.",
     [("Gloucestershire Hospitals", 3, "", False, None)]),
    ("Medway NHS Foundation Trust was rated the worst-performing acute trust overall.",
     [("Medway NHS Foundation Trust", None, "bottom", False, None)]),
]

TABLE_ENDS = [
    ("The new tables put Frimley Health at the top.", [("Frimley Health", 1, "top", False, None)]),
    ("East Kent Hospitals is at the bottom of the acute table.",
     [("East Kent Hospitals", None, "bottom", False, None)]),
    ("At the head of the league sits Homerton Healthcare.", [("Homerton Healthcare", 1, "top", False, None)]),
    ("At the foot of the table is Barts Health, which has struggled with waits.",
     [("Barts Health", None, "bottom", False, None)]),
    ("Specialist trusts lead, with Royal Cornwall Hospitals at the top of the rankings.",
     [("Royal Cornwall Hospitals", 1, "top", False, None)]),
    ("Frimley Health heads the list. At the other end of the table sits Medway NHS Foundation Trust.",
     [("Medway NHS Foundation Trust", None, "bottom", False, None)]),
    ("Walsall Healthcare came last in the table. At the other end of the table was Homerton Healthcare.",
     [("Homerton Healthcare", 1, "top", False, None), ("Walsall Healthcare", None, "bottom", False, None)]),
    ("Sussex Partnership, at the bottom of the 61 non-acute trusts, has set out a plan.",
     [("Sussex Partnership", None, "bottom", False, None)]),
    ("Gloucestershire Hospitals finished bottom of the table at 134.",
     [("Gloucestershire Hospitals", 134, "bottom", False, None)]),
    ("The acute table has Barts Health, the east London group, top, ahead of every specialist trust.",
     [("Barts Health", 1, "top", False, None)]),
    ("Sussex Partnership topped the non-acute table.", [("Sussex Partnership", 1, "top", False, None)]),
    ("Frimley Health now heads the league for the second quarter.", [("Frimley Health", 1, "top", False, None)]),
    ("East Kent Hospitals propped up the acute trust table again.",
     [("East Kent Hospitals", None, "bottom", False, None)]),
    ("Homerton Healthcare leads the new NHS rankings, as it did in June.",
     [("Homerton Healthcare", 1, "top", False, None)]),
]

NAMED_POSITIONS = [
    ("Frimley Health came first, Homerton Healthcare – second, and Barts Health – third.",
     [("Barts Health", 3, "", False, None), ("Frimley Health", 1, "", False, None),
      ("Homerton Healthcare", 2, "", False, None)]),
    ("Next come Medway NHS Foundation Trust (121st) and East Kent Hospitals (125th).",
     [("East Kent Hospitals", 125, "", False, None), ("Medway NHS Foundation Trust", 121, "", False, None)]),
    ("The acute table runs: Royal Cornwall Hospitals, 14th; Gloucestershire Hospitals, 38th.",
     [("Gloucestershire Hospitals", 38, "", False, None), ("Royal Cornwall Hospitals", 14, "", False, None)]),
    ("Homerton Healthcare in Hackney - fifth.", [("Homerton Healthcare", 5, "", False, None)]),
    ("Walsall Healthcare: sixth.", [("Walsall Healthcare", 6, "", False, None)]),
    ("Barts Health was ranked 61st, with Medway NHS Foundation Trust just behind it at 62.",
     [("Barts Health", 61, "", False, None), ("Medway NHS Foundation Trust", 62, "", False, None)]),
    ("East Kent Hospitals came in at 120, and Frimley Health, further up, at 9.",
     [("East Kent Hospitals", 120, "", False, None), ("Frimley Health", 9, "", False, None)]),
    ("Sussex Partnership ranked 30th. Gloucestershire Hospitals at 38.",
     [("Gloucestershire Hospitals", 38, "", False, None), ("Sussex Partnership", 30, "", False, None)]),
]

RESPECTIVELY = [
    ("Medway NHS Foundation Trust and East Kent Hospitals were ranked 121st and 125th respectively.",
     [("East Kent Hospitals", 125), ("Medway NHS Foundation Trust", 121)]),
    ("Barts Health and Homerton Healthcare, which came 61st and 7th respectively, are both in London.",
     [("Barts Health", 61), ("Homerton Healthcare", 7)]),
    ("Frimley Health, Royal Cornwall Hospitals and Gloucestershire Hospitals are ranked 9, 14 and 38 "
     "respectively.", [("Frimley Health", 9), ("Gloucestershire Hospitals", 38), ("Royal Cornwall Hospitals", 14)]),
    ("Respectively, Medway NHS Foundation Trust and Barts Health sit 121st and 61st.",
     [("Barts Health", 61), ("Medway NHS Foundation Trust", 121)]),
    ("East Kent Hospitals and Walsall Healthcare came 125th and 90th, respectively.",
     [("East Kent Hospitals", 125), ("Walsall Healthcare", 90)]),
    ("Homerton Healthcare and Frimley Health were placed seventh and ninth respectively.",
     [("Frimley Health", 9), ("Homerton Healthcare", 7)]),
    ("The county's trusts, Royal Cornwall Hospitals and Gloucestershire Hospitals, ranked 14th and 38th.",
     [("Gloucestershire Hospitals", 38), ("Royal Cornwall Hospitals", 14)]),
    ("Barts Health, Medway NHS Foundation Trust and East Kent Hospitals were placed 61st, 121st and 125th "
     "respectively in the acute table.",
     [("Barts Health", 61), ("East Kent Hospitals", 125), ("Medway NHS Foundation Trust", 121)]),
]

WITHIN_A_TABLE = [
    ("Sussex Partnership appears at number three within category two.", [("Sussex Partnership", 3)]),
    ("Homerton Healthcare sits at number 4 in segment 1.", [("Homerton Healthcare", 4)]),
    ("In segment two, Frimley Health is placed at number three.", [("Frimley Health", 3)]),
    ("Barts Health is ranked number 12 within the second segment.", [("Barts Health", 12)]),
    ("Gloucestershire Hospitals was listed at No. 6 in category two.", [("Gloucestershire Hospitals", 6)]),
    ("Within category three, Walsall Healthcare comes at number five.", [("Walsall Healthcare", 5)]),
    ("Royal Cornwall Hospitals came in at number 1 of the category one trusts.", [("Royal Cornwall Hospitals", 1)]),
    ("East Kent Hospitals is now at number 9 in the fourth category.", [("East Kent Hospitals", 9)]),
]

SELF_FRAMES = [
    ("The non-acute league has community and mental health trusts, of which there are 61 this quarter. "
     "Sussex Partnership NHS Foundation Trust ranked 30th.",
     ("Sussex Partnership NHS Foundation Trust", 30, 61)),
    ("Homerton Healthcare ranked 30th of 134.", ("Homerton Healthcare", 30, 134)),
    ("Frimley Health has ranked 30th in the acute table.", ("Frimley Health", 30, None)),
    ("Barts Health is ranked 30th.", ("Barts Health", 30, None)),
    ("There are 134 acute trusts in the league table. East Kent Hospitals ranked 130th.",
     ("East Kent Hospitals", 130, 134)),
    ("Walsall Healthcare: ranked 30th out of 134 trusts.", ("Walsall Healthcare", 30, 134)),
    ("This quarter Medway NHS Foundation Trust ranked thirtieth.", ("Medway NHS Foundation Trust", 30, None)),
    ("Royal Cornwall Hospitals, we are pleased to say, ranked 30th.", ("Royal Cornwall Hospitals", 30, None)),
]

# the position opens the sentence and the name follows the comma closing its phrase, or an inverted verb
FRONTED = [
    ("Ranked 98th of 134 acute trusts, Medway NHS Foundation Trust said it was disappointed.",
     [("Medway NHS Foundation Trust", 98, "", False, 134)]),
    ("At 98th out of 134, Barts Health sits in the bottom half of the table.", [("Barts Health", 98, "", False, 134)]),
    ("The 98th-ranked trust, East Kent Hospitals, said it had a plan.", [("East Kent Hospitals", 98, "", False, None)]),
    ("Placed twelfth of 61 non-acute trusts, Sussex Partnership is in segment 2.",
     [("Sussex Partnership", 12, "", False, 61)]),
    ("In 98th place is Walsall Healthcare.", [("Walsall Healthcare", 98, "", False, None)]),
    ("Now ranked 30th, the Homerton Healthcare board welcomed the news.",
     [("Homerton Healthcare", 30, "", False, None)]),
    ("As the 98th-ranked trust, Barts Health has work to do.", [("Barts Health", 98, "", False, None)]),
    ("Walsall Healthcare is joint 45th in the acute table, alongside Barts Health.",
     [("Barts Health", 45, "", True, None), ("Walsall Healthcare", 45, "", True, None)]),
    ("Walsall Healthcare is joint 45th, level with Barts Health.",
     [("Barts Health", 45, "", True, None), ("Walsall Healthcare", 45, "", True, None)]),
    ("Joint 45th out of 134, Medway NHS Foundation Trust and Barts Health share a place.",
     [("Barts Health", 45, "", True, 134), ("Medway NHS Foundation Trust", 45, "", True, 134)]),
]


# list items giving a position, a tie written '=' or 'equal', and a segment after it
LIST_ITEMS = "How the region fared\n\n"
LISTED = [
    (LIST_ITEMS + "• Royal Devon University Healthcare NHS Foundation Trust: 54th, segment 3\n",
     [("Royal Devon University Healthcare NHS Foundation Trust", 54, False, 3)]),
    (LIST_ITEMS + "• West Suffolk NHS Foundation Trust: =68th, segment 3\n",
     [("West Suffolk NHS Foundation Trust", 68, True, 3)]),
    (LIST_ITEMS + "• Barts Health NHS Trust: 74th= (segment 3)\n", [("Barts Health NHS Trust", 74, True, 3)]),
    (LIST_ITEMS + "• George Eliot Hospital NHS Trust – 48th equal\n",
     [("George Eliot Hospital NHS Trust", 48, True, None)]),
    (LIST_ITEMS + "• James Paget University Hospitals NHS Foundation Trust: 127th (segment four)\n",
     [("James Paget University Hospitals NHS Foundation Trust", 127, False, 4)]),
    (LIST_ITEMS + "• Barts Health NHS Trust: joint 83rd, segment 3\n", [("Barts Health NHS Trust", 83, True, 3)]),
    (LIST_ITEMS + "• Barts Health NHS Trust: joint 83rd of 134, segment 3\n",
     [("Barts Health NHS Trust", 83, True, 3)]),
    (LIST_ITEMS + "• Barts Health NHS Trust (equal 83rd, segment 3)\n", [("Barts Health NHS Trust", 83, True, 3)]),
    (LIST_ITEMS + "• Walsall Healthcare NHS Trust – joint 40th (segment 2)\n",
     [("Walsall Healthcare NHS Trust", 40, True, 2)]),
    (LIST_ITEMS + "• Frimley Health NHS Foundation Trust: ranked 12th, segment 1\n",
     [("Frimley Health NHS Foundation Trust", 12, False, 1)]),
    (LIST_ITEMS + "Barts Health NHS Trust - joint 83rd - segment 3\n"
     "Frimley Health NHS Foundation Trust - 12th - segment 1\n"
     "Walsall Healthcare NHS Trust - 40th - segment 2\n",
     [("Barts Health NHS Trust", 83, True, 3), ("Frimley Health NHS Foundation Trust", 12, False, 1),
      ("Walsall Healthcare NHS Trust", 40, False, 2)]),
    (LIST_ITEMS + "• Barts Health NHS Trust: 83rd=, segment 3\n• Frimley Health NHS Foundation Trust: joint 12th, "
     "segment 1\n• Walsall Healthcare NHS Trust: equal 40th, segment 2\n",
     [("Barts Health NHS Trust", 83, True, 3), ("Frimley Health NHS Foundation Trust", 12, True, 1),
      ("Walsall Healthcare NHS Trust", 40, True, 2)]),
]


@pytest.mark.parametrize(("text", "expected"), [
    (LIST_ITEMS + "• University Hospitals Coventry and Warwickshire NHS Trust: 92nd, from 96th\n",
     ("University Hospitals Coventry and Warwickshire NHS Trust", 92, 96)),
    (LIST_ITEMS + "• Royal Surrey NHS Foundation Trust – 31st (up from 56th)\n",
     ("Royal Surrey NHS Foundation Trust", 31, 56)),
])
def test_a_list_item_s_earlier_position(nlp: Language, text: str, expected: tuple) -> None:
    assert [(r.name, r.rank, r.previous_rank) for r in read(nlp, text).rankings] == [expected]


@pytest.mark.parametrize(("text", "expected"), LISTED)
def test_a_list_item_s_position_tie_and_segment(nlp: Language, text: str, expected: list[tuple]) -> None:
    """The list item places the body in its segment too: one membership each, however the
    position is written and whoever else reads the line."""
    result = read(nlp, text)
    assert sorted((r.name, r.rank, r.joint, r.segment) for r in result.rankings) == sorted(expected)
    placed = [(m.name, m.segment) for m in result.memberships]
    assert sorted(placed) == sorted((name, seg) for name, _, _, seg in expected if seg)


@pytest.mark.parametrize("text", [
    LIST_ITEMS + "• Barts Health NHS Trust: joint 83rd, up from 90th, segment 3\n",
    "Barts Health NHS Trust is joint 83rd, and Walsall Healthcare is in segment 3.",
    LIST_ITEMS + "• Barts Health NHS Trust: joint 83rd, segments 3 and 4 last year\n",
    LIST_ITEMS + "• Barts Health NHS Trust: joint 83rd, segment 3 in June, segment 2 now\n",
])
def test_no_list_membership_without_the_segment_right_after_the_position(nlp: Language, text: str) -> None:
    assert ("Barts Health NHS Trust", 3) not in [(m.name, m.segment) for m in read(nlp, text).memberships]


def _cases(**tables: list) -> list:
    return [pytest.param(text, expected, id=f"{name}-{k}") for name, rows in tables.items()
            for k, (text, expected) in enumerate(rows)]


@pytest.mark.parametrize(("text", "expected"), _cases(
    cardinal=CARDINAL, ordinal_words=ORDINAL_WORDS, superlatives=SUPERLATIVES, table_ends=TABLE_ENDS,
    named_positions=NAMED_POSITIONS, fronted=FRONTED))
def test_positions(nlp: Language, text: str, expected: list[RankTuple]) -> None:
    assert rankings(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), _cases(respectively=RESPECTIVELY, within_a_table=WITHIN_A_TABLE))
def test_names_and_positions(nlp: Language, text: str, expected: list[tuple[str, int]]) -> None:
    """'respectively' lists pair names and positions in order; 'number two in category one' is
    the position the text gives."""
    assert sorted((r.name, r.rank) for r in read(nlp, text).rankings) == expected


@pytest.mark.parametrize(("text", "expected"), SELF_FRAMES)
def test_ranked_30th_frame(nlp: Language, text: str, expected: tuple[str, int, int | None]) -> None:
    """'We ranked 30th' with a named organisation in place of 'we': the frame, and a league size
    stated in the sentence before ('of which there are 61')."""
    assert [(r.name, r.rank, r.total) for r in read(nlp, text).rankings] == [expected]


TRAPS = [
    "Barts Health scored 2.4 on the segmentation metric.",
    "The number of trusts in segment 4 rose to 21.",
    "East Kent Hospitals has been at 2025 levels of funding since April.",
    "Call Medway NHS Foundation Trust on 01634 830000 for an appointment.",
    "NHS England placed 12 trusts in the recovery programme.",
    "South Central Ambulance Service met the target for category 2 calls in 30 minutes.",
    "The CQC rated Homerton Healthcare good, up from requires improvement.",
    "Frimley Health was 14th nationally for referral to treatment waits.",
    "Medway NHS Foundation Trust was ranked 103rd of 131 trusts for 18-week waits.",
    "Oxford Health placed in second segment",
    "York and Scarborough Teaching Hospitals ranks 7th nationally for research income.",
    "Barts Health came in fourth segment of the oversight framework.",
    "Barts Health came 12th out of 134 for four-hour performance.",
    "Royal Cornwall Hospitals came fourth for cancer treatment within 62 days.",
    "Barts Health was named among the top 10 employers in London.",
    "Gloucestershire Hospitals was first put in special measures in 2016.",
    "Walsall Healthcare is among the weakest performers for 12-hour waits.",
    "Sussex Partnership is the best-performing mental health trust in the south east.",
    "Homerton Healthcare was the lowest-placed London trust.",
    "East Kent Hospitals ranked second-worst in the south east region.",
    "Medway NHS Foundation Trust is in segment 1, the top of the four bands.",
    "Frimley Health is in the top 20 for cancer treatment.",
    "Barts Health's average score of 3.1 is the highest in the region.",
    "Royal Cornwall Hospitals was 19th from bottom for the share of patients seen within four hours.",
    "The trust board met at 10 in the main hall, and Homerton Healthcare at 11.",
    "Barts Health came second in the South West for cancer waits and third in London.",
    "Medway NHS Foundation Trust was ranked third among trusts in the region.",
    "Frimley Health is first to open a new diagnostic centre.",
    "Homerton Healthcare finished the year in third quarter surplus.",
    "At Barts Health the number of patients waiting has risen to 21, from 18.",
    "Medway NHS Foundation Trust moved from 3 to 2 in the segmentation.",
    "For four-hour waits, Frimley Health was 12th nationally.",
    "Barts Health came second in the national estates awards.",
    "Homerton Healthcare was third in the staff survey.",
    "Walsall Healthcare tops the list of trusts with the longest waits.",
    "Gloucestershire Hospitals heads the campaign for new wards.",
    "Frimley Health, which had led the table in the first two quarters, is no longer named.",
]


# a position on one measure is no league position whoever states it: 'we', 'our trust' or a
# name, with the measure after 'for our' as after 'for the' (league ranks of the page's body)
OUR_MEASURES = [
    ("Barts Health is ranked 23rd of 134 acute trusts.\nWe were also ranked fifth nationally for our cancer "
     "waiting times.", [23]),
    ("Barts Health is ranked 23rd of 134 acute trusts.\nWe came second in the country for our four-hour "
     "performance.", [23]),
    ("Barts Health is ranked 23rd of 134 acute trusts.\nOur trust is placed third for our diagnostic waits.", [23]),
    ("Barts Health is ranked 23rd of 134 acute trusts.\nWe finished seventh for our 18-week waits.", [23]),
    ("Barts Health came ninth nationally for our elective recovery, the chief executive said.", []),
    # the league position itself, said in the first person
    ("Barts Health published its results.\nWe are ranked 23rd of 134 acute trusts.", [23]),
]


@pytest.mark.parametrize(("text", "expected"), OUR_MEASURES)
def test_a_measure_s_position_in_the_first_person(nlp: Language, text: str, expected: list[int]) -> None:
    assert [r.rank for r in read(nlp, text).rankings] == expected


# a shared position stated by tying words, and the body it is shared with ((name, rank, joint) of each row)
TIED = [
    ("Barts Health tied for 45th place in the acute table.", [("Barts Health", 45, True)]),
    ("Barts Health and Homerton Healthcare tied for 45th place.",
     [("Barts Health", 45, True), ("Homerton Healthcare", 45, True)]),
    ("Barts Health was tied in 45th place with Homerton Healthcare.",
     [("Barts Health", 45, True), ("Homerton Healthcare", 45, True)]),
    ("Sussex Partnership was 31st of 61 non-acute trusts, level with Solent NHS Trust.",
     [("Solent NHS Trust", 31, True), ("Sussex Partnership", 31, True)]),
    ("Barts Health came joint 45th, tied with Homerton Healthcare.",
     [("Barts Health", 45, True), ("Homerton Healthcare", 45, True)]),
    ("Barts Health came 45th, tied with two other trusts.", [("Barts Health", 45, True)]),
    # nothing shared, or the other body has a position of its own
    ("Barts Health came 45th, level with its score last year.", [("Barts Health", 45, False)]),
    ("Barts Health came 45th, level with the national average.", [("Barts Health", 45, False)]),
    ("Barts Health came 45th; it was tied with Homerton Healthcare last year.", [("Barts Health", 45, False)]),
    ("Barts Health came 45th, ahead of Homerton Healthcare.", [("Barts Health", 45, False)]),
    ("Barts Health was joint 45th of the 134 acute trusts in England, with Homerton Healthcare in 46th.",
     [("Barts Health", 45, True), ("Homerton Healthcare", 46, False)]),
]


@pytest.mark.parametrize(("text", "expected"), TIED)
def test_a_tied_position_and_its_partner(nlp: Language, text: str, expected: list[tuple]) -> None:
    assert sorted((r.name, r.rank, r.joint) for r in read(nlp, text).rankings) == expected


def test_an_earlier_position_after_a_partner_is_not_the_partner_s(nlp: Language) -> None:
    text = "Barts Health is joint eighth of 134, sharing it with Homerton Healthcare, having been 11th before."
    assert sorted((r.name, r.rank, r.previous_rank) for r in read(nlp, text).rankings) == [
        ("Barts Health", 8, 11), ("Homerton Healthcare", 8, None)]


# a place taken or given to a body ((name, rank) of each row)
PLACE_TAKEN = [
    ("Second place went to Barts Health.", [("Barts Health", 2)]),
    ("Barts Health came first, and second place went to Homerton Healthcare.",
     [("Barts Health", 1), ("Homerton Healthcare", 2)]),
    ("Third place has gone to the Homerton Healthcare trust.", [("Homerton Healthcare trust", 3)]),
    ("Barts Health took third place in the acute table.", [("Barts Health", 3)]),
    ("Barts Health took the third spot in the league table.", [("Barts Health", 3)]),
    ("Homerton Healthcare secured fifth position among acute trusts.", [("Homerton Healthcare", 5)]),
    # no body named, or a place in another list
    ("Second place went to a trust in London.", []),
    ("Barts Health took third place for cancer waits.", []),
    ("Barts Health took third place in the staff awards.", []),
    ("Barts Health took second place in the South West.", []),
]


@pytest.mark.parametrize(("text", "expected"), PLACE_TAKEN)
def test_a_place_taken_or_given(nlp: Language, text: str, expected: list[tuple]) -> None:
    assert sorted((r.name, r.rank) for r in read(nlp, text).rankings) == expected


# a position said after a comma to be the league's last is its bottom, the league that size
# ((rank, position, total) of each row)
NAMED_LAST = [
    ("Barts Health was ranked 134th, last of all acute trusts.", [(134, "bottom", 134)]),
    ("Barts Health was ranked 134th of 134, last in England.", [(134, "bottom", 134)]),
    ("Barts Health was ranked 134th, bottom of the league.", [(134, "bottom", 134)]),
    ("Sussex Partnership finished 61st, last overall.", [(61, "bottom", 61)]),
    # a region's last, a measure's, or 'last' saying when
    ("Barts Health came 120th, last of the London trusts.", [(120, "", None)]),
    ("Barts Health came 120th, last among trusts in the region.", [(120, "", None)]),
    ("Barts Health came 40th, last of the trusts for cancer waits.", [(40, "", None)]),
    ("Barts Health came 120th, last year it was 100th.", [(120, "", None)]),
]


@pytest.mark.parametrize(("text", "expected"), NAMED_LAST)
def test_a_position_named_the_last(nlp: Language, text: str, expected: list[tuple]) -> None:
    assert [(r.rank, r.position, r.total) for r in read(nlp, text).rankings] == expected


# counted from the bottom of a league whose size an earlier position on the page stated
# ((name, rank, total) of each row)
FROM_BOTTOM_SIZE_BEFORE = [
    ("In the ambulance table, South Western Ambulance Service came bottom of the ten, and North West Ambulance "
     "Service was second from bottom.",
     [("North West Ambulance Service", 9, 10), ("South Western Ambulance Service", 10, 10)]),
    ("Barts Health was 98th of 134 acute trusts.\nHomerton Healthcare was second from bottom.",
     [("Barts Health", 98, 134), ("Homerton Healthcare", 133, 134)]),
    ("Barts Health is ranked 98th of 134 acute trusts.\nHomerton Healthcare sits third from the bottom.",
     [("Barts Health", 98, 134), ("Homerton Healthcare", 132, 134)]),
    # another league's size, or a measure's list
    ("Barts Health was 98th of 134 acute trusts.\nSouth Western Ambulance Service was second from bottom.",
     [("Barts Health", 98, 134)]),
    ("Barts Health was 98th of 134 acute trusts.\nHomerton Healthcare was second from bottom for cancer waits.",
     [("Barts Health", 98, 134)]),
]


@pytest.mark.parametrize(("text", "expected"), FROM_BOTTOM_SIZE_BEFORE)
def test_from_the_bottom_of_a_league_sized_before(nlp: Language, text: str, expected: list[tuple]) -> None:
    assert sorted((r.name, r.rank, r.total) for r in read(nlp, text).rankings) == expected


# list lines opening with the position, the name after it ((name, rank, joint, segment) of each row)
RANK_FIRST_LINES = [
    ("The bottom of the acute table:\n134th: Barts Health\n133rd: Homerton Healthcare",
     [("Barts Health", 134, False, None), ("Homerton Healthcare", 133, False, None)]),
    ("Positions in the acute table:\n45th – Barts Health (segment 3)\n=46th Homerton Healthcare",
     [("Barts Health", 45, False, 3), ("Homerton Healthcare", 46, True, None)]),
    ("Positions in the acute table:\n• 12th - Barts Health\n• 13th= Homerton Healthcare",
     [("Barts Health", 12, False, None), ("Homerton Healthcare", 13, True, None)]),
    # the line goes on past the name, or ranks a measure
    ("Positions in the acute table:\n46th Homerton Healthcare for cancer waits", []),
    ("Positions in the acute table:\n46th Homerton Healthcare opened a new ward in June", []),
]


@pytest.mark.parametrize(("text", "expected"), RANK_FIRST_LINES)
def test_a_list_line_opening_with_the_position(nlp: Language, text: str, expected: list[tuple]) -> None:
    assert sorted((r.name, r.rank, r.joint, r.segment) for r in read(nlp, text).rankings) == expected


# 'X in sixth': a position after a name and 'in' ((name, rank) of each row)
IN_POSITION = [
    ("Sussex Partnership topped the non-acute league table, ahead of Oxford Health in second.",
     [("Oxford Health", 2), ("Sussex Partnership", 1)]),
    ("The best acute trust was Barts Health, in sixth, and Homerton Healthcare came 40th.",
     [("Barts Health", 6), ("Homerton Healthcare", 40)]),
    ("Barts Health was in second, behind Homerton Healthcare.", [("Barts Health", 2)]),
    # a segment, a time, a measure or a region
    ("Barts Health was placed in second segment.", []),
    ("Barts Health in second half of the year improved.", []),
    ("Barts Health came in second for cancer waits.", []),
    ("The list has Barts Health in third, among trusts in the region.", []),
]


@pytest.mark.parametrize(("text", "expected"), IN_POSITION)
def test_a_position_after_a_name_and_in(nlp: Language, text: str, expected: list[tuple]) -> None:
    assert sorted((r.name, r.rank) for r in read(nlp, text).rankings) == expected


@pytest.mark.parametrize("text", TRAPS)
def test_not_a_league_position(nlp: Language, text: str) -> None:
    assert read(nlp, text).rankings == []


@pytest.mark.parametrize("text", [
    "Homerton Healthcare was ranked 45th in this year's list of the top 100 employers.",
    "Barts Health came in at 12, and Medway NHS Foundation Trust at 14, in the staff survey rankings.",
    "Frimley Health is the best-performing hospital in England for patient food.",
    "Royal Cornwall Hospitals was placed first in the regional awards.",
])
def test_other_lists_on_a_page_not_about_the_league_tables(nlp: Language, text: str) -> None:
    assert read_doc(nlp("Published 12 December 2025\n" + text)).rankings == []


def test_the_league_is_the_kind_of_trust(nlp: Language) -> None:
    """A sentence about two leagues: each organisation's league is its own kind."""
    text = "Sussex Partnership topped the non-acute table, and South Central Ambulance Service came fifth of ten."
    assert sorted((r.name, r.league) for r in read(nlp, text).rankings) == [
        ("South Central Ambulance Service", "ambulance"), ("Sussex Partnership", "non_acute")]


@pytest.mark.parametrize("text", [
    "Homerton Healthcare is placed 22nd in the new NHS league tables.",
    "The league tables, published today, list Barts Health at number 40 of 134.",
])
def test_a_page_that_ranks_in_the_league_tables_is_relevant(nlp: Language, text: str) -> None:
    doc = nlp(PUBLISHED + text)
    assert is_relevant(doc, read_doc(doc))


NO_LEAGUE_WORDS = "Published 12 December 2025\n"


@pytest.mark.parametrize(("text", "expected"), [
    ("Barts Health was ranked 45th in NHS England's rankings.", ("Barts Health", 45, None)),
    ("Barts Health NHS Trust is 45th in the national rankings.", ("Barts Health NHS Trust", 45, None)),
    ("Frimley Health came 45th in the new NHS performance tables.", ("Frimley Health", 45, None)),
    ("Walsall Healthcare was ranked 45th out of 120 trusts.", ("Walsall Healthcare", 45, 120)),
    ("Homerton Healthcare was ranked 45th out of 120 acute hospital trusts in England.",
     ("Homerton Healthcare", 45, 120)),
    ("Barts Health is placed 45th in NHS England’s new hospital rankings.", ("Barts Health", 45, None)),
    ("Medway NHS Foundation Trust sits 45th in the NHS trust rankings published on Tuesday.",
     ("Medway NHS Foundation Trust", 45, None)),
    ("The trust is 45th in the latest national performance tables. Gloucestershire Hospitals NHS Foundation Trust "
     "was 60th in the first ones.", None),
])
def test_a_page_that_ranks_without_saying_league_table(nlp: Language, text: str,
                                                      expected: tuple[str, int, int | None] | None) -> None:
    """NHS England's tables named as its rankings, the NHS performance tables, the national
    rankings on a page about NHS trusts, or a position among so many trusts: the page is read
    for positions, and is relevant whether or not one is read."""
    doc = nlp(NO_LEAGUE_WORDS + text)
    result = read_doc(doc)
    assert is_relevant(doc, result)
    if expected is not None:
        assert [(r.name, r.rank, r.total) for r in result.rankings] == [expected]


@pytest.mark.parametrize("text", [
    "Imperial College London was ranked 3rd in the national rankings, ahead of other universities.",
    "King's College London came 3rd in the national rankings for nursing students.",
    "Barts Health shares are ranked 3rd in the FTSE 100.",
    "Barts Health came 3rd in the Premier League of hospital charities.",
    "Barts Health sponsors a club that is 3rd in the Premier League table.",
    "Barts Health was ranked 97th of 129 trusts for the share of patients seen within four hours.",
    "Barts Health was ranked 12th in Newsweek's list of the world's best hospitals.",
    "Frimley Health was placed 12th in the national rankings of the top 100 employers.",
    "Frimley Health NHS Foundation Trust was placed 12th in the national rankings of the top 100 employers.",
    "Barts Health NHS Trust came 3rd in the national rankings for the staff survey.",
])
def test_a_page_about_other_rankings_stays_irrelevant(nlp: Language, text: str) -> None:
    doc = nlp(NO_LEAGUE_WORDS + text)
    result = read_doc(doc)
    assert result.rankings == [] and not is_relevant(doc, result)


@pytest.mark.parametrize(("text", "expected"), [
    ("Northwick Park Healthcare ranked ninth among acute trusts.", ("Northwick Park Healthcare", 9, None)),
    ("Medway NHS Foundation Trust was ranked 121/134.", ("Medway NHS Foundation Trust", 121, 134)),
    ("Barts Health - league position: 61.", ("Barts Health", 61, None)),
    ("Homerton Healthcare is in position 7 of 134.", ("Homerton Healthcare", 7, 134)),
    ("Frimley Health has a ranking of 9th.", ("Frimley Health", 9, None)),
    ("Sussex Partnership, rank: 44 of 61.", ("Sussex Partnership", 44, 61)),
    ("Walsall Healthcare sits 90/134 in the acute table.", ("Walsall Healthcare", 90, 134)),
    ("Gloucestershire Hospitals finished in position 38.", ("Gloucestershire Hospitals", 38, None)),
])
def test_terse_positions(nlp: Language, text: str, expected: tuple[str, int, int | None]) -> None:
    """Positions as tables and summaries write them, and a name the gazetteer does not know."""
    assert [(r.name, r.rank, r.total) for r in read(nlp, text).rankings] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("Mid and South Essex ranked 128 of 134.", [("RAJ", 128, 134)]),
    ("Mid and South Essex ranked 128th of 134.", [("RAJ", 128, 134)]),
    ("Medway was ranked 118 out of 134.", [("RPA", 118, 134)]),
    ("Last week Medway was placed 118th of the 134.", [("RPA", 118, 134)]),
    ("Mid and South Essex ranked 128 of 134 and Medway was 118th of 134.", [("RAJ", 128, 134), ("RPA", 118, 134)]),
    # no league's size: a place name alone stays unresolved
    ("Medway ranked 118 in the county.", []),
])
def test_a_short_name_with_a_league_s_size(nlp: Language, text: str, expected: list[tuple]) -> None:
    """A short name that is also a place, with no kind of trust named on the page: the size of
    the league the sentence states (134 acute, 61 non-acute trusts) is the kind that resolves it."""
    page = "Published 12 December 2025\nThe quarter 2 league tables\n" + text
    assert sorted((r.ods_code, r.rank, r.total) for r in read_doc(nlp(page)).rankings) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Frimley Health is first, followed by Homerton Healthcare and Barts Health.",
     [("Barts Health", 3), ("Frimley Health", 1), ("Homerton Healthcare", 2)]),
    ("The top-ranked acute trust in England was Royal Cornwall Hospitals, followed by Gloucestershire Hospitals.",
     [("Gloucestershire Hospitals", 2), ("Royal Cornwall Hospitals", 1)]),
    ("Frimley Health sits at the top, followed by Homerton Healthcare and Barts Health.",
     [("Barts Health", 3), ("Frimley Health", 1), ("Homerton Healthcare", 2)]),
    ("Medway NHS Foundation Trust came 120th, followed by East Kent Hospitals.",
     [("East Kent Hospitals", 121), ("Medway NHS Foundation Trust", 120)]),
    ("Barts Health ranked 10th followed by Walsall Healthcare, Medway NHS Foundation Trust and Frimley Health.",
     [("Barts Health", 10), ("Frimley Health", 13), ("Medway NHS Foundation Trust", 12),
      ("Walsall Healthcare", 11)]),
    # not a list of the places after it
    ("Frimley Health is first, followed closely by Homerton Healthcare.", [("Frimley Health", 1)]),
    ("Frimley Health is first. The news was followed by a statement from Barts Health.", [("Frimley Health", 1)]),
    ("Barts Health and Medway NHS Foundation Trust are joint 20th, followed by Walsall Healthcare.",
     [("Barts Health", 20), ("Medway NHS Foundation Trust", 20), ("Walsall Healthcare", 22)]),
])
def test_followed_by(nlp: Language, text: str, expected: list[tuple[str, int]]) -> None:
    assert sorted((r.name, r.rank) for r in read(nlp, text).rankings) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Barts Health has risen to 61 out of 134, from 80.", ("Barts Health", 61, 80, 134)),
    ("Medway NHS Foundation Trust fell from 101 to 120 out of 134.", ("Medway NHS Foundation Trust", 120, 101, 134)),
    ("Homerton Healthcare moved up from 12th to seventh.", ("Homerton Healthcare", 7, 12, None)),
    ("East Kent Hospitals's league position is 125th.", ("East Kent Hospitals", 125, None, None)),
    ("Frimley Health's ranking improved to 9 overall (from 14).", ("Frimley Health", 9, 14, None)),
    ("Walsall Healthcare was second from bottom of the 134 acute trusts.", ("Walsall Healthcare", 133, None, 134)),
    ("Royal Cornwall Hospitals came fifth from the bottom out of 134.", ("Royal Cornwall Hospitals", 130, None, 134)),
    ("South Western Ambulance Service came second-bottom of the 10 ambulance trusts.",
     ("South Western Ambulance Service", 9, None, 10)),
    ("Medway NHS Foundation Trust holds a rank of 5 out of 61.", ("Medway NHS Foundation Trust", 5, None, 61)),
    ("Barts Health has a ranking of 40 out of 134.", ("Barts Health", 40, None, 134)),
    ("South Central Ambulance Service was ranked 1st among England's ten ambulance trusts.",
     ("South Central Ambulance Service", 1, None, 10)),
    ("Frimley Health came 3rd of England's 134 acute trusts.", ("Frimley Health", 3, None, 134)),
    # the places gained or lost give the position before
    ("Kettering General Hospital climbed 20 places to 54th.", ("Kettering General Hospital", 54, 74, None)),
    ("Barts Health is 5th, down two places on last quarter.", ("Barts Health", 5, 3, None)),
    ("Walsall Healthcare rose 14 places, from 88th to 74th, in the latest table.",
     ("Walsall Healthcare", 74, 88, None)),
    ("Medway NHS Foundation Trust fell three places to 120th.", ("Medway NHS Foundation Trust", 120, 117, None)),
    ("Gloucestershire Hospitals' overall position is 38th of 134.", ("Gloucestershire Hospitals", 38, None, 134)),
])
def test_moves_owners_and_counting_from_the_bottom(nlp: Language, text: str,
                                                   expected: tuple[str, int, int | None, int | None]) -> None:
    assert [(r.name, r.rank, r.previous_rank, r.total) for r in read(nlp, text).rankings] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("Barts Health said it had been ranked 61st of 134 acute trusts.", [("Barts Health", 61, None)]),
    ("Barts Health is 50th of 134. It had been ranked 61st in the previous table.", [("Barts Health", 50, 61)]),
    ("Barts Health is 50th of 134, having been 61st at quarter 1.", [("Barts Health", 50, 61)]),
])
def test_reported_and_earlier_positions(nlp: Language, text: str, expected: list[tuple]) -> None:
    assert [(r.name, r.rank, r.previous_rank) for r in read(nlp, text).rankings] == expected


# an earlier position is the ranked body's own: the next body's clause, with its own position,
# gives none ((name, rank, previous_rank) of each row)
OTHERS_POSITION = [
    ("Barts Health was ranked 34th and Homerton Healthcare was ranked 88th.",
     [("Barts Health", 34, None), ("Homerton Healthcare", 88, None)]),
    ("Barts Health came 34th, while Homerton Healthcare was joint 88th.",
     [("Barts Health", 34, None), ("Homerton Healthcare", 88, None)]),
    ("Barts Health was 34th, and Homerton Healthcare was 88th.",
     [("Barts Health", 34, None), ("Homerton Healthcare", 88, None)]),
    ("South Central Ambulance Service was second and East of England Ambulance Service was third.",
     [("East of England Ambulance Service", 3, None), ("South Central Ambulance Service", 2, None)]),
    ("Barts Health was ranked 34th whilst the Homerton trust was ranked 88th.",
     [("Barts Health", 34, None), ("Homerton", 88, None)]),
    ("Barts Health was second, but Homerton Healthcare was 88th from 90th.",
     [("Barts Health", 2, None), ("Homerton Healthcare", 88, 90)]),
    ("Barts Health is 34th, up from 40th, and Homerton Healthcare is 88th.",
     [("Barts Health", 34, 40), ("Homerton Healthcare", 88, None)]),
    # a name the linker does not know still opens another body's clause
    ("Barts Health was ranked 34th and Northwick Healthcare was ranked 88th.", [("Barts Health", 34, None)]),
    # the body's own earlier position, however it is put
    ("Barts Health, 34th, was 40th last quarter.", [("Barts Health", 34, 40)]),
    ("Barts Health was 34th, having been 40th in June.", [("Barts Health", 34, 40)]),
    ("Barts Health is 34th, previously 40th.", [("Barts Health", 34, 40)]),
    ("Barts Health is 34th; the trust was 40th in the first table.", [("Barts Health", 34, 40)]),
    ("Barts Health is 34th, and in July was 40th.", [("Barts Health", 34, 40)]),
    ("Barts Health is 34th of 134 acute trusts, having been 40th at Q1.", [("Barts Health", 34, 40)]),
    ("Barts Health is joint 34th – it shares the place with Homerton Healthcare – having been 40th before.",
     [("Barts Health", 34, 40), ("Homerton Healthcare", 34, None)]),
    # nor an unnamed other body's, which is no position of the ranked body either
    ("Barts Health is 34th, while its neighbour was 88th.", [("Barts Health", 34, None)]),
    ("Barts Health was ranked 34th and the other trust in the city was ranked 88th.", [("Barts Health", 34, None)]),
    ("Barts Health came 34th, whereas their rival came 88th.", [("Barts Health", 34, None)]),
]


@pytest.mark.parametrize(("text", "expected"), OTHERS_POSITION)
def test_an_earlier_position_is_the_ranked_body_s_own(nlp: Language, text: str, expected: list[tuple]) -> None:
    got = sorted((r.name, r.rank, r.previous_rank) for r in read(nlp, text).rankings)
    assert got == expected


# two positions of one body in one sentence, the current one and one held before, in either
# order: the current one has the earlier as its previous rank, and the earlier one is no ranking
# of the same period (it stays one of its own period when its words give one: 'in June')
NOW_AND_BEFORE = [
    "Barts Health is 34th and was 40th last quarter.",
    "Barts Health is now 34th, having been 40th.",
    "Barts Health was 40th in June and is 34th now.",
    "Barts Health ranks 34th this quarter but was 40th in the last.",
    "Barts Health is ranked 34th of 134 and was ranked 40th in the first table.",
    "Barts Health sits 34th, but was 40th a quarter ago.",
    "Barts Health was ranked 40th in September but is now ranked 34th.",
    "Barts Health came 40th in the first table and now sits 34th.",
    "Barts Health was 40th at first, and is currently 34th of 134.",
]


@pytest.mark.parametrize("text", NOW_AND_BEFORE)
def test_a_position_now_and_one_held_before(nlp: Language, text: str) -> None:
    got = read(nlp, text).rankings
    now = [r for r in got if r.rank == 34]
    assert [(r.name, r.previous_rank) for r in now] == [("Barts Health", 40)]
    assert all(r.period != now[0].period for r in got if r.rank == 40)


# another body's clause, or a position in another list, holds no earlier position of this one
@pytest.mark.parametrize(("text", "expected"), [
    ("Barts Health was 40th in June and Homerton Healthcare is 34th now.",
     [("Barts Health", 40, None), ("Homerton Healthcare", 34, None)]),
    ("Barts Health is 34th and Homerton Healthcare was 40th last quarter.",
     [("Barts Health", 34, None), ("Homerton Healthcare", 40, None)]),
    ("Barts Health was 40th in June, while its neighbour is 34th now.", [("Barts Health", 40, None)]),
    ("Barts Health was 40th in the acute table and is third in the region now.", [("Barts Health", 40, None)]),
    ("Barts Health was 40th and Homerton Healthcare was 34th.",
     [("Barts Health", 40, None), ("Homerton Healthcare", 34, None)]),
    ("Barts Health was 34th in June and is joint 34th now.", [("Barts Health", 34, None)]),
    ("Barts Health came in at first place in the table.", [("Barts Health", 1, None)]),
])
def test_no_earlier_position_from_another_clause(nlp: Language, text: str, expected: list[tuple]) -> None:
    assert sorted((r.name, r.rank, r.previous_rank) for r in read(nlp, text).rankings) == expected


# the segment of a ranking is the one stated for the ranked body, not another body's in the sentence
OWN_SEGMENT = [
    ("Barts Health was ranked 49th and Homerton Healthcare was in segment 4.", None),
    ("Barts Health came 30th, while Homerton Healthcare is in segment 4.", None),
    ("Homerton Healthcare is in segment 4 and Barts Health was ranked 49th.", None),
    ("Barts Health was ranked 49th; Homerton Healthcare sits in segment four.", None),
    ("Barts Health was ranked 49th, while its neighbour is in segment 4.", None),
    ("Barts Health was ranked 49th and is in segment 3.", 3),
    ("Barts Health, in segment 3, was ranked 49th.", 3),
    ("In segment 3, Barts Health was ranked 49th.", 3),
    ("Barts Health is in segment 3 and was ranked 49th.", 3),
    ("Placed in segment 3, Barts Health was ranked 49th of 134.", 3),
    ("Barts Health was ranked 49th and Homerton Healthcare 120th, both in segment 3.", 3),
    ("Homerton Healthcare and Barts Health are ranked joint 49th and both sit in segment 3.", 3),
    ("Barts Health, the partner of Homerton Healthcare in the city, remained in segment 3 and was ranked 49th.", 3),
]


@pytest.mark.parametrize(("text", "segment"), OWN_SEGMENT)
def test_a_ranking_s_segment_is_the_ranked_body_s_own(nlp: Language, text: str, segment: int | None) -> None:
    got = [(r.rank, r.segment) for r in read(nlp, text).rankings if r.name == "Barts Health"]
    assert got == [(49 if "49th" in text else 30, segment)]


# a segment said of a count of trusts is not the ranked body's segment
@pytest.mark.parametrize(("text", "segment"), [
    ("Of the 134 acute trusts, 21 are in segment 4 and Barts Health is 98th.", None),
    ("Of the 134 acute trusts, 21 of them sit in segment 4, and Barts Health is ranked 98th.", None),
    ("Barts Health is 98th of 134, and 21 trusts are in segment 4.", None),
    ("Barts Health is 98th; most of the trusts around it are in segment 3.", None),
    ("Twenty-one trusts were placed in segment 4, while Barts Health came 98th.", None),
    # the body's own segment, a count of which it is one
    ("Barts Health, one of 21 trusts in segment 4, is ranked 98th.", 4),
    ("Barts Health is ranked 98th and is one of 21 trusts in segment 4.", 4),
    ("Barts Health is ranked 98th and is in segment 4.", 4),
])
def test_a_count_s_segment_is_not_the_ranked_body_s(nlp: Language, text: str, segment: int | None) -> None:
    assert [(r.rank, r.segment) for r in read(nlp, text).rankings] == [(98, segment)]


# an end of a region's or county's trusts is not an end of the league: (rank, position) of the ranked body
LOCAL_ENDS = [
    ("Homerton Healthcare was the region's best performer at 16th, while Barts Health was the lowest at 112th.",
     [(112, "")]),
    ("Homerton Healthcare was the best in Devon at 16th, and Barts Health the worst at 112th.", [(112, "")]),
    ("Barts Health was bottom of the Devon trusts at 112th.", [(112, "")]),
    ("Barts Health came top of the Kent trusts at 16th.", [(16, "")]),
    ("Barts Health was bottom of the region's trusts at 112th.", [(112, "")]),
    ("Barts Health came bottom of the London trusts.", []),
    ("Barts Health was the lowest in the region at 112th.", [(112, "")]),
    ("Barts Health is the worst-placed trust in Kent.", []),
    ("Barts Health was the county's lowest-placed trust at 112th.", [(112, "")]),
    # the national table's ends
    ("Barts Health is bottom of the league table.", [(None, "bottom")]),
    ("Barts Health came last of the 134 acute trusts.", [(134, "bottom")]),
    ("Barts Health is the worst performing trust in England.", [(None, "bottom")]),
    ("Homerton Healthcare was the region's best performer, while Barts Health was the lowest in England.",
     [(None, "bottom")]),
    ("Barts Health came top of the table, ahead of Homerton Healthcare in London.", [(1, "top")]),
]


# a superlative after an opening phrase naming a region's trusts ranks within the region, even
# where the sentence gives a national position too ((rank, position) of each row)
REGION_OPENING_SUPERLATIVES = [
    ("Of the 22 acute trusts in the North East, Barts Health is the highest placed, at 8th nationally.", [(8, "")]),
    ("Of the 22 acute trusts in the North East, Barts Health is the highest-ranked trust.", []),
    ("Among the trusts in Kent and Medway, Barts Health was the lowest ranked, at 120th.", [(120, "")]),
    ("In the North East, Barts Health is the top-ranked trust, at 8th.", [(8, "")]),
    ("Across the ICS, Barts Health is the best-performing trust.", []),
    ("Of the 12 trusts in the North East, Barts Health is at the top.", []),
    # an opening naming the country, a table or the whole league
    ("In England, Barts Health is the top-ranked acute trust.", [(1, "top")]),
    ("In the latest tables, Barts Health is the top-ranked acute trust.", [(1, "top")]),
    ("Of the 134 acute trusts, Barts Health is the lowest ranked.", [(None, "bottom")]),
]


# an end of the table ('top', 'bottom', 'last') after an opening naming a region or a local
# whole is the region's end: no rank 1, and the national position is no previous rank
# ((rank, position, previous_rank) of each row)
REGION_OPENING_ENDS = [
    ("Within the Midlands, Barts Health came top, and it was 41st nationally.", [(41, "", None)]),
    ("In the Midlands, Barts Health came top and ranked 41st nationally.", [(41, "", None)]),
    ("Across the ICS, Barts Health was bottom, but it sits 90th overall.", [(90, "", None)]),
    ("Within the county, Barts Health finished last; nationally it is 112th.", [(112, "", None)]),
    ("In Kent and Medway, Homerton Healthcare came 40th and Barts Health came last.", [(40, "", None)]),
    ("Within the ICS, Barts Health came top.", []),
    # the end named as the country's or the table's
    ("In Kent, Barts Health came top nationally.", [(1, "top", None)]),
    ("Across the North East, Barts Health finished bottom of the league table.", [(None, "bottom", None)]),
    ("In the latest tables, Barts Health came top.", [(1, "top", None)]),
]


@pytest.mark.parametrize(("text", "expected"), REGION_OPENING_ENDS)
def test_an_end_after_a_region_s_opening(nlp: Language, text: str, expected: list[tuple]) -> None:
    assert [(r.rank, r.position, r.previous_rank) for r in read(nlp, text).rankings] == expected


@pytest.mark.parametrize(("text", "expected"), REGION_OPENING_SUPERLATIVES)
def test_a_superlative_after_a_region_s_opening(nlp: Language, text: str, expected: list[tuple]) -> None:
    assert [(r.rank, r.position) for r in read(nlp, text).rankings] == expected


@pytest.mark.parametrize(("text", "expected"), LOCAL_ENDS)
def test_a_local_end_is_not_the_league_s_end(nlp: Language, text: str, expected: list[tuple]) -> None:
    got = [(r.rank, r.position) for r in read(nlp, text).rankings if r.name == "Barts Health"]
    assert got == expected


# a position within a part of a league table is no league position; the whole table is
SUB_GROUPS = [
    ("Kent Community Health NHS Foundation Trust was seventh among community trusts.", []),
    ("Sussex Community NHS Foundation Trust finished seventh nationally among the community trusts.", []),
    ("Sussex Partnership came fourth out of the mental health trusts.", []),
    ("Sussex Partnership came fourth among mental health trusts in the non-acute table.", []),
    ("Barts Health was fifth among teaching hospitals.", []),
    ("The Christie was ranked third amongst specialist trusts.", []),
    ("Barts Health was ranked fourth in its ICB.", []),
    ("Barts Health came fifth of the large acute trusts, and 40th overall.", [40]),
    ("Sussex Community NHS Foundation Trust sits 22nd of England's community, mental health and learning "
     "disability trusts.", [22]),
    ("Kent Community Health NHS Foundation Trust came 22nd of the 61 non-acute trusts.", [22]),
    ("Sussex Partnership came 22nd of the 61 mental health trusts.", [22]),
    ("Barts Health was ranked fifth among acute trusts.", [5]),
    ("Yorkshire Ambulance Service came third of the ten ambulance trusts.", [3]),
]


# a position among a region's trusts, however the region is written, is no league position
REGIONAL_POSITIONS = [
    ("Barts Health came fifth of the trusts in the North East and Yorkshire region.", []),
    ("Barts Health came fifth of the North East and Yorkshire trusts.", []),
    ("Barts Health came fifth among the acute trusts of the North East and Yorkshire region.", []),
    ("Barts Health was ranked fifth in the North East and Yorkshire.", []),
    ("Barts Health came fifth of the trusts in the Midlands.", []),
    ("Barts Health came fifth among trusts in the south west.", []),
    ("Barts Health was ranked third of the acute trusts in Kent and Medway.", []),
    ("Barts Health came fifth across the ICS.", []),
    ("Barts Health came fifth within its ICS.", []),
    ("Barts Health came fifth across the integrated care system.", []),
    # the whole country's table
    ("Barts Health came fifth in the country.", [5]),
    ("Barts Health came fifth of the 134 acute trusts in England.", [5]),
    ("Barts Health was ranked 45th of 134 acute trusts, the highest in the North East and Yorkshire region.", [45]),
    ("Barts Health came fifth of the trusts in the latest table.", [5]),
]


@pytest.mark.parametrize(("text", "expected"), REGIONAL_POSITIONS)
def test_a_position_among_a_region_s_trusts(nlp: Language, text: str, expected: list[int]) -> None:
    assert [r.rank for r in read(nlp, text).rankings] == expected


@pytest.mark.parametrize(("text", "expected"), SUB_GROUPS)
def test_a_position_within_a_part_of_a_table(nlp: Language, text: str, expected: list[int]) -> None:
    assert [r.rank for r in read(nlp, text).rankings] == expected


FRONTED_WHOLE = [
    ("Of the 10 ambulance trusts in the NHS league table, South Central Ambulance Service ranks fifth.",
     ("South Central Ambulance Service", 5, 10)),
    ("Among the 134 acute trusts, Barts Health is 98th.", ("Barts Health", 98, 134)),
    ("Out of 61 non-acute trusts, Sussex Partnership came 12th.", ("Sussex Partnership", 12, 61)),
    ("Of England's 134 acute trusts, Barts Health is ranked 98th.", ("Barts Health", 98, 134)),
    ("Among all 61 non-acute providers in the table, Sussex Partnership sits 12th.", ("Sussex Partnership", 12, 61)),
    ("Of the ten ambulance services, South Central Ambulance Service came fifth.",
     ("South Central Ambulance Service", 5, 10)),
    ("Out of the 134 acute hospital trusts assessed by NHS England this quarter, Barts Health came 98th.",
     ("Barts Health", 98, 134)),
    ("Amongst the 61 non-acute trusts ranked in September, Sussex Partnership was placed joint 12th.",
     ("Sussex Partnership", 12, 61)),
]


@pytest.mark.parametrize(("text", "expected"), FRONTED_WHOLE)
def test_the_league_s_size_in_an_opening_phrase(nlp: Language, text: str, expected: tuple[str, int, int]) -> None:
    """'Of the 10 ambulance trusts in the NHS league table, X ranks fifth': the whole the
    sentence opens with is the league's size, whatever the phrase says of it before its comma."""
    assert [(r.name, r.rank, r.total) for r in read(nlp, text).rankings] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("Of the 12 acute trusts in the North East, Barts Health came third.", []),
    ("Among the 22 acute trusts in the region, Barts Health is 5th.", []),
    ("Of the 18 acute trusts across London, Barts Health came 6th.", []),
    ("Of the 5 trusts in the Barts Health group, Barts Health came 2nd.", [("Barts Health", 2, None)]),
    ("Of the 134 acute trusts in London and beyond, Barts Health is 98th nationally.", [("Barts Health", 98, None)]),
    ("Of the 40 acute trusts in segment 4, Barts Health ranks 12th.", [("Barts Health", 12, None)]),
    ("Of the 60 trusts with a deficit, Barts Health ranks 12th.", [("Barts Health", 12, None)]),
])
def test_an_opening_phrase_naming_a_region_or_a_group(nlp: Language, text: str, expected: list[tuple]) -> None:
    """A region's trusts rank within the region: no league position; a group, a region, a
    segment's members or those with something in common are no league's size."""
    assert [(r.name, r.rank, r.total) for r in read(nlp, text).rankings] == expected


AT_AFTER_NAMES = [
    ("Barts Health, at 36, and Homerton Healthcare, at joint 50, were the best placed in the county.",
     [("Barts Health", 36, False), ("Homerton Healthcare", 50, True)]),
    ("Barts Health at 12 and Frimley Health at 77 were the best placed in the region.",
     [("Barts Health", 12, False), ("Frimley Health", 77, False)]),
    ("Barts Health at 12th and Frimley Health at 77th were the region's best.",
     [("Barts Health", 12, False), ("Frimley Health", 77, False)]),
    ("Of the county's trusts in the rankings, Walsall Healthcare, at 36, did best.",
     [("Walsall Healthcare", 36, False)]),
    ("In the new table the two city trusts are far apart: Medway NHS Foundation Trust at 15, Barts Health at 101.",
     [("Barts Health", 101, False), ("Medway NHS Foundation Trust", 15, False)]),
    ("Ranked nationally, Sussex Partnership, at equal 20, and Frimley Health, at 33, lead the area.",
     [("Frimley Health", 33, False), ("Sussex Partnership", 20, True)]),
]


@pytest.mark.parametrize(("text", "expected"), AT_AFTER_NAMES)
def test_names_each_at_a_position_in_talk_of_the_table(nlp: Language, text: str,
                                                       expected: list[tuple[str, int, bool]]) -> None:
    """'X, at 36, and Y, at joint 50, were the best placed': each name right before its 'at', in a
    paragraph that talks of the table or of places in it."""
    assert sorted((r.name, r.rank, r.joint) for r in read(nlp, text).rankings) == expected


@pytest.mark.parametrize("text", [
    "Barts Health, at 36, has a new chief executive.",
    "Barts Health at 12 and Frimley Health at 14 opened new wards this year.",
    "In the rankings, Homerton Healthcare's chief executive, at 36, is the youngest.",
    "In the rankings, Frimley Health had vacancies at 36, its highest.",
    "In the rankings, Barts Health, at 36 Whitechapel Road, is placed well.",
    "In the rankings, Barts Health, at 36%, has the highest share.",
    "In the rankings, Barts Health, at 36 per cent, has the highest share.",
    "Barts Health, at 12, and Medway NHS Foundation Trust, at 14, were placed well in the staff survey rankings.",
    "The table shows Frimley Health at 12 for four-hour waits.",
])
def test_a_number_after_a_name_outside_talk_of_the_table(nlp: Language, text: str) -> None:
    """An age, an address, a share, another list, or no talk of a table in the paragraph."""
    assert read(nlp, text).rankings == []


def test_a_name_the_linker_cannot_resolve_keeps_its_own_position(nlp: Language) -> None:
    """'X is 131st, and Hull is dead last, 134th of 134': 134th is not X's second position."""
    text = "York and Scarborough Teaching Hospitals is 131st, and Hull is dead last, 134th of 134."
    assert [(r.name, r.rank) for r in read(nlp, text).rankings] == [("York and Scarborough Teaching Hospitals", 131)]


@pytest.mark.parametrize("text", [
    "Walsall Healthcare was third from bottom.",
    "South Western Ambulance Service came second-bottom of the ambulance league table.",
])
def test_counted_from_the_bottom_without_a_size_is_no_position(nlp: Language, text: str) -> None:
    assert read(nlp, text).rankings == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Frimley Health, which is the biggest general hospital trust in the table, sits at position 11.",
     ("Frimley Health", 11)),
    ("Barts Health, which runs several sites, at number 61.", ("Barts Health", 61)),
    ("Homerton Healthcare, based in Hackney, ranked seventh.", ("Homerton Healthcare", 7)),
    ("Medway NHS Foundation Trust, the county's largest provider, came 121st.", ("Medway NHS Foundation Trust", 121)),
    ("Walsall Healthcare, a small district general trust, sits in 90th place.", ("Walsall Healthcare", 90)),
    ("Gloucestershire Hospitals, now in segment 3, at 38 overall.", ("Gloucestershire Hospitals", 38)),
    ("Sussex Partnership, who serve the whole county, was placed 44th.", ("Sussex Partnership", 44)),
    ("East Kent Hospitals, the subject of two reviews, is 125th.", ("East Kent Hospitals", 125)),
    ("Medway NHS Foundation Trust, East Kent Hospitals' partner in Kent, stays in segment 4 and is ranked 121st.",
     ("Medway NHS Foundation Trust", 121)),
])
def test_a_name_set_off_from_its_position(nlp: Language, text: str, expected: tuple[str, int]) -> None:
    """An apposition or relative clause between the organisation and its position."""
    assert [(r.name, r.rank) for r in read(nlp, text).rankings] == [expected]


def test_a_place_after_the_name_and_an_apposition_before_the_position(nlp: Language) -> None:
    text = "Homerton Healthcare in Hackney, which serves east London, was seventh."
    assert [(r.name, r.rank) for r in read(nlp, text).rankings] == [("Homerton Healthcare", 7)]


@pytest.mark.parametrize("text", [
    "Next on the list is the Midlands Acute Trust Walsall Healthcare, a district general, at number 20.",
    "The biggest riser was a County Trust- Walsall Healthcare, which few expected, at position 20.",
])
def test_the_name_at_the_end_of_a_longer_capitalised_run(nlp: Language, text: str) -> None:
    assert [(r.name, r.rank) for r in read(nlp, text).rankings] == [("Walsall Healthcare", 20)]


ACUTE_LEAGUE = "League tables\n\nAcute hospitals are ranked in a new league table. "


@pytest.mark.parametrize(("text", "expected"), [
    ("The best is a rural Healthcare Trust-Salisbury, that is the largest in the county, at position 12.",
     ("Salisbury", 12)),
    ("The best was a rural Healthcare Trust - Salisbury, which is the largest in the county, at number 12.",
     ("Salisbury", 12)),
    ("The best is a rural Healthcare Trust- Salisbury, the largest in the county, at position 12.", ("Salisbury", 12)),
    ("Highest of the big ones is a Teaching Trust-Stockport, which had risen fast, at position 30.", ("Stockport", 30)),
    ("Then comes a Northern Trust - Gateshead, based on Tyneside, at number 5.", ("Gateshead", 5)),
    ("It's a Black Country Trust-Walsall, that few had tipped, at position 20.", ("Walsall", 20)),
    ("Next on the list was a Coastal NHS Trust-Salisbury, which serves a wide area, at number 12.", ("Salisbury", 12)),
    ("Falling furthest was a Foundation Trust – Stockport, which had been 12th, at position 30.", ("Stockport", 30)),
    ("The first big one is a City Trust—Gateshead, which serves Tyneside, at number 5.", ("Gateshead", 5)),
])
def test_a_place_after_a_description_and_a_dash(nlp: Language, text: str, expected: tuple[str, int]) -> None:
    """'a rural Healthcare Trust-Salisbury, ..., at position 12': the bare place the league resolves
    ends the description's run whether the dash is spaced or not (a PDF's line end drops the
    space after it)."""
    assert [(r.name, r.rank) for r in read_doc(nlp(ACUTE_LEAGUE + text)).rankings] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("Barts Health (segment 2, 44th) gained 17 places.", [("Barts Health", 44)]),
    ("Homerton Healthcare rose 30 places to 41st.", [("Homerton Healthcare", 41)]),
    ("Royal Cornwall Hospitals, down 40 places to 101st, had the biggest fall.", [("Royal Cornwall Hospitals", 101)]),
    ("Walsall Healthcare climbed two spots to 88th.", [("Walsall Healthcare", 88)]),
])
def test_places_gained_and_a_bracketed_segment(nlp: Language, text: str, expected: list[tuple[str, int]]) -> None:
    assert [(r.name, r.rank) for r in read(nlp, text).rankings] == expected


PLACES_THEN_POSITION = [
    ("Homerton Healthcare went up 25 places, to 31st.", ("Homerton Healthcare", 31, None, 56)),
    ("Barts Health climbed 12 places, to 40th out of 134.", ("Barts Health", 40, 134, 52)),
    ("Barts Health has climbed 12 places, to joint 40th out of 134 acute trusts.", ("Barts Health", 40, 134, 52)),
    ("Frimley Health fell nine places, to 101st.", ("Frimley Health", 101, None, 92)),
    ("Medway NHS Foundation Trust moved up 17 places, to 60th in the acute table.",
     ("Medway NHS Foundation Trust", 60, None, 77)),
    ("Royal Cornwall Hospitals slipped three places – to 99th.", ("Royal Cornwall Hospitals", 99, None, 96)),
    ("Sussex Partnership rose 4 places, to 12th of 61 non-acute trusts.", ("Sussex Partnership", 12, 61, 16)),
    ("Gloucestershire Hospitals was down 6 places, to 70th.", ("Gloucestershire Hospitals", 70, None, 64)),
    ("Walsall Healthcare went up by 25 places, to 31st.", ("Walsall Healthcare", 31, None, 56)),
    ("East Kent Hospitals gained one place, to 119th.", ("East Kent Hospitals", 119, None, 120)),
    ("Walsall Healthcare dropped to 88th, down 14 places.", ("Walsall Healthcare", 88, None, 74)),
    ("Frimley Health dropped to 88th, down by 14 places on the last quarter.", ("Frimley Health", 88, None, 74)),
    ("Barts Health rose to 40th, up 12 places.", ("Barts Health", 40, None, 52)),
    ("Homerton Healthcare is now 120th, having fallen 11 places.", ("Homerton Healthcare", 120, None, 109)),
    ("Walsall Healthcare climbed 20 places to 54th.", ("Walsall Healthcare", 54, None, 74)),
]


@pytest.mark.parametrize(("text", "expected"), PLACES_THEN_POSITION)
def test_places_moved_then_the_position_after_a_comma(nlp: Language, text: str,
                                                      expected: tuple[str, int, int | None, int]) -> None:
    """'went up 25 places, to 31st', 'dropped to 88th, down 14 places': the position, and the
    one before it from the places moved, whether a comma or dash stands between them or not."""
    assert [(r.name, r.rank, r.total, r.previous_rank) for r in read(nlp, text).rankings] == [expected]


@pytest.mark.parametrize("text", [
    "Homerton Healthcare jumped 30 places, to 12th for cancer waits.",
    "Barts Health climbed 12 places, to 40th in the region.",
    "Frimley Health moved up three places, to fifth for A&E waits.",
])
def test_places_moved_on_another_list(nlp: Language, text: str) -> None:
    assert read(nlp, text).rankings == []


@pytest.mark.parametrize("text", [
    "The trust is 40th in the national oversight table for acute hospitals.",
    "Where each NHS trust sits in the oversight rankings this quarter.",
    "Hospital bosses react to the new oversight league.",
])
def test_the_archive_gate_knows_the_oversight_table(text: str) -> None:
    """Pages that name the table only as 'the oversight table' still reach the pipeline, on
    both scanning paths."""
    from extractor.sources.relevance import names_oversight, scan_terms

    assert names_oversight(text) and scan_terms(text.encode())


@pytest.mark.parametrize("text", [
    "The framework ranks Barts Health 61st.",
    "Homerton Healthcare was ranked 30th of 61.",
    "Frimley Health is now 9th out of 134.",
])
def test_a_league_named_by_its_size_or_the_framework(nlp: Language, text: str) -> None:
    """No 'league table' in so many words, but the framework or a league's size says which list."""
    assert len(read_doc(nlp("Published 12 December 2025\n" + text)).rankings) == 1


def test_bottom_in_words_goes_with_the_number(nlp: Language) -> None:
    text = "Walsall Healthcare is bottom of the national table, ranked 134th of 134."
    assert rankings(nlp, text) == [("Walsall Healthcare", 134, "bottom", False, 134)]


# a position held in an earlier table, stated after the current one, is the ranking's previous rank
EARLIER_TABLE = [
    ("Barts Health is 50th of 134. The Trust was 61st in the first table, published in September.", 50, 61),
    ("Barts Health came third of ten. It was fourth in the previous table.", 3, 4),
    ("Barts Health has been ranked 12th. Barts Health had come 20th in the last rankings.", 12, 20),
    ("Barts Health now sits at number 7. It was ranked ninth in the earlier league table.", 7, 9),
    ("Barts Health is placed 30th. A quarter earlier, Barts Health was 33rd.", 30, 33),
    ("Barts Health is now 14th out of 134. In the previous rankings, Barts Health came 'joint 20th'.", 14, 20),
    ("Barts Health is placed 30th of 134. It was 33rd the quarter before.", 30, 33),
    ("Barts Health ranks 88th. It came 95th in the initial publication in September.", 88, 95),
    ("Barts Health was placed 101st this quarter; it was 99th in the prior table.", 101, 99),
    ("Barts Health finished joint 40th. It had finished 42nd in the inaugural tables.", 40, 42),
]


@pytest.mark.parametrize(("text", "rank", "previous"), EARLIER_TABLE)
def test_a_position_in_an_earlier_table_is_the_previous_rank(nlp: Language, text: str, rank: int,
                                                             previous: int | None) -> None:
    got = [(r.rank, r.previous_rank) for r in read(nlp, text).rankings]
    assert got[0] == (rank, previous)
    assert all(r == rank for r, _ in got)


@pytest.mark.parametrize(("text", "expected"), [
    # on the day the first table came out, 'in the first table' is the table itself
    ("Barts Health was 61st in the first league table, published today.", [(61, None)]),
    # a position in an earlier table with nothing read before it is read as it stands
    ("In the previous table Barts Health was 44th.", [(44, None)]),
    ("In the previous table, Barts Health was 44th.", [(44, None)]),
    # an earlier table named before the organisation that is now ranked ('61st in the previous table' aside)
    ("Homerton Healthcare, in the previous table, was 20th. Barts Health is 50th.", [(20, None), (50, None)]),
    # another organisation's earlier position is not this one's
    ("Barts Health is 50th. Homerton Healthcare was 61st in the previous table.", [(50, None), (61, None)]),
])
def test_an_earlier_table_without_a_ranking_to_attach_to(nlp: Language, text: str, expected: list[tuple]) -> None:
    assert [(r.rank, r.previous_rank) for r in read(nlp, text).rankings] == expected


# a relative clause naming other places or bodies between the organisation and its position
RELATIVE_CLAUSE = [
    "Mid and South Essex NHS Foundation Trust (MSE), which runs Basildon and Southend hospitals, is ranked 128th.",
    "Mid and South Essex NHS Foundation Trust, which runs Basildon and Southend hospitals, is ranked 128th.",
    "Mid and South Essex NHS Foundation Trust, which took over Basildon Hospital in 2020, was ranked 128th.",
    "Mid and South Essex NHS Foundation Trust (MSE), which covers Southend, came 128th out of 134.",
    "Mid and South Essex NHS Foundation Trust, which works with Essex Partnership University, sits 128th.",
    "Mid and South Essex NHS Foundation Trust (MSE), which runs Broomfield, Basildon and Southend hospitals, "
    "is also in segment four, ranked 128th.",
    "Mid and South Essex NHS Foundation Trust ('MSE'), which merged Basildon and Southend hospitals, is 128th.",
    "Mid and South Essex NHS Foundation Trust (MSEFT), which manages Southend Hospital, is placed at number 128.",
]


@pytest.mark.parametrize("text", RELATIVE_CLAUSE)
def test_names_inside_a_relative_clause_are_not_the_subject(nlp: Language, text: str) -> None:
    got = [(r.ods_code, r.rank) for r in read(nlp, text).rankings]
    assert got == [("RAJ", 128)]


# 'Its latest placing – 109th': a possessive pronoun opening the sentence, then the position
POSSESSIVE_PLACING = [
    "Its latest placing – 109th out of 134 in the acute league table, in segment 4 – is a reminder.",
    "Its latest placing - 109th in the acute table - is no surprise.",
    "Its position: 109th.",
    "Its ranking, 109th out of 134, was announced on Thursday.",
    "Its current standing – joint 109th – is the worst in the county.",
    "Its place in the table is 109th.",
    "Its new position of 109th was confirmed this week.",
    "Its overall ranking: 109th of 134 acute trusts.",
]


@pytest.mark.parametrize("text", POSSESSIVE_PLACING)
def test_its_placing_is_the_position_of_the_one_the_text_is_about(nlp: Language, text: str) -> None:
    got = read(nlp, "United Lincolnshire Teaching Hospitals NHS Trust has had a hard decade. " + text).rankings
    assert [(r.ods_code, r.rank) for r in got] == [("RWD", 109)]


@pytest.mark.parametrize("text", [
    "Its chief executive came 109th in the London marathon.",
    "Its latest placing of staff – 109 nurses from abroad – began in May.",
])
def test_its_without_a_league_position(nlp: Language, text: str) -> None:
    got = read(nlp, "United Lincolnshire Teaching Hospitals NHS Trust has had a hard decade. " + text).rankings
    assert got == []


# An end of a table said of a body whose number the sentence gives otherwise is a group's end.
GROUP_ENDS = [
    ("In the NHS league tables, the highest-placed acute trust was Barts Health in sixth.", [("Barts Health", 6, "")]),
    ("In the NHS league tables, the best-placed trust was Barts Health, at 16th.", [("Barts Health", 16, "")]),
    ("In the NHS league tables, the lowest-placed trust was Barts Health, 120th of 134.", [("Barts Health", 120, "")]),
    # the number agrees with the end, or there is none
    ("In the NHS league tables, Barts Health came top, first of 134 acute trusts.", [("Barts Health", 1, "top")]),
    ("In the NHS league tables, Barts Health was the top acute trust in England.", [("Barts Health", 1, "top")]),
]


@pytest.mark.parametrize(("text", "expected"), GROUP_ENDS)
def test_an_end_contradicted_by_the_body_s_number(nlp: Language, text: str, expected: list[tuple]) -> None:
    got = [(r.name, r.rank, r.position) for r in read(nlp, text).rankings]
    assert got == expected
