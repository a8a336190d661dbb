"""Why a claim may be misread, so the audit does not raise an alarm on it.

A failing check says "these figures do not hold"; it must rest on figures read with
confidence. A claim gets a ``doubt`` (the reason, in words a reader can follow) when the
words around its number say it is not a count at one date: it heads a numbered paragraph
("4. The programme ..."), names one organisation ("one segment 3 trust"), counts a special
measures regime ("seven in financial special measures") or a span of time ("Since 2013,
40 trusts have been placed ..."), is a length of time ("a 12-month deadline"), part of a
compound word ("a four-point scale"), a group from the past ("the original 11"), a bound
("at least one", "more than 40"), a change ("two more"), a figure denied ("ten, not
twelve"), a hypothetical ("that would make five") or the size of a league a rank is given
in ("last among 61"); or when a league ranks on another measure ("103rd of 131 trusts
for ..."), its total counts organisations picked by something else ("12 of the 15 trusts
with the longest waits"), it counts a kind of trust within a group ("12 of the 18 ... are
acute providers"), it is asked rather than stated, it may count organisations outside
England, the count exceeds its own total, or the count stands far from the segment it was
read with. The reconciler still runs the checks, but one that would fail on such a claim
is ``unverifiable`` with that reason. The phrases are ``models/patterns/doubts.jsonl``.
"""

from __future__ import annotations

import re

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from ..numbers import parse_cardinal
from ..pipeline.extensions import doc_cache, doc_text, spans_in, token_ids, token_strings
from ..pipeline.quantities import quantity_of
from ..pipeline.segments import segments_of
from ..records import Claim, DocResult
from .claims.sentence import lazy
from .phrases import phrase_rows

FAR = 20  # tokens between a count and its segment beyond which the pairing is a guess
_HEADING = re.compile(r"[ \t]*(?:\(?(\d{1,3})[.)]|(\d{1,3})\.\d{1,2})[ \t]+\S")
_BARE_HEADING = re.compile(r"[ \t]*(\d{1,3})()[ \t]+[A-Z]")
REASONS = {
    "heading": "its number heads a numbered paragraph or list item",
    "one_of_segment": "it names one organisation of a segment, not how many there are",
    "regime": "it counts a special measures regime (quality or financial), not a segment",
    "span_of_time": "it counts organisations over a span of time, not at one date",
    "far": "its count stands far from the segment it was read with",
    "length": "its number is a length of time ('a 12-month deadline'), not a count",
    "group": "it names a group from the past ('the first 11', 'the original five'), not a count at one date",
    "hypothetical": "it is a hypothetical ('that would make five'), not a count",
    "compound": "its number is part of a compound word ('a four-point scale'), not a count",
    "bound": "its number is a bound ('at least one', 'more than 40'), not an exact count",
    "change": "its number is a change ('two more', 'three fewer'), not a count",
    "league": "its number is the size of a league a rank is given in ('last among 61'), not a count in a segment",
    "over_total": "its count is larger than its total, so one of them is misread",
    "denied": "it is a figure the text denies ('ten, not twelve')",
    "other_total": "its total counts organisations picked by something else ('the 15 trusts with the longest waits')",
    "kind_within": "it counts a kind of trust within a group ('12 of the 18 ... are acute providers'), not trusts",
    "question": "it is asked in a question, not stated",
    "abroad": "it may count organisations outside England (Scotland, Wales or Northern Ireland), which have "
              "no oversight segments",
    "other_measure": "its league ranks trusts on another measure ('103rd of 131 trusts for ...')",
}
_TIME_UNITS = {"day", "days", "week", "weeks", "month", "months", "year", "years", "quarter", "quarters"}
_PAST_GROUP = {"first", "original", "initial"}
_BOUND = {("at", "least"), ("at", "most"), ("more", "than"), ("fewer", "than"), ("less", "than"), ("up", "to"),
          ("upwards", "of")}
_BOUND_WORDS = {"over", "under", "nearly", "almost", "around", "about", "approximately", "roughly"}
_CHANGE = {"more", "fewer", "extra", "additional", "less"}
_RANK = re.compile(r"^(?:\d+(?:st|nd|rd|th)|first|last|bottom|top|ranked|ranks|placed|position)$")
_PICKED = (r"\s+(?:[\w-]+\s+){0,2}?(?:trusts|providers|organisations|hospitals|icbs|systems|boards)\s+"
           r"(?:with|whose|planning|reporting|running|facing|forecasting)\b")
_KIND_WITHIN = (r"\b(?:is|are|was|were)\s+(?:an?\s+|all\s+)?(?:acute|mental health|community|ambulance|specialist)"
                r"\s+(?:providers?|trusts?|hospitals?)\b")
