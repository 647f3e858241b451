"""PostgreSQL for the tests: the server named by LAWCLOUD_TEST_PG_URL, or a
throwaway cluster started here with scripts/postgres.sh. Each test gets a fresh database."""

from __future__ import annotations

import os
import re
import subprocess
import uuid
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.config import REPO_ROOT

SCRIPT = REPO_ROOT / "scripts" / "postgres.sh"


def _plain(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


@pytest.fixture(scope="session")
def pg_server_url() -> Iterator[str]:
    url = os.environ.get("LAWCLOUD_TEST_PG_URL")
    started: str | None = None
    if not url:
        try:
            out = subprocess.run(["bash", str(SCRIPT), "start"], capture_output=True, text=True, timeout=180)
        except (OSError, subprocess.TimeoutExpired) as exc:
            out = None
            reason = str(exc)
        else:
            reason = out.stderr.strip() or out.stdout.strip()
        if out is None or out.returncode != 0:
            message = f"PostgreSQL COULD NOT START — PostgreSQL tests SKIPPED: {reason[-500:]}"
            warnings.warn(message, stacklevel=1)
            pytest.skip(message)
        env = dict(re.findall(r"export (\w+)=(\S+)", out.stdout))
        url, started = env["LAWCLOUD_TEST_PG_URL"], env["LAWCLOUD_TEST_PG_DIR"]
    try:
        import psycopg

        with psycopg.connect(_plain(url), connect_timeout=10) as conn:
            conn.execute("SELECT 1")
    except Exception as exc:  # noqa: BLE001 - any failure to connect means: skip, loudly
        message = f"PostgreSQL at {url} UNREACHABLE — PostgreSQL tests SKIPPED: {exc}"
        warnings.warn(message, stacklevel=1)
        pytest.skip(message)
    yield url
    if started:
        subprocess.run(["bash", str(SCRIPT), "stop", started], capture_output=True, timeout=60)


def fresh_database(server_url: str) -> tuple[str, str]:
    """Create an empty database; returns (its SQLAlchemy URL, its name)."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(_plain(server_url), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return server_url.rsplit("/", 1)[0] + "/" + name, name


def drop_database(server_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(_plain(server_url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database: SQLite in WAL mode, then PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'tickets.sqlite'}"
        return
    server = request.getfixturevalue("pg_server_url")
    url, name = fresh_database(server)
    yield url
    drop_database(server, name)
