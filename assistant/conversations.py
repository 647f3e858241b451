"""Multi-turn conversations, persisted with SQLAlchemy 2: SQLite (WAL) under data_dir by default, any
SQLAlchemy URL (PostgreSQL) in production. Only what the worker saw is stored: the verified answer and
its citations, never a citation the verifier removed. By default ID, mobile and bank card numbers and
e-mail addresses are redacted before anything is written (the originals are not kept)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    create_engine,
    delete,
    event,
    func,
    select,
    text,
)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, sessionmaker

from assistant.answer.models import Answer
from assistant.followup import Turn
from assistant.privacy import redact

HISTORY_TURNS = 3


class ConversationNotFound(LookupError):
    pass


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    # SQLite hands back naive datetimes; they were written in UTC.
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).isoformat()


def _new_id() -> str:
    return uuid.uuid4().hex


class Base(DeclarativeBase):
    pass


class Conversation(Base):
    __tablename__ = "conversations"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=_new_id)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    messages: Mapped[list[Message]] = relationship(
        back_populates="conversation", order_by="Message.seq", cascade="all, delete-orphan"
    )


class Message(Base):
    __tablename__ = "messages"

    # An increasing surrogate key orders the turns; the public id is a random hex string.
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(32), unique=True, index=True, default=_new_id)
    conversation_id: Mapped[str] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(16))  # user | assistant
    content: Mapped[str] = mapped_column(Text, default="")
    query: Mapped[str | None] = mapped_column(Text, default=None)  # the question as searched
    citations: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    cases: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    mode: Mapped[str | None] = mapped_column(String(16), default=None)
    fallback_reason: Mapped[str | None] = mapped_column(String(64), default=None)
    confidence: Mapped[str | None] = mapped_column(String(16), default=None)
    escalation: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    status: Mapped[str] = mapped_column(String(16), default="complete")  # complete | pending | failed
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)

    conversation: Mapped[Conversation] = relationship(back_populates="messages")

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "role": self.role,
            "content": self.content,
            "rewritten_question": self.query if self.role == "user" and self.query != self.content else None,
            "citations": self.citations or [],
            "cases": self.cases or [],
            "mode": self.mode,
            "fallback_reason": self.fallback_reason,
            "confidence": self.confidence,
            "escalation": self.escalation,
            "status": self.status,
            "created_at": _iso(self.created_at),
        }


class Feedback(Base):
    """有用 / 没用 on one answer. Repeated 没用 in a conversation is an escalation trigger."""

    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    message_id: Mapped[str] = mapped_column(String(32), index=True, unique=True)
    conversation_id: Mapped[str] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), index=True
    )
    helpful: Mapped[bool] = mapped_column(Boolean)
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


class MessageNotFound(LookupError):
    pass


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 10})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection: Any, _record: Any) -> None:
            # WAL: readers never block the writer; NORMAL sync survives an application crash.
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=10000")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


@dataclass
class Exchange:
    conversation_id: str
    user_message_id: str
    assistant_message_id: str


def _keep(text: str) -> str:
    return text


def _answer_fields(answer: Answer, clean: Callable[[str], str] = _keep) -> dict[str, Any]:
    data = answer.as_dict()
    return {
        "content": clean(answer.text),
        "citations": data["citations"],
        "cases": data["cases"],
        "mode": answer.mode,
        "fallback_reason": answer.fallback_reason,
        "confidence": answer.confidence.level,
        "escalation": data["escalation"],
    }


class ConversationStore:
    def __init__(self, url: str, redact_personal: bool = True) -> None:
        self.url = url
        # What is written: personal identifiers replaced by placeholders unless the operator keeps them.
        self._clean: Callable[[str], str] = redact if redact_personal else _keep
        self.engine = make_engine(url)
        Base.metadata.create_all(self.engine)
        self._session = sessionmaker(self.engine, expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()

    def ping(self) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(text("SELECT 1")).scalar() == 1

    def set_feedback(self, message_id: str, helpful: bool, comment: str = "") -> dict[str, Any]:
        """Record (or change) the worker's verdict on one answer. Raises MessageNotFound."""
        with self._session() as session, session.begin():
            message = session.scalar(select(Message).where(Message.id == message_id))
            if message is None or message.role != "assistant":
                raise MessageNotFound(message_id)
            row = session.scalar(select(Feedback).where(Feedback.message_id == message_id))
            if row is None:
                row = Feedback(message_id=message_id, conversation_id=message.conversation_id)
                session.add(row)
            row.helpful, row.comment, row.created_at = helpful, comment, _now()
            conversation_id = message.conversation_id
        return {
            "message_id": message_id,
            "helpful": helpful,
            "negative_in_conversation": self.negative_feedback(conversation_id),
        }

    def negative_feedback(self, conversation_id: str) -> int:
        with self._session() as session:
            count = session.scalar(
                select(func.count())
                .select_from(Feedback)
                .where(Feedback.conversation_id == conversation_id, Feedback.helpful.is_(False))
            )
            return int(count or 0)

    def exists(self, conversation_id: str) -> bool:
        with self._session() as session:
            return session.get(Conversation, conversation_id) is not None

    def turns(self, conversation_id: str, limit: int = HISTORY_TURNS) -> list[Turn]:
        """The last few completed exchanges, oldest first. Raises ConversationNotFound."""
        with self._session() as session:
            if session.get(Conversation, conversation_id) is None:
                raise ConversationNotFound(conversation_id)
            rows = session.scalars(
                select(Message)
                .where(Message.conversation_id == conversation_id)
                .order_by(Message.seq.desc())
                .limit(limit * 2 + 2)
            ).all()
        turns: list[Turn] = []
        pending_answer: Message | None = None
        for row in rows:  # newest first: an answer, then the question it answers
            if row.role == "assistant":
                pending_answer = row
            elif row.role == "user":
                complete = pending_answer is not None and pending_answer.status == "complete"
                citations = pending_answer.citations if complete and pending_answer else []
                answer_text = pending_answer.content if complete and pending_answer else ""
                turns.append(Turn(row.content, row.query or row.content, list(citations or []), answer_text))
                pending_answer = None
        return list(reversed(turns[:limit]))

    def _conversation(self, session: Any, conversation_id: str | None) -> Conversation:
        if conversation_id is None:
            conversation = Conversation()
            session.add(conversation)
            return conversation
        # Lock the conversation row (PostgreSQL; SQLite serialises writers anyway) so that two turns
        # arriving together get consecutive message numbers and their pairs never interleave.
        conversation = session.get(Conversation, conversation_id, with_for_update=True)
        if conversation is None:
            raise ConversationNotFound(conversation_id)
        conversation.updated_at = _now()
        return conversation

    def add_exchange(self, conversation_id: str | None, question: str, answer: Answer) -> Exchange:
        with self._session.begin() as session:
            conversation = self._conversation(session, conversation_id)
            user = Message(role="user", content=self._clean(question), query=self._clean(answer.query))
            assistant = Message(role="assistant", **_answer_fields(answer, self._clean))
            conversation.messages += [user, assistant]
            session.flush()
            return Exchange(conversation.id, user.id, assistant.id)

    def start_exchange(self, conversation_id: str | None, question: str, query: str) -> Exchange:
        """For a stream: the question and an empty pending answer, so ids exist before the first byte."""
        with self._session.begin() as session:
            conversation = self._conversation(session, conversation_id)
            user = Message(role="user", content=self._clean(question), query=self._clean(query))
            assistant = Message(role="assistant", content="", status="pending")
            conversation.messages += [user, assistant]
            session.flush()
            return Exchange(conversation.id, user.id, assistant.id)

    def finish_exchange(self, message_id: str, answer: Answer) -> None:
        with self._session.begin() as session:
            message = session.scalars(select(Message).where(Message.id == message_id)).one()
            for key, value in _answer_fields(answer, self._clean).items():
                setattr(message, key, value)
            message.status = "complete"

    def fail_exchange(self, message_id: str, content: str) -> None:
        with self._session.begin() as session:
            message = session.scalars(select(Message).where(Message.id == message_id)).one_or_none()
            if message is not None and message.status == "pending":
                message.status = "failed"
                message.content = content

    def get(self, conversation_id: str) -> dict[str, Any]:
        with self._session() as session:
            conversation = session.get(Conversation, conversation_id)
            if conversation is None:
                raise ConversationNotFound(conversation_id)
            return {
                "id": conversation.id,
                "created_at": _iso(conversation.created_at),
                "updated_at": _iso(conversation.updated_at),
                "messages": [m.as_dict() for m in conversation.messages],
            }

    def delete(self, conversation_id: str) -> None:
        """Delete a conversation with its messages and feedback. Raises ConversationNotFound."""
        with self._session.begin() as session:
            conversation = session.get(Conversation, conversation_id)
            if conversation is None:
                raise ConversationNotFound(conversation_id)
            session.execute(delete(Feedback).where(Feedback.conversation_id == conversation_id))
            session.delete(conversation)  # messages go with it (cascade)

    def purge(self, before: datetime, dry_run: bool = False) -> int:
        """Delete every conversation last active before `before`; returns how many (dry run: would)."""
        with self._session.begin() as session:
            ids = list(session.scalars(select(Conversation.id).where(Conversation.updated_at < before)))
            if dry_run:
                return len(ids)
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                session.execute(delete(Feedback).where(Feedback.conversation_id.in_(chunk)))
                session.execute(delete(Message).where(Message.conversation_id.in_(chunk)))
                session.execute(delete(Conversation).where(Conversation.id.in_(chunk)))
            return len(ids)
