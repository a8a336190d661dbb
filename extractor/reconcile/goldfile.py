"""Turn hand-annotated gold files (``corpora/gold/*.json``) into the pipeline's tables.

This lets the reconciler audit figures a person annotated, with no extractor in the loop:
the audit corpus's tests use it, and so can anyone checking an article by hand. A gold
file lists claims, memberships and rankings with the quote each came from; offsets are
found by locating the quote in the text, and a membership is tied to the claim whose
quote names it (the list that goes with a count).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from ..schema import CLAIMS, DOCUMENTS, MEMBERSHIPS, RANKINGS


def _norm(text: str) -> str:
    text = text.lower().replace("&", " and ")
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", text).split())


def _segment(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ";".join(str(v) for v in sorted(value))
    return str(value)


def _offsets(text: str, quote: str) -> tuple[int | None, int | None]:
    start = text.find(quote) if quote else -1
    return (start, start + len(quote)) if start >= 0 else (None, None)


def _linked_claim(member: dict, claims: list[dict]) -> str:
    """The claim whose quote names this organisation in the same segment, if any."""
    name = _norm(member.get("name") or "")
    if not name:
        return ""
    for claim in claims:
        if claim["segment"] == _segment(member.get("segment")) and name in _norm(claim["text"]):
            return claim["claim_id"]
    return ""


def read_gold(gold_path: Path, text_path: Path | None = None) -> dict[str, list[dict]]:
    """The rows of one gold file, keyed by table name."""
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    doc_id = gold.get("id") or Path(gold_path).stem
    text = Path(text_path).read_text(encoding="utf-8") if text_path else ""
    framework = gold.get("framework") or ""
    claims = []
    for i, item in enumerate(gold.get("claims", [])):
        quote = item.get("quote") or ""
        start, end = _offsets(text, quote)
        claims.append({
            "claim_id": f"{doc_id}:c{i + 1}", "doc_id": doc_id, "org_type": item.get("org_type"),
            "segment": _segment(item.get("segment")), "count": item.get("count"),
            "total": item.get("total"), "percent": item.get("percent"),
            "share_text": item.get("share_text") or "", "scope": item.get("scope") or "",
            "framework": framework, "text": quote, "start": start, "end": end,
            "period": item.get("period") or "", "doubt": item.get("doubt") or "",
        })
    memberships = []
    for i, item in enumerate(gold.get("memberships", [])):
        name = item.get("name") or ""
        start, end = _offsets(text, name)
        memberships.append({
            "membership_id": f"{doc_id}:m{i + 1}", "doc_id": doc_id, "name": name,
            "canonical_name": (item.get("aliases") or [""])[0], "ods_code": item.get("ods_code") or "",
            "org_type": item.get("org_type"), "segment": _segment(item.get("segment")),
            "from_segment": _segment(item.get("from_segment")), "framework": framework,
            "text": name, "start": start, "end": end, "claim_id": _linked_claim(item, claims),
        })
    rankings = []
    for i, item in enumerate(gold.get("rankings", [])):
        quote = item.get("quote") or item.get("name") or ""
        start, end = _offsets(text, quote)
        rankings.append({
            "ranking_id": f"{doc_id}:r{i + 1}", "doc_id": doc_id, "name": item.get("name"),
            "canonical_name": (item.get("aliases") or [""])[0], "ods_code": item.get("ods_code") or "",
            "league": item.get("league") or "", "rank": item.get("rank"),
            "position": item.get("position") or "", "joint": "true" if item.get("joint") else "false",
            "total": item.get("total"), "segment": _segment(item.get("segment")),
            "framework": framework, "text": quote, "start": start, "end": end,
        })
    document = {"doc_id": doc_id, "source": str(text_path or gold_path), "status": "ok", "error": "",
                "title": gold.get("title") or "", "published": gold.get("published") or "",
                "framework": framework}
    return {"documents": [document], "claims": claims, "memberships": memberships, "rankings": rankings,
            "text": [{"doc_id": doc_id, "text": text}]}


def gold_tables(pairs: Iterable[tuple[Path, Path | None]]) -> tuple[dict[str, pd.DataFrame], dict[str, str]]:
    """The documents, claims, memberships and rankings tables (and texts) of gold files.

    ``pairs`` are (gold JSON, document text) paths; the text may be ``None``.
    """
    rows: dict[str, list[dict]] = {"documents": [], "claims": [], "memberships": [], "rankings": []}
    texts: dict[str, str] = {}
    for gold_path, text_path in pairs:
        one = read_gold(gold_path, text_path)
        for name in rows:
            rows[name].extend(one[name])
        texts.update({t["doc_id"]: t["text"] for t in one["text"]})
    schemas = {"documents": DOCUMENTS, "claims": CLAIMS, "memberships": MEMBERSHIPS, "rankings": RANKINGS}
    return {name: schemas[name].frame(rows[name]) for name in rows}, texts
