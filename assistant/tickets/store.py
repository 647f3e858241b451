"""The ticket queue: creation (idempotent), the status machine with race-safe transitions, versioned
lawyer replies, the audit log, lawyer credentials and the evaluation export.

Status machine::

    pending ──claim──▶ claimed ──send reply──▶ answered ──close──▶ closed
       ▲                                         │                    │
    reopened ◀──────────────reopen───────────────┴────────────────────┘

Every transition is one conditional UPDATE (``… WHERE id = :id AND status IN (…)``) committed before
the caller answers: of two lawyers claiming at once, in two processes, on SQLite or PostgreSQL,
exactly one changes the row and the other gets ``InvalidTransition`` (HTTP 409)."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from assistant.privacy import redact

from .auth import hash_token, new_lawyer_token, tokens_match
from .db import make_engine, writer
from .deadlines import Deadlines, due_at, overdue
from .models import (
    OPEN_STATUSES,
    ROLES,
    AuditEntry,
    Base,
    IdempotencyKey,
    Lawyer,
    Ticket,
    TicketReply,
    as_utc,
    utcnow,
)
from .status import status_text

log = logging.getLogger(__name__)

PRIORITY_RANK = {"urgent": 0, "high": 1, "normal": 2}
ACTION_TEXT = {
    "claim": "认领",
    "reply": "保存回复",
    "send": "发送回复",
    "close": "关闭",
    "reopen": "重新打开",
}


class TicketError(Exception):
    """Base of the queue's errors; ``code`` is stable for API clients, the message is Chinese."""

    code = "ticket_error"


class TicketNotFound(TicketError, LookupError):
    code = "ticket_not_found"

    def __init__(self, ticket_id: int) -> None:
        super().__init__(f"找不到工单 {ticket_id}")
        self.ticket_id = ticket_id


class InvalidTransition(TicketError):
    """The action is not allowed in the ticket's current status (HTTP 409)."""

    code = "invalid_transition"

    def __init__(self, ticket_id: int, status: str, action: str, detail: str = "") -> None:
        verb = ACTION_TEXT.get(action, action)
        message = detail or f"工单 {ticket_id} 当前状态为“{status_text(status)}”，不能{verb}"
        super().__init__(message)
        self.ticket_id, self.status, self.action = ticket_id, status, action


class NotClaimant(InvalidTransition):
    code = "claimed_by_other"

    def __init__(self, ticket_id: int, status: str, action: str) -> None:
        super().__init__(ticket_id, status, action, f"工单 {ticket_id} 已由其他律师认领，只有认领人可以处理")


class IdempotencyConflict(TicketError):
    """The same Idempotency-Key came with a different request (HTTP 422)."""

    code = "idempotency_key_reused"

    def __init__(self) -> None:
        super().__init__("这个 Idempotency-Key 已用于另一个不同的请求，请换一个新的")


class LawyerExists(TicketError):
    code = "lawyer_exists"


@dataclass(frozen=True)
class LawyerView:
    id: int
    name: str
    role: str
    active: bool

    @property
    def actor(self) -> str:
        return f"{self.role}:{self.id}"

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


@dataclass(frozen=True)
class ReplyView:
    id: int
    ticket_id: int
    version: int
    lawyer_id: int
    lawyer_name: str
    body: str
    citations: list[dict[str, Any]]
    sent: bool
    created_at: datetime

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "version": self.version,
            "lawyer": self.lawyer_name,
            "body": self.body,
            "citations": self.citations,
            "sent": self.sent,
            "created_at": self.created_at.isoformat(),
        }


@dataclass(frozen=True)
class AuditView:
    actor: str
    action: str
    detail: dict[str, Any]
    at: datetime

    def as_dict(self) -> dict[str, Any]:
        return {"actor": self.actor, "action": self.action, "detail": self.detail, "at": self.at.isoformat()}


