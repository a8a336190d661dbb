"""Why a claim may be misread, so the audit does not raise an alarm on it.

A failing check says "these figures do not hold"; it must rest on figures read with
confidence. A claim gets a ``doubt`` (the reason, in words a reader can follow) when its
number heads a numbered paragraph or list item ("4. The programme ..."), when it names one
organisation of a segment rather than counting ("one segment 3 trust"), when it counts a
special measures regime rather than a segment ("seven in financial special measures"),
when it counts over a span of time rather than at one date ("Since 2013, 40 trusts have
been placed ..."), or when its count stands far from the segment it was read with. The
reconciler still runs the checks, but one that would fail on such a claim is
``unverifiable`` with that reason. The phrases are ``models/patterns/doubts.jsonl``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..pipeline.extensions import doc_text, spans_in
from ..records import Claim, DocResult
from .phrases import match_phrases

FAR = 20  # tokens between a count and its segment beyond which the pairing is a guess
_HEADING = re.compile(r"[ \t]*(?:\(?(\d{1,3})[.)]|(\d{1,3})\.\d{1,2})[ \t]+\S")
_BARE_HEADING = re.compile(r"[ \t]*(\d{1,3})()[ \t]+[A-Z]")
REASONS = {
    "heading": "its number heads a numbered paragraph or list item",
    "one_of_segment": "it names one organisation of a segment, not how many there are",
    "regime": "it counts a special measures regime (quality or financial), not a segment",
    "span_of_time": "it counts organisations over a span of time, not at one date",
    "far": "its count stands far from the segment it was read with",
}


def _count_spans(doc: Doc, claim: Claim) -> list[Span]:
    """Where the claim's count is written (a segment's own number is not a count)."""
    if claim.count is None:
        return []
    segments = [(s.start_char, s.end_char) for s in spans_in(doc, "segments", claim.start, claim.end, chars=True)]
    return [q for q in spans_in(doc, "quantities", claim.start, claim.end, chars=True)
            if q._.quantity is not None and q._.quantity.value == claim.count
            and not any(a <= q.start_char < b for a, b in segments)]


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


def _far_from_segment(doc: Doc, counts: list[Span], sent: Span) -> bool:
    segments = [s for s in spans_in(doc, "segments", sent.start, sent.end) if s._.segments]
    if not counts or not segments:
        return False
    return min(abs(s.start - q.start) for q in counts for s in segments) > FAR


def doubt_of(doc: Doc, claim: Claim) -> str:
    """The reason to doubt ``claim`` ("" when there is none)."""
    counts = _count_spans(doc, claim)
    if _heads_paragraph(doc, claim, counts):
        return REASONS["heading"]
    sent = doc.char_span(claim.start, claim.end, alignment_mode="expand")
    if sent is None:
        return ""
    labels = {s.label_ for s in match_phrases(sent, "doubts.jsonl")}
    if "ONE_OF_SEGMENT" in labels and claim.count in (None, 1):
        return REASONS["one_of_segment"]
    if "REGIME" in labels and 4 in claim.segments:
        return REASONS["regime"]
    if "DURATION" in labels or {"SINCE", "PERFECT"} <= labels:
        return REASONS["span_of_time"]
    if _far_from_segment(doc, counts, sent):
        return REASONS["far"]
    return ""


def mark_doubts(doc: Doc, result: DocResult) -> None:
    """Give each claim of ``result`` the reason it may be misread, if there is one."""
    for claim in result.claims:
        claim.doubt = doubt_of(doc, claim)
