"""Ranked lists written as numbered lines (``reading.tables``): the number is the league
position when the lines name organisations under a caption about the table, or count from
one in a page about the league tables."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.reading import read_doc

PUBLISHED = "Published 12 December 2025\nThe NHS oversight league tables for quarter 2\n"
THREE = ("Frimley Health NHS Foundation Trust", "Homerton Healthcare NHS Foundation Trust", "Barts Health NHS Trust")


def ranked(nlp: Language, text: str) -> list[tuple[str, int, bool]]:
    result = read_doc(nlp(PUBLISHED + text))
    return sorted((r.name, r.rank, r.joint) for r in result.rankings)


NUMBERED = [
    ("The top of the new acute league table:\n1. {0}\n2. {1}\n3. {2}\n", [1, 2, 3]),
    ("Rankings, acute trusts\n1) {0}\n2) {1}\n3) {2}\n", [1, 2, 3]),
    ("NHS league tables: the top three\n#1 {0}\n#2 {1}\n#3 {2}\n", [1, 2, 3]),
    ("The league tables were published today. The complete list, as published:\nNo. 1 {0}\nNo. 2 {1}\nNo. 3 {2}\n",
     [1, 2, 3]),
    ("Acute league table, with each trust's average score\n1. {0} – 1.41\n2. {1} – 1.47\n3. {2} – 1.52\n",
     [1, 2, 3]),
    ("Position in the acute table (segment in brackets)\n1 {0} (1)\n2 {1} (1)\n3 {2} (2)\n", [1, 2, 3]),
    ("The bottom of the table\n134. {0}\n133. {1}\n132. {2}\n", [134, 133, 132]),
    ("Ranked by average metric score\n=5 {0}\n=5 {1}\n7 {2}\n", [5, 5, 7]),
    ("The new NHS league table has been published. Here is the list as it stands:\n\n1. {0}\n2. {1}\n3. {2}\n",
     [1, 2, 3]),
]


@pytest.mark.parametrize(("template", "ranks"), NUMBERED)
def test_numbered_lines_rank_the_organisations(nlp: Language, template: str, ranks: list[int]) -> None:
    got = ranked(nlp, template.format(*THREE))
    joint = [ranks.count(r) > 1 for r in ranks]
    assert got == sorted(zip(THREE, ranks, joint, strict=True))


@pytest.mark.parametrize("text", [
    # a numbered list of steps, not of organisations
    "Our priorities for the league table year ahead:\n1. Reduce waiting times\n2. Balance the books\n"
    "3. Recruit more nurses\n",
    # numbered, but nothing says it is the table's order
    "Trusts visited by the minister this week:\n1. {0}\n2. {1}\n3. {2}\n",
    # a gallery of a region's trusts, each with its own position stated in words
    "Our pick of the county's providers.\n1 . {0} It ranked 47 overall.\n2 . {1} It ranked 55 overall.\n",
])
def test_numbered_lines_that_are_not_the_table(nlp: Language, text: str) -> None:
    got = ranked(nlp, text.format(*THREE))
    assert all(rank in {47, 55} for _, rank, _ in got)


# each item states its own position after the name: the list's numbers are only the writer's order
STATED = [
    ("How our region's trusts rank nationally\n1. {0} – 3rd\n2. {1} – 40th\n3. {2} – joint 45th\n",
     [(3, False), (40, False), (45, True)]),
    ("League positions, out of 134\n1) {0}: 12th\n2) {1}: 27th=\n3) {2}: 101st\n",
     [(12, False), (27, True), (101, False)]),
    ("Where the local trusts came in the table\n1. {0} - eleventh\n2. {1} - sixty-fifth\n3. {2} - ninetieth\n",
     [(11, False), (65, False), (90, False)]),
    ("The acute league, local picture:\n1. {0} (5th)\n2. {1} (equal 18th)\n3. {2} (120th place)\n",
     [(5, False), (18, True), (120, False)]),
    ("Our ranking of the county's hospitals in the new table\n1. {0}, ranked 70th\n2. {1}, ranked 33rd\n"
     "3. {2}, ranked =9th\n", [(70, False), (33, False), (9, True)]),
    ("The league tables are out. In alphabetical order:\n1. {0} — 2nd\n2. {1} — 130th\n3. {2} — 64th overall\n",
     [(2, False), (130, False), (64, False)]),
    ("Ranked, best first\n4. {0} – 8th\n5. {1} – 19th\n6. {2} – joint 19th\n",
     [(8, False), (19, False), (19, True)]),
    ("Position in the table\n1 {0} - 100th - segment 3\n2 {1} - 101st - segment 4\n3 {2} - 102nd - segment 4\n",
     [(100, False), (101, False), (102, False)]),
]


@pytest.mark.parametrize(("template", "stated"), STATED)
def test_an_item_that_states_its_position_outranks_the_list_number(nlp: Language, template: str,
                                                                   stated: list[tuple[int, bool]]) -> None:
    got = ranked(nlp, template.format(*THREE))
    assert got == sorted((name, rank, joint) for name, (rank, joint) in zip(THREE, stated, strict=True))


@pytest.mark.parametrize("text", [
    # a dash followed by a word that is no position: the number stays the rank
    "The top of the new acute league table:\n1. {0} – Surrey\n2. {1} – Hackney\n3. {2} – Whitechapel\n",
    # a bracket after the name that is no position keeps the line out of the list
    "The top of the new acute league table:\n1. {0} (Surrey)\n2. {1} (Hackney)\n3. {2} (Whitechapel)\n",
])
def test_a_dash_or_bracket_without_a_position(nlp: Language, text: str) -> None:
    got = ranked(nlp, text.format(*THREE))
    assert not any(rank > 3 for _, rank, _ in got)
    assert all(name in THREE or name.split(" – ")[0] in THREE for name, _, _ in got)
