"""League positions written as lists: several names and as many positions ("A and B, which
came 61st and 7th respectively", "A, B and C are ranked 9, 14 and 38 respectively"), and
names each followed by their position ("A came first, B – second, C – third", "Then come A
(121st) and B (125th)", "A was 61st, with B just behind it at 62", "A, the east London
group, top, ahead of ...").
"""

from __future__ import annotations

import regex
from spacy.tokens import Doc, Span, Token

from ..gazetteer import load_gazetteer
from ..pipeline.extensions import (
    doc_cache,
    doc_date,
    doc_text,
    span_text,
    spans_in,
    text_of,
)
from ..pipeline.segments import is_domain_segment, segments_of
from ..records import DocResult, Membership, Ranking
from . import lists, subjects
from .rank_words import (
    WordTable,
    another_list_named,
    cardinal_value,
    coordinated,
    is_metric,
    is_regional,
    is_sub_group,
    league_context,
    league_of_sentence,
    lower_forms,
    make_ranking,
    ordinal,
    relative_antecedent,
    sentence_of,
    speaks_of_ranking,
    text_at,
    texts_of,
    usual_league,
)

_JOINERS = {",", "and", "&"}
_BARE_ORDINAL = regex.compile(r"^(\d{1,3})(st|nd|rd|th)=?$|^(second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
                              r"tenth|eleventh|twelfth)$", regex.I)
_MARKS = {",", "(", "-", "–", "—", ":"}
_TIED = {"=", "equal", "joint"}
_DASHES = {"-", "–", "—"}
_END_WORDS = frozenset({"top", "bottom"})
_END_AFTER_WORD = {"with", ",", ".", ";", "and", "while", "whilst", ")", "–", "—", ":"}
_AFTER_POSITION = _END_AFTER_WORD | {"place", "position", "overall", "nationally", "in", "out", "of", "on", "after",
                                     "behind", "ahead", "but", "among", "amongst", "\n", "("}
_GAP_BEFORE_AT = {"behind", "ahead", "it", "them", "just", "close", "closely", "right", "not", "far", "further",
                  "down", "up", "below", "above", ","}
_APPOSITION_OPENERS = {"based", "in", "from", "which", "who", "that", "the", "a", "an", "its", "headquartered"}


def _positions_from(doc: Doc, sent: Span, start: int) -> tuple[list[int], int]:
    """The run of positions opening at token ``start`` ('121st and 125th', '9, 14 and 38')
    and the token after its last one."""
    out: list[int] = []
    end = start
    lowers = lower_forms(doc)
    for k in range(start, sent.end):  # a word at a time: the run is short, the sentence may not be
        text = text_at(doc, k)
        value = ordinal(text) or (cardinal_value(text) if text.isdigit() else None)
        if value:
            out.append(value)
            end = k + 1
        elif not (lowers[k] in _JOINERS and out):
            break
    return out, end


def _value_token(span: Span) -> int | None:
    for k, text in enumerate(texts_of(span.doc, span.start, span.end), span.start):
        if ordinal(text) or (text.isdigit() and cardinal_value(text)):
            return k
    return None


def _name_run(doc: Doc, sent: Span, end: int) -> Span | None:
    """The capitalised run of names ending before the words that lead to the positions."""
    k = end - 1
    while k >= sent.start and not (doc[k].is_title or doc[k].is_upper):
        if doc[k].text in {".", ";", ":"}:
            return None
        k -= 1
    stop = k + 1
    while k >= sent.start and (doc[k].is_title or doc[k].is_upper or doc[k].lower_ in {"and", "&", ",", "of", "the",
                                                                                        "'s", "’s", "in"}):
        k -= 1
    start = k + 1
    while start < stop and not (doc[start].is_title or doc[start].is_upper):
        start += 1
    return doc[start:stop] if start < stop else None


def _names_for(doc: Doc, sent: Span, span: Span, count: int, hint: str) -> list[tuple[str, str]]:
    """``count`` names before ``span``, as (name, ODS code): the coordinated organisations the
    linker found, else the capitalised run split as a list and fitted to the count."""
    orgs = list(spans_in(doc, "orgs", sent.start, span.start))
    chain = coordinated(doc, orgs)
    antecedent = relative_antecedent(doc, sent, span.start)
    if antecedent is not None:
        chain = coordinated(doc, [o for o in orgs if o.end <= antecedent.start] + [antecedent])
    if len(chain) == count:
        return [(span_text(o), o.id_) for o in chain]
    run = _name_run(doc, sent, span.start)
    if run is None:
        return []
    items = lists.split_names(run, orgs)
    items = lists.fit_to_count(items, count, hint, doc_text(doc))
    if len(items) != count:
        return []
    gazetteer, on, context = load_gazetteer(), doc_date(doc), span_text(sent)
    out = []
    for item in items:
        link = gazetteer.resolve(item.text, org_type=hint or None, on=on, context=context)
        known = next((o for o in orgs if o.start_char == item.start and o.end_char == item.end), None)
        out.append((item.text, known.id_ if known is not None else link.code))
    return out


