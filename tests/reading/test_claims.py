"""Claim building on whole sentences: which count goes with which population and segment.

Each row is a sentence in the styles of national news, local news, board papers and NHS
statements, with every claim the contract (``../shared/spec/dataset.md``) says it makes:
``(org_type, segments, count, total, percent, share_text)``. Rows the current rules get
wrong are kept as non-strict xfails with the reason: they are the to-do list.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from extractor.reading import read_doc
from extractor.records import Claim, DocResult

ClaimTuple = tuple[str, tuple[int, ...], int | None, int | None, float | None, str]


def read(nlp: Language, text: str) -> tuple[str, DocResult]:
    doc = nlp(text)
    return doc.text, read_doc(doc)


def as_tuple(claim: Claim) -> ClaimTuple:
    return (claim.org_type, tuple(sorted(claim.segments)), claim.count, claim.total, claim.percent,
            claim.share_text.lower())


def claims_of(nlp: Language, text: str) -> list[ClaimTuple]:
    return sorted((as_tuple(c) for c in read(nlp, text)[1].claims), key=repr)


def todo(*values, reason: str):
    return pytest.param(*values, marks=pytest.mark.xfail(strict=False, reason=reason))


CLAIMS = [
    ("More than half (23) of the 42 Integrated Care Systems (ICSs) in England fall into Segment 3.",
     [("icb", (3,), 23, 42, None, "more than half")]),
    ("Only one ICS – Frimley – is assigned to Segment 1.",
     [("icb", (1,), 1, None, None, "")]),
    ("Four ICSs (Devon, Hampshire & the Isle of Wight, Norfolk & Waveney, and Shropshire, Telford & Wrekin) "
     "have been rated in the worst performing Segment 4.",
     [("icb", (4,), 4, None, None, "")]),
    ("30 of the 209 trusts make it into the best-performing Segment 1.",
     [("trust", (1,), 30, 209, None, "")]),
    ("40% (84) of trusts are in Segment 2.",
     [("trust", (2,), 84, None, 40, "")]),
    ("60 out of the 137 acute trusts were in segment 3.",
     [("acute", (3,), 60, 137, None, "")]),
    ("None of the ten ambulance trusts is in segment 4.",
     [("ambulance", (4,), 0, 10, None, "")]),
    ("Just over a third of the 42 integrated care boards are in segment 2.",
     [("icb", (2,), None, 42, None, "just over a third")]),
    ("A third of the 42 ICBs are in segment 2.",
     [("icb", (2,), 14, 42, None, "a third")]),
    ("Of the 209 trusts, 29 are in segment 1 – that's only about 14%.",
     [("trust", (), 209, None, None, ""), ("trust", (1,), 29, 209, 14, "")]),
    ("Of the 42 ICBs, 12 are in segment 2, which is about 29%.",
     [("icb", (), 42, None, None, ""), ("icb", (2,), 12, 42, 29, "")]),
    ("In the acute table, 16 trusts have made it into segment 1.", [("acute", (1,), 16, None, None, "")]),
    ("So only eleven ICBs make it into either of the two best segments.", [("icb", (1, 2), 11, None, None, "")]),
    ("Nineteen trusts are in the two lowest segments.", [("trust", (3, 4), 19, None, None, "")]),
    ("Across the whole table, two of the 12 South West organisations are in segment 4.",
     [("trust", (4,), 2, 12, None, "")]),
    ("Roughly four in every ten systems are in segments 3 or 4.",
     [("icb", (3, 4), None, None, None, "four in every ten")]),
    ("In the acute table, 3 ambulance trusts are in segment 1.", [("ambulance", (1,), 3, None, None, "")]),
    ("Nationally, 20 trusts – about 10% – are still in segment 4.",
     [("trust", (4,), 20, None, 10, "")]),
    ("| Segment | ICBs | Trusts | Share of trusts |\n| 1 | 2 | 28 | 14% |\n| 4 | 5 | 20 | 10% |",
     [("icb", (1,), 2, None, None, ""), ("trust", (1,), 28, None, 14, ""),
      ("icb", (4,), 5, None, None, ""), ("trust", (4,), 20, None, 10, "")]),
    ("The ICB is now one of 15 of England's 42 integrated care boards in segment 2.",
     [("icb", (2,), 15, 42, None, "")]),
    ("Nine in 10 acute trusts are in segments 3 and 4.",
     [("acute", (3, 4), None, None, None, "nine in 10")]),
    ("One in four trusts is in segment 3.",
     [("trust", (3,), None, None, None, "one in four")]),
    ("Over half (11/19) of the mental health trusts are in segment 3.",
     [("mental_health", (3,), 11, 19, None, "over half")]),
    ("Twenty-three systems are in segment 3.",
     [("icb", (3,), 23, None, None, "")]),
    ("28 per cent of NHS providers are in segment 3.",
     [("trust", (3,), None, None, 28, "")]),
    ("61 trusts are in segments 3 and 4.",
     [("trust", (3, 4), 61, None, None, "")]),
    ("Six acute trusts and two ambulance trusts were placed in the top two segments.",
     [("acute", (1, 2), 6, None, None, ""), ("ambulance", (1, 2), 2, None, None, "")]),
    ("Published 21 October 2016\nNHS Improvement has put 12 trusts in special measures.",
     [("trust", (4,), 12, None, None, "")]),
    ("Eight trusts are in mandated support under NHS Improvement's single oversight framework.",
     [("trust", (3,), 8, None, None, "")]),
    ("In the 2025/26 league tables, 11 acute trusts are in the Recovery Support Programme.",
     [("acute", (5,), 11, None, None, "")]),
    ("Two specialist trusts, six mental health trusts and three community trusts were in segment 3.",
     [("community", (3,), 3, None, None, ""), ("mental_health", (3,), 6, None, None, ""),
      ("specialist", (3,), 2, None, None, "")]),
    ("A dozen CCGs remain in segment 4.",
     [("ccg", (4,), 12, None, None, "")]),
    ("Of the 42 ICBs, 14 are in segment 2.",
     [("icb", (), 42, None, None, ""), ("icb", (2,), 14, 42, None, "")]),
    ("Segment 3 now holds 74 trusts.",
     [("trust", (3,), 74, None, None, "")]),
    ("Two-thirds of the 42 ICSs are in segment 2 or 3.",
     [("icb", (2, 3), 28, 42, None, "two-thirds")]),
    ("Roughly a third of the 42 ICBs are in segment 2.",
     [("icb", (2,), None, 42, None, "roughly a third")]),
    ("Nearly half of the country's 209 trusts are in segment 3.",
     [("trust", (3,), None, 209, None, "nearly half")]),
    ("17% of the 42 ICBs are in segment 4.",
     [("icb", (4,), None, 42, 17, "")]),
    ("36% (15) of the 42 ICBs are in segment 3.",
     [("icb", (3,), 15, 42, 36, "")]),
    ("Eleven of the 42 systems (26%) sit in segment 3.",
     [("icb", (3,), 11, 42, 26, "")]),
    ("Only one of England's 42 ICBs, Frimley, is in segment 1.",
     [("icb", (1,), 1, 42, None, "")]),
    ("Just two of the 137 acute trusts are in segment 1.",
     [("acute", (1,), 2, 137, None, "")]),
    ("Six ICBs are in NOF4.",
     [("icb", (4,), 6, None, None, "")]),
    ("There are 14 ICBs in segment 2.",
     [("icb", (2,), 14, None, None, "")]),
    ("Segment 4 has four ICBs.",
     [("icb", (4,), 4, None, None, "")]),
    ("A further 20 trusts were in segment 3.",
     [("trust", (3,), 20, None, None, "")]),
    ("The 10 ambulance trusts were all placed in segment 2.",
     [("ambulance", (2,), 10, None, None, "")]),
    ("In 2025/26 Q2 eight trusts were placed in segment 5.",
     [("trust", (5,), 8, None, None, "")]),
    ("Five acute trusts are in segment 4, compared with three last year.",
     [("acute", (4,), 5, None, None, "")]),
    ("Roughly one in five NHS trusts is now in the bottom two segments of the 2025/26 oversight framework.",
     [("trust", (4, 5), None, None, None, "one in five")]),
    ("Segment 2 – 84 trusts (40%)", [("trust", (2,), 84, None, 40, "")]),
    ("Only one ICS is in segment 1, with only six acute hospital trusts making it into the top tier.",
     [("icb", (1,), 1, None, None, ""), ("acute", (1,), 6, None, None, "")]),
    ("Ten ICSs are in segment 3 and four are in segment 4, while the rest are in segment 2.",
     [("icb", (3,), 10, None, None, ""), ("icb", (4,), 4, None, None, "")]),
    ("There are 42 integrated care boards in England.", [("icb", (), 42, None, None, "")]),
    ("NHS Improvement said ten per cent of providers are in special measures.", [("trust", (4,), None, None, 10, "")]),
    ("A total of 84 NHS trusts were placed in segment 2, 40% of the total.", [("trust", (2,), 84, None, 40, "")]),
    ("Of the 134 acute trusts, 12 are in segment 4 and 30 in segment 3.",
     [("acute", (), 134, None, None, ""), ("acute", (3,), 30, 134, None, ""),
          ("acute", (4,), 12, 134, None, "")]),
    ("Over a quarter of acute trusts are in segment 4.", [("acute", (4,), None, None, None, "over a quarter")]),
    ("Trusts in segment 4: 19 (up from 16).", [("trust", (4,), 19, None, None, "")]),
    # an earlier value after a change verb and the new value is no claim of its own
    ("The number of trusts in segment 4 rose to eight, from four in the spring.", [("trust", (4,), 8, None, None, "")]),
    ("The number of trusts in segment 4 climbed to 19 from 16 last quarter.", [("trust", (4,), 19, None, None, "")]),
    # a count taken up again with 'the' is still one ('The 35 in segment 1, ...')
    ("Of the 230 trusts, 35 are in segment 1. The 35 in segment 1 will share best practice.",
     [("trust", (), 230, None, None, ""), ("trust", (1,), 35, 230, None, ""), ("trust", (1,), 35, None, None, "")]),
    # a share set off between the count and its segment, by commas or a pair of dashes
    ("Just 16 acute trusts, 12% of the total, are in segment 1.", [("acute", (1,), 16, None, 12, "")]),
    ("Just 16 acute trusts – 12% of the total – are in segment 1.", [("acute", (1,), 16, None, 12, "")]),
    ("Just 16 acute trusts - 12% of the total - are in segment 1.", [("acute", (1,), 16, None, 12, "")]),
    ("16 acute trusts - 12 per cent - are in segment 1.", [("acute", (1,), 16, None, 12, "")]),
    ("Five ICBs – 12% of the whole – were placed in segment 4.", [("icb", (4,), 5, None, 12, "")]),
    # the figure set off may name its scope or its own noun before the closing mark
    ("Nineteen trusts, or 9% of the 209 in England, are in segment 1.", [("trust", (1,), 19, 209, 9, "")]),
    ("Nineteen trusts (9% of the 209 in England) are in segment 1.", [("trust", (1,), 19, 209, 9, "")]),
    ("Ten per cent of the 42 ICBs - four systems - are in segment 4.", [("icb", (4,), 4, 42, 10, "")]),
    # 'eight out of ten' is a share, as 'eight in ten' is; 'seven of the ten' counts
    ("Eight out of ten ICBs are in segments 2 or 3.", [("icb", (2, 3), None, None, None, "eight out of ten")]),
    ("Nine out of 10 acute trusts were in segment 2 or 3.",
     [("acute", (2, 3), None, None, None, "nine out of 10")]),
    ("Seven of the ten ambulance trusts are in segment 2.", [("ambulance", (2,), 7, 10, None, "")]),
    ("Segmentation of the 42 ICBs:\nSegment 1: 1 ICB\nSegment 2: 14 ICBs\nSegment 3: 23 ICBs\n"
     "Segment 4: 4 ICBs",
     [("icb", (1,), 1, 42, None, ""), ("icb", (2,), 14, 42, None, ""),
      ("icb", (3,), 23, 42, None, ""), ("icb", (4,), 4, 42, None, ""), ("icb", (), 42, None, None, "")]),
]


@pytest.mark.parametrize(("text", "expected"), CLAIMS)
def test_claims(nlp: Language, text: str, expected: list[ClaimTuple]) -> None:
    assert claims_of(nlp, text) == sorted(expected, key=repr)


# Claims that lean on the sentence before: "A further 14", "Two of the others", "They fall into".
CONTEXT = [
    ("23 of the 42 ICSs are in segment 3. A further 14 are in segment 2.",
     [("icb", (3,), 23, 42, None, ""), ("icb", (2,), 14, None, None, "")]),
    ("23 of the 42 ICSs are in segment 3. Two of the others are in segment 4.",
     [("icb", (3,), 23, 42, None, ""), ("icb", (4,), 2, None, None, "")]),
    ("30 of the 209 trusts are in segment 1, of which two-thirds (20) are community or mental health trusts.",
     [("trust", (1,), 30, 209, None, ""),
      ("community_or_mental_health", (1,), 20, None, None, "two-thirds")]),
    ("Six community or mental health trusts, four acute trusts and one ambulance trust are in segment 4. "
     "None of these types of trust were in segment 1.",
     [("community_or_mental_health", (4,), 6, None, None, ""), ("acute", (4,), 4, None, None, ""),
      ("ambulance", (4,), 1, None, None, ""), ("community_or_mental_health", (1,), 0, None, None, ""),
      ("acute", (1,), 0, None, None, ""), ("ambulance", (1,), 0, None, None, "")]),
    ("More than half (23) of the 42 ICSs are placed in one of the lower segments. "
     "They fall into Segment 3.",
     [("icb", (3,), 23, 42, None, "more than half")]),
    ("Four of the seven acute trusts are in segment 2. None of them is in segment 4.",
     [("acute", (2,), 4, 7, None, ""), ("acute", (4,), 0, None, None, "")]),
    ("Four of our seven partner trusts are in segment 2, and none of them is in segment 4.",
     [("trust", (2,), 4, 7, None, ""), ("trust", (4,), 0, None, None, "")]),
    ("The board has 12 members. Two of them are in segment 3.", []),
    ("All three North West ICBs are in segment three. Nobody has made it into segment two either.",
     [("icb", (3,), 3, None, None, ""), ("icb", (2,), 0, None, None, "")]),
    ("Just under a third of ICBs – 13 of the 42 – are in segment 2. 22 of the 42 are one step further down, "
     "in segment 3.",
     [("icb", (2,), 13, 42, None, "just under a third"), ("icb", (3,), 22, 42, None, "")]),
]


@pytest.mark.parametrize(("text", "expected"), CONTEXT)
def test_claims_in_context(nlp: Language, text: str, expected: list[ClaimTuple]) -> None:
    assert claims_of(nlp, text) == sorted(expected, key=repr)


NO_CLAIM = [
    "Nobody is going to take a risk to get to segment 2 when the prize is small.",
    "Newcastle upon Tyne Hospitals, which shares 68th place with four other trusts, is in segment 3.",
    "Only 23 trusts (11%) changed segment between October and March.",
    "NHS England has moved 11 acute trusts out of the top tier of its elective recovery tiering system.",
    "Waiting lists grew to 7.6 million, with 300,000 patients waiting over a year.",
    "The trust reported a £12m deficit for 2024/25.",
    "The ICB's £45 million overspend puts it among 19 systems under scrutiny.",
    "In 2023/24, 12 trusts had deficits above £20m.",
    "19 of 42 ICSs are in the financial intervention regime.",
    "Each ICS is placed in one of four segments.",
    "The framework has four segments and 10 criteria.",
    "The CQC rated 12 trusts as inadequate and 40 as requires improvement.",
    "Three trusts were rated outstanding by the CQC last year.",
    "A&E performance was 72% against a 95% target.",
    "The board meets on 3 March 2024 in Room 4.",
    "Published 21/10/2016, the report covers 230 hospitals.",
    "Segment 3 trusts must submit plans within 30 days.",
    "The trust cut its waiting list by 4,000 in segment 3 areas.",
    "Half of the ICB's 12 hospitals missed the four-hour target.",
    "The trust, which is in segment 3, employs 9,000 staff.",
    "None of these types of trust were in segment 4.",
    # a flow between segments, not how many sit there: the reconciler must not sum it with stocks
    "Seven systems moved into segment 4 this year, including Kent and Medway.",
    "Ranked 130th out of 134 acute trusts, the hospital is in segment 4.",
    "Segments run from 1 (the strongest performance) to 4, with a fifth segment for trusts in the programme.",
    "Trusts are scored from 1 to 4, with 1 being the strongest performance, and placed in segment 5 if in the RSP.",
    "The average score was 3.23, where 1 is best and 4 is worst; trusts in segment 4 get support.",
    'The CQC currently rates nine acute trusts "inadequate", but not all of them are in special measures.',
]


@pytest.mark.parametrize("text", NO_CLAIM)
def test_no_claim(nlp: Language, text: str) -> None:
    assert claims_of(nlp, text) == []


SCOPES = [
    ("In Lancashire and South Cumbria, four trusts are in segment 4.", "Lancashire and South Cumbria"),
    ("Three of the seven trusts in Birmingham are in segment 4.", "Birmingham"),
    ("Across the south east, five trusts are in segment 3.", "south east"),
    ("Five trusts are in segment 3.", ""),
    ("23 of the 42 ICSs in England are in segment 3.", ""),
    # 'our' with our own bodies keeps the count local; 'our analysis' is our work, not our place
    ("Two of our trusts are in segment 4.", "our area"),
    ("Seven trusts in our peer group are in segment 3.", "our area"),
    ("Our analysis of 210 providers found that 140 are in segments 2 or 3.", ""),
    ("Our own research shows that 140 providers are in segments 2 or 3.", ""),
]


@pytest.mark.parametrize(("text", "scope"), SCOPES)
def test_scope(nlp: Language, text: str, scope: str) -> None:
    claims = read(nlp, text)[1].claims
    assert len(claims) == 1
    assert claims[0].scope.lower().removeprefix("the ") == scope.lower()


# counts written as words spaCy would read otherwise
WORDED = [
    ("Half a dozen ICBs are in segment 4.", [(6, None)]),
    ("Half-a-dozen trusts are in segment 4.", [(6, None)]),
    ("A dozen trusts are in segment 4.", [(12, None)]),
    ("Nearly a fifth (8) of the 42 ICBs are in segment 4.", [(8, 42)]),
    ("Just under a fifth (eight) of the 42 ICBs are in segment 4.", [(8, 42)]),
]


@pytest.mark.parametrize(("text", "expected"), WORDED)
def test_worded_counts(nlp: Language, text: str, expected: list[tuple]) -> None:
    assert [(c.count, c.total) for c in read(nlp, text)[1].claims] == expected


# an opening phrase before 'of the N ...,' still makes N the whole the next count is part of
LEAD_PHRASES = [
    ("According to our analysis of 210 providers, 140 are in segments 2 or 3.", [(210, None, ()), (140, 210, (2, 3))]),
    ("In a review of the 42 ICBs, 23 were found to be in segment 3.", [(42, None, ()), (23, 42, (3,))]),
    ("Looking at the 134 acute trusts, 60 are in segment 3.", [(134, None, ()), (60, 134, (3,))]),
    ("Of the 42 ICBs, 23 are in segment 3.", [(42, None, ()), (23, 42, (3,))]),
]


@pytest.mark.parametrize(("text", "expected"), LEAD_PHRASES)
def test_a_leading_whole_after_an_opening_phrase(nlp: Language, text: str, expected: list[tuple]) -> None:
    assert [(c.count, c.total, c.segments) for c in read(nlp, text)[1].claims] == expected


MEMBERS = [
    ("Only one ICS – Frimley – is assigned to Segment 1.", [("Frimley", 1)]),
    ("Four ICSs (Devon, Hampshire & the Isle of Wight, Norfolk & Waveney, and Shropshire, Telford & Wrekin) "
     "have been rated in the worst performing Segment 4.",
     [("Devon", 4), ("Hampshire & the Isle of Wight", 4), ("Norfolk & Waveney", 4),
      ("Shropshire, Telford & Wrekin", 4)]),
    ("Only one of England's 42 ICBs, Frimley, is in segment 1.", [("Frimley", 1)]),
    # a later count that borrows the population before the list does not take the list too
    ("Only one ICS – Frimley – is assigned to Segment 1, and 23 are in Segment 3.", [("Frimley", 1)]),
    ("Only one system - Frimley - sits in segment 1, while 23 are in segment 3.", [("Frimley", 1)]),
    ("Just one ICB, Frimley, was placed in segment 1, whereas 23 were put in segment 3.", [("Frimley", 1)]),
    ("Two ICBs (Frimley and Dorset) are in segment 1 and 23 in segment 3.", [("Frimley", 1), ("Dorset", 1)]),
    ("Of the 42 ICBs, just one, Frimley, is in the top segment.", [("Frimley", 1)]),
    ("Two systems (5%), Shropshire, Telford and Wrekin and Norfolk and Waveney, have been placed in the "
     "Recovery Support Programme.", [("Shropshire, Telford and Wrekin", 4), ("Norfolk and Waveney", 4)]),
    ("Four ICBs are in segment four. They are Devon, Hampshire and the Isle of Wight, Norfolk and Waveney, and "
     "Shropshire, Telford and Wrekin.",
     [("Devon", 4), ("Hampshire and the Isle of Wight", 4), ("Norfolk and Waveney", 4),
      ("Shropshire, Telford and Wrekin", 4)]),
    ("Two trusts are in segment 4. They are East Kent Hospitals University NHS Foundation Trust and "
     "Medway NHS Foundation Trust.",
     [("East Kent Hospitals University NHS Foundation Trust", 4), ("Medway NHS Foundation Trust", 4)]),
]


@pytest.mark.parametrize(("text", "members"), MEMBERS)
def test_list_memberships(nlp: Language, text: str, members: list[tuple[str, int]]) -> None:
    result = read(nlp, text)[1]
    assert [(m.name, m.segment) for m in result.memberships] == members
    assert all(m.claim is not None and m.claim.count == len(members) for m in result.memberships)


ALL_TEXTS = [row.values[0] if hasattr(row, "values") else row[0] for row in CLAIMS + CONTEXT]


@pytest.mark.parametrize("text", ALL_TEXTS)
def test_claim_offsets_point_at_their_text(nlp: Language, text: str) -> None:
    doc_text, result = read(nlp, text)
    for claim in result.claims:
        assert doc_text[claim.start:claim.end] == claim.text
        assert claim.text.strip() == claim.text and claim.text


@pytest.mark.parametrize("text", ALL_TEXTS)
def test_claims_keep_the_contract_vocabulary(nlp: Language, text: str) -> None:
    from extractor.schema import ORG_TYPES, SEGMENTS

    for claim in read(nlp, text)[1].claims:
        assert claim.org_type in ORG_TYPES
        assert set(claim.segments) <= set(SEGMENTS)
        assert claim.count is None or claim.count >= 0
        assert claim.count is None or claim.total is None or claim.count <= claim.total
        assert claim.percent is None or 0 <= claim.percent <= 100


_WORDS = st.sampled_from([
    "23", "42", "of", "the", "ICSs", "trusts", "acute", "ambulance", "in", "segment", "Segment", "3", "4",
    "(", ")", "–", ",", ".", "\n", "\n\n", "more than half", "two-thirds", "36%", "11/19", "nine in 10",
    "None",
    "of which", "They", "are", "A further", "top two segments", "NOF5", "special measures", "£12m", "2025/26",
    "Frimley", "East Kent Hospitals", "ranked", "joint", "83rd", "out of", "134", "|", "-", "•", "They are",
])


@settings(max_examples=150, deadline=None)
@given(words=st.lists(_WORDS, max_size=40))
def test_claim_building_never_crashes(nlp: Language, words: list[str]) -> None:
    """Any jumble of claim words reads without an exception, with offsets into the text."""
    text, result = read(nlp, " ".join(words))
    for record in [*result.claims, *result.memberships, *result.rankings]:
        assert text[record.start:record.end] == record.text


# Named organisations placed in (or moved between) segments outside count claims.
PUBLISHED_2025 = "Published 10 September 2025\n"
PLACEMENTS = [
    ("Northern Care Alliance was placed in segment 4.", [("Northern Care Alliance", 4, None)]),
    ("East Kent Hospitals remains in segment 4.", [("East Kent Hospitals", 4, None)]),
    ("Medway NHS Foundation Trust exits special measures under NHS Improvement.",
     [("Medway NHS Foundation Trust", None, 4)]),
    ("Organisation | Segment\nEast Kent Hospitals | 4\nMedway NHS Foundation Trust | 3",
     [("East Kent Hospitals", 4, None), ("Medway NHS Foundation Trust", 3, None)]),
    ("Segment 4:\n- East Kent Hospitals\n- Barts Health",
     [("East Kent Hospitals", 4, None), ("Barts Health", 4, None)]),
    ("Over the year Hull University Teaching Hospitals NHS Trust has moved from segment 4 to segment 3.",
     [("Hull University Teaching Hospitals NHS Trust", 3, 4)]),
    ("Hull University Teaching Hospitals moved from segment two to segment one.",
     [("Hull University Teaching Hospitals", 1, 2)]),
    ("Humber Teaching NHS Foundation Trust, which provides mental health services, was seventh of the 61 non-acute "
     "trusts and is one of the few local organisations in segment 1.",
     [("Humber Teaching NHS Foundation Trust", 1, None)]),
    ("Northern Lincolnshire and Goole NHS Foundation Trust, which runs Scunthorpe General, has risen to 114th from "
     "121st, although it too stays in segment 4.",
     [("Northern Lincolnshire and Goole NHS Foundation Trust", 4, None)]),
    ("In the region, three trusts were in segment 4 on that date:\n\n- East Kent Hospitals\n- Barts Health\n"
     "- Medway NHS Foundation Trust\n",
     [("East Kent Hospitals", 4, None), ("Barts Health", 4, None), ("Medway NHS Foundation Trust", 4, None)]),
    ("Four trusts were in segment 4:\n- East Kent Hospitals\n- Barts Health\n", []),  # two names are not the four
    # a measure and its value opens no list: the lines after it are more measures
    ("Key measures for February\n- NOF segment: 2 (no change)\n- Elective waiting list: 41,200\n"
     "- Sickness absence: 5.1%\n- Beds: 900\n", []),
    ("Summary\n- Oversight segment: 3\n- Vacancy rate: 7 per cent\n- Cash: £12.1m\n", []),
    ("Segment 3:\n- Barts Health\n- Four-hour performance: 71%\n", [("Barts Health", 3, None)]),
    ("Just under a third of ICBs are in segment 2. Only Frimley and Dorset have made it into segment 1.",
     [("Frimley", 1, None), ("Dorset", 1, None)]),
    ("Only Frimley and Dorset are in segment 1.", []),  # bare places, and nothing says what kind
    ("Newcastle upon Tyne Hospitals NHS Foundation Trust, which shares 68th place with four other trusts and is in "
     "segment 3, is doing well.", [("Newcastle upon Tyne Hospitals", 3, None)]),
    ("East Kent Hospitals has improved its finances, and if it were in segment 4 it would get more support.", []),
    ("Oxleas NHS Foundation Trust, which covers south-east London and had been one of only a handful of mental "
     "health providers in the top category since the framework began, has slipped from segment one to segment two.",
     [("Oxleas NHS Foundation Trust", 2, 1)]),
]


@pytest.mark.parametrize(("text", "expected"), PLACEMENTS)
def test_placements(nlp: Language, text: str, expected: list[tuple[str, int | None, int | None]]) -> None:
    result = read(nlp, text)[1]
    assert [(m.name, m.segment, m.from_segment) for m in result.memberships] == expected


# (name, rank, position, joint, total, previous_rank, league)
RANKINGS = [
    ("Yorkshire Ambulance Service came top of the 10 trust table for ambulance services.",
     [("Yorkshire Ambulance Service", 1, "top", False, 10, None, "ambulance")]),
    ("East Kent Hospitals ranked joint 83rd out of 134 acute trusts.",
     [("East Kent Hospitals", 83, "", True, 134, None, "acute")]),
    ("North Tees and Hartlepool has risen to 23rd from 44th in the acute league table.",
     [("North Tees and Hartlepool", 23, "", False, None, 44, "acute")]),
    ("Sussex Partnership ranked last among 61 non-acute trusts.",
     [("Sussex Partnership", 61, "bottom", False, 61, None, "non_acute")]),
    ("Barts Health is 12th out of 134 acute trusts and in segment 2.",
     [("Barts Health", 12, "", False, 134, None, "acute")]),
    ("East Kent Hospitals was ranked joint 83rd out of 134 acute trusts.",
     [("East Kent Hospitals", 83, "", True, 134, None, "acute")]),
    ("Northumbria Healthcare is joint eighth out of 134 acute trusts – it shares the position with another "
     "trust in London – having been 11th in the previous table.",
     [("Northumbria Healthcare", 8, "", True, 134, 11, "acute")]),
    ("North Cumbria Integrated Care came 130th out of 134 acute trusts. Three months earlier it had been 127th.",
     [("North Cumbria Integrated Care", 130, "", False, 134, 127, "acute")]),
]


# Tables whose rows rank organisations: CSV rows, a per-row league or sector column.
TABLE_RANKINGS = [
    ("Organisation,ODS code,Sector,Segment,Rank\n"
     "Royal Cornwall Hospitals NHS Trust,REF,Acute,1,18\n"
     "Gloucestershire Hospitals NHS Foundation Trust,RTE,Acute,3,38=\n"
     "Gloucestershire Health and Care NHS Foundation Trust,RTQ,Non-acute,2,29\n"
     "South Western Ambulance Service NHS Foundation Trust,RYF,Ambulance,4,9",
     [("Royal Cornwall Hospitals NHS Trust", 18, False, None, "acute", 1),
      ("Gloucestershire Hospitals NHS Foundation Trust", 38, True, None, "acute", 3),
      ("Gloucestershire Health and Care NHS Foundation Trust", 29, False, None, "non_acute", 2),
      ("South Western Ambulance Service NHS Foundation Trust", 9, False, None, "ambulance", 4)]),
    ('Trust,Segment,Rank\n"Queen Elizabeth Hospital, King\'s Lynn",4,133\nBarts Health,2,12\nMedway,3,77=',
     # the league comes from the linked organisation's type ("Medway" alone is ambiguous)
     [("Queen Elizabeth Hospital, King's Lynn", 133, False, None, "acute", 4),
      ("Barts Health", 12, False, None, "acute", 2), ("Medway", 77, True, None, "", 3)]),
    ("Trust | Region | League | Rank | Segment\n"
     "North Tees and Hartlepool NHS Foundation Trust | North East | Acute | =19 of 134 | 1\n"
     "Humber Teaching NHS Foundation Trust | North East | Non-acute | 7 of 61 | 1",
     [("North Tees and Hartlepool NHS Foundation Trust", 19, True, 134, "acute", 1),
      ("Humber Teaching NHS Foundation Trust", 7, False, 61, "non_acute", 1)]),
]


@pytest.mark.parametrize(("text", "expected"), TABLE_RANKINGS)
def test_table_rankings(nlp: Language, text: str, expected: list[tuple]) -> None:
    result = read(nlp, PUBLISHED_2025 + text)[1]
    got = [(r.name, r.rank, r.joint, r.total, r.league, r.segment) for r in result.rankings]
    assert got == expected
    assert [(m.name, m.segment) for m in result.memberships] == [(e[0], e[5]) for e in expected]


@pytest.mark.parametrize("text", [
    "The plan, agreed in May, covers beds, staff, drugs and estates.",  # prose: spaces after commas
    "Figures: 1,234,567 patients\nand 2,345 staff\nin 3,456 wards",
    "a,b,c,d\ne,f,g\nh,i,j,k",  # field counts differ: not one table
])
def test_comma_lines_that_are_not_a_table(nlp: Language, text: str) -> None:
    result = read(nlp, PUBLISHED_2025 + text)[1]
    assert result.rankings == [] and result.memberships == []


@pytest.mark.parametrize(("text", "expected"), RANKINGS)
def test_rankings(nlp: Language, text: str, expected: list[tuple]) -> None:
    result = read(nlp, PUBLISHED_2025 + text)[1]
    got = [(r.name, r.rank, r.position, r.joint, r.total, r.previous_rank, r.league) for r in result.rankings]
    assert got == expected


COLLECTIVE = [
    ("Just above it are Medway NHS Foundation Trust and Worcestershire Acute Hospitals NHS Trust. "
     "Then comes East Kent Hospitals. All three are in segment 4.",
     [("Medway NHS Foundation Trust", 4), ("Worcestershire Acute Hospitals NHS Trust", 4),
      ("East Kent Hospitals", 4)]),
    ("Barts Health and Medway NHS Foundation Trust were inspected in May. Both were placed in segment 3.",
     [("Barts Health", 3), ("Medway NHS Foundation Trust", 3)]),
    ("Barts Health and Medway NHS Foundation Trust were inspected in May. All four are in segment 3.", []),
    ("Barts Health was inspected in May. The three were later placed in segment 3.", []),
    ("All three acute trusts that serve the county are now in segment 4. The tables place Medway NHS Foundation "
     "Trust and East Kent Hospitals joint 120th. Worcestershire Acute Hospitals NHS Trust was ranked 118th.",
     [("Medway NHS Foundation Trust", 4), ("East Kent Hospitals", 4), ("Worcestershire Acute Hospitals NHS Trust", 4)]),
    ("Both ICBs in the region are in segment 3. Medway NHS Foundation Trust and East Kent Hospitals were "
     "inspected in May.", []),
    ("All three trusts are not in segment 4. Medway NHS Foundation Trust, East Kent Hospitals and Barts Health "
     "were inspected in May.", []),
    # the last of four names comes four sentences back, after a sentence naming nobody
    ("Worcestershire Acute Hospitals NHS Trust came bottom. Nobody was surprised. Above it sits Medway NHS "
     "Foundation Trust. Then come East Kent Hospitals (120th) and Barts Health (119th). All four are in segment 4.",
     [("Worcestershire Acute Hospitals NHS Trust", 4), ("Medway NHS Foundation Trust", 4),
      ("East Kent Hospitals", 4), ("Barts Health", 4)]),
    ("Worcestershire Acute Hospitals NHS Trust came bottom. Nobody was surprised. Few were. Above it sits Medway "
     "NHS Foundation Trust. Then come East Kent Hospitals and Barts Health. All four are in segment 4.", []),
]


@pytest.mark.parametrize(("text", "expected"), COLLECTIVE)
def test_group_placed_as_one(nlp: Language, text: str, expected: list[tuple[str, int]]) -> None:
    """'All seven are in segment 4' places the organisations named just before, only when the
    sentences before name exactly as many."""
    result = read(nlp, text)[1]
    assert sorted((m.name, m.segment) for m in result.memberships) == sorted(expected)


def test_relative_clause_after_a_preposition_places_its_organisation(nlp: Language) -> None:
    """The organisation hangs from 'at', so it is no clause subject, yet 'which is' places it."""
    text = ("The exit criteria focus on the stability of services at The Shrewsbury and Telford Hospital "
            "NHS Trust, which is also in segment 4.")
    result = read(nlp, text)[1]
    assert [(m.name, m.segment) for m in result.memberships] == [
        ("The Shrewsbury and Telford Hospital NHS Trust", 4)]


def test_known_name_is_not_split_to_reach_the_count(nlp: Language) -> None:
    """Four systems named for a count of five: the audit should see a short list, not a
    'Shropshire' and a 'Telford and Wrekin'."""
    text = ("Five ICBs are in segment 4: Devon, Hampshire and Isle of Wight, Norfolk and Waveney, "
            "and Shropshire, Telford and Wrekin.")
    result = read(nlp, text)[1]
    assert sorted(m.name for m in result.memberships) == sorted(
        ["Devon", "Hampshire and Isle of Wight", "Norfolk and Waveney", "Shropshire, Telford and Wrekin"])


@pytest.mark.parametrize("vague", ["one of the few local organisations", "one of only a handful of providers",
                                   "one of a small number of trusts"])
def test_one_of_a_vague_group_counts_nothing(nlp: Language, vague: str) -> None:
    text = (f"Three of the region's four acute trusts are in segment 4. "
            f"Humber Teaching NHS Foundation Trust is {vague} in segment 1.")
    assert [(c.segments, c.count) for c in read(nlp, text)[1].claims] == [((4,), 3)]


@pytest.mark.parametrize("scale", [
    "Segments run from 1 (the strongest performance) to 4, with a fifth segment for trusts receiving support.",
    "Segments 1 to 4 follow from the average score, with 1 being the strongest performance; segment 5 is for the RSP.",
])
def test_points_on_the_scale_are_not_counts(nlp: Language, scale: str) -> None:
    text = f"Of the six trusts, four are in segment 3. {scale}"
    assert [(c.segments, c.count) for c in read(nlp, text)[1].claims if c.segments] == [((3,), 4)]


def test_place_like_name_with_an_ordinal_in_a_league_list(nlp: Language) -> None:
    """'Mid and South Essex' is a system as well as a trust; before '(128th)' in a list of acute
    trusts it is the trust."""
    text = (PUBLISHED_2025 + "Hull University Teaching Hospitals NHS Trust finished last of the 134 acute trusts. "
            "Then come Lancashire Teaching Hospitals (129th) and Mid and South Essex (128th).")
    got = {(r.name, r.rank, r.ods_code) for r in read(nlp, text)[1].rankings}
    assert ("Mid and South Essex", 128, "RAJ") in got


def test_together_joins_the_segments_counted_before(nlp: Language) -> None:
    text = ("In the Midlands and East, 21 of the 73 trusts are in mandated support and eight more are in special "
            "measures, together about two-fifths of the region's providers.")
    doc = nlp(text)
    doc._.framework = "sof2016"
    got = [(c.segments, c.count, c.share_text) for c in read_doc(doc).claims]
    assert got == [((3,), 21, ""), ((4,), 8, ""), ((3, 4), None, "about two-fifths")]


def test_a_framework_named_in_the_opening_lines_is_not_the_documents_home(nlp: Language) -> None:
    text = ("Key findings\nThis briefing analyses the segmentation published under the System Oversight "
            "Framework 2021/22.\nOf the 212 NHS trusts, 18 are in the Recovery Support Programme.")
    assert {c.scope for c in read(nlp, text)[1].claims} == {""}


@pytest.mark.parametrize("text", [
    "Each table sorts its trusts into four categories. Barts Health appears at number two in category one.",
    "Each table sorts its trusts into four categories. Barts Health is in category two, at 27 overall.",
    "Each table sorts its trusts into four categories. Wye Valley NHS Trust sits at position 3 in category 1.",
    "Each table sorts its trusts into four categories. Medway NHS Foundation Trust is at rank 12 in category two.",
    "Barts Health is in segment 2, at 14 overall.",
    "Wye Valley NHS Trust is at number 9 in segment 1.",
    "East Kent Hospitals is listed at number four in Segment Three.",
    "Medway NHS Foundation Trust is at position two in segment 2.",
    # the size of the table after a rank, at the end of the sentence
    "Trusts sit in four segments. Barts Health, in segment four, is placed 117th of the acute providers overall "
    "- out of 134.",
    "Trusts sit in four segments. Wye Valley NHS Trust, in segment 2, was 40th, out of 61.",
])
def test_a_place_in_a_list_is_not_a_count(nlp: Language, text: str) -> None:
    """'number two in category one', 'at 27 overall': a position in a table, not how many are there."""
    assert [c for c in claims_of(nlp, text) if c[2] is not None and c[1]] == []


@pytest.mark.parametrize("text", [
    "Of the 42 ICBs, only Frimley is in segment 1.",
    "Of England's 42 ICBs, Frimley alone sits in segment 1.",
    "Out of 42 ICBs, only Frimley is in segment 1.",
    "Among the 42 ICBs, just Frimley and Surrey Heartlands are in segment 1.",
    "Of the 42 ICBs, most are in segment 3.",
    "Of the 134 acute trusts assessed, only Medway NHS Foundation Trust was placed in segment 4.",
])
def test_a_leading_whole_with_names_after_it_is_no_count_of_the_segment(nlp: Language, text: str) -> None:
    """'Of the 42 ICBs, only Frimley ...': 42 is the whole the clause after the comma picks
    from, so it states a population, never '42 ICBs in segment 1' (an audit would call that
    false against any official count)."""
    claims = read(nlp, text)[1].claims
    assert claims and all(not c.segments for c in claims if c.count in (42, 134))


def test_a_leading_whole_with_a_segment_of_its_own_still_counts_it(nlp: Language) -> None:
    """'Of the 19 trusts in segment 4, ...' names its own segment before the comma."""
    claims = read(nlp, "Of the 19 trusts in segment 4, Medway NHS Foundation Trust is the largest.")[1].claims
    assert [(c.segments, c.count) for c in claims] == [((4,), 19)]


@pytest.mark.parametrize("text", [
    "Medway NHS Foundation Trust, ranked 45th last quarter, is now 30th of 134.",
    "Medway NHS Foundation Trust was 45th in the previous table and is now 30th of 134.",
    "In the first table Medway NHS Foundation Trust was 45th, and it is now 30th of 134.",
    "Medway NHS Foundation Trust is 30th of 134 in the latest table; in the first table it was 45th.",
    "Medway NHS Foundation Trust is now 30th of 134, having been 45th last quarter.",
    "Medway NHS Foundation Trust is ranked 30th of 134, up 15 places on the previous quarter, when it was 45th.",
])
def test_a_position_in_an_earlier_table_is_the_previous_rank_wherever_it_stands(nlp: Language, text: str) -> None:
    """Before or after the current position, in its clause or an opening: the earlier table's
    position is never a ranking of its own (two ranks for one trust in one period would make
    the audit call the page inconsistent)."""
    got = [(r.name, r.rank, r.total, r.previous_rank) for r in read(nlp, PUBLISHED_2025 + text)[1].rankings]
    assert got == [("Medway NHS Foundation Trust", 30, 134, 45)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Segment 3 now has 23 ICBs, segment 2 has 14 and segment 4 has four.", [(3, 23), (2, 14), (4, 4)]),
    ("Segment 1 holds 16 trusts and segment 2 holds 40.", [(1, 16), (2, 40)]),
    ("In segment 3 there are 23 ICBs, in segment 2 14.", [(3, 23), (2, 14)]),
    ("Segment 3 contains 23 ICBs.", [(3, 23)]),
    ("23 ICBs are in segment 3 and 14 in segment 2.", [(3, 23), (2, 14)]),
    ("In segment 2 sit 14 ICBs; segment 3 holds 23.", [(2, 14), (3, 23)]),
    ("In segment 2 sit 14 ICBs, while segment 3 holds 23.", [(2, 14), (3, 23)]),
    ("In segment 1 is a single ICB, and segment 4 has four.", [(1, 1), (4, 4)]),
    ("In segment 4 remain seven trusts; segment 3 has 40.", [(4, 7), (3, 40)]),
])
def test_a_segment_named_before_the_count_it_holds(nlp: Language, text: str,
                                                   expected: list[tuple[int, int]]) -> None:
    """'Segment 3 has 23, segment 2 has 14': each count belongs to the segment holding it just
    before, not to the next one named after it."""
    got = [(c.segments[0], c.count) for c in read(nlp, text)[1].claims if len(c.segments) == 1]
    assert got == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Medway NHS Foundation Trust was in segment 4 until March, when it moved to segment 3.",
     [("Medway NHS Foundation Trust", 3, 4)]),
    ("Medway NHS Foundation Trust, previously in segment 4, is now in segment 3.",
     [("Medway NHS Foundation Trust", 3, 4)]),
    ("Medway NHS Foundation Trust dropped into segment 4 last year but has since recovered to segment 3.",
     [("Medway NHS Foundation Trust", 3, 4)]),
    ("Medway NHS Foundation Trust is in segment 4 but hopes to move to segment 3.",
     [("Medway NHS Foundation Trust", 4, None)]),
    ("Medway NHS Foundation Trust was in segment 3 but could fall to segment 4.",
     [("Medway NHS Foundation Trust", 3, None)]),
    ("Medway NHS Foundation Trust was in segment 4 until March, when East Kent Hospitals moved to segment 3.",
     [("Medway NHS Foundation Trust", 4, None), ("East Kent Hospitals", 3, None)]),
])
def test_a_turn_moves_the_body_on_to_the_second_segment(nlp: Language, text: str,
                                                        expected: list[tuple[str, int | None, int | None]]) -> None:
    """A sentence that places a body in one segment and then, after 'until', 'but' or 'now',
    moves it to another leaves it in the second; a hope, a risk or another body's move does not."""
    assert [(m.name, m.segment, m.from_segment) for m in read(nlp, text)[1].memberships] == expected


