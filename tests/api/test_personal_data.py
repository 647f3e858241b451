"""Personal data through the API: stored conversations and tickets are redacted, log lines too, and a
worker can delete their own conversation."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text

from api.main import create_app
from assistant.answer.fake_llm import serve_in_thread
from assistant.config import Settings
from tests.api.conftest import api_settings
from tests.api.test_errors import assert_error
from tests.assistant.test_retention import CARD, EMAIL, ID, PERSONAL, PHONE, assert_clean


@pytest.fixture(scope="module")
def private_api(
    built_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Path]]:
    db_dir = tmp_path_factory.mktemp("private-db")
    server = serve_in_thread(create_app(api_settings(built_settings, db_dir)))
    yield server.url, db_dir / "lawcloud.sqlite"
    server.stop()


def test_stored_conversation_and_ticket_are_redacted(private_api: tuple[str, Path]) -> None:
    url, db = private_api
    with httpx.Client(base_url=url, timeout=60) as c:
        chat = c.post("/v1/chat", json={"question": PERSONAL})
        assert chat.status_code == 200
        cid = chat.json()["conversation_id"]
        stream = c.post(
            "/v1/chat/stream", json={"question": f"我的手机{PHONE}，加班费呢", "conversation_id": cid}
        )
        assert stream.status_code == 200 and "event: done" in stream.text
        escalated = c.post(
            f"/v1/conversations/{cid}/escalate",
            json={"note": f"请打我电话{PHONE}", "contact": {"name": "王力", "phone": PHONE}},
        )
        assert escalated.status_code in (200, 201), escalated.text  # 200: the policy opened it already
        conversation = c.get(f"/v1/conversations/{cid}").json()
    assert_clean(conversation["messages"])
    assert "[身份证号已隐藏]" in conversation["messages"][0]["content"]
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        assert_clean(conn.execute(text("SELECT content, query FROM messages")).all())
        question, snapshot, draft, reasons, contact = conn.execute(
            text("SELECT question, conversation, draft, reasons, contact FROM tickets")
        ).one()
    engine.dispose()
    assert_clean((question, snapshot, draft, reasons))
    assert "[手机号已隐藏]" in question
    # The one place a lawyer gets contact details: the field the worker filled in to be contacted.
    assert PHONE in contact


def test_mistyped_wage_card_is_not_stored(private_api: tuple[str, Path]) -> None:
    """A labelled card number that fails the Luhn check (a typo) is still the worker's card number."""
    url, db = private_api
    mistyped = "6222020200112233445"
    question = f"我身份证号11010519491231002X，手机13912345678，工资卡{mistyped}，公司拖欠工资怎么办"
    with httpx.Client(base_url=url, timeout=60) as c:
        chat = c.post("/v1/chat", json={"question": question})
        assert chat.status_code == 200
        cid = chat.json()["conversation_id"]
        shown = c.get(f"/v1/conversations/{cid}").json()["messages"][0]["content"]
    assert "工资卡[银行卡号已隐藏]" in shown
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT content, query FROM messages WHERE conversation_id = :c"), {"c": cid}
        ).all()
    engine.dispose()
    assert rows
    for content, query in rows:
        for secret in (mistyped, "11010519491231002X", "13912345678"):
            assert secret not in (content or "") and secret not in (query or ""), secret


def test_log_lines_are_redacted(private_api: tuple[str, Path], caplog: pytest.LogCaptureFixture) -> None:
    url, _ = private_api
    root = logging.getLogger()
    assert any(type(f).__name__ == "RedactingFilter" for h in root.handlers for f in h.filters)
    with caplog.at_level(logging.INFO):
        logging.getLogger("lawcloud.test").warning("worker wrote %s and %s %s %s", ID, PHONE, CARD, EMAIL)
    line = caplog.records[-1].getMessage()
    assert_clean(line)


def test_delete_own_conversation(private_api: tuple[str, Path]) -> None:
    url, _ = private_api
    with httpx.Client(base_url=url, timeout=60) as c:
        cid = c.post("/v1/chat", json={"question": "加班费怎么算"}).json()["conversation_id"]
        deleted = c.delete(f"/v1/conversations/{cid}")
        assert deleted.status_code == 204 and deleted.content == b""
        assert_error(c.get(f"/v1/conversations/{cid}"), 404, "conversation_not_found")
        assert_error(c.delete(f"/v1/conversations/{cid}"), 404, "conversation_not_found")
        assert_error(
            c.delete("/v1/conversations/0123456789abcdef0123456789abcdef"), 404, "conversation_not_found"
        )
        follow_up = c.post("/v1/chat", json={"question": "那加班费呢", "conversation_id": cid})
        assert_error(follow_up, 404, "conversation_not_found")
