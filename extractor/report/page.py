"""The audit report as one self-contained HTML page.

No script, no external file, no network: styles and the chart are inline, and a
Content-Security-Policy forbids scripts outright, so even a hostile document that slipped
past escaping could not run. Every value from the tables is escaped.
"""

from __future__ import annotations

import html
from collections import defaultdict

import pandas as pd

from ..reconcile.values import cell_number, cell_text
from .chart import segment_chart_svg
from .highlight import Span, highlight, locate, segment_spans
from .organisations import organisations_section

STATUS_WORDS = {"pass": "holds", "fail": "fails", "unverifiable": "cannot be verified"}
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
DATASET_COLUMNS = ("framework", "period", "org_type", "segment", "scope", "count", "basis", "doc_ids",
                   "reasoning", "conflict")

STYLE = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header,main{max-width:1100px;margin:0 auto;padding:0 24px}
header{padding-top:24px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:32px 0 8px;border-bottom:1px solid #ddd}
h3{font-size:16px;margin:20px 0 4px}
.summary span{display:inline-block;margin-right:14px}
.doc{background:#fff;border:1px solid #e2e2e2;border-radius:6px;padding:12px 16px;margin:16px 0}
.doc-text{white-space:pre-wrap;font-family:Georgia,serif;font-size:15px;max-height:420px;overflow:auto;
border-left:3px solid #eee;padding-left:12px}
mark{background:none;border-radius:3px;padding:0 1px}
mark.hl-claim{background:#fff2a8}
mark.hl-org{box-shadow:inset 0 -2px 0 #2b6cb0;background-color:#e6f0fb}
mark.hl-claim.hl-org{background:#d7ecc9}
mark.hl-segment{font-weight:600;color:#8a3b00}
mark.hl-ranking{box-shadow:inset 0 -2px 0 #7b3294}
.legend mark{margin-right:10px}
table{border-collapse:collapse;width:100%;font-size:13px;background:#fff}
th,td{border:1px solid #e2e2e2;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f0f0f0}
.status{font-weight:600;white-space:nowrap}
.status-pass{color:#1a7f37}.status-fail{color:#c62828}.status-unverifiable{color:#8a6d00}
li.check{margin:4px 0}
.meta{color:#666;font-size:13px}
.error{color:#c62828}
.org table{table-layout:fixed}.org th:nth-child(-n+3){width:10%}.org th:nth-child(4){width:14%}
.org th:nth-child(5){width:8%}.org th:nth-child(6){width:20%}
tr.conflict td{background:#fdecea}tr.conflict td:last-child{color:#c62828;font-weight:600}
svg.chart text{font:12px system-ui,sans-serif}svg.chart .chart-count{fill:#fff;font-weight:600}
"""


def _rows(tables: dict[str, pd.DataFrame], name: str) -> list[dict]:
    frame = tables.get(name)
    if frame is None or len(frame) == 0:
        return []
    return [{k: cell_text(v) for k, v in row.items()} for row in frame.to_dict("records")]


def _e(value: object) -> str:
    return html.escape(cell_text(value))


def _anchor(kind: str, ident: str) -> str:
    return f"{kind}-" + "".join(ch if ch.isalnum() or ch in "-_:." else "_" for ch in ident)


def _claim_label(row: dict) -> str:
    parts = [f"claim {row.get('claim_id', '')}", row.get("org_type", "")]
    if row.get("segment"):
        parts.append(f"segment {row['segment']}")
    for key in ("count", "total", "percent", "share_text", "scope", "period"):
        if row.get(key):
            number = cell_number(row[key]) if key in ("count", "total", "percent") else None
            parts.append(f"{key} {number:g}" if number is not None else f"{key} {row[key]}")
    return ", ".join(p for p in parts if p)


def document_spans(text: str, claims: list[dict], memberships: list[dict],
                   rankings: list[dict]) -> list[Span]:
    spans = segment_spans(text)
    for row in claims:
        where = locate(text, row.get("start"), row.get("end"), row.get("text", ""))
        if where:
            spans.append(Span(*where, "claim", _claim_label(row), _anchor("claim", row.get("claim_id", ""))))
    for row in memberships:
        where = locate(text, row.get("start"), row.get("end"), row.get("name") or row.get("text", ""))
        if where:
            name = row.get("canonical_name") or row.get("name", "")
            code = f" ({row['ods_code']})" if row.get("ods_code") else ""
            segment = f", segment {row['segment']}" if row.get("segment") else ""
            spans.append(Span(*where, "org", f"{name}{code}{segment}"))
    for row in rankings:
        where = locate(text, row.get("start"), row.get("end"), row.get("text", ""))
        if where:
            spans.append(Span(*where, "ranking", f"{row.get('name', '')}: rank {row.get('rank', '')} "
                                                  f"{row.get('league', '')}".strip()))
    return spans


def _sentences_used(row: dict, claims: dict[str, dict]) -> str:
    """The sentence (and period) of every claim a failing check rests on, so the reader sees
    the statements themselves beside the arithmetic."""
    items = []
    for claim_id in row.get("claim_ids", "").split(";"):
        claim = claims.get(claim_id)
        if claim is None:
            continue
        period = f' <span class="meta">{_e(claim.get("period"))}</span>' if claim.get("period") else ""
        items.append(f"<li>“{_e(claim.get('text'))}”{period}</li>")
    return f'<ul class="used">{"".join(items)}</ul>' if items else ""


def _check_item(row: dict, extra: str = "") -> str:
    status = row.get("status", "")
    links = ", ".join(f'<a href="#{html.escape(_anchor("claim", c))}">{html.escape(c)}</a>'
                      for c in row.get("claim_ids", "").split(";") if c)
    figures = ""
    if row.get("expected") or row.get("observed"):
        figures = (f' <span class="meta">expected {_e(row.get("expected")) or "–"}, '
                   f'found {_e(row.get("observed")) or "–"}</span>')
    css = html.escape(status)
    return (f'<li class="check check-{css}"><span class="status status-{css}">'
            f"{html.escape(STATUS_WORDS.get(status, status))}</span> "
            f'<span class="meta">[{_e(row.get("kind"))}]</span> {_e(row.get("message"))}{figures}'
            f'{f" <span class=meta>claims: {links}</span>" if links else ""}{extra}</li>')


def _table(rows: list[dict], columns: tuple[str, ...]) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{_e(r.get(c))}</td>" for c in columns) + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def render_report(tables: dict[str, pd.DataFrame], texts: dict[str, str], *,
                  title: str = "Oversight figures: audit report") -> str:
    """The whole report as an HTML string (see :func:`extractor.report.write_report`)."""
    documents = _rows(tables, "documents")
    by_doc: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for name in ("claims", "memberships", "rankings"):
        for row in _rows(tables, name):
            by_doc[row.get("doc_id", "")][name].append(row)
    checks = _rows(tables, "checks")
    checks_by_doc: dict[str, list[dict]] = defaultdict(list)
    cross = []
    for row in checks:
        ids = [d for d in row.get("doc_ids", "").split(";") if d]
        if len(ids) == 1:
            checks_by_doc[ids[0]].append(row)
        else:
            cross.append(row)
    known = {d.get("doc_id") for d in documents}
    documents += [{"doc_id": d, "status": "ok"} for d in texts if d not in known]

    counts = {s: sum(1 for c in checks if c.get("status") == s) for s in STATUS_WORDS}
    n_claims = sum(len(v["claims"]) for v in by_doc.values())
    summary = (f'<p class="summary"><span>{len(documents)} documents</span><span>{n_claims} claims</span>'
               + "".join(f'<span class="status status-{s}">{counts[s]} {w}</span>'
                         for s, w in STATUS_WORDS.items()) + "</p>")

    parts = [f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
             f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
             f'<meta name="viewport" content="width=device-width, initial-scale=1">'
             f'<link rel="icon" href="data:,"><title>{html.escape(title)}</title>'
             f"<style>{STYLE}</style></head><body>",
             f"<header><h1>{html.escape(title)}</h1>{summary}</header><main>"]

    chart = segment_chart_svg(tables.get("dataset", pd.DataFrame()))
    parts.append('<section id="chart"><h2>Segment distributions</h2>'
                 + (chart or "<p>No population has two or more segment counts to draw.</p>") + "</section>")

    failing = [c for c in checks if c.get("status") == "fail"]
    claims_by_id = {c.get("claim_id", ""): c for c in _rows(tables, "claims")}
    parts.append('<section id="failing"><h2>Figures that do not hold</h2>'
                 + (f'<ul>{"".join(_check_item(c, _sentences_used(c, claims_by_id)) for c in failing)}</ul>'
                    if failing
                    else "<p>Every figure that could be checked holds.</p>") + "</section>")

    parts.append('<section id="documents"><h2>Documents</h2><p class="legend">'
                 '<mark class="hl-claim">claim</mark><mark class="hl-org">organisation</mark>'
                 '<mark class="hl-segment">segment</mark><mark class="hl-ranking">league rank</mark></p>')
    for doc in documents:
        doc_id = doc.get("doc_id", "")
        rows = by_doc.get(doc_id, {})
        text = texts.get(doc_id, "")
        heading = doc.get("title") or doc.get("source") or doc_id
        meta = " · ".join(_e(doc.get(k)) for k in ("source", "published", "framework", "status")
                          if doc.get(k))
        spans = document_spans(text, rows.get("claims", []), rows.get("memberships", []),
                               rows.get("rankings", []))
        body = (f'<div class="doc-text">{highlight(text, spans)}</div>' if text
                else '<p class="meta">No text available.</p>')
        error = f'<p class="error">{_e(doc.get("error"))}</p>' if doc.get("error") else ""
        own = checks_by_doc.get(doc_id, [])
        listed = f'<h3>Checks</h3><ul>{"".join(_check_item(c) for c in own)}</ul>' if own else ""
        parts.append(f'<article class="doc" id="{html.escape(_anchor("doc", doc_id))}">'
                     f'<h3>{html.escape(heading)}</h3><p class="meta">{html.escape(doc_id)} · {meta}</p>'
                     f"{error}{body}{listed}</article>")
    parts.append("</section>")

    parts.append('<section id="across"><h2>Across documents and against official data</h2>'
                 + (f'<ul>{"".join(_check_item(c) for c in cross)}</ul>' if cross
                    else "<p>No figure appears in more than one document.</p>") + "</section>")
    dataset = _rows(tables, "dataset")
    parts.append('<section id="dataset"><h2>Reconciled table</h2>'
                 + (_table(dataset, DATASET_COLUMNS) if dataset else "<p>No figures to reconcile.</p>")
                 + "</section>")
    parts.append(organisations_section(tables.get("timeline"), _anchor))
    parts.append("</main></body></html>")
    return "".join(parts)
