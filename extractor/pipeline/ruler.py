"""A SpanRuler whose patterns are shipped data in ``models/``.

The rule components of this package differ only in their pattern file and span key, so
they share this class: patterns load at ``initialize`` from the asset named in the
component config (or from disk with the pipeline), matching spaCy's own SpanRuler.

The rulers match their token and phrase patterns with one automaton each
(:mod:`.automaton`), which finds exactly what spaCy's Matcher and PhraseMatcher find
without making a Token; the automata of one pipeline's rulers are walked over a Doc as
one (:class:`_Joint`). spaCy's matchers are still filled (SpanRuler keeps its patterns
there) and match only for a ruler holding a pattern the automaton cannot take.

The leading tests of the token patterns are held as lexeme flags (:func:`with_flags`), as
when spaCy's Matcher ran them: :mod:`extractor.reading.phrases` gives its own patterns the
flags left over.
"""

from __future__ import annotations

import json
import re
import weakref
from collections.abc import Callable, Iterable
from itertools import product
from math import prod
from typing import TypeVar

from spacy.language import Language
from spacy.pipeline.span_ruler import SpanRuler
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from ..resources import load_jsonl
from .automaton import Automaton, Unsupported, joined
from .extensions import doc_cache, keep_spans
from .lexicon import LEXICON

FIRST_FREE_FLAG = 19  # spaCy's own lexeme flags use the bits below; FLAG19 to FLAG63 are free
_WORD_ATTRS = ("LOWER", "ORTH", "TEXT")
_OPTIONAL = ("?", "*")


def _flag_test(attr: str, op: str, value: object) -> Callable[[str], bool] | None:
    """A test on a word's text equal to spaCy's ``{attr: {op: value}}``, or None."""
    fold = str.lower if attr == "LOWER" else str
    if op == "IN" and isinstance(value, list) and all(isinstance(v, str) for v in value):
        members = frozenset(value)
        return lambda text: fold(text) in members
    if op == "REGEX" and isinstance(value, str):
        pattern = re.compile(value)
        return lambda text: pattern.search(fold(text)) is not None
    return None


def _flag_for(vocab: Vocab, attr: str, predicate: dict) -> str | None:
    """The ``FLAGnn`` attribute standing for ``{attr: predicate}``, set on every word; None if it cannot be."""
    if len(predicate) != 1:
        return None
    (op, value), = predicate.items()
    key = json.dumps([attr, op, value], sort_keys=True)
    for flag, getter in vocab.lex_attr_getters.items():
        if getattr(getter, "predicate", None) == key:
            return f"FLAG{flag}"
    test = _flag_test(attr, op, value)
    free = [f for f in range(FIRST_FREE_FLAG, 64) if f not in vocab.lex_attr_getters]
    if test is None or not free:
        return None
    test.predicate = key  # type: ignore[attr-defined]
    vocab.add_flag(test, flag_id=free[0])
    return f"FLAG{free[0]}"


def with_flags(vocab: Vocab, pattern: list[dict]) -> list[dict]:
    """``pattern`` with the word tests of its leading tokens (up to the first required one) as flags."""
    out = []
    leading = True
    for token in pattern:
        if leading:
            token = dict(token)
            for attr in _WORD_ATTRS:
                if isinstance(token.get(attr), dict) and (flag := _flag_for(vocab, attr, token[attr])):
                    del token[attr]
                    token[flag] = True
            leading = token.get("OP") in _OPTIONAL
        out.append(token)
    return out


def longest_spans(existing: Iterable[Span], matches: Iterable[Span]) -> list[Span]:
    """Keep the longest non-overlapping new matches (earliest wins a tie)."""
    return filter_spans(list(matches))


_Row = TypeVar("_Row", bound=tuple)


def longest_pairs(pairs: Iterable[_Row]) -> list[_Row]:
    """spaCy's ``filter_spans`` on (start, end, ...) tuples: the longest first (the earlier of
    two as long; of two on the same words, the one given first), none overlapping one kept,
    in text order; for matches not yet made Spans."""
    out: list[_Row] = []
    taken: set[int] = set()
    for row in sorted(pairs, key=lambda row: (row[1] - row[0], -row[0]), reverse=True):
        start, end = row[0], row[1]
        if start not in taken and end - 1 not in taken:
            out.append(row)
            taken.update(range(start, end))
    return sorted(out)  # kept tuples overlap none, so no two start alike: in order of their start


_MAX_PHRASES = 200


def _word_choices(token: dict) -> list[str] | None:
    """The words a token test accepts ('' when it may be left out), or None if it tests more than words."""
    op = token.get("OP")
    if set(token) - {"OP"} != {"LOWER"} or op not in (None, "?"):
        return None
    value = token["LOWER"]
    if isinstance(value, str):
        words = [value]
    elif isinstance(value, dict) and set(value) == {"IN"}:
        words = list(value["IN"])
    else:
        return None
    return [*words, ""] if op == "?" else words


