"""Memberships stated about named organisations, outside count claims (``memberships.csv``).

"Worcestershire Acute Hospitals NHS Trust moved from segment 4 to segment 3", "The Walton
Centre moved from segment 2 to segment 1", "Kent Community Health is the only local trust
in segment 1", "the trust has been placed in segment 2", "Mersey Care exits the Recovery
Support Programme". The organisation is one the linker found (``doc.spans["orgs"]``,
self-references included) or a stand-in for one ("it", "the trust"), in one of the frames
read here: the subject of the words before the segment, the object of an active placing verb
("NHS England has allocated X and Y to segment 4", "removed it from special measures"), the
owner of a placing noun ("X's exit from the RSP"), or a named list gathered by its type word
("X, Y and Z trusts that have now left special measures"). What the words between say
(in, kept, moved, left, removed) is data: ``models/placements.jsonl``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from functools import cache, partial
from itertools import islice
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from .. import numbers
from ..pipeline.extensions import doc_cache, doc_text, doc_value, sentences, span_text, spans_in, token_strings
from ..pipeline.segments import descriptor_segment, is_domain_segment, numbers_in, segment_data, segments_of
from ..records import DocResult, Membership
from ..resources import load_jsonl
from . import subjects
from .claims.sentence import places, token_lists
from .lists import merge_split_names, split_names
from .subjects import words_in

if TYPE_CHECKING:
    from ..gazetteer import Gazetteer


@cache
def placement_words() -> dict[str, str]:
    """Each word that places, keeps, moves or removes an organisation, with what it means
    (``models/placements.jsonl``: in, kept, moved, left, removed)."""
    return {row["word"]: row["meaning"] for row in load_jsonl("placements.jsonl")}


@cache
def active_placers() -> frozenset[str]:
    """Verbs whose object is the organisation placed ('NHS England placed X in segment 4')."""
    return frozenset(row["word"] for row in load_jsonl("placements.jsonl") if row.get("active"))


@cache
def placement_nouns() -> frozenset[str]:
    """Nouns that carry a placement after a possessive ('X's exit from the RSP', 'its transition to SOF 3')."""
    return frozenset(row["word"] for row in load_jsonl("placements.jsonl") if row.get("noun"))


# 'hoped': an aim or a risk, not a move yet ('hopes to move into segment 2', 'at risk of being placed in segment 4')
HOPE_WORDS = frozenset(w for w, meaning in placement_words().items() if meaning == "hoped")
PLACE_VERBS = frozenset(w for w, meaning in placement_words().items() if meaning in {"in", "kept", "moved"})
STAY_VERBS = frozenset(w for w, meaning in placement_words().items() if meaning == "kept")
LEAVE_VERBS = frozenset(w for w, meaning in placement_words().items() if meaning == "left")
REMOVE_VERBS = frozenset(w for w, meaning in placement_words().items() if meaning == "removed")
# 'reported': a verb of saying or fearing, whose clause may be about a segment rather than about its subject
REPORT_VERBS = frozenset(w for w, meaning in placement_words().items() if meaning == "reported")
# what joins the names of a list: 'X, the Y and Z', 'X and the Y'
COORDINATION = {",", ", the", "and", ", and", "&", "or", "and the", ", and the"}
NEGATIONS = {"not", "no", "never", "neither", "nor", "none"}
MAX_GAP = 14


_NOT_COUNT_BEFORE = {"the", "number", "no", "no.", "position", "rank"}  # 'shown at number three under category two'
_NON_COUNT_NEXT = {"overall", "of", "years", "year", "months", "month", "weeks", "week", "days", "quarters", "quarter"}
_CLAUSE_BREAKS = {"if", "would", "could", "might", "as", "while", "whereas", "but", "although", "because", "since",
                  "when", "though", "unlike", "than"}


_ASIDE_OPENERS = {"which", "who", "whose", "the", "a", "an", "its", "one", "now", "formerly", "based", "also", "where",
                  "part", "in", "within", "serving", "covering", "run", "home", "alongside", "previously",
                  # how the body came to be: 'X, formed in 2018 when A merged with B, is ...'
                  "formed", "created", "established", "founded", "launched", "born", "merged", "renamed", "known"}
_RELATIVE_PRONOUNS = {"whom", "which", "whose"}


def opens_aside(doc: Doc, i: int) -> bool:
    """Whether the words from ``i + 1`` open an apposition or a relative clause: 'which runs ...',
    'the county's ...', or a preposition before a relative pronoun ('with whom we run ...', 'in
    which it has ...')."""
    lower = token_strings(doc)
    nxt = lower[i + 1] if i + 1 < len(lower) else ""
    if nxt in _ASIDE_OPENERS:
        return True
    return i + 2 < len(lower) and lower[i + 2] in _RELATIVE_PRONOUNS and doc[i + 1].is_alpha


def _asides(doc: Doc, sent: Span, orgs: list[Span], limit: int) -> list[tuple[int, int]]:
    """Token ranges of appositions and relative clauses that follow an organisation (or its
    bracketed short name) and close before ``limit`` ('X, the Trust's partner in ..., remained',
    'X (XY), which runs the Royal London, Whipps Cross and Newham hospitals, has been placed',
    'X, with whom we share ..., is'): organisations named inside them are not the sentence's
    subject. A relative clause runs to the last comma before the verb."""
    out = []
    lower = token_strings(doc)  # the marks have no case: their lower form is their text
    ends = {o.end for o in orgs} | {o.end + 1 for o in orgs if o.end < len(lower) and lower[o.end] == ")"}
    for i in sorted(i for i in ends if sent.start <= i < min(limit, sent.end) - 1):  # the marks after a name
        if lower[i] in {",", "–", "—", "("} and opens_aside(doc, i):
            closer = {"(": ")", "–": "–", "—": "—"}.get(lower[i], ",")
            closes = [k for k in range(i + 2, limit) if lower[k] == closer]
            if closes:
                out.append((i, closes[-1] if closer == "," else closes[0]))
    return out


_WHERE_OPENERS = {"across", "in", "within", "throughout", "among", "amongst"}


def _fronted_place(doc: Doc, sent: Span, limit: int) -> list[tuple[int, int]]:
    """The token range of a phrase saying where, opening the sentence and closed by a comma before
    ``limit`` ('Across the Humber and North Yorkshire system, two of our eight trusts were in
    segment 2'): a body named there is the place, not the subject ('In Barts Health's case, ...'
    is the body's own)."""
    first = subjects.first_word(doc, sent.start, limit)
    lower = token_strings(doc)
    if first is None or lower[first] not in _WHERE_OPENERS:
        return []
    comma = next((k for k in range(first + 1, limit) if lower[k] == ","), None)
    if comma is None or any(lower[k] in {"'s", "’s"} for k in range(first, comma)):
        return []
    return [(first, comma)]


def _coordinated(doc: Doc, last: Span, orgs: list[Span]) -> list[Span]:
    """``last`` and the bodies of ``orgs`` joined to it before it by list glue ('X, Y and Z'),
    in text order: the list a name ends."""
    chain = [last]
    for org in reversed([o for o in orgs if o.end <= last.start]):
        if span_text(doc[org.end:chain[0].start]).strip().lower() not in COORDINATION:
            break
        chain.insert(0, org)
    return chain


def _as_is(doc: Doc, sent: Span, seg: Span, orgs: list[Span]) -> list[Span]:
    """'Homerton ... is in segment 3, as is the Royal Free London NHS Foundation Trust'."""
    words = token_strings(doc)[seg.end:min(sent.end, seg.end + 4)]
    joins = ([",", "as", "is"], [",", "as", "are"], [",", "as", "was"], [",", "as", "were"])
    if words[:3] not in joins and words[:2] != ["as", "is"]:
        return []
    after = seg.end + (3 if words[0] == "," else 2)
    return [o for o in orgs if o.start in (after, after + 1)][:1]


def _relative_subject(doc: Doc, sent: Span, seg: Span) -> Span | None:
    """'... services at The Shrewsbury and Telford Hospital NHS Trust, which is also in segment 4':
    the organisation a relative clause ending in the segment hangs from, even when a preposition
    governs it."""
    lower = token_strings(doc)
    k = seg.start - 1
    while k > sent.start and lower[k] not in {",", ";", "."}:
        if lower[k] in {"which", "who"} and lower[k - 1] == ",":
            return next(iter(subjects.orgs_ending_at(doc, k - 1)), None)
        k -= 1
    return None


def _type_hint(doc: Doc, sents: list[Span], si: int) -> str | None:
    """The kind of organisation sentence ``si`` speaks of, for a name opening it: its first
    population, a type word, or the population the sentence before was counting."""
    sent = sents[si]
    return next((p.label_ for p in spans_in(doc, "populations", sent.start, sent.end)), None) \
        or _type_word(sent) or _previous_population(doc, sents[si - 1] if si else None)


def _type_word(sent: Span) -> str | None:
    """A type hint from the words of the sentence ('the only board' → icb)."""
    words = set(token_strings(sent.doc)[sent.start:sent.end])
    if words & {"board", "boards", "icb", "icbs", "ics", "icss", "system", "systems"}:
        return "icb"
    if "ambulance" in words:
        return "ambulance"
    return None


def _pronoun_stand_in(doc: Doc, sent: Span, antecedent: Antecedent, names: dict[tuple[int, int], str]) -> Span | None:
    """'It remains in segment 4' continues the organisation of the sentence before; the
    membership is named as that organisation was. The sentence before is asked for only when
    the sentence opens with a pronoun (``pronoun_subject`` reads it for no other)."""
    lead = subjects.opening(sent)
    if not lead.startswith(subjects.SUBJECT_OPENINGS):
        return None  # most sentences: pronoun_subject finds no subject after any other opening
    org = subjects.pronoun_subject(doc, sent, antecedent() if lead.startswith(subjects.PRONOUNS) else None)
    if org is None:
        return None
    first = subjects.subject_start(doc, sent)
    if first is None:
        first = subjects.first_word(doc, sent.start, sent.end)
    end = first + (1 if token_strings(doc)[first] in {"it", "we"} else 2)
    names[(first, end)] = names.get((org.start, org.end), org.text)
    return Span(doc, first, end, label=org.label_, span_id=org.id_)


_AGENTS = {"england", "improvement", "nhse", "nhsi", "regulator", "government", "department", "commission", "cqc",
           "minister", "secretary"}
_STAND_IN_NOUNS = {"trust", "board", "icb", "organisation", "system", "hospital"}
_STAND_IN_WORDS = frozenset({"it", *_STAND_IN_NOUNS})


_CONTINUATIONS = {"it", "its", "trust", "trust's", "board", "icb"}


def _antecedent_sentence(doc: Doc, sents: list[Span], si: int) -> Span | None:
    """The sentence an opening 'it' or 'the trust' continues: the one before, or one further back
    when those between speak of the same organisation only as 'it' or 'the trust'."""
    for k in range(si - 1, max(si - 4, -1), -1):
        if subjects.candidates(doc, sents[k]):
            return sents[k]
        if _CONTINUATIONS.isdisjoint(token_strings(doc)[sents[k].start:sents[k].end]):
            break
    return sents[si - 1] if si else None


Antecedent = Callable[[], Span | None]  # the sentence an opening 'it' continues, found when first asked for


class _LazyAntecedent:
    """:func:`_antecedent_sentence` of sentence ``si``, found when first asked for: few
    sentences ask (an 'it' or a stand-in does)."""

    __slots__ = ("doc", "found", "sents", "si")

    def __init__(self, doc: Doc, sents: list[Span], si: int) -> None:
        self.doc, self.sents, self.si = doc, sents, si
        self.found: tuple[Span | None] | None = None

    def __call__(self) -> Span | None:
        if self.found is None:
            self.found = (_antecedent_sentence(self.doc, self.sents, self.si),)
        return self.found[0]


def _first_candidate(doc: Doc, antecedent: Antecedent) -> Span | None:
    """The first organisation that can be the subject of the sentence an 'it' continues."""
    previous = antecedent()
    return next(iter(subjects.candidates(doc, previous)), None) if previous else None


_INDEFINITE_NOUNS = {"trust", "hospital", "board", "icb", "system", "provider", "organisation"}


def lede_sentence(sents: list[Span], si: int) -> Span | None:
    """The sentence that names what an indefinite opening describes: 'A hospital trust once rated
    the worst in London ... as it became the first to leave special measures. Inspectors praised
    X NHS Trust ...' (a news lede names the trust in its next sentence)."""
    lower, sent = token_strings(sents[si].doc), sents[si]
    first = subjects.first_word(sent.doc, sent.start, sent.end)
    if first is None or lower[first] not in {"a", "an"}:
        return None  # most sentences: the first word alone says no
    words = list(islice((lower[i] for i in range(first, sent.end) if not lower[i].isspace()), 4))
    if not _INDEFINITE_NOUNS & set(words) or si + 1 >= len(sents):
        return None
    return sents[si + 1]


def _inner_stand_in(doc: Doc, sent: Span, limit: int, antecedent: Antecedent,
                    names: dict[tuple[int, int], str], lede: Span | None = None) -> Span | None:
    """'X's progress has been noted, allowing the trust to be lifted from segment 4': 'the
    trust' or 'it' inside a sentence stands for the organisation named earlier in it (even in a
    possessive), else for the one the sentence before was about, or, in a news lede opening 'A
    trust ...', for the one the next sentence names."""
    lower = token_strings(doc)
    if _STAND_IN_WORDS.isdisjoint(lower[sent.start + 1:limit]):
        return None  # most sentences: no 'it' nor a stand-in noun, which the walk below looks for
    found = None
    for i in range(sent.start + 1, min(limit, len(doc))):  # one opening the sentence is the self-reference resolver's
        if lower[i] == "it" or (lower[i] in _STAND_IN_NOUNS and lower[i - 1] == "the" and i - 1 > sent.start):
            found = (i if lower[i] == "it" else i - 1, i + 1)
    if found is None or (lower[found[0]] == "it" and not _AGENTS.isdisjoint(lower[sent.start:found[0]])):
        return None  # 'NHS England said it ...': 'it' is the one speaking
    named = sorted(spans_in(doc, "orgs", sent.start, found[0]), key=lambda o: o.start)
    if lede is not None and not named:
        named = [o for o in spans_in(doc, "orgs", lede.start, lede.end) if o.id_]
        referent = named[0] if len({o.id_ for o in named}) == 1 else None
    else:
        referent = named[0] if named else _first_candidate(doc, antecedent)
    if referent is None:
        return None
    names[found] = names.get((referent.start, referent.end), referent.text)
    return Span(doc, *found, label=referent.label_, span_id=referent.id_)


_FIRST_PERSON = frozenset({"we", "our", "us", "ours", "ourselves"})
_QUOTE_MARKS = ('"', "\u201c", "\u201d")


def _inner_we(doc: Doc, sents: list[Span], si: int, limit: int, names: dict[tuple[int, int], str]) -> Span | None:
    """'X ... NHS England has confirmed that we have moved from segment 4 to segment 3': a 'we'
    inside a sentence that names no body is the page's one body when the page names exactly one,
    before this sentence, and speaks as 'we'/'our' outside quotations in another sentence too.
    A quotation, a second body anywhere on the page or a page that never speaks for itself
    could make the 'we' someone else's: then nobody is placed."""
    sent, lower = sents[si], token_strings(doc)
    if "we" not in lower[sent.start + 1:limit]:
        return None  # most sentences: no inner 'we' (an opening one is pronoun_subject's)
    at = lower.index("we", sent.start + 1, limit)
    if spans_in(doc, "orgs", sent.start, sent.end) or spans_in(doc, "org_refs", sent.start, sent.end) \
            or _quoted(doc, sent):
        return None
    named = [o for key in ("orgs", "org_refs") for o in doc.spans.get(key, [])]
    ids = {o.id_ for o in named}
    if len(ids) != 1 or "" in ids:
        return None
    referent = min(named, key=lambda o: o.start)
    home = doc_value(doc, "home") if doc.has_extension("home") else ""
    if referent.start >= sent.start or (home and home != referent.id_):
        return None
    if not any(k != si and not _FIRST_PERSON.isdisjoint(lower[s.start:s.end]) and not _quoted(doc, s)
               for k, s in enumerate(sents)):
        return None
    names[(at, at + 1)] = names.get((referent.start, referent.end), referent.text)
    return Span(doc, at, at + 1, label=referent.label_, span_id=referent.id_)


def _quoted(doc: Doc, sent: Span) -> bool:
    """Whether ``sent`` holds a quotation mark or stands inside a quotation its paragraph opened."""
    text = span_text(sent)
    if any(mark in text for mark in _QUOTE_MARKS):
        return True
    text = doc_text(doc)
    para = text[text.rfind("\n", 0, sent.start_char) + 1:sent.start_char]  # the paragraph up to the sentence
    return para.count('"') % 2 == 1 or para.count("\u201c") > para.count("\u201d")


def _subjects(doc: Doc, sent: Span, orgs: list[Span], seg: Span) -> list[Span]:
    """The organisation(s) governing a segment mention: the nearest ones before it, coordinated."""
    before = [o for o in orgs if o.end <= seg.start]
    if not before:
        return []
    chosen = [before[-1]]
    for org in reversed(before[:-1]):
        gap = span_text(doc[org.end:chosen[0].start]).strip().lower()
        if gap in COORDINATION:
            chosen.insert(0, org)
        else:
            break
    return chosen


def _clean_gap(doc: Doc, start: int, end: int) -> list[str]:
    lower = token_strings(doc)
    return [lower[i] for i in words_in(doc, start, end)]


def _main_clause_gap(doc: Doc, start: int, end: int) -> tuple[list[str], int]:
    """The words between subject and segment without a relative clause:
    'Humber Teaching NHS FT, which provides ... Hull and North Yorkshire, stays in segment 1'.
    Returns the words and the index where the main clause resumes."""
    lower, toks = token_strings(doc), words_in(doc, start, end)  # the marks have no case: lower is text
    if len(toks) >= 3 and lower[toks[0]] == ")" and opens_aside(doc, toks[1]):
        toks = toks[1:]  # 'X (XY), which ...': the short name's bracket closes first
    if len(toks) >= 2 and lower[toks[0]] in {",", "(", "–", "—"} and opens_aside(doc, toks[0]):
        closer = {"(": ")", "–": "–", "—": "—"}.get(lower[toks[0]], ",")
        for k in range(len(toks) - 1, 0, -1):
            if lower[toks[k]] == closer:
                rest = toks[k + 1:]
                return [lower[i] for i in rest], (rest[0] if rest else end)
    return [lower[i] for i in toks], start


def sentence_segments(doc: Doc) -> list[list[Span]]:
    """The segment spans of each sentence that can place an organisation (in the order
    ``spans_in`` gives them), made once per Doc: the membership builders all start from them,
    and most sentences have none, so a builder can go straight to the few that do.

    Whether a span places is asked of the index's own spans, through the claims' answers
    (:func:`.claims.sentence.places`, given already for the segments of the sentences claims
    read; the sentences' bounds are the claims' lists too), not of ``placing_segments``, which
    makes every span of the group again: the same answer, as a segment group holds one span
    per (start, end)."""
    cache = doc_cache(doc, "members")
    found = cache.get("sentence_segments")
    if found is None:
        lists = token_lists(doc)
        starts, ends = lists.sentence_starts, lists.sentence_ends
        found = cache["sentence_segments"] = [[] for _ in starts]
        for span in spans_in(doc, "segments", 0, len(doc)):
            si = bisect_right(starts, span.start) - 1
            if span.end <= ends[si] and places(span):
                found[si].append(span)
    return found


def read_statements(doc: Doc, result: DocResult, skip: list[tuple[int, int]] | None = None) -> None:
    """Add a membership for each organisation a sentence places in (or moves out of) a segment.

    Only sentences with a placing segment are read: every frame starts from one, and what is
    carried from sentence to sentence (``stand_ins``, ``seen``) changes only while reading one."""
    _read_segment_for(doc, result, skip)
    by_sentence = sentence_segments(doc)
    if not any(by_sentence):
        return
    seen = {(m.name.casefold(), m.start, m.segment, m.from_segment) for m in result.memberships}
    framework, period = doc_value(doc, "framework"), doc_value(doc, "period")
    stand_ins: dict[tuple[int, int], str] = {}
    earlier: list[Membership] = []
    spells: list[Membership] = []  # closed spells: where a move came from, else nobody's membership now
    sents = sentences(doc)
    for si, segs in enumerate(by_sentence):
        if not segs:
            continue
        sent = sents[si]
        if (skip and any(a <= sent.start_char < b for a, b in skip)) or span_text(sent).rstrip().endswith("?"):
            continue  # a question places nobody
        first = subjects.first_word(doc, sent.start, sent.end)
        if first is not None and token_strings(doc)[first] in _NOBODY:
            continue  # 'No provider in the system entered segment 4' places nobody
        antecedent = _LazyAntecedent(doc, sents, si)
        orgs = subjects.candidates(doc, sent)
        if first is not None and token_strings(doc)[first] in _POSSESSED:
            orgs = [*_people_at(doc, sent, first, segs[0].start), *orgs]
        if not orgs or orgs[0].start > segs[0].start:
            leads = subjects.leading_names(doc, sent, segs[0].start, partial(_type_hint, doc, sents, si))
            if not leads:
                stand_in = _pronoun_stand_in(doc, sent, antecedent, stand_ins) \
                    or _inner_stand_in(doc, sent, segs[0].start, antecedent, stand_ins, lede_sentence(sents, si)) \
                    or _inner_we(doc, sents, si, segs[0].start, stand_ins)
                leads = [stand_in] if stand_in is not None else []
            orgs = [*leads, *orgs]
        if "respectively" in token_strings(doc)[sent.start:sent.end] and _respectively(doc, sent, segs, orgs, result):
            continue
        bodiless = _bodiless(doc, sent, orgs)
        if bodiless and _STAND_IN_WORDS.isdisjoint(token_strings(doc)[sent.start:sent.end]) \
                and all(seg.id_ != "held" for seg in segs):
            continue  # no 'it' for the active frame nor stand-in noun for the possessive one: nobody to place
        prior = [seg for seg in segs if _told_as_before(doc, sent, seg)]
        disowned = [seg for seg in segs if _disowned(doc, sents, si, seg)] \
            if not _DISOWNING.isdisjoint(token_strings(doc)[sent.start:sent.end]) else []
        if len(segs) > len(prior) + 1:
            entered = [seg for seg in segs if all(seg is not p for p in prior) and _entered_before(doc, sent, seg)]
            if len(prior) + len(entered) < len(segs):
                prior += entered
        first_new = len(result.memberships)
        for seg in segs:
            if any(seg is p for p in (*prior, *disowned)) or _restates(doc, segs, seg):
                continue
            k = before_preposition(doc, sent, seg)
            frame = (_held_value_frame(doc, sent, seg) if seg.id_ == "held" else None) \
                or _active_frame(doc, sent, seg, k, orgs, antecedent, stand_ins) \
                or _possessive_frame(doc, sent, seg, k, antecedent, stand_ins) \
                or _status_frame(doc, sent, seg, orgs)
            if frame is None and not bodiless:
                frame = _segment_first(doc, sent, seg) or _apposition_frame(doc, sent, seg) \
                    or _held_segment_frame(doc, sent, seg) or _fronted_frame(doc, sent, seg, orgs) \
                    or _with_frame(doc, sent, seg)
            if frame is not None:
                heads, gap = frame
            elif bodiless:
                continue
            else:
                heads, gap = _subject_frame(doc, sent, seg, orgs)
            if not heads and len(result.memberships) > first_new:
                heads, gap = _gapped(doc, sent, seg, result.memberships[-1])
            if not heads:
                continue
            placed = placement(doc, segs, seg, gap)
            if placed is None:
                continue
            segment, from_segment = placed
            if segment is not None and from_segment is None and seg is segs[-1] and _left_after(doc, sent, seg):
                segment, from_segment = None, segment
            step = _step(gap) if segment is not None else None
            if step is None and segment is not None and from_segment is None:
                step = _step_then_state(_clean_gap(doc, heads[-1].end, seg.start))
            if step is not None:
                origin = segment + step
                if not 1 <= origin <= _top_segment(framework):
                    continue  # 'dropped three segments to segment 2': a move that cannot be
                from_segment = origin if from_segment is None else from_segment
            spell = from_segment is None and segment is not None and _past_spell(doc, sent, seg, gap)
            before = from_segment is None and (_earlier_state(gap) or spell or _ended_after(doc, sent, seg))
            text = span_text(sent).strip()
            start = doc_text(doc).find(text, sent.start_char)
            heads = [*heads, *_as_is(doc, sent, seg, orgs)]
            for org in heads:
                name = stand_ins.get((org.start, org.end), org.text)
                key = (name.casefold(), start, segment, from_segment)  # "The Trust ... the Trust": one body
                if key in seen:
                    continue
                seen.add(key)
                result.memberships.append(Membership(
                    name=name, ods_code=org.id_, segment=segment, from_segment=from_segment, org_type=org.label_,
                    framework=framework, period=period, text=text, start=start, end=start + len(text)))
                if before:
                    earlier.append(result.memberships[-1])
                if spell:
                    spells.append(result.memberships[-1])
        if prior:
            _fold_prior(result.memberships[first_new:], prior)
        _moved_on(doc, sent, segs, result.memberships[first_new:])
    _fold_earlier_states(result, earlier)
    if spells:  # those the sentence did not go on to move ('... for two years until it moved to segment 3')
        result.memberships = [m for m in result.memberships
                              if m.from_segment is not None or all(m is not s for s in spells)]


def _gapped(doc: Doc, sent: Span, seg: Span, last: Membership) -> tuple[list[Span], list[str]]:
    """'X was in segment 4 (115th), Bolton in segment 3 and Stockport in segment 3': after a body
    the sentence placed, a name right after a comma or 'and' with 'in' before its own segment
    shares the placing verb the writer left out. A bare place name ('Bolton') is taken as a body
    of the placed one's type, and only when the gazetteer resolves it so."""
    lower, toks = token_strings(doc), words_in(doc, max(sent.start, seg.start - 12), seg.start)
    if len(toks) < 3 or lower[toks[-1]] != "in" or last.segment is None or not doc[toks[-2]].is_title:
        return [], []
    name = subjects.name_before(doc, sent, toks[-1], last.org_type or None)
    if name is None or name.end != toks[-1] or name.start <= sent.start:
        return [], []
    k = name.start - 1
    while k > sent.start and lower[k].isspace():
        k -= 1
    if lower[k] not in {",", "and"}:
        return [], []
    return [name], ["in", "is"]


_STEP_NOUNS = {"segment", "segments", "category", "categories", "tier", "tiers"}
_STEP_SIZES = {"a": 1, "an": 1, "one": 1, "1": 1, "two": 2, "2": 2, "three": 3, "3": 3, "four": 4, "4": 4}
_STEP_UP = {"up", "improved", "improve", "improves", "improving", "rose", "risen", "rise", "rises", "rising",
            "climbed", "climb", "climbs", "climbing", "upgraded", "promoted", "advanced"}
_STEP_DOWN = {"down", "dropped", "drop", "drops", "dropping", "fell", "fallen", "fall", "falls", "falling", "slipped",
              "slip", "slips", "slipping", "slid", "downgraded", "demoted", "relegated", "deteriorated", "worsened",
              "declined", "sank", "sunk"}
_STEP_BETWEEN = {"up", "down", ",", "–", "—", "-", "higher", "lower"}  # from the step's noun to its target


def _top_segment(framework: str) -> int:
    """The worst segment of ``framework`` (5 when the framework is not known)."""
    return segment_data()["max_segment"].get(framework, 5) if framework else 5


def _step(gap: list[str]) -> int | None:
    """How far a move told by its size and direction came, as the segment left minus the one
    reached: 'improved by one segment to' → 1, 'moved up a segment, to' → 1, 'dropped two
    segments to' → -2 (a lower number is a better segment, so up is toward 1). None unless the
    size is a number or 'a', the direction is one way, and the step leads to the segment named."""
    tail = list(gap)
    while tail and tail[-1] in FRAMEWORK_WORDS:
        tail.pop()
    if not tail or tail[-1] not in {"to", "into"}:
        return None
    noun = next((k for k in range(len(tail) - 2, 0, -1) if tail[k] in _STEP_NOUNS), None)
    if noun is None or not _STEP_BETWEEN.issuperset(tail[noun + 1:-1]):
        return None
    size = _STEP_SIZES.get(tail[noun - 1])
    if size is None or (size > 1) != tail[noun].endswith("s"):
        return None  # 'two segment', 'a segments'
    words = set(tail[:noun - 1]) | set(tail[noun + 1:-1])
    up, down = bool(words & _STEP_UP), bool(words & _STEP_DOWN)
    if up == down:
        return None  # no direction, or both
    return size if up else -size


_STATE_AFTER_STEP = {"is", "are", "now", "sits", "sit", "remains", "remain", "currently", "in", "at", "has", "have",
                     "been", "therefore", "so", "stands"}


def _step_then_state(words: list[str]) -> int | None:
    """:func:`_step` of a move told by its size, then where it left the body, across 'and': 'X has
    moved up a segment and is now in segment 2' (came from 3), 'X has dropped a segment and now
    sits in segment 4' (from 3). The words after the last 'and' only state where it is."""
    if "and" not in words:
        return None
    k = len(words) - 1 - words[::-1].index("and")
    left, right = words[:k], words[k + 1:]
    while left and left[-1] == ",":
        left = left[:-1]
    if not right or right[-1] not in {"in", "at"} or not _STATE_AFTER_STEP.issuperset(right):
        return None
    return _step([*left, "to"])


def _respectively(doc: Doc, sent: Span, segs: list[Span], orgs: list[Span], result: DocResult) -> bool:
    """'X and Y are in segments 2 and 3 respectively': the names and the segments paired in order."""
    heads = _subjects(doc, sent, orgs, segs[0])
    named = [n for seg in segs if not is_domain_segment(seg) for n in segments_of(seg)]
    if len(heads) < 2 or len(heads) != len(named):
        return False
    gap = set(_clean_gap(doc, heads[-1].end, segs[0].start))
    if not gap & PLACE_VERBS or gap & (NEGATIONS | HOPE_WORDS | LEAVE_VERBS):
        return False
    text = span_text(sent).strip()
    start = doc_text(doc).find(text, sent.start_char)
    framework, period = doc_value(doc, "framework"), doc_value(doc, "period")
    for org, segment in zip(heads, named, strict=True):
        result.memberships.append(Membership(
            name=org.text, ods_code=org.id_, segment=segment, org_type=org.label_, framework=framework, period=period,
            text=text, start=start, end=start + len(text)))
    return True


def _bodiless(doc: Doc, sent: Span, orgs: list[Span]) -> bool:
    """Whether ``sent`` names no body but through an 'it' or 'the trust' an active verb or a
    placing noun governs: no subject (``orgs``, its leading names and stand-ins included), no
    mention and no relative clause. Then the segment-first, apposition and held-segment frames
    find no body among its mentions, and the subject frame none among ``orgs`` or before a
    relative word, so only the active and possessive frames need reading (most sentences with a
    segment and no body are of this kind). With no subject, the active frame places only an 'it'
    and the possessive frame only a stand-in noun's body ('the trust's exit'): a bodiless
    sentence holding neither word places nobody."""
    return not orgs and not _has_relative(doc, sent) and not subjects.mentions(doc, sent)


_EARLIER_WORDS = {"previously", "formerly", "earlier", "once", "hitherto"}
_STATE_VERBS = {"been", "sat", "remained", "stayed"}


def _earlier_state(gap: list[str]) -> bool:
    """'X had been in segment 3', 'X was previously in segment 3', 'X, which was in segment 3,
    ...': a state the words place before the time they write about."""
    return bool(_EARLIER_WORDS & set(gap)) or any(
        w == "had" and _STATE_VERBS & set(gap[k + 1:k + 3]) for k, w in enumerate(gap)) or (
        gap[:1] == [","] and gap[1:3] in (["which", "was"], ["who", "was"], ["which", "were"]))


def _past_spell(doc: Doc, sent: Span, seg: Span, gap: list[str]) -> bool:
    """'X spent almost four years in special measures', 'X was in special measures for five
    years' or 'between 2013 and 2017', '... from July 2013 until March 2017': a spell that has
    ended, so no placement now ('X has been in segment 3 for two years' has not ended)."""
    if "spent" in gap and not _PERFECT.intersection(gap[:gap.index("spent")]):
        return True
    if _ever_been(gap):
        return True
    if not {"was", "were"}.intersection(gap) or not _STATE_GAP.issuperset(gap):
        return False  # 'was placed in segment 4 for 12 months' is a placement
    lower = token_strings(doc)
    tail = [lower[i] for i in words_in(doc, seg.end, min(sent.end, seg.end + 9))]
    if tail[:1] == ["for"] and _TIME_UNITS.intersection(tail[:6]):
        return True
    if _fronted_spell([lower[i] for i in words_in(doc, sent.start, seg.start)]) or "ago" in tail:
        return True
    if tail[:1] == ["between"] and len(tail) > 3 and tail[2] == "and":
        return True
    return bool({"until", "till", "to"} & set(tail)) and ("from" in tail[:3] or "between" in tail[:3]) \
        and any(_is_year(w) for w in tail)


def _fronted_spell(head: list[str]) -> bool:
    """The words before a state's segment that date it to a spell now over: 'Between 2016 and
    2019 X was in special measures', 'From 2014 to 2016, X was ...', 'For five years X was ...',
    'Ten years ago X was ...'."""
    if "ago" in head:
        return True
    if head[:1] == ["for"] and _TIME_UNITS.intersection(head[1:4]):
        return True
    return head[:1] in (["between"], ["from"]) and len(head) > 3 and head[2] in ("and", "to", "until", "till") \
        and _is_year(head[1]) and _is_year(head[3])


def _ever_been(gap: list[str]) -> bool:
    """'X is one of two trusts to have been in special measures', 'the only trust ever to have
    been placed in segment 4 twice', 'X has ever been in segment 4': a tally of who has been
    there at some time, not a placement now ('one of five trusts to have been placed in
    segment 4 this quarter' is one)."""
    for k, word in enumerate(gap):
        if word == "ever" and gap[k + 1:k + 2] in (["been"], ["to"]):
            return True
        if gap[k:k + 3] == ["to", "have", "been"] and _STATE_GAP.issuperset(gap[k + 3:]):
            return True
    return False


_NOBODY = {"no", "none", "neither", "nobody", "nor"}
_PERFECT = {"has", "have", "having"}


def _ended_after(doc: Doc, sent: Span, seg: Span) -> bool:
    """'X, in segment 4 until 2023, is now in segment 3': a state the words after the segment
    say ended."""
    lower = token_strings(doc)
    return any(lower[i] in ("until", "till") for i in words_in(doc, seg.end, min(sent.end, seg.end + 6)))
_STATE_GAP = {"was", "were", "in", "at", "under", "still", "also", "then", "once", "within", "inside"}
_BEFORE_ADVERBS = {"previously", "already", "formerly", "earlier", "once"}
_TIME_UNITS = {"year", "years", "month", "months", "quarter", "quarters", "week", "weeks"}
_LEFT_VERBS = {"left", "exited", "leaving", "exiting"}


def _told_as_before(doc: Doc, sent: Span, seg: Span) -> bool:
    """'..., having been in segment 4 since 2021', '... after two years in segment 4', 'having
    left segment 4': a participle or an 'after' phrase telling where the body was before the
    placement its sentence makes, not a placement of its own. Most segments follow a last word
    that is neither 'in' nor a leaving verb, and are answered from that word alone."""
    lower, first = token_strings(doc), max(sent.start, seg.start - 8)
    k = seg.start - 1
    while k >= first and lower[k].isspace():
        k -= 1
    if k < first or (lower[k] != "in" and lower[k] not in _LEFT_VERBS):
        return False
    words = [w for w in token_strings(doc)[max(sent.start, seg.start - 8):seg.start] if not w.isspace()]
    if not words:
        return False
    if words[-1] in _LEFT_VERBS:
        return len(words) >= 2 and words[-2] == "having"
    if words[-1] != "in":
        return False
    head = words[:-1]
    if head[-2:] == ["having", "been"] or (head[-1:] == ["been"] and head[-3:-2] == ["having"]
                                             and head[-2] in _BEFORE_ADVERBS):
        return True
    for k in range(len(head) - 1, max(-1, len(head) - 6), -1):
        if head[k] in ("after", "spent") and _TIME_UNITS.intersection(head[k + 1:]):
            return k > 0 and (head[k] == "after" or head[k - 1] == "having")
    return False


_ENTRY_VERBS = {"entered", "entering", "joined", "joining"}
_PLACED_VERBS = {"placed", "put", "moved", "admitted"}
_OUT_VERBS = {"moved", "moving", "taken", "come", "coming", "climbed", "climbing"}
_ENTRY_MARKERS = {"having", "after", "since", "which", "who"}
_ENTRY_FILLER = {"first", "originally", "initially", "previously", "already", "once", "only", "been", "being", "was",
                 "were", "had", "it", "they", "we"}


def _entered_before(doc: Doc, sent: Span, seg: Span) -> bool:
    """'..., having first entered special measures in 2017', '..., which entered segment 4 in
    2021, ...', '... four years after it was placed in special measures', '..., having moved out
    of segment 4': an entry (or exit) told as the start of a spell that another segment of the
    sentence ends or moves on from, not where the body is now."""
    words = [w for w in token_strings(doc)[max(sent.start, seg.start - 8):seg.start] if not w.isspace()]
    if words[-1:] and words[-1] in ("in", "into", "to") and words[-2:-1] and words[-2] in _PLACED_VERBS:
        words = words[:-2]
    elif words[-2:] == ["out", "of"] and words[-3:-2] and words[-3] in _OUT_VERBS:
        words = words[:-3]
    elif words[-1:] and words[-1] in _ENTRY_VERBS:
        words = words[:-1]
    else:
        return False
    for word in reversed(words[-5:]):
        if word in _ENTRY_MARKERS:
            return True
        if word not in _ENTRY_FILLER:
            return False
    return False


_GONE_FILLER = {"in", "on", "at", "during", "by", "last", "this", "early", "late", "year", "years", "month", "months",
                "later", ",", "and", "then", "subsequently", "finally", "eventually", "it", "they", "we", "has",
                "have", "had", "was", "were", "been", "since", "until", "january", "february", "march", "april",
                "may", "june", "july", "august", "september", "october", "november", "december", "spring",
                "summer", "autumn", "winter"}
_GONE_PROGRAMMES = {"programme", "program", "regime", "scheme"}
_GONE_OBJECTS = {"them", "it", "the", "programme", "regime", "in", "on", "at", "last", "this", "after", "early",
                 "late", "during", "out", "from", ",", ".", ";", "–", "—", ")"}


def _left_after(doc: Doc, sent: Span, seg: Span) -> bool:
    """'X, which entered special measures in 2017, left in 2021', 'X entered segment 4 in 2019
    and exited it in 2022', '..., placed in special measures in 2017, was taken out of them in
    2021': a leaving verb after the segment, in the same clause with only time words between
    and no new object after it, ends the spell the segment began."""
    lower = token_strings(doc)
    after = [w for w in lower[seg.end:sent.end] if not w.isspace()]
    for k, word in enumerate(after[:10]):
        if word in LEAVE_VERBS or word in REMOVE_VERBS:
            nxt, then = [*after[k + 1:k + 3], ".", "."][:2]
            if nxt == "the" and then not in _GONE_PROGRAMMES:
                return False  # 'and left the partnership in 2022'
            return (nxt in _GONE_OBJECTS or nxt.isdigit()) and (word in LEAVE_VERBS or nxt in ("out", "from"))
        if word not in _GONE_FILLER and not word.isdigit():
            return False
    return False


_DENY_VERBS = {"denied", "denies", "deny", "denying", "rejected", "rejects", "reject", "refuted", "refutes",
               "dismissed", "dismisses", "disputed", "disputes"}
_REPORT_NOUNS = {"claim", "claims", "rumour", "rumours", "rumor", "rumors", "report", "reports", "suggestion",
                 "suggestions", "speculation", "allegation", "allegations", "story", "stories", "post", "posts"}
_FALSE_WORDS = {"false", "untrue", "wrong", "unfounded", "incorrect", "inaccurate", "baseless", "groundless",
                "mistaken", "erroneous", "misleading"}
_TRUE_WORDS = {"true", "correct", "accurate", "case"}
_WRONGLY = {"wrongly", "incorrectly", "mistakenly", "erroneously", "falsely", "inaccurately"}
_CORRECTED = {"version", "post", "update", "edition"}  # 'an earlier version of this article said'
# a piece of writing that can be said to have stated something earlier ('this article previously said')
_WRITINGS = {"article", "story", "piece", "report", "post", "page", "item", "bulletin", "newsletter", "blog",
             "release", "briefing", "copy", "text"}
_EARLIER_TEXT = {"previously", "earlier", "originally", "initially", "first", "wrongly", "incorrectly", "mistakenly"}
_CORRECTING = {"updated", "corrected", "amended", "correction", "update", "clarification", "amendment"}
_DISOWNING = frozenset(_DENY_VERBS | _REPORT_NOUNS | _FALSE_WORDS | _WRONGLY | _CORRECTED | _WRITINGS
                       | {"true", "correct", "previously", "originally"})
_RESUMES = {"but", ";", "however", "although", "though", "while"}
_SAID = REPORT_VERBS | {"described", "listed", "wrote", "showed"}
_PUT_ABOUT = _SAID | {"placed", "put", "gave", "had", "named", "included"}  # what earlier text did with a body
_WRITING_DETERMINERS = {"this", "our", "the", "an", "a", "earlier", "previous", "original", "first"}
_FALSE_OPENERS = {"that", "this", "these", "those", "neither", "such", "none", "both", "all", "the", "it", "which"}


def _false_next(words: list[str]) -> bool:
    """The words of a clause say what was reported is not so: 'are false', 'is not true', 'were wrong'."""
    for k, word in enumerate(words):
        if word in _FALSE_WORDS or (word in _TRUE_WORDS and "not" in words[max(0, k - 3):k]):
            return True
    return False


def _earlier_text_did(head: list[str], sents: list[Span], si: int) -> bool:
    """The words before a report verb make its subject the page's own earlier text, which a
    correction replaces: 'this article previously said', 'the original story stated', 'our
    report first said'; or 'it'/'we' with an earlier word ('It previously stated that ...', 'we
    originally reported ...') in a sentence that, or whose previous sentence, tells of an update
    or correction ('This article has been updated.'). 'The trust's annual report previously said'
    and 'NHS England previously said' are not the page's own text."""
    if _EARLIER_TEXT.isdisjoint(head) and not any(
            w in _WRITINGS and k and head[k - 1] in ("earlier", "previous", "original") for k, w in enumerate(head)):
        return False
    if "as" in head:
        return False  # 'As this report previously noted, the Trust was placed ...' agrees with it
    for k, word in enumerate(head):
        if word in _WRITINGS and k and head[k - 1] in _WRITING_DETERMINERS:
            return True
    subject = head[-3:-2] if head[-2:-1] == ["had"] else head[-2:-1]
    if head[-1:] and head[-1] in _EARLIER_TEXT and subject in (["it"], ["we"]):
        near = [sents[si]] + ([sents[si - 1]] if si else [])
        return any(not _CORRECTING.isdisjoint(token_strings(s.doc)[s.start:s.end]) for s in near)
    return False


def _disowned(doc: Doc, sents: list[Span], si: int, seg: Span) -> bool:
    """'X denied reports that it had been placed in segment 5', 'Rumours that X is in segment 5 are
    false', 'We wrongly reported that X was in segment 4', 'It is not true that X is in segment 4',
    'There have been claims that X has been put into segment 5. That is not true.': a placement
    the sentence reports only to deny or correct it places nobody ('X confirmed reports that it
    had been placed in segment 4' still does)."""
    sent = sents[si]
    lower = token_strings(doc)
    before = [w for w in lower[sent.start:seg.start] if not w.isspace()]
    cut = max((k for k, w in enumerate(before) if w in _RESUMES), default=-1)
    before = before[cut + 1:]
    for k, word in enumerate(before):
        nxt = before[k + 1:k + 4]
        if word in _DENY_VERBS and (_REPORT_NOUNS.intersection(nxt) or nxt[:1] in (["that"], ["being"], ["it"])):
            return True  # 'denied reports that it ...', 'denies being in ...', 'rejected suggestions that ...'
        if word in _WRONGLY and _SAID.intersection(before[k + 1:k + 3]):
            return True  # 'we wrongly reported that ...', 'incorrectly said ...'
        if word in _CORRECTED and k and before[k - 1] in ("earlier", "previous", "original") \
                and _PUT_ABOUT.intersection(before[k + 1:]):
            return True  # 'an earlier version of this article said ...', '... incorrectly placed X in ...'
        if word in _PUT_ABOUT and _earlier_text_did(before[max(0, k - 6):k], sents, si):
            return True  # 'this article previously said ...', 'it originally stated that ...' in an update note
        if word == "that" and k and (before[k - 1] in ("untrue", "false") or (
                before[k - 1] in ("true", "correct", "case") and "not" in before[max(0, k - 4):k - 1])):
            return True  # 'it is not true that ...', 'it is untrue that ...' ('it is wrong that' is a view)
    opened = any(w in _REPORT_NOUNS and before[k + 1:k + 2] == ["that"] for k, w in enumerate(before))
    if not opened:
        return False
    after = [w for w in lower[seg.end:sent.end] if not w.isspace()]
    stop = next((k for k, w in enumerate(after) if w in _RESUMES), len(after))
    if _false_next(after[:stop]):
        return True  # 'rumours that X is in segment 5 are false'
    if si + 1 < len(sents):
        nxt = [w for w in lower[sents[si + 1].start:sents[si + 1].end] if not w.isspace()][:6]
        return nxt[:1] != [] and nxt[0] in _FALSE_OPENERS and _false_next(nxt)  # '... segment 5. That is not true.'
    return False


_TURNS = {"until", "till", "but", "when", "now", "since", "then", "before", "later"}
_MODALS = {"could", "may", "might", "would", "will", "should", "likely", "expected", "if", "unless"}


def _moved_on(doc: Doc, sent: Span, segs: list[Span], placed: list[Membership]) -> None:
    """'X was in segment 4 until March, when it moved to segment 3', 'X, previously in segment 4,
    is now in segment 3', 'X dropped into segment 4 last year but has since recovered to segment
    3': the sentence placed its organisations in the first segment, and a turn ('until', 'but',
    'now') then moves them on to the second: that is where they are, and the first where they
    came from. Nothing is done when another organisation is named between the two segments, or
    the move is a hope or a risk ('but could fall to segment 4')."""
    if len(segs) != 2 or not placed or any(m.segment is None or m.from_segment is not None for m in placed):
        return
    first, second = (segments_of(s) for s in segs)
    if len(first) != 1 or len(second) != 1 or first == second or any(m.segment != first[0] for m in placed):
        return
    a, b = segs
    if spans_in(doc, "orgs", a.end, b.start) or not places(b):
        return
    between = [w for w in token_strings(doc)[a.end:b.start] if not w.isspace()]
    if _TURNS.isdisjoint(between) or (HOPE_WORDS | NEGATIONS | _MODALS) & set(between):
        return
    lead = between[-4:]
    moving = (lead[-1:] in (["to"], ["into"]) and bool((PLACE_VERBS | {"recovered"}) & set(lead[:-1]))) \
        or lead[-2:] == ["now", "in"]
    if moving:
        for member in placed:
            member.segment, member.from_segment = second[0], first[0]


def _fold_prior(placed: list[Membership], prior: list[Span]) -> None:
    """Make the one earlier segment a sentence tells the segment its placements came from."""
    values = {v for seg in prior for v in segments_of(seg)}
    if len(values) != 1:
        return
    (value,) = values
    for member in placed:
        if member.from_segment is None and member.segment is not None and member.segment != value:
            member.from_segment = value


def _fold_earlier_states(result: DocResult, earlier: list[Membership]) -> None:
    """'X had been in segment 3. It now moves into segment 4' is one move, 3 → 4: an earlier state
    told beside a placement of the same organisation in another segment (in the sentence before
    or after) is where that placement came from, not a membership of its own. An earlier state
    told under the name of a body the organisation absorbed ('Before the merger, Southport and
    Ormskirk had been in segment 4') is that body's, not where its successor came from; one told
    under the name the successor's code carried before the merger ('St Helens and Knowsley had
    been in segment 2') is neither the successor's move nor a membership now, and is dropped."""
    for old in earlier:
        moves = [m for m in result.memberships if all(m is not e for e in earlier) and _same_org(m, old)
                 and m.segment is not None and m.segment != old.segment and m.from_segment is None
                 and abs(m.start - old.start) <= NEAR_CHARS]
        if not moves:
            continue
        forebear = _predecessor_named(old) if old.name != moves[0].name else None
        if forebear:
            old.ods_code = forebear
            continue
        if forebear == "":
            result.memberships = [m for m in result.memberships if m is not old]
            continue
        nearest = min(moves, key=lambda m: abs(m.start - old.start))
        nearest.from_segment = old.segment
        result.memberships = [m for m in result.memberships if m is not old]


def _predecessor_named(member: Membership) -> str | None:
    """Whether a record's written name names a body its code's organisation absorbed: the
    predecessor's code when the linker took the name to its successor (a short name of a
    merged trust resolves to the body that runs its hospitals now), '' when the name is one the
    code itself carried before a merger, else None."""
    if not member.ods_code:
        return None
    from ..gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    hits, _, _ = gazetteer.lookup(member.name)
    codes = {hit.code for hit in hits}
    if not codes:
        return None
    if member.ods_code in codes:
        kinds = {hit.kind for hit in hits if hit.code == member.ods_code}
        org = gazetteer.get(member.ods_code)
        merged = org is not None and bool(org.predecessors)
        return "" if merged and "former" in kinds and kinds <= {"former", "short"} else None
    forebears = [c for c in codes if _succeeded_by(gazetteer, c, member.ods_code)]
    return forebears[0] if len(forebears) == 1 else None


def _succeeded_by(gazetteer: Gazetteer, code: str, successor: str) -> bool:
    """Whether ``successor`` took over ``code``, directly or down a chain of mergers."""
    seen: set[str] = set()
    while code not in seen:
        seen.add(code)
        org = gazetteer.get(code)
        if org is None or len(org.successors) != 1:
            return False
        code = org.successors[0]
        if code == successor:
            return True
    return False


_APPOSITION_MARKS = {",", "–", "—", "-", "(", ":"}


def _restates(doc: Doc, segs: list[Span], seg: Span) -> bool:
    """'X sits in segment four under the oversight rules, the lowest tier for ...', 'X moves
    into NOF4 – the category for trusts in special measures': a segment in apposition to the one
    just named describes it; it is not a second placement. A segment alone in its sentence
    restates none. A segment named by its place, with its number in apposition after it ('the
    bottom segment, segment 4'), is the one restated: the number says which."""
    if len(segs) < 2:
        return False
    for other in segs:
        if other.end <= seg.start and seg.start - other.end <= 12 and _in_apposition(doc, other, seg):
            return not (_relative(other) and not _relative(seg))
        if seg.end <= other.start and other.start - seg.end <= 12 and _relative(seg) and not _relative(other) \
                and _in_apposition(doc, seg, other):
            return True  # 'the bottom segment, segment 4': the number after it says which
    return False


def _in_apposition(doc: Doc, first: Span, second: Span) -> bool:
    """Whether only apposition marks (and framework words) stand between two segments."""
    between = _clean_gap(doc, first.end, second.start)  # the marks have no case: their lower form is their text
    return not _APPOSITION_MARKS.isdisjoint(between) and all(
        w in _APPOSITION_MARKS or w in FRAMEWORK_WORDS or w == "of" for w in between)


def _relative(seg: Span) -> bool:
    """A segment named by its place among the others ('the bottom segment', 'the top tier'),
    whose number depends on how many segments the framework has."""
    return seg.id_.removeprefix("alias:").startswith(("top", "bottom"))


_CONDITIONS = {"if", "unless", "whether", "should"}


def _conditional(doc: Doc, sent: Span, start: int) -> bool:
    """'If X were placed in segment 4, ...': a clause opened by a condition places nobody."""
    return _clause_before_has(doc, sent, start, _CONDITIONS)


def _clause_before_has(doc: Doc, sent: Span, at: int, words: set[str] | frozenset[str]) -> bool:
    """Whether one of ``words`` stands in the clause before token ``at`` (back to a comma,
    semicolon or colon, or the sentence's start)."""
    lower = token_strings(doc)
    k = at - 1
    while k >= sent.start and lower[k] not in {",", ";", ":"}:
        if lower[k] in words:
            return True
        k -= 1
    return False


_WITH = {"and", "plus", "alongside", "along", "together", "with"}


def _after_company(doc: Doc, start: int, end: int) -> int:
    """Where the predicate starts after the company a subject keeps: 'X and three other trusts have
    been placed in segment 4', 'X, along with two others, is in segment 4' place X (the others are
    a count, named or not)."""
    k = start
    if k < end and doc[k].text == ",":
        k += 1
    opened = k
    while k < end and doc[k].lower_ in _WITH:
        k += 1
    if k == opened or k + 1 >= end or not isinstance(numbers.parse_cardinal(doc[k].text), int) \
            or doc[k + 1].lower_ not in {"other", "others"}:
        return start
    k += 2
    while k < end and k - opened < 8 and doc[k].is_alpha and doc[k].lower_ not in PLACE_VERBS:
        k += 1  # 'other health services', 'other acute trusts'
    return k + 1 if k < end and doc[k].text == "," else k


def _subject_frame(doc: Doc, sent: Span, seg: Span, orgs: list[Span]) -> tuple[list[Span], list[str]]:
    """The organisations a sentence's subject names for ``seg`` and the words from them to it
    ('X has been placed in segment 2', 'X, which runs ..., remains in segment 4'); none when
    something between them says it is not a placement (a negation, a condition, a count)."""
    relative = _has_relative(doc, sent)
    antecedent = _relative_subject(doc, sent, seg) if relative else None
    gathered = _relative_list(doc, sent, seg) if relative else None
    if gathered is not None:
        heads, gap = gathered
        return (heads, gap) if not NEGATIONS & set(gap) and len(gap) <= MAX_GAP else ([], [])
    if not orgs and antecedent is None:
        return [], []
    asides = [*_asides(doc, sent, orgs, seg.start), *_fronted_place(doc, sent, seg.start)]
    outside = [o for o in orgs if not any(a <= o.start < b for a, b in asides)]
    heads = [antecedent] if antecedent is not None else _subjects(doc, sent, outside, seg)
    if heads and "both" in _clean_gap(doc, heads[-1].end, seg.start):
        heads = [o for o in outside if o.end <= seg.start][-2:]  # 'X is 7th and Y 12th, both in segment 1'
    if not heads or _conditional(doc, sent, heads[0].start):
        return [], []
    gap, resume = _main_clause_gap(doc, _after_company(doc, heads[-1].end, seg.start), seg.start)
    gap, resume = _last_predicate(doc, gap, resume, seg.start)
    if _reported_of_segment(gap):
        return [], []
    plain = gap[:-len(_no_longer(gap))] if _no_longer(gap) else gap
    plain = [w for k, w in enumerate(plain) if not _not_a_break(plain, k)]
    if len(gap) > MAX_GAP or any(w in NEGATIONS or w in _CLAUSE_BREAKS for w in plain):
        return [], []
    counts = _quantity_tokens(doc, resume, seg.start)
    if _step(gap) is not None:  # 'dropped two segments to segment 4': the size of the move is no count
        counts -= {i for i in counts if _lower(doc, i + 1) in _STEP_NOUNS}
    if any(i in counts and _lower(doc, i + 1) not in _NON_COUNT_NEXT
           and "of" not in {_lower(doc, i - 1), _lower(doc, i - 2)} and _lower(doc, i - 1) not in _NOT_COUNT_BEFORE
           and not _joined_company(doc, i, seg.start) and not _is_year(doc[i].text) for i in range(resume, seg.start)):
        return [], []
    if gap and all(w in _LINE_MARKS or w in _SEGMENT_NAMERS for w in gap) and not _SEGMENT_NAMERS.issuperset(gap):
        gap = [*gap, "is"]  # 'North Bristol NHS Trust – segment 2', 'X – NOF segment 3': a list line places the trust
    if _places_something_else(gap) or (gap[:2] == ["out", "of"] and _lower(doc, heads[0].start - 1) in _KEEP_OUT_VERBS):
        return [], []  # 'the deficit keeps X out of segment 1': the object of a keeping verb was never in it
    return heads, gap


_JOINING = {"join", "joins", "joined", "joining"}
_COMPANY_NEXT = {"other", "others", "fellow", "more"}


def _joined_company(doc: Doc, i: int, end: int) -> bool:
    """'X joined 11 other providers in segment 4', 'joins twenty others in the RSP': a count right
    after a joining verb and before 'other(s)' is the company the subject joins, not a count the
    sentence claims for the segment (the joiner is placed; claims read the number on their own).
    Only the others' kind and 'already'/'currently' may stand between them and the segment's 'in'
    ('joined 11 other trusts in a review of segment 4' places nobody)."""
    if _lower(doc, i - 1) not in _JOINING or _lower(doc, i + 1) not in _COMPANY_NEXT:
        return False
    rest = _clean_gap(doc, i + 2, end)
    while rest and rest[-1] in FRAMEWORK_WORDS:
        rest.pop()
    return rest[-1:] == ["in"] and all(w in _COMPANY_WORDS for w in rest[:-1])


def _not_a_break(words: list[str], k: int) -> bool:
    """A clause-break word that opens no clause here: 'identified as', 'the system as a whole
    remains', 'has since been placed back' (an adverb after the auxiliary)."""
    word = words[k]
    if word == "as":
        return (k > 0 and words[k - 1] in PLACE_VERBS) or words[k + 1:k + 3] in (["a", "whole"], ["a", "group"])
    return word == "since" and k > 0 and words[k - 1] in _PERFECT_AUX and words[k + 1:k + 2] == ["been"]


_PERFECT_AUX = {"has", "have", "had"}
_PEOPLE_AT = {"colleagues", "partners", "friends", "counterparts", "neighbours", "neighbors", "peers"}


def _people_at(doc: Doc, sent: Span, first: int, limit: int) -> list[Span]:
    """'Our colleagues at X remain in segment 4', 'Our partners at X are ...': the people of a body
    opening the sentence stand for the body ('at' otherwise governs a name as a place)."""
    lower = token_strings(doc)
    toks = words_in(doc, first, min(limit, first + 6))
    if len(toks) < 3 or lower[toks[1]] not in _PEOPLE_AT or lower[toks[2]] not in ("at", "from"):
        return []
    return [o for o in subjects.mentions(doc, sent) if o.start == toks[2] + 1 and o.end <= limit][:1]
_REPORTED_SUBJECTS = {"it", "we", "they", "itself"}
_POSSESSED = {"its", "our", "their"}
_HELD_PLACES = {"position", "place", "status", "standing", "membership", "spot"}


def _reported_of_segment(gap: list[str]) -> bool:
    """'X has warned that segment 4 status would hurt recruitment', 'X warned the board that a move
    into segment 4 was possible', 'X said a place in segment 4 could ...': what the subject says or
    fears is about the segment, which places nobody; 'X said it had been placed in segment 4', 'X
    told staff that the trust is in segment 3' still place it (its own 'it' or 'the trust' comes
    before any placing word of the clause said)."""
    at = next((k for k, w in enumerate(gap) if w in REPORT_VERBS), None)
    if at is None:
        return False
    rest = gap[at + 1:]
    if "that" in rest:
        rest = rest[rest.index("that") + 1:]  # 'warned the board that ...': the board is spoken to
    elif rest[:1] and rest[0] in PLACE_VERBS and rest[0] not in _FRAME_PREPS:
        return False  # 'X, which NHS England says is in segment 4': the verb said has the subject's own
    for k, word in enumerate(rest):
        if word in _POSSESSED and rest[k + 1:k + 2] and rest[k + 1] in _HELD_PLACES:
            return False  # 'X reports that its position in segment 2 is secure'
        if word in _REPORTED_SUBJECTS or (word == "the" and rest[k + 1:k + 2] and rest[k + 1] in _STAND_IN_NOUNS):
            return False
        if word in PLACE_VERBS or word in LEAVE_VERBS or word in REMOVE_VERBS:
            return True
    return True


_LINE_MARKS = {"–", "-", "—", ":", "|", "(", "=", "in"}
_SEGMENT_NAMERS = {"nof", "sof", "oversight", "framework", "nhs"}  # words naming the segment's regime
_RELATIVE_WORDS = frozenset({"which", "who", "that"})


def _has_relative(doc: Doc, sent: Span) -> bool:
    """Whether ``sent`` holds a word that opens a relative clause. :func:`_relative_subject` finds
    nothing without a 'which' or 'who', :func:`_relative_list` nothing without one of these three,
    and most sentences have none: asked once per sentence, not walked back from every segment."""
    cache = doc_cache(doc, "members")
    key = ("relative", sent.start, sent.end)
    found = cache.get(key)
    if found is None:
        found = cache[key] = not _RELATIVE_WORDS.isdisjoint(token_strings(doc)[sent.start:sent.end])
    return found


_MOVE_FILLER = {"up", "down", "back", "straight", "directly", "segment", "level", "notch", "step", "place", "one"}


def _places_something_else(gap: list[str]) -> bool:
    """'NHS England said it is putting struggling trusts into segment 4': an active placing verb
    with an object of its own makes the subject the one who places, not the one placed."""
    last = max((k for k, w in enumerate(gap) if w in active_placers()), default=-1)
    if last < 0:
        return False
    filler = _FILLER
    rest = gap[last + 1:]
    rest = rest[:rest.index(",")] if "," in rest else rest  # 'was placed joint 124th, also in segment 4'
    ranked = next((k for k, w in enumerate(rest) if numbers.parse_ordinal(w)), None)
    if ranked is not None:  # 'was placed 54th of the 134 acute trusts in segment 3': the league, not an object
        rest = [w for k, w in enumerate(rest) if k <= ranked or not (w in _LEAGUE_WORDS or w.isdigit())]
    return any(w not in filler and w != "joint" and not numbers.parse_ordinal(w) for w in rest)


_LEAGUE_WORDS = {"of", "out", "among", "amongst", "the", "all", "england's", "acute", "non-acute", "ambulance",
                 "trusts", "mental", "health", "community", "specialist", "providers", "and", "nhs", "in", "league",
                 "table"}


_GROUP_NOUNS = {"trusts", "systems", "icbs", "icss", "organisations", "organizations", "providers", "boards",
                "hospitals"}


def _relative_list(doc: Doc, sent: Span, seg: Span) -> tuple[list[Span], list[str]] | None:
    """'... our thanks to X, Y and Z trusts which have now left special measures': the
    organisations a type word gathers are the subject of its relative clause, whatever governs
    them. Names the linker missed in the list are kept as the list splits them."""
    lower = token_strings(doc)
    k = seg.start - 1
    while k > sent.start + 1 and lower[k] not in {"which", "that", "who"}:
        if lower[k] in {",", ";", ":", "(", "–", "—"}:
            return None
        k -= 1
    noun = k - 1
    if k <= sent.start + 1 or lower[noun] not in _GROUP_NOUNS:
        return None
    named = sorted(spans_in(doc, "orgs", sent.start, noun), key=lambda o: o.start)
    rest = span_text(doc[named[-1].end:noun]).strip().lower() if named else "-"
    if rest and not rest.startswith((",", "and ", "&")):
        return None  # the list runs up to its type word: 'X, Y and Z trusts which ...'

    chain = _coordinated(doc, named[-1], named)
    by_start = {o.start_char: o for o in chain}
    heads = []
    for item in split_names(doc[chain[0].start:noun], chain):
        org = by_start.get(item.start)
        span = doc.char_span(item.start, item.end, alignment_mode="expand")
        if span is not None:
            heads.append(org or Span(doc, span.start, span.end, label="", span_id=""))
    return heads, [t.lower_ for t in doc[k + 1:seg.start] if not t.is_space]


# Words naming the framework or the kind of regime (or opening a quote) between a preposition and its
# segment ('lifted from segmentation 4 of NHS England's Oversight Framework', 'into the NHS Oversight
# Framework (NOF) Segment 4', 'came out of quality special measures').
FRAMEWORK_WORDS = {"the", "nhs", "england", "nhse", "nhsi", "improvement", "'s", "’s", "oversight", "framework",
                    "national", "new", "its", "their", "system", "single", "assurance", "and", "&", "(", ")", "nof",
                    "sof", "segmentation", "a", "quality", "clinical", "‘", "“", "'", "\""}
_FRAME_PREPS = {"to", "into", "in", "from", "out", "of", "off", "back", "under"}
_FRAME_SKIP = {"now", "also", "formally", "therefore", "already", "recently", "officially", "then", "again", "the",
               "both"}
# what may follow an active placing verb's object before the segment ('placed X back into the NHS segment 4')
_FILLER = frozenset(_FRAME_PREPS | FRAMEWORK_WORDS | _FRAME_SKIP | _MOVE_FILLER)


def before_preposition(doc: Doc, sent: Span, seg: Span) -> int | None:
    """The token before the preposition that leads to ``seg`` across the framework's name ('placed X
    | into the NHS Oversight Framework (NOF) | Segment 4'), or None when no preposition does."""
    lower = token_strings(doc)
    k = seg.start - 1
    while k > sent.start and lower[k] in FRAMEWORK_WORDS:
        k -= 1
    prep_end = k + 1
    while k > sent.start and lower[k] in _FRAME_PREPS:
        k -= 1
    return k if k + 1 < prep_end else None


def _active_frame(doc: Doc, sent: Span, seg: Span, k: int | None, orgs: list[Span], antecedent: Antecedent,
                  stand_ins: dict[tuple[int, int], str]) -> tuple[list[Span], list[str]] | None:
    """'NHS England has allocated X and Y to segment 4', 'the regulator then took it out of special
    measures', '..., placing it in Segment 2': the objects of an active placing verb, and the
    words from the verb to the segment ('it' is the organisation the sentence, or else the one
    before, is about). ``k`` is :func:`before_preposition` of ``seg``."""
    lower = token_strings(doc)
    if k is not None and lower[k] == "and":
        k = _object_before_complement(doc, sent, k, orgs)
    if k is None:
        return None
    k = _before_step(doc, sent, k)
    last = next((o for o in orgs if o.end == k + 1), None)
    objects = _coordinated(doc, last, orgs) if last is not None else []
    start = objects[0].start if objects else k
    j = start - 1
    while j >= sent.start and lower[j] in _FRAME_SKIP:
        j -= 1
    if j < sent.start or lower[j] not in active_placers():
        return None
    if not objects:
        if lower[k] != "it":
            return None
        before = [o for o in orgs if o.end <= j]
        referent = before[0] if before else _first_candidate(doc, antecedent)
        if referent is None:
            return None
        stand_ins[(k, k + 1)] = stand_ins.get((referent.start, referent.end), referent.text)
        objects = [Span(doc, k, k + 1, label=referent.label_, span_id=referent.id_)]
    return objects, [lower[j], *_clean_gap(doc, objects[-1].end, seg.start)]


def _before_step(doc: Doc, sent: Span, k: int) -> int:
    """'moved X up a segment | to segment 2': the token before a move's size and direction that
    ends at ``k`` (``k`` itself when there is none)."""
    lower = token_strings(doc)
    j = k
    while j > sent.start and (lower[j] in _STEP_BETWEEN or lower[j].isspace()):
        j -= 1
    if lower[j] not in _STEP_NOUNS or lower[j - 1] not in _STEP_SIZES:
        return k
    j -= 2
    while j > sent.start and lower[j] in {"up", "down", "by"}:
        j -= 1
    return j


def _object_before_complement(doc: Doc, sent: Span, and_at: int, orgs: list[Span]) -> int | None:
    """'put X 97th overall and into segment 4', 'moved it out of segment 4 and into
    segment 3': the object's last token, when a first complement stands between it and 'and'."""
    ends = {o.end - 1 for o in orgs}
    for k in range(and_at - 1, max(sent.start, and_at - 10) - 1, -1):
        word = doc[k].lower_
        if k in ends or word == "it":
            return k
        if doc[k].text in {",", ";", ":"} or (word in PLACE_VERBS and word not in _FRAME_PREPS):
            return None
    return None


_STILL_THERE = {"in", "be", "part", "of", "under", "subject", "to", "within", "member"} | FRAMEWORK_WORDS
# 'no longer requires intensive support through the RSP': needing a programme's support is being in it
_NEEDING = {"requires", "require", "needs", "need", "receives", "receive", "receiving", "gets", "get"}
_SUPPORT_FROM = {"through", "from", "via"}
_SUPPORT_WORDS = {"intensive", "mandated", "national", "support"} | _SUPPORT_FROM


def _support_through(rest: list[str]) -> bool:
    """'requires intensive support through the', 'needs support from': the support of the programme
    named next; 'receive mandated support' alone names a kind of support, not a programme left."""
    words = [w for w in rest if w != "the"]
    return len(words) >= 3 and words[0] in _NEEDING and "support" in words and words[-1] in _SUPPORT_FROM \
        and set(words[1:]) <= _SUPPORT_WORDS


def _no_longer(gap: list[str]) -> list[str]:
    """The closing 'no longer in' ('is no longer in special measures', 'will no longer be part of
    the RSP', 'no longer requires intensive support through the RSP'): words that say the
    organisation left; 'no longer receives ...' with anything else between says nothing."""
    for k in range(len(gap) - 1):
        if gap[k:k + 2] != ["no", "longer"]:
            continue
        rest = gap[k + 2:]
        if set(rest) <= _STILL_THERE or _support_through(rest):
            return gap[k:]
    return []


_SEGMENT_NOUNS = {"trust", "trusts", "icb", "icbs", "provider", "providers", "system", "systems", "organisation"}
_AT = {"at", "for", "on"}
_AUXILIARIES = {"has", "have", "had", "was", "were", "is", "are", "been", "being", "be", "now", "finally"}


def _segment_first(doc: Doc, sent: Span, seg: Span) -> tuple[list[Span], list[str]] | None:
    """Frames that name the segment before the organisation: 'segment 4 trust X' (in), and a
    segment lifted from it ('NHS Improvement lifted special measures at X', 'Special measures
    have been lifted at X': left).

    The bodies named after the segment are the sentence's mentions (linked organisations, then
    resolved self-references, each in order) starting at or after its end: the same spans, in the
    same order, as ``spans_in`` of each key from the segment's end to the sentence's."""
    named = {o.start: o for o in subjects.mentions(doc, sent) if o.start >= seg.end and o.id_}
    if not named:
        return None  # both frames place an organisation named after the segment
    lower = token_strings(doc)  # a comma has no case: its lower form is its text
    after = words_in(doc, seg.end, min(sent.end, seg.end + 6))
    if len(after) >= 2 and lower[after[0]] in _SEGMENT_NOUNS:
        if after[1] in named:
            return [named[after[1]]], ["is", "in"]
        # 'As a segment 3 organisation, the Trust receives ...': the body the opening describes
        if lower[after[1]] == "," and len(after) >= 3 and after[2] in named and _opens_as_a(doc, sent, seg):
            return [named[after[2]]], ["is", "in"]
    before = lower[seg.start - 2] if seg.start - 2 >= sent.start and lower[seg.start - 1] == "the" \
        else lower[seg.start - 1] if seg.start > sent.start else ""
    words = [lower[i] for i in after]
    at = next((k for k, w in enumerate(words) if w in _AT), None)
    if at is None or after[at] + 1 not in named:
        return None
    between = set(words[:at])
    passive = bool(between & REMOVE_VERBS) and between <= _AUXILIARIES | REMOVE_VERBS
    if before not in REMOVE_VERBS and not passive:
        return None
    return [named[after[at] + 1]], ["removed", "from"]


_POSSESSIVE_MARKS = {"'s", "’s", "'", "’"}


def _body_ending_at(doc: Doc, sent: Span, end: int) -> Span | None:
    """The linked organisation or resolved self-reference of ``sent`` that ends at token ``end``
    (within the sentence): the first of the sentence's mentions, which hold the organisations
    before the self-references as ``spans_in`` of each key gives them."""
    return next((o for o in subjects.mentions(doc, sent) if o.end == end and o.id_), None)


def _opens_as_a(doc: Doc, sent: Span, seg: Span) -> bool:
    """Whether the sentence opens 'As a' (or 'As an') right before the segment."""
    words = [w for w in token_strings(doc)[sent.start:seg.start] if not w.isspace()]
    return words in (["as", "a"], ["as", "an"])


def _apposition_frame(doc: Doc, sent: Span, seg: Span) -> tuple[list[Span], list[str]] | None:
    """'Medway NHS Foundation Trust, a segment 3 trust, ...', 'the Trust (a segment 2
    provider)': the body that the segment's noun phrase stands beside."""
    lower = token_strings(doc)
    k = seg.start - 1
    while k > sent.start and lower[k] in ("sof", "nof"):  # 'an SOF segment 1 trust'
        k -= 1
    if k - 1 <= sent.start or lower[k] not in ("a", "an") or lower[k - 1] not in (",", "(", "–", "—", "-"):
        return None
    if seg.end >= sent.end or lower[seg.end] not in _SEGMENT_NOUNS:
        return None
    owner = _body_ending_at(doc, sent, k - 1)
    return ([owner], ["is", "in"]) if owner is not None else None


def _possessive_frame(doc: Doc, sent: Span, seg: Span, k: int | None, antecedent: Antecedent,
                      stand_ins: dict[tuple[int, int], str]) -> tuple[list[Span], list[str]] | None:
    """'NHS England confirmed X's exit from the Recovery Support Programme', 'the regional team setting
    out the trust's formal transition to SOF 3': the organisation whose move a noun names. ``k`` is
    :func:`before_preposition` of ``seg``."""
    if k is None or k < sent.start + 2 or token_strings(doc)[k] not in placement_nouns() \
            or doc[k - 1].text not in _POSSESSIVE_MARKS:
        return None
    owner = _body_ending_at(doc, sent, k - 1)
    if owner is None and doc[k - 2].lower_ in _STAND_IN_NOUNS and doc[k - 3].lower_ == "the":
        owner = _inner_stand_in(doc, sent, k - 1, antecedent, stand_ins)
    if owner is None:
        return None
    return [owner], [doc[k].lower_, *(t.lower_ for t in doc[k + 1:seg.start] if not t.is_space)]


_HELD_NOUNS = {"segment", "segmentation", "rating", "categorisation", "categorization"}
_HELD_MODIFIERS = {"current", "latest", "new", "overall", "nof", "sof", "oversight", "framework", "nhs", "system",
                   "single"}
_HELD_VERBS = {"is", "remains", "was", "stays", "remained", "stayed", "becomes", "became"}


def _held_segment_frame(doc: Doc, sent: Span, seg: Span) -> tuple[list[Span], list[str]] | None:
    """'The Trust's current segment is segment 3', 'Medway's NOF segmentation remains at segment
    2', 'our oversight rating is segment 2': the body whose own segment the sentence gives."""
    lower = token_strings(doc)
    k = seg.start - 1
    if k > sent.start and lower[k] in ("at", "in"):
        k -= 1
    if k <= sent.start or lower[k] not in _HELD_VERBS:
        return None
    verb, k = lower[k], k - 1
    if k < sent.start or lower[k] not in _HELD_NOUNS:
        return None
    k -= 1
    while k >= sent.start and lower[k] in _HELD_MODIFIERS:
        k -= 1
    if k >= sent.start and lower[k] in _POSSESSIVE_MARKS:
        k -= 1
    owner = _body_ending_at(doc, sent, k + 1)
    if owner is not None and lower[owner.start] != "our" and lower[owner.end] not in _POSSESSIVE_MARKS:
        owner = None  # 'The average segment is ...': no possessive, no body of its own
    if owner is None:
        return None
    return [owner], ["remains" if verb in ("remains", "remained", "stays", "stayed") else "is", "in"]


_FOR_NOUNS = {"segment", "segmentation"}  # a body's segment named with 'for' or 'of' after it
_FOR_RATINGS = {"rating", "category", "categorisation", "categorization"}  # the same, after a framework word
_OPENING_NOUNS = frozenset(_FOR_NOUNS | _FOR_RATINGS)
_RATING_NAMERS = {"oversight", "nof", "sof", "segment", "segmentation", "framework"}
_FOR_LEADS = _HELD_MODIFIERS | {"the"}
_VALUE_VERBS = {"is", "remains", "was", "stays", "remained", "stayed", "becomes", "became"}
_VALUE_SKIP = {"now", "currently", "still", "also", "at", "in", "has", "have", "had", "been"}
_MOVE_VALUE_VERBS = {"moved", "changed", "improved", "gone", "went", "shifted", "risen", "rose", "fallen", "fell",
                     "dropped", "slipped", "climbed"}
_AFTER_VALUE = {"in", "under", "from", "for", "at", "as", "since", "after", "following", "and", "this", "last",
                "on", "of", "according", "by"}


def _read_segment_for(doc: Doc, result: DocResult, skip: list[tuple[int, int]] | None) -> None:
    """'The NHS Oversight Framework segment for X is segment 2', 'The oversight segment for X is 3',
    'The segmentation of X has moved from 3 to 2': a sentence opening with a body's segment named
    through 'for' or 'of', and its value after a copula (or a move from one value to another).
    The bare number needs no segment span, so these sentences are found by their words."""
    lower = token_strings(doc)
    if _FOR_NOUNS.isdisjoint(lower) and _FOR_RATINGS.isdisjoint(lower):
        return  # most documents: no noun that can open the frame
    framework, period = doc_value(doc, "framework"), doc_value(doc, "period")
    for sent in sentences(doc):
        if _OPENING_NOUNS.isdisjoint(lower[sent.start:sent.start + 12]):
            continue  # most sentences: the frame's noun is not among their first words
        if skip and any(a <= sent.start_char < b for a, b in skip):
            continue
        found = _segment_for(doc, sent)
        if found is None:
            continue
        org, segment, from_segment = found
        text = span_text(sent).strip()
        start = doc_text(doc).find(text, sent.start_char)
        result.memberships.append(Membership(
            name=org.text, ods_code=org.id_, segment=segment, from_segment=from_segment, org_type=org.label_,
            framework=framework, period=period, text=text, start=start, end=start + len(text)))


def _segment_for(doc: Doc, sent: Span) -> tuple[Span, int, int | None] | None:
    """(body, segment, segment left) of a sentence of :func:`_read_segment_for`'s frame."""
    lower = token_strings(doc)
    words = words_in(doc, sent.start, min(sent.end, sent.start + 12))  # the frame opens the sentence
    head = next((n for n, i in enumerate(words[:8]) if lower[i] not in _FOR_LEADS), None)
    if head is None or head + 1 >= len(words) or lower[words[head + 1]] not in {"for", "of"}:
        return None
    noun = lower[words[head]]
    if noun not in _FOR_NOUNS and not (noun in _FOR_RATINGS and head and lower[words[head - 1]] in _RATING_NAMERS):
        return None
    org = next((o for o in subjects.mentions(doc, sent) if o.start == words[head + 1] + 1 and o.id_), None)
    if org is None:
        return None
    rest = words_in(doc, org.end, sent.end)
    k = 0
    while k < len(rest) and lower[rest[k]] in _VALUE_SKIP:
        k += 1
    if k >= len(rest) or (lower[rest[k]] not in _VALUE_VERBS and lower[rest[k]] not in _MOVE_VALUE_VERBS):
        return None
    moving = lower[rest[k]] in _MOVE_VALUE_VERBS
    k += 1
    while k < len(rest) and lower[rest[k]] in _VALUE_SKIP:
        k += 1
    if moving and k < len(rest) and lower[rest[k]] in {"to", "into"}:
        k += 1  # 'has improved to 2': where it went
    elif moving and (k >= len(rest) or lower[rest[k]] != "from"):
        return None  # 'has changed 3 times'
    values = _values_from(doc, sent, rest[k:])
    return (org, *values) if values is not None else None


def _values_from(doc: Doc, sent: Span, toks: list[int]) -> tuple[int, int | None] | None:
    """'segment 2', '3', 'from 3 to 2', 'from segment 3 to segment 2' at the head of ``toks``:
    (segment, segment left); None when the number is a count or a score ('3 weeks', '3.5')."""
    lower = token_strings(doc)
    if toks and lower[toks[0]] == "from":
        span = _span_at(doc, sent, toks[1:])
        pair = _move_within(span) if span is not None else None
        if pair is not None:  # 'from segment 3 to segment 2' matched as one span
            return (pair[1], pair[0]) if pair[0] != pair[1] else None
        first = _value_at(doc, sent, toks[1:])
        if first is None:
            return None
        value, used = first
        rest = toks[1 + used:]
        if not rest or lower[rest[0]] not in {"to", "into"}:
            return None
        second = _value_at(doc, sent, rest[1:])
        return (second[0], value) if second is not None and second[0] != value else None
    found = _value_at(doc, sent, toks)
    return (found[0], None) if found is not None else None


def _value_at(doc: Doc, sent: Span, toks: list[int]) -> tuple[int, int] | None:
    """The one segment named at the head of ``toks`` (a segment span starting there, or a bare
    number 1-5 followed by no noun) and how many of ``toks`` it takes."""
    lower = token_strings(doc)
    quoted = bool(toks) and lower[toks[0]] in _QUOTES
    toks = toks[1:] if quoted else toks
    if not toks:
        return None
    span = _span_at(doc, sent, toks)
    if span is not None:
        named = segments_of(span) if places(span) else ()
        return (named[0], quoted + len([i for i in toks if i < span.end])) if len(named) == 1 else None
    value = numbers.parse_cardinal(doc[toks[0]].text)
    if not isinstance(value, int) or not 1 <= value <= 5 or doc[toks[0]].like_num is False:
        return None
    if quoted and len(toks) > 1 and lower[toks[1]] in _QUOTES:
        toks = toks[1:]
    nxt = lower[toks[1]] if len(toks) > 1 else ""
    if nxt and doc[toks[1]].is_alpha and nxt not in _AFTER_VALUE | {"to", "into"}:
        return None  # '3 weeks', 'two trusts'
    if nxt in {".", ","} and len(toks) > 2 and lower[toks[2]].isdigit():
        return None  # '3.5', '3,000'
    return value, 1 + quoted


def _span_at(doc: Doc, sent: Span, toks: list[int]) -> Span | None:
    """The segment span starting at the first of ``toks``, if any."""
    if not toks:
        return None
    return next((s for s in spans_in(doc, "segments", toks[0], sent.end) if s.start == toks[0]), None)


_QUOTES = {"'", "\"", "“", "”", "‘", "’"}


def _with_frame(doc: Doc, sent: Span, seg: Span) -> tuple[list[Span], list[str]] | None:
    """'X remains in segment 3, with Y in segment 1': the body after 'with', in the segment
    right after it."""
    lower = token_strings(doc)
    for org in subjects.mentions(doc, sent):
        if org.id_ and org.start > sent.start and lower[org.start - 1] == "with" and org.end < seg.start \
                and _clean_gap(doc, org.end, seg.start) in (["in"], ["now", "in"], ["still", "in"], ["at"]):
            return [org], ["is", "in"]
    return None


def _fronted_frame(doc: Doc, sent: Span, seg: Span, orgs: list[Span]) -> tuple[list[Span], list[str]] | None:
    """'Now in segment 2, X is aiming for segment 1', 'Having moved into segment 2 in April, X ...',
    'Placed in segment 4 last month, X ...': a participle phrase opening the sentence places the
    body named right after the comma that closes it."""
    gap = _clean_gap(doc, sent.start, seg.start)
    if not gap or gap[0] not in _FRONT_OPENERS or not _FRONT_WORDS.issuperset(gap):
        return None
    after = subjects.names_after_opening(doc, sent, seg.end, orgs)
    return ([after[0]], gap) if after else None


_FRONT_OPENERS = {"now", "having", "placed", "moved", "put", "newly", "recently", "still", "already", "currently",
                  "just", "entering", "joining", "leaving", "exiting", "remaining", "escalated", "downgraded",
                  "upgraded", "de-escalated"}
_FRONT_WORDS = _FRONT_OPENERS | {"been", "in", "into", "to", "up", "down", "out", "of", "from", "only", "back"}


def _held_value_frame(doc: Doc, sent: Span, seg: Span) -> tuple[list[Span], list[str]] | None:
    """A segment given as the value of a body's segment ('held' patterns): 'X's NOF segment is
    2', 'our oversight segment has improved to 2', 'X's segmentation moved from 3 to 2', 'X has an
    NHS Oversight Framework segment of 3': the body, and the words that place it (a move when
    the value goes from one segment to another)."""
    lower = token_strings(doc)
    k = seg.start - 1
    while k >= sent.start and (lower[k] in _HELD_MODIFIERS or lower[k].isspace()):
        k -= 1
    if k < sent.start:  # a line of its own ('Oversight segment: 3') on a body's own paper
        owner = subjects.publisher(doc) if not subjects.mentions(doc, sent) else None
        return ([owner], ["is", "in"]) if owner is not None and "from" not in lower[seg.start:seg.end] else None
    owner = None
    if lower[k] in _POSSESSIVE_MARKS:
        owner = _body_ending_at(doc, sent, k)
    elif lower[k] == "our":
        owner = _body_ending_at(doc, sent, k + 1)
    elif lower[k] == "its" and k - 1 > sent.start and doc[k - 1].is_alpha:
        owner = _subject_before(doc, sent, k - 1)  # 'X (XY) has improved its oversight segment from 3 to 2'
    elif lower[k] in ("a", "an"):  # 'X (currently) holds a segmentation of 2'
        j = k - 1
        while j >= sent.start and lower[j] in _HELD_ADVERBS:
            j -= 1
        if j >= sent.start and lower[j] in _HELD_OWNER_VERBS:
            owner = _subject_before(doc, sent, j)
    if owner is None:
        return None
    return [owner], (["moved", "from"] if "from" in lower[seg.start:seg.end] else ["is", "in"])


def _subject_before(doc: Doc, sent: Span, verb: int) -> Span | None:
    """The body named right before the verb at ``verb`` and its auxiliaries ('X has seen', 'X
    (XY) has improved'), or after a bracketed short name."""
    lower = token_strings(doc)
    j = verb - 1
    while j > sent.start and (lower[j] in _BEFORE_VERB or lower[j].isspace()):
        j -= 1
    if j <= sent.start:
        return None
    if lower[j] == ")":
        opening = next((i for i in range(j - 1, max(sent.start, j - 6), -1) if lower[i] == "("), None)
        return _body_ending_at(doc, sent, j + 1) or (_body_ending_at(doc, sent, opening) if opening else None)
    return _body_ending_at(doc, sent, j + 1)


_STATUS_NOUNS = {"rating", "status", "designation", "classification", "categorisation", "categorization", "grading"}
# 'NHS England gave X a segment 3 rating': the verbs whose first object is the body rated
_GIVING_VERBS = {"given", "gave", "give", "gives", "giving", "awarded", "award", "awards", "awarding", "granted",
                 "grant", "grants", "granting", "handed", "assigned", "allocated"}
# 'X holds segment 2 status', 'X was given a segment 3 rating': the verbs whose subject is the body rated
_HOLDING_VERBS = {"holds", "held", "hold", "retains", "retained", "keeps", "kept", "maintains", "maintained",
                  "receives", "received", "achieved", "achieves", "earned", "earns", "gained", "gains", "secured",
                  "secures", "got", "gets", "carries", "carried", "has", "had", "given", "awarded", "granted",
                  "assigned", "handed"}
_NOT_SO = NEGATIONS | HOPE_WORDS | _MODALS | _CONDITIONS | {"to", "be"}


def _status_frame(doc: Doc, sent: Span, seg: Span, orgs: list[Span]) -> tuple[list[Span], list[str]] | None:
    """A segment given as a rating or a status: 'NHS England has given X a segment 3 rating', 'the
    regulator awarded X and Y segment 1 status' (the objects of a giving verb), 'X holds segment 2
    status', 'X has been given a segment 3 rating' (the subject of a holding verb). Nothing when a
    negation, a condition, a hope or a modal comes before the verb ('could be given a segment 4
    rating', 'hopes to be awarded segment 1 status')."""
    lower = token_strings(doc)
    after = words_in(doc, seg.end, min(sent.end, seg.end + 3))
    if not after or lower[after[0]] not in _STATUS_NOUNS:
        return None  # most segments: no rating or status noun after them
    k = seg.start - 1
    while k > sent.start and (lower[k] in FRAMEWORK_WORDS or lower[k] == "an" or lower[k].isspace()) \
            and _body_ending_at(doc, sent, k + 1) is None:
        k -= 1
    if k <= sent.start:
        return None
    last = next((o for o in orgs if o.end == k + 1), None)
    if last is not None:
        objects = _coordinated(doc, last, orgs)
        verb = objects[0].start - 1
        while verb > sent.start and lower[verb] in _FRAME_SKIP:
            verb -= 1
        if lower[verb] not in _GIVING_VERBS or _said_otherwise(doc, sent, verb):
            return None
        return objects, ["is", "in"]
    if lower[k] not in _HOLDING_VERBS or _said_otherwise(doc, sent, k):
        return None
    owner = _subject_before(doc, sent, k)
    return ([owner], ["is", "in"]) if owner is not None else None


def _said_otherwise(doc: Doc, sent: Span, verb: int) -> bool:
    """Whether the words of the clause before ``verb`` deny, hope for or only foresee what it
    says ('has not given', 'is expected to give', 'if NHS England gives')."""
    return _clause_before_has(doc, sent, verb, _NOT_SO)


_BEFORE_VERB = {"has", "have", "had", "now", "also", "recently", "finally", "just", "already", "since", "today",
                "currently", "still", "was", "were", "is", "are", "been", "being"}
_HELD_ADVERBS = {"now", "currently", "still", "also", "already"}
_HELD_OWNER_VERBS = {"has", "have", "had", "holds", "held", "received", "receives", "retains", "retained", "keeps",
                     "kept", "maintains", "maintained"}


_NOT_WHERE = {"about", "regarding", "concerning", "over", "than", "like", "unlike", "with", "beyond", "for", "on",
              "towards", "toward", "versus"}


def placement(doc: Doc, segs: list[Span], seg: Span, gap: list[str]) -> tuple[int | None, int | None] | None:
    """(segment, from_segment) that the words ``gap`` before ``seg`` say, or None if they place nothing:
    'is in' → (seg, None); 'exited', 'was removed from', 'is no longer in' → (None, seg);
    'was shifted out of segment 4 and up to segment 3' → (3, 4). An aim or a risk moves nothing: 'hopes to move
    into segment 2' places nobody, 'aims to exit the RSP' and 'expects to remain in segment 4' leave the
    organisation where it is."""
    if HOPE_WORDS & set(gap):
        stays = placement(doc, segs, seg, [w for w in gap if w not in HOPE_WORDS])
        if stays and stays[0] is None and stays[1] is not None:
            return stays[1], None
        return stays if stays and stays[1] is None and STAY_VERBS.intersection(gap) else None
    if _lost_its(gap):
        named = segments_of(seg)
        return (None, named[0]) if len(named) == 1 else None
    tail = list(gap)
    while tail and tail[-1] in FRAMEWORK_WORDS:
        tail.pop()
    if tail[-1:] and tail[-1] in _NOT_WHERE and not (tail[-1] == "for" and tail[-2:-1] == ["recommended"]):
        return None  # 'in talks about segment 4', 'better than segment 3': the segment is only mentioned
    if _kept_out(tail):
        return None  # 'the override keeps X out of segment 1', 'X stayed out of segment 4': never in it
    if tail[-1:] == ["in"] and len(tail) > 1 and tail[-2] in _GROUP_NOUNS and not _one_of_them(tail[:-2]):
        return None  # 'an editorial about hospitals in special measures': the segment is theirs, not the body's
    out_of = tail[-2:] == ["out", "of"] or tail[-1:] in (["from"], ["off"])
    last_leave = max((k for k, w in enumerate(gap) if w in LEAVE_VERBS or (w in REMOVE_VERBS and out_of)), default=-1)
    last_place = max((k for k, w in enumerate(gap) if w in PLACE_VERBS and k > last_leave + 3), default=-1)
    leaving = (last_leave >= 0 and last_place < 0) or tail[-2:] == ["out", "of"] or bool(_no_longer(gap))
    if not leaving and last_place < 0 and not any(w in PLACE_VERBS for w in gap):
        return None
    pair = _move_within(seg)
    if tail[-1:] == ["from"] and pair is not None:
        return pair[1], pair[0]
    named = segments_of(seg)
    if tail[-1:] == ["from"]:
        target = _next_target(doc, segs, seg)
        if target is not None:
            return target, named[0]
        return (None, named[0]) if leaving else None
    if leaving:
        return None, named[0]
    if len(named) != 1 or _follows_to(doc, segs, seg):
        return None
    return named[0], _source_after(doc, segs, seg)


_KEEP_OUT_VERBS = {"keep", "keeps", "kept", "keeping", "stay", "stays", "stayed", "staying", "hold", "holds", "held",
                   "holding", "remain", "remains", "remained", "remaining"}


_HELD_BACK = {"kept", "keeps", "keep", "keeping", "prevented", "prevents", "stopped", "stops", "blocked", "blocks",
              "barred", "bars", "precluded", "excluded"}


def _kept_out(tail: list[str]) -> bool:
    """'keeps X out of segment 1', 'is kept out of the top two segments', 'stayed firmly out of
    segment 4', 'was prevented from entering segment 1': a keeping verb right before 'out of',
    or a verb holding it back 'from' the move, says the body was never in the segment."""
    if any(w in _HELD_BACK and tail[k + 1:k + 2] == ["from"] for k, w in enumerate(tail)):
        return True  # 'X was prevented from entering segment 1', 'kept from joining segment 1'
    if "out" not in tail or "of" not in tail:
        return False
    at = len(tail) - 1 - tail[::-1].index("out")
    if tail[at + 1:at + 2] != ["of"]:
        return False
    k = at - 1
    while k >= 0 and (tail[k].endswith("ly") or tail[k] in {"still", "just", "so", "far"}):
        k -= 1
    return k >= 0 and tail[k] in _KEEP_OUT_VERBS


_GROUP_MODIFIERS = {"the", "other", "some", "many", "several", "fellow", "all", "those", "these", "few", "only",
                    "acute", "mental", "health", "community", "ambulance", "nhs", "english", "local", "struggling",
                    "worst", "best", "remaining", "specialist", "teaching", "children's", "foundation", "just",
                    "around", "about", "nearly", "almost", "roughly", "over"}
_GROUP_LINKS = {"is", "are", "was", "were", "remains", "remain", "becomes", "became", "joined", "joins", "join",
                "joining", "like", "among", "amongst", "alongside", "as"}
# what may name the others a joiner joins ('11 other acute trusts already in')
_COMPANY_WORDS = _GROUP_MODIFIERS | _GROUP_NOUNS | {"already", "currently", "now", "also", "others"}
_SHARE_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "some", "many", "most",
                "each", "any", "either", "none", "among", "amongst"}


