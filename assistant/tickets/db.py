"""Database engines for the ticket queue: SQLite (WAL, synchronous=FULL) by default, PostgreSQL
(psycopg 3) when the URL says so.

A ticket acknowledged to a worker must survive a crash, so SQLite syncs every commit (FULL, not the
NORMAL that is enough for conversations). Write transactions on SQLite start with BEGIN IMMEDIATE:
the write lock is taken at once and waits (busy_timeout) instead of failing half-way when two
processes write, which is what makes "first claim wins" hold across processes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine

SQLITE_BUSY_MS = 30000
WRITE_OPTION = "lawcloud_write"


def normalize_url(url: str) -> str:
    """postgres:// and postgresql:// use psycopg 3 (the project's PostgreSQL driver)."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def make_engine(url: str) -> Engine:
    url = normalize_url(url)
    if not is_sqlite(url):
        return create_engine(url, pool_pre_ping=True)
    if url.startswith("sqlite:///") and ":memory:" not in url:
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_MS / 1000})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        # The driver must not open transactions on its own: "begin" below decides how.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        write = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def writer(engine: Engine) -> Engine:
    """The same engine (and pool), marked so that SQLite transactions take the write lock first."""
    return engine.execution_options(**{WRITE_OPTION: True})
