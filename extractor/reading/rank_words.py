"""What the words around a league position say: its value, league, segment and size, and
whether it is a position in the oversight league table at all.

Shared by the readers of league positions (:mod:`.rankings`, :mod:`.rank_frames`,
:mod:`.rank_lists`), which differ in how they find the organisation, not in how they read
a position.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache, wraps
from typing import TypeVar

import numpy
import regex
from spacy.tokens import Doc, Span

from .. import numbers
from ..pipeline.extensions import (
    doc_cache,
    doc_text,
    doc_value,
    sentences,
    span_text,
    spans_in,
    text_of,
    token_ids,
    token_strings,
)
from ..pipeline.lexicon import LEXICON
from ..pipeline.segments import is_domain_segment, segments_of
from ..records import Ranking
from . import subjects
from .memberships import HOPE_WORDS

_T = TypeVar("_T")
LEAGUE_OF_TYPE = {"acute": "acute", "specialist": "acute", "mental_health": "non_acute", "community": "non_acute",
                  "community_or_mental_health": "non_acute", "non_acute": "non_acute", "ambulance": "ambulance"}
_ORD = regex.compile(r"^(\d+)(?:st|nd|rd|th)=?$|^(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                     r"eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
                     r"nineteenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|"
                     r"hundredth)$", regex.I)
_INT = regex.compile(r"^[1-9]\d{0,2}$")
_SLASHED = regex.compile(r"^([1-9]\d{0,2})/([1-9]\d{0,2})$")
_WORD_NUMBER = regex.compile(r"^(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
                             r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty)$", regex.I)
# a number after one of these is a count or a size, not a position ('the 134 in the table')
_COUNTING_BEFORE = {"the", "all", "of", "are", "were", "those", "these", "some", "about", "around", "nearly",
                    "almost", "over", "under"}
# 'came second in the national estates awards', 'third in the staff survey': some other list
_OTHER_LISTS = {"award", "awards", "prize", "prizes", "competition", "competitions", "survey", "poll", "employers",
                "guide", "index", "ceremony", "ceremonies", "contest", "championship", "championships", "tournament",
                "quiz"}
# how near after a position the name of another list is taken without reading the words between
_OTHER_LIST_REACH = 8
_RELATIVE_PRONOUNS = frozenset({"which", "who"})
_CLAUSE_ENDS = frozenset({",", ";", ":", ".", "(", ")", "–", "—", "but", "while", "whilst", "although"})
# the sizes of the 2025/26 leagues ('98th out of 134', '30th of 61') name them as well as words do
# what names the league tables on a page, one pattern a way of naming them, the commonest first:
# searched one by one they are found far sooner than as one alternation, which has no word to
# skip ahead to; the leagues' sizes only where the text has one of the numbers at all
_LEAGUE_WORDS = [regex.compile(pattern, regex.I) for pattern in (
    r"segment", r"oversight", r"\bframework\b", r"(?<!\b(?:premier|champions|europa|football|rugby)\s+)\bleague",
    r"\bacute\s+(?:nhs\s+)?trusts", r"non-acute", r"ambulance\s+trusts", r"\bNOF\b", r"\btrusts?\s+tables?\b")]
# the tables named without 'league' ('NHS England's new rankings', 'the NHS performance tables',
# 'ranked 45th out of 120 trusts'): NHS England's or the NHS's tables, or a position among trusts
_TABLE_WORDS = r"(?:(?:new|latest|first|quarterly|national|performance|league|trust|hospital|provider|updated)\s+){0,3}"
_NHS_RANKINGS = [regex.compile(pattern, regex.I) for pattern in (
    rf"\bnhs\s+england['’]?s?\s+{_TABLE_WORDS}(?:rankings?|tables)\b",
    rf"\bnhs\s+{_TABLE_WORDS}(?:rankings|tables)\b",
    r"\branked\s+(?:joint\s+|equal\s+)?\d{1,3}(?:st|nd|rd|th)=?\s+(?:out\s+)?of\s+(?:the\s+|all\s+)?\d{2,3}\s+"
    r"(?:[a-z-]+\s+){0,3}?trusts\b(?!\s+(?:for|on|in\s+terms\s+of)\b)")]
# 'the national rankings', 'the performance tables': the NHS's on a page about NHS trusts that
# names no other kind of ranking
_GENERIC_RANKINGS = regex.compile(r"\bthe\s+(?:new\s+|latest\s+)?(?:(?:national|performance)\s+){1,2}"
                                  r"(?:league\s+)?(?:rankings|tables)\b", regex.I)
_NHS_PAGE = regex.compile(r"\bNHS\b|\b[Tt]rusts?\b")
_OTHER_RANKINGS = regex.compile(r"\b(?:universities|university\s+(?:rankings|league)|FTSE|premier\s+league|football"
                                r"|students?|schools)\b", regex.I)
_LEAGUE_SIZES = ("134", "135", "61")
LEAGUE_SIZE_VALUES = frozenset(int(size) for size in _LEAGUE_SIZES)
_LEAGUE_SIZE = regex.compile(r"\b(?:of|out\s+of|among)\s+(?:the\s+)?(?:134|135|61)\b", regex.I)
# 'Of the 10 ambulance trusts in the NHS league table, ...', 'Among England's 134 acute trusts, ...':
# the whole an opening phrase names, and what it says of them up to its comma
_SIZE_OPENING = regex.compile(r"\s*(?:out of|of|among|amongst) (?:the |all (?:the )?|england['’]s |the nhs['’]s )?"
                              r"(\d{1,3}|[a-z]+) (?:[a-z&-]+ ){0,3}"
                              r"(?:trusts|providers|services)\b([^,;:.]{0,80}),", regex.I)
# what an opening may say of the whole and still name a league: where it is ranked or how, not
# which of its members ('Of the 19 trusts in segment 4', 'Of the 30 trusts with a deficit')
_WHOLE_QUALIFIER = regex.compile(r"\s*(?:$|(?:in|across) (?:all of )?(?:england|the country)\b|nationally\b"
                                 r"|(?:assessed|ranked|rated|scored|listed|included|measured|named|covered)\b"
                                 r"|(?:in|on) .*\b(?:league|tables?|rankings?)\b)", regex.I)
_NATIONAL = regex.compile(r"\b(?:nationally|overall|in england|in the country|national)\b", regex.I)
_SIZE_SENTENCE = regex.compile(r"\bof (?:whom|which) there (?:are|were) (\d{1,3})\b|\bthere (?:are|were) (\d{1,3}) "
                               r"(?:[a-z-]+ ){0,4}trusts in (?:the|this|that|our|its) (?:league|table)", regex.I)


@lru_cache(maxsize=4096)
def ordinal(text: str) -> int | None:
    """'83rd', '38th=', 'sixth' → the position; anything else → None. Kept for the words met
    most: the readers ask it of every word around every position."""
    return numbers.parse_ordinal(text.rstrip("=")) if _ORD.match(text) else None


@lru_cache(maxsize=4096)
def cardinal(text: str) -> int | float | None:
    """:func:`numbers.parse_cardinal` of ``text``, kept for the words met most ('134', '61')."""
    return numbers.parse_cardinal(text)


def cardinal_position(tok) -> int | None:
    """'111' in 'at number 111', 'nine' in 'at number nine': a position written as a number."""
    return cardinal_value(tok.text)


@lru_cache(maxsize=4096)
def cardinal_value(text: str) -> int | None:
    """:func:`cardinal_position` of a word given as its text (kept, as :func:`ordinal`)."""
    if _INT.match(text) or _WORD_NUMBER.match(text):
        value = numbers.parse_cardinal(text)
        return value if isinstance(value, int) and value > 0 else None
    return None


def slashed(span: Span) -> tuple[int, int] | None:
    """'ranked 116/134': the position and the league's size."""
    for text in texts_of(span.doc, span.start, span.end):
        m = _SLASHED.match(text)
        if m and int(m.group(1)) <= int(m.group(2)):
            return int(m.group(1)), int(m.group(2))
    return None


