"""Where the time of pipeline and reading goes on relevant pages: the (e) ratio of
``bench_archive.py``, broken down by pipeline component and by record builder.

    .venv/bin/python benchmarks/bench_pages.py                       # ../shared/real and corpora/
    .venv/bin/python benchmarks/bench_pages.py --docs corpora --repeats 5

The documents are those of ``bench_archive.py --docs`` that the extractor finds relevant.
The ratio is measured as there (CPU seconds, best of ``--repeats`` for each side,
alternating). The breakdown comes from one further pass that times each component and each
builder of ``read_doc`` on its own: it adds a little overhead, so its sum is a little above
the best pass. It is the figure to watch while making one part faster; the ratio is the
one the target is about.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET = 0.15


def _relevant_texts(paths: list[str]) -> list[str]:
    sys.path.insert(0, str(HERE))
    import synthetic

    from extractor.pipeline import shared_pipeline
    from extractor.reading import is_relevant, read_doc

    texts = [text for _, text in synthetic.document_texts(paths)]
    nlp = shared_pipeline()
    return [text for text, doc in zip(texts, nlp.pipe(texts), strict=True) if is_relevant(doc, read_doc(doc))]


def _timed_builders(totals: dict[str, float]) -> Callable[[], None]:
    """Wrap every builder ``read_doc`` calls so its CPU seconds add up in ``totals``; returns an undo."""
    import extractor.reading as reading

    names = [n for n in reading.read_doc.__code__.co_names if callable(getattr(reading, n, None))
             and n not in ("DocResult",)]
    originals = {n: getattr(reading, n) for n in names}

    def wrap(name: str, func: Callable) -> Callable:
        def timed(*args, **kwargs):
            start = time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                totals[name] = totals.get(name, 0.0) + time.process_time() - start
        return timed

    for name, func in originals.items():
        setattr(reading, name, wrap(name, func))

    def undo() -> None:
        for name, func in originals.items():
            setattr(reading, name, func)
    return undo


def measure(texts: list[str], repeats: int) -> dict:
    import spacy

    from extractor.pipeline import shared_pipeline
    from extractor.reading import read_doc

    nlp, blank = shared_pipeline(), spacy.blank("en")
    tokens = sum(len(doc) for doc in blank.pipe(texts))
    ours, tokenizer = [], []
    for _ in range(repeats):
        start = time.process_time()
        for _doc in blank.pipe(texts):
            pass
        tokenizer.append(time.process_time() - start)
        start = time.process_time()
        for doc in nlp.pipe(texts):
            read_doc(doc)
        ours.append(time.process_time() - start)
    stages: dict[str, float] = {"tokenizer": 0.0}
    builders: dict[str, float] = {}
    undo = _timed_builders(builders)
    try:
        for text in texts:
            start = time.process_time()
            doc = nlp.make_doc(text)
            stages["tokenizer"] += time.process_time() - start
            for name, proc in nlp.pipeline:
                start = time.process_time()
                doc = proc(doc)
                stages[name] = stages.get(name, 0.0) + time.process_time() - start
            start = time.process_time()
            read_doc(doc)
            stages["read_doc"] = stages.get("read_doc", 0.0) + time.process_time() - start
    finally:
        undo()
    return {"documents": len(texts), "tokens": tokens, "ours": min(ours), "blank": min(tokenizer),
            "stages": stages, "builders": builders}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", nargs="+", default=[str(HERE.parent.parent / "shared" / "real"),
                                                       str(HERE.parent / "corpora")],
                        help="folders of documents (default: ../shared/real and corpora/)")
    parser.add_argument("--repeats", type=int, default=3, help="timed passes of each side (best counts)")
    args = parser.parse_args(argv)
    paths = [p for p in args.docs if Path(p).exists()]
    if not paths:
        parser.error("none of the --docs folders exists")
    texts = _relevant_texts(paths)
    m = measure(texts, args.repeats)
    ratio = m["blank"] / m["ours"]
    print(f"{m['documents']} relevant documents, {m['tokens']} tokens, best of {args.repeats}")
    print(f"pipeline and reading : {m['ours']:.3f} s CPU  ({m['tokens'] / m['ours']:,.0f} tokens/s)")
    print(f"blank tokenizer      : {m['blank']:.3f} s CPU  ({m['tokens'] / m['blank']:,.0f} tokens/s)")
    print(f"(e) ratio            : {ratio:.3f}   (target >= {TARGET}: {'met' if ratio >= TARGET else 'NOT met'}; "
          f"ours must take <= {m['blank'] / TARGET:.3f} s)")
    print("\none more pass, by stage (CPU s):")
    for name, seconds in m["stages"].items():
        print(f"  {name:28s} {seconds:7.3f}")
    print("\nread_doc, by builder (CPU s):")
    for name, seconds in sorted(m["builders"].items(), key=lambda kv: -kv[1]):
        print(f"  {name:28s} {seconds:7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
