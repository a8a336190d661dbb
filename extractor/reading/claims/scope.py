"""Scope: the region, system or place a count is limited to ("In the Midlands and East, ...",
"our five providers", "the region's acute trusts"), or national when the text says so."""

from __future__ import annotations

from itertools import takewhile

import regex
from spacy.tokens import Doc, Span

from ...pipeline.extensions import doc_text, span_text, spans_in
from .sentence import Group, SentenceReader, State, lower_at, overlaps, text_between, text_of


def scope_in(reader: SentenceReader, start: int, end: int) -> str:
    for s in reader.scopes:
        if s.start >= start and s.end <= end and _accepted_scope(reader, s):
            return scope_text(reader, s)
    return ""


def scope_text(reader: SentenceReader, s: Span) -> str:
    """'Devon and Cornwall' is one scope, not Devon."""
    doc = reader.doc
    for other in reader.scopes:
        if other.start == s.end + 1 and lower_at(doc, s.end) in {"and", "&"}:
            return text_of(doc, s.start, other.end)
    return span_text(s)


GENERIC_PLACES = {"the region", "our region", "our system", "the system", "the capital"}


_LISTED_TRIGGERS = frozenset({"table", "tables", "listed", "shown", "above", "below", "list", "chart", "figure",
                              "appendix", "annex"})
_LISTED = regex.compile(r"^ (?:(?:in|from|on) (?:the |this |that |our )?"
                        r"(?:table|tables|list|chart|figure|appendix|annex)(?: [0-9a-z.]+)? "
                        r"|listed |shown |named (?:above|below|here) |set out "
                        r"|(?:above|below|here)(?= (?:are|were|is|was|have|had|sit|sat)\b| ?[,.;:]))")
_LISTED_BEFORE = regex.compile(r" (?:listed|above|above-named|below|following|tabled) $")
LISTED_SCOPE = "the table"


def listed_scope(reader: SentenceReader, g: Group) -> str:
    """'3 of the 5 providers in the table', 'Four of the six organisations listed', 'Two of the four
    trusts shown above', 'Of the five providers listed in Table 2': bodies picked out by the page's
    own table or list are counted within the page, as a local scope is (never nationally)."""
    if _LISTED_TRIGGERS.isdisjoint(reader.words) or g.population is None:
        return ""
    doc = reader.doc
    pop = g.population
    after = _spaced(doc, pop.end, min(reader.sent.end, pop.end + 4))
    before = _spaced(doc, max(reader.sent.start, pop.start - 1), pop.start)
    return LISTED_SCOPE if _LISTED.match(after) or _LISTED_BEFORE.search(before) else ""


def home_scope(doc: Doc) -> tuple[str, int]:
    """The system or place a document speaks for ("our providers"): the first place or ICB
    named in its opening lines (title, header of a board paper), with its first character
    (a count before it cannot mean it: on a short page the opening lines are its body).

    The spans are read from the Doc's sorted span index (shared with the other readers),
    only those starting in the opening lines: sorted by their first character, a span
    starting later also ends later than the opening lines, where the search stops; and an
    organisation overlapping a place that ends there starts there too. (A span group holds
    one span per start, so the index's order is the group's order by first character.)"""
    head_end = min(len(doc_text(doc)), 400)
    scopes, orgs = _starting_before(doc, "scopes", head_end), _starting_before(doc, "orgs", head_end)
    for span in sorted([*scopes, *orgs], key=lambda s: s.start_char):
        if span.end_char > head_end:
            break
        if span_text(span).lower() in GENERIC_PLACES:
            continue  # 'the System Oversight Framework' names no system
        if span.label_ == "icb" or (span.label_ == "SCOPE" and not overlaps(span, orgs)):
            return span_text(span), span.start_char
    return "", 0


