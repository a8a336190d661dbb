"""Memberships stated about named organisations, outside count claims.

"Worcestershire Acute Hospitals NHS Trust moved from segment 4 to segment 3", "The Walton
Centre moved from segment 2 to segment 1", "Kent Community Health is the only local trust
in segment 1", "the trust has been placed in segment 2", "Mersey Care exits the Recovery
Support Programme". The subject is an organisation the linker found (``doc.spans
["orgs"]``, self-references included); the verb between it and the segment says whether
the organisation is there now or left it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .records import DocResult, Membership

PLACE_VERBS = {"is", "was", "are", "were", "remains", "remained", "remain", "placed", "moved", "moves", "move",
               "rated", "put", "sits", "sat", "entered", "enters", "joined", "joins", "went", "goes", "dropped",
               "fell", "rose", "climbed", "improved", "slipped", "been", "be", "stays", "stayed", "returned",
               "assigned", "segmented", "categorised", "now", "still", "has", "have", "had", "into", "in"}
LEAVE_VERBS = {"exited", "exits", "exit", "left", "leaves", "leave", "leaving", "exiting", "graduated", "emerged"}
NEGATIONS = {"not", "no", "never", "neither", "nor"}
MAX_GAP = 14


def _subjects(doc: Doc, sent: Span, orgs: list[Span], seg: Span) -> list[Span]:
    """The organisation(s) governing a segment mention: the nearest ones before it, coordinated."""
    before = [o for o in orgs if o.end <= seg.start]
    if not before:
        return []
    chosen = [before[-1]]
    for org in reversed(before[:-1]):
        gap = doc[org.end:chosen[0].start].text.strip().lower()
        if gap in {",", "and", ", and", "&", "or"}:
            chosen.insert(0, org)
        else:
            break
    return chosen


def _clean_gap(doc: Doc, start: int, end: int) -> list[str]:
    return [t.lower_ for t in doc[start:end] if not t.is_space]


def read_statements(doc: Doc, result: DocResult, skip: list[tuple[int, int]] | None = None) -> None:
    """Add a membership for each organisation a sentence places in (or moves out of) a segment."""
    orgs_all = list(doc.spans.get("orgs", []))
    segs_all = [s for s in doc.spans.get("segments", []) if s._.segments]
    if not orgs_all or not segs_all:
        return
    seen = {(m.name, m.start) for m in result.memberships}
    framework, period = doc._.framework, doc._.period
    for sent in doc.sents:
        if skip and any(a <= sent.start_char < b for a, b in skip):
            continue
        orgs = [o for o in orgs_all if o.start >= sent.start and o.end <= sent.end]
        segs = [s for s in segs_all if s.start >= sent.start and s.end <= sent.end]
        if not orgs or not segs:
            continue
        for seg in segs:
            subjects = _subjects(doc, sent, orgs, seg)
            if not subjects:
                continue
            gap = _clean_gap(doc, subjects[-1].end, seg.start)
            if len(gap) > MAX_GAP or any(w in NEGATIONS for w in gap) or any(w in {"if", "would", "could", "might"}
                                                                           for w in gap):
                continue
            if any(_is_quantity(doc, i) for i in range(subjects[-1].end, seg.start)):
                continue
            leaving = any(w in LEAVE_VERBS for w in gap)
            if not leaving and not any(w in PLACE_VERBS for w in gap):
                continue
            if gap and gap[-1] == "from":
                target = _next_target(doc, segs, seg)
                if target is None:
                    continue
                segment, from_segment = target, seg._.segments[0]
            elif leaving:
                segment, from_segment = None, seg._.segments[0]
            else:
                if len(seg._.segments) != 1:
                    continue
                segment, from_segment = seg._.segments[0], None
                if _follows_to(doc, segs, seg):
                    continue
            text = sent.text.strip()
            start = doc.text.find(text, sent.start_char)
            for org in subjects:
                key = (org.text, start)
                if key in seen:
                    continue
                seen.add(key)
                result.memberships.append(Membership(
                    name=org.text, segment=segment, from_segment=from_segment, org_type=org.label_,
                    framework=framework, period=period, text=text, start=start, end=start + len(text)))


def _is_quantity(doc: Doc, i: int) -> bool:
    return any(q.start <= i < q.end and q.label_ in {"CARD", "PERCENT", "RATIO"}
               for q in doc.spans.get("quantities", []))


def _next_target(doc: Doc, segs: list[Span], seg: Span) -> int | None:
    """'from segment 3 to segment 4' → 4."""
    for other in segs:
        if other.start > seg.end and other.start - seg.end <= 4 and len(other._.segments) == 1:
            words = _clean_gap(doc, seg.end, other.start)
            if any(w in {"to", "into"} for w in words):
                return other._.segments[0]
    return None


def _follows_to(doc: Doc, segs: list[Span], seg: Span) -> bool:
    """The target half of 'from X to Y' is handled with its 'from'."""
    for other in segs:
        if other.end <= seg.start and seg.start - other.end <= 4:
            words = _clean_gap(doc, max(other.start - 2, 0), other.start)
            if "from" in words:
                return True
    return False
