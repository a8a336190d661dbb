"""How much organisation linking adds to the pipeline's time per document.

Runs ~100 realistic paragraphs (the shipped corpus and, when present, the shared seed
articles) through the project pipeline with and without ``extractor_orgs`` and prints
the ratio, measured in one run on this machine. Target: linking adds at most 20%.
The matcher is built before timing: it is a one-off cost per process.

It then does the same with whole documents (the corpus, and the shared seed articles and
real pages when present), as the extractor runs them: a page names more bodies than a
paragraph, in lists, with self-references, so linking costs it more.

    python benchmarks/bench_linking.py [--paragraphs 100] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from spacy.language import Language

from extractor.pipeline import build_pipeline

REPO = Path(__file__).resolve().parents[1]


def documents() -> list[str]:
    """Every document of corpora/ and, when present, ../shared/seeds and ../shared/real/docs."""
    shared = REPO.parent / "shared"
    files = [*sorted((REPO / "corpora").glob("*.txt")), *sorted((shared / "seeds").glob("*.txt")),
             *sorted((shared / "real" / "docs").glob("*.txt"))]
    return [f.read_text(encoding="utf-8") for f in files]


def paragraphs(limit: int) -> list[str]:
    """Non-trivial paragraphs from corpora/ and ../shared/seeds, cycled up to ``limit``."""
    files = sorted((REPO / "corpora").glob("*.txt"))
    files += sorted((REPO.parent / "shared" / "seeds").glob("*.txt"))
    lines = [line.strip() for f in files for line in f.read_text(encoding="utf-8").split("\n")]
    paras = [line for line in lines if len(line) > 80]
    if not paras:
        raise SystemExit("no corpus paragraphs found")
    return [paras[i % len(paras)] for i in range(limit)]


def best_time(run: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Fastest and median wall time of ``repeat`` runs (the fastest is the least disturbed)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def measure(nlp: Language, texts: list[str], repeat: int) -> dict[str, float]:
    """Best and median seconds of the pipeline without and with ``orgs``, interleaved so
    that load from other processes falls on both alike, and of the tokenizer alone."""

    def without() -> None:
        with nlp.select_pipes(disable=["orgs"]):
            for _ in nlp.pipe(texts):
                pass

    def with_orgs() -> None:
        for _ in nlp.pipe(texts):
            pass

    def tokenize_only() -> None:
        for _ in nlp.tokenizer.pipe(texts):
            pass

    without(), with_orgs()
    base_runs, full_runs = [], []
    for _ in range(repeat):
        base_runs.append(best_time(without, 1)[0])
        full_runs.append(best_time(with_orgs, 1)[0])
    return {"base": min(base_runs), "base_median": statistics.median(base_runs), "full": min(full_runs),
            "full_median": statistics.median(full_runs), "tokens": best_time(tokenize_only, repeat)[0]}


def report(what: str, texts: list[str], times: dict[str, float]) -> None:
    print(f"{what}: {len(texts)} ({sum(map(len, texts))} chars)")
    print(f"  tokenizer only:        {times['tokens'] * 1000:8.1f} ms")
    print(f"  pipeline without orgs: {times['base'] * 1000:8.1f} ms (median {times['base_median'] * 1000:.1f})")
    print(f"  pipeline with orgs:    {times['full'] * 1000:8.1f} ms (median {times['full_median'] * 1000:.1f})")
    print(f"  linking overhead ratio: {times['full'] / times['base']:.3f} (target <= 1.20)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    nlp: Language = build_pipeline()
    if "orgs" not in nlp.pipe_names:
        raise SystemExit("the pipeline has no orgs component")
    nlp.get_pipe("orgs").initialize()
    others = [n for n in nlp.pipe_names if n != "orgs"]
    print(f"baseline components: {', '.join(others)}")
    for what, texts in (("paragraphs", paragraphs(args.paragraphs)), ("whole documents", documents())):
        report(what, texts, measure(nlp, texts, args.repeat))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