def _starting_before(doc: Doc, key: str, char: int) -> list[Span]:
    """The spans of ``doc.spans[key]`` starting before character ``char``, in the index's order."""
    return list(takewhile(lambda s: s.start_char < char, spans_in(doc, key, 0, len(doc))))


def deictic_scope(reader: SentenceReader, g: Group, state: State, home: str) -> str:
    """'our five providers' → the document's own system; 'the region's acute trusts' → the place
    the text is talking about."""
    doc = reader.doc
    lo = max(reader.sent.start, g.start - 3)
    if g.population is not None and g.population.end <= g.start:
        lo = max(reader.sent.start, min(lo, g.population.start - 3))  # 'Of the region's acute trusts, 3 ...'
    hi = min(reader.sent.end, (g.population.end if g.population is not None else g.end) + 6)
    front = _fronted_phrase(reader, g.start)
    if front is not None and (_LOCAL_PLACE.search(_spaced(doc, *front)) or _our_count(reader, g, *front)):
        lo = front[0]  # 'Across the county, two trusts ...': the leading phrase limits the count
    window = _spaced(doc, lo, hi)
    if _SUBREGION.search(window):
        return _SUBREGION_SCOPE  # a part of the region the page speaks of: never the region itself
    if any(w in window for w in (" the system", " locally ", " local ")) or _our_count(reader, g, lo, hi):
        return home or state.discourse_scope or _unnamed(window)
    if state.region_scope and (" the region's" in window or " the region " in window):
        return state.region_scope  # not the county or system named since: 'In Lancashire and South Cumbria, ...'
    if any(w in window for w in (" the region's", " the region ", " its ", " the county's", " the city's",
                                 " the capital's", " their ", " the county ", " the city ", " the area ")):
        return state.discourse_scope or home or _unnamed(window)
    return ""


_FRONTING = frozenset({"of", "across", "among", "amongst", "within", "in", "throughout", "for"})
_LOCAL_PLACE = regex.compile(r" (?:the|our) (?:sub-?region|region|county|city|capital|system|area)(?:'s)? ")
_SUBREGION = regex.compile(r" (?:the|our) sub-?region")
_SUBREGION_SCOPE = "the subregion"


def _spaced(doc: Doc, lo: int, hi: int) -> str:
    """The words of ``[lo, hi)`` lower-cased between spaces, with one kind of apostrophe and
    commas as spaces ('across the county, two trusts')."""
    return " " + text_between(doc, lo, hi).replace("’", "'").replace(",", " ") + " "


def _fronted_phrase(reader: SentenceReader, before: int) -> tuple[int, int] | None:
    """The phrase leading the sentence up to its comma ('Across the county, two trusts ...', 'Of
    our system's four trusts, one ...') when it ends before token ``before``: it limits every
    count after it as much as words beside the count do."""
    first = reader.first_word
    if first is None or lower_at(reader.doc, first) not in _FRONTING:
        return None
    comma = next((k for k in range(first + 1, before) if lower_at(reader.doc, k) == ","), None)
    return (first, comma) if comma is not None else None


def _our_count(reader: SentenceReader, g: Group, lo: int, hi: int) -> bool:
    """Whether an "our" near the count speaks of our own bodies ("our five providers", "three of
    our trusts", "our peer group"), not of our work ("our analysis of 210 providers")."""
    doc = reader.doc
    for k in range(lo, hi - 1):
        if lower_at(doc, k) != "our":
            continue
        nxt = k + 2 if lower_at(doc, k + 1) == "own" and k + 2 < hi else k + 1
        if lower_at(doc, nxt) not in _OUR_WORK:
            return True
    return False


_OUR_WORK = frozenset({"analysis", "analyses", "research", "review", "survey", "figures", "data", "study", "report",
                       "calculations", "calculation", "estimate", "estimates", "reading", "understanding", "view",
                       "assessment", "sample", "count", "findings", "model", "modelling", "tracker", "database",
                       "investigation", "look", "reporting", "sums", "tally", "records", "audit"})


