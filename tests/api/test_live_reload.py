"""A running `lawcloud serve` picks up what `lawcloud ingest` adds, with no restart: ingest in another
process while questions keep coming; /readyz names the new build, the next question sees the new
article, and no request fails during the swap. SIGHUP swaps at once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from assistant.config import REPO_ROOT
from ingest.embed import FakeEmbedder
from ingest.pipeline import run_ingest
from tests.api.live import LiveServer
from tests.assistant.test_reload import LEAVE
from tests.conftest import make_settings
from tests.ingest.test_pipeline import write_law


def first_build(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    write_law(tmp_path / "wages" / "行政法规")
    assert run_ingest(make_settings(data), [tmp_path / "wages"], builtin=False, embedder=FakeEmbedder()).ok
    folder = tmp_path / "leave" / "部门规章"
    folder.mkdir(parents=True)
    (folder / "测试休假规定(2021-01-01).md").write_text(LEAVE, encoding="utf-8")
    return data


def ingest_leave_rules(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "LAWCLOUD_DATA_DIR": str(tmp_path / "data"),
        "LAWCLOUD_EMBEDDER": "fake",
        "CI": "true",
    }
    out = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "ingest", "--no-builtin", str(tmp_path / "leave")],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr


def served_build(url: str) -> str:
    ready = httpx.get(url + "/readyz", timeout=5)
    assert ready.status_code == 200, ready.text
    return ready.json()["build_id"]


def wait_for_new_build(url: str, old: str, seconds: float) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if (build := served_build(url)) != old:
            return build
        time.sleep(0.2)
    raise AssertionError(f"still serving {old} after {seconds} s")


class Traffic(threading.Thread):
    """Questions, streams, searches and article lookups one after another until stopped."""

    def __init__(self, url: str) -> None:
        super().__init__(daemon=True)
        self.url, self.stopped, self.failures, self.done = url, threading.Event(), [], 0

    def run(self) -> None:
        with httpx.Client(base_url=self.url, timeout=30) as client:
            while not self.stopped.is_set():
                for method, path, body in (
                    ("POST", "/v1/chat", {"question": "用人单位不按月足额支付工资怎么办"}),
                    ("POST", "/v1/chat/stream", {"question": "老板拖欠工资"}),
                    ("GET", "/v1/search?q=拖欠工资", None),
                    ("GET", "/v1/articles/测试工资条例/2", None),
                ):
                    try:
                        response = client.request(method, path, json=body)
                        ok = response.status_code == 200 and (
                            "event: done" in response.text if path.endswith("stream") else True
                        )
                    except httpx.HTTPError as exc:
                        ok, response = False, exc
                    self.done += 1
                    if not ok:
                        self.failures.append(f"{method} {path}: {getattr(response, 'text', response)!s:.300}")


@pytest.mark.integration
def test_ingest_while_serving_swaps_the_build_without_failing_a_request(tmp_path: Path) -> None:
    data = first_build(tmp_path)
    server = LiveServer(data, f"sqlite:///{tmp_path / 'chat.sqlite'}", LAWCLOUD_RELOAD_CHECK_SECONDS="0.5")
    try:
        old = served_build(server.url)
        missing = httpx.get(server.url + "/v1/articles/测试休假规定/1", timeout=10)
        assert missing.status_code == 404
        traffic = Traffic(server.url)
        traffic.start()
        time.sleep(1.0)
        before_swap = traffic.done
        ingest_leave_rules(tmp_path)
        new = wait_for_new_build(server.url, old, 30)
        time.sleep(1.5)  # keep the traffic going past the swap
        traffic.stopped.set()
        traffic.join(timeout=60)
        assert traffic.done > before_swap + 8 and traffic.failures == [], traffic.failures
        assert new == (data / "LIVE.json").read_text(encoding="utf-8").split('"build_id": "')[1].split('"')[0]
        answer = httpx.post(server.url + "/v1/chat", json={"question": "探亲假有几天"}, timeout=30).json()
        assert any(c["law"] == "测试休假规定" and c["article"] == 1 for c in answer["citations"])
        article = httpx.get(server.url + "/v1/articles/测试休假规定/1", timeout=10)
        assert article.status_code == 200 and "探亲假" in article.json()["text"]
    finally:
        server.stop()


@pytest.mark.integration
def test_sighup_swaps_at_once(tmp_path: Path) -> None:
    data = first_build(tmp_path)
    # No polling: only the signal makes it look.
    server = LiveServer(data, f"sqlite:///{tmp_path / 'chat.sqlite'}", LAWCLOUD_RELOAD_CHECK_SECONDS="0")
    try:
        old = served_build(server.url)
        ingest_leave_rules(tmp_path)
        time.sleep(1.0)
        assert served_build(server.url) == old
        server.proc.send_signal(signal.SIGHUP)
        assert wait_for_new_build(server.url, old, 30) != old
        assert server.proc.poll() is None  # SIGHUP reloads; it does not stop the server
    finally:
        server.stop()
