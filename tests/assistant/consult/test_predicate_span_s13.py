"""A question with no marker of its kind asks in its last clause (session 13, lawyers' class N: the opening
answers a neighbouring question — the topic's answer the background names most of, not the one the question's
own predicate asks). Plans are made from the real guides with the issues given, so these fail when the rule,
the guides or the plan change. The questions are the team's own."""

from datetime import date

import pytest

from assistant.consult.facts import extract_facts
from assistant.consult.guides import load_guides
from assistant.consult.plan import ConsultPlan, plan_consultation, predicate_span
from assistant.consult.toolbridge import default_tool_runner

TODAY = date(2026, 12, 5)


def plan(question: str, *issues: str) -> ConsultPlan:
    facts = extract_facts([question], TODAY)
    scored = [(issue, 1.0 - 0.1 * i) for i, issue in enumerate(issues)]
    return plan_consultation(
        question, facts, scored, (), load_guides(), run_tool=default_tool_runner(lambda: TODAY)
    )


def opening(p: ConsultPlan) -> str:
    return p.selected[0] if p.selected else ""


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("工伤在家养着，医生说还要再休，停工留薪期快到了，怎么延长", "怎么延长"),
        ("老板三个月没发工资了。我现在应该找谁", "我现在应该找谁"),
        # The last clause leans on the background (还能): no span of its own.
        ("对方司机已经赔过钱了，我还能申请工伤", ""),
        # What someone else said is their position, not the worker's question.
        ("我们三十多个人一起讨薪，项目经理说只能先给一半", ""),
    ],
)
def test_the_predicate_of_an_unmarked_question_is_its_last_clause(question: str, expected: str) -> None:
    assert predicate_span(question) == expected


def test_extending_the_period_off_is_answered_with_the_extension_not_the_wage() -> None:
    p = plan("手腕骨折算了工伤，停工留薪期快满了，骨头还没长好，怎么延长", "work_injury_benefits")
    assert opening(p) == "work_injury_benefits/stop_work_length"
    assert "延长" in p.conclusion[0].text
    assert any(ref.law == "工伤保险条例" and ref.article == 33 for ref in p.conclusion[0].cite)


def test_a_worker_sent_back_and_left_unpaid_is_told_the_waiting_pay() -> None:
    p = plan("用工单位嫌我慢，把我退回了派遣公司，在家等活这两个月派遣公司一分不给", "labour_dispatch")
    assert opening(p) == "labour_dispatch/waiting_pay"
    assert p.conclusion[0].text.startswith("不合法")


def test_whether_insurance_is_owed_in_probation_is_answered_with_the_duty() -> None:
    p = plan("厂里试用期三个月都不交社保，到底要不要交", "social_insurance")
    assert opening(p) == "social_insurance/obligation"
    assert p.conclusion[0].text.startswith("不合法")


def test_the_money_of_an_unlawful_dismissal_is_answered_with_the_damages() -> None:
    p = plan("被违法辞退了，想问问赔偿金", "unlawful_termination")
    assert opening(p) == "unlawful_termination/damages"
    assert "赔偿金" in p.conclusion[0].text


@pytest.mark.parametrize(
    ("question", "issues", "expected"),
    [
        # 总包 is named in the reported clause; the question is still the construction wage chain's.
        (
            "工地上五十多个工人一起要工钱，包工头跑了，总包说只能先垫一部分",
            ("migrant_construction_wages", "wage_arrears"),
            "migrant_construction_wages/",
        ),
        # The last clause already names the answer the background does: nothing moves.
        (
            "工厂把我退回了劳务公司，劳务公司让我在家等着，这期间工资一分钱没给",
            ("labour_dispatch",),
            "labour_dispatch/waiting_pay",
        ),
        # The background names the same act (逼我辞职 … 辞职信): the pressured worker's answer stays.
        (
            "领导天天逼我辞职，我到底要不要写辞职信",
            ("employee_resignation",),
            "employee_resignation/pressured",
        ),
    ],
)
def test_the_opening_stays_where_the_last_clause_asks_nothing_new(
    question: str, issues: tuple[str, ...], expected: str
) -> None:
    assert opening(plan(question, *issues)).startswith(expected)