def position_value(span: Span) -> int | None:
    """The position a rank span states: its ordinal, else (a 'cardinal' pattern) its number."""
    texts = texts_of(span.doc, span.start, span.end)
    for text in texts:
        value = ordinal(text)
        if value:
            return value
    pair = slashed(span)
    if pair:
        return pair[0]
    if span.id_ != "cardinal" and span.label_ != "RANK_AT":
        return None
    for text in texts[1:]:
        value = cardinal_value(text)
        if value is not None:
            return value
    value = cardinal_value(texts[0])
    if value is not None and (span.start == 0 or lower_forms(span.doc)[span.start - 1]
                              not in _COUNTING_BEFORE):
        return value
    return None


def span_group(doc: Doc, key: str) -> list[Span]:
    """The spans of ``doc.spans[key]`` ("ranks", "populations"), in order, from the index of
    :func:`spans_in` (which the readers before this one have made), so that no Span is made
    again: their components keep them in text order, none overlapping (``longest_spans``),
    which is the order of the index."""
    return spans_in(doc, key, 0, len(doc))


def texts_of(doc: Doc, start: int, end: int) -> list[str]:
    """The texts of the tokens ``doc[start:end]``, cut from the Doc's text: no Token is made,
    nor the texts of every token when a position needs those of a few around it."""
    words = _words(doc)
    text = words.text
    return [text[i:i + n] for i, n in zip(words.offsets[start:end], words.lengths[start:end], strict=True)]