def as_phrases(row: dict, tokenize: Callable[[str], Doc] | None = None) -> list[dict] | None:
    """A token pattern of fixed words ('have already spent', 'integrated care boards') as
    the phrase patterns it matches: the phrase matcher finds them all with a hash lookup,
    where the token Matcher tries every token pattern at every word it is run on. None
    when the pattern tests more than words, or has too many wordings; with ``tokenize``,
    also when a wording is not the same words once tokenized ("ics's" is two tokens as a
    phrase, and no single token as a word test)."""
    pattern = row["pattern"]
    if isinstance(pattern, str):
        return None
    choices = [_word_choices(t) for t in pattern]
    if any(c is None for c in choices) or prod(len(c) for c in choices) > _MAX_PHRASES:  # type: ignore[arg-type]
        return None
    wordings = {" ".join(w for w in combo if w): [w for w in combo if w] for combo in product(*choices)}
    wordings.pop("", None)
    if tokenize is not None and any([t.lower_ for t in tokenize(phrase)] != words
                                    for phrase, words in wordings.items()):
        return None
    return [{**row, "pattern": phrase} for phrase in sorted(wordings)]


def _spans(doc: Doc, rows: Iterable[tuple[int, int, int, int]]) -> list[Span]:
    """The Spans of (start, end, label, id) rows."""
    return [Span(doc, start, end, label=label, span_id=span_id) for start, end, label, span_id in rows]


