"""League-table rankings (NOF 2025/26 onwards): "ranked joint 83rd out of 134 acute trusts",
"came top of the 10 trust table for ambulance services", "ranked last among 61 non-acute
trusts", "has risen to 23rd from 44th".

Each rank span from ``extractor_ranks`` is read with the words around it: the ordinal, a
denominator ("out of", "of the", "among"), "joint", an earlier rank ("from 44th", "up from
31st"), the league (from the population named nearby), the segment stated in the same
sentence, and the organisation it is about (the nearest linked organisation before it,
else the one the previous sentence was about). Superlatives and table ends are read by
:mod:`.rank_frames`, lists of names and positions by :mod:`.rank_lists`; what the words
around a position say is shared in :mod:`.rank_words`. Only a page about the oversight
league tables is read for positions at all.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

from ..gazetteer import load_gazetteer
from ..pipeline.extensions import doc_date, sentences, span_text, spans_in, text_of
from ..pipeline.traps import traps_in
from ..records import Claim, DocResult, Ranking
from . import subjects
from .lists import ORG_HEADS
from .rank_frames import read_frames
from .rank_lists import (
    listed_position,
    named_before_apposition,
    place_listed,
    position_words,
    read_followers,
    read_named_positions,
    read_respectively,
    segment_after,
)
from .rank_words import (
    LEAGUE_OF_TYPE,
    LEAGUE_SIZE_VALUES,
    cardinal,
    cardinal_value,
    clause_end,
    coordinated,
    doc_values,
    foreseen,
    from_bottom,
    is_metric,
    is_regional,
    is_sub_group,
    joined,
    league_context,
    league_of_sentence,
    league_of_size,
    lower_forms,
    make_ranking,
    opens_with_a_region,
    ordinal,
    position_value,
    relative_antecedent,
    segment_kept,
    sentence_of,
    sentence_starts,
    sentence_text,
    slashed,
    span_group,
    stated_size,
    text_at,
    texts_of,
    usual_league,
    window,
)

_PREVIOUS_BEFORE = {"from", "previously", "q1"}
# the words :func:`_previous_rank` reads after ('compared with', 'against' and an opening bracket only
# as :func:`_compared_cue` says)
_PREVIOUS_CUES = {"from", "q1", "previously", "was", "been", "with", "to", "against", "versus", "vs", "vs.", "("}
# the share of a table a band covers ('ranked in top half', 'in bottom quarter of the table')
_SHARES = {"half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths", "quartile",
           "quintile", "decile", "percentile", "two-thirds", "three-quarters"}
_COMPARING = {"compared", "comparing", "compares", "comparison"}
# what follows the earlier position in brackets: its time ('(121 in quarter 2)', '(121st last quarter)')
_EARLIER_TIME_OPENERS = {"in", "at", "last", "previously", "before", "earlier", "the", "a", "for", "during", "on"}
_EARLIER = {"previous", "previously", "earlier", "before", "last", "prior"}
# 'fourth in the first table', 'ninth in the previous rankings', '12th the quarter before': an earlier table
_EARLIER_TABLE_WORDS = _EARLIER | {"first", "initial", "inaugural", "original", "preceding", "ago"}
_TABLE_NOUNS = {"table", "tables", "league", "rankings", "ranking", "quarter", "edition", "publication", "list",
                "time", "round"}
_MOVES = {"moved", "rose", "risen", "climbed", "fell", "fallen", "dropped", "slipped", "jumped", "improved", "up",
          "down", "ranking", "position", "place", "went", "gone", "going"}
_POSITION_NOUNS = {"position", "ranking", "rank", "place", "placing", "standing"}
_BANDS = {"band", "bands", "segment", "segments", "category", "categories", "tier", "tiers"}
_STRONG_AFTER_AT = {"overall", "nationally", "out", "of", "place", "position", "among", "amongst"}
# 'was first inspected in 2014': 'first' says when, not where
_AFTER_ADVERB_FIRST = {"put", "set", "made", "seen", "run", "taken", "became", "took", "went", "time", "half",
                       "quarter", "year", "month", "week", "day", "to"}
# 'ranked second-worst in England': an ordinal counted among the best or worst, read by rank_frames
_SUPERLATIVE_AFTER = {"best", "worst", "lowest", "highest", "largest", "biggest", "smallest", "poorest"}
_SELF = ("we ", "our trust ", "our organisation ", "our icb ")


def _read_total(doc: Doc, sent: Span, after: int) -> int | None:
    lowers = lower_forms(doc)
    near = window(doc, after, min(after + 6, sent.end))
    for i, k in enumerate(near):
        if i and lowers[near[i - 1]] == "one" and lowers[k] in {"of", "among", "amongst"}:
            continue  # 'and is one of 36 acute trusts in segment 4': a group it belongs to, not the league
        if lowers[k] in {"of", "among", "amongst"} or (lowers[k] == "out" and i + 1 < len(near)):
            for nxt in near[i + 1:i + 5]:
                value = cardinal(text_at(doc, nxt))
                if isinstance(value, int) and value > 1:
                    return value
                if lowers[nxt] not in {"of", "the", "all", "england", "england's", "'s", "’s", "its", "their", "our"}:
                    break
    return None


def _number_out_of(words: list[str]) -> bool:
    """'came 118 out of', 'finished joint 40 of', 'was 118 of': a number after a verb of where a
    body stands, with no word saying it is a position, which only the league's size after it makes one."""
    return words[-1] == "of" and words[0] in _STANDS and not any(ordinal(w) for w in words)


def _out_of_a_league(doc: Doc, sent: Span, span: Span, copula: bool) -> bool:
    """Whether the number after 'came 118 out of' is a league's size: one of the leagues' (134,
    61), or, after a verb other than a copula, any number of trusts ('came 3 out of 10
    ambulance trusts'); not 'came 3 of its 10 targets', 'was 1 of 21 trusts in segment 4'."""
    lowers = lower_forms(doc)
    k = span.end + (span.end < sent.end and lowers[span.end] in {"the", "all"})
    value = cardinal_value(text_at(doc, k)) if k < sent.end else None
    if value is None or value <= (position_value(span) or 0):
        return False
    if value in LEAGUE_SIZE_VALUES:
        return True
    return not copula and any(p.start == k + 1 for p in spans_in(doc, "populations", k + 1, min(k + 3, sent.end)))


_STANDS = frozenset({"came", "comes", "coming", "come", "finished", "finishes", "finishing", "finish", "sits", "sat",
                     "sitting", "stands", "stood", "standing", "lies", "lay", "lying", "ended", "ends", "ending", "is",
                     "was", "now", "remains", "remained"})
# a copula says no more than 'is': only one of the leagues' sizes after it makes the number a position
_COPULAS = frozenset({"is", "was", "now", "remains", "remained"})


def _a_range(doc: Doc, span: Span) -> bool:
    """'Ranked 41st to 50th', 'placed 41st – 50th', 'ranked 41 to 50 out of 134': a stretch of the
    table, which no one body holds ('from 44th to 23rd' is a move, read as one span)."""
    lowers = lower_forms(doc)
    end = span.end
    if lowers[span.start] == "from" or end + 1 >= len(lowers) or lowers[end] not in _RANGE_MARKS:
        return False
    nxt = text_at(doc, end + 1)
    own = position_value(span)
    value = ordinal(nxt) or (cardinal_value(nxt) if nxt.isdigit() and span.id_ == "cardinal" else None)
    return own is not None and value is not None and value > own


_RANGE_MARKS = frozenset({"to", "-", "–", "—"})


