"""``--format sqlite``: one file with every table, keys a join can follow, indexes and full-text search."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pandas as pd
import pytest

from extractor.export.sqlite import FILE_NAME, read_table, write_sqlite
from extractor.runner import ExtractOptions, extract_to

BOARD = ("Published 12 January 2024\nHarbourside Hospitals board papers\n"
         "Of the 42 integrated care boards, 23 sit in segment 3 and only one ICB, Frimley, is in segment 1.\n")
NEWS = ("Published 2 February 2024\nGlenmoor Gazette\n"
        "East Kent Hospitals remains in segment 4 of the NHS Oversight Framework, the regulator said.\n")


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("docs")
    (folder / "a_board.txt").write_text(BOARD, encoding="utf-8")
    (folder / "b_news.txt").write_text(NEWS, encoding="utf-8")
    (folder / "c_copy.txt").write_text(NEWS, encoding="utf-8")  # same bytes: one document, one repeat
    out = tmp_path_factory.mktemp("out")
    run = extract_to([folder], out, ExtractOptions(jobs=1), formats=("csv", "sqlite"))
    # the pandas API has the timeline too: East Kent stated for 2023/24 Q3 and official for 2025/26 Q3; Frimley
    assert list(run.result.timeline["ods_code"]) == ["RVV", "RVV", "QNQ"]
    return out / FILE_NAME, out


def query(path: Path, sql: str, *args) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return db.execute(sql, args).fetchall()


def test_every_table_is_in_the_file_with_the_csv_rows(database) -> None:
    path, out = database
    for name in ("claims", "memberships", "rankings", "checks", "dataset", "timeline", "organisations"):
        frame = pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False)
        assert query(path, f"SELECT count(*) FROM {name}") == [(len(frame),)], name
    documents = pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False)
    kept = query(path, "SELECT count(*) FROM documents")[0][0]
    repeats = query(path, "SELECT count(*) FROM repeats")[0][0]
    assert (kept, repeats) == (2, 1) and kept + repeats == len(documents)


def test_claims_join_their_documents(database) -> None:
    path, _ = database
    rows = query(path, "SELECT c.count, c.total, d.source FROM claims c JOIN documents d USING (doc_id) "
                       "WHERE c.segment = '3' AND c.org_type = 'icb'")
    assert rows and rows[0][:2] == (23, 42) and rows[0][2].endswith("a_board.txt")


def test_full_text_search_finds_a_statement(database) -> None:
    path, _ = database
    found = query(path, "SELECT m.name, m.segment, d.source FROM memberships_fts f "
                        "JOIN memberships m ON m.rowid = f.rowid JOIN documents d USING (doc_id) "
                        "WHERE memberships_fts MATCH ?", "regulator")
    assert [(name, segment) for name, segment, _ in found] == [("East Kent Hospitals", 4)]
    assert found[0][2].endswith("b_news.txt")
    searched = query(path, "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'frimley'")
    scanned = query(path, "SELECT count(*) FROM claims WHERE text LIKE '%Frimley%'")
    assert searched == scanned and scanned[0][0] > 0


def test_keys_hold_and_lists_become_link_tables(database) -> None:
    path, _ = database
    assert query(path, "PRAGMA foreign_key_check") == []
    targets = {row[2] for table in ("claims", "memberships", "check_claims", "timeline_records")
               for row in query(path, f"PRAGMA foreign_key_list({table})")}
    assert {"documents", "claims", "checks", "timeline", "memberships", "rankings"} <= targets
    linked = query(path, "SELECT count(*) FROM check_claims k JOIN claims c USING (claim_id)")[0][0]
    listed = sum(len([c for c in (ids or "").split(";") if c])
                 for (ids,) in query(path, "SELECT claim_ids FROM checks"))
    assert linked == listed > 0
    history = query(path, "SELECT t.ods_code, m.name FROM timeline t JOIN timeline_records r USING (row_id) "
                          "JOIN memberships m USING (membership_id) WHERE t.ods_code = 'RVV'")
    assert history == [("RVV", "East Kent Hospitals")]


def test_organisation_period_and_segment_are_indexed(database) -> None:
    path, _ = database
    indexed = {(table, column) for table in ("memberships", "timeline", "claims", "dataset")
               for (name,) in query(path, f"SELECT name FROM pragma_index_list('{table}')")
               for (_, _, column) in query(path, f"PRAGMA index_info('{name}')")}
    for wanted in [("memberships", "ods_code"), ("timeline", "ods_code"), ("timeline", "period"),
                   ("timeline", "segment"), ("claims", "period"), ("claims", "segment"), ("dataset", "segment")]:
        assert wanted in indexed


def test_empty_cells_are_null_and_counts_are_numbers(database) -> None:
    path, _ = database
    assert query(path, "SELECT count(*) FROM claims WHERE scope = ''") == [(0,)]
    assert query(path, "SELECT DISTINCT typeof(count) FROM claims WHERE count IS NOT NULL") == [("integer",)]


def test_a_table_reads_back_as_its_csv(database) -> None:
    path, out = database
    for name in ("timeline", "memberships", "checks"):
        csv = pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False)
        pd.testing.assert_frame_equal(read_table(path, name), csv, obj=name)


def test_a_failed_write_leaves_no_database(tmp_path) -> None:
    def chunks():
        yield pd.DataFrame({"doc_id": ["a"], "status": ["ok"]})
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_sqlite(tmp_path, {"documents": chunks()})
    assert list(tmp_path.iterdir()) == []