def read_respectively(doc: Doc, ranks: list[Span], result: DocResult) -> set[int]:
    """Pair a list of names with a list of as many positions, in order; return the starts of the
    rank spans read this way."""
    taken: set[int] = set()
    for span in ranks:
        if span.start in taken:
            continue
        first = _value_token(span)
        if first is None:
            continue
        sent = sentence_of(doc, span.start)
        positions, end = _positions_from(doc, sent, first)
        if len(positions) < 2 or is_metric(doc, sent, end):
            continue
        league = league_of_sentence(doc, sent) or usual_league(doc)
        # a gazetteer type hint: the acute league is one kind of trust, the others several
        names = _names_for(doc, sent, span, len(positions), "acute" if league == "acute" else "")
        if not names:
            continue
        for (name, code), value in zip(names, positions, strict=True):
            result.rankings.append(make_ranking(doc, sent, name, code, rank=value))
        taken.update(r.start for r in ranks if sent.start <= r.start < end and r.start >= span.start)
    return taken


def named_before_apposition(doc: Doc, sent: Span, start: int, hint: str | None) -> Span | None:
    """'X, which runs several sites, at number 61': the name before an apposition
    that ends right before the position."""
    if start - 1 <= sent.start or text_at(doc, start - 1) != ",":
        return None
    k = _skip_qualifier(doc, sent, start - 1)
    return _org_ending(doc, sent, k, hint) if k < start - 2 else None


def _skip_qualifier(doc: Doc, sent: Span, k: int) -> int:
    """Step back over 'in Manchester', 'in King's Lynn', an appositive ', based in London,' and a
    bracketed segment ('X (segment 2, 44th)')."""
    lowers = lower_forms(doc)
    comma = text_at(doc, k) == ","
    j = k - 1 if comma else k
    if j - 2 > sent.start and lowers[j - 1] in {"segment", "category"} and text_at(doc, j - 2) == "(" \
            and doc[j].like_num:
        return j - 3
    if comma and k - 1 >= sent.start:
        for j in range(k - 1, max(sent.start, k - 13), -1):
            if text_at(doc, j) == ",":
                if lowers[j + 1] in _APPOSITION_OPENERS:
                    k = j - 1  # then, as before any name, 'in Manchester'
                break
    for j in range(k, max(sent.start - 1, k - 5), -1):
        if lowers[j] == "in" and j < k and all(t.is_title or t.text in {"'s", "’s"} for t in doc[j + 1:k + 1]):
            k = j - 1
            # 'Barts heart centre in Smithfield': a few lower-case words naming what the place is
            while k > sent.start and doc[k].is_lower and doc[k].is_alpha and j - k <= 3:
                k -= 1
            return k
    return k


def _org_ending(doc: Doc, sent: Span, k: int, hint: str | None) -> Span | None:
    """The organisation whose name ends at token ``k`` (or a word or two after it)."""
    for org in sorted(spans_in(doc, "orgs", sent.start, k + 1), key=lambda o: -o.end):
        if k + 1 - 3 <= org.end <= k + 1 and all(t.is_lower and t.is_alpha for t in doc[org.end:k + 1]):
            return org
    named = subjects.name_before(doc, sent, k + 1, hint)
    if named is not None or not _capitalised(doc[k]):
        return named
    # 'a Black Country Trust- Walsall Healthcare': the longest tail of the capitalised run that names
    # one; a dash inside the run ('Trust-Walsall', 'Trust – Walsall') joins it however it is spaced
    start = k
    while start - 1 >= sent.start and (_capitalised(doc[start - 1]) or (
            doc[start - 1].text in _DASHES and start - 2 >= sent.start and _capitalised(doc[start - 2]))):
        start -= 1
    gazetteer, on, context = load_gazetteer(), doc_date(doc), span_text(sent)
    for first in range(start + 1, k + 1):
        if text_at(doc, first) in _DASHES:
            continue
        tail = text_of(doc, first, k + 1)
        if not gazetteer.lookup(tail)[0]:
            continue  # no alias hit resolves to nobody, whatever the hint, day or context
        link = gazetteer.resolve(tail, org_type=hint, on=on, context=context)
        if link.code:
            return Span(doc, first, k + 1, label=link.org_type, span_id=link.code)
    return None