def _had_been(words: list[str]) -> bool:
    """'having been 11th', 'it had been 127th': a position held before."""
    return len(words) >= 2 and words[-1] == "been" and words[-2] in {"having", "had"}


def _a_move_in_the_table(doc: Doc, sent: Span, span: Span) -> bool:
    """'from 101 to 120' is a move in the table after a verb of moving, and above the segment
    numbers ('moved from 3 to 2' is a change of segment)."""
    values = [v for v in (cardinal_value(t) or ordinal(t) for t in texts_of(doc, span.start, span.end)) if v]
    lowers = lower_forms(doc)
    before = {lowers[k] for k in window(doc, max(sent.start, span.start - 5), span.start)}
    return bool(before & _MOVES) and all(v > 5 for v in values)  # 'rose 14 places, from 88th to 74th'


def _previous_before(doc: Doc, sent: Span, span: Span) -> int | None:
    """'moved from 132 to 96', 'up from 44th to 23rd': the position before, stated first."""
    lowers = lower_forms(doc)
    near = window(doc, max(sent.start, span.start - 4), span.start)
    for i, k in enumerate(near[:-1]):
        if lowers[k] == "from":
            nxt = text_at(doc, near[i + 1])
            return ordinal(nxt) or cardinal_value(nxt)
    return None


def _places_moved(doc: Doc, sent: Span, span: Span, rank: int | None) -> int | None:
    """'climbed 20 places to 54th' → 74, '5th, down two places on last quarter' → 3: the
    position before, from the places gained or lost around the position."""
    if rank is None:
        return None
    lowers = lower_forms(doc)
    near = window(doc, max(sent.start, span.start - 4), min(sent.end, span.end + 5))
    for i, k in enumerate(near[:-1]):
        if lowers[near[i + 1]] not in ("places", "place", "spots", "positions") or not i:
            continue
        places = cardinal_value(text_at(doc, k))
        way = lowers[near[i - 1]]
        if way == "by" and i > 1:
            way = lowers[near[i - 2]]  # 'went up by 25 places, to 31st'
        if not isinstance(places, int) or places < 1:
            continue
        if way in _GAINS:
            return rank + places
        if way in _LOSSES and rank - places >= 1:
            return rank - places
    return None


_GAINS = {"up", "climbed", "rose", "risen", "jumped", "gained", "improved", "moved", "climbing", "rising"}
_LOSSES = {"down", "fell", "fallen", "dropped", "slipped", "lost", "sank", "slid", "falling", "dropping"}


def _previous_rank(doc: Doc, sent: Span, after: int, others: list[Span]) -> tuple[int, int] | None:
    """'34th, up from 40th', '34th, having been 40th in June', 'X, 34th, was 40th last quarter':
    the position held before, stated after the current one. It is the ranked body's own: the
    words read stop at the name of another organisation (``others``) and at a clause whose
    subject is someone else ('X was ranked 34th and Y was ranked 88th', 'X came 34th, while
    its neighbour was 88th'). Given with the token it is read from, which states no position
    of its own ('X ranks 34th this quarter but was 40th in the last')."""
    lowers = lower_forms(doc)
    stop = min((o.start for o in others if o.start >= after), default=sent.end)
    near = window(doc, after, min(after + 30, sent.end, stop))
    words = [lowers[k] for k in near]
    opened = 0  # where the clause the words are in starts, after the position's own
    for i, word in enumerate(words):
        if word in _CLAUSE_OPENERS:
            opened = i + 1
            continue
        if word not in _PREVIOUS_CUES:
            continue  # no other word refers to an earlier position
        compared = word in {"with", "to", "against", "versus", "vs", "vs.", "("}
        if compared and not _compared_cue(doc, words, near, i):
            continue
        if 0 < opened < i and _someone_else(doc, near[opened:i]):
            return None  # the clause is about someone else
        been = word == "been" and _had_been(words[max(0, i - 1):i + 1])  # the word and the one before it
        if i >= 12 and not been:
            continue  # far from the position: only an explicit 'having been' still refers to it
        if word == "from" or (word in {"q1", "previously", "was"} and i + 1 < len(words)) or been or compared:
            for k, j in enumerate(near[i + 1:i + 3]):
                nxt = text_at(doc, j)
                value = ordinal(nxt) or (cardinal_value(nxt) if (word == "from" or compared) and not k
                                         and nxt.isdigit() else None)
                if value:
                    return value, j
    return None


def _compared_cue(doc: Doc, words: list[str], near: list[int], i: int) -> bool:
    """Whether ``words[i]`` opens what the position is compared with: 'compared with 121st',
    'against 121 last quarter', or a bracket holding an earlier position and its time ('(121 in
    quarter 2)'); a bracket's number must be followed by its time, and a bare number after
    'compared with' by no noun ('compared with 121 trusts in Q2' counts bodies)."""
    word = words[i]
    if word in {"with", "to"} and (i == 0 or words[i - 1] not in _COMPARING):
        return False
    if i + 2 >= len(words):
        return word != "("
    nxt, after = text_at(doc, near[i + 1]), words[i + 2]
    if word == "(":
        return bool(ordinal(nxt) or nxt.isdigit()) and after in _EARLIER_TIME_OPENERS
    return bool(ordinal(nxt)) or not after.isalpha() or after in _EARLIER_TIME_OPENERS


def _someone_else(doc: Doc, gap: list[int]) -> bool:
    """Whether the words opening a clause, before its verb, name a subject other than the ranked
    body: a name ('and Airedale was 88th') or another body's words ('while its neighbour was
    88th'); 'its position was 40th' is the body's own."""
    lowers = lower_forms(doc)
    for n, k in enumerate(gap):
        word = lowers[k]
        if word in _DIFFERENT_SUBJECT and not (n + 1 < len(gap) and lowers[gap[n + 1]] in _POSITION_NOUNS):
            return True
        text = text_at(doc, k)
        if text[:1].isupper() and text.isalpha() and word not in _NOT_NAMES and word not in _MONTH_NAMES:
            return True
    return False


_MONTH_NAMES = frozenset({"january", "february", "april", "may", "july", "august", "october", "november"})
# what opens a clause that may have a subject of its own, after a position
_CLAUSE_OPENERS = frozenset({",", ";", "–", "—", "and", "while", "whilst", "but", "whereas", "although"})
# words that make the subject of such a clause another body ('while its neighbour was 88th')
_DIFFERENT_SUBJECT = frozenset({"its", "their", "another", "other", "others", "neighbour", "neighbours",
                                "neighbouring", "rival", "rivals", "sister", "partner", "counterpart", "they",
                                "he", "she"})


def _anchored(span: Span) -> bool:
    """'at 27 overall' states a position by itself; a bare 'at 123' only beside a name."""
    return span.label_ == "RANK" or (span.label_ == "RANK_AT"
                                     and lower_forms(span.doc)[span.end - 1] in _STRONG_AFTER_AT)


def _adverb_first(doc: Doc, span: Span) -> bool:
    """'was first inspected', 'was 40th at first, and is now 34th': 'first' saying when."""
    lowers = lower_forms(doc)
    nxt = lowers[span.end] if span.end < len(lowers) else None
    if lowers[span.start:span.end] == ["at", "first"]:
        return nxt not in _AT_FIRST_PLACE
    return lowers[span.end - 1] == "first" and nxt is not None and (
        nxt in _AFTER_ADVERB_FIRST or (nxt.endswith("ed") and nxt != "ranked"))


# 'at first place', 'at first overall': the words that make 'at first' a position, not 'initially'
_AT_FIRST_PLACE = frozenset({"place", "position", "spot", "overall", "nationally", "out", "of", "among", "amongst"})


