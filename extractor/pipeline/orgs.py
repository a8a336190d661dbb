"""spaCy component ``extractor_orgs``: find organisation mentions and link them to ODS codes.

An automaton over the Doc's words matching the gazetteer's aliases finds candidate
mentions; the gazetteer's resolver then decides what each one names, using the words
around it (type words such as "ambulance trusts", shared by a whole list: "the London and
South East Coast ambulance trusts"), the document date and what the document itself
says: an acronym it introduces ("Mid Yorkshire Teaching NHS Trust (MYTT)") names that
body wherever it recurs, and a short name that could mean several bodies means the one
the document named in full, else the one whose place it names ("QEH" on a page that
names King's Lynn).
Self-references ("we", "our trust", "the Trust", "the organisation", "the ICB", "the
board"; ``models/patterns/self_refs.jsonl``) resolve to the document's home organisation
(``doc._.home``) when it has one: the owner of its web address, else the one organisation
its title or masthead names (see :func:`home_organisation`). Without one, "our trust" is
the body the page's heading names, if any; else it (and "we" or "the Trust" on a page
naming no organisation) still stands for the page's own publisher: its ``id_`` is
:data:`PUBLISHER`, which record builders treat as one organisation and
:mod:`extractor.reading.linking` leaves without a code. Named mentions go to
``doc.spans["orgs"]`` and self-references to ``doc.spans["org_refs"]`` (kept apart so
that a claim builder never mistakes "the Trust" for a name as written); in both,
``label_`` is the organisation type and ``id_`` the ODS code ("" when unresolved), and
``span._.link`` gives the full :class:`~extractor.gazetteer.Link` with its reason and
candidates.
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc, Span
from spacy.tokens.underscore import Underscore

from ..gazetteer import (
    GENERIC_SITE_WORDS,
    HINT_GROUPS,
    RESOLVED_KEPT,
    Gazetteer,
    Link,
    Organisation,
    load_gazetteer,
    normalize,
    parse_date,
    type_groups,
)
from ..resources import load_jsonl
from .automaton import Automaton
from .extensions import doc_text, doc_value, keep_spans, sentence_starts, set_doc_value, span_text, token_ids
from .lexicon import LEXICON
from .phrase_words import phrase_words
from .ruler import longest_pairs
from .speakers import Named, quotation, speaker

LINK_KEY = "extractor.orgs.link"
ALIAS = -1  # what the matcher reports for an alias (a self-reference rule: its number)
PUBLISHER = "publisher"  # the id_ of a self-reference to a publisher the document does not name
HEADING_CHARS = 300  # a body named this near the start is the page's own for the record builders
_LIST_GLUE_IDS = frozenset(hash_string(word) for word in (",", "and", "&", "or", ";"))  # as LOWER ids
_OPEN_ID, _CLOSE_ID = hash_string("("), hash_string(")")  # as ORTH ids
SELF_PATTERNS = ("patterns", "self_refs.jsonl")
_ACRONYM = re.compile(r"^[A-Z][A-Za-z]{1,7}$")
_NOT_NAMES = {"NHS", "CQC", "NHSE", "NHSI", "SOF", "NOF", "RSP", "UEC", "ED", "AE", "CEO", "MP"}
_LINE = re.compile(r"[^\n]*\S[^\n]*")  # a line with a word on it
_WEB = re.compile(r"^https?://", re.I)
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")  # what str.isalnum is true of
_WORD = re.compile(r"[^\W\d_]+")
# Words of organisations' names that say nothing of where a body is (see OrgLinker._placed)
_COMMON_NAME_WORDS = frozenset({
    "the", "and", "of", "nhs", "foundation", "trust", "trusts", "hospital", "hospitals", "university", "universities",
    "teaching", "health", "healthcare", "care", "services", "service", "community", "partnership", "mental", "ft",
    "integrated", "board", "icb", "s", "st",
})
_LIST_HEADS = {"trusts": "trust", "icbs": "icb", "icss": "icb"}  # a list's type word after its last name
_WHERE_WORDS = frozenset({"in", "across", "at", "around", "near", "within", "throughout", "covering", "serving"})
_KIND_NAME_WORDS = frozenset({"the", "nhs", "foundation", "trust", "integrated", "care", "board", "icb"})
_MASTHEAD_WORDS = {"news", "by", "from", "published", "home", "welcome", "to", "|", "-", "–", "—", ":", "the"}


def _longest_first(pair: tuple[int, int]) -> tuple[int, int]:
    """The sort key (taken in reverse) of :func:`.ruler.longest_pairs`: longest, then earliest."""
    return pair[1] - pair[0], -pair[0]


def _words_of(text: str) -> frozenset[str]:
    """The lower-case words of ``text`` ("King's" gives "king" and "s", as either apostrophe)."""
    return frozenset(_WORD.findall(text.lower()))


@lru_cache(maxsize=8192)
def _name_words(name: str) -> frozenset[str]:
    """:func:`_words_of` a name or a mention, kept: an ambiguous name is weighed against the
    same candidates' names at each of its mentions."""
    return _words_of(name)


_ASIDE = 6  # tokens of a bracketed aside after a listed name, its brackets included


def _joins_list(lower: list[int], start: int, end: int) -> bool:
    """Whether tokens ``[start, end)`` (as LOWER ids) join two names of a list: at most two
    tokens of list glue (",", "and" ...), perhaps after a short bracketed aside ("(131st)")."""
    gap = lower[start:end]
    if gap and gap[0] == _OPEN_ID and _CLOSE_ID in gap[1:_ASIDE]:
        gap = gap[gap.index(_CLOSE_ID, 1) + 1:]
    return len(gap) <= 2 and _LIST_GLUE_IDS.issuperset(gap)


_SYSTEM_WORDS = frozenset({"system", "systems", "ics", "economy"})  # "Shropshire health system", "... ICS"


def names_a_system(words: list[str]) -> bool:
    """Whether the lower-case ``words`` after a place name it as a health system: "system",
    "ICS", "health system", "health economy", "health and care system". A bare county so
    followed is the system, not a trust whose name begins with it."""
    if words[:1] == ["health"]:
        words = words[3:] if words[1:3] == ["and", "care"] else words[1:]
    return bool(words) and words[0] in _SYSTEM_WORDS


