"""Which period a figure describes, so figures from different documents can be joined.

The rule, in order of preference:

1. the claim's own ``period`` (the extractor read it from the words), normalised to
   ``YYYY/YY Qn`` or ``YYYY-MM``; a bare financial year (``2023/24``) is narrowed to the
   one quarter of that year the document names, if it names exactly one;
2. one explicit quarter named in the document ("Q2 2025/26", "the second quarter of
   2025/26", "2025-26 Q2"); if it names several, none of them is trusted;
3. the publication date and the framework. Segmentation under the 2016 framework was
   published month by month, so a ``sof2016`` figure describes the month it appeared in
   (``2016-10``). From 2021 segments are refreshed quarterly and an article reports the
   latest published quarter, i.e. the financial quarter *before* the one it appeared in:
   a ``nof2022`` article from February 2024 (2023/24 Q4) describes ``2023/24 Q3``.
   Without a framework the publication month is kept.

Anything else leaves the period empty, and empty periods are never treated as equal
across documents (see ``dataset``).
"""

from __future__ import annotations

import re
import warnings
from datetime import date
from functools import lru_cache

import pandas as pd

from ..dates import fy_label, fy_quarter, previous_quarter
from ..numbers import parse_ordinal

QUARTERLY = {"sof2021", "nof2022", "nof2025"}
_FY = r"(20\d\d)\s*[/-]\s*(?:20)?(\d\d)"
_PATTERNS = (
    re.compile(rf"\bQ([1-4])\s*(?:of\s+)?{_FY}", re.I),
    re.compile(rf"\b{_FY}\s*Q([1-4])\b", re.I),
    re.compile(rf"\bquarter\s+([1-4])\s+(?:of\s+)?{_FY}", re.I),
    re.compile(rf"\b(first|second|third|fourth)\s+quarter\s+of\s+{_FY}", re.I),
)
_CANONICAL = re.compile(r"^(20\d\d)/(\d\d) Q([1-4])$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^20\d\d/\d\d$")


def _from_match(match: re.Match) -> str | None:
    groups = match.groups()
    if match.re is _PATTERNS[1]:
        year, nxt, quarter = groups
    else:
        quarter, year, nxt = groups
    start = int(year)
    if (start + 1) % 100 != int(nxt):
        return None
    q = int(quarter) if quarter.isdigit() else parse_ordinal(quarter.lower())
    return fy_label(start, q) if q else None


def period_key(period: str) -> str:
    """A period in its canonical spelling (``Q3 2023/24`` → ``2023/24 Q3``)."""
    period = period.strip()
    if not period or _CANONICAL.match(period) or _MONTH.match(period):
        return period
    for pattern in _PATTERNS:
        match = pattern.search(period)
        if match and (label := _from_match(match)):
            return label
    return period


def quarters_named(text: str) -> set[str]:
    """Every financial quarter the text names explicitly."""
    return set(_quarters_named(text))


@lru_cache(maxsize=256)
def _quarters_named(text: str) -> frozenset[str]:
    # every row of a document asks about the same whole text: scan it once
    found = set()
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if label := _from_match(match):
                found.add(label)
    return frozenset(found)


def parse_published(published: str) -> date | None:
    """A publication date in any common spelling (ISO, ``21.10.16``, ``14 February 2024``)."""
    if not published.strip():
        return None
    iso = re.match(r"^(\d{4})-(\d{2})(?:-(\d{2}))?", published.strip())
    if iso:
        return date(int(iso[1]), int(iso[2]), int(iso[3] or 1))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            stamp = pd.to_datetime(published, dayfirst=True)
        except (ValueError, TypeError, OverflowError):
            return None
    return None if pd.isna(stamp) else stamp.date()


def period_from_published(framework: str, published: str) -> str:
    day = parse_published(published)
    if day is None:
        return ""
    if framework in QUARTERLY:
        return fy_label(*previous_quarter(*fy_quarter(day)))
    return f"{day.year}-{day.month:02d}"


def resolve_period(own: str, framework: str, published: str, text: str = "") -> str:
    """The period a row describes, by the rule in this module's docstring."""
    named = quarters_named(text)
    if own.strip():
        own = period_key(own)
        if _YEAR.match(own):
            within = {q for q in named if q.startswith(own + " ")}
            if len(within) == 1:
                return within.pop()
        return own
    if len(named) == 1:
        return named.pop()
    return period_from_published(framework, published)


def is_precise(period: str) -> bool:
    """Whether a period names one quarter or month (not just a year, not nothing)."""
    period = period_key(period)
    return bool(_CANONICAL.match(period) or _MONTH.match(period))


def quarter_index(period: str) -> int | None:
    """A sortable number for a period (months map to the quarter they fall in)."""
    period = period_key(period)
    if match := _CANONICAL.match(period):
        return int(match[1]) * 4 + int(match[3]) - 1
    if match := _MONTH.match(period):
        year, quarter = fy_quarter(date(int(match[1]), int(match[2]), 1))
        return year * 4 + quarter - 1
    return None
