"""The escalation desk: where the policy, the conversations and the ticket queue meet.

- after an answer, run the policy on the whole conversation and open (or update) a ticket;
- a worker asks for a lawyer (``POST /v1/conversations/{id}/escalate``);
- what the worker sees: the ticket number, the expected response time and, outside service hours or
  when no lawyer can take it in time, the 12351 and legal-aid options;
- a lawyer's reply: citations verified against the article store, then shown in the conversation."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from assistant.config import Settings
from assistant.escalation import EscalationDecision, EscalationPolicy, PolicyInput, Reason, deadlines_of
from assistant.escalation.messages import LEGAL_AID_HOTLINE, UNION_HOTLINE
from assistant.escalation.rules import default_rules, load_rules
from assistant.privacy import redact_data

from .auth import TicketTokenSigner, load_secret
from .deadlines import Deadlines, ServiceHours, local_time
from .status import status_text
from .store import LawyerView, ReplyView, TicketStore, TicketView, request_hash

if TYPE_CHECKING:
    from assistant.answer.verify import CitationResolver

log = logging.getLogger(__name__)

WORKER_REQUEST = Reason("explicit_request", "您要求由工会律师（真人）处理", "normal", "request", "转人工按钮")


class ConversationReader(Protocol):
    def get(self, conversation_id: str) -> dict[str, Any]: ...


def _negative_feedback(conversations: ConversationReader, conversation_id: str) -> int:
    """没用 votes in the conversation, when the conversation store keeps feedback."""
    count = getattr(conversations, "negative_feedback", None)
    return int(count(conversation_id)) if callable(count) else 0


class InvalidCitations(ValueError):
    """A lawyer's reply cites an article that is not in the store or not in force (HTTP 422)."""

    def __init__(self, citations: list[str]) -> None:
        super().__init__("回复中有无法在法规库中核实的引用：" + "、".join(citations) + "。请改正后再发送")
        self.citations = citations


@dataclass(frozen=True)
class Handoff:
    """A ticket as the worker sees it."""

    ticket: TicketView
    token: str
    created: bool
    expected_by: datetime
    in_service_hours: bool
    lawyer_available: bool
    notice: str
    safety_message: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.ticket.id,
            "number": self.ticket.number,
            "status": self.ticket.status,
            "status_text": status_text(self.ticket.status),
            "priority": self.ticket.priority,
            # Whether a lawyer can call back: the page offers the contact form when not.
            "contact_given": bool(self.ticket.contact),
            "token": self.token,
            "created": self.created,
            "expected_by": self.expected_by.isoformat(),
            "in_service_hours": self.in_service_hours,
            "lawyer_available": self.lawyer_available,
            "notice": self.notice,
            "reasons": [{"code": r.get("code"), "text": r.get("text")} for r in self.ticket.reasons],
        }


def worker_notice(
    number: str,
    expected_by: str,
    *,
    lawyers: int,
    backlog: int,
    in_service_hours: bool,
    service_hours_text: str,
) -> str:
    """What the worker reads after the hand-off. It says only what is true now: a time is promised
    only when some lawyer can keep it, the queue is called long only when tickets already wait past
    their deadline, and whenever a lawyer may not reply in time the 12351 and legal-aid options follow."""
    lines = [f"您的问题已转给工会律师，工单号 {number}。"]
    if lawyers == 0:
        lines.append("目前还没有工会律师在线接单，律师开始接单后会尽快处理，答复会直接出现在这个对话里。")
    else:
        lines.append(f"预计在 {expected_by}前回复，律师的答复会直接出现在这个对话里。")
        if backlog:
            lines.append("目前排队等待的工单较多，律师可能无法按时回复。")
    if not in_service_hours:
        lines.append(f"现在是非服务时间（{service_hours_text}），律师上班后会优先处理。")
    if lawyers == 0 or backlog or not in_service_hours:
        lines.append(
            f"着急的话，可以先拨打 {UNION_HOTLINE} 职工服务热线（各地总工会），或拨打 {LEGAL_AID_HOTLINE} 法律援助热线、"
            "到当地法律援助中心或劳动人事争议仲裁院的法律援助工作站申请免费法律帮助。"
        )
    return "\n".join(lines)


def _user_questions(messages: Sequence[dict[str, Any]]) -> list[str]:
    return [m["content"] for m in messages if m.get("role") == "user" and m.get("content")]


def _snapshot(messages: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "id": m.get("id"),
            "role": m.get("role"),
            "content": m.get("content", ""),
            "created_at": m.get("created_at"),
        }
        for m in messages
        if m.get("role") in ("user", "assistant") and m.get("status", "complete") != "pending"
    ]


