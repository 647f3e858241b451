"""Answers that fit the worker's whole case, round 2 (session 8): an injured worker dismissed while still
under treatment, severance years before 2008, events denied in the worker's words, and a resignation
meant or made. Each class both ways."""

from __future__ import annotations

import pytest

from assistant.consult.facts import extract_facts
from tests.assistant.consult.planning import TODAY, opening, plan_with_tools, ranked


def facts(*messages: str) -> dict[str, object]:
    return dict(extract_facts(list(messages), TODAY).values())


# --- a work injury still under treatment is a protected status ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "在车间手被机器压伤了，现在还在停工留薪期，厂里说我干不了活要解除合同",
        "工伤治疗期间老板要辞退我",
        "上班时从架子上摔下来骨折了，还在住院，公司通知我不用来上班了",
        "干活时手被压伤了，还在家休养，公司就说要辞退我",
    ],
)
def test_an_injury_at_work_under_treatment_is_protected(text: str) -> None:
    read = facts(text)
    assert read["protected_status"] == "injury_treatment"
    assert read["termination"] == "dismissed"


@pytest.mark.parametrize(
    "text",
    [
        "工伤好了以后回去上班，停工留薪期满了，公司说我严重违纪把我开除了",  # the period is over
        "不是工伤，在家里摔伤了，还在住院，公司要辞退我",  # not at work: the medical period decides
        "工伤鉴定了八级，还在治疗，公司要辞退我",  # a grade: 42(2) itself
    ],
)
def test_no_treatment_status_when_over_off_work_or_graded(text: str) -> None:
    assert facts(text).get("protected_status") != "injury_treatment"


def test_dismissed_under_treatment_opens_with_unlawful_and_benefits_besides() -> None:
    p = plan_with_tools(
        "工伤还在停工留薪期，公司说我不能胜任要和我解除合同，合法吗", ranked("work_injury_benefits")
    )
    text = opening(p)
    assert "违法解除" in text and "两倍赔偿金" in text and "停工留薪期" in text
    assert "评了几级" not in text


def test_dismissed_under_treatment_asked_how_much_names_both_claims_not_the_grade_tariff() -> None:
    p = plan_with_tools(
        "干活时摔断了腿还在住院养伤，厂里通知我不用来上班了，能要多少钱", ranked("work_injury_recognition")
    )
    text = opening(p)
    assert "违法解除" in text and "工伤认定" in text
    assert "从10级的7个月到1级的27个月" not in text


def test_asked_before_any_ending_under_treatment_the_rule_is_said_without_asking_a_grade() -> None:
    p = plan_with_tools("工伤还在停工留薪期，单位能不能把我辞退", ranked("work_injury_benefits"))
    assert "不能" in opening(p) and "停工留薪期" in opening(p)
    assert p.ask is None or "几级" not in p.ask


def test_asked_with_a_grade_the_grade_decides() -> None:
    p = plan_with_tools("工伤评了九级，单位能不能把我辞退", ranked("work_injury_benefits"))
    assert "7至10级伤残" in opening(p)
    assert "停工留薪期（治疗期）" not in opening(p)


def test_a_fault_dismissal_under_treatment_is_not_called_unlawful_by_the_status() -> None:
    p = plan_with_tools(
        "工伤还在停工留薪期，我偷厂里的东西被抓，厂里以严重违纪为由把我开除了，合法吗",
        ranked("work_injury_benefits"),
    )
    assert "这时辞退你是违法解除" not in opening(p)


def test_an_injured_worker_not_dismissed_still_gets_the_stop_work_pay() -> None:
    p = plan_with_tools("工伤在家养伤，停工留薪期工资单位只发一半，合法吗", ranked("work_injury_benefits"))
    assert "违法解除" not in opening(p)
    assert "原工资福利待遇不变" in opening(p)


# --- severance years before 2008 -------------------------------------------------------------------------


def test_a_start_before_2008_is_read_with_its_years() -> None:
    read = facts("我2005年3月进的厂")
    assert read["started_before_2008"] is True
    assert read["years_before_2008"] == pytest.approx(2.8, abs=0.1)


def test_a_start_after_2008_has_no_segment() -> None:
    assert "started_before_2008" not in facts("我2012年3月进的厂")


def test_severance_from_before_2008_is_said_in_two_segments() -> None:
    p = plan_with_tools(
        "2004年6月入职，今年公司裁员把我裁了，月薪6000，经济补偿怎么算", ranked("severance_compensation")
    )
    text = opening(p)
    assert "分两段" in text and "2008年1月1日" in text and "当时的规定" in text
    assert "2008年以前约3.6年" in text  # the worker's own dates


def test_severance_from_after_2008_has_no_segments() -> None:
    p = plan_with_tools(
        "2014年6月入职，今年公司裁员把我裁了，月薪6000，经济补偿怎么算", ranked("severance_compensation")
    )
    assert "分两段" not in opening(p) and "第九十七条" not in opening(p)


