"""Work-injury recognition and liability answered as asked (session 18, inj18a), both ways, in our own wording:

- a death at work and the employer's liability or the amount asked: who pays the three death items — the fund
  for an insured worker, the employer for one it did not insure (工伤保险条例 39(1), 62(2)) — and the claim
  against a third party besides, not the death checklist's 先别签字 alone;
- an injury at work with the amount or the pay while off asked (no grade yet), a fall of one's own on the way
  to work, a fall while out on the employer's business, a sudden illness survived: the answer opens, not a
  serious injury's first steps (先治伤, 30日内申请);
- how long the 劳动能力鉴定 takes (25(2)), a treatment to be extended (33(2))."""

from __future__ import annotations

import pytest

from assistant.answer import AnswerService
from eval.consult_metrics import opening


def parts(service: AnswerService, question: str) -> tuple[str, str]:
    return opening(service.ask(question).text)


@pytest.mark.parametrize(
    "question",
    [
        "工人在车间被行车吊的钢板砸中当场身亡，厂里要负什么责任？",
        "我哥在工地上从架子上掉下来去世了，这个钱该谁来赔？",
    ],
)
def test_liability_for_a_death_at_work(service: AnswerService, question: str) -> None:
    before, first = parts(service, question)
    assert "先做这几件事" not in before  # the death checklist gives way; the safety block stays
    assert "工伤保险基金" in first and "没参保的" in first and "第六十二条第二款" in first
    assert "一次性工亡补助金" in first


def test_a_death_at_home_is_not_this_point(service: AnswerService) -> None:
    _, first = parts(service, "我爸下班回家以后半夜突发心梗去世了，公司要承担什么责任？")
    assert "没参保的，全部由单位" not in first


def test_the_death_tariff_asked_without_a_death_keeps_its_answer(service: AnswerService) -> None:
    _, first = parts(service, "工亡的赔偿标准是怎么规定的")
    assert "单位要担责" not in first


@pytest.mark.parametrize(
    "question",
    [
        "我在仓库卸货时被货箱砸断了脚趾，能拿到多少赔偿？",
        "车间干活手被冲床轧伤骨折了，我可以得到什么赔偿",
    ],
)
def test_the_amount_before_a_grade_opens_without_the_injury_checklist(
    service: AnswerService, question: str
) -> None:
    before, first = parts(service, question)
    assert "先做这几件事" not in before
    # inj18a's "先认定工伤，再按伤残等级…" or, merged beside it, inj18b's fuller answer (what is owed now, then each
    # grade's months): either way the amount by grade opens, not the checklist.
    assert "伤残等级" in first and ("先认定工伤" in first or "停工留薪期" in first)


def test_the_amount_asked_by_the_employer_keeps_its_answer(service: AnswerService) -> None:
    _, first = parts(service, "我们公司的工人干活时摔伤骨折了，我们要赔他多少钱？")
    assert not first.startswith("先认定工伤，再按") and "30日内" in first


def test_the_pay_while_off_opens(service: AnswerService) -> None:
    before, first = parts(service, "我老公在厂里搬东西摔伤骨折了，在家养伤的几个月工资单位给不给发？")
    assert "先做这几件事" not in before
    assert first.startswith("能") and "停工留薪期" in first


def test_a_fall_of_ones_own_on_the_way_home(service: AnswerService) -> None:
    before, first = parts(service, "下班路上我自己不小心滑倒摔伤了腿，这种情况算不算工伤")
    assert "先做这几件事" not in before
    assert "不能认定" in first and "第十四条第（六）项" in first


def test_a_crash_on_the_way_home_is_not_the_fall_point(service: AnswerService) -> None:
    _, first = parts(service, "下班路上骑电动车被小轿车撞倒摔伤，对方全责，算工伤吗")
    assert "自己在路上摔倒" not in first or "交通事故" in first


def test_a_fall_while_out_on_the_employers_business(service: AnswerService) -> None:
    before, first = parts(service, "单位派我外出开会期间在会场台阶上摔倒骨折了，能认定工伤吗")
    assert "先做这几件事" not in before
    assert first.startswith("能") and "第十四条第（五）项" in first


def test_a_sudden_illness_survived_who_pays(service: AnswerService) -> None:
    _, first = parts(service, "我爸上班的时候突发脑溢血送医院了，厂里说医药费要我们自己出，怎么办")
    assert "48小时" in first and "按生病处理" in first


def test_how_long_the_appraisal_takes(service: AnswerService) -> None:
    _, first = parts(service, "劳动能力鉴定申请交上去以后多久出结果")
    assert first.startswith("一般60日内") and "第二十五条第二款" in first


def test_an_occupational_disease_appraisal_is_not_this_point(service: AnswerService) -> None:
    _, first = parts(service, "职业病诊断鉴定多久出结果")
    assert "劳动能力鉴定委员会自收到" not in first


def test_a_treatment_extended(service: AnswerService) -> None:
    _, first = parts(service, "工伤还没好，想申请延期治疗，要办什么手续")
    assert "延长" in first and "第三十三条第二款" in first


def test_no_insurance_what_now(service: AnswerService) -> None:
    before, first = parts(service, "在车间被冲床压伤了手指骨折，老板没给我们买保险，现在该怎么办")
    assert "先做这几件事" not in before
    assert "1年内" in first and "由单位" in first


def test_applying_oneself(service: AnswerService) -> None:
    before, first = parts(service, "我在厂里干活砸伤了脚骨折，个人怎么申请工伤？")
    assert "先做这几件事" not in before
    assert "工伤认定申请表" in first and "人社局" in first


def test_the_employer_denies_the_job(service: AnswerService) -> None:
    before, first = parts(service, "我来厂里才十天就摔伤骨折了，厂里说我不是他们的员工，不管我，怎么办")
    assert "先做这几件事" not in before
    assert "事实劳动关系" in first


def test_the_employer_asks_what_it_owes(service: AnswerService) -> None:
    before, first = parts(service, "我们厂一个工人干活时手被压伤骨折了，我们应该赔付多少")
    assert "先做这几件事" not in before
    assert "30日内" in first


def test_a_commute_crash_the_medical_costs(service: AnswerService) -> None:
    before, first = parts(
        service, "下班的路上骑电瓶车被一辆面包车撞了，对方全责，住院的医药费单位不给报，谁出？"
    )
    assert "先做这几件事" not in before
    assert first.startswith("能报") and "工伤保险基金" in first and "第八条第三款" in first


def test_a_commute_crash_the_responsibility_unknown(service: AnswerService) -> None:
    _, first = parts(service, "上班途中被车撞伤了，住院花的钱能报吗")
    assert first.startswith("不是你主要责任的") and "事故责任认定书" in first


def test_a_commute_fall_without_a_crash_is_not_the_crash_point(service: AnswerService) -> None:
    _, first = parts(service, "上班路上自己骑车摔倒了，医药费能报吗")
    assert not first.startswith("能报")


def test_whether_the_family_may_apply_beside_the_fault_is_not_the_how_point(service: AnswerService) -> None:
    _, first = parts(service, "老公在车间被机器压了手，厂里说是他自己不小心，不给报工伤，家属能自己去申请吗")
    assert not first.startswith("带上工伤认定申请表")