@dataclass
class TicketView:
    id: int
    conversation_id: str
    status: str
    priority: str
    danger_to_life: bool
    source: str
    question: str
    reasons: list[dict[str, Any]]
    conversation: list[dict[str, Any]]
    draft: str
    draft_citations: list[dict[str, Any]]
    contact: dict[str, Any] | None
    created_at: datetime
    updated_at: datetime
    claim_deadline: datetime
    answer_deadline: datetime | None
    claimed_by: int | None
    claimed_by_name: str | None
    claimed_at: datetime | None
    answered_at: datetime | None
    closed_at: datetime | None
    reopen_count: int
    replies: list[ReplyView] = field(default_factory=list)
    audit: list[AuditView] = field(default_factory=list)

    @property
    def number(self) -> str:
        return f"{self.id:06d}"

    @property
    def due_at(self) -> datetime | None:
        return due_at(self.status, self.claim_deadline, self.answer_deadline)

    def overdue(self, now: datetime) -> bool:
        return overdue(self.status, self.claim_deadline, self.answer_deadline, now)

    @property
    def sent_reply(self) -> ReplyView | None:
        sent = [r for r in self.replies if r.sent]
        return sent[-1] if sent else None

    def summary(self, now: datetime) -> dict[str, Any]:
        due = self.due_at
        return {
            "id": self.id,
            "number": self.number,
            "conversation_id": self.conversation_id,
            "status": self.status,
            "status_text": status_text(self.status),
            "priority": self.priority,
            "danger_to_life": self.danger_to_life,
            "source": self.source,
            "question": self.question,
            "reasons": self.reasons,
            "created_at": self.created_at.isoformat(),
            "claim_deadline": self.claim_deadline.isoformat(),
            "answer_deadline": self.answer_deadline.isoformat() if self.answer_deadline else None,
            "due_at": due.isoformat() if due else None,
            "overdue": self.overdue(now),
            "seconds_left": int((due - now).total_seconds()) if due else None,
            "claimed_by": self.claimed_by_name,
            "has_contact": bool(self.contact),
        }


def request_hash(payload: Any) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def redact_contact(contact: dict[str, Any] | None) -> dict[str, Any] | None:
    """What the audit log and the logs may keep of a worker's contact details: nothing identifying."""
    if not contact:
        return None
    return {key: redact(str(value)) if value else value for key, value in contact.items()}


