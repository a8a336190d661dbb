"""Which population and segment a quantity group belongs to: directly, through "of the",
after a copula, from a leading "Of the N ..." clause, from a coordinated list, or from the
sentence after ("They fall into Segment 3")."""

from __future__ import annotations

from itertools import pairwise

import regex
from spacy.tokens import Doc, Span

from ...pipeline.quantities import quantity_of
from ...pipeline.segments import framework_of, grouping_size, is_domain_segment, segment_data
from .sentence import (
    FOLLOW_OK,
    ORDINAL,
    THEY,
    TIER,
    UNITS,
    Group,
    SentenceReader,
    first_word,
    lower_at,
    named_segments,
    overlaps,
    places,
    punct_at,
    text_between,
    text_of,
    token_lists,
    trapped,
    word_at,
)

# How far relations reach inside one sentence: a coordinated list of counts, and the words
# between a population and the count it describes. Real sentences stay well inside these;
# they keep machine-made text (tables flattened into one "sentence") linear in time.
MAX_LIST = 12
WINDOW = 40


def find_population(reader: SentenceReader, g: Group, frame_end: int) -> bool:
    """Population directly after, through 'of' or 'of them', or after a copula; True when found. (A count
    'of these types' has its populations from the sentence before: :func:`read_claims` asks.)"""
    doc = reader.doc
    pop = reader.population_after(g.end)
    if pop is not None:
        g.population = pop
        return True
    if lower_at(doc, g.start - 1) == "to":  # a trend's subject follows a 'to' (:meth:`SentenceReader.trend_subject`)
        q = next((q for q in reader.quantities if q.start == g.start), None)
        pop = reader.trend_subject(q) if q is not None else None
        if pop is not None:
            g.population = pop  # '... has risen from 11 to 20': the number of trusts is now 20
            return True
    for seg in reader.segments:
        if seg.start == g.end and named_segments(seg) and reader.population_at(seg.end) is not None:
            g.population, g.segments = reader.population_at(seg.end), named_segments(seg)
            return True
    words, end = token_lists(doc).lower, min(frame_end, reader.sent.end)
    if g.end + 2 < end and words[g.end] == "of" and words[g.end + 1] in _OF_THEM:
        pop = reader.population_at(g.end + 2)  # '17 trusts are in segment 4, eight of them acute'
        if pop is not None:
            g.population = pop
            return True
    if _COPULAS.isdisjoint(words[g.end:end]):
        return False  # the search below looks only after a copula
    for j in range(g.end, end):
        if words[j] in _COPULAS:
            pop = reader.population_after(j + 1, limit=3)
            if pop is not None and not text_between(doc, j + 1, pop.start).strip(" ").startswith(("in", "on")):
                g.population = pop
                return True
        if words[j] == ";":  # a word whose lower case is ';' is ';', punctuation
            break
    return False


_COPULAS = frozenset({"are", "were", "is", "was"})
_OF_THEM = frozenset({"them", "which", "whom", "these", "those"})


def is_bare(reader: SentenceReader, g: Group) -> bool:
    """A number followed by a verb or preposition counts whatever the sentence is about."""
    doc = reader.doc
    if g.end >= reader.sent.end:
        return True
    words, nxt = token_lists(doc).lower, lower_at(doc, g.end)
    if nxt == "of" and lower_at(doc, g.end + 1) in {"them", "these", "those"}:
        return True  # 'None of them is in segment 4': the population of the sentence before
    if nxt == "of" and any(w in UNITS for w in words[g.end + 1:min(reader.sent.end, g.end + 5)]):
        return False
    if nxt == "of" and any(reader.population_at(i) is not None
                           for i in range(g.end + 1, min(reader.sent.end, g.end + 6))):
        return False
    if punct_at(doc, g.end) or nxt.isspace():
        return word_at(doc, g.end) not in {"%", "/"}
    return nxt in FOLLOW_OK


_OTHER_TIERS = {"elective", "cancer", "waiting", "diagnostic", "tiering", "recovery", "escalation", "opel"}


def segment_in(reader: SentenceReader, start: int, end: int) -> Span | None:
    """The first numbered segment in ``[start, end)``, else the first descriptor.

    "Tier 1" means an oversight segment only where the sentence is not about another tiering
    (elective recovery, cancer, waiting lists)."""
    inside = [s for s in reader.segments if s.start >= start and s.end <= end and places(s)
              and not (s.id == TIER and reader.words & _OTHER_TIERS)]
    numbered = [s for s in inside if not s.id_.startswith("desc:")]
    if numbered:
        return numbered[0]
    return inside[0] if inside else None


_LIMITS = {"higher", "lower", "better", "worse", "above", "below"}  # '... than segment 3'
_LIMIT_AFTER = {("at", "best"), ("at", "worst"), ("at", "most")}
_NEGATIONS = frozenset({"not", "n't", "never", "cannot"})