@pytest.mark.parametrize(("text", "total"), [
    ("Of the 134 acute trusts, Medway NHS Foundation Trust ranks 98th.", 134),
    ("Out of 134 acute trusts in England, Medway NHS Foundation Trust came 98th.", 134),
    ("Of the 61 non-acute trusts ranked, Kent Community Health NHS Foundation Trust was 12th.", 61),
    ("Of the 19 trusts in segment 4, Medway NHS Foundation Trust ranks 98th.", None),  # a segment, not the league
])
def test_a_league_the_sentence_opens_with_is_the_positions_total(nlp: Language, text: str, total: int | None) -> None:
    assert [r.total for r in read(nlp, text)[1].rankings] == [total]


@pytest.mark.parametrize("text", [
    "Medway NHS Foundation Trust, the 98th-ranked acute trust, is in segment 3.",
    "Medway NHS Foundation Trust is the 98th-ranked of 134 acute trusts.",
])
def test_a_ranked_adjective_states_a_position(nlp: Language, text: str) -> None:
    assert [(r.name, r.rank) for r in read(nlp, PUBLISHED_2025 + text)[1].rankings] == [
        ("Medway NHS Foundation Trust", 98)]


@pytest.mark.parametrize("text", [
    "A total of 17 trusts are in segment 4, eight of them acute.",
    "17 trusts are in segment 4, eight of which are acute trusts.",
    "17 trusts are in segment 4; eight of them are acute trusts.",
    "17 trusts are in segment 4, eight of them acute and five mental health trusts.",
])
def test_a_subset_named_by_its_type_after_of_them(nlp: Language, text: str) -> None:
    """'eight of them acute' counts acute trusts; read as 'eight trusts in segment 4' beside the
    17 of the same sentence, it made the audit call the sentence impossible."""
    claims = [(c.org_type, c.count) for c in read(nlp, text)[1].claims]
    assert claims[:2] == [("trust", 17), ("acute", 8)]