def text_at(doc: Doc, k: int) -> str:
    """``doc[k].text``, cut from the Doc's text."""
    words = _words(doc)
    i = words.offsets[k]
    return words.text[i:i + words.lengths[k]]


def window(doc: Doc, start: int, end: int) -> list[int]:
    """The tokens of ``[start, end)`` (within the Doc) that are not white space, by index (a
    token is white space when its text is: spaCy's ``is_space`` is ``str.isspace``, and lower
    case changes no character into or out of white space)."""
    lowers = _words(doc).lowers
    return [k for k in range(max(start, 0), min(end, len(lowers))) if not lowers[k].isspace()]


def lower_forms(doc: Doc) -> list[str]:
    """The lower form of every token (``token_strings(doc, "LOWER")``), kept with the Doc asked about last."""
    return _words(doc).lowers


class _Words:
    """What the readers of positions look up in one Doc thousands of times: its text, where
    each token starts in it and how long it is (a token's text is cut from these, with no
    Token made), its lower forms, its sentences and where they start (to find a token's
    sentence by binary search, not ``token.sent``), and what was worked out for each sentence."""

    __slots__ = ("doc", "lengths", "lowers", "of_sentences", "offsets", "sents", "starts", "text")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.offsets, self.lengths = token_ids(doc, "IDX"), token_ids(doc, "LENGTH")
        self.lowers = token_strings(doc, "LOWER")
        self.sents = sentences(doc)
        self.starts = [sent.start for sent in self.sents]
        self.of_sentences: dict = {}  # what :func:`_per_sentence` functions worked out


_last_words: _Words | None = None


def _words(doc: Doc) -> _Words:
    """The :class:`_Words` of ``doc``; the Doc asked about last is remembered, as a position's
    readers ask about one Doc many times in a row."""
    global _last_words
    if _last_words is None or _last_words.doc is not doc:
        _last_words = _words_kept(doc)
    return _last_words


def _words_kept(doc: Doc) -> _Words:
    """The :class:`_Words` of ``doc``, made once per Doc."""
    cache = doc_cache(doc, "rankings")
    if "words" not in cache:
        cache["words"] = _Words(doc)
    return cache["words"]


def is_metric(doc: Doc, sent: Span, end: int) -> bool:
    """'fourth nationally for cancer waits', 'ninth for the share of patients seen ...': a
    position in one measure's list, not in the league table."""
    return (_has_metric_ranks(doc) and _measure_named(doc, sent, end)) or _other_list(doc, sent, end)


def _has_metric_ranks(doc: Doc) -> bool:
    """Whether the Doc has a measure's ranking ('ninth for cancer waits'), asked once per Doc:
    without one, no position is one measure's by :func:`_measure_named`."""
    cache = doc_cache(doc, "rankings")
    found = cache.get("metric_ranks")
    if found is None:
        found = cache["metric_ranks"] = any(s.label_ == "RANK_METRIC" for s in span_group(doc, "ranks"))
    return found


def _measure_named(doc: Doc, sent: Span, end: int) -> bool:
    """A measure's ranking right after the position ending at ``end``, or opening its clause."""
    limit = min(sent.end, end + 9)
    for metric in spans_in(doc, "ranks", end, limit):
        if metric.label_ != "RANK_METRIC":
            continue
        if not any(t in {",", ";", "(", "–", "—"} for t in texts_of(doc, end, metric.start)):
            return True
    # 'For four-hour waits we were 12th': the measure put first
    for metric in spans_in(doc, "ranks", sent.start, end):
        if metric.label_ == "RANK_METRIC" and (metric.start == sent.start
                                               or text_at(doc, metric.start - 1) in {";", ":"}):
            return True
    return False


def _other_list(doc: Doc, sent: Span, end: int) -> bool:
    """'came second in the national estates awards', 'came first in the regional Theatre Team of
    the Year awards': the clause after the position names some other list. Near the position
    any mention of one will do; further on, a long title, only in the phrase the position
    opens ('in the ... awards'), with no word of the league tables or of another clause between
    ('109th in the league tables published as the staff survey came out' is the league's)."""
    lowers = lower_forms(doc)
    words = lowers[end:clause_end(doc, sent, end)]
    if _OTHER_LISTS.isdisjoint(words):
        return False  # most positions: no other list named in their clause
    if not _OTHER_LISTS.isdisjoint(words[:_OTHER_LIST_REACH]):
        return True
    named = next(n for n, w in enumerate(words) if w in _OTHER_LISTS)
    lead = next((n for n, w in enumerate(words) if w not in _POSITION_ADVERBS), named)
    if words[lead] not in _TITLE_PREPOSITIONS:
        return False
    for n in range(lead + 1, named):
        word = words[n]
        if word in _NOT_A_TITLE or ordinal(word) or (word == "and" and not text_at(doc, end + n + 1)[:1].isupper()):
            return False
    return True


