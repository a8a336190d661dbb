"""Synthetic inputs for the benchmarks: a news archive that is mostly about other things,
and a long board paper. Deterministic (seeded) so runs compare like with like.

Relevant records are documents rendered as cluttered news pages (``tests/sources/render.py``):
the project's own corpus by default, or the readable documents of any folders given
(:func:`document_pages`). The rest are made-up pages of the size and shape of
real news pages (inline scripts, navigation, related links), drawn from vocabulary that
avoids oversight words, plus a few near misses: health stories without oversight words
(the pre-filter drops them) and business stories that say "segment" and "trust" (the
pre-filter lets them through and the pipeline has to say no).
"""

from __future__ import annotations

import io
import random
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.sources.render import CLUTTER_BOTTOM, CLUTTER_TOP, to_html, to_pdf  # noqa: E402

_WORDS_TEXT = """\
council river weather market station festival school bridge garden museum season league match
goal coach player stadium minister budget road rail bus airport harbour village town city
county library concert album film theatre artist gallery farmer harvest rainfall storm flood
snow heatwave forecast police court judge jury appeal planning housing developer estate rent
price inflation wages jobs factory shop retail online customer delivery parcel broadband mobile
phone app software energy solar wind battery petrol diesel charging vehicle cycle walking path
park beach coast island ferry tourism hotel restaurant chef menu recipe wine beer coffee bakery
market stall charity volunteer fundraising marathon race swimmer tennis cricket rugby golf
election ballot candidate campaign debate vote turnout mayor councillor committee meeting
report survey study university student teacher exam results graduation science research
discovery space telescope planet rocket satellite climate carbon emissions recycling waste bins
collection street lighting pothole repair works closure diversion traffic congestion parking
fines cameras speed limit"""
WORDS = _WORDS_TEXT.split()
HEALTH_NEAR_MISS = ("The local hospital opened a new car park and café for visitors on Monday, "
                    "and NHS volunteers planted a memorial garden beside the main entrance.")
BUSINESS_NEAR_MISS = ("Shares in the retail segment rose after investors said they trust the new "
                      "chief executive to cut costs in the second half.")


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(9, 22))
    return " ".join(words).capitalize() + "."


def _script(rng: random.Random, size: int) -> str:
    chunk = "window.__cfg=window.__cfg||{};__cfg['k%d']={id:%d,flag:true,list:[1,2,3]};"
    return "".join(chunk % (i, rng.randint(0, 10**6)) for i in range(size // 60))


def filler_page(rng: random.Random, extra: str = "") -> bytes:
    """A news page about something else, ~25-40 KB like real ones (half of it scripts)."""
    paras = "".join(f"<p>{' '.join(_sentence(rng) for _ in range(rng.randint(2, 5)))}</p>"
                    for _ in range(rng.randint(8, 16)))
    if extra:
        paras += f"<p>{extra}</p>"
    title = _sentence(rng)[:60]
    related = "".join(f'<li><a href="/n/{rng.randint(1, 99999)}">{_sentence(rng)[:70]}</a></li>' for _ in range(8))
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>"
            f"<script>{_script(rng, rng.randint(12000, 30000))}</script></head><body>"
            f"<header><nav><ul><li><a href='/'>Home</a></li><li><a href='/local'>Local</a></li></ul></nav></header>"
            f"<main><article><h1>{title}</h1>{paras}</article></main>"
            f"<aside class='related'><ul>{related}</ul></aside><footer><p>Local News Ltd</p></footer>"
            f"</body></html>").encode()


def corpus_pages() -> list[tuple[str, bytes]]:
    pages = []
    for path in sorted((REPO / "corpora").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        pages.append((path.stem, to_html(text, text.split("\n", 1)[0][:80]).encode()))
    return pages


def document_texts(paths: Iterable[str | Path]) -> list[tuple[str, str]]:
    """(name, text) of every readable document under ``paths`` (any format the extractor reads)."""
    from extractor.sources import iter_documents

    return [(Path(doc.source).stem, doc.text) for doc in iter_documents(paths) if doc.status == "ok" and doc.text]


def document_pages(paths: Iterable[str | Path]) -> list[tuple[str, bytes]]:
    """Every readable document under ``paths`` as a news page, as :func:`corpus_pages` renders the corpus."""
    return [(name, to_html(text, text.split("\n", 1)[0][:80]).encode()) for name, text in document_texts(paths)]


def archive_records(n: int, relevant_share: float = 0.01, seed: int = 7,
                    pages: list[tuple[str, bytes]] | None = None) -> Iterator[tuple[str, bytes]]:
    """(url, page) pairs: ``relevant_share`` of ``pages`` (the corpus by default), 1% health and 0.5%
    business near misses."""
    rng = random.Random(seed)
    corpus = corpus_pages() if pages is None else pages
    if not corpus:
        raise SystemExit("no readable documents to make relevant records from")
    for i in range(n):
        roll = rng.random()
        if roll < relevant_share:
            stem, page = corpus[i % len(corpus)]
            # each copy is its own page (a CMS stamp differs), as syndicated copies are:
            # identical bytes would be read once and flatter the pipeline's share
            stamp = f"<!-- served by cache node {rng.randint(1, 99)}, story {i} --></body>".encode()
            yield f"https://news.example/health/{stem}-{i}", page.replace(b"</body>", stamp, 1)
        elif roll < relevant_share + 0.01:
            yield f"https://news.example/local/{i}", filler_page(rng, HEALTH_NEAR_MISS)
        elif roll < relevant_share + 0.015:
            yield f"https://news.example/business/{i}", filler_page(rng, BUSINESS_NEAR_MISS)
        else:
            yield f"https://news.example/news/{i}", filler_page(rng)


def write_archive(path: Path, n: int, pages: list[tuple[str, bytes]] | None = None) -> int:
    """Write a gzipped WARC of ``n`` HTML responses (plus a request record each, as crawlers do);
    the relevant ones are drawn from ``pages`` (the corpus by default)."""
    count = 0
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, page in archive_records(n, pages=pages):
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                                          http_headers=request))
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(page),
                                                          http_headers=headers))
            count += 1
    return count


def board_paper(pages: int = 200) -> bytes:
    """A long board paper: the corpus documents back to back, repeated to reach ``pages`` pages."""
    import pypdfium2 as pdfium

    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "corpora").glob("*.txt"))]
    title = "Board of directors: integrated performance report"
    once = len(pdfium.PdfDocument(to_pdf("\n\n".join(texts), title)))
    repeats = -(-pages // max(once, 1))
    return to_pdf("\n\n".join(texts * repeats), title)


__all__ = ["BUSINESS_NEAR_MISS", "CLUTTER_BOTTOM", "CLUTTER_TOP", "HEALTH_NEAR_MISS", "archive_records",
           "board_paper", "corpus_pages", "document_pages", "document_texts", "filler_page", "write_archive"]
