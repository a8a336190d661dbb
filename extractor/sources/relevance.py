"""A cheap pre-filter on raw bytes: is this record possibly about NHS oversight?

News archives are ~99% irrelevant, and parsing HTML costs far more than scanning bytes,
so every archive record passes through :func:`maybe_relevant` before any parsing. The
filter is tuned for recall: a false positive costs one parse, a false negative loses a
document for good. It needs two kinds of words to co-occur somewhere in the record: an
oversight term (segment, special measures, league table ...) and an NHS term (trust,
ICB, hospital ...). Both are ASCII, so they match UTF-8, cp1252 and latin-1 pages alike
(not UTF-16, which news archives practically never carry).

Speed decides the archive benchmark, so the terms are compiled into one Hyperscan
database that finds them all in a single pass over the bytes (~3.5 GB/s here). Where
Hyperscan has no wheel (it is x86-only), :func:`scan_terms` does the same with one
``bytes.find`` per term's first word (memchr speed, ~2.6 GB/s per term, so about ten
times slower over all terms) and a small anchored pattern confirming the rest at each
hit. Python's ``re`` over one big alternation is slower still (~15 MB/s). Both paths
read the same term table and must agree; the tests check that they do.
"""

from __future__ import annotations

import contextlib
import re
import threading
from dataclasses import dataclass
from functools import cache

try:  # the fast path; optional because it has no wheels off x86-64
    import hyperscan
except ImportError:  # pragma: no cover - exercised where hyperscan is not installed
    hyperscan = None


@dataclass(frozen=True)
class Term:
    """One term: its first word (what ``bytes.find`` looks for) and the whole term as a pattern.

    ``word_start`` terms must not continue a word ("nhs" not in "wnhs"); ``caseless``
    terms are matched against lower-cased bytes, the others as written ("RSP", not "rsp").
    """

    first: bytes
    pattern: bytes
    word_start: bool = False
    caseless: bool = True


def _terms(*specs: tuple[str, str | None, bool]) -> tuple[Term, ...]:
    return tuple(Term(first.encode(), (rest or first).encode(), word_start) for first, rest, word_start in specs)


OVERSIGHT: tuple[Term, ...] = _terms(
    ("segment", None, False),
    ("oversight", r"oversight\s+(?:framework|tables?|league|rankings?)", False),
    ("special", r"special\s+measures", False),
    ("league", r"league\s+tables?", False),
    ("recovery", r"recovery\s+support", False),
    ("targeted", r"targeted\s+support", False),
    ("mandated", r"mandated\s+support", False),
    ("intensive", r"intensive\s+support", False),
    ("maximum", r"maximum\s+autonomy", False),
    ("rank", r"rank(?:ed|ings?|s)\b", True),  # league tables reported without the words: "ranked 59th out of 61"
    ("category", r"category\W{1,3}(?:[1-5]|one|two|three|four|five)\b", False),  # a page's name for the segment
    ("out", r"out\s+of\s+(?:the\s+|all\s+)?\d{2,3}\b", True),  # a league position: "59th out of 61"
) + tuple(  # case matters: "sof" and "nof" are parts of words elsewhere
    Term(word, word + rb"\d?\b", word_start=True, caseless=False) for word in (b"NOF", b"SOF", b"RSP")
)
NHS: tuple[Term, ...] = _terms(
    ("nhs", r"nhs\b", True),
    ("hospital", None, False),
    ("trust", r"trusts?\b", True),
    ("integrated", r"integrated\s+care", False),
    ("ambulance", None, False),
    ("mental", r"mental\s+health", False),
    ("icb", r"icbs?\b", True),
    ("ics", r"icss?\b", True),
    ("ccg", r"ccgs?\b", True),
)


def _found(data: bytes, lowered: bytes, terms: tuple[Term, ...]) -> bool:
    for term in terms:
        text = lowered if term.caseless else data
        rest = _compiled(term.pattern) if term.pattern != term.first else None
        pos = text.find(term.first)
        while pos != -1:
            starts_word = pos == 0 or not text[pos - 1:pos].isalnum()
            if (starts_word or not term.word_start) and (rest is None or rest.match(text, pos)):
                return True
            pos = text.find(term.first, pos + 1)
    return False


@cache
def _compiled(pattern: bytes) -> re.Pattern[bytes]:
    return re.compile(pattern)


def scan_terms(data: bytes) -> bool:
    """The portable path: both kinds of term present, found word by word."""
    lowered = data.lower()
    # oversight words are rarer than NHS words in general news, so they go first and most
    # records are settled after a dozen scans
    return _found(data, lowered, OVERSIGHT) and _found(data, lowered, NHS)


