"""Fetch a list of URLs into a folder that ``extractor extract`` can read.

One URL at a time, in the order given: politeness matters more than speed for the few
hundred pages and board papers a study needs. Every URL gets exactly one row in
``fetch_log.csv`` per run, whatever happens to it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from email.message import Message
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from ..errors import ErrorCode
from .client import FetchFailure, Response, request
from .log import FetchOutcome, append_outcome, latest_outcomes
from .options import FetchOptions
from .politeness import HostClock, Robots

_EXTENSIONS = {
    "text/html": ".html", "application/xhtml+xml": ".html", "application/pdf": ".pdf",
    "text/plain": ".txt", "text/markdown": ".md", "application/warc": ".warc",
}
_REFUSED_TYPES = ("image/", "audio/", "video/", "font/", "application/zip", "application/x-font")
_SLUG = re.compile(r"[^A-Za-z0-9._-]+")


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _media_type(headers: Message) -> str:
    return (headers.get("Content-Type") or "").split(";", 1)[0].strip().lower()


def _refuse(headers: Message) -> str:
    media = _media_type(headers)
    return media if media.startswith(_REFUSED_TYPES) else ""


def extension_for(media_type: str, head: bytes, url: str) -> str:
    """The suffix the source dispatch needs, from the bytes first (servers mislabel files)."""
    start = head.lstrip()[:256].lower()
    if head.startswith(b"%PDF"):
        return ".pdf"
    if head.startswith(b"WARC/"):
        return ".warc"
    if head.startswith(b"\x1f\x8b") and urlsplit(url).path.lower().endswith(".warc.gz"):
        return ".warc.gz"
    if start.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in start:
        return ".html"
    return _EXTENSIONS.get(media_type, "")


def file_stem(url: str) -> str:
    """A readable, stable file name for a URL: host and path slug plus a hash of the URL."""
    parts = urlsplit(url)
    slug = _SLUG.sub("_", f"{parts.netloc}{parts.path}").strip("_.")[:60]
    return f"{slug}-{hashlib.sha256(url.encode()).hexdigest()[:10]}"


class _Fetcher:
    def __init__(self, to: Path, options: FetchOptions, sleep: Callable[[float], None]) -> None:
        self.to, self.options, self.sleep = to, options, sleep
        self.clock = HostClock(options.delay, sleep=sleep)
        self.robots = Robots(options, self.clock)
        self.cache = latest_outcomes(to)

    def one(self, url: str) -> FetchOutcome:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            return FetchOutcome(url, "failed", error=ErrorCode.NOT_HTTP.message(), fetched_at=_now())
        previous = self.cache.get(url)
        cached = previous is not None and previous.saved and (self.to / previous.path).is_file()
        if cached and not self.options.refetch and not self.options.revalidate:
            return replace(previous, status="cached", error="", fetched_at=_now())
        conditional: dict[str, str] = {}
        if cached and self.options.revalidate:
            if previous.etag:
                conditional["If-None-Match"] = previous.etag
            if previous.last_modified:
                conditional["If-Modified-Since"] = previous.last_modified
        return self._follow(url, conditional, previous if cached else None)

    def _follow(self, url: str, conditional: dict[str, str], previous: FetchOutcome | None) -> FetchOutcome:
        """Request ``url`` and follow redirects by hand, refusing loops and long chains."""
        seen, current = {url}, url
        for _ in range(self.options.max_redirects + 1):
            if not self.robots.allowed(current):
                return FetchOutcome(url, "skipped", error=ErrorCode.ROBOTS.message(current),
                                    final_url=current, fetched_at=_now())
            temp = self.to / f".{file_stem(url)}.part"
            try:
                response = self._attempts(current, temp, conditional)
                if 300 <= response.status < 400 and response.status != 304:
                    location = response.headers.get("Location")
                    if not location:
                        return self._failed(url, current, response.status, ErrorCode.REDIRECTS,
                                            "redirect without a Location")
                    current = urljoin(current, location)
                    if urlsplit(current).scheme not in ("http", "https"):
                        return self._failed(url, current, response.status, ErrorCode.REDIRECTS,
                                            "redirect to a non-http(s) URL")
                    if current in seen:
                        return self._failed(url, current, response.status, ErrorCode.REDIRECTS,
                                            f"redirect loop at {current}")
                    seen.add(current)
                    continue
                if response.status == 304 and previous is not None:
                    return replace(previous, status="not_modified", http_status=304, fetched_at=_now())
                if not 200 <= response.status < 300:
                    return self._failed(url, current, response.status, ErrorCode.HTTP_ERROR,
                                        f"HTTP {response.status}")
                return self._save(url, current, response, temp)
            except FetchFailure as exc:
                return self._failed(url, current, None, exc.code, str(exc))
            finally:
                with contextlib.suppress(FileNotFoundError):
                    temp.unlink()
        return self._failed(url, current, None, ErrorCode.REDIRECTS,
                            f"more than {self.options.max_redirects} redirects")

    def _attempts(self, url: str, temp: Path, conditional: dict[str, str]) -> Response:
        """One request with retries and exponential backoff on 5xx, 429 and network failures."""
        host = urlsplit(url).netloc
        for attempt in range(self.options.retries + 1):
            self.clock.wait(host, self.robots.crawl_delay(url))
            last = attempt == self.options.retries
            try:
                with temp.open("wb") as sink:
                    response = request(url, sink, self.options, headers=conditional, accept=_refuse)
            except FetchFailure as exc:
                if last or not exc.retryable:
                    raise
                self.sleep(self._backoff(attempt, None))
                continue
            if (response.status >= 500 or response.status == 429) and not last:
                self.sleep(self._backoff(attempt, response.headers.get("Retry-After")))
                continue
            return response
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _backoff(self, attempt: int, retry_after: str | None) -> float:
        wait = self.options.backoff * 2**attempt
        if retry_after and retry_after.strip().isdigit():
            wait = max(wait, float(retry_after))
        return min(wait, self.options.max_backoff)

    def _save(self, url: str, final_url: str, response: Response, temp: Path) -> FetchOutcome:
        media = _media_type(response.headers)
        suffix = extension_for(media, response.head, final_url)
        if not suffix:
            return self._failed(url, final_url, response.status, ErrorCode.UNWANTED_TYPE, media or "?")
        name = file_stem(url) + suffix
        os.replace(temp, self.to / name)
        return FetchOutcome(
            url, "ok", response.status, name, response.size, response.sha256, "", _now(), final_url, media,
            response.headers.get("ETag", ""), response.headers.get("Last-Modified", ""),
        )

    @staticmethod
    def _failed(url: str, final_url: str, http_status: int | None, code: ErrorCode, detail: str) -> FetchOutcome:
        return FetchOutcome(url, "failed", http_status, error=code.message(detail), fetched_at=_now(),
                            final_url=final_url)


def fetch(
    urls: Iterable[str],
    to: Path,
    *,
    options: FetchOptions | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> list[FetchOutcome]:
    """Download ``urls`` into ``to``; one outcome per distinct URL, in the order given.

    Each outcome is also appended to ``to/fetch_log.csv`` as soon as it is known, and a
    URL saved by an earlier run is not downloaded again (``status`` ``cached``) unless
    ``options.refetch`` or ``options.revalidate`` says otherwise.
    """
    to = Path(to)
    to.mkdir(parents=True, exist_ok=True)
    fetcher = _Fetcher(to, options or FetchOptions(), sleep)
    outcomes = []
    for url in dict.fromkeys(u.strip() for u in urls if u and u.strip()):
        outcome = fetcher.one(url)
        append_outcome(to, outcome)
        outcomes.append(outcome)
    return outcomes


def read_url_list(path: Path) -> list[str]:
    """URLs from a text file: one per line; blank lines and ``#`` comments are ignored."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
