"""The human side of the audit: one HTML file a person can open without a network.

``write_report`` takes the run's tables (documents, claims, memberships, rankings,
checks, dataset, timeline) and the documents' plain texts, and writes a page showing each
text with its figures highlighted, every check as holds / fails / cannot be verified, the
reconciled table, a chart of segment distributions and each organisation's history.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .chart import segment_chart_svg
from .page import render_report

__all__ = ["render_report", "segment_chart_svg", "write_report"]


def write_report(tables: dict[str, pd.DataFrame], texts: dict[str, str], path: Path) -> Path:
    """Write the audit report to ``path`` (parents created) and return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_report(tables, texts), encoding="utf-8")
    return path