# a position's own adverbs, the prepositions opening the title of another list after them, and
# the words that name the league tables or open another clause, which no such title holds
_POSITION_ADVERBS = frozenset({"nationally", "overall", "jointly", "equal", "place", "position", "spot"})
_TITLE_PREPOSITIONS = frozenset({"in", "at", "for"})
_NOT_A_TITLE = frozenset({"league", "leagues", "table", "tables", "rankings", "ranking", "oversight", "segment",
                          "segments", "trusts", "providers", "134", "135", "61", "which", "that", "who", "where",
                          "when", "while", "whilst", "as", "but", "after", "before", "since", "because", "published"})


def another_list_named(doc: Doc, sent: Span) -> bool:
    """Whether ``sent`` anywhere names a list other than the league ('in the staff survey
    rankings') or a measure's ranking ('for four-hour waits'): for a position that only the
    talk around it makes one."""
    lowers = lower_forms(doc)
    return not _OTHER_LISTS.isdisjoint(lowers[sent.start:sent.end]) or any(
        s.label_ == "RANK_METRIC" for s in spans_in(doc, "ranks", sent.start, sent.end))


def foreseen(doc: Doc, sent: Span, start: int) -> bool:
    """'X could be ranked tenth next quarter', 'hopes to be ranked third', 'expects to come
    fourth', 'would have been ranked second without the finance score', 'If X had balanced its
    books, it would be second': a position hoped for, foreseen or counterfactual, which no table
    gave. Read from the verbs before the position at ``start``, back to its subject or clause
    (a modal, or a word of hoping or risk from :data:`memberships.HOPE_WORDS`), and a clause
    opened by 'if' or 'unless'. 'X was proud to be ranked 5th' and 'X said it was 5th' are stated."""
    lowers = lower_forms(doc)
    k = start - 1
    while k >= sent.start and lowers[k] not in _FORESEEN_STOPS:
        if lowers[k] in _FORESEEN_WORDS:
            return True
        if lowers[k] not in _VERB_CHAIN:
            break
        k -= 1
    if _hoped_infinitive(lowers, sent.start, k):
        return True
    while k >= sent.start and lowers[k] not in _CLAUSE_MARKS:
        if lowers[k] in _CONDITIONS:
            return True
        k -= 1
    return False


# the modals and words of foreseeing that make a position one not held; with the words of
# hoping and risk (memberships') they are read among the auxiliaries and adverbs of its verb
_FORESEEN_WORDS = HOPE_WORDS | frozenset({"could", "may", "might", "would", "will", "should", "shall", "likely",
                                          "unlikely", "expected", "forecast", "predicted", "projected", "tipped",
                                          "hoped", "needs", "need", "wish", "wishes"})
_VERB_CHAIN = frozenset({"be", "been", "being", "have", "to", "not", "now", "then", "still", "even", "also", "only",
                         "ranked", "placed", "rated", "come", "finish", "rank", "sit", "end", "up", "rise", "climb",
                         "fall", "drop", "move", "get", "reach", "at", "in", "joint", "equal", "just", "easily",
                         "well", "probably", "possibly", "realistically", "as", "high", "low", "soon", "next", "become",
                         "the", "a"})
_FORESEEN_STOPS = frozenset({",", ";", ":", "(", "–", "—", "and", "but", "while", "whilst", "that", "which", "who",
                             "why", "when", "because", "said", "says"})
_CONDITIONS = frozenset({"if", "unless"})
_CLAUSE_MARKS = frozenset({",", ";", ":", "(", "–", "—"})


def _hoped_infinitive(lowers: list[str], start: int, k: int) -> bool:
    """'X hopes to finish the year ranked 20th', 'aims to end the quarter in 20th place': an
    infinitive of hoping or foreseeing whose own object stands between it and the position, read
    back from token ``k`` a few words at most; a clause of its own ('hopes to improve after it
    was ranked 20th') or a complement ('hopes to build on being ranked 20th') stops it."""
    for j in range(k, max(start, k - _HOPED_REACH) - 1, -1):
        word = lowers[j]
        if word in _FORESEEN_STOPS or word in _NOT_THE_INFINITIVE:
            return False
        if word == "to" and j > start and lowers[j - 1] in _FORESEEN_WORDS:
            return True
    return False


_HOPED_REACH = 8
# a finite verb or a subject of its own, or a preposition heading what the position is said of
_NOT_THE_INFINITIVE = frozenset({"is", "was", "are", "were", "has", "had", "it", "they", "we", "he", "she", "being",
                                 "on", "after", "since", "from", "despite", "following", "of", "about", "with", "than",
                                 "for"})


