"""Claim building: which count goes with which population and segment.

The pipeline marks quantities, segments, populations, scopes and organisations; this
module relates them using the dependency-free structure of each sentence:

* a *quantity group* is a number with what qualifies it: a bracketed figure
  ("more than half (23)", "40% (84)"), a denominator ("of the 42", "out of 137", "11/19")
  and modifiers ("only", "a further", "the remaining", "of the others");
* its *population* is the organisation noun that follows it directly, through "of the",
  or after a copula ("of which two-thirds (20) are community or mental health trusts");
  a bare number ("A further 20 were listed...", "and 74 in segment 3") takes the
  population of the claim before it;
* its *segment* is the first segment named in its frame (the words up to the next
  quantity group); a coordinated list ("two specialist trusts, six mental health trusts
  ... were in segment 3") shares the segment at its end, "of which" and anaphoric
  subsets ("Two of the others", "the remaining six") inherit it, and a following
  "They fall into Segment 3" supplies it.

Named organisations attached to a claim (in brackets, between dashes, in apposition, or
in a following "They are ..." sentence) become memberships via :mod:`extractor.reading.lists`.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span

from ...pipeline.extensions import doc_text, doc_value, sentences, span_text, spans_in
from ...pipeline.quantities import quantity_of
from ...records import Claim, DocResult
from .groups import (
    absorb_following,
    bracketed_size,
    group_quantities,
    implied_count,
    modifiers,
    one_of_many,
    one_of_them,
)
from .members import add_members, attach_lists, colon_list, exception_names, they_are_list
from .relations import (
    accounting_subject,
    combined,
    find_population,
    fronted_population,
    has_predicate,
    holding_segment,
    is_bare,
    is_earlier_rank,
    is_history,
    is_league_size,
    is_movement,
    is_rank_company,
    is_spread,
    last_segment_in,
    leading_segment,
    leading_totals,
    league_of_sentence,
    not_its_place,
    points_back,
    population_before,
    restates_share,
    segment_in,
    segments_from_next,
    shared_segment,
    shares_something_else,
    trailing_total,
)
from .reported import is_reported
from .scope import (
    deictic_scope,
    explicit_scope,
    home_scope,
    listed_scope,
    local_total_scope,
    national,
    region_named,
    scope_in,
    sentence_scope,
)
from .sentence import (
    GENERIC_TYPES,
    TIER,
    Group,
    SentenceReader,
    State,
    lower_at,
    named_segments,
    overlaps,
    sentence_spans,
    text_between,
    token_lists,
    trapped,
)


def _same_kind(prev: Group, g: Group) -> bool:
    """Whether ``g`` counts the kind of body ``prev`` counts (or says no kind, or a generic one:
    'three acute trusts ... and no trust ...'), so the place limiting ``prev`` limits it too."""
    if g.population is None:
        return True
    if prev.population is None:
        return False
    before, label = prev.population.label_, g.population.label_
    return before == label or (label in GENERIC_TYPES and before not in {"icb", "ics"})


def _own_frame_end(reader: SentenceReader, g: Group, frame_end: int) -> int:
    """Where a count's own words stop: before a new noun phrase such as 'the number of trusts in
    the bottom two', whose segment belongs to it ('today there are five, and the number of
    trusts in the bottom two ...')."""
    own_end = g.population.end if g.population is not None else g.end
    for pop in reader.populations:
        if own_end < pop.start < frame_end and lower_at(reader.doc, pop.start - 1) == "of" \
                and lower_at(reader.doc, pop.start - 2) in {"number", "share", "proportion", "count"}:
            return pop.start
    if not _VAGUE_SUBJECTS.isdisjoint(reader.words):
        for k in range(own_end, frame_end):
            if lower_at(reader.doc, k) in _VAGUE_SUBJECTS and _opens_a_subject(reader, k):
                return k  # 'all 205 trusts were assessed, and most are in segment 2': most's segment
    return frame_end


# a vague quantity that can be a clause's subject after a count: the segment after it is its own
_VAGUE_SUBJECTS = frozenset({"most", "many", "majority", "half", "several", "some", "few"})
_CLAUSE_JOINS = frozenset({"and", "that", "but", "while", "whereas", "although"})


