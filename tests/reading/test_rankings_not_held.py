"""Positions that are not a trust's place in the league tables, and the trust a place name
after it does not replace (``reading.rankings``, ``rank_words``, ``rank_frames``): awards and
other lists with long titles, teams, wards and staff ranked, positions hoped for, foreseen or
counterfactual, and 'X in <city>' where a trust is named after the city. Each table is our own
phrasings, with the stated positions beside them that must stay.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from .test_rankings import read

# a place in an award, a competition or a survey, however long its title, or a position of a
# team, a ward, a unit or the staff of a trust: never the trust's place in the league tables
NOT_THE_LEAGUE = [
    "The Pilgrim Hospital theatres team came first in the regional Theatre Team of the Year awards.",
    "Lincoln County Hospital came second in the 2025 Royal College of Nursing Nurse of the Year awards.",
    "United Lincolnshire Hospitals came third in the national Patient Safety Team of the Year competition.",
    "United Lincolnshire Hospitals was placed first in the Health Service Journal Digital Trust of the Year "
    "awards, the judges said.",
    "Homerton Healthcare finished second at the London Health and Care Partnership Excellence ceremony.",
    "Barts Health came fourth for the Nursing and Midwifery Council Workforce Innovation prize.",
    "Staff at Lincoln County Hospital came first in the annual Great British Healthcare quiz.",
    "Lincoln County Hospital's maternity team was ranked first by the Royal College of Midwives.",
    "The Lincoln County Hospital stroke unit came second nationally.",
    "Frimley Health's estates department was placed third.",
    "Ward 5 at Lincoln County Hospital was ranked first.",
    "The maternity team at Barts Health was ranked second.",
    "Nurses from Medway NHS Foundation Trust came second in the regional skills contest.",
]

# the league's own positions, with another list or a team named further on in the sentence
STILL_THE_LEAGUE = [
    ("United Lincolnshire Hospitals was ranked 109th of 134 acute trusts in the league tables published on "
     "the same day as the staff survey.", [("RWD", 109)]),
    ("United Lincolnshire Hospitals came 109th in the league tables, a drop that its awards team regrets.",
     [("RWD", 109)]),
    ("Medway NHS Foundation Trust was ranked 118th of 134, and its staff came first in the county quiz.",
     [("RPA", 118)]),
    ("Leeds Teaching Hospitals NHS Trust runs services across the city and was ranked 20th of 134 acute trusts.",
     [("RR8", 20)]),
]

# a place after an organisation ('X in Manchester', 'X, based in Liverpool,') says where it is,
# even when a trust is named after the place: the position is X's
PLACE_AFTER_A_NAME = [
    ("The Christie NHS Foundation Trust in Manchester comes third of 134 acute trusts.", [("RBV", 3)]),
    ("The Walton Centre NHS Foundation Trust in Liverpool comes 13th of 134 acute trusts.", [("RET", 13)]),
    ("Sheffield Children's NHS Foundation Trust in Sheffield was ranked 38th of 134 acute trusts.", [("RCU", 38)]),
    ("The Christie NHS Foundation Trust, in Manchester, was ranked third of 134 acute trusts.", [("RBV", 3)]),
    ("The Christie, based in Manchester, has been placed third of 134 acute trusts.", [("RBV", 3)]),
    ("The Christie in Manchester was ranked 3rd out of 134 acute trusts.", [("RBV", 3)]),
    ("Leeds Teaching Hospitals NHS Trust in Leeds was ranked 60th of 134 acute trusts.", [("RR8", 60)]),
    ("The Walton Centre NHS Foundation Trust in Liverpool is now 13th of the 134 acute trusts.", [("RET", 13)]),
    # the place opening the sentence, a second trust after 'with', and 'colleagues at X' are as before
    ("Our colleagues at Lincolnshire Community Health Services were ranked 24th of 61 non-acute trusts.",
     [("RY5", 24)]),
    ("Colleagues at the Walton Centre came 13th of 134 acute trusts.", [("RET", 13)]),
    ("In Manchester, the Christie was ranked third of 134 acute trusts.", [("RBV", 3)]),
    ("Medway NHS Foundation Trust was ranked 45th of 134, with Dartford and Gravesham ranked 30th.",
     [("RN7", 30), ("RPA", 45)]),
]

# a position hoped for, expected, possible or counterfactual: no table gave it
FORESEEN = [
    "Next quarter we could be tenth.",
    "Liverpool Heart and Chest Hospital could be ranked tenth next quarter.",
    "Liverpool Heart and Chest Hospital hopes to be ranked third by March.",
    "Liverpool Heart and Chest Hospital expects to be ranked fourth in December.",
    "Liverpool Heart and Chest Hospital would have been ranked second without the finance score.",
    "If Liverpool Heart and Chest Hospital had balanced its books, it would be ranked second.",
    "If Liverpool Heart and Chest Hospital is ranked 40th next time, the board will be pleased.",
    "Liverpool Heart and Chest Hospital is likely to finish 12th in the next tables.",
    "Liverpool Heart and Chest Hospital is on track to be ranked in 20th place.",
    "Liverpool Heart and Chest Hospital aims to finish tenth of 134.",
    "Liverpool Heart and Chest Hospital may rise to 30th when the December tables appear.",
    "Liverpool Heart and Chest Hospital might well come 25th of 134 acute trusts.",
    "Liverpool Heart and Chest Hospital is expected to be placed 15th.",
    "Liverpool Heart and Chest Hospital could be the top-ranked acute trust next quarter.",
    "Liverpool Heart and Chest Hospital hopes to become the best-performing acute trust in England.",
    "Liverpool Heart and Chest Hospital would have been the top-ranked acute trust without its deficit.",
    "Liverpool Heart and Chest Hospital could finish bottom of the acute table.",
]

# stated positions, beside or around such words, stay
STATED = [
    ("Liverpool Heart and Chest Hospital was ranked fifth, and could be third next quarter.", [("RBQ", 5)]),
    ("Liverpool Heart and Chest Hospital was proud to be ranked fifth of 134 acute trusts.", [("RBQ", 5)]),
    ("Liverpool Heart and Chest Hospital said it was ranked fifth of 134 acute trusts.", [("RBQ", 5)]),
    ("Liverpool Heart and Chest Hospital would not say why it was ranked fifth of 134 acute trusts.",
     [("RBQ", 5)]),
    ("Liverpool Heart and Chest Hospital, which will publish its plan next week, was ranked fifth.",
     [("RBQ", 5)]),
    ("Liverpool Heart and Chest Hospital continues to be ranked fifth of 134 acute trusts.", [("RBQ", 5)]),
    ("Liverpool Heart and Chest Hospital has been ranked fifth of 134 acute trusts.", [("RBQ", 5)]),
]


def _codes(nlp: Language, text: str) -> list[tuple[str, int | None]]:
    return sorted((r.ods_code, r.rank) for r in read(nlp, text).rankings)


@pytest.mark.parametrize("text", NOT_THE_LEAGUE + FORESEEN)
def test_no_league_position(nlp: Language, text: str) -> None:
    assert read(nlp, text).rankings == []


@pytest.mark.parametrize(("text", "expected"), STILL_THE_LEAGUE + PLACE_AFTER_A_NAME + STATED)
def test_the_stated_position_of_the_named_trust(nlp: Language, text: str, expected: list[tuple]) -> None:
    assert _codes(nlp, text) == expected
