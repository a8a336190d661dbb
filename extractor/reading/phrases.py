"""Token patterns the reading step matches itself, kept as data in ``models/patterns/``.

Some phrases matter only to one reading module (time expressions, signs that a count is
not what it seems) and nothing upstream needs them as spans; the module matches them on
the finished ``Doc`` with a Matcher built once per vocabulary and pattern file. As in the
rule components (:mod:`extractor.pipeline.ruler`), the Matcher runs only on the runs of
words that can hold a match, and a test opening a pattern is a lexeme flag where a flag
already stands for it or one is free.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from ..pipeline.extensions import doc_cache
from ..pipeline.ruler import MatchableWords, with_flags
from ..resources import load_jsonl

_MATCHERS: dict[tuple[int, str], tuple[Vocab, Matcher, MatchableWords]] = {}


def _matcher(doc: Doc, asset: str) -> tuple[Matcher, MatchableWords]:
    key = (id(doc.vocab), asset)
    held = _MATCHERS.get(key)
    if held is None or held[0] is not doc.vocab:
        matcher, words = Matcher(doc.vocab), MatchableWords()
        for row in load_jsonl("patterns", asset):
            matcher.add(row["label"], [with_flags(doc.vocab, row["pattern"])])
            words.add(doc.vocab, row["pattern"])
        held = _MATCHERS[key] = (doc.vocab, matcher, words)
    return held[1], held[2]


def _stretches(doc: Doc, asset: str) -> tuple[list[tuple[int, int]], list[int], dict[int, list[Span]]]:
    """The Doc's runs where a match of ``asset`` can be, their ends (to bisect) and the
    matches of each run tried so far, kept per Doc: sentence after sentence of one Doc is
    asked about, and a run is matched once however many of them it crosses."""
    cache = doc_cache(doc, "phrases")
    held = cache.get(asset)
    if held is None:
        stretches = _matcher(doc, asset)[1].stretches(doc)
        held = cache[asset] = (stretches, [end for _, end in stretches], {})
    return held


def _matches_of(doc: Doc, asset: str, k: int) -> list[Span]:
    """Every match (overlapping ones too) of ``asset`` in the Doc's ``k``-th run, tried once."""
    stretches, _, tried = _stretches(doc, asset)
    found = tried.get(k)
    if found is None:
        matcher = _matcher(doc, asset)[0]
        start, end = stretches[k]
        part = doc if (start, end) == (0, len(doc)) else doc[start:end]
        found = tried[k] = [Span(doc, start + s, start + e, label=label) for label, s, e in matcher(part)]
    return found


def match_phrases(doc: Doc | Span, asset: str) -> list[Span]:
    """The phrases of ``models/patterns/<asset>`` in ``doc`` (or a span of it), labelled as in
    the file, longest first where they overlap, in text order.

    Every token test of the patterns asks about the word alone, so the matches within a
    span are exactly those of the Doc's runs that lie within it: the runs it touches are
    matched whole (once per Doc) and their matches outside the span left out."""
    target = doc.doc if isinstance(doc, Span) else doc
    start, end = (doc.start, doc.end) if isinstance(doc, Span) else (0, len(doc))
    stretches, ends, _ = _stretches(target, asset)
    spans = []
    for k in range(bisect_right(ends, start), len(stretches)):
        if stretches[k][0] >= end:
            break
        spans.extend(s for s in _matches_of(target, asset, k) if start <= s.start and s.end <= end)
    return sorted(filter_spans(spans), key=lambda s: s.start)
