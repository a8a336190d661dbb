"""The polite scraper behind ``extractor fetch``: URLs in, a folder of documents out.

Call :func:`fetch`; every URL's outcome lands in ``fetch_log.csv`` beside the files.
"""

from __future__ import annotations

from .fetcher import extension_for, fetch, read_url_list
from .log import LOG_NAME, FetchOutcome
from .options import FetchOptions

__all__ = ["LOG_NAME", "FetchOptions", "FetchOutcome", "extension_for", "fetch", "read_url_list"]
