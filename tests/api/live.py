"""`lawcloud serve` in its own process on a free loopback port, for tests that need a real server
(kill -9, contract fuzzing over HTTP)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from assistant.config import REPO_ROOT
from tests.conftest import free_port


class LiveServer:
    def __init__(self, data_dir: Path, db_url: str, **env_overrides: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {
            **os.environ,
            "LAWCLOUD_DATA_DIR": str(data_dir),
            "LAWCLOUD_EMBEDDER": "fake",
            "LAWCLOUD_DATABASE_URL": db_url,
            "LAWCLOUD_RATE_LIMIT_PER_MINUTE": "0",  # one test client sends bursts of requests
            "CI": "true",
            **env_overrides,
        }
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "assistant.cli", "serve", "--port", str(self.port)],
            cwd=REPO_ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, "the server exited while starting"
            try:
                if httpx.get(self.url + "/readyz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise AssertionError("the server did not become ready")

    def kill(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=30)