def from_bottom(doc: Doc, end: int) -> int:
    """After '15th from (the) bottom' or 'second-bottom': the token after 'bottom'; 0 when the
    words are not there."""
    words = lower_forms(doc)[end:end + 3]
    if words[:1] in (["-"], ["–"]) and words[1:2] in (["bottom"], ["last"]):
        # 'second-bottom' is one word; '61st – bottom of the table' says the 61st is the bottom
        return end + 2 if _unspaced(doc, end - 1, end + 1) else 0
    if words[:1] != ["from"] or "bottom" not in words:
        return 0
    return end + words.index("bottom") + 1


def _unspaced(doc: Doc, first: int, last: int) -> bool:
    """Whether the tokens ``first`` to ``last`` are written with no space between them."""
    words = _words(doc)
    return all(words.offsets[k] + words.lengths[k] == words.offsets[k + 1] for k in range(first, last))


def _per_sentence(compute: Callable[[Doc, Span], _T]) -> Callable[[Doc, Span], _T]:
    """``compute``, a function of a sentence's bounds only, worked out once per Doc and sentence:
    every position read in a sentence, and every ranking made from it, asks again."""
    def cached(doc: Doc, sent: Span) -> _T:
        cache = _words(doc).of_sentences
        key = (compute.__name__, sent.start, sent.end)
        if key not in cache:
            cache[key] = compute(doc, sent)
        return cache[key]
    return wraps(compute)(cached)


@_per_sentence
def league_of_sentence(doc: Doc, sent: Span) -> str:
    text = span_text(sent).lower()
    if "non-acute" in text or "non acute" in text:
        return "non_acute"
    for pop in spans_in(doc, "populations", sent.start, sent.end):
        if pop.label_ in LEAGUE_OF_TYPE:
            return LEAGUE_OF_TYPE[pop.label_]
    if "ambulance" in text:
        return "ambulance"
    if "acute" in text:
        return "acute"
    return ""


@_per_sentence
def league_of_size(doc: Doc, sent: Span) -> str:
    """'Mid and South Essex ranked 128 of 134': the league the size a sentence states names
    (134 or 135 acute trusts, 61 non-acute ones), for a short name that needs a kind of trust
    to be resolved; '' when it states none of them."""
    text = span_text(sent)
    if not any(size in text for size in _LEAGUE_SIZES):
        return ""
    m = _LEAGUE_SIZE.search(text)
    return "" if m is None else ("non_acute" if m.group().endswith("61") else "acute")


def sentence_starts(doc: Doc) -> list[int]:
    """The first token of each of :func:`sentences`, made once per Doc, to find a token's
    sentence by binary search instead of through ``token.sent``."""
    return _words(doc).starts


def sentence_of(doc: Doc, i: int) -> Span:
    """The sentence holding token ``i``: what ``doc[i].sent`` gives, and ``span.sent`` for a span
    starting at ``i`` (the first sentence, if it runs into the next)."""
    words = _words(doc)
    return words.sents[bisect_right(words.starts, i) - 1]


class WordTable:
    """Which tokens of a Doc are words that pass ``test`` (asked of a word's text), found with
    one array lookup by the number the rulers' lexicon gives each word (which the pipeline's
    rulers have made for every Doc): each word is tested once, when first met, and no Token
    is made, nor a Python pass over every word."""

    def __init__(self, test: Callable[[str], bool]) -> None:
        self.test = test
        self.passes = numpy.zeros(0, dtype=bool)  # by word number

    def tokens(self, doc: Doc) -> list[int]:
        words = LEXICON.words_of(doc)
        texts = LEXICON.texts
        if self.passes.size < len(texts):
            new = numpy.array([self.test(text) for text in texts[self.passes.size:]], dtype=bool)
            self.passes = numpy.concatenate([self.passes, new])
        return numpy.flatnonzero(self.passes[words]).tolist()


def usual_league(doc: Doc) -> str:
    """The league a document mostly talks about, for sentences that do not say ('Nottingham ...
    came 132nd' in an article about acute trusts). Made once per Doc: every reader of
    positions asks for it, some once per position."""
    cache = doc_cache(doc, "rankings")
    found = cache.get("usual_league")
    if found is None:
        found = cache["usual_league"] = _usual_league(doc)
    return found


def _usual_league(doc: Doc) -> str:
    counts: dict[str, int] = {}
    for pop in span_group(doc, "populations"):
        league = LEAGUE_OF_TYPE.get(pop.label_)
        if league:
            counts[league] = counts.get(league, 0) + 1
    return max(counts, key=counts.get) if counts else ""


