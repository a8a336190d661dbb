"""The batch runner: worker processes give the tables a run in this process gives, in the same order.

A document that hangs or kills its worker becomes a ``failed`` row with E302 / E303 and
the batch goes on, inside an archive too. The traps are real: the workers are real
processes and :func:`trapped_run_task` (passed to the pool the way a plug-in would be)
sleeps or exits the process when a document carries a marker word.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from extractor.batch import BatchOptions, Journal, Task, execute, plan_units, run_batch
from extractor.batch.inprocess import run_in_process
from extractor.batch.pool import PoolOptions, WorkerPool
from extractor.batch.tasks import run_task
from extractor.errors import ErrorCode
from extractor.runner import ExtractOptions, extract, extract_to

from .sources.render import to_html, write_warc
from .tables import SEED_DEPENDENT

REPO = Path(__file__).resolve().parents[1]
CORPUS = sorted((REPO / "corpora").glob("*.txt"))
HANG, CRASH = "HANG-THIS-WORKER", "CRASH-THIS-WORKER"
RECORD_TABLES = ("documents", "claims", "memberships", "rankings", "organisations")


class Trap:
    """Wraps the pipeline: sleeps or kills the process on documents carrying a marker."""

    def __init__(self, nlp) -> None:
        self.nlp = nlp

    def make_doc(self, text: str):
        return self.nlp.make_doc(text)

    def __call__(self, doc):
        if HANG in doc.text:
            time.sleep(600)
        if CRASH in doc.text:
            os._exit(3)
        return self.nlp(doc)


def trapped_run_task(nlp, task, max_bytes, budget=None):
    yield from run_task(Trap(nlp), task, max_bytes, budget)


def comparable(table: str, df: pd.DataFrame) -> pd.DataFrame:
    return df.drop(columns=SEED_DEPENDENT.get(table, [])).astype(str).reset_index(drop=True)


def assert_same_tables(a, b, tables=RECORD_TABLES) -> None:
    for name in tables:
        pd.testing.assert_frame_equal(comparable(name, a.tables()[name]), comparable(name, b.tables()[name]),
                                      obj=name)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """Eight corpus documents, an empty file, and an archive of three pages (one irrelevant)."""
    root = tmp_path_factory.mktemp("batch")
    for path in CORPUS[:8]:
        shutil.copy(path, root / path.name)
    (root / "empty.txt").write_bytes(b"")
    pages = [(f"https://news.example/{p.stem}", to_html(p.read_text(encoding="utf-8")).encode(), "text/html")
             for p in CORPUS[8:10]]
    pages.insert(1, ("https://news.example/sport", b"<html><body><p>Football results.</p></body></html>",
                     "text/html"))
    write_warc(root / "news.warc.gz", pages)
    return root


@pytest.fixture(scope="module")
def sequential(folder):
    return extract([folder], ExtractOptions(reconcile=False))


def test_in_process_run_lists_every_input_in_order(sequential, folder) -> None:
    sources = [Path(s.split("#", 1)[0]).name for s in sequential.documents.source]
    expected = sorted(p.name for p in folder.iterdir())
    assert list(dict.fromkeys(sources)) == expected
    assert sources.count("news.warc.gz") == 3
    assert len(sequential.claims) > 20
    assert sequential.claims.claim_id.is_unique


def test_workers_give_the_same_tables(sequential, folder) -> None:
    parallel = extract([folder], ExtractOptions(jobs=2, reconcile=False))
    assert_same_tables(sequential, parallel)
    assert parallel.texts == sequential.texts


def test_workers_batching_skipped_records_lose_none_and_keep_the_order(tmp_path) -> None:
    """Hundreds of pre-filtered records travel in batches; relevant ones in between still go one by one."""
    pages = []
    for n in range(700):
        pages.append((f"https://x.example/sport/{n}", b"<html><body><p>Cricket %d.</p></body></html>" % n,
                      "text/html"))
        if n % 250 == 0:
            path = CORPUS[n // 250]
            pages.append((f"https://x.example/{n}", to_html(path.read_text(encoding="utf-8")).encode(), "text/html"))
    write_warc(tmp_path / "mostly_sport.warc.gz", pages)
    archive = [tmp_path / "mostly_sport.warc.gz"]
    alone = extract(archive, ExtractOptions(reconcile=False))
    parallel = extract(archive, ExtractOptions(jobs=2, reconcile=False))
    assert len(parallel.documents) == 703 and list(parallel.documents.status).count("ok") == 3
    assert_same_tables(alone, parallel)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_document_given_twice_is_read_once_and_its_copy_accounted_for(tmp_path, jobs) -> None:
    """Same bytes, same doc_id: the later copy stands aside, so every claim_id stays unique."""
    for name in ("a.txt", "b.txt"):
        shutil.copy(CORPUS[0], tmp_path / name)
    shutil.copy(CORPUS[1], tmp_path / "c.txt")
    result = extract([tmp_path], ExtractOptions(jobs=jobs))
    docs = result.documents.set_index(result.documents.source.map(lambda s: Path(s).name))
    assert list(docs.status) == ["ok", "skipped", "ok"]
    assert docs.loc["b.txt", "error"] == ErrorCode.DUPLICATE.message(str(tmp_path / "a.txt"))
    assert docs.loc["b.txt", "claims"] == 0 and docs.loc["a.txt", "claims"] > 0
    assert result.claims.claim_id.is_unique and result.memberships.membership_id.is_unique
    single = extract([tmp_path / "a.txt", tmp_path / "c.txt"], ExtractOptions(jobs=1))
    assert len(result.claims) == len(single.claims)


def test_recycled_workers_hand_an_archive_on_without_loss(tmp_path, caplog) -> None:
    """A worker allowed one document (ten inside an archive) hands each half of a long archive on mid-way."""
    pages = []
    for n, path in enumerate(CORPUS[:24]):
        pages.append((f"https://x.example/{n}", to_html(path.read_text(encoding="utf-8")).encode(), "text/html"))
        if n % 6 == 0:
            pages.append((f"https://x.example/sport/{n}", b"<html><body><p>Cricket.</p></body></html>",
                          "text/html"))
    write_warc(tmp_path / "long.warc.gz", pages)
    archive = [tmp_path / "long.warc.gz"]
    alone = extract(archive, ExtractOptions(reconcile=False))
    with caplog.at_level(logging.DEBUG, logger="extractor.batch.pool"):
        recycled = extract(archive, ExtractOptions(jobs=2, max_docs_per_worker=1, reconcile=False))
    assert sum("hands" in m for m in caplog.messages) == 2
    assert_same_tables(alone, recycled)
    assert list(recycled.documents.status) == (["ok", "skipped"] + ["ok"] * 5) * 4


def trapped_batch(paths, work_dir: Path, timeout: float = 10.0, max_docs: int = 200) -> Journal:
    # The limit must sit well above a good document's time on a loaded 2-core machine (a good
    # document that outlives it fails the test for the wrong reason); hangs wait it out twice.
    journal = Journal(work_dir)
    units = plan_units(paths)
    tasks = [Task(u) for u in journal.start(units)]
    pool = WorkerPool(PoolOptions(jobs=2, doc_timeout=timeout, max_docs=max_docs), run=trapped_run_task)
    for task, event in pool.run(tasks):
        if event[0] == "doc":
            journal.add(task.unit, event[1], event[2])
        elif event[0] == "end":
            journal.unit_done(task.unit)
    return journal


def rows_by_name(journal: Journal) -> dict[str, dict]:
    return {row["source"].rsplit("/", 1)[-1]: row for chunk in journal.documents() for row in chunk}


@pytest.fixture(scope="module")
def trapped(tmp_path_factory):
    """Two good files around one that hangs and one that kills its worker, and an archive with both."""
    root = tmp_path_factory.mktemp("traps")
    texts = [p.read_text(encoding="utf-8") for p in CORPUS[:4]]
    (root / "a_good.txt").write_text(texts[0], encoding="utf-8")
    (root / "b_hang.txt").write_text(texts[1] + f"\n{HANG}\n", encoding="utf-8")
    (root / "c_crash.txt").write_text(texts[2] + f"\n{CRASH}\n", encoding="utf-8")
    (root / "d_good.txt").write_text(texts[3], encoding="utf-8")
    pages = [(f"https://x.example/{n}", to_html(t).encode(), "text/html")
             for n, t in enumerate([texts[0], texts[1] + f" {HANG}", texts[2], texts[3] + f" {CRASH}", texts[1]])]
    write_warc(root / "e_archive.warc.gz", pages)
    journal = trapped_batch([root], tmp_path_factory.mktemp("work"))
    yield root, journal
    journal.close()


def test_a_hanging_document_is_a_timeout_row(trapped) -> None:
    _, journal = trapped
    row = rows_by_name(journal)["b_hang.txt"]
    assert row["status"] == "failed"
    assert row["error"].startswith("E302") and "while processing" in row["error"]


def test_a_document_that_kills_its_worker_is_a_crash_row(trapped) -> None:
    _, journal = trapped
    row = rows_by_name(journal)["c_crash.txt"]
    assert row["status"] == "failed"
    assert row["error"].startswith("E303") and "exit code 3" in row["error"]


def test_the_batch_goes_on_after_traps(trapped) -> None:
    _, journal = trapped
    rows = rows_by_name(journal)
    assert rows["a_good.txt"]["status"] == rows["d_good.txt"]["status"] == "ok"
    assert rows["a_good.txt"]["claims"] > 0
    assert journal.unfinished_units() == []


def test_an_archive_goes_on_past_a_hang_and_a_crash(trapped) -> None:
    _, journal = trapped
    archive = [row for chunk in journal.documents() for row in chunk if "#" in row["source"]]
    assert [r["status"] for r in archive] == ["ok", "failed", "ok", "failed", "ok"]
    assert archive[1]["error"].startswith("E302") and archive[3]["error"].startswith("E303")
    assert len({r["source"] for r in archive}) == 5


def test_the_failed_rows_keep_the_documents_ids(trapped) -> None:
    """A written-off document keeps the id its bytes give, so a resumed run knows it."""
    from extractor.sources import content_id

    root, journal = trapped
    row = rows_by_name(journal)["b_hang.txt"]
    assert row["doc_id"] == content_id((root / "b_hang.txt").read_bytes())


def test_in_process_execution_runs_every_task(folder) -> None:
    tasks = [Task(u) for u in plan_units([folder])]
    ends = [t for t, event in execute(tasks, BatchOptions()) if event[0] == "end"]
    assert sorted(t.unit.index for t in ends) == list(range(len(tasks)))


def test_extract_to_writes_the_tables_and_journal(folder, tmp_path, sequential) -> None:
    run = extract_to([folder], tmp_path, ExtractOptions(reconcile=False), formats=("csv", "parquet"))
    assert (tmp_path / ".work" / "journal.sqlite").is_file()
    documents = pd.read_csv(tmp_path / "documents.csv", dtype=str, keep_default_na=False)
    assert list(documents.doc_id) == list(sequential.documents.doc_id)
    assert len(pd.read_parquet(tmp_path / "documents.parquet")) == len(documents)
    assert sum(run.status.values()) == len(documents)
    assert run.failed == [(str(folder / "empty.txt"), documents.set_index("source").loc[
        str(folder / "empty.txt"), "error"])]


def test_work_that_never_came_back_is_a_lost_row(folder, tmp_path) -> None:
    """A file registered but never finished (the executor stopped short) still gets a row."""
    from extractor.batch.assemble import lost_rows

    with Journal(tmp_path) as journal:
        units = plan_units([folder])
        journal.start(units)
        lost = lost_rows(journal)
    assert {row["source"] for row in lost} == {u.path for u in units}
    assert all(row["error"].startswith("E304") for row in lost)


@pytest.mark.parametrize("bad", [{"jobs": 0}, {"doc_timeout": 0}, {"max_docs_per_worker": 0}])
def test_options_refuse_nonsense(bad) -> None:
    with pytest.raises(ValueError):
        ExtractOptions(**bad)


def test_resume_picks_an_archive_up_where_it_stopped(folder, tmp_path) -> None:
    """A run killed inside an archive leaves its first records journalled; the next run does the rest."""
    archive = [folder / "news.warc.gz"]
    with Journal(tmp_path) as journal:
        run_batch(archive, journal, BatchOptions())
        journal.db.execute("DELETE FROM docs WHERE pos = 2")
        journal.db.execute("UPDATE units SET done = 0")
    with Journal(tmp_path, resume=True) as journal:
        (unit,) = plan_units(archive)
        assert journal.finished(unit)[0] == 2
        run_batch(archive, journal, BatchOptions())
        runs = [r for (r,) in journal.db.execute("SELECT run FROM docs ORDER BY pos")]
        assert journal.unfinished_units() == []
    assert runs == [1, 1, 2]


def test_a_document_journalled_again_replaces_its_rows(folder, tmp_path) -> None:
    """A place journalled twice keeps only the second outcome's records and organisations."""
    from extractor.batch.outcome import Outcome

    def outcome(claims: int, orgs: int) -> Outcome:
        row = {"doc_id": f"d{claims}", "source": "s", "status": "ok"}
        return Outcome(row, claims=[{"n": n} for n in range(claims)],
                       orgs=[(f"R{n}", "acute", 1, ["x"]) for n in range(orgs)])

    with Journal(tmp_path) as journal:
        (unit,) = plan_units([folder / "empty.txt"])
        journal.start([unit])
        journal.add(unit, 0, outcome(3, 2))
        journal.add(unit, 1, outcome(0, 0))
        journal.add(unit, 0, outcome(1, 0))
        counts = [journal.db.execute(f"SELECT count(*) FROM {t} WHERE pos = 0").fetchone()[0]
                  for t in ("docs", "records", "orgs")]
        ids = [d for (d,) in journal.db.execute("SELECT doc_id FROM docs ORDER BY pos")]
    assert counts == [1, 1, 0] and ids == ["d1", "d0"]


