"""Parse number expressions as journalists write them: "1,234", "one hundred and six",
"a dozen", "36%", "28 per cent", "11/19", "nine in 10", "23rd", "two-thirds".

This is the tokenizer-level half of number handling (the spaCy component in
``pipeline/quantities.py`` finds the spans; this module says what they are worth). The
vocabulary is data in ``models/numbers.json``. Every function returns ``None`` for text
it does not understand and never raises on arbitrary input.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from .resources import asset

# digits are ASCII digits: the regex module's Unicode tables are newer than those int() and
# float() read, so a digit of a recent script would match and then fail to convert
_DIGITS = regex.compile(r"^[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?$")
_PERCENT = regex.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*(?:%|per\s*cent|percent|pc)\s*$", regex.I)
_SLASH = regex.compile(r"^\s*([0-9]+)\s*/\s*([0-9]+)\s*$")
_ORDINAL_DIGITS = regex.compile(r"^([0-9]+)(?:st|nd|rd|th)$", regex.I)
_WORD_SPLIT = regex.compile(r"[\s\-‐‑–]+")
_EDGE_MARKS = regex.compile(r"^[\"'“”‘’(]+|[\"'“”‘’).,;:]+$")


@dataclass(frozen=True)
class Vocabulary:
    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    fixed: dict[str, int]
    ordinals: dict[str, int]
    fractions: dict[str, float]

    @property
    def number_words(self) -> frozenset[str]:
        return frozenset(self.units) | frozenset(self.tens) | frozenset(self.scales)


@cache
def vocabulary() -> Vocabulary:
    """The number vocabulary shipped in ``models/numbers.json``."""
    import json

    data = json.loads(asset("numbers.json").read_text(encoding="utf-8"))
    return Vocabulary(**data)


def _clean(text: str) -> str:
    text = text.strip().lower().replace("\u00a0", " ")
    return _EDGE_MARKS.sub("", text)


def parse_cardinal(text: str) -> int | float | None:
    """``"1,234"`` → 1234, ``"one hundred and six"`` → 106, ``"a dozen"`` → 12, ``"none"`` → 0."""
    if not isinstance(text, str):
        return None
    t = _clean(text)
    if not t:
        return None
    if _DIGITS.match(t):
        value = float(t.replace(",", ""))
        return int(value) if value.is_integer() else value
    voc = vocabulary()
    if t in voc.fixed:
        return voc.fixed[t]
    return _parse_words(t, voc)


def _parse_words(t: str, voc: Vocabulary) -> int | None:
    words = [w for w in _WORD_SPLIT.split(t) if w and w != "and"]
    if not words or len(words) > 12:
        return None
    total, current, seen = 0, 0, False
    for w in words:
        if w in ("a", "an") and not seen:
            current = 1
            continue
        if w in voc.units:
            current += voc.units[w]
        elif w in voc.tens:
            current += voc.tens[w]
        elif w in voc.scales:
            scale = voc.scales[w]
            if scale == 100:
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * scale
                current = 0
        elif _DIGITS.match(w):
            current += int(float(w.replace(",", "")))
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_percent(text: str) -> float | None:
    """``"36%"``, ``"28 per cent"``, ``"40pc"`` → the number; else ``None``."""
    if not isinstance(text, str):
        return None
    m = _PERCENT.match(text.replace("\u00a0", " "))
    if not m:
        words = regex.match(r"^\s*(.+?)\s*(?:per\s*cent|percent)\s*$", text, regex.I)
        value = parse_cardinal(words.group(1)) if words else None
        return value if isinstance(value, int) and value <= 100 else None
    value = float(m.group(1))
    return int(value) if value.is_integer() else value


def parse_ordinal(text: str) -> int | None:
    """``"23rd"`` → 23, ``"third"`` → 3, ``"twenty-third"`` → 23."""
    if not isinstance(text, str):
        return None
    t = _clean(text)
    m = _ORDINAL_DIGITS.match(t)
    if m:
        return int(m.group(1))
    voc = vocabulary()
    if t in voc.ordinals:
        return voc.ordinals[t]
    words = [w for w in _WORD_SPLIT.split(t) if w]
    if len(words) >= 2 and words[-1] in voc.ordinals:
        head = _parse_words(" ".join(words[:-1]), voc)
        if head is not None:
            return head + voc.ordinals[words[-1]]
    return None


def parse_ratio(text: str) -> tuple[int, int] | None:
    """``"11/19"`` → (11, 19); ``"nine in 10"``, ``"one in four"``, ``"four in every ten"``, ``"3 out of 5"``...

    Dates such as ``"21/10"`` are the caller's problem: this only reads the shape.
    """
    if not isinstance(text, str):
        return None
    t = _clean(text)
    m = _SLASH.match(t)
    if m:
        a, b = int(m.group(1)), int(m.group(2))
        return (a, b) if b and a <= b else None
    parts = regex.split(r"\s+(?:in(?:\s+every)?|out\s+of|of)\s+", t, maxsplit=1)
    if len(parts) != 2:
        return None
    a, b = parse_cardinal(parts[0]), parse_cardinal(parts[1])
    if isinstance(a, int) and isinstance(b, int) and b and a <= b:
        return a, b
    return None


def parse_fraction(text: str) -> float | None:
    """``"two-thirds"`` → 0.667, ``"a quarter"`` → 0.25, ``"half"`` → 0.5."""
    if not isinstance(text, str):
        return None
    words = [w for w in _WORD_SPLIT.split(_clean(text)) if w]
    if not words:
        return None
    voc = vocabulary()
    if words[-1] not in voc.fractions:
        return None
    head = words[:-1]
    if not head or head in (["a"], ["one"], ["an"]):
        mult = 1
    else:
        mult = _parse_words(" ".join(head), voc)
        if mult is None:
            return None
    return round(mult * voc.fractions[words[-1]], 4)