@pytest.mark.parametrize("text", [
    "Medway NHS Foundation Trust was 120th and is one of 36 acute trusts in segment 4.",
    "Medway NHS Foundation Trust came 120th, one of 36 acute trusts in segment 4.",
])
def test_a_group_the_ranked_body_belongs_to_is_not_its_league(nlp: Language, text: str) -> None:
    """'one of 36 acute trusts in segment 4' is no league of 36: a position of 120 cannot lie in
    it, and '36 acute trusts in all' would contradict the 134 of the acute league."""
    result = read(nlp, PUBLISHED_2025 + text)[1]
    assert [(r.rank, r.total) for r in result.rankings] == [(120, None)]
    assert not [c for c in result.claims if not c.segments]


@pytest.mark.parametrize(("text", "expected"), [
    ("Five ICBs are in segment 4. Of the remaining 37, two are in segment 1, 12 in segment 2 and 23 in segment 3.",
     [((4,), 5, None), ((1,), 2, None), ((2,), 12, None), ((3,), 23, None)]),
    ("Of the other 37 ICBs, two are in segment 1.", [((1,), 2, None)]),
    ("Of the remaining 37 ICBs, only Frimley is in segment 1.", []),
])
def test_what_remains_of_a_whole_is_neither_a_count_nor_a_total(nlp: Language, text: str,
                                                                expected: list[tuple]) -> None:
    """'Of the remaining 37, ...': the 37 are what is left of the 42, so they are no count of a
    segment and no total (the audit reads a claim's total as its population's size, and 37 ICBs
    would fail against the official 42)."""
    assert [(c.segments, c.count, c.total) for c in read(nlp, text)[1].claims] == expected


