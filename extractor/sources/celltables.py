"""Tables that a web page flattened to one cell per line, put back together as rows.

Pages built from ``<div>`` grids (or tables styled as stacked blocks for phones) reach
the text as ``Organisation`` / ``Segment`` / ``Frimley`` / ``1`` / ``Dorset`` / ``1``: every
cell on a line of its own, and no line holds a whole row, so nothing reads it as a table.
The header says how wide a row is: a run of lines that are all column headings, the
first naming the organisation and another its segment or league position (or the first
"Segment" and the others the populations it counts). The lines after
it are taken ``width`` at a time for as long as each group looks like a row (its segment
cell a segment, its rank cell a position), and come back as ``a | b`` rows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_NAME_HEADING = re.compile(
    r"(?i)^(?:organi[sz]ation|trust|provider|icb|ics|system|integrated care (?:board|system)|name|"
    r"nhs (?:trust|organi[sz]ation))s?(?: name)?$")
_HEADING = re.compile(
    r"(?i)^(?:(?:current |previous |new |overall |nof |sof |oversight |q[1-4] )*"
    r"(?:segment|segmentation|league (?:position|rank)|rank(?:ing)?|position|sector|type|change|movement|score|"
    r"rating|cqc rating|region)(?: (?:q[1-4]|of \d{1,3}|\d{4}/\d{2}))*(?: \([^)]{1,30}\))?)$")
_SEGMENT_HEADING = re.compile(r"(?i)^(?:oversight |nof |sof )?segment$")
_COUNT_HEADING = re.compile(  # a population counted in each segment, or its share
    r"(?i)^(?:number of |share of |% of )?(?:all |nhs )?(?:icbs|icss|systems|trusts|providers|organi[sz]ations|"
    r"(?:acute|non-acute|mental health|community|ambulance|specialist) trusts|share|per ?cent|%|total)"
    r"(?: \(.*\))?$")
_COUNT_CELL = re.compile(r"^\d{1,3}(?:\.\d)?%?(?:\s*\(\d{1,3}(?:\.\d)?%?\))?$")
_SEGMENT_CELL = re.compile(r"(?i)^(?:segment\s*)?[1-5](?:\s*\(.*\))?$|^(?:total|all(?: [a-z]+)?|england)$")
_RANK_CELL = re.compile(r"(?i)^(?:joint\s+)?=?\d{1,3}(?:=|st|nd|rd|th)?(?:\s*(?:of|out of|/)\s*\d{1,3})?$")
_MAX_WIDTH = 8
_MAX_CELL = 120


def _checks(headings: Sequence[str]) -> list[re.Pattern[str] | None]:
    """The pattern each column's cells must match, where the heading says what they hold."""
    out: list[re.Pattern[str] | None] = []
    for heading in headings:
        lowered = heading.lower()
        if _COUNT_HEADING.match(heading.strip()):
            out.append(_COUNT_CELL)
        elif "segment" in lowered:
            out.append(_SEGMENT_CELL)
        elif any(w in lowered for w in ("rank", "position")):
            out.append(_RANK_CELL)
        else:
            out.append(None)
    return out


def _header_width(lines: Sequence[str], at: int) -> int:
    """How many headings start at ``at`` (0 when these lines do not open a flattened table).

    A placement table opens with the organisation's column, a count table ("Segment",
    "ICBs", "Trusts") with the segment's, followed by the populations counted.
    """
    first = lines[at].strip()
    if _NAME_HEADING.match(first):
        heading = _HEADING
    elif _SEGMENT_HEADING.match(first):
        heading = _COUNT_HEADING
    else:
        return 0
    width = 1
    while at + width < len(lines) and width < _MAX_WIDTH and heading.match(lines[at + width].strip()):
        width += 1
    if width < 2 or not any(_checks(lines[at:at + width])):
        return 0
    return width


def _rows(lines: Sequence[str], at: int, width: int) -> int:
    """How many rows of ``width`` cells follow the header at ``at``."""
    checks = _checks(lines[at:at + width])
    count, start = 0, at + width
    while start + width <= len(lines):
        cells = [c.strip() for c in lines[start:start + width]]
        if (_NAME_HEADING.match(cells[0]) or _HEADING.match(cells[0])
                or (checks[0] is None and (_RANK_CELL.match(cells[0]) or _SEGMENT_CELL.match(cells[0])))
                or any(len(c) > _MAX_CELL or not c for c in cells)
                or any(check and not check.match(c) for check, c in zip(checks, cells, strict=True))):
            break
        count += 1
        start += width
    return count


def flattened_tables(lines: Sequence[str]) -> list[tuple[int, int, list[str]]]:
    """``(first, end, rows)`` for each flattened table: lines ``first`` to ``end`` (exclusive)
    are its header and cells, ``rows`` its header and rows as ``a | b`` lines."""
    found: list[tuple[int, int, list[str]]] = []
    at = 0
    while at < len(lines):
        width = _header_width(lines, at)
        count = _rows(lines, at, width) if width else 0
        if count < 2:
            at += 1
            continue
        end = at + width * (count + 1)
        cells = [c.strip() for c in lines[at:end]]
        found.append((at, end, [" | ".join(cells[i:i + width]) for i in range(0, len(cells), width)]))
        at = end
    return found