# a claim's total ("of the 15", "out of five") followed by what picks its organisations, or by a kind of trust
_TOTAL_OF = r"\b(?:of|out of)\s+(?:the\s+)?([\w-]+)"
_TOTAL_PICKED = re.compile(rf"{_TOTAL_OF}(?={_PICKED})", re.I)
_TOTAL_KIND = re.compile(rf"{_TOTAL_OF}(?=\b[^.;]*?{_KIND_WITHIN})", re.I)
_ASKING = re.compile(r"\W*(?:[a-z0-9]{1,3}[.)]\s*)?(?:what|which|how|why|whether|who)\b", re.I)  # opens a question
# the first letter comes before the word boundary is tested: a pattern opening with \b is tried
# at every character of the text, one opening with a letter only where that letter is (4x faster)
_ABROAD = re.compile(r"[SWN](?<=\b[SWN])(?:cotland|cottish|ales|elsh|orthern Ireland|orthern Irish)\b")
_OPENING = frozenset(map(get_string_id, ("(", "[", "([")))  # the tokens ``text in "(["`` holds for
_CLOSING = frozenset(map(get_string_id, (")", "]", ")]")))
_MEASURE = r"\s+(?:[\w-]+\s+){0,3}?(?:trusts|providers|organisations|hospitals)\s+(?:for|on|by)\s+(?:the\s+)?\w"


class _ClaimWords:
    """What the checks read from a claim's words alone (not its figures), worked out once for
    all the claims read from the same words: on the bench's pages 651 claims come from 395
    sentences, and each of these reads a regular expression or the Doc's spans."""

    def __init__(self, doc: Doc, start: int, end: int, text: str) -> None:
        self.doc, self.start, self.end, self.text = doc, start, end, text

    @lazy
    def quantities(self) -> list[tuple[Span, float | None]]:
        """The quantities written within the words, with their values, but for a segment's own
        number. The quantity is read by the getter behind ``span._.quantity``."""
        doc, start, end = self.doc, self.start, self.end
        segments = [(s.start_char, s.end_char) for s in spans_in(doc, "segments", start, end, chars=True)]
        return [(q, quantity.value) for q in spans_in(doc, "quantities", start, end, chars=True)
                if (quantity := quantity_of(q)) is not None and not any(a <= q.start_char < b for a, b in segments)]

    @lazy
    def picked_totals(self) -> list[int | float | None]:
        """The totals of the words ("of the 15") followed by what picks their organisations."""
        return [parse_cardinal(match[1]) for match in _TOTAL_PICKED.finditer(self.text)]

    @lazy
    def kind_totals(self) -> list[int | float | None]:
        """The totals of the words followed by a kind of trust ("of the 18 ... are acute providers")."""
        return [parse_cardinal(match[1]) for match in _TOTAL_KIND.finditer(self.text)]

    @lazy
    def question(self) -> bool:
        return _ASKING.match(self.text) is not None or self.text.rstrip().endswith("?")

    @lazy
    def abroad(self) -> bool:
        return _ABROAD.search(self.text) is not None

    @lazy
    def sentence(self) -> Span | None:
        return self.doc.char_span(self.start, self.end, alignment_mode="expand")

    @lazy
    def labels(self) -> set[str]:
        """The labels of the doubt phrases within the words' tokens (the longest where they overlap)."""
        sent = self.sentence
        return {label for label, _, _ in phrase_rows(self.doc, "doubts.jsonl", sent.start, sent.end)} if sent else set()

    @lazy
    def segments(self) -> list[int]:
        """Where the segment spans of the words' tokens that name a segment start."""
        sent = self.sentence
        return [s.start for s in spans_in(self.doc, "segments", sent.start, sent.end) if segments_of(s)] if sent else []


def _claim_words(doc: Doc, claim: Claim) -> _ClaimWords:
    cache = doc_cache(doc, "doubts")
    key = (claim.start, claim.end, claim.text)
    found = cache.get(key)
    if found is None:
        found = cache[key] = _ClaimWords(doc, claim.start, claim.end, claim.text)
    return found


def _count_spans(words: _ClaimWords, claim: Claim) -> list[Span]:
    """Where the claim's count is written (a segment's own number is not a count)."""
    if claim.count is None:
        return []
    return [q for q, value in words.quantities if value == claim.count]


def _numbered_line(text: str, at: int) -> re.Match | None:
    """The number a line starting at ``at`` is numbered with: "4.", "4)", "(4)", "2.1", or a
    bare "4" when the lines around it are numbered too."""
    match = _HEADING.match(text, at)
    if match:
        return match
    bare = _BARE_HEADING.match(text, at)
    if bare is None:
        return None
    before = text.rfind("\n", 0, max(at - 1, 0)) + 1
    after = text.find("\n", at)
    following = ""
    if after >= 0:
        end = text.find("\n", after + 1)
        following = text[after + 1:end if end >= 0 else len(text)]
    return bare if any(_HEADING.match(line.strip()) for line in (text[before:at], following)) else None