def _a_region_s_end(doc: Doc, sent: Span, span: Span) -> bool:
    """'Within the Midlands, X came top, and it was 41st nationally', 'In the ICS, X was bottom':
    an end named without a number after an opening phrase naming a region or a local whole is
    that region's end, not the league's, unless the words right after it say it is national
    ('In Kent, X came top nationally')."""
    lowers = lower_forms(doc)
    words = lowers[span.start:span.end]
    if _TABLE_ENDS.isdisjoint(words) or position_value(span) or not opens_with_a_region(doc, sent, span.start):
        return False
    after = []
    for word in lowers[span.end:min(span.end + 4, sent.end)]:
        if word in _CLAUSE_OPENERS:
            break  # 'came top and ranked 41st nationally': the next clause's position is national
        after.append(word)
    return _NATIONALLY.isdisjoint(after)


# the words of a position at an end of a table, and those saying right after it that the table is national
_TABLE_ENDS = frozenset({"top", "bottom", "last", "best", "worst"})
_NATIONALLY = frozenset({"nationally", "overall", "england", "country", "league", "table", "tables"})


def _size_read_before(doc: Doc, sent: Span, result: DocResult) -> int | None:
    """'X came bottom of the ten, and Y was second from bottom', 'Y was second from bottom' after
    'X was 98th of 134' earlier on the page: the size of the sentence's league, as the latest
    position read in that league stated it."""
    league = league_of_sentence(doc, sent) or usual_league(doc)
    return next((r.total for r in reversed(result.rankings) if league and r.league == league and r.total), None)


def _named_last(doc: Doc, sent: Span, span: Span) -> bool:
    """'ranked 134th, last of all acute trusts', 'came 61st of 61 – bottom of the table': a
    position said, after a comma or dash, to be the league's last ('134th, last in the Kent
    trusts' is a region's)."""
    lowers = lower_forms(doc)
    near = window(doc, span.end, min(sent.end, span.end + 8))
    for n, k in enumerate(near[:-1]):
        if lowers[k] in {",", "–", "—", "-"}:
            nxt = near[n + 1]
            if lowers[nxt] not in {"last", "bottom"}:
                return False
            after = nxt + 1
            return (after >= sent.end or lowers[after] in _LAST_OF) and not (
                is_regional(doc, sent, after) or is_sub_group(doc, sent, after) or is_metric(doc, sent, after))
    return False


# what follows 'last' or 'bottom' when it names the end of a whole ('last of all', 'bottom in England')
_LAST_OF = frozenset({"of", "in", "among", "amongst", "nationally", "overall", ".", "place", "position"})


def _counted_from_an_end(doc: Doc, span: Span) -> bool:
    after = lower_forms(doc)[span.end:span.end + 2]
    return bool(after) and (after[0] in _SUPERLATIVE_AFTER or (after[0] in {"-", "–"} and after[1:2] and
                                                                after[1] in _SUPERLATIVE_AFTER))


def _position_after(doc: Doc, sent: Span, span: Span) -> int | None:
    """'finishing bottom of the table at 61': the number a top/bottom phrase is followed by."""
    lowers = lower_forms(doc)
    for k in range(span.end, min(span.end + 5, sent.end - 1)):
        if lowers[k] == "at":
            return cardinal_value(text_at(doc, k + 1))
    return None


def _subject_of(doc: Doc, sent: Span, span: Span, sent_orgs: list[Span], last_subject: list[Span],
                hint: str | None) -> list[Span]:
    if span.id_ == "went_to":  # 'Second place went to X': the body named right after 'to'
        first = span.end + 1 if lower_forms(doc)[span.end] == "the" else span.end
        return [o for o in spans_in(doc, "orgs", first, sent.end) if o.start == first][:1]
    before = [o for o in sent_orgs if o.end <= span.start]
    antecedent = relative_antecedent(doc, sent, span.start)
    if antecedent is not None and not any(o.start > antecedent.end and o.id_ != antecedent.id_
                                          and not _in_relative_clause(doc, antecedent, o, span) for o in before):
        return coordinated(doc, [o for o in sent_orgs if o.end <= antecedent.start] + [antecedent])
    adjacent = subjects.name_before(doc, sent, span.start, hint) or named_before_apposition(doc, sent, span.start, hint)
    if adjacent is not None and _governed_place(doc, sent, adjacent):
        adjacent = None
    if adjacent is not None and not any(o.start <= adjacent.start < o.end for o in before):
        return [adjacent]
    listed = _coordinated_names(doc, sent, span, before, hint)
    if listed:
        return listed
    chosen = coordinated(doc, before)
    if chosen and _someone_else_between(doc, chosen[-1].end, span.start):
        return []
    if chosen:
        return _outside_apposition(doc, chosen, before, span.start)
    fronted = _fronted_subject(doc, sent, span, sent_orgs)
    if fronted:
        return fronted
    owner = _possessive_owner(doc, sent, span.start)
    if owner is not None:
        return [owner]
    unknown = _unlisted_name(doc, sent, span.start)
    if unknown is not None:
        return [unknown]
    lead = subjects.opening(sent)  # past a fronted phrase: 'In quarter 1, we were ranked 80th'
    if lead.startswith(_SELF):
        previous = sentence_of(doc, sent.start - 1) if sent.start > 0 else None
        own = subjects.pronoun_subject(doc, sent, previous)
        return [own] if own is not None else []
    if lead.startswith(("its ", "their ")) and _POSITION_NOUNS.intersection(
            lower_forms(doc)[sent.start:span.end]):
        return last_subject  # 'Its latest placing – 109th': the position of the one the text is about
    return last_subject if lead.startswith(subjects.PRONOUNS) else []


def _coordinated_names(doc: Doc, sent: Span, span: Span, before: list[Span], hint: str | None) -> list[Span]:
    """'Airedale and Rotherham were joint 50th', 'East Cheshire and the Countess of Chester were
    joint 122nd', 'Bolton, Stockport and Wigan are all 45th': names joined by 'and' or commas
    opening the clause of a shared position, some of them short names the linker left (a place
    a trust is named after), each resolved by the gazetteer; all of them or none. Read only
    when the position is shared ('joint', 'were', 'both') and no name stands after a
    preposition ('Patients from Leeds and Airedale were ...')."""
    lowers = lower_forms(doc)
    if _JOINING.isdisjoint(lowers[sent.start:span.start]):
        return []  # most positions: no names joined before them
    k = span.start - 1
    while k > sent.start and lowers[k] in _BEFORE_A_SHARED_POSITION:
        k -= 1
    if _SHARED_MARKS.isdisjoint(lowers[k + 1:span.end]):
        return []
    items: list[Span] = []
    while True:
        item = next((o for o in before if o.end == k + 1), None) or _resolved_run(doc, sent, k, hint)
        if item is None:
            return []
        items.insert(0, item)
        j = item.start - 1
        if j > sent.start and lowers[j] == "the":
            j -= 1
        if j <= sent.start or lowers[j] not in _JOINING | {","}:
            break
        k = j - 2 if lowers[j] == "and" and lowers[j - 1] == "," else j - 1
    opener = items[0].start - 1
    if opener >= sent.start and lowers[opener] in {"the", "both"}:
        opener -= 1
    opens = opener < sent.start or lowers[opener].isspace() or lowers[opener] in {",", ":", ";"}
    if len(items) < 2 or not opens or all(any(o.start == i.start for o in before) for i in items):
        return []  # a single name, one after a preposition, or all linked (read by :func:`coordinated`)
    return items


