"""A ticket acknowledged with 201 survives kill -9 of the API server: the commit (synchronous=FULL on
SQLite) happens before the response is sent."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from assistant.config import Settings
from assistant.tickets import TicketStore
from tests.api.live import LiveServer as Server


@pytest.fixture
def db_file(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path / "lawcloud.sqlite"


@pytest.mark.integration
def test_acknowledged_tickets_survive_kill_9(built_settings: Settings, db_file: Path) -> None:
    db_url = f"sqlite:///{db_file}"
    server = Server(built_settings.data_dir, db_url)
    acked: dict[str, dict[str, Any]] = {}
    try:
        with httpx.Client(base_url=server.url, timeout=30) as client:
            conversations = [
                client.post("/v1/chat", json={"question": f"加班费怎么算，我每天干{10 + i}个小时"}).json()[
                    "conversation_id"
                ]
                for i in range(12)
            ]
        lock = threading.Lock()

        def escalate(cid: str) -> None:
            try:
                response = httpx.post(
                    f"{server.url}/v1/conversations/{cid}/escalate",
                    headers={"Idempotency-Key": f"key-{cid}"},
                    json={"note": "请律师帮忙"},
                    timeout=30,
                )
            except httpx.HTTPError:
                return  # in flight when the server died: never acknowledged
            if response.status_code == 201:
                with lock:
                    acked[cid] = response.json()

        threads = [threading.Thread(target=escalate, args=(cid,)) for cid in conversations]
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 60
        while len(acked) < 6 and time.monotonic() < deadline:
            time.sleep(0.001)
        server.kill()  # kill -9 right after the sixth acknowledgement, with requests still in flight
        for thread in threads:
            thread.join(timeout=60)
    finally:
        server.stop()

    assert len(acked) >= 6
    conn = sqlite3.connect(db_file)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
    store = TicketStore(db_url)
    for cid, ticket in acked.items():
        stored = store.get(ticket["id"])
        assert stored.conversation_id == cid and stored.status == "pending"
    store.close()

    # After a restart the worker still reads the ticket, and a retry of the same request creates nothing new.
    restarted = Server(built_settings.data_dir, db_url)
    try:
        with httpx.Client(base_url=restarted.url, timeout=30) as client:
            for cid, ticket in acked.items():
                seen = client.get(f"/v1/tickets/{ticket['id']}", headers={"X-Ticket-Token": ticket["token"]})
                assert seen.status_code == 200 and seen.json()["number"] == ticket["number"]
                retry = client.post(
                    f"/v1/conversations/{cid}/escalate",
                    headers={"Idempotency-Key": f"key-{cid}"},
                    json={"note": "请律师帮忙"},
                )
                assert retry.status_code == 201 and retry.json()["id"] == ticket["id"]
    finally:
        restarted.stop()
