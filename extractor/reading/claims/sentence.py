"""What one sentence holds for claim building: its quantities, segments, populations,
scopes and organisations, and the small vocabularies that decide whether a number counts
organisations."""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, NamedTuple, TypeVar

import regex
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from ...pipeline.extensions import doc_cache, doc_text, sentences, span_text, spans_in, token_ids, token_strings
from ...pipeline.quantities import quantity_of
from ...pipeline.segments import is_domain_segment, segments_of
from ...pipeline.traps import SPANS_KEY as TRAPS_KEY
from ...records import Claim
from ..lists import ListItem

_T = TypeVar("_T")


class lazy(Generic[_T]):
    """``functools.cached_property`` without its lock: Python 3.11 takes an RLock on every
    first read, and claims make a reader for each sentence and ask each a few such values."""

    def __init__(self, func: Callable[..., _T]) -> None:
        self.func = func
        self.name = func.__name__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: object, owner: type | None = None) -> _T:
        if obj is None:
            return self  # type: ignore[return-value]
        value = obj.__dict__[self.name] = self.func(obj)
        return value


GENERIC_TYPES = {"trust", "other"}


ORDINAL = regex.compile(r"^(\d+(st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                          r"last|bottom|top)$")


def _sizes_a_league(between: list[str], before: str) -> bool:
    """Whether only words joining a position to its league ('out of the', 'from bottom out of')
    stand between an ordinal word and a number, and the ordinal is no fraction ('a third of')."""
    return _LEAGUE_GLUE.issuperset(between) and not _OF_WORDS.isdisjoint(between) and before not in _FRACTION_BEFORE


_STUDY_NOUNS = {"analysis", "survey", "review", "study", "sample", "assessment", "audit", "poll", "census"}
_FRACTION_BEFORE = {"a", "an", "one", "two", "three", "over", "under", "nearly", "almost", "about", "around"}
_LEAGUE_GLUE = {"out", "of", "the", "from", "bottom", "top", "all", "among", "amongst"}
_CHANGE_WORDS = {"up", "down", "rising", "falling", "rose", "fell", "risen", "fallen", "increase", "increased",
                 "decrease", "decreased", "change", "changed", "climbed", "dropped", "grown", "grew"}


_VAGUE_GROUPS = {"few", "many", "handful", "minority", "several", "number", "growing", "small", "select", "list"}


def _vague_group(doc: Doc, i: int) -> bool:
    """'the few', 'only a handful', 'a small number', 'the growing list': a group without a count."""
    k = i
    while lower_at(doc, k) in {"the", "a", "an", "only", "just", "very"}:
        k += 1
    return k > i and lower_at(doc, k) in _VAGUE_GROUPS


_SCALE_VERBS = frozenset({"is", "being", "="})
_SCALE_ENDS = {"best", "worst", "strongest", "weakest", "highest", "lowest", "top", "bottom"}


def _scale_point(doc: Doc, q: Span, prev: str, nxt: str, end: int) -> bool:
    """A number that names a point on the segment scale rather than counting organisations."""
    if prev == "from" and any(lower_at(doc, k) == "to" and k + 1 < end and doc[k + 1].like_num
                              for k in range(q.end, min(end, q.end + 10))):
        return True
    if nxt in _SCALE_VERBS:
        following = {lower_at(doc, k) for k in range(q.end + 1, min(end, q.end + 4))}
        return bool(following & _SCALE_ENDS)
    return False


_HYPHENS = frozenset({"-", "‑", "–"})


def _hyphened_unit(doc: Doc, q: Span) -> bool:
    """A number joined by a hyphen to the word after it ('a four-tier scale', 'a three-year plan', 'a
    single-specialty hospital') is part of an adjective, not a count."""
    if q.end + 1 >= len(doc) or lower_at(doc, q.end) not in _HYPHENS:
        return False
    hyphen = doc[q.end]
    if doc[q.end - 1].whitespace_ or hyphen.whitespace_:
        return False
    return doc[q.end + 1].is_alpha


_OF_WORDS = frozenset({"of", "among", "amongst", "out"})
_RANK_VERBS = {"ranked", "placed", "came", "finished", "is", "was", "sits", "joint", "equal", "rank", "ranks"}


ABBREVIATION = regex.compile(r"^[A-Z]{2,}[s’']?s?$")


