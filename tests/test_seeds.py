"""The two real seed articles score perfectly with the shared scorer's own rules.

``../shared/tools/score.py`` is imported from the shared folder rather than copied, so
this test follows any change to the scoring rules; it is skipped where the shared folder
is absent.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

import extractor


def load_scorer(shared_dir: Path) -> ModuleType:
    path = shared_dir / "tools" / "score.py"
    if not path.is_file():
        pytest.skip(f"the shared scorer is missing at {path}")
    spec = importlib.util.spec_from_file_location("shared_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def seed_report(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    seeds, gold = shared_dir / "seeds", shared_dir / "gold"
    if not seeds.is_dir() or not gold.is_dir():
        pytest.skip(f"seeds or gold answers missing under {shared_dir}")
    out = tmp_path_factory.mktemp("seeds-out")
    result = extractor.extract([seeds])
    result.write(out)
    return load_scorer(shared_dir).score(gold, out)


def test_every_seed_is_in_the_output(seed_report: dict) -> None:
    assert seed_report["documents_missing_from_output"] == []


@pytest.mark.parametrize("table", ["claims", "memberships"])
def test_seed_f1_is_perfect(seed_report: dict, table: str) -> None:
    misses = {stem: {k: v for k, v in doc[table].items() if k in ("missed", "wrong") and v}
              for stem, doc in seed_report["per_document"].items()}
    assert seed_report[table]["f1"] == 1.0, misses
