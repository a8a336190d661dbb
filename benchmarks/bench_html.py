"""Which HTML main-text extractor? Quality and speed of the candidates on our own pages.

    .venv/bin/python benchmarks/bench_html.py

Every corpus document is rendered in three site styles (a news site with <main>/<article>,
a council page of bare <div>s, a blog with comments and a donation box inside the post)
and each candidate extracts it. Scores per candidate:

- recall: share of the document's lines found in the output (whitespace-normalised);
- leaks: share of page furniture sentences (cookie banner, related stories, comments,
  appeals, navigation) that got through, which would turn into false claims;
- lists / rows: share of bullet items kept on their own line with their "- " and of
  table rows kept as one line with their cells in order;
- pages/s, and the time on one 100k-deep nested page (capped at 20 s).
"""

from __future__ import annotations

import contextlib
import html
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import synthetic  # noqa: E402

from tests.sources.render import blocks, cells, to_html  # noqa: E402

FURNITURE = [
    "We use cookies", "Seven trusts placed in segment 4", "Only one ICS is in segment 1, figures show",
    "90% of our funding", "Surely all 42 ICSs", "All 209 trusts covered", "Segment tables",
    "Share this page on", "Back to top", "Councillor contact details", "14 people found this useful",
    "Give £5 a month", "Sign up to our newsletter",
]


def _body(text: str) -> str:
    parts = []
    for runs in blocks(text):
        for kind, lines in runs:
            if kind == "list":
                parts.append("<ul>" + "".join(f"<li>{html.escape(ln.lstrip()[2:])}</li>" for ln in lines) + "</ul>")
            elif kind == "table":
                rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells(ln)) + "</tr>"
                               for ln in lines)
                parts.append(f"<table>{rows}</table>")
            else:
                parts.append("<p>" + "<br>".join(html.escape(ln) for ln in lines) + "</p>")
    return "\n".join(parts)


def council_page(text: str) -> str:
    return ("<html><head><title>Council</title></head><body>"
            "<div class='skip-link'><a href='#c'>Skip to content</a></div>"
            "<div class='breadcrumb'><a>Home</a> &gt; <a>Health</a> &gt; Segment tables</div>"
            "<div id='cookie-notice'><p>We use cookies to make this site work.</p></div>"
            "<div class='sidebar'><ul><li><a>Councillor contact details</a></li><li><a>Back to top</a></li></ul>"
            "</div>"
            f"<div class='content' id='c'>{_body(text)}</div>"
            "<div class='feedback'><p>14 people found this useful</p></div>"
            "<div class='share'><p>Share this page on social media</p></div></body></html>")


def blog_page(text: str) -> str:
    return ("<html><head><title>Blog</title></head><body><div class='wrap'>"
            f"<article class='post'><div class='entry'>{_body(text)}"
            "<div class='appeal'><p>Dear reader, give £5 a month to keep us going.</p>"
            "<p><a>Give £5 a month</a></p></div></div>"
            "<div class='sharing'>Share this page on X</div></article>"
            "<div class='newsletter'><p>Sign up to our newsletter</p></div>"
            "<section class='comments'><h3>Comments</h3><p>Surely all 42 ICSs should be in segment 2?</p></section>"
            "</div></body></html>")


def pages() -> list[tuple[str, bytes]]:
    out = []
    for path in sorted((synthetic.REPO / "corpora").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out += [(text, to_html(text, "News").encode()), (text, council_page(text).encode()),
                (text, blog_page(text).encode())]
    return out


# ---- the candidates ----------------------------------------------------------------------

def ours(data: bytes) -> str:
    from extractor.sources.html import read_html

    return read_html(data)[0]


def trafilatura_text(data: bytes) -> str:
    import trafilatura

    return trafilatura.extract(data, include_tables=True, include_comments=False, favor_recall=True) or ""


def resiliparse_text(data: bytes) -> str:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    return extract_plain_text(HTMLTree.parse_from_bytes(data, "utf-8"), main_content=True, list_bullets=True)


_DROP = ["script", "style", "nav", "header", "footer", "aside", "form", "noscript", "button"]


def bs4_rules(data: bytes) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(data, "lxml")
    for tag in soup(_DROP):
        tag.decompose()
    return soup.get_text("\n")


def selectolax_rules(data: bytes) -> str:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(data)
    tree.strip_tags(_DROP)
    return tree.body.text(separator="\n") if tree.body else ""


CANDIDATES: dict[str, Callable[[bytes], str]] = {
    "ours (resiliparse DOM + rules)": ours, "trafilatura 2.3": trafilatura_text,
    "resiliparse main_content": resiliparse_text, "bs4+lxml, tag rules": bs4_rules,
    "selectolax (lexbor), tag rules": selectolax_rules,
}


# ---- scoring -----------------------------------------------------------------------------

def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("|", " ")).strip().lower()


