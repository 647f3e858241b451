"""Tickets for union lawyers: a durable queue (SQLAlchemy; SQLite WAL or PostgreSQL) with deadlines,
versioned replies and an audit log, lawyer credentials, and the desk that connects it to the chat."""

from .desk import EscalationDesk, Handoff, InvalidCitations
from .store import (
    IdempotencyConflict,
    InvalidTransition,
    LawyerExists,
    LawyerView,
    NotClaimant,
    ReplyView,
    TicketError,
    TicketNotFound,
    TicketStore,
    TicketView,
)

__all__ = [
    "EscalationDesk",
    "Handoff",
    "IdempotencyConflict",
    "InvalidCitations",
    "InvalidTransition",
    "LawyerExists",
    "LawyerView",
    "NotClaimant",
    "ReplyView",
    "TicketError",
    "TicketNotFound",
    "TicketStore",
    "TicketView",
]
