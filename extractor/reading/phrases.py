"""Token patterns the reading step matches itself, kept as data in ``models/patterns/``.

Some phrases matter only to one reading module (time expressions, signs that a count is
not what it seems) and nothing upstream needs them as spans; the module matches them on
the finished ``Doc`` with a Matcher built once per vocabulary and pattern file. As in the
rule components (:mod:`extractor.pipeline.ruler`), the Matcher runs only on the runs of
words that can hold a match, and a test opening a pattern is a lexeme flag where a flag
already stands for it or one is free.
"""

from __future__ import annotations

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


def _stretches(doc: Doc | Span, words: MatchableWords) -> list[tuple[int, int]]:
    """The runs of ``doc`` (or of a span, clipped to it) where a match can be, as Doc offsets."""
    if isinstance(doc, Doc):
        return words.stretches(doc)
    if not words.usable:
        return [(doc.start, doc.end)]
    cache = doc_cache(doc.doc, "phrase_stretches")  # sentence after sentence of one Doc is asked about
    whole = cache.get(id(words))
    if whole is None:
        whole = cache[id(words)] = words.stretches(doc.doc)
    clipped = ((max(start, doc.start), min(end, doc.end)) for start, end in whole)
    return [(start, end) for start, end in clipped if start < end]


def match_phrases(doc: Doc | Span, asset: str) -> list[Span]:
    """The phrases of ``models/patterns/<asset>`` in ``doc`` (or a span of it), labelled as in
    the file, longest first where they overlap, in text order."""
    target = doc.doc if isinstance(doc, Span) else doc
    matcher, words = _matcher(target, asset)
    spans = []
    for start, end in _stretches(doc, words):
        part = target if (start, end) == (0, len(target)) else target[start:end]
        spans.extend(Span(target, start + s, start + e, label=label) for label, s, e in matcher(part))
    return sorted(filter_spans(spans), key=lambda s: s.start)
