"""The output contract (``../shared/spec/dataset.md`` v1.2), stated once.

Writers, readers and tests all use these schemas: the columns each table must carry, in
order, and the vocabularies its coded columns may take. Extra columns follow the contract
columns.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

ORG_TYPES = (
    "icb", "ccg", "trust", "acute", "mental_health", "community", "ambulance", "specialist",
    "community_or_mental_health", "non_acute", "other",
)
FRAMEWORKS = ("sof2016", "sof2021", "nof2022", "nof2025")
STATUSES = ("ok", "skipped", "failed")
LEAGUES = ("acute", "non_acute", "ambulance")
POSITIONS = ("top", "bottom")
CHECK_STATUSES = ("pass", "fail", "unverifiable")
BASES = ("stated", "derived")
TIMELINE_BASES = ("stated", "official")
SEGMENTS = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class TableSchema:
    """Columns of one output table and the vocabularies its coded columns must respect."""

    name: str
    columns: tuple[str, ...]
    vocab: dict[str, tuple[str, ...]] = field(default_factory=dict)
    extra: tuple[str, ...] = ()
    integers: tuple[str, ...] = ()

    @property
    def all_columns(self) -> tuple[str, ...]:
        return self.columns + self.extra

    def empty(self) -> pd.DataFrame:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in self.all_columns})

    def frame(self, rows: list[dict]) -> pd.DataFrame:
        """A DataFrame of ``rows`` with exactly the schema's columns, in order."""
        if not rows:
            return self.empty()
        df = pd.DataFrame.from_records(rows)
        for col in self.all_columns:
            if col not in df.columns:
                df[col] = None
        df = df[list(self.all_columns)]
        for col in self.integers:
            df[col] = pd.to_numeric(df[col], errors="coerce").astype("Int64")
        if "percent" in df.columns:
            df["percent"] = df["percent"].map(_plain_number).astype(object)
        return df

    def validate(self, df: pd.DataFrame) -> list[str]:
        """Every way ``df`` breaks the contract (all problems at once, not the first)."""
        problems = [f"{self.name}: missing column {c!r}" for c in self.columns if c not in df.columns]
        for col, allowed in self.vocab.items():
            if col not in df.columns:
                continue
            for value in df[col].dropna().astype(str).unique():
                if value == "":
                    continue
                parts = value.split(";") if col == "segment" else [value]
                bad = [p for p in parts if p not in allowed]
                if bad:
                    problems.append(f"{self.name}.{col}: {value!r} is not in {allowed}")
        return problems


_SEG = tuple(str(s) for s in SEGMENTS)


def _plain_number(value: object) -> object:
    """36.0 → 36 and NaN → None, so CSV cells read as the text stated them."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value

DOCUMENTS = TableSchema(
    "documents",
    ("doc_id", "source", "status", "error", "title", "published"),
    {"status": STATUSES},
    extra=("framework", "media_type", "chars", "claims", "memberships", "rankings"),
    integers=("chars", "claims", "memberships", "rankings"),
)
CLAIMS = TableSchema(
    "claims",
    ("claim_id", "doc_id", "org_type", "segment", "count", "total", "percent", "share_text",
     "scope", "framework", "text", "start", "end"),
    {"org_type": ORG_TYPES, "segment": _SEG, "framework": FRAMEWORKS},
    extra=("period", "org_words", "basis_text", "doubt"),
    integers=("count", "total", "start", "end"),
)
MEMBERSHIPS = TableSchema(
    "memberships",
    ("doc_id", "name", "canonical_name", "ods_code", "org_type", "segment", "from_segment",
     "framework", "text", "start", "end"),
    {"org_type": ORG_TYPES, "segment": _SEG, "from_segment": _SEG, "framework": FRAMEWORKS},
    extra=("membership_id", "claim_id", "period", "link_reason"),
    integers=("segment", "from_segment", "start", "end"),
)
RANKINGS = TableSchema(
    "rankings",
    ("doc_id", "name", "canonical_name", "ods_code", "league", "rank", "position", "joint",
     "total", "previous_rank", "segment", "framework", "text", "start", "end"),
    {"league": LEAGUES, "position": POSITIONS, "joint": ("true", "false"), "segment": _SEG,
     "framework": FRAMEWORKS},
    extra=("ranking_id", "period"),
    integers=("rank", "total", "previous_rank", "segment", "start", "end"),
)
CHECKS = TableSchema(
    "checks",
    ("check_id", "kind", "status", "claim_ids", "expected", "observed", "message"),
    {"status": CHECK_STATUSES},
    extra=("doc_ids",),
)
DATASET = TableSchema(
    "dataset",
    ("framework", "period", "org_type", "segment", "scope", "count", "basis", "claim_ids",
     "doc_ids", "reasoning", "conflict"),
    {"org_type": ORG_TYPES, "basis": BASES, "framework": FRAMEWORKS},
    integers=("count",),
)

TIMELINE = TableSchema(
    "timeline",
    ("ods_code", "canonical_name", "org_type", "framework", "period", "segment", "league", "rank", "total",
     "basis", "doc_ids", "record_ids", "conflict"),
    {"org_type": ORG_TYPES, "framework": FRAMEWORKS, "segment": _SEG, "league": LEAGUES,
     "basis": TIMELINE_BASES},
    extra=("names", "previous_segment"),
    integers=("segment", "rank", "total", "previous_segment"),
)

TABLES: dict[str, TableSchema] = {
    s.name: s for s in (DOCUMENTS, CLAIMS, MEMBERSHIPS, RANKINGS, CHECKS, DATASET, TIMELINE)
}
