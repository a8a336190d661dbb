"""Which period each record describes, read from its own words before the document's date.

A piece that compares the first segmentation with a recent quarter states figures of two
periods side by side, and solving them together makes every pair a conflict although
both are true. So each claim, membership and ranking takes its period from, in order:

1. the time expressions of its own clause ("now", "a year ago", "at the end of December
   2023", "in Q2", "when the framework began"; ``models/patterns/periods.jsonl``), else
   those that open its sentence ("In 2016, 36 trusts ...; 110 were ...");
2. the sentence before it on the same line, when that one ended in another period and
   this one carries on in the past tense ("Another 110 were in segment 2") or from it
   ("Of these, ...");
3. the document's period (``doc._.period``; the latest quarter it names, up to its date, when
   it names several), which the reconciler narrows with the date.

An expression that falls within the document's own period, or between it and the day the
document was published, *is* the document's period: only an earlier or later one gives a
record a period of its own, so a record keeps the document's period unless its words say
otherwise.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from spacy.tokens import Doc, Span

from .. import dates, numbers
from ..pipeline.extensions import (
    doc_cache,
    doc_text,
    doc_value,
    sentences,
    span_text,
    spans_in,
    token_ids,
    token_strings,
)
from ..pipeline.quantities import quantity_of
from ..records import DocResult
from .phrases import phrase_rows

QUARTERLY = {"sof2021", "nof2022", "nof2025"}
CURRENT = "@current"  # the document's own period
DATED = {"QUARTER", "FY_END", "FY", "MONTH_YEAR", "YEAR"}
OPENING_WORDS = 4  # an expression this near a sentence's start frames the whole sentence
_LAST_QUARTER = {"final", "last"}
_FY = re.compile(r"(20\d\d)\s*[/\-–]\s*(\d\d)")
_QUARTER_NUMBER = re.compile(r"\b(?:q([1-4])|quarter\s+([1-4]|one|two|three|four)|"
                             r"(first|second|third|fourth|final|last)\s+quarter)\b", re.I)
_MONTH = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
# where one clause of a sentence ends and the next, possibly of another period, begins
_CLAUSE_BREAK = re.compile(
    r"[;:()\n\u2013\u2014]|\s-\s|,\s*(?=(?:against|compared|versus|vs|up|down|from|while|whereas|but|and|with|having)\b)"
    r"|,\s*(?=[\w-]+\s+(?:fewer|more|less|higher|lower)\s+than\b)|,\s*(?=(?:a|the)\s+(?:position|place|rank)\b)"
    r"|\b(?:but|while|whereas|against|versus)\b"
    r"|\s(?=from\s+(?:a|its|the)\s+(?:peak|high|low|record|maximum|minimum)\b)", re.I)
# the date of an event named in passing ("the regime introduced in July 2016") or of money ("a
# deficit in 2022/23", "its plan for 2025/26"), not of the figures
_EVENT = re.compile(r"\b(?:introduced|launched|created|established|founded|formed|abolished|announced|"
                    r"set up|brought in|deficits?|surplus(?:es)?|budgets?|overspends?|savings|spending|"
                    r"forecasts?|plans?|allocations?)\s+(?:(?:in|on|for|of|during)\s+)?(?:the\s+)?$", re.I)
# a line opening with its year as a label ("2017: X was in segment 4", "- 2019 – entered special measures")
_YEAR_LABEL = re.compile(r"^[ \t]*(?:[-*\u2022][ \t]*)?((?:19|20)\d\d)[ \t]*(?::|[\u2013\u2014-][ \t])", re.M)
_PAST = {"were", "was", "had"}
_PRESENT = {"is", "are", "has", "have", "remain", "remains", "sit", "sits", "stand", "stands", "now"}
_CARRY_ON = ("of these", "of those", "of them", "of the latter", "of that number")

# words that make a following 'by <date>' a deadline still to come
_AIMED = re.compile(r"\b(?:aims?|aiming|hopes?|hoping|plans?|planning|expects?|expected|expecting|intends?|"
                    r"wants?|targets?|targeting|ambitions?|will|would|should|could|must|needs?|bid|goal|"
                    r"on\s+track|on\s+course|due)\b", re.I)
_SENTENCE_STOP = re.compile(r"[.!?\n]")


def _sentence_before(text: str, at: int) -> str:
    """The words of the sentence holding character ``at``, up to it (at most 200 characters)."""
    before = text[max(0, at - 200):at]
    stops = list(_SENTENCE_STOP.finditer(before))
    return before[stops[-1].end():] if stops else before


Months = tuple[int, int]  # first and last month, as year * 12 + month - 1


class Mention(NamedTuple):
    """A time expression in the text (a tuple: a Doc has hundreds, made at each reading)."""

    start: int
    end: int
    label: str
    text: str


def mentions(doc: Doc) -> list[Mention]:
    """Every time expression of ``doc``, longest first where they overlap, in text order,
    made once per Doc; cut from the Doc's text by the tokens' offsets, with no Span made."""
    cache = doc_cache(doc, "periods")
    found = cache.get("mentions")
    if found is None:
        text, offsets, lengths = doc_text(doc), token_ids(doc, "IDX"), token_ids(doc, "LENGTH")
        found = cache["mentions"] = []
        for label, start, end in phrase_rows(doc, "periods.jsonl"):
            first, last = offsets[start], offsets[end - 1] + lengths[end - 1]
            if text[first:first + 6].lower() == "since ":
                continue  # 'in segment 3 since 2021' still is: the start of a spell dates no record
            if text[first:first + 3].lower() == "by " and _AIMED.search(_sentence_before(text, first)):
                continue  # 'aims to leave segment 4 by the end of March': a target's date dates nothing
            if dates.is_to_come(text, first):
                continue  # 'Exit will not be considered before the Q1 review': a date to come dates nothing
            if label == "FY" and dates.names_a_framework(text, first, last):
                continue  # 'segment 2 of the NHS Oversight Framework 2022/23': a name, not a date
            found.append(Mention(first, last, label, text[first:last]))
        labels = [Mention(m.start(1), m.end(1), "YEAR", m[1]) for m in _YEAR_LABEL.finditer(text)]
        if labels:
            found = sorted([*found, *(m for m in labels if not any(f.start <= m.start < f.end for f in found))])
    return found


@lru_cache(maxsize=4096)  # read again for each expression and record: a few regular expressions each time
def months(period: str) -> Months | None:
    """The months a period label covers (``2023/24 Q3`` → October to December 2023)."""
    if match := re.fullmatch(r"(20\d\d)/\d\d Q([1-4])", period):
        first = int(match[1]) * 12 + 3 + 3 * (int(match[2]) - 1)
        return first, first + 2
    if match := re.fullmatch(r"(20\d\d)/\d\d", period):
        first = int(match[1]) * 12 + 3
        return first, first + 11
    if match := re.fullmatch(r"((?:19|20)\d\d)-(\d\d)", period):
        first = int(match[1]) * 12 + int(match[2]) - 1
        return first, first
    if match := re.fullmatch(r"((?:19|20)\d\d)", period):
        return int(match[1]) * 12, int(match[1]) * 12 + 11
    return None


@lru_cache(maxsize=4096)
def _month_label(year: int, month: int) -> str:
    """A month as a period: its financial quarter once segments were quarterly (from July
    2021), the month itself before, whatever framework the document is about."""
    day = dt.date(year, month, 1)
    if dates.framework_on(day) in QUARTERLY:
        return dates.fy_label(*dates.fy_quarter(day))
    return f"{year}-{month:02d}"


@lru_cache(maxsize=4096)
def _fy_text(text: str) -> int | None:
    match = _FY.search(text)
    if match and (int(match[1]) + 1) % 100 == int(match[2]):
        return int(match[1])
    return None


@lru_cache(maxsize=4096)
def _quarter_number(text: str) -> int | None:
    match = _QUARTER_NUMBER.search(text)
    if not match:
        return None
    word = next(g for g in match.groups() if g)
    if word.isdigit():
        return int(word)
    word = word.lower()
    return 4 if word in _LAST_QUARTER else numbers.parse_ordinal(word) or numbers.parse_cardinal(word)


def _shift(period: str, quarters: int) -> str:
    """``period`` moved back by ``quarters`` (a year is four), "" when it cannot be."""
    if match := re.fullmatch(r"(20\d\d)/\d\d Q([1-4])", period):
        index = int(match[1]) * 4 + int(match[2]) - 1 - quarters
        return dates.fy_label(index // 4, index % 4 + 1)
    if (match := re.fullmatch(r"(20\d\d)/\d\d", period)) and quarters % 4 == 0:
        start = int(match[1]) - quarters // 4
        return f"{start}/{(start + 1) % 100:02d}"
    if match := re.fullmatch(r"((?:19|20)\d\d)-(\d\d)", period):
        index = int(match[1]) * 12 + int(match[2]) - 1 - 3 * quarters
        return f"{index // 12}-{index % 12 + 1:02d}"
    if (match := re.fullmatch(r"((?:19|20)\d\d)", period)) and quarters % 4 == 0:
        return str(int(match[1]) - quarters // 4)
    return ""


class Frame:
    """The document's own period and date, against which an expression is placed; of the
    expressions ``found``, it reads the quarters (those labelled ``QUARTER``) only."""

    def __init__(self, doc: Doc, found: list[Mention]) -> None:
        self.framework = doc_value(doc, "framework")
        self.text = doc_text(doc)
        self.published = dates.to_date(doc_value(doc, "published") or "")
        own = self.current = doc_value(doc, "period")
        named = {self._dated("QUARTER", m.text) for m in found if m.label == "QUARTER"}
        if re.fullmatch(r"20\d\d/\d\d", own):
            # a year whose one quarter the document names is that quarter (as the reconciler reads it)
            within = {q for q in named if q.startswith(own + " ")}
            if len(within) == 1:
                own = within.pop()
        elif own in named and len(named) > 1:
            # a piece naming several quarters reports the latest (up to its date) and compares the others
            latest = max((q for q in named if self.published is None or months(q)[0] <= self._month(self.published)),
                         key=lambda q: months(q)[0], default=own)
            own = self.current = latest
        if not months(own) and self.published is not None:
            day = self.published
            own = (dates.fy_label(*dates.previous_quarter(*dates.fy_quarter(day)))
                   if self.framework in QUARTERLY else f"{day.year}-{day.month:02d}")
        self.reference = own if months(own) else ""
        span = months(self.reference)
        if span and span[0] == span[1]:
            # a month taken from the date: the figures it reports may be a month or two older
            span = (span[0] - 2, span[1])
        if span and self.published is not None:
            span = (span[0], max(span[1], self.published.year * 12 + self.published.month - 1))
        self.span = span

    @staticmethod
    def _month(day: dt.date) -> int:
        return day.year * 12 + day.month - 1

    def latest_month(self) -> int | None:
        if self.published is not None:
            return self.published.year * 12 + self.published.month - 1
        return self.span[1] if self.span else None

    def place(self, label: str) -> str:
        """``label``, or :data:`CURRENT` when it falls within the document's own period."""
        covered = months(label)
        if covered and self.span and covered[0] <= self.span[1] and self.span[0] <= covered[1]:
            return CURRENT
        return label

    def resolve(self, mention: Mention, earlier: str) -> str:
        """The period ``mention`` names ("" when it cannot be told); ``earlier`` is for 'then'."""
        label, text = mention.label, mention.text
        if label == "NOW":
            return CURRENT
        if label == "THEN":
            return earlier or CURRENT
        if label == "LAST_YEAR":
            return self.place(_shift(self.reference, 4))
        if label == "LAST_QUARTER":
            return self.place(_shift(self.reference, 1))
        if label == "START":
            return self.place(self._named_start(mention) or self._start())
        return self.place(self._dated(label, text, mention.end))

    def _of_tables(self, period: str, end: int | None) -> str:
        """A month that names a publication of tables ('the September tables', 'the December 2025
        league table') dates the quarter before its own: tables come out a quarter after their
        figures (the first NOF 2025/26 tables, out in September 2025, are of quarter 1;
        ``dates.DATA_START``). Any other month is its own quarter."""
        if end is None or not period.endswith(("Q1", "Q2", "Q3", "Q4")):
            return period
        if not _TABLES_AFTER.match(self.text, end):
            return period
        return _shift(period, 1)

    def _dated(self, label: str, text: str, end: int | None = None) -> str:
        fy = _fy_text(text)
        if label == "QUARTER" and fy is not None and (quarter := _quarter_number(text)):
            return dates.fy_label(fy, quarter)
        if label == "FY_END" and fy is not None:
            return dates.fy_label(fy, 4) if self.framework in QUARTERLY else f"{fy + 1}-03"
        if label == "FY" and fy is not None:
            return f"{fy}/{(fy + 1) % 100:02d}"
        if label == "QUARTER_ONLY" and (quarter := _quarter_number(text)) and self.span:
            year = (self.span[1] - 3) // 12  # the financial year the document's period ends in
            candidate = dates.fy_label(year, quarter)
            latest = self.latest_month()
            if latest is not None and months(candidate)[0] > latest:
                candidate = dates.fy_label(year - 1, quarter)
            return candidate
        month = _MONTH.search(text)
        year = _YEAR.search(text)
        if label == "MONTH_YEAR" and month and year:
            return self._of_tables(_month_label(int(year[1]), dates._MONTHS[month[1].lower()]), end)
        if label == "MONTH" and month and (latest := self.latest_month()) is not None:
            number = dates._MONTHS[month[1].lower()]
            year_of = latest // 12 if number - 1 <= latest % 12 else latest // 12 - 1
            return self._of_tables(_month_label(year_of, number), end)
        if label == "YEAR" and year:
            return year[1]
        return ""

    def _start(self) -> str:
        """The first period of the document's framework (its first segmentation): the quarter
        before the one it took over in (its first tables come out a quarter after the figures), but
        none before the first whose figures it gives (``dates.DATA_START``): SOF 2021 took over in
        July 2021 with figures from that quarter, so its first period is 2021/22 Q2, not Q1."""
        start = next((day for day, name in dates.ERAS if name == self.framework), None)
        if start is None:
            return ""
        if self.framework in QUARTERLY:
            first = dates.previous_quarter(*dates.fy_quarter(start))
            data = dates.DATA_START.get(self.framework)
            return dates.fy_label(*max(first, dates.fy_quarter(data) if data else first))
        return f"{start.year}-{start.month:02d}"

    def _named_start(self, mention: Mention) -> str:
        """The year of the framework a start expression names ('the first assessment under the NHS
        Oversight Framework 2022/23', 'the first segmentation of the 2025/26 framework'), else ""."""
        match = _NAMED_FRAMEWORK.match(self.text, mention.end)
        if not match:
            return ""
        year = int(match["fy"] or match["fy_"])
        return f"{year}/{(year + 1) % 100:02d}"


