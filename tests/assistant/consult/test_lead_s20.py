"""Session 20: classes the blind reading of the check half's changed answers named — time still to come read as
tenure, tenure told as 工作时间超过…, a proposal addressed to the employer read as the employer's, and the
compensation figure opened for a worker who resigns as if anyone who quits were owed it."""

from __future__ import annotations

from assistant.consult.answer_examples import Choice
from assistant.consult.facts import extract_facts
from tests.assistant.consult.planning import TODAY, opening, plan_with_choice, plan_with_tools, ranked


def facts(question: str) -> dict[str, object]:
    return extract_facts([question], TODAY).values()


def test_time_still_to_come_is_not_the_time_served() -> None:
    """我要求再工作一个月 asks for a month more; it was read as a tenure of one month (2N = 1 month's wage)."""
    assert "service_months" not in facts("公司通知我解除合同，我要求再工作一个月，补偿一个月的工资")
    assert "service_months" not in facts("老板说还得干两个月才能走")
    assert facts("我在厂里工作了三年")["service_months"] == 36.0


def test_tenure_told_as_working_time_over_some_years_is_read_as_more_than_them() -> None:
    told = facts("公司无缘无故解除合同。我的工作时间超过一年不到一年半")
    # Session 24: the bound under it (不到一年半) leaves one N for every month between — no span.
    assert told["service_months"] == 15.0 and "service_vague" not in told
    assert facts("干了超过两年")["service_vague"] == "两年多"
    plan = plan_with_tools(
        "公司招了新人，通知我解除合同。我要求再工作一个月。我的工作时间超过一年不到一年半。公司无缘无故解除劳动合同，能赔多少",
        ranked("unlawful_termination"),
    )
    first = opening(plan)
    assert "3个月工资" in first and "3至4" not in first and "是1个月工资" not in first


def test_a_proposal_made_to_the_employer_is_the_workers() -> None:
    assert facts("待派遣员工向派遣单位提出解除劳动合同，可否主张经济补偿？")["proposed_by"] == "worker"
    assert facts("单位提出解除合同，给多少补偿")["proposed_by"] == "employer"
    plan = plan_with_tools(
        "员工向派遣单位提出解除劳动合同，经济补偿标准是什么",
        ranked("severance_compensation", "labour_dispatch"),
    )
    assert "法律不要求单位付经济补偿" in opening(plan)


def test_the_amount_asked_by_a_worker_who_resigned_opens_with_the_condition() -> None:
    """The formula alone read as owed to anyone who quits (两位律师: could cost the worker a right)."""
    plan = plan_with_tools("我辞职了，经济补偿金按什么标准算，能拿多少", ranked("severance_compensation"))
    assert plan.selected[0] == "severance_compensation/amount"
    first = opening(plan)
    assert first.startswith("要看为什么走") and "自己主动辞职的，单位不付经济补偿" in first
    owed = plan_with_tools(
        "公司拖欠我三个月工资，我辞职了，经济补偿能拿多少", ranked("severance_compensation")
    )
    assert opening(owed).startswith("能拿：单位欠薪")


def _chosen(ref: str) -> Choice:
    return Choice(ref, 0.5, {ref: 0.5}, 0.25)


def test_a_learned_choice_is_not_silenced_as_an_issue_found_only_by_meaning() -> None:
    """The unsigned contract's 怎么办, chosen for the whole question, lost the whole conclusion when its issue
    had been found by meaning alone (the words 不肯跟我签 are not its subject words)."""
    question = "入职半年了公司一直不肯跟我签劳动合同，我该怎么办"
    plan = plan_with_choice(
        question,
        ranked("no_written_contract"),
        _chosen("no_written_contract/what_to_do"),
        by_meaning=("no_written_contract",),
    )
    assert plan.selected[:1] == ["no_written_contract/what_to_do"]
    assert opening(plan).startswith("单位已经违法：入职超过一个月还没签书面合同")


def test_the_injury_wage_base_asked_without_a_grade_says_first_that_pay_while_off_continues() -> None:
    """工伤期间的工资怎么算 answered with the base of the lump sums read as the pay during time off (lower than
    the wage owed): with no grade told, the opening says what the base is for and that pay while off is the
    full wage."""
    plan = plan_with_choice(
        "工伤期间的工资怎么算？", ranked("work_injury_benefits"), _chosen("work_injury_benefits/own_wage")
    )
    first = opening(plan)
    # Session 23 (inj23, class "pay while off work"): the pay while off asked in these words is an asked point
    # (corpus/consult/asked_points.toml injury_pay_how) and opens with the 停工留薪期 itself, before any learned choice.
    assert first.startswith("应当照发") and "原工资福利待遇不变" in first
    assert (33, 1) in {(ref.article, ref.paragraph) for ref in plan.conclusion[0].cite}
    base = plan_with_choice(
        "工伤赔偿的本人工资怎么算？", ranked("work_injury_benefits"), _chosen("work_injury_benefits/own_wage")
    )
    assert opening(base).startswith("本人工资是你受伤前12个月平均的月缴费工资")
    assert "停工留薪期）的工资不按它算" in opening(base)
    graded = plan_with_tools("评了九级，本人工资怎么算", ranked("work_injury_benefits"))
    assert opening(graded).startswith("本人工资是你受伤前12个月平均的月缴费工资")


def test_two_asked_parts_answered_by_one_rule_say_it_once_with_the_verdict() -> None:
    """能要经济补偿吗，标准是什么 after a worker-proposed ending: both parts' answers say the same rule, one after
    "没有。" — the conclusion says it once, with the verdict."""
    plan = plan_with_tools(
        "员工向派遣单位提出解除劳动合同，能要经济补偿吗，标准是什么", ranked("severance_compensation")
    )
    texts = [s.text for s in plan.conclusion]
    rule = "双方协商解除的，法律不要求单位付经济补偿"
    assert sum(rule in t for t in texts) == 1
    assert any(t.startswith("没有。") and rule in t for t in texts)