@_per_sentence
def segment_of_sentence(doc: Doc, sent: Span) -> int | None:
    found = {n for s in _stated_segments(doc, sent) for n in segments_of(s)}
    return found.pop() if len(found) == 1 else None


def segment_kept(doc: Doc, sent: Span, keep: Callable[[Span], bool]) -> int | None:
    """The one segment ``sent`` states among those ``keep`` accepts (a ranking's: not another
    body's, 'X was ranked 49th and Y is in segment 4'), or None."""
    found = {n for s in _stated_segments(doc, sent) if keep(s) for n in segments_of(s)}
    return found.pop() if len(found) == 1 else None


def _stated_segments(doc: Doc, sent: Span) -> list[Span]:
    """The oversight segments ``sent`` names (not a description's, nor another domain's)."""
    return [s for s in spans_in(doc, "segments", sent.start, sent.end)
            if not s.id_.startswith("desc:") and not is_domain_segment(s)]


@_per_sentence
def stated_size(doc: Doc, sent: Span) -> int | None:
    """'The non-acute league, of which there are 61 members ... X came 30th.': the league's size
    stated in the sentence or the one before it; 'Of the 134 acute trusts, X ranks 98th': a
    whole the sentence opens with."""
    opening = _opening_size(doc, sent)
    if opening is not None and opening[2]:
        return opening[0]
    previous = sentence_of(doc, sent.start - 1) if sent.start > 0 else None
    for part in (sent, previous):
        if part is None:
            continue
        m = _SIZE_SENTENCE.search(span_text(part))
        if m:
            return int(m.group(1) or m.group(2))
    return None


def league_context(doc: Doc) -> bool:
    """A page about the oversight league tables: it names them, the framework or its segments,
    or the leagues ('acute trusts', 'non-acute', 'out of 134'). A position on any other page
    ('ranked 45th of the top 100 employers') is in some other list."""
    key = "extractor.league_context"
    if key not in doc.user_data:
        doc.user_data[key] = names_the_league(doc_text(doc))
    return doc.user_data[key]


def names_the_league(text: str) -> bool:
    """Whether ``text`` names the league tables (see :func:`league_context`)."""
    if any(pattern.search(text) for pattern in _LEAGUE_WORDS) or names_the_rankings(text):
        return True
    return any(size in text for size in _LEAGUE_SIZES) and _LEAGUE_SIZE.search(text) is not None


def names_the_rankings(text: str) -> bool:
    """Whether ``text`` names the NHS tables without the words 'league table' ("ranked 45th in
    NHS England's rankings", "the new NHS performance tables", "ranked 45th out of 120 trusts",
    "45th in the national rankings" on a page about NHS trusts and no other rankings)."""
    if _OTHER_RANKINGS.search(text):
        return False
    if any(pattern.search(text) for pattern in _NHS_RANKINGS):
        return True
    generic = _GENERIC_RANKINGS.search(text)
    return generic is not None and _NHS_PAGE.search(text) is not None and _OTHER_LISTS.isdisjoint(
        w.lower() for w in regex.findall(r"\w+", text[generic.end():generic.end() + 80]))


def speaks_of_ranking(doc: Doc, sent: Span) -> bool:
    """Whether the paragraph holding ``sent`` (its lines: a page's paragraph is a line, a PDF's
    lines are shorter) talks of a table or of places in it ('the league table', 'the best
    placed', 'ranked'): a bare number after a name is a position only in such talk."""
    text = doc_text(doc)
    start = text.rfind("\n", 0, sent.start_char) + 1
    end = text.find("\n", len(text[:sent.end_char].rstrip()))
    return _RANKING_TALK.search(text, start, len(text) if end < 0 else end) is not None


_RANKING_TALK = regex.compile(r"\b(?:league|tables?|rank(?:s|ed|ing|ings)?|placed|placings?|positions?)\b", regex.I)


def is_regional(doc: Doc, sent: Span, end: int) -> bool:
    """'came second in the South West', 'third among trusts in the region', 'first locally',
    'bottom of the Devon trusts': a position among a region's trusts, not in the national league."""
    lowers = lower_forms(doc)
    if end < sent.end and lowers[end] in {"regionally", "locally"}:
        return True
    if _regional_opening(doc, sent):
        return True
    limit = min(clause_end(doc, sent, end), end + 7)
    # 'in the North East and Yorkshire region': the scope may start after its 'the'
    # 'in the North East and Yorkshire region', 'among the trusts of the Midlands': the scope
    # may start after its 'the'
    for s in spans_in(doc, "scopes", end, sent.end):
        k = s.start - 1 if lowers[s.start - 1] != "the" else s.start - 2
        if s.start < limit and (lowers[k] in _REGION_PREPOSITIONS
                                or (lowers[k] == "of" and lowers[k - 1] in _GROUP_NOUNS)):
            return True
    named = {o.start for o in spans_in(doc, "orgs", end - 1, min(end + 8, sent.end))}
    # 'bottom of the Devon trusts', 'fifth of the North East and Yorkshire trusts'
    return any(s.start not in named and lowers[s.start - 1] in _GROUP_OPENERS
               and s.start <= end + 2 and all(lowers[k] in _GROUP_OPENERS for k in range(end, s.start))
               for s in spans_in(doc, "scopes", end - 1, sent.end))


