"""Session 17 (ending17): the ending already told — amounts, not hedges; retirees. Each class both ways:
it fires where the worker's words name the case, and not on look-alikes. The wording is the team's own."""

from datetime import date

import pytest

from assistant.consult.facts import extract_facts

from .planning import opening, plan_with_tools, ranked

TODAY = date(2026, 12, 5)


def facts(*messages: str) -> dict[str, object]:
    return extract_facts(list(messages), TODAY).values()


# --- class 1: the employer ended the job for business reasons, told in the worker's words ----------------


@pytest.mark.parametrize(
    "question",
    [
        "公司说人太多了让我走，能拿多少",
        "老板讲厂里不景气，把我辞退了",
        "单位业务少了，跟我解除合同了，怎么赔",
        "店里订单少，老板叫我走了",
        "公司经营不下去了，上周把我们几个辞了",
    ],
)
def test_business_reasons_told_in_other_words_are_the_layoff_ground(question: str) -> None:
    values = facts(question)
    assert values.get("ending_ground") == "layoff"
    assert values.get("termination") == "dismissed"


@pytest.mark.parametrize(
    "question",
    [
        "公司人太多了，食堂排队排半小时",  # crowded, nobody sent away
        "老板说今年不景气，奖金不发了",  # a bonus withheld, the job goes on
    ],
)
def test_business_words_without_an_ending_end_nothing(question: str) -> None:
    assert facts(question).get("termination") != "dismissed"


def test_a_layoff_with_the_years_told_opens_with_n_and_2n_in_months_not_a_hedge() -> None:
    p = plan_with_tools("单位说效益不好让我走，我干了六年，能赔多少", ranked("unlawful_termination"))
    first = opening(p)
    assert "6个月工资" in first and "12个月工资" in first
    assert not first.startswith("要看")
    assert "裁员程序" in first


def test_a_layoff_asked_as_lawful_opens_with_the_verdict() -> None:
    p = plan_with_tools(
        "合同还没到期，公司说经营不善，上个月跟我解除合同了，这合法吗", ranked("unlawful_termination")
    )
    first = opening(p)
    assert first.startswith("一般不合法")
    assert "协商一致" in first


def test_a_dismissal_with_no_reason_keeps_its_own_opening() -> None:
    # Look-alike: the ground is none, not a business reason — still the 2N opening of the no-ground class.
    p = plan_with_tools("老板无故把我辞退了，我干了六年，能赔多少", ranked("unlawful_termination"))
    first = opening(p)
    assert "效益不好" not in first and "两倍赔偿金" in first


# --- class 2: no written contract in a dismissal question -------------------------------------------------


def test_no_contract_dismissed_gets_n_and_the_double_wage_in_the_opening() -> None:
    p = plan_with_tools(
        "干了八个月一直没签劳动合同，老板把我开了，工资四千，能要补偿吗", ranked("severance_compensation")
    )
    first = opening(p)
    assert first.startswith("能。没签书面合同不影响")
    assert "4000元" in first and "二倍工资" in first


def test_a_signed_contract_dismissal_says_nothing_of_double_wage() -> None:
    p = plan_with_tools(
        "签了合同，干了八个月，老板把我开了，工资四千，能要补偿吗", ranked("severance_compensation")
    )
    assert "二倍工资" not in opening(p)


# --- class 3: retirement asked as damages -----------------------------------------------------------------


def test_retirement_asked_as_damages_says_no_n_and_what_an_early_retirement_changes() -> None:
    p = plan_with_tools(
        "单位让我退休了，干了十五年，月工资五千，能要多少赔偿金", ranked("unlawful_termination")
    )
    first = opening(p)
    assert "不用付经济补偿" in first and "没有两倍赔偿金" in first
    assert "提前“退休”" in first and "75000元" in first


def test_a_worker_far_from_retirement_dismissed_is_not_told_about_retirement() -> None:
    p = plan_with_tools("我干了十五年被辞退了，月工资五千，能要多少赔偿金", ranked("unlawful_termination"))
    assert "退休" not in opening(p)


# --- the employer asking what an ending will cost -----------------------------------------------------


def test_the_employer_asking_what_an_ending_costs_hears_the_figures_in_the_third_person() -> None:
    p = plan_with_tools(
        "我是开店的，想辞退一个干了两年的员工，她工资五千，要给多少补偿", ranked("severance_compensation")
    )
    first = opening(p)
    assert "这名员工" in first and "10000元" in first and "20000元" in first
    assert "你可以" not in first


def test_a_worker_asking_the_same_is_answered_as_the_worker() -> None:
    p = plan_with_tools("公司要辞退我，我干了两年，工资五千，要给多少补偿", ranked("severance_compensation"))
    assert "这名员工" not in opening(p)


# --- class 1b: the years told, the wage not, asked whether (or which of two figures) --------------------


def test_years_told_whether_asked_opens_with_the_months_of_n_and_2n() -> None:
    p = plan_with_tools(
        "我在厂里干了五年半被辞退了，补偿是五个月还是六个月", ranked("severance_compensation")
    )
    first = opening(p)
    assert first.startswith("按你干的时间") and "6个月工资" in first and "12个月工资" in first


def test_no_years_told_keeps_the_rule_without_invented_months() -> None:
    p = plan_with_tools("我被辞退了，有补偿吗", ranked("severance_compensation"))
    assert "个月工资；没有合法理由" not in opening(p)


def test_years_told_asked_as_whether_opens_with_yes_and_the_months() -> None:
    p = plan_with_tools("干了三年被公司辞退了，有没有补偿", ranked("severance_compensation"))
    first = opening(p)
    assert first.startswith("能。按你干的时间") and "3个月工资" in first and "6个月工资" in first