def _last_answer(messages: Sequence[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    for m in reversed(messages):
        if m.get("role") == "assistant" and m.get("status") == "complete":
            return m.get("content", ""), list(m.get("citations") or [])
    return "", []


class EscalationDesk:
    def __init__(
        self,
        store: TicketStore,
        settings: Settings,
        *,
        conversations: ConversationReader | None = None,
        resolver: CitationResolver | None = None,
        policy: EscalationPolicy | None = None,
        secret: bytes | None = None,
    ) -> None:
        self.store = store
        self.settings = settings
        self.conversations = conversations
        self.resolver = resolver
        rules = load_rules(settings.escalation_rules) if settings.escalation_rules else default_rules()
        self.policy = policy or EscalationPolicy(rules)
        self.signer = TicketTokenSigner(
            secret
            or load_secret(
                settings.secret_key.get_secret_value() if settings.secret_key else None, settings.data_dir
            )
        )
        self.hours = ServiceHours.parse(
            settings.service_hours, settings.service_days, settings.service_timezone
        )

    @classmethod
    def open(
        cls,
        settings: Settings,
        *,
        conversations: ConversationReader | None = None,
        resolver: CitationResolver | None = None,
    ) -> EscalationDesk:
        deadlines = Deadlines.from_settings(settings)
        return cls(
            TicketStore(settings.tickets_db_url, deadlines),
            settings,
            conversations=conversations,
            resolver=resolver,
        )

    def close(self) -> None:
        self.store.close()

    # --- the worker side ---------------------------------------------------------------------

    def handoff(self, ticket: TicketView, created: bool, safety_message: str | None = None) -> Handoff:
        now = self.store.clock()
        expected = self.store.deadlines.expected_reply(
            ticket.status, ticket.claim_deadline, ticket.answer_deadline
        )
        in_hours = self.hours.is_open(now)
        if not in_hours:
            # Out of hours the promise starts when lawyers start: a time before the next opening would
            # contradict the sentence beside it ("律师上班后会优先处理").
            deadlines = self.store.deadlines
            from_opening = self.hours.next_open(now) + timedelta(
                hours=deadlines.claim_hours_for(ticket.priority) + deadlines.answer_hours
            )
            expected = max(expected, from_opening)
        lawyers, backlog = self.store.active_lawyers(), self.store.overdue_unclaimed()
        available = lawyers > 0 and backlog == 0
        if ticket.status in ("answered", "closed"):
            notice = f"工单 {ticket.number} 已由工会律师答复，请查看对话中的律师回复。"
        else:
            notice = worker_notice(
                ticket.number,
                local_time(expected, self.hours.tz),
                lawyers=lawyers,
                backlog=backlog,
                in_service_hours=in_hours,
                service_hours_text=self.hours.describe(),
            )
        return Handoff(
            ticket,
            self.signer.token(ticket.id),
            created,
            expected,
            in_hours,
            available,
            notice,
            safety_message,
        )

    def decide(
        self,
        conversation_id: str,
        answer: dict[str, Any] | None = None,
        negative_feedback: int = 0,
        messages: list[dict[str, Any]] | None = None,
    ) -> EscalationDecision:
        """The policy over the whole conversation; ``answer`` (a chat result) supplies confidence
        and the number of verified statute citations. ``messages``: the conversation if already read."""
        if messages is None:
            messages = self._messages(conversation_id)
        questions = _user_questions(messages)
        if not questions:
            return EscalationDecision(False, None)
        confidence = answer.get("confidence") if answer else None
        score = answer.get("confidence_score") if answer else None
        citations = None
        if answer is not None:
            citations = sum(1 for c in answer.get("citations", []) if c.get("kind") == "article")
        return self.policy.decide(
            PolicyInput(
                questions[-1],
                tuple(questions[:-1]),
                confidence_level=confidence,
                confidence_score=score,
                verified_citations=citations,
                negative_feedback=negative_feedback,
                recognized=bool(answer.get("recognized", True)) if answer else True,
                deadlines=tuple(deadlines_of((answer.get("consultation") or {}).get("computations") or []))
                if answer
                else (),
            )
        )

    def _messages(self, conversation_id: str) -> list[dict[str, Any]]:
        if self.conversations is None:
            raise RuntimeError("the escalation desk was opened without conversations")
        return list(self.conversations.get(conversation_id)["messages"])

    def _private(self, value: Any) -> Any:
        """Ticket texts as stored: personal identifiers redacted unless the operator keeps originals
        (store_raw_personal_data). The worker's explicit contact field is the channel for those."""
        return value if self.settings.store_raw_personal_data else redact_data(value)

    def after_answer(self, result: dict[str, Any]) -> dict[str, Any] | None:
        """Called once an answer is stored: opens or updates the conversation's ticket when the
        policy escalates. Returns the worker's view of the ticket, or None."""
        if not self.settings.auto_ticket:
            return None
        conversation_id = result["conversation_id"]
        messages = self._messages(conversation_id)
        negative = _negative_feedback(self.conversations, conversation_id) if self.conversations else 0
        decision = self.decide(conversation_id, result, negative, messages)
        if not decision.escalate:
            return None
        last_turn = len(_user_questions(messages)) - 1
        previous = self.store.for_conversation(conversation_id)
        if previous and all(t.status in ("answered", "closed") for t in previous):
            # A lawyer has answered: only something new in this message (or this answer) opens another.
            fresh = [r for r in decision.reasons if r.turn == last_turn or r.turn is None]
            if not fresh:
                return None
        ticket, created = self.store.create(
            conversation_id=conversation_id,
            question=self._private(_user_questions(messages)[-1]),
            conversation=self._private(_snapshot(messages)),
            reasons=self._private([r.as_dict() for r in decision.reasons]),
            priority=decision.priority or "normal",
            danger_to_life=decision.danger_to_life,
            draft=self._private(result.get("answer", "")),
            draft_citations=list(result.get("citations", [])),
            source="policy",
        )
        return self.handoff(ticket, created, decision.safety_message).as_dict()

    def escalate(
        self,
        conversation_id: str,
        *,
        idempotency_key: str | None = None,
        contact: dict[str, Any] | None = None,
        note: str = "",
    ) -> Handoff:
        """The worker asks for a lawyer. Raises ConversationNotFound, IdempotencyConflict."""
        messages = self._messages(conversation_id)
        questions = _user_questions(messages)
        decision = (
            self.policy.decide(PolicyInput(questions[-1], tuple(questions[:-1]))) if questions else None
        )
        reasons = [
            WORKER_REQUEST,
            *(r for r in (decision.reasons if decision else ()) if r.code != WORKER_REQUEST.code),
        ]
        priority = decision.priority if decision and decision.priority in ("urgent", "high") else "normal"
        draft, citations = _last_answer(messages)
        question = questions[-1] if questions else note
        fingerprint = request_hash({"conversation": conversation_id, "contact": contact or {}, "note": note})
        ticket, created = self.store.create(
            conversation_id=conversation_id,
            question=self._private(question + (f"\n（补充：{note}）" if note and questions else "")),
            conversation=self._private(_snapshot(messages)),
            reasons=self._private([r.as_dict() for r in reasons]),
            priority=priority,
            danger_to_life=bool(decision and decision.danger_to_life),
            draft=self._private(draft),
            draft_citations=citations,
            source="worker",
            contact=contact,
            idempotency_key=idempotency_key,
            fingerprint=fingerprint,
        )
        return self.handoff(ticket, created, decision.safety_message if decision else None)

    def worker_ticket(self, ticket_id: int, token: str | None) -> dict[str, Any] | None:
        """A worker's own ticket (None when the token does not match: the caller answers 404)."""
        if not self.signer.verify(ticket_id, token):
            return None
        ticket = self.store.get(ticket_id)
        view = self.handoff(ticket, False).as_dict()
        view.pop("token")
        view.pop("created")
        reply = ticket.sent_reply if ticket.status in ("answered", "closed") else None
        view["reply"] = self._reply_message(ticket, reply) if reply else None
        view["conversation_id"] = ticket.conversation_id
        view["created_at"] = ticket.created_at.isoformat()
        return view

    # --- lawyers' replies --------------------------------------------------------------------

    def verify_reply(self, ticket: TicketView, body: str) -> list[dict[str, Any]]:
        """The citations of a lawyer's reply, each checked against the store: any article in force may
        be cited by name, and [n] refers to the AI draft's sources. Raises InvalidCitations."""
        if self.resolver is None:
            return []
        from .verify import verify_lawyer_reply

        return verify_lawyer_reply(body, ticket.draft_citations, self.resolver)

    def send_reply(
        self, ticket_id: int, lawyer: LawyerView, body: str, *, send: bool
    ) -> tuple[TicketView, ReplyView]:
        ticket = self.store.get(ticket_id)
        citations = self.verify_reply(ticket, body) if send else []
        return self.store.save_reply(ticket_id, lawyer, body, citations, send=send)

    @staticmethod
    def _reply_message(ticket: TicketView, reply: ReplyView) -> dict[str, Any]:
        return {
            "id": f"lawyer-{reply.id}",
            "role": "lawyer",
            "content": reply.body,
            "rewritten_question": None,
            "citations": reply.citations,
            "cases": [],
            "mode": "lawyer",
            "fallback_reason": None,
            "confidence": None,
            "escalation": None,
            "status": "complete",
            "created_at": reply.created_at.isoformat(),
            "lawyer": reply.lawyer_name,
            "ticket_id": ticket.id,
        }

    def conversation_extras(self, conversation_id: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The lawyers' sent replies in this conversation (as messages) and its tickets (no tokens)."""
        messages: list[dict[str, Any]] = []
        tickets: list[dict[str, Any]] = []
        for ticket in self.store.for_conversation(conversation_id):
            for reply in ticket.replies:
                if reply.sent:
                    messages.append(self._reply_message(ticket, reply))
            view = self.handoff(ticket, False).as_dict()
            view.pop("token")
            view.pop("created")
            tickets.append(view)
        return messages, tickets
