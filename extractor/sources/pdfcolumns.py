"""Columns laid out with spaces in a PDF: the row as the plain text would hold it.

A table typed with spaces (no ruling lines), or set with tab stops, comes out of a text
layer as one run per line whose gaps are gone: ``Acute trusts 17 12 68``. The plain-text
reader finds fixed-width columns by where each cell starts, so a row is rebuilt from its
characters' positions: each word is put at the character column its left edge falls on,
measured in the line's own character pitch from the page's left margin. Rows that share
x positions then share columns, whatever the font.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

Char = tuple[str, float, float]  # the character, its pen position (left) and right edge, in points

WIDE = 1.3
"""A line whose width per character is this many times the page's usual is looked at
character by character (a prose line is close to 1, a collapsed table row far above)."""
_GAP = 1.8  # pitches: a space wider than this between words separates two cells
_SPACE = 0.5  # pitches: a gap wider than this between characters is a space


def pitch(chars: Sequence[Char]) -> float:
    """The line's typical advance from one character to the next within a word (characters
    that touch: a row of one-figure cells has more steps across gaps than within words)."""
    steps = sorted(b[1] - a[1] for a, b in pairwise(chars)
                   if not a[0].isspace() and not b[0].isspace() and b[1] > a[1]
                   and b[1] - a[2] <= 0.5 * (a[2] - a[1]))
    return steps[len(steps) // 2] if steps else 0.0


def _words(chars: Sequence[Char], step: float) -> list[tuple[str, float, float]]:
    """Words with their left and right edges: a space character or a gap parts two words."""
    words: list[tuple[str, float, float]] = []
    parted = True
    for char, left, right in chars:
        if char.isspace():
            parted = True
            continue
        if words and not parted and left - words[-1][2] <= _SPACE * step:
            text, start, _ = words[-1]
            words[-1] = (text + char, start, right)
        else:
            words.append((char, left, right))
        parted = False
    return words


def _justified(words: Sequence[tuple[str, float, float]], gaps: Sequence[float]) -> bool:
    """A line of prose set justified: its spaces stretched alike, however wide (a long word
    pushed to the next line can make them wider than a column gap)."""
    if len(gaps) < 4 or sum(w[0].isalpha() for w in words) * 3 < len(words) * 2:
        return False
    mean = sum(gaps) / len(gaps)
    return all(abs(gap - mean) <= 0.2 * mean for gap in gaps)


def columns_text(chars: Sequence[Char], margin: float, unit: float = 0.0) -> str | None:
    """The line with its cells at their character columns, or None when it has no gap wide
    enough to part two cells (justified prose, a line of ordinary words).

    ``unit`` is the width of one column; rows of one table should share it, so that cells
    at one x position land in one column even in a proportional font. By default it is
    the line's own pitch.
    """
    chars = sorted(chars, key=lambda c: c[1])
    step = pitch(chars)
    if step <= 0:
        return None
    unit = unit or step
    words = _words(chars, step)
    gaps = [b[1] - a[2] for a, b in pairwise(words)]
    if not any(gap > _GAP * step for gap in gaps) or _justified(words, gaps):
        return None
    out = ""
    for i, (text, left, _) in enumerate(words):
        if i and left - words[i - 1][2] <= _GAP * step:
            out += " " + text
            continue
        gap = max(round((left - margin) / unit), 0) - len(out)
        out += " " * (gap if gap >= 2 or not out else 2) + text
    return out.rstrip()