FOLLOW_OK = {
    "are", "were", "is", "was", "have", "had", "has", "in", "into", "of", "out", "now", "remain",
    "remained", "remains", "sit", "sat", "sits", "fall", "fell", "falls", "currently", "still", "also",
    "received", "moved", "will", "would", "could", "been", "being", "placed", "listed", "rated",
    "went", "make", "made", "achieved", "got", "each", "to", "at", "on", "with", "from", "and", "across",
    "nationally", "overall", "altogether", "in total", "more", "fewer", "others", "other", "apiece",
}


SKIP_TO_POPULATION = {"of", "the", "these", "those", "its", "our", "their", "all", "england", "'s", "’s",
                      "country", "nation", "national", "english", "current", "existing", "remaining",
                      "other", "such", "individual", "which", "local", "a", "an", "region", "county", "city",
                      "capital", "system", "area", "sector", "own", "specialist", "specialised", "large", "small",
                      "teaching", "general", "district", "rural", "urban", "standalone", "combined", "smaller",
                      "larger", "partner", "member", "constituent", "neighbouring", "neighboring", "peer",
                      "nearby", "surrounding", "listed", "main"}




_INTENT = frozenset({"going", "will", "would", "wants", "want", "can", "could", "should", "to", "expects", "thinks"})

SUBSET_BEFORE = ("of which", "of whom", "of these", "of them", "of those", "including", "among them",
                 "among these")


UNITS = {"population", "residents", "bn", "m", "million", "billion", "k", "per", "percent", "weeks", "week", "days",
         "day", "hours",
         "months", "month", "years", "year", "patients", "beds", "people", "staff", "pounds", "p",
         "minutes", "metrics", "themes", "domains", "segments", "segment", "criteria", "points", "places",
         "times", "sites", "hospitals", "areas", "measures", "indicators", "standards", "targets",
         "quarters", "appointments", "operations", "tier", "tiers", "categories", "services", "step", "steps",
         "notch", "notches", "rung", "rungs", "level", "levels", "spots", "positions", "overall"}


MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
          "sept", "oct", "nov", "dec"}


NOT_COUNT_BEFORE = {"£", "$", "€", "q", "quarter", "page", "no", "section", "table", "figure", "segment",
                    "segments", "tier", "nof", "sof", "level", "category", "appendix", "paragraph", "item",
                    "annex", "version", "top", "phase", "year", "wave", "round", "number", "position", "rank"}


MODIFIED_NOUNS = {"executives", "executive", "leaders", "leadership", "chairs", "chair", "chief", "chiefs", "staff",
                  "members", "directors", "director", "teams", "team", "officials", "partners", "colleagues",
                  "managers", "workers", "employees", "patients", "budgets", "deficits", "finances", "plans",
                  "populations", "population", "footprints", "footprint", "areas", "boards", "governors", "nurses",
                  "doctors", "clinicians", "sites", "estates", "buildings", "accounts", "spokesperson"}
_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
_BARE = get_string_id("bare")  # the id of a bare type word's population span ('14 acute, ...')
TIER = get_string_id("tier")  # the id of a segment span naming a tier ('Tier 1'), compared without its string
_BARE_FOLLOW = {",", "and", "or", ";", ".", ")", "–", "-", "—", "&"}
THEY = {"they", "these", "those", "all", "both", "each"}


@dataclass
class Group:
    """A quantity with its bracketed figure, denominator and modifiers."""

    start: int
    end: int
    count: int | None = None
    total: int | None = None
    percent: float | None = None
    share: str = ""
    anaphoric: bool = False
    further: bool = False
    subset: bool = False
    population: Span | None = None
    pop_types: list[str] = field(default_factory=list)
    segments: tuple[int, ...] = ()
    scope: str = ""
    leading_total: bool = False
    names: list[ListItem] = field(default_factory=list)
    partial: bool = False  # 'Four trusts, including X, ...': the names are some of those counted, not all
    league: str = ""  # 'In the acute table, 16 trusts ...': the kind of trust the league holds

    @property
    def org_type(self) -> str:
        label = self.population.label_ if self.population is not None else ""
        return self.league if self.league and label == "trust" else label


@dataclass
class State:
    """What earlier sentences established, for "A further 20", "They are ...", "None of these"."""

    last_claims: list[Claim] = field(default_factory=list)
    last_groups: list[Group] = field(default_factory=list)
    sentences_since: int = 0
    discourse_scope: str = ""
    region_scope: str = ""  # the last NHS England region named: what 'the region's trusts' means after sub-regions
    last_segment_named: tuple[int, ...] = ()
    mentioned_population: str = ""
    history: bool = False  # the sentence before counted a history ('Since 2013, 40 trusts have been placed ...')

    @property
    def last_population(self) -> str:
        for claim in reversed(self.last_claims):
            if claim.org_type not in ("", "other"):
                return claim.org_type
        return ""

    @property
    def last_segments(self) -> tuple[int, ...]:
        for claim in reversed(self.last_claims):
            if claim.segments:
                return claim.segments
        return ()


