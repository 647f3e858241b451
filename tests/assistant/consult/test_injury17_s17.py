"""Work-injury questions answered as asked (session 17, injury17), both ways, in our own wording:

- the grade asked (an injury told, its grade asked — 几级 / 能评残吗 / 够不够伤残 / 按哪个伤定级): no one can give
  the grade before the appraisal; the city's committee sets it on the loss of function left after treatment
  (工伤保险条例 21, 22, 23, 25), never a grade from the standard, never the tariff first — while an amount
  asked, a grade already told, or a grade that failed keep their own answers;
- the items while off work injured: the meal subsidy and travel for treatment elsewhere are the fund's (30(4)),
  a nutrition fee is no item of it; no clocking in during 停工留薪期, the full wage paid (33(1));
- a third party: both routes can be had (最高法工伤行政规定 8); a forensic (civil) grade is not the work-injury
  grade and the civil claim is computed otherwise (民法典 1179) — while a work-injury grade keeps the tariff."""

from __future__ import annotations

import pytest

from assistant.answer import AnswerService

from .planning import first_of


@pytest.mark.parametrize(
    "question",
    [
        # Session 27: a single fracture named opens with its usual grade instead (test_consult27_s27.py, class 18).
        "手臂和锁骨都断了，到时候按哪个伤定等级",
    ],
)
def test_the_grade_asked_opens_with_who_sets_it_and_no_promise(service: AnswerService, question: str) -> None:
    first = first_of(service, question)
    assert "劳动能力鉴定委员会" in first and "没法准确告诉" in first
    assert "第二十二条" in first
    assert "个月的本人工资" not in first  # not the tariff


@pytest.mark.parametrize(
    "question",
    ["车间里食指被机器轧了，指甲盖那节没了，这个能评上残吗", "我弟弟锯木头锯掉了半截拇指，能鉴定伤残吗"],
)
def test_a_finger_lost_and_its_grade_asked_gets_the_typical_grade_with_who_sets_it(
    service: AnswerService, question: str
) -> None:
    # Session 25: a finger's grade is stated as typical (GB/T 16180's finger items), the committee still deciding.
    first = first_of(service, question)
    assert "劳动能力鉴定委员会" in first and "第二十二条" in first
    assert "一般是十级" in first and "没法准确告诉" not in first


def test_several_injuries_the_most_severe_decides(service: AnswerService) -> None:
    first = first_of(service, "头上缝了针，左腿也骨折了，两处伤评残按哪个算")
    assert "最重的那处" in first


@pytest.mark.parametrize(
    "question",
    [
        "工伤评了九级，月工资6000，能拿多少钱",  # a grade told: the tariff
        "手指压断了一节，能赔多少钱",  # an amount asked: the benefits range
    ],
)
def test_an_amount_asked_keeps_the_benefits_answer(service: AnswerService, question: str) -> None:
    first = first_of(service, question)
    assert "个月" in first and "没法准确告诉" not in first


def test_a_grade_that_failed_keeps_its_answer(service: AnswerService) -> None:
    first = first_of(service, "我的脚趾受伤了，鉴定说评不上伤残等级，怎么办")
    assert "没法准确告诉" not in first


def test_meal_travel_and_nutrition_while_treated(service: AnswerService) -> None:
    first = first_of(service, "手骨折算了工伤，转到省城医院治疗，吃饭的钱和路费谁出？营养费给不给报")
    assert "伙食补助费" in first and "交通食宿" in first
    assert "营养费不是工伤保险待遇" in first
    assert "第三十条第四款" in first


def test_the_meal_subsidy_alone(service: AnswerService) -> None:
    first = first_of(service, "工伤住院一个多月，住院期间的伙食费单位说自己出，能找社保要吗")
    assert first.startswith("应当由工伤保险基金付") and "伙食补助费" in first
    assert "营养费" not in first


def test_lost_time_and_nutrition_after_discharge(service: AnswerService) -> None:
    first = first_of(service, "工伤出院回家了，耽误的工时和营养费找公司要得到吗")
    assert first.startswith("不能报") and "营养费不是工伤保险待遇" in first
    assert "原工资福利照发" in first


def test_nutrition_from_the_one_who_caused_it(service: AnswerService) -> None:
    first = first_of(service, "干活时被客户的货车撞伤住院，营养费能要吗")
    assert "营养费" in first and "伤你的一方" in first


def test_nursing_keeps_its_own_answer(service: AnswerService) -> None:
    first = first_of(service, "工伤住院期间家里人陪床的护理费谁出，伙食费呢")
    assert "护理" in first


def test_no_clock_in_while_off_work_injured(service: AnswerService) -> None:
    first = first_of(service, "骨折了在家养伤，领导让我每天回厂里打卡，不打卡就算旷工，对吗")
    assert first.startswith("不用") and "原工资福利待遇不变" in first
    assert "第三十三条第一款" in first


def test_clocking_in_without_an_injury_is_not_this_point(service: AnswerService) -> None:
    first = first_of(service, "公司要求每天打卡四次，忘了打卡就扣钱，合法吗")
    assert "停工留薪期" not in first


def test_both_routes_after_a_crash(service: AnswerService) -> None:
    first = first_of(service, "下班路上被一辆货车撞了，对方全责，工伤和司机的赔偿能同时要吗")
    assert first.startswith("能") and "同时" in first
    assert "第八条" in first


def test_a_forensic_grade_is_not_the_work_injury_grade(service: AnswerService) -> None:
    first = first_of(
        service, "上班路上被车撞，交警判对方全责，司法鉴定九级，残疾赔偿金怎么算，跟工伤九级一样吗"
    )
    assert "两套算法" in first and "劳动能力鉴定委员会" in first
    assert "民法典" in first and "第一千一百七十九条" in first


def test_a_work_injury_grade_keeps_the_tariff(service: AnswerService) -> None:
    first = first_of(service, "在厂里被机器压伤，劳动能力鉴定评了八级，工资5000，能拿多少")
    assert "两套算法" not in first and "11个月" in first


def test_what_a_work_injury_claim_covers(service: AnswerService) -> None:
    first = first_of(service, "出了工伤以后，能找单位要的钱都包括哪些")
    assert "一次性伤残补助金" in first and "原工资照发" in first and "医疗费" in first


def test_the_scope_of_recognition_keeps_its_answer(service: AnswerService) -> None:
    first = first_of(service, "认定工伤的情形包括哪些")
    assert "一次性伤残补助金" not in first