class _Scanner:
    """The Hyperscan path: one database of both term lists, ids telling which list matched."""

    def __init__(self) -> None:
        terms = OVERSIGHT + NHS
        self.kinds = [0] * len(OVERSIGHT) + [1] * len(NHS)
        expressions = [self._expression(t) for t in terms]
        flags = [hyperscan.HS_FLAG_SINGLEMATCH | (hyperscan.HS_FLAG_CASELESS if t.caseless else 0)
                 for t in terms]
        self.db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
        self.db.compile(expressions=expressions, ids=list(range(len(terms))), flags=flags)
        self.local = threading.local()  # a scratch space serves one scan at a time (Dask runs threads)

    @staticmethod
    def _expression(term: Term) -> bytes:
        # ``^`` or a byte that is not ASCII alphanumeric: what ``bytes.isalnum`` tests on the other path
        return (rb"(?:^|[^A-Za-z0-9])" if term.word_start else b"") + term.pattern

    def __call__(self, data: bytes) -> bool:
        seen = [False, False]

        def on_match(term_id: int, _start: int, _end: int, _flags: int, _context: object) -> bool:
            seen[self.kinds[term_id]] = True
            return seen[0] and seen[1]  # True stops the scan: the answer is known

        scratch = getattr(self.local, "scratch", None)
        if scratch is None:
            scratch = self.local.scratch = hyperscan.Scratch(self.db)
        with contextlib.suppress(hyperscan.ScanTerminated):
            self.db.scan(data, match_event_handler=on_match, scratch=scratch)
        return seen[0] and seen[1]


@cache
def _scanner() -> _Scanner | None:
    return _Scanner() if hyperscan is not None else None


def maybe_relevant(data: bytes) -> bool:
    """True when ``data`` mentions both oversight and NHS vocabulary (case-insensitively)."""
    scanner = _scanner()
    return scanner(data) if scanner is not None else scan_terms(data)


_NUMBER = r"(?:[1-5]|one|two|three|four|five)"
# "segment" in the oversight sense: with its number, ranked ("bottom segment"), as the
# act of segmenting, or heading a table column. A bare "segment" is also the business
# word ("the retail segment") and the broadcast one ("a TV segment"). League positions
# ("118th out of 134", "ranked joint 17th", "46th out of the 61 non-acute providers") and a page's
# own "category" for the segment ("listed in category two") are oversight too, but not an
# ambulance "category 2 call".
_OVERSIGHT_SENSE = re.compile(rf"""(?imx)
    \bsegments?\W{{0,3}}{_NUMBER}\b
  | \b(?:first|second|third|fourth|fifth|top|bottom|lowest|highest|{_NUMBER})\W{{1,3}}(?:oversight\W+)?segments?\b
  | \bsegment(?:ation|ed|ing)\b
  | ^[^\n]*\|[^\n]*\bsegments?\b
  | \b(?:oversight\s+(?:framework|tables?|league|rankings?)|special\s+measures|league\s+tables?|maximum\s+autonomy
       |(?:recovery|targeted|mandated|intensive)\s+support)\b
  | \b(?-i:NOF|SOF|RSP)\d?\b
  | \b\d{{1,3}}(?:st|nd|rd|th)\W+(?:out\W+)?of\W+(?:the\W+|all\W+)?\d{{1,3}}\b
      (?=[^.\n]{{0,60}}\b(?:trusts|providers|hospitals|icbs|ranked|rankings?|league)\b)
  | \branked\W+(?:joint\W+|equal\W+)?\d{{1,3}}(?:st|nd|rd|th)\b
  | \bcategory\W{{1,3}}{_NUMBER}\b
      (?!\W+(?:and\W+\w+\W+)?(?:calls?|response|incidents?|patients?|standards?|targets?|mean|times?))
  | \b\d{{1,3}}(?:st|nd|rd|th|=)?\s+(?:[a-z-]+\s+){{0,6}}?out\s+of\s+(?:the\s+|all\s+)?\d{{2,3}}\s+
      (?:[\w-]+\s+){{0,4}}?(?:trusts|providers|hospitals|icbs)\b
  | \b\d{{1,3}}(?:st|nd|rd|th|=)\s+(?:[\w-]+\s+){{0,4}}?(?:trusts|providers|hospitals|icbs)\W+
      (?:[a-z-]+\W+){{0,2}}?out\s+of\s+(?:the\s+|all\s+)?\d{{2,3}}\b
""")


def names_oversight(text: str) -> bool:
    """True when extracted main text uses oversight vocabulary in the oversight sense.

    The second, stricter test for archive records, run on the few kilobytes of main text
    that survive :func:`maybe_relevant` and HTML parsing, before the far costlier
    pipeline: a page whose only "segment" is a market segment cannot yield a record.
    """
    return maybe_relevant(text.encode()) and _OVERSIGHT_SENSE.search(text) is not None
