"""Personal data at rest: redaction before storing (conversations and tickets), a worker deleting a
conversation, and `lawcloud purge --older-than` (conversations and closed tickets past retention)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text, update

from assistant.config import REPO_ROOT
from assistant.conversations import Conversation, ConversationNotFound, ConversationStore
from assistant.privacy import ID_CHECK, ID_WEIGHTS, redact_data
from assistant.tickets.deadlines import Deadlines
from assistant.tickets.models import AuditEntry, Ticket
from assistant.tickets.store import TicketStore
from tests.assistant.test_conversations import answer


def id18(first17: str = "11010519491231002") -> str:
    total = sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=True))
    return first17 + ID_CHECK[total % 11]


def luhn(prefix: str = "622202123456789012") -> str:
    for check in "0123456789":
        digits = prefix + check
        total = 0
        for i, ch in enumerate(reversed(digits)):
            d = int(ch) * (2 if i % 2 else 1)
            total += d - 9 if d > 9 else d
        if total % 10 == 0:
            return digits
    raise AssertionError


ID, PHONE, CARD, EMAIL = id18(), "13812345678", luhn(), "wang.li@example.com"
PERSONAL = f"我叫王力，身份证{ID}，电话{PHONE}，工资卡{CARD}，邮箱{EMAIL}，老板欠我三个月工资8000元"


def assert_clean(value: object) -> None:
    flat = repr(value)
    for secret in (ID, PHONE, CARD, EMAIL):
        assert secret not in flat, secret


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ConversationStore]:
    conversations = ConversationStore(f"sqlite:///{tmp_path}/c.sqlite")
    yield conversations
    conversations.close()


def test_conversations_are_stored_redacted_by_default(store: ConversationStore) -> None:
    exchange = store.add_exchange(None, PERSONAL, answer(PERSONAL))
    stream = store.start_exchange(exchange.conversation_id, f"再问：{PHONE}", f"再问：{PHONE}")
    store.finish_exchange(stream.assistant_message_id, answer(f"再问：{PHONE}"))
    conversation = store.get(exchange.conversation_id)
    assert_clean(conversation)
    with store.engine.connect() as conn:  # the rows themselves, not only what get() shows
        assert_clean(conn.execute(text("SELECT content, query FROM messages")).all())
    first = conversation["messages"][0]["content"]
    assert "[身份证号已隐藏]" in first and "[手机号已隐藏]" in first and "[银行卡号已隐藏]" in first
    assert "8000元" in first and "三个月" in first  # sums and durations stay


def test_originals_are_kept_only_when_configured(tmp_path: Path) -> None:
    store = ConversationStore(f"sqlite:///{tmp_path}/raw.sqlite", redact_personal=False)
    cid = store.add_exchange(None, PERSONAL, answer(PERSONAL)).conversation_id
    assert store.get(cid)["messages"][0]["content"] == PERSONAL
    store.close()


def test_delete_conversation(store: ConversationStore) -> None:
    keep = store.add_exchange(None, "加班费怎么算", answer("加班费怎么算"))
    gone = store.add_exchange(None, "工伤怎么认定", answer("工伤怎么认定"))
    store.set_feedback(gone.assistant_message_id, helpful=False)
    store.delete(gone.conversation_id)
    with pytest.raises(ConversationNotFound):
        store.get(gone.conversation_id)
    with pytest.raises(ConversationNotFound):
        store.delete(gone.conversation_id)
    with store.engine.connect() as conn:
        for table in ("messages", "feedback"):
            count = conn.execute(
                text(f"SELECT count(*) FROM {table} WHERE conversation_id = :c"), {"c": gone.conversation_id}
            ).scalar()
            assert count == 0, table
    assert len(store.get(keep.conversation_id)["messages"]) == 2


def _age(store: ConversationStore, conversation_id: str, days: float) -> None:
    with store._session.begin() as session:
        session.execute(
            update(Conversation)
            .where(Conversation.id == conversation_id)
            .values(updated_at=datetime.now(UTC) - timedelta(days=days))
        )


def test_purge_conversations_by_last_activity(store: ConversationStore) -> None:
    old = store.add_exchange(None, "加班费怎么算", answer("加班费怎么算"))
    store.set_feedback(old.assistant_message_id, helpful=True)
    recent = store.add_exchange(None, "工伤怎么认定", answer("工伤怎么认定"))
    _age(store, old.conversation_id, 91)
    _age(store, recent.conversation_id, 89)
    cutoff = datetime.now(UTC) - timedelta(days=90)
    assert store.purge(cutoff, dry_run=True) == 1
    assert store.exists(old.conversation_id)
    assert store.purge(cutoff) == 1
    assert not store.exists(old.conversation_id) and store.exists(recent.conversation_id)
    assert store.purge(cutoff) == 0


def _closed_ticket(tickets: TicketStore, conversation_id: str) -> int:
    lawyer = tickets.lawyer_for_token(tickets.add_lawyer(f"律师{conversation_id}")[1])
    assert lawyer is not None
    ticket, _ = tickets.create(
        conversation_id=conversation_id,
        question="q",
        conversation=[],
        reasons=[],
        priority="normal",
        idempotency_key="k1",
    )
    tickets.claim(ticket.id, lawyer)
    tickets.save_reply(ticket.id, lawyer, "答复", [], send=True)
    tickets.close_ticket(ticket.id, lawyer)
    return ticket.id


def test_purge_closed_tickets_only(tmp_path: Path) -> None:
    tickets = TicketStore(f"sqlite:///{tmp_path}/t.sqlite", Deadlines(24, 12))
    old_closed = _closed_ticket(tickets, "c-old")
    new_closed = _closed_ticket(tickets, "c-new")
    old_open, _ = tickets.create(
        conversation_id="c-open", question="q", conversation=[], reasons=[], priority="normal"
    )
    long_ago = datetime.now(UTC) - timedelta(days=200)
    with tickets._write.begin() as session:
        session.execute(
            update(Ticket)
            .where(Ticket.id.in_([old_closed, old_open.id]))
            .values(closed_at=long_ago, updated_at=long_ago, created_at=long_ago)
        )
        session.execute(update(Ticket).where(Ticket.id == old_open.id).values(closed_at=None))
    cutoff = datetime.now(UTC) - timedelta(days=90)
    assert tickets.purge_closed(cutoff, dry_run=True) == 1
    assert tickets.purge_closed(cutoff) == 1
    with tickets._read() as session:
        assert set(session.scalars(select(Ticket.id))) == {new_closed, old_open.id}
        audit = session.scalars(select(AuditEntry)).all()
        assert not [a for a in audit if a.ticket_id == old_closed]
        assert [a.detail["tickets"] for a in audit if a.action == "purge"] == [1]
    assert tickets.get(new_closed).status == "closed"
    tickets.close()


def test_redact_data_walks_nested_values() -> None:
    data: dict[str, Any] = {"a": [PERSONAL, {"b": (PHONE, 3)}], "n": None, "k": True}
    cleaned = redact_data(data)
    assert_clean(cleaned)
    assert cleaned["a"][1]["b"][1] == 3 and cleaned["n"] is None and cleaned["k"] is True


def _lawcloud(args: list[str], data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LAWCLOUD_")}
    env.update({"LAWCLOUD_DATA_DIR": str(data_dir), "CI": "true", "COLUMNS": "300"})
    return subprocess.run(
        [sys.executable, "-m", "assistant.cli", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_purge_command(tmp_path: Path) -> None:
    db = f"sqlite:///{(tmp_path / 'lawcloud.sqlite').resolve()}"
    store = ConversationStore(db)
    old = store.add_exchange(None, "加班费怎么算", answer("加班费怎么算"))
    store.add_exchange(None, "工伤怎么认定", answer("工伤怎么认定"))
    _age(store, old.conversation_id, 100)
    store.close()
    tickets = TicketStore(db, Deadlines(24, 12))
    closed = _closed_ticket(tickets, old.conversation_id)
    with tickets._write.begin() as session:
        session.execute(
            update(Ticket).where(Ticket.id == closed).values(closed_at=datetime.now(UTC) - timedelta(days=95))
        )
    tickets.close()

    dry = _lawcloud(["purge", "--older-than", "90d", "--dry-run"], tmp_path)
    assert dry.returncode == 0, dry.stderr
    assert "将删除 1 个对话、1 个已关闭的工单" in dry.stdout
    out = _lawcloud(["purge", "--older-than", "90d"], tmp_path)
    assert out.returncode == 0, out.stderr
    assert "已删除 1 个对话、1 个已关闭的工单" in out.stdout
    again = _lawcloud(["purge", "--older-than", "90d"], tmp_path)
    assert "已删除 0 个对话、0 个已关闭的工单" in again.stdout
    for bad in ("90", "ninety", "-5d", "0d", "90y", ""):
        result = _lawcloud(["purge", "--older-than", bad], tmp_path)
        assert result.returncode == 2, (bad, result.stdout)
        assert "无法识别的时长" in result.stderr and "90d" in result.stderr
        assert "Traceback" not in result.stderr
