"""A position written as a plain number after a verb of standing, made one by the league's
size after it ('Medway came 118 out of 134', ``reading.rankings``); a number of a group
('was 1 of 21 trusts in segment 4') or of something else ('came 3 of its 10 targets short')
is not. Our own phrasings."""

from __future__ import annotations

import pytest
from spacy.language import Language

from .test_rankings import read

# (ODS code, rank, total, joint) of each row
OUT_OF = [
    ("Medway came 118 out of 134 in the acute league table.", [("RPA", 118, 134, False)]),
    ("Medway NHS Foundation Trust finished 118 of the 134 acute trusts.", [("RPA", 118, 134, False)]),
    ("Medway NHS Foundation Trust was 118 out of 134.", [("RPA", 118, 134, False)]),
    ("Sussex Partnership NHS Foundation Trust sits joint 40 out of 61.", [("RX2", 40, 61, True)]),
    ("South Western Ambulance Service comes 9 out of 10 ambulance trusts.", [("RYF", 9, 10, False)]),
    ("Medway NHS Foundation Trust is 118 of 134 acute trusts, down from 96.", [("RPA", 118, 134, False)]),
    ("Medway NHS Foundation Trust now stands 118 out of all 134 acute trusts.", [("RPA", 118, 134, False)]),
    # a number of a group, of something else, or no league's size after a copula
    ("Medway NHS Foundation Trust was 1 of 21 trusts placed in segment 4.", []),
    ("Medway NHS Foundation Trust came 3 of its 10 targets short.", []),
    ("Medway NHS Foundation Trust is 3 out of 4 on the finance metric.", []),
    ("Medway NHS Foundation Trust was 8 out of 10 for patient experience.", []),
    ("Medway NHS Foundation Trust came 2 out of 3 in the staff vote.", []),
]


@pytest.mark.parametrize(("text", "expected"), OUT_OF)
def test_a_number_out_of_the_league(nlp: Language, text: str, expected: list[tuple]) -> None:
    got = sorted((r.ods_code, r.rank, r.total, r.joint) for r in read(nlp, text).rankings)
    assert got == expected
