"""``extractor.populations``: the kinds of organisation a count is about.

"ICSs", "integrated care boards", "systems", "NHS providers", "acute hospital trusts",
"community or mental health trusts", "non-acute trusts", "ambulance services"... Each
span in ``doc.spans["populations"]`` is labelled with its ``org_type`` from the output
contract's vocabulary. Patterns: ``models/patterns/populations.jsonl``.
"""

from __future__ import annotations

from spacy.language import Language

from .ruler import AssetSpanRuler

SPANS_KEY = "populations"


@Language.factory(
    "extractor_populations",
    assigns=["doc.spans"],
    default_config={"spans_key": SPANS_KEY, "patterns_asset": "patterns/populations.jsonl", "overwrite": True},
)
def make_populations(nlp: Language, name: str, spans_key: str, patterns_asset: str, overwrite: bool) -> AssetSpanRuler:
    return AssetSpanRuler(nlp, name, spans_key=spans_key, patterns_asset=patterns_asset, overwrite=overwrite)