def not_its_place(reader: SentenceReader, g: Group, seg: Span) -> bool:
    """Whether ``seg`` is named as a bound or a denied place of the count, not where it sits:
    'cannot be placed higher than segment 3', 'could not go above segment 2', 'segment 3 at
    best', '20 trusts cannot be in segment 1 or 2', '20 trusts are not in segment 1' (the
    financial override's wording)."""
    doc = reader.doc
    prev = lower_at(doc, seg.start - 1) if seg.start > reader.sent.start else ""
    if prev in {"above", "below", "beyond"}:
        return True
    if prev == "than" and seg.start - 2 >= reader.sent.start and lower_at(doc, seg.start - 2) in _LIMITS:
        return True
    if seg.end + 1 < reader.sent.end and (lower_at(doc, seg.end), lower_at(doc, seg.end + 1)) in _LIMIT_AFTER:
        return True
    if seg.start < g.end:
        return False
    words = token_lists(doc).lower[g.end:seg.start]
    if _NEGATIONS.isdisjoint(words):
        return False
    last = max(k for k, w in enumerate(words) if w in _NEGATIONS)
    return _TO_A_PLACE.issuperset(words[last + 1:])  # 'which have not recovered are in segment 4' is placed


# what stands between a negation and the segment it denies: 'cannot be placed in', 'are not yet in'
_TO_A_PLACE = frozenset({"be", "been", "being", "placed", "put", "in", "into", "within", "yet", "currently", "now",
                         "still", "go", "get", "rise", "move", "reach", "to", "the", "a", "ever", "even", "allowed",
                         "able", "rated", "included", "listed", "at", "as", "high", "higher", "than", "above"})


def last_segment_in(reader: SentenceReader, start: int, end: int) -> Span | None:
    """The segment named last in ``[start, end)``: what a following 'in it' points back to."""
    inside = [s for s in reader.segments if s.start >= start and s.end <= end and named_segments(s)
              and not is_domain_segment(s)]
    return inside[-1] if inside else None


_IN_IT = {"in", "into", "within", "inside"}
_HOLDS = {"has", "have", "had", "holds", "held", "contains", "contained", "includes", "included", "there", "are",
          "were", "now", "still", "also", "only", "just", "is", "was", "sit", "sits", "sat", "lie", "lies", "stand",
          "stands", "remain", "remains"}


def holding_segment(reader: SentenceReader, start: int, g: Group) -> Span | None:
    """'Segment 3 now has 23 ICBs, segment 2 has 14 and ...', 'In segment 3 there are 23 ICBs,
    ...': a segment that holds the count, named just before it (after ``start``) with only a
    verb of holding between, whatever segment comes after."""
    words = token_lists(reader.doc).lower
    for s in reversed(reader.segments):
        if start <= s.start and s.end <= g.start:
            between = [w for w in words[s.end:g.start] if not w.isspace()]
            if between and _HOLDS.issuperset(between) and places(s):
                return s
            return None
    return None


def points_back(reader: SentenceReader, g: Group, frame_end: int) -> bool:
    """'a fifth segment exists ..., and no trust is in it': the count's place is the segment named
    just before, not the first one in the sentence."""
    doc = reader.doc
    words, end = token_lists(doc).lower, min(frame_end, reader.sent.end)
    if "it" not in words[g.end:end]:
        return False
    for k in range(g.end, end):
        if words[k] == "it" and lower_at(doc, k - 1) in _IN_IT \
                and (k + 1 >= reader.sent.end or punct_at(doc, k + 1) or words[k + 1] in {"yet", "now", "today"}):
            return True
    return False


_SPREAD = {"different", "separate", "differing", "various", "several", "distinct"}


def is_spread(reader: SentenceReader, g: Group, frame_end: int) -> bool:
    """'the two trusts sit in different segments': the group is counted across segments, in none."""
    words, end = token_lists(reader.doc).lower, min(frame_end, reader.sent.end) - 1
    if _SPREAD.isdisjoint(words[g.end:end]):
        return False
    return any(words[k] in _SPREAD and words[k + 1] in {"segments", "tiers", "categories"} for k in range(g.end, end))


_PREDICATE = {"are", "is", "were", "was", "remain", "remains", "remained", "sit", "sits", "fall", "falls", "fell",
              "have", "has", "had", "been", "now", "placed", "rated", "listed", "in", "into", "make", "made"}


_ACCOUNT_VERBS = ("account for", "accounts for", "accounted for", "make up", "makes up", "made up", "represent",
                  "represents", "comprise", "comprises")


def accounting_subject(reader: SentenceReader, g: Group) -> Span | None:
    """In 'Acute trusts account for 16/19 of the providers in segment 4' the acute trusts are counted."""
    before = [p for p in reader.populations if g.start - WINDOW <= p.start and p.end <= g.start]
    if not before:
        return None
    gap = text_between(reader.doc, before[-1].end, g.start).strip()
    return before[-1] if gap in _ACCOUNT_VERBS else None


def has_predicate(reader: SentenceReader, g: Group, frame_end: int) -> bool:
    """'Two of the others are ambulance trusts' places organisations; 'one of them said' does not."""
    words, start = token_lists(reader.doc).lower, reader.sent.start
    after = words[g.end:min(frame_end, g.end + 4)]
    before = [*words[max(start, g.start - 3):g.start], *words[start:start + 4]]
    return any(w in _PREDICATE for w in after) or any(w in {"are", "were", "is", "was"} for w in before)


_MOVE_VERBS = {"added", "removed", "left", "exited", "entered", "joined", "moved", "dropped", "slipped", "improved",
               "deteriorated", "transferred", "upgraded", "downgraded", "escalated", "de-escalated", "graduated",
               "changed", "switched", "shifted"}