@pytest.mark.parametrize(("text", "scope"), [
    ("Three of the county's four trusts are in segment 3.", "the county"),
    ("Two of the region's 17 acute trusts are in segment 1.", "the region"),
    ("Three of our four trusts are in segment 3.", "our area"),
    ("It is one of two trusts in the county in segment 4.", "the county"),
    ("Two of the four trusts in the area are in segment 3.", "the area"),
    ("Three of Kent's four trusts are in segment 3.", "Kent"),
])
def test_a_local_count_keeps_a_scope_even_when_the_page_names_no_place(nlp: Language, text: str,
                                                                        scope: str) -> None:
    """Left without a scope, 'three of the county's four trusts' read as a national count, and
    the audit set it against the national figures of the same page."""
    assert [c.scope for c in read(nlp, text)[1].claims] == [scope]


@pytest.mark.parametrize(("text", "expected"), [
    ("The trust has moved from segment 4 to segment 3, one of five trusts to improve this quarter.", []),
    ("All three are acute trusts.", []),
    ("All 238 NHS providers have been segmented.", [("trust", (), 238)]),
    ("Five trusts are in segment 4 and due to leave it next year.", [("trust", (4,), 5)]),
])
def test_movers_and_a_named_group_s_kind_are_no_counts(nlp: Language, text: str, expected: list[tuple]) -> None:
    """'one of five trusts to improve' counts movers, and 'All three are acute trusts' says what
    a named group is: read as '5 trusts in segments 3 and 4' or '3 acute trusts in all', the
    audit set them against the page's national figures."""
    assert [(c.org_type, c.segments, c.count) for c in read(nlp, text)[1].claims] == expected


