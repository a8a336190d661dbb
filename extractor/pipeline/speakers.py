"""Who speaks a quotation: the body a quoted "we" stands for on a page that is not its own.

News pages quote the people who run a trust: '"We are now in segment 3," said Jane Roe,
chief executive of Medway NHS Foundation Trust.' or 'Jane Roe, chief executive of Medway
NHS Foundation Trust, said: "Our trust ..."'. The "we" and "our trust" there are Medway,
not the newspaper. The attribution is read from the quotation's own sentence, after its
closing mark or before its opening one, and names the speaker's body only when it says
so plainly: a speech verb and one named body, which is either the speaker itself ("Medway
NHS Foundation Trust said") or the body of a role ("chief executive of", "a spokesperson
for", "the trust's chair"). "its chief executive said" points back to the body named
before (the caller settles that). Anything less (no body, two bodies, no speech verb)
names nobody: a quoted "we" then stays unresolved, as before.

The words (speech verbs, roles, possessives) are data in ``models/speech.json``.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import NamedTuple

from ..resources import asset

_CLOSERS = '"\u201d\'\u2019'
_SENTENCE_END = re.compile(  # not the stop of a title ("Dr. Roe")
    r"(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bSt)(?<!\bProf)[.!?](?=[\"\u201d\u2019']?(?:\s|$))")
# What may stand between a body and its speech verb: "Medway NHS Foundation Trust has said",
# "said, in a statement, the trust"
_GLUE = re.compile(r"[\s,]*(?:(?:has|have|had|also|then|the|in\s+a\s+(?:statement|press\s+release))\b[\s,]*)*", re.I)


class Speech(NamedTuple):
    """The words read from ``models/speech.json``, as patterns."""

    verbs: re.Pattern[str]
    roles: re.Pattern[str]
    possessives: dict[str, str]
    possessive: re.Pattern[str]


def _alternation(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?i)\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b")


@cache
def speech() -> Speech:
    data = json.loads(asset("speech.json").read_text(encoding="utf-8"))
    possessives = {key.lower(): fits for key, fits in data["possessives"].items()}
    return Speech(_alternation(data["verbs"]), _alternation(data["roles"]), possessives,
                  re.compile(r"(?i)(?<!\w)(?:" + "|".join(map(re.escape, possessives)) + r")(?!\w)"))


class Named(NamedTuple):
    """A body the page names: its characters and its code ("" when unresolved)."""

    start: int
    end: int
    code: str


class Speaker(NamedTuple):
    """What an attribution says of the speaker's body: ``code`` when it names it; else
    ``back`` (the kind, "any"/"trust"/"icb", of the body named before that "its chief
    executive" points to) when it points back; ``at`` is where the quotation opens."""

    code: str
    back: str
    at: int


def quotation(text: str, at: int) -> tuple[int, int] | None:
    """(opening mark, closing mark or paragraph end) of the quotation holding character
    ``at`` within its paragraph, or None when ``at`` is not quoted. Double marks pair up as
    written; single ones (British news quotes with them) only where they cannot be an
    apostrophe: an opening one starts a word after a space, a closing one follows the
    quotation's last stop or comma ('We are pleased,' said ...)."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    before = text[start:at]
    if before.count('"') % 2 == 1:
        opened, closer = start + before.rfind('"'), '"'
    elif before.count("\u201c") > before.count("\u201d"):
        opened, closer = start + before.rfind("\u201c"), "\u201d"
    else:
        return _single_quotation(text, start, at, end)
    closed = text.find(closer, at, end)
    return opened, (end if closed < 0 else closed)


_SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s(\[]))['\u2018](?=\w)")
_SINGLE_CLOSE = re.compile(r"(?<=[,.!?])['\u2019](?=\s|$|[,.;:)\u2013\u2014-])")


def _single_quotation(text: str, start: int, at: int, end: int) -> tuple[int, int] | None:
    """:func:`quotation` for single marks, within the paragraph ``[start, end)``."""
    opened = None
    for found in _SINGLE_OPEN.finditer(text, start, min(at + 1, end)):  # a mark's word may begin at ``at``
        if found.start() < at:
            opened = found.start()
    if opened is None or _SINGLE_CLOSE.search(text, opened + 1, at):
        return None
    closed = _SINGLE_CLOSE.search(text, at, end)
    return opened, (closed.start() if closed else end)


def _sentence_after(text: str, at: int) -> int:
    """Where the sentence running on at ``at`` ends, within its paragraph."""
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    found = _SENTENCE_END.search(text, at, end)
    return found.end() if found else end


def _sentence_before(text: str, at: int) -> int:
    """Where the sentence that runs up to ``at`` starts, within its paragraph."""
    start = text.rfind("\n", 0, at) + 1
    last = start
    for found in _SENTENCE_END.finditer(text, start, at):
        last = found.end()
    return last


def attributions(text: str, at: int) -> list[tuple[int, int]]:
    """Character ranges that may say who speaks the quotation holding ``at``: the rest of
    its sentence after the closing mark, and the start of the sentence up to the opening
    one; each only when it holds a speech verb."""
    bounds = quotation(text, at)
    if bounds is None:
        return []
    opened, closed = bounds
    ranges = []
    if closed < len(text) and text[closed] in _CLOSERS:
        ranges.append((closed + 1, _sentence_after(text, closed + 1)))
    ranges.append((_sentence_before(text, opened), opened))
    verbs = speech().verbs
    return [(lo, hi) for lo, hi in ranges if hi > lo and verbs.search(text, lo, hi)]


def speaker(text: str, at: int, named: list[Named]) -> Speaker | None:
    """Whose words the quotation holding character ``at`` are, as far as its attribution
    says (see the module's docstring); ``named`` are the bodies the page names, in text order."""
    words = speech()
    for lo, hi in attributions(text, at):
        inside = [n for n in named if n.start >= lo and n.end <= hi]
        codes = {n.code for n in inside}
        if len(codes) == 1 and "" not in codes:
            if words.roles.search(text, lo, hi) or any(_beside_verb(text, n, lo, hi) for n in inside):
                return Speaker(codes.pop(), "", lo)
            continue
        if not inside and words.roles.search(text, lo, hi):
            found = words.possessive.search(text, lo, hi)
            if found:
                return Speaker("", words.possessives[found.group().lower()], lo)
    return None


def _beside_verb(text: str, body: Named, lo: int, hi: int) -> bool:
    """Whether the body is the speaker itself: right before its speech verb ("Medway NHS
    Foundation Trust said", "... has said") or right after it ("said Medway NHS Foundation
    Trust"), with at most an aside such as "in a statement" between."""
    verbs = speech().verbs
    if verbs.match(text, _GLUE.match(text, body.end, hi).end(), hi) is not None:
        return True
    return any(_GLUE.fullmatch(text, found.end(), body.start) for found in verbs.finditer(text, lo, body.start))