# what a publication month names ('the September tables', 'the December league table', 'the February 2026
# rankings'), not the figures' own month ('the September figures')
_TABLES_AFTER = re.compile(r"(?:'s)?\s+(?:NHS\s+)?(?:league\s+tables?|tables|rankings|segmentation)\b", re.I)
# a framework named with its year just after a start expression ('the first assessment under the NHS
# Oversight Framework 2022/23', '... of the 2025/26 framework')
_NAMED_FRAMEWORK = re.compile(
    r"\s+(?:under|of|in|for)\s+(?:the\s+)?(?:"
    r"(?:(?:new|revised|NHS|single|system|national)\s+)*(?:oversight\s+)?(?:framework|NOF|SOF)\s*[(\[]?\s*"
    r"(?P<fy>20\d\d)\s*[/\-\u2013](?P<fy2>\d\d)"
    r"|(?P<fy_>20\d\d)\s*[/\-\u2013]\s*\d\d\s+(?:(?:NHS|single|system|national)\s+)?(?:oversight\s+)?framework)",
    re.I)


@dataclass
class _Sentence:
    start: int
    end: int
    clauses: list[tuple[int, int]]
    found: list[tuple[Mention, str]]  # each mention with the period it names
    first_line_end: int  # a sentence's opening words reach no further than its first line
    text: str = ""
    carried: str = CURRENT  # the period a record with no words of its own takes here
    # where the comparison an expression ends begins, by the expression's start: it dates only
    # what stands between the two ('unchanged on the previous quarter', 'compared with 18 in Q2')
    compared: dict[int, int] = field(default_factory=dict)

    def text_before(self, at: int) -> str:
        return self.text[:at - self.start]


