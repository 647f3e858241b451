"""Ticket tables (SQLAlchemy 2): lawyers, tickets, every version of a lawyer's reply, idempotency
keys and the audit log. Times are stored in UTC."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

STATUSES = ("pending", "claimed", "answered", "closed", "reopened")
OPEN_STATUSES = ("pending", "claimed", "reopened")
ROLES = ("lawyer", "admin")


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(moment: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; they were written in UTC."""
    if moment is None:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    pass


class Lawyer(Base):
    __tablename__ = "lawyers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(16))  # lawyer | admin
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)  # sha256 hex
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


_OPEN = text("status IN ('pending', 'claimed', 'reopened')")


class Ticket(Base):
    __tablename__ = "tickets"
    # At most one open ticket per conversation, enforced by the database (a partial unique index on
    # SQLite and PostgreSQL): two requests escalating the same conversation at once cannot both insert.
    __table_args__ = (
        Index(
            "uq_tickets_open_conversation",
            "conversation_id",
            unique=True,
            sqlite_where=_OPEN,
            postgresql_where=_OPEN,
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    conversation_id: Mapped[str] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(String(16), index=True, default="pending")
    priority: Mapped[str] = mapped_column(String(16), default="normal")  # urgent | high | normal
    priority_rank: Mapped[int] = mapped_column(Integer, index=True, default=2)  # 0 urgent … 2 normal
    danger_to_life: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(String(16), default="worker")  # policy | worker
    question: Mapped[str] = mapped_column(Text, default="")
    reasons: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    conversation: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)  # snapshot
    draft: Mapped[str] = mapped_column(Text, default="")  # the AI answer the lawyer starts from
    draft_citations: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    contact: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)  # optional, minimal
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    claim_deadline: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    answer_deadline: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    # The deadline that applies in the current status (claim or answer); None once answered.
    due_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True, default=None)
    claimed_by: Mapped[int | None] = mapped_column(ForeignKey("lawyers.id"), default=None)
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    answered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    reopen_count: Mapped[int] = mapped_column(Integer, default=0)


class TicketReply(Base):
    """One version of a lawyer's reply. Every save is a new version; ``sent`` marks the one the
    worker received."""

    __tablename__ = "ticket_replies"
    __table_args__ = (UniqueConstraint("ticket_id", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    lawyer_id: Mapped[int] = mapped_column(ForeignKey("lawyers.id"))
    body: Mapped[str] = mapped_column(Text)
    citations: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    sent: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class IdempotencyKey(Base):
    """An ``Idempotency-Key`` (scoped to its conversation) and the request it answered."""

    __tablename__ = "ticket_idempotency"

    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    request_hash: Mapped[str] = mapped_column(String(64))
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"))
    created: Mapped[bool] = mapped_column(Boolean, default=True)  # the first response created the ticket
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class AuditEntry(Base):
    __tablename__ = "ticket_audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    ticket_id: Mapped[int | None] = mapped_column(Integer, index=True, default=None)
    actor: Mapped[str] = mapped_column(String(120))  # worker | system | lawyer:3 | admin:1
    action: Mapped[str] = mapped_column(String(32))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
