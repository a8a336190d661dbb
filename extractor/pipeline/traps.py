"""``extractor.traps``: words that look like oversight figures but are not.

Real writing about oversight is full of numbers and segment-like words that count or
name something else: durations ("a 12-month window", "spent two years in special
measures"), histories ("30 trusts have entered special measures since 2013"),
financial special measures (a separate regime), ambulance response "categories", a
league position ("placed it 106 on the league table"), a rank on one metric ("97th of
129 trusts on the share of ..."), the number heading a numbered paragraph. The
phrases are data, ``models/patterns/traps.jsonl``; each span in ``doc.spans["traps"]``
carries a label saying what it rules out:

* ``NOT_SEGMENT``: a segment span it overlaps is removed from ``doc.spans["segments"]``
  here, so no record builder reads it as a segment;
* ``OTHER_TIERS``: the document writes about another tiering ("elective recovery tiering",
  "a tiered approach" to urgent care), so none of its "tier 1" / "first tier" is a segment;
* ``NOT_COUNT``: a quantity it overlaps counts no organisations (claim building skips it);
* ``HISTORY``: among a count's own words, the count is of a history (time spent, trusts
  that have been through a regime, trusts that came out), not of a segment's members;
* ``HEDGE``: before or among a count's own words, a forecast ("likely", "expected", "could");
* ``SINCE`` with ``ENTRY``: "since 2013 ... have been placed" counts entrants over a period;
* ``METRIC``: "for the percentage of ...": a rank on one measure, not in the league.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from .extensions import doc_cache, token_strings
from .ruler import AssetSpanRuler

SPANS_KEY = "traps"
SEGMENTS_KEY = "segments"


def every_match(existing: Iterable[Span], matches: Iterable[Span]) -> list[Span]:
    """All matches, once each: traps of different kinds may overlap and each one counts."""
    return sorted(set(matches), key=lambda s: (s.start, s.end, s.label_))


def restate(row: dict) -> list[dict]:
    """One pattern as the matcher runs it fastest, matching the same words: a token pattern
    opening with a set of words becomes one pattern per word. The leading-word flags of
    :mod:`.ruler` are all taken by the components before this one, and an unflagged set
    test would run in Python at every token. (Patterns of fixed words are already phrases:
    :meth:`AssetSpanRuler.asset_patterns`.)
    """
    pattern = row["pattern"]
    if isinstance(pattern, str):
        return [row]
    first = pattern[0]
    if set(first) == {"LOWER"} and isinstance(first["LOWER"], dict) and set(first["LOWER"]) == {"IN"}:
        return [{**row, "pattern": [{"LOWER": word}, *pattern[1:]]} for word in first["LOWER"]["IN"]]
    return [row]


class TrapRuler(AssetSpanRuler):
    """Marks trap phrases, then drops the segment spans a ``NOT_SEGMENT`` trap covers."""

    def asset_patterns(self) -> list[dict]:
        return [out for row in super().asset_patterns() for out in restate(row)]

    def __call__(self, doc: Doc) -> Doc:
        traps = self.annotate(doc)
        blocked = [(s.start, s.end) for s in traps if s.label_ == "NOT_SEGMENT"]
        other_tiers = any(s.label_ == "OTHER_TIERS" for s in traps)
        if (blocked or other_tiers) and SEGMENTS_KEY in doc.spans:
            words = token_strings(doc) if other_tiers else []
            doc.spans[SEGMENTS_KEY] = [
                s for s in doc.spans[SEGMENTS_KEY]
                if not any(s.start < end and start < s.end for start, end in blocked)
                and not (other_tiers and any(w.startswith("tier") for w in words[s.start:s.end]))]
        return doc


def traps_in(doc: Doc, label: str, start: int, end: int) -> list[Span]:
    """The ``label`` traps overlapping tokens ``[start, end)``, for the record builders once
    the pipeline has run: a Doc's traps of each label are listed once (a span group makes
    a new Span for every member each time it is read, and claims ask for every count)."""
    by_label = doc_cache(doc, "traps")
    spans = by_label.get(label)
    if spans is None:
        spans = by_label[label] = [s for s in doc.spans.get(SPANS_KEY, []) if s.label_ == label]
    return [s for s in spans if s.start < end and start < s.end]


@Language.factory(
    "extractor_traps",
    assigns=["doc.spans"],
    default_config={"spans_key": SPANS_KEY, "patterns_asset": "patterns/traps.jsonl", "overwrite": True},
)
def make_traps(nlp: Language, name: str, spans_key: str, patterns_asset: str, overwrite: bool) -> TrapRuler:
    ruler = TrapRuler(nlp, name, spans_key=spans_key, patterns_asset=patterns_asset, overwrite=overwrite)
    ruler.spans_filter = every_match
    return ruler
