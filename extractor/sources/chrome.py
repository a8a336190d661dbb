"""Other stories' headlines in a page's text: "Most read", "You might also like", "READ MORE: ...".

An archived news page carries, around its story, lists of other stories' headlines, and
those headlines are about other trusts in other segments ("Blackpool hospital trust moved
to segment 3"). Read as the page's own words, each becomes a false row with a real
organisation code. An HTML page loses most of them with its tags (``<aside>``, related
sections); a plain-text archive keeps them, so they are recognised here by their labels:

* a line opening with a teaser label and a colon, the headline after it ("READ MORE: X trust
  placed in segment 4", "Related: A | B");
* a label on a line of its own ("MOST READ", "You might also like", "Related stories",
  "Read more:") and the headline-like lines under it: short, bulleted or numbered or
  unpunctuated, up to the first line of prose, a byline or a date;

The lines are blanked, not cut, so that every offset in the tables still points into the
document as it was read. "Trending" and a bare "Read more" are not labels here: a site puts
the first over the page's own headline and the second under a teaser of the page itself.
Nor is a comment thread chrome: on a forum's page ("46 Comments" under its title) the
readers' words are what the page says.
"""

from __future__ import annotations

import re

# a teaser label opening a line, its headline after the colon (or bar, or arrow)
INLINE_LABEL = re.compile(
    r"^[\W_]*(?:read\s+more|related(?:\s+(?:stories|articles|news|content|links))?|see\s+also|also\s+read|"
    r"read\s+next|more\s+on\s+this(?:\s+story)?)\s*[:|»>]\s*\S", re.I)
# a label on a line of its own over other stories' headlines (a trailing colon allowed)
BLOCK_LABEL = re.compile(
    r"^[\W_]*(?:related(?:\s+(?:stories|articles|news|content|links|reading))?|read\s+more\s*:|"
    r"more\s+on\s+this(?:\s+story)?|more\s+(?:stories|news|headlines)(?:\s+from\s+.{1,40})?|"
    r"most\s+(?:read|popular|viewed|shared|commented)|popular(?:\s+(?:now|stories|articles))?|"
    r"top\s+stories|latest\s+(?:stories|headlines)|you\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in)|"
    r"see\s+also|recommended(?:\s+(?:for\s+you|stories|reading))?|further\s+reading|read\s+next|"
    r"don'?t\s+miss|editor'?s\s+picks?|in\s+other\s+news)\s*:?[\W_]*$", re.I)
_MOST_ITEMS = 15
_ITEM_CHARS = 160
_BULLET = re.compile(r"^\s*(?:[-•*–·▪>]|\d{1,2}[.)]|\(\d{1,2}\))\s+")
_NOT_AN_ITEM = re.compile(  # a byline or a date line ends the list
    r"^\s*(?:[Bb]y\s+[A-Z]|(?i:published|updated|posted)\b|\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|[A-Z][a-z]+\s+\d{1,2},?\s+\d{4})")


def blank_related(text: str) -> str:
    """``text`` with other stories' headlines replaced by spaces, line
    breaks kept; the text itself when it holds none (most pages)."""
    lines = text.split("\n")
    blanked = [False] * len(lines)
    k = 0
    while k < len(lines):
        line = lines[k]
        if BLOCK_LABEL.match(line):
            blanked[k] = True
            k = _blank_items(lines, k + 1, blanked)
            continue
        if INLINE_LABEL.match(line) and len(line.strip()) <= 2 * _ITEM_CHARS:
            blanked[k] = True
        k += 1
    if not any(blanked):
        return text
    return "\n".join(" " * len(line) if gone else line for line, gone in zip(lines, blanked, strict=True))


def _blank_items(lines: list[str], k: int, blanked: list[bool]) -> int:
    """Blank the headline-like lines from ``k`` on (blank lines between them allowed); the
    index of the first line that is not one."""
    items = 0
    while k < len(lines) and items < _MOST_ITEMS:
        stripped = lines[k].strip()
        if not stripped:
            k += 1
            continue
        if not _is_item(stripped):
            break
        blanked[k] = True
        items += 1
        k += 1
    return k


def _is_item(line: str) -> bool:
    """A headline in a list: short, and bulleted or numbered or not ended as a sentence is."""
    if len(line) > _ITEM_CHARS or _NOT_AN_ITEM.match(line) or BLOCK_LABEL.match(line):
        return False
    return bool(_BULLET.match(line)) or line[-1] not in ".:;"
