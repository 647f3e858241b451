"""A death told as off work is not answered as a work death (session 22, the lead, issue 13), in our own wording.

The words that deny the work (非因工死亡, 不是因工) hold the work's own words (因工): read inside a denial they are no
work setting. The answers that presume a work death (who is liable: the 工亡 items; how much: the grades or the 工亡
items; the employer's 工伤认定 duty; an unlicensed employer's one-off compensation) do not speak for such a death:
the family's grants from pension insurance do (社会保险法第十七条)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.answer import AnswerService
from assistant.consult.facts import extract_facts

TODAY = date(2026, 12, 5)


def _conclusion(service: AnswerService, question: str) -> str:
    text = service.ask(question).text
    return text.split("**结论**", 1)[1].strip().split("\n\n", 1)[0]


def test_a_denied_work_death_is_no_work_setting() -> None:
    facts = extract_facts(["我舅舅非因工死亡，单位给的协议能签吗"], TODAY)
    assert facts.get("not_at_work") is True
    assert facts.get("work_setting") is None


def test_a_work_death_keeps_its_work_setting() -> None:
    facts = extract_facts(["我舅舅因工死亡，单位给的协议能签吗"], TODAY)
    assert facts.get("work_setting") is True


@pytest.mark.parametrize(
    "question",
    [
        "我哥非因工去世了，公司要负什么责任",
        "我爸周末在家里病故了，单位能赔多少钱",
        "员工放假在家病故，我们公司要赔多少钱",
    ],
)
def test_a_death_off_work_opens_with_the_survivors_grants(service: AnswerService, question: str) -> None:
    conclusion = _conclusion(service, question)
    assert "第十七条" in conclusion and "社会保险法" in conclusion
    assert "一次性工亡补助金" not in conclusion and "单位要担责" not in conclusion
    assert "一次性伤残补助金" not in conclusion and "申请工伤认定" not in conclusion.split("。")[0]


def test_a_death_off_work_claims_no_work_death_items(service: AnswerService) -> None:
    text = service.ask("我爸周末在家里病故了，单位能赔多少钱").text
    claims = text.split("**你可以主张**", 1)[1].split("\n\n**", 1)[0] if "**你可以主张**" in text else ""
    assert "一次性工亡补助金" not in claims and "一次性伤残补助金" not in claims
    assert "非法用工单位伤亡人员一次性赔偿办法" not in text


def test_a_death_at_work_keeps_the_work_death_answer(service: AnswerService) -> None:
    conclusion = _conclusion(service, "我爸在工地干活从架子上摔下来死了，单位要负什么责任")
    assert "一次性工亡补助金" in conclusion


# --- after the blind reading of the check half (session 22, the lead) ----------------------------------------


def test_two_fixed_terms_asked_how_much_get_the_figure_with_the_open_ended_right(
    service: AnswerService,
) -> None:
    question = "我在厂里干了六年，三年一签，签了两次，这次合同到期厂里说不续了，我能拿多少补偿？"
    conclusion = _conclusion(service, question)
    assert "6个月工资" in conclusion
    assert "无固定期限" in conclusion and "两倍赔偿金" in conclusion


def test_a_how_asked_beside_the_opening_gets_no_other_topics_procedure(service: AnswerService) -> None:
    question = "我工伤评了三级，一直没领过护理费，现在生活要人照顾，想申请护理费。怎么申请？能申请吗？"
    conclusion = _conclusion(service, question)
    assert "劳动能力鉴定委员会" in conclusion
    assert "仲裁申请书" not in conclusion and "劳动争议仲裁委员会申请" not in conclusion


# --- an agreement already signed, answered as not yet signed (after the blind reading) ------------------------


@pytest.mark.parametrize(
    "question",
    [
        "公司和我协商解除合同，我已经签字了，给了我一个月工资，我干了两年多，给少了吗",
        "离职那天签了份协议，写着一次性了结，公司给了三千，我干了五年，还能去仲裁吗",
        "老板让我签了自愿离职的单子，给了两千块，我在厂里干了四年，这就算完了吗",
        "我签了解除协议，公司给了一个月工资，我干了三年，按法律应该给多少",
    ],
)
def test_a_signed_agreement_is_answered_as_signed(service: AnswerService, question: str) -> None:
    conclusion = _conclusion(service, question)
    assert "先别急着签" not in conclusion and "先别写辞职信" not in conclusion
    assert "谈好的写进书面协议" not in conclusion
    assert "撤销" in conclusion and "1年内" in conclusion


def test_an_agreed_ending_with_the_signature_told_bare_is_signed() -> None:
    assert extract_facts(["单位跟我协商解除合同，已经签字了"], TODAY).get("agreement_signed") is True
    assert extract_facts(["公司要跟我协商解除，要是我签了字会怎么样"], TODAY).get("agreement_signed") is None