_JOINING = frozenset({"and", "&"})
_BEFORE_A_SHARED_POSITION = frozenset({"is", "was", "are", "were", "now", "both", "all", "each", "jointly", "ranked",
                                       "placed", "came", "finished", "sit", "sat", "share", "shared", "tied", ","})
_SHARED_MARKS = frozenset({"joint", "equal", "jointly", "were", "are", "both", "all", "each", "share", "shared",
                           "tied"})


def _resolved_run(doc: Doc, sent: Span, k: int, hint: str | None) -> Span | None:
    """The capitalised run ending at token ``k`` ('East Cheshire', "King's Lynn"), as the
    organisation the gazetteer resolves it to, or None."""
    start = k
    while start >= sent.start and (doc[start].is_title or doc[start].is_upper or (
            lower_forms(doc)[start] in _INSIDE_A_NAME and start - 1 >= sent.start and doc[start - 1].is_title)):
        start -= 1
    start += 1
    if start < k and lower_forms(doc)[start] == "both":
        start += 1  # 'Both East Cheshire and ...'
    if start > k or (not doc[start].is_title and not doc[start].is_upper):
        return None
    gazetteer, text = load_gazetteer(), text_of(doc, start, k + 1)
    if not gazetteer.lookup(text)[0]:
        return None
    link = gazetteer.resolve(text, org_type=hint if hint not in {"trust", "other"} else None, on=doc_date(doc),
                             context=span_text(sent))
    return Span(doc, start, k + 1, label=link.org_type, span_id=link.code) if link.code else None


_INSIDE_A_NAME = frozenset({"of", "'s", "’s", "on", "upon"})


def _governed_place(doc: Doc, sent: Span, name: Span) -> bool:
    """'The Christie in Manchester comes third', 'X, in Manchester, was ranked third', 'X, based in
    Liverpool, came 13th': a place named right after an organisation says where it is; it is not
    what is ranked, even when a trust is named after the place. After anything else ('Our
    colleagues at X were ranked 24th') the name is read as before."""
    lowers = lower_forms(doc)
    k = name.start - 1
    if k > sent.start and lowers[k] == "," and _set_off_place(doc, sent, name):
        return True
    if k > sent.start and lowers[k] == "the":
        k -= 1
    if k <= sent.start or lowers[k] not in _PLACE_PREPOSITIONS:
        return False
    k -= 1
    if lowers[k] in _SITED and k > sent.start:
        k -= 1
    if lowers[k] == "," and k > sent.start:
        k -= 1
    return any(o.end == k + 1 for o in spans_in(doc, "orgs", max(sent.start, k - 12), k + 1))


def _set_off_place(doc: Doc, sent: Span, name: Span) -> bool:
    """'The Christie, Manchester, was ranked third': a name set off by commas right after an
    organisation's, which the gazetteer knows only as a place, says where that one is."""
    comma = name.start - 1
    if name.end >= sent.end or text_at(doc, name.end) != "," or not any(
            o.end == comma and o.id_ and o.id_ != name.id_ for o in spans_in(doc, "orgs", max(sent.start, comma - 12),
                                                                              comma)):
        return False
    hits = load_gazetteer().lookup(span_text(name))[0]
    return bool(hits) and all(hit.kind == "place" for hit in hits)


_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "within", "outside"})
_SITED = frozenset({"based", "located", "situated", "headquartered"})


def _someone_else_between(doc: Doc, start: int, end: int) -> bool:
    """'York and Scarborough is 131st, and Hull is dead last, 134th': after the named body's own
    position, a capitalised name the linker could not resolve, or another body's words ('while
    its neighbour was 88th'), open another clause, whose position is not the named body's."""
    texts = texts_of(doc, start, end)
    own = next((k for k, t in enumerate(texts) if ordinal(t)), None)
    if own is None:
        return False
    if any(t[:1].isupper() and t.isalpha() and t.lower() not in _NOT_NAMES for t in texts[own + 1:]):
        return True
    # 'X came 34th, while its neighbour was 88th': a clause about another body, unnamed
    gap = window(doc, start + own + 1, end)
    opener = max((n for n, k in enumerate(gap) if lower_forms(doc)[k] in _CLAUSE_OPENERS), default=None)
    return opener is not None and _someone_else(doc, gap[opener + 1:])


_NOT_NAMES = {"the", "it", "its", "this", "that", "they", "we", "our", "in", "at", "and", "but", "now", "last",
              "quarter", "september", "december", "june", "march", "q1", "q2", "q3", "q4"}


def _fronted_subject(doc: Doc, sent: Span, span: Span, sent_orgs: list[Span]) -> list[Span]:
    """The organisation a position that opens its sentence is about: the name right after the
    comma that closes the opening phrase ("Ranked 98th of 134 acute trusts, X said ...", "At
    98th out of 134, X sits ...", "The 98th-ranked trust, X, ...") or after an inverted verb
    ("In 98th place is X"); a joint position, with those joined to it ("Joint 45th, X and Y
    ..."). The opening phrase holds no other name."""
    lowers = lower_forms(doc)
    if any(not lowers[k].isspace() and lowers[k] not in _FRONT_OPENERS for k in range(sent.start, span.start)):
        return []
    after = subjects.names_after_opening(doc, sent, span.end, sent_orgs, _CLOSERS)
    if not after or "joint" not in lowers[span.start - 1:span.end]:
        return after[:1]
    chosen = after[:1]
    for org in after[1:]:
        if not joined(doc, chosen[-1], org):
            break
        chosen.append(org)
    return chosen


_FRONT_OPENERS = frozenset({"the", "now", "currently", "and", "but", "so", "still", "yet", "as"})
# what closes a phrase stating a position ahead of its name: a comma, or an inverted verb ('In 98th place is X')
_CLOSERS = frozenset({",", "is", "was", "sits", "sat", "comes", "came", "stands", "stood", "lies", "are", "were"})


def _in_relative_clause(doc: Doc, antecedent: Span, org: Span, span: Span) -> bool:
    """'X, which runs Y and Z hospitals, is 102nd': Y and Z stand inside the clause that describes
    X, which a comma closes before the position."""
    lowers = lower_forms(doc)
    which = next((k for k in range(antecedent.end, org.start) if lowers[k] in {"which", "who"}), None)
    return which is not None and "," in lowers[org.end:span.start]


def _outside_apposition(doc: Doc, chosen: list[Span], before: list[Span], start: int) -> list[Span]:
    """'X, the Trust's partner in the Y system, remained in segment 4 and was ranked 106th': the
    organisation named inside an apposition is not the one the sentence ranks."""
    inner, lowers = chosen[0], lower_forms(doc)  # only ',' is ',' in lower case
    if "," not in lowers[inner.end:start]:
        return chosen
    comma_before = next((k for k in range(inner.start - 1, max(inner.start - 10, -1), -1) if lowers[k] == ","), None)
    if comma_before is None:
        return chosen
    outer = next((o for o in before if o.end == comma_before), None)
    return [outer] if outer is not None else chosen


def _possessive_owner(doc: Doc, sent: Span, start: int) -> Span | None:
    """'Medway's league position is 45th', 'the Trust's ranking rose to 96': the organisation
    whose position the sentence gives."""
    lowers = lower_forms(doc)
    nouns = _POSITION_NOUNS | {"league", "overall"}
    owners = [o for o in spans_in(doc, "orgs", sent.start, start) + spans_in(doc, "org_refs", sent.start, start)
              if o.end + 1 < start and text_at(doc, o.end) in {"'s", "’s", "'", "’"}
              and (o.label_ != "" or o.id_) and lowers[o.end + 1] in nouns]
    # 'our ranking is 55th': the self-reference is itself the possessive
    owners += [o for o in spans_in(doc, "org_refs", sent.start, start)
               if o.id_ and lowers[o.start] == "our" and o.end == o.start + 1 and o.end < start
               and (lowers[o.end] in nouns or (o.end + 1 < start and lowers[o.end + 1] in nouns))]
    return max(owners, key=lambda o: o.end) if owners else None


