"""Positions no single trust holds (``reading.rankings``, ``rank_words``): a stretch of the
table heading a list ('Ranked 41st to 50th: A (41st), B (42nd)'), and a position an
infinitive of hoping or foreseeing reaches past its own object ('hopes to finish the year
ranked 20th'). Our own phrasings, each with the stated positions that must stay.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from .test_rankings import read

# a stretch of the table heading a list: each name has the position in its own brackets only
RANGES = [
    ("Ranked 41st to 50th: Barnsley Hospital (41st), Wye Valley (42nd), East Sussex Healthcare (43rd).",
     [("RFF", 41), ("RLQ", 42), ("RXC", 43)]),
    ("Placed 41st – 50th: Barnsley Hospital (41st), Wye Valley (42nd) and East Sussex Healthcare (43rd).",
     [("RFF", 41), ("RLQ", 42), ("RXC", 43)]),
    ("Ranked 101 to 110 of 134: Wye Valley (101st) and East Sussex Healthcare (104th).",
     [("RLQ", 101), ("RXC", 104)]),
    ("Those ranked 41st to 50th include Wye Valley and East Sussex Healthcare.", []),
    ("Wye Valley NHS Trust is ranked 41st to 50th on most measures.", []),
    # a move from one position to another, and a position before 'to' that is no range, stay
    ("Wye Valley NHS Trust rose from 50th to 41st.", [("RLQ", 41)]),
    ("Wye Valley NHS Trust was ranked 41st, to the surprise of its board.", [("RLQ", 41)]),
]

# a position an infinitive of hoping, aiming or expecting reaches, past the infinitive's object
HOPED = [
    "Medway NHS Foundation Trust hopes to finish the year ranked 20th.",
    "Medway NHS Foundation Trust aims to end the quarter in 20th place.",
    "Medway NHS Foundation Trust wants to finish next year at 10th of 134.",
    "Medway NHS Foundation Trust expects to end 2026 ranked joint 15th.",
    "Medway NHS Foundation Trust has set out plans to end the year ranked 50th.",
    "Medway NHS Foundation Trust is trying to end the year in the top 20.",
]

# a position stated in a clause or a complement of its own stays
STATED = [
    ("Medway NHS Foundation Trust hopes to build on being ranked 20th of 134.", [("RPA", 20)]),
    ("Medway NHS Foundation Trust hopes to improve after it was ranked 20th of 134.", [("RPA", 20)]),
    ("Medway NHS Foundation Trust, which hopes to improve its finances, was ranked 20th of 134.", [("RPA", 20)]),
    ("Medway NHS Foundation Trust wants to celebrate, and was ranked 20th of 134.", [("RPA", 20)]),
]


def _codes(nlp: Language, text: str) -> list[tuple[str, int | None]]:
    return sorted((r.ods_code, r.rank) for r in read(nlp, text).rankings)


@pytest.mark.parametrize(("text", "expected"), RANGES + STATED)
def test_the_positions_each_body_holds(nlp: Language, text: str, expected: list[tuple]) -> None:
    assert _codes(nlp, text) == expected


@pytest.mark.parametrize("text", HOPED)
def test_a_hoped_position_is_no_ranking(nlp: Language, text: str) -> None:
    assert read(nlp, text).rankings == []
