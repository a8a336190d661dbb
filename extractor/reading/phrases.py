"""Token patterns the reading step matches itself, kept as data in ``models/patterns/``.

Some phrases matter only to one reading module (time expressions, signs that a count is
not what it seems) and nothing upstream needs them as spans; the module matches them on
the finished ``Doc``. Every token test of these patterns asks about the word alone (its
text, lower-case form or a lexeme flag), so the patterns are matched here without spaCy's
``Matcher``, which makes a Token of every word it walks and costs ~10 us a call:

* which tests a word passes is decided once per word (:class:`_Patterns` keeps a bit mask
  per word, indexed by the number the rulers' lexicon gives it), so a test costs a list
  index afterwards;
* a pattern is tried only at the words its *anchor* can be (one of its required tokens),
  at the starts its leading tokens can reach from there; those words of a Doc are found
  in one array lookup of the Doc's word numbers (which the rulers have made), in C;
* from each start, the patterns are run by :func:`_run`, a transcription of the state
  machine of spaCy's ``Matcher`` (``find_matches``, ``transition_states``, ``get_action``
  and ``finish_states`` in ``matcher.pyx``): it finds the same matches, quirks included,
  in the same order for any two on the same words (the order decides between two as long
  when the longest are kept); ``tests/reading/test_phrases.py`` checks this against the
  Matcher on random word sequences;
* matches stay ``(label, start, end)`` tuples; a Span is made only where a caller asks for
  Spans (:func:`match_phrases`).

A window (a claim's sentence, the whole Doc) is matched from the starts its anchors give,
each start run once per Doc however many windows ask about it; the matches within a span
are the Matcher's matches on that span (see :func:`phrase_rows`).
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Iterable

import numpy
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from ..pipeline import automaton
from ..pipeline.automaton import WordTest, op_units, word_test
from ..pipeline.extensions import doc_cache
from ..pipeline.lexicon import LEXICON
from ..resources import load_jsonl

Row = tuple[str, int, int]  # a match: (label, start token, end token)

# spaCy's quantifiers (``Matcher``'s "!" is not taken: it matches words failing the test)
ONE, ZERO_ONE, ZERO_PLUS = 1, 2, 3
_QUANTIFIER = {automaton.ONE: ONE, automaton.OPTIONAL: ZERO_ONE, automaton.ANY: ZERO_PLUS}
# the actions of spaCy's ``get_action``; the three retries last, so ``action >= RETRY`` tells them
REJECT, MATCH, ADVANCE, MATCH_EXTEND, MATCH_REJECT, MATCH_DOUBLE, RETRY, RETRY_ADVANCE, RETRY_EXTEND = range(9)
_WORD_ATTRS = ("ORTH", "TEXT", "LOWER")  # the attributes that name words


def _quantifiers(token: dict) -> tuple[int, ...]:
    """The quantifiers spaCy's Matcher expands a token's ``OP`` into (``_get_operators``),
    as the pipeline's automaton reads them, in the Matcher's own numbering."""
    return tuple(_QUANTIFIER[unit] for unit in op_units(token.get("OP")))


def _word_test(vocab: Vocab, token: dict) -> WordTest | None:
    """The test a word's text must pass to be taken by ``token`` (every attribute of it), as
    the pipeline's automaton makes it; None for a token taking any word."""
    if not any(attr != "OP" for attr in token):
        return None
    return word_test(vocab, token)


def _commonness(token: dict) -> tuple[int, int, int]:
    """How many words of a text a token's test is likely to take, to choose a pattern's
    anchor (lower is rarer): a list holding a stop word ("the", "of") or a word without a
    letter (",", "3") is common, and so is a flag or a regular expression repeating a part
    without bound ("^[a-z]+ed$"); a word list comes before a regular expression, a shorter
    list before a longer. The choice only decides where matching starts looking."""
    attr = next((a for a in token if a in _WORD_ATTRS), None)
    value = token.get(attr) if attr else None
    if isinstance(value, dict) and list(value) == ["IN"]:
        value = value["IN"]
    if isinstance(value, dict) and list(value) == ["REGEX"]:
        return int("+" in value["REGEX"] or "*" in value["REGEX"]), 1, 0
    words = [value] if isinstance(value, str) else value if isinstance(value, list) else None
    if words is None:
        return 1, 1, 0
    common = any(word in STOP_WORDS or not any(c.isalpha() for c in word) for word in words)
    return int(common), 0, len(words)