_REGION_PREPOSITIONS = frozenset({"in", "across", "within", "throughout"})
# 'bottom of the Devon trusts', 'top among the Kent providers': a place right after these is the group's
_GROUP_OPENERS = frozenset({"the", "of", "among", "amongst"})


def is_sub_group(doc: Doc, sent: Span, end: int) -> bool:
    """'seventh among community trusts', 'fifth of the teaching hospitals', 'third among specialist
    trusts', 'fourth in its ICB': a position within a part of a league table, not in the table.
    'among mental health, learning disability and community trusts' and 'of the 61 mental health
    trusts' name the non-acute table itself, and 'among acute trusts' the acute one."""
    lowers = lower_forms(doc)
    limit = min(clause_end(doc, sent, end), end + 10)
    near = window(doc, end, limit)
    words = [lowers[k] for k in near]
    while words and words[0] in {"nationally", "overall", "out"}:
        words, near = words[1:], near[1:]
    if len(words) < 2:
        return False
    if words[0] in _REGION_PREPOSITIONS and words[1] in {"its", "their", "the", "our", "this", "that"} \
            and words[2:3] and words[2] in _LOCAL_WHOLES:
        return True  # 'fourth in its ICB', 'first in the system', 'fifth across the ICS'
    if words[0] not in {"among", "amongst", "of"}:
        return False
    noun = next((n for n, w in enumerate(words) if w in _GROUP_NOUNS), None)
    if noun is None:
        return False
    if _SUB_GROUP_WORDS.intersection(words[1:noun]):
        return True
    if any(w in _LEAGUE_SIZES for w in words[1:noun]):
        return False  # 'of the 61 mental health trusts': the writer's name for the whole table
    labels = {p.label_ for p in spans_in(doc, "populations", near[1], near[noun] + 1)}
    return bool(labels) and labels <= _PARTS_OF_LEAGUES and not {"community", "mental_health"} <= labels


# populations that are a part of a league table ('community trusts' of the non-acute table)
_PARTS_OF_LEAGUES = frozenset({"community", "mental_health", "specialist"})
# words marking a part of a league's trusts ('the teaching hospitals', 'large acute trusts')
_SUB_GROUP_WORDS = frozenset({"teaching", "large", "larger", "small", "smaller", "medium", "medium-sized", "district",
                              "university", "rural", "urban", "foundation", "specialist", "children's"})
_GROUP_NOUNS = frozenset({"trusts", "hospitals", "providers", "organisations", "services"})
_LOCAL_WHOLES = frozenset({"icb", "ics", "stp", "system", "area", "patch", "county", "region", "integrated",
                           "locality", "footprint", "sector"})


@_per_sentence
def _regional_opening(doc: Doc, sent: Span) -> bool:
    """'Of the 12 acute trusts in the North East, X came third': the whole the sentence opens
    with is a region's, so its positions are too, unless the sentence says they are national."""
    opening = _opening_size(doc, sent)
    return opening is not None and not _NATIONAL.search(span_text(sent)) and _opening_scoped(doc, sent, opening[1])


def opens_with_a_region(doc: Doc, sent: Span, start: int) -> bool:
    """Whether the words from token ``start`` on follow an opening phrase naming a region's or a
    system's trusts ('Of the 22 acute trusts in the North East, X is the highest placed', 'In
    Kent and Medway, X is the best-performing trust', 'Across the ICS, ...'): a superlative
    there ranks within the region, whatever the sentence says of national positions."""
    comma = _region_opening_comma(doc, sent)
    return comma is not None and start > comma


@_per_sentence
def _region_opening_comma(doc: Doc, sent: Span) -> int | None:
    """The comma closing an opening phrase of ``sent`` ('Of ...', 'Among ...', 'In ...', 'Across
    ...') that names a region (a place not in an organisation's name, not England) or a local
    whole ('the region', 'the ICS'); None without one."""
    lowers = lower_forms(doc)
    words = window(doc, sent.start, min(sent.end, sent.start + 25))
    if not words or lowers[words[0]] not in _OPENING_PREPOSITIONS:
        return None
    comma = next((k for k in words if lowers[k] in {",", ";", ":"}), None)
    if comma is None:
        return None
    named = spans_in(doc, "orgs", sent.start, comma)
    if any(not any(o.start <= s.start < o.end for o in named) and span_text(s).lower().removeprefix("the ")
           not in _NATIONAL_SCOPES for s in spans_in(doc, "scopes", sent.start, comma)):
        return comma
    return comma if _LOCAL_WHOLES.intersection(lowers[sent.start:comma]) else None


