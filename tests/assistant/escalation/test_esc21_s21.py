"""Session 21 (issue 14): two classes the real learn half's new labels named, checked on wording written for
these tests. A closure — the employer bankrupt, dissolved or shut, every worker's contract ended with it — while
the worker claims pay or compensation opens an ordinary lawyer ticket (the union's brief: a whole workforce
dismissed together); a blow that injured, told with the harm in its verb (打伤) or with an implement a person
swings, shows the safety block like any beating."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.escalation import load_rules
from assistant.escalation.policy import EscalationDecision, decide

TODAY = date(2026, 12, 5)
RULES = load_rules(with_model=False)


def _decision(*messages: str) -> EscalationDecision:
    *history, question = messages
    return decide(question, history, today=TODAY, rules=RULES)


@pytest.mark.parametrize(
    "message",
    [
        "厂子破产了，法院派了清算组，欠我们的三个月工资和补偿找谁要",
        "公司解散了，所有人的合同都终止，经济补偿一分没提，我干了六年能拿多少",
        "我们单位被吊销执照关门了，最后两个月的工资还没发",
    ],
)
def test_a_closure_with_pay_or_compensation_claimed_opens_a_lawyer_ticket(message: str) -> None:
    decision = _decision(message)
    assert decision.escalate
    assert "employer_closure" in decision.codes
    assert not decision.danger_to_life


@pytest.mark.parametrize(
    "message",
    [
        # Nothing claimed: a closure with a transfer question is the assistant's to answer.
        "公司倒闭了，我的社保关系怎么转到新单位",
        # Settled: the money came.
        "公司去年破产清算，工资和经济补偿都已经全部到账了，我想问失业金怎么领",
        # Supposed, not told.
        "如果公司以后倒闭了，员工能拿到补偿吗",
        # A move is no closure: the contract can go on (第四十条第三项 decides it).
        "公司要搬到外省去了，我不想去，有补偿吗",
    ],
)
def test_a_closure_with_nothing_claimed_settled_or_supposed_opens_no_closure_ticket(message: str) -> None:
    assert "employer_closure" not in _decision(message).codes


@pytest.mark.parametrize(
    "message",
    [
        "被钢管打伤了头，缝了六针，还能找公司赔吗",
        "工头用木棍打伤了我的胳膊，现在肿得抬不起来",
        "去要工钱，老板儿子把我打伤了，在医院躺着",
        "车间主任踢伤了我的腰，拍了片子",
    ],
)
def test_a_blow_that_injured_the_worker_shows_the_safety_block(message: str) -> None:
    decision = _decision(message)
    assert decision.danger_to_life
    assert "danger_violence" in decision.codes


@pytest.mark.parametrize(
    "message",
    [
        # A falling bar or brick is an accident, not a blow.
        "干活的时候被上面掉下来的钢管砸伤了头，缝了五针",
        "被砖头砸伤了脚，算工伤吗",
    ],
)
def test_an_accident_with_a_falling_object_is_no_beating(message: str) -> None:
    assert "danger_violence" not in _decision(message).codes


def test_a_chain_of_three_firms_where_nobody_pays_opens_the_chain_ticket() -> None:
    decision = _decision("人力公司把我派到外包公司，外包公司又派我去厂里干活，三个月工资没人发")
    assert "employer_chain" in decision.codes
