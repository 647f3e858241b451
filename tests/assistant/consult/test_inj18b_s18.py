"""Work-injury benefits answered as asked (session 18, inj18b), both ways, in our own wording:

- an amount asked for an injury with no grade yet: the opening says what is owed now (medical costs, the full
  wage through 停工留薪期, 工伤保险条例 30, 33) and what each grade pays in months of the worker's own wage
  (35(1)(1), 36(1)(1), 37(1)), promising no grade — not "先认定工伤" nor the injured worker's first steps;
  with no insurance every item is the employer's (62(2)); a commute, a death or a grade told keep their answers;
- a worker with a grade of 7–10 who wants to quit: may resign, and on leaving gets the two lump sums of 37(2)
  (provincial amounts), which are not 经济补偿 — not the severance cap, "要看你为什么走" or "不能随便辞退你";
  a worker pushed to resign, or one not graded, keeps the other answers."""

from __future__ import annotations

import pytest

from assistant.answer import AnswerService

from .planning import first_of


@pytest.mark.parametrize(
    "question",
    [
        "在车间搬钢板砸断了脚趾，还没做鉴定，能赔多少钱",
        "我哥在厂里被机器夹伤了手，现在还在住院，公司应该给多少赔偿",
        "工伤认定下来了但还没评级，这段时间能拿到什么钱",
    ],
)
def test_amount_before_grade_opens_with_what_is_owed_now(service: AnswerService, question: str) -> None:
    first = first_of(service, question)
    assert "停工留薪期" in first and "照发" in first
    assert "医疗费" in first
    assert "10级7个月" in first and "1级27个月" in first  # each grade in months of the wage
    assert "保证" in first  # no grade promised
    assert not first.startswith("先认定工伤")


def test_amount_before_grade_uses_the_wage_told(service: AnswerService) -> None:
    first = first_of(service, "手腕骨折了还在治疗，没鉴定，月工资4000，公司该赔我多少")
    assert "28000" in first and "108000" in first  # 7 and 27 months of 4000


def test_amount_before_grade_without_insurance_puts_it_on_the_employer(service: AnswerService) -> None:
    first = first_of(service, "干活时手被压伤，老板没给交工伤保险，现在还在治，能赔多少")
    assert "全部由单位" in first and "1年内" in first


@pytest.mark.parametrize(
    "question",
    [
        "下班路上骑电动车被汽车撞了，腿骨折，工伤能赔多少",  # a commute: the accident's responsibility first
        "工伤评了十级，月工资5000，能赔多少",  # a grade told: the tariff with the figure
    ],
)
def test_look_alikes_keep_their_answers(service: AnswerService, question: str) -> None:
    first = first_of(service, question)
    assert "现在能拿的是前一块" not in first and "还没评伤残等级，现在就该拿" not in first


@pytest.mark.parametrize(
    "question",
    [
        "我评了八级伤残，想辞职，公司要给我经济补偿吗",
        "工伤鉴定九级，我不想在这干了，辞职有补偿吗",
        "八级工伤如果我辞职，赔偿金有没有封顶",
    ],
)
def test_graded_worker_resigning_gets_the_two_lump_sums(service: AnswerService, question: str) -> None:
    first = first_of(service, question)
    assert "一次性工伤医疗补助金" in first and "一次性伤残就业补助金" in first
    assert "不是经济补偿" in first
    assert "不能随便辞退" not in first and "3倍" not in first[:80]


def test_graded_worker_pushed_to_resign_is_not_read_as_resigning(service: AnswerService) -> None:
    first = first_of(service, "工伤八级，老板让我自己写辞职信走人，能拿多少")
    assert "不是经济补偿" not in first


def test_ungraded_worker_resigning_keeps_its_answer(service: AnswerService) -> None:
    first = first_of(service, "工伤还没做鉴定，我想辞职，会不会影响赔偿")
    assert "先做完劳动能力鉴定" in first


def test_grade_with_months_off_names_the_wage_owed_for_them(service: AnswerService) -> None:
    first = first_of(service, "工伤评了九级，前后休息了5个月，能赔多少")
    assert "9个月的本人工资" in first and "5个月是停工留薪期" in first


def test_two_benefits_compared_with_their_payers_open_with_the_difference(service: AnswerService) -> None:
    first = first_of(service, "伤残津贴跟一次性伤残补助金有啥区别？哪个是基金出、哪个是单位出？")
    assert first.startswith("不是一回事") and "按月" in first and "单位" in first


def test_a_payer_asked_alone_keeps_the_payer_answer(service: AnswerService) -> None:
    first = first_of(service, "一次性伤残补助金是工伤保险基金出还是单位出？")
    assert not first.startswith("不是一回事")
