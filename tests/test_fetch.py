"""The scraper against a real HTTP server on 127.0.0.1 (no internet): politeness, limits, cache."""

from __future__ import annotations

import contextlib
import csv
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from extractor.errors import ErrorCode
from extractor.fetching import LOG_NAME, FetchOptions, extension_for, fetch, read_url_list
from extractor.fetching.politeness import HostClock
from extractor.sources import iter_documents

PAGE = (b"<html><head><title>Segments</title></head><body><article><h1>Trusts in segment 4</h1>"
        b"<p>NHS England placed four trusts in segment 4 of the oversight framework this week, "
        b"the regulator said, after a review of their finances and performance.</p></article></body></html>")
PDF_HEAD = b"%PDF-1.4\n% fake but sniffable\n%%EOF\n"


class Handler(BaseHTTPRequestHandler):
    hits: ClassVar[Counter] = Counter()

    def log_message(self, *args) -> None:
        pass

    def _send(self, status: int, body: bytes = b"", ctype: str = "text/html", headers: dict | None = None):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        with contextlib.suppress(OSError):  # the client may have given up (timeouts, caps)
            self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path
        Handler.hits[path] += 1
        n = Handler.hits[path]
        if path == "/robots.txt":
            self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        elif path == "/page":
            if self.headers.get("If-None-Match") == '"v1"':
                self._send(304)
            else:
                self._send(200, PAGE, "text/html; charset=utf-8", {"ETag": '"v1"'})
        elif path == "/missing":
            self._send(404, b"no")
        elif path == "/error":
            self._send(500, b"boom")
        elif path == "/flaky":
            self._send(503 if n == 1 else 200, PAGE)
        elif path == "/slow":
            time.sleep(1.0)
            self._send(200, PAGE)
        elif path == "/loop-a":
            self._send(302, headers={"Location": "/loop-b"})
        elif path == "/loop-b":
            self._send(302, headers={"Location": "/loop-a"})
        elif path.startswith("/chain/"):
            self._send(301, headers={"Location": f"/chain/{int(path.rsplit('/', 1)[1]) + 1}"})
        elif path == "/to-ftp":
            self._send(302, headers={"Location": "ftp://example.com/file"})
        elif path == "/moved":
            self._send(301, headers={"Location": "/page"})
        elif path == "/huge-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(10**9))
            self.end_headers()
        elif path == "/huge-streamed":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(64):
                    self.wfile.write(b"x" * 65536)
            except OSError:
                pass
        elif path == "/pdf-as-text":
            self._send(200, PDF_HEAD, "text/plain")
        elif path == "/image":
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image/png")
        elif path == "/octets":
            self._send(200, b"\x00\x01\x02 unknown", "application/octet-stream")
        else:
            self._send(404)


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def fresh_hits():
    Handler.hits.clear()


FAST = FetchOptions(timeout=0.4, total_timeout=5, delay=0, retries=2, backoff=0.01, max_bytes=1 << 20)


def one(server: str, path: str, tmp_path: Path, options: FetchOptions = FAST):
    [outcome] = fetch([server + path], tmp_path, options=options)
    return outcome


def test_saves_a_page_with_its_hash_and_an_extension_the_extractor_reads(server, tmp_path):
    outcome = one(server, "/page", tmp_path)
    assert outcome.status == "ok" and outcome.http_status == 200
    saved = tmp_path / outcome.path
    assert saved.suffix == ".html" and saved.read_bytes() == PAGE and outcome.bytes == len(PAGE)
    [doc] = list(iter_documents([tmp_path]))
    assert doc.status == "ok" and "segment 4" in doc.text


@pytest.mark.parametrize(("path", "hits", "error"), [
    ("/missing", 1, "HTTP 404"),  # 4xx: never retried
    ("/error", 3, "HTTP 500"),  # 5xx: retried twice, then given up
])
def test_http_errors_are_retried_only_when_the_server_is_at_fault(server, tmp_path, path, hits, error):
    outcome = one(server, path, tmp_path)
    assert outcome.status == "failed" and outcome.error == ErrorCode.HTTP_ERROR.message(error)
    assert Handler.hits[path] == hits


def test_a_transient_5xx_recovers_after_backoff(server, tmp_path):
    outcome = one(server, "/flaky", tmp_path)
    assert outcome.status == "ok" and Handler.hits["/flaky"] == 2


def test_a_slow_server_times_out_and_is_retried(server, tmp_path):
    outcome = one(server, "/slow", tmp_path, FetchOptions(timeout=0.2, delay=0, retries=1, backoff=0.01))
    assert outcome.status == "failed" and "timed out" in outcome.error
    assert outcome.error.startswith(ErrorCode.UNREACHABLE.code)
    assert Handler.hits["/slow"] == 2


@pytest.mark.parametrize(("path", "error"), [
    ("/loop-a", "redirect loop"),
    ("/chain/0", "more than 5 redirects"),
    ("/to-ftp", "non-http(s)"),
])
def test_bad_redirects_are_stopped(server, tmp_path, path, error):
    outcome = one(server, path, tmp_path)
    assert outcome.status == "failed" and error in outcome.error
    assert sum(Handler.hits.values()) <= 8  # robots.txt plus at most six hops


