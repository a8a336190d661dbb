"""``parse_date``, ``find_published`` and ``find_period`` skip patterns whose matches hold a
part (a year, a day and year) the text lacks: their answers must be those of running every
pattern (kept here)."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor import dates


def _parse_every_pattern(text: str):
    best = None
    for pat, _within in dates._PATTERNS:
        m = pat.search(text)
        if not m:
            continue
        month = int(m.group("m")) if "m" in m.groupdict() and m.group("m") else dates._MONTHS.get(
            m.group("mon").lower().rstrip("."), 0)
        date = dates._mk(m.group("y"), month, int(m.group("d")))
        if date and (best is None or m.start() < best[0]):
            best = (m.start(), date)
    return best[1] if best else None


def _published_every_pattern(text: str) -> str:
    head = "\n".join(dates.first_lines(text.lstrip(), 6))
    date = _parse_every_pattern(head)
    if date:
        return date.isoformat()
    m = dates._MONTH_YEAR.search(head)
    if m:
        return f"{int(m.group('y')):04d}-{dates._MONTHS[m.group('mon').lower()[:3]]:02d}"
    return ""


def _period_every_pattern(text: str) -> str:
    for pat in dates._QUARTER:
        for m in pat.finditer(text):
            if m.group("fy"):
                return f"{m.group('fy')}/{m.group('fy2')} Q{m.group('q')}"
    m = regex.search(r"\b" + dates._FY + r"\b", text)
    if m and int(m.group("fy2")) == (int(m.group("fy")) + 1) % 100:
        return f"{m.group('fy')}/{m.group('fy2')}"
    return ""


PIECES = ["March", "mar.", "Sept", "MAY", "3", "21", "1st", "3rd,", "2024", "2024,", "\t", "1999", "2031", "24", "16",
          "21.10.16", "3/4/24", "2024-03-03", "2024-13-45", "31.02.2023", "Q2", "quarter 3", "of", ",",
          "2024/25", "2025-26", "2023 – 24", "Published", "\n", " ", "  ", ".", "/", "-", "news", "4Q", "Q5"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=16), st.sampled_from(["", " ", "\n"]))
def test_answers_are_those_of_every_pattern(pieces: list[str], glue: str) -> None:
    text = glue.join(pieces)
    assert dates.parse_date(text) == _parse_every_pattern(text)
    assert dates.find_published(text) == _published_every_pattern(text)
    assert dates.find_period(text) == _period_every_pattern(text)


@pytest.mark.parametrize("text", [
    "Published March 3, 2024 by the trust", "News\nMar. 21st\t2023", "3 March 2024", "2024-03-03",
    "21.10.16", "Sept 31, 2024 and 1 May 2024", "May 2024", "The trust\nQ2 2024/25 results", "2023/24 Q3",
    "quarter 1 of 2025-26", "no date here", "March 3 1999x", "March\n3\n2024",
])
def test_answers_on_each_kind_of_date(text: str) -> None:
    assert dates.parse_date(text) == _parse_every_pattern(text)
    assert dates.find_published(text) == _published_every_pattern(text)
    assert dates.find_period(text) == _period_every_pattern(text)
