"""Every table of a run in one SQLite file, the way journalists open data in Datasette or sqlite-utils.

The standard library's ``sqlite3`` is enough: tables are written as they stream in (a huge
``documents`` table never sits in memory), then linked. Keys: ``documents.doc_id``,
``claims.claim_id``, ``memberships.membership_id``, ``rankings.ranking_id`` and
``checks.check_id`` are primary keys, and every ``doc_id``/``claim_id`` column references
its table; the ``;``-lists of the CSVs become link tables (``check_claims``,
``check_documents``, ``dataset_claims``, ``timeline_records``) so a join needs no string
splitting. A document given twice has one ``documents`` row; its later copies go to
``repeats``. Indexes cover organisation, period and segment; ``<table>_fts`` (FTS5, the
names sqlite-utils and Datasette look for) search the statements' words and the checks'
messages. Empty cells are NULL.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from ..schema import TABLES

FILE_NAME = "dataset.sqlite"
PRIMARY_KEYS = {"documents": "doc_id", "claims": "claim_id", "memberships": "membership_id",
                "rankings": "ranking_id", "checks": "check_id", "organisations": "ods_code"}
REFERENCES = {"doc_id": "documents(doc_id)", "claim_id": "claims(claim_id)"}
ROW_IDS = ("dataset", "timeline")  # tables whose rows are linked by number
INDEXED = ("doc_id", "ods_code", "canonical_name", "period", "segment", "org_type", "framework", "kind", "status")
SEARCHED = {"claims": ("text",), "memberships": ("name", "text"), "rankings": ("name", "text"),
            "checks": ("message",)}
LINKS = (  # link table, parent table, parent key, list column, child column, what the child references
    ("check_claims", "checks", "check_id", "claim_ids", "claim_id", "claims(claim_id)"),
    ("check_documents", "checks", "check_id", "doc_ids", "doc_id", "documents(doc_id)"),
    ("dataset_claims", "dataset", "row_id", "claim_ids", "claim_id", "claims(claim_id)"),
)
EXTRA_INTEGERS = {"organisations": ("mentions", "documents")}


def _cell(value: object) -> object:
    """A cell as SQLite stores it: numbers as numbers, every kind of null (and "") as NULL."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    return None if value == "" else value


def _type(table: str, column: str) -> str:
    schema = TABLES.get(table)
    if column in EXTRA_INTEGERS.get(table, ()) or (schema and column in schema.integers):
        return "INTEGER"
    return "REAL" if column == "percent" else "TEXT"


