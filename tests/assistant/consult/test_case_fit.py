"""Answers that fit the worker's whole case (session 8), each class both ways: several claims from one
set of facts named in the opening, unpaid social insurance answered with what can be done, a
resignation meant (not made) answered with how to leave, a clarifying question never asking what the
facts settle, and a student intern's uncertain status said and handed to a lawyer."""

from __future__ import annotations

import pytest

from assistant.consult.facts import extract_facts
from tests.assistant.consult.planning import TODAY, opening, plan_with_tools, ranked


def facts(*messages: str) -> dict[str, object]:
    return dict(extract_facts(list(messages), TODAY).values())


def conclusion(question: str, *issues: str) -> str:
    return " ".join(s.text for s in plan_with_tools(question, ranked(*issues)).conclusion)


# --- tense of leaving: a resignation meant is not one made ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "单位欠了我两个月工资，我想走，怎么办",
        "打算辞职了，老板说找到人才放我",
        "要是我辞职，欠的加班费还能要吗",
        "想辞职，干了五年了，能拿补偿吗",
    ],
)
def test_a_resignation_meant_is_planned(text: str) -> None:
    read = facts(text)
    assert read["termination"] == "resigned"  # the advice on resigning applies
    assert read.get("leaving_planned") is True  # … but nothing has ended yet


@pytest.mark.parametrize(
    "text",
    [
        "我上周已经辞职了，老板还欠我半个月工资",
        "交了辞职信一个月了，公司不给结工资",
        "上个月辞职了，工资到现在没结",
        "申请了辞职，厂里批了，可工资不给结",
    ],
)
def test_a_resignation_made_is_not_planned(text: str) -> None:
    read = facts(text)
    assert read["termination"] == "resigned"
    assert "leaving_planned" not in read


def test_arrears_and_leaving_meant_opens_with_how_to_leave_with_severance() -> None:
    text = conclusion("厂里欠我三个月工钱了，我想走，怎样走才划算", "wage_arrears")
    assert "未及时足额支付劳动报酬" in text and "经济补偿" in text
    assert "已经离开单位" not in text and "离开了也能要" not in text


def test_arrears_after_a_resignation_made_is_still_claimed_as_left() -> None:
    text = conclusion("我上个月已经辞职了，老板还欠我两个月工钱，咋整", "wage_arrears")
    assert "已经离开单位" in text or "一年内" in text
    assert "想走的话" not in text


def test_unpaid_overtime_and_leaving_meant_opens_with_severance_and_the_overtime() -> None:
    p = plan_with_tools("周末天天加班，加班费一分不给，打算辞职，辞职能拿到什么", ranked("overtime"))
    assert "经济补偿" in opening(p) and "加班费" in opening(p)
    assert p.selected[0] == "overtime/quit"


def test_overtime_pay_asked_without_leaving_keeps_the_pay_answer() -> None:
    p = plan_with_tools("周六加班8小时不给调休，月薪4350，加班费怎么算", ranked("overtime"))
    assert p.selected[0] == "overtime/pay"
    assert "经济补偿" not in opening(p)


# --- several claims from one set of facts ------------------------------------------------------------


def test_no_contract_and_a_dismissal_name_both_heads() -> None:
    text = conclusion(
        "进厂半年一直没签合同，上个月老板把我辞退了，厂里应该赔我什么",
        "no_written_contract",
        "unlawful_termination",
    )
    assert "二倍工资" in text
    assert "赔偿金" in text and "第八十七条" not in text  # the clause is cited, not written out
    p = plan_with_tools(
        "进厂半年一直没签合同，上个月老板把我辞退了，厂里应该赔我什么",
        ranked("no_written_contract", "unlawful_termination"),
    )
    cited = {(ref.law, ref.article) for s in p.conclusion for ref in s.cite}
    assert {("劳动合同法", 82), ("劳动合同法", 87)} <= cited


def test_no_contract_while_still_working_names_no_dismissal() -> None:
    text = conclusion("入职四个月了还没签劳动合同，我还在干，能要双倍工资吗", "no_written_contract")
    assert "赔偿金" not in text and "违法解除" not in text


def test_arrears_and_unpaid_insurance_name_the_insurance_head() -> None:
    text = conclusion(
        "老板欠我两个月工资，医保也半年没交了，去仲裁能要哪些", "wage_arrears", "social_insurance"
    )
    assert "补缴" in text
    assert "经济补偿" in text


# --- unpaid social insurance: what can be done ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["单位一直没给我交医保", "养老保险也一年多没交了", "厂里不给我们交五险", "公司把我的失业保险断缴了"],
)
def test_insurance_named_by_its_kind_is_insurance_unpaid(text: str) -> None:
    assert facts(text).get("social_insurance") is False


@pytest.mark.parametrize(
    "text", ["社保一直交着，就是基数低", "医保是我自己在老家交的新农合吧", "我想问问养老保险怎么算"]
)
def test_insurance_told_paid_or_not_told_is_not_unpaid(text: str) -> None:
    assert facts(text).get("social_insurance") is not False


