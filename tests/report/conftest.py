"""A report built from the audit corpus's gold tables plus one hostile document."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from extractor.reconcile import reconcile_tables
from extractor.reconcile.goldfile import gold_tables
from extractor.schema import CLAIMS, DOCUMENTS, MEMBERSHIPS

CORPORA = Path(__file__).resolve().parents[2] / "corpora"
HOSTILE_ID = "hostile"
HOSTILE_ORG = "NHS Devon <script>window.__pwned = 6</script>"
HOSTILE_TEXT = (
    "Trust board update <script>window.__pwned = 1; console.error('pwned')</script>\n"
    "Three of the 12 trusts <img src=x onerror=\"window.__pwned = 2\"> are in segment 4.\n"
    "</div></article><style>body{display:none}</style> & the rest are in segment 2."
)


@pytest.fixture(scope="session")
def report_inputs() -> tuple[dict[str, pd.DataFrame], dict[str, str]]:
    golds = sorted((CORPORA / "gold").glob("audit_*.json"))
    tables, texts = gold_tables([(g, CORPORA / f"{g.stem}.txt") for g in golds])
    quote = "Three of the 12 trusts <img src=x onerror=\"window.__pwned = 2\"> are in segment 4"
    start = HOSTILE_TEXT.index(quote)
    hostile_claim = {"claim_id": "hostile:c1\"><script>window.__pwned=3</script>", "doc_id": HOSTILE_ID,
                     "org_type": "trust", "segment": "4", "count": 3, "total": 12,
                     "text": quote, "start": start, "end": start + len(quote)}
    tables["claims"] = CLAIMS.frame([*tables["claims"].to_dict("records"), hostile_claim])
    tables["documents"] = DOCUMENTS.frame([
        *tables["documents"].to_dict("records"),
        {"doc_id": HOSTILE_ID, "source": "hostile.html", "status": "ok",
         "title": "<script>window.__pwned = 4</script>Board update"}])
    texts[HOSTILE_ID] = HOSTILE_TEXT
    devon = next(m for m in tables["memberships"].to_dict("records") if m["ods_code"] == "QJK")
    tables["memberships"] = MEMBERSHIPS.frame([*tables["memberships"].to_dict("records"), {
        **devon, "doc_id": HOSTILE_ID, "segment": 2, "period": "2023/24 Q3", "membership_id": "hostile-m1",
        "start": 0, "end": 5,
        "name": "<b onmouseover=\"window.__pwned = 5\">Devon</b>", "canonical_name": HOSTILE_ORG}])
    result = reconcile_tables(tables["documents"], tables["claims"], tables["memberships"],
                              tables["rankings"], texts=texts)
    tables.update(checks=result.checks, dataset=result.dataset, timeline=result.timeline)
    return tables, texts
