"""Where a saved file came from: the URL ``extractor fetch`` recorded for it.

A page saved by the fetcher has lost its address, but the ``fetch_log.csv`` beside it
still holds it, and the address says whose website the page is on (who "we" are).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..fetching.log import LOG_NAME, latest_outcomes


@lru_cache(maxsize=64)
def _folder_urls(folder: str, mtime: float) -> dict[str, str]:
    """File name -> the URL it was finally fetched from, for one folder's log (``mtime``
    keys the cache, so a log appended by a later fetch is read again)."""
    out: dict[str, str] = {}
    for outcome in latest_outcomes(Path(folder)).values():
        if outcome.saved and outcome.path:
            out[Path(outcome.path).name] = outcome.final_url or outcome.url
    return out


def fetched_url(path: Path) -> str:
    """The URL ``path`` was fetched from, or "" when no fetch log beside it names the file."""
    log = path.parent / LOG_NAME
    try:
        mtime = log.stat().st_mtime
    except OSError:
        return ""
    return _folder_urls(str(path.parent), mtime).get(path.name, "")
