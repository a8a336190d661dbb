"""Accuracy gate: the whole bundled corpus, scored the way the project is evaluated.

The scorer is ``../shared/tools/score.py`` (stdlib only); the floors live in
``tests/accuracy_floors.json`` so they can only be raised on purpose.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "tools" / "score.py"
FLOORS = json.loads((ROOT / "tests" / "accuracy_floors.json").read_text(encoding="utf-8"))


def _scorer():
    if not SCORER.exists():
        pytest.skip(f"the shared scorer is not beside the checkout ({SCORER})")
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus_report(tmp_path_factory):
    from extractor import extract

    scorer = _scorer()
    out = tmp_path_factory.mktemp("corpus-out")
    extract([ROOT / "corpora"]).write(out)
    return scorer.score(ROOT / "corpora" / "gold", out)


@pytest.mark.parametrize("kind", ["claims", "memberships", "rankings"])
def test_corpus_f1_at_least_floor(corpus_report, kind):
    f1 = corpus_report[kind]["f1"]
    assert f1 >= FLOORS[kind], f"{kind} F1 {f1:.3f} fell below the floor {FLOORS[kind]}"


def test_every_corpus_document_is_in_the_output(corpus_report):
    assert corpus_report["documents_missing_from_output"] == []
