"""Named organisations attached to a claim: in brackets, between dashes, in apposition, after a
colon, after "apart from", or in a following "They are ..." sentence."""

from __future__ import annotations

from itertools import islice

from spacy.tokens import Doc, Span

from ...pipeline.extensions import doc_text
from ...records import Claim, DocResult, Membership
from ..lists import ListItem, fit_to_count, names_before, split_names
from ..rank_words import cardinal_value
from .sentence import (
    ABBREVIATION,
    GENERIC_TYPES,
    Group,
    SentenceReader,
    State,
    lower_at,
    text_between,
    text_of,
    title_at,
    token_lists,
    word_at,
)


def attach_lists(reader: SentenceReader, g: Group, frame_end: int, org_type: str) -> None:
    """Names in brackets, between dashes, or in apposition right after the population (or
    right after a bare count: "four – Devon, ... – are in segment 4"), or after a colon that
    ends the claim ("five ICBs are in segment 4: Devon, ...")."""
    doc = reader.doc
    words = token_lists(doc).lower
    # a population before the count ('Only one ICS – Frimley – ..., and 23 are in ...': the
    # second count borrows it) is not where this count's list starts
    i = g.population.end if g.population is not None and g.population.start >= g.start else g.end
    while i < reader.sent.end and words[i].isspace():
        i += 1  # a table row spaces its cells: 'Segment 1   2 ICBs    (Frimley; Dorset)'
    # skip an abbreviation in brackets: "Integrated Care Systems (ICSs)"
    if lower_at(doc, i) == "(" and i + 2 < reader.sent.end and lower_at(doc, i + 2) == ")" and (
            ABBREVIATION.match(word_at(doc, i + 1)) or reader.population_at(i + 1) is not None):
        i += 3
    # skip a bracketed figure: 'Two systems (5%), Shropshire, Telford and Wrekin and ...'
    if lower_at(doc, i) == "(":
        close = next((k for k in range(i + 1, min(i + 6, reader.sent.end)) if words[k] == ")"), None)
        if close is not None and not any(title_at(doc, k) for k in range(i + 1, close)) and \
                any(doc[k].like_num for k in range(i + 1, close)):
            i = close + 1
    if i >= reader.sent.end:
        return
    # the marks are read lower-cased: a word whose lower case is a punctuation mark is that mark
    opener = words[i]
    closers = {"(": ")", "–": "–", "—": "—", "-": "-", ":": None, ",": None}
    if opener not in closers:
        return
    closer = closers[opener]
    j = i + 1
    while j < min(frame_end, reader.sent.end):
        t = words[j]
        if closer and t == closer:
            break
        if not closer and t in {";", ".", "while", "whereas", "but", "which", "who", "are", "were", "is", "was",
                                "have", "has"}:
            break
        j += 1
    if j <= i + 1:
        return
    if opener == "," and not any(title_at(doc, k) for k in range(i + 1, j)):
        return
    region = doc[i + 1:j]
    if any(region.start <= s.start and s.end <= region.end for s in reader.segments):
        return  # '5 ICBs (Recovery Support Programme)' names what the segment is, not who is in it
    if g.population is None and opener in {",", ":"}:
        return
    g.partial = partial_list(doc, region.start, region.end)
    items = fit_to_count(split_names(region, reader.orgs), None if g.partial else g.count, org_type, doc_text(doc))
    if opener == "," and (not items or any(len(it.text.split()) > 8 for it in items)):
        return
    g.names = items


# words that open a list of some of the bodies counted ('Four trusts, including X, ...') or close one
# ('A, B and others'): its length is no check of the count
_PARTIAL_OPENERS = ("including", "include", "includes", "among them", "amongst them", "among those", "among which",
                    "such as", "for example", "for instance", "e.g.", "e.g", "eg", "eg.", "notably", "like",
                    "in particular", "particularly", "especially", "most notably", "not least")
_PARTIAL_CLOSERS = ("and others", "among others", "amongst others", "etc", "etc.", "and more", "and so on",
                    # set after the names: 'Three trusts – X among them – are ...', '(X included)'
                    "among them", "amongst them", "among those", "amongst those", "among these", "amongst these",
                    "included", "one of them", "being one", "is one")


def partial_list(doc: Doc, start: int, end: int) -> bool:
    """Whether the list in tokens ``[start, end)`` names only some of the bodies counted: it
    opens with 'including', 'among them', 'such as', 'for example', 'e.g.' ... or ends with
    'and others', 'etc.', 'among them', 'included' ('namely', a colon or dashes announce a whole list)."""
    text = _words(doc, start, end).removesuffix(".").removesuffix(")").rstrip()
    return text.startswith(tuple(f" {o} " for o in _PARTIAL_OPENERS)) or text.endswith(_PARTIAL_CLOSERS)


def _words(doc: Doc, start: int, end: int) -> str:
    """The lower-cased words of tokens ``[start, end)`` after a space, commas and colons dropped."""
    return " " + " ".join(text_between(doc, start, end).replace(",", " ").replace(":", " ").split())