def _capitalised(tok: Token) -> bool:
    return tok.is_title or tok.is_upper


def read_named_positions(doc: Doc, ranks: list[Span], weak: list[Span], result: DocResult) -> None:
    """A position right after a name, in a page that ranks: 'B – second', 'A (131st)', 'B at 123'."""
    if not league_context(doc):
        return
    candidates = position_words(doc)
    if candidates:
        covered = {i for r in ranks for i in range(r.start, r.end)}
        lowers = lower_forms(doc)
        for i in candidates:
            if i not in covered:
                if not _read_line_first(doc, i, result):
                    _read_named(doc, i, result)
            elif lowers[i - 1] in _TIED:
                _read_line_first(doc, i, result)  # 'Joint 45th: X' opening a line, a rank span of its own
    for span in weak:
        _read_at(doc, span, ranks, usual_league(doc), result)


def position_words(doc: Doc) -> list[int]:
    """The tokens after the first that can be a position by themselves ('61st', 'second', 'top'),
    found from the rulers' numbers of the Doc's words (:class:`.rank_words.WordTable`)."""
    cache = doc_cache(doc, "rankings")
    found = cache.get("position_words")
    if found is None:
        found = cache["position_words"] = [i for i in _POSITION_WORDS.tokens(doc) if i > 0]
    return found


def _is_position_word(text: str) -> bool:
    return text.lower() in _END_WORDS or _BARE_ORDINAL.match(text) is not None


_POSITION_WORDS = WordTable(_is_position_word)
_FOLLOWED = WordTable(lambda text: text.lower() == "followed")


def _read_line_first(doc: Doc, i: int, result: DocResult) -> bool:
    """'134th: X', '45th – X (segment 3)', '=45th X', 'Joint 45th: X': a list line opening with
    the position, the name right after it filling the rest of the line (but for a segment)."""
    lowers = lower_forms(doc)
    text = text_at(doc, i)
    if not _BARE_ORDINAL.match(text):
        return False
    start = i - 1 if i > 0 and lowers[i - 1] in {"=", "joint", "equal"} else i
    before = text_at(doc, start - 1) if start > 0 else "\n"
    if not ("\n" in before or before in _BULLETS):
        return False  # not at a line's start
    k = i + 1
    while k < len(lowers) and lowers[k] in _TIED | {":", "-", "–", "—"}:
        k += 1
    sent = sentence_of(doc, i)
    org = next((o for o in spans_in(doc, "orgs", k, sent.end) if o.start == k), None)
    if org is None or is_metric(doc, sent, i + 1):
        return False
    rest = text_of(doc, org.end, len(doc)).split("\n", 1)[0].strip()
    segment = segment_after(doc, sent, org.end)
    if rest and segment is None:
        return False  # the line goes on: not a list item's name alone
    joint = text.endswith("=") or start < i or lowers[i + 1] in _TIED
    result.rankings.append(make_ranking(doc, sent, span_text(org), org.id_, rank=ordinal(text), joint=joint,
                                        **({"segment": segment} if segment else {})))
    if segment:
        place_listed(org, result.rankings[-1], segment, result)
    return True


_BULLETS = frozenset({"•", "*", "-", "–", "·", "▪"})


# what ends 'X in sixth' as a position: the clause or sentence ends ('in second segment' does not)
_AFTER_IN_POSITION = frozenset({".", ",", ";", "and", "overall", "nationally", "while", "whilst", "but", ")"})


