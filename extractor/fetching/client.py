"""One HTTP GET, streamed, capped and bounded in time; redirects are left to the caller.

The stdlib (``urllib``) is enough here and adds no dependency. Redirects are not
followed automatically because the caller must see every hop: to check it against
robots.txt, to stop loops, and to count hops against a limit.
"""

from __future__ import annotations

import hashlib
import http.client
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from typing import BinaryIO

from ..errors import ErrorCode
from .options import FetchOptions

_CHUNK = 1 << 16


class FetchFailure(Exception):
    """A request that produced no usable response; ``retryable`` says whether to try again."""

    def __init__(self, message: str, *, retryable: bool, code: ErrorCode = ErrorCode.UNREACHABLE) -> None:
        super().__init__(message)
        self.retryable = retryable
        self.code = code


@dataclass
class Response:
    status: int
    headers: Message
    size: int = 0
    sha256: str = ""
    head: bytes = b""  # the first bytes of the body, to sniff its real type


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def request(
    url: str,
    sink: BinaryIO,
    options: FetchOptions,
    *,
    headers: dict[str, str] | None = None,
    max_bytes: int | None = None,
    accept: Callable[[Message], str] | None = None,
) -> Response:
    """GET ``url`` and stream a 2xx body into ``sink``.

    Non-2xx answers come back as a :class:`Response` without a body. ``accept`` may
    veto a response from its headers (e.g. an image) before the body is read; it returns
    the reason, or "" to go on. Raises :class:`FetchFailure` for timeouts, dropped
    connections and bodies past ``max_bytes``.
    """
    limit = options.max_bytes if max_bytes is None else max_bytes
    req = urllib.request.Request(url, headers={
        "User-Agent": options.user_agent, "Accept-Encoding": "identity", **(headers or {}),
    })
    deadline = time.monotonic() + options.total_timeout
    try:
        resp = _OPENER.open(req, timeout=options.timeout)
    except urllib.error.HTTPError as exc:
        exc.close()
        return Response(exc.code, exc.headers)
    except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        kind = "timed out" if isinstance(reason, socket.timeout | TimeoutError) else "connection failed"
        raise FetchFailure(f"{kind}: {reason}", retryable=True) from exc
    with resp:
        response = Response(resp.status, resp.headers)
        if accept and (veto := accept(resp.headers)):
            raise FetchFailure(veto, retryable=False, code=ErrorCode.UNWANTED_TYPE)
        declared = resp.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchFailure(f"body of {declared} bytes exceeds the {limit}-byte cap", retryable=False,
                               code=ErrorCode.DOWNLOAD_TOO_LARGE)
        digest = hashlib.sha256()
        try:
            while chunk := resp.read(_CHUNK):
                response.size += len(chunk)
                if response.size > limit:
                    raise FetchFailure(f"body exceeds the {limit}-byte cap", retryable=False,
                                       code=ErrorCode.DOWNLOAD_TOO_LARGE)
                if time.monotonic() > deadline:
                    message = f"timed out: download took over {options.total_timeout}s"
                    raise FetchFailure(message, retryable=True)
                if len(response.head) < 1024:
                    response.head += chunk[: 1024 - len(response.head)]
                digest.update(chunk)
                sink.write(chunk)
        except (http.client.HTTPException, OSError) as exc:
            kind = "timed out" if isinstance(exc, socket.timeout | TimeoutError) else "connection dropped"
            raise FetchFailure(f"{kind} while reading the body: {exc}", retryable=True) from exc
        response.sha256 = digest.hexdigest()
    return response