def _one_of_them(words: list[str]) -> bool:
    """Whether the words before a plural noun of bodies ('... trusts in segment 4') make the subject
    one of them ('is one of five trusts', 'joined the other trusts', 'like other trusts'); else the
    group is only something the sentence talks about ('read an editorial about hospitals')."""
    k = len(words) - 1
    while k >= 0 and (words[k] in _GROUP_MODIFIERS or "-" in words[max(0, k - 1):k + 2]
                      or words[k].endswith("est") or numbers.parse_cardinal(words[k]) is not None):
        k -= 1  # 'just 16 non-acute', 'the 20 worst-performing', 'the lowest'
    if k < 0:
        return True
    if words[k] == "of":
        j = k - 2 if words[k - 1:k] == ["out"] else k - 1
        return j >= 0 and (words[j] in _SHARE_WORDS or numbers.parse_cardinal(words[j]) is not None
                           or numbers.parse_ordinal(words[j]) is not None)  # 'placed 54th (out) of the 134 trusts in'
    return words[k] in _GROUP_LINKS


_LOST = {"lost", "loses", "losing"}
_LOST_PLACES = {"place", "position", "spot", "status", "standing", "in", "at", "of"}


def _lost_its(gap: list[str]) -> bool:
    """'X lost its segment 1 status', 'X has lost its place in segment 2': the segment left."""
    for k, word in enumerate(gap[:-1]):
        if word in _LOST and gap[k + 1] in {"its", "their", "our"}:
            return set(gap[k + 2:]) <= _LOST_PLACES | FRAMEWORK_WORDS
    return False