_OPENING_PREPOSITIONS = frozenset({"of", "out", "among", "amongst", "across", "in", "within", "throughout"})
_NATIONAL_SCOPES = frozenset({"england", "country", "nhs", "nation", "uk"})


def _opening_scoped(doc: Doc, sent: Span, end_char: int) -> bool:
    """Whether the opening phrase ending at ``end_char`` names a region ('in the North East')."""
    return any(s.start_char < end_char for s in spans_in(doc, "scopes", sent.start, sent.end))


@_per_sentence
def _opening_size(doc: Doc, sent: Span) -> tuple[int, int, bool] | None:
    """The size of the whole a sentence opens with ('Of the 134 acute trusts, ...', 'Out of ten
    ambulance services, ...'), the character its opening phrase ends at, and whether the phrase
    names a league (not a segment's members, a region's or some other part of one); None
    without such an opening."""
    opening = _SIZE_OPENING.match(span_text(sent))
    size = cardinal_value(opening.group(1)) if opening else None
    if opening is None or size is None:
        return None
    end = sent.start_char + opening.end()
    # no league is smaller than the ten ambulance trusts ('Of the 5 trusts in the group, ...')
    part = size < 10 or _WHOLE_QUALIFIER.match(opening.group(2)) is None or _opening_scoped(doc, sent, end) or any(
        s.start_char < end for s in spans_in(doc, "segments", sent.start, sent.end))
    return size, end, not part


def clause_end(doc: Doc, sent: Span, start: int) -> int:
    """The end of the clause running from ``start`` (the next comma, dash or bracket), found by
    a walk over the clause's lower forms: clauses are short, and only the few after a position
    are asked about, where a list of every clause end of the Doc costs a search of all its
    words. A word ends the clause as written, not as lowered ('But' does not)."""
    lowers = lower_forms(doc)
    for k in range(start, sent.end):
        if lowers[k] in _CLAUSE_ENDS and text_at(doc, k) in _CLAUSE_ENDS:
            return k
    return sent.end


def relative_antecedent(doc: Doc, sent: Span, idx: int) -> Span | None:
    """:func:`subjects.relative_antecedent`, asked only when 'which' or 'who' stands between the
    sentence's second word and ``idx``: a relative clause opens with one, so without one there
    is no antecedent, and the walk that finds none makes a Token of every word it passes."""
    if _RELATIVE_PRONOUNS.isdisjoint(lower_forms(doc)[sent.start + 1:idx]):
        return None
    return subjects.relative_antecedent(doc, sent, idx)


def coordinated(doc: Doc, before: list[Span]) -> list[Span]:
    """The nearest organisation before a rank, with any joined to it by 'and'/','."""
    if not before:
        return []
    chosen = [before[-1]]
    for org in reversed(before[:-1]):
        if joined(doc, org, chosen[0]):
            chosen.insert(0, org)
        else:
            break
    return chosen


def joined(doc: Doc, first: Span, second: Span) -> bool:
    """Whether only list glue ('and', ',', '&') stands between two names."""
    return text_of(doc, first.end, second.start).strip().lower() in _LIST_GLUE


_LIST_GLUE = frozenset({"and", ",", ", and", "&", "and the", ", and the"})


def make_ranking(doc: Doc, sent: Span, name: str, code: str, **values) -> Ranking:
    """A ranking of the organisation ``name`` (ODS ``code``) read from ``sent``, the sentence as its text."""
    text, start = sentence_text(doc, sent)
    framework, period = doc_values(doc)
    values.setdefault("league", league_of_sentence(doc, sent))
    return Ranking(name=name, ods_code=code, framework=framework, period=period, text=text,
                   start=start, end=start + len(text), **values)


@_per_sentence
def sentence_text(doc: Doc, sent: Span) -> tuple[str, int]:
    """The stripped text of ``sent`` and where it starts in the Doc's text: the text of every
    ranking read from the sentence."""
    text = span_text(sent).strip()
    return text, doc_text(doc).find(text, sent.start_char)


def doc_values(doc: Doc) -> tuple[str, str]:
    """``doc._.framework`` and ``doc._.period``, read once per Doc (an extension attribute is
    looked up through spaCy's machinery on every access), for every ranking made from it."""
    cache = doc_cache(doc, "rankings")
    found = cache.get("doc_values")
    if found is None:
        found = cache["doc_values"] = (doc_value(doc, "framework"), doc_value(doc, "period"))
    return found