def _opens_a_subject(reader: SentenceReader, k: int) -> bool:
    """Whether the vague quantity at ``k`` opens a clause of its own: after a conjunction and
    before its verb ('and most are', 'found that most were', 'and the majority are'), or as
    'most of which'."""
    doc = reader.doc
    if lower_at(doc, k + 1) == "of" and lower_at(doc, k + 2) in {"which", "whom"}:
        return True
    before = lower_at(doc, k - 1)
    if before == "the":
        before = lower_at(doc, k - 2)
    # its own verb next ('and most are'), not a relative 'that' ('Twelve trusts that some regard as ...')
    return before in _CLAUSE_JOINS and not _VERBS_AFTER.isdisjoint((lower_at(doc, k + 1), lower_at(doc, k + 2)))


_VERBS_AFTER = frozenset({"are", "were", "is", "was", "remain", "remained", "remains", "sit", "sat", "fall", "fell",
                          "have", "had", "now", "still", "stay", "stayed"})


_RELATIVES = {"which", "whose", "who"}
_CLAUSE_ENDS = {",", ";", "–", "—", ")", ":"}
_SINGULAR_VERBS = {"is", "was", "has"}
_BEFORE_A_PLACE = {"in", "across", "within", "of", "the"}


def _another_s_clause(reader: SentenceReader, g: Group, rel: int) -> bool:
    """Whether the relative clause opened at ``rel`` speaks of a body other than the counted
    group: 'All four trusts sit within X ICB, which has been in the RSP' (a body named between),
    'trusts in the county, which is in segment 4' (a singular verb after a plural count), 'whose
    parent system is ...'. 'Six trusts in London, which are all in segment 4' stays the count's."""
    doc = reader.doc
    if lower_at(doc, rel) == "whose":
        return True
    if (g.count or 0) > 1 and lower_at(doc, rel + 1) in _SINGULAR_VERBS:
        return True
    own_end = g.population.end if g.population is not None and g.population.start >= g.end else g.end
    in_scope = {k for sc in reader.scopes for k in range(sc.start, sc.end)}
    return any(k not in in_scope and lower_at(doc, k) not in _CLAUSE_ENDS | _BEFORE_A_PLACE
               for k in range(own_end, rel))


def _own_segment_in(reader: SentenceReader, g: Group, end: int) -> Span | None:
    """The first segment after ``g`` (up to ``end``) outside a relative clause about another
    body: 'All four trusts sit within X ICB, which has been in the RSP since 2023' does not put
    the four in it; 'Four trusts in the county, which is in segment 4, are in segment 3' puts
    them in segment 3. 'Four trusts, all of which are in segment 4' stays the count's."""
    doc = reader.doc
    start = g.end
    while True:
        seg = segment_in(reader, start, end)
        if seg is None:
            return None
        rel = next((k for k in range(seg.start - 1, start - 1, -1) if lower_at(doc, k) in _RELATIVES), None)
        if rel is None or lower_at(doc, rel - 1) == "of" \
                or any(lower_at(doc, k) in _CLAUSE_ENDS for k in range(rel + 1, seg.start)) \
                or not _another_s_clause(reader, g, rel):
            return seg
        start = next((k for k in range(seg.end, end) if lower_at(doc, k) in _CLAUSE_ENDS), end)


_BACK_REFERENCES = ("that segment", "the same segment", "this segment", "that category", "that level of support",
                    "the same category", "that tier")


def _refers_back(reader: SentenceReader, g: Group, frame_end: int) -> bool:
    """'We are one of 27 ICBs nationally in that segment': the segment named before."""
    window = text_between(reader.doc, g.end, frame_end)
    return any(ref in window for ref in _BACK_REFERENCES)


_TOGETHER = {"together", "combined", "altogether"}


def _together(reader: SentenceReader, g: Group, before: list[Group]) -> tuple[int, ...]:
    """'21 ... are in mandated support and eight more are in special measures, together about
    two-fifths of the region's providers': a share of the segments counted before it, joined."""
    words = text_between(reader.doc, max(reader.sent.start, g.start - 3), g.start).replace(",", " ").split()
    if not _TOGETHER & set(words) or g.count is not None:
        return ()
    joined = tuple(sorted({n for other in before for n in other.segments}))
    return joined if len(joined) > 1 else ()


