"""``extractor_scopes``: places and systems a count can be limited to ("the south east",
"Birmingham", "Lancashire and South Cumbria"). Spans go to ``doc.spans["scopes"]``; the
claim builder decides whether a count is scoped by one. Patterns:
``models/patterns/scopes.jsonl``.
"""

from __future__ import annotations

from spacy.language import Language

from .ruler import AssetSpanRuler

SPANS_KEY = "scopes"


@Language.factory(
    "extractor_scopes",
    assigns=["doc.spans"],
    default_config={"spans_key": SPANS_KEY, "patterns_asset": "patterns/scopes.jsonl", "overwrite": True},
)
def make_scopes(nlp: Language, name: str, spans_key: str, patterns_asset: str, overwrite: bool) -> AssetSpanRuler:
    return AssetSpanRuler(nlp, name, spans_key=spans_key, patterns_asset=patterns_asset, overwrite=overwrite)
