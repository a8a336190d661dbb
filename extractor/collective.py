"""Memberships stated of a group named just before: 'All seven are in segment 4'.

A writer lists organisations over one or two sentences ("Just above Hull are X and Y. Then
come Z, ...") and places them all at once in the next. The sentence names nobody, so each
organisation is taken back from the sentences before, and only when they name exactly as
many distinct organisations as the sentence counts: a count that does not match means the
group is something else, and nothing is guessed.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .numbers import parse_cardinal
from .pipeline.extensions import doc_text, spans_in
from .pipeline.segments import is_domain_segment
from .records import DocResult, Membership

GROUP_NOUNS = {"trusts", "boards", "icbs", "systems", "organisations", "providers", "hospitals", "of", "them",
               "these", "those", "acute", "nhs", "foundation"}
VERBS = {"are", "were", "remain", "remained", "sit", "sat", "stay", "stayed", "now", "still", "have", "had",
         "been", "placed", "also", "in", "into", "put", "moved", "already"}
LOOKBACK = 3


def _group_size(sent: Span) -> tuple[int, int] | None:
    """(size, index after the group words) for a sentence opening 'All seven', 'Both', 'The three'."""
    toks = [t for t in sent if not t.is_space]
    k = 1 if toks and toks[0].lower_ in {"all", "the"} else 0
    if k < len(toks) and toks[k].lower_ == "both":
        return 2, toks[k].i + 1
    if k == 0 or k >= len(toks):
        return None
    size = parse_cardinal(toks[k].text)
    if not isinstance(size, int) or not 2 <= size <= 20 or toks[k].text.isdigit():
        return None
    return size, toks[k].i + 1


def _antecedents(doc: Doc, sents: list[Span], si: int, size: int) -> list[Span]:
    """The distinct organisations of the sentences before, nearest last, when exactly ``size``."""
    found: list[Span] = []
    keys: set[str] = set()
    for back in range(1, LOOKBACK + 1):
        if si - back < 0:
            break
        named = sorted(spans_in(doc, "orgs", sents[si - back].start, sents[si - back].end), key=lambda o: o.start)
        fresh = []
        for org in named:
            key = org.id_ or org.text.lower()
            if key not in keys:
                keys.add(key)
                fresh.append(org)
        found = fresh + found
        if len(found) >= size:
            break
    return found if len(found) == size else []


def read_collective_statements(doc: Doc, result: DocResult, skip: list[tuple[int, int]] | None = None) -> None:
    """Add a membership for each organisation of a group placed in a segment as one."""
    usable = {(s.start, s.end) for s in doc.spans.get("segments", []) if s._.segments and not is_domain_segment(s)}
    if not usable:
        return
    known = {(m.ods_code or m.name, m.segment) for m in result.memberships}
    sents = list(doc.sents)
    for si, sent in enumerate(sents):
        if skip and any(a <= sent.start_char < b for a, b in skip):
            continue
        opening = _group_size(sent)
        if opening is None:
            continue
        size, after = opening
        segs = [s for s in spans_in(doc, "segments", sent.start, sent.end) if (s.start, s.end) in usable]
        if not segs or len(segs[0]._.segments) != 1 or spans_in(doc, "orgs", sent.start, segs[0].start):
            continue
        gap = [t.lower_ for t in doc[after:segs[0].start] if not t.is_space]
        if not gap or len(gap) > 6 or any(w not in VERBS and w not in GROUP_NOUNS for w in gap) \
                or not any(w in VERBS - {"in", "into", "now", "still", "also", "already"} for w in gap):
            continue
        members = _antecedents(doc, sents, si, size)
        segment = segs[0]._.segments[0]
        text = sent.text.strip()
        start = doc_text(doc).find(text, sent.start_char)
        for org in members:
            if (org.id_ or org.text, segment) in known:
                continue
            known.add((org.id_ or org.text, segment))
            result.memberships.append(Membership(
                name=org.text, ods_code=org.id_, segment=segment, org_type=org.label_, framework=doc._.framework,
                period=doc._.period, text=text, start=start, end=start + len(text)))
