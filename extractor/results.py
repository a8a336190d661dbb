"""The tables of one run, in memory and on disk."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from .schema import TABLES, TIMELINE

if TYPE_CHECKING:
    from .export.sqlite import SqliteWriter

FORMATS = ("csv", "parquet", "sqlite")


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
    timeline: pd.DataFrame = field(default_factory=TIMELINE.empty)
    organisations: pd.DataFrame = field(default_factory=pd.DataFrame)
    texts: dict[str, str] = field(default_factory=dict)

    def tables(self) -> dict[str, pd.DataFrame]:
        return {"documents": self.documents, "claims": self.claims, "memberships": self.memberships,
                "rankings": self.rankings, "checks": self.checks, "dataset": self.dataset,
                "timeline": self.timeline, "organisations": self.organisations}

    def problems(self) -> list[str]:
        """Every way the tables break the contract (empty when they keep it)."""
        out: list[str] = []
        for name, df in self.tables().items():
            if name in TABLES:
                out.extend(TABLES[name].validate(df))
        return out

    def write(self, out_dir: Path, formats: tuple[str, ...] = ("csv",)) -> list[Path]:
        """Write every table as ``<name>.csv`` (and/or ``.parquet``, and/or into ``dataset.sqlite``);
        returns the paths."""
        return write_tables(out_dir, self.tables(), formats)


def write_tables(out_dir: Path, tables: dict[str, pd.DataFrame | Iterable[pd.DataFrame]],
                 formats: tuple[str, ...] = ("csv",)) -> list[Path]:
    """Write each table, given whole or as an iterable of chunks, so a huge table never sits in memory.

    ``csv`` and ``parquet`` give a file per table; ``sqlite`` one ``dataset.sqlite`` holding them all.
    """
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise ValueError(f"unknown format {bad[0]!r}; choose from {FORMATS}")
    out_dir.mkdir(parents=True, exist_ok=True)
    database = None
    if "sqlite" in formats:
        from .export.sqlite import SqliteWriter

        database = SqliteWriter(out_dir)
    written = []
    try:
        for name, table in tables.items():
            chunks = [table] if isinstance(table, pd.DataFrame) else table
            written.extend(_write_chunks(out_dir, name, chunks, formats, database))
    except BaseException:
        if database is not None:
            database.abort()
        raise
    if database is not None:
        written.append(database.close())
    return written


def _write_chunks(out_dir: Path, name: str, chunks: Iterable[pd.DataFrame], formats: tuple[str, ...],
                  database: SqliteWriter | None = None) -> list[Path]:
    paths = {fmt: out_dir / f"{name}.{fmt}" for fmt in formats if fmt in ("csv", "parquet")}
    parquet = None
    first = True
    try:
        for df in chunks:
            if not first and df.empty:
                continue
            if "csv" in paths:
                df.to_csv(paths["csv"], index=False, encoding="utf-8", mode="w" if first else "a",
                          header=first)
            if "parquet" in paths:
                import pyarrow as pa
                import pyarrow.parquet as pq

                part = pa.Table.from_pandas(df.astype("string"), preserve_index=False)
                if parquet is None:
                    parquet = pq.ParquetWriter(paths["parquet"], part.schema)
                parquet.write_table(part.cast(parquet.schema))
            if database is not None:
                database.write(name, df)
            first = False
    finally:
        if parquet is not None:
            parquet.close()
    if first:
        raise ValueError(f"table {name!r} has no chunks, not even an empty frame")
    return list(paths.values())