def score(text: str, out: str) -> dict[str, float]:
    flat = _norm(out)
    out_lines = [ln.strip() for ln in out.split("\n")]
    lines = [ln for runs in blocks(text) for _, group in runs for ln in group]
    found = sum(_norm(ln.lstrip("-• ")) in flat for ln in lines)
    items = [ln.lstrip()[2:].strip() for runs in blocks(text) for kind, g in runs if kind == "list" for ln in g]
    rows = [cells(ln) for runs in blocks(text) for kind, g in runs if kind == "table" for ln in g]
    kept_items = sum(f"- {item}" in out_lines or f"* {item}" in out_lines or f"• {item}" in out_lines
                     for item in items)
    kept_rows = sum(any(re.fullmatch(r"\W*" + r"\W+".join(re.escape(c) for c in row if c) + r"\W*", ln)
                        for ln in out_lines) for row in rows)
    return {"recall": found / max(len(lines), 1), "leaks": sum(f.lower() in out.lower() for f in FURNITURE),
            "items": kept_items, "n_items": len(items), "rows": kept_rows, "n_rows": len(rows)}


def deep_nesting_seconds(name: str, limit: float = 20.0) -> str:
    code = (f"import sys, time; sys.path.insert(0, {str(HERE)!r}); import bench_html as b; "
            "page = b'<html><body>' + b'<div>' * 100000 + b'Two trusts in segment 4.' + b'</div>' * 100000; "
            f"t = time.perf_counter(); b.CANDIDATES[{name!r}](page); print(time.perf_counter() - t)")
    try:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=limit,
                              cwd=synthetic.REPO, check=False)
    except subprocess.TimeoutExpired:
        return f"> {limit:.0f} s"
    if done.returncode != 0:
        return "crashed: " + (done.stderr.strip().splitlines() or ["?"])[-1][:40]
    return f"{float(done.stdout.strip()):.2f} s"


def main() -> int:
    corpus = pages()
    print(f"{len(corpus)} pages ({len(corpus) // 3} corpus documents x 3 site styles), "
          f"{sum(len(p) for _, p in corpus) / 2**20:.1f} MB\n")
    header = f"{'candidate':32} {'recall':>7} {'leaks':>6} {'lists':>7} {'rows':>7} {'pages/s':>8}  100k-deep"
    print(header)
    print("-" * len(header))
    for name, extract in CANDIDATES.items():
        totals = {"recall": 0.0, "leaks": 0, "items": 0, "n_items": 0, "rows": 0, "n_rows": 0}
        for text, page in corpus:
            try:
                result = score(text, extract(page))
            except Exception:  # a candidate that raises scores nothing on that page
                result = {"recall": 0.0, "leaks": 0, "items": 0, "n_items": 0, "rows": 0, "n_rows": 0}
            for key, value in result.items():
                totals[key] += value
        start, done = time.perf_counter(), 0
        while time.perf_counter() - start < 2.0:
            for _, page in corpus:
                with contextlib.suppress(Exception):  # timing only
                    extract(page)
                done += 1
        speed = done / (time.perf_counter() - start)
        print(f"{name:32} {totals['recall'] / len(corpus):7.1%} {totals['leaks']:6d} "
              f"{totals['items'] / max(totals['n_items'], 1):7.1%} {totals['rows'] / max(totals['n_rows'], 1):7.1%} "
              f"{speed:8.0f}  {deep_nesting_seconds(name)}")
    print(f"\nleaks: furniture sentences let through, out of {len(FURNITURE)} kinds on {len(corpus)} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
