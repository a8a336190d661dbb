"""``extractor.ranks``: league-table positions. Spans go to ``doc.spans["ranks"]`` with
one of four labels, so the readers know how much a span stands on by itself:

- ``RANK``: a position stated outright ("ranked joint 83rd out of 134", "came top of the",
  "risen to 23rd from 44th", "at number 93", "placed at 119", "ranked 87/134");
- ``RANK_AT``: a bare "at 123", a position only beside a name in a list of positions;
- ``RANK_SUPER``: superlatives and the ends of the table ("the lowest-ranked", "the sixth
  best", "at the top", "at the other end");
- ``RANK_METRIC``: the measure of some other list ("for elective waits"), which makes a
  position before it no league position.

The league, subject and totals are read by :mod:`extractor.reading.rankings`. Patterns:
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