def colon_list(reader: SentenceReader, g: Group, frame_end: int, org_type: str, claim: Claim,
               earlier: list[Claim]) -> tuple[Claim, list[ListItem]] | None:
    """'... five ICBs are in segment 4 and receiving support: Devon, Hampshire and Isle of Wight, ...'.

    The list goes to ``g`` (set as its names), or, after several counts ('three are in segment 4
    and none in segment 5: A, B and C'), to the earlier claim of the sentence its length fits,
    which is returned with its names (see :func:`list_owner`); a count of none names no one.
    A frame whose text holds no colon has no colon token, so its words are read only if it does."""
    doc = reader.doc
    if ":" not in text_of(doc, g.end, frame_end):
        return None
    for j in range(g.end, frame_end):
        if doc[j].text == ":" and j + 1 < reader.sent.end:
            region = doc[j + 1:reader.sent.end]
            if region and region[-1].is_punct:
                region = doc[region.start:region.end - 1]
            if not any(t.is_title for t in region):
                return None
            # 'five ICBs are in segment 4, including: A, B' / 'which include:' names some of them
            g.partial = _words(doc, g.end, j).endswith(tuple(" " + o for o in _PARTIAL_OPENERS)) \
                or partial_list(doc, region.start, region.end)
            names = split_names(region, reader.orgs)
            others = [c for c in earlier if c.segments]
            if others:
                found = list_owner([*others, claim], names, None, g.partial, doc_text(doc))
                if found is not None and found[0] is claim:
                    g.names = found[1]
                    return None
                return found
            if g.count == 0:
                return None
            count = None if g.partial else g.count
            g.names = fit_to_count(names, count, org_type, doc_text(doc))
            return None
    return None


def exception_names(reader: SentenceReader, start: int) -> tuple[list[ListItem], Span | None]:
    """'apart from the London and South East Coast ambulance trusts' → names and their population."""
    doc = reader.doc
    text = text_between(doc, start, reader.sent.end)
    for marker in ("apart from", "except for", "except", "other than", "with the exception of", "bar", "save for"):
        pos = text.find(marker + " ")
        if pos == -1:
            continue
        char = doc[start].idx + pos + len(marker) + 1
        k = next((t.i for t in doc[start:reader.sent.end] if t.idx >= char), None)
        if k is None:
            return [], None
        for p in reader.populations:
            if p.start > k:
                names = names_before(doc[k:p.start], reader.orgs)
                return names, p
        return [], None
    return [], None


_LIST_VERBS = {"are", "were", "include"}
_LIST_OPENERS = ("they are", "these are", "they include", "these include", "those are", "they were", "these were")
_NUMBERED_OPENERS = {"the", "these", "those", "all"}


def they_are_list(reader: SentenceReader, state: State, result: DocResult, framework: str, period: str) -> None:
    """'They are Barking Havering and Redbridge Hospitals ..., East Kent Hospitals ...', 'The three
    are A, B and C': the names of one count of the sentence before (see :func:`list_owner`)."""
    doc, sent = reader.doc, reader.sent
    if not state.last_claims or state.sentences_since > 0:
        return
    lower = token_lists(doc).lower
    words = list(islice((i for i in range(sent.start, sent.end) if not lower[i].isspace()), 5))
    if len(words) < 3:
        return
    head = " ".join(lower_at(doc, i) for i in words[:3])
    stated: int | None = None
    if head.startswith(_LIST_OPENERS):
        verb = words[1]
    else:
        verb, stated = _numbered_head(doc, words)
        if stated is None:
            return
    region = doc[verb + 1:sent.end]
    # 'They include A and B': some of those counted, placed but no list of the count
    partial = lower_at(doc, verb) == "include" or partial_list(doc, region.start, region.end)
    found = list_owner(state.last_claims, split_names(region, reader.orgs), stated, partial, doc_text(doc))
    if found is None:
        return
    claim, items = found
    org_type = claim.org_type if claim.org_type not in GENERIC_TYPES else ""
    add_members(result, doc, sent, items, org_type, claim.segments, framework, period, None if partial else claim)


def _numbered_head(doc: Doc, words: list[int]) -> tuple[int, int | None]:
    """'The three are ...', 'These five trusts were ...', 'All four include ...': the verb's token
    and the number the sentence opens with (None when it opens otherwise)."""
    if lower_at(doc, words[0]) not in _NUMBERED_OPENERS or not doc[words[1]].like_num:
        return 0, None
    verb = next((k for k in words[2:] if lower_at(doc, k) in _LIST_VERBS), None)
    if verb is None or (verb != words[2] and any(doc[k].is_punct for k in range(words[2], verb))):
        return 0, None
    return verb, cardinal_value(doc[words[1]].text)


def list_owner(claims: list[Claim], names: list[ListItem], stated: int | None, partial: bool,
               text: str) -> tuple[Claim, list[ListItem]] | None:
    """The claim a list after it names, with the list fitted to its count.

    A count of none names no one ('five are in segment 4 and none in segment 5. They are ...').
    Of several counts, the list is the one whose count its length (or the number that opens it:
    'The three are ...') equals; with no such count, or two, it is nobody's: a list is never
    given to the count that merely comes last."""
    owners = [c for c in claims if c.segments]
    if stated is not None:
        owners = [c for c in owners if c.count == stated]
    if len(owners) > 1:
        if partial:
            return None
        fitting = []
        for c in owners:
            org_type = c.org_type if c.org_type not in GENERIC_TYPES else ""
            fitted = fit_to_count(names, c.count, org_type, text)
            if c.count is not None and len(fitted) == c.count:
                fitting.append((c, fitted))
        return fitting[0] if len(fitting) == 1 else None
    if not owners or owners[0].count == 0:
        return None
    claim = owners[0]
    org_type = claim.org_type if claim.org_type not in GENERIC_TYPES else ""
    return claim, fit_to_count(names, None if partial else claim.count, org_type, text)


def add_members(result: DocResult, doc: Doc, sent: Span, items: list[ListItem], org_type: str,
                 segments: tuple[int, ...], framework: str, period: str, claim: Claim | None) -> None:
    if len(segments) != 1:
        return
    text = doc_text(doc)[sent.start_char:sent.end_char].strip()
    start = doc_text(doc).find(text, sent.start_char)
    for item in items:
        result.memberships.append(Membership(
            name=item.text, segment=segments[0], org_type=org_type, framework=framework, text=text,
            start=start, end=start + len(text), period=period,
            claim=claim,
        ))