_MOVE_INFINITIVES = {"improve", "move", "leave", "exit", "enter", "join", "drop", "fall", "rise", "slip", "climb",
                     "deteriorate", "change", "switch", "shift", "graduate"}
_MOVE_OBJECT_VERBS = {"moved", "removed", "took", "taken", "transferred", "upgraded", "downgraded", "escalated",
                      "de-escalated"}
# done to a count of trusts by a rule such as the financial override: 'which pushed around 20 trusts down a
# segment', 'capped 20 trusts', '20 trusts were affected / capped': those it moved or touched, not members
# ('36% of trusts are relegated to segment 3' places them: a stock)
_PUSHED = {"pushed", "pulled", "dragged", "knocked", "bumped", "demoted", "capped", "lowered", "affected", "impacted",
           "penalised", "penalized"}
_PUSHING = _PUSHED | {"push", "pushes", "pushing", "pull", "pulls", "pulling", "drag", "drags", "dragging", "knocks",
                      "knock", "knocking", "demotes", "demoting", "caps", "capping", "lowers", "lowering", "moved",
                      "moves", "moving", "affects", "affecting", "impacts", "impacting"}
_HOLDING = {"held", "holds", "holding", "kept", "keeps", "keeping"}  # '... held 20 trusts back'


# a move told as a headline tells it (present tense, gerund, and the few past forms no stock reading has): 'Two
# trusts leave the RSP', 'Three trusts escape segment 4';
# 'move' only with where to ('Four ICBs move out of segment 4'). Not 'fall': 'Ten trusts fall into segment 3' places.
_MOVE_PRESENT = {"leave", "leaves", "leaving", "exit", "exits", "exiting", "quit", "quits", "quitting", "escape",
                 "escapes", "escaping", "escaped", "enter", "enters", "entering", "join", "joins", "joining", "drop",
                 "drops", "dropping", "slip", "slips", "slipping", "climb", "climbs", "climbing", "climbed",
                 "graduate", "graduates", "graduating", "emerge", "emerges", "emerging", "emerged"}
_MOVE_PRESENT_WITH_PLACE = {"move", "moves", "moving"}
_MOVE_PLACE_WORDS = {"out", "into", "to", "up", "down", "from", "off", "back"}
# what may stand between a count and its verb: 'Two trusts now leave', 'three trusts that exit', 'set to leave'
_BEFORE_A_VERB = {"now", "finally", "also", "all", "both", "each", "that", "which", "who", "to", "set", "will", "may",
                  "could", "soon", "today", "officially", "formally"}


def _moves_now(head: list[str]) -> bool:
    """Whether the words after a count open with a move in the present tense (or its gerund), the
    verb the count is the subject of: not a move later in the clause ('Four trusts remain in
    segment 4, leaving 30 in segment 3' counts members)."""
    k = 0
    while k < min(len(head), 3) and head[k] in _BEFORE_A_VERB:
        k += 1
    if k >= len(head):
        return False
    if head[k] in _MOVE_PRESENT:
        return True
    return head[k] in _MOVE_PRESENT_WITH_PLACE and k + 1 < len(head) and head[k + 1] in _MOVE_PLACE_WORDS


def is_movement(reader: SentenceReader, g: Group, frame_end: int) -> bool:
    """'One trust moved from segment 2 to segment 3', 'none has been added', 'the override pushed
    20 trusts down a segment', '20 trusts were affected': a count of movers (or of those a rule
    touched), not of a segment's members (the contract counts where organisations are)."""
    lower = token_lists(reader.doc).lower
    words = lower[g.end:frame_end]
    aside = _past_asides(reader, g, frame_end)
    heads = [words[:6]] if aside is None else [words[:6], [*lower[g.end:aside[0]], *lower[aside[1]:frame_end]][:6]]
    if any(w in _MOVE_VERBS or w in _PUSHED for head in heads for w in head):
        return True  # 'Four trusts, among them X, have left segment 4': the verb after the aside
    if any(w == "to" and nxt in _MOVE_INFINITIVES for head in heads for w, nxt in pairwise(head)):
        return True  # 'one of five trusts to improve this quarter'
    own = g.population.end if g.population is not None and g.population.start >= g.end else g.end
    if _moves_now(lower[own:min(frame_end, own + 5)]) \
            or (aside is not None and _moves_now(lower[aside[1]:frame_end][:5])):
        return True  # 'Two trusts leave the Recovery Support Programme', 'Four ICBs move out of segment 4'

    before = lower[max(reader.sent.start, g.start - 2):g.start]
    if any(w in _MOVE_OBJECT_VERBS for w in before) and " out of " in " ".join(["", *words[:5], ""]):
        return True  # 'NHS England has moved 11 trusts out of the top tier'
    pusher = lower[max(reader.sent.start, g.start - 3):g.start]
    if not _PUSHING.isdisjoint(pusher):
        return True  # 'the override, which pushed around 20 trusts down a segment', 'it capped 20 trusts'
    if not _HOLDING.isdisjoint(pusher) and not {"back", "down"}.isdisjoint(words[:4]):
        return True  # 'the cap held 20 trusts back from segment 2'
    if "from" not in words:
        return False
    rest = g.end + words.index("from") + 1
    return any(s.start == rest for s in reader.segments) and any(w in {"to", "into"} for w in lower[rest:frame_end])


