"""A document's address travels from the source to the Doc: HTML canonical link or og:url,
a WARC record's target URI, the URL a fetched file came from. It says whose page it is."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from extractor import ExtractOptions, extract
from extractor.fetching.log import COLUMNS, LOG_NAME
from extractor.sources import iter_documents
from extractor.sources.html import read_html
from extractor.sources.warc import iter_warc

from .render import write_warc

BODY = "<article><h1>Oversight update</h1><p>We have moved into segment 2 of the NHS Oversight Framework.</p></article>"


def page(head: str, body: str = BODY) -> bytes:
    return f"<!doctype html><html><head><title>News</title>{head}</head><body>{body}</body></html>".encode()


@pytest.mark.parametrize("head, url", [
    ('<link rel="canonical" href="https://www.mtw.nhs.uk/news/q2">', "https://www.mtw.nhs.uk/news/q2"),
    ('<link href="https://www.mtw.nhs.uk/a" rel="Canonical">', "https://www.mtw.nhs.uk/a"),
    ('<meta property="og:url" content="http://mtw.nhs.uk/b">', "http://mtw.nhs.uk/b"),
    ('<meta name="og:url" content=" https://mtw.nhs.uk/c ">', "https://mtw.nhs.uk/c"),
    ('<link rel="canonical" href="https://a.nhs.uk/x"><meta property="og:url" content="https://b.nhs.uk/y">',
     "https://a.nhs.uk/x"),
    ('<link rel="canonical" href="/news/relative"><meta property="og:url" content="https://b.nhs.uk/y">',
     "https://b.nhs.uk/y"),
    ('<link rel="canonical" href="/news/relative">', ""),
    ('<link rel="alternate" href="https://www.mtw.nhs.uk/feed">', ""),
    ("", ""),
])
def test_an_html_page_gives_its_own_address(head: str, url: str) -> None:
    assert read_html(page(head)).url == url


def test_a_warc_record_carries_its_target_uri_before_the_page_s_claim(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    own = page('<link rel="canonical" href="https://elsewhere.example/copy">')
    write_warc(path, [("https://www.mtw.nhs.uk/news/q2", own, "text/html; charset=utf-8")])
    (doc,) = iter_warc(path, max_bytes=1 << 20)
    assert doc.status == "ok" and doc.url == "https://www.mtw.nhs.uk/news/q2"


def test_a_fetched_file_takes_the_url_from_the_fetch_log(tmp_path: Path) -> None:
    (tmp_path / "q2-abc.html").write_bytes(page(""))
    (tmp_path / "other.html").write_bytes(page('<link rel="canonical" href="https://www.mtw.nhs.uk/c">'))
    with (tmp_path / LOG_NAME).open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerow({"url": "https://mtw.nhs.uk/q2", "status": "ok", "path": "q2-abc.html",
                         "final_url": "https://www.mtw.nhs.uk/news/q2"})
    docs = {Path(d.source).name: d for d in iter_documents([tmp_path])}
    assert docs["q2-abc.html"].url == "https://www.mtw.nhs.uk/news/q2"
    assert docs["other.html"].url == "https://www.mtw.nhs.uk/c", "not in the log: the page's own claim"


def test_plain_text_has_no_address(tmp_path: Path) -> None:
    (tmp_path / "note.txt").write_text("We have moved into segment 2.", encoding="utf-8")
    (doc,) = iter_documents([tmp_path])
    assert doc.url == ""


def _memberships(result) -> list[tuple[str, str, int]]:
    frame = result.memberships
    return sorted(zip(frame["name"], frame["ods_code"].fillna(""), frame["segment"].astype(int), strict=True))


def test_end_to_end_an_html_page_on_a_trust_site_resolves_we(tmp_path: Path) -> None:
    body = ("<article><h1>Our latest oversight results</h1><p>NHS England published the quarterly results "
            "of the NHS Oversight Framework this week.</p><p>We have moved into segment 2, up from segment 3 "
            "last quarter.</p></article>")
    (tmp_path / "own.html").write_bytes(page('<link rel="canonical" href="https://www.mtw.nhs.uk/news/q2">', body))
    (tmp_path / "anon.html").write_bytes(page("", body.replace("Our latest", "The latest")))
    result = extract([tmp_path / "own.html"], ExtractOptions(reconcile=False))
    assert ("We", "RWF", 2) in _memberships(result)
    anon = extract([tmp_path / "anon.html"], ExtractOptions(reconcile=False))
    assert not any(code for _, code, _ in _memberships(anon)), "no address, no home: 'we' is nobody"


def test_end_to_end_a_warc_record_resolves_the_trust(tmp_path: Path) -> None:
    body = ("<article><p>The NHS Oversight Framework results are out.</p><p>The Trust remains in segment 3 "
            "this quarter.</p></article>")
    path = tmp_path / "crawl.warc"
    write_warc(path, [("https://www.newcastle-hospitals.nhs.uk/news/nof", page("", body), "text/html")], gzip=False)
    result = extract([path], ExtractOptions(reconcile=False))
    assert ("The Trust", "RTD", 3) in _memberships(result)
