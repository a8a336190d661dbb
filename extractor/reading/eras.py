"""Each record's framework by its own date: a page of one framework recounts others.

A 2025/26 page says "X entered the Recovery Support Programme in 2022" or "in 2016, 36
trusts were placed in segment 4". The pipeline reads the page under one framework (the
one of its date or the one it names), so the programme word becomes segment 5, as it is
under NOF 2025/26, and every record takes that framework. Once the records have their
periods (``periods.assign_periods``), a record dated wholly before its framework took effect
takes the framework current at the end of its period (``dates.ERAS``, ``dates.DATA_START``: a
2025/26 quarter is NOF 2025/26's however early its tables came out). A segment 5 such a record holds, not
named as segment 5 in its words, was read from a programme word ("the Recovery Support
Programme", "special measures", "the programme"): under a framework of four segments the
programme is segment 4 (``../shared/spec/dataset.md``).
"""

from __future__ import annotations

import datetime as dt
import re

from .. import dates
from ..records import DocResult
from .periods import months

_NAMED_FIVE = re.compile(r"\b(?:segment|seg\.?|nof|category|tier)\s*(?:5|five)\b|\bfifth\s+segment\b", re.I)
_FOUR_SEGMENTS = frozenset({"sof2016", "sof2021", "nof2022"})


def settle_eras(result: DocResult) -> None:
    """Give each claim and membership dated before its framework's figures begin the framework
    of its own period, and a segment 5 it owes to a programme word that framework's segment 4."""
    for record in (*result.claims, *result.memberships):
        era = _earlier_era(record.framework, record.period)
        if not era:
            _left_in_an_earlier_era(record)
            continue
        record.framework = era
        if era not in _FOUR_SEGMENTS or _NAMED_FIVE.search(record.text):
            continue
        if hasattr(record, "segments"):
            record.segments = tuple(4 if s == 5 else s for s in record.segments)
        else:
            record.segment = 4 if record.segment == 5 else record.segment
            record.from_segment = 4 if record.from_segment == 5 else record.from_segment


def _earlier_era(framework: str, period: str) -> str:
    """The framework current at the end of ``period`` when the period ended before the figures
    of ``framework`` begin, else ""."""
    began = dates.DATA_START.get(framework)
    span = months(period) if period and began else None
    if span is None:
        return ""
    last = span[1]
    end = dt.date(last // 12, last % 12 + 1, 1)
    if end >= began:
        return ""
    era = dates.framework_on(end)
    return era if dates.DATA_START.get(era) != began else ""


# leaving a programme, and the date it was left in its own clause: 'left the Recovery Support Programme in
# 2024', 'having exited the RSP in March 2025', 'came out of special measures during 2023/24'
_LEFT_ON = re.compile(
    r"\b(?:left|leaving|leaves|exit(?:s|ed|ing)?|came\s+out\s+of|come\s+out\s+of|moved\s+out\s+of|"
    r"graduated\s+from|taken\s+out\s+of|removed\s+from)\b[^.;:()]{0,80}?\b(?:in|during)\s+"
    r"(?:(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+)?"
    r"(?P<y>20\d\d)(?:\s*[/\-\u2013]\s*(?P<y2>\d\d))?\b", re.I)


def _left_in_an_earlier_era(record: object) -> None:
    """A current membership whose words date the programme it left before its own framework's
    figures began ('left the Recovery Support Programme in 2024 and is now in segment 3', on a
    2025/26 page): the programme it left was that earlier framework's segment 4, not segment 5."""
    if getattr(record, "from_segment", None) != 5 or record.framework in _FOUR_SEGMENTS:
        return
    if _NAMED_FIVE.search(record.text) or not (match := _LEFT_ON.search(record.text)):
        return
    year = int(match["y"])
    if match["y2"]:
        period = f"{year}/{match['y2']}"
    elif match["mon"]:
        period = f"{year}-{dates._MONTHS[match['mon'].lower()]:02d}"
    else:
        period = str(year)
    era = _earlier_era(record.framework, period)
    if era in _FOUR_SEGMENTS:
        record.from_segment = 4
