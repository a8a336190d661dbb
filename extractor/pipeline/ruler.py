"""A SpanRuler whose patterns are shipped data in ``models/``.

The rule components of this package differ only in their pattern file and span key, so
they share this class: patterns load at ``initialize`` from the asset named in the
component config (or from disk with the pipeline), matching spaCy's own SpanRuler.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.language import Language
from spacy.pipeline.span_ruler import SpanRuler
from spacy.tokens import Span
from spacy.util import filter_spans

from ..resources import load_jsonl


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
        patterns = list(load_jsonl(*self.patterns_asset.split("/")))
        if self.extra_patterns is not None:
            patterns.extend(self.extra_patterns())
        # phrase patterns are tokenized with nlp.pipe: run no component on them
        with self.nlp.select_pipes(disable=self.nlp.pipe_names):
            self.add_patterns(patterns)

    def initialize(self, get_examples=None, *, nlp: Language | None = None, patterns=None) -> None:
        self.load_assets()
        if patterns:
            self.add_patterns(patterns)
