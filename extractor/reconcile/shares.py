"""What fraction of a population a stated share allows.

A verbal share ("more than half", "just over a third") allows the interval listed for it
in ``models/shares.jsonl``; a modifier the table does not list with that share ("more than
two in five", "almost one in four") is applied to the share's own interval (see
``MODIFIERS``), and a share is read with the modifier written just before it. A
percentage allows whatever rounds to it at the precision it was written with ("36%" is
35.5%–36.5%, "36.4%" is 36.35%–36.45%), unless a qualifier is written with it: "over 20%"
and "some 30%" allow what "over" and "some" allow of a share. Fractions are exact
(``Fraction``) so a boundary such as 23/42 against "more than half" is never decided by
floating-point noise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from functools import cache

from ..resources import load_jsonl


@dataclass(frozen=True)
class Interval:
    """A closed, open or half-open interval of population fractions."""

    low: Fraction
    high: Fraction
    low_open: bool = False
    high_open: bool = False

    def contains(self, value: Fraction) -> bool:
        above = value > self.low if self.low_open else value >= self.low
        below = value < self.high if self.high_open else value <= self.high
        return above and below

    def overlaps(self, other: Interval) -> bool:
        """Whether some fraction lies in both intervals."""
        if self.high < other.low or other.high < self.low:
            return False
        if self.high == other.low:
            return not (self.high_open or other.low_open)
        if other.high == self.low:
            return not (other.high_open or self.low_open)
        return True

    def describe(self) -> str:
        left = "more than" if self.low_open else "at least"
        right = "less than" if self.high_open else "at most"
        if self.low == self.high:
            return f"exactly {_pct(self.low)}"
        if self.low == 0 and not self.low_open:
            return f"{right} {_pct(self.high)}"
        if self.high == 1 and not self.high_open:
            return f"{left} {_pct(self.low)}"
        return f"{left} {_pct(self.low)} and {right} {_pct(self.high)}"

    def count_range(self, population: int) -> tuple[int, int] | None:
        """The whole counts out of ``population`` inside the interval (``None`` if none)."""
        counts = [n for n in range(population + 1) if self.contains(Fraction(n, population))]
        return (counts[0], counts[-1]) if counts else None


def _pct(value: Fraction) -> str:
    return f"{float(value) * 100:.2f}".rstrip("0").rstrip(".") + "%"


def normalise_phrase(phrase: str) -> str:
    """Lower case, dashes and runs of space as one space; 'eight out of ten' as 'eight in ten'."""
    text = phrase.lower().replace("\u2013", "-").replace("\u2014", "-")
    text = re.sub(r"[-\s]+", " ", text)
    text = re.sub(r"\bout of\b", "in", text)
    return text.strip(" .,;:()")


@cache
def share_table() -> dict[str, Interval]:
    """The verbal-share intervals shipped in ``models/shares.jsonl``, by normalised phrase."""
    table = {}
    for entry in load_jsonl("shares.jsonl"):
        table[normalise_phrase(entry["phrase"])] = Interval(
            Fraction(str(entry["low"])), Fraction(str(entry["high"])),
            bool(entry.get("low_open")), bool(entry.get("high_open")),
        )
    return table


# What a modifier does to the value v of the share it qualifies: strictly above or below it,
# just above or below it (within NEAR), at least or at most it, or about it (the share's
# own interval widened by NEAR / 2). Generous on purpose: a check fails only on evidence.
MODIFIERS = {
    "above": ("more than", "over", "above", "upwards of", "in excess of", "well over", "well above",
              "comfortably more than", "comfortably over"),
    "just_above": ("just over", "just above", "just more than", "a little over", "a little more than",
                   "slightly over", "slightly more than", "marginally more than", "a shade over"),
    "just_below": ("nearly", "almost", "close to", "just under", "just below", "just short of",
                   "approaching", "not quite", "a little under", "a little less than", "slightly under",
                   "slightly less than", "getting on for", "nearing"),
    "below": ("less than", "under", "fewer than", "below", "well under", "well below"),
    "at_least": ("at least", "no fewer than", "no less than", "not less than", "a minimum of"),
    "at_most": ("at most", "no more than", "not more than", "up to", "a maximum of"),
    "about": ("about", "around", "roughly", "approximately", "some", "an estimated", "circa",
              "broadly", "more or less", "in the region of"),
}
NEAR = Fraction(1, 10)
_BY_LENGTH = sorted(((normalise_phrase(w), kind) for kind, words in MODIFIERS.items() for w in words),
                    key=lambda item: -len(item[0]))


def _modified(kind: str, base: Interval) -> Interval:
    value = (base.low + base.high) / 2
    if kind == "above":
        return Interval(value, Fraction(1), low_open=True)
    if kind == "just_above":
        return Interval(value, min(value + NEAR, Fraction(1)), low_open=True)
    if kind == "just_below":
        return Interval(max(value - NEAR, Fraction(0)), value, high_open=True)
    if kind == "below":
        return Interval(Fraction(0), value, high_open=True)
    if kind == "at_least":
        return Interval(value, Fraction(1))
    if kind == "at_most":
        return Interval(Fraction(0), value)
    return Interval(max(base.low - NEAR / 2, Fraction(0)), min(base.high + NEAR / 2, Fraction(1)))


def share_interval(phrase: str) -> Interval | None:
    """The interval a verbal share allows, or ``None`` when the phrase has no entry."""
    key = normalise_phrase(phrase)
    table = share_table()
    if key in table:
        return table[key]
    for prefix in ("just ", "some ", "only "):
        if key.startswith(prefix) and key[len(prefix):] in table:
            return table[key[len(prefix):]]
    for words, kind in _BY_LENGTH:
        rest = key[len(words) + 1:]
        if key.startswith(words + " ") and rest in table:
            return _modified(kind, table[rest])
    return None


def share_as_written(share: str, text: str) -> str:
    """The share with the modifier written just before it in ``text`` ("more than" + "two in
    five"), since the modifier decides what the share allows; ``share`` itself otherwise."""
    if not share:
        return share
    key = normalise_phrase(share)
    if any(key.startswith(words + " ") for words, _ in _BY_LENGTH):
        return share
    words = normalise_phrase(text).split(" ")
    target = key.split(" ")
    for i in range(len(words) - len(target) + 1):
        if words[i:i + len(target)] != target:
            continue
        before = " ".join(words[max(0, i - 4):i])
        for modifier, _ in _BY_LENGTH:
            if before == modifier or before.endswith(" " + modifier):
                return f"{modifier} {share}"
        break
    return share


_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|per\s*cent\b|percent\b)", re.I)
_CLAUSE_END = re.compile(r"[.,;:!?]")
_OPENING = re.compile(r"[(\[\"\u201c\u2018]")
# a qualifier written after the percentage ("30% or more") as the one written before it would be
_AFTER = {"or more": "at least", "or above": "at least", "or over": "at least", "or higher": "at least",
          "or less": "at most", "or fewer": "at most", "or under": "at most", "or below": "at most",
          "or lower": "at most", "or so": "about"}


