"""A claim that may be misread says why, so the audit does not fail on it."""

from __future__ import annotations

import re

import pytest

from extractor.reading import read_doc
from extractor.reading.doubts import REASONS, doubt_of
from extractor.records import Claim

HEADER = "Oversight update\n14 March 2024\n\n"


def doubts_by_count(nlp, body: str) -> dict[int, str]:
    doc = nlp(HEADER + body)
    return {c.count: c.doubt for c in read_doc(doc).claims if c.count is not None}


def _number(word: str) -> int:
    return 5 if word == "five" else int(word)


def doubt_on_line(nlp, body: str, line: str, count: int, segment: int) -> str:
    """The doubt of a claim of ``count`` read from ``line`` of ``body``, however claim building
    would read it."""
    doc = nlp(HEADER + body)
    start = doc.text.index(line)
    total = re.search(r"\bof the (\d+|five)\b", line, re.I)
    claim = Claim(org_type="trust", segments=(segment,), count=count, total=_number(total[1]) if total else None,
                  text=line, start=start, end=start + len(line))
    return doubt_of(doc, claim)


@pytest.mark.parametrize(("body", "line", "count", "segment", "reason"), [
    ("3. Background\n4. Trusts in segment 4 receive support.", "4. Trusts in segment 4 receive support.", 4, 4,
     "heading"),
    ("4) Trusts in segment 4 receive support.", "4) Trusts in segment 4 receive support.", 4, 4, "heading"),
    ("(4) Trusts in segment 4 receive support.", "(4) Trusts in segment 4 receive support.", 4, 4, "heading"),
    ("3. Background\n4 Trusts in segment 4 receive support.\n5. Next steps",
     "4 Trusts in segment 4 receive support.", 4, 4, "heading"),
    ("5. Trusts in segment 5 join the programme.", "5. Trusts in segment 5 join the programme.", 5, 5, "heading"),
    ("12. Two trusts moved to segment 2.", "12. Two trusts moved to segment 2.", 12, 2, "heading"),
    ("1. One segment 1 trust was visited.", "1. One segment 1 trust was visited.", 1, 1, "one_of_segment"),
    ("Notes\n   4.\tTrusts in segment 4 are supported.", "4.\tTrusts in segment 4 are supported.", 4, 4,
     "heading"),
    ("One chief executive at a segment two trust said so.", "One chief executive at a segment two trust said so.",
     1, 2, "one_of_segment"),
    ("The board of one segment-4 provider met on Tuesday.", "The board of one segment-4 provider met on Tuesday.",
     1, 4, "one_of_segment"),
    ("Since its introduction 32 trusts have entered segment 4.",
     "Since its introduction 32 trusts have entered segment 4.", 32, 4, "span_of_time"),
    ("It set a 12-month deadline for trusts in segment 4.", "It set a 12-month deadline for trusts in segment 4.",
     12, 4, "length"),
    ("Trusts in segment 4 get 18 months to improve.", "Trusts in segment 4 get 18 months to improve.", 18, 4,
     "length"),
    ("The original 11 trusts in segment 4 have all left.", "The original 11 trusts in segment 4 have all left.",
     11, 4, "group"),
    ("It was one of the first five trusts in segment 4.", "It was one of the first five trusts in segment 4.", 5, 4,
     "group"),
    ("That would make five boards in segment 4.", "That would make five boards in segment 4.", 5, 4, "hypothetical"),
    ("A move could leave 22 trusts in segment 4.", "A move could leave 22 trusts in segment 4.", 22, 4,
     "hypothetical"),
    ("Segment 3 shows how blunt a four-point scale is.", "Segment 3 shows how blunt a four-point scale is.", 4, 3,
     "compound"),
    ("Every ICB in segment 4 has at least one trust in it.", "Every ICB in segment 4 has at least one trust in it.",
     1, 4, "bound"),
    ("More than 40 trusts are in segment 4.", "More than 40 trusts are in segment 4.", 40, 4, "bound"),
    ("Nearly 20 trusts are in segment 4.", "Nearly 20 trusts are in segment 4.", 20, 4, "bound"),
    ("It pushed two more trusts into segment 4.", "It pushed two more trusts into segment 4.", 2, 4, "change"),
    ("It is in segment 5 and ranked last among 61 trusts.", "It is in segment 5 and ranked last among 61 trusts.",
     61, 5, "league"),
    ("It is in segment 3 and 40th of 134 trusts.", "It is in segment 3 and 40th of 134 trusts.", 134, 3, "league"),
    ("I make it ten in segment two, not twelve.", "I make it ten in segment two, not twelve.", 12, 2, "denied"),
    ("Ten trusts, rather than 12, are in segment 2.", "Ten trusts, rather than 12, are in segment 2.", 12, 2,
     "denied"),
    ("12 of the 15 trusts with the longest waits are in segment 3.",
     "12 of the 15 trusts with the longest waits are in segment 3.", 12, 3, "other_total"),
    ("Nine of the 20 trusts planning a deficit are in segment 4.",
     "Nine of the 20 trusts planning a deficit are in segment 4.", 9, 4, "other_total"),
    ("Of the 18 trusts in segment 4, 12 are acute providers.", "Of the 18 trusts in segment 4, 12 are acute providers.",
     12, 4, "kind_within"),
    ("None of the five trusts in segment 1 is an acute provider.",
     "None of the five trusts in segment 1 is an acute provider.", 0, 1, "kind_within"),
    ("(a) what exit criteria apply to the two organisations in segment 4;",
     "(a) what exit criteria apply to the two organisations in segment 4;", 2, 4, "question"),
    ("Why are 19 trusts still in segment 4?", "Why are 19 trusts still in segment 4?", 19, 4, "question"),
    ("Are there really 20 trusts in segment 4?", "Are there really 20 trusts in segment 4?", 20, 4, "question"),
    ("Scotland's 14 boards have no segment 4.", "Scotland's 14 boards have no segment 4.", 14, 4, "abroad"),
    ("Four of Wales's seven health boards are in segment 4 of their own scheme.",
     "Four of Wales's seven health boards are in segment 4 of their own scheme.", 4, 4, "abroad"),
    ("Segment 4 is where, after a long and public row about finances, leadership, culture and the pace of recovery"
     " plans, the regulator and the board finally agreed that 12 trusts should sit.",
     "Segment 4 is where, after a long and public row about finances, leadership, culture and the pace of recovery"
     " plans, the regulator and the board finally agreed that 12 trusts should sit.", 12, 4, "far"),
])
def test_doubt_of_a_claim_read_from_a_line(nlp, body, line, count, segment, reason) -> None:
    assert doubt_on_line(nlp, body, line, count, segment) == REASONS[reason]