class _Joint:
    """The automata of one pipeline's rulers, matched as one over each Doc (:func:`.automaton.joined`).

    The rulers run one after another on the same words, and many of their patterns open
    with the same words: walked one ruler at a time, a Doc's starts were walked six times.
    The first ruler to meet a Doc matches every ruler's patterns at once and keeps each
    one's matches beside the Doc; the others take theirs. Members are held weakly (a ruler
    made and dropped, as tests do, leaves), and the joined automaton is made afresh when a
    member gains patterns or the members change."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._members: list[weakref.ref[Automaton]] = []
        # each member it was made of (held weakly: a dropped ruler whose id a new one reuses is
        # not mistaken for it) with its number of patterns then
        self._made: tuple[tuple[weakref.ref[Automaton], int], ...] = ()
        self._whole: Automaton | None = None
        self._parts: dict[int, int] = {}  # id of a member -> its part in the joined matches

    def join(self, member: Automaton) -> None:
        self._members.append(weakref.ref(member))

    def leave(self, member: Automaton) -> None:
        self._members = [ref for ref in self._members if ref() is not member]

    def _current(self) -> Automaton:
        """The joined automaton of the members as they are now."""
        members = [m for m in (ref() for ref in self._members) if m is not None]
        fresh = len(members) == len(self._made) and all(
            ref() is m and count == len(m.patterns) for m, (ref, count) in zip(members, self._made, strict=True))
        if self._whole is None or not fresh:
            self._members = [weakref.ref(m) for m in members]
            self._whole = joined(members, self.vocab, LEXICON)
            self._parts = {id(m): k for k, m in enumerate(members)}
            self._made = tuple((weakref.ref(m), len(m.patterns)) for m in members)
        return self._whole

    def matches(self, doc: Doc, member: Automaton) -> list[tuple]:
        """``member.matches`` on the Doc's words, found with every other member's."""
        whole = self._current()
        cache = doc_cache(doc, "ruler.joint")
        found = cache.get(self)
        if found is None or found[0] is not whole:
            found = cache[self] = (whole, whole.matches_parted(*LEXICON.sequence_of(doc), len(self._parts)))
        return found[1][self._parts[id(member)]]


_JOINTS: weakref.WeakKeyDictionary[Language, _Joint] = weakref.WeakKeyDictionary()


def _joint_of(nlp: Language) -> _Joint:
    """The joint of the rulers made for ``nlp``."""
    joint = _JOINTS.get(nlp)
    if joint is None:
        joint = _JOINTS[nlp] = _Joint(nlp.vocab)
    return joint


class AssetSpanRuler(SpanRuler):
    """SpanRuler reading its patterns from a JSONL asset under ``models/``."""

    def __init__(self, nlp: Language, name: str, *, spans_key: str, patterns_asset: str,
                 phrase_matcher_attr: str | None = "LOWER", overwrite: bool = True,
                 extra_patterns: Callable[[], list[dict]] | None = None) -> None:
        super().__init__(nlp, name, spans_key=spans_key, spans_filter=longest_spans,
                         phrase_matcher_attr=phrase_matcher_attr, overwrite=overwrite,
                         validate=False)
        self.patterns_asset = patterns_asset
        self.extra_patterns = extra_patterns
        self.load_assets()

    def add_patterns(self, patterns: list[dict]) -> None:
        super().add_patterns(patterns)
        self._key_ids: dict[int, tuple[int, int]] | None = None
        if self.automaton is None:
            return
        strings = self.nlp.vocab.strings
        try:
            for entry in patterns:
                pattern = entry["pattern"]
                tokens = self._phrase_tokens(pattern) if isinstance(pattern, str) else pattern
                self.automaton.add(tokens, (strings.add(entry["label"]), strings.add(entry.get("id", ""))))
        except Unsupported:
            _joint_of(self.nlp).leave(self.automaton)
            self.automaton = None  # spaCy's matchers, which hold every pattern too, match them all

    def _phrase_tokens(self, phrase: str) -> list[dict]:
        """A phrase pattern as the token pattern the phrase matcher matches: its words (as
        SpanRuler tokenizes it) compared on the phrase matcher's attribute."""
        attr = self.phrase_matcher_attr
        if attr not in (None, "ORTH", "TEXT", "LOWER"):
            raise Unsupported(f"phrases matched on {attr}")
        words = self.nlp.make_doc(phrase)
        return [{"LOWER": t.lower_} if attr == "LOWER" else {"ORTH": t.text} for t in words]

    def clear(self) -> None:
        """Drop every pattern (SpanRuler's ``__init__`` calls this too, so ``automaton`` always exists)."""
        super().clear()
        joint = _joint_of(self.nlp)
        if getattr(self, "automaton", None) is not None:
            joint.leave(self.automaton)
        self.automaton: Automaton | None = Automaton(self.nlp.vocab, LEXICON)  # None: spaCy's matchers match
        joint.join(self.automaton)
        self._key_ids = None

    def __call__(self, doc: Doc) -> Doc:
        self.annotate(doc)
        return doc

    def annotate(self, doc: Doc) -> list[Span]:
        """Set the spans as SpanRuler's ``set_annotations`` does (our rulers always have a
        filter and set no entities), and return the new ones. The longest matches, when the
        filter keeps those, are chosen among (start, end, label, id) rows
        (:func:`longest_pairs` is ``filter_spans`` on them), so no Span is made of a match
        dropped."""
        rows = self._rows(doc)
        spans = doc.spans[self.key] if self.key in doc.spans and not self.overwrite else []
        if self.spans_filter is longest_spans:
            new = _spans(doc, longest_pairs(rows))
        else:
            new = self.spans_filter(spans, _spans(doc, rows))
        spans.extend(new)
        doc.spans[self.key] = spans
        keep_spans(doc, self.key, spans)
        return new

    def match(self, doc: Doc) -> list[Span]:
        """SpanRuler's matches, found by the automaton."""
        return _spans(doc, self._rows(doc))

    def _rows(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """The matches as sorted (start, end, label, id) rows, once each (see :meth:`_keys`):
        those of :attr:`automaton`, which matches what the Matcher and the phrase matcher do,
        found with the other rulers' (:class:`_Joint`)."""
        self._require_patterns()
        if self.automaton is None:
            return self._matcher_rows(doc)
        return sorted(set(_joint_of(self.nlp).matches(doc, self.automaton)))

    def _matcher_rows(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """The rows of spaCy's own matchers, for patterns the automaton cannot take."""
        matches = [*self.phrase_matcher(doc), *self.matcher(doc)]
        keys = self._keys()
        return sorted({(start, end, *keys[key]) for key, start, end in matches if start != end})

    def _keys(self) -> dict[int, tuple[int, int]]:
        """Match key -> (label, id) as the string ids a Span holds. SpanRuler makes a Span of
        every match, then sorts and deduplicates the Spans, which compare by (start_char,
        end_char, label, kb_id, id): these tuples of tokens (which are never empty, so
        token offsets order as character offsets do) and ids sort and deduplicate alike,
        and only the Spans kept are made."""
        if self._key_ids is None:
            strings = self.nlp.vocab.strings
            self._key_ids = {key: (strings.add(value["label"]), strings.add(value["id"]))
                             for key, value in self._match_label_id_map.items()}
        return self._key_ids

    def load_assets(self) -> None:
        """(Re)load patterns from the shipped asset: idempotent, so a second call adds nothing."""
        self.clear()
        self._claim_flags()
        patterns = self.asset_patterns()
        if self.extra_patterns is not None:
            patterns.extend(self.extra_patterns())
        patterns = [p if isinstance(p["pattern"], str) else {**p, "pattern": with_flags(self.nlp.vocab, p["pattern"])}
                    for p in patterns]
        # phrase patterns are tokenized with nlp.pipe: run no component on them
        with self.nlp.select_pipes(disable=self.nlp.pipe_names):
            self.add_patterns(patterns)

    def _claim_flags(self) -> None:
        """Give out the lexeme flags the patterns of the asset, as stated, would take.

        Flags are few and given out in turn, and :mod:`extractor.reading.phrases` makes
        flags of its own patterns with :func:`with_flags` once the components have taken
        theirs: so that it gets the flags it always did (none, today: its Matcher validates
        its patterns and refuses a flag), restating patterns as phrases frees none."""
        for row in load_jsonl(*self.patterns_asset.split("/")):
            if not isinstance(row["pattern"], str):
                with_flags(self.nlp.vocab, row["pattern"])

    def asset_patterns(self) -> list[dict]:
        """The patterns of the asset, those of fixed words as phrases (:func:`as_phrases`)."""
        out = []
        for row in load_jsonl(*self.patterns_asset.split("/")):
            out.extend(as_phrases(row, self.nlp.make_doc) or [row])
        return out

    def initialize(self, get_examples=None, *, nlp: Language | None = None, patterns=None) -> None:
        self.load_assets()
        if patterns:
            self.add_patterns(patterns)
