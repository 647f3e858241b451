"""Opening the live index for serving."""

from __future__ import annotations

import shutil
from pathlib import Path

from assistant.chat import query_embedder_pool
from assistant.config import Settings
from assistant.runtime import open_runtime
from ingest.embed import FakeEmbedder
from tests.conftest import make_settings


def test_serving_opens_when_the_embedding_cache_cannot_be_written(
    built_settings: Settings, tmp_path: Path
) -> None:
    # A data directory where the cache cannot be created (its path is taken by a file), as on a
    # read-only deployment: the issue vectors are computed in memory and questions are answered.
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(built_settings.data_dir / "LIVE.json", data / "LIVE.json")
    (data / "builds").symlink_to(built_settings.data_dir / "builds")
    (data / "cache").write_text("not a directory", encoding="utf-8")
    runtime = open_runtime(make_settings(data), embedder=FakeEmbedder())
    try:
        assert runtime.retriever.search("老板拖欠工资不发", k=3).hits
    finally:
        runtime.close()


def test_the_pool_tells_the_retriever_whether_its_vectors_carry_meaning(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    assert query_embedder_pool(settings, FakeEmbedder()).semantic is False
