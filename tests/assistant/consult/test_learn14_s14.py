"""Session 14 (learn14, issue 13): two classes found reading real questions as a lawyer, tested both ways
in the team's own sentences.

1. The worker's own ending of the contract (员工能不能单方解除, 我可以提前解除合同吗, 经理拒绝让我走) was read as
   nothing or as a dismissal, and the answer opened with the employer's grounds (劳动合同法 39-41) or with a
   boss who ran away; it must open with 37 (30 days' written notice, no approval) — while the employer's own
   ending (公司和我解除了, 公司要我提前解除) stays a dismissal.
2. A period told as over (哺乳期已经过了, 我是试用期过了的) was read as still running: "不合法" under 42(4), or
   "3 days' notice"; a period still running, or a count inside it (试用期过了两个月), keeps its reading."""

from __future__ import annotations

import pytest

from assistant.consult.facts import extract_facts

from .planning import TODAY, opening, plan_with_tools, ranked


def facts(text: str) -> dict:
    return extract_facts([text], TODAY).values()


# --- 1. the worker's own ending -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "员工能不能自己提出解除劳动合同？",
        "劳动者单方面解除合同需要单位同意吗",
        "我可以提前解除合同吗？合同还有一年",
        "我想和公司解除劳动合同，要提前多久说",
        "职工可以随时解除劳动合同吗",
        "俺能不能跟老板解约",
    ],
)
def test_the_worker_ending_the_contract_in_jiechu_words_is_a_resignation(text: str) -> None:
    assert facts(text).get("termination") == "resigned"


@pytest.mark.parametrize(
    "text",
    [
        "公司跟我解除了合同，给补偿吗",
        "公司想跟我解除合同，我不同意",
        "公司要我提前解除合同，我该签吗",
        "单位跟员工解除劳动合同要提前多久",
        "公司说我可以解除合同走人了",
        "公司单方面解除劳动合同合法吗",
    ],
)
def test_the_employers_ending_or_demand_is_not_the_workers(text: str) -> None:
    assert facts(text).get("termination") != "resigned"


@pytest.mark.parametrize(
    "text", ["老板拒绝让我走", "经理不肯让我走，说再干两个月", "厂长不准她走", "老板不让我走"]
)
def test_an_employer_keeping_the_worker_is_no_dismissal(text: str) -> None:
    assert facts(text).get("termination") != "dismissed"


def test_sent_away_is_still_a_dismissal() -> None:
    assert facts("老板直接让他走了，一分钱没给").get("termination") == "dismissed"


@pytest.mark.parametrize(
    "question",
    [
        "劳动者能不能单方解除劳动合同啊",
        "员工单方面解除劳动合同，需要公司批准吗",
        "我在这干了三年，我能不能提前解除合同",
    ],
)
def test_the_worker_asking_to_end_it_is_told_37_not_the_dismissal_grounds(question: str) -> None:
    p = plan_with_tools(question, ranked("unlawful_termination"))
    text = opening(p)
    assert "不需要单位批准" in text and "30天" in text
    assert "辞退" not in text


def test_a_dismissal_asked_about_keeps_the_dismissal_opening() -> None:
    p = plan_with_tools("公司突然跟我解除了合同，合法吗", ranked("unlawful_termination"))
    assert "不需要单位批准" not in opening(p)
    assert p.selected[0].startswith("unlawful_termination/")


def test_a_boss_refusing_a_resignation_has_not_run_away() -> None:
    p = plan_with_tools(
        "我弟上周提出离职了，经理拒绝让他走，说找不到人接替，工资也压着不给，怎么办",
        ranked("refusal_to_pay_crime", ("employee_resignation", 0.6)),
    )
    text = opening(p)
    assert "跑了" not in text and "逃匿" not in text
    assert p.selected[0].startswith("employee_resignation/")


def test_a_boss_who_ran_away_after_a_resignation_is_still_the_absconding_answer() -> None:
    p = plan_with_tools(
        "我辞职了，老板跑了，电话打不通，工资还欠我两个月，怎么办",
        ranked("refusal_to_pay_crime", ("employee_resignation", 0.6)),
    )
    assert p.selected[0].startswith("refusal_to_pay_crime/")


# --- 2. a period told as over ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["孩子一岁多了，哺乳期早就过了，厂里说要辞退我", "孩子哺乳期已满，公司通知我下个月不用来了"],
)
def test_nursing_over_is_not_a_pregnancy(text: str) -> None:
    values = facts(text)
    assert "pregnant" not in values and values.get("nursing_over") is True


@pytest.mark.parametrize(
    "text",
    [
        "我还在哺乳期，公司要辞退我",
        "产假休完了回去上班，公司要辞退我",
        "哺乳期过了，现在又怀孕了，公司辞退我",
    ],
)
def test_a_protection_still_running_keeps_pregnant(text: str) -> None:
    assert facts(text).get("pregnant") is True


@pytest.mark.parametrize(
    ("text", "in_probation"),
    [
        ("我是试用期过了的，公司不批辞职", None),
        ("已经转正了，想辞职提前几天说", None),
        ("早就过了试用期，老板说辞职要提前三个月", None),
        ("试用期过了两个月，公司说我不合格", True),
        ("我还在试用期，想辞职", True),
        ("还没转正，想走人", None),  # no word of probation said: nothing read either way
    ],
)
def test_probation_over_is_not_probation(text: str, in_probation: bool | None) -> None:
    assert facts(text).get("in_probation") is in_probation


def test_nursing_over_opens_with_the_ground_not_the_42_bar() -> None:
    p = plan_with_tools(
        "我哺乳期已经过了，单位这个月要辞退我，合法吗", ranked("female_workers", "unlawful_termination")
    )
    text = opening(p)
    # Not "不合法" for the nursing period: the ground the employer has decides it.
    assert not text.startswith("不合法") and "理由" in text and "哺乳期，单位不能" not in text


def test_nursing_still_running_keeps_the_42_bar() -> None:
    p = plan_with_tools(
        "我还在哺乳期，厂里这个月要把我辞了，合法吗", ranked("female_workers", "unlawful_termination")
    )
    assert opening(p).startswith("不合法")


def test_probation_over_is_told_30_days_not_3() -> None:
    p = plan_with_tools(
        "我提离职快一个月了，公司不批，说不批就不能走，是真的吗？我是试用期过了的",
        ranked("employee_resignation", ("probation", 0.9)),
    )
    text = opening(p)
    assert "30天" in text and "3天" not in text


# --- 3. the remedy asked with 怎样的 / 什么样的 -----------------------------------------------------------


def test_the_remedy_asked_with_zenyang_names_the_double_wage_of_no_contract() -> None:
    p = plan_with_tools(
        "在私人补习班干了快一年，一直没签合同，周末天天加班，打算辞职了，老板该给我什么样的赔偿",
        ranked("no_written_contract", "overtime", "severance_compensation"),
    )
    said = " ".join(s.text for s in p.conclusion)
    assert "二倍工资" in said


def test_the_same_words_without_another_head_add_nothing() -> None:
    p = plan_with_tools(
        "干了三年了打算走人，公司会给我怎样的补偿", ranked("severance_compensation", "employee_resignation")
    )
    assert not any("其他几项" in s.text for s in p.conclusion)
