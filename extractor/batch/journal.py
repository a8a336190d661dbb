"""The run's journal: an SQLite file in ``DIR/.work/`` that every finished document is appended to.

Why SQLite: a document's rows go in with one transaction, so a run killed at any moment
(even SIGKILL) leaves whole documents or none, and ``--resume`` can trust what it finds.
Rows are keyed by (file, position in file), which makes re-journalling a document a
replacement, never a duplicate. Two inputs with the same bytes (an article saved twice,
a page crawled twice) share a ``doc_id``; every table is read with the later copies
standing aside (``skipped``, E305, naming the first), so ids stay unique and one article
does not count as two sources that agree. The parent process is the only writer; it commits in
small groups so an archive of millions of records does not pay one disk sync each.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from ..errors import ErrorCode
from .outcome import RECORD_TABLES, Outcome
from .units import Unit

SCHEMA = """
CREATE TABLE IF NOT EXISTS units (path TEXT PRIMARY KEY, size INTEGER, mtime INTEGER, done INTEGER DEFAULT 0);
CREATE TABLE IF NOT EXISTS docs (path TEXT, pos INTEGER, doc_id TEXT, source TEXT, status TEXT,
    has_records INTEGER, row TEXT, text TEXT, run INTEGER, PRIMARY KEY (path, pos));
CREATE TABLE IF NOT EXISTS runs (run INTEGER PRIMARY KEY, started REAL);
CREATE TABLE IF NOT EXISTS records (path TEXT, pos INTEGER, tbl TEXT, n INTEGER, row TEXT,
    PRIMARY KEY (path, pos, tbl, n));
CREATE TABLE IF NOT EXISTS orgs (path TEXT, pos INTEGER, n INTEGER, code TEXT, label TEXT, doc_id TEXT,
    mentions INTEGER, names TEXT, PRIMARY KEY (path, pos, n));
CREATE TEMP TABLE run_units (path TEXT PRIMARY KEY, idx INTEGER);
CREATE TEMP TABLE dups (path TEXT, pos INTEGER, first TEXT, PRIMARY KEY (path, pos));
CREATE TEMP VIEW effective AS
    SELECT path, pos, doc_id, source, row, run, first,
           CASE WHEN first IS NULL THEN status ELSE 'skipped' END AS status,
           CASE WHEN first IS NULL THEN has_records ELSE 0 END AS has_records,
           CASE WHEN first IS NULL THEN text END AS text
    FROM docs LEFT JOIN dups USING (path, pos);
"""
# ``effective`` is ``docs`` as the tables read it: a repeat is skipped and holds nothing.
# Readable documents whose doc_id an earlier one (in input order) already has.
_FIND_DUPS = """
INSERT INTO dups SELECT path, pos, first FROM (
    SELECT path, pos, FIRST_VALUE(source) OVER w AS first, ROW_NUMBER() OVER w AS k
    FROM docs JOIN run_units USING (path) WHERE status = 'ok'
    WINDOW w AS (PARTITION BY doc_id ORDER BY idx, pos))