def percent_as_written(percent_text: str, text: str) -> str:
    """The percentage with the qualifier written with it in ``text`` ("over 20", "some 30",
    "at least 30" for "30% or more"), since the qualifier decides what it allows; the bare
    percentage when it has none. The qualifier must stand right before the number, in the
    same clause, or right after it: "some trusts, 30%, ..." is a bare 30%."""
    if not percent_text:
        return percent_text
    try:
        value = Fraction(percent_text)
    except (ValueError, ZeroDivisionError):
        return percent_text
    for match in _PERCENT.finditer(text):
        if Fraction(match[1]) != value:
            continue
        before = normalise_phrase(_OPENING.sub(" ", _CLAUSE_END.split(text[:match.start()])[-1]))
        for modifier, _ in _BY_LENGTH:
            if before == modifier or before.endswith(" " + modifier):
                return f"{modifier} {percent_text}"
        after = normalise_phrase(text[match.end():match.end() + 12])
        for words, modifier in _AFTER.items():
            if after == words or after.startswith(words + " "):
                return f"{modifier} {percent_text}"
        break
    return percent_text


def percent_interval(percent: str) -> Interval | None:
    """Every fraction the percentage allows: what rounds to it at the precision it was written
    with, or, after a qualifier ("over 20", "some 30"; see ``percent_as_written``), what the
    qualifier allows of it, as for a verbal share (``MODIFIERS``)."""
    text = percent.strip().lower()
    kind = None
    for words, found in _BY_LENGTH:
        if text.startswith(words + " "):
            text, kind = text[len(words) + 1:], found
            break
    text = text.rstrip("%").strip()
    try:
        value = Fraction(text)
    except (ValueError, ZeroDivisionError):
        return None
    decimals = len(text.split(".", 1)[1]) if "." in text else 0
    half_step = Fraction(1, 2 * 10**decimals)
    rounded = Interval((value - half_step) / 100, (value + half_step) / 100)
    return rounded if kind is None else _modified(kind, rounded)


def format_percent(count: int, denominator: int) -> str:
    return f"{100 * count / denominator:.1f}%"
