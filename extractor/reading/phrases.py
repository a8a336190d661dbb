"""Token patterns the reading step matches itself, kept as data in ``models/patterns/``.

Some phrases matter only to one reading module (time expressions, signs that a count is
not what it seems) and nothing upstream needs them as spans; the module matches them on
the finished ``Doc`` with a Matcher built once per vocabulary and pattern file.
"""

from __future__ import annotations

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..resources import load_jsonl

_MATCHERS: dict[tuple[int, str], tuple[object, Matcher]] = {}


def _matcher(doc: Doc, asset: str) -> Matcher:
    key = (id(doc.vocab), asset)
    held = _MATCHERS.get(key)
    if held is None or held[0] is not doc.vocab:
        matcher = Matcher(doc.vocab)
        for row in load_jsonl("patterns", asset):
            matcher.add(row["label"], [row["pattern"]])
        held = _MATCHERS[key] = (doc.vocab, matcher)
    return held[1]


def match_phrases(doc: Doc | Span, asset: str) -> list[Span]:
    """The phrases of ``models/patterns/<asset>`` in ``doc`` (or a span of it), labelled as in
    the file, longest first where they overlap, in text order."""
    target = doc.doc if isinstance(doc, Span) else doc
    found = _matcher(target, asset)(doc)
    offset = doc.start if isinstance(doc, Span) else 0
    spans = [Span(target, offset + start, offset + end, label=label) for label, start, end in found]
    return sorted(filter_spans(spans), key=lambda s: s.start)