_OF_SOMETHING_SKIP = frozenset({"all", "the", "its", "their", "our", "total", "whole", "national", "england", "'s",
                                 "’s", "entire", "current", "nhs", "england's"})
_OF_THE_COUNTED = frozenset({"them", "these", "those", "which", "whom", "it", "this", "that", "providers", "trusts"})


def shares_something_else(reader: SentenceReader, g: Group) -> bool:
    """'Segment 3 trusts accounted for 57 per cent of all patients waiting', '30% of the national
    deficit', '... compared with 64% at segment 1 trusts': a percentage of patients, money or a
    standard met at some trusts, not a share of the organisations ('57% of all providers',
    '40% of England's trusts', '12% of them' stay shares)."""
    if g.percent is None or g.count is not None:
        return False
    doc = reader.doc
    nxt = lower_at(doc, g.end)
    if nxt == "at":  # '64% at segment 1 trusts', not '25% at present' or '25% at the end of June'
        return any(g.end < s.start <= g.end + 2 for s in (*reader.segments, *reader.populations))
    if nxt != "of":
        return False
    for k in range(g.end + 1, min(reader.sent.end, g.end + 6)):
        word = lower_at(doc, k)
        if reader.population_at(k) is not None or word in _OF_THE_COUNTED:
            return False
        if word in _OF_SOMETHING_SKIP or doc[k].like_num or any(s.start <= k < s.end for s in reader.scopes):
            continue
        return word.isalpha()
    return False


def is_history(reader: SentenceReader, g: Group, clause_start: int, frame_end: int) -> bool:
    """'Ten trusts have spent two years in special measures', '17 trusts that have been through
    it', '30 trusts have entered special measures since 2013': a count of a history or
    of entrants over a period, not of where organisations sit now; likewise a forecast ('around
    10 trusts are likely to be placed in segment 5'). The phrases are traps in ``models/``."""
    aside = _past_asides(reader, g, frame_end)
    return _told_history(reader, g.end, clause_start, frame_end) \
        or (aside is not None and _told_history(reader, aside[1], clause_start, frame_end))


def _told_history(reader: SentenceReader, start: int, clause_start: int, frame_end: int) -> bool:
    """:func:`is_history` for a count's words from ``start``, up to an aside about someone else."""
    doc = reader.doc
    words = token_lists(doc).lower
    own_end = frame_end  # unless an aside begins, which needs an aside word: most frames have none
    if not _ASIDE.isdisjoint(words[start + 1:frame_end]):
        own_end = next((k for k in range(start, frame_end - 1) if words[k] in {",", "(", ";", "–", "—"}
                        and words[k + 1] in _ASIDE), frame_end)
    if trapped(doc, "HISTORY", start, own_end) or trapped(doc, "HEDGE", clause_start, min(own_end, start + 4)):
        return True  # a hedge too: 'about 15 trusts are expected to enter segment 5' is no count of members
    if _hedged_verb(doc, words, start, own_end):
        return True
    return trapped(doc, "SINCE", clause_start, own_end) and trapped(doc, "ENTRY", start, own_end)


def _hedged_verb(doc: Doc, words: list[str], start: int, end: int) -> bool:
    """'18 providers in the Recovery Support Programme are expected to move there': a forecast
    whose hedge comes after a long noun phrase, at the count's first verb (not in a relative
    clause before it: 'Ten trusts that were expected to leave are still in segment 4')."""
    if not trapped(doc, "HEDGE", start, end):
        return False  # most counts have no hedge word at all
    for k in range(start, end):
        if words[k] in _BEFORE_THE_VERB_ENDS:
            return False
        if words[k] in _VERB_HEADS:
            return trapped(doc, "HEDGE", k, min(end, k + 3))
    return False


_BEFORE_THE_VERB_ENDS = {"which", "who", "whose", "that", ";", ":"}  # a relative clause or another clause opens
# the first word of a count's verb, where a hedge would stand ('are expected to', 'could be moved')
_VERB_HEADS = {"is", "are", "was", "were", "will", "could", "might", "would", "may", "remain", "remains", "seem",
               "seems", "appear", "appears", "look", "looks"}


# a count's own words stop where an aside about someone else begins: '..., among them X, which has spent ...'
_ASIDE = {"which", "who", "whose", "among", "amongst", "including", "with", "while", "whilst", "although", "but"}
_LISTING = {"among", "amongst", "including", "them", "these", "such", "as", "like", "notably", "for", "example"}
_OPENS = {",", "(", "–", "—", "-"}
_CLOSES = {",", ")", "–", "—", "-"}
_RELATIVE = {"which", "who", "whose"}


def _past_asides(reader: SentenceReader, g: Group, frame_end: int) -> tuple[int, int] | None:
    """Where asides set right after a count's noun begin and where its own words resume: 'Four
    trusts, among them X, have come out of special measures' (the verb is after the aside),
    '..., among them X, which has spent two years there, are in segment 4'. None without one."""
    doc = reader.doc
    start = g.population.end if g.population is not None and g.population.start >= g.end else g.end
    k = start
    while k < frame_end - 1:
        if lower_at(doc, k) in _OPENS and lower_at(doc, k + 1) in _LISTING | _RELATIVE:
            end = _aside_end(reader, k + 1, frame_end)
        elif k > start and lower_at(doc, k - 1) == "," and lower_at(doc, k) in _RELATIVE:
            end = _aside_end(reader, k, frame_end)  # '..., among them X, which has ...,': the list took the comma
        else:
            break
        if end is None:
            break
        k = end
    return (start, k) if k > start else None


