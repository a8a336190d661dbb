"""A SpanRuler whose patterns are shipped data in ``models/``.

The rule components of this package differ only in their pattern file and span key, so
they share this class: patterns load at ``initialize`` from the asset named in the
component config (or from disk with the pipeline), matching spaCy's own SpanRuler.

spaCy's Matcher tries every pattern at every token, and a token test written as a set
(``{"LOWER": {"IN": [...]}}``) or a regular expression is a Python call each time, which
made matching half the cost of a document. Those tests depend only on a word's text, so
where they open a pattern (the part tried at every token) they are compiled into lexeme
flags, which spaCy checks in C; the patterns in ``models/`` stay as written.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable

from spacy.language import Language
from spacy.pipeline.span_ruler import SpanRuler
from spacy.tokens import Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from ..resources import load_jsonl

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

    def load_assets(self) -> None:
        """(Re)load patterns from the shipped asset: idempotent, so a second call adds nothing."""
        self.clear()
        patterns = self.asset_patterns()
        if self.extra_patterns is not None:
            patterns.extend(self.extra_patterns())
        patterns = [p if isinstance(p["pattern"], str) else {**p, "pattern": with_flags(self.nlp.vocab, p["pattern"])}
                    for p in patterns]
        # phrase patterns are tokenized with nlp.pipe: run no component on them
        with self.nlp.select_pipes(disable=self.nlp.pipe_names):
            self.add_patterns(patterns)

    def asset_patterns(self) -> list[dict]:
        """The patterns as the asset states them; a subclass may restate them for speed."""
        return list(load_jsonl(*self.patterns_asset.split("/")))

    def initialize(self, get_examples=None, *, nlp: Language | None = None, patterns=None) -> None:
        self.load_assets()
        if patterns:
            self.add_patterns(patterns)
