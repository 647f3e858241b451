"""Chroma server down: /readyz fails and the endpoints that search answer 503 quickly, never hang."""

import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from api.main import create_app
from assistant.answer.fake_llm import serve_in_thread
from ingest.embed import FakeEmbedder
from ingest.pipeline import run_ingest
from tests.conftest import make_settings, start_chroma_server
from tests.ingest.test_pipeline import write_law

# Each request must come back well within this (the client timeout is 5 s, readyz waits 3 s).
MAX_SECONDS = 10.0


@pytest.fixture
def chroma_process(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    proc, port = start_chroma_server(tmp_path / "chroma-server")
    yield proc, port
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=10)


def timed(client: httpx.Client, method: str, url: str, **kwargs: object) -> httpx.Response:
    start = time.monotonic()
    response = client.request(method, url, **kwargs)  # type: ignore[arg-type]
    elapsed = time.monotonic() - start
    assert elapsed < MAX_SECONDS, f"{method} {url} took {elapsed:.1f} s"
    return response


@pytest.mark.integration
def test_chroma_down_gives_503_quickly(
    tmp_path: Path, chroma_process: tuple[subprocess.Popen[bytes], int]
) -> None:
    proc, port = chroma_process
    settings = make_settings(
        tmp_path / "data",
        chroma_mode="http",
        chroma_port=port,
        database_url=f"sqlite:///{tmp_path / 'lawcloud.sqlite'}",
        rate_limit_per_minute=0,
    )
    write_law(tmp_path / "docs")
    report = run_ingest(settings, [tmp_path / "docs"], builtin=False, embedder=FakeEmbedder())
    assert report.ok, report.skipped
    server = serve_in_thread(create_app(settings, embedder=FakeEmbedder()))
    try:
        with httpx.Client(base_url=server.url, timeout=60) as client:
            ready = timed(client, "GET", "/readyz")
            assert ready.status_code == 200, ready.text
            ok = timed(client, "POST", "/v1/chat", json={"question": "公司拖欠工资怎么办"})
            assert ok.status_code == 200, ok.text

            proc.kill()
            proc.wait(timeout=10)

            ready = timed(client, "GET", "/readyz")
            assert ready.status_code == 503
            assert ready.json()["code"] == "vector_store_unavailable"
            for method, url, kwargs in (
                ("POST", "/v1/chat", {"json": {"question": "公司拖欠工资怎么办"}}),
                ("POST", "/v1/chat/stream", {"json": {"question": "加班费怎么算"}}),
                ("GET", "/v1/search", {"params": {"q": "拖欠工资"}}),
            ):
                response = timed(client, method, url, **kwargs)
                assert response.status_code == 503, (url, response.status_code, response.text)
                body = response.json()
                assert body["code"] == "vector_store_unavailable"
                assert "暂时不可用" in body["message"]
                assert response.headers["retry-after"]
            # The process itself stays up.
            assert timed(client, "GET", "/healthz").status_code == 200
    finally:
        server.stop()


@pytest.mark.integration
def test_hung_chroma_server_times_out_with_503(
    tmp_path: Path, chroma_process: tuple[subprocess.Popen[bytes], int]
) -> None:
    """A Chroma server that accepts connections but never answers (SIGSTOP): the client timeout ends
    every request; nothing waits forever."""
    proc, port = chroma_process
    settings = make_settings(
        tmp_path / "data",
        chroma_mode="http",
        chroma_port=port,
        chroma_timeout_s=2.0,
        database_url=f"sqlite:///{tmp_path / 'lawcloud.sqlite'}",
        rate_limit_per_minute=0,
    )
    write_law(tmp_path / "docs")
    assert run_ingest(settings, [tmp_path / "docs"], builtin=False, embedder=FakeEmbedder()).ok
    server = serve_in_thread(create_app(settings, embedder=FakeEmbedder()))
    try:
        with httpx.Client(base_url=server.url, timeout=60) as client:
            assert timed(client, "GET", "/readyz").status_code == 200
            proc.send_signal(signal.SIGSTOP)
            try:
                ready = timed(client, "GET", "/readyz")
                assert ready.status_code == 503 and ready.json()["code"] == "vector_store_unavailable"
                chat = timed(client, "POST", "/v1/chat", json={"question": "公司拖欠工资怎么办"})
                assert chat.status_code == 503 and chat.json()["code"] == "vector_store_unavailable"
            finally:
                proc.send_signal(signal.SIGCONT)
    finally:
        server.stop()