def test_a_file_named_twice_is_one_unit(folder) -> None:
    units = plan_units([folder, folder / "empty.txt"])
    assert len(units) == len({u.path for u in units}) == len(list(folder.iterdir()))


def test_in_process_runs_keep_the_time_limit_with_an_alarm(tmp_path, nlp) -> None:
    """--jobs 1 cannot kill a worker; the alarm interrupts the document instead, archive included."""
    texts = [p.read_text(encoding="utf-8") for p in CORPUS[:3]]
    (tmp_path / "a.txt").write_text(texts[0] + f"\n{HANG}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(texts[1], encoding="utf-8")
    pages = [(f"https://x.example/{n}", to_html(t).encode(), "text/html")
             for n, t in enumerate([texts[2], texts[0] + f" {HANG}", texts[1]])]
    write_warc(tmp_path / "c.warc.gz", pages)
    tasks = [Task(u) for u in plan_units([tmp_path])]
    rows = [event[2].document for _, event in run_in_process(Trap(nlp), tasks, 5.0, 2**28) if event[0] == "doc"]
    assert [(r["status"], r["error"][:4]) for r in rows] == [
        ("failed", "E302"), ("ok", ""), ("ok", ""), ("failed", "E302"), ("ok", "")]


def test_the_cli_offers_the_batch_options() -> None:
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "extractor", "extract", "--help"], capture_output=True, text=True,
                          timeout=60)
    for option in ("--jobs", "--doc-timeout", "--max-docs-per-worker", "--resume", "--scheduler"):
        assert option in proc.stdout
    bad = subprocess.run([sys.executable, "-m", "extractor", "extract", str(REPO / "corpora"), "--out", "x",
                          "--jobs", "0"], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "--jobs" in bad.stderr


_EARLY_START = """
import multiprocessing.forkserver as fs, sys
import extractor.runner
from extractor.batch import BatchOptions, start_early
assert "pandas" not in sys.modules, "importing the runner loads pandas before the workers can start"
start_early(BatchOptions(jobs={jobs}, scheduler={scheduler!r}))
print(fs._forkserver._forkserver_pid is not None)
"""


@pytest.mark.parametrize(("jobs", "scheduler", "started"), [(2, None, True), (1, None, False), (2, "local", False)])
def test_workers_start_before_the_table_machinery_is_imported(jobs: int, scheduler: str | None,
                                                              started: bool) -> None:
    """The runner imports pandas only after starting the fork server, so the two overlap; a run
    in this process or on Dask starts nothing."""
    code = _EARLY_START.format(jobs=jobs, scheduler=scheduler)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert done.stdout.strip() == str(started)


_WARM_UP = """
import extractor.batch.outcome as outcome
import extractor.batch.pool as pool
from extractor.pipeline import shared_pipeline
assert pool.PRELOAD[-1] == "extractor.batch.preload"
import extractor.batch.preload as preload  # its import warms up, as in the fork server
print(shared_pipeline.cache_info().currsize, shared_pipeline().get_pipe("orgs")._automaton is not None)
def crash(nlp, page):
    raise RuntimeError("a component bug")
outcome.process_one = crash
print(preload.warm_up())
"""


def test_the_fork_server_warms_the_pipeline_up_and_never_fails_on_it() -> None:
    """The server's last preload builds the pipeline and runs a page through it (the linker's
    automaton exists after it), so workers forked from it start ready; when warming fails, it
    says so and raises nothing (a fork server stops at a preload's error)."""
    done = subprocess.run([sys.executable, "-c", _WARM_UP], capture_output=True, text=True, check=True, cwd=REPO)
    assert done.stdout.split() == ["1", "True", "False"]


def test_a_fork_server_that_cannot_start_early_is_left_to_the_pool(monkeypatch) -> None:
    """Starting the workers early is only a head start: the pool starts them later and says
    why if it cannot."""
    import multiprocessing.forkserver as forkserver

    from extractor.batch import start_early

    def refuse() -> None:
        raise OSError("no sockets here")

    monkeypatch.setattr(forkserver, "ensure_running", refuse)
    start_early(BatchOptions(jobs=2))