def _clauses(text: str, offset: int) -> list[tuple[int, int]]:
    """Character ranges of the clauses of a sentence's ``text``; a relative clause between
    commas ('X, which was in special measures from 2014 to 2017, is now in segment 3') is one
    of its own, so its date stays with it."""
    cuts = {0, len(text), *(m.start() for m in _CLAUSE_BREAK.finditer(text))}
    for m in _RELATIVE_ASIDE.finditer(text):
        cuts.update((m.start(), m.end()))
    ordered = sorted(cuts)
    return [(offset + a, offset + b) for a, b in pairwise(ordered) if b > a]


_RELATIVE_ASIDE = re.compile(r",\s*(?:which|who)\b[^,;:()]{1,120},")  # ', which was ... ,'


def _own_mentions(text: str, sent: Span, own: list[Mention]) -> list[Mention]:
    """The expressions of a sentence that date its figures: not the date of an event named in
    passing, nor "when the framework began" beside a dated expression."""
    own = [m for m in own if not _EVENT.search(text[max(sent.start_char, m.start - 30):m.start])]
    if any(m.label in DATED for m in own):
        own = [m for m in own if m.label != "START"]
    return own


def _sentence_chars(doc: Doc) -> list[int]:
    """Where each sentence of ``doc`` starts, as a character offset, made once per Doc."""
    cache = doc_cache(doc, "periods")
    found = cache.get("starts")
    if found is None:
        found = cache["starts"] = [sent.start_char for sent in sentences(doc)]
    return found