def _link_to(org: Organisation, day: datetime.date | None, why: str) -> Link:
    """A resolved link to ``org``, named as on ``day``, for the reason ``why``."""
    return Link(org.code, org.name_on(day), org.org_type, why, (org.code,))


def _link_getter(span: Span) -> Link:
    """The stored link of a span this component wrote; resolved afresh for any other span."""
    stored = span.doc.user_data.get((LINK_KEY, span.start_char, span.end_char))
    if stored is not None:
        code, name, org_type, reason, candidates = stored
        return Link(code, name, org_type, reason, tuple(candidates))
    return load_gazetteer().resolve(span.text, on=_doc_date(span.doc))


if not Span.has_extension("link"):
    Span.set_extension("link", getter=_link_getter)


def _publisher_kinds(named: list[Span]) -> set[str]:
    """The kinds (a rule's ``publisher``) of unresolved self-reference that, on a page without
    a home, still name its publisher: worked out once per page, not per reference.

    "our trust" and "our ICB" speak for whoever publishes the page even when the page never
    says who that is (a board paper's text without its letterhead), whatever other bodies its
    text names (its partners, its ICB), unless its heading names one: the record builders
    then take that body as the page's own. "we" and "the Trust" beside named bodies may be
    any of them, so they do only on a page that names no organisation. "the board" never
    does: trusts and ICBs both have one.
    """
    kinds = set() if _in_heading(named) is not None else {"always"}
    return kinds | {"alone"} if not named else kinds


def _in_heading(named: list[Span]) -> Span | None:
    """The first span of ``named`` (in text order) with a code that ends within
    :data:`HEADING_CHARS`; the spans after one that starts past it are not read."""
    for span in named:
        if span.start_char >= HEADING_CHARS:
            return None
        if span.end_char <= HEADING_CHARS and span.id_:
            return span
    return None


def _unnamed_publisher(fits: str) -> Link:
    org_type = fits if fits in ("trust", "icb") else ""
    return Link(PUBLISHER, "", org_type, "self-reference in a publication whose organisation the document "
                "does not name", ())


def _doc_meta(doc: Doc, name: str) -> str:
    """A Doc extension value when registered (the lead's extensions module), else user_data."""
    value = doc_value(doc, name) if Doc.has_extension(name) else None
    if not value:
        value = doc.user_data.get(name)
    return value if isinstance(value, str) else ""


class _Meta(NamedTuple):
    """The document metadata the linker reads (each :func:`_doc_meta`), read once per Doc."""

    published: str
    url: str
    source: str
    title: str


def _metadata(doc: Doc) -> _Meta:
    """The Doc's :class:`_Meta`, each value as :func:`_doc_meta` reads it. Most paragraphs
    have none: when ``user_data`` holds no value of these names (neither as an extension's
    nor as a plain entry) and no extension of theirs gives a value of its own (a getter, a
    method, a non-empty default), :func:`_doc_meta` finds "" for each of them."""
    if doc.user_data.keys().isdisjoint(_META_KEYS) and _unset_is_empty():
        return _NO_META
    return _Meta(*(_doc_meta(doc, name) for name in _Meta._fields))


_NO_META = _Meta("", "", "", "")
_META_KEYS = frozenset(key for name in _Meta._fields for key in (name, ("._.", name, None, None)))
_SEEN_EXTENSIONS: list = [None, False]  # the metadata's extensions when last checked, and the answer


def _unset_is_empty() -> bool:
    """Whether every metadata extension is unregistered or plain with an empty default
    (``doc_value`` then gives the default or the value in ``user_data``); checked again
    only when the extensions change."""
    get = Underscore.doc_extensions.get
    found = (get("published"), get("url"), get("source"), get("title"))  # _Meta._fields
    if found != _SEEN_EXTENSIONS[0]:
        _SEEN_EXTENSIONS[:] = found, all(_plain_empty(entry) for entry in found)
    return _SEEN_EXTENSIONS[1]


def _plain_empty(entry: tuple | None) -> bool:
    """An extension entry (default, method, getter, setter) that reads as "" when unset."""
    if entry is None:
        return True
    default, method, getter, _setter = entry
    return method is None and getter is None and (default is None or (type(default) is str and not default))


def _doc_date(doc: Doc) -> datetime.date | None:
    return parse_date(_doc_meta(doc, "published") or None)


def _address(meta: _Meta) -> str:
    """The document's web address: ``doc._.url``, else a source that is itself a URL."""
    return meta.url or (meta.source if _WEB.match(meta.source) else "")


def _is_acronym(word: str) -> bool:
    """"MYTT", "RDaSH": an initialism a page may define, but not a type word ("(ICB)" after
    an ICB's name must not make every later "ICB" that board)."""
    return bool(_ACRONYM.match(word)) and sum(c.isupper() for c in word) >= 2 and not type_groups(word) \
        and word.upper() not in _NOT_NAMES


class _WordCutter:
    """:func:`.extensions.text_of` for one Doc, a word's length read from its text in the
    lexicon the matcher numbered the Doc's words with (a token's length is its text's):
    no Token is made, and no ``LENGTH`` array (the offsets, ``IDX``, are kept by the
    sentence splitter)."""

    __slots__ = ("offsets", "text", "texts", "words")

    def __init__(self, doc: Doc) -> None:
        self.text, self.offsets = doc_text(doc), token_ids(doc, "IDX")
        self.words, self.texts = LEXICON.sequence_of(doc)[1], LEXICON.texts

    def __call__(self, start: int, end: int) -> str:
        if start >= end:
            return ""
        return self.text[self.offsets[start]:self.offsets[end - 1] + len(self.texts[self.words[end - 1]])]


def _edge_lines(text: str, n: int = 3, reach: int = 800) -> list[tuple[int, int]]:
    """Character ranges of the first and last ``n`` non-empty lines (a masthead, a byline)
    within ``reach`` characters of either end: such lines are short. A paragraph (one line,
    shorter than ``reach``, with a word on it) is its one line: the pattern matches it whole."""
    if n > 0 and len(text) <= reach and "\n" not in text and text and not text.isspace():
        return [(0, len(text))]
    cut = max(0, len(text) - reach)
    if n <= 0:  # every line of the tail ([-0:] is the whole list)
        return [(cut + m.start(), cut + m.end()) for m in _LINE.finditer(text[cut:])]
    head = _first_lines(text, min(len(text), reach), n)
    tail = _last_lines(text, cut, n)
    return head + [r for r in tail if r not in head]


