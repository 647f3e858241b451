"""Security headers on every response; per-client rate limits on the worker endpoints (429 with
Retry-After exactly on the request after the burst); exact body and question boundaries."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest

from api.main import create_app
from api.security import PAGE_CSP, TokenBuckets, client_address, limited, parse_proxies
from assistant.answer.fake_llm import serve_in_thread
from assistant.config import Settings
from tests.api.conftest import api_settings
from tests.api.test_errors import JSON, assert_error, chunked_post

BURST = 3


def _security_headers_ok(response: httpx.Response) -> None:
    headers = response.headers
    assert headers["x-content-type-options"] == "nosniff", response.url
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "/", None),
        ("GET", "/lawyer", None),
        ("GET", "/static/app.js", None),
        ("GET", "/static/style.css", None),
        ("GET", "/healthz", None),
        ("GET", "/readyz", None),
        ("GET", "/openapi.json", None),
        ("GET", "/v1/articles/劳动合同法/82", None),
        ("GET", "/v1/nothing-here", None),  # 404
        ("POST", "/v1/chat", {"question": "加班费怎么算"}),
        ("POST", "/v1/chat", {"question": ""}),  # 422
        ("POST", "/v1/chat/stream", {"question": "加班费怎么算"}),  # SSE
        ("GET", "/v1/lawyer/queue", None),  # 401
    ],
)
def test_every_response_carries_security_headers(
    client: httpx.Client, method: str, path: str, body: object
) -> None:
    response = client.request(method, path, json=body)
    assert response.status_code < 500
    _security_headers_ok(response)


def test_pages_allow_only_their_own_origin(client: httpx.Client) -> None:
    for path in ("/", "/lawyer"):
        csp = client.get(path).headers["content-security-policy"]
        assert csp == PAGE_CSP
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp and "http" not in csp
        directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
        assert directives["default-src"] == "'self'" and directives["script-src"] == "'self'"
    # The API documentation pages load Swagger UI from its CDN and keep working.
    docs = client.get("/docs")
    assert docs.status_code == 200 and "cdn.jsdelivr.net" in docs.headers["content-security-policy"]


def test_oversized_bodies_get_headers_too(client: httpx.Client) -> None:
    response = client.post("/v1/chat", content=b"{" + b" " * 70_000 + b"}", headers=JSON)
    assert_error(response, 413, "body_too_large")
    _security_headers_ok(response)


# Exact boundaries: max_body_bytes (64 KiB) counted in bytes, max_question_chars (2,000) in characters.


def _body_of_exactly(size: int, question: str = "加班费怎么算") -> bytes:
    body = json.dumps({"question": question}, ensure_ascii=False).encode()
    return body[:-1] + b" " * (size - len(body)) + b"}"  # JSON allows trailing whitespace


def test_body_cap_boundary_in_bytes(client: httpx.Client, offline_api: str) -> None:
    limit = 64 * 1024
    at_limit, over = _body_of_exactly(limit), _body_of_exactly(limit + 1)
    assert len(at_limit) == limit and len(over) == limit + 1
    assert client.post("/v1/chat", content=at_limit, headers=JSON).status_code == 200
    assert_error(client.post("/v1/chat", content=over, headers=JSON), 413, "body_too_large")
    # Without Content-Length (chunked): the same boundary, found by counting.
    assert chunked_post(offline_api, "/v1/chat", at_limit)[0] == 200
    assert chunked_post(offline_api, "/v1/chat", over)[0] == 413
    # Multi-byte characters count as bytes: 21,846 × 3 bytes is over the cap in 21,846 characters.
    wide = json.dumps({"question": "拖" * 21_846}, ensure_ascii=False).encode()
    assert len(wide) > limit
    assert_error(client.post("/v1/chat", content=wide, headers=JSON), 413, "body_too_large")


def test_question_cap_boundary_in_characters(client: httpx.Client) -> None:
    assert client.post("/v1/chat", json={"question": "欠" * 2000}).status_code == 200
    for path in ("/v1/chat", "/v1/chat/stream"):
        assert_error(client.post(path, json={"question": "欠" * 2001}), 422, "question_too_long")


# Rate limits: a dedicated server with a small bucket that does not refill during the test.


@pytest.fixture(scope="module")
def limited_api(built_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    settings = api_settings(
        built_settings,
        tmp_path_factory.mktemp("limited-db"),
        rate_limit_per_minute=0.5,  # one token every 2 minutes
        rate_limit_burst=BURST,
        trusted_proxies=["10.9.0.0/16"],  # not loopback: X-Forwarded-For from the tests is ignored
    )
    server = serve_in_thread(create_app(settings))
    yield server.url
    server.stop()


@pytest.fixture(scope="module")
def proxied_api(built_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    settings = api_settings(
        built_settings,
        tmp_path_factory.mktemp("proxied-db"),
        rate_limit_per_minute=0.5,
        rate_limit_burst=BURST,
        trusted_proxies=["127.0.0.1"],
    )
    server = serve_in_thread(create_app(settings))
    yield server.url
    server.stop()


def _assert_429(response: httpx.Response) -> None:
    assert_error(response, 429, "rate_limited")
    retry = int(response.headers["retry-after"])
    assert 1 <= retry <= 120
    assert str(retry) in response.json()["message"]
    _security_headers_ok(response)


def test_the_request_after_the_burst_gets_429_with_retry_after(limited_api: str) -> None:
    with httpx.Client(base_url=limited_api, timeout=60) as c:
        first = c.post("/v1/chat", json={"question": "加班费怎么算"})
        assert first.status_code == 200
        cid = first.json()["conversation_id"]
        # Every worker endpoint spends from the same bucket, whatever its answer (404, 422 …).
        assert c.post("/v1/messages/nope/feedback", json={"helpful": False}).status_code == 404
        assert c.post("/v1/chat/stream", json={"question": ""}).status_code == 422
        for method, path, body in [
            ("POST", "/v1/chat", {"question": "加班费怎么算"}),
            ("POST", "/v1/chat/stream", {"question": "加班费怎么算"}),
            ("POST", f"/v1/conversations/{cid}/escalate", {}),
            ("POST", "/v1/messages/nope/feedback", {"helpful": True}),
            ("POST", "/v1/chat/", {"question": "加班费怎么算"}),
        ]:
            _assert_429(c.request(method, path, json=body))
        # A spoofed X-Forwarded-For from an untrusted peer changes nothing.
        _assert_429(c.post("/v1/chat", json={"question": "x"}, headers={"X-Forwarded-For": "203.0.113.9"}))
        # Reads are not limited.
        assert c.get(f"/v1/conversations/{cid}").status_code == 200
        assert c.get("/v1/search", params={"q": "加班"}).status_code == 200
        assert c.get("/healthz").status_code == 200


def test_behind_a_trusted_proxy_each_forwarded_client_has_its_own_bucket(proxied_api: str) -> None:
    with httpx.Client(base_url=proxied_api, timeout=60) as c:

        def ask(client_ip: str) -> httpx.Response:
            headers = {"X-Forwarded-For": f"198.51.100.77, {client_ip}"}  # left-most: client-chosen
            return c.post("/v1/messages/nope/feedback", json={"helpful": True}, headers=headers)

        for _ in range(BURST):
            assert ask("203.0.113.1").status_code == 404
        _assert_429(ask("203.0.113.1"))
        assert ask("203.0.113.2").status_code == 404  # another worker behind the same proxy


def test_token_bucket_refills_at_the_configured_rate() -> None:
    buckets = TokenBuckets(per_minute=6, capacity=2)  # one token every 10 s
    assert buckets.take("a", now=0.0) == 0.0
    assert buckets.take("a", now=0.0) == 0.0
    assert buckets.take("a", now=0.0) == pytest.approx(10.0)
    assert buckets.take("b", now=0.0) == 0.0  # per key
    assert buckets.take("a", now=4.0) == pytest.approx(6.0)  # refused requests spend nothing
    assert buckets.take("a", now=10.0) == 0.0
    assert buckets.take("a", now=10.0) == pytest.approx(10.0)
    assert buckets.take("a", now=1000.0) == 0.0 and buckets.take("a", now=1000.0) == 0.0  # capped at 2
    assert buckets.take("a", now=1000.0) > 0


def test_token_buckets_forget_the_least_recent_clients_first() -> None:
    buckets = TokenBuckets(per_minute=1, capacity=1, max_keys=3)
    for key in "abcd":
        buckets.take(key, now=0.0)
    assert buckets.take("a", now=0.0) == 0.0  # forgotten: a full bucket again
    assert buckets.take("d", now=0.0) > 0


def test_client_address() -> None:
    proxies = parse_proxies(["10.0.0.0/8", "::1"])

    def scope(peer: str, forwarded: str | None = None) -> dict[str, object]:
        headers = [(b"x-forwarded-for", forwarded.encode())] if forwarded else []
        return {"client": (peer, 1234), "headers": headers}

    assert client_address(scope("192.0.2.1", "1.2.3.4"), proxies) == "192.0.2.1"  # untrusted peer
    assert client_address(scope("10.1.2.3", "1.2.3.4"), proxies) == "1.2.3.4"
    assert client_address(scope("10.1.2.3", "6.6.6.6, 1.2.3.4, 10.0.0.5"), proxies) == "1.2.3.4"
    assert client_address(scope("::1", "2001:db8::1"), proxies) == "2001:db8::1"
    assert client_address(scope("10.1.2.3"), proxies) == "10.1.2.3"  # no header
    assert client_address(scope("10.1.2.3", "1.2.3.4"), []) == "10.1.2.3"  # no trusted proxies


def test_which_endpoints_are_limited() -> None:
    assert limited("POST", "/v1/chat") and limited("POST", "/v1/chat/stream")
    assert limited("POST", "/v1/conversations/abc/escalate")
    assert limited("POST", "/v1/messages/abc/feedback")
    assert limited("DELETE", "/v1/conversations/abc")
    assert not limited("GET", "/v1/conversations/abc")
    assert not limited("GET", "/v1/search") and not limited("POST", "/v1/lawyer/tickets/1/claim")
