"""Conversation persistence on SQLite (WAL) and PostgreSQL."""

import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import text

from assistant.answer.models import Answer, Confidence, Escalation, Source
from assistant.conversations import ConversationNotFound, ConversationStore
from ingest.store import StoredUnit

ARTICLE_82 = StoredUnit(
    unit_id="u82",
    law="劳动合同法",
    title="中华人民共和国劳动合同法",
    level="法律",
    issuing_body="全国人民代表大会常务委员会",
    version_date="2012-12-28",
    effective_date="2013-07-01",
    validity="现行有效",
    validity_note="",
    is_current=True,
    is_case=False,
    unit_type="article",
    label="第八十二条",
    article_no=82,
    sub=None,
    chapter="第七章 法律责任",
    text="用人单位自用工之日起超过一个月不满一年未与劳动者订立书面劳动合同的，应当向劳动者每月支付二倍的工资。",
    cites=[],
    source="test",
    row_no=0,
)


def answer(question: str, query: str | None = None) -> Answer:
    source = Source(1, ARTICLE_82, "article", 1.3)
    return Answer(
        question=question,
        query=query or question,
        text=f"{question}的回答：《劳动合同法》第八十二条[1]",
        body="",
        citations=[source],
        cases=[],
        sources=[source],
        confidence=Confidence("high", 0.9),
        escalation=Escalation(False),
        mode="offline",
        fallback_reason=None,
        verification={},
        timings_ms={},
    )


@pytest.fixture
def store(db_url: str) -> Iterator[ConversationStore]:
    conversations = ConversationStore(db_url)
    yield conversations
    conversations.close()


def test_exchanges_round_trip(store: ConversationStore) -> None:
    first = store.add_exchange(None, "公司不给我签劳动合同怎么办", answer("公司不给我签劳动合同怎么办"))
    second = store.add_exchange(
        first.conversation_id, "那加班费呢？", answer("那加班费呢？", "加班费（公司不给我签劳动合同怎么办）")
    )
    assert second.conversation_id == first.conversation_id
    conversation = store.get(first.conversation_id)
    messages = conversation["messages"]
    assert [m["role"] for m in messages] == ["user", "assistant", "user", "assistant"]
    assert messages[1]["id"] == first.assistant_message_id and messages[1]["status"] == "complete"
    assert messages[1]["citations"][0]["label"] == "第八十二条" and messages[1]["confidence"] == "high"
    assert messages[2]["rewritten_question"] == "加班费（公司不给我签劳动合同怎么办）"
    assert messages[0]["rewritten_question"] is None
    assert conversation["created_at"].endswith("+00:00")


def test_turns_feed_follow_ups(store: ConversationStore) -> None:
    exchange = store.add_exchange(None, "问题一", answer("问题一"))
    cid = exchange.conversation_id
    for i in range(2, 6):
        store.add_exchange(cid, f"问题{i}", answer(f"问题{i}", f"改写{i}"))
    turns = store.turns(cid, limit=3)
    assert [t.question for t in turns] == ["问题3", "问题4", "问题5"]
    assert turns[-1].query == "改写5" and turns[-1].citations[0]["law"] == "劳动合同法"


def test_pending_answers_complete_or_fail(store: ConversationStore) -> None:
    exchange = store.start_exchange(None, "加班费怎么算", "加班费怎么算")
    cid = exchange.conversation_id
    assert store.get(cid)["messages"][1]["status"] == "pending"
    assert store.turns(cid)[0].citations == []  # an unfinished answer gives no context
    store.finish_exchange(exchange.assistant_message_id, answer("加班费怎么算"))
    finished = store.get(cid)["messages"][1]
    assert finished["status"] == "complete" and finished["content"].startswith("加班费怎么算")
    other = store.start_exchange(cid, "第八十二条呢", "劳动合同法第八十二条呢")
    store.fail_exchange(other.assistant_message_id, "没能完成")
    assert store.get(cid)["messages"][3] | {"created_at": ""} == store.get(cid)["messages"][3] | {
        "status": "failed",
        "content": "没能完成",
        "created_at": "",
    }


def test_unknown_conversations(store: ConversationStore) -> None:
    for call in (
        lambda: store.get("nope"),
        lambda: store.turns("nope"),
        lambda: store.add_exchange("nope", "问", answer("问")),
        lambda: store.start_exchange("nope", "问", "问"),
    ):
        with pytest.raises(ConversationNotFound):
            call()
    assert not store.exists("nope")


def test_concurrent_turns_are_all_kept_in_order(store: ConversationStore) -> None:
    cid = store.add_exchange(None, "开始", answer("开始")).conversation_id
    errors: list[BaseException] = []

    def ask(i: int) -> None:
        try:
            store.add_exchange(cid, f"并发{i}", answer(f"并发{i}"))
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    messages = store.get(cid)["messages"]
    assert len(messages) == 18
    for user, assistant in zip(messages[::2], messages[1::2], strict=True):
        assert user["role"] == "user" and assistant["role"] == "assistant"
        assert assistant["content"].startswith(user["content"])


def test_sqlite_runs_in_wal_mode(tmp_path: object) -> None:
    store = ConversationStore(f"sqlite:///{tmp_path}/c.sqlite")
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    assert store.ping()
    store.close()
