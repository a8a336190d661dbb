"""Fixtures shared by the whole suite.

The pipeline is built once per session: building it compiles every pattern file and the
organisation gazetteer, which costs a second or two, and the components are stateless
between documents. ``shared_dir`` points at the read-only material kept beside the
checkout (seeds, gold answers, the scorer); CI has it, a bare clone may not.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from extractor.pipeline import build_pipeline

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return build_pipeline()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared material not found at {SHARED} (it sits beside the checkout in CI)")
    return SHARED


@pytest.fixture(scope="session")
def repo_dir() -> Path:
    return REPO