_DEFINITE = {"the", "these", "those"}


def _restated(doc: Doc, g: Group, claim: Claim, earlier: list[Claim]) -> None:
    """'Four NHS organisations in Lancashire ... . NHS England will place the four organisations
    in segment 4': a definite count with a generic noun names the group counted before, so it
    keeps that group's kind and scope."""
    if claim.org_type not in GENERIC_TYPES or claim.count is None or lower_at(doc, g.start - 1) not in _DEFINITE:
        return
    before = next((c for c in reversed(earlier) if c.count == claim.count and c.org_type), None)
    if before is not None:
        claim.org_type = before.org_type
        claim.scope = claim.scope or before.scope


def _a_named_few(reader: SentenceReader, g: Group) -> bool:
    """'All three are in segment 4' after three names, 'All ten of the top-ten trusts ...': a
    count of bodies the text has picked out, not of a population (the names, where given, are
    read as memberships by ``groups``)."""
    doc = reader.doc
    before = lower_at(doc, g.start - 1) if g.start > reader.sent.start else ""
    if before == "-" and g.start - 2 >= reader.sent.start:
        before = lower_at(doc, g.start - 2)
    if before in ("top", "bottom"):
        return True  # 'the top ten', 'the bottom-ten trusts': a band of the league
    own = g.population is not None and g.population.start >= g.end
    if not own and not g.pop_types and g.count is not None and before in _PICKED_OUT:
        return True
    if not own:
        return False
    if before in _DEFINITE and (g.count or 0) >= 2 and g.population.start == g.end \
            and g.count == _named_before(reader, g):
        return True  # 'X, Y and Z were placed in segment 4. The three trusts will now receive ...'
    between = text_between(doc, g.end, g.population.start).lower().replace("-", " ").split()
    return "top" in between or "bottom" in between


_PICKED_OUT = {"all", "these", "those"}
_COMPANY_GLUE = {"and", "with", "alongside", "plus"}


def _in_company(reader: SentenceReader, g: Group) -> bool:
    """'X and three other trusts have been placed in segment 4', 'X, along with four others, is
    ...', 'the ICB and two other systems', 'It joins 20 other trusts in special measures',
    'Three other trusts in the region are in segment 4': the count of those placed with (or
    besides) a body already spoken of, not of a segment's members. A bare 'others' counts only
    after such glue: 'X is in segment 1; 20 others are in segment 3' may count a segment."""
    doc = reader.doc
    after = lower_at(doc, g.end)
    if after == "other" and lower_at(doc, g.end + 1) not in {"than", ",", ".", ";", ")"}:
        return True
    if g.start <= reader.sent.start or after not in {"other", "others"}:
        return False
    return lower_at(doc, g.start - 1) in _COMPANY_GLUE


_BAND_ENDS = {"top", "bottom"}  # 'the top ten', 'the bottom 20'
_BAND_RANKS = {"best", "worst", "highest", "lowest", "strongest", "weakest", "poorest", "top", "bottom"}
_NOT_A_BAND = {"segment", "segments", "category", "categories", "tier", "tiers", "quartile", "quartiles", "band",
               "bands", "levels", "places", "positions", "spots"}  # 'the top two segments' names segments
_CLAUSE_STARTS = {"and", "but", ";", "while", "whereas", "although", "though", "or"}
_BAND_WORDS = _BAND_ENDS | _BAND_RANKS