# --- an event denied in the worker's words ---------------------------------------------------------------


def test_an_injury_denied_is_no_injury() -> None:
    assert "injured" not in facts("我没受伤，就是老板欠了我两个月工资")
    assert facts("我受伤了，老板欠了我两个月工资")["injured"] is True


def test_an_event_asked_about_is_not_denied() -> None:
    assert facts("我是不是被开除了")["termination"] == "dismissed"
    assert facts("干活时是不是受伤了都得自己掏钱")["injured"] is True


def test_a_dismissal_denied_is_no_dismissal() -> None:
    assert facts("我没被辞退，是自己辞职的，公司不给结工资")["termination"] == "resigned"
    assert facts("我被辞退了，公司不给结工资")["termination"] == "dismissed"


# --- a resignation meant or made -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["老板老拖工资，我不想干了，能拿补偿吗", "我要辞职，单位欠我两个月工资", "不想做了，公司社保也不交"],
)
def test_words_of_wanting_to_leave_are_a_plan(text: str) -> None:
    read = facts(text)
    assert read["termination"] == "resigned" and read.get("leaving_planned") is True


@pytest.mark.parametrize(
    "text", ["我已经交了辞职信，公司拖着两个月工资不给", "上周已经辞职了，辞职信也交了，工资没结"]
)
def test_a_resignation_handed_in_is_made(text: str) -> None:
    read = facts(text)
    assert read.get("resignation_made") is True and "leaving_planned" not in read


def test_a_worker_who_resigned_is_not_told_to_write_a_letter() -> None:
    p = plan_with_tools(
        "我已经交了辞职信，公司拖着最后两个月工资不给，辞职信怎么写才对", ranked("employee_resignation")
    )
    text = opening(p)
    assert "不用再写" in text
    assert "马上书面通知单位解除" not in text and "先写一份辞职信" not in text


def test_a_worker_still_to_resign_is_told_how_to_write_it() -> None:
    p = plan_with_tools("单位欠我两个月工资，我想辞职，辞职信怎么写", ranked("employee_resignation"))
    assert "未及时足额支付劳动报酬" in opening(p)
    assert "不用再写" not in opening(p)


# --- a protected status decides a dispatched worker's return as it decides a dismissal ----------------


@pytest.mark.parametrize(
    "text",
    [
        "我是劳务派遣的，怀孕四个月了，用工单位说要把我退回派遣公司",
        "派遣到工厂干了两年，现在在医疗期里住院，工厂说经营困难要把我退回去",
    ],
)
def test_a_protected_dispatched_worker_may_not_be_returned_on_the_user_units_grounds(text: str) -> None:
    p = plan_with_tools(text, ranked("labour_dispatch"))
    assert "不能以裁员" in opening(p) and "延续到这种情形消失" in opening(p)
    assert "《劳务派遣暂行规定》第十三条" in {str(ref) for ref in p.conclusion[0].cite}


def test_a_dispatched_worker_with_no_protected_status_gets_the_grounds_for_a_return() -> None:
    text_open = opening(
        plan_with_tools("我是派遣工，用工单位说业务缩减要把我们退回派遣公司", ranked("labour_dispatch"))
    )
    assert "只有你有严重违纪等过错" in text_open and "延续到这种情形消失" not in text_open


# --- a protected status leads what to do at an expiry, not only whether it can end ---------------------


def test_a_protected_worker_told_her_contract_will_not_be_renewed_is_told_it_runs_on() -> None:
    p = plan_with_tools("我怀孕五个月，单位说合同到期不续了", ranked("contract_expiry_renewal"))
    assert "先别办离职手续" in opening(p) and "延续到这种情形消失" in opening(p)


def test_an_expiry_with_no_protected_status_keeps_the_renewal_steps() -> None:
    p = plan_with_tools("合同下个月到期，单位说不续了，我该怎么办", ranked("contract_expiry_renewal"))
    assert "先问清单位续不续" in opening(p) and "延续到这种情形消失" not in opening(p)


def test_a_protected_dispatched_worker_asking_what_to_do_is_told_not_to_agree_to_a_return() -> None:
    p = plan_with_tools(
        "我在劳务派遣公司上班，怀孕四个月了，用工单位说要把我退回派遣公司，怎么办", ranked("labour_dispatch")
    )
    assert "先别同意退回" in opening(p) and "延续到这种情形消失" in opening(p)


def test_a_dispatched_worker_asking_what_to_do_with_no_protected_status_gets_the_two_units() -> None:
    p = plan_with_tools("我在劳务派遣公司上班，工资被拖了两个月，怎么办", ranked("labour_dispatch"))
    assert "先别同意退回" not in opening(p)