def _sentences(doc: Doc, frame: Frame, found: list[Mention], until: int) -> dict[int, _Sentence]:
    """The sentences (by number) up to the one holding character ``until`` (the last
    record's start) that may place a record in another period than the document's.

    Those are the sentences with time expressions of their own and those carrying on from
    the sentence before them in another period. Any other sentence has no words about time
    and follows one that ended in the document's period (or does not carry on from it), so
    it places its records in the document's period and passes nothing on: it is left out.
    An expression's period and a sentence's carried one reach only later sentences, so
    those after the last record cannot change any record's period."""
    sents, starts = sentences(doc), _sentence_chars(doc)
    if not sents:
        return {}
    last = max(bisect_right(starts, until), 1)  # the sentences read; the first one always
    own: dict[int, list[Mention]] = {}
    for mention in found:  # a mention starts at a word, so within the sentence starting last before it
        at = bisect_right(starts, mention.start) - 1
        if at < last:
            own.setdefault(at, []).append(mention)
    text = doc_text(doc)
    out: dict[int, _Sentence] = {}
    earlier = ""
    for k in range(last):
        previous = out.get(k - 1)
        if k not in own and (previous is None or previous.carried == CURRENT):
            continue
        sent = sents[k]
        resolved = []
        for mention in _own_mentions(text, sent, own.get(k, [])):
            period = frame.resolve(mention, earlier)
            resolved.append((mention, period))
            if period != CURRENT and period and mention.label != "THEN":
                earlier = period
        if resolved:
            sentence = _with_words(text, sent, resolved)
            ending = _period_at(sentence, sent.end_char - 1)
        else:  # no words of its own about time: its words, clauses and lines cannot place a record
            sentence, ending = _Sentence(sent.start_char, sent.end_char, [], [], sent.end_char), None
        if ending is None:
            ending = previous.carried if previous is not None and _carries_on(doc, previous, sent) else CURRENT
        sentence.carried = ending
        out[k] = sentence
    return out