def _in_a_band(reader: SentenceReader, g: Group, frame_end: int) -> bool:
    """'Nine trusts in the top ten are in segment 1', 'Of the bottom 20, 14 ...', 'Among the ten
    worst trusts, eight ...': a count within a band of the league, not of all trusts. The band
    is looked for in the count's own clause, up to the segment it is placed in."""
    doc = reader.doc
    words = token_lists(doc).lower
    if _BAND_WORDS.isdisjoint(words[reader.sent.start:frame_end]):
        return False  # most counts: no word of a band in their sentence
    lo = g.start
    while lo > reader.sent.start and lower_at(doc, lo - 1) not in _CLAUSE_STARTS:
        lo -= 1
    seg = next((s.start for s in reader.segments if g.end <= s.start < frame_end), frame_end)
    for k in range(lo, seg):
        if g.start <= k < g.end:
            continue
        nxt = k + 2 if lower_at(doc, k + 1) in {"-", "‑"} else k + 1
        if nxt >= seg:
            continue
        number, word = (nxt, k) if lower_at(doc, k) in _BAND_ENDS else (k, nxt)
        if not doc[number].like_num or (word == nxt and lower_at(doc, word) not in _BAND_RANKS):
            continue
        after = max(number, word) + 1
        if lower_at(doc, after) in {"-", "‑"}:
            after += 1
        if lower_at(doc, after) not in _NOT_A_BAND:
            return True
    return False


def _named_before(reader: SentenceReader, g: Group) -> int:
    """How many bodies the text names (with a code) in the two sentences before ``g`` and in
    its own before it: "the three trusts" after three names counts them, not a population."""
    doc = reader.doc
    sents = sentences(doc)
    k = bisect_left([s.start for s in sents], reader.sent.start)
    start = sents[max(0, k - 2)].start
    return len({s.id_ for s in spans_in(doc, "orgs", start, g.start) if s.id_})


_TOTAL_AFTER = ("in all", "in total", "altogether", "all told", "between them", "combined", "in sum")
_TOTAL_BEFORE = {"making", "makes", "totalling", "totaling", "total"}  # 'making nine', 'a total of 13'
_TOTAL_WORDS = {"all", "total", "altogether", "told", "between", "combined", "sum", "making", "makes", "totalling",
                "totaling"}


def _series_total(reader: SentenceReader, g: Group, kept: list[Group]) -> bool:
    """'two trusts in segment 1, two in segment 2 ... and two in segment 4 - 13 in all', 'making
    nine in total', '– seven altogether': after counts of two or more segments, a count marked as
    their sum (and placed in no segment of its own) is the size of the whole counted, not a count
    of the segment named last. One segment's running total ('Two more joined segment 4, making
    12 in total') stays that segment's count."""
    if len(kept) < 2 or g.count is None or _TOTAL_WORDS.isdisjoint(reader.words):
        return False
    if len({k.segments for k in kept if k.segments}) < 2:
        return False
    doc = reader.doc
    own_end = g.population.end if g.population is not None and g.population.start >= g.end else g.end
    after = text_between(doc, own_end, own_end + 3).lstrip()
    before = text_between(doc, max(reader.sent.start, g.start - 3), g.start).split()
    return after.startswith(_TOTAL_AFTER) or (bool(before) and before[-1] in _TOTAL_BEFORE) \
        or before[-3:] == ["a", "total", "of"] or before[-2:] == ["total", "of"]


def _claim_from(doc: Doc, sent: Span, g: Group, org_type: str, framework: str, period: str) -> Claim:
    start_char, end_char = sent.start_char, sent.end_char
    text = doc_text(doc)[start_char:end_char].strip()
    lead = len(doc_text(doc)[start_char:end_char]) - len(doc_text(doc)[start_char:end_char].lstrip())
    start_char += lead
    count = g.count if g.count is not None else implied_count(g)
    return Claim(org_type=org_type, segments=g.segments, count=count, total=g.total, percent=g.percent,
                 share_text=g.share, scope=g.scope, framework=framework, period=period, text=text,
                 start=start_char, end=start_char + len(text),
                 org_words=span_text(g.population) if g.population is not None else "")