# the words of a local scope the document does not name, as the claim's scope (see DEICTIC_SCOPES)
_UNNAMED = ((" the subregion", _SUBREGION_SCOPE), (" the county", "the county"), (" the region", "the region"),
            (" the city", "the city"),
            (" the capital", "the capital"), (" the system", "the system"), (" local", "the local area"),
            (" the area", "the area"), (" our ", "our area"))


def _unnamed(window: str) -> str:
    """'Three of the county's four trusts' on a page that never says which county: the count is
    still a local one, kept apart from national figures under the words it uses ("the county")."""
    return next((scope for words, scope in _UNNAMED if words in window), "")


def local_total_scope(reader: SentenceReader, g: Group, home: str) -> str:
    """'Two of the five trusts ...' in a paper about one county: a small definite total is local,
    unless the sentence names that place later for a part of it."""
    size = g.total if g.total is not None else g.count
    if not home or size is None or size >= 30:
        return ""
    if g.population is not None and g.population.label_ == "ambulance" and size in (10, 11):
        return ""  # England has 10 ambulance trusts (11 before 2019 mergers): that is the national league
    if any(s.start >= g.end and scope_text(reader, s).lower() == home.lower() for s in reader.scopes):
        return ""  # 'Of the 21 trusts ..., six are in London': the home place is a part of the total
    phrase = text_between(reader.doc, max(reader.sent.start, g.start - 2), g.end)
    return home if " of the " in f" {phrase} " and not national(reader) else ""  # the sentence's words read last


_NATIONAL = {"nationally", "national", "england", "overall", "country", "nationwide", "england's"}


def national(reader: SentenceReader) -> bool:
    """A sentence that says it is about the whole country does not continue a regional scope."""
    return bool(reader.words & _NATIONAL)


def _accepted_scope(reader: SentenceReader, s: Span) -> bool:
    doc = reader.doc
    if overlaps(s, reader.orgs):
        return False  # 'Suffolk' in 'Norfolk and Suffolk NHS Foundation Trust'
    before, after = lower_at(doc, s.start - 1), lower_at(doc, s.end)
    if span_text(s).lower() in GENERIC_PLACES:
        return False
    if before in {"in", "across", "within", "for", "its", "our", "their", "serve", "serves", "serving", "covering",
                  "cover", "covers"} or after in {"'s", "’s", "'", "’"}:
        return True
    if reader.population_at(s.end) is not None:
        return True
    if before == "the" and not overlaps(s, reader.orgs):
        return True
    first = reader.first_word
    return first is not None and s.start <= first + 1 and after in {",", "has", "had", "have"}


# NHS England's regions (now and before the 2020 merger of the Midlands and the East)
REGIONS = frozenset({"london", "south east", "south west", "midlands", "east of england", "north west",
                     "north east and yorkshire", "north east", "midlands and east", "north", "south", "east"})


def region_named(reader: SentenceReader) -> str:
    """The last NHS England region the sentence names as a scope, "" if none."""
    for s in reversed(reader.scopes):
        text = scope_text(reader, s)
        if text.lower().removeprefix("the ") in REGIONS and _accepted_scope(reader, s):
            return text
    return ""


def explicit_scope(reader: SentenceReader) -> str:
    """The last accepted scope of the sentence, "" if none."""
    if not reader.scopes:
        return ""
    found = next((s for s in reversed(reader.scopes) if _accepted_scope(reader, s)), None)
    return scope_text(reader, found) if found is not None else ""


def sentence_scope(reader: SentenceReader) -> str:
    """'In the Midlands and East, ...' / 'London has nine trusts ...': a scope leading the sentence."""
    if not reader.scopes:
        return ""
    first = reader.first_word
    if first is None:
        return ""
    for s in reader.scopes:
        if s.start <= first + 2 and _accepted_scope(reader, s):
            return scope_text(reader, s)
    return ""