def _unlisted_name(doc: Doc, sent: Span, start: int) -> Span | None:
    """'Northwick Healthcare ranked ninth': a name the gazetteer does not know (misspelt,
    renamed), opening the sentence right before the rank and ending like an organisation."""
    toks = [t for t in doc[sent.start:start] if not t.is_space]
    while toks and toks[-1].lower_ in {"was", "is", "has", "been", "had", "now", "were"}:
        toks = toks[:-1]
    if not toks or toks[-1].lower_ not in ORG_HEADS or any(
            not (t.is_title or t.is_upper or t.lower_ in {"and", "of", "&"}) for t in toks):
        return None
    if toks[0].lower_ in {"the", "a", "an", "this", "our", "its"} and len(toks) < 3:
        return None
    return doc[toks[0].i:toks[-1].i + 1]


def read_rankings(doc: Doc, result: DocResult) -> None:
    """Add one ranking per league position stated in ``doc``."""
    spans = [s for s in span_group(doc, "ranks") if s.label_ != "RANK_METRIC"]
    if _nothing_to_read(doc, spans, result) or not league_context(doc):
        return
    spans = [s for s in spans if not _names_a_segment(doc, s)]
    ranks = [s for s in spans if _anchored(s)]
    first = len(result.rankings)
    taken = read_respectively(doc, ranks, result) if ranks else set()
    ranks = sorted((r for r in ranks if r.start not in taken), key=lambda r: r.start)
    read_named_positions(doc, ranks, [s for s in spans if s.label_ == "RANK_AT"], result)
    read_frames(doc, [s for s in spans if s.label_ == "RANK_SUPER"], result)
    _read_ranked_sentences(doc, ranks, result)
    read_followers(doc, result)
    result.rankings[first:] = _without_contradicted_ends(result.rankings[first:])


def _without_contradicted_ends(rankings: list[Ranking]) -> list[Ranking]:
    """'The highest-placed acute trust was X in sixth', 'The best-placed trust was X, at 16th':
    an end of a table said of a body whose number the same sentence gives otherwise is the end
    of a group the sentence does not name (the county's, the region's), not the league's."""
    numbered = [r for r in rankings if r.rank is not None and not r.position]
    out = []
    for r in rankings:
        same = [o for o in numbered if o.start == r.start and (o.ods_code or o.name) == (r.ods_code or r.name)]
        if r.position == "top" and any(o.rank != 1 for o in same):
            continue
        if r.position == "bottom" and any((o.total or r.total) and o.rank < (o.total or r.total) for o in same):
            continue
        out.append(r)
    return out


def _names_a_segment(doc: Doc, span: Span) -> bool:
    """'placed in second segment': the ordinal is the segment's, not a league position."""
    return any(seg.start < span.end <= seg.end for seg in spans_in(doc, "segments", span.start, span.end + 2))


def _nothing_to_read(doc: Doc, spans: list[Span], result: DocResult) -> bool:
    """Whether ``doc`` can yield no ranking, whatever page it is: every reader starts from a rank
    span, a word that is a position by itself ('61st', 'top') or, for 'followed by', a
    position already read. Asked before :func:`league_context`, which searches the whole text."""
    return not spans and not position_words(doc) and all(r.rank is None for r in result.rankings)


def _read_ranked_sentences(doc: Doc, ranks: list[Span], result: DocResult) -> None:
    """Read each sentence's positions with the organisations it names, or else the one the text
    was last about: the first organisation the latest sentence naming one put first."""
    sents = sentences(doc)
    last_subject: list[Span] = []
    done = 0  # the sentences before this one are accounted for in last_subject
    for index, in_sent in _positions_by_sentence(doc, ranks):
        sent = sents[index]
        last_subject = _last_named(doc, sents[done:index]) or last_subject
        sent_orgs = subjects.candidates(doc, sent)
        # the league a sentence names matters only to its own positions
        hint = league_of_sentence(doc, sent) or usual_league(doc) or league_of_size(doc, sent) or None
        if not sent_orgs or sent_orgs[0].start > in_sent[0].start:
            lead = subjects.leading_name(doc, sent, in_sent[0].start, hint)
            if lead is not None:
                sent_orgs = [lead, *sent_orgs]
        held: dict[str, int] = {}  # earlier positions waiting for the current one later in the sentence
        read_from: set[int] = set()  # the tokens a ranking of the sentence took its previous rank from
        for k, span in enumerate(in_sent):
            following = next((s for s in in_sent[k + 1:] if not _adverb_first(doc, s)), None)
            _read_span(doc, sent, span, sent_orgs, last_subject, hint, result, (held, read_from), following)
        if sent_orgs:
            last_subject = [sent_orgs[0]]
        done = index + 1


def _positions_by_sentence(doc: Doc, ranks: list[Span]) -> list[tuple[int, list[Span]]]:
    """The sentences (by index) that hold a whole position of ``ranks`` (sorted), each with those
    positions in order; a position running past its sentence's end is read in none."""
    starts = sentence_starts(doc)
    grouped: dict[int, list[Span]] = {}
    for rank in ranks:
        index = bisect_right(starts, rank.start) - 1
        if rank.end <= sentences(doc)[index].end:
            grouped.setdefault(index, []).append(rank)
    return list(grouped.items())


def _last_named(doc: Doc, between: list[Span]) -> list[Span]:
    """The first subject candidate of the last of ``between`` that has one, as a list; none
    there, an empty list. Only the sentences since the last one with positions are looked at:
    one without positions changes the subject only by naming an organisation."""
    for sent in reversed(between):
        orgs = subjects.candidates(doc, sent)
        if orgs:
            return [orgs[0]]
    return []


