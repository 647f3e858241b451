"""Fixtures of the assistant tests."""

from collections.abc import Iterator

import pytest

from assistant.config import Settings
from assistant.runtime import Runtime, open_runtime
from ingest.embed import FakeEmbedder


@pytest.fixture(scope="module")
def runtime(built_settings: Settings) -> Iterator[Runtime]:
    """The session's test index opened for serving, on the fake embedder."""
    rt = open_runtime(built_settings, embedder=FakeEmbedder())
    yield rt
    rt.close()