def overlaps(span: Span, others: list[Span]) -> bool:
    return any(span.start < o.end and o.start < span.end for o in others)


class TokenLists:
    """What claims read of one Doc again and again: its lower-cased words (the Doc's shared
    cached list: claims compare thousands of neighbouring words), its text, its spans
    sorted into sentences and the segments each segment span names."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.spans: SentenceSpans | None = None
        self.segments: dict[tuple[int, int, int], tuple[int, ...]] = {}
        self.placing: dict[tuple[int, int, int], bool] = {}

    def forget_segments(self) -> None:
        """Forget what segment spans name: it depends on the Doc's framework, which may have been reset."""
        self.segments.clear()
        self.placing.clear()

    @lazy
    def text(self) -> str:
        return doc_text(self.doc)

    @lazy
    def lower(self) -> list[str]:
        return token_strings(self.doc)

    @lazy
    def offsets(self) -> list[int]:
        """Each token's character offset (``token.idx``)."""
        return token_ids(self.doc, "IDX")

    @lazy
    def lengths(self) -> list[int]:
        """Each token's length in characters (``len(token)``)."""
        return token_ids(self.doc, "LENGTH")

    @lazy
    def sentence_starts(self) -> list[int]:
        return [sent.start for sent in sentences(self.doc)]

    @lazy
    def sentence_ends(self) -> list[int]:
        return [sent.end for sent in sentences(self.doc)]

    @lazy
    def traps(self) -> dict[str, list[tuple[int, int]]]:
        """Where the Doc's traps of each label lie, listed in one pass over its traps
        (``traps_in`` reads them all again for each label)."""
        found: dict[str, list[tuple[int, int]]] = {}
        for trap in self.doc.spans.get(TRAPS_KEY, []):
            found.setdefault(trap.label_, []).append((trap.start, trap.end))
        return found


_last_lists: TokenLists | None = None


def token_lists(doc: Doc) -> TokenLists:
    """The :class:`TokenLists` of ``doc``. The Doc asked about last is remembered: claims ask
    about one Doc tens of thousands of times in a row, and even a cache lookup adds up."""
    global _last_lists
    found = _last_lists
    if found is None or found.doc is not doc:
        cache = doc_cache(doc, "claims")
        found = cache.get("token lists")
        if found is None:
            found = cache["token lists"] = TokenLists(doc)
        _last_lists = found
    return found


def named_segments(span: Span) -> tuple[int, ...]:
    """``span._.segments``, kept for the Doc's spans: the getter looks up the Doc's framework
    through its extension attributes on every call, and claims ask again for each span."""
    found = token_lists(span.doc).segments
    key = (span.start, span.end, span.id)
    if key not in found:
        found[key] = segments_of(span)
    return found[key]


def places(span: Span) -> bool:
    """Whether segment span ``span`` can place an organisation, as ``(span.start, span.end) in
    placing_segments(doc)`` says: it names a segment and is not a domain rating. Claims ask
    of the few segments of the sentences they read, where ``placing_segments`` reads every
    segment of the Doc (a segment group holds one span per start: the offsets name one span)."""
    found = token_lists(span.doc).placing
    key = (span.start, span.end, span.id)
    if key not in found:
        found[key] = bool(named_segments(span)) and not is_domain_segment(span)
    return found[key]


def lower_at(doc: Doc, i: int) -> str:
    """Token ``i`` lower-cased, "" outside the Doc; read from the Doc's cached words, since
    ``doc[i]`` makes a Token each time and claims ask about thousands of neighbours (the
    Doc's lists are those :func:`token_lists` remembers, looked at here without a call)."""
    lists = _last_lists if _last_lists is not None and _last_lists.doc is doc else token_lists(doc)
    words = lists.lower
    return words[i] if 0 <= i < len(words) else ""


def text_of(doc: Doc, a: int, b: int) -> str:
    """The text of tokens ``[a, b)`` (``0 <= a``; ``b`` may pass the Doc's end), as
    ``doc[a:b].text``, cut from the Doc's text by the Doc's cached token offsets: reading
    ``doc[a].idx`` would make a Token at each end, and claims cut thousands of stretches."""
    lists = _last_lists if _last_lists is not None and _last_lists.doc is doc else token_lists(doc)
    offsets = lists.offsets
    b = min(b, len(offsets))
    if a >= b:
        return ""
    return lists.text[offsets[a]:offsets[b - 1] + lists.lengths[b - 1]]


