"""Social-insurance and death-benefit questions answered as asked (session 17, insurance17), both ways, in our
own wording:

- unpaid social insurance taken to arbitration or court for the back-payment itself: the collection agency or
  labour inspection orders it (社会保险法 63, 86); what arbitration hears is the loss (解释（一） 1(5)) and N after
  resigning (劳动合同法 38(1)(3), 46(1)) — while a plain "where do I complain" and a resignation asked keep theirs;
- a commercial policy and work injury asked as either-or, or offset: not either-or, the statutory benefits stand
  (社会保险法 33, 工伤保险条例 17(2), 62(2)) — while "does the policy replace 工伤" keeps its answer;
- survivors after a death at work: who draws the dependants' pension and on what terms (工伤保险条例 39(1)(2)) —
  while an amount asked keeps the tariff."""

from __future__ import annotations

import pytest

from assistant.answer import AnswerService

from .planning import first_of


@pytest.mark.parametrize(
    "question",
    [
        "厂里五年没交养老保险，申请劳动仲裁要求补缴，仲裁委会受理吗",
        "公司不给上社保，我能去法院起诉让公司把社保补上吗",
        "没买社保这事能不能打官司让老板补交",
    ],
)
def test_back_payment_asked_of_arbitration_opens_with_the_agency(
    service: AnswerService, question: str
) -> None:
    first = first_of(service, question)
    assert first.startswith("一般不能靠仲裁让单位补缴社保")
    assert "第六十三条" in first and "赔偿损失" in first


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("公司没交社保，补缴去哪里投诉", "先去投诉"),
        ("单位没给我交社保，我辞职能要经济补偿吗", "经济补偿"),
    ],
)
def test_back_payment_without_a_tribunal_keeps_its_answer(
    service: AnswerService, question: str, words: str
) -> None:
    first = first_of(service, question)
    assert "不能靠仲裁" not in first and words in first


@pytest.mark.parametrize(
    "question",
    [
        "干活时手被砸伤，单位买的团体意外险赔了一万，老板说这钱要抵工伤的钱，能抵吗",
        "厂里有商业保险，受伤后到底走保险还是走工伤，只能选一个吗",
        "保险公司已经赔了我钱，工伤待遇还能再拿一份吗，会不会重复",
    ],
)
def test_policy_and_work_injury_asked_either_or_opens_not_either_or(
    service: AnswerService, question: str
) -> None:
    first = first_of(service, question)
    assert first.startswith("不是二选一")
    assert "第六十二条" in first


def test_policy_replacing_work_injury_keeps_its_answer(service: AnswerService) -> None:
    first = first_of(service, "老板给我们买了雇主责任险，出了事还能认定工伤吗")
    assert "不是二选一" not in first and "工伤照样能认定" in first


@pytest.mark.parametrize(
    "question",
    [
        "我丈夫在矿上出事故死了，我婆婆七十岁了，她能领供养亲属抚恤金吗",
        "工亡职工的抚恤金哪些亲属可以领？",
    ],
)
def test_who_draws_the_dependants_pension(service: AnswerService, question: str) -> None:
    first = first_of(service, question)
    assert "主要生活来源" in first and "没有劳动能力" in first
    assert "未满18周岁" in first and "第三十九条" in first


def test_an_amount_after_a_death_keeps_the_tariff(service: AnswerService) -> None:
    first = first_of(service, "我哥在工地上被钢管砸死了，家里能赔多少钱")
    assert "20倍" in first and "主要生活来源" not in first


def test_a_death_not_from_work_is_not_the_dependants_pension(service: AnswerService) -> None:
    first = first_of(service, "我爸是在家里病故的，不是因工死亡，家属能领抚恤金吗")
    assert "能领供养亲属抚恤金的" not in first


@pytest.mark.parametrize(
    "question",
    [
        "请了两天事假，公司扣了我一个星期的工资",
        "我缺勤了一天半，厂里这个月扣了我四天的钱，对吗",
    ],
)
def test_days_not_worked_only_those_days_may_go_unpaid(service: AnswerService, question: str) -> None:
    first = first_of(service, question)
    assert first.startswith("不能多扣，只能扣没上班的那几天")
    assert "第五十条" in first


def test_a_paid_leave_deducted_keeps_the_leave_answer(service: AnswerService) -> None:
    first = first_of(service, "休年假被公司按事假扣了工资")
    assert "年休假" in first and not first.startswith("不能多扣，只能扣没上班的那几天")
