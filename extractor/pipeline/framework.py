"""``extractor.framework``: which oversight framework a document is about, and when.

Sets ``doc._.framework`` (``sof2016``, ``sof2021``, ``nof2022``, ``nof2025`` or "") from
the framework's own words (signals in ``models/patterns/frameworks.jsonl``) and, when
the words do not settle it, from the document's date. It runs first because segment
descriptors are read per framework ("special measures" is 4 in 2016, RSP is 5 in 2025).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .. import dates
from ..dates import ERAS, framework_on
from ..resources import load_jsonl
from .extensions import doc_text, doc_value, set_doc_value

__all__ = ["ERAS", "FrameworkDetector", "decide", "framework_on", "make_framework"]


class FrameworkDetector:
    """Weighs framework signals; the document date breaks ties and fills silence."""

    def __init__(self, nlp: Language, name: str, patterns_asset: str) -> None:
        self.name = name
        self.patterns_asset = patterns_asset
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for row in load_jsonl(*patterns_asset.split("/")):
            self.matcher.add(row["label"], [nlp.make_doc(row["pattern"])])

    def __call__(self, doc: Doc) -> Doc:
        votes: Counter[str] = Counter()
        for match_id, _start, _end in self.matcher(doc):
            votes[doc.vocab.strings[match_id]] += 1
        text = doc_text(doc)
        given = doc_value(doc, "published")
        published = given or dates.find_published(text)
        if published and not given:
            set_doc_value(doc, "published", published)
        date = dates.to_date(published)
        set_doc_value(doc, "framework", decide(votes, date))
        # a year dates the page only where it dates an oversight statement, not its money or reports
        period = dates.find_period(text[:4000], date, page=True)
        set_doc_value(doc, "period", period or (published[:7] if published else ""))
        return doc



def decide(votes: Counter[str], date: dt.date | None) -> str:
    """The framework with the strongest signal; a date-implied framework gets a head start."""
    if date is not None:
        era = framework_on(date)
        if era:
            votes[era] += 2
        # signals from frameworks that did not exist yet on that date are ignored
        for _start, name in ERAS:
            if name != era and _start > date:
                votes.pop(name, None)
    if not votes:
        return ""
    if votes.get("nof2025", 0) and votes["nof2025"] >= max(votes.values()) - 1:
        return "nof2025"
    return votes.most_common(1)[0][0]


@Language.factory(
    "extractor_framework",
    assigns=["doc._.framework", "doc._.period", "doc._.published"],
    default_config={"patterns_asset": "patterns/frameworks.jsonl"},
)
def make_framework(nlp: Language, name: str, patterns_asset: str) -> FrameworkDetector:
    return FrameworkDetector(nlp, name, patterns_asset)
