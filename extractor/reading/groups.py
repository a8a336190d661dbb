"""Memberships stated of a group named next to it: 'All seven are in segment 4'.

A writer lists organisations over a few sentences ("Hull came last. It is not alone. Just
above Hull are X and Y. Then come Z, ...") and places them all at once in the next, or
places the group first ("All four acute trusts that serve Cheshire are now in segment 4")
and names them after. The sentence
names nobody, so each organisation is taken from the sentences before (or, failing that,
after), and only when they name exactly as many distinct organisations of the kind the
sentence speaks of: a count that does not match means the group is something else, and
nothing is guessed.
"""

from __future__ import annotations

from itertools import islice

from spacy.tokens import Doc, Span

from ..numbers import parse_cardinal
from ..pipeline.extensions import doc_text, doc_value, sentences, span_text, spans_in, token_strings
from ..pipeline.segments import segments_of
from ..records import DocResult, Membership
from .memberships import NEGATIONS, PLACE_VERBS, active_placers, before_preposition, placement, sentence_segments

# the verbs of models/placements.jsonl, without the prepositions and adverbs that join a subject to its segment
VERBS = PLACE_VERBS - {"in", "into", "now", "still", "also", "currently", "already"}
LOOKBACK = 4  # sentences searched each way (a bulleted list counts as one)
MAX_GAP = 10
_KINDS = {"icb": {"icb"}, "ccg": {"ccg"}, "acute": {"acute", "specialist"}, "ambulance": {"ambulance"},
          "mental_health": {"mental_health", "community_or_mental_health"},
          "community": {"community", "community_or_mental_health"}}


def _group_size(doc: Doc, sent: Span) -> tuple[int, int] | None:
    """(size, index after the group words) for a sentence opening 'All seven', 'Both', 'The three'."""
    lower = token_strings(doc)  # a space token's lower form is all space, as its text is
    toks = list(islice((i for i in range(sent.start, sent.end) if not lower[i].isspace()), 2))  # the first two words
    k = 1 if toks and lower[toks[0]] in {"all", "the"} else 0
    if k < len(toks) and lower[toks[k]] == "both":
        return 2, toks[k] + 1
    if k == 0 or k >= len(toks):
        return None
    word = doc[toks[k]].text
    size = parse_cardinal(word)
    if not isinstance(size, int) or not 2 <= size <= 20 or word.isdigit():
        return None
    return size, toks[k] + 1


_GROUP_DETERMINERS = {"the", "these", "those", "all"}
_GROUP_NOUNS = {"organisations", "organizations", "trusts", "icbs", "icss", "systems", "providers", "boards",
                "bodies", "hospitals"}
_ANY_KIND = {"organisations", "organizations", "bodies"}
_BEFORE_OBJECT = {"now", "also", "formally", "therefore", "the"}


def _counted_object(doc: Doc, sent: Span, seg: Span) -> tuple[int, list[str]] | None:
    """(size, the words from its verb to ``seg``) for a counted group an active verb places:
    'NHS England will place the four organisations into segment 4', 'removing all three trusts
    from the programme'. Its members are named in the sentences around it."""
    k = before_preposition(doc, sent, seg)
    if k is None or k < sent.start + 3 or doc[k].lower_ not in _GROUP_NOUNS:
        return None
    size = parse_cardinal(doc[k - 1].text)
    if not isinstance(size, int) or not 2 <= size <= 20 or doc[k - 2].lower_ not in _GROUP_DETERMINERS:
        return None
    j = k - 3
    while j > sent.start and doc[j].lower_ in _BEFORE_OBJECT:
        j -= 1
    if doc[j].lower_ not in active_placers():
        return None
    return size, [doc[j].lower_, *(t.lower_ for t in doc[k + 1:seg.start] if not t.is_space)]


def _kind_fits(kind: str, org: Span) -> bool:
    """An organisation can belong to a group of ``kind`` ('acute hospital trusts', 'ICBs')."""
    if kind in _KINDS:
        return org.label_ in _KINDS[kind]
    if kind == "non_acute":
        return org.label_ not in {"acute", "icb", "ccg"}
    if kind in {"trust", "community_or_mental_health"}:
        return org.label_ not in {"icb", "ccg"}
    return True


def _named_in(doc: Doc, sent: Span, kind: str) -> list[Span]:
    named = sorted(spans_in(doc, "orgs", sent.start, sent.end), key=lambda o: o.start)
    return [o for o in named if _kind_fits(kind, o)] if kind else named


def _is_list_line(sent: Span) -> bool:
    return span_text(sent).lstrip()[:1] in {"-", "•", "*", "–", "·"}


def _group_members(doc: Doc, sents: list[Span], si: int, size: int, kind: str) -> list[Span]:
    """The distinct organisations of the sentences before (else after), when exactly ``size``."""
    for step in (-1, 1):
        found: list[Span] = []
        keys: set[str] = set()
        at, counted = si, 0
        while counted < LOOKBACK:
            at += step
            if not 0 <= at < len(sents):
                break
            counted += not _is_list_line(sents[at])  # a bulleted list is one block, however long
            fresh = []
            for org in _named_in(doc, sents[at], kind):
                key = org.id_ or org.text.lower()
                if key not in keys:
                    keys.add(key)
                    fresh.append(org)
            found = fresh + found if step < 0 else found + fresh
            if len(found) >= size:
                break
        if len(found) == size:
            return found
    return []


def read_collective_statements(doc: Doc, result: DocResult, skip: list[tuple[int, int]] | None = None) -> None:
    """Add a membership for each organisation of a group placed in a segment as one (read only in
    sentences with a placing segment, as every group is placed in one)."""
    by_sentence = sentence_segments(doc)
    if not any(by_sentence):
        return
    known = {(key, m.segment) for m in result.memberships for key in (m.ods_code, m.name) if key}
    sents = sentences(doc)
    for si, segs in enumerate(by_sentence):
        if not segs:
            continue
        sent = sents[si]
        if skip and any(a <= sent.start_char < b for a, b in skip):
            continue
        # the group's words first (these tests only read, so their order is free): most sentences have none
        opening = _group_size(doc, sent)
        counted = _counted_object(doc, sent, segs[0]) if opening is None else None
        if opening is None and counted is None:
            continue
        if spans_in(doc, "orgs", sent.start, segs[0].start):
            continue
        named = segments_of(segs[0])
        if len(named) != 1:
            continue
        if opening is not None:
            size, after = opening
            gap = [t.lower_ for t in doc[after:segs[0].start] if not t.is_space]
            if not gap or len(gap) > MAX_GAP or NEGATIONS & set(gap) or not VERBS & set(gap[-4:]):
                continue
            segment, from_segment = named[0], None
        else:
            size, gap = counted
            placed = placement(doc, segs, segs[0], gap)
            if placed is None or NEGATIONS & set(gap):
                continue
            segment, from_segment = placed
        kinds = [p.label_ for p in spans_in(doc, "populations", sent.start, segs[0].start)
                 if p[-1].lower_ not in _ANY_KIND]  # 'the four organisations' may be trusts and boards
        members = _group_members(doc, sents, si, size, kinds[0] if kinds else "")
        text = span_text(sent).strip()
        start = doc_text(doc).find(text, sent.start_char)
        for org in members:
            if (org.id_, segment) in known or (org.text, segment) in known:
                continue
            known.update({(org.id_, segment), (org.text, segment)})
            result.memberships.append(Membership(
                name=org.text, ods_code=org.id_, segment=segment, from_segment=from_segment, org_type=org.label_,
                framework=doc_value(doc, "framework"), period=doc_value(doc, "period"), text=text, start=start,
                end=start + len(text)))
