"""Answered tickets as evaluation items: the worker's question (earlier messages as ``turns``) and the
articles the lawyer cited as gold, in the format of eval/datasets/answers_dev.jsonl. Personal
identifiers are redacted."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from assistant.privacy import redact

from .store import TicketView


def eval_item(ticket: TicketView) -> dict[str, Any] | None:
    reply = ticket.sent_reply
    if reply is None:
        return None
    questions = [m["content"] for m in ticket.conversation if m.get("role") == "user" and m.get("content")]
    question = questions[-1] if questions else ticket.question
    gold: list[dict[str, Any]] = []
    for citation in reply.citations:
        if citation.get("kind", "article") == "case" or citation.get("article") is None:
            continue
        ref: dict[str, Any] = {"law": citation["law"], "article": int(citation["article"])}
        if citation.get("sub"):
            ref["sub"] = int(citation["sub"])
        if ref not in gold:
            gold.append(ref)
    item: dict[str, Any] = {
        "id": f"t{ticket.id:06d}",
        "question": redact(question),
        "gold": gold,
        "key_points": [],
        "should_escalate": True,
        "danger_to_life": ticket.danger_to_life,
        "reference_answer": redact(reply.body),
        "topic": "",
        "escalation_reason": "；".join(str(r.get("text", "")) for r in ticket.reasons),
        "source": "lawyer_ticket",
        "reply_version": reply.version,
    }
    if len(questions) > 1:
        item["turns"] = [redact(q) for q in questions[:-1]]
    return item


def write_eval(tickets: Iterable[TicketView], out: Path) -> tuple[int, int]:
    """Write one JSON line per answered ticket. Returns (items written, of which with gold)."""
    items = [item for item in (eval_item(t) for t in tickets) if item is not None]
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(out.suffix + ".tmp")
    tmp.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
    tmp.replace(out)
    return len(items), sum(1 for i in items if i["gold"])
