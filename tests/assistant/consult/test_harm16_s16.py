"""Answers that could cost a worker a right (session 16, issue 13), each both ways, in our own wording:

- stock banners out of place: the death block opens only where a person's death is told in the asker's own
  case (the safety screen reads it), never for a benefit named (工伤死亡赔偿标准), an idiom (死了心) or despair;
  the violence block never for a threat aimed at the job (调岗, 辞职) rather than the person;
- a death told as past, asked about with money, opens with 先别急着签, the sums (工伤保险条例 39) and the one-year
  application (条例 17), not 110/120 — while a death told now keeps the emergency line, and the ticket stays urgent;
- a figure below the law's floor: the severance base is the basic pay plus the other pay of every month told
  with its sum (劳动合同法实施条例 27), never the basic pay alone;
- the boss vanished (电话都打不出来, told after the boss in the same sentence): the wage answer goes to the labour
  inspectorate, never "let the boss write an IOU first"."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.answer import AnswerService
from assistant.consult.facts import extract_facts
from assistant.escalation.policy import decide
from eval.consult_metrics import opening

TODAY = date(2026, 12, 5)
DEATH_BANNER = "家人在工作中去世"
VIOLENCE_BANNER = "你被打或者被威胁了"


def facts(*messages: str) -> dict[str, object]:
    return dict(extract_facts(list(messages), TODAY).values())


# --- (1) banners only where the event is told ---------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "我对这家厂早就死了心，现在主管要把我调去外地的仓库，不去就按旷工处理，合法吗",
        "上海的工伤死亡赔偿标准一般是多少",
        "一次性工亡补助金是按哪一年的收入算的",
    ],
)
def test_no_death_block_where_no_death_of_a_person_is_told(service: AnswerService, question: str) -> None:
    answer = service.ask(question)
    assert DEATH_BANNER not in answer.text
    assert "今天先别签字。这是工亡" not in answer.text


def test_a_benefit_question_still_gets_the_death_benefits(service: AnswerService) -> None:
    answer = service.ask("上海的工伤死亡赔偿标准一般是多少")
    assert "一次性工亡补助金" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "我哥上个星期在工地被吊下来的钢管砸死了，包工头说给十万私了，我们该怎么办",
        "我爸在车间里触电死亡，老板让我们今天就签协议",
    ],
)
def test_the_death_block_stands_where_a_death_is_told(service: AnswerService, question: str) -> None:
    assert DEATH_BANNER in service.ask(question).text


def test_a_threat_aimed_at_the_job_raises_no_violence_block() -> None:
    assert "threatened" not in facts("人事威胁我说不主动辞职就调我去看大门")
    assert "threatened" not in facts("主管恐吓我们说不签就走人")
    # A threat to the person still is one.
    assert facts("工头威胁说再闹就找人收拾我")["threatened"] is True


def test_a_transfer_threat_answer_opens_without_the_violence_block(service: AnswerService) -> None:
    answer = service.ask("人事威胁我说不主动辞职就调我去看大门，这样合法吗")
    assert VIOLENCE_BANNER not in answer.text


# --- (2) a past death asked about with money ------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "我爱人今年三月在搅拌站出事故走了，厂里给了八万说就这样了，我们到底能要多少",
        "我弟弟去年十月在矿上被砸死，到现在老板只给了丧葬费，工亡赔偿应该有多少",
        "2025年8月我父亲在厂里摔下来去世了，家里还能要什么钱",
    ],
)
def test_a_past_death_asked_with_money_opens_with_the_family_s_rights(question: str) -> None:
    decision = decide(question, today=TODAY)
    block = decision.safety_message or ""
    assert decision.priority == "urgent" and decision.escalate  # the ticket is unchanged
    assert "110" not in block and "120" not in block
    assert "先别急着签" in block and "20倍" in block and "1年内" in block
    # Session 16, lead: a bereaved family is not told "your life's safety comes first".
    assert "生命安全最重要" not in block and "节哀" in block.splitlines()[0]


@pytest.mark.parametrize(
    "question",
    [
        "工友刚从脚手架上掉下来，好像没气了",
        "刚才车间有人被压死了，老板不让我们报警",
        "我哥在工地被钢管砸死了，老板说给20万私了，今天就要签",
        # A past word after the death, not before it: nothing tells this death as past.
        "工友好像没气了，去年这里也出过事",
    ],
)
def test_a_death_told_now_keeps_the_emergency_line(question: str) -> None:
    block = decide(question, today=TODAY).safety_message or ""
    assert "110" in block and "120" in block
    assert block.startswith("【安全提示】")


# --- (3) the severance base is not the basic pay alone -------------------------------------------------------


def test_basic_pay_plus_the_monthly_extras_is_the_base() -> None:
    told = facts("公司要裁掉我，底薪2600，另外每个月还有全勤奖和加班费大概一千二，干了五年")
    assert told["monthly_wage"] == 2600
    assert told["average_monthly_wage"] == 3800
    told = facts("基本工资三千，每月补贴400，提成两千左右，被辞退了")
    assert told["average_monthly_wage"] == 5400


@pytest.mark.parametrize(
    "text",
    [
        "基本工资4000，年终奖2万，干了5年被辞退",  # a yearly bonus is no monthly pay
        "底薪三千，还有提成，被辞退了干了两年",  # no sum told: the base is not made up
        "月薪5000，干了三年被裁员",  # no basic pay told
    ],
)
def test_no_extra_is_added_where_none_is_told_by_the_month(text: str) -> None:
    told = facts(text)
    assert told["average_monthly_wage"] == told["monthly_wage"]


def test_the_severance_headline_counts_the_extras(service: AnswerService) -> None:
    answer = service.ask("公司要辞退我，底薪2500，每个月还有加班费和全勤奖一千，干了4年，经济补偿能拿多少")
    first = opening(answer.text)[1]
    assert "14000" in first and "10000元" not in first


# --- (5) the boss vanished -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "老板欠了我们三个月工资，一直拖，现在连电话都打不出去了",
        "包工头拿了工程款，这几天电话关机，人也不见了",
    ],
)
def test_a_boss_who_cannot_be_reached_is_read_as_gone(text: str) -> None:
    assert facts(text).get("boss_absconded") is True


@pytest.mark.parametrize(
    "text",
    ["老板欠我工资，我找不到工作了", "经理说我手机关机算旷工", "老板欠薪三个月，我找不到证据怎么办"],
)
def test_the_worker_s_own_trouble_is_no_vanished_boss(text: str) -> None:
    assert "boss_absconded" not in facts(text)


def test_a_vanished_boss_is_not_asked_for_an_iou(service: AnswerService) -> None:
    answer = service.ask("老板欠了我们三个月工资，一直拖，现在连电话都打不出去了，怎么办")
    first = opening(answer.text)[1]
    assert "欠条" not in first and "劳动保障监察" in first


# --- (4) a third party caused the injury ------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "骑电动车下班路上被一辆面包车撞断了胳膊，对方保险公司说给一万块了事，这个能签吗",
        "在仓库卸货时被隔壁公司的叉车撞伤了脚，他们老板说给六千私了，要不要签",
    ],
)
def test_an_offer_from_the_side_that_caused_the_injury_is_not_the_whole_sum(
    service: AnswerService, question: str
) -> None:
    first = opening(service.ask(question).text)[1]
    assert first.startswith("先别签") and "两笔" in first and "工伤待遇" in first


def test_an_employer_s_offer_for_a_workplace_fall_keeps_the_work_injury_answer(
    service: AnswerService,
) -> None:
    first = opening(service.ask("在车间从梯子上摔下来把腰摔伤了，老板说给两万私了，要不要签").text)[1]
    assert "别签" in first and "两笔" not in first and "侵权" not in first


# --- (1b) the paper to sign is the labour contract itself ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["干了两年一直没合同，现在老板说这周内要把劳动合同补签了", "人事催我今天把续签的合同签了"],
)
def test_the_labour_contract_to_sign_is_no_pressure_to_give_up_a_right(text: str) -> None:
    assert "pressure_to_sign" not in facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "人事让我今天就签解除劳动合同的协议",
        "公司让我马上签一份降薪的新合同",
        "老板逼我签自愿放弃社保的承诺书",
    ],
)
def test_a_paper_that_waives_or_ends_still_is(text: str) -> None:
    assert facts(text)["pressure_to_sign"] is True
