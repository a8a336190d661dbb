"""Token patterns the reading step matches itself, kept as data in ``models/patterns/``.

Some phrases matter only to one reading module (time expressions, signs that a count is
not what it seems) and nothing upstream needs them as spans; the module matches them on
the finished ``Doc`` with Matchers built once per vocabulary and pattern file. As in the
rule components (:mod:`extractor.pipeline.ruler`), the Matcher runs only on the runs of
words that can hold a match, and a test opening a pattern is a lexeme flag where a flag
already stands for it or one is free.

A Matcher's cost grows with its patterns, and a run can hold a match of few of them: a
pattern whose token must be one of some words (``{"LOWER": "quarter"}``, ``{"LOWER":
{"IN": [...]}}``) cannot match a run holding none of them. So each run is matched by a
Matcher holding only the patterns whose listed words it holds (in the file's order, so
matches come in the same order), made once per such set of patterns.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from ..pipeline.extensions import doc_cache, token_ids
from ..pipeline.ruler import MatchableWords, _word_list, with_flags
from ..resources import load_jsonl

_MUST_MATCH = ("", "+")  # the ops of a token that takes at least one word


class _Patterns:
    """The patterns of one file for one vocabulary, with what a run must hold for each."""

    def __init__(self, vocab: Vocab, asset: str) -> None:
        self.vocab = vocab
        rows = load_jsonl("patterns", asset)
        self.rows = [(row["label"], with_flags(vocab, row["pattern"])) for row in rows]  # as the Matcher takes them
        self.words = MatchableWords()
        self.tables: dict[str, dict[int, int]] = {"LOWER": {}, "ORTH": {}}  # word's id -> the listed tokens it is
        self.needs: list[int] = []  # per pattern: the bits of its listed tokens that must match
        self.matchers: dict[int, Matcher | None] = {}  # by the listed tokens a run holds
        self.by_patterns: dict[tuple[int, ...], Matcher] = {}
        bit = 1
        for pattern in (row["pattern"] for row in rows):
            self.words.add(vocab, pattern)
            needs = 0
            for token in pattern:
                listed = _word_list(token) if token.get("OP", "") in _MUST_MATCH else None
                if listed is None:
                    continue
                table = self.tables[listed[0]]
                for word in map(get_string_id, listed[1]):
                    table[word] = table.get(word, 0) | bit
                needs, bit = needs | bit, bit << 1
            self.needs.append(needs)

    def matcher_for(self, doc: Doc, start: int, end: int) -> Matcher | None:
        """A Matcher of the patterns that can match within tokens ``[start, end)`` (None if none can)."""
        lower, orth = self.tables["LOWER"], self.tables["ORTH"]
        have = 0
        for low, text in zip(token_ids(doc, "LOWER")[start:end], token_ids(doc, "ORTH")[start:end], strict=True):
            have |= lower.get(low, 0) | orth.get(text, 0)
        if have not in self.matchers:
            possible = tuple(k for k, needs in enumerate(self.needs) if needs & have == needs)
            self.matchers[have] = self._of(possible)
        return self.matchers[have]

    def _of(self, possible: tuple[int, ...]) -> Matcher | None:
        """The Matcher of the patterns numbered ``possible``, made once."""
        if possible and possible not in self.by_patterns:
            matcher = self.by_patterns[possible] = Matcher(self.vocab)
            for k in possible:
                matcher.add(self.rows[k][0], [self.rows[k][1]])
        return self.by_patterns.get(possible)


_PATTERNS: dict[tuple[int, str], _Patterns] = {}


def _patterns(doc: Doc, asset: str) -> _Patterns:
    key = (id(doc.vocab), asset)
    held = _PATTERNS.get(key)
    if held is None or held.vocab is not doc.vocab:
        held = _PATTERNS[key] = _Patterns(doc.vocab, asset)
    return held


def _stretches(doc: Doc, asset: str) -> tuple[list[tuple[int, int]], list[int], dict[int, list[Span]]]:
    """The Doc's runs where a match of ``asset`` can be, their ends (to bisect) and the
    matches of each run tried so far, kept per Doc: sentence after sentence of one Doc is
    asked about, and a run is matched once however many of them it crosses."""
    cache = doc_cache(doc, "phrases")
    held = cache.get(asset)
    if held is None:
        stretches = _patterns(doc, asset).words.stretches(doc)
        held = cache[asset] = (stretches, [end for _, end in stretches], {})
    return held


def _matches_of(doc: Doc, asset: str, k: int) -> list[Span]:
    """Every match (overlapping ones too) of ``asset`` in the Doc's ``k``-th run, tried once."""
    stretches, _, tried = _stretches(doc, asset)
    found = tried.get(k)
    if found is None:
        start, end = stretches[k]
        matcher = _patterns(doc, asset).matcher_for(doc, start, end)
        part = doc if (start, end) == (0, len(doc)) else doc[start:end]
        matches = matcher(part) if matcher is not None else []
        found = tried[k] = [Span(doc, start + s, start + e, label=label) for label, s, e in matches]
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