_HAND_ON = {"although", "though", "but", "while", "whereas", "because", "since", ";", "and"}
_ONWARD = {"into", "to"}  # where a body went after leaving a segment
_LEFT_FIRST = {"out", "from", "exited", "left", "leaving", "exiting", "removed"}


def _previous_population(doc: Doc, sent: Span | None) -> str | None:
    """The kind of organisation the sentence before was counting ('... 22 of the 42 ICBs are in
    segment 3. Only Frimley and Dorset have made it into segment 1'): a hint for bare places."""
    if sent is None:
        return None
    found = spans_in(doc, "populations", sent.start, sent.end)
    return found[-1].label_ if found else None


_BUT = {"but", "yet"}  # a second predicate of the same subject: after a leave, or a state now ("but remains in")
_LEFT_OR_OUT = LEAVE_VERBS | {"out"}
_PRESENT = {"is", "are", "remains", "remain", "sits", "sit", "stays", "stay", "has", "have"}


_RANK_COPULAS = {"is", "was", "are", "were", "sits", "sat", "remains", "remained", "came", "comes", "finished"}
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last")
_RANKING_WORDS = _RANK_COPULAS | {"ranked", "placed", "joint"}


def _ranked_at(lower: list[str], toks: list[int], j: int) -> bool:
    """Whether the word at ``toks[j]`` is a place in a table: a numbered ordinal ('74th'), or an
    ordinal word right after a ranking verb ('was first', 'ranked tenth'; 'the first trust' is not)."""
    word = lower[toks[j]]
    if not _ORDINAL.fullmatch(word):
        return False
    return word[0].isdigit() or (j > 0 and lower[toks[j - 1]] in _RANKING_WORDS)


