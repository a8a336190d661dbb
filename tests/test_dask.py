"""The same batch on a Dask cluster gives the tables a run in this process gives.

A real ``dask.distributed.LocalCluster`` with two worker processes, reached by its
``tcp://`` address as a remote cluster would be, and the CLI's ``--scheduler local``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

pytest.importorskip("dask.distributed", reason="Dask is optional: pip install 'nhs-oversight-extractor[dask]'")

from extractor.runner import ExtractOptions, extract

from .sources.render import to_html, write_warc
from .tables import SEED_DEPENDENT, same_table

REPO = Path(__file__).resolve().parents[1]
CORPUS = sorted((REPO / "corpora").glob("*.txt"))
TABLES = ("documents", "claims", "memberships", "rankings", "checks", "dataset", "organisations")


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("dask_inputs")
    for path in CORPUS[20:26]:
        shutil.copy(path, root / path.name)
    (root / "binary.dat").write_bytes(bytes(range(256)) * 8)
    pages = [(f"https://news.example/{p.stem}", to_html(p.read_text(encoding="utf-8")).encode(), "text/html")
             for p in CORPUS[26:28]]
    write_warc(root / "news.warc.gz", pages)
    return root


@pytest.fixture(scope="module")
def cluster():
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        yield cluster


def test_a_cluster_gives_the_same_tables(folder, cluster) -> None:
    here = extract([folder], ExtractOptions(reconcile=False))
    there = extract([folder], ExtractOptions(scheduler=cluster.scheduler_address, reconcile=False))
    assert len(here.documents) == 9
    assert set(here.documents.status) == {"ok", "failed"}
    for name in ("documents", "claims", "memberships", "rankings", "organisations"):
        drop = SEED_DEPENDENT.get(name, [])
        pd.testing.assert_frame_equal(here.tables()[name].drop(columns=drop).astype(str),
                                      there.tables()[name].drop(columns=drop).astype(str), obj=name)
    assert there.texts == here.texts


def test_the_cli_on_a_local_scheduler_writes_the_same_files(folder, tmp_path) -> None:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    outs = {}
    for name, extra in (("inprocess", ["--jobs", "1"]), ("dask", ["--scheduler", "local", "--jobs", "2"])):
        outs[name] = tmp_path / name
        proc = subprocess.run([sys.executable, "-m", "extractor", "extract", str(folder), "--out", str(outs[name]),
                               "--quiet", "--no-report", *extra], env=env, capture_output=True, text=True,
                              timeout=300)
        assert proc.returncode == 0, proc.stderr
    for table in TABLES:
        assert same_table(outs["dask"], outs["inprocess"], table), table