# a count whose population is a region's, county's or system's keeps that place, however it is
# fronted: checked within its page, never against the national figures
LOCAL_POPULATIONS = [
    ("Of the region's acute trusts, 3 are in segment 1.", "the region"),
    ("Of the region’s acute trusts, three are in segment 1.", "the region"),
    ("Among the region's trusts, two are in segment 4.", "the region"),
    ("Of the county's trusts, two are in segment 4.", "the county"),
    ("Across the county, two trusts are in segment 4.", "the county"),
    ("Within the county, three trusts were placed in segment 2.", "the county"),
    ("Across the region, 12 trusts are now in segment 4.", "the region"),
    ("Throughout the city, four providers sit in segment 3.", "the city"),
    ("Of the system's providers, none is in segment 1.", "the system"),
    ("No trust in the subregion is in segment 5.", "the subregion"),
    ("No trust in the sub-region is in segment 5.", "the subregion"),
    ("In the subregion, no trust is in segment 5.", "the subregion"),
    ("Across the subregion, 4 trusts are in segment 2.", "the subregion"),
    ("Of our system's four trusts, one is in segment 3.", "our area"),
    ("Of our five providers, two are in segment 3.", "our area"),
    # national: the fronted phrase names no place, or the country
    ("Of the 42 ICBs, 23 are in segment 3.", ""),
    ("Of England's 42 ICBs, 23 are in segment 3.", ""),
    ("Across England, 20 trusts are in segment 4.", ""),
    ("In its latest table, NHS England put 20 trusts in segment 4.", ""),
    ("In our analysis, 140 providers are in segments 2 or 3.", ""),
    ("In the acute table, 16 trusts have made it into segment 1.", ""),
    ("For the second quarter, 20 trusts are in segment 4.", ""),
]