class _Pattern:
    """One pattern as spaCy's Matcher runs it, and where its matches can start.

    ``steps`` are (test bits, action when the word passes, action when it does not) per
    quantified token (bits 0: any word). The anchor is a required step: every match takes
    exactly one word for it, and the words before that one are taken by the steps before
    it, so pass one of their tests (``lead``, 0 when one of them takes any word), and number
    at least ``fewest`` and at most ``most`` (None: any number). The required steps from
    the first up to an optional one take the words at their place from the start: a start
    whose words fail one of them (``skeleton``: place and bits) has no match."""

    def __init__(self, label: str, steps: list[tuple[int, int]], anchor: int) -> None:
        self.label = label
        self.steps = [_actions(bit, quantifier, k + 1 == len(steps)) for k, (bit, quantifier) in enumerate(steps)]
        self.quantifiers = [quantifier for _, quantifier in steps]
        self.anchor_bit = steps[anchor][0]
        self.lead = _any_of(steps[:anchor])
        self.fewest = self.quantifiers[:anchor].count(ONE)
        self.most = None if ZERO_PLUS in self.quantifiers[:anchor] else anchor
        self.offset = anchor if self.fewest == self.most else None  # the steps before take a word each
        fixed = next((k for k, quantifier in enumerate(self.quantifiers) if quantifier != ONE), len(steps))
        self.skeleton = tuple((k, bit) for k, (bit, _) in enumerate(steps[:fixed]) if bit)

    def starts(self, at: int, bits: list[int], words: list[int], length: int) -> list[int]:
        """Where a match whose anchor takes the word at token ``at`` can start, in a text of
        ``length`` words (numbered ``words``) whose test bits are ``bits``."""
        if self.offset is not None:
            first = at - self.offset
            return [first] if first >= 0 and self.fits(first, bits, words, length) else []
        candidates = [at] if self.fewest == 0 else []
        lowest = 0 if self.most is None else max(at - self.most, 0)
        k = at - 1
        while k >= lowest and (self.lead == 0 or bits[words[k]] & self.lead):
            if at - k >= self.fewest:
                candidates.append(k)
            k -= 1
        return [first for first in candidates if self.fits(first, bits, words, length)]

    def fits(self, start: int, bits: list[int], words: list[int], length: int) -> bool:
        """Whether the words from token ``start`` pass the skeleton's tests."""
        for place, bit in self.skeleton:
            at = start + place
            if at >= length or not bits[words[at]] & bit:
                return False
        return True


def _any_of(steps: list[tuple[int, int]]) -> int:
    """The bits of any of ``steps``' tests (0 when one of them takes any word)."""
    return 0 if any(bit == 0 for bit, _ in steps) else sum({bit for bit, _ in steps})


def _actions(bit: int, quantifier: int, final: bool) -> tuple[int, int, int]:
    """A step as (test bits, action on a word passing them, action on one failing), as
    spaCy's ``get_action`` decides from the quantifier and whether the step is the last."""
    if quantifier == ONE:
        return bit, MATCH if final else ADVANCE, REJECT
    if quantifier == ZERO_PLUS:
        return bit, MATCH_EXTEND if final else RETRY_EXTEND, MATCH_REJECT if final else RETRY
    return bit, MATCH_DOUBLE if final else RETRY_ADVANCE, MATCH_REJECT if final else RETRY


def _run(patterns: list[_Pattern], numbers: Iterable[int], start: int, stop: int,
         bits: list[int], words: list[int]) -> list[Row]:
    """The matches spaCy's Matcher finds starting at token ``start`` of a text ending at
    ``stop`` (words numbered ``words``, of test bits ``bits``), for the patterns numbered ``numbers``
    (in the file's order), once each, in the order the Matcher finds them. A state is
    (pattern, step, words taken); the states of one start never meet those of another, so
    running them alone changes nothing of theirs."""
    states = [(p, 0, 0) for p in numbers]
    ends: list[tuple[int, int]] = []  # (pattern, words taken) as the Matcher emits them
    at = start
    while states and at < stop:
        word = bits[words[at]]
        kept, added = [], []
        for p, step, length in states:
            steps = patterns[p].steps
            bit, hit, miss = steps[step]
            action = hit if word & bit == bit else miss
            while action >= RETRY:  # an optional step: also try the next step on this word
                if action == RETRY_EXTEND:
                    added.append((p, step, length + 1))
                elif action == RETRY_ADVANCE:
                    added.append((p, step + 1, length + 1))
                step += 1
                bit, hit, miss = steps[step]
                action = hit if word & bit == bit else miss
            if action == ADVANCE:
                kept.append((p, step + 1, length + 1))
            elif action == MATCH:
                ends.append((p, length + 1))
            elif action == MATCH_DOUBLE:
                ends += ((p, length), (p, length + 1))
            elif action == MATCH_REJECT:
                ends.append((p, length))
            elif action == MATCH_EXTEND:
                ends.append((p, length))
                kept.append((p, step, length + 1))
        states = kept + added
        at += 1
    for p, step, length in states:  # the text ended: the optional steps left may close a match
        quantifiers = patterns[p].quantifiers
        while quantifiers[step] != ONE:
            if step + 1 == len(quantifiers):
                ends.append((p, length))
                break
            step += 1
    found: list[Row] = []
    for p, length in ends:  # the Matcher drops empty matches and repeats (two paths to one match)
        row = (patterns[p].label, start, start + length)
        if length and row not in found:
            found.append(row)
    return found


