"""Property: figures taken from a consistent segment table never fail a check.

Hypothesis draws a true table (how many organisations of a type sit in each segment, and
for trusts how each segment splits into kinds of trust), then writes claims about it the
way articles do: bare counts, "X of the N", "45% (94)", a percentage on its own, verbal
shares chosen from the shipped phrases that truly fit, combined segments and named lists.
Two documents describe the same table, so cross-document checks run too.
"""

from __future__ import annotations

from fractions import Fraction

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.reconcile import reconcile
from extractor.reconcile.orgtypes import framework_segments
from extractor.reconcile.shares import share_table
from extractor.schema import CLAIMS, DOCUMENTS, MEMBERSHIPS

KINDS = ("acute", "specialist", "mental_health", "community", "ambulance")
NO_OFFICIAL = pd.DataFrame(columns=["ods_code", "name", "org_type", "league", "segment", "rank", "period"])


@st.composite
def tables(draw):
    framework = draw(st.sampled_from(["sof2016", "nof2022", "nof2025", ""]))
    org_type = draw(st.sampled_from(["trust", "acute", "icb"]))
    segments = framework_segments(framework)
    if org_type == "icb":
        counts = draw(st.lists(st.integers(0, 42), min_size=len(segments) - 1, max_size=len(segments) - 1)
                      .filter(lambda xs: sum(xs) <= 42))
        counts.append(42 - sum(counts))
    else:
        counts = draw(st.lists(st.integers(0, 120), min_size=len(segments), max_size=len(segments))
                      .filter(lambda xs: sum(xs) > 0))
    table = dict(zip(segments, counts, strict=True))
    split = {}
    if org_type == "trust":
        for segment, count in table.items():
            if draw(st.booleans()):
                cuts = sorted(draw(st.lists(st.integers(0, count), min_size=4, max_size=4)))
                split[segment] = [b - a for a, b in zip([0, *cuts], [*cuts, count], strict=True)]
    return framework, org_type, table, split


def _fitting_phrases(share: Fraction) -> list[str]:
    return sorted(p for p, interval in share_table().items() if interval.contains(share))


@st.composite
def documents(draw, truth, doc):
    framework, org_type, table, split = truth
    total = sum(table.values())
    claims, members = [], []
    state_total = draw(st.sampled_from(["population", "on_first", "none"]))
    if state_total == "population":
        claims.append({"org_type": org_type, "segment": "", "count": total})
    for i, (segment, count) in enumerate(table.items()):
        style = draw(st.sampled_from(["count", "percent_count", "percent_only", "share", "skip"]))
        row = {"org_type": org_type, "segment": str(segment)}
        if style == "skip":
            continue
        if style in ("count", "percent_count", "share"):
            row["count"] = count
        if style in ("percent_count", "percent_only"):
            decimals = draw(st.sampled_from([0, 1]))
            row["percent"] = f"{100 * count / total:.{decimals}f}"
            if style == "percent_only" and state_total == "none":
                row["total"] = total
        if style == "share":
            phrases = _fitting_phrases(Fraction(count, total))
            if phrases:
                row["share_text"] = draw(st.sampled_from(phrases))
                if state_total == "none":
                    row["total"] = total
        if i == 0 and state_total == "on_first":
            row["total"] = total
        claims.append(row)
        if 0 < count <= 4 and draw(st.booleans()):
            claim_id = f"{doc}:c{len(claims)}"
            members += [{"name": f"Org {segment}-{n}", "segment": str(segment), "claim_id": claim_id,
                         "org_type": org_type} for n in range(count)]
    if len(table) >= 2 and draw(st.booleans()):
        pair = list(table)[-2:]
        claims.append({"org_type": org_type, "segment": ";".join(map(str, pair)),
                       "count": sum(table[s] for s in pair)})
    for segment, parts in split.items():
        for kind, count in zip(KINDS, parts, strict=True):
            if draw(st.booleans()):
                claims.append({"org_type": kind, "segment": str(segment), "count": count})
    for n, row in enumerate(claims, start=1):
        row.update({"claim_id": f"{doc}:c{n}", "doc_id": doc, "framework": framework,
                    "text": f"claim {n}"})
    return doc, claims, members


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_consistent_tables_never_fail(data) -> None:
    truth = data.draw(tables())
    claims, members, docs = [], [], []
    for doc in ("d1", "d2"):
        _, doc_claims, doc_members = data.draw(documents(truth, doc))
        for row in doc_members:
            row["doc_id"] = doc
        claims += doc_claims
        members += doc_members
        docs.append({"doc_id": doc, "status": "ok", "framework": truth[0], "published": "2024-02-14"})
    checks, dataset = reconcile(DOCUMENTS.frame(docs), CLAIMS.frame(claims), MEMBERSHIPS.frame(members),
                                pd.DataFrame(), official=NO_OFFICIAL)
    failures = checks[checks["status"] == "fail"]
    assert failures.empty, failures[["kind", "message"]].to_string()
    _, org_type, table, _ = truth
    for segment, count in table.items():
        rows = dataset[(dataset["org_type"] == org_type) & (dataset["segment"] == str(segment))]
        assert rows.empty or int(rows.iloc[0]["count"]) == count