def _aside_end(reader: SentenceReader, k: int, frame_end: int) -> int | None:
    """The token after an aside beginning at ``k``: a list of bodies ('among them X and Y,') ends
    with its names, a relative clause ('which has ...,') at its next closing mark, else at the
    frame's end ('out of 37, among them X, which has spent three years there.')."""
    doc = reader.doc
    if lower_at(doc, k) in _RELATIVE:
        close = next((j for j in range(k + 1, frame_end) if lower_at(doc, j) in _CLOSES), None)
        return close + 1 if close is not None else frame_end  # the clause runs to the frame's end
    while k < frame_end and lower_at(doc, k) in _LISTING:
        k += 1
    named = False
    while k < frame_end:
        org = next((o for o in reader.orgs if o.start == k), None)
        if org is not None:
            k, named = org.end, True
        elif lower_at(doc, k) in {",", "and"}:
            k += 1
        else:
            break
    if not named:
        return None
    if lower_at(doc, k) in _CLOSES - {","}:
        return k + 1
    return k if lower_at(doc, k - 1) == "," else None


_SHARING = {"shares", "shared", "share", "sharing", "tied", "level"}


def is_rank_company(reader: SentenceReader, g: Group) -> bool:
    """'which shares 68th place with four other trusts': the four share a rank, not a segment."""
    doc = reader.doc
    if lower_at(doc, g.start - 1) != "with":
        return False
    before = set(token_lists(doc).lower[max(reader.sent.start, g.start - 7):g.start - 1])
    return bool(before & _SHARING) and bool(before & {"place", "position", "rank", "spot"} or
                                            any(ORDINAL.match(w) for w in before))


_RANK_WORDS = frozenset({"ranked", "ranks", "rank", "ranking", "placed", "place", "position", "spot", "last", "bottom",
                         "top", "first", "joint"})
_LEAGUE_OF = frozenset({"of", "among", "amongst"})
_COMPARED = (("compared", "with"), ("compared", "to"), ("up", "from"), ("down", "from"), ("versus",), ("vs",),
             ("against",), ("from",), ("(",))


def _is_rank_at(doc: Doc, k: int, lo: int) -> bool:
    """Whether token ``k`` gives a rank: '118th', 'last', 'ranked', or a number after 'ranked'
    ('ranked 118 of 134')."""
    word = lower_at(doc, k)
    if word in _RANK_WORDS or ORDINAL.match(word):
        return True
    return doc[k].like_num and k - 1 >= lo and lower_at(doc, k - 1) in {"ranked", "ranks", "joint", "number"}


def is_league_size(reader: SentenceReader, g: Group) -> bool:
    """'ranked 118 of 134 acute trusts', '118th out of 134', 'last among 61': the number is the
    size of the league a rank is given in, not a count in the segment the sentence names."""
    doc = reader.doc
    k = g.start - 1
    if k >= reader.sent.start and lower_at(doc, k) == "the":
        k -= 1
    if k < reader.sent.start or lower_at(doc, k) not in _LEAGUE_OF:
        return False
    k -= 1
    if lower_at(doc, k) == "out":
        k -= 1
    return k >= reader.sent.start and _is_rank_at(doc, k, reader.sent.start)


def is_earlier_rank(reader: SentenceReader, g: Group, league_sizes: list[Group]) -> bool:
    """'ranked 118 of 134 acute trusts, compared with 121 in quarter 2', '(121 in quarter 2)', 'up
    from 121': a bare number set against a rank the sentence gives is an earlier rank."""
    if not league_sizes or (g.population is not None and g.population.start >= g.end):
        return False
    doc = reader.doc
    before = tuple(lower_at(doc, k) for k in range(max(reader.sent.start, g.start - 2), g.start))
    return any(before[-len(c):] == c for c in _COMPARED) and g.start > league_sizes[-1].start


def trailing_total(reader: SentenceReader, g: Group, frame_end: int) -> int | None:
    """'three in special measures out of 37'."""
    doc = reader.doc
    words = token_lists(doc).lower
    for i in range(g.end, min(frame_end, reader.sent.end) - 2):
        if words[i] == "out" and words[i + 1] == "of" and not ORDINAL.match(lower_at(doc, i - 1)):
            for q in reader.quantities:
                if q.start in (i + 2, i + 3) and quantity_of(q).kind == "CARD" and quantity_of(q).count:
                    return quantity_of(q).count
    return None


_BRACKETED = regex.compile(r"\([^)]*\)")


def combined(reader: SentenceReader, seg: Span, frame_end: int) -> tuple[int, ...]:
    """'split between segment 1 (maximum autonomy) and segment 2 (targeted support)' → (1, 2)."""
    doc = reader.doc
    segs = list(named_segments(seg))
    for other in reader.segments:
        if other.start <= seg.end or other.end > frame_end or not named_segments(other):
            continue
        if doc[other.start - 1].text == "(" and other.start - seg.end <= 1:
            continue  # 'segment 1 (maximum autonomy)': the same segment named again
        gap = _BRACKETED.sub(" ", text_of(doc, seg.end, other.start)).strip(" ,").lower()
        if gap in {"and", "or", "and in", "or in", "and into"}:
            segs.extend(named_segments(other))
            seg = other
        else:
            break
    if len(segs) == 1 and lower_at(doc, seg.end) in {"or", "and"} and seg.end + 1 < frame_end \
            and lower_at(doc, seg.end + 2) not in _COMPARED_WITH:  # not 'in segment 3 and below the average'
        segs = _open_ended(seg, segs[0], lower_at(doc, seg.end + 1)) or segs
    return tuple(dict.fromkeys(segs))