def trapped(doc: Doc, label: str, start: int, end: int) -> bool:
    """Whether a ``label`` trap overlaps tokens ``[start, end)``: ``bool(traps_in(...))``."""
    return any(a < end and start < b for a, b in token_lists(doc).traps.get(label, ()))


def word_at(doc: Doc, i: int) -> str:
    """``doc[i].text``, cut from the Doc's text without making a Token."""
    return text_of(doc, i, i + 1)


def punct_at(doc: Doc, i: int) -> bool:
    """``doc[i].is_punct`` without making a Token: spaCy's lexical attribute is true when every
    character of the word is Unicode punctuation (category P*)."""
    return all(unicodedata.category(char).startswith("P") for char in word_at(doc, i))


def title_at(doc: Doc, i: int) -> bool:
    """``doc[i].is_title`` without making a Token: spaCy's lexical attribute is ``str.istitle``."""
    return word_at(doc, i).istitle()


def text_between(doc: Doc, a: int, b: int) -> str:
    """:func:`text_of` lower-cased."""
    return text_of(doc, a, b).lower()


def first_word(doc: Doc, start: int, end: int) -> int | None:
    """Index of the first token in ``[start, end)`` that is not whitespace, else None
    (``token.is_space`` is ``str.isspace`` of its text, whose lower case is as spaced)."""
    words = token_lists(doc).lower
    return next((i for i in range(start, end) if not words[i].isspace()), None)


_NO_SPANS: list[Span] = []
_NO_STARTS: dict[int, Span] = {}


def _by_sentence(doc: Doc, spans: list[Span]) -> dict[int, list[Span]]:
    """``spans`` (sorted by start) grouped by the sentence of :func:`sentences` that holds each whole,
    keyed by the sentence's first token, as ``spans_in(doc, key, sent.start, sent.end)`` would
    give them: a sentence holds few spans or none, and a search for every sentence and kind
    costs more than one pass."""
    lists = token_lists(doc)
    starts, ends, found = lists.sentence_starts, lists.sentence_ends, {}
    end, bucket = -1, None
    for span in spans:
        if span.start >= end:  # the spans' starts rise: a span starts a later sentence only past this one's end
            k = bisect_right(starts, span.start) - 1
            end, bucket = ends[k], None
        if span.end <= end:
            if bucket is None:
                bucket = found[starts[k]] = []
            bucket.append(span)
    return found


class SentenceSpans(NamedTuple):
    """The spans claims read of each sentence, keyed by the sentence's first token."""

    segments: dict[int, list[Span]]
    populations: dict[int, list[Span]]
    scopes: dict[int, list[Span]]
    orgs: dict[int, list[Span]]
    quantities: dict[int, list[Span]]

    @property
    def holding(self) -> set[int]:
        """The first tokens of the sentences holding a span of a kind but organisations (which
        only a 'They are' list reads: a sentence naming nothing else claims nothing)."""
        return {*self.segments, *self.populations, *self.scopes, *self.quantities}


def sentence_spans(doc: Doc) -> SentenceSpans:
    """The Doc's spans sorted into sentences, worked out once per Doc.

    Populations are kept but for a bare type word ("14 acute, 20 non-acute and two ambulance
    trusts"), which is one only inside such a list, where the head noun comes later.
    Quantities are those that may count organisations: not inside a segment or rank name
    of their sentence nor a NOT_COUNT trap ('a 12-month window', 'placed it 104 in the
    league table'); whether their words parse is asked later, of a sentence's quantities
    only when it is read (:attr:`SentenceReader.quantities`). A quantity lies within its
    sentence, so the names of other sentences never overlap it and one set of blocked tokens
    serves the whole Doc. Spans are kept or dropped before they are sorted into sentences:
    a sentence left with none holds none of that kind."""
    lists = token_lists(doc)
    found = lists.spans
    if found is None:
        def of(key: str) -> list[Span]:
            return spans_in(doc, key, 0, len(doc))

        segments = _by_sentence(doc, of("segments"))
        names = [*segments.values(), *_by_sentence(doc, of("ranks")).values()]
        blocked = {i for spans in names for span in spans for i in range(span.start, span.end)}
        blocked.update(i for a, b in lists.traps.get("NOT_COUNT", ()) for i in range(a, b))
        populations = [p for p in of("populations") if p.id != _BARE or lower_at(doc, p.end) in _BARE_FOLLOW]
        quantities = [q for q in of("quantities") if blocked.isdisjoint(range(q.start, q.end))]
        found = lists.spans = SentenceSpans(segments, _by_sentence(doc, populations), _by_sentence(doc, of("scopes")),
                                            _by_sentence(doc, of("orgs")), _by_sentence(doc, quantities))
    return found


