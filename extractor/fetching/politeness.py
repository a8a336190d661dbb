"""Being a good guest: robots.txt and a minimum delay between requests to one host."""

from __future__ import annotations

import io
import time
import urllib.robotparser
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

from .client import FetchFailure, request
from .options import FetchOptions

_ROBOTS_CAP = 512 * 1024  # RFC 9309 lets crawlers ignore anything past 500 KiB


class HostClock:
    """Spaces requests to the same host at least ``delay`` seconds apart."""

    def __init__(self, delay: float, sleep: Callable[[float], None] = time.sleep,
                 now: Callable[[], float] = time.monotonic) -> None:
        self.delay = delay
        self._sleep, self._now = sleep, now
        self._last: dict[str, float] = {}

    def wait(self, host: str, delay: float | None = None) -> None:
        gap = self.delay if delay is None else max(self.delay, delay)
        last = self._last.get(host)
        if last is not None and (pause := last + gap - self._now()) > 0:
            self._sleep(pause)
        self._last[host] = self._now()


class Robots:
    """robots.txt per scheme and host, fetched once and kept for the run.

    Following RFC 9309: a missing robots.txt (4xx) allows everything; one that cannot be
    fetched (5xx, timeout) disallows everything on that host, since silence then is not
    consent.
    """

    def __init__(self, options: FetchOptions, clock: HostClock) -> None:
        self.options = options
        self.clock = clock
        self._parsers: dict[str, urllib.robotparser.RobotFileParser] = {}

    def _parser(self, url: str) -> urllib.robotparser.RobotFileParser:
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}"
        if key in self._parsers:
            return self._parsers[key]
        parser = urllib.robotparser.RobotFileParser(f"{key}/robots.txt")
        buffer = io.BytesIO()
        target = f"{key}/robots.txt"
        try:
            for _ in range(5):  # RFC 9309: follow at least five redirects
                self.clock.wait(urlsplit(target).netloc)
                response = request(target, buffer, self.options, max_bytes=_ROBOTS_CAP)
                location = response.headers.get("Location") if 300 <= response.status < 400 else None
                if not location:
                    break
                target = urljoin(target, location)
        except FetchFailure:
            parser.disallow_all = True
        else:
            if 200 <= response.status < 300:
                parser.parse(buffer.getvalue().decode("utf-8", "replace").splitlines())
            elif 400 <= response.status < 500:
                parser.allow_all = True
            else:
                parser.disallow_all = True
        self._parsers[key] = parser
        return parser

    def allowed(self, url: str) -> bool:
        if not self.options.respect_robots:
            return True
        return self._parser(url).can_fetch(self.options.user_agent, url)

    def crawl_delay(self, url: str) -> float | None:
        if not self.options.respect_robots:
            return None
        delay = self._parser(url).crawl_delay(self.options.user_agent)
        return float(delay) if delay is not None else None