WHERE k > 1
"""
_NOT_DUP = "NOT EXISTS (SELECT 1 FROM dups WHERE dups.path = {t}.path AND dups.pos = {t}.pos)"
JOURNAL_NAME = "journal.sqlite"


class Journal:
    """Append-only store of finished documents, readable back in input order.

    Each run that opens the journal gets a number (``run``) stored with the documents it
    finished, so one can tell what a resumed run redid.
    """

    def __init__(self, work_dir: Path, resume: bool = False, commit_every: float = 0.5) -> None:
        work_dir.mkdir(parents=True, exist_ok=True)
        self.path = work_dir / JOURNAL_NAME
        if not resume:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        self.db = sqlite3.connect(self.path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)
        self.db.execute("INSERT INTO runs (started) VALUES (?)", (time.time(),))
        self.run = self.db.execute("SELECT max(run) FROM runs").fetchone()[0]
        self.commit_every = commit_every
        self._open = False
        self._last_commit = time.monotonic()

    def close(self) -> None:
        self.commit()
        self.db.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _begin(self) -> None:
        if not self._open:
            self.db.execute("BEGIN")
            self._open = True

    def commit(self) -> None:
        if self._open:
            self.db.execute("COMMIT")
            self._open = False
        self._last_commit = time.monotonic()

    def _maybe_commit(self) -> None:
        if time.monotonic() - self._last_commit >= self.commit_every:
            self.commit()

    def start(self, units: list[Unit]) -> list[Unit]:
        """Register this run's inputs; return the units that still need work.

        A unit journalled under a different size or modification time is forgotten and
        redone: its file changed since.
        """
        self._begin()
        self.db.executemany("INSERT INTO run_units VALUES (?, ?)", [(u.key, u.index) for u in units])
        known = {p: (s, m, d) for p, s, m, d in self.db.execute("SELECT path, size, mtime, done FROM units")}
        todo = []
        for unit in units:
            stamp = unit.stamp()
            previous = known.get(unit.key)
            if previous and previous[:2] == stamp and previous[2]:
                continue
            if previous and previous[:2] != stamp:
                self._forget(unit.key)
            self.db.execute("INSERT OR REPLACE INTO units (path, size, mtime, done) VALUES (?, ?, ?, 0)",
                            (unit.key, *stamp))
            todo.append(unit)
        self.commit()
        return todo

    def _forget(self, path: str) -> None:
        for table in ("docs", "records", "orgs"):
            self.db.execute(f"DELETE FROM {table} WHERE path = ?", (path,))

    def finished(self, unit: Unit) -> tuple[int, frozenset[tuple[str, str]]]:
        """Where to pick ``unit`` up: the end of its unbroken run of journalled positions, and
        (source, doc_id) of the documents journalled beyond it.

        The run of positions is trusted without its ids (the file is unchanged, see
        :meth:`start`), so resuming a long archive does not hold every id in memory.
        """
        start = 0
        for (pos,) in self.db.execute("SELECT pos FROM docs WHERE path = ? AND pos >= 0 ORDER BY pos", (unit.key,)):
            if pos != start:
                break
            start += 1
        return start, frozenset(self.db.execute(
            "SELECT source, doc_id FROM docs WHERE path = ? AND pos > ?", (unit.key, start)))

    def count_finished(self) -> int:
        return self.db.execute("SELECT count(*) FROM docs JOIN run_units USING (path)").fetchone()[0]

    def add(self, unit: Unit, pos: int, outcome: Outcome) -> None:
        """Journal one document (replacing any earlier entry at the same place)."""
        self._begin()
        key = (unit.key, pos)
        for table in ("records", "orgs"):
            self.db.execute(f"DELETE FROM {table} WHERE path = ? AND pos = ?", key)
        row = outcome.document
        self.db.execute("INSERT OR REPLACE INTO docs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (*key, row["doc_id"], row["source"], row["status"], int(outcome.has_records),
                         json.dumps(row), outcome.text or None, self.run))
        records = [(*key, table, n, json.dumps(r)) for table in RECORD_TABLES
                   for n, r in enumerate(getattr(outcome, table))]
        if records:  # most documents of an archive are skipped, with nothing to insert
            self.db.executemany("INSERT INTO records VALUES (?, ?, ?, ?, ?)", records)
        if outcome.orgs:
            self.db.executemany("INSERT INTO orgs VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                [(*key, n, code, label, row["doc_id"], mentions, json.dumps(names))
                                 for n, (code, label, mentions, names) in enumerate(outcome.orgs)])
        self._maybe_commit()

    def unit_done(self, unit: Unit) -> None:
        self._begin()
        self.db.execute("UPDATE units SET done = 1 WHERE path = ?", (unit.key,))
        self._maybe_commit()

    def unfinished_units(self) -> list[str]:
        return [p for (p,) in self.db.execute(
            "SELECT path FROM units JOIN run_units USING (path) WHERE done = 0 ORDER BY idx")]

    # Reading back, always in input order: the file's place among the inputs, then position.

    def find_duplicates(self) -> int:
        """Note which readable documents repeat an earlier one's bytes; how many do."""
        self.commit()
        self.db.execute("DELETE FROM dups")
        self.db.execute(_FIND_DUPS)
        return self.db.execute("SELECT count(*) FROM dups").fetchone()[0]

    def documents(self, where: str = "", chunk: int = 5000) -> Iterator[list[dict]]:
        """Document rows in chunks; ``where`` is an SQL condition on them as read (a repeat is skipped)."""
        self.commit()
        cursor = self.db.execute(
            f"SELECT row, first FROM effective JOIN run_units USING (path) {'WHERE ' + where if where else ''} "
            "ORDER BY idx, pos")
        while batch := cursor.fetchmany(chunk):
            yield [json.loads(r) if first is None else _repeat(json.loads(r), first) for r, first in batch]

    def records(self, table: str) -> list[dict]:
        self.commit()
        return [json.loads(r) for (r,) in self.db.execute(
            "SELECT row FROM records JOIN run_units USING (path) "
            f"WHERE tbl = ? AND {_NOT_DUP.format(t='records')} ORDER BY idx, pos, n", (table,))]

    def orgs(self) -> Iterator[tuple[str, str, str, int, list[str]]]:
        """(code, label, doc_id, mentions, names) in the order a sequential run meets them."""
        self.commit()
        for code, label, doc_id, mentions, names in self.db.execute(
                "SELECT code, label, doc_id, mentions, names FROM orgs JOIN run_units USING (path) "
                f"WHERE {_NOT_DUP.format(t='orgs')} ORDER BY idx, pos, n"):
            yield code, label, doc_id, mentions, json.loads(names)

    def texts(self, where: str = "") -> dict[str, str]:
        self.commit()
        return dict(self.db.execute(
            "SELECT doc_id, text FROM effective JOIN run_units USING (path) WHERE text IS NOT NULL "
            f"{'AND ' + where if where else ''} ORDER BY idx, pos"))

    def status_counts(self) -> dict[str, int]:
        self.commit()
        return dict(self.db.execute(
            "SELECT status, count(*) FROM effective JOIN run_units USING (path) GROUP BY status"))


def _repeat(row: dict, first: str) -> dict:
    """The row of a document whose bytes an earlier input already had."""
    return {**row, "status": "skipped", "error": ErrorCode.DUPLICATE.message(first),
            "claims": 0, "memberships": 0, "rankings": 0}