def _last_predicate(doc: Doc, gap: list[str], resume: int, end: int) -> tuple[list[str], int]:
    """The predicate that reaches the segment when a subject has several: 'X was seventh of the
    61 non-acute trusts and is one of the few in segment 1', 'X has risen to 114th, although it
    too stays in segment 4'. The words after the last 'and' + verb, or after a clause break
    that hands the subject on with 'it', are the ones that place it ('X left special measures
    in 2021 but is in segment 4')."""
    opens = [k for k, w in enumerate(gap) if w in {"which", "who", "whose", "where"}]
    # inside a relative clause its own predicates are not the subject's, except a last one
    # joined by 'and' ('X, which shares 68th place with four others and is in segment 3')
    inside = bool(opens) and "," not in gap[opens[-1]:]
    lower, toks = token_strings(doc), words_in(doc, resume, end)
    for k in range(len(toks) - 2, -1, -1):
        word, nxt = lower[toks[k]], lower[toks[k + 1]]
        if (word == "and" and nxt in _ONWARD and _LEFT_FIRST.intersection(lower[i] for i in toks[:k])) or (
                nxt == "into" and "out" in (lower[i] for i in toks[:k])):
            # 'moved out of segment 4 (and) into segment 3'
            return [lower[i] for i in toks[k + 1:]], toks[k + 1]
        if (word == "and" or (word in _BUT and (_LEFT_OR_OUT.intersection(lower[i] for i in toks[:k])
                                                or _state_after_but(doc, nxt, resume, toks[k])))) \
                and nxt in PLACE_VERBS and nxt not in {"in", "into", "now", "still"}:
            if inside and (gap[opens[-1]] != "which" or nxt not in _PRESENT):
                break  # 'which covers ... and had been in the top category': an earlier state
            return [lower[i] for i in toks[k + 1:]], toks[k + 1]
        if inside:
            continue
        if word == "and" and nxt == "in" and gap[:1] and gap[0] in _RANK_COPULAS \
                and any(_ranked_at(lower, toks, j) for j in range(k)):
            return [gap[0], "in"], toks[k + 1]  # 'X was ..., ranked 10th of 134 and in segment 1': X was in it
        if word in _HAND_ON and nxt == "it":
            rest = toks[k + 2:]
            return [lower[i] for i in rest], (rest[0] if rest else end)
    return gap, resume


