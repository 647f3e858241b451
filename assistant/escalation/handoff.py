"""Where a message asks for a person (转人工, 我要找律师, 打电话给我): the spans the `request` rules of
corpus/escalation.toml match, with their cancellations (不想找律师, 律师费多少, 请不起律师 are not
requests). A request for a person hands the conversation over; it says nothing about what the legal
question is, so topic detection and retrieval read the message without it."""

from __future__ import annotations

import re

from .policy import MASK, _cancelled, mask_neutral
from .rules import EscalationRules, default_rules


def handoff_spans(text: str, rules: EscalationRules | None = None) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) spans of the hand-off requests in `text`, in order. The text is
    matched as given: pass it NFKC-normalised, as the policy reads it."""
    rules = rules or default_rules()
    masked = mask_neutral(text, rules)
    spans: list[tuple[int, int]] = []
    for rule in rules.rules:
        if rule.kind != "request":
            continue
        for pattern in rule.patterns:
            for match in pattern.finditer(masked):
                if match.end() > match.start() and MASK not in match.group(0):
                    if not _cancelled(rule, masked, match):
                        spans.append(match.span())
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def without_handoff(text: str, rules: EscalationRules | None = None) -> str:
    """The message with its hand-off requests cut out (a space keeps the words on either side apart)."""
    spans = handoff_spans(text, rules)
    if not spans:
        return text
    parts: list[str] = []
    last = 0
    for start, end in spans:
        parts.append(text[last:start])
        last = end
    parts.append(text[last:])
    return re.sub(r"\s+", " ", " ".join(parts)).strip()
