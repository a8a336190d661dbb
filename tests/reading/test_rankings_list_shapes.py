"""League positions in the shapes of lists and asides (``reading.rank_lists``,
``rankings``): a bracketed position after the segment a body is said to be in, in a
gapped series ('X was in segment 4 (115th), Y in segment 3 (76th)'), a list line opening
with a joint position ('Joint 45th: X'), and a position said after a spaced dash to be the
bottom ('came 61st – bottom of the table'). Our own phrasings, with negatives.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from .test_rankings import read

# (ODS code, rank, segment) of each ranking
IN_SEGMENT_BRACKETED = [
    ("In the acute table, the Northern Care Alliance was in segment 4 (115th), Bolton in segment 3 (76th) and "
     "Stockport in segment 3 (45th).", [("RM3", 115, 4), ("RMC", 76, 3), ("RWJ", 45, 3)]),
    ("Of the acute trusts, Bolton in segment 3 (76th) and Stockport in segment 3 (45th) did best.",
     [("RMC", 76, 3), ("RWJ", 45, 3)]),
    ("Stockport NHS Foundation Trust, now in segment 2 (30th), has improved.", [("RWJ", 30, 2)]),
    ("Bolton NHS Foundation Trust remains in segment three (76th), Stockport in segment 2 (30th) of the acute "
     "trusts.",
     [("RMC", 76, 3), ("RWJ", 30, 2)]),
    # the bracket holds no position of the body's own
    ("Trusts in segment 3 (76th to 110th) include Bolton NHS Foundation Trust.", []),
    ("Bolton NHS Foundation Trust is in segment 3 (the 76th trust to be placed there).", []),
    ("Bolton NHS Foundation Trust is in segment 3 (2024).", []),
]

# a list line opening with a joint position, beside lines with a position alone
JOINT_LINES = [
    ("Joint 45th: Airedale NHS Foundation Trust\n47th: Harrogate and District NHS Foundation Trust\n",
     [("RCD", 47, False), ("RCF", 45, True)]),
    ("Equal 45th – Airedale NHS Foundation Trust\nEqual 45th – Harrogate and District NHS Foundation Trust\n",
     [("RCD", 45, True), ("RCF", 45, True)]),
    ("Joint 45th: Airedale NHS Foundation Trust (segment 3)\n", [("RCF", 45, True)]),
    # the line goes on: not a list item's name alone
    ("Joint 45th: Airedale NHS Foundation Trust said it would do better.\n", []),
]

# a position said after a dash or a comma to be the league's last ((rank, position, total) of each row)
BOTTOM_AFTER_A_DASH = [
    ("Coventry and Warwickshire Partnership NHS Trust came 61st – bottom of the non-acute table.",
     [(61, "bottom", 61)]),
    ("Coventry and Warwickshire Partnership NHS Trust was ranked 61st - last of the 61 non-acute trusts.",
     [(61, "bottom", 61)]),
    ("Coventry and Warwickshire Partnership NHS Trust finished 61st — bottom of the league.", [(61, "bottom", 61)]),
    # 'second-bottom' written as one word counts from the bottom, of the size the sentence gives
    ("Coventry and Warwickshire Partnership NHS Trust was second-bottom of the 61 non-acute trusts.",
     [(60, "bottom", 61)]),
    # a region's bottom is not the league's
    ("Coventry and Warwickshire Partnership NHS Trust came 50th – bottom of the Midlands trusts.", [(50, "", None)]),
]


@pytest.mark.parametrize(("text", "expected"), IN_SEGMENT_BRACKETED)
def test_a_bracketed_position_after_the_segment(nlp: Language, text: str, expected: list[tuple]) -> None:
    got = sorted((r.ods_code, r.rank, r.segment) for r in read(nlp, text).rankings)
    assert got == expected


@pytest.mark.parametrize(("text", "expected"), JOINT_LINES)
def test_a_joint_position_opening_a_line(nlp: Language, text: str, expected: list[tuple]) -> None:
    got = sorted((r.ods_code, r.rank, r.joint) for r in read(nlp, text).rankings)
    assert got == expected


@pytest.mark.parametrize(("text", "expected"), BOTTOM_AFTER_A_DASH)
def test_a_position_named_the_bottom_after_a_dash(nlp: Language, text: str, expected: list[tuple]) -> None:
    assert [(r.rank, r.position, r.total) for r in read(nlp, text).rankings] == expected