def _name(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _split(table: str, key: str, column: str) -> str:
    """A ``split(k, item)`` CTE: one row per item of each row's ``;``-list (SQLite has no split function)."""
    return (f"WITH RECURSIVE parts(k, item, rest) AS (SELECT {key}, '', {_name(column)} || ';' FROM {_name(table)}"
            f" WHERE {_name(column)} IS NOT NULL UNION ALL SELECT k, substr(rest, 1, instr(rest, ';') - 1),"
            " substr(rest, instr(rest, ';') + 1) FROM parts WHERE rest <> ''),"
            " split(k, item) AS (SELECT k, item FROM parts WHERE item <> '')")


class SqliteWriter:
    """Writes tables chunk by chunk into a temporary file that becomes ``dataset.sqlite`` on :meth:`close`."""

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / FILE_NAME
        self.partial = out_dir / (FILE_NAME + ".partial")
        self.partial.unlink(missing_ok=True)
        self.db = sqlite3.connect(self.partial)
        self.db.execute("PRAGMA journal_mode = OFF")
        self.db.execute("PRAGMA synchronous = OFF")
        self.columns: dict[str, list[str]] = {}
        self.doc_ids: set[str] = set()

    def write(self, table: str, frame: pd.DataFrame) -> None:
        if table not in self.columns:
            self._create(table, list(frame.columns))
        rows = [[_cell(v) for v in row] for row in frame.itertuples(index=False, name=None)]
        if table == "documents":
            rows, repeats = self._split_repeats(rows, list(frame.columns).index("doc_id"))
            self._insert("repeats", repeats)
        self._insert(table, rows)

    def _split_repeats(self, rows: list[list], at: int) -> tuple[list[list], list[list]]:
        first, later = [], []
        for row in rows:
            (later if row[at] in self.doc_ids else first).append(row)
            self.doc_ids.add(row[at])
        return first, later

    def _create(self, table: str, columns: list[str]) -> None:
        key = PRIMARY_KEYS.get(table)
        defs = ["row_id INTEGER PRIMARY KEY"] if table in ROW_IDS else []
        for column in columns:
            text = f"{_name(column)} {_type(table, column)}"
            if column == key:
                text += " PRIMARY KEY"
            elif column in REFERENCES and table != REFERENCES[column].split("(")[0]:
                text += f" REFERENCES {REFERENCES[column]}"
            defs.append(text)
        self.db.execute(f"CREATE TABLE {_name(table)} ({', '.join(defs)})")
        self.columns[table] = columns
        if table == "documents":
            self.db.execute(f"CREATE TABLE repeats ({', '.join(defs).replace(' PRIMARY KEY', '')})")
            self.columns["repeats"] = columns

    def _insert(self, table: str, rows: list[list]) -> None:
        if rows:
            names = ", ".join(_name(c) for c in self.columns[table])
            marks = ", ".join("?" for _ in self.columns[table])
            self.db.executemany(f"INSERT INTO {_name(table)} ({names}) VALUES ({marks})", rows)

    def abort(self) -> None:
        """Drop the unfinished file, so a failed run leaves no half-written database behind."""
        self.db.close()
        self.partial.unlink(missing_ok=True)

    def close(self) -> Path:
        """Link, index and make searchable what was written, then put the file in place."""
        try:
            self._links()
            self._indexes()
            self._search()
            self.db.commit()
        finally:
            self.db.close()
        self.partial.replace(self.path)
        return self.path

    def _links(self) -> None:
        for link, parent, key, column, child, target in LINKS:
            if column not in self.columns.get(parent, ()):
                continue
            self.db.execute(f"CREATE TABLE {link} ({key} REFERENCES {parent}({key}), {child} REFERENCES {target})")
            self.db.execute(f"INSERT INTO {link} {_split(parent, key, column)} SELECT k, item FROM split")
        if "record_ids" in self.columns.get("timeline", ()):
            self.db.execute("CREATE TABLE timeline_records (row_id REFERENCES timeline(row_id), "
                            "membership_id REFERENCES memberships(membership_id), "
                            "ranking_id REFERENCES rankings(ranking_id))")
            self.db.execute(
                f"INSERT INTO timeline_records {_split('timeline', 'row_id', 'record_ids')} SELECT k,"
                " (SELECT membership_id FROM memberships WHERE membership_id = item),"
                " (SELECT ranking_id FROM rankings WHERE ranking_id = item) FROM split")

    def _indexes(self) -> None:
        for table, columns in self.columns.items():
            for column in columns:
                if column in INDEXED and column != PRIMARY_KEYS.get(table):
                    index = _name(f"idx_{table}_{column}")
                    self.db.execute(f"CREATE INDEX {index} ON {_name(table)} ({_name(column)})")

    def _search(self) -> None:
        for table, columns in SEARCHED.items():
            have = [c for c in columns if c in self.columns.get(table, ())]
            if not have:
                continue
            names = ", ".join(_name(c) for c in have)
            self.db.execute(f"CREATE VIRTUAL TABLE {_name(table + '_fts')} USING fts5({names}, "
                            f"content={_name(table)}, content_rowid='rowid')")
            self.db.execute(f"INSERT INTO {_name(table + '_fts')} (rowid, {names}) "
                            f"SELECT rowid, {names} FROM {_name(table)}")


def write_sqlite(out_dir: Path, tables: dict[str, pd.DataFrame | Iterable[pd.DataFrame]]) -> Path:
    """Every table (whole or as chunks) into ``out_dir/dataset.sqlite``; returns its path."""
    writer = SqliteWriter(out_dir)
    try:
        for name, table in tables.items():
            for chunk in [table] if isinstance(table, pd.DataFrame) else table:
                writer.write(name, chunk)
    except BaseException:
        writer.abort()
        raise
    return writer.close()


def read_table(path: Path, table: str) -> pd.DataFrame:
    """One table of a ``dataset.sqlite`` as text cells, as its CSV would read (without ``row_id``)."""
    with sqlite3.connect(path) as db:
        cursor = db.execute(f"SELECT * FROM {_name(table)}")
        columns = [c[0] for c in cursor.description]
        rows = [["" if v is None else str(v) for v in row] for row in cursor]
    return pd.DataFrame(rows, columns=columns).drop(columns=["row_id"], errors="ignore")
