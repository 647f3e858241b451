"""Real servers on 127.0.0.1: the API under uvicorn (offline and LLM mode) and a fake
OpenAI-compatible LLM, all over the session's test index."""

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from api.main import create_app
from assistant.answer.fake_llm import FakeLLM, RunningServer, serve_in_thread
from assistant.config import Settings
from tests.conftest import make_settings


def api_settings(built: Settings, db_dir: Path, **overrides: object) -> Settings:
    # The shared servers take many requests from one address; tests/api/test_security.py checks limits.
    values: dict[str, object] = {"rate_limit_per_minute": 0, **overrides}
    return make_settings(built.data_dir, database_url=f"sqlite:///{db_dir / 'lawcloud.sqlite'}", **values)


@pytest.fixture(scope="session")
def fake_llm() -> Iterator[tuple[FakeLLM, RunningServer]]:
    fake = FakeLLM()
    server = serve_in_thread(fake.app)
    yield fake, server
    server.stop()


def llm_settings(built: Settings, db_dir: Path, llm: RunningServer, **overrides: object) -> Settings:
    """LLM mode against the fake LLM server: fails fast (1 s, no retry) unless overridden."""
    values: dict[str, object] = {"llm_timeout_s": 1.0, "llm_retries": 0, **overrides}
    return api_settings(built, db_dir, answer_mode="llm", llm_base_url=llm.url + "/v1", **values)


@pytest.fixture(scope="session")
def offline_api(built_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    server = serve_in_thread(create_app(api_settings(built_settings, tmp_path_factory.mktemp("offline-db"))))
    yield server.url
    server.stop()


@pytest.fixture(scope="session")
def llm_api(
    built_settings: Settings,
    fake_llm: tuple[FakeLLM, RunningServer],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[str]:
    settings = llm_settings(built_settings, tmp_path_factory.mktemp("llm-db"), fake_llm[1])
    server = serve_in_thread(create_app(settings))
    yield server.url
    server.stop()


@pytest.fixture
def script(fake_llm: tuple[FakeLLM, RunningServer]) -> Iterator[FakeLLM]:
    """The fake LLM, back on its default script (answers from the sources, invents two citations)."""
    fake = fake_llm[0]
    fake.script.__init__()  # type: ignore[misc]  # reset in place: the server holds this object
    fake.requests.clear()
    yield fake
    fake.script.__init__()  # type: ignore[misc]


@pytest.fixture
def client(offline_api: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=offline_api, timeout=60) as c:
        yield c


@pytest.fixture
def llm_client(llm_api: str, script: FakeLLM) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=llm_api, timeout=60) as c:
        yield c