_BETTER = frozenset({"better", "above", "higher"})
_COMPARED_WITH = frozenset({"the", "a", "an", "average", "par", "target", "targets", "expectations", "national", "its",
                            "their", "our", "plan", "than", "that", "this", "last", "what"})
_WORSE = frozenset({"worse", "below", "lower"})


def _open_ended(seg: Span, n: int, word: str) -> list[int]:
    """'segment 2 or better' is segments 1 and 2; 'segment 3 or worse/below' runs from 3 to the
    lowest segment of the framework (5 under NOF 2025/26, or as many as the page says there are)."""
    if word in _BETTER:
        return list(range(1, n + 1))
    if word in _WORSE:
        top = grouping_size(seg) or segment_data()["max_segment"].get(framework_of(seg.doc), 4)
        return list(range(n, top + 1)) if top > n else []
    return []


_LEADS_IN = regex.compile(r"\s*(?:\(\s*\d{1,4}\s*\))?\s*[:–—-]\s*")  # 'Community trusts (12): '


def population_before(reader: SentenceReader, g: Group) -> Span | None:
    """'Community trusts are the stand-out performers: nine in 10 are in ...' → community."""
    before = [p for p in reader.populations
              if g.start - WINDOW <= p.start and p.end <= g.start and not overlaps(p, reader.orgs)]
    if not before:
        return None
    pop, doc = before[-1], reader.doc
    between = text_of(doc, pop.end, g.start)
    if _LEADS_IN.fullmatch(between):
        return pop
    lead = text_between(doc, max(reader.sent.start, pop.start - 3), pop.start)
    if lead.endswith(("number of", "total of", "count of", "tally of")):
        return pop
    if _number_outside_segments(reader, pop.end, g.start):
        return None
    if any(s.start >= pop.end and s.end <= g.start for s in reader.segments):
        return None
    return pop if ":" in between or between.strip().lower().startswith(("are", "is", ",")) else None


_FRONTED_POPULATION = frozenset({"among", "amongst", "for", "across", "within"})
_BEFORE_FRONTED = frozenset({"the", "all", "england", "'s", "’s", "its", "our", "their", "those", "these", "of",
                             "case"})


def fronted_population(reader: SentenceReader, g: Group) -> Span | None:
    """'Among mental health trusts, the number in segment 4 fell to two', 'For ambulance trusts,
    the count in segment 1 is two': a population fronted before the sentence's comma is what a
    bare count after it counts, whatever segment stands between (not the population of the
    sentence before)."""
    first = reader.first_word
    doc = reader.doc
    if first is None or lower_at(doc, first) not in _FRONTED_POPULATION:
        return None
    k = first + 1
    while k < g.start and lower_at(doc, k) in _BEFORE_FRONTED:
        k += 1
    pop = reader.population_at(k)
    if pop is None or lower_at(doc, pop.end) != "," or pop.end >= g.start or overlaps(pop, reader.orgs):
        return None
    if any(pop.end <= p.start < g.start for p in reader.populations):
        return None  # 'Among acute trusts, the number of teaching trusts ...': another population counted
    return pop


def _number_outside_segments(reader: SentenceReader, start: int, end: int) -> bool:
    """Whether a token in ``[start, end)`` looks like a number and is not part of a segment's name."""
    doc = reader.doc
    numbers = [i for i in range(start, end) if doc[i].like_num]
    if not numbers:
        return False
    in_segment = {i for s in reader.segments for i in range(s.start, s.end)}
    return any(i not in in_segment for i in numbers)


