"""The repository is written in our own words: no run of words from ``../shared/real``.

The real pages are other people's writing, kept beside the checkout as test material. A
helper reading them to learn how writers phrase a construction can carry a sentence into
a test table, a docstring or a corpus document; this test catches a run of
:data:`RUN` words or more shared with any real page. Organisation names are facts, but the
longest official names are shorter than the run, so they pass; data files (the gazetteer,
official tables, gold answers) hold names and figures only and are not read.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "real" / "docs"
RUN = 12
WRITTEN = ("*.py", "*.md", "*.txt", "*.html", "*.jsonl", "*.cfg", "*.ipynb")
DATA = ("gazetteer", "official", "gold")
_WORD = re.compile(r"[a-z0-9]+")


def _runs(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return {tuple(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


def _our_files() -> list[Path]:
    files = []
    for folder in ("extractor", "models", "tests", "docs", "corpora", "notebooks", "benchmarks", "scripts"):
        for pattern in WRITTEN:
            files += [p for p in (ROOT / folder).rglob(pattern) if not set(DATA) & set(p.parts)]
    return [*sorted(set(files)), ROOT / "README.md", ROOT / "DEVELOPERS.md"]


def test_no_run_of_words_from_a_real_page() -> None:
    if not REAL.is_dir():
        pytest.skip(f"the real pages are not beside the checkout ({REAL})")
    real: dict[tuple[str, ...], str] = {}
    for page in sorted(REAL.iterdir()):
        for run in _runs(page.read_text(encoding="utf-8", errors="replace")):
            real.setdefault(run, page.name)
    found = []
    for path in _our_files():
        if path == Path(__file__).resolve() or not path.is_file():
            continue
        shared = _runs(path.read_text(encoding="utf-8", errors="replace")) & real.keys()
        found += [f"{path.relative_to(ROOT)}: '{' '.join(run)}' ({real[run]})" for run in sorted(shared)[:3]]
    assert not found, "words copied from real pages:\n" + "\n".join(found)
