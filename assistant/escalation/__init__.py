"""Escalation to union lawyers: the policy that decides (code, never the language model), its reasons
and the messages the worker reads. The rules and thresholds live in ``corpus/escalation.toml``, the
safety screen's lexicons and structures in ``corpus/safety_screen.toml``, its recall booster's
weights in ``corpus/safety_screen_model.json``.

``suggest_escalation`` is the answer layer's hook: it runs the policy on a question (and the earlier
questions of its conversation) with the answer's confidence.

Reason codes (stable: stored on tickets, counted by the benchmark, used by the answer composer):

- the safety screen (priority urgent; the reply opens with the safety block, ``safety_prefix``):
  ``danger_self_harm``, ``danger_violence`` (violence or threats, against the worker or by the
  worker, being kept locked in), ``danger_medical`` (hurt or ill with care withheld, trapped,
  poisoned air), ``death_or_serious_injury`` (category ``death``, ``serious_injury`` or, for a finger,
  a toe or the nose crushed or cut with nothing graver told, ``injury``: urgent all the same, worded as
  an injury rather than 重伤),
  ``child_labour``, and ``danger_possible`` (the recall booster's score alone, no rule fired; its
  category is the kind its words tell — ``possible_self_harm``, ``possible_violence``,
  ``possible_medical``, ``possible_injury`` — or ``possible``, the neutral block);
- high: ``occupational_disease``, ``collective_dispute``, ``criminal_angle``, ``time_limit_near``,
  ``time_limit_passed``, ``injury_settlement_pressure`` (an injured worker pressed by the employer's side
  to settle privately or kept from 工伤认定), ``injury_review`` (an injury the severity line of
  ``corpus/injury_severity.toml`` grades as an ordinary ticket: a likely grade 5–8, or an aggravating
  context; a minor one with no context opens none and is kept on the decision as set aside ``minor``),
  ``death_benefits`` (session 15: a death's benefits asked as a rule question — 工伤死亡赔偿标准, 丧葬补助金 —;
  dropped where the screen's death finding is open), ``disability_grade`` (session 15: a grade 7–8 told);
- normal: ``explicit_request``, ``amount_high``, ``employer_chain`` (new: a chain of employers —
  派遣 → 外包 → 工厂, 层层转包 — with the employer in question), ``employer_closure`` (session 21: the
  employer bankrupt, dissolved or shut while the worker claims pay or compensation), ``low_confidence``,
  ``no_verified_citation``, ``negative_feedback``.

A finding's tense is read too (``tense.py``, ``[tense]`` of ``corpus/escalation.toml``): one
settled long ago, only supposed or someone else's story opens no ticket and is kept on the decision
as ``set_aside``; self-harm, threats and a child at work now are never set aside.

``Reason.kind`` is ``danger`` (life at risk now) or ``safety`` (death, serious injury, child) for
the screen, else ``risk``, ``request``, ``time``, ``quality``, ``feedback``; ``Reason.category``
picks the safety message's lines."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from .messages import safety_message
from .policy import EscalationDecision, EscalationPolicy, PolicyInput, Reason, decide
from .rules import EscalationRules, RulesError, default_rules, load_rules

if TYPE_CHECKING:  # the answer layer imports this package: import its models lazily
    from assistant.answer.models import Confidence, Escalation

EXPLICIT_REASON = "您要求由工会律师（真人）处理"
LOW_CONFIDENCE_REASON = "检索到的法律依据不够可靠，需要律师判断"

__all__ = [
    "EXPLICIT_REASON",
    "LOW_CONFIDENCE_REASON",
    "EscalationDecision",
    "EscalationPolicy",
    "EscalationRules",
    "PolicyInput",
    "Reason",
    "RulesError",
    "decide",
    "default_rules",
    "explicit_request",
    "load_rules",
    "safety_message",
    "safety_prefix",
    "suggest_escalation",
    "deadlines_of",
    "to_escalation",
]


def explicit_request(question: str) -> bool:
    """Does the worker ask for a person (转人工, 找个律师, 打电话给我 …)?"""
    return "explicit_request" in decide(question).codes


def to_escalation(decision: EscalationDecision) -> Escalation:
    """The answer's escalation field from a policy decision."""
    from assistant.answer.models import Escalation

    return Escalation(suggested=decision.escalate, reasons=[r.text for r in decision.reasons])


def suggest_escalation(
    question: str,
    confidence: Confidence,
    history: Sequence[str] = (),
    *,
    verified_citations: int | None = None,
    negative_feedback: int = 0,
    today: date | None = None,
    recognized: bool = True,
    deadlines: Sequence[tuple[str, int]] = (),
) -> Escalation:
    """Run the policy for an answer: the question, earlier questions and the answer's confidence
    (and the time limits the worker tools computed from the worker's dates)."""
    decision = decide(
        question,
        history,
        confidence_level=confidence.level,
        confidence_score=confidence.score,
        verified_citations=verified_citations,
        negative_feedback=negative_feedback,
        today=today,
        recognized=recognized,
        deadlines=deadlines,
    )
    return to_escalation(decision)


_DEADLINE_LABELS = {
    "arbitration_deadline": "仲裁时效",
    "injury_recognition_deadline": "工伤认定申请期限",
    "lawsuit_deadline": "不服仲裁裁决起诉期限",
}


def deadlines_of(computations: Sequence[dict[str, Any]]) -> list[tuple[str, int]]:
    """(limit, days left; 0 or less when passed) from an answer's computations (consultation API
    shape), for the policy: a deadline the tools counted is as real as one the policy reads."""
    out: list[tuple[str, int]] = []
    for c in computations:
        label = _DEADLINE_LABELS.get(str(c.get("tool")))
        quantities = c.get("quantities") or {}
        if label is None:
            continue
        if quantities.get("deadline_passed") is True:
            out.append((label, 0))
        elif isinstance(quantities.get("days_left"), int | float):
            out.append((label, int(quantities["days_left"])))
    return out


def safety_prefix(
    question: str, history: Sequence[str] = (), decision: EscalationDecision | None = None
) -> str:
    """The safety block (110/120, 12356, the category's own lines, 12351) that opens the reply when
    *this* message trips the safety screen — danger to life, violence or threats, a death, a serious
    injury, a child at work — followed by a blank line; "" otherwise. Shown before anything else,
    also first in a stream."""
    # ``decision``: the text-only decision already made for this conversation (the answer layer's).
    decision = decision if decision is not None else decide(question, history)
    current = len([h for h in history if h and h.strip()])
    if decision.safety_message and any(r.safety and r.turn == current for r in decision.reasons):
        return decision.safety_message + "\n\n"
    return ""