def leading_totals(reader: SentenceReader, kept: list[Group]) -> list[Group]:
    """'Of the 207 NHS trusts assessed, 27 (13%) were ...', 'Of the 19 trusts in segment 4, 13 are
    acute ...' and 'All 238 NHS providers have been segmented'.

    A leading "Of the N ..." group is the denominator of the next count and the population
    and segment of every count after it; without a segment of its own it states a
    population size, which comes back as a population claim.
    """
    doc = reader.doc
    words = token_lists(doc).lower
    out = []
    for gi, g in enumerate(kept):
        if g.count is not None and _remainder_lead(reader, g):
            # 'Of the remaining 37, two are in segment 1, ...': what is left of a whole, so neither
            # a count of a segment nor anyone's total (a claim's total is its population's size)
            g.leading_total = True
            for nxt in kept[gi + 1:]:
                if nxt.population is None and not nxt.pop_types:
                    nxt.population = g.population
            continue
        if g.population is None or g.count is None:
            continue
        before = [words[i] for i in range(max(reader.sent.start, g.start - 5), g.start) if not words[i].isspace()]
        if _leads_into(before) \
                and _at_start(reader, g.start) and gi + 1 < len(kept) and g.total is None:
            gap = text_between(doc, g.population.end, kept[gi + 1].start)
            if "," not in gap:
                continue
            g.leading_total = True
            for _k, nxt in enumerate(kept[gi + 1:]):
                if nxt.total is None and not nxt.pop_types:
                    nxt.total = g.count
                if nxt.population is None and not nxt.pop_types:
                    nxt.population = g.population
                nxt.scope = nxt.scope or g.scope
                if not nxt.segments and g.segments:
                    nxt.segments, nxt.subset = g.segments, True
            if g.segments:
                g.leading_total = False
            else:
                out.append(Group(start=g.start, end=g.end, count=g.count, population=g.population, scope=g.scope))
        elif _leads_into(before) \
                and _at_start(reader, g.start) and gi + 1 == len(kept) and g.total is None and _opens_clause(reader, g):
            # 'Of the 42 ICBs, only Frimley is in segment 1': the whole, not the count of the segment
            g.leading_total = True
            out.append(Group(start=g.start, end=g.end, count=g.count, population=g.population, scope=g.scope))
        elif out and not g.segments and not g.share and g.percent is None and g.total is None \
                and ":" in text_between(doc, reader.sent.start, g.start) and not any(
                    named_segments(s) for s in reader.segments):
            # 'All 205 trusts have been assessed: 134 acute trusts, 61 non-acute trusts and 10 ...'
            g.leading_total = True
            out.append(Group(start=g.start, end=g.end, count=g.count, population=g.population, scope=g.scope))
        elif (before[-1:] == ["all"] or before[-2:] == ["all", "the"] or _states_population(before)
              or _were_assessed(reader, g)) \
                and not g.share and g.percent is None and not g.segments and not g.anaphoric \
                and _COPULAS.isdisjoint(words[g.end:g.population.start]):  # not 'All three are acute trusts'
            g.leading_total = True
            out.append(Group(start=g.start, end=g.end, count=g.count, population=g.population, scope=g.scope))
            if _states_population(before) and gi + 1 < len(kept) and kept[gi + 1].total is None \
                    and "," in text_between(doc, g.population.end, kept[gi + 1].start):
                kept[gi + 1].total = g.count
    return out


_ASSESSED = frozenset({"assessed", "segmented"})
_AFTER_ASSESSED = frozenset({".", ",", ";", ":", "this", "last", "in", "for", "under", "by", "across", "and", "so",
                             "nationally", "overall", "altogether", "at"})
_INSPECTION = frozenset({"cqc", "inspected", "inspection", "inspectors", "inadequate", "outstanding"})
_TO_ASSESSED = frozenset({"were", "was", "have", "has", "had", "been", "are", "all", "now", "being"})


def _were_assessed(reader: SentenceReader, g: Group) -> bool:
    """'Across England, 205 trusts were assessed.', '42 ICBs have been segmented': the size of the
    population the segmentation covered (not 'were assessed as needing support')."""
    words, end = token_lists(reader.doc).lower, reader.sent.end
    k = g.population.end
    if _ASSESSED.isdisjoint(words[k:min(end, k + 4)]):
        return False
    while k < end and words[k] in _TO_ASSESSED:
        k += 1
    return k < end and words[k] in _ASSESSED and k + 1 < end and words[k + 1] in _AFTER_ASSESSED \
        and reader.words.isdisjoint(_INSPECTION)


def _leads_into(before: list[str]) -> bool:
    """Whether the words before a count open a whole it is taken from: 'Of the 42 ICBs, ...',
    'Across the 134 acute trusts, ...', 'Looking at the 42 ICBs, ...'."""
    return "of" in before or any(w in before for w in ("across", "among", "amongst")) or (
        "at" in before and before.index("at") > 0 and before[before.index("at") - 1] in ("looking", "look"))


_REMAINDER_LEADS = ("of the remaining", "of the other", "of the rest", "among the remaining", "among the other",
                    "of those remaining", "of the others")


def _remainder_lead(reader: SentenceReader, g: Group) -> bool:
    """Whether the sentence opens with 'Of the remaining N' (or 'of the other N', 'among the
    remaining N') and a comma closes it."""
    lead = text_between(reader.doc, reader.sent.start, g.start).strip().lower()
    return lead.endswith(_REMAINDER_LEADS) and len(lead.split()) <= 4 and _opens_clause(reader, g)


def _opens_clause(reader: SentenceReader, g: Group) -> bool:
    """Whether a comma closes a leading group within a few words of its population ('Of the
    42 ICBs, ...', 'Of the 134 trusts assessed, ...') with no segment of its own before it
    (not 'Of the 19 trusts in segment 4, ...'), so that any segment the sentence names
    belongs to the clause after the comma."""
    words = token_lists(reader.doc).lower
    start = g.population.end if g.population is not None else g.end
    comma = next((k for k in range(start, min(start + 5, reader.sent.end)) if words[k] == ","), None)
    return comma is not None and not any(g.start <= s.start and s.end <= comma for s in reader.segments)


def _at_start(reader: SentenceReader, i: int) -> bool:
    """Whether the words before token ``i`` only lead into a count: not alphabetic, a leading
    word or title-cased ('Of England's 42 ICBs, ...'); read from the words' text, as
    ``token.is_alpha`` and ``token.is_title`` are ``str.isalpha`` and ``str.istitle`` of it."""
    doc, words = reader.doc, token_lists(reader.doc).lower
    for k in range(reader.sent.start, i):
        word = word_at(doc, k)
        if word.isalpha() and words[k] not in _LEAD_WORDS and not word.istitle():
            return False
    return True


