"""Security headers on every response and per-client rate limits on the worker endpoints.

Both are plain ASGI middleware (they see streams and the body-limit's early answers too), installed by
`install_security(app, settings)`.
"""

from __future__ import annotations

import ipaddress
import json
import math
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.config import Settings

# The pages in api/static/ load only their own scripts and styles and talk only to this server.
PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
# FastAPI's /docs and /redoc pages load Swagger UI / ReDoc from jsDelivr with an inline bootstrap.
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net https://fonts.googleapis.com; "
    "img-src 'self' data: https://fastapi.tiangolo.com https://cdn.redoc.ly; "
    "font-src 'self' https://fonts.gstatic.com; connect-src 'self'; worker-src 'self' blob:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
DOCS_PATHS = ("/docs", "/redoc")
BASE_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
)


class SecurityHeadersMiddleware:
    """Adds the headers to every HTTP response (JSON, pages, SSE, errors); never overrides a header a
    route set itself."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        docs = path.startswith(DOCS_PATHS)
        csp = (DOCS_CSP if docs else PAGE_CSP).encode()

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                extra = [*BASE_HEADERS, (b"content-security-policy", csp)]
                headers += [(name, value) for name, value in extra if name not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


@dataclass
class _Bucket:
    tokens: float
    stamp: float


class TokenBuckets:
    """One token bucket per key: `capacity` requests at once, refilled at `per_minute`. Thread-safe;
    at most `max_keys` buckets are kept (the least recently used go first; a forgotten client simply
    starts again with a full bucket)."""

    def __init__(self, per_minute: float, capacity: int, max_keys: int = 100_000) -> None:
        self.rate = per_minute / 60.0
        self.capacity = float(max(capacity, 1))
        self.max_keys = max_keys
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()
        self._lock = threading.Lock()

    def take(self, key: str, now: float | None = None) -> float:
        """Spend one token: 0.0 when allowed, else the seconds until a token is back."""
        now = time.monotonic() if now is None else now
        with self._lock:
            bucket = self._buckets.get(key)
            if bucket is None:
                bucket = _Bucket(self.capacity, now)
                self._buckets[key] = bucket
                if len(self._buckets) > self.max_keys:
                    self._buckets.popitem(last=False)
            else:
                self._buckets.move_to_end(key)
                bucket.tokens = min(self.capacity, bucket.tokens + (now - bucket.stamp) * self.rate)
                bucket.stamp = now
            if bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                return 0.0
            return (1.0 - bucket.tokens) / self.rate


Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_proxies(values: Iterable[str]) -> list[Network]:
    return [ipaddress.ip_network(v.strip(), strict=False) for v in values if v.strip()]


def _trusted(address: str, proxies: list[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in net for net in proxies)


def client_address(scope: Scope, proxies: list[Network]) -> str:
    """The socket peer; behind trusted proxies, the right-most X-Forwarded-For entry that is not one
    of them (entries further left are whatever the client chose to send)."""
    peer = scope.get("client")
    address = peer[0] if peer else "unknown"
    if not proxies or not _trusted(address, proxies):
        return address
    forwarded = b",".join(v for k, v in scope.get("headers", []) if k.lower() == b"x-forwarded-for")
    hops = [h.strip() for h in forwarded.decode("latin-1").split(",") if h.strip()]
    for hop in reversed(hops):
        if not _trusted(hop, proxies):
            return hop
    return hops[0] if hops else address


# The worker endpoints that do work (answers, tickets, writes); reads and lawyers' routes are not limited.
LIMITED = (
    ("POST", re.compile(r"^/v1/chat(/stream)?/?$")),
    ("POST", re.compile(r"^/v1/conversations/[^/]+/escalate/?$")),
    ("POST", re.compile(r"^/v1/messages/[^/]+/feedback/?$")),
    ("DELETE", re.compile(r"^/v1/conversations/[^/]+/?$")),
)


def limited(method: str, path: str) -> bool:
    return any(method == m and pattern.match(path) for m, pattern in LIMITED)


class RateLimitMiddleware:
    def __init__(self, app: ASGIApp, buckets: TokenBuckets, proxies: list[Network]) -> None:
        self.app = app
        self.buckets = buckets
        self.proxies = proxies

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and limited(scope["method"], scope.get("path", "")):
            wait = self.buckets.take(client_address(scope, self.proxies))
            if wait > 0:
                await _too_many(send, math.ceil(wait))
                return
        await self.app(scope, receive, send)


async def _too_many(send: Send, retry_after: int) -> None:
    body = json.dumps(
        {"code": "rate_limited", "message": f"提问太频繁了，请 {retry_after} 秒后再试"}, ensure_ascii=False
    ).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"retry-after", str(retry_after).encode()),
    ]
    # The request body is left unread: the server closes or reuses the connection as HTTP requires.
    await send({"type": "http.response.start", "status": 429, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def install_security(app: FastAPI, settings: Settings) -> None:
    """Call after adding the body limit (the last added runs first): rate limiting answers before the
    body is read, and the headers land on every response, 429 and 413 included."""
    if settings.rate_limit_per_minute > 0:
        buckets = TokenBuckets(settings.rate_limit_per_minute, settings.rate_limit_burst)
        app.add_middleware(
            RateLimitMiddleware, buckets=buckets, proxies=parse_proxies(settings.trusted_proxies)
        )
        app.state.rate_limits = buckets
    app.add_middleware(SecurityHeadersMiddleware)