def test_a_redirect_is_followed_and_the_final_url_kept(server, tmp_path):
    outcome = one(server, "/moved", tmp_path)
    assert outcome.status == "ok" and outcome.final_url == server + "/page"


@pytest.mark.parametrize("path", ["/huge-declared", "/huge-streamed"])
def test_bodies_past_the_size_cap_are_abandoned(server, tmp_path, path):
    outcome = one(server, path, tmp_path)
    assert outcome.status == "failed" and "cap" in outcome.error
    assert outcome.error.startswith(ErrorCode.DOWNLOAD_TOO_LARGE.code)
    assert not any(p.name != LOG_NAME for p in tmp_path.iterdir())  # no partial file left


def test_content_type_lies_are_corrected_by_sniffing_and_unreadable_types_refused(server, tmp_path):
    outcomes = fetch([server + "/pdf-as-text", server + "/image", server + "/octets"], tmp_path, options=FAST)
    assert [o.status for o in outcomes] == ["ok", "failed", "failed"]
    assert outcomes[0].path.endswith(".pdf")
    assert "image/png" in outcomes[1].error and "application/octet-stream" in outcomes[2].error
    assert all(o.error.startswith(ErrorCode.UNWANTED_TYPE.code) for o in outcomes[1:3])


def test_robots_disallow_is_respected_unless_switched_off(server, tmp_path):
    assert one(server, "/private/report", tmp_path).status == "skipped"
    assert Handler.hits["/private/report"] == 0
    rude = FetchOptions(timeout=0.4, delay=0, retries=0, respect_robots=False)
    assert one(server, "/private/report", tmp_path / "b", rude).error == ErrorCode.HTTP_ERROR.message("HTTP 404")


def test_only_http_urls_are_fetched(tmp_path):
    outcomes = fetch(["file:///etc/passwd", "ftp://example.com/x", "not a url"], tmp_path, options=FAST)
    assert all(o.status == "failed" and o.error == ErrorCode.NOT_HTTP.message() for o in outcomes)


# The cache test is about what a second run does, not about timeouts: the 0.4 s of FAST once
# ran out on a loaded CI machine, so its first download failed and the second was a download.
PATIENT = FetchOptions(timeout=10, total_timeout=20, delay=0, retries=2, backoff=0.01, max_bytes=1 << 20)


def test_a_rerun_uses_the_cache_and_revalidation_uses_the_etag(server, tmp_path):
    first = one(server, "/page", tmp_path, PATIENT)
    assert first.status == "ok"
    again = one(server, "/page", tmp_path, PATIENT)
    assert again.status == "cached" and again.path == first.path and Handler.hits["/page"] == 1
    checked = one(server, "/page", tmp_path, FetchOptions(delay=0, revalidate=True))
    assert checked.status == "not_modified" and checked.sha256 == first.sha256 and Handler.hits["/page"] == 2
    (tmp_path / first.path).unlink()
    assert one(server, "/page", tmp_path, PATIENT).status == "ok"  # a deleted file is fetched again


def test_every_url_is_logged_once_per_run(server, tmp_path):
    urls = [server + p for p in ("/page", "/missing", "/private/x", "/page")]
    fetch(urls, tmp_path, options=FAST)
    with (tmp_path / LOG_NAME).open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["status"] for r in rows] == ["ok", "failed", "skipped"]
    assert set(rows[0]) >= {"url", "status", "http_status", "path", "bytes", "sha256", "error", "fetched_at"}
    assert rows[0]["sha256"] and rows[1]["http_status"] == "404" and rows[1]["path"] == ""


def test_requests_to_one_host_are_spaced_by_the_delay():
    now = [0.0]
    sleeps: list[float] = []

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        now[0] += seconds

    clock = HostClock(2.0, sleep=sleep, now=lambda: now[0])
    clock.wait("a")
    clock.wait("b")
    now[0] += 0.5
    clock.wait("a")
    clock.wait("a", delay=5.0)  # robots.txt Crawl-delay longer than ours wins
    assert sleeps == [1.5, 5.0]


def test_options_are_validated():
    with pytest.raises(ValueError, match="timeout"):
        FetchOptions(timeout=0)


@pytest.mark.parametrize(("media", "head", "url", "suffix"), [
    ("text/html", b"<!DOCTYPE html><p>", "http://x/a", ".html"),
    ("text/plain", b"%PDF-1.7", "http://x/a", ".pdf"),
    ("application/octet-stream", b"\x1f\x8b\x08", "http://x/news.warc.gz", ".warc.gz"),
    ("text/plain", b"Plain words", "http://x/a.txt", ".txt"),
    ("application/json", b"{}", "http://x/a", ""),
])
def test_extension_from_bytes_then_content_type(media, head, url, suffix):
    assert extension_for(media, head, url) == suffix


def test_url_lists_skip_blanks_and_comments(tmp_path):
    listing = tmp_path / "urls.txt"
    listing.write_text("# board papers\nhttp://a/1\n\n  http://a/2  \n")
    assert read_url_list(listing) == ["http://a/1", "http://a/2"]