def _state_after_but(doc: Doc, verb: str, start: int, but: int) -> bool:
    """'X denied the allegations but remains in segment 4': a state held now after 'but' is the
    subject's, when the clause before it names no segment (one that does is an earlier state the
    move readers fold: 'X was in segment 3 last year but is now in segment 2')."""
    return (verb in _PRESENT or verb in STAY_VERBS) and not spans_in(doc, "segments", start, but)


def merge_moves(memberships: list[Membership]) -> list[Membership]:
    """'X exited special measures ... and has moved to segment 3' is one move: 4 → 3. An entry
    and an exit of the same segment in one sentence are not: the later one is where it is now."""
    out: list[Membership] = []
    by_start: dict[int, list[Membership]] = {}
    for m in memberships:
        partner = next((o for o in by_start.get(m.start, ()) if _same_org(o, m)
                        and (o.segment is None) != (m.segment is None)), None)
        if partner is None:
            out.append(m)
            by_start.setdefault(m.start, []).append(m)
            continue
        segment = partner.segment if partner.segment is not None else m.segment
        from_segment = partner.from_segment or m.from_segment
        if segment == from_segment:  # 'since it entered special measures ... it has been taken out of them'
            segment, from_segment = m.segment, m.from_segment  # the later of the two is where it is now
        partner.segment, partner.from_segment = segment, from_segment
    return _merge_across_sentences(out)


