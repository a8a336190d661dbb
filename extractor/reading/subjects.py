"""Which organisation a sentence is about, for statements and league positions.

Candidates are the linker's organisation mentions (``doc.spans["orgs"]``) and resolved
self-references ("the Trust" in a trust's own paper, ``doc.spans["org_refs"]``). A
mention governed by a preposition or possessive ("to the west of NSFT's patch") is not a
subject. When the linker found nothing before the verb, a capitalised name opening the
sentence ("Homerton was ranked 30th", "Frimley is the only board in segment 1") is
accepted if the gazetteer resolves it with the sentence's type hint.
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_right
from collections.abc import Callable

from spacy.tokens import Doc, Span

from ..gazetteer import HINT_GROUPS, load_gazetteer
from ..pipeline.extensions import doc_cache, doc_date, doc_value, sentences, span_text, spans_in, text_of, token_strings
from ..pipeline.orgs import HEADING_CHARS, names_a_system

GOVERNING = {"of", "to", "from", "with", "by", "for", "at", "on", "than", "against", "behind", "above", "below",
             "like", "unlike", "including", "under", "between", "runs", "run", "running", "operates", "manages",
             "owns", "includes", "covering", "serving", "about", "across", "in", "within", "throughout"}
_JOINERS = {"and", "&", "of", "the", "'s", "’s", "-", "st", "st."}


def candidates(doc: Doc, sent: Span) -> list[Span]:
    """Organisation mentions in ``sent`` that can be the subject of a clause, in order.

    Worked out once per sentence (statements, rankings and the sentences after both ask again);
    each caller gets its own list."""
    cache = doc_cache(doc, "subjects")
    found = cache.get((sent.start, sent.end))
    if found is None:
        found = cache[(sent.start, sent.end)] = _candidates(doc, sent)
    return list(found)


def mentions(doc: Doc, sent: Span) -> list[Span]:
    """``spans_in`` of "orgs" and of resolved "org_refs" for ``sent``. Every sentence is asked
    about, and most name nobody, so for the Doc's own sentences both are sorted into sentences
    in one pass per Doc."""
    cache = doc_cache(doc, "subjects")
    by_sentence = cache.get("mentions")
    if by_sentence is None:
        by_sentence = cache["mentions"] = _mentions_by_sentence(doc)
    starts, ends, found = by_sentence
    si = bisect_right(starts, sent.start) - 1
    if si < 0 or starts[si] != sent.start or ends[si] != sent.end:  # not one of the Doc's sentences
        return [*spans_in(doc, "orgs", sent.start, sent.end),
                *(r for r in spans_in(doc, "org_refs", sent.start, sent.end) if r.id_)]
    named = found.get(si)
    return [*named[0], *named[1]] if named else []


def _mentions_by_sentence(doc: Doc) -> tuple[list[int], list[int], dict[int, tuple[list[Span], list[Span]]]]:
    """Where the Doc's sentences start and end, and the mentions of each sentence that has any,
    by its index."""
    sents = sentences(doc)
    starts, ends = [sent.start for sent in sents], [sent.end for sent in sents]
    out: dict[int, tuple[list[Span], list[Span]]] = {}
    for kind, key in enumerate(("orgs", "org_refs")):
        for span in spans_in(doc, key, 0, len(doc)):
            si = bisect_right(starts, span.start) - 1
            if span.end <= ends[si] and (kind == 0 or span.id_):
                out.setdefault(si, ([], []))[kind].append(span)
    return starts, ends, out


_POSSESSIVES = {"'s", "’s", "'"}


def _candidates(doc: Doc, sent: Span) -> list[Span]:
    spans = mentions(doc, sent)
    if not spans:
        return []
    lower = token_strings(doc)
    out = []
    governed_end = -1
    fronted = False  # a phrase opening the sentence governs the names so far ('Unlike X, Y is ...')
    for span in sorted(spans, key=lambda s: s.start):
        k = span.start - 1
        if k > sent.start and lower[k] in _MODIFIERS:
            k -= 1  # 'unlike neighbouring X'
        before = lower[k] if k >= sent.start else ""
        # a possessive mark is its own lower form: only a word whose lower form is one can be one
        possessed = span.end < len(lower) and lower[span.end] in _POSSESSIVES and doc[span.end].text in _POSSESSIVES
        chained = before in {"and", ",", "&", "or"} and governed_end >= span.start - 2 and not (
            fronted and before == "," and (span.end >= sent.end or lower[span.end] not in _LIST_GOES_ON))
        # "agreed for our trust to be moved to segment 2": the body is the passive's subject
        governed = before in GOVERNING and not (before == "for" and (
            lower[span.end:span.end + 2] == ["to", "be"] or _names_its_head(lower, span.start - 1, sent.start)))
        if governed or possessed or chained:
            fronted = fronted or (governed and k == sent.start)
            governed_end = span.end
            continue
        out.append(span)
    return out


_MODIFIERS = {"neighbouring", "neighboring", "nearby", "fellow", "sister", "partner", "local"}
_LIST_GOES_ON = {",", "and", "&", "or"}


_BODY_HEADS = {"icb", "ics", "board", "system", "trust"}
_LONG_HEADS = (["integrated", "care", "board"], ["integrated", "care", "system"])


def _names_its_head(lower: list[str], k: int, start: int) -> bool:
    """'The ICB for Kent and Medway was moved ...': the 'for' at ``k`` names the body the
    head noun before it stands for, which the sentence is about."""
    if k - 2 >= start and lower[k - 1] in _BODY_HEADS and lower[k - 2] in ("the", "our"):
        return True
    return k - 4 >= start and lower[k - 3:k] in _LONG_HEADS and lower[k - 4] in ("the", "our")


PRONOUNS = ("it ", "the trust ", "the board ", "the icb ", "the organisation ", "the system ", "this trust ", "we ",
            "they ", "both ", "the integrated care board ")


def _home(doc: Doc) -> str:
    return doc_value(doc, "home") if doc.has_extension("home") else ""


def publisher(doc: Doc) -> Span | None:
    """The organisation a document speaks for: its home organisation (``doc._.home``, set by
    the linker from its address, title or masthead) where first named or referred to, else
    the first one named in its heading. Found once per Doc: every 'we' and 'the trust' asks."""
    cache = doc_cache(doc, "subjects")
    if "publisher" not in cache:
        cache["publisher"] = _publisher(doc)
    return cache["publisher"]


def _publisher(doc: Doc) -> Span | None:
    home = _home(doc)
    if home:
        own = [o for key in ("orgs", "org_refs") for o in doc.spans.get(key, []) if o.id_ == home]
        if own:
            return min(own, key=lambda o: o.start)
    return next((o for o in sorted(doc.spans.get("orgs", []), key=lambda o: o.start)
                 if o.end_char <= HEADING_CHARS and o.id_), None)


_TRUSTS = HINT_GROUPS["trust"]
_DEFINITE_LEADS = ((("the trust ",), _TRUSTS), (("the icb ", "the integrated care board "), HINT_GROUPS["icb"]),
                   (("the board ",), _TRUSTS | HINT_GROUPS["icb"]))


def opening(sent: Span) -> str:
    """The lowered first 40 characters of ``sent`` from where its subject stands: after its
    leading space, and past a fronted time or framing phrase ('In quarter 1, it was ranked
    80th', 'Last quarter we were in segment 4'; see :func:`subject_start`). Forty are enough
    for every opening the subject readers test (the longest, 'the integrated care board ',
    has 26), and lowering them is what lowering the whole sentence gives them (lower() maps
    characters one by one; only a Greek sigma looks at the next, and no opening holds one)."""
    lead = span_text(sent).lstrip()[:40].lower()
    if lead.startswith(_FRONTED_STARTS):
        start = subject_start(sent.doc, sent)
        if start is not None:
            doc = sent.doc
            return text_of(doc, start, min(sent.end, start + 12))[:40].lower()
    return lead


# phrases fronted before a subject: a time ('In quarter 1', 'Last quarter', 'At the end of
# June', 'Now'), a frame ('In the latest tables', 'Overall', 'Nationally'), a conjunction ('But')
_FRONTED_PREPOSITIONS = frozenset({"in", "at", "during", "for", "by", "over", "since", "as", "after", "before",
                                   "until", "following", "across", "once", "despite", "with", "under"})
_FRONTED_ADVERBS = frozenset({"now", "today", "currently", "overall", "however", "nationally", "regionally",
                              "locally", "meanwhile", "previously", "recently", "earlier", "then", "again", "also",
                              "still", "finally", "ultimately", "separately", "elsewhere", "similarly", "likewise",
                              "additionally", "importantly", "encouragingly", "disappointingly"})
_CONJUNCTIONS = frozenset({"but", "and", "yet", "so"})
_TIME_DETERMINERS = frozenset({"last", "this", "next"})  # 'Last quarter we ...', not 'This trust is ...'
_FRONTED_FIRST = _FRONTED_PREPOSITIONS | _FRONTED_ADVERBS | _CONJUNCTIONS | _TIME_DETERMINERS
_FRONTED_STARTS = tuple(f"{word}{mark}" for word in _FRONTED_FIRST for mark in (" ", ","))
# the words a time phrase fronted without a comma is made of ('In the first quarter of 2025/26 we ...'),
# and those it may end on
_TIME_HEADS = frozenset({
    "quarter", "quarters", "q1", "q2", "q3", "q4", "year", "years", "month", "months", "week", "weeks", "now",
    "then", "today", "currently", "far", "recently", "previously", "round", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december"})
_TIME_WORDS = _TIME_HEADS | frozenset({
    "in", "at", "during", "for", "by", "over", "since", "as", "of", "after", "before", "until", "the", "this",
    "that", "last", "next", "latest", "previous", "most", "recent", "first", "second", "third", "fourth", "final",
    "end", "start", "beginning", "close", "so", "financial"})
_FRONTED_REACH = 12  # words an opening phrase closed by a comma may hold
_POSSESSIVE_MARKS = frozenset({"'s", "’s"})  # 'Last year's rankings put it 80th': the time is a subject's


def subject_start(doc: Doc, sent: Span) -> int | None:
    """The token where the subject of ``sent`` stands when phrases naming no organisation are
    fronted before it: one closed by a comma ('In quarter 1, we ...', 'Overall, it ...', 'As
    of December, the trust ...'), a time phrase without one ('Last quarter it ...', 'In
    September we ...'), an adverb or a conjunction ('But it ...'); None when the sentence
    opens with its subject, as most do. A pronoun after such phrases continues the page's
    organisation as one opening the sentence does."""
    lower = token_strings(doc)
    first = first_word(doc, sent.start, sent.end)
    if first is None or lower[first] not in _FRONTED_FIRST:
        return None
    named = spans_in(doc, "orgs", first, min(sent.end, first + _FRONTED_REACH))
    k: int | None = first
    for _ in range(3):  # 'However, in quarter 1 we ...': phrase after phrase
        if k is None or lower[k] not in _FRONTED_FIRST:
            break
        after = _past_fronted(doc, lower, k, sent.end)
        if after is None or any(o.start < after for o in named):
            return None
        k = first_word(doc, after, sent.end)
    return k if k != first else None


def _past_fronted(doc: Doc, lower: list[str], k: int, end: int) -> int | None:
    """The token after the fronted phrase opening at ``k`` (and after the comma closing it),
    None when the words there open no such phrase."""
    word = lower[k]
    if word in _CONJUNCTIONS or word in _FRONTED_ADVERBS:
        nxt = first_word(doc, k + 1, end)
        return None if nxt is None else nxt + 1 if lower[nxt] == "," else nxt
    stop = min(end, k + _FRONTED_REACH)
    j, timed = k, None  # timed: the token after the last word that makes the run a time
    while j < stop and (lower[j] in _TIME_WORDS or lower[j][:1].isdigit() or lower[j].isspace()):
        if lower[j] in _TIME_HEADS or lower[j][:1].isdigit():
            timed = j + 1
        j += 1
    if timed is not None and (timed >= end or lower[timed] not in _POSSESSIVE_MARKS):
        return timed + 1 if timed < end and lower[timed] == "," else timed
    if word not in _FRONTED_PREPOSITIONS:
        return None
    comma = next((j for j in range(k + 1, stop) if lower[j] == ","), None)
    if comma is None or not _CLAUSE_WORDS.isdisjoint(lower[k + 1:comma]):
        return None  # 'In Leeds it was ranked 80th, and ...': the comma closes a clause, not a phrase
    return comma + 1


# words that make what comes before a comma a clause with its own subject or verb
_CLAUSE_WORDS = frozenset({"it", "we", "they", "he", "she", "is", "was", "are", "were", "has", "have", "had",
                           "will", "would", "can", "could", "trust", "icb", "board"})


_OWN_LEADS = ("we ", "our organisation ", "our trust ", "our icb ")
# every opening pronoun_subject reads a subject from: a sentence opening otherwise has none there
SUBJECT_OPENINGS = (*_OWN_LEADS, *(w for words, _ in _DEFINITE_LEADS for w in words), *PRONOUNS)


def pronoun_subject(doc: Doc, sent: Span, previous: Span | None) -> Span | None:
    """'It remains in segment 4': the organisation the sentence before was about; 'We were placed
    in segment 3' in a board's own report: the organisation in its heading."""
    lead = opening(sent)
    if lead.startswith(_OWN_LEADS):
        return publisher(doc)
    for words, kinds in _DEFINITE_LEADS:
        if lead.startswith(words):
            # 'the trust' the linker could not tie to one body (two were named before) stays unknown
            own = publisher(doc)
            return own if own is not None and own.label_ in kinds and _home(doc) else None
    if previous is None or not lead.startswith(PRONOUNS):
        return None
    before = candidates(doc, previous)
    if before:
        return before[0]
    # 'Inspectors returned to Medway NHS Foundation Trust in June. It remains in segment 3.':
    # a sentence whose only organisation sits behind a preposition still hands it on.
    named = [o for key in ("orgs", "org_refs") for o in spans_in(doc, key, previous.start, previous.end) if o.id_]
    return min(named, key=lambda o: o.start) if len({o.id_ for o in named}) == 1 else None



def words_in(doc: Doc, start: int, end: int) -> list[int]:
    """Indexes of the tokens in ``[start, end)`` that are not spaces (``is_space`` is the word's
    ``isspace()``, which its lower form shares), read from the Doc's cached lower forms."""
    lower = token_strings(doc)
    return [i for i in range(start, end) if not lower[i].isspace()]


def first_word(doc: Doc, start: int, end: int) -> int | None:
    """The first token of ``[start, end)`` that is not a space (as :func:`words_in` reads them),
    past a paragraph's number ('3.2 None of the system's providers is in segment 1')."""
    lower = token_strings(doc)
    first = next((i for i in range(start, end) if not lower[i].isspace()), None)
    if first is not None and lower[first][:1].isdigit() and _SECTION_NUMBER.match(lower[first]):
        return next((i for i in range(first + 1, end) if not lower[i].isspace()), first)
    return first


_SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?$")  # '3.2', '4.1.3': a board paper's paragraph


def names_after_opening(doc: Doc, sent: Span, end: int, orgs: list[Span], stops: frozenset[str] = frozenset({","}),
                        reach: int = 8) -> list[Span]:
    """The bodies named right after the mark (a comma, or one of ``stops``) that closes a phrase
    opening the sentence and running to token ``end`` ('Now in segment 2, X ...', 'Ranked 98th of
    134, X said ...'), 'the' or 'now' between: the first of ``orgs`` there and those after it.
    None when the phrase names a body itself or no such mark comes within ``reach`` words."""
    lower = token_strings(doc)
    k = next((k for k in range(end, min(sent.end, end + reach)) if lower[k] in stops), None)
    if k is None or any(end <= o.start < k for o in orgs):
        return []
    k += 1
    while k < sent.end and (lower[k].isspace() or lower[k] in {"the", "now"}):
        k += 1
    after = [o for o in orgs if o.start >= k - 1]
    return after if after and (after[0].start == k or lower[after[0].start] == "the") else []


def _opening_word(doc: Doc, start: int, end: int) -> int | None:
    """:func:`first_word`, past an opening quotation mark: '"Medway is now in segment 2," said ...'."""
    first = first_word(doc, start, end)
    if first is not None and token_strings(doc)[first] in _OPENING_QUOTES:
        first = first_word(doc, first + 1, end)
    return first


_OPENING_QUOTES = {'"', "“", "‘", "'"}


def _capitalised_run(doc: Doc, first: int, end: int) -> Span | None:
    """The run of capitalised words (joined by 'and', 'of' ...) that the words of ``[first, end)``
    open with, read one at a time up to the first that ends the run. Kept per Doc: a sentence's
    opening is read for one name, then for two."""
    cache = doc_cache(doc, "subjects")
    key = ("run", first, end)
    if key not in cache:
        cache[key] = _read_run(doc, first, end)
    return cache[key]


def _read_run(doc: Doc, first: int, end: int) -> Span | None:
    lower = token_strings(doc)
    last = None
    i: int | None = first
    while i is not None:
        nxt = i + 1
        while nxt < end and lower[nxt].isspace():
            nxt += 1
        nxt = nxt if nxt < end else None  # the next word (space tokens skipped, as words_in does)
        tok = doc[i]
        if not (tok.is_title or tok.is_upper or (lower[i] in _JOINERS and nxt is not None and doc[nxt].is_title)):
            break
        last, i = i, nxt
    return doc[first:last + 1] if last is not None else None


def leading_name(doc: Doc, sent: Span, limit: int, org_type: str | None) -> Span | None:
    """A capitalised name opening the sentence, kept only when the gazetteer resolves it."""
    return _leading_name(doc, sent, limit, lambda: org_type)


TypeHint = Callable[[], str | None]  # the kind of organisation a sentence speaks of, worked out when asked


def _leading_name(doc: Doc, sent: Span, limit: int, type_hint: TypeHint, first: int | None = -1) -> Span | None:
    """:func:`leading_name`; ``first`` is the sentence's first word when the caller has found it."""
    if first == -1:
        first = _opening_word(doc, sent.start, limit)
    if first is None or not doc[first].is_title \
            or token_strings(doc)[first] in {"the", "it", "this", "they", "we", "our", "a", "an", "in", "of", "all",
                                             "only", "none", "one"}:
        return None
    span = _capitalised_run(doc, first, limit)
    if span is None:
        return None
    resolved = _resolve_span(doc, span, type_hint, sent)
    return resolved[0] if resolved else None


_LEADING_ADVERBS = {"only", "just", "both", "even", "also"}


def leading_names(doc: Doc, sent: Span, limit: int, type_hint: TypeHint) -> list[Span]:
    """Like :func:`leading_name`, but 'Kent and Medway and Lincolnshire have both entered ...' gives
    both names when the whole run does not resolve and each side of an 'and' does. The type hint
    is asked for only by a name the gazetteer has an alias for (few are)."""
    first = _opening_word(doc, sent.start, limit)
    one = _leading_name(doc, sent, limit, type_hint, first)
    if one is not None:
        return [one]
    lower = token_strings(doc)
    while first is not None and lower[first] in _LEADING_ADVERBS:
        first = first_word(doc, first + 1, limit)  # 'Only Frimley and Dorset have made it into segment 1'
    if first is None or not doc[first].is_title:
        return []
    run = _capitalised_run(doc, first, limit)
    if run is None:
        return []
    for i in range(run.start + 1, run.end - 1):
        if lower[i] != "and":
            continue
        left = _resolve_span(doc, doc[run.start:i], type_hint, sent)
        right = _resolve_span(doc, doc[i + 1:run.end], type_hint, sent)
        if left and right:
            return [left[0], right[0]]
    return []


def _day(doc: Doc) -> datetime.date | None:
    """The document's date (``doc_date``), read once per Doc."""
    cache = doc_cache(doc, "subjects")
    if "day" not in cache:
        cache["day"] = doc_date(doc)
    return cache["day"]


def _resolve_span(doc: Doc, span: Span, type_hint: TypeHint, sent: Span) -> list[Span]:
    """``span`` as the organisation the gazetteer resolves it to, with the sentence as context
    and the type hint (a general 'trust' or 'other' hints nothing); a bare place resolves to the
    one of its candidates the document names in full.

    A name with no alias hit (``lookup``) resolves to nobody, whatever the hint, date or
    context (``resolve`` answers so first): most capitalised runs opening a sentence have none,
    and need neither the hint, the date nor the sentence's text."""
    gazetteer, text = load_gazetteer(), span_text(span)
    hits, _implied, key = gazetteer.lookup(text)
    if not hits:
        return _named_by_its_start(doc, span, text)
    if gazetteer.is_abbreviation(key) and sum(c.isupper() for c in text) < 2:
        return []  # 'Last year it was ...': an initialism ('LAST') only when written in capitals
    org_type = type_hint()
    hint = org_type if org_type and org_type not in {"trust", "other"} else None
    link = gazetteer.resolve(text, org_type=hint, on=_day(doc), context=span_text(sent))
    if link.org_type not in HINT_GROUPS["icb"] and names_a_system(token_strings(doc)[span.end:span.end + 4]):
        return []  # 'Shropshire health system ...' is the county's system, not its community trust
    if not link.code:
        # a bare place opening a placement ('Medway is now in segment 2') is the one of its
        # candidates the document names in full
        named = {s.id_ for s in doc.spans.get("orgs", []) if s.id_}
        known = [code for code in link.candidates if code in named]
        if len(known) != 1:
            return []
        return [Span(doc, span.start, span.end, label=gazetteer.get(known[0]).org_type, span_id=known[0])]
    return [Span(doc, span.start, span.end, label=link.org_type, span_id=link.code)]


# first words that begin too many names to stand for one ('Royal was ...' names nobody)
_GENERIC_STARTS = frozenset({"royal", "university", "north", "south", "east", "west", "mid", "central", "great",
                             "greater", "st", "nhs", "city", "county", "queen", "king", "kings", "princess", "northern",
                             "southern", "eastern", "western", "united", "new", "isle", "the", "black", "country",
                             "birmingham", "london", "manchester", "liverpool", "leeds", "sheffield", "bristol"})


def _named_words(doc: Doc) -> list[tuple[list[str], str, str, int]]:
    """(words, code, label, length in tokens) of each body the document names with a code,
    made once per Doc: reading the span group makes every Span again."""
    cache = doc_cache(doc, "subjects")
    found = cache.get("named_words")
    if found is None:
        found = cache["named_words"] = [(span_text(s).split(), s.id_, s.label_, len(s))
                                        for s in doc.spans.get("orgs", []) if s.id_]
    return found


def _named_by_its_start(doc: Doc, span: Span, text: str) -> list[Span]:
    """'Harrogate was 13th' after 'Harrogate and District NHS Foundation Trust': a name that
    is no alias but the opening words of the one body the document names in full that way
    (a city's name begins several bodies' names, so it names none of them)."""
    words = text.split()
    if (len(words) == 1 and words[0].lower() in _GENERIC_STARTS) or (span.end < len(doc) and doc[span.end].text == "-"):
        return []  # a common first word, or a place as a modifier ('Salford-based')
    found = {code: label for named, code, label, size in _named_words(doc)
             if size > len(span) and named[:len(words)] == words}
    if len(found) != 1:
        return []
    code, label = found.popitem()
    return [Span(doc, span.start, span.end, label=label, span_id=code)]


def relative_antecedent(doc: Doc, sent: Span, idx: int) -> Span | None:
    """'..., ahead of The Christie NHS Foundation Trust, which ... is now second': the organisation a
    relative clause before ``idx`` hangs from, even when a preposition governs it."""
    lower = token_strings(doc)  # the marks have no case: their lower form is their text
    for k in range(idx - 1, sent.start, -1):
        if lower[k] in {"which", "who"} and lower[k - 1] == ",":
            end = k - 1
            if lower[end - 1] == ")":  # 'X (XYZ), which': the name before its short form
                end = next((j for j in range(end - 2, max(sent.start, end - 6), -1) if lower[j] == "("), end)
            for org in orgs_ending_at(doc, end):
                if org.start >= sent.start:
                    return org
            return name_before(doc, sent, end)
        if lower[k] in {";", "."}:
            break
    return None


def group_orgs(doc: Doc) -> list[Span]:
    """``list(doc.spans["orgs"])``, in the group's order, made once per Doc when first asked:
    going through the group builds every Span again."""
    cache = doc_cache(doc, "subjects")
    found = cache.get("group_orgs")
    if found is None:
        found = cache["group_orgs"] = list(doc.spans.get("orgs", []))
    return found


def orgs_ending_at(doc: Doc, end: int) -> list[Span]:
    """The spans of :func:`group_orgs` ending at token ``end``, in the group's order."""
    cache = doc_cache(doc, "subjects")
    by_end = cache.get("orgs_by_end")
    if by_end is None:
        by_end = cache["orgs_by_end"] = {}
        for org in group_orgs(doc):
            by_end.setdefault(org.end, []).append(org)
    return by_end.get(end, [])


def name_before(doc: Doc, sent: Span, idx: int, org_type: str | None = None) -> Span | None:
    """The capitalised name ending just before ``idx`` ('Sandwell and West Birmingham is 74th'),
    kept only when the gazetteer resolves it."""
    k = idx - 1
    while k >= sent.start and doc[k].lower_ in {"is", "was", "now", "are", "were", "sits", "came", "ranked", ","}:
        k -= 1
    end = k + 1
    start = end
    while k >= sent.start and (doc[k].is_title or doc[k].is_upper or doc[k].text in {"'s", "’s", "'", "’"}
                               or (doc[k].lower_ in _JOINERS and k - 1 >= sent.start and doc[k - 1].is_title)):
        start = k
        k -= 1
    if start >= end or (doc[start].lower_ in {"the", "and"} and start + 1 >= end):
        return None
    gazetteer, text = load_gazetteer(), text_of(doc, start, end)
    if not gazetteer.lookup(text)[0]:
        return None  # no alias hit resolves to nobody (as in _resolve_span): no hint, day or context needed
    hint = org_type if org_type and org_type not in {"trust", "other"} else None
    link = gazetteer.resolve(text, org_type=hint, on=_day(doc), context=span_text(sent))
    if not link.code:
        return None
    return Span(doc, start, end, label=link.org_type, span_id=link.code)