_LEAD_WORDS = {"of", "the", "all", "england", "s", "across", "among", "amongst", "region", "county", "city", "capital",
               "system", "country",
               "its", "our", "their", "nation", "sector", "area",
               # 'According to our analysis of 210 providers, ...', 'In a review of the 42 ICBs, ...'
               "according", "to", "analysis", "review", "survey", "study", "data", "figures", "in", "a", "an",
               "this", "latest", "at", "looking", "research", "assessment"}


_POPULATION_VERBS = {"covered", "covers", "covering", "assessed", "assesses", "oversees", "oversaw", "segmented",
                     "comprises", "across"}


def _states_population(before: list[str]) -> bool:
    """'There are 42 ICBs', 'the segmentation covered 211 trusts', 'England has 42 ICBs'."""
    if before[-2:] in (["there", "are"], ["there", "were"], ["are", "now"]) or before[-3:] == ["there", "are", "now"]:
        return True
    if len(before) >= 2 and before[-1] in {"'s", "’s", "has", "had"} \
            and before[-2] in {"england", "country", "nation", "nhs"}:
        return True  # "England's 42 ICBs", 'England has 205 trusts'
    if before[-2:-1] and before[-2] in {"rank", "ranks", "ranked", "covers", "covering"} and before[-1] == "the":
        return True
    return bool(before) and before[-1] in _POPULATION_VERBS


def shared_segment(reader: SentenceReader, groups: list[Group], gi: int) -> tuple[int, ...]:
    """A coordinated list shares the segment named at its end."""
    doc = reader.doc
    for k in range(gi, min(len(groups) - 1, gi + MAX_LIST)):
        cur, nxt = groups[k], groups[k + 1]
        end = cur.population.end if cur.population is not None else cur.end
        gap = text_between(doc, end, nxt.start).replace(",", " ").split()
        if any(w not in {"and", "as", "well", "plus", "while"} for w in gap):
            return ()
        if nxt.segments:
            return nxt.segments
    return ()


def segments_from_next(doc: Doc, sents: list[Span], si: int) -> tuple[int, ...]:
    """'... 23 of the 42 ICSs ... . They fall into Segment 3.'"""
    if si + 1 >= len(sents):
        return ()
    nxt = sents[si + 1]
    first = first_word(doc, nxt.start, nxt.end)
    if first is None or lower_at(doc, first) not in THEY:
        return ()
    reader = SentenceReader(doc, nxt)
    if any(reader.is_count_candidate(q) for q in reader.unparsed):
        return ()
    seg = segment_in(reader, nxt.start, nxt.end)
    return named_segments(seg) if seg is not None else ()


def leading_segment(reader: SentenceReader, g: Group) -> tuple[int, ...]:
    """'Segment 1: 34 trusts (17%) – 14 acute, 20 non-acute and no ambulance trusts': a sentence
    that opens with its only segment gives it to every count after it."""
    first = next((s for s in reader.segments if places(s)), None)
    if first is None or first.start > g.start or first.start - reader.sent.start > 6:
        return ()  # the others are looked at only behind a leading one
    sets = {named_segments(s) for s in reader.segments if places(s)}
    return named_segments(first) if len(sets) == 1 else ()


_HEDGES = ("only", "about", "around", "roughly", "just", "some", "nearly", "almost", "approximately", "under",
           "over", "more than", "less than", "fewer than", "barely", "well")
_RESTATING = ("– that's", "— that's", "- that's", ", that's", "– that is", "— that is", ", that is", ", which is",
              "– which is", "— which is", "(that's", "( that's")


def restates_share(reader: SentenceReader, prev: Group, g: Group) -> bool:
    """'29 are in segment 1 – that's only about 14%': a percentage restating the count before."""
    between = text_between(reader.doc, prev.end, g.start).lower().replace("’", "'").replace(" 's", "'s")
    changed = True
    while changed:
        changed = False
        for hedge in _HEDGES:
            if between.endswith(" " + hedge):
                between, changed = between[:-len(hedge) - 1].rstrip(), True
    return between.endswith(_RESTATING) and not _number_outside_segments(reader, prev.end, g.start)


_LEAGUE_LEAD = regex.compile(r"^(?:in|across|within|for|of) the (acute|non-acute|non acute|ambulance|mental health|"
                             r"community) (?:trust |trusts' )?(?:league table|league|table|tables|ranking|rankings)\b")
_LEAGUE_TYPES = {"acute": "acute", "non-acute": "non_acute", "non acute": "non_acute", "ambulance": "ambulance",
                 "mental health": "mental_health", "community": "community"}


def league_of_sentence(reader: SentenceReader) -> str:
    """'In the acute table, 16 trusts have made it into segment 1': the trusts are acute trusts."""
    first = reader.first_word  # the lead's first word, which the pattern needs to be one of its openers
    if first is None or lower_at(reader.doc, first) not in {"in", "across", "within", "for", "of"}:
        return ""
    m = _LEAGUE_LEAD.match(reader.lead)
    return _LEAGUE_TYPES[m.group(1)] if m else ""
