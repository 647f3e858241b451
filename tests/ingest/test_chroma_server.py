"""Server mode against a real `chroma run` on loopback."""

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from ingest.embed import FakeEmbedder
from ingest.index import open_index
from ingest.pipeline import run_ingest
from tests.conftest import make_settings, start_chroma_server
from tests.ingest.test_pipeline import write_law


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[int]:
    proc, port = start_chroma_server(tmp_path / "chroma-server")
    yield port
    proc.terminate()
    proc.wait(timeout=10)


@pytest.mark.integration
def test_ingest_and_query_through_chroma_server(tmp_path: Path, chroma_server: int) -> None:
    settings = make_settings(tmp_path / "data", chroma_mode="http", chroma_port=chroma_server)
    write_law(tmp_path / "docs")
    embedder = FakeEmbedder()
    first = run_ingest(settings, [tmp_path / "docs"], builtin=False, embedder=embedder)
    index = open_index(settings.data_dir, chroma_port=chroma_server)
    assert index.manifest["chroma"]["mode"] == "http"
    hits = index.vectors.query(embedder.embed_query("用人单位应当按月足额支付工资"), 2)
    unit_ids = [h[0].rsplit("-", 1)[0] for h in hits]
    assert index.store.get_article("测试工资条例", 2).unit_id == unit_ids[0]

    # A rebuild creates a new collection and drops the one before the previous build.
    write_law(
        tmp_path / "docs",
        (tmp_path / "docs" / "测试工资条例(2020-01-01).md").read_text().replace("不得拖欠", "严禁拖欠"),
    )
    second = run_ingest(settings, [], builtin=False, embedder=embedder)
    assert second.build_id != first.build_id
    reopened = open_index(settings.data_dir, chroma_port=chroma_server)
    assert reopened.vectors.count() == 2
    # The server keeps the live build and the previous one (for rollback), nothing older.
    third = run_ingest(
        settings,
        [tmp_path / "docs"],
        builtin=False,
        replace=True,
        embedder=embedder,
    )
    assert third.noop
    assert np.isfinite(reopened.vectors.query(embedder.embed_query("工资"), 1)[0][1])
