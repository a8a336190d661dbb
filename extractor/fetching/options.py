"""The scraper's settings, one validated object (the CLI maps its flags onto these fields)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FetchOptions:
    """How politely and how far to fetch.

    Defaults suit news sites and NHS board-paper servers: one request per host per
    second, robots.txt obeyed, 50 MB per file, three retries on server errors.
    """

    user_agent: str = "nhs-oversight-extractor/0.1 (research; polite scraper)"
    timeout: float = 20.0
    """Seconds to wait for a connection or for the next bytes of a response."""
    total_timeout: float = 300.0
    """Seconds one download may take in all, so a server dripping bytes cannot hold us."""
    max_bytes: int = 50 * 1024 * 1024
    delay: float = 1.0
    """Minimum seconds between two requests to the same host (robots.txt Crawl-delay wins if longer)."""
    retries: int = 3
    """Extra attempts after a 5xx, 429, timeout or dropped connection; 4xx is never retried."""
    backoff: float = 1.0
    """Seconds before the first retry, doubled for each further one."""
    max_backoff: float = 60.0
    max_redirects: int = 5
    respect_robots: bool = True
    revalidate: bool = False
    """Re-ask the server about URLs fetched before (conditional GET) instead of trusting the cache."""
    refetch: bool = False
    """Ignore the cache entirely and download everything again."""

    def __post_init__(self) -> None:
        positive = ("timeout", "total_timeout", "max_bytes")
        non_negative = ("delay", "retries", "backoff", "max_backoff", "max_redirects")
        bad = [n for n in positive if getattr(self, n) <= 0]
        bad += [n for n in non_negative if getattr(self, n) < 0]
        if bad:
            raise ValueError(f"invalid fetch option(s): {', '.join(bad)}")
