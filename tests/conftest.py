from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from assistant.config import REPO_ROOT, Settings  # noqa: E402
from ingest.embed import FakeEmbedder  # noqa: E402

pytest_plugins = ["tests.postgres"]  # pg_server_url and db_url (SQLite and PostgreSQL) fixtures

SHARED_CORPUS = REPO_ROOT.parent / "shared" / "corpus"
LAWREFBOOK = SHARED_CORPUS / "lawrefbook"


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    if not LAWREFBOOK.is_dir():
        pytest.fail(f"shared corpus not found at {SHARED_CORPUS}: tests read ../shared/corpus in place")
    return SHARED_CORPUS


def make_settings(data_dir: Path, **overrides: object) -> Settings:
    values: dict[str, object] = {"data_dir": data_dir, "embedder": "fake", "default_sources": []}
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]  # pydantic validates the mixed values


@pytest.fixture(scope="session")
def built_settings(tmp_path_factory: pytest.TempPathFactory, shared_corpus: Path) -> Settings:
    """One index over the whole shared corpus plus the built-in labour laws, on the fake embedder."""
    from ingest.pipeline import run_ingest

    settings = make_settings(tmp_path_factory.mktemp("index"))
    report = run_ingest(settings, [shared_corpus], embedder=FakeEmbedder())
    assert report.ok, report.skipped
    return settings


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_chroma_server(path: Path) -> tuple[subprocess.Popen[bytes], int]:
    """A real `chroma run` on loopback, ready to answer its heartbeat."""

    chroma = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    port = free_port()
    proc = subprocess.Popen(
        [chroma, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=0.5).raise_for_status()
            return proc, port
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    pytest.fail("chroma server did not start")