class _WordBits:
    """The bits of the tests a word passes, ``sum(1 << k for k, test in enumerate(tests) if
    test(text))``: a word-list test (``test.words``) passes exactly when the word, lower-cased
    or as written (``test.fold``), is in its list, so the bits of all of them are looked up
    in a table of the listed words; the other tests are asked one by one."""

    def __init__(self, tests: list[WordTest]) -> None:
        self.by_lower: dict[str, int] = {}
        self.by_orth: dict[str, int] = {}
        self.others: list[tuple[int, WordTest]] = []
        for k, test in enumerate(tests):
            if test.words is None:
                self.others.append((1 << k, test))
                continue
            table = self.by_lower if test.fold == "LOWER" else self.by_orth
            for word in test.words:
                table[word] = table.get(word, 0) | 1 << k

    def __call__(self, text: str) -> int:
        bits = self.by_lower.get(text.lower(), 0) | self.by_orth.get(text, 0)
        for bit, test in self.others:
            if test(text):
                bits |= bit
        return bits


class _Patterns:
    """The patterns of one file for one vocabulary, with what each word is to their tests.

    Every distinct token test gets a bit; a word's bits (those of the tests it passes) are
    decided the first time the word is seen: the bits of the tests that only ask whether the
    word (lower-cased or as written) is one of a list, most of them, by one dict lookup of
    each form (the tables of :class:`_WordBits`), the others one by one. Each pattern is looked for only where a word
    passes its anchor's test: the anchor is a required token (it takes exactly one word in
    every match), the one whose test is likely to take fewest words (:func:`_commonness`)."""

    def __init__(self, vocab: Vocab, rows: list[dict]) -> None:
        self.vocab = vocab
        self.tests: list[WordTest] = []
        keys: dict[str, int] = {}
        self.patterns: list[_Pattern] = []
        for row in rows:
            steps, ranks = [], []
            for token in row["pattern"]:
                test, bit = _word_test(vocab, token), 0
                if test is not None:
                    key = json.dumps({k: v for k, v in token.items() if k != "OP"}, sort_keys=True)
                    if key not in keys:
                        keys[key] = 1 << len(self.tests)
                        self.tests.append(test)
                    bit = keys[key]
                for quantifier in _quantifiers(token):
                    if quantifier == ONE and bit:
                        ranks.append((_commonness(token), len(steps)))
                    steps.append((bit, quantifier))
            if not ranks:
                raise ValueError(f"a pattern has no required word test: {row['pattern']}")
            self.patterns.append(_Pattern(row["label"], steps, min(ranks)[1]))
        self.anchors = sum({p.anchor_bit for p in self.patterns})
        self.word_bits = _WordBits(self.tests)
        self.bits: list[int] = []  # by the lexicon's word number: the bits of the tests the word passes
        self.anchor_bits: list[int] = []  # the same, of the anchors' tests only
        self.is_anchor = numpy.zeros(0, dtype=bool)  # the same, as whether any anchor's test passes
        self.by_anchor: dict[int, list[tuple[int, _Pattern]]] = {}  # see :meth:`anchored`

    def learn(self) -> None:
        """Decide the tests for the words the lexicon numbered since the last call."""
        texts, known = LEXICON.texts, len(self.bits)
        if known == len(texts):
            return
        new = [self.word_bits(text) for text in texts[known:]]
        self.bits.extend(new)
        self.anchor_bits.extend(bits & self.anchors for bits in new)
        self.is_anchor = numpy.concatenate([self.is_anchor, numpy.array(self.anchor_bits[known:], dtype=bool)])

    def anchored(self, bits: int) -> list[tuple[int, _Pattern]]:
        """The patterns anchored on a test of ``bits``, with their numbers, in the file's order."""
        found = self.by_anchor.get(bits)
        if found is None:
            found = self.by_anchor[bits] = [(k, p) for k, p in enumerate(self.patterns) if p.anchor_bit & bits]
        return found


