"""Token patterns the reading step matches itself, kept as data in ``models/patterns/``.

Some phrases matter only to one reading module (time expressions, signs that a count is
not what it seems) and nothing upstream needs them as spans; the module matches them on
the finished ``Doc`` with Matchers built once per vocabulary and pattern file. As in the
rule components (:mod:`extractor.pipeline.ruler`), the Matcher runs on a Doc only on the
runs of words that can hold a match (a span, the few words of a claim, is matched whole),
and a test opening a pattern is a lexeme flag where a flag already stands for it or one
is free.

A Matcher's cost grows with its patterns, and a run can hold a match of few of them: a
pattern cannot match a run holding no word for one of its required tokens (one that
takes a word and tests it: ``{"LOWER": "quarter"}``, ``{"TEXT": {"REGEX": ...}}``). So
each run is matched by a Matcher holding only the patterns whose required tokens it has
words for (in the file's order, so matches come in the same order), made once per such
set of patterns; and a span holding such words for no pattern (most of the claims asked
about) is answered without a Matcher.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from ..pipeline.extensions import doc_cache, token_ids
from ..pipeline.ruler import _WORD_ATTRS, MatchableWords, _word_test, with_flags
from ..resources import load_jsonl

_MUST_MATCH = ("", "+")  # the ops of a token that takes at least one word


class _Patterns:
    """The patterns of one file for one vocabulary, with what a run must hold for each.

    A token that takes at least one word and has a word test (:func:`_word_test`: true of
    every word the token can match) is *required*: a pattern cannot match where no word
    passes the test of each of its required tokens. Which required tests a word passes is
    decided once per word (by its ORTH id, as every test reads the word's text alone)."""

    def __init__(self, vocab: Vocab, asset: str) -> None:
        self.vocab = vocab
        rows = load_jsonl("patterns", asset)
        self.rows = [(row["label"], with_flags(vocab, row["pattern"])) for row in rows]  # as the Matcher takes them
        self.labels = [row["label"] for row in rows]
        self.words = MatchableWords()
        self.tests: dict[str, tuple[Callable[[str], bool], int]] = {}  # a required token's test -> (test, its bit)
        self.needs: list[int] = []  # per pattern: the bits of its required tokens
        self.bits: dict[int, int] = {}  # a word's ORTH id -> the bits of the tests it passes
        self.by_words: dict[int, tuple[int, ...]] = {}  # the required tokens a run holds -> its possible patterns
        self.by_patterns: dict[tuple[int, ...], Matcher] = {}
        self.one_word: list[int] = []  # per pattern: the bit of its test when it is one word test, else 0
        for pattern in (row["pattern"] for row in rows):
            self.words.add(vocab, pattern)
            self.needs.append(self._required(pattern))
            alone = len(pattern) == 1 and len(pattern[0]) == 1 and next(iter(pattern[0])) in _WORD_ATTRS
            self.one_word.append(self.needs[-1] if alone else 0)

    def _required(self, pattern: list[dict]) -> int:
        """The bits of the required tokens of ``pattern``, each test numbered once."""
        needs = 0
        for token in pattern:
            test = _word_test(self.vocab, token) if token.get("OP", "") in _MUST_MATCH else None
            if test is None:
                continue
            key = json.dumps({k: v for k, v in token.items() if k != "OP"}, sort_keys=True)
            if key not in self.tests:
                self.tests[key] = (test, 1 << len(self.tests))
            needs |= self.tests[key][1]
        return needs

    def held(self, doc: Doc, start: int, end: int) -> int:
        """The bits of the required tokens some word of tokens ``[start, end)`` can be."""
        bits, have = self.bits, 0
        for orth in token_ids(doc, "ORTH")[start:end]:
            found = bits.get(orth)
            if found is None:
                text = self.vocab.strings[orth]
                found = bits[orth] = sum(bit for test, bit in self.tests.values() if test(text))
            have |= found
        return have

    def possible(self, doc: Doc, start: int, end: int) -> tuple[int, ...]:
        """The patterns (by number, in the file's order) that can match within tokens ``[start, end)``."""
        have = self.held(doc, start, end)
        found = self.by_words.get(have)
        if found is None:
            found = self.by_words[have] = tuple(k for k, needs in enumerate(self.needs) if needs & have == needs)
        return found

    def matcher_for(self, doc: Doc, start: int, end: int) -> Matcher | None:
        """A Matcher of the patterns that can match within tokens ``[start, end)`` (None if none can)."""
        possible = self.possible(doc, start, end)
        return self.of(possible) if possible else None

    def one_word_matches(self, doc: Doc, start: int, end: int,
                         possible: tuple[int, ...]) -> list[tuple[str, int, int]] | None:
        """The matches within tokens ``[start, end)`` (after :meth:`held` read them) when every
        pattern ``possible`` is one token testing the word alone: the words passing its test,
        as the Matcher would find them. None when some pattern is more, or a word passes two
        tests: then no two matches share a word, so their order cannot decide between them."""
        tests = [(self.labels[k], self.one_word[k]) for k in possible]
        if not all(bit for _, bit in tests):
            return None
        out = []
        for at, orth in enumerate(token_ids(doc, "ORTH")[start:end], start):
            passed = [label for label, bit in tests if self.bits[orth] & bit]
            if len(passed) > 1:
                return None
            if passed:
                out.append((passed[0], at, at + 1))
        return out

    def of(self, possible: tuple[int, ...]) -> Matcher:
        """The Matcher of the patterns numbered ``possible`` (at least one), made once."""
        matcher = self.by_patterns.get(possible)
        if matcher is None:
            matcher = self.by_patterns[possible] = Matcher(self.vocab)
            for k in possible:
                matcher.add(self.rows[k][0], [self.rows[k][1]])
        return matcher


_PATTERNS: dict[tuple[int, str], _Patterns] = {}


def _patterns(doc: Doc, asset: str) -> _Patterns:
    key = (id(doc.vocab), asset)
    held = _PATTERNS.get(key)
    if held is None or held.vocab is not doc.vocab:
        held = _PATTERNS[key] = _Patterns(doc.vocab, asset)
    return held


def _stretches(doc: Doc, asset: str) -> tuple[list[tuple[int, int]], dict[int, list[Span]]]:
    """The Doc's runs where a match of ``asset`` can be and the matches of each run tried
    so far, kept per Doc: a run is matched once however often it is asked about."""
    cache = doc_cache(doc, "phrases")
    held = cache.get(asset)
    if held is None:
        held = cache[asset] = (_patterns(doc, asset).words.stretches(doc), {})
    return held


def _matches_in(doc: Doc, asset: str, start: int, end: int) -> list[Span]:
    """Every match (overlapping ones too) of ``asset`` lying within tokens ``[start, end)``;
    where only patterns of one word test can match (a run holding "now" or "2023/24"), the
    words passing them, without a Matcher call."""
    patterns = _patterns(doc, asset)
    possible = patterns.possible(doc, start, end)
    if not possible:
        return []
    one_word = patterns.one_word_matches(doc, start, end, possible)
    if one_word is not None:
        return [Span(doc, s, e, label=label) for label, s, e in one_word]
    part = doc if (start, end) == (0, len(doc)) else doc[start:end]
    return [Span(doc, start + s, start + e, label=label) for label, s, e in patterns.of(possible)(part)]


def _matches_of(doc: Doc, asset: str, k: int) -> list[Span]:
    """Every match of ``asset`` in the Doc's ``k``-th run, tried once."""
    stretches, tried = _stretches(doc, asset)
    found = tried.get(k)
    if found is None:
        found = tried[k] = _matches_in(doc, asset, *stretches[k])
    return found


def match_phrases(doc: Doc | Span, asset: str) -> list[Span]:
    """The phrases of ``models/patterns/<asset>`` in ``doc`` (or a span of it), labelled as in
    the file, longest first where they overlap, in text order.

    A Doc is matched run by run (:func:`phrases_of_runs`). A span (the words of a claim) is
    matched whole by the Matcher of the patterns that can match within it: every token test
    of the patterns asks about the word alone, so that finds the matches lying within the
    span; and a span holding no word for a required token of every pattern (most claims)
    is told so without a Matcher, nor the Doc's runs, which cost more than a sentence's words."""
    if isinstance(doc, Doc):
        return phrases_of_runs(doc, asset)
    return sorted(filter_spans(_matches_in(doc.doc, asset, doc.start, doc.end)), key=lambda s: s.start)


def phrases_of_runs(doc: Doc, asset: str, start: int = 0, end: int | None = None,
                    label: str | None = None) -> list[Span]:
    """What :func:`match_phrases` finds in the whole ``doc`` in its runs that start within
    tokens ``[start, end)``, in text order; with ``label``, only the phrases so labelled.

    A match lies within one run and runs share no word, so which of two overlapping matches
    is kept is settled within each run: a run's matches are filtered on their own. With
    ``label``, a run where no pattern so labelled can match is not matched at all."""
    stretches = _stretches(doc, asset)[0]
    patterns = _patterns(doc, asset)
    spans = []
    for k, (first, last) in enumerate(stretches):
        if end is not None and first >= end:
            break
        if first < start or (label is not None and label not in
                             {patterns.labels[n] for n in patterns.possible(doc, first, last)}):
            continue
        found = _matches_of(doc, asset, k)
        spans.extend(filter_spans(found) if len(found) > 1 else found)  # one match overlaps none
    return sorted((s for s in spans if label is None or s.label_ == label), key=lambda s: s.start)