def _first_lines(text: str, stop: int, n: int) -> list[tuple[int, int]]:
    """The first ``n`` matches of :data:`_LINE` in ``text[:stop]``, found by looking for line
    breaks rather than matching the pattern over every character: a line with a word on it
    is one that is not all space (``\\S`` and ``str.isspace`` agree)."""
    out: list[tuple[int, int]] = []
    start = 0
    while len(out) < n:
        brk = text.find("\n", start, stop)
        end = stop if brk < 0 else brk
        if end > start and not text[start:end].isspace():
            out.append((start, end))
        if brk < 0:
            break
        start = brk + 1
    return out


def _last_lines(text: str, cut: int, n: int) -> list[tuple[int, int]]:
    """The last ``n`` matches of :data:`_LINE` in ``text[cut:]`` (as offsets in ``text``),
    looked for from the end (see :func:`_first_lines`)."""
    out: list[tuple[int, int]] = []
    end = len(text)
    while len(out) < n:
        brk = text.rfind("\n", cut, end)
        start = cut if brk < 0 else brk + 1
        if end > start and not text[start:end].isspace():
            out.append((start, end))
        if brk < 0:
            break
        end = brk
    return out[::-1]


def _expand(pattern: list[dict]) -> list[list[str]]:
    """The lower-case word sequences a fixed-length pattern of ``LOWER``/``TEXT`` specs (a
    word or an ``IN`` list each) matches."""
    out: list[list[str]] = [[]]
    for spec in pattern:
        value = spec.get("LOWER", spec.get("TEXT"))
        words = value["IN"] if isinstance(value, dict) else [value]
        out = [[*seq, w.lower()] for seq in out for w in words]
    return out


def _exact_words(rule: dict) -> tuple[tuple[int, str], ...]:
    """(position, word) of the exact-case words ("Trust") of a self-reference rule, to check
    on each match (a spec is one word); most rules have none."""
    return tuple((k, spec["TEXT"]) for k, spec in enumerate(rule["pattern"]) if "TEXT" in spec)


def home_organisation(doc: Doc, named: list[Span], gaz: Gazetteer, day: datetime.date | None,
                      meta: _Meta | None = None) -> tuple[Organisation | None, str]:
    """The organisation a document speaks for, and where that was read (``address``,
    ``title`` or ``masthead``), in order of trust.

    The owner of the document's web address decides; else the one organisation its title
    names; else a masthead or byline: one of the first or last three lines that is an
    organisation's name and little else ("Medway NHS Foundation Trust | News").
    """
    meta = _metadata(doc) if meta is None else meta
    if meta is not _NO_META:  # which has no address and no title
        address = _address(meta)
        link = gaz.site_owner(address, on=day) if address else None
        if link is not None and link.code:
            return gaz.get(link.code), "address"
        title = meta.title
        code = gaz.publisher("", title, on=day) if title else ""
        if code:
            return gaz.get(code), "title"
    if not named:
        return None, ""
    text = doc_text(doc)
    placed = _edge_spans(named, min(len(text), _REACH), max(0, len(text) - _REACH))
    for start, end in _edge_lines(text, reach=_REACH):
        on_line = [s for first, last, s in placed if first >= start and last <= end]
        codes = {s.id_ for s in on_line}
        if len(codes) != 1 or "" in codes:
            continue
        covered = {i for s in on_line for i in range(s.start, s.end)}
        if not _says_more(doc, start, end, covered) and _little_else(
                doc.char_span(start, end, alignment_mode="expand"), covered):
            return gaz.get(codes.pop()), "masthead"
    return None, ""


_REACH = 800  # characters from either end of a page where its masthead lines may be (see _edge_lines)


def _paragraph_start(doc: Doc, idx: int) -> int:
    """The first token of the paragraph (text after a blank line) that token ``idx`` is in."""
    offsets = token_ids(doc, "IDX")
    cut = doc_text(doc).rfind("\n\n", 0, offsets[idx]) if idx < len(offsets) else -1
    return 0 if cut < 0 else bisect_left(offsets, cut + 2)


def _edge_spans(named: list[Span], head: int, tail: int) -> list[tuple[int, int, Span]]:
    """(start_char, end_char, span) of the spans of ``named`` (in text order) that start
    before character ``head`` or at ``tail`` or after: the only ones that can lie on a line
    :func:`_edge_lines` gives. A page names most of its bodies in between."""
    placed = []
    for span in named:
        first = span.start_char
        if first >= head:
            break
        placed.append((first, span.end_char, span))
    later = []
    for span in reversed(named[len(placed):]):
        first = span.start_char
        if first < tail:
            break
        later.append((first, span.end_char, span))
    return placed + later[::-1]


def _says_more(doc: Doc, start: int, end: int, covered: set[int]) -> bool:
    """Whether a token starting within characters ``[start, end)`` and not ``covered`` has a
    letter or digit (so is neither space nor punctuation) and is no masthead word. Then
    :func:`_little_else` of the line says no: the line's Span holds that token, and it reads
    every token up to such a word unless it has said no before. Most lines of prose say so
    at their first word, and no Token is made to see it."""
    offsets = token_ids(doc, "IDX")
    words, texts = LEXICON.sequence_of(doc)[1], LEXICON.texts
    for i in range(bisect_left(offsets, start), bisect_left(offsets, end)):
        word = texts[words[i]]
        if i not in covered and word.lower() not in _MASTHEAD_WORDS and _LETTER_OR_DIGIT.search(word):
            return True
    return False


def _little_else(line: Span, covered: set[int]) -> bool:
    """Whether the words of ``line`` outside the tokens ``covered`` (spaces and punctuation
    aside) are three masthead words at most ("| News", "Published by"). Stops at the first
    word that says no: most edge lines go on with prose, and each word read is a Token made."""
    left = 0
    for token in line:
        if token.i in covered or token.is_space or token.is_punct:
            continue
        left += 1
        if left > 3 or token.lower_ not in _MASTHEAD_WORDS:
            return False
    return True


