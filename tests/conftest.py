from __future__ import annotations

import os
from pathlib import Path

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