def _heads_paragraph(doc: Doc, claim: Claim, counts: list[Span]) -> bool:
    """The count is the number a numbered paragraph or list item starts with."""
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, claim.start) + 1
    match = _numbered_line(text, line_start)
    if not match or claim.count is None or match.end() - 1 > claim.end:
        return False
    heading = match[1] or match[2]
    if int(heading) != claim.count:
        return False
    number_at = match.start(1) if match[1] else match.start(2)
    return all(q.start_char == number_at for q in counts)


def _kind_at(doc: Doc, q: Span, has_segment: bool) -> str:
    """What the words around one written count make of it ("" when they leave it a count)."""
    lower = token_strings(doc, "LOWER")
    after = lower[q.end:q.end + 2]
    before = lower[max(q.start - 4, 0):q.start]
    if after and (after[0] in _TIME_UNITS or (after[0] in {"-", "–"} and after[1:] and after[1] in _TIME_UNITS)):
        return "length"
    if after[:1] == ["-"] and after[1:] and after[1].isalpha():
        return "compound"
    if before and before[-1] in _PAST_GROUP:
        return "group"
    if (tuple(before[-2:]) in _BOUND) or (before and before[-1] in _BOUND_WORDS):
        return "bound"
    if after and after[0] in _CHANGE:
        return "change"
    if before and (before[-1] == "not" or tuple(before[-2:]) in {("rather", "than"), ("instead", "of")}):
        return "denied"
    if has_segment and before and before[-1] in {"among", "amongst", "of"} and any(_RANK.match(w) for w in before[:-1]):
        return "league"
    return ""


def _what_the_number_is(doc: Doc, claim: Claim, counts: list[Span]) -> str:
    """The one thing every place the count is written says it is, when that is not a count."""
    kinds = {_kind_at(doc, q, bool(claim.segments)) for q in counts}
    return kinds.pop() if len(kinds) == 1 else ""


def _words_between(orths: list[int], a: int, b: int) -> int:
    """Tokens between two positions, leaving out what brackets hold (a list of names in
    brackets keeps a count close to its segment: "Four ICSs (Devon, ...) are in segment 4").
    Words are compared by id: a token is never empty, so ``text in "(["`` is one of these."""
    depth, words = 0, 0
    for orth in orths[min(a, b):max(a, b)]:
        if orth in _OPENING:
            depth += 1
        elif orth in _CLOSING:
            depth = max(depth - 1, 0)
        elif depth == 0:
            words += 1
    return words


def _far_from_segment(doc: Doc, counts: list[Span], segments: list[int]) -> bool:
    """Whether every count stands more than ``FAR`` words from every segment (by where they start)."""
    if not counts or not segments:
        return False
    orths = token_ids(doc, "ORTH")
    return all(_words_between(orths, s, q.start) > FAR for q in counts for s in segments)


def doubt_of(doc: Doc, claim: Claim) -> str:
    """The reason to doubt ``claim`` ("" when there is none)."""
    words = _claim_words(doc, claim)
    counts = _count_spans(words, claim)
    if _heads_paragraph(doc, claim, counts):
        return REASONS["heading"]
    if kind := _what_the_number_is(doc, claim, counts):
        return REASONS[kind]
    if claim.count is not None and claim.total is not None and claim.count > claim.total:
        return REASONS["over_total"]
    if claim.total is not None and claim.total in words.picked_totals:
        return REASONS["other_total"]
    if claim.org_type == "trust" and claim.total is not None and claim.total in words.kind_totals:
        return REASONS["kind_within"]
    if words.question:
        return REASONS["question"]
    if words.abroad:
        return REASONS["abroad"]
    if not claim.segments and claim.count is not None and re.search(rf"\b{claim.count}{_MEASURE}", claim.text):
        return REASONS["other_measure"]
    if words.sentence is None:
        return ""
    labels = words.labels
    if "ONE_OF_SEGMENT" in labels and claim.count in (None, 1):
        return REASONS["one_of_segment"]
    if "REGIME" in labels and 4 in claim.segments:
        return REASONS["regime"]
    if "DURATION" in labels or {"SINCE", "PERFECT"} <= labels:
        return REASONS["span_of_time"]
    if "HYPOTHETICAL" in labels:
        return REASONS["hypothetical"]
    if _far_from_segment(doc, counts, words.segments):
        return REASONS["far"]
    return ""


def mark_doubts(doc: Doc, result: DocResult) -> None:
    """Give each claim of ``result`` the reason it may be misread, if there is one."""
    for claim in result.claims:
        claim.doubt = doubt_of(doc, claim)