class SentenceReader:
    """Reads one sentence (one of :func:`sentences`) for its groups, populations and segments.

    Its spans come from the Doc's spans sorted into sentences once; what is worked out from
    them is made when first asked for, as most sentences hold no quantity.
    ``unparsed`` are its quantities not yet known to parse, :attr:`quantities` those that do."""

    def __init__(self, doc: Doc, sent: Span) -> None:
        self.doc = doc
        self.sent = sent
        start = sent.start
        spans = sentence_spans(doc)
        self.segments = spans.segments.get(start, _NO_SPANS)
        self.populations = spans.populations.get(start, _NO_SPANS)
        self.scopes = spans.scopes.get(start, _NO_SPANS)
        self.orgs = spans.orgs.get(start, _NO_SPANS)
        self.unparsed = spans.quantities.get(start, _NO_SPANS)

    @lazy
    def _population_starts(self) -> dict[int, Span]:
        return {p.start: p for p in self.populations} if self.populations else _NO_STARTS

    @lazy
    def _scope_starts(self) -> dict[int, Span]:
        return {s.start: s for s in self.scopes} if self.scopes else _NO_STARTS

    @lazy
    def quantities(self) -> list[Span]:
        """The sentence's quantities whose words parse (``quantity_of`` is not None).

        :meth:`is_count_candidate` parses a quantity only after its cheaper tests, and says
        no to one that does not parse, so counting reads :attr:`unparsed` and most quantities
        it turns down are never parsed; the rarer readers of a sentence's values use this."""
        return [q for q in self.unparsed if quantity_of(q) is not None]

    @lazy
    def words(self) -> set[str]:
        """The sentence's words, lower-cased (asked of few sentences, so made on demand)."""
        return set(token_lists(self.doc).lower[self.sent.start:self.sent.end])

    @lazy
    def first_word(self) -> int | None:
        """Index of the sentence's first token that is not whitespace."""
        return first_word(self.doc, self.sent.start, self.sent.end)

    @lazy
    def lead(self) -> str:
        """The sentence's first eight words, lower-cased, with a space after."""
        sent = self.sent
        return text_between(self.doc, sent.start, min(sent.end, sent.start + 8)).lstrip() + " "

    def population_at(self, i: int) -> Span | None:
        return self._population_starts.get(i)

    def population_after(self, i: int, limit: int = 4) -> Span | None:
        """The population noun starting at ``i`` or after only skippable words.

        Words are read from the Doc's lower-cased list and text, not Tokens: a word is
        title-cased when its text is (``str.istitle``, as ``token.is_title``), and a
        punctuation word in "’'" is one of its non-empty substrings, all punctuation."""
        doc, words = self.doc, token_lists(self.doc).lower
        j = i
        while j < self.sent.end and j - i <= limit:
            pop = self.population_at(j)
            if pop is not None and lower_at(doc, pop.end) in MODIFIED_NOUNS:
                return None  # '14 ICB executives', 'three trust chairs': people, not organisations
            if pop is not None and lower_at(doc, pop.end) not in {"'s", "’s", "'", "’"}:
                if overlaps(pop, self.orgs):
                    return None
                return pop
            place = self._scope_starts.get(j)
            if place is not None:
                j = place.end
                continue
            # a possessive's lower case is one too: its text is read only then, and title case only when asked
            if j + 1 < self.sent.end and words[j + 1] in _POSSESSIVES \
                    and word_at(doc, j + 1) in _POSSESSIVES and title_at(doc, j):
                j += 1
                continue
            skippable = words[j] in SKIP_TO_POPULATION or words[j] in {"’", "'", "’'"}
            if not skippable and not (title_at(doc, j) and self._inside_population_name(j)):
                return None
            j += 1
        return None

    def trend_subject(self, q: Span) -> Span | None:
        """'The number of providers in special measures went up from 11 in 2014 to 19 by May 2019':
        the population whose number changed, when ``q`` is the value it changed to."""
        doc = self.doc
        if lower_at(doc, q.start - 1) != "to":
            return None
        words = token_lists(doc).lower[self.sent.start:q.start]
        if "from" not in words or not _CHANGE_WORDS & set(words):
            return None
        for pop in self.populations:
            if pop.start < q.start and lower_at(doc, pop.start - 1) == "of" \
                    and lower_at(doc, pop.start - 2) in {"number", "count", "total"}:
                return pop
        return None

    def _inside_population_name(self, j: int) -> bool:
        return any(p.start <= j < p.end for p in self.populations)

    def is_count_candidate(self, q: Span) -> bool:
        """Whether ``q`` may count organisations. The tests run in order and each may only say
        no; the quantity's value and text are looked up only by the tests that need them, and
        a quantity whose words do not parse counts nothing."""
        doc, lower = self.doc, token_lists(self.doc).lower
        prev = lower[q.start - 1] if q.start > 0 else ""  # lower_at, inline: asked of every quantity
        nxt = lower[q.end] if q.end < len(lower) else ""
        if prev in NOT_COUNT_BEFORE or prev in MONTHS or nxt in MONTHS:
            return False
        if prev == "from" and nxt == "to":
            return False
        if not _INTENT.isdisjoint(lower[q.end:min(self.sent.end, q.end + 3)]) and span_text(q).lower() == "nobody":
            return False  # 'Nobody is going to take a risk to get to segment 2' places no one
        if nxt == "of" and any(w in {"segments", "tiers", "categories", "themes", "domains"}
                               for w in lower[q.end + 1:min(self.sent.end, q.end + 5)]):
            return False  # 'one of the top two segments' counts no organisations
        if prev in {"rates", "rated", "rate", "rating"} and "cqc" in self.words:
            return False  # 'The CQC currently rates nine acute trusts "inadequate"': an inspection rating
        if (prev == "from" or nxt in _SCALE_VERBS) and _scale_point(doc, q, prev, nxt, self.sent.end):
            return False  # 'segments run from 1 (the strongest) to 4', 'where 1 is best and 4 is worst'
        if nxt == "of" and span_text(q).lower() == "one" and _vague_group(doc, q.end + 1):
            return False  # 'one of the few organisations in segment 1' places one, it counts nothing
        if nxt in _HYPHENS and _hyphened_unit(doc, q):
            return False  # 'the four-tier scale', 'a 12-month window', 'a two-segment fall' describe a thing
        if nxt in {"more", "fewer", "less"} and lower_at(doc, q.end + 1) == "than":
            return False  # 'one more than at the end of quarter 1' is a difference
        if prev == "to" and "from" in lower[max(self.sent.start, q.start - 8):q.start - 1] \
                and self.trend_subject(q) is None:
            return False  # 'segments run from 1 (...) to 4
        if prev == "of" and lower_at(doc, q.start - 2) in _STUDY_NOUNS and any(s.end <= q.start for s in self.segments):
            return False  # '..., according to our analysis of 210 providers': what was studied, not who is in it
        if prev == "from" and not _CHANGE_WORDS.isdisjoint(lower[max(self.sent.start, q.start - 6):q.start - 1]):
            return False  # 'up from 17 last quarter', 'rose to eight, from four': an earlier value, not a claim
        if nxt in {"to", "-", "–", "or"} and q.end + 1 < self.sent.end and doc[q.end + 1].like_num:
            return False
        qty = quantity_of(q)
        if qty is None:
            return False
        if qty.kind == "CARD" and qty.value == 1 and prev in {"of", "at", "for", "from", "with", "by", "in"} \
                and self.population_at(q.end) is not None:
            return False
        window = lower[max(self.sent.start, q.start - 4):q.start]
        if not _OF_WORDS.isdisjoint(window) and any(
                ORDINAL.match(w) and (w[0].isdigit() or (k and window[k - 1] in _RANK_VERBS)
                                      or _sizes_a_league(window[k + 1:], lower[q.start - len(window) + k - 1]))
                for k, w in enumerate(window)):
            return False  # '98th of 134', 'ninth out of the 10', 'second from bottom out of 134': a league's size
        if qty.kind == "CARD":
            if qty.value is None or not float(qty.value).is_integer() or qty.value > 5000:
                return False
            text = span_text(q)
            if len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2100:
                return False
            segment_label = nxt in {"segment", "segments"} and any(
                seg.start == q.end and self.population_at(seg.end) is not None for seg in self.segments)
            if (nxt in UNITS and not segment_label) or (nxt in {"%", "or"} and lower_at(doc, q.end + 1) == "more"):
                return False
        return True
