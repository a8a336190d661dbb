"""A body placed beside others it joins, and a second predicate after 'but' that holds now.

'X joined eleven other trusts in segment 4' places X: the number counts the company, not the
segment. 'X rejected the report but remains in segment 4' places X: the clause after 'but'
is the same subject's state. Rows are ``(name, segment, from_segment)``; the sentences are
written by us.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.reading import read_doc

Row = tuple[str, int | None, int | None]
MEDWAY = "Medway NHS Foundation Trust"
KENT_ICB = "Kent and Medway ICB"


def read(nlp: Language, text: str, framework: str = "nof2022"):
    doc = nlp("Published: 12 March 2024\n\n" + text)
    doc._.framework = framework
    return read_doc(doc)


def placements(nlp: Language, text: str) -> list[Row]:
    return [(m.name, m.segment, m.from_segment) for m in read(nlp, text).memberships]


JOINED_COMPANY = [
    (f"{MEDWAY} joined 11 other providers in segment 4.", [(MEDWAY, 4, None)]),
    (f"{MEDWAY} has joined eleven other acute trusts already in segment 4.", [(MEDWAY, 4, None)]),
    (f"{MEDWAY} joins 20 other trusts in the Recovery Support Programme.", [(MEDWAY, 4, None)]),
    (f"{MEDWAY} is joining 6 others currently in segment 4.", [(MEDWAY, 4, None)]),
    (f"{MEDWAY} has joined the 11 trusts already in segment 4.", [(MEDWAY, 4, None)]),
    (f"{MEDWAY} joined 11 others in NHS England's segment 4.", [(MEDWAY, 4, None)]),
    # negatives: the others are in something that is not the segment, or the joined body is
    (f"{MEDWAY} joined 11 other providers in a review of segment 4.", []),
    (f"{MEDWAY} joined the board of {KENT_ICB}, which is in segment 4.", [(KENT_ICB, 4, None)]),
    (f"{MEDWAY} counted 11 other trusts in segment 4.", []),
]


@pytest.mark.parametrize(("text", "expected"), JOINED_COMPANY)
def test_a_joiner_is_placed_beside_its_company(nlp: Language, text: str, expected: list[Row]) -> None:
    assert placements(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "It joins 20 other trusts in segment 4.",
    f"{MEDWAY} joined 11 other providers in segment 4.",
])
def test_the_company_is_no_count_of_the_segment(nlp: Language, text: str) -> None:
    assert not [c for c in read(nlp, text).claims if c.count in (11, 20)]


BUT_HOLDS_NOW = [
    (f"{MEDWAY} denied the allegations but remains in segment 4.", [(MEDWAY, 4, None)]),
    (f"{MEDWAY} rejected the claims but is still in segment 4.", [(MEDWAY, 4, None)]),
    (f"{MEDWAY} had hoped to improve but stayed in segment 4.", [(MEDWAY, 4, None)]),
    (f"{MEDWAY} was criticised by inspectors, but it remains in segment 4.", [(MEDWAY, 4, None)]),
    # negatives: another subject after 'but', a denial of the placing itself, a condition
    (f"{MEDWAY} denied the allegations but {KENT_ICB} remains in segment 4.", [(KENT_ICB, 4, None)]),
    (f"{MEDWAY} denied that it is in segment 4.", []),
    (f"{MEDWAY} denied the allegations but would remain in segment 4 if found at fault.", []),
    (f"{MEDWAY} denied the allegations but could be moved to segment 4.", []),
]


@pytest.mark.parametrize(("text", "expected"), BUT_HOLDS_NOW)
def test_a_state_after_but_is_the_subjects(nlp: Language, text: str, expected: list[Row]) -> None:
    assert placements(nlp, text) == expected
