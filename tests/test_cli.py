"""The command line as a user runs it: ``python -m extractor`` in a subprocess.

One extraction over a folder of awkward inputs (empty, binary, Windows-encoded, good) is
shared by the tests that read its output, so the suite pays for one pipeline start.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from extractor.cli import build_parser
from extractor.schema import TABLES

SUBCOMMANDS = ("extract", "audit", "orgs", "fetch")
GOOD_TEXT = ("Published 3 March 2024\nMore than half (23) of the 42 integrated care systems fall into "
             "segment 3, and 30 of the 209 trusts are in segment 1.\n")
# cp1252 bytes: en dashes (0x96), a right quote (0x92) and a pound sign (0xA3) are not UTF-8.
CP1252_TEXT = "Only one ICS – Frimley – is assigned to Segment 1. The region’s £12m deficit grew.\n"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extractor", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=cwd, timeout=300)


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_help_lists_every_command() -> None:
    proc = run("--help")
    assert proc.returncode == 0
    for name in SUBCOMMANDS:
        assert name in proc.stdout


def test_parser_knows_every_command() -> None:
    action = next(a for a in build_parser()._actions if a.dest == "command")
    assert set(action.choices) == set(SUBCOMMANDS)


@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_subcommand_help(command: str) -> None:
    proc = run(command, "--help")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(f"usage: extractor {command}")


def test_version() -> None:
    from extractor import __version__

    proc = run("--version")
    assert proc.returncode == 0
    assert __version__ in proc.stdout


def test_no_command_is_a_usage_error() -> None:
    proc = run()
    assert proc.returncode == 2
    assert "usage:" in proc.stderr


@pytest.fixture(scope="module")
def awkward_inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("inputs")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blob.dat").write_bytes(bytes(range(256)) * 16)
    (folder / "windows.txt").write_bytes(CP1252_TEXT.encode("cp1252"))
    (folder / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def extracted(awkward_inputs: Path, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("out")
    proc = run("extract", str(awkward_inputs), "--out", str(out), "--format", "csv,parquet", "--quiet")
    return proc, out


def test_extract_exits_zero_despite_bad_files(extracted) -> None:
    proc, _ = extracted
    assert proc.returncode == 0, proc.stderr
    assert "4 documents (2 ok, 0 skipped, 2 failed)" in proc.stdout, proc.stdout + proc.stderr


def test_every_input_is_a_document_row(extracted, awkward_inputs: Path) -> None:
    _, out = extracted
    rows = {Path(r["source"]).name: r for r in read_rows(out / "documents.csv")}
    assert set(rows) == {p.name for p in awkward_inputs.iterdir()}
    expected = {"empty.txt": ("failed", "E101"), "blob.dat": ("failed", "E102"),
                "windows.txt": ("ok", ""), "good.txt": ("ok", "")}
    for name, (status, code) in expected.items():
        assert rows[name]["status"] == status, rows[name]
        assert rows[name]["error"].startswith(code) if code else rows[name]["error"] == ""


def test_failures_are_named_on_stderr(extracted) -> None:
    proc, _ = extracted
    assert "empty.txt: E101" in proc.stderr
    assert "blob.dat: E102" in proc.stderr


def test_windows_text_is_decoded(extracted) -> None:
    _, out = extracted
    members = read_rows(out / "memberships.csv")
    assert [(m["name"], m["segment"]) for m in members] == [("Frimley", "1")]
    claims = read_rows(out / "claims.csv")
    assert any("ICS – Frimley –" in c["text"] for c in claims)


def number(cell: str) -> float | None:
    return float(cell) if cell else None


def test_good_text_gives_its_claims(extracted) -> None:
    _, out = extracted
    claims = {(c["org_type"], c["segment"], number(c["count"]), number(c["total"]))
              for c in read_rows(out / "claims.csv")}
    assert {("icb", "3", 23, 42), ("trust", "1", 30, 209)} <= claims


def test_counts_are_written_as_integers(extracted) -> None:
    _, out = extracted
    cells = [c[col] for c in read_rows(out / "claims.csv") for col in ("count", "total") if c[col]]
    assert cells and all(cell.isdigit() for cell in cells), cells


def test_both_formats_are_written_and_agree(extracted) -> None:
    _, out = extracted
    for name in TABLES:
        csv_df = pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False)
        parquet_df = pd.read_parquet(out / f"{name}.parquet")
        assert list(parquet_df.columns) == list(csv_df.columns), name
        assert len(parquet_df) == len(csv_df), name
        assert TABLES[name].validate(csv_df) == [], name


def test_strict_fails_when_a_document_failed(awkward_inputs: Path, tmp_path: Path) -> None:
    proc = run("extract", str(awkward_inputs / "empty.txt"), "--out", str(tmp_path), "--strict", "--quiet",
               "--no-reconcile", "--no-report")
    assert proc.returncode == 1
    rows = read_rows(tmp_path / "documents.csv")
    assert [(r["status"], r["error"][:4]) for r in rows] == [("failed", "E101")]


@pytest.mark.parametrize("args", [
    pytest.param(("extract", "no/such/folder", "--out", "OUT"), id="missing-path"),
    pytest.param(("extract", "IN", "--out", "OUT", "--format", "xml"), id="unknown-format"),
])
def test_usage_errors_exit_2(args: tuple[str, ...], awkward_inputs: Path, tmp_path: Path) -> None:
    args = tuple(str(awkward_inputs / "good.txt") if a == "IN" else str(tmp_path / "o") if a == "OUT" else a
                 for a in args)
    proc = run(*args)
    assert proc.returncode == 2
    assert proc.stderr.startswith("extractor:")


@pytest.mark.parametrize(("args", "words"), [
    (("extract", "no/such/folder", "--out", "OUT"), "no such file or folder: no/such/folder"),
    (("extract", "IN", "--out", "OUT", "--format", "xml"), "unknown --format xml"),
])
def test_usage_errors_are_clear(args: tuple[str, ...], words: str, awkward_inputs: Path,
                                tmp_path: Path) -> None:
    args = tuple(str(awkward_inputs / "good.txt") if a == "IN" else str(tmp_path / "o") if a == "OUT" else a
                 for a in args)
    proc = run(*args)
    assert proc.returncode != 0
    assert words in proc.stderr
    assert not (tmp_path / "o").exists()


def test_orgs_explains_a_resolution() -> None:
    proc = run("orgs", "East", "Kent", "Hospitals")
    assert proc.returncode == 0, proc.stderr
    assert "RVV" in proc.stdout and "East Kent Hospitals University NHS Foundation Trust" in proc.stdout


OFFICIAL_DOC = ("Published 20 February 2024\nIn the Q3 2023/24 segmentation, NHS Frimley ICB was the only "
                "integrated care board placed in segment 1.\n")


@pytest.fixture(scope="module")
def with_official(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("official")
    (folder / "docs").mkdir()
    (folder / "docs" / "story.txt").write_text(OFFICIAL_DOC, encoding="utf-8")
    table = folder / "icb_segments_2023-24_q3.xlsx"
    pd.DataFrame([{"ICB code": "QNQ", "ICB name": "NHS Frimley Integrated Care Board", "Segment": 2}]).to_excel(
        table, index=False)
    out = folder / "out"
    proc = run("extract", str(folder / "docs"), "--out", str(out), "--official", str(table), "--quiet", "--jobs", "1")
    return proc, out


def test_official_file_checks_the_timeline_of_its_period(with_official) -> None:
    proc, out = with_official
    assert proc.returncode == 0, proc.stderr
    [row] = [r for r in read_rows(out / "timeline.csv") if r["ods_code"] == "QNQ"]
    assert (row["period"], row["segment"], row["basis"]) == ("2023/24 Q3", "2", "official")
    assert "official table places it in segment 2" in row["conflict"]
    official = [c for c in read_rows(out / "checks.csv") if c["kind"] == "official_data"]
    found = {(c["status"], c["expected"], c["observed"]) for c in official}
    assert found == {("fail", "2", "1"), ("unverifiable", "0–41", "1")}  # the ICB; the count of 1 of 42


def test_orgs_prints_the_history_from_a_run(with_official) -> None:
    _, out = with_official
    proc = run("orgs", "Frimley", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    history = proc.stdout[proc.stdout.index("history in"):]
    assert "NHS Frimley Integrated Care Board (QNQ)" in history
    assert "2023/24 Q3" in history and "official" in history and "conflict: the official table" in history


def test_orgs_without_a_run_says_what_to_do(tmp_path) -> None:
    proc = run("orgs", "Frimley", "--out", str(tmp_path))
    assert proc.returncode == 2 and "run `extractor extract" in proc.stderr


def test_a_malformed_official_file_stops_the_run_before_it_starts(tmp_path) -> None:
    (tmp_path / "story.txt").write_text(OFFICIAL_DOC, encoding="utf-8")
    table = tmp_path / "segments_2023-24_q3.csv"
    table.write_text("Org code,Segment\nQNQ,seven\n", encoding="utf-8")
    proc = run("extract", str(tmp_path / "story.txt"), "--out", str(tmp_path / "out"), "--official", str(table))
    assert proc.returncode == 2
    assert "E504" in proc.stderr and "row 2: segment 'seven' is not 1-5" in proc.stderr
    assert not (tmp_path / "out").exists()