NEAR_CHARS = 400  # about two sentences


def _same_org(a: Membership, b: Membership) -> bool:
    return bool(a.ods_code and a.ods_code == b.ods_code) or a.name == b.name


# a state told in the present, with a word that says it holds now ('is currently in', 'remains in', 'are still in')
_NOW_STATE = re.compile(r"(?i)\b(?:is|are|remains?|stays?|sits?)\s+(?:(?:currently|now|still|also|today|presently)\s+)*"
                        r"(?:in|within|under)\b")
_NOW_MARK = re.compile(r"(?i)\b(?:currently|now|still|today|presently|at\s+present|remains?|stays?)\b")


def _merge_across_sentences(memberships: list[Membership]) -> list[Membership]:
    """A leave and where the organisation went, told in neighbouring sentences ('X exits special
    measures ... It will move into segment 3'), are one move; a leave that another sentence
    states as a whole move ('X has moved from segment 4 to segment 3 ... X has left the
    programme') adds nothing, and nor does the spell it ended told after it ('X has left
    special measures. It had been in them since 2013'); a state told as holding now ('It is
    currently in segment 4') stays a membership of its own."""
    leaves = sorted((m for m in memberships if m.segment is None and m.from_segment is not None),
                    key=lambda m: m.start)
    dropped: set[int] = set()
    for leave in leaves:
        if any(o is not leave and _same_org(o, leave) and o.segment is not None
               and o.from_segment == leave.from_segment for o in memberships):
            dropped.add(id(leave))
            continue
        later = sorted((o for o in memberships if o.start > leave.start and _same_org(o, leave)
                        and id(o) not in dropped), key=lambda o: o.start)
        if later and later[0].from_segment is None and later[0].segment is not None \
                and later[0].start - leave.end <= NEAR_CHARS:
            if later[0].segment != leave.from_segment:
                leave.segment = later[0].segment
            elif _NOW_STATE.search(later[0].text) and _NOW_MARK.search(later[0].text):
                continue  # 'X left special measures in 2021. It is currently in segment 4': where it is now
            # else it tells the spell the leave ended ('It had been in special measures since 2013')
            dropped.add(id(later[0]))
    return [m for m in memberships if id(m) not in dropped]


