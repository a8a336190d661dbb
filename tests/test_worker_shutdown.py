"""Workers whose parent has gone end quietly (no traceback on the user's terminal)."""

from __future__ import annotations

import multiprocessing as mp
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractor.batch.tasks import run_task
from extractor.batch.worker import worker_main

REPO = Path(__file__).resolve().parents[1]


def test_a_worker_whose_parent_closed_the_pipe_returns_without_raising() -> None:
    parent, child = mp.Pipe()
    parent.close()
    assert worker_main(child, 1 << 20, 10, 30, run_task) is None


def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find the worker processes")
def test_killing_the_parent_leaves_no_traceback_from_its_workers(tmp_path) -> None:
    for path in sorted((REPO / "corpora").glob("*.txt"))[:40]:
        shutil.copy(path, tmp_path / path.name)
    proc = subprocess.Popen([sys.executable, "-m", "extractor", "extract", str(tmp_path), "--out",
                             str(tmp_path / "out"), "--jobs", "2", "--quiet"],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    deadline = time.monotonic() + 120
    while len(_descendants(proc.pid)) < 3 and time.monotonic() < deadline:  # the fork server and two workers
        time.sleep(0.2)
    time.sleep(3)  # the workers are building their pipelines or reading documents
    os.kill(proc.pid, signal.SIGKILL)
    _, err = proc.communicate(timeout=180)  # the pipe closes once every worker has ended
    assert "Traceback" not in err, err
    assert "ConnectionResetError" not in err, err
