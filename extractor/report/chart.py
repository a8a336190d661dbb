"""An inline SVG chart of how each population splits across segments, period by period.

One stacked horizontal bar per (framework, period, org type, scope) that has at least
two single-segment counts in the reconciled table, scaled to the population's size when
the table has it (grey = organisations no segment count accounts for); derived counts are
drawn lighter so a reader sees which parts of the picture no document states.
"""

from __future__ import annotations

import html

import pandas as pd

from ..reconcile.orgtypes import label
from ..reconcile.values import cell_int, cell_text

COLOURS = {1: "#1a9850", 2: "#91cf60", 3: "#fdae61", 4: "#d73027", 5: "#7b3294"}
BAR_WIDTH = 520
ROW_HEIGHT = 26
LABEL_WIDTH = 360


Group = tuple[str, dict[int, tuple[int, str]], int]


def _groups(dataset: pd.DataFrame) -> list[Group]:
    """(label, {segment: (count, basis)}, bar total) per population with 2+ segment counts."""
    groups: dict[tuple, dict[int, tuple[int, str]]] = {}
    sizes: dict[tuple, int] = {}
    for row in dataset.to_dict("records") if len(dataset) else []:
        key = tuple(cell_text(row.get(c)) for c in ("org_type", "framework", "period", "scope"))
        count = cell_int(row.get("count"))
        if count is None:
            continue
        if not cell_text(row.get("segment")):
            sizes[key] = count
            continue
        segment = cell_int(row.get("segment"))
        if segment is not None:
            groups.setdefault(key, {})[segment] = (count, cell_text(row.get("basis")))
    named = []
    for key, parts in sorted(groups.items()):
        if len(parts) < 2:
            continue
        org_type, framework, period, scope = key
        words = [label(org_type)] + [w for w in (scope, framework, period or "period not stated") if w]
        stated = sum(count for count, _ in parts.values())
        named.append((" · ".join(words), parts, max(stated, sizes.get(key, 0))))
    return named


def segment_chart_svg(dataset: pd.DataFrame, *, limit: int = 40) -> str:
    """The chart as an ``<svg>`` element (empty string when there is nothing to draw)."""
    groups = _groups(dataset)[:limit]
    if not groups:
        return ""
    height = ROW_HEIGHT * len(groups) + 40
    width = LABEL_WIDTH + BAR_WIDTH + 20
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart" width="{width}" '
           f'height="{height}" viewBox="0 0 {width} {height}">',
           "<title>Segment distribution by population and period</title>"]
    for i, (name, parts, size) in enumerate(groups):
        y = 10 + i * ROW_HEIGHT
        total = size or 1
        out.append(f'<rect x="{LABEL_WIDTH}" y="{y}" width="{BAR_WIDTH}" height="{ROW_HEIGHT - 6}" '
                   f'fill="#e6e6e6"><title>{html.escape(name)}: {size} in all</title></rect>')
        out.append(f'<text x="{LABEL_WIDTH - 8}" y="{y + 15}" text-anchor="end" class="chart-label">'
                   f"{html.escape(name)}</text>")
        x = float(LABEL_WIDTH)
        for segment in sorted(parts):
            count, basis = parts[segment]
            w = BAR_WIDTH * count / total
            opacity = "0.45" if basis == "derived" else "1"
            tip = f"Segment {segment}: {count} ({basis})"
            out.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{ROW_HEIGHT - 6}" '
                       f'fill="{COLOURS.get(segment, "#999")}" fill-opacity="{opacity}">'
                       f"<title>{html.escape(tip)}</title></rect>")
            if w >= 22:
                out.append(f'<text x="{x + w / 2:.1f}" y="{y + 15}" text-anchor="middle" '
                           f'class="chart-count">{count}</text>')
            x += w
    legend_y = height - 14
    for n, (segment, colour) in enumerate(COLOURS.items()):
        x = LABEL_WIDTH + n * 90
        out.append(f'<rect x="{x}" y="{legend_y - 10}" width="12" height="12" fill="{colour}"/>'
                   f'<text x="{x + 16}" y="{legend_y}" class="chart-legend">Segment {segment}</text>')
    out.append(f'<text x="{LABEL_WIDTH - 8}" y="{legend_y}" text-anchor="end" class="chart-legend">'
               "lighter = derived, grey = not accounted for</text>")
    out.append("</svg>")
    return "".join(out)
