"""A document's text as HTML with its claims, organisations and segments marked inline.

Spans may overlap (a membership inside a claim, a segment mention inside both), so the
text is cut at every span boundary and each piece is wrapped in one ``<mark>`` carrying
the classes of every span covering it. Every piece of text and every attribute is
escaped: documents come from the open web and may contain markup meant to run.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from itertools import pairwise

_SEGMENT_WORDS = re.compile(
    r"\b(?:segments?|tiers?)\s+(?:[1-5]|one|two|three|four|five)\b"
    r"|\b(?:maximum autonomy|targeted support|mandated support|special measures|"
    r"Recovery Support Programme|NOF\s?[45]|NOF (?:four|five))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str
    label: str
    anchor: str = ""


def segment_spans(text: str) -> list[Span]:
    """Mentions of a segment ("segment 3", "special measures") for display only."""
    return [Span(m.start(), m.end(), "segment", m.group(0)) for m in _SEGMENT_WORDS.finditer(text)]


def locate(text: str, start: object, end: object, words: str) -> tuple[int, int] | None:
    """Valid offsets for a span: the given ones if they fit the text, else where its words are."""
    try:
        lo, hi = int(start), int(end)
    except (TypeError, ValueError):
        lo = hi = -1
    if 0 <= lo < hi <= len(text) and (not words or text[lo:hi] == words or len(words) < 2):
        return lo, hi
    if words:
        found = text.find(words)
        if found >= 0:
            return found, found + len(words)
    return None


def highlight(text: str, spans: list[Span]) -> str:
    """``text`` as escaped HTML, with each span marked (overlaps nest as stacked classes)."""
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out = []
    for lo, hi in pairwise(cuts):
        piece = html.escape(text[lo:hi], quote=False)
        covering = [s for s in spans if s.start <= lo and hi <= s.end]
        if not covering:
            out.append(piece)
            continue
        kinds = sorted({s.kind for s in covering})
        title = " | ".join(dict.fromkeys(s.label for s in covering))
        anchors = [s.anchor for s in covering if s.anchor and s.start == lo]
        ident = f' id="{html.escape(anchors[0])}"' if anchors else ""
        classes = " ".join(f"hl-{k}" for k in kinds)
        out.append(f'<mark class="{classes}"{ident} title="{html.escape(title)}">{piece}</mark>')
    return "".join(out)