def _read_span(doc: Doc, sent: Span, span: Span, sent_orgs: list[Span], last_subject: list[Span],
               hint: str | None, result: DocResult, state: tuple[dict[str, int], set[int]],
               following: Span | None) -> None:
    """Read one position of ``sent``. A position in an earlier table ("ranked 45th last
    quarter") is the previous rank of the organisation's ranking already read; with none, and
    a position ``following`` to come in the sentence ("..., is now 30th of 134"), it is ``held`` for
    the organisation's next one there, and never a ranking of its own; a position held before
    the one after it ('X was 40th in June and is 34th now') is held too. A position an earlier one
    of the sentence took as its previous rank (``read_from``: 'X is 34th but was 40th in the
    last') is no ranking either."""
    held, read_from = state
    if any(span.start <= k < span.end for k in read_from):
        return
    lowers, texts = lower_forms(doc), texts_of(doc, span.start, span.end)
    before = [lowers[k] for k in window(doc, span.start - 2, span.start)]
    if any(w in _PREVIOUS_BEFORE for w in before):
        return
    if len(before) == 2 and before[1] in {"-", "–"} and ordinal(before[0]):
        return  # the 'bottom' of 'second-bottom' or of '61st – bottom of the table', read with the ordinal
    if _a_range(doc, span):
        return  # 'Ranked 41st to 50th: A (41st), B (42nd)': the heading of a stretch of the table
    words = lowers[span.start:span.end]
    # 'it had been 127th' is where it was; 'it said it had been ranked 7th' is reported speech,
    # unless the clause says when ('had been ranked 127th in the previous table')
    reported = words[0] in {"ranked", "placed", "rated", "listed"} and not _EARLIER.intersection(
        lowers[span.end:clause_end(doc, sent, span.end)])
    if (_had_been(before) and not reported) or words[1:2] == ["been"]:
        _earlier_position(doc, span, last_subject, result)
        return
    if _adverb_first(doc, span) or foreseen(doc, sent, span.start) or is_metric(doc, sent, span.end) \
            or _counted_from_an_end(doc, span) \
            or is_regional(doc, sent, span.end) or is_sub_group(doc, sent, span.end) \
            or _a_region_s_end(doc, sent, span):
        return
    joint = any(w in {"joint", "equal", "shares", "shared", "share", "sharing"} for w in words) \
        or lowers[span.start - 1] == "joint" or texts[-1].endswith("=") \
        or any(t.endswith("=") and ordinal(t) for t in texts)
    joint = joint or _tied(doc, sent, span)
    rank = position_value(span)
    bottom_end = from_bottom(doc, span.end)
    if bottom_end:
        # 'second from bottom of the 134': counted from the other end, so the size is needed
        size = _read_total(doc, sent, bottom_end) or stated_size(doc, sent) or _size_read_before(doc, sent, result)
        if not rank or not size or is_metric(doc, sent, bottom_end):
            return
        rank = size - rank + 1
    moved_from = None
    if words[0] == "from":
        if not _a_move_in_the_table(doc, sent, span):
            return
        values = [ordinal(t) or cardinal_value(t) for t in texts]
        moved_from, rank = values[1], next((v for v in values[3:] if v), None)
    position = ""
    pair = slashed(span)
    # 'a rank of 5 out of 61': the 'of' inside the position names it, the total comes after
    owned = [k for k in range(span.start + 1, span.end) if lowers[k] == "of" and lowers[k - 1] in _POSITION_NOUNS]
    # from the position's own word on: 'places, to joint 40th out of 134' has words before it
    stated_total = _read_total(doc, sent, owned[-1] + 1 if owned else max(span.start + 1, span.end - 2))
    if stated_total is not None and rank is not None and stated_total < rank:
        stated_total = None  # no league is smaller than a position in it
    if _number_out_of(words) and not _out_of_a_league(doc, sent, span, words[0] in _COPULAS):
        return  # 'X was 1 of 21 trusts in segment 4' is one of a group; 'X came 118 out of 134' a position
    total = (pair[1] if pair else None) or stated_total or stated_size(doc, sent)
    if bottom_end:
        total = total or size
    nxt = lowers[span.end] if span.end < len(lowers) else ""
    if words[-1] in {"top", "bottom"} and ((cardinal(nxt) or 0) > 1 or nxt in _SHARES
                                           or lowers[span.end + 1:span.end + 2] in (["%"], ["per"], ["percent"])):
        return  # 'top 10', 'top half', 'bottom third', 'top 1%': a band of the table, not a position
    if words[-1] == "the" and _BANDS.intersection(lowers[span.end:span.end + 4]):
        return  # 'segment 1, the top of the four bands': the top segment, not the top trust
    if any(w in {"top", "best"} for w in words):
        position, rank = "top", rank or 1
    elif any(w in {"bottom", "last", "worst"} for w in words):
        position = "bottom"
        rank = rank or _position_after(doc, sent, span) or total
    if rank is not None and not position and _named_last(doc, sent, span):
        position, total = "bottom", total or rank  # 'ranked 134th, last of all acute trusts'
    if rank is None and not position:
        return
    subject = _subject_of(doc, sent, span, sent_orgs, last_subject, hint)
    if not subject or _a_part_ranked(doc, subject[-1], span):
        return
    if total and stated_total:
        _league_size_claim(doc, sent, span, total, result)
    others = _others(doc, sent_orgs, subject)
    stated_after = _previous_rank(doc, sent, span.end, others)
    previous = moved_from or (stated_after[0] if stated_after else None) \
        or _previous_before(doc, sent, span) or _places_moved(doc, sent, span, rank)
    partner = _with_partner(doc, sent, span) if words[0] in {"shares", "shared", "share", "sharing"} or joint \
        else None
    if partner is not None and all(partner.start != org.start for org in subject):
        subject = [*subject, partner]
    else:
        partner = None
    if rank is not None and _in_an_earlier_table(doc, sent, span):
        if _as_previous(subject, rank, result):
            return
        if following is not None:
            held.update((_held_key(org), rank) for org in subject)
            return
    if stated_after and not moved_from:
        read_from.add(stated_after[1])
    for org in subject:
        # 'X is joint eighth with Y, having been 11th': the earlier position is X's, not Y's
        earlier = None if org is partner else previous
        result.rankings.append(make_ranking(
            doc, sent, span_text(org), org.id_, rank=rank, position=position, joint=joint, total=total,
            previous_rank=earlier or held.pop(_held_key(org), None),
            segment=_own_segment(doc, sent, span, subject, others)))
    if rank is not None and following is not None and _then_now(doc, sent, span, following, others):
        # the next one's previous rank, and a ranking of its own for the period its words give
        # ('was 66th in September'), unless that is the next one's (:func:`drop_held_positions`)
        held.update((_held_key(org), rank) for org in subject)
    listed = len(subject) == 1 and listed_position(doc, subject[0], span)
    segment = segment_after(doc, sent, span.end) if listed and rank is not None else None
    # '• X: joint 83rd, segment 3' places X too, when the line names no other segment
    if segment is not None and segment == result.rankings[-1].segment:
        place_listed(subject[0], result.rankings[-1], segment, result)


def _a_part_ranked(doc: Doc, org: Span, span: Span) -> bool:
    """'The Pilgrim Hospital theatres team came first', "X's maternity staff were ranked second",
    'the X stroke unit came second', 'Ward 5 at X was ranked first': a team, a ward, a service or
    people of the organisation are ranked (in some award or list), which the league tables never
    rank, only trusts. 'Our colleagues at X were ranked 24th' speaks of the trust."""
    lowers = lower_forms(doc)
    gap = lowers[org.end:span.start]
    if gap[:1] in (["'s"], ["’s"]):
        gap = gap[1:]
    # the part's noun right after the name ('X theatres team', "X's maternity staff"), before any verb
    head = gap[:_PART_REACH]
    if len(gap) <= 8 and "," not in gap and not _PART_NOUNS.isdisjoint(head) \
            and _VERB_BEFORE_PART.isdisjoint(head[:next(k for k, w in enumerate(head) if w in _PART_NOUNS)]):
        return True
    k = org.start - 1
    first = doc[org.start].sent.start if org.start < len(doc) else 0
    return k > first and lowers[k] in _OF_A_PART and not _PART_NOUNS.isdisjoint(lowers[max(first, k - 3):k])


# the teams, places and people within an organisation, and how far after its name they are read
_PART_NOUNS = frozenset({"team", "teams", "staff", "ward", "wards", "unit", "units", "department", "departments",
                         "service", "services", "nurse", "nurses", "midwife", "midwives", "doctor", "doctors",
                         "consultant", "consultants", "volunteer", "volunteers", "porters",
                         "crew", "crews", "clinic", "clinics", "squad", "choir", "apprentice", "apprentices",
                         "student", "students", "trainee", "trainees", "laboratory", "pharmacy"})
_PART_REACH = 3
_VERB_BEFORE_PART = frozenset({"runs", "run", "ran", "has", "have", "had", "is", "was", "are", "were", "provides",
                               "offers", "said", "says", "and"})
_OF_A_PART = frozenset({"at", "of", "from", "in"})


