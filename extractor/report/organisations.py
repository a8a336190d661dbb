"""Each organisation's history, from the ``timeline`` table, as the report and ``extractor orgs`` show it.

The report gets an "Organisations" section (one table per organisation: its segments and
league positions period by period, the documents behind each, disagreements marked); the
command line gets the same history as plain text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from ..reconcile.values import cell_text

COLUMNS = ("period", "framework", "segment", "rank", "basis", "sources", "conflict")


@dataclass
class OrgHistory:
    """One organisation's timeline rows, in period order."""

    key: str
    name: str
    ods_code: str
    org_type: str
    rows: list[dict] = field(default_factory=list)

    @property
    def conflicts(self) -> int:
        return sum(1 for r in self.rows if r.get("conflict"))


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def histories(timeline: pd.DataFrame | None) -> list[OrgHistory]:
    """The timeline grouped by organisation (its code, else its name), in the table's order."""
    if timeline is None or len(timeline) == 0:
        return []
    found: dict[str, OrgHistory] = {}
    for raw in timeline.to_dict("records"):
        row = {k: cell_text(v) for k, v in raw.items()}
        names = [n for n in row.get("names", "").split(";") if n]
        key = row.get("ods_code") or _words(row.get("canonical_name") or (names[0] if names else ""))
        org = found.setdefault(key, OrgHistory(key, row.get("canonical_name") or (names[0] if names else key),
                                               row.get("ods_code", ""), row.get("org_type", "")))
        org.rows.append(row)
    return list(found.values())


def select(found: Iterable[OrgHistory], codes: Iterable[str], query: str) -> list[OrgHistory]:
    """The histories of the given codes, or whose names contain the query's words."""
    codes = {c.upper() for c in codes}
    words = _words(query)
    return [h for h in found if h.ods_code in codes or (words and any(
        words in _words(n) for n in [h.name, *h.rows[0].get("names", "").split(";")]))]


def _position(row: dict) -> str:
    if not row.get("rank"):
        return ""
    league = row.get("league", "").replace("_", "-")
    total = f" of {row['total']}" if row.get("total") else ""
    return f"{row['rank']}{total}" + (f" ({league})" if league else "")


def _segment(row: dict) -> str:
    before = f" (was {row['previous_segment']})" if row.get("previous_segment") else ""
    return (row.get("segment") or "") + before


def history_text(history: OrgHistory) -> str:
    """One organisation's history as lines of text for the terminal."""
    code = f" ({history.ods_code})" if history.ods_code else ""
    lines = [f"{history.name}{code}: {len(history.rows)} period(s)"
             + (f", {history.conflicts} with conflicting sources" if history.conflicts else "")]
    for row in history.rows:
        rank = _position(row)
        lines.append(f"  {row.get('period') or '(period unknown)':<16} {row.get('framework', ''):<8} "
                     f"segment {_segment(row) or '-':<10} {('rank ' + rank) if rank else '':<22} "
                     f"{row.get('basis', ''):<8} documents: {row.get('doc_ids') or '-'}")
        if row.get("conflict"):
            lines.append(f"    conflict: {row['conflict']}")
    return "\n".join(lines)


def _sources(row: dict, anchor) -> str:
    links = [f'<a href="#{html.escape(anchor("doc", d))}">{html.escape(d)}</a>'
             for d in row.get("doc_ids", "").split(";") if d]
    if row.get("basis") == "official":
        links.insert(0, "official table")
    return ", ".join(links)


def organisations_section(timeline: pd.DataFrame | None, anchor) -> str:
    """The report's "Organisations" view; ``anchor(kind, id)`` makes the ids documents carry."""
    found = histories(timeline)
    if not found:
        return ('<section id="organisations"><h2>Organisations</h2>'
                "<p>No organisation is placed in a segment or league.</p></section>")
    head = "".join(f"<th>{c}</th>" for c in COLUMNS)
    parts = ['<section id="organisations"><h2>Organisations</h2>'
             f'<p class="meta">{len(found)} organisations; '
             f'{sum(1 for h in found if h.conflicts)} with sources that disagree.</p>']
    for org in found:
        written = "written as " + ", ".join(n for n in org.rows[0].get("names", "").split(";") if n)
        meta = " · ".join(html.escape(v) for v in (org.ods_code, org.org_type, written) if v != "written as ")
        body = []
        for row in org.rows:
            css = ' class="conflict"' if row.get("conflict") else ""
            rank = _position(row)
            cells = [row.get("period") or "unknown", row.get("framework", ""), _segment(row),
                     rank, row.get("basis", "")]
            body.append(f"<tr{css}>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells)
                        + f"<td>{_sources(row, anchor)}</td><td>{html.escape(row.get('conflict', ''))}</td></tr>")
        parts.append(f'<div class="org" id="{html.escape(anchor("org", org.key))}">'
                     f'<h3>{html.escape(org.name)}</h3><p class="meta">{meta}</p>'
                     f'<table><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>')
    parts.append("</section>")
    return "".join(parts)
