"""``extractor.segments``: oversight segments however they are written.

"Segment 3", "segment “two”", "segments 3 and 4", "the third segment", "NOF4", "tier one
or two", "the top two segments", and descriptor phrases whose number depends on the
framework ("special measures" is 4 under the 2016 framework, "Recovery Support
Programme" is 5 from 2025/26). Spans go to ``doc.spans["segments"]``; each pattern's id
says how to read it and ``span._.segments`` gives the tuple of segment numbers.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache

import regex
from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import numbers
from ..resources import asset
from .extensions import doc_cache, span_text, token_strings
from .ruler import AssetSpanRuler, longest_spans

SPANS_KEY = "segments"
_NUM = regex.compile(r"\b([1-5]|one|two|three|four|five)\b", regex.I)
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_RANGE_WORD = regex.compile(r"\b(to|-|–)\b")


@cache
def segment_data() -> dict:
    return json.loads(asset("segments.json").read_text(encoding="utf-8"))


def numbers_in(text: str) -> list[int]:
    out = []
    for m in _NUM.finditer(text.lower()):
        tok = m.group(1)
        out.append(int(tok) if tok.isdigit() else _WORDS[tok])
    return out


def descriptor_segment(key: str, framework: str) -> int | None:
    """The segment a descriptor phrase means under ``framework`` (``None`` if it means none)."""
    table = segment_data()["descriptors"].get(key, {})
    if framework in table:
        return table[framework]
    return table.get("")


FRAMEWORK_KEY = ("._.", "framework", None, None)  # where spaCy keeps ``doc._.framework`` (Underscore._get_key)


def framework_of(doc: Doc) -> str:
    """``doc._.framework`` ("" when unset or not registered: its registered default), read
    where spaCy's Underscore keeps it: through ``doc._`` a read costs ~2 us, more than the
    rest of :func:`segments_of`, which the record builders ask thousands of times."""
    return doc.user_data.get(FRAMEWORK_KEY, "")


def segments_of(span: Span) -> tuple[int, ...]:
    """The segments a segment span names, read according to its pattern id."""
    framework = framework_of(span.doc)
    cache = doc_cache(span.doc, SPANS_KEY)
    key = (span.start, span.end, span.id, framework)
    if key not in cache:
        cache[key] = _read_once(span, framework)
    return cache[key]


_READ: dict[tuple[int, str, str], tuple[int, ...]] = {}  # (id, framework, words) -> segments, for every Doc
_MOST_READ = 100_000  # forgotten all at once beyond this: a cache, not a record


def _read_once(span: Span, framework: str) -> tuple[int, ...]:
    """:func:`_read`, kept per (id, framework, words) across Docs where that is all it reads:
    every span but an ordinal (read from its first token) and a 'top'/'bottom' one (read
    with the page's grouping)."""
    how = span.id_.removeprefix("alias:") if span.id_ != "alias" else "num"
    if how == "ord" or how.startswith(("top", "bottom")):
        return _read(span, framework)
    memo = (span.id, framework, span_text(span))
    found = _READ.get(memo)
    if found is None:
        if len(_READ) >= _MOST_READ:
            _READ.clear()
        found = _READ[memo] = _read(span, framework)
    return found


def _read(span: Span, framework: str) -> tuple[int, ...]:
    how = span.id_.removeprefix("alias:") if span.id_ != "alias" else "num"
    if how.startswith("desc:"):
        seg = descriptor_segment(how[5:], framework)
        return (seg,) if seg else ()
    if how == "ord":
        value = numbers.parse_ordinal(span[0].text)
        return (value,) if value and 1 <= value <= 5 else ()
    if how.startswith(("top", "bottom")):
        n = int(how.split(":")[1]) if ":" in how else (numbers_in(span.text) or [1])[0]
        top = grouping_size(span) or segment_data()["max_segment"].get(framework, 4)
        segs = range(1, n + 1) if how.startswith("top") else range(top - n + 1, top + 1)
        return tuple(segs)
    found = [n for n in numbers_in(span.text.replace("NOF", " ").replace("SOF", " ")) if 1 <= n <= 5]
    text = span.text.lower()
    if len(found) == 2 and _RANGE_WORD.search(text) and found[0] < found[1] and " to " in f" {text} ":
        found = list(range(found[0], found[1] + 1))
    return tuple(dict.fromkeys(found))


_COUNT_FOLLOWS = {"are", "is", "were", "was", "have", "has", "had", "remain", "remained", "more", "in", "of"}


GROUPING_SIZE = "extractor.grouping_size"


def grouping_size(span: Span) -> int | None:
    """How many groups the page says there are ('the lowest of the four segments', 'trusts are
    put in four categories'): then the lowest is that number, whatever the framework's top."""
    words = [t.lower_ for t in span]
    if "of" in words and (stated := numbers_in(" ".join(words[words.index("of"):]))):
        return stated[-1]
    return span.doc.user_data.get(GROUPING_SIZE)


_RANK_BEFORE = {"-", "second", "third", "fourth", "next"}


def drop_unread_groupings(matches: Iterable[Span]) -> list[Span]:
    """Segment matches without the words that only say how to read them. 'Category two', 'the
    second section' are segments only on a page that defines its grouping ('four performance
    categories'); 'the second-lowest of the five categories' is not the lowest. (Tiers and
    categories of other regimes are ruled out by ``extractor.traps``.)"""
    matches = list(matches)
    defines = [m for m in matches if m.label_ == "GROUPING"]
    if defines and (size := numbers_in(defines[0].text)):
        defines[0].doc.user_data[GROUPING_SIZE] = max(size)
    out = []
    for span in matches:
        if span.label_ == "GROUPING" or (span.id_.startswith("alias") and not defines):
            continue
        if span.id_.removeprefix("alias:").startswith(("top", "bottom")) and span.start \
                and span.doc[span.start - 1].lower_ in _RANK_BEFORE:
            continue  # 'the second-lowest of the five categories' is not the lowest
        out.append(span)
    return out


def trim_counted_tails(existing: Iterable[Span], matches: Iterable[Span]) -> list[Span]:
    """Longest matches, but 'segment 3 and two are in segment 4' keeps only 'segment 3': a
    number followed by a verb, or written differently from the first ('segment 1 and one,
    Sheffield ..., is'), is a count, not the second segment of a pair."""
    out = []
    kept = [m for m in drop_unread_groupings(matches) if m.id_ != "held" or _ends_its_phrase(m)]
    for span in longest_spans(existing, kept):
        doc = span.doc
        if span.id_ == "num" and len(span) > 2 and (_percent_at(doc, span.end) or (
                span.end < len(doc) and doc[span.end - 2].lower_ in {"and", ","}
                and (doc[span.end].lower_ in _COUNT_FOLLOWS or _mixed_numbers(span)))):
            # a count after the pair's 'and', or a share ('segment 4 – 5% of all trusts'): only the first number
            first = next((i for i, t in enumerate(span) if i and _NUM.fullmatch(t.lower_)), None)
            if first is not None and first < len(span) - 1:
                span = Span(doc, span.start, span.start + first + 1, label=span.label, span_id=span.id)
        out.append(span)
    return _resolve_programme_refs(out)


def _percent_at(doc: Doc, i: int) -> bool:
    """'segment 4 – 5% of all trusts': a number followed by a percent sign or 'per cent' is a
    share, not the end of a range of segments."""
    if i >= len(doc):
        return False
    word = doc[i].lower_
    return word in {"%", "percent"} or (word == "per" and i + 1 < len(doc) and doc[i + 1].lower_ == "cent")


def _ends_its_phrase(span: Span) -> bool:
    """'Our oversight segment is 2.' names a segment; 'the lowest segment is four trusts strong'
    counts: a held value must not run on into a noun."""
    doc = span.doc
    if span.end >= len(doc):
        return True
    nxt = doc[span.end]
    return not nxt.is_alpha or nxt.lower_ in _AFTER_A_VALUE


_AFTER_A_VALUE = {"and", "in", "for", "from", "since", "under", "of", "last", "this", "with", "after", "on", "at", "by",
                  "but", "while", "which", "as", "following", "until", "having", "before", "when", "or", "now",
                  "today", "again", "earlier", "previously", "during", "within", "where", "so", "because"}


def _mixed_numbers(span: Span) -> bool:
    """'segment 1 and one, X, is ...': the numbers after the first word written differently
    (asked last, as it reads every word of the span)."""
    nums = [t for t in span[1:] if _NUM.fullmatch(t.lower_)]
    return len(nums) >= 2 and nums[0].is_digit != nums[-1].is_digit


_PROGRAMME_WORDS = {"programme", "program"}


def _resolve_programme_refs(spans: list[Span]) -> list[Span]:
    """'was already in the programme' means the Recovery Support Programme only when that is
    the programme last named; after 'the New Hospital Programme' it means nothing here."""
    named = {s.start + k: s.id_ for s in spans if s.id_.startswith("desc:") for k in range(len(s))}
    out = []
    for span in spans:
        if span.id_ != "ref:programme":
            out.append(span)
            continue
        words = token_strings(span.doc)
        last = next((i for i in range(span.start - 1, -1, -1) if words[i] in _PROGRAMME_WORDS), None)
        if last in named:
            out.append(Span(span.doc, span.start, span.end, label=span.label, span_id=named[last]))
    return out


@Language.factory(
    "extractor_segments",
    assigns=["doc.spans"],
    default_config={"spans_key": SPANS_KEY, "patterns_asset": "patterns/segments.jsonl", "overwrite": True},
)
def make_segments(nlp: Language, name: str, spans_key: str, patterns_asset: str, overwrite: bool) -> AssetSpanRuler:
    ruler = AssetSpanRuler(nlp, name, spans_key=spans_key, patterns_asset=patterns_asset, overwrite=overwrite)
    ruler.spans_filter = trim_counted_tails
    return ruler


_DOMAINS = {"finance", "financial", "quality", "access", "people", "workforce", "safety", "productivity", "domain",
            "leadership", "operational", "experience", "effectiveness"}


def is_domain_segment(span: Span) -> bool:
    """'segment 4 for finance', 'the finance domain segment 4': a domain rating, not the overall segment."""
    words = token_strings(span.doc)
    before = set(words[max(0, span.start - 3):span.start])
    after = words[span.end:span.end + 4]
    if "domain" in before or ("domain" in after[:3]):
        return True
    if span.id_.startswith("desc:"):
        return False  # 'special measures for quality' is special measures; 'for finance' is a trap (traps.jsonl)
    return bool(after) and after[0] in {"for", "on", "in"} and any(w in _DOMAINS for w in after[1:4])


def placing_segments(doc: Doc) -> frozenset[tuple[int, int]]:
    """(start, end) of the segment spans that can place an organisation: they name a segment
    and not a domain rating. Every membership builder asks, so it is worked out once per Doc."""
    cache = doc_cache(doc, "placing_segments")
    if "spans" not in cache:
        cache["spans"] = frozenset((s.start, s.end) for s in doc.spans.get(SPANS_KEY, [])
                                   if segments_of(s) and not is_domain_segment(s))
    return cache["spans"]