def _read_named(doc: Doc, i: int, result: DocResult) -> None:
    """The ranking of the organisation named right before the position word at token ``i``, if any."""
    lowers, text = lower_forms(doc), text_at(doc, i)
    word = lowers[i]
    nxt = lowers[i + 1] if i + 1 < len(lowers) else "."
    joint = text.endswith("=") or nxt in _TIED or lowers[i - 1] in _TIED
    if _BARE_ORDINAL.match(text):
        spaced_dash = nxt == "-" and bool(doc[i].whitespace_)  # 'X - 12th - segment 1', not '12th-worst'
        if nxt not in _AFTER_POSITION and nxt not in _TIED and i + 1 < len(lowers) \
                and not text_at(doc, i + 1).isspace() and not spaced_dash:
            return
        value, position = ordinal(text), ""
    elif word in _END_WORDS and nxt in _END_AFTER_WORD and text_at(doc, i - 1) in {",", "-", "–", "—"}:
        value, position = (1 if word == "top" else None), word
    else:
        return
    sent = sentence_of(doc, i)
    if is_metric(doc, sent, i + 1):
        return
    k = i - 1
    if text_at(doc, k) == "=":
        k -= 1  # '=68th': tied
    marks = 0
    if lowers[k] == "in" and value and nxt in _AFTER_IN_POSITION:
        # 'X in third, among trusts in the region': the clause after the comma is read too
        if any(is_regional(doc, sent, j) or is_sub_group(doc, sent, j) for j in (i + 1, i + 2)):
            return
        k, marks = k - 1, 1  # 'X in sixth.', 'ahead of X in second', 'X, in sixth, ...'
    while k > sent.start and text_at(doc, k) in _MARKS and marks < 2:
        k, marks = k - 1, marks + 1
    if ordinal(text_at(doc, k)) or (doc[k].like_num and lowers[k - 1] not in {"segment", "category"}):
        return  # '61st, 121st and 125th': the rest of a list of positions, read with its names
    hint = league_of_sentence(doc, sent) or usual_league(doc) or None
    stated = _in_segment_before(doc, sent, k) if marks and text_at(doc, i - 1) == "(" else None
    if stated is not None:
        named, segment = stated  # 'X was in segment 4 (115th), Y in segment 3 (76th)'
    else:
        named = _skip_qualifier(doc, sent, k + 1 if text_at(doc, k + 1) == "," and marks else k)
        segment = segment_after(doc, sent, i + 1)
    while named > sent.start and text_at(doc, named) in _MARKS:
        named -= 1
    org = _org_ending(doc, sent, named, hint)
    if org is None or (not marks and named == k and org.end != i):
        return
    result.rankings.append(make_ranking(doc, sent, span_text(org), org.id_, rank=value, position=position,
                                        joint=joint, previous_rank=_from_after(doc, sent, i + 1),
                                        **({"segment": segment} if segment else {})))
    if segment:
        place_listed(org, result.rankings[-1], segment, result)


def _in_segment_before(doc: Doc, sent: Span, k: int) -> tuple[int, int] | None:
    """'X was in segment 4 (115th)', 'Y in segment 3 (76th)', 'Z, now in segment 2 (30th)': a
    bracketed position after the segment a body is said to be in, the number of which ends at
    token ``k``; the token its name ends at, and the segment. None for any other words."""
    lowers = lower_forms(doc)
    if k - 2 <= sent.start or lowers[k - 1] not in {"segment", "category"} or lowers[k - 2] not in {"in", "into"}:
        return None
    found = next((s for s in spans_in(doc, "segments", k - 1, k + 1) if s.start == k - 1 and s.end == k + 1), None)
    named = segments_of(found) if found is not None and not is_domain_segment(found) else ()
    if len(named) != 1:
        return None
    j = k - 3
    while j > sent.start and lowers[j] in _SAID_TO_BE_IN:
        j -= 1
    return j, named[0]


# the words between a body's name and 'in segment N': its verb, an adverb, a comma
_SAID_TO_BE_IN = frozenset({"was", "is", "remains", "remained", "sits", "sat", "stays", "stayed", "now", "still",
                            "currently", "placed", "put", "moved", "been", "has", ","})


def place_listed(org: Span, ranking: Ranking, segment: int, result: DocResult) -> None:
    """'• Royal Devon: 54th, segment 3': a list item giving a position and a segment places the
    body in the segment too: one membership, unless another reader took it from the same words."""
    if any(m.segment == segment and m.start < ranking.end and ranking.start < m.end
           and ((org.id_ and m.ods_code == org.id_) or m.name == ranking.name) for m in result.memberships):
        return
    result.memberships.append(Membership(
        name=ranking.name, ods_code=org.id_, org_type=org.label_, segment=segment, framework=ranking.framework,
        period=ranking.period, text=ranking.text, start=ranking.start, end=ranking.end))


def listed_position(doc: Doc, org: Span, span: Span) -> bool:
    """Whether the position ``span`` is a list item's, right after its name: 'X: joint 83rd',
    'X – 12th', 'X (joint 83rd'."""
    between = [t for t in texts_of(doc, org.end, span.start) if not t.isspace()]
    return len(between) == 1 and between[0] in _MARKS


