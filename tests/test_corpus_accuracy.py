"""Accuracy gate: the whole bundled corpus, scored the way the project is evaluated.

The scorer is ``../shared/tools/score.py`` (stdlib only); the floors live in
``tests/accuracy_floors.json`` so they can only be raised on purpose.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "tools" / "score.py"
FLOORS = json.loads((ROOT / "tests" / "accuracy_floors.json").read_text(encoding="utf-8"))
CORPORA = [k for k, spec in FLOORS.items() if isinstance(spec, dict) and "exclude_prefixes" in spec]


def _scorer():
    if not SCORER.exists():
        pytest.skip(f"the shared scorer is not beside the checkout ({SCORER})")
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus_out(tmp_path_factory):
    from extractor import extract

    _scorer()
    out = tmp_path_factory.mktemp("corpus-out")
    extract([ROOT / "corpora"]).write(out)
    return out


def _report(out: Path, exclude: list[str], tmp: Path) -> dict:
    """Score ``out`` against the corpus gold less the documents whose names start with ``exclude``."""
    gold = tmp / "gold"
    gold.mkdir()
    for path in (ROOT / "corpora" / "gold").glob("*.json"):
        if not path.name.startswith(tuple(exclude)):
            shutil.copy(path, gold / path.name)
    return _scorer().score(gold, out)


@pytest.fixture(scope="module")
def reports(corpus_out, tmp_path_factory):
    return {name: _report(corpus_out, spec["exclude_prefixes"], tmp_path_factory.mktemp(name))
            for name, spec in FLOORS.items() if name in CORPORA}


@pytest.mark.parametrize("kind", ["claims", "memberships", "rankings"])
@pytest.mark.parametrize("corpus", CORPORA)
def test_corpus_f1_at_least_floor(reports, corpus, kind):
    f1 = reports[corpus][kind]["f1"]
    floor = FLOORS[corpus][kind]
    assert f1 >= floor, f"{corpus} corpus: {kind} F1 {f1:.3f} fell below the floor {floor}"


def test_every_corpus_document_is_in_the_output(reports):
    assert reports["whole"]["documents_missing_from_output"] == []
