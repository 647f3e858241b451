"""The ticket queue on SQLite (WAL) and PostgreSQL: tokens, idempotent creation, the status
machine, versioned replies, audit, deadlines, the claim race between two processes, and export."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from assistant.config import REPO_ROOT, get_settings
from assistant.tickets.auth import TicketTokenSigner, load_secret
from assistant.tickets.deadlines import Deadlines, ServiceHours
from assistant.tickets.export import write_eval
from assistant.tickets.models import Lawyer
from assistant.tickets.store import (
    IdempotencyConflict,
    InvalidTransition,
    LawyerExists,
    LawyerView,
    NotClaimant,
    TicketStore,
    TicketView,
    redact_contact,
)
from eval.datasets import load_dataset

T0 = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai, a Wednesday


class Clock:
    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(db_url: str, clock: Clock) -> Any:
    store = TicketStore(db_url, Deadlines(24, 12), clock=clock)
    yield store
    store.close()


def new_ticket(store: TicketStore, conversation_id: str = "c1", **overrides: Any) -> TicketView:
    values: dict[str, Any] = {
        "conversation_id": conversation_id,
        "question": "老板欠我工资半年，我要找律师",
        "conversation": [{"role": "user", "content": "老板欠我工资半年，我要找律师"}],
        "reasons": [
            {"code": "explicit_request", "text": "您要求由工会律师（真人）处理", "priority": "normal"}
        ],
        "priority": "normal",
        "draft": "根据《劳动合同法》第三十条[1]……",
        "draft_citations": [{"n": 1, "law": "劳动合同法", "article": 30, "kind": "article"}],
    }
    values.update(overrides)
    ticket, created = store.create(**values)
    assert created
    return ticket


@pytest.fixture
def lawyers(store: TicketStore) -> tuple[LawyerView, LawyerView, LawyerView]:
    zhang, _ = store.add_lawyer("张律师")
    li, _ = store.add_lawyer("李律师")
    admin, _ = store.add_lawyer("王主任", role="admin")
    return zhang, li, admin


def test_lawyer_tokens_are_stored_hashed(store: TicketStore) -> None:
    lawyer, token = store.add_lawyer("赵律师")
    assert token.startswith("lcl_") and len(token) > 40
    with store._read() as session:
        stored = session.scalars(select(Lawyer.token_hash)).one()
    assert stored == hashlib.sha256(token.encode()).hexdigest() and token not in stored
    assert store.lawyer_for_token(token) == lawyer
    assert store.lawyer_for_token(token + "x") is None and store.lawyer_for_token("") is None
    with pytest.raises(LawyerExists):
        store.add_lawyer("赵律师")
    with pytest.raises(ValueError, match="角色"):
        store.add_lawyer("钱律师", role="boss")
    store.set_lawyer_active("赵律师", False)
    assert store.lawyer_for_token(token) is None


def test_idempotent_creation(store: TicketStore) -> None:
    def create(conversation_id: str = "c1", question: str = "q"):  # noqa: ANN202 - (Ticket, created)
        return store.create(
            conversation_id=conversation_id,
            question=question,
            conversation=[],
            reasons=[],
            priority="normal",
            idempotency_key="k-1",
        )

    first, created = create()
    again, created_again = create()
    assert created and created_again and again.id == first.id  # a replay gets the first answer again
    with pytest.raises(IdempotencyConflict):
        create(question="other")
    # The key is scoped to its conversation: another worker may use the same string.
    other, created_other = create(conversation_id="c2")
    assert created_other and other.id != first.id


def test_one_open_ticket_per_conversation(store: TicketStore) -> None:
    ticket = new_ticket(store)
    updated, created = store.create(
        conversation_id="c1",
        question="我现在站在天台上",
        conversation=[{"role": "user", "content": "…"}] * 3,
        reasons=[{"code": "danger_self_harm", "text": "…", "priority": "urgent"}],
        priority="urgent",
        danger_to_life=True,
    )
    assert not created and updated.id == ticket.id
    assert updated.priority == "urgent" and updated.danger_to_life
    assert [r["code"] for r in updated.reasons] == ["explicit_request", "danger_self_harm"]
    lowered, _ = store.create(
        conversation_id="c1", question="q", conversation=[], reasons=[], priority="normal"
    )
    assert lowered.priority == "urgent"  # never lowered
    assert [a.action for a in lowered.audit] == ["created", "updated", "updated"]


def test_concurrent_escalations_of_one_conversation_open_one_ticket(store: TicketStore) -> None:
    from concurrent.futures import ThreadPoolExecutor

    def escalate(i: int) -> int:
        ticket, _ = store.create(
            conversation_id="busy",
            question=f"第{i}次",
            conversation=[],
            reasons=[{"code": f"r{i}"}],
            priority="normal",
        )
        return ticket.id

    with ThreadPoolExecutor(8) as pool:
        ids = set(pool.map(escalate, range(16)))
    assert len(ids) == 1
    assert len(store.get(ids.pop()).reasons) == 16


def test_reopening_when_the_conversation_has_another_open_ticket(
    store: TicketStore, lawyers: tuple[LawyerView, ...]
) -> None:
    zhang = lawyers[0]
    first = new_ticket(store)
    store.claim(first.id, zhang)
    store.save_reply(first.id, zhang, "答复", [], send=True)
    second = new_ticket(store)  # the worker escalated again after the answer
    assert second.id != first.id
    with pytest.raises(InvalidTransition, match="已有进行中的工单"):
        store.reopen(first.id, zhang)


def test_status_machine(store: TicketStore, lawyers: tuple[LawyerView, LawyerView, LawyerView]) -> None:
    zhang, li, admin = lawyers
    ticket = new_ticket(store)
    for action in (
        lambda: store.save_reply(ticket.id, zhang, "x", [], send=True),
        lambda: store.close_ticket(ticket.id, zhang),
        lambda: store.reopen(ticket.id, zhang),
    ):
        with pytest.raises(InvalidTransition):
            action()
    assert store.claim(ticket.id, zhang).status == "claimed"
    with pytest.raises(InvalidTransition, match="律师已接单，正在处理"):
        store.claim(ticket.id, li)
    with pytest.raises(NotClaimant):
        store.save_reply(ticket.id, li, "我来答", [], send=True)
    store.save_reply(ticket.id, zhang, "草稿一", [], send=False)
    store.save_reply(ticket.id, zhang, "草稿二", [], send=False)
    answered, reply = store.save_reply(
        ticket.id, zhang, "正式答复", [{"law": "劳动合同法", "article": 30}], send=True
    )
    assert answered.status == "answered" and reply.version == 3 and reply.sent
    assert [(r.version, r.sent) for r in answered.replies] == [(1, False), (2, False), (3, True)]
    assert answered.sent_reply is not None and answered.sent_reply.body == "正式答复"
    for action in (
        lambda: store.claim(ticket.id, li),
        lambda: store.save_reply(ticket.id, zhang, "再改", [], send=False),
    ):
        with pytest.raises(InvalidTransition):
            action()
    assert store.close_ticket(ticket.id, zhang).status == "closed"
    with pytest.raises(InvalidTransition):
        store.close_ticket(ticket.id, zhang)
    reopened = store.reopen(ticket.id, zhang, note="劳动者补充了材料")
    assert reopened.status == "reopened" and reopened.claimed_by is None and reopened.reopen_count == 1
    assert store.claim(ticket.id, li).claimed_by_name == "李律师"
    # Only an admin may close a ticket that was never answered.
    with pytest.raises(InvalidTransition):
        store.close_ticket(ticket.id, li)
    assert store.close_ticket(ticket.id, admin).status == "closed"
    audit = [(a.actor, a.action) for a in store.get(ticket.id).audit]
    assert audit == [
        ("worker", "created"),
        (zhang.actor, "claimed"),
        (zhang.actor, "reply_saved"),
        (zhang.actor, "reply_saved"),
        (zhang.actor, "reply_sent"),
        (zhang.actor, "closed"),
        (zhang.actor, "reopened"),
        (li.actor, "claimed"),
        (admin.actor, "closed"),
    ]
    assert all(a.at.tzinfo is not None for a in store.get(ticket.id).audit)


def test_deadlines_and_overdue(store: TicketStore, clock: Clock, lawyers: tuple[LawyerView, ...]) -> None:
    zhang = lawyers[0]
    first = new_ticket(store, "c1")
    clock.advance(hours=1)
    second = new_ticket(store, "c2", priority="urgent")
    assert first.claim_deadline == T0 + timedelta(hours=24) and first.due_at == first.claim_deadline
    assert not first.overdue(clock.now)
    clock.advance(hours=2)
    claimed = store.claim(second.id, zhang)  # claimed at T0+3h: answer due at T0+15h
    assert claimed.answer_deadline == T0 + timedelta(hours=15) and claimed.due_at == claimed.answer_deadline

    clock.advance(hours=13)  # T0+16h: the claimed ticket is overdue, the pending one is not
    queue = store.queue()
    assert [t.id for t in queue] == [second.id, first.id]  # soonest deadline first
    assert [t.id for t in store.queue(overdue_only=True)] == [second.id]
    assert store.queue(overdue_only=True)[0].summary(clock.now)["overdue"] is True
    clock.advance(hours=9)  # T0+25h: both overdue
    assert {t.id for t in store.queue(overdue_only=True)} == {first.id, second.id}
    assert store.overdue_unclaimed() == 1
    assert [t.id for t in store.queue(sort="priority")] == [second.id, first.id]
    assert [t.id for t in store.queue(status=["pending"])] == [first.id]
    assert [t.id for t in store.queue(priority=["urgent"])] == [second.id]
    summary = store.get(first.id).summary(clock.now)
    assert summary["overdue"] and summary["seconds_left"] == -3600 and summary["number"] == f"{first.id:06d}"

    store.save_reply(second.id, zhang, "答复", [], send=True)
    answered = store.get(second.id)
    assert answered.due_at is None and not answered.overdue(clock.now)
    reopened = store.reopen(second.id, zhang)
    assert reopened.claim_deadline == clock.now + timedelta(hours=1)  # urgent: a fresh urgent deadline


def test_claim_deadlines_follow_priority(store: TicketStore, clock: Clock) -> None:
    normal = new_ticket(store, "c1")
    high = new_ticket(store, "c2", priority="high")
    urgent = new_ticket(store, "c3", priority="urgent", danger_to_life=True)
    assert normal.claim_deadline == T0 + timedelta(hours=24)
    assert high.claim_deadline == T0 + timedelta(hours=4)
    assert urgent.claim_deadline == T0 + timedelta(hours=1) and urgent.due_at == urgent.claim_deadline
    assert [t.id for t in store.queue()] == [urgent.id, high.id, normal.id]
    clock.advance(hours=2)
    assert [t.id for t in store.queue(overdue_only=True)] == [urgent.id]
    assert store.overdue_unclaimed() == 1
    # A waiting ticket raised to urgent gets the urgent deadline from now; never a later one.
    raised, created = store.create(
        conversation_id="c1", question="他说要弄死我", conversation=[], reasons=[], priority="urgent"
    )
    assert not created and raised.priority == "urgent"
    assert raised.claim_deadline == T0 + timedelta(hours=3) and raised.due_at == raised.claim_deadline
    settings = get_settings().model_copy(
        update={"ticket_claim_hours_urgent": 0.5, "ticket_claim_hours_high": 2, "ticket_claim_hours": 48}
    )
    deadlines = Deadlines.from_settings(settings)
    assert [deadlines.claim_hours_for(p) for p in ("urgent", "high", "normal")] == [0.5, 2, 48]


def _claimer(url: str, token: str, start_at: float, ids: list[int]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.assistant.claimer", url, token, str(start_at), *map(str, ids)],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
    )


@pytest.mark.integration
def test_two_processes_claiming_the_same_tickets(db_url: str, store: TicketStore) -> None:
    """Two lawyers in two processes claim the same 30 tickets at the same moment: each ticket is won
    by exactly one of them."""
    _, token_a = store.add_lawyer("甲律师")
    _, token_b = store.add_lawyer("乙律师")
    ids = [new_ticket(store, f"race-{i}").id for i in range(30)]
    start_at = time.time() + 4.0  # both processes are up and connected by then
    procs = [_claimer(db_url, token_a, start_at, ids), _claimer(db_url, token_b, start_at, ids)]
    results = []
    for proc in procs:
        out, errors = proc.communicate(timeout=120)
        assert proc.returncode == 0, errors
        results.append(json.loads(out))
    won_a, won_b = set(results[0]["won"]), set(results[1]["won"])
    assert won_a.isdisjoint(won_b) and won_a | won_b == set(ids)
    assert set(results[0]["lost"]) == won_b and set(results[1]["lost"]) == won_a
    claimed = {t.id: t.claimed_by_name for t in store.queue(limit=100)}
    assert {claimed[i] for i in won_a} == {"甲律师"} if won_a else True
    assert all(store.get(i).status == "claimed" for i in ids)


def test_export_answered_tickets_as_eval_items(
    store: TicketStore, lawyers: tuple[LawyerView, ...], tmp_path: Path
) -> None:
    zhang = lawyers[0]
    answered = new_ticket(
        store,
        "c1",
        conversation=[
            {"role": "user", "content": "在工地干了半年"},
            {"role": "assistant", "content": "……"},
            {"role": "user", "content": "老板不给钱，我电话13812345678"},
        ],
        question="老板不给钱，我电话13812345678",
    )
    new_ticket(store, "c2")  # never answered: not exported
    store.claim(answered.id, zhang)
    citations = [
        {"n": 1, "law": "劳动法", "article": 50, "sub": None, "kind": "article"},
        {"n": 2, "law": "保障农民工工资支付条例", "article": 30, "sub": None, "kind": "article"},
    ]
    store.save_reply(answered.id, zhang, "依照《劳动法》第五十条……", citations, send=True)
    out = tmp_path / "from_lawyers.jsonl"
    assert write_eval(store.answered(), out) == (1, 1)
    item = json.loads(out.read_text(encoding="utf-8"))
    assert item["gold"] == [
        {"law": "劳动法", "article": 50},
        {"law": "保障农民工工资支付条例", "article": 30},
    ]
    assert item["turns"] == ["在工地干了半年"] and "13812345678" not in item["question"]
    loaded = load_dataset(out)  # the eval harness reads it as it is
    assert loaded[0].gold[0].key == ("劳动法", 50, 0)


def test_contact_is_redacted_for_audit_and_logs() -> None:
    redacted = redact_contact({"name": "王师傅", "phone": "13812345678"})
    assert redacted is not None and "13812345678" not in json.dumps(redacted, ensure_ascii=False)
    assert redact_contact(None) is None


def test_ticket_tokens(tmp_path: Path) -> None:
    secret = load_secret(None, tmp_path)
    assert (tmp_path / "secret.key").stat().st_mode & 0o077 == 0
    assert load_secret(None, tmp_path) == secret  # the same key on the next start
    signer = TicketTokenSigner(secret)
    token = signer.token(7)
    assert signer.verify(7, token) and not signer.verify(8, token) and not signer.verify(7, None)
    assert not TicketTokenSigner(b"another secret of 32 bytes......").verify(7, token)
    assert load_secret("explicit-key-from-env", tmp_path) == b"explicit-key-from-env"


def test_service_hours() -> None:
    hours = ServiceHours.parse("09:00-18:00", [1, 2, 3, 4, 5], "Asia/Shanghai")
    assert hours.is_open(T0)  # Wednesday 10:00 in Shanghai
    saturday = datetime(2026, 11, 28, 3, 0, tzinfo=UTC)
    assert not hours.is_open(saturday)
    assert hours.next_open(saturday) == datetime(2026, 11, 30, 9, 0, tzinfo=hours.tz)
    assert hours.describe() == "工作日 09:00–18:00"
    with pytest.raises(ValueError):
        ServiceHours.parse("9点到6点", [1], "Asia/Shanghai")


def test_cli_lawyer_add_prints_the_token_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.tickets.cli import lawyer_app, tickets_app

    monkeypatch.setenv("LAWCLOUD_DATA_DIR", str(tmp_path))
    get_settings.cache_clear()
    try:
        runner = CliRunner()
        added = runner.invoke(lawyer_app, ["add", "周律师", "--role", "admin"])
        assert added.exit_code == 0, added.output
        token = [line for line in added.output.splitlines() if line.startswith("lcl_")][0]
        store = TicketStore(get_settings().tickets_db_url)
        assert store.lawyer_for_token(token.strip()) is not None
        store.close()
        listed = runner.invoke(lawyer_app, ["list"])
        assert "周律师" in listed.output and token not in listed.output
        assert runner.invoke(lawyer_app, ["add", "周律师"]).exit_code == 1
        assert runner.invoke(lawyer_app, ["add", "吴律师", "--role", "boss"]).exit_code == 2
        exported = runner.invoke(
            tickets_app, ["export", "--format", "eval", "--out", str(tmp_path / "e.jsonl")]
        )
        assert exported.exit_code == 0 and "已导出 0 道题" in exported.output
    finally:
        get_settings.cache_clear()


def test_cli_tickets_list_shows_deadlines_in_china_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.tickets.cli import tickets_app

    monkeypatch.setenv("LAWCLOUD_DATA_DIR", str(tmp_path))
    get_settings.cache_clear()
    try:
        store = TicketStore(get_settings().tickets_db_url, Deadlines(24, 12), clock=lambda: T0)
        new_ticket(store, "c1")  # claim by T0 + 24 h: 2026-11-26 02:00 UTC, 10:00 in Beijing
        new_ticket(store, "c2", priority="urgent")  # T0 + 1 h: 11:00 in Beijing
        store.close()
        listed = CliRunner().invoke(tickets_app, ["list"], terminal_width=200)
        assert listed.exit_code == 0, listed.output
        assert "截止（北京时间）" in listed.output
        assert "2026-11-26 10:00" in listed.output and "2026-11-25 11:00" in listed.output
        assert "02:00" not in listed.output and "紧急" in listed.output
    finally:
        get_settings.cache_clear()


def test_the_hand_off_notice_promises_only_what_is_true() -> None:
    from assistant.tickets.desk import worker_notice

    def notice(**overrides: object) -> str:
        values: dict = {
            "lawyers": 2,
            "backlog": 0,
            "in_service_hours": True,
            "service_hours_text": "工作日 9:00–18:00",
        }
        values.update(overrides)
        return worker_notice("000042", "11月26日 18:00（北京时间）", **values)

    normal = notice()
    assert "000042" in normal and "11月26日 18:00" in normal and "12348" not in normal
    nobody = notice(lawyers=0)
    assert "预计" not in nobody and "12351" in nobody and "12348" in nobody
    late = notice(in_service_hours=False)
    assert "非服务时间" in late and "法律援助" in late
    busy = notice(backlog=3)
    assert "较多" in busy and "12351" in busy


def test_cli_tickets_list_says_so_when_there_are_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.tickets.cli import tickets_app

    monkeypatch.setenv("LAWCLOUD_DATA_DIR", str(tmp_path))
    get_settings.cache_clear()
    try:
        TicketStore(get_settings().tickets_db_url, Deadlines(24, 12)).close()
        overdue = CliRunner().invoke(tickets_app, ["list", "--overdue"])
        assert overdue.exit_code == 0 and "没有已超时的工单" in overdue.output and "┃" not in overdue.output
        closed = CliRunner().invoke(tickets_app, ["list", "--status", "closed"])
        assert closed.exit_code == 0 and "没有符合条件的工单" in closed.output
    finally:
        get_settings.cache_clear()