def read_claims(doc: Doc, result: DocResult, skip: list[tuple[int, int]] | None = None) -> None:
    """Append the claims and list memberships of ``doc`` to ``result``.

    Sentences inside ``skip`` (character ranges of tables already read) are passed over.
    """
    framework, period = doc_value(doc, "framework"), doc_value(doc, "period")
    token_lists(doc).forget_segments()
    state = State()
    home_text, home_at = home_scope(doc)
    sents = sentences(doc)
    holding, skipped = _holding(doc), _skipped(sents, skip)
    for si, sent in enumerate(sents):
        if si in skipped:
            continue
        if sent.start not in holding:
            _end_empty_sentence(doc, sent, state, result, (framework, period))
            continue
        reader = SentenceReader(doc, sent)
        home = home_text if home_at < sent.end_char else ""  # a home first named after this sentence is not its place
        groups = group_quantities(reader)
        leading_scope = sentence_scope(reader)
        if not groups:
            _end_sentence(reader, state, result, [], [], leading_scope, False, (framework, period))
            continue
        league = league_of_sentence(reader)
        made: list[Claim] = []
        kept: list[Group] = []
        absorbed: set[int] = set()
        population_sizes: list[Group] = []
        leagues: list[Group] = []  # 'ranked 118 of 134 acute trusts': sizes of a league, and earlier ranks
        history = False
        history_total: int | None = None
        for gi, g in enumerate(groups):
            if gi in absorbed or one_of_them(reader, g):
                continue
            frame_end = groups[gi + 1].start if gi + 1 < len(groups) else sent.end
            modifiers(reader, g)
            one_of_many(reader, g)
            types_anaphor = lower_at(doc, g.end) == "of" and text_between(doc, g.end, g.end + 3).startswith(
                ("of these types", "of those types", "of these kinds"))  # text starting 'of ' starts with the word
            found = types_anaphor or find_population(reader, g, frame_end)
            g.league = league
            subject = accounting_subject(reader, g)
            if subject is not None:
                g.population, found = subject, True
            if types_anaphor:
                g.pop_types = [c.org_type for c in state.last_claims if c.org_type not in GENERIC_TYPES]
                found = bool(g.pop_types)
            if not g.pop_types:
                absorb_following(reader, g, groups, gi, absorbed)
                if absorbed:  # else the frame still ends at the next group
                    frame_end = next((groups[k].start for k in range(gi + 1, len(groups)) if k not in absorbed),
                                     sent.end)
            if not found:
                if not is_bare(reader, g):
                    continue
                if g.count is None and g.percent is None and not g.share:
                    continue
            if is_movement(reader, g, frame_end) or is_rank_company(reader, g) or is_spread(reader, g, frame_end) \
                    or is_reported(reader, g) or shares_something_else(reader, g):
                continue
            if is_league_size(reader, g) or is_earlier_rank(reader, g, leagues):
                leagues.append(g)
                continue
            if is_history(reader, g, groups[gi - 1].end if gi else sent.start, frame_end):
                history = True
                if lower_at(doc, g.start - 1) in _DEFINITE and g.population is not None:
                    history_total = g.count
                continue
            if g.count is None and (history or (state.history and g.population is None)):
                continue  # '24 trusts put into it over four years, roughly a tenth of all trusts': a share of it
            if history_total is not None and g.total is None and g.population is None:
                g.total = history_total  # 'Of the 22 trusts put in it since, 14 remain in special measures'
            size_of = bracketed_size(reader, g)
            if size_of is not None:
                population_sizes.append(Group(start=g.start, end=g.end, count=g.count, population=size_of))
                continue
            if kept and kept[-1].total is None and lower_at(doc, g.start - 1) == "of" \
                    and text_between(doc, max(sent.start, g.start - 2), g.start) == "out of":
                kept[-1].total = g.count
                continue
            if kept and g.count is None and g.percent is not None and restates_share(reader, kept[-1], g):
                kept[-1].percent = kept[-1].percent if kept[-1].percent is not None else g.percent
                continue
            if kept and g.count is None and text_between(doc, g.end, g.end + 3).startswith(
                    ("of the total", "of all", "of the whole", "of them", "of those")):
                prev = kept[-1]
                prev.percent = prev.percent if prev.percent is not None else g.percent
                prev.share = prev.share or g.share
                continue
            # segment: in the frame after the group, else in the clause before it
            if not g.segments:
                seg = holding_segment(reader, kept[-1].end if kept else sent.start, g) \
                    or _own_segment_in(reader, g, _own_frame_end(reader, g, frame_end))
                if seg is None and _series_total(reader, g, kept):
                    pop = g.population or next((k.population for k in reversed(kept) if k.population is not None),
                                               None)
                    if pop is not None:
                        population_sizes.append(Group(start=g.start, end=g.end, count=g.count, population=pop,
                                                      scope=kept[-1].scope or leading_scope, league=g.league))
                    continue
                if seg is None and not g.subset:
                    lo = kept[-1].end if kept else sent.start
                    seg = (last_segment_in(reader, lo, g.start) if points_back(reader, g, frame_end)
                           else segment_in(reader, lo, g.start))
                if seg is not None and not_its_place(reader, g, seg):
                    continue
                if seg is not None:
                    g.segments = combined(reader, seg, frame_end)
                    if g.count is None and lower_at(doc, seg.end) == "(":
                        inner = [q for q in reader.quantities if q.start == seg.end + 1 and q.label_ == "CARD"]
                        if inner and lower_at(doc, inner[0].end) == ")":
                            g.count = quantity_of(inner[0]).count
                            absorbed.update(k for k, other in enumerate(groups) if other.start == inner[0].start)
            if g.total is None:
                g.total = trailing_total(reader, g, frame_end)
            g.scope = ((scope_in(reader, g.start, frame_end) if kept else "")
                       or scope_in(reader, (kept[-1].end if kept else sent.start), frame_end)
                       or deictic_scope(reader, g, state, home) or local_total_scope(reader, g, home)
                       or listed_scope(reader, g))
            kept.append(g)
        population_claims = leading_totals(reader, kept) + population_sizes
        # second pass: inherit what the sentence structure implies
        for gi, g in enumerate(kept):
            prev = kept[gi - 1] if gi else None
            joined = _together(reader, g, kept[:gi])
            if joined:
                g.segments = joined
            if g.population is None and not g.pop_types:
                if prev is not None and (prev.population is not None or prev.pop_types):
                    g.population, g.pop_types = prev.population, prev.pop_types
                    g.scope = g.scope or prev.scope
                elif prev is None:
                    g.population = population_before(reader, g) or fronted_population(reader, g)
            if not g.segments:
                g.segments = shared_segment(reader, kept, gi) or (prev.segments if prev and g.subset else ())
            if not g.segments and prev is not None and prev.population is not None and g.population is not None:
                gap = text_between(doc, prev.population.end, g.start).replace(",", " ").split()
                if gap and all(w in {"and", "as", "well", "plus"} for w in gap):
                    g.segments = prev.segments
            g.scope = g.scope or leading_scope
            if not g.scope and prev is not None and prev.scope and _same_kind(prev, g) and not national(reader):
                g.scope = prev.scope  # 'Three trusts in the region are in segment 4, and no trust is in segment 5'
            if not g.segments:
                g.segments = leading_segment(reader, g)
        for g in population_claims:
            if not g.scope and state.last_claims and state.sentences_since == 0 and not national(reader):
                g.scope = state.last_claims[-1].scope
            made.append(_claim_from(doc, sent, g, g.org_type, framework, period))
        for gi, g in enumerate(kept):
            frame_end = kept[gi + 1].start if gi + 1 < len(kept) else sent.end
            if g.leading_total or _a_named_few(reader, g) or _in_company(reader, g) \
                    or _in_a_band(reader, g, frame_end):
                continue
            org_type = g.org_type
            if not org_type and not g.pop_types:
                org_type = state.last_population if (state.sentences_since <= 2 or g.further) else ""
                if state.sentences_since >= 1 and state.mentioned_population:
                    org_type = state.mentioned_population
                if org_type and not g.scope and state.last_claims:
                    g.scope = state.last_claims[-1].scope
            if not g.scope and state.last_claims and not national(reader) and (
                    state.sentences_since == 0 or (g.anaphoric and state.sentences_since <= 2)):
                g.scope = state.last_claims[-1].scope  # 'The remaining seven ICBs ...' a sentence or two later
            inherited_segment = False
            if not g.segments and g.anaphoric and state.sentences_since <= 3 and has_predicate(reader, g, frame_end) \
                    and not trapped(doc, "NOT_SEGMENT", g.end, frame_end):
                g.segments, inherited_segment = state.last_segments, True  # not 'Five of these were in financial SM'

            if not g.segments and state.last_segment_named and _refers_back(reader, g, frame_end):
                g.segments = state.last_segment_named
            if not g.segments:
                g.segments = segments_from_next(doc, sents, si)
            if not g.segments:
                continue
            if org_type in GENERIC_TYPES and (inherited_segment or (g.subset and g.population is None)):
                org_type = "other"
            if g.pop_types:
                claims = [_claim_from(doc, sent, g, t, framework, period) for t in g.pop_types]
                names, pop = exception_names(reader, g.end)
                if pop is not None and names:
                    for c in claims:
                        if c.org_type == pop.label_:
                            c.count = len(names)
                    add_members(result, doc, sent, names, pop.label_, g.segments, framework, period, None)
                made.extend(claims)
                continue
            if not org_type:
                continue
            attach_lists(reader, g, frame_end, org_type)
            claim = _claim_from(doc, sent, g, org_type, framework, period)
            if not g.names and g.segments:
                earlier = colon_list(reader, g, frame_end, org_type, claim, made)
                if earlier is not None:
                    add_members(result, doc, sent, earlier[1], earlier[0].org_type, earlier[0].segments, framework,
                                period, None if g.partial else earlier[0])
            _restated(doc, g, claim, result.claims + made)
            made.append(claim)
            if g.names:
                add_members(result, doc, sent, g.names, org_type, g.segments, framework, period,
                            None if g.partial else claim)  # a partial list is no list of the count
        _end_sentence(reader, state, result, made, kept, leading_scope, history, (framework, period))


