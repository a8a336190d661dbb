"""``fetch_log.csv``: every URL's outcome, appended run after run, and the cache it gives.

The log is the scraper's memory: a URL whose latest row says it was saved, and whose
file is still there, is not downloaded again (see :func:`latest_outcomes`).
"""

from __future__ import annotations

import csv
from dataclasses import asdict, dataclass, fields
from pathlib import Path

LOG_NAME = "fetch_log.csv"


@dataclass
class FetchOutcome:
    """What happened to one URL.

    ``status`` is ``ok`` (downloaded now), ``cached`` (already on disk from an earlier
    run), ``not_modified`` (the server confirmed the cached copy), ``skipped`` (robots.txt
    disallows it) or ``failed`` (``error`` says why).
    """

    url: str
    status: str
    http_status: int | None = None
    path: str = ""
    bytes: int = 0
    sha256: str = ""
    error: str = ""
    fetched_at: str = ""
    final_url: str = ""
    content_type: str = ""
    etag: str = ""
    last_modified: str = ""

    @property
    def saved(self) -> bool:
        return self.status in ("ok", "cached", "not_modified")


COLUMNS = tuple(f.name for f in fields(FetchOutcome))


def latest_outcomes(folder: Path) -> dict[str, FetchOutcome]:
    """The most recent outcome per URL recorded in ``folder``'s log (empty when none)."""
    path = folder / LOG_NAME
    if not path.exists():
        return {}
    latest: dict[str, FetchOutcome] = {}
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            values = {k: (row.get(k) or "") for k in COLUMNS}
            values["http_status"] = int(values["http_status"]) if values["http_status"].isdigit() else None
            values["bytes"] = int(values["bytes"]) if values["bytes"].isdigit() else 0
            latest[values["url"]] = FetchOutcome(**values)
    return latest


def append_outcome(folder: Path, outcome: FetchOutcome) -> None:
    """Add one row (header first if the log is new); flushed at once so a killed run loses nothing."""
    path = folder / LOG_NAME
    new = not path.exists() or path.stat().st_size == 0
    with path.open("a", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        if new:
            writer.writeheader()
        row = asdict(outcome)
        row["http_status"] = "" if outcome.http_status is None else outcome.http_status
        writer.writerow(row)