def _own_segment(doc: Doc, sent: Span, span: Span, subject: list[Span], others: list[Span]) -> int | None:
    """The segment the sentence states for the body ranked at ``span``, not one in another body's
    clause: after the position, past that body's name or another subject ('X was ranked 49th
    and Y was in segment 4', 'X was ranked 49th, while its neighbour is in segment 4'); before
    it, after that body's name, ahead of the ranked one ('Y is in segment 4 and X came 49th').
    'X, in segment 3, was ranked 49th', 'X was 49th and is in segment 3' and 'X was 49th and Y
    120th, both in segment 3' are X's."""
    lowers = lower_forms(doc)

    def own(seg: Span) -> bool:
        if _counted_clause(doc, sent, seg):
            return False
        if seg.start < span.start:
            named = [o for o in subjects.candidates(doc, sent) if o.end <= seg.start]
            return not (named and any(named[-1].start == o.start for o in others)
                        and all(o.start > named[-1].start for o in subject))
        gap = window(doc, span.end, seg.start)
        opener = max((n for n, k in enumerate(gap) if lowers[k] in _CLAUSE_OPENERS), default=None)
        if opener is not None and opener + 1 < len(gap) and lowers[gap[opener + 1]] in _SHARED:
            return True  # 'X was 49th and Y 120th, both in segment 3': said of all of them
        if any(span.end <= o.start < seg.start for o in others):
            return False
        return opener is None or not _someone_else(doc, gap[opener + 1:])

    return segment_kept(doc, sent, own)


_SHARED = frozenset({"both", "all", "each"})


def _counted_clause(doc: Doc, sent: Span, seg: Span) -> bool:
    """'Of the 134 acute trusts, 21 are in segment 4 and X is 98th', 'X is 98th, and most trusts
    around it are in segment 3': the segment of a clause whose subject is a count of trusts, not
    the ranked body's. 'X, one of 21 trusts in segment 4, is 98th' is X's."""
    lowers = lower_forms(doc)
    gap = window(doc, sent.start, seg.start)
    opener = max((n for n, k in enumerate(gap) if lowers[k] in _CLAUSE_OPENERS), default=-1)
    words = [lowers[k] for k in gap[opener + 1:]]
    texts = [text_at(doc, k) for k in gap[opener + 1:]]
    verb = next((n for n, w in enumerate(words) if w in _COUNT_VERBS), None)
    if verb is None:
        return False
    for n in range(verb):
        value = None if ordinal(texts[n]) or words[n] in _SHARED else cardinal(texts[n])  # 'both' is 2
        counted = (isinstance(value, int) and 1 < value < 1000) or words[n] in _QUANTIFIERS
        if counted and words[max(0, n - 2):n] != ["one", "of"]:
            return True
    return False


# the verbs of a count of trusts placed in a segment ('21 are in segment 4'), and counts in words
_COUNT_VERBS = frozenset({"are", "were", "sit", "sat", "remain", "remained", "fall", "fell", "stay", "stayed",
                          "have", "had"})
_QUANTIFIERS = frozenset({"most", "many", "some", "half", "several", "few", "none", "majority", "rest",
                          "remainder", "others", "dozen", "third", "quarter"})


def _others(doc: Doc, sent_orgs: list[Span], subject: list[Span]) -> list[Span]:
    """The organisations of a sentence other than the ranked ones (by code, else by words) and
    the one it shares its position with ('joint eighth – it shares the position with Y –
    having been 11th')."""
    own = {_held_key(org) for org in subject}
    lowers = lower_forms(doc)
    return [o for o in sent_orgs if _held_key(o) not in own and lowers[o.start - 1] not in _PARTNER_WORDS]


def _held_key(org: Span) -> str:
    """Who a held earlier position belongs to: the organisation's code, else its words."""
    return org.id_ or span_text(org)


def _earlier_position(doc: Doc, span: Span, last_subject: list[Span], result: DocResult) -> None:
    """'Three months earlier it had been 127th': the previous rank of the last ranking of the
    organisation the text is about, when the sentence that ranked it did not say."""
    value = next((ordinal(t) for t in texts_of(doc, span.start, span.end) if ordinal(t)), None)
    names = {span_text(o) for o in last_subject}
    for ranking in reversed(result.rankings):
        if ranking.name in names:
            if ranking.previous_rank is None and value is not None and value != ranking.rank:
                ranking.previous_rank = value
            return


def _in_an_earlier_table(doc: Doc, sent: Span, span: Span) -> bool:
    """'was fourth in the first table', 'came 12th in the previous quarter', 'was 30th a quarter
    earlier', 'A quarter earlier, it was 33rd', 'In the first table it was 45th': the clause
    after the position, an opening set off by a comma, or the position's own clause before it
    says it was held in an earlier table."""
    lowers = lower_forms(doc)
    comma = _index_of(lowers, ",", sent.start, span.start)
    # an opening holding a position of its own is a clause of its own ('In the first table X
    # was 45th, and it is now 30th'): its words are that position's
    opening = lowers[sent.start:comma] if comma is not None and not spans_in(doc, "ranks", sent.start, comma) else []
    own = _clause_start(lowers, sent.start, span.start)
    if lowers[own:own + 1] == ["when"]:  # '... on the previous quarter, when it was 86th': that clause's time
        own = _clause_start(lowers, sent.start, own - 1)
    lead = lowers[own:span.start]  # 'In the first table X was 45th'
    # up to the next position at most: 'X is 34th and was 40th last quarter' says when 40th was held
    after_end = min([clause_end(doc, sent, span.end)]
                    + [r.start for r in spans_in(doc, "ranks", span.end, sent.end) if r.start >= span.end])
    for toks in (lowers[span.end:after_end], opening, lead):
        if _TABLE_NOUNS.isdisjoint(toks):
            continue  # most clauses: no table noun, which the words around are read for
        for i, word in enumerate(toks):
            if word in _TABLE_NOUNS and (_EARLIER_TABLE_WORDS.intersection(toks[max(0, i - 3):i])
                                         or _EARLIER_TABLE_WORDS.intersection(toks[i + 1:i + 2])):
                return True
    return False


def _then_now(doc: Doc, sent: Span, span: Span, nxt: Span, others: list[Span]) -> bool:
    """'X was 40th in June and is 34th now', 'X came 40th at first but now sits 34th': a position
    stated in the past, then, in a clause of the same body joined to it, one in the present,
    which the first was held before. Not when the clause between names someone else ('X was
    40th and Y is 34th'), nor when the later position is in another list ('and is third in
    the region')."""
    lowers = lower_forms(doc)
    verb = [lowers[k] for k in window(doc, span.start - 2, span.start)] + lowers[span.start:span.start + 1]
    if not _PAST_VERBS.intersection(verb[-2:]) or _PRESENT_VERBS.intersection(verb) \
            or position_value(span) == position_value(nxt):
        return False
    gap = window(doc, span.end, nxt.start)
    openers = [n for n, k in enumerate(gap) if lowers[k] in _CLAUSE_OPENERS]
    if not openers or any(span.end <= o.start < nxt.start for o in others) \
            or _someone_else(doc, gap[openers[-1] + 1:]):
        return False
    later = [lowers[k] for k in window(doc, nxt.start - 2, nxt.start)] + lowers[nxt.start:nxt.end]
    around = lowers[nxt.end:min(nxt.end + 4, clause_end(doc, sent, nxt.end))]
    if not (_PRESENT_VERBS.intersection(later) or _NOW_WORDS.intersection(later + around)):
        return False
    return not (is_regional(doc, sent, nxt.end) or is_sub_group(doc, sent, nxt.end) or is_metric(doc, sent, nxt.end))


