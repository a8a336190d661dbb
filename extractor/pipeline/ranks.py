"""``extractor.ranks``: league-table positions ("ranked joint 83rd out of 134",
"came top of the", "risen to 23rd from 44th"). Spans go to ``doc.spans["ranks"]``; the
league, subject and totals are read by :mod:`extractor.reading.rankings`. Patterns:
``models/patterns/ranks.jsonl``.
"""

from __future__ import annotations

from spacy.language import Language

from .ruler import AssetSpanRuler

SPANS_KEY = "ranks"


@Language.factory(
    "extractor_ranks",
    assigns=["doc.spans"],
    default_config={"spans_key": SPANS_KEY, "patterns_asset": "patterns/ranks.jsonl", "overwrite": True},
)
def make_ranks(nlp: Language, name: str, spans_key: str, patterns_asset: str, overwrite: bool) -> AssetSpanRuler:
    return AssetSpanRuler(nlp, name, spans_key=spans_key, patterns_asset=patterns_asset, overwrite=overwrite)