def _holding(doc: Doc) -> set[int]:
    """The first tokens of the sentences holding a quantity, segment, population or scope; any
    other sentence goes straight to :func:`_end_empty_sentence`."""
    return sentence_spans(doc).holding


def _skipped(sents: list[Span], skip: list[tuple[int, int]] | None) -> set[int]:
    """Indices of the sentences starting inside a ``skip`` character range: the sentences'
    first characters rise, so those of a range are a run found by binary search."""
    if not skip:
        return set()
    chars = [sent.start_char for sent in sents]
    return {si for a, b in skip for si in range(bisect_left(chars, a), bisect_left(chars, b))}


def _end_empty_sentence(doc: Doc, sent: Span, state: State, result: DocResult, when: tuple[str, str]) -> None:
    """:func:`_end_sentence` for a sentence that holds no quantity, segment, population or
    scope: it has no quantity group, and names no segment, population or scope, so of the
    carried state only the population mentioned (none), the history (none) and the sentences
    since the last claim change; a "They are ..." list may still name the members of the
    claim before (read only then: the sentence is looked at only when it follows a claim)."""
    state.mentioned_population = ""
    state.history = False
    if state.last_claims and state.sentences_since == 0:
        they_are_list(SentenceReader(doc, sent), state, result, *when)
    state.sentences_since += 1