def test_a_count_above_its_total_is_doubted(nlp) -> None:
    doc = nlp(HEADER + "Across England, 38 trusts have maximum autonomy and 110 are in segment 2.")
    start = doc.text.index("Across")
    claim = Claim(org_type="trust", segments=(2,), count=110, total=38, text=doc.text[start:], start=start,
                  end=len(doc.text))
    assert doubt_of(doc, claim) == REASONS["over_total"]


@pytest.mark.parametrize(("body", "count", "reason"), [
    ("3. Background\n4 Trusts in segment 4 receive support from the regional team.\n5. Next steps", 4, "heading"),
    ("A finance director at one segment 3 trust said the pressure was relentless.", 1, "one_of_segment"),
    ("Of the 24 trusts in segment 4, 17 are in quality special measures.", 17, "regime"),
    ("Seven trusts in segment 4 are in financial special measures.", 7, "regime"),
    ("Five trusts in segment 4 are in special measures for financial reasons.", 5, "regime"),
    ("Since 2013, 40 trusts have been placed in segment 4.", 40, "span_of_time"),
    ("Eleven trusts have spent more than two years in segment 4.", 11, "span_of_time"),
])
def test_a_doubtful_claim_says_why(nlp, body, count, reason) -> None:
    doubts = doubts_by_count(nlp, body)
    if reason == "span_of_time" and count not in doubts:
        return  # the traps component keeps a history from being read as a claim at all: better still
    assert doubts.get(count) == REASONS[reason]


@pytest.mark.parametrize(("body", "count"), [
    ("Four trusts are in segment 4.", 4),
    ("2.1 Nationally, five ICBs are in segment 4.", 5),
    ("3.2 Sixty-eight acute trusts are in segment 3.", 68),
    ("4. Nineteen trusts are in segment 4.", 19),
    ("19 trusts are in segment 4 this quarter.", 19),
    ("Only one trust is in segment 1.", 1),
    ("Twenty trusts are in segment 4, the segment for trusts in special measures.", 20),
    ("The trust has been placed in segment 3, one of 76 trusts in segment 3.", 76),
    ("More than half (23) of the 42 ICBs are in segment 3.", 23),
    ("Some 97 of the 205 trusts sit in segments 3 and 4.", 97),
    ("A further 71 trusts are in segment 3.", 71),
    ("Four ICSs (Devon, Hampshire and the Isle of Wight, Norfolk and Waveney, and Shropshire, Telford and Wrekin)"
     " have been rated in the worst performing Segment 4, described as needing intensive support.", 4),
])
def test_a_plain_claim_has_no_doubt(nlp, body, count) -> None:
    found = doubts_by_count(nlp, body)
    assert count in found and found[count] == ""
