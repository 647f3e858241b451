"""Session 30 (the session's dev probe set): two false alarms of the screen, closed by structure.

- A parent telling a child's school year as the household's background (孩子还在上初中，老公在外地打工，家里就靠我这点工
  资) is no child at work — unless the child is told working in the same sentence (儿子才14也被带去工地干活了).
- 走 after a verb of taking away (拿走了, 带走了, 赶走了) moves a thing or a person: no death."""

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
    "message",
    [
        "我在超市做收银五年了，店长让我别来了。我们家孩子还在上初中，老公在外地打工，家里就靠我这点工资，能要多少补偿",
        "女儿读初二，老公常年在外面跑车，我被厂里辞退了，补偿怎么算",
    ],
)
def test_a_childs_school_year_as_household_background_is_no_child_labour(
    policy: EscalationPolicy, message: str
) -> None:
    assert "child_labour" not in policy.decide(PolicyInput(message, (), today=TODAY)).codes


@pytest.mark.parametrize(
    "message",
    [
        "老公在工地打工，儿子才14也被包工头带去工地干活了",
        "我女儿才读初二，被亲戚带去饭店洗碗，一天干十个小时",
    ],
)
def test_a_child_told_working_keeps_the_child_labour_code(policy: EscalationPolicy, message: str) -> None:
    assert "child_labour" in policy.decide(PolicyInput(message, (), today=TODAY)).codes


@pytest.mark.parametrize(
    "message",
    ["我老公受伤以后，公司的人把病历本、片子全拿走了，怎么办", "我爸在工地摔伤了，包工头把他的身份证带走了"],
)
def test_taken_away_is_no_death(policy: EscalationPolicy, message: str) -> None:
    decision = policy.decide(PolicyInput(message, (), today=TODAY))
    assert not any("死亡" in reason.text for reason in decision.reasons)


@pytest.mark.parametrize(
    "message", ["我老公在工地从架子上摔下来，送到医院人就走了", "我爸在厂里出了事故，人已经走了"]
)
def test_a_death_told_as_gone_is_still_read(policy: EscalationPolicy, message: str) -> None:
    assert "death_or_serious_injury" in policy.decide(PolicyInput(message, (), today=TODAY)).codes


@pytest.mark.parametrize(
    "message", ["我老公在家具厂被电锯割了右手，老板叫他回去上班", "我在车间被切割机切了两根手指"]
)
def test_a_machine_cutting_a_hand_is_no_violence(policy: EscalationPolicy, message: str) -> None:
    assert "danger_violence" not in policy.decide(PolicyInput(message, (), today=TODAY)).codes


def test_a_person_threatening_to_cut_is_still_violence(policy: EscalationPolicy) -> None:
    decision = policy.decide(PolicyInput("老板说再去告就找人割了我的舌头", (), today=TODAY))
    assert "danger_violence" in decision.codes
