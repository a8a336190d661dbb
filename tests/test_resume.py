"""A batch killed with SIGKILL mid-run and resumed gives exactly the tables of an uninterrupted run.

All for real: ``python -m extractor extract --jobs 2`` runs in its own process group over
60 generated documents; the test watches the journal until some documents are done,
kills the whole group, resumes with ``--resume`` and compares every table byte for byte.
The journal records which run finished each document, so it also shows that the
resumed run did not redo what the killed one had finished.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .tables import same_table

REPO = Path(__file__).resolve().parents[1]
CORPUS = sorted((REPO / "corpora").glob("*.txt"))
TABLES = ("documents", "claims", "memberships", "rankings", "checks", "dataset", "organisations")
N_DOCUMENTS = 60
ENV = {**os.environ, "PYTHONHASHSEED": "0"}

pytestmark = pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    """60 documents: each corpus text with a short note that makes its bytes (and id) its own."""
    folder = tmp_path_factory.mktemp("archive")
    texts = [p.read_text(encoding="utf-8") for p in CORPUS]
    for n in range(N_DOCUMENTS):
        body = texts[n % len(texts)] + texts[(n + 7) % len(texts)]
        (folder / f"doc_{n:03d}.txt").write_text(f"{body}\nEditor's note {n}: figures as published.\n",
                                                  encoding="utf-8")
    return folder


def command(inputs: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "extractor", "extract", str(inputs), "--out", str(out), "--jobs", "2",
            "--quiet", "--no-report", *extra]


def journalled(out: Path) -> int:
    path = out / ".work" / "journal.sqlite"
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(path, timeout=1) as db:
            return db.execute("SELECT count(*) FROM docs").fetchone()[0]
    except sqlite3.OperationalError:  # tables not created yet
        return 0


def runs_of(out: Path) -> dict[int, int]:
    with sqlite3.connect(out / ".work" / "journal.sqlite") as db:
        return dict(db.execute("SELECT run, count(*) FROM docs GROUP BY run"))


@pytest.fixture(scope="module")
def uninterrupted(inputs, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("whole")
    subprocess.run(command(inputs, out), env=ENV, check=True, timeout=300, capture_output=True)
    return out


@pytest.fixture(scope="module")
def killed(inputs, tmp_path_factory) -> tuple[Path, int]:
    """The output folder of a run SIGKILLed after some documents, and how many it had journalled."""
    out = tmp_path_factory.mktemp("killed")
    proc = subprocess.Popen(command(inputs, out), env=ENV, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 240
        while journalled(out) < 6 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
    if proc.returncode != -signal.SIGKILL:
        pytest.skip(f"the run ended (exit {proc.returncode}) before it could be killed mid-way")
    return out, journalled(out)


def test_the_run_was_killed_mid_way(killed) -> None:
    out, done = killed
    assert 0 < done < N_DOCUMENTS
    assert not (out / "documents.csv").exists()


@pytest.fixture(scope="module")
def resumed(killed, inputs) -> tuple[Path, int]:
    out, done = killed
    subprocess.run(command(inputs, out, "--resume"), env=ENV, check=True, timeout=300, capture_output=True)
    return out, done


def test_resume_does_not_redo_finished_documents(resumed) -> None:
    out, done = resumed
    assert runs_of(out) == {1: done, 2: N_DOCUMENTS - done}


def test_resume_leaves_no_duplicates(resumed) -> None:
    out, _ = resumed
    lines = (out / "documents.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert len(lines) == N_DOCUMENTS
    assert len({line.split(",", 1)[0] for line in lines}) == N_DOCUMENTS


@pytest.mark.parametrize("table", TABLES)
def test_resumed_tables_equal_the_uninterrupted_run(resumed, uninterrupted, table) -> None:
    out, _ = resumed
    assert same_table(out, uninterrupted, table)


def test_resuming_a_finished_run_does_nothing_new(resumed, inputs) -> None:
    out, done = resumed
    before = (out / "claims.csv").read_bytes()
    subprocess.run(command(inputs, out, "--resume"), env=ENV, check=True, timeout=300, capture_output=True)
    assert runs_of(out) == {1: done, 2: N_DOCUMENTS - done}
    assert (out / "claims.csv").read_bytes() == before
