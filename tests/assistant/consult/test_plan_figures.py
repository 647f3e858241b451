"""Which figures an answer computes: every worker tool whose inputs the facts supply and that answers
what was asked (the detected issue's guide, or the question's own words), whichever guide answer is
chosen; never a figure for a question not asked; and, when an asked figure lacks an input, the
clarifying question asks for exactly that input. Real guides, real facts reader, real tools."""

from datetime import date

import pytest

from assistant.consult.facts import extract_facts
from assistant.consult.guides import GuideBook, load_guides
from assistant.consult.plan import ConsultPlan, plan_consultation
from assistant.consult.toolbridge import deadline_computations, default_tool_runner

TODAY = date(2026, 12, 5)


@pytest.fixture(scope="module")
def book() -> GuideBook:
    return load_guides()


def plan(book: GuideBook, issues: list[str], *messages: str) -> ConsultPlan:
    facts = extract_facts(list(messages), TODAY)
    return plan_consultation(
        messages[-1],
        facts,
        [(issue, 1.0) for issue in issues],
        (),
        book,
        default_tool_runner(lambda: TODAY),
        lambda values: deadline_computations(values, TODAY),
        earlier=list(messages[:-1]),
    )


def test_a_verdict_question_that_also_asks_the_pay_gets_the_figure(book: GuideBook) -> None:
    got = plan(
        book, ["overtime"], "工资4350，上个月上了22天班每天晚上还得加3小时，加班费该给多少，这样安排违法吗"
    )
    q = got.quantities()
    assert q["hourly_wage"] == 25 and q["overtime_pay"] == pytest.approx(25 * 1.5 * 66)
    assert q["overtime_monthly_limit_exceeded"] is True
    (overtime,) = [c for c in got.computations if c.tool == "overtime"]
    assert "21.75" in overtime.formula and overtime.cite  # shown with its formula and its clauses


def test_a_dismissal_asked_as_a_verdict_still_gets_n_and_2n(book: GuideBook) -> None:
    got = plan(
        book, ["unlawful_termination"], "23年4月1号入职，月薪5000，上个月15号被老板开了，这合法吗？能要赔偿吗"
    )
    q = got.quantities()
    assert q["severance_months"] == 4 and q["damages_amount"] == 40000


def test_no_severance_figure_on_an_annual_leave_question(book: GuideBook) -> None:
    got = plan(book, ["annual_leave"], "去年5月入职，月薪6000，下个月合同到期不续了，今年年假有几天")
    tools = {c.tool for c in got.computations}
    assert "severance" not in tools and "damages" not in tools
    assert "annual_leave" in tools


def test_a_figure_is_computed_only_once_even_when_two_paths_ask_for_it(book: GuideBook) -> None:
    got = plan(
        book,
        ["unlawful_termination", "severance_compensation"],
        "22年1月进厂，工资6000，今天被辞退了，补偿怎么算",
    )
    assert [c.tool for c in got.computations].count("severance") == 1


def test_the_asks_of_an_earlier_message_stand_when_the_last_one_only_adds_facts(book: GuideBook) -> None:
    got = plan(book, ["no_written_contract"], "一直没签劳动合同，能要双倍工资吗", "26年1月5号进的，工资4000")
    assert got.quantities()["double_wage_amount"] > 0


def test_an_asked_figure_missing_an_input_asks_for_exactly_that_input(book: GuideBook) -> None:
    got = plan(book, ["overtime"], "周末两天都叫我去加班，也不给调休，加班费能要多少")
    assert got.ask_fact == "monthly_wage" and got.ask
    assert not any(c.tool == "overtime" and c.quantities.get("overtime_pay") for c in got.computations)


@pytest.mark.parametrize(
    ("issues", "question"),
    [
        (["severance_compensation"], "是我自己先提出来想走的，跟公司协商解除了合同，这样能要经济补偿吗"),
        (["wage_arrears", "employee_resignation"], "说好的年终奖，我上个月离职了公司就说不发了，这合法吗"),
    ],
)
def test_no_input_is_asked_for_a_figure_the_conclusion_does_not_need(
    book: GuideBook, issues: list[str], question: str
) -> None:
    got = plan(book, issues, question)
    assert got.conclusion and got.ask is None


def test_a_figure_asked_for_still_asks_its_missing_input(book: GuideBook) -> None:
    got = plan(book, ["severance_compensation", "unlawful_termination"], "刚被公司辞退了，能拿多少补偿")
    assert got.ask_fact in ("service_months", "start_date")
