"""Session 23 (issue 13, money23): "how much / what compensation" answered with the amount for the worker's facts.

Three classes two lawyers found reading unseen answers blind, in the team's own wording (never a forum question):
1. the amount asked sits below an adjacent topic — the years told, the opening states the months (N, and 2N where
   the ending would be unlawful), not the rule in months a year (corpus/guides, corpus/consult/own_figures.toml,
   the 得到什么 figure words of corpus/consult/question_kinds.toml);
2. a closure or a relocation — the site here closing or moving and the worker sent elsewhere: consent to the
   change (劳动合同法 35), refusing is no fault, an ending over it is 40(3) with N and a month in lieu of notice
   (corpus/consult/asked_points.toml site_closed_sent_elsewhere, the layoff guide's relocation answer);
3. sent home with no work — 工资怎么发 is an asked part of its own beside a layoff part (工资支付暂行规定 12)."""

from __future__ import annotations

from assistant.answer import AnswerService
from assistant.consult.answer_examples import Choice
from assistant.consult.facts import extract_facts
from assistant.consult.own_figures import FigureTable, load_own_figures, with_own_figures
from assistant.consult.plan import ConsultPlan, fill
from tests.assistant.consult.planning import (
    TODAY,
    conclusion_cites,
    conclusion_text,
    plan_with_choice,
    plan_with_tools,
    ranked,
    service_plan,
)

# Class 1: the years told, the months in the opening.


def test_a_layoff_with_the_years_told_opens_with_n_and_2n_in_months() -> None:
    # As the service plans it once the learned choice names the layoff's compensation.
    ref = "layoff_and_shutdown/compensation"
    question = "厂里裁员把我裁掉了，我在这干了两年零三个月，补偿给多少？"
    plan = plan_with_choice(question, ranked("layoff_and_shutdown"), Choice(ref, 0.9, {ref: 0.9}))
    assert plan.selected[0] == ref
    first = plan.conclusion[0].text
    assert "经济补偿是2.5个月工资" in first and "即5个月工资" in first
    assert "每满1年付1个月工资" not in first


def test_a_dissolution_with_the_years_told_states_the_months(service: AnswerService) -> None:
    plan = service_plan(service, "老板宣布公司解散了，我在公司干了七年，能拿多少补偿")
    assert "7个月工资" in plan.conclusion[0].text
    assert conclusion_cites(plan, "劳动合同法", 46)


def test_unpaid_insurance_with_a_start_date_states_the_months() -> None:
    # As the service plans it once the learned choice names the resignation's compensation (its words 辞职, 补偿).
    ref = "social_insurance/quit_compensation"
    question = "我2018年3月进的这家公司，公司一直没给交社保，我想辞职，能补偿多少钱"
    plan = plan_with_choice(question, ranked("social_insurance"), Choice(ref, 0.9, {ref: 0.9}))
    assert plan.selected[0] == ref
    assert "按你干的时间是9个月工资" in plan.conclusion[0].text


def test_what_do_i_get_after_a_dismissal_is_the_money_not_it_depends(service: AnswerService) -> None:
    plan = service_plan(service, "在厂里做了七年，老板叫我明天不用来了，我能得到什么？")
    first = plan.conclusion[0].text
    assert not first.startswith("要看单位辞退你的理由")
    assert "14个月工资" in conclusion_text(plan) and "7个月" in conclusion_text(plan)


def test_a_claim_near_its_time_limit_is_still_told_what_it_is_worth(service: AnswerService) -> None:
    plan = service_plan(
        service, "去年12月20号公司通知我解除劳动合同，我在那干了4年2个月，我能得到什么样的补偿？"
    )
    assert any(block.guide_id == "time_limit" for block in plan.situations)  # the limit is still shown first
    assert "9个月工资" in conclusion_text(plan)


def _planned(question: str, issues: list[tuple[str, float]], table: FigureTable | None) -> ConsultPlan:
    return plan_with_tools(question, issues, own_figures=table)


def test_a_protected_dismissal_states_2n_in_months_only_with_the_table() -> None:
    question = "怀孕四个月被公司辞退，我在那干了三年，能拿什么赔偿"
    with_table = _planned(question, ranked("unlawful_termination"), None)
    assert "按你说的工龄是6个月工资" in conclusion_text(with_table)
    without = _planned(question, ranked("unlawful_termination"), FigureTable(frozenset(), (), ()))
    assert "按你说的工龄" not in conclusion_text(without)
    assert "每满1年2个月工资" in conclusion_text(without)


def test_a_rule_is_left_as_written_without_the_years_or_when_the_figure_is_said() -> None:
    table = load_own_figures()
    rule = "可以要两倍赔偿金（每满1年2个月工资）。"
    assert with_own_figures(rule, {}, table, fill) == rule
    assert (
        with_own_figures(rule, {"damages_months": 8.0}, table, fill)
        == "可以要两倍赔偿金（按你说的工龄是8个月工资）。"
    )
    said = "两倍赔偿金是8个月工资（每满1年2个月工资）。"
    assert with_own_figures(said, {"damages_months": 8.0}, table, fill) == said


def test_a_verdict_asked_keeps_the_rule() -> None:
    question = "怀孕四个月被公司辞退，我在那干了三年，这样合法吗"
    plan = _planned(question, ranked("unlawful_termination"), None)
    assert "按你说的工龄" not in conclusion_text(plan)


# Class 2: a closure here or a move away.


def test_a_move_far_away_with_the_years_told_names_consent_n_and_notice_pay(service: AnswerService) -> None:
    plan = service_plan(service, "公司要把厂从东莞迁到江西去，我在这干了五年，不想过去，能怎么赔")
    assert plan.selected[0] == "layoff_and_shutdown/relocation"
    first = plan.conclusion[0].text
    assert "5个月工资" in first and "代通知金" in first and "不算过错" in first
    assert conclusion_cites(plan, "劳动合同法", 35)


def test_a_branch_closing_and_staff_sent_to_another_province_is_the_relocation(
    service: AnswerService,
) -> None:
    plan = service_plan(
        service,
        "我们这个城市的分店下个月关门，公司让大家调去外省的门店，不去就当自动离职，我干了两年，能要什么补偿",
    )
    assert plan.selected[0] == "layoff_and_shutdown/relocation"
    assert "2个月工资" in plan.conclusion[0].text


def test_one_worker_transferred_away_stays_the_transfer_answer(service: AnswerService) -> None:
    plan = service_plan(service, "公司要把我一个人调到外省分公司，不去就开除，能赔多少？")
    assert plan.selected[0].startswith("rules_and_transfer/")


# Class 3: sent home with no work, asked beside a layoff.


def test_pay_while_sent_home_is_answered_beside_the_layoff_part(service: AnswerService) -> None:
    plan = service_plan(
        service, "厂里订单少，停工半个月了，停工这段时间工资怎么发，以后要是裁员能给多少补偿？"
    )
    text = conclusion_text(plan)
    assert any(ref.law == "工资支付暂行规定" and ref.article == 12 for s in plan.conclusion for ref in s.cite)
    assert "最低工资" in text and "裁员" in text


def test_told_they_are_no_longer_needed_is_a_dismissal() -> None:
    facts = extract_facts(["老板说我们组的人不需要了，叫大家明天回去，我干了四年，现在还能要多少钱"], TODAY)
    assert facts.get("termination") == "dismissed"
    assert extract_facts(["厂里没订单，让我们先回家歇几天，工资怎么算"], TODAY).get("termination") is None
