"""Positions stated by superlatives and by the ends of the table: "X was the lowest-ranked
acute trust", "the country's top-ranked trust is X", "with X at the top", "X sits at the
foot of the table", "At the other end is X", "the fifth best in England", "X topped the
non-acute table".

A superlative is a league position only when it ranks among all trusts of a league: "the
best in the region", "the best-performing teaching trust", "one of the weakest" and "the
best for A&E waits" are not, and are left alone.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..pipeline.extensions import span_text, spans_in
from ..records import DocResult
from . import subjects
from .rank_words import (
    foreseen,
    is_metric,
    is_regional,
    league_context,
    lower_forms,
    make_ranking,
    opens_with_a_region,
    ordinal,
    sentence_of,
    text_at,
    texts_of,
    usual_league,
)

_TOP = {"top", "best", "highest", "strongest", "head"}
_BOTTOM = {"bottom", "worst", "lowest", "poorest", "weakest", "foot"}
_HOW = {"ranked", "rated", "placed", "performing", "ranking", "scoring", "-", "–"}
# words that name a whole league, so 'the best acute trust' is still first of its league
_LEAGUE_WORDS = {"acute", "non", "ambulance", "nhs", "foundation", "hospital", "-", "–"}
_NOUNS = {"trust", "hospital", "provider", "organisation", "organization", "performer", "one", "service"}
_PLURALS = {"trusts", "hospitals", "providers", "organisations", "organizations", "performers", "ones", "services"}
_NATIONAL = {"england", "country", "nhs", "league", "rankings", "land", "nation", "whole"}
# what may follow a superlative that ranks a whole league ('the lowest-ranked acute trust, ...')
_FOLLOWS = {",", ".", ";", ":", "(", ")", "–", "—", "-", "\n", "in", "of", "nationally", "overall", "and", "with", "at",
            "is", "was", "this", "that", "on", "after", "for", "among", "amongst", "but", "while", "whilst",
            "having", "ranked", "placed", "according", "when", "since", "'", "’", "\"", "”"}
_COPULA = {"is", "was", "are", "were", "sits", "sat", "comes", "came", "lies", "lay", "stands", "remains"}
_TABLE = {"table", "tables", "list", "league", "rankings", "ranking", "pile", "chart", "charts", "spectrum", "scale"}
# the end of the table the sentence before 'At the other end ...' spoke of
_TOP_WORDS = {"top", "best", "first", "highest", "heads", "head", "leads", "led", "tops", "topped"}
_BOTTOM_WORDS = {"bottom", "worst", "last", "lowest", "foot"}
_PAST = {"had", "having", "previously", "formerly", "once", "used"}
_GROUP_BEFORE = {"of", "among", "amongst", "one", "'s", "’s"}


def _past_table(doc: Doc, sent: Span, k: int) -> int | None:
    """After 'at the top', an 'of the table' (or 'of the 134 acute trusts'): the token after it;
    None when the 'of' names something else ('at the top of the agenda')."""
    lowers = lower_forms(doc)
    if k >= sent.end or lowers[k] != "of":
        return k
    return _table_named(doc, sent, k + 1)


def _table_named(doc: Doc, sent: Span, start: int) -> int | None:
    """The token after 'the (non-acute|new|134 ...) table' opening at ``start``; None if no table is named."""
    lowers = lower_forms(doc)
    for j in range(start, min(start + 6, sent.end)):
        word = lowers[j]
        if word in _TABLE or word in {"trusts", "providers", "organisations"}:
            return j + 1
        if not (word in {"the", "all", "national", "nhs", "trust", "performance", "oversight", "new"}
                or word in _LEAGUE_WORDS or doc[j].like_num):
            return None
    return None


def _national(doc: Doc, sent: Span, k: int) -> int | None:
    """The token after a national qualifier at ``k`` ('in England', 'in the whole of England',
    'nationally'); ``k`` itself when there is none; None for any other 'in ...' ('in London')."""
    lowers = lower_forms(doc)
    if k >= sent.end:
        return k
    word = lowers[k]
    if word in {"nationally", "overall"}:
        return k + 1
    if word not in _FOLLOWS:
        return None  # 'the lowest-placed local trust', 'the strongest performer locally'
    if word == "in":
        for j in range(k + 1, min(k + 5, sent.end)):
            if lowers[j] in _NATIONAL:
                while j + 1 < sent.end and lowers[j + 1] in {"of", "england", "table", "tables"}:
                    j += 1
                return j + 1
            if lowers[j] not in {"the", "all", "of"}:
                return None
        return None
    if word == "of":
        return _past_table(doc, sent, k) if not any(t in {"'s", "’s"} for t in texts_of(doc, k, k + 5)) else None
    return k


def _superlative(doc: Doc, sent: Span, span: Span) -> tuple[int | None, str, int] | None:
    """'the top-ranked trust in England', 'came out as the weakest performer in England'."""
    lowers = lower_forms(doc)
    sup = next((k for k in range(span.start, span.end) if lowers[k] in _TOP | _BOTTOM), None)
    if sup is None or sup == 0 or lowers[sup - 1] != "the":
        return None
    if sup - 2 >= sent.start and lowers[sup - 2] in _GROUP_BEFORE:
        return None  # 'one of the worst', 'the region's best'
    k = span.end
    while k < sent.end and (lowers[k] in _HOW or lowers[k] in _LEAGUE_WORDS):
        k += 1
    if k < sent.end and lowers[k] in _PLURALS:
        return None
    if k < sent.end and lowers[k] in _NOUNS:
        k += 1
    if any(s.start < k for s in spans_in(doc, "scopes", sup, min(k + 1, sent.end))):
        return None
    after = _national(doc, sent, k)
    if after is None or (after == k and _scoped_elsewhere(doc, sent, sup)):
        return None
    top = lowers[sup] in _TOP
    return (1 if top else None), ("top" if top else "bottom"), after


def _place_ends_at(doc: Doc, sent: Span, end: int) -> bool:
    """Whether a place that is not part of an organisation's name ends at token ``end``."""
    named = spans_in(doc, "orgs", sent.start, min(end + 1, sent.end))
    return any(s.end == end and not any(o.start <= s.start < o.end for o in named)
               for s in spans_in(doc, "scopes", max(sent.start, end - 4), end))


