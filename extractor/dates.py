"""Dates and reporting periods as the press and NHS papers write them.

``find_published`` reads a publication date from a document's first lines ("21.10.16",
"Published 3 March 2024", "2024-03-03"); ``find_period`` reads the as-of period the
figures describe ("Q2 2025/26", "2023/24 Q3", "quarter 2 of 2025/26").
"""

from __future__ import annotations

import datetime as dt
import re

import regex

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MON = (r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
        r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")

_YEAR = regex.compile(r"(?:19|20)\d\d")  # in every date but a numeric one ("21.10.16")
_DAY_YEAR = regex.compile(r"\s\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d\b", regex.I)  # " 3, 2024"
_PATTERNS = [  # (pattern, a cheaper pattern that matches within each of its matches, or None)
    (regex.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b"), _YEAR),
    (regex.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MON + r"\.?,?\s+(?P<y>(?:19|20)\d\d)\b", regex.I),
     _YEAR),
    (regex.compile(_MON + r"\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b", regex.I), _DAY_YEAR),
    (regex.compile(r"(?<![\d.])(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>(?:19|20)?\d\d)(?![\d.])"), None),
]
_MONTH_YEAR = regex.compile(r"\b" + _MON + r"\.?\s+(?P<y>(?:19|20)\d\d)\b", regex.I)
_FY = r"(?P<fy>20\d\d)\s*[/\-–]\s*(?P<fy2>\d\d)"
_FINANCIAL_YEAR = regex.compile(_FY)
# a year that is part of a framework's name ("the NHS Oversight Framework 2022/23", "under the 2025/26
# NHS oversight framework", "NOF 2022/23"): the framework applied for years, so it dates no figure
_NAMED_BEFORE = regex.compile(r"\b(?:framework|NOF|SOF)(?:\s+for)?\s*[(\[]?\s*$", regex.I)
_NAMED_AFTER = regex.compile(r"^\s*[)\]]?\s*(?:(?:NHS|single|system)\s+)?(?:oversight\s+)?(?:framework|NOF|SOF)\b",
                             regex.I)
_QUARTER = [
    regex.compile(r"\b(?:Q|quarter\s*)(?P<q>[1-4])\b(?:\s*(?:of|,)?\s*" + _FY + r")?", regex.I),
    regex.compile(_FY + r"\s*,?\s*(?:Q|quarter\s*)(?P<q>[1-4])\b", regex.I),
]
# a quarter named by its number alone, in figures or words ('in Q3', 'the quarter three tables', 'the third quarter')
_QUARTER_ALONE = regex.compile(
    r"\b(?:(?:Q|quarter\s*)(?P<q>[1-4]|one|two|three|four)|(?P<q>first|second|third|fourth)\s+quarter)\b", regex.I)
_QUARTER_WORDS = {"1": 1, "2": 2, "3": 3, "4": 4, "one": 1, "two": 2, "three": 3, "four": 4, "first": 1, "second": 2,
                  "third": 3, "fourth": 4}


def _mk(y: str, m: int, d: int) -> dt.date | None:
    year = int(y)
    if year < 100:
        year += 2000
    try:
        return dt.date(year, m, d)
    except ValueError:
        return None


def iso_from_match(match: regex.Match | None) -> str:
    """'YYYY-MM-DD' from a match whose first three groups are year, month and day; '' when
    there is no match or the date does not exist (metadata is often malformed)."""
    if not match:
        return ""
    date = _mk(match[1], int(match[2]), int(match[3]))
    return date.isoformat() if date else ""


def parse_date(text: str) -> dt.date | None:
    """The first full date in ``text``; day-month order (British) for numeric dates. A
    pattern is not run on a text where the cheaper one its matches hold finds nothing
    (a month-first date costs ten times its " 3, 2024" end, which few texts have)."""
    best: tuple[int, dt.date] | None = None
    held: dict[regex.Pattern, bool] = {}
    for pat, within in _PATTERNS:
        if within is not None:
            if within not in held:
                held[within] = within.search(text) is not None
            if not held[within]:
                continue
        m = pat.search(text)
        if not m:
            continue
        month = int(m.group("m")) if "m" in m.groupdict() and m.group("m") else _MONTHS.get(
            m.group("mon").lower().rstrip("."), 0)
        date = _mk(m.group("y"), month, int(m.group("d")))
        if date and (best is None or m.start() < best[0]):
            best = (m.start(), date)
    return best[1] if best else None


_LINE_END = regex.compile(r"\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")  # where str.splitlines cuts


def first_lines(text: str, lines: int) -> list[str]:
    """``text.splitlines()[:lines]``, without cutting the rest of a long text into lines."""
    end = len(text)
    for k, m in enumerate(_LINE_END.finditer(text)):
        if k + 1 == lines:
            end = m.end()
            break
    return text[:end].splitlines()[:lines]


def find_published(text: str, lines: int = 6) -> str:
    """An ISO date stated in the first ``lines`` lines (where datelines sit), else ""."""
    head = "\n".join(first_lines(text.lstrip(), lines))
    date = parse_date(head)
    if date:
        return date.isoformat()
    m = _MONTH_YEAR.search(head) if _YEAR.search(head) else None
    if m:
        return f"{int(m.group('y')):04d}-{_MONTHS[m.group('mon').lower()[:3]]:02d}"
    return ""


# Framework in force from each date (first day of its first segmentation).
ERAS = (
    (dt.date(2016, 10, 1), "sof2016"),
    (dt.date(2021, 7, 1), "sof2021"),
    (dt.date(2023, 7, 1), "nof2022"),
    (dt.date(2025, 9, 1), "nof2025"),
)


# the first month whose figures each framework gives: NOF 2025/26 segments the whole of 2025/26
# (NHS England published its first segmentation and league tables, of quarter 1 2025/26, on
# 9 September 2025, as the real pages of that day in ../shared/real/docs report); the four-segment
# frameworks of 2021 and 2022 are one family here, the date NOF 2022/23 took over not being one we can source
DATA_START = {"sof2016": dt.date(2016, 10, 1), "sof2021": dt.date(2021, 7, 1), "nof2022": dt.date(2021, 7, 1),
              "nof2025": dt.date(2025, 4, 1)}


def framework_on(date: dt.date) -> str:
    """The framework whose segmentation was current on ``date`` ("" before October 2016)."""
    current = ""
    for start, name in ERAS:
        if date >= start:
            current = name
    return current


def financial_year(date: dt.date) -> str:
    """NHS financial years run April to March: 2024-02-10 → "2023/24"."""
    start = date.year if date.month >= 4 else date.year - 1
    return f"{start}/{(start + 1) % 100:02d}"


# words before a date, in its own clause, that make it a time still to come ("Exit will not be considered
# before the Q1 review", "the next review is in quarter 2", "will be reviewed in June"), with no past
# state between them and it: such a date dates no figure
_TO_COME = regex.compile(r"\b(?:will|shall|would|next|upcoming|forthcoming|due|scheduled|planned)\b"
                         r"(?![^.!?;:\n]*\b(?:was|were|had|has\s+been|have\s+been)\b)[^.!?;:\n]*$", regex.I)
_TO_COME_WORDS = ("will", "shall", "would", "next", "upcoming", "forthcoming", "due", "scheduled", "planned")
_CLAUSE_OPEN = regex.compile(r"[.!?;:\n]|,\s*(?=(?:but|while|whereas|and|although|though)\b)", regex.I)


# the words naming what a figure is compared with ("unchanged on the previous quarter", "20 places higher
# than last quarter", "up from 60th last quarter", "compared with 18 in Q2"): the time expression after
# them dates only what stands between them and it, not the clause's own figure; so does a number in
# brackets with its own time after a figure ("ranked 118 (121 in quarter 2)", "nine trusts (12 in Q1)")
COMPARED = re.compile(
    r"(?:\b(?:than|since|compared\s+(?:with|to)|against|versus|vs\.?|relative\s+to)"
    r"|\b(?:unchanged|change|changed|up|down|improvement|rise|fall|increase|decrease|drop|gain|places?|spots?|"
    r"positions?|higher|lower|better|worse|steady|level|same|risen|rose|fallen|fell|climbed|dropped|slipped)"
    r"\s+(?:on|from)"
    r"|\bsame\s+(?:[\w-]+\s+){0,2}as(?:\s+(?:in|at|for|during))?"
    r"|\bas\s+(?:it|they|we)\s+(?:was|were|did|had\s+been)(?:\s+(?:in|at|for|during))?"
    r"|\bfrom(?=\s+(?:joint\s+)?\d)"
    r"|\(\s*(?:joint\s+)?\d+(?:st|nd|rd|th)?(?=\s+(?:in|at|on|for|during|last)\b))"
    r"(?=[^;:.!?()\n]{0,40}$)", re.I)


def is_compared(text: str, start: int) -> bool:
    """Whether the date at ``text[start]`` names what a figure is compared with ('up from 44th
    in Q1', 'compared with 18 in quarter 2'), by the words just before it in its clause. A
    move's destination between them ('fell from segment 3 to segment 4 in the quarter 3
    results') makes the date the move's."""
    found = list(COMPARED.finditer(text, max(0, start - 80), start))
    return bool(found) and _DESTINATION.search(text, found[-1].end(), start) is None


_DESTINATION = regex.compile(r"\b(?:to|into)\b", regex.I)


def is_to_come(text: str, start: int) -> bool:
    """Whether the date at ``text[start]`` is one still to come by the words of its clause."""
    before = text[max(0, start - 150):start]
    lowered = before.lower()
    if not any(word in lowered for word in _TO_COME_WORDS):
        return False  # most dates: no such word before them (a substring test in C, then the pattern)
    cuts = list(_CLAUSE_OPEN.finditer(before))
    return _TO_COME.search(before[cuts[-1].end():] if cuts else before) is not None


def names_a_framework(text: str, start: int, end: int) -> bool:
    """Whether the year at ``text[start:end]`` is part of a framework's name."""
    return bool(_NAMED_BEFORE.search(text[max(0, start - 40):start]) or _NAMED_AFTER.search(text[end:end + 50]))


def _without_framework_names(text: str, published: dt.date | None) -> str:
    """``text`` with each year that is part of a framework's name blanked out, unless the
    document was published within that year (or on no known day), when it is no worse a
    guess than the date: "the NHS Oversight Framework 2022/23" in January 2025 is no period."""
    for m in reversed(list(_FINANCIAL_YEAR.finditer(text))):
        if published is None or financial_year(published) == f"{m.group('fy')}/{m.group('fy2')}":
            continue
        if names_a_framework(text, m.start(), m.end()):
            text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    return text


def find_period(text: str, published: dt.date | None = None, *, page: bool = False) -> str:
    """The reporting quarter named in ``text`` as "YYYY/YY QN", or a bare "YYYY/YY", else "".
    In a text naming no financial year, a quarter named by its number alone ("the quarter 3
    tables", "in Q3", "the third quarter") is the latest of that number to have begun by
    ``published``. A year in a framework's name ("NHS Oversight Framework 2022/23") published
    outside that year is none.

    With ``page`` (a whole page's text, not a cell or a file's name), a financial year dates the
    page only where it dates an oversight statement (:func:`dates_a_statement`): a page also
    names the years of its money, its reports and its hopes ("Our Annual Report 2024/25", "a
    budget for 2026/27", "hopes to leave the programme in 2023/24"). Of the bare years that do,
    the latest to have begun by ``published`` is the page's, as the latest quarter is
    (``reading.periods.Frame``): the others are what it is compared with."""
    has_fy = _FINANCIAL_YEAR.search(text) is not None
    if has_fy:
        text = _without_framework_names(text, published)
        has_fy = _FINANCIAL_YEAR.search(text) is not None
    if has_fy:
        for pat in _QUARTER:
            for m in pat.finditer(text):
                if (m.group("fy") and not is_to_come(text, m.start()) and not is_compared(text, m.start())
                        and not (page and _of_money_or_hopes(text, m.start(), m.end()))):
                    return f"{m.group('fy')}/{m.group('fy2')} Q{m.group('q')}"
    year = ""
    if has_fy and page:
        years = [m for m in regex.finditer(r"\b" + _FY + r"\b", text) if _is_year(m) and dates_a_statement(text, m)
                 and not _BOUND.search(text, max(0, m.start() - 30), m.start())]
        begun = [m for m in years if published is None or dt.date(int(m.group("fy")), 4, 1) <= published]
        if begun:
            m = max(begun, key=lambda m: int(m.group("fy")))
            year = f"{m.group('fy')}/{m.group('fy2')}"
    elif has_fy:
        m = regex.search(r"\b" + _FY + r"\b", text)
        year = f"{m.group('fy')}/{m.group('fy2')}" if m and _is_year(m) else ""
    if year or published is None:
        return year  # a year's one named quarter is narrowed to where the records are read (periods.Frame)
    return _quarter_by(text, published)


def _is_year(m: regex.Match) -> bool:
    return int(m.group("fy2")) == (int(m.group("fy")) + 1) % 100


# words of an oversight statement: a year in a sentence with none of them dates something else
_OVERSIGHT = ("segment", "league", "oversight", "rank", "special measures", "recovery support", "framework")
# words before a year in its clause that make it the year of money, of a hope or aim or of a plan
# ("a deficit of £62m for 2024/25", "hopes to leave the programme in 2023/24", "an ambition to reach
# segment 2 during 2025/26", "its priorities for 2024/25"), or of a report ("Our Annual Report 2024/25")
_MONEY_OR_HOPES_BEFORE = regex.compile(
    r"(?:£|\b(?:deficits?|surplus(?:es)?|budgets?|overspends?|savings|spending|forecast(?:s|ing)?|plans?|planned|"
    r"planning|allocations?|priorities|hop(?:e|es|ed|ing)|aim(?:s|ed|ing)?|ambitions?|intends?|intended|"
    r"expects?|expected|targets?|break\s+even)\b)[^.!?;:\n£]*$"
    r"|\b(?:annual\s+report|accounts|quality\s+account)(?:\s+(?:for|of))?\s*$", regex.I)
# a year as a bound, not as the time a statement describes ("From 2025/26 the new framework applies",
# "in segment 3 since 2021/22", "to reach segment 2 by 2026/27")
_BOUND = regex.compile(r"\b(?:from|since|until|till|by|before|after)\s+(?:the\s+(?:start|end)\s+of\s+)?$", regex.I)
# and after it ("the 2026/27 planning round", "2024/25 annual report", "the 2025/26 budget")
_MONEY_OR_HOPES_AFTER = regex.compile(
    r"^\s*(?:[\w-]+\s+)?(?:planning|plans?|budgets?|deficits?|allocations?|priorities|annual\s+report|accounts|"
    r"financial\s+plan)\b", regex.I)
_SENTENCE_END = regex.compile(r"[.!?\n]")


def _of_money_or_hopes(text: str, start: int, end: int) -> bool:
    """Whether the date at ``text[start:end]`` is one of money, a hope or plan, or a report's, by
    the words of its clause (up to 60 characters before it) or the words just after it."""
    return bool(_MONEY_OR_HOPES_BEFORE.search(text, max(0, start - 60), start)
                or _MONEY_OR_HOPES_AFTER.search(text[end:end + 30]))


def dates_a_statement(text: str, m: regex.Match) -> bool:
    """Whether the financial year matched by ``m`` dates an oversight statement of its page: its
    sentence speaks of segments, league tables, ranks, oversight or a programme, and the year is no
    time to come, nothing compared with, and not the year of money, a hope or a report."""
    start, end = m.start(), m.end()
    before = text[max(0, start - 300):start]
    stops = list(_SENTENCE_END.finditer(before))
    after = _SENTENCE_END.search(text, end, end + 300)
    sentence = (before[stops[-1].end():] if stops else before) + text[start:after.start() if after else end + 300]
    lowered = sentence.lower()
    if not any(word in lowered for word in _OVERSIGHT):
        return False
    return not (is_to_come(text, start) or is_compared(text, start) or _of_money_or_hopes(text, start, end))


def _quarter_by(text: str, published: dt.date) -> str:
    """The quarter ``text`` names by number alone, the latest of that number to have begun by
    ``published``; none when it names two (which would be the figures'?). A quarter named as
    what a figure is compared with ('up from 44th in Q1') is not the page's."""
    named = {_QUARTER_WORDS[m.group("q").lower()] for m in _QUARTER_ALONE.finditer(text)
             if not is_to_come(text, m.start()) and not is_compared(text, m.start())}
    if len(named) != 1:
        return ""
    q = named.pop()
    start_year, current = fy_quarter(published)
    return fy_label(start_year if q <= current else start_year - 1, q)


def to_date(iso: str) -> dt.date | None:
    """'2024-03-03' or '2024-03' (first of the month) as a date; None for anything else."""
    if not iso:
        return None
    try:
        return dt.date.fromisoformat(iso if len(iso) == 10 else f"{iso[:7]}-01")
    except ValueError:
        return None


def fy_label(start_year: int, quarter: int) -> str:
    """A financial quarter as the dataset writes it: (2023, 3) → "2023/24 Q3"."""
    return f"{start_year}/{(start_year + 1) % 100:02d} Q{quarter}"


def fy_quarter(day: dt.date) -> tuple[int, int]:
    """The financial year (by its first calendar year) and quarter a date falls in."""
    if day.month >= 4:
        return day.year, (day.month - 4) // 3 + 1
    return day.year - 1, 4


def previous_quarter(start_year: int, quarter: int) -> tuple[int, int]:
    return (start_year, quarter - 1) if quarter > 1 else (start_year - 1, 4)