# how a position held in the past is stated, and one held now
_PAST_VERBS = frozenset({"was", "were", "came", "finished", "sat", "stood", "lay", "ranked", "placed", "had"})
_PRESENT_VERBS = frozenset({"is", "are", "sits", "ranks", "comes", "stands", "lies", "remains", "stays", "has"})
_NOW_WORDS = frozenset({"now", "currently", "today"})


def _clause_start(words: list[str], start: int, end: int) -> int:
    """Where the clause holding token ``end`` starts: after the last comma or semicolon of
    ``words[start:end]``, else at ``start``."""
    for k in range(end - 1, start - 1, -1):
        if words[k] in {",", ";"}:
            return k + 1
    return start


def _index_of(words: list[str], word: str, start: int, end: int) -> int | None:
    """Where ``word`` first stands in ``words[start:end]`` (an index of ``words``), or None."""
    try:
        return words.index(word, start, end)
    except ValueError:
        return None


def _as_previous(subject: list[Span], value: int, result: DocResult) -> bool:
    """A position in an earlier table is the previous rank of the organisation's ranking already
    read from this page ('X is third ... X was fourth in the first table'); with none to attach
    to, the sentence is read as usual (on the day the first table came out, it is the table)."""
    found = []
    for org in subject:
        same = next((r for r in reversed(result.rankings)
                     if (org.id_ and r.ods_code == org.id_) or r.name == span_text(org)), None)
        if same is None or same.rank == value or same.previous_rank not in {None, value}:
            return False
        found.append(same)
    for same in found:
        same.previous_rank = value
    return bool(found)


def _tied(doc: Doc, sent: Span, span: Span) -> bool:
    """'X and Y tied for 45th place', 'X was tied in 45th place', 'X was 31st of 61 non-acute
    trusts, level with Y', 'X came 45th, tied with two other trusts': a shared position stated
    by a word of tying before it, or 'level/tied/equal with' another body after it ('came 45th,
    level with its score last year' shares nothing)."""
    lowers = lower_forms(doc)
    if _TIE_WORDS.intersection(lowers[k] for k in window(doc, max(sent.start, span.start - 2), span.start)):
        return True
    for k in window(doc, span.end, min(sent.end - 2, span.end + 10)):
        if lowers[k] in _PARTNER_STOPS:
            return False
        if lowers[k] == "with" and lowers[k - 1] in _LEVEL_WORDS:
            first = k + 2 if lowers[k + 1] == "the" else k + 1
            return lowers[first] in _SOME_OTHERS or any(org.start == first for org in spans_in(
                doc, "orgs", first, sent.end))
    return False


# 'tied for 45th', 'level with Y', 'tied with two others': words that make a position shared
_TIE_WORDS = frozenset({"tied", "tie", "ties", "tying"})
_LEVEL_WORDS = frozenset({"level", "tied", "equal", "joint", "tying", "tie"})
_SOME_OTHERS = frozenset({"another", "other", "two", "three", "four", "five", "several"})
_PARTNER_STOPS = frozenset({";", "but", "while", "whilst", "and", "."})


def _with_partner(doc: Doc, sent: Span, span: Span) -> Span | None:
    """'East Kent Hospitals shares 124th place with Wirral University Teaching Hospital', 'X is
    joint 45th in the acute table, alongside Y', 'X was 31st of 61 non-acute trusts, level with
    Y': the one named after 'with' or 'alongside', a few words after the position at most."""
    lowers = lower_forms(doc)
    for k in window(doc, span.end, min(sent.end - 1, span.end + 10)):
        if lowers[k] in _PARTNER_WORDS:
            first = k + 2 if lowers[k + 1] == "the" else k + 1
            partner = next((org for org in spans_in(doc, "orgs", first, sent.end)
                            if org.start == first and org.id_), None)
            if partner is not None and any(ordinal(t) for t in texts_of(
                    doc, partner.end, clause_end(doc, sent, partner.end))):
                return None  # 'joint 45th, with Y in 46th': Y has a position of its own
            return partner
        if lowers[k] in _PARTNER_STOPS:
            return None
    return None


_PARTNER_WORDS = {"with", "alongside"}


def _league_size_claim(doc: Doc, sent: Span, span: Span, total: int, result: DocResult) -> None:
    """'ranked joint 130th out of 134 acute hospital trusts' also states that there are 134 acute
    trusts: a population claim, once per document and population."""
    pops = [p for p in spans_in(doc, "populations", span.end, min(sent.end, span.end + 8)) if p.id_ != "bare"]
    if not pops or traps_in(doc, "METRIC", pops[0].end, min(sent.end, pops[0].end + 4)):
        return  # '97th of 129 trusts on the share of ...': the trusts measured on one metric
    specific = [p for p in pops if p.label_ not in {"trust", "other"}]
    chosen = (specific or pops)[0]
    org_type = chosen.label_
    if any(c.count == total and c.org_type == org_type and not c.segments for c in result.claims):
        return
    text, start = sentence_text(doc, sent)
    framework, period = doc_values(doc)
    result.claims.append(Claim(org_type=org_type, count=total, framework=framework, period=period,
                               text=text,
                               start=start, end=start + len(text), org_words=span_text(chosen)))


def _league_of_code(code: str) -> str:
    from ..gazetteer import load_gazetteer

    org = load_gazetteer().get(code)
    return LEAGUE_OF_TYPE.get(org.org_type, "") if org else ""


def consolidate(rankings: list[Ranking]) -> list[Ranking]:
    """One row per organisation and position: a document that says "97th" in one sentence and
    "joint 97th out of 134" in the next states one ranking, with what both sentences give."""
    for rank in rankings:
        # the tables are by kind of trust, so a known organisation's kind is its league, whatever
        # else the sentence names ('X topped the non-acute table, and Y came fifth of ten')
        if rank.ods_code:
            rank.league = _league_of_code(rank.ods_code) or rank.league
    ranked = {_key(r): r for r in rankings if r.rank is not None}
    # 'X is bottom of the table, ranked 134th of 134': the position in words goes with the
    # number stated for the same organisation, not into a row of its own
    for rank in rankings:
        if rank.rank is None and _key(rank) in ranked:
            ranked[_key(rank)].position = ranked[_key(rank)].position or rank.position
    rankings = [r for r in rankings if r.rank is not None or _key(r) not in ranked]
    sizes = {r.league: r.total for r in rankings if r.total and r.league}
    for rank in rankings:
        if rank.position == "bottom" and rank.rank is None and sizes.get(rank.league):
            rank.rank = rank.total = sizes[rank.league]
    out: list[Ranking] = []
    for rank in rankings:
        same = next((r for r in out if r.rank is not None and r.rank == rank.rank
                     and ((r.ods_code and r.ods_code == rank.ods_code) or r.name == rank.name)), None)
        if same is None:
            out.append(rank)
            continue
        same.joint = same.joint or rank.joint
        same.total = same.total or rank.total
        same.previous_rank = same.previous_rank or rank.previous_rank
        same.segment = same.segment or rank.segment
        same.league = same.league or rank.league
        same.position = same.position or rank.position
    return out


def drop_held_positions(rankings: list[Ranking]) -> list[Ranking]:
    """Without the rankings that are another's previous rank, stated in the same sentence for the
    same period ('X was 40th at first, and is now 34th'): one body holds one position a period,
    so the earlier one is only where it was before. Asked once periods are given; 'X was 66th in
    September and is now 52nd' keeps both, each in its own quarter."""
    earlier = {(_key(r), r.start, r.period, r.previous_rank) for r in rankings if r.previous_rank is not None}
    return [r for r in rankings if (_key(r), r.start, r.period, r.rank) not in earlier]


def _key(rank: Ranking) -> str:
    return rank.ods_code or rank.name