@pytest.mark.parametrize(("text", "scope"), LOCAL_POPULATIONS)
def test_a_local_population_keeps_its_place(nlp: Language, text: str, scope: str) -> None:
    claims = [c for c in read(nlp, text)[1].claims if c.segments]
    assert len(claims) == 1
    assert claims[0].scope == scope


# a list after 'including', 'among them', 'such as', 'for example', 'e.g.' (or ending 'and others')
# names some of the bodies counted: they are placed, but the list is not the count's list, so no
# length check can be set against it; a list announced by 'namely', a colon or dashes is the whole
PARTIAL_LISTS = [
    ("Four Midlands acute trusts, including University Hospitals of North Midlands NHS Trust, are in segment 4.",
     1, False),
    ("Four acute trusts (including Barts Health NHS Trust and Croydon Health Services NHS Trust) are in segment 4.",
     2, False),
    ("Three ICBs – among them NHS Devon ICB – are in segment 4.", 1, False),
    ("Five trusts, such as East Kent Hospitals University NHS Foundation Trust, were placed in segment 4.", 1, False),
    ("Five trusts, for example Barts Health NHS Trust, are in segment 4.", 1, False),
    ("Five trusts, for instance Barts Health NHS Trust, sit in segment 4.", 1, False),
    ("Five trusts (e.g. Barts Health NHS Trust) are in segment 4.", 1, False),
    ("Five trusts (e.g., Barts Health NHS Trust and Croydon Health Services NHS Trust) are in segment 4.", 2, False),
    ("Five trusts, notably Barts Health NHS Trust, are in segment 4.", 1, False),
    ("Six trusts (Barts Health NHS Trust, Croydon Health Services NHS Trust and others) are in segment 4.", 2, False),
    ("Three acute trusts are in segment 4. They include Barts Health NHS Trust and Croydon Health Services NHS "
     "Trust.", 2, False),
    ("Three acute trusts are in segment 4. These include Barts Health NHS Trust.", 1, False),
    ("Four acute trusts are in segment 4, including: Barts Health NHS Trust and Croydon Health Services NHS Trust.",
     2, False),
    # whole lists keep their count's check
    ("Two acute trusts, namely Barts Health NHS Trust and Croydon Health Services NHS Trust, are in segment 4.",
     2, True),
    ("Three acute trusts – Barts Health NHS Trust, Croydon Health Services NHS Trust and East Kent Hospitals "
     "University NHS Foundation Trust – are in segment 4.", 3, True),
    ("Three acute trusts are in segment 4: Barts Health NHS Trust and Croydon Health Services NHS Trust.", 2, True),
    ("Four ICBs (Devon, Hampshire and Isle of Wight, Norfolk and Waveney, and Shropshire, Telford and Wrekin) are "
     "in segment 4.", 4, True),
    ("Three acute trusts are in segment 4. They are Barts Health NHS Trust and Croydon Health Services NHS Trust.",
     2, True),
]


@pytest.mark.parametrize(("text", "placed", "whole"), PARTIAL_LISTS)
def test_a_partial_list_is_no_list_of_its_count(nlp: Language, text: str, placed: int, whole: bool) -> None:
    result = read(nlp, text)[1]
    assert len(result.claims) == 1
    assert len(result.memberships) == placed
    assert all((m.claim is result.claims[0]) == whole for m in result.memberships)