def test_unpaid_insurance_action_names_the_make_up_and_the_resignation() -> None:
    text = conclusion("公司从来不给交社保，我该怎么办", "social_insurance")
    assert "补缴" in text or "补足" in text
    assert "第三十八条" not in text and "经济补偿" in text


def test_a_loss_the_fund_would_have_paid_is_the_employers() -> None:
    p = plan_with_tools("公司没给我交医保，看病两万块全是自己掏的，能找公司要吗", ranked("social_insurance"))
    assert opening(p).startswith("能")
    assert any(ref.law.endswith("（一）") and ref.article == 1 for s in p.conclusion for ref in s.cite)


def test_a_loss_asked_with_insurance_paid_is_not_the_employers() -> None:
    p = plan_with_tools("公司一直交着社保，看病花了两万块，能找公司要吗", ranked("social_insurance"))
    assert not opening(p).startswith("能。单位没依法")


# --- clarifying questions never ask what the facts settle -------------------------------------------


def test_no_grade_is_asked_after_a_death() -> None:
    p = plan_with_tools("我爸在厂里被机器卷进去人没了，工亡赔偿标准是什么", ranked("work_injury_benefits"))
    assert p.ask_fact != "disability_grade"


def test_a_living_injured_worker_is_still_asked_the_grade() -> None:
    p = plan_with_tools("在厂里被机器压伤了手，工伤赔偿标准是什么", ranked("work_injury_benefits"))
    assert p.ask_fact == "disability_grade"


def test_overtime_in_the_background_of_a_grade_question_is_not_asked_about() -> None:
    p = plan_with_tools(
        "工资加上加班费一个月五千左右，评了八级伤残，现在辞职能拿多少",
        ranked("overtime", "work_injury_benefits"),
    )
    assert p.ask_fact != "overtime_kind"


def test_overtime_pay_asked_without_its_kind_asks_the_kind() -> None:
    p = plan_with_tools("月薪4350，老板让加班又不给钱，加班费怎么算", ranked("overtime"))
    assert p.ask_fact == "overtime_kind"


# --- a student intern: the status is uncertain, said so without a citation ------------------------


@pytest.mark.parametrize(
    "text",
    ["我是大二学生，暑期在厂里实习", "学校安排我们去电子厂顶岗实习", "在校生实习，签的是实习协议"],
)
def test_a_student_intern_is_read(text: str) -> None:
    assert facts(text).get("student_intern") is True


@pytest.mark.parametrize(
    "text",
    ["试用期叫实习期，干了两个月", "已经毕业了，公司说先实习三个月再转正", "我儿子是学生，我在厂里上班"],
)
def test_a_graduate_or_a_probation_is_not_a_student_intern(text: str) -> None:
    assert facts(text).get("student_intern") is None


def test_a_student_intern_is_told_the_point_is_uncertain_without_a_citation() -> None:
    p = plan_with_tools(
        "我是大三学生在公司实习，实习工资拖了两个月不发，能申请劳动仲裁吗", ranked("wage_arrears")
    )
    assert "student_intern" in [block.guide_id for block in p.situations]
    assert "不确定" in opening(p) and "律师" in opening(p)
    assert not p.conclusion[0].cite  # no clause in the store decides it: none is invented


def test_a_worker_on_probation_gets_no_intern_caution() -> None:
    p = plan_with_tools("实习期两个月，公司欠了一个月工资不给，能申请劳动仲裁吗", ranked("wage_arrears"))
    assert "student_intern" not in [block.guide_id for block in p.situations]


# --- an ending the employer announced is an ending (the protected status then decides) ---------------


def test_an_ending_the_employer_means_is_read_and_pregnancy_decides_it() -> None:
    question = "怀孕四个月了，公司说我这个岗位撤了，准备跟我提前解约，能拿什么补偿"
    assert facts(question).get("termination") == "dismissed"
    p = plan_with_tools(question, ranked("severance_compensation", "female_workers"))
    assert "违法解除" in opening(p) and "孕期" in opening(p)


@pytest.mark.parametrize("text", ["公司一直不交社保，我想跟公司解约", "厂里拖着工资不发，我准备解除劳动合同"])
def test_the_workers_own_plan_to_end_is_no_dismissal(text: str) -> None:
    assert facts(text).get("termination") != "dismissed"


# --- steps and claims that fit the ending told ---------------------------------------------------------


def test_a_closed_employer_gets_no_reinstatement_or_clocking_in() -> None:
    p = plan_with_tools(
        "厂子因为环保被责令关闭了，给我们都解除了劳动合同，干了六年，该给什么补偿",
        ranked("unlawful_termination", "severance_compensation"),
    )
    tails = " ".join(s.text for s in [*p.steps, *p.claims])
    assert "照常保留上班的记录" not in tails and "继续履行" not in tails


def test_a_dismissal_without_ground_keeps_reinstatement_and_clocking_in() -> None:
    p = plan_with_tools("老板没说理由就把我辞退了，干了六年，该给什么补偿", ranked("unlawful_termination"))
    tails = " ".join(s.text for s in [*p.steps, *p.claims])
    assert "照常保留上班的记录" in tails and "继续履行" in tails
