"""When to suggest handing a question to a union lawyer. A small hook for now: an explicit request,
or an answer we could not ground. The full escalation policy (risk words, queue) builds on this."""

from __future__ import annotations

import re

from assistant.answer.models import Confidence, Escalation

# "律师" alone is too broad (律师费谁出 is a legal question); ask for a person, a lawyer, or a transfer.
_EXPLICIT = re.compile(
    r"转人工|人工客服|人工服务|找人工|要人工|真人|"
    r"(?:找|请|要|联系|咨询|问问?|转|转给|安排|推荐)(?:一下|一个|个|位)?(?:工会的?)?律师|律师(?:帮|介入|咨询|援助)"
)

EXPLICIT_REASON = "你要求由人工或律师处理"
LOW_CONFIDENCE_REASON = "没有找到能够核实的法条依据，需要律师判断"


def explicit_request(question: str) -> bool:
    return bool(_EXPLICIT.search(question))


def suggest_escalation(question: str, confidence: Confidence) -> Escalation:
    reasons: list[str] = []
    if explicit_request(question):
        reasons.append(EXPLICIT_REASON)
    if confidence.level == "low":
        reasons.append(LOW_CONFIDENCE_REASON if not confidence.reasons else confidence.reasons[0])
    return Escalation(suggested=bool(reasons), reasons=reasons)
