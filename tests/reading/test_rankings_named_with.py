"""Whom a position is about when the names around it are short or set off
(``reading.rankings``): names joined by 'and' sharing a position, some of them places a
trust is named after that the linker leaves ('Airedale and Rotherham were joint 50th'),
and a place set off by commas after an organisation's name ('The Christie, Manchester,
was ranked third'), which says where it is. Our own phrasings, with negatives.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from .test_rankings import read

# the names joined before a shared position, each resolved ((ODS code, rank, joint) of each row)
SHARED = [
    ("Airedale and Rotherham were joint 50th in the acute table.", [("RCF", 50, True), ("RFR", 50, True)]),
    ("Rotherham and Airedale were ranked joint 50th of 134 acute trusts.", [("RCF", 50, True), ("RFR", 50, True)]),
    ("East Cheshire and the Countess of Chester were joint 122nd in the acute table.",
     [("RJN", 122, True), ("RJR", 122, True)]),
    ("Both East Cheshire and Bolton shared 122nd place in the acute table.", [("RJN", 122, True), ("RMC", 122, True)]),
    ("Bolton, Stockport and East Cheshire are all joint 45th of 134 acute trusts.",
     [("RJN", 45, True), ("RMC", 45, True), ("RWJ", 45, True)]),
    ("In the acute table, Airedale & Rotherham are equal 50th.", [("RCF", 50, True), ("RFR", 50, True)]),
    # names after a preposition, or one the gazetteer does not know: only the linked name, as before
    ("Patients from Leeds and Airedale were ranked joint 50th in the acute table.", [("RCF", 50, True)]),
    ("The ICB and Airedale were joint 50th in the acute table.", [("RCF", 50, True)]),
    # a position not shared: the name next to it, as before
    ("Airedale and Rotherham was ranked 50th in the acute table.", [("RCF", 50, False)]),
]

# a place set off by commas after an organisation's name says where it is ((ODS code, rank))
SET_OFF_PLACE = [
    ("The Christie, Manchester, was ranked third of 134 acute trusts.", [("RBV", 3)]),
    ("The Christie NHS Foundation Trust, Manchester, came third of 134 acute trusts.", [("RBV", 3)]),
    ("The Walton Centre, Liverpool, is 13th of 134 acute trusts.", [("RET", 13)]),
    ("Sheffield Children's NHS Foundation Trust, Sheffield, was placed 38th of 134 acute trusts.", [("RCU", 38)]),
    # a place-named trust with a position of its own stays
    ("The Christie is third of 134 acute trusts, Manchester is 45th.", [("R0A", 45), ("RBV", 3)]),
    ("Top was the Christie, and Manchester was ranked 45th of 134 acute trusts.", [("R0A", 45)]),
]


@pytest.mark.parametrize(("text", "expected"), SHARED)
def test_names_sharing_a_position(nlp: Language, text: str, expected: list[tuple]) -> None:
    assert sorted((r.ods_code, r.rank, r.joint) for r in read(nlp, text).rankings) == expected


@pytest.mark.parametrize(("text", "expected"), SET_OFF_PLACE)
def test_a_place_set_off_by_commas(nlp: Language, text: str, expected: list[tuple]) -> None:
    assert sorted((r.ods_code, r.rank) for r in read(nlp, text).rankings) == expected
