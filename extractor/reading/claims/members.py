"""Named organisations attached to a claim: in brackets, between dashes, in apposition, after a
colon, after "apart from", or in a following "They are ..." sentence."""

from __future__ import annotations

from itertools import islice

from spacy.tokens import Doc, Span

from ...pipeline.extensions import doc_text
from ...records import Claim, DocResult, Membership
from ..lists import ListItem, fit_to_count, names_before, split_names
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


def colon_list(reader: SentenceReader, g: Group, frame_end: int, org_type: str) -> None:
    """'... five ICBs are in segment 4 and receiving support: Devon, Hampshire and Isle of Wight, ...'.

    A frame whose text holds no colon has no colon token, so its words are read only if it does."""
    doc = reader.doc
    if ":" not in text_of(doc, g.end, frame_end):
        return
    for j in range(g.end, frame_end):
        if doc[j].text == ":" and j + 1 < reader.sent.end:
            region = doc[j + 1:reader.sent.end]
            if region and region[-1].is_punct:
                region = doc[region.start:region.end - 1]
            if not any(t.is_title for t in region):
                return
            # 'five ICBs are in segment 4, including: A, B' / 'which include:' names some of them
            g.partial = _words(doc, g.end, j).endswith(tuple(" " + o for o in _PARTIAL_OPENERS)) \
                or partial_list(doc, region.start, region.end)
            count = None if g.partial else g.count
            g.names = fit_to_count(split_names(region, reader.orgs), count, org_type, doc_text(doc))
            return


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


def they_are_list(reader: SentenceReader, state: State, result: DocResult, framework: str, period: str) -> None:
    """'They are Barking Havering and Redbridge Hospitals ..., East Kent Hospitals ...'."""
    doc, sent = reader.doc, reader.sent
    if not state.last_claims or state.sentences_since > 0:
        return
    lower = token_lists(doc).lower
    words = list(islice((i for i in range(sent.start, sent.end) if not lower[i].isspace()), 3))
    if len(words) < 3:
        return
    head = " ".join(lower_at(doc, i) for i in words[:3])
    if not head.startswith(("they are", "these are", "they include", "these include", "those are",
                            "they were", "these were")):
        return
    claim = state.last_claims[-1]
    if not claim.segments:
        return
    region = doc[words[2]:sent.end]
    org_type = claim.org_type if claim.org_type not in GENERIC_TYPES else ""
    # 'They include A and B': some of those counted, placed but no list of the count
    partial = lower_at(doc, words[1]) == "include" or partial_list(doc, region.start, region.end)
    items = fit_to_count(split_names(region, reader.orgs), None if partial else claim.count, org_type, doc_text(doc))
    add_members(result, doc, sent, items, org_type, claim.segments, framework, period, None if partial else claim)


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