class _Matches:
    """The matches of one file's patterns in one Doc, found window by window.

    A window's matches start where a word passing an anchor's test within it can be
    reached from (:meth:`_Pattern.starts`), and are those of the patterns anchored there.
    The patterns run from a start are kept with what they found: a later window needing
    other patterns there runs them all again (the Matcher runs every pattern from every
    start, so the patterns run together find what each would, in the Matcher's order)."""

    def __init__(self, patterns: _Patterns, doc: Doc) -> None:
        self.patterns = patterns
        numbers, self.words = LEXICON.sequence_of(doc)  # each token's word number, as an array and a list
        patterns.learn()
        self.anchors: list[int] = numpy.flatnonzero(patterns.is_anchor[numbers]).tolist()  # tokens an anchor takes
        self.runs: dict[int, tuple[set[int], list[Row]]] = {}  # start -> (patterns run, their matches)

    def within(self, start: int, end: int) -> list[Row]:
        """Every match (overlapping ones too) lying within tokens ``[start, end)``, by start,
        in the order the Matcher finds those of one start."""
        patterns, bits, words, length = self.patterns.patterns, self.patterns.bits, self.words, len(self.words)
        out: list[Row] = []
        for first, numbers in sorted(self._wanted(start, end).items()):
            held = self.runs.get(first)
            if held is None or not numbers <= held[0]:
                numbers = numbers | held[0] if held else numbers
                held = self.runs[first] = (numbers, _run(patterns, sorted(numbers), first, length, bits, words))
            out.extend(row for row in held[1] if row[2] <= end)
        return out

    def _wanted(self, start: int, end: int) -> dict[int, set[int]]:
        """The starts from ``start`` on of matches whose anchor lies before ``end``, each with
        the patterns whose matches may start there."""
        patterns, bits, words, length = self.patterns, self.patterns.bits, self.words, len(self.words)
        anchor_bits, anchors = patterns.anchor_bits, self.anchors
        wanted: dict[int, set[int]] = {}
        for at in anchors[bisect_left(anchors, start):bisect_left(anchors, end)]:
            for k, pattern in patterns.anchored(anchor_bits[words[at]]):
                if pattern.offset is not None:  # one start, the skeleton checked here
                    first = at - pattern.offset
                    if first >= start and pattern.fits(first, bits, words, length):
                        wanted.setdefault(first, set()).add(k)
                    continue
                for first in pattern.starts(at, bits, words, length):
                    if first >= start:
                        wanted.setdefault(first, set()).add(k)
        return wanted


_PATTERNS: dict[tuple[int, str], _Patterns] = {}


def _patterns(doc: Doc, asset: str) -> _Patterns:
    key = (id(doc.vocab), asset)
    held = _PATTERNS.get(key)
    if held is None or held.vocab is not doc.vocab:
        held = _PATTERNS[key] = _Patterns(doc.vocab, load_jsonl("patterns", asset))
    return held


def _matches(doc: Doc, asset: str) -> _Matches:
    """The matches of ``asset`` in ``doc``, kept per Doc: a start is run once however often asked about."""
    cache = doc_cache(doc, "phrases")
    held = cache.get(asset)
    if held is None:
        held = cache[asset] = _Matches(_patterns(doc, asset), doc)
    return held


def longest(rows: Iterable[Row]) -> list[Row]:
    """spaCy's ``filter_spans`` on match rows: the longest first (the earlier of two as long,
    and of two on the same words the one found first: the sort is stable), each kept unless
    a word at its ends is taken; in text order."""
    kept: list[Row] = []
    taken: set[int] = set()
    for row in sorted(rows, key=lambda row: (row[1] - row[2], row[1])):
        _, start, end = row
        if start not in taken and end - 1 not in taken:
            kept.append(row)
            taken.update(range(start, end))
    return sorted(kept, key=lambda row: row[1])


def phrase_rows(doc: Doc, asset: str, start: int = 0, end: int | None = None) -> list[Row]:
    """The phrases of ``models/patterns/<asset>`` within tokens ``[start, end)`` of ``doc``
    (the whole Doc by default) as (label, start, end), the longest where they overlap, in
    text order: what spaCy's Matcher and ``filter_spans`` find on ``doc[start:end]``.

    The Matcher's matches on a span are the Doc's matches lying within it: a match is
    found from the words from its start to its end, and one closed by the word after the
    span (an optional last token failing or taking it) is closed the same way when the
    span ends there (spaCy's ``finish_states``)."""
    return longest(_matches(doc, asset).within(start, len(doc) if end is None else end))


def match_phrases(doc: Doc | Span, asset: str) -> list[Span]:
    """:func:`phrase_rows` of ``doc`` (or of a span, by its Doc's offsets) as labelled Spans."""
    whole = doc if isinstance(doc, Doc) else doc.doc
    start, end = (0, len(doc)) if isinstance(doc, Doc) else (doc.start, doc.end)
    return [Span(whole, s, e, label=label) for label, s, e in phrase_rows(whole, asset, start, end)]
