"""The tables of one run, in memory and on disk."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .schema import TABLES

FORMATS = ("csv", "parquet")


@dataclass
class ExtractionResult:
    """What :func:`extractor.extract` returns: one DataFrame per contract table.

    ``texts`` maps ``doc_id`` to the plain text that ``start``/``end`` offsets refer to.
    """

    documents: pd.DataFrame
    claims: pd.DataFrame
    memberships: pd.DataFrame
    rankings: pd.DataFrame
    checks: pd.DataFrame
    dataset: pd.DataFrame
    organisations: pd.DataFrame = field(default_factory=pd.DataFrame)
    texts: dict[str, str] = field(default_factory=dict)

    def tables(self) -> dict[str, pd.DataFrame]:
        return {"documents": self.documents, "claims": self.claims, "memberships": self.memberships,
                "rankings": self.rankings, "checks": self.checks, "dataset": self.dataset,
                "organisations": self.organisations}

    def problems(self) -> list[str]:
        """Every way the tables break the contract (empty when they keep it)."""
        out: list[str] = []
        for name, df in self.tables().items():
            if name in TABLES:
                out.extend(TABLES[name].validate(df))
        return out

    def write(self, out_dir: Path, formats: tuple[str, ...] = ("csv",)) -> list[Path]:
        """Write every table as ``<name>.csv`` (and/or ``.parquet``); returns the paths."""
        out_dir.mkdir(parents=True, exist_ok=True)
        written = []
        for name, df in self.tables().items():
            for fmt in formats:
                path = out_dir / f"{name}.{fmt}"
                if fmt == "csv":
                    df.to_csv(path, index=False, encoding="utf-8")
                elif fmt == "parquet":
                    df.astype("string").to_parquet(path, index=False)
                else:
                    raise ValueError(f"unknown format {fmt!r}; choose from {FORMATS}")
                written.append(path)
        return written
