"""Memberships stated about named organisations, outside count claims (``memberships.csv``).

"Worcestershire Acute Hospitals NHS Trust moved from segment 4 to segment 3", "The Walton
Centre moved from segment 2 to segment 1", "Kent Community Health is the only local trust
in segment 1", "the trust has been placed in segment 2", "Mersey Care exits the Recovery
Support Programme". The subject is an organisation the linker found (``doc.spans
["orgs"]``, self-references included); the verb between it and the segment says whether
the organisation is there now or left it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..pipeline.extensions import doc_text, span_text, spans_in, token_strings
from ..pipeline.segments import descriptor_segment, numbers_in, placing_segments
from ..records import DocResult, Membership
from . import subjects
from .lists import merge_split_names, split_names

PLACE_VERBS = {"is", "was", "are", "were", "remains", "remained", "remain", "placed", "moved", "moves", "move",
               "rated", "put", "sits", "sat", "entered", "enters", "joined", "joins", "went", "goes", "dropped",
               "fell", "rose", "climbed", "improved", "slipped", "been", "be", "stays", "stayed", "returned",
               "assigned", "segmented", "categorised", "now", "still", "has", "have", "had", "into", "in", "moving",
               "going", "rising", "falling", "dropping", "climbing", "slipping", "staying", "remaining", "sitting"}
LEAVE_VERBS = {"exited", "exits", "exit", "left", "leaves", "leave", "leaving", "exiting", "graduated", "emerged"}
NEGATIONS = {"not", "no", "never", "neither", "nor", "none"}
MAX_GAP = 14


_NON_COUNT_NEXT = {"of", "years", "year", "months", "month", "weeks", "week", "days", "quarters", "quarter"}
_CLAUSE_BREAKS = {"if", "would", "could", "might", "as", "while", "whereas", "but", "although", "because", "since",
                  "when", "though", "unlike", "than"}


_ASIDE_OPENERS = {"which", "who", "whose", "the", "a", "an", "its", "one", "now", "formerly", "based", "also", "where"}


def _asides(doc: Doc, sent: Span, orgs: list[Span], limit: int) -> list[tuple[int, int]]:
    """Token ranges of appositions and relative clauses that follow an organisation and close
    before ``limit`` ('X, the Trust's partner in ..., remained', 'X, which runs the Royal London,
    Whipps Cross and Newham hospitals, has been placed'): organisations named inside them are
    not the sentence's subject. A relative clause runs to the last comma before the verb."""
    out = []
    ends = {o.end for o in orgs}
    for i in range(sent.start, min(limit, sent.end) - 1):
        tok = doc[i]
        if tok.text in {",", "–", "—", "("} and doc[i + 1].lower_ in _ASIDE_OPENERS and i in ends:
            closer = {"(": ")", "–": "–", "—": "—"}.get(tok.text, ",")
            closes = [k for k in range(i + 2, limit) if doc[k].text == closer]
            if closes:
                out.append((i, closes[-1] if closer == "," else closes[0]))
    return out


def _as_is(doc: Doc, sent: Span, seg: Span, orgs: list[Span]) -> list[Span]:
    """'Homerton ... is in segment 3, as is the Royal Free London NHS Foundation Trust'."""
    words = [t.lower_ for t in doc[seg.end:min(sent.end, seg.end + 4)]]
    joins = ([",", "as", "is"], [",", "as", "are"], [",", "as", "was"], [",", "as", "were"])
    if words[:3] not in joins and words[:2] != ["as", "is"]:
        return []
    after = seg.end + (3 if words[0] == "," else 2)
    return [o for o in orgs if o.start in (after, after + 1)][:1]


def _relative_subject(doc: Doc, sent: Span, seg: Span) -> Span | None:
    """'... services at The Shrewsbury and Telford Hospital NHS Trust, which is also in segment 4':
    the organisation a relative clause ending in the segment hangs from, even when a preposition
    governs it."""
    k = seg.start - 1
    while k > sent.start and doc[k].text not in {",", ";", "."}:
        if doc[k].lower_ in {"which", "who"} and doc[k - 1].text == ",":
            return next((o for o in doc.spans.get("orgs", []) if o.end == k - 1), None)
        k -= 1
    return None


def _type_word(sent: Span) -> str | None:
    """A type hint from the words of the sentence ('the only board' → icb)."""
    words = {t.lower_ for t in sent}
    if words & {"board", "boards", "icb", "icbs", "ics", "icss", "system", "systems"}:
        return "icb"
    if "ambulance" in words:
        return "ambulance"
    return None


def _pronoun_stand_in(doc: Doc, sent: Span, previous: Span | None, names: dict[tuple[int, int], str]) -> Span | None:
    """'It remains in segment 4' continues the organisation of the sentence before; the
    membership is named as that organisation was."""
    org = subjects.pronoun_subject(doc, sent, previous)
    if org is None:
        return None
    first = next(t for t in sent if not t.is_space)
    end = first.i + (1 if first.lower_ in {"it", "we"} else 2)
    names[(first.i, end)] = names.get((org.start, org.end), org.text)
    return Span(doc, first.i, end, label=org.label_, span_id=org.id_)


def _subjects(doc: Doc, sent: Span, orgs: list[Span], seg: Span) -> list[Span]:
    """The organisation(s) governing a segment mention: the nearest ones before it, coordinated."""
    before = [o for o in orgs if o.end <= seg.start]
    if not before:
        return []
    chosen = [before[-1]]
    for org in reversed(before[:-1]):
        gap = doc[org.end:chosen[0].start].text.strip().lower()
        if gap in {",", "and", ", and", "&", "or", "and the", ", and the"}:
            chosen.insert(0, org)
        else:
            break
    return chosen


def _clean_gap(doc: Doc, start: int, end: int) -> list[str]:
    return [t.lower_ for t in doc[start:end] if not t.is_space]


def _main_clause_gap(doc: Doc, start: int, end: int) -> tuple[list[str], int]:
    """The words between subject and segment without a relative clause:
    'Humber Teaching NHS FT, which provides ... Hull and North Yorkshire, stays in segment 1'.
    Returns the words and the index where the main clause resumes."""
    toks = [t for t in doc[start:end] if not t.is_space]
    if len(toks) >= 2 and toks[0].text in {",", "(", "–", "—"} and toks[1].lower_ in {
            "which", "who", "whose", "where", "one", "the", "a", "an", "its", "based", "now", "formerly", "also"}:
        closer = {"(": ")", "–": "–", "—": "—"}.get(toks[0].text, ",")
        for k in range(len(toks) - 1, 0, -1):
            if toks[k].text == closer:
                rest = toks[k + 1:]
                return [t.lower_ for t in rest], (rest[0].i if rest else end)
    return [t.lower_ for t in toks], start


def read_statements(doc: Doc, result: DocResult, skip: list[tuple[int, int]] | None = None) -> None:
    """Add a membership for each organisation a sentence places in (or moves out of) a segment."""
    usable = placing_segments(doc)
    if not usable:
        return
    seen = {(m.name, m.start, m.segment, m.from_segment) for m in result.memberships}
    framework, period = doc._.framework, doc._.period
    stand_ins: dict[tuple[int, int], str] = {}
    sents = list(doc.sents)
    for si, sent in enumerate(sents):
        previous_sent = sents[si - 1] if si else None
        if skip and any(a <= sent.start_char < b for a, b in skip):
            continue
        segs = [s for s in spans_in(doc, "segments", sent.start, sent.end) if (s.start, s.end) in usable]
        if not segs:
            continue
        orgs = subjects.candidates(doc, sent)
        if not orgs or orgs[0].start > segs[0].start:
            hint = next((p.label_ for p in spans_in(doc, "populations", sent.start, sent.end)), None) \
                or _type_word(sent) or _previous_population(doc, previous_sent)
            leads = subjects.leading_names(doc, sent, segs[0].start, hint)
            if not leads:
                stand_in = _pronoun_stand_in(doc, sent, previous_sent, stand_ins)
                leads = [stand_in] if stand_in is not None else []
            orgs = [*leads, *orgs]
        if not orgs and not any(_relative_subject(doc, sent, seg) is not None for seg in segs):
            continue
        for seg in segs:
            antecedent = _relative_subject(doc, sent, seg)
            asides = _asides(doc, sent, orgs, seg.start)
            outside = [o for o in orgs if not any(a <= o.start < b for a, b in asides)]
            heads = [antecedent] if antecedent is not None else _subjects(doc, sent, outside, seg)
            if heads and "both" in _clean_gap(doc, heads[-1].end, seg.start):
                heads = [o for o in outside if o.end <= seg.start][-2:]  # 'X is 7th and Y 12th, both in segment 1'
            if not heads:
                continue
            gap, resume = _main_clause_gap(doc, heads[-1].end, seg.start)
            gap, resume = _last_predicate(doc, gap, resume, seg.start)
            if len(gap) > MAX_GAP or any(w in NEGATIONS or w in _CLAUSE_BREAKS for w in gap):
                continue
            if any(_is_quantity(doc, i) and _lower(doc, i + 1) not in _NON_COUNT_NEXT
                   and "of" not in {_lower(doc, i - 1), _lower(doc, i - 2)} and _lower(doc, i - 1) != "the"
                   and not _is_year(doc[i].text) for i in range(resume, seg.start)):
                continue
            if gap and all(w in {"–", "-", "—", ":", "|", "(", "=", "in"} for w in gap):
                gap = [*gap, "is"]  # 'North Bristol NHS Trust – segment 2': a list line places the trust
            last_leave = max((k for k, w in enumerate(gap) if w in LEAVE_VERBS), default=-1)
            last_place = max((k for k, w in enumerate(gap) if w in PLACE_VERBS and k > last_leave + 3), default=-1)
            leaving = (last_leave >= 0 and last_place < 0) or gap[-2:] == ["out", "of"]
            if not leaving and last_place < 0 and not any(w in PLACE_VERBS for w in gap):
                continue
            pair = _move_within(seg)
            if gap and gap[-1] == "from" and pair is not None:
                from_segment, segment = pair
            elif gap and gap[-1] == "from":
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
            start = doc_text(doc).find(text, sent.start_char)
            heads = [*heads, *_as_is(doc, sent, seg, orgs)]
            for org in heads:
                name = stand_ins.get((org.start, org.end), org.text)
                key = (name, start, segment, from_segment)
                if key in seen:
                    continue
                seen.add(key)
                result.memberships.append(Membership(
                    name=name, ods_code=org.id_, segment=segment, from_segment=from_segment, org_type=org.label_,
                    framework=framework, period=period, text=text, start=start, end=start + len(text)))


_HAND_ON = {"although", "though", "but", "while", "whereas", "because", "since"}


def _previous_population(doc: Doc, sent: Span | None) -> str | None:
    """The kind of organisation the sentence before was counting ('... 22 of the 42 ICBs are in
    segment 3. Only Frimley and Dorset have made it into segment 1'): a hint for bare places."""
    if sent is None:
        return None
    found = spans_in(doc, "populations", sent.start, sent.end)
    return found[-1].label_ if found else None


_PRESENT = {"is", "are", "remains", "remain", "sits", "sit", "stays", "stay", "has", "have"}


def _last_predicate(doc: Doc, gap: list[str], resume: int, end: int) -> tuple[list[str], int]:
    """The predicate that reaches the segment when a subject has several: 'X was seventh of the
    61 non-acute trusts and is one of the few in segment 1', 'X has risen to 114th, although it
    too stays in segment 4'. The words after the last 'and' + verb, or after a clause break
    that hands the subject on with 'it', are the ones that place it."""
    opens = [k for k, w in enumerate(gap) if w in {"which", "who", "whose", "where"}]
    # inside a relative clause its own predicates are not the subject's, except a last one
    # joined by 'and' ('X, which shares 68th place with four others and is in segment 3')
    inside = bool(opens) and "," not in gap[opens[-1]:]
    toks = [t for t in doc[resume:end] if not t.is_space]
    for k in range(len(toks) - 2, -1, -1):
        word, nxt = toks[k].lower_, toks[k + 1].lower_
        if word == "and" and nxt in PLACE_VERBS and nxt not in {"in", "into", "now", "still"}:
            if inside and (gap[opens[-1]] != "which" or nxt not in _PRESENT):
                break  # 'which covers ... and had been in the top category': an earlier state
            return [t.lower_ for t in toks[k + 1:]], toks[k + 1].i
        if inside:
            continue
        if word in _HAND_ON and nxt == "it":
            rest = toks[k + 2:]
            return [t.lower_ for t in rest], (rest[0].i if rest else end)
    return gap, resume


def merge_moves(memberships: list[Membership]) -> list[Membership]:
    """'X exited special measures ... and has moved to segment 3' is one move: 4 → 3."""
    out: list[Membership] = []
    by_start: dict[int, list[Membership]] = {}
    for m in memberships:
        partner = next((o for o in by_start.get(m.start, ()) if ((o.ods_code and o.ods_code == m.ods_code)
                                                                   or o.name == m.name)
                        and (o.segment is None) != (m.segment is None)), None)
        if partner is None:
            out.append(m)
            by_start.setdefault(m.start, []).append(m)
            continue
        partner.segment = partner.segment if partner.segment is not None else m.segment
        partner.from_segment = partner.from_segment or m.from_segment
    return out


def _is_year(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and 1990 <= int(text) <= 2100


def _lower(doc: Doc, i: int) -> str:
    return doc[i].lower_ if 0 <= i < len(doc) else ""


def _is_quantity(doc: Doc, i: int) -> bool:
    return any(q.start <= i < q.end and q.label_ in {"CARD", "PERCENT", "RATIO"}
               for q in spans_in(doc, "quantities", max(0, i - 8), i + 8))


def _move_within(seg: Span) -> tuple[int, int] | None:
    """'segment 3 to segment 2' matched as one span: (from, to)."""
    words = [t.lower_ for t in seg]
    if "to" not in words and "into" not in words:
        return None
    found = numbers_in(seg.text.replace("NOF", " ").replace("SOF", " "))
    return (found[0], found[-1]) if len(found) >= 2 else None


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


LIST_MARKERS = (":", "include", "includes", "including", "alongside", "along with", "together with", "joining",
                "joins", "join", "are", "were", "comprise", "among them", "amongst them")
_SUBJECT_STARTS = ("they ", "these ", "those ", "the ")


def _single_segment(segs: list[Span]) -> int | None:
    found = {n for s in segs for n in s._.segments}
    return found.pop() if len(found) == 1 else None


def read_list_sentences(doc: Doc, result: DocResult, skip: list[tuple[int, int]] | None = None) -> None:
    """Lists of named organisations that a sentence places in a segment:
    'The providers in segment 3 are A, B and C', '... now sits in segment 4 alongside Devon, ...',
    'The trusts in the programme include X, Y and Z' (the programme of the sentence before)."""
    orgs_all = list(doc.spans.get("orgs", []))
    usable = placing_segments(doc)
    seen = {m.name for m in result.memberships}
    framework, period = doc._.framework, doc._.period
    previous: list[Span] = []
    previous_sent: Span | None = None
    for sent in doc.sents:
        segs = [s for s in spans_in(doc, "segments", sent.start, sent.end) if (s.start, s.end) in usable]
        if skip and any(a <= sent.start_char < b for a, b in skip):
            previous, previous_sent = segs, sent
            continue
        marker = _marker(doc, sent)
        if marker is not None:
            before = [s for s in segs if s.end <= marker[0] and _lower(doc, s.start - 1) != "from"]
            segment = _single_segment(before[-1:])
            lead = sent.text.lstrip().lower()
            subject = doc[sent.start:marker[0]].text.lower()
            if segment is None and not before and lead.startswith(_SUBJECT_STARTS):
                segment = _programme_segment(subject, framework) or _single_segment(previous)
            if segment is not None:
                hint = _population_hint(doc, sent, previous_sent)
                _add_list(doc, sent, marker[1], segment, orgs_all, result, seen, framework, period, hint)
        previous = segs
        previous_sent = sent


_MARKER_OPENINGS = frozenset(marker.split()[0] for marker in LIST_MARKERS)


def _marker(doc: Doc, sent: Span) -> tuple[int, int] | None:
    """(index of the marker, index where the list starts), for a sentence whose tail is a list."""
    if _MARKER_OPENINGS.isdisjoint(token_strings(doc)[sent.start:sent.end]):
        return None  # most sentences: no word that opens a marker
    toks = [t for t in sent if not t.is_space]
    lead = span_text(sent).lstrip().lower()
    for k, tok in enumerate(toks):
        word = tok.lower_
        two = f"{word} {toks[k + 1].lower_}" if k + 1 < len(toks) else ""
        if two in LIST_MARKERS:
            return tok.i, toks[k + 1].i + 1
        if word not in LIST_MARKERS:
            continue
        if word in {"are", "were"} and not (lead.startswith(_SUBJECT_STARTS) and k <= 8):
            continue
        if k + 1 < len(toks) and (toks[k + 1].is_title or toks[k + 1].lower_ == "the"):
            return tok.i, toks[k + 1].i
    return None


def _programme_segment(subject: str, framework: str) -> int | None:
    """'The trusts in the programme include ...': the Recovery Support Programme's segment."""
    if "special measures" in subject:
        return descriptor_segment("special_measures", framework)
    if "programme" in subject or "rsp" in subject.split():
        return descriptor_segment("rsp", framework)
    return None


def _population_hint(doc: Doc, sent: Span, previous: Span | None) -> str:
    """The kind of organisation a list names, from the nouns around it ('four other systems')."""
    for scope in (sent, previous):
        if scope is None:
            continue
        for pop in spans_in(doc, "populations", scope.start, scope.end):
            if pop.label_ not in {"trust", "other"}:
                return pop.label_
    return ""


def _add_list(doc: Doc, sent: Span, start: int, segment: int, orgs: list[Span], result: DocResult,
              seen: set[str], framework: str, period: str, hint: str = "") -> None:
    end = sent.end
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end <= start:
        return
    region = doc[start:end]
    inside = [o for o in orgs if o.start >= region.start and o.end <= region.end]
    org_type = inside[0].label_ if inside else hint
    items = merge_split_names(split_names(region, orgs), org_type, text=doc_text(doc))
    if not items or (len(items) < 2 and not inside):
        return
    if any(len(it.text.split()) > 10 for it in items):
        return
    text = sent.text.strip()
    at = doc_text(doc).find(text, sent.start_char)
    for item in items:
        if item.text in seen:
            continue
        seen.add(item.text)
        result.memberships.append(Membership(
            name=item.text, segment=segment, org_type=org_type, framework=framework, period=period, text=text,
            start=at, end=at + len(text)))