def _end_sentence(reader: SentenceReader, state: State, result: DocResult, made: list[Claim], kept: list[Group],
                  leading_scope: str, history: bool, when: tuple[str, str]) -> None:
    """Keep the sentence's claims and carry what it established over to the next sentence.

    A sentence without quantity groups comes straight here (``made`` and ``kept`` empty,
    ``history`` False): every step of :func:`read_claims` before this one works through
    its groups, so for such a sentence they would find, change and claim nothing."""
    for s in reversed(reader.segments):
        named = named_segments(s) if s.id != TIER else ()
        if named:
            state.last_segment_named = named
            break
    mentioned = ""
    if not made:
        words = token_lists(reader.doc).lower
        mentioned = next((pop.label_ for pop in reversed(reader.populations)  # not 'Trust' in a body's name
                          if (pop.end >= len(words) or words[pop.end] not in {"'s", "’s"})
                          and not overlaps(pop, reader.orgs)), "")
    state.mentioned_population = mentioned
    explicit = leading_scope or explicit_scope(reader)
    if explicit:
        state.discourse_scope = explicit
        state.region_scope = region_named(reader) or state.region_scope
    state.history = history and not made
    if made:
        result.claims.extend(made)
        state.last_claims = made
        state.last_groups = kept
        state.sentences_since = 0
    else:
        if state.last_claims and state.sentences_since == 0:  # else no 'They are' list can follow a claim
            they_are_list(reader, state, result, *when)
        state.sentences_since += 1
