"""Accuracy gate on real published pages: ``../shared/real``, scored like the unseen ones.

The pages are other people's writing and stay in ``../shared`` (never copied here); the
test skips, saying so, where that folder is not beside the checkout. Almost all of the
real pages' count claims are optional in their gold, so claims are held by precision
(no invented counts) and memberships and rankings by F1. No page that has a gold record
may be skipped as irrelevant.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tests.test_corpus_accuracy import FLOORS, _scorer

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "real"
FLOOR = FLOORS["real"]


@pytest.fixture(scope="module")
def real_out(tmp_path_factory) -> Path:
    if not (REAL / "docs").is_dir():
        pytest.skip(f"the real pages are not beside the checkout ({REAL})")
    scorer = _scorer()
    from extractor import extract

    out = tmp_path_factory.mktemp("real-out")
    extract([REAL / "docs"]).write(out)
    out.joinpath("score.json").write_text(json.dumps(scorer.score(REAL / "gold", out)), encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def report(real_out) -> dict:
    return json.loads(real_out.joinpath("score.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("kind", ["memberships", "rankings"])
def test_real_f1_at_least_floor(report, kind) -> None:
    f1 = report[kind]["f1"]
    assert f1 >= FLOOR[kind], f"real pages: {kind} F1 {f1:.3f} fell below the floor {FLOOR[kind]}"


def test_real_claims_precision_at_least_floor(report) -> None:
    precision = report["claims"]["precision"]
    assert precision >= FLOOR["claims_precision"], (
        f"real pages: claims precision {precision:.3f} fell below the floor {FLOOR['claims_precision']}")


def test_no_real_page_with_a_gold_record_is_skipped(real_out) -> None:
    def has_records(path: Path) -> bool:
        gold = json.loads(path.read_text(encoding="utf-8"))
        return any(gold.get(kind) for kind in ("claims", "memberships", "rankings"))

    wanted = {p.stem for p in (REAL / "gold").glob("*.json") if has_records(p)}
    with open(real_out / "documents.csv", encoding="utf-8", newline="") as f:
        skipped = {Path(r["source"]).stem: r["error"] for r in csv.DictReader(f) if r["status"] != "ok"}
    lost = {stem: error for stem, error in skipped.items() if stem in wanted}
    assert not lost, f"real pages with gold records were not read: {lost}"