def _scoped_elsewhere(doc: Doc, sent: Span, sup: int) -> bool:
    """'X was the region's best performer at 16th, while Y was the lowest at 112th': a
    superlative that names no whole of its own, set against one within a place ('the region's
    best', 'the best in Devon'), is within that place too."""
    lowers = lower_forms(doc)
    for k in range(sent.start, sent.end):
        if k == sup or lowers[k] not in _TOP | _BOTTOM:
            continue
        if lowers[k - 1] in {"'s", "’s"} and _place_ends_at(doc, sent, k - 1):
            return True
        if is_regional(doc, sent, k + 1):
            return True
    return False


def _nth(doc: Doc, sent: Span, span: Span) -> tuple[int | None, str, int] | None:
    """'the fifth best in England': a position counted from the top (from the bottom it needs
    the league's size, which the sentence's own number gives better)."""
    lowers = lower_forms(doc)
    if lowers[span.end - 1] not in {"best", "highest"} or (span.start > 0
                                                           and text_at(doc, span.start - 1) in {"'s", "’s"}):
        return None
    k = span.end
    while k < sent.end and lowers[k] in _HOW | _LEAGUE_WORDS | _NOUNS:
        k += 1
    after = _national(doc, sent, k)
    return None if after is None else (ordinal(span[1].text), "", after)