class TicketStore:
    """The queue over one database. Thread-safe (a session per call)."""

    def __init__(
        self, url: str, deadlines: Deadlines | None = None, clock: Callable[[], datetime] = utcnow
    ) -> None:
        self.url = url
        self.deadlines = deadlines or Deadlines()
        self.clock = clock
        self.engine = make_engine(url)
        Base.metadata.create_all(self.engine)
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(writer(self.engine), expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()

    def ping(self) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(text("SELECT 1")).scalar() == 1

    def purge_closed(self, before: datetime, dry_run: bool = False) -> int:
        """Delete closed tickets (with their replies, idempotency keys and audit entries) closed
        before `before`; one audit entry records the purge. Returns how many (dry run: would)."""
        with self._transaction() as session:
            ids = list(
                session.scalars(
                    select(Ticket.id).where(
                        Ticket.status == "closed", func.coalesce(Ticket.closed_at, Ticket.updated_at) < before
                    )
                )
            )
            if dry_run:
                return len(ids)
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                for model in (TicketReply, IdempotencyKey, AuditEntry):
                    session.execute(delete(model).where(model.ticket_id.in_(chunk)))
                session.execute(delete(Ticket).where(Ticket.id.in_(chunk)))
            if ids:
                session.add(
                    AuditEntry(
                        ticket_id=None,
                        actor="system",
                        action="purge",
                        detail={"tickets": len(ids), "before": before.isoformat()},
                        at=self.clock(),
                    )
                )
            return len(ids)

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        """A write transaction, committed (and on SQLite synced to disk) before the block's caller
        can acknowledge anything."""
        with self._write.begin() as session:
            yield session

    # --- lawyers -----------------------------------------------------------------------------

    def add_lawyer(self, name: str, role: str = "lawyer") -> tuple[LawyerView, str]:
        """A new lawyer and their bearer token. The token is returned once and stored only hashed."""
        name = name.strip()
        if role not in ROLES:
            raise ValueError(f"角色只能是 {' 或 '.join(ROLES)}")
        if not name:
            raise ValueError("律师姓名不能为空")
        token = new_lawyer_token()
        try:
            with self._transaction() as session:
                lawyer = Lawyer(name=name, role=role, token_hash=hash_token(token), active=True)
                session.add(lawyer)
                session.flush()
                session.add(
                    AuditEntry(
                        actor="system", action="lawyer_added", detail={"lawyer": lawyer.id, "role": role}
                    )
                )
                view = LawyerView(lawyer.id, lawyer.name, lawyer.role, True)
        except IntegrityError:
            raise LawyerExists(f"已经有名为“{name}”的律师") from None
        return view, token

    def lawyer_for_token(self, token: str) -> LawyerView | None:
        """The active lawyer holding this bearer token, or None."""
        if not token:
            return None
        wanted = hash_token(token)
        with self._read() as session:
            lawyer = session.scalars(select(Lawyer).where(Lawyer.token_hash == wanted)).one_or_none()
            if lawyer is None or not lawyer.active or not tokens_match(lawyer.token_hash, token):
                return None
            return LawyerView(lawyer.id, lawyer.name, lawyer.role, lawyer.active)

    def lawyers(self) -> list[LawyerView]:
        with self._read() as session:
            rows = session.scalars(select(Lawyer).order_by(Lawyer.id)).all()
            return [LawyerView(r.id, r.name, r.role, r.active) for r in rows]

    def set_lawyer_active(self, name: str, active: bool) -> LawyerView:
        with self._transaction() as session:
            lawyer = session.scalars(select(Lawyer).where(Lawyer.name == name)).one_or_none()
            if lawyer is None:
                raise LookupError(f"没有名为“{name}”的律师")
            lawyer.active = active
            session.add(
                AuditEntry(
                    actor="system",
                    action="lawyer_active" if active else "lawyer_disabled",
                    detail={"lawyer": lawyer.id},
                )
            )
            return LawyerView(lawyer.id, lawyer.name, lawyer.role, active)

    def active_lawyers(self) -> int:
        with self._read() as session:
            return (
                session.scalar(select(func.count()).select_from(Lawyer).where(Lawyer.active.is_(True))) or 0
            )

    # --- creation ----------------------------------------------------------------------------

    def create(
        self,
        *,
        conversation_id: str,
        question: str,
        conversation: Sequence[dict[str, Any]],
        reasons: Sequence[dict[str, Any]],
        priority: str,
        danger_to_life: bool = False,
        draft: str = "",
        draft_citations: Sequence[dict[str, Any]] = (),
        source: str = "worker",
        contact: dict[str, Any] | None = None,
        idempotency_key: str | None = None,
        fingerprint: str | None = None,
    ) -> tuple[TicketView, bool]:
        """Open a ticket, or bring the conversation's open ticket up to date (one open ticket per
        conversation). Returns (ticket, created). With an Idempotency-Key, a repeated request returns
        the ticket it created; the same key with a different request raises IdempotencyConflict."""
        scoped = f"{conversation_id}:{idempotency_key}" if idempotency_key else None
        fingerprint = fingerprint or request_hash({"question": question, "source": source})
        for attempt in range(2):
            try:
                return self._create(
                    scoped,
                    fingerprint,
                    conversation_id=conversation_id,
                    question=question,
                    conversation=list(conversation),
                    reasons=list(reasons),
                    priority=priority,
                    danger_to_life=danger_to_life,
                    draft=draft,
                    draft_citations=list(draft_citations),
                    source=source,
                    contact=contact,
                )
            except IntegrityError:
                # Another request stored the same key between our read and our insert: read it back.
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def _create(self, scoped: str | None, fingerprint: str, **values: Any) -> tuple[TicketView, bool]:
        now = self.clock()
        with self._transaction() as session:
            if scoped:
                known = session.get(IdempotencyKey, scoped)
                if known is not None:
                    if known.request_hash != fingerprint:
                        raise IdempotencyConflict()
                    return self._view(session, known.ticket_id), known.created  # the same answer again
            rank = PRIORITY_RANK.get(values["priority"], 2)
            existing = session.scalars(
                select(Ticket)
                .where(Ticket.conversation_id == values["conversation_id"], Ticket.status.in_(OPEN_STATUSES))
                .order_by(Ticket.id.desc())
                .limit(1)
                .with_for_update()  # PostgreSQL: concurrent updates of this ticket merge one after another
            ).first()
            if existing is not None:
                # One open ticket per conversation: refresh what the lawyer will read, never lower the priority.
                known_codes = {r.get("code") for r in existing.reasons}
                added = [r for r in values["reasons"] if r.get("code") not in known_codes]
                existing.reasons = [*existing.reasons, *added]
                existing.conversation = values["conversation"]
                existing.question = values["question"] or existing.question
                if values["draft"]:
                    existing.draft, existing.draft_citations = values["draft"], values["draft_citations"]
                if rank < existing.priority_rank:
                    existing.priority, existing.priority_rank = values["priority"], rank
                    if existing.status in ("pending", "reopened"):
                        # Raised to urgent: it must be claimed by the urgent deadline, not the old one.
                        sooner = self.deadlines.claim_by(now, values["priority"])
                        if sooner < as_utc(existing.claim_deadline):  # type: ignore[operator]
                            existing.claim_deadline = existing.due_at = sooner
                existing.danger_to_life = existing.danger_to_life or values["danger_to_life"]
                if values["contact"]:
                    existing.contact = values["contact"]
                existing.updated_at = now
                session.add(
                    AuditEntry(
                        ticket_id=existing.id,
                        actor=values["source"] if values["source"] == "worker" else "system",
                        action="updated",
                        detail={
                            "added_reasons": [r.get("code") for r in added],
                            "priority": existing.priority,
                            # The worker left (or changed) a way to be reached: redacted, as at creation.
                            **({"contact": redact_contact(values["contact"])} if values["contact"] else {}),
                        },
                    )
                )
                ticket_id = existing.id
                created = False
            else:
                claim_by = self.deadlines.claim_by(now, values["priority"])
                ticket = Ticket(
                    **values,
                    status="pending",
                    priority_rank=rank,
                    created_at=now,
                    updated_at=now,
                    claim_deadline=claim_by,
                    due_at=claim_by,
                )
                session.add(ticket)
                session.flush()
                session.add(
                    AuditEntry(
                        ticket_id=ticket.id,
                        actor="worker" if values["source"] == "worker" else "system",
                        action="created",
                        detail={
                            "source": values["source"],
                            "priority": values["priority"],
                            "reasons": [r.get("code") for r in values["reasons"]],
                            "contact": redact_contact(values["contact"]),
                        },
                    )
                )
                ticket_id = ticket.id
                created = True
            if scoped:
                session.add(
                    IdempotencyKey(key=scoped, request_hash=fingerprint, ticket_id=ticket_id, created=created)
                )
            session.flush()
            view = self._view(session, ticket_id)
        log.info(
            "ticket %s %s: priority=%s source=%s",
            ticket_id,
            "created" if created else "updated",
            view.priority,
            view.source,
        )
        return view, created

    # --- transitions -------------------------------------------------------------------------

    def _conditional(
        self,
        session: Session,
        ticket_id: int,
        action: str,
        allowed: Sequence[str],
        values: dict[str, Any],
        *extra: Any,
    ) -> None:
        result = session.execute(
            update(Ticket)
            .where(Ticket.id == ticket_id, Ticket.status.in_(allowed), *extra)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount == 1:  # type: ignore[attr-defined]  # CursorResult of an UPDATE
            return
        row = session.get(Ticket, ticket_id, populate_existing=True)
        if row is None:
            raise TicketNotFound(ticket_id)
        if row.status in allowed:  # the status fits: the extra condition (the claimant) did not
            raise NotClaimant(ticket_id, row.status, action)
        raise InvalidTransition(ticket_id, row.status, action)

    def claim(self, ticket_id: int, lawyer: LawyerView) -> TicketView:
        """First claim wins: pending or reopened → claimed, starting the answer deadline."""
        now = self.clock()
        answer_by = self.deadlines.answer_by(now)
        with self._transaction() as session:
            self._conditional(
                session,
                ticket_id,
                "claim",
                ("pending", "reopened"),
                {
                    "status": "claimed",
                    "claimed_by": lawyer.id,
                    "claimed_at": now,
                    "answer_deadline": answer_by,
                    "due_at": answer_by,
                    "updated_at": now,
                },
            )
            session.add(
                AuditEntry(
                    ticket_id=ticket_id, actor=lawyer.actor, action="claimed", detail={"lawyer": lawyer.name}
                )
            )
            return self._view(session, ticket_id)

    def save_reply(
        self,
        ticket_id: int,
        lawyer: LawyerView,
        body: str,
        citations: Sequence[dict[str, Any]],
        *,
        send: bool,
    ) -> tuple[TicketView, ReplyView]:
        """Store a new version of the reply. With ``send`` the ticket becomes answered and the worker
        sees this version. Only the claimant (or an admin) may write, and only while claimed."""
        now = self.clock()
        values: dict[str, Any] = {"updated_at": now}
        if send:
            values |= {"status": "answered", "answered_at": now, "due_at": None}
        claimant = () if lawyer.is_admin else (Ticket.claimed_by == lawyer.id,)
        with self._transaction() as session:
            self._conditional(
                session, ticket_id, "send" if send else "reply", ("claimed",), values, *claimant
            )
            version = (
                session.scalar(
                    select(func.max(TicketReply.version)).where(TicketReply.ticket_id == ticket_id)
                )
                or 0
            ) + 1
            reply = TicketReply(
                ticket_id=ticket_id,
                version=version,
                lawyer_id=lawyer.id,
                body=body,
                citations=list(citations),
                sent=send,
                created_at=now,
            )
            session.add(reply)
            session.flush()
            session.add(
                AuditEntry(
                    ticket_id=ticket_id,
                    actor=lawyer.actor,
                    action="reply_sent" if send else "reply_saved",
                    detail={"version": version, "citations": len(citations), "chars": len(body)},
                )
            )
            view = self._view(session, ticket_id)
        return view, next(r for r in view.replies if r.version == version)

    def close_ticket(self, ticket_id: int, lawyer: LawyerView) -> TicketView:
        """answered → closed; an admin may also close an open ticket (spam, duplicate)."""
        now = self.clock()
        allowed = ("answered", "pending", "claimed", "reopened") if lawyer.is_admin else ("answered",)
        with self._transaction() as session:
            self._conditional(
                session,
                ticket_id,
                "close",
                allowed,
                {"status": "closed", "closed_at": now, "due_at": None, "updated_at": now},
            )
            session.add(AuditEntry(ticket_id=ticket_id, actor=lawyer.actor, action="closed", detail={}))
            return self._view(session, ticket_id)

    def reopen(self, ticket_id: int, actor: LawyerView, note: str = "") -> TicketView:
        """answered or closed → reopened: back in the queue with a fresh claim deadline (by its priority)."""
        now = self.clock()
        with self._read() as session:
            priority = session.scalar(select(Ticket.priority).where(Ticket.id == ticket_id))
        claim_by = self.deadlines.claim_by(now, priority or "normal")
        try:
            return self._reopen(ticket_id, actor, note, now, claim_by)
        except IntegrityError:
            # The conversation has another open ticket (the partial unique index): work on that one.
            raise InvalidTransition(
                ticket_id,
                "answered",
                "reopen",
                f"工单 {ticket_id} 所在的对话已有进行中的工单，请在那个工单里处理",
            ) from None

    def _reopen(
        self, ticket_id: int, actor: LawyerView, note: str, now: datetime, claim_by: datetime
    ) -> TicketView:
        with self._transaction() as session:
            self._conditional(
                session,
                ticket_id,
                "reopen",
                ("answered", "closed"),
                {
                    "status": "reopened",
                    "claimed_by": None,
                    "claimed_at": None,
                    "answer_deadline": None,
                    "claim_deadline": claim_by,
                    "due_at": claim_by,
                    "closed_at": None,
                    "updated_at": now,
                    "reopen_count": Ticket.reopen_count + 1,
                },
            )
            session.add(
                AuditEntry(
                    ticket_id=ticket_id, actor=actor.actor, action="reopened", detail={"note": note[:500]}
                )
            )
            return self._view(session, ticket_id)

    # --- reading -----------------------------------------------------------------------------

    def _view(self, session: Session, ticket_id: int) -> TicketView:
        row = session.get(Ticket, ticket_id, populate_existing=True)
        if row is None:
            raise TicketNotFound(ticket_id)
        names = {row.id: row.name for row in session.execute(select(Lawyer.id, Lawyer.name))}
        replies = session.scalars(
            select(TicketReply).where(TicketReply.ticket_id == ticket_id).order_by(TicketReply.version)
        ).all()
        audit = session.scalars(
            select(AuditEntry).where(AuditEntry.ticket_id == ticket_id).order_by(AuditEntry.id)
        ).all()
        return self._to_view(row, names, replies, audit)

    @staticmethod
    def _to_view(
        row: Ticket,
        names: dict[int, str],
        replies: Sequence[TicketReply] = (),
        audit: Sequence[AuditEntry] = (),
    ) -> TicketView:
        return TicketView(
            id=row.id,
            conversation_id=row.conversation_id,
            status=row.status,
            priority=row.priority,
            danger_to_life=row.danger_to_life,
            source=row.source,
            question=row.question,
            reasons=list(row.reasons or []),
            conversation=list(row.conversation or []),
            draft=row.draft,
            draft_citations=list(row.draft_citations or []),
            contact=row.contact,
            created_at=as_utc(row.created_at),  # type: ignore[arg-type]  # never None for a stored row
            updated_at=as_utc(row.updated_at),  # type: ignore[arg-type]
            claim_deadline=as_utc(row.claim_deadline),  # type: ignore[arg-type]
            answer_deadline=as_utc(row.answer_deadline),
            claimed_by=row.claimed_by,
            claimed_by_name=names.get(row.claimed_by) if row.claimed_by else None,
            claimed_at=as_utc(row.claimed_at),
            answered_at=as_utc(row.answered_at),
            closed_at=as_utc(row.closed_at),
            reopen_count=row.reopen_count,
            replies=[
                ReplyView(
                    r.id,
                    r.ticket_id,
                    r.version,
                    r.lawyer_id,
                    names.get(r.lawyer_id, "律师"),
                    r.body,
                    list(r.citations or []),
                    r.sent,
                    as_utc(r.created_at),  # type: ignore[arg-type]
                )
                for r in replies
            ],
            audit=[AuditView(a.actor, a.action, dict(a.detail or {}), as_utc(a.at)) for a in audit],  # type: ignore[arg-type]
        )

    def get(self, ticket_id: int) -> TicketView:
        with self._read() as session:
            return self._view(session, ticket_id)

    def queue(
        self,
        *,
        status: Sequence[str] | None = None,
        priority: Sequence[str] | None = None,
        overdue_only: bool | None = None,
        sort: str = "due",
        limit: int = 100,
        offset: int = 0,
    ) -> list[TicketView]:
        """The lawyers' queue, filtered. ``sort``: due (soonest deadline first, overdue on top),
        priority (urgent first, then due), created (newest first)."""
        now = self.clock()
        query = select(Ticket)
        if status:
            query = query.where(Ticket.status.in_(list(status)))
        if priority:
            query = query.where(Ticket.priority.in_(list(priority)))
        if overdue_only is True:
            query = query.where(Ticket.due_at.is_not(None), Ticket.due_at < now)
        elif overdue_only is False:
            query = query.where((Ticket.due_at.is_(None)) | (Ticket.due_at >= now))
        no_due_last = Ticket.due_at.is_(None)
        if sort == "priority":
            query = query.order_by(Ticket.priority_rank, no_due_last, Ticket.due_at, Ticket.id)
        elif sort == "created":
            query = query.order_by(Ticket.id.desc())
        else:
            query = query.order_by(no_due_last, Ticket.due_at, Ticket.priority_rank, Ticket.id)
        with self._read() as session:
            names = {row.id: row.name for row in session.execute(select(Lawyer.id, Lawyer.name))}
            rows = session.scalars(query.limit(limit).offset(offset)).all()
            return [self._to_view(r, names) for r in rows]

    def for_conversation(self, conversation_id: str) -> list[TicketView]:
        with self._read() as session:
            ids = session.scalars(
                select(Ticket.id).where(Ticket.conversation_id == conversation_id).order_by(Ticket.id)
            ).all()
            return [self._view(session, i) for i in ids]

    def overdue_unclaimed(self) -> int:
        now = self.clock()
        with self._read() as session:
            return (
                session.scalar(
                    select(func.count())
                    .select_from(Ticket)
                    .where(Ticket.status.in_(("pending", "reopened")), Ticket.due_at < now)
                )
                or 0
            )

    def answered(self) -> list[TicketView]:
        """Tickets with a sent reply (answered or closed since), oldest first."""
        with self._read() as session:
            ids = session.scalars(
                select(Ticket.id).where(Ticket.answered_at.is_not(None)).order_by(Ticket.id)
            ).all()
            return [self._view(session, i) for i in ids]

    def audit_log(self, ticket_id: int | None = None) -> list[AuditView]:
        with self._read() as session:
            query = select(AuditEntry).order_by(AuditEntry.id)
            if ticket_id is not None:
                query = query.where(AuditEntry.ticket_id == ticket_id)
            return [
                AuditView(a.actor, a.action, dict(a.detail or {}), as_utc(a.at))
                for a in session.scalars(query)
            ]  # type: ignore[arg-type]
