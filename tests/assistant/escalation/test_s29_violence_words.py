"""Session 29 (a helper's forum-style probe: 井下塌方把腿砸了 raised danger_violence and the answer opened with 报警):
把…砸了 in the escalation rules is a threat to smash property, never a body part an accident crushed."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.escalation.policy import EscalationPolicy, PolicyInput
from assistant.escalation.rules import load_rules

TODAY = date(2026, 12, 5)


@pytest.fixture(scope="module")
def policy() -> EscalationPolicy:
    return EscalationPolicy(load_rules(with_model=True))


@pytest.mark.parametrize(
    "message", ["前些年井下塌方把腿砸了，评了五级，退休后伤残津贴怎么算", "工地上钢管掉下来把脚砸了，骨折了"]
)
def test_a_body_part_crushed_by_an_accident_is_no_violence(policy: EscalationPolicy, message: str) -> None:
    decision = policy.decide(PolicyInput(message, (), today=TODAY))
    assert "danger_violence" not in decision.codes


@pytest.mark.parametrize("message", ["再不给工钱我就把他的车砸了", "老板把我的手机砸了还推了我"])
def test_smashing_property_still_raises_violence(policy: EscalationPolicy, message: str) -> None:
    decision = policy.decide(PolicyInput(message, (), today=TODAY))
    assert "danger_violence" in decision.codes