# (guard, pattern, replacement): a rule runs only on forms containing its guard, a
# substring test that skips most of the ~30,000 rewrites the gazetteer would otherwise cost
_VARIANT_RULES = tuple((guard, re.compile(pattern), repl) for guard, pattern, repl in (
    ("and", r"\band\b", "&"), ("&", r"\s*&\s*", " and "), (",", r",", ""), ("'", r"'", "\u2019"),
    ("'", r"['\u2019]", ""), ("\u2019", r"['\u2019]", ""), ("-", r"-", " "),
    ("Isle", r"\band (Isles?)\b", r"and the \1"), ("Isle", r"\band the (Isles?)\b", r"and \1"),
))
_SPACES = re.compile(r"\s+")


def surface_variants(alias: str) -> set[str]:
    """Spellings of one alias that tokenise differently: "&"/"and", commas, apostrophes, hyphens."""
    out = {alias}
    for _ in range(2):
        for guard, pattern, repl in _VARIANT_RULES:
            for form in [f for f in out if guard in f]:
                new = _SPACES.sub(" ", pattern.sub(repl, form)).strip()
                if new:
                    out.add(new)
    return out


class _Mention(NamedTuple):
    """A candidate mention as tokens ``[start, end)``, its words as written and its link:
    Spans are made only for the mentions written to the Doc."""

    start: int
    end: int
    text: str
    link: Link


def _places_of(ids: list[int], wanted: dict[int, str]) -> list[tuple[int, str]]:
    """(position, ``wanted[id]``) of every element of ``ids`` that is a key of ``wanted``: a
    page's few introduced acronyms are looked for by ``list.index``, which scans in C."""
    out = []
    for word_id, word in wanted.items():
        i = -1
        while True:
            try:
                i = ids.index(word_id, i + 1)
            except ValueError:
                break
            out.append((i, word))
    return out


class _RuleFacts(NamedTuple):
    """What a self-reference rule says, read from its dict once rather than at each match."""

    pronoun: bool
    exact: tuple[tuple[int, str], ...]
    not_before: frozenset[str]
    owner: bool
    fits: str
    by_address: bool  # names the home only when the page's address says whose it is
    anaphor: bool
    publisher: str
    unnamed: Link  # :func:`_unnamed_publisher` of its kind

    @classmethod
    def of(cls, rule: dict, exact: tuple[tuple[int, str], ...]) -> _RuleFacts:
        fits = rule.get("fits", "any")
        return cls(bool(rule.get("pronoun")), exact, frozenset(rule.get("not_before", ())), bool(rule.get("owner")),
                   fits, rule.get("needs") == "address", bool(rule.get("anaphor")), rule.get("publisher") or "",
                   _unnamed_publisher(fits))


