"""Session 16 (issue 14, esc16b): escalation decided by the case's facts, not its wording — a severance counted on
the whole month's pay (basic pay with the bonuses and allowances told: 劳动合同法第四十七条, 实施条例第二十七条), two
go-between firms named apart as a chain of three (劳动合同法第五十八、九十二条), and who is liable asked outright.
Each class fires where it should and stays quiet on its look-alikes. The sentences are the team's own."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.escalation import EscalationDecision, PolicyInput, default_rules
from assistant.escalation.policy import EscalationPolicy

TODAY = date(2026, 12, 5)
_POLICY = EscalationPolicy(default_rules())


def _decision(text: str, history: tuple[str, ...] = ()) -> EscalationDecision:
    return _POLICY.decide(PolicyInput(text, history, today=TODAY))


# --- a severance whose base is the whole month's pay ----------------------------------------------------------

WHOLE_MONTH = [
    "在公司做了两年半，底薪一万二，加福利总报酬每月两万左右，现在公司裁员了，补偿能拿多少",
    "我干了四年多被辞退了，基本工资9000，综合工资每月一万五，经济补偿怎么算",
]


@pytest.mark.parametrize("text", WHOLE_MONTH)
def test_severance_on_the_whole_month_past_the_limit_opens_a_ticket_named_as_an_estimate(text: str) -> None:
    decision = _decision(text)
    assert "amount_high" in decision.codes, decision.codes
    reason = next(r.text for r in decision.reasons if r.code == "amount_high")
    assert "估算" in reason


BASIC_ONLY = [
    # The basic pay alone told: N = 3 × 12000 = 36,000, under the limit.
    "在公司做了两年半，底薪一万二，现在公司裁员了，补偿能拿多少",
    # The whole month told, but the sum stays under the limit (6 × 8000 = 48,000).
    "在公司干了六年，底薪5000加提成平均每月三千，公司把我辞退了，补偿金能拿多少",
    # A whole month told with no ending and no compensation asked: no claim.
    "底薪一万二，加福利总报酬每月两万左右，干了两年半，年终奖什么时候发",
]


@pytest.mark.parametrize("text", BASIC_ONLY)
def test_no_severance_ticket_under_the_limit_or_without_a_claim(text: str) -> None:
    assert "amount_high" not in _decision(text).codes


# --- two go-between firms named apart, or who is liable asked beside three parties ----------------------------

CHAINS = [
    "我是劳务派遣公司招的，在仓库干的是外包的活，搬货被砸伤了腰，能要赔偿吗",
    "我跟人力公司签的合同，干的是外包项目，三个月工资没发",
    "我是人力公司派到酒店的，酒店又让我去它外包出去的餐厅帮忙，摔伤了是谁的责任",
]


@pytest.mark.parametrize("text", CHAINS)
def test_a_chain_of_go_between_firms_in_dispute_opens_the_chain_ticket(text: str) -> None:
    decision = _decision(text)
    assert "employer_chain" in decision.codes, decision.codes


NOT_CHAINS = [
    # One firm described twice, nothing in dispute.
    "同一条流水线上，我是外包派遣过来的，旁边在编的拿的比我多一千多，合理吗",
    # Two kinds compared as a rule question.
    "派遣和外包有什么区别，被辞退了赔偿一样吗",
    # Which one pays by law: the assistant answers from the statute (劳动合同法第六十二条).
    "派遣工的加班费是派遣公司给还是用工单位给",
    # Two parties, nobody denying the worker: the team's policy answers it (工伤 applied by the dispatching firm).
    "派遣到厂里干活受了伤，找厂里还是找派遣公司",
    # Go-between firms named, nothing in dispute.
    "中介给我介绍了一家外包公司，面试要注意什么",
]


@pytest.mark.parametrize("text", NOT_CHAINS)
def test_look_alikes_of_a_chain_stay_quiet(text: str) -> None:
    assert "employer_chain" not in _decision(text).codes