def _with_words(text: str, sent: Span, resolved: list[tuple[Mention, str]]) -> _Sentence:
    """A sentence with time expressions of its own, with what places a record among them."""
    words = text[sent.start_char:sent.end_char]
    newline = words.find("\n")
    compared = {}
    for mention, _period in resolved:
        end = mention.start - sent.start_char
        if found := list(dates.COMPARED.finditer(words, max(0, end - 80), end)):  # the words before it, read in place
            compared[mention.start] = sent.start_char + found[-1].start()
    return _Sentence(sent.start_char, sent.end_char, _clauses(words, sent.start_char), resolved,
                     sent.start_char + newline if newline >= 0 else sent.end_char, words, compared=compared)


def _carries_on(doc: Doc, previous: _Sentence, sent: Span) -> bool:
    """Whether ``sent`` goes on in the period the sentence before it ended in."""
    if previous.carried == CURRENT or "\n" in doc_text(doc)[previous.end - 1:sent.start_char]:
        return False
    words = set(token_strings(doc, "LOWER")[sent.start:sent.end])
    return span_text(sent).lower().startswith(_CARRY_ON) or bool(words & _PAST and not words & _PRESENT)


def _period_at(sentence: _Sentence, anchor: int) -> str | None:
    """The period of a record at ``anchor``: its clause's nearest expression, else one that
    opens its sentence ("In 2016, 36 trusts ...; 110 were ...") with no other between;
    ``None`` when the words say nothing about it."""
    clause = next(((a, b) for a, b in sentence.clauses if a <= anchor < b), None)
    if clause is not None:
        inside = [(m, p) for m, p in sentence.found if clause[0] <= m.start < clause[1]
                  and (m.start not in sentence.compared or sentence.compared[m.start] <= anchor <= m.end)]
        if inside:
            return min(inside, key=lambda mp: abs(mp[0].start - anchor))[1]
    before = [(m, p) for m, p in sentence.found if m.start < anchor and m.start not in sentence.compared]
    if before and anchor < sentence.first_line_end:
        mention, period = before[-1]
        if len(sentence.text_before(mention.start).split()) <= OPENING_WORDS:
            return period
    return None


