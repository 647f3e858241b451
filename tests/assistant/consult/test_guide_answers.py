"""The issue guides give the worker the right conclusion for their own facts: a plan made from the
real guides (corpus/guides/) opens with the answer a union lawyer would give first. The issue is given
directly (retrieval is tested elsewhere), so these stay fast and fail only when a guide changes."""

from datetime import date

import pytest

from assistant.consult.facts import extract_facts
from assistant.consult.guides import load_guides
from assistant.consult.plan import ConsultPlan, plan_consultation

TODAY = date(2026, 12, 5)


def plan(question: str, *issues: str, earlier: tuple[str, ...] = ()) -> ConsultPlan:
    facts = extract_facts([*earlier, question], TODAY)
    scored = [(issue, 1.0 - 0.1 * i) for i, issue in enumerate(issues)]
    return plan_consultation(question, facts, scored, (), load_guides())


def opening(p: ConsultPlan) -> str:
    assert p.conclusion, "no conclusion"
    return p.conclusion[0].text


def cited(p: ConsultPlan) -> set[str]:
    return {str(ref) for sentence in p.conclusion for ref in sentence.cite}


@pytest.mark.parametrize(
    ("question", "starts", "clause"),
    [
        (
            "下班骑电动车回家被车撞了，交警说对方全责，能算工伤不",
            "能认定工伤",
            "《工伤保险条例》第十四条第（六）项",
        ),
        ("公司派我去外地出差，在酒店摔伤了，算工伤吗", "能。", "《工伤保险条例》第十四条第（五）项"),
        (
            "我哥在车间突发脑溢血，抢救过来了但瘫了，算工伤吗",
            "不算工伤",
            "《工伤保险条例》第十五条第一款第（一）项",
        ),
        ("在车间被机器压断手指，算工伤吗", "在工作时间、工作场所内", "《工伤保险条例》第十四条第（一）项"),
        (
            "撞我的司机已经赔了钱，我还能申请工伤吗",
            "能。",
            "《最高人民法院关于审理工伤保险行政案件若干问题的规定》第八条第一款",
        ),
    ],
)
def test_whether_it_counts_as_a_work_injury(question: str, starts: str, clause: str) -> None:
    p = plan(question, "work_injury_recognition")
    assert opening(p).startswith(starts)
    assert clause in cited(p)


def test_a_death_from_sudden_illness_is_answered_with_the_48_hour_rule() -> None:
    p = plan("我爸在车间上班突然晕倒，送医院第二天没抢救过来，算工伤吗", "work_injury_recognition")
    assert "48小时" in opening(p) and "视同工伤" in opening(p)


def test_a_worker_who_has_a_grade_is_not_told_to_apply_for_recognition() -> None:
    p = plan("工伤十级，公司让我辞职，能拿什么钱", "work_injury_recognition", "work_injury_benefits")
    assert p.conclusion and "申请工伤认定" not in " ".join(s.text for s in p.conclusion)
    assert "7个月的本人工资" in " ".join(s.text for s in p.conclusion)


@pytest.mark.parametrize(
    ("grade", "months"), [("九级伤残", "9个月"), ("鉴定为五级", "18个月"), ("评了2级", "25个月")]
)
def test_the_lump_sum_follows_the_grade(grade: str, months: str) -> None:
    p = plan(f"{grade}，一次性伤残补助金能拿多少", "work_injury_benefits")
    assert f"是{months}的本人工资" in opening(p)


def test_pay_during_the_stop_work_period_is_the_full_wage() -> None:
    p = plan("工伤在家养着，公司每月只给1500生活费，原来工资5200，合法吗", "work_injury_benefits")
    assert opening(p).startswith("不合法，原工资应当照发") and "不能只发基本工资或生活费" in opening(p)
    asked_plainly = plan("工伤在家养伤期间，公司还发工资吗", "work_injury_benefits")
    assert opening(asked_plainly).startswith("应当照发")


def test_a_settlement_offer_before_the_appraisal_is_not_signed() -> None:
    p = plan("老板想给两万块了结，我还没做鉴定，能签吗", "work_injury_benefits")
    assert opening(p).startswith("先别签")


def test_the_application_deadline_counts_from_the_injury_date_the_worker_gave() -> None:
    p = plan("今年3月10号在厂里切到手指，公司一直拖着不给申请工伤，怎么办", "work_injury_recognition")
    assert opening(p).startswith("不用等单位") and "2026年3月10日" in opening(p)


@pytest.mark.parametrize(
    ("question", "issue", "starts"),
    [
        ("入职时签了不买社保的确认书，每月多发400，这个算数吗", "social_insurance", "不算数，无效"),
        ("公司一直没给交社保，干了两年多，想辞职能要补偿吗", "social_insurance", "能。"),
        ("跑滴滴的能自己交社保吗", "social_insurance", "能。"),
        ("派遣工工资比正式工低一千，合法吗", "labour_dispatch", "不合法"),
        ("被退回派遣公司以后让我在家等着，一分钱不给", "labour_dispatch", "不合法"),
        ("配送站让我们注册个体户才派单，还算员工吗", "platform_employment", "要看实际用工"),
        ("我怀孕了，公司说我试用期不合格要辞退我", "female_workers", "不能因为你怀孕辞退你"),
        ("老板知道我怀孕后把工资从5000降到3500", "female_workers", "不合法"),
        ("在电镀厂体检说血铅高，公司说不碍事", "occupational_disease", "别听单位说"),
        ("厂里要辞掉打磨车间的人，没安排离岗体检，可以吗", "occupational_disease", "不行"),
        ("老板拖欠工资一年半了，我还在上班，会不会过了时效", "arbitration_procedure", "要看是什么事"),
        ("裁决生效几个月了公司就是不给钱", "arbitration_procedure", "裁决书、调解书生效后"),
        ("厂里停产放假只发生活费，合法吗", "layoff_and_shutdown", "不是你的原因停工停产"),
        ("公司要搬到外省，不去的算自动离职，合理吗", "layoff_and_shutdown", "不合法，不能把不去的人算作"),
    ],
)
def test_each_guide_opens_with_the_direct_answer(question: str, issue: str, starts: str) -> None:
    assert opening(plan(question, issue)).startswith(starts)


@pytest.mark.parametrize(
    ("question", "months"),
    [
        ("在这家公司干了3年，参加工作累计工作8年，生病了医疗期多长", "3个月"),
        ("在这家公司干了7年，参加工作12年，医疗期多长", "9个月"),
        ("在这家公司干了16年，医疗期多长", "18个月"),
    ],
)
def test_the_medical_period_follows_the_years_of_work(question: str, months: str) -> None:
    assert f"医疗期是{months}" in opening(plan(question, "sick_leave_medical_period"))


def test_a_medical_period_question_without_the_total_years_asks_for_them() -> None:
    p = plan("在这家公司干了3年，生病住院了医疗期多长", "sick_leave_medical_period")
    assert "至少3个月" in opening(p) and p.ask_fact == "cumulative_work_years"


def test_an_injured_worker_is_not_answered_as_a_plant_shutdown() -> None:
    p = plan(
        "手腕骨折在家养了三个月，公司每月只打1800说是生活费", "layoff_and_shutdown", "work_injury_benefits"
    )
    assert opening(p).startswith("不合法，原工资应当照发")
    assert "layoff_and_shutdown" in p.guides and not any("裁员" in s.text for s in p.steps)
