"""Each record's framework by its own date: a page of one framework recounts others.

A 2025/26 page says "X entered the Recovery Support Programme in 2022" or "in 2016, 36
trusts were placed in segment 4". The pipeline reads the page under one framework (the
one of its date or the one it names), so the programme word becomes segment 5, as it is
under NOF 2025/26, and every record takes that framework. Once the records have their
periods (``periods.assign_periods``), a record dated wholly before its framework took effect
takes the framework current at the end of its period (``dates.ERAS``; a 2025/26 quarter is
NOF 2025/26's however early its tables came out). A segment 5 such a record holds, not
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

# the first month whose figures each framework gives: NOF 2025/26 segments the whole of 2025/26
# (its first tables, published in September 2025, are of quarter 1); the four-segment frameworks
# of 2021 and 2022 are one family here, the date NOF 2022/23 took over not being one we can source
_DATA_START = {"sof2016": dt.date(2016, 10, 1), "sof2021": dt.date(2021, 7, 1), "nof2022": dt.date(2021, 7, 1),
               "nof2025": dt.date(2025, 4, 1)}
_NAMED_FIVE = re.compile(r"\b(?:segment|seg\.?|nof|category|tier)\s*(?:5|five)\b|\bfifth\s+segment\b", re.I)
_FOUR_SEGMENTS = frozenset({"sof2016", "sof2021", "nof2022"})


def settle_eras(result: DocResult) -> None:
    """Give each claim and membership dated before its framework's figures begin the framework
    of its own period, and a segment 5 it owes to a programme word that framework's segment 4."""
    for record in (*result.claims, *result.memberships):
        era = _earlier_era(record.framework, record.period)
        if not era:
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
    began = _DATA_START.get(framework)
    span = months(period) if period and began else None
    if span is None:
        return ""
    last = span[1]
    end = dt.date(last // 12, last % 12 + 1, 1)
    if end >= began:
        return ""
    era = dates.framework_on(end)
    return era if _DATA_START.get(era) != began else ""