def _at_end(doc: Doc, sent: Span, span: Span) -> tuple[int | None, str, int] | None:
    """'at the top', 'at the bottom of the table'; 'at the other end' is the end opposite the
    one the sentence before spoke of."""
    lowers = lower_forms(doc)
    if span.id_ == "other_end":
        before = sentence_of(doc, sent.start - 1) if sent.start > 0 else None
        previous = set(lowers[before.start:before.end]) if before is not None else set()
        if span.start != sent.start and lowers[span.start - 1] not in {"\n", ","}:
            return None
        if previous & _TOP_WORDS:
            top = False
        elif previous & _BOTTOM_WORDS:
            top = True
        else:
            return None
    else:
        top = lowers[span.end - 1] in _TOP
    after = _past_table(doc, sent, span.end)
    if after is None:
        return None
    return (1 if top else None), ("top" if top else "bottom"), after


def _heads_table(doc: Doc, sent: Span, span: Span) -> tuple[int | None, str, int] | None:
    """'topped the non-acute table', 'heads the league', 'propped up the table'."""
    lowers = lower_forms(doc)
    after = _table_named(doc, sent, span.end - 1)
    if after is None or lowers[after - 1] == "list":
        return None  # 'tops the list of trusts with the longest waits': some other list
    return (1, "top", after) if span.id_ == "tops" else (None, "bottom", after)


def _inverted(doc: Doc, sent: Span, k: int) -> Span | None:
    """'... is Barts Health': the organisation after a copula that follows the frame."""
    lowers = lower_forms(doc)
    while k < sent.end and text_at(doc, k) == ",":
        k += 1
    if k >= sent.end or lowers[k] not in _COPULA:
        return None
    for org in spans_in(doc, "orgs", k + 1, min(k + 30, sent.end)):
        if org.start == k + 1 or (org.start == k + 2 and lowers[k + 1] == "the"):
            return org
    return None


def _before(doc: Doc, sent: Span, span: Span) -> Span | None:
    """The organisation named last before the frame in its sentence, or the one a leading
    pronoun stands for."""
    orgs = list(spans_in(doc, "orgs", sent.start, span.start))
    orgs += [r for r in spans_in(doc, "org_refs", sent.start, span.start) if r.id_]
    orgs = [o for o in orgs if o.end >= len(doc) or text_at(doc, o.end) not in {"'s", "’s", "'", "’"}]
    if orgs:
        return max(orgs, key=lambda o: o.end)
    previous = sentence_of(doc, sent.start - 1) if sent.start > 0 else None
    return subjects.pronoun_subject(doc, sent, previous)


def read_frames(doc: Doc, spans: list[Span], result: DocResult) -> None:
    """One ranking per superlative or end-of-table frame that places a named organisation."""
    if not spans or not league_context(doc):
        return
    usual, lowers = usual_league(doc), lower_forms(doc)
    for span in spans:
        sent = sentence_of(doc, span.start)
        if span.id_ in {"at", "other_end"}:
            reading = _at_end(doc, sent, span)
        elif span.id_ == "nth":
            reading = _nth(doc, sent, span)
        elif span.id_ in {"tops", "props"}:
            reading = _heads_table(doc, sent, span)
        else:
            reading = _superlative(doc, sent, span)
        if reading is None or _PAST.intersection(lowers[max(sent.start, span.start - 2):span.start]):
            continue  # 'which had led the table in the first two quarters': where it was before
        if foreseen(doc, sent, span.start):
            continue  # 'X hopes to become the best-performing trust': no table put it there
        if opens_with_a_region(doc, sent, span.start):
            continue  # 'Of the 22 trusts in the North East, X is the highest placed': the region's
        rank, position, after = reading
        if is_metric(doc, sent, after) or (rank is None and not position):
            continue
        org = _inverted(doc, sent, after)
        if org is None and span.id_ != "other_end":
            org = _before(doc, sent, span)
        if org is None:
            continue
        ranking = make_ranking(doc, sent, span_text(org), org.id_, rank=rank, position=position)
        ranking.league = ranking.league or usual
        result.rankings.append(ranking)
