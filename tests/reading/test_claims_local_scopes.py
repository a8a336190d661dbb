"""Counts limited by the page itself or by the clause before: bodies in the page's table or list
('3 of the 5 providers in the table') are a local count, like 'our system'; a coordinated clause
('..., and no trust is in segment 5') and 'the remaining seven' keep the place of the count
before; a place or ICB first named after a count is not what 'the region's' meant."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.reading import read_doc

Row = tuple[tuple[int, ...], int | None, str]


def scoped(nlp: Language, text: str) -> list[Row]:
    return sorted((c.segments, c.count, c.scope) for c in read_doc(nlp(text)).claims if c.segments)


LISTED = [
    ("2.4 3 of the 5 providers in the table are in segment 4.", [((4,), 3, "the table")]),
    ("Four of the six organisations listed are in segment 2.", [((2,), 4, "the table")]),
    ("Two of the four trusts shown above are in segment 3.", [((3,), 2, "the table")]),
    ("Of the five providers listed in Table 2, three are in segment 4.", [((4,), 3, "the table")]),
    ("Two of the trusts below were in segment 3.", [((3,), 2, "the table")]),
    ("Three of the seven trusts in this table are in segment 4.", [((4,), 3, "the table")]),
]
NOT_LISTED = [  # the league table, a segment 'or above', a table mentioned elsewhere: no local scope
    ("Three trusts in the league table are in segment 4.", [((4,), 3, "")]),
    ("Three of the five trusts are in segment 3 or above.", [((1, 2, 3), 3, "")]),
    ("17 acute trusts are in segment 4, as the table shows.", [((4,), 17, "")]),
    ("Of the 42 ICBs, 20 are in segment 2.", [((2,), 20, "")]),
    ("Five acute trusts below the national average were in segment 3.", [((3,), 5, "")]),
    ("Twelve acute trusts above the threshold were in segment 1.", [((1,), 12, "")]),
]


@pytest.mark.parametrize(("text", "expected"), LISTED + NOT_LISTED)
def test_bodies_in_the_page_s_table_are_a_local_count(nlp: Language, text: str, expected: list[Row]) -> None:
    assert scoped(nlp, text) == expected


CARRIED = [
    ("Three trusts in the region are in segment 4, and no trust is in segment 5.",
     [((4,), 3, "the region"), ((5,), 0, "the region")]),
    ("Three acute trusts in the region are in segment 4, and no trust is in segment 5.",
     [((4,), 3, "the region"), ((5,), 0, "the region")]),
    ("In Kent, three trusts are in segment 4 and none is in segment 5.", [((4,), 3, "Kent"), ((5,), 0, "Kent")]),
    ("Four of the region's 11 ICBs are in segment 3. NHS Lincolnshire ICB is among them. "
     "The remaining seven ICBs are in segment 2.", [((2,), 7, "the region"), ((3,), 4, "the region")]),
    ("Four of Kent's trusts are in segment 3. Maidstone and Tunbridge Wells NHS Trust is one. "
     "The other two trusts are in segment 2.", [((2,), 2, "Kent"), ((3,), 4, "Kent")]),
]
NOT_CARRIED = [  # a national clause, another kind of body, a national sentence between
    ("Three trusts in the region are in segment 4, while nationally 20 trusts are in segment 5.",
     [((4,), 3, "the region"), ((5,), 20, "")]),
    ("Three ICBs in the region are in segment 3 and 20 trusts are in segment 4.",
     [((3,), 3, "the region"), ((4,), 20, "")]),
]


@pytest.mark.parametrize(("text", "expected"), CARRIED + NOT_CARRIED)
def test_a_clause_or_the_remaining_keep_the_place(nlp: Language, text: str, expected: list[Row]) -> None:
    assert scoped(nlp, text) == expected
