"""``extractor.quantities``: numbers, percentages, ratios and verbal shares.

Spans go to ``doc.spans["quantities"]`` labelled CARD, PERCENT, RATIO or SHARE; what a
span is worth comes from ``span._.quantity`` (parsed by :mod:`extractor.numbers`). The
token patterns are ``models/patterns/quantities.jsonl``; the verbal shares are the phrases
of ``models/shares.jsonl``, which the reconciler also reads for their intervals.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Span

from .. import numbers
from ..resources import load_jsonl
from .extensions import doc_cache, span_text
from .ruler import AssetSpanRuler

SPANS_KEY = "quantities"


@dataclass(frozen=True)
class Quantity:
    """The value of a quantity span. ``value`` is a count, a percentage or a fraction."""

    kind: str
    value: float | None = None
    total: int | None = None
    text: str = ""

    @property
    def count(self) -> int | None:
        if self.kind in ("CARD", "RATIO") and self.value is not None and float(self.value).is_integer():
            return int(self.value)
        return None


def share_patterns() -> list[dict]:
    """Phrase patterns for every verbal share, with hyphen/space variants."""
    out = []
    for row in load_jsonl("shares.jsonl"):
        phrase = row["phrase"]
        variants = {phrase, phrase.replace("-", " "), phrase.replace(" ", "-")}
        out.extend({"label": "SHARE", "pattern": v, "id": phrase} for v in variants)
    return out


_PARSED: dict[tuple[int, int, str], Quantity | None] = {}  # (label, id, words) -> their value, for every Doc
_MOST_PARSED = 100_000  # forgotten all at once beyond this: a cache, not a record


def quantity_of(span: Span) -> Quantity | None:
    """Parse a quantity span by its label; ``None`` when its words are not a quantity.

    The value depends on the label, the id and the words alone, and pages repeat their
    figures ("3", "two", "45%"), so each such triple is parsed once per process; a span
    asked about again is found by its place in its Doc first."""
    cache = doc_cache(span.doc, SPANS_KEY)
    key = (span.start, span.end, span.label, span.id)
    if key not in cache:
        text = span_text(span)
        parsed = (span.label, span.id, text)
        if parsed not in _PARSED:
            if len(_PARSED) >= _MOST_PARSED:
                _PARSED.clear()
            _PARSED[parsed] = _parse(span.label_, text, span.id_)
        cache[key] = _PARSED[parsed]
    return cache[key]


def _parse(label: str, text: str, span_id: str) -> Quantity | None:
    """The value of the words ``text`` of a quantity span labelled ``label`` with id ``span_id``."""
    if label == "CARD":
        value = numbers.parse_cardinal(text)
        return Quantity("CARD", value, text=text) if value is not None else None
    if label == "PERCENT":
        value = numbers.parse_percent(text)
        return Quantity("PERCENT", value, text=text) if value is not None else None
    if label == "RATIO":
        pair = numbers.parse_ratio(text.replace("-", " "))
        if pair is None or pair[1] > 1000:
            return None
        return Quantity("RATIO", pair[0], total=pair[1], text=text)
    if label == "SHARE":
        return Quantity("SHARE", None, text=span_id or text.lower())
    return None


@Language.factory(
    "extractor_quantities",
    assigns=["doc.spans"],
    default_config={"spans_key": SPANS_KEY, "patterns_asset": "patterns/quantities.jsonl", "overwrite": True},
)
def make_quantities(nlp: Language, name: str, spans_key: str, patterns_asset: str, overwrite: bool) -> AssetSpanRuler:
    return AssetSpanRuler(nlp, name, spans_key=spans_key, patterns_asset=patterns_asset,
                          overwrite=overwrite, extra_patterns=share_patterns)
