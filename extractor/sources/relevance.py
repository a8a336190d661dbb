"""A cheap pre-filter on raw bytes: is this record possibly about NHS oversight?

News archives are ~99% irrelevant, and parsing HTML costs far more than scanning bytes,
so every archive record passes through :func:`maybe_relevant` before any parsing. The
filter is tuned for recall: a false positive costs one parse, a false negative loses a
document for good. It needs two kinds of words to co-occur somewhere in the record: an
oversight term (segment, special measures, league table ...) and an NHS term (trust,
ICB, hospital ...). Both patterns are ASCII, so they match UTF-8, cp1252 and latin-1
pages alike (not UTF-16, which news archives practically never carry).
"""

from __future__ import annotations

import re

_OVERSIGHT = re.compile(
    rb"(?i:segment|oversight\s+framework|special\s+measures|recovery\s+support|league\s+table"
    rb"|targeted\s+support|mandated\s+support|maximum\s+autonomy|intensive\s+support)"
    rb"|\b(?:NOF|SOF|RSP)\d?\b"
)
_NHS = re.compile(
    rb"(?i:\bNHS\b|\btrusts?\b|integrated\s+care|hospital|\bICBs?\b|\bICSs?\b|\bCCGs?\b"
    rb"|foundation\s+trust|ambulance|mental\s+health)"
)


def maybe_relevant(data: bytes) -> bool:
    """True when ``data`` mentions both oversight and NHS vocabulary (case-insensitively)."""
    return _OVERSIGHT.search(data) is not None and _NHS.search(data) is not None