def _is_year(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and 1990 <= int(text) <= 2100


def _lower(doc: Doc, i: int) -> str:
    lower = token_strings(doc)
    return lower[i] if 0 <= i < len(lower) else ""


def _quantity_tokens(doc: Doc, start: int, end: int) -> set[int]:
    """The tokens of ``[start, end)`` inside a count, percentage or ratio lying within eight
    tokens of them on either side: one look-up of the quantities around the whole range, which
    holds every quantity a token's own window ``[i - 8, i + 8)`` does. A quantity is within the
    window of the tokens ``i`` with ``q.start <= i < q.end``, ``q.end - 8 <= i`` and
    ``i <= q.start + 8``: one range per quantity."""
    found: set[int] = set()
    for q in spans_in(doc, "quantities", max(0, start - 8), end + 8):
        if q.label_ in {"CARD", "PERCENT", "RATIO"}:
            found.update(range(max(start, q.start, q.end - 8), min(end, q.end, q.start + 9)))
    return found


def _move_within(seg: Span) -> tuple[int, int] | None:
    """'segment 3 to segment 2' matched as one span: (from, to)."""
    words = token_strings(seg.doc)[seg.start:seg.end]
    if "to" not in words and "into" not in words:
        return None
    found = numbers_in(span_text(seg).replace("NOF", " ").replace("SOF", " "))
    return (found[0], found[-1]) if len(found) >= 2 else None


def _next_target(doc: Doc, segs: list[Span], seg: Span) -> int | None:
    """'from segment 3 to segment 4' → 4."""
    for other in segs:
        named = segments_of(other) if other.start > seg.end and other.start - seg.end <= 4 else ()
        if len(named) == 1 and any(w in {"to", "into"} for w in _clean_gap(doc, seg.end, other.start)):
            return named[0]
    return None


def _source_after(doc: Doc, segs: list[Span], seg: Span) -> int | None:
    """'moved up to segment 2 from segment 3' (or '... from 3,') → 3: the segment left, named
    right after the target."""
    for other in segs:
        if other.start > seg.end and _clean_gap(doc, seg.end, other.start) in _SOURCE_GAPS:
            named = segments_of(other)
            return named[0] if len(named) == 1 else None
    lower = token_strings(doc)
    k = seg.end
    if k + 1 < len(doc) and lower[k] == "from" and (k + 2 == len(doc) or doc[k + 2].is_punct
                                                      or lower[k + 2] in _TIME_AFTER_SOURCE):
        value = numbers.parse_cardinal(doc[k + 1].text)
        return value if isinstance(value, int) and 1 <= value <= 5 and value != segments_of(seg)[0] else None
    return None


# between a target and the segment left: 'to segment 2 from segment 3', 'in segment 3, down from segment 2'
_SOURCE_GAPS = (["from"], ["down", "from"], ["up", "from"], [",", "down", "from"], [",", "up", "from"], [",", "from"])
_TIME_AFTER_SOURCE = frozenset({"in", "last", "at", "since", "earlier", "previously", "before", "this", "after", "on",
                                "and", "but", "a", "the", "when", "where"})


def _follows_to(doc: Doc, segs: list[Span], seg: Span) -> bool:
    """The target half of 'from X to Y' is handled with its 'from'."""
    for other in segs:
        if other.end <= seg.start and seg.start - other.end <= 4:
            words = _clean_gap(doc, max(other.start - 2, 0), other.start)
            if "from" in words:
                return True
    return False


LIST_MARKERS = (":", "include", "includes", "including", "alongside", "along with", "together with", "joining",
                "joins", "join", "are", "were", "comprise", "among them", "amongst them", "such as")
_SUBJECT_STARTS = ("they ", "these ", "those ", "the ", "in ")  # 'In segment 4 are X and Y'
# a subject naming one body ('The trust has been run alongside X'): X is its partner, not a member of
# the segment of the sentence before, as the members of a group are ('The trusts in the programme include X')
_ONE_BODY = (["trust"], ["icb"], ["ics"], ["organisation"], ["organization"], ["hospital"], ["board"], ["provider"])



def _single_segment(segs: list[Span]) -> int | None:
    found = {n for s in segs for n in segments_of(s)}
    return found.pop() if len(found) == 1 else None


def read_list_sentences(doc: Doc, result: DocResult, skip: list[tuple[int, int]] | None = None) -> None:
    """Lists of named organisations that a sentence places in a segment:
    'The providers in segment 3 are A, B and C', '... now sits in segment 4 alongside Devon, ...',
    'The trusts in the programme include X, Y and Z' (the programme of the sentence before)."""
    seen = {m.name for m in result.memberships}
    framework, period = doc_value(doc, "framework"), doc_value(doc, "period")
    by_sentence = sentence_segments(doc)
    sents = sentences(doc)
    for si in _list_candidates(doc, by_sentence):
        sent, segs, previous = sents[si], by_sentence[si], by_sentence[si - 1] if si else []
        if not _may_list(doc, sent, segs, previous) or (skip and any(a <= sent.start_char < b for a, b in skip)):
            continue
        marker = _marker(doc, sent)
        if marker is not None:
            moved = _list_move(doc, sent, segs, marker[0])
            if moved is not None:
                hint = _population_hint(doc, sent, sents[si - 1] if si else None)
                _add_list(doc, sent, marker[1], moved[0], subjects.group_orgs(doc), result, seen, framework, period,
                          hint, moved[1])
                continue
            if _opens_among(doc, sent) or _ever_been(_clean_gap(doc, sent.start, marker[0])):
                continue  # 'Among the trusts to have been in special measures is X': only a move or a plain stay
            before = [s for s in segs if s.end <= marker[0] and _lower(doc, s.start - 1) != "from"]
            segment = _single_segment(before[-1:])
            lead = span_text(sent).lstrip().lower()
            subject = span_text(doc[sent.start:marker[0]]).lower()
            if segment is None and not before and lead.startswith(_SUBJECT_STARTS) \
                    and subject.split()[1:2] not in _ONE_BODY:
                segment = _programme_segment(subject, framework) or _single_segment(previous)
            if segment is not None:
                hint = _population_hint(doc, sent, sents[si - 1] if si else None)
                _add_list(doc, sent, marker[1], segment, subjects.group_orgs(doc), result, seen, framework, period,
                          hint)


def _list_move(doc: Doc, sent: Span, segs: list[Span], marker: int) -> tuple[int | None, int] | None:
    """(segment, segment left) for a list whose group left or moved: 'Five trusts have left special
    measures this year, including X', 'Six trusts moved from segment 3 to segment 2, among them X',
    'X has exited the RSP, alongside Y', 'Among the trusts to have exited special measures is X'.
    The list's members share the group's verb, so they left the segment named before the marker
    (or moved from it); None when the words place the group in it, which the caller reads as before."""
    named = [s for s in segs if s.end <= marker]
    if named and _TURN_TO_OTHERS.intersection(_clean_gap(doc, named[-1].end, marker)):
        return None  # 'Five trusts have left special measures, but others, such as X, remain': not the movers
    # 'from segment 3 to segment 2', 'into segment 3 from segment 2' as two spans: the move is read at either
    for seg in named[-2:][::-1]:
        gap = _clean_gap(doc, sent.start, seg.start)
        placed = placement(doc, segs, seg, gap)
        if placed is not None and placed[1] is not None and not (placed[0] is None and HOPE_WORDS & set(gap)):
            return placed[0], placed[1]
    return None


_TURN_TO_OTHERS = {"but", "while", "whereas", "although", "though", ";", "others", "other", "yet"}
_AMONG = {"among", "amongst"}
_AMONG_STATE = _AMONG | {"the", "those", "trusts", "organisations", "organizations", "icbs", "systems", "providers",
                         "boards", "bodies", "hospitals", "acute", "ambulance", "mental", "health", "community",
                         "specialist", "other", "in", "now", "currently", "still", "already", "nhs"}


_AMONG_VERBS = {"is", "are", "was", "were"}


def _opens_among_words(doc: Doc, sent: Span) -> bool:
    """Whether ``sent`` opens 'Among' or 'Amongst'."""
    first = subjects.first_word(doc, sent.start, sent.end)
    return first is not None and token_strings(doc)[first] in _AMONG


def _opens_among(doc: Doc, sent: Span) -> bool:
    """Whether ``sent`` opens 'Among the trusts ...' with a verb before its first segment: such a
    sentence lists who moved (read by :func:`_list_move`) or who has ever been somewhere ('Among
    the trusts to have been in special measures is X'), not who is there now."""
    if not _opens_among_words(doc, sent):
        return False
    segs = spans_in(doc, "segments", sent.start, sent.end)
    end = min((s.start for s in segs), default=sent.end)
    return not _AMONG_STATE.issuperset(_clean_gap(doc, sent.start, end))


_PROGRAMME_NAMES = ("special measures", "programme", "rsp")  # what _programme_segment looks for


def _may_list(doc: Doc, sent: Span, segs: list[Span], previous: list[Span]) -> bool:
    """Whether ``sent`` can place a list: the segment is one of its own, or, for a sentence opening
    like 'The trusts in the programme include ...', the programme its words name or the one segment
    of the sentence before. Most sentences are none of these, and need no marker search."""
    if segs:
        return True
    # lower() works character by character, so the six characters the longest opening needs are
    # lowered alone first: most sentences fail there
    lead = span_text(sent).lstrip()
    return lead[:6].lower().startswith(_SUBJECT_STARTS) and (
        bool(previous) or any(w in lead.lower() for w in _PROGRAMME_NAMES))


def _list_candidates(doc: Doc, by_sentence: list[list[Span]]) -> list[int]:
    """Indexes of the sentences :func:`_may_list` can pass, in order: those with a segment, and
    those whose first word lowers to a word opening with 't' or 'i' (as every opening of
    ``_SUBJECT_STARTS`` does) after a sentence with a segment or in a Doc naming a programme.
    The first word is the first token that is not a space (the tokenizer cuts at every
    whitespace character, so it opens the lstripped text), and lower() maps characters one by
    one, so the lowered opening starts with its lowered first character. Most sentences are
    none of these, and are not read."""
    lower = token_strings(doc)
    programme = _names_programme(doc)
    out = []
    for si, sent in enumerate(sentences(doc)):
        if not by_sentence[si]:
            if not (programme or (si and by_sentence[si - 1])):
                continue
            i = sent.start
            while i < sent.end and lower[i].isspace():
                i += 1
            if i == sent.end or lower[i][0] not in "ti":
                continue
        out.append(si)
    return out


def _names_programme(doc: Doc) -> bool:
    """Whether the Doc's text names a programme (``_PROGRAMME_NAMES``) anywhere. A sentence
    without a segment, after one without, can place a list only by naming a programme in its
    lowered text, which it can do only if the lowered Doc does: lower() maps characters one by
    one (only a Greek sigma looks at its neighbours, and it lowers to no ASCII letter), so the
    lowered sentence is a piece of the lowered Doc where these ASCII names are concerned."""
    text = doc_text(doc).lower()
    return any(w in text for w in _PROGRAMME_NAMES)


_MARKER_OPENINGS = frozenset(marker.split()[0] for marker in LIST_MARKERS)


def _marker(doc: Doc, sent: Span) -> tuple[int, int] | None:
    """(index of the marker, index where the list starts), for a sentence whose tail is a list.

    Only the words that can open a marker are looked at, in order (a space token opens none);
    each is judged by the next word that is not a space, as in the sentence read word by word."""
    lower = token_strings(doc)
    among = _opens_among_words(doc, sent)
    if _MARKER_OPENINGS.isdisjoint(lower[sent.start:sent.end]) and not among:
        return None  # most sentences: no word that opens a marker
    openings = [i for i in range(sent.start, sent.end) if lower[i] in _MARKER_OPENINGS
                or (among and lower[i] in _AMONG_VERBS)]
    lead = span_text(sent).lstrip().lower()
    for i in openings:
        word = lower[i]
        nxt = next((j for j in range(i + 1, sent.end) if not lower[j].isspace()), None)
        if nxt is not None and f"{word} {lower[nxt]}" in LIST_MARKERS:
            return i, nxt + 1
        if among and word in _AMONG_VERBS and _words_before(doc, sent, i) <= 16:
            # 'Among the trusts to have exited special measures this year is X': the verb after the group
            if nxt is not None and (lower[nxt] == "the" or doc[nxt].is_title):
                return i, nxt
            continue
        if word not in LIST_MARKERS:
            continue
        if word in {"are", "were"} and not (lead.startswith(_SUBJECT_STARTS) and _words_before(doc, sent, i) <= 8):
            continue
        if nxt is not None and (lower[nxt] == "the" or doc[nxt].is_title):
            return i, nxt
    return None


def _words_before(doc: Doc, sent: Span, i: int) -> int:
    """How many words (tokens that are not spaces) of ``sent`` come before token ``i``."""
    return len(words_in(doc, sent.start, i))


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


def _add_list(doc: Doc, sent: Span, start: int, segment: int | None, orgs: list[Span], result: DocResult,
              seen: set[str], framework: str, period: str, hint: str = "", from_segment: int | None = None) -> None:
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
    text = span_text(sent).strip()
    at = doc_text(doc).find(text, sent.start_char)
    for item in items:
        if item.text in seen:
            continue
        seen.add(item.text)
        result.memberships.append(Membership(
            name=item.text, segment=segment, from_segment=from_segment, org_type=org_type, framework=framework,
            period=period, text=text, start=at, end=at + len(text)))