def _anchor(doc: Doc, start: int, end: int, values: tuple[float | None, ...], words: tuple[str, ...]) -> int:
    """Where in ``[start, end)`` the record's own figure or name stands (else ``start``)."""
    for value in values:
        if value is None:
            continue
        for span in spans_in(doc, "quantities", start, end, chars=True):
            if (quantity := quantity_of(span)) is not None and quantity.value == value:  # span._.quantity
                return span.start_char
    text = doc_text(doc)[start:end].lower()
    for word in words:
        at = text.find(word.lower()) if word else -1
        if at >= 0:
            return start + at
    return start


def assign_periods(doc: Doc, result: DocResult) -> None:
    """Give every claim, membership and ranking of ``result`` the period its words describe."""
    if not (result.claims or result.memberships or result.rankings):
        return  # a page stating no record has nothing to date: its time expressions need no reading
    records = [*result.claims, *result.memberships, *result.rankings]
    until = max(record.start for record in records)
    found = mentions(doc)
    frame = Frame(doc, found)
    read = _sentences(doc, frame, found, until)
    starts = _sentence_chars(doc)

    def period_for(start: int, end: int, values: tuple[float | None, ...], words: tuple[str, ...]) -> str:
        sentence = read.get(max(bisect_right(starts, start) - 1, 0))
        if sentence is None:  # a sentence left out places its records in the document's period
            return frame.current
        if not sentence.found:  # no words of its own about time: where the record stands cannot matter
            return frame.current if sentence.carried == CURRENT else sentence.carried
        found = _period_at(sentence, _anchor(doc, start, end, values, words))
        if found is None:
            found = sentence.carried
            if found != CURRENT and sentence.found:
                found = CURRENT  # the sentence has words of its own about time, none for this record
        return frame.current if found == CURRENT else found

    for claim in result.claims:
        claim.period = period_for(claim.start, claim.end, (claim.count, claim.total, claim.percent),
                                  (claim.share_text,))
    for member in result.memberships:
        # a move's row is where the body is now: 'was in segment 3 last year but is now in segment 2'
        moved = member.segment is not None and member.from_segment is not None
        words = (" now ", member.name) if moved else (member.name,)
        if "still" in member.text and (still := _STILL.search(member.text)):
            # 'were placed in special measures in June 2015 and are still in special measures today':
            # a state the words say it still holds is the page's, whatever its entry's date
            words = (still[0], *words)
        member.period = period_for(member.start, member.end, (), words)
    for ranking in result.rankings:
        # at its own position: 'was 66th in September and is now 52nd' states two periods' places
        at = (_ordinal_text(ranking.rank),) if ranking.rank is not None else ()
        ranking.period = period_for(ranking.start, ranking.end, (), (*at, ranking.name))


# a state still held, in the present tense ('is still in segment 4', 'we are still there', 'it still sits')
_STILL = re.compile(r"\b(?:is|are|am|remains?)\s+still\b|\bstill\s+(?:is|are|remains?|sits?|holds?)\b", re.I)


def _ordinal_text(rank: int) -> str:
    """'52nd' for 52, as a position is usually written."""
    suffix = "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
    return f"{rank}{suffix}"