class OrgLinker:
    """Match gazetteer aliases, keep the longest non-overlapping ones, resolve each in context."""

    def __init__(
        self, nlp: Language, name: str = "extractor_orgs", *, spans_key: str = "orgs",
        refs_key: str = "org_refs", overwrite: bool = True, window: int = 4, self_references: bool = True,
        pronouns: bool = True, keep_unresolved_places: bool = False, gazetteer: Gazetteer | None = None,
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.refs_key = refs_key
        self.overwrite = overwrite
        self.window = window
        self.self_references = self_references
        self.pronouns = pronouns
        self.keep_unresolved_places = keep_unresolved_places
        self._gazetteer = gazetteer
        self._automaton: Automaton | None = None
        self._self_rules: list[dict] = []
        self._exact: list[tuple[tuple[int, str], ...]] = []  # by rule: its exact-case words
        self._facts: list[_RuleFacts] = []  # by rule: what it says, read once
        self._may_name: dict[str, bool] = {}  # matched words -> whether they can name a body
        self._links: dict[tuple, Link] = {}  # see :meth:`_resolved`

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer()
        return self._gazetteer

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        """Compile the alias patterns (all spellings) and the self-reference rules into one
        automaton over the Doc's words (:class:`.automaton.Automaton`), as the phrases of
        two ``LOWER`` PhraseMatchers were: one pass over the Doc finds both, and no Doc is
        made for the thousands of phrases (see :mod:`.phrase_words`). An alias reports
        :data:`ALIAS`, a self-reference its rule's number."""
        forms: set[str] = set()
        for surface, _key in self.gazetteer.surface_forms():
            forms |= surface_variants(surface)
        automaton = Automaton(self.nlp.vocab, LEXICON)
        for words in phrase_words(self.nlp.tokenizer, sorted(forms)):
            automaton.add_phrase([word.lower() for word in words], (ALIAS,))
        self._may_name = {}
        self._self_rules = list(load_jsonl(*SELF_PATTERNS))
        # The patterns are short word lists, expanded into phrases; the exact-case words
        # ("Trust", not "trust") are checked on each match.
        self._exact = [_exact_words(rule) for rule in self._self_rules]
        self._facts = [_RuleFacts.of(rule, exact) for rule, exact in zip(self._self_rules, self._exact, strict=True)]
        for k, rule in enumerate(self._self_rules):
            phrases = [" ".join(words) for words in _expand(rule["pattern"])]
            for words in phrase_words(self.nlp.tokenizer, phrases):
                automaton.add_phrase([word.lower() for word in words], (k,))
        self._automaton = automaton

    def _matches(self, doc: Doc) -> tuple[list[tuple[int, int]], list[tuple[int, int, int]]]:
        """(start, end) of every alias match and (rule, start, end) of every self-reference
        match in ``doc``, in text order. The automaton is built on first use, so a pipeline
        that never runs this component pays nothing."""
        if self._automaton is None:
            self.initialize()
        assert self._automaton is not None
        return self._automaton.matches_apart(*LEXICON.sequence_of(doc), (ALIAS,))

    def __call__(self, doc: Doc) -> Doc:
        gaz = self.gazetteer
        meta = _metadata(doc)
        day = None if meta is _NO_META else parse_date(meta.published or None)
        found, refs = self._matches(doc)
        named, pairs = self._named(doc, found, day) if found else ([], [])  # most paragraphs name no body
        self._write(doc, self.spans_key, named)
        if self.self_references:
            # a page with no metadata and no name has no home (see home_organisation)
            home, where = home_organisation(doc, named, gaz, day, meta) if named or meta is not _NO_META else (None, "")
            if home is not None and Doc.has_extension("home"):
                set_doc_value(doc, "home", home.code)
            self._write(doc, self.refs_key,
                        self._self_references(doc, refs, named, day, home, where, pairs) if refs else [])
        return doc

    def _named(self, doc: Doc, found: list[tuple[int, int]],
               day: datetime.date | None) -> tuple[list[Span], list[tuple[int, int]]]:
        """The organisations the alias matches ``found`` name, resolved in their contexts: their
        Spans, and the (start, end) of each (in text order, none overlapping)."""
        cut = _WordCutter(doc)  # each match's words, and its context's
        pairs, texts = self._mentions(found, cut)
        groups = self._lists(doc, pairs)
        contexts = self._contexts(doc, pairs, texts, cut, groups)
        out = self._resolved(pairs, texts, contexts, day)
        if len(groups) < len(out):  # a list of names
            self._listed_places(doc, out, groups, contexts, day)
        spans, kept = [], []
        for m in self._document_names(doc, out, day):
            if m.link.code or self.keep_unresolved_places or "bare place name" not in m.link.reason:
                spans.append(self._emit(doc, m.start, m.end, m.link))
                kept.append((m.start, m.end))
        return spans, kept

    def _mentions(self, found: list[tuple[int, int]],
                  cut: _WordCutter) -> tuple[list[tuple[int, int]], list[str]]:
        """(start, end) and words of the longest non-overlapping alias matches ``found`` whose
        words can name an organisation (:func:`.ruler.longest_pairs` of those), in text order.
        The matcher finds thousands of overlapping candidates in a long Doc: taken longest
        first, a match overlapping one kept is passed over unread, as ``longest_pairs`` would
        pass it over; the others are read from the Doc's text, and whether their words can
        name one (which depends on nothing else) is decided once per wording."""
        may_name, out = self._may_name, []
        text, offsets, words, texts = cut.text, cut.offsets, cut.words, cut.texts
        taken: set[int] = set()
        for start, end in sorted(found, key=_longest_first, reverse=True):
            if start in taken or end - 1 in taken:
                continue
            said = text[offsets[start]:offsets[end - 1] + len(texts[words[end - 1]])]
            ok = may_name.get(said)
            if ok is None:
                ok = may_name[said] = self._can_name(said)
            if ok:
                out.append((start, end, said))
                taken.update(range(start, end))
        out.sort()  # none overlap, so no two start alike: in order of their start
        return [(start, end) for start, end, _said in out], [said for _start, _end, said in out]

    def _resolved(self, pairs: list[tuple[int, int]], texts: list[str], contexts: list[str],
                  day: datetime.date | None) -> list[_Mention]:
        """Each mention (tokens ``pairs``, words ``texts``) resolved in its context, as
        ``gazetteer.resolve`` resolves it on ``day``: the answer is kept here under (words,
        context, day, and today's date when there is no day, read once per Doc), as the
        gazetteer keeps it, without its keyword call and date parsing for every mention."""
        kept, resolve, out = self._links, self.gazetteer.resolve, []
        if len(kept) >= RESOLVED_KEPT:
            kept.clear()
        today = datetime.date.today() if day is None else None
        for (start, end), text, context in zip(pairs, texts, contexts, strict=True):
            key = (text, context, day, today)
            link = kept.get(key)
            if link is None:
                link = kept[key] = resolve(text, on=day, context=context)
            out.append(_Mention(start, end, text, link))
        return out

    def _can_name(self, text: str) -> bool:
        """Whether ``text`` is an alias (an initialism only when written in capitals)."""
        key = normalize(text)
        if key not in self.gazetteer.index:
            return False
        return not (self.gazetteer.is_abbreviation(key) and sum(c.isupper() for c in text) < 2)

    def _document_names(self, doc: Doc, found: list[_Mention], day: datetime.date | None) -> list[_Mention]:
        """What the document itself teaches: "Mid Yorkshire Teaching NHS Trust (MYTT)" makes
        every later "MYTT" that body, and a name the gazetteer finds ambiguous (a short name,
        a shared initialism; not a bare place, which is geography as often as a body) means
        the one of its candidates the document names in full, else the one whose place it
        names (:meth:`_placed`), else the one whose ICB it names (:meth:`_in_named_icb`)."""
        orth, strings = token_ids(doc, "ORTH"), doc.vocab.strings
        introduced: dict[str, Link] = {}
        for m in found:
            k = m.end
            if (m.link.code and k + 2 < len(doc) and orth[k] == _OPEN_ID and orth[k + 2] == _CLOSE_ID
                    and _is_acronym(strings[orth[k + 1]])):
                introduced.setdefault(strings[orth[k + 1]], m.link)
        named = {m.link.code: m.link for m in found if m.link.code}
        words: frozenset[str] = frozenset()  # the document's words, read when first needed
        out: list[_Mention] = []
        lower = token_ids(doc, "LOWER")
        for m in found:
            link = m.link
            if (link.code and link.reason.startswith("place alias") and link.org_type not in HINT_GROUPS["icb"]
                    and names_a_system([strings[i] for i in lower[m.end:m.end + 4]])):
                link = Link("", "", "", f"{m.text!r} is a bare place name naming its health system",
                            (link.code,))
            elif not link.code and m.text in introduced:
                first = introduced[m.text]
                link = self._taught(first, f"the acronym the document introduces for {first.name!r}")
            elif not link.code and link.candidates and "place name" not in link.reason:
                known = [named[c] for c in link.candidates if c in named]
                if len(known) == 1:
                    link = self._taught(known[0], "the one of its candidates the document names in full")
                elif not known:
                    words = words or _words_of(doc_text(doc))
                    link = (self._placed(link, m.text, words, day) or self._in_named_icb(link, named, day)
                            or self._site_placed(link, m.text, words, named, day) or link)
            out.append(m if link is m.link else _Mention(m.start, m.end, m.text, link))
        if introduced:
            out.extend(self._acronyms_alone(doc, out, introduced))
            out.sort(key=lambda m: m.start)
        return out

    def _placed(self, link: Link, mention: str, words: frozenset[str], day: datetime.date | None) -> Link | None:
        """The one candidate of an ambiguous ``link`` whose name's own words (those that are
        neither in the ``mention``, nor abbreviated by it when it is an initialism and more words
        are left, nor words every body's name has: "King's Lynn" in "The Queen Elizabeth
        Hospital King's Lynn NHS Foundation Trust") all stand among the document's ``words``:
        "Lynn's Queen Elizabeth Hospital" on a page that names King's Lynn. None when no
        candidate's or two candidates' places are named (a page naming Birmingham and King's
        Lynn says nothing of which QEH it means)."""
        said = _name_words(mention)
        initials = mention.lower() if _is_acronym(mention) or mention.isupper() else ""
        placed = []
        for code in link.candidates:
            org = self.gazetteer.get(code)
            if org is None:
                continue
            for name in {org.name, *(n for n, _, _ in org.names)}:
                own = _name_words(name) - said - _COMMON_NAME_WORDS
                if initials:  # "QEH" stands for Queen Elizabeth Hospital: its place is the rest, if any
                    own = {w for w in own if w[0] not in initials} or own
                if own and own <= words:
                    placed.append((org, own))
                    break
        if len(placed) != 1:
            return None
        org, own = placed[0]
        places = ", ".join(sorted(own))
        return _link_to(org, day, f"the one of its candidates whose place the document names ({places})")

    def _in_named_icb(self, link: Link, named: dict[str, Link], day: datetime.date | None) -> Link | None:
        """The one candidate of an ambiguous ``link`` whose ICB the document names (the ICBs
        among the codes ``named``): "the Queen Elizabeth Hospital" on a page about Norfolk and
        Waveney ICB. None when no candidate's or two candidates' ICBs are named."""
        orgs = [self.gazetteer.get(code) for code in link.candidates]
        inside = [org for org in orgs if org is not None and org.icb in named]
        if len(inside) != 1:
            return None
        org = inside[0]
        return _link_to(org, day, f"the one of its candidates in the ICB the document names ({named[org.icb].name!r})")

    def _site_placed(self, link: Link, mention: str, words: frozenset[str], named: dict[str, Link],
                     day: datetime.date | None) -> Link | None:
        """The trust running a generic site ("City Hospital") when the page says where: it names
        the site's town ("City Hospital" on a page naming Birmingham) or another trust in the same
        ICB. None for other unresolved names, and on a page about elsewhere (Nottingham has its
        own City Hospital)."""
        if len(link.candidates) != 1 or not GENERIC_SITE_WORDS.issuperset(normalize(mention).split()):
            return None
        org = self.gazetteer.get(link.candidates[0])
        if org is None:
            return None
        for place in self.gazetteer.site_places(mention):
            if words.issuperset(place.split()):
                return _link_to(org, day, f"a generic site name on a page that names its place ({place})")
        near = sorted(code for code, other in named.items()
                      if code != org.code and other.org_type in HINT_GROUPS["trust"]
                      and (got := self.gazetteer.get(code)) is not None and org.icb and got.icb == org.icb)
        if near:
            return _link_to(org, day, f"a generic site name on a page that names a trust of its ICB ({near[0]})")
        return None

    def _acronyms_alone(self, doc: Doc, found: list[_Mention], introduced: dict[str, Link]) -> list[_Mention]:
        """The introduced acronyms written on their own, outside the mentions found and not
        in brackets after a name (the token before the first one is the Doc's last)."""
        taken = {i for m in found for i in range(m.start, m.end)}
        orth, out = token_ids(doc, "ORTH"), []
        for i, word in sorted(_places_of(orth, {hash_string(word): word for word in introduced})):
            if i not in taken and orth[i - 1] != _OPEN_ID:
                first = introduced[word]
                why = f"the acronym the document introduces for {first.name!r}"
                out.append(_Mention(i, i + 1, word, self._taught(first, why)))
        return out

    @staticmethod
    def _taught(link: Link, why: str) -> Link:
        return Link(link.code, link.name, link.org_type, why, (link.code,))

    def _write(self, doc: Doc, key: str, spans: list[Span]) -> None:
        """Set (or, without ``overwrite``, extend without duplicates) one span group."""
        if not self.overwrite:
            existing = list(doc.spans.get(key, []))
            seen = {(s.start, s.end, s.label_, s.id_) for s in existing}
            spans = sorted(existing + [s for s in spans if (s.start, s.end, s.label_, s.id_) not in seen],
                           key=lambda s: (s.start, s.end))
        doc.spans[key] = spans  # this component's own spans come in text order, none on the same words
        keep_spans(doc, key, spans)

    def _emit(self, doc: Doc, start: int, end: int, link: Link) -> Span:
        """The Span written for a mention; its link is kept under its character offsets, which
        the Span read from its end tokens when it was made."""
        span = Span(doc, start, end, label=link.org_type if link.code else "", span_id=link.code)
        doc.user_data[(LINK_KEY, span.start_char, span.end_char)] = (
            link.code, link.name, link.org_type, link.reason, list(link.candidates),
        )
        return span

    @staticmethod
    def _lists(doc: Doc, pairs: list[tuple[int, int]]) -> list[list[int]]:
        """The mentions (tokens ``pairs``) in runs joined by commas/"and", each perhaps after a
        short bracketed aside ("York and Scarborough (131st), North Cumbria (130th) and ..."),
        as positions in ``pairs``: a mention on its own is a run of one."""
        lower = token_ids(doc, "LOWER") if len(pairs) > 1 else []  # list glue lies between two mentions
        groups: list[list[int]] = []
        for k, (start, _end) in enumerate(pairs):
            if groups:
                prev_end = pairs[groups[-1][-1]][1]
                if start - prev_end <= 2 + _ASIDE and _joins_list(lower, prev_end, start):
                    groups[-1].append(k)
                    continue
            groups.append([k])
        return groups

    def _listed_places(self, doc: Doc, found: list[_Mention], groups: list[list[int]], contexts: list[str],
                       day: datetime.date | None) -> None:
        """A bare place in a list of bodies with one type word after it ("Sherwood Forest, Wye
        Valley, and Norfolk and Suffolk trusts"), or in a list naming two bodies or more, all of
        one kind ("York and Scarborough (131st), Lancashire Teaching Hospitals (129th) and Mid
        and South Essex (128th)"), is a body of that kind, if one of that kind is called that
        and no more ("Norfolk and Suffolk NHS Foundation Trust"; not "Kent" for
        Kent Community Health NHS Foundation Trust). "London trusts" alone, and a place saying
        where the body before it is ("Medway Hospitals in Kent, ...") stay geography."""
        lower, strings = token_ids(doc, "LOWER"), doc.vocab.strings
        for group in groups:
            named = [found[k].link for k in group if found[k].link.code]
            if len(group) < 2 or not named:
                continue
            after = found[group[-1]].end
            hint = _LIST_HEADS.get(strings[lower[after]]) if after < len(doc) else None
            if hint is None and len(named) >= 2:  # no type word: the kind every other name in it is
                hint = next((h for h in ("icb", "trust") if all(n.org_type in HINT_GROUPS[h] for n in named)), None)
            if hint is None or any(link.org_type not in HINT_GROUPS[hint] for link in named):
                continue
            for k in group:
                m = found[k]
                if (m.link.code or "bare place name" not in m.link.reason
                        or (m.start and strings[lower[m.start - 1]] in _WHERE_WORDS)):
                    continue
                link = self.gazetteer.resolve(m.text, org_type=hint, on=day, context=contexts[k])
                if link.code and not _name_words(link.name) - _name_words(m.text) - _KIND_NAME_WORDS:
                    why = f"{link.reason}; listed with other {hint}s"
                    found[k] = _Mention(m.start, m.end, m.text, Link(link.code, link.name, link.org_type, why,
                                                                    link.candidates))

    def _contexts(self, doc: Doc, pairs: list[tuple[int, int]], texts: list[str], cut: _WordCutter,
                  groups: list[list[int]]) -> list[str]:
        """Nearby words for each mention (tokens ``pairs``, words ``texts``); a list of
        mentions joined by commas/"and" (``groups``, see :meth:`_lists`) shares them."""
        out: list[str] = []
        w, length = self.window, len(doc)
        starts = sentence_starts(doc) if doc.has_annotation("SENT_START") else None
        text, offsets, words, word_texts = cut.text, cut.offsets, cut.words, cut.texts  # cut(), inlined
        for group in groups:
            (first, _), (last_start, last_end) = pairs[group[0]], pairs[group[-1]]
            lo, hi = max(0, first - w), min(length, last_end + w)
            if starts is not None:
                # Type words in the previous or next sentence describe something else (the
                # sentence of ``first`` starts at the last sentence start at or before it, that
                # of ``last_start`` ends at the first start after it).
                k = bisect_right(starts, first)
                if k and starts[k - 1] > lo:
                    lo = starts[k - 1]
                k = bisect_right(starts, last_start)
                if k < len(starts) and starts[k] < hi:
                    hi = starts[k]
            before = text[offsets[lo]:offsets[first - 1] + len(word_texts[words[first - 1]])] if lo < first else ""
            after = text[offsets[last_end]:offsets[hi - 1] + len(word_texts[words[hi - 1]])] if last_end < hi else ""
            if len(group) == 1:
                out.append(f"{before}  {after}")  # " ".join((before, "", after))
                continue
            head = texts[group[-1]]
            for k in group:
                # The shared head noun may sit inside the last mention ("... South East Coast ambulance").
                end = pairs[k][1]
                own = "" if k == group[-1] else f"{cut(end, min(length, end + 2))} {head}"
                out.append(" ".join((before, own, after)))
        return out

    def _self_references(self, doc: Doc, found: list[tuple[int, int, int]], taken: list[Span],
                         day: datetime.date | None, home: Organisation | None, where: str,
                         taken_pairs: list[tuple[int, int]] | None = None) -> list[Span]:
        """"we", "our trust", "the Trust", "the ICB", "the board" ... as the home organisation;
        without a home, "the trust", "this ICB", "the organisation" as the body named before.

        A form names the home only when its kind fits ("the ICB" is not a trust's own name);
        "the trust" in lower case, which news writing uses for whichever trust it is about,
        names the home only when the document's address says whose page it is, and otherwise
        the one body of its kind named in that sentence or the two before (see
        :meth:`_antecedent`). ``taken_pairs`` are the (start, end) of ``taken``, when known.
        """
        if not found:
            return []
        home_link = None if home is None else _link_to(
            home, day, f"self-reference in a publication of this organisation ({where})")
        matches: list[tuple[tuple[int, int], Link]] = []
        pending: list[tuple[tuple[int, int], _RuleFacts]] = []  # unresolved: may stand for an unnamed publisher
        orth, lower, strings = token_ids(doc, "ORTH"), token_ids(doc, "LOWER"), doc.vocab.strings
        if taken_pairs is None:
            taken_pairs = [(s.start, s.end) for s in taken]
        taken_starts = [start for start, _end in taken_pairs]
        facts, length, pronouns = self._facts, len(doc), self.pronouns
        text, offsets = (doc_text(doc), token_ids(doc, "IDX")) if home is None else ("", [])  # for quotations
        taken_ends = [end for _start, end in taken_pairs]
        chain: list[tuple[int, int, Link]] = []  # the anaphors resolved so far, in text order
        for k, start, end in found:
            rule = facts[k]
            if rule.pronoun and not pronouns:
                continue
            if rule.exact and any(strings[orth[start + k]] != word for k, word in rule.exact):
                continue
            if rule.not_before and end < length and strings[lower[end]] in rule.not_before:
                continue
            if rule.owner:
                end = start + 1  # 'our ranking': the owner, 'our', stands for the body
            fits = rule.fits
            link = None
            if (home is not None and (not rule.by_address or where == "address")
                    and (fits == "any" or home.org_type in HINT_GROUPS[fits])):
                link = home_link
            elif rule.anaphor:
                link = self._antecedent(doc, taken, taken_starts, start, fits, chain)
                j = bisect_left(taken_starts, end)
                if link is not None and not (j and taken_ends[j - 1] > start):
                    chain.append((start, end, link))
            if link is None and home is None and rule.publisher:
                # the "we" of someone quoted is the speaker's body, not the page's publisher
                if quotation(text, offsets[start]) is None:
                    pending.append(((start, end), rule))
                    continue
                link = self._speaker(doc, taken, taken_starts, offsets[start], fits)
            if link is not None:
                matches.append(((start, end), link))
        if pending:
            kinds = _publisher_kinds(taken)
            heading = None if "always" in kinds else self._heading_body(doc, taken)
            for pair, rule in pending:
                fits = rule.fits
                if rule.publisher in kinds:
                    matches.append((pair, rule.unnamed))
                elif (rule.publisher == "always" and heading is not None
                      and (fits == "any" or heading.org_type in HINT_GROUPS[fits])):
                    matches.append((pair, heading))
        if not matches:
            return []
        links = dict(matches)
        out = []
        for start, end in longest_pairs(pair for pair, _ in matches):  # as filter_spans
            # the names lie apart, in order: only the last one starting before ``end`` may reach in
            k = bisect_left(taken_starts, end)
            if not (k and taken_ends[k - 1] > start):
                out.append(self._emit(doc, start, end, links[(start, end)]))
        return out  # longest_pairs gives them in text order

    def _speaker(self, doc: Doc, named: list[Span], starts: list[int], at: int, fits: str) -> Link | None:
        """The body whose words a quoted self-reference at character ``at`` is, as the
        quotation's attribution names it ("said Jane Roe, chief executive of X"; see
        :mod:`.speakers`), if its kind fits: on a news page, a quoted "we" is the speaker's."""
        said = speaker(doc_text(doc), at, [Named(s.start_char, s.end_char, s.id_) for s in named])
        if said is None:
            return None
        if said.code:
            first = self._link_of(doc, next(s for s in named if s.id_ == said.code and s.start_char >= said.at))
            why = f"a quotation of someone speaking for this organisation ({first.name!r})"
            link = Link(first.code, first.name, first.org_type, why, (first.code,))
        else:
            quote = bisect_left(token_ids(doc, "IDX"), said.at)
            link = self._antecedent(doc, named, starts, quote, said.back)
        if link is None or (fits != "any" and link.org_type not in HINT_GROUPS[fits]):
            return None
        return link

    def _heading_body(self, doc: Doc, named: list[Span]) -> Link | None:
        """The first body named with a code in the heading (within :data:`HEADING_CHARS`), as
        the link of a self-reference ("our trust") on a page that has no home: the body the
        record builders take for the page's own (:func:`.reading.subjects.publisher`)."""
        first = _in_heading(named)
        if first is None:
            return None
        link = self._link_of(doc, first)
        return Link(link.code, link.name, link.org_type, "self-reference in a publication whose heading names "
                    f"this organisation ({span_text(first)!r})", (link.code,))

    def _antecedent(self, doc: Doc, named: list[Span], starts: list[int], idx: int, fits: str,
                    chain: Sequence[tuple[int, int, Link]] = ()) -> Link | None:
        """The body "the trust" at ``idx`` takes up: the one organisation of its kind named in
        its sentence or the two before; none when two are (which trust would it be?).
        ``named`` is in text order and ``starts`` are its first tokens: only the names that
        start between the earliest sentence and ``idx`` can lie there. An anaphor resolved
        before it there (``chain``: (start, end, link) in text order) counts as a mention of
        its body: news keeps saying "the trust" long after naming it once, and a regulator
        named in between ("NHS Improvement said the trust ...") must not end the chain."""
        if doc.has_annotation("SENT_START"):
            sentences = sentence_starts(doc)  # a token's sentence starts at the last start at or before it
            k = bisect_right(sentences, idx)
            lo = sentences[k - 1] if k else 0
            for _ in range(2):  # and the two sentences before
                if lo > 0:
                    k = bisect_right(sentences, lo - 1)
                    lo = sentences[k - 1] if k else 0
        else:
            lo = max(0, idx - 80)
        kinds = None if fits == "any" else HINT_GROUPS[fits]
        near = named[bisect_left(starts, lo):bisect_right(starts, idx)]
        before = [s for s in near if s.end <= idx and s.id_ and (kinds is None or s.label_ in kinds)]
        taken_up = None  # the latest anaphor of this kind resolved in the window
        chained = []  # the anaphors of this kind resolved in the window, latest first
        for start, end, link in reversed(chain):
            if start < lo:
                break
            if end <= idx and (kinds is None or link.org_type in kinds):
                chained.append((start, end, link))
        if before or chained:
            para = _paragraph_start(doc, idx)
            if para > lo and ((before and before[-1].start >= para) or (chained and chained[0][0] >= para)):
                # a paragraph that names a body of this kind before the anaphor is about that body
                before = [s for s in before if s.start >= para]
                chained = [c for c in chained if c[0] >= para]
        codes = {s.id_ for s in before} | {link.code for _start, _end, link in chained}
        if chained:
            taken_up = chained[0]
        if len(codes) != 1:
            return None
        if taken_up is not None and (not before or taken_up[0] > before[-1].start):
            start, end, link = taken_up
            return Link(link.code, link.name, link.org_type, f"the {fits if fits != 'any' else 'body'} taken up "
                        f"before ({span_text(doc[start:end])!r}, {link.name!r})", (link.code,))
        first = self._link_of(doc, before[-1])
        return Link(first.code, first.name, first.org_type, f"the {fits if fits != 'any' else 'body'} named "
                    f"before ({span_text(before[-1])!r})", (first.code,))

    @staticmethod
    def _link_of(doc: Doc, span: Span) -> Link:
        code, name, org_type, reason, candidates = doc.user_data[(LINK_KEY, span.start_char, span.end_char)]
        return Link(code, name, org_type, reason, tuple(candidates))


@Language.factory(
    "extractor_orgs",
    assigns=["doc.spans"],
    default_config={
        "spans_key": "orgs", "refs_key": "org_refs", "overwrite": True, "window": 4, "self_references": True,
        "pronouns": True, "keep_unresolved_places": False,
    },
)
def make_org_linker(
    nlp: Language, name: str, spans_key: str, refs_key: str, overwrite: bool, window: int,
    self_references: bool, pronouns: bool, keep_unresolved_places: bool,
) -> OrgLinker:
    return OrgLinker(
        nlp, name, spans_key=spans_key, refs_key=refs_key, overwrite=overwrite, window=window,
        self_references=self_references, pronouns=pronouns, keep_unresolved_places=keep_unresolved_places,
    )