def _from_after(doc: Doc, sent: Span, k: int) -> int | None:
    """'X: 92nd, from 96th', 'X – 31st (up from 56th)': the position before, right after this one."""
    lowers = lower_forms(doc)
    for j in range(k, min(sent.end - 1, k + 4)):
        if lowers[j] == "from":
            return ordinal(text_at(doc, j + 1))
        if lowers[j] not in {",", "(", "up", "down", "-", "–"}:
            return None
    return None


def segment_after(doc: Doc, sent: Span, k: int) -> int | None:
    """The one segment named right after a listed position ('54th, segment 3', '127th (segment
    four)', '74th= (segment 3)', '83rd - segment 3'), or after its total ('83rd of 134, segment 3')."""
    lowers = lower_forms(doc)
    if k > sent.start and lowers[k - 1] in {"of", "among", "amongst"} and k < sent.end and doc[k].like_num:
        k += 1
    while k < sent.end and lowers[k] in _TIED:
        k += 1
    if k < sent.end and lowers[k] in {",", "(", "-", "–", "—", ";", "in"}:
        k += 1
    found = next((s for s in spans_in(doc, "segments", k, min(sent.end, k + 6)) if s.start == k), None)
    named = segments_of(found) if found is not None and not is_domain_segment(found) else ()
    return named[0] if len(named) == 1 else None


def _read_at(doc: Doc, span: Span, ranks: list[Span], usual: str, result: DocResult) -> None:
    """'X was ranked 61st, with Y just behind it at 62', 'X ranked 30th. Y at 38.': a bare 'at 62'
    after a name continues a list of positions, so a position must be stated in its sentence
    or the one before ('the board met at 10, and X at 11' is no ranking), or the 'at' must
    follow the name itself in a paragraph that talks of the table ('X, at 36, and Y, at joint
    50, were the best placed')."""
    sent = sentence_of(doc, span.start)
    opening = sentence_of(doc, sent.start - 1).start if sent.start > 0 else sent.start
    stated = any(opening <= r.start < span.start for r in ranks)
    if not stated and not speaks_of_ranking(doc, sent):
        return
    k = span.start - 1
    while k > sent.start and doc[k].lower_ in _GAP_BEFORE_AT:
        k -= 1
    hint = league_of_sentence(doc, sent) or usual or None
    org = _org_ending(doc, sent, k, hint)
    value = next((cardinal_value(t) for t in texts_of(doc, span.start, span.end) if t.isdigit()), None)
    if org is None or value is None or is_metric(doc, sent, span.end):
        return
    if not stated and (text_of(doc, org.end, span.start).strip() not in {"", ","} or another_list_named(doc, sent)):
        return  # 'X had vacancies at 36': a name with words of its own before the number
    result.rankings.append(make_ranking(doc, sent, span_text(org), org.id_, rank=value,
                                        joint=any(t.lower_ in {"joint", "equal"} for t in span)))


def read_followers(doc: Doc, result: DocResult) -> None:
    """'X is first, followed by Y and Z': the organisations listed straight after 'followed by'
    take the places after the one the sentence gave ('followed closely behind' gives none)."""
    if not league_context(doc) or all(r.rank is None for r in result.rankings):
        return  # the places after a stated one: with none stated, there are none
    for i in _followed_by(doc):
        sent = sentence_of(doc, i)
        text = span_text(sent).strip()
        before = [r for r in result.rankings if r.text == text and r.rank is not None]
        ranked = {r.rank for r in before}
        if len(ranked) != 1:
            continue
        orgs = spans_in(doc, "orgs", i + 2, sent.end)
        start = i + 2 + (lower_forms(doc)[i + 2] == "the")
        if not orgs or orgs[0].start not in {i + 2, start}:
            continue
        chain = [orgs[0]]
        for org in orgs[1:]:
            gap = text_of(doc, chain[-1].end, org.start).strip().lower()
            if gap not in {"and", ",", ", and", "and the", ", and the", ", the"}:
                break
            chain.append(org)
        base = ranked.pop() + len({r.ods_code or r.name for r in before}) - 1  # after joint 20th for two: 22nd
        for k, org in enumerate(chain, 1):
            result.rankings.append(make_ranking(doc, sent, span_text(org), org.id_, rank=base + k))


def _followed_by(doc: Doc) -> list[int]:
    """The tokens 'followed' that 'by' and a further token come after, found from the rulers'
    numbers of the Doc's words: a page without the word makes no Token."""
    lowers = lower_forms(doc)
    return [i for i in _FOLLOWED.tokens(doc) if i + 2 < len(lowers) and lowers[i + 1] == "by"]
