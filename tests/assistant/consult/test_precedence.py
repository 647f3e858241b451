"""Which topic leads, and the point asked (session 9, class "the opening answers an adjacent or stock
question; a topic's template takes over"): an injury at work is answered on the 工伤 route, not with the
sick-leave (医疗期) template; a closure by the closure guide, not the dismissal template; a question about
the cases where a dismissal is barred by 劳动合同法 42, never with the steps of resigning; the papers for an
application by the guide of that application; the wage while off work by the 停工留薪期 answer, not the
grade tariff. Plans are made from the real guides with the issues given (as keyword routing raises
them), so these fail when the rules, the points or the guides change. The questions are the team's own."""

from datetime import date
from pathlib import Path

import pytest

from assistant.consult.facts import FACT_NAMES, QUANTITY_NAMES, extract_facts
from assistant.consult.guides import GUIDES_DIR, GuideError, load_guides, load_points
from assistant.consult.plan import ConsultPlan, plan_consultation
from assistant.consult.precedence import check_precedence, load_precedence

TODAY = date(2026, 12, 5)


def plan(question: str, *issues: str, rules: tuple = (), shipped: bool = True) -> ConsultPlan:
    facts = extract_facts([question], TODAY)
    scored = [(issue, 1.0 - 0.1 * i) for i, issue in enumerate(issues)]
    return plan_consultation(
        question, facts, scored, (), load_guides(), precedence=None if shipped else rules
    )


def first(p: ConsultPlan) -> str:
    return p.selected[0].split("/")[0] if p.selected else ""


def test_the_shipped_rules_name_guides_facts_and_points_that_exist() -> None:
    rules = load_precedence()
    assert {r.id for r in rules} >= {"work_injury_not_sick_leave", "protection_not_resignation"}
    assert check_precedence(rules, load_guides(), FACT_NAMES | QUANTITY_NAMES) == []


def test_a_rule_naming_a_missing_guide_fact_or_point_is_caught(tmp_path: Path) -> None:
    path = tmp_path / "precedence.toml"
    path.write_text(
        """
[[rule]]
id = "bad"
when = "no_such_fact == true"
lead = ["no_such_guide"]
yield = ["sick_leave_medical_period"]

[[rule]]
id = "bad_point"
asked = "no_such_point"
lead = ["unlawful_termination"]
yield = ["employee_resignation"]
""",
        encoding="utf-8",
    )
    problems = {(p.guide, p.ref) for p in check_precedence(load_precedence(path), load_guides(), FACT_NAMES)}
    assert problems == {("bad", "no_such_guide"), ("bad", "no_such_fact"), ("bad_point", "no_such_point")}
    path.write_text('[[rule]]\nid = "x"\nlead = ["a"]\nyield = ["b"]\n', encoding="utf-8")
    with pytest.raises(GuideError, match="when"):
        load_precedence.__wrapped__(path)


@pytest.mark.parametrize(
    "question",
    [
        "我在车间被机器压伤了手，住院一个多月，公司说按病假算，医疗期满就和我解除合同，这样对吗",
        "在工地干活从脚手架上摔下来骨折了，单位说医疗期只有三个月，到期就辞退，能这样吗",
    ],
)
def test_an_injury_at_work_is_not_answered_with_the_sick_leave_template(question: str) -> None:
    issues = ("sick_leave_medical_period", "unlawful_termination")
    before = plan(question, *issues, shipped=False)
    assert first(before) == "sick_leave_medical_period"  # the template the lawyers saw take over
    after = plan(question, *issues)
    assert first(after) in {"work_injury_benefits", "work_injury_recognition"}
    assert "sick_leave_medical_period" not in after.guides
    assert "医疗期内" not in after.conclusion[0].text
    assert any(ref.law == "劳动合同法" and ref.article == 42 for ref in after.conclusion[0].cite)
    assert not any("病假条" in s.text for s in after.steps)  # nor the sick-leave steps


def test_an_illness_keeps_the_sick_leave_answer() -> None:
    question = "我得了肿瘤住院做手术，公司说医疗期满就和我解除合同，这样对吗"
    p = plan(question, "sick_leave_medical_period", "unlawful_termination")
    assert first(p) == "sick_leave_medical_period"
    # An injury off work (在家里摔伤) is 非因工负伤: the medical period still decides it.
    home = plan("周末在家里摔伤骨折住院，公司说医疗期满就解除合同，这样对吗", "sick_leave_medical_period")
    assert first(home) == "sick_leave_medical_period"


@pytest.mark.parametrize(
    "question", ["什么情况下公司不得解除劳动合同", "请问哪些情形下用人单位不得解除劳动合同"]
)
def test_a_protection_question_routed_to_resignation_gets_the_dismissal_guide(question: str) -> None:
    # Routed to resignation alone (什么情况 is one of its ask words): its opening and its steps (写辞职信)
    # answered a worker asking about protection; the rule brings the dismissal guide in its place.
    before = plan(question, "employee_resignation", shipped=False)
    assert first(before) == "employee_resignation"
    assert any("辞职信" in s.text for s in before.steps)
    after = plan(question, "employee_resignation")
    assert after.selected[0] == "unlawful_termination/protected"
    assert after.guides == ["unlawful_termination"]


@pytest.mark.parametrize(
    "question",
    [
        "哪些情况下单位不能辞退我",
        "什么情况下公司不得解除劳动合同",
        "想问一下，哪些情形不能辞退员工",
        "请问哪些情形下用人单位不得解除劳动合同",
    ],
)
def test_a_protection_question_is_answered_with_article_42_never_with_resigning(question: str) -> None:
    for issues in (("unlawful_termination",), ("employee_resignation", "unlawful_termination")):
        after = plan(question, *issues)
        assert after.selected[0] == "unlawful_termination/protected"
        assert "employee_resignation" not in after.guides
        assert any((ref.law, ref.article) == ("劳动合同法", 42) for ref in after.conclusion[0].cite)
        assert "孕期" in after.conclusion[0].text and "医疗期" in after.conclusion[0].text
        assert not any("辞职" in s.text for s in [*after.conclusion, *after.steps])


def test_asking_about_ones_own_dismissal_keeps_the_verdict() -> None:
    # 能不能辞退我 about the worker's own case: the verdict on her facts, not the list of protections.
    p = plan("我怀孕三个月了，公司能不能辞退我", "unlawful_termination")
    assert p.selected[0] == "unlawful_termination/lawful"
    assert p.conclusion[0].text.startswith("不合法")


def test_a_closure_is_not_answered_with_the_dismissal_template() -> None:
    question = "公司倒闭了，老板说下个月不用来了，我们该怎么办"
    issues = ("unlawful_termination", "employer_closure")
    after = plan(question, *issues)
    assert first(after) == "employer_closure"
    assert "unlawful_termination" not in after.guides
    assert not any("两倍" in s.text for s in after.conclusion)


def test_a_department_closed_is_not_the_employer_closing() -> None:
    # 40(3), an objective change: the dismissal guide's verdict, not 44(4)(5)'s termination with N.
    p = plan("公司把我们部门关闭了，说岗位没了就把我辞退了，合法吗", "unlawful_termination")
    assert first(p) == "unlawful_termination"


def test_the_papers_for_an_application_come_from_its_own_guide(tmp_path: Path) -> None:
    question = "申请工伤认定需要哪些材料"
    issues = ("work_injury_recognition", "arbitration_procedure")
    p = plan(question, *issues)
    assert p.selected[0] == "work_injury_recognition/how_to_apply"
    assert any((ref.law, ref.article) == ("工伤保险条例", 18) for ref in p.conclusion[0].cite)
    without = plan_consultation(
        question,
        extract_facts([question], TODAY),
        [(i, 1.0 - 0.1 * n) for n, i in enumerate(issues)],
        (),
        load_guides(GUIDES_DIR, tmp_path / "no_points.toml"),
    )
    # the adjacent answer (session 16: the arbitration guide's own materials answer, 调解仲裁法 28)
    assert without.selected[0] in ("arbitration_procedure/how_to_apply", "arbitration_procedure/materials")


def test_points_give_an_answer_every_phrasing_of_its_point() -> None:
    points = load_points()
    guide = next(g for g in load_guides().guides if g.id == "work_injury_recognition")
    apply = next(a for a in guide.answers if a.id == "how_to_apply")
    assert set(points["materials"].words) <= set(apply.asks)
    assert set(points["where_to_apply"].words) <= set(apply.asks)
    arbitration = next(g for g in load_guides().guides if g.id == "arbitration_procedure")
    filing = next(a for a in arbitration.answers if a.id == "how_to_apply")
    assert "需要哪些材料" not in filing.asks  # a bare 材料 reaches no point


def test_the_wage_while_off_work_is_the_stop_work_pay_answer_not_the_grade_tariff() -> None:
    p = plan("受了工伤一直在家养着，这段时间工资怎么算", "work_injury_benefits", "work_injury_recognition")
    # The pay while off work, as a verdict or (session 11) as the figure asked: the 停工留薪期, 33(1).
    assert p.selected[0] in ("work_injury_benefits/stop_work_pay", "work_injury_benefits/stop_work_pay_sum")
    assert any((ref.law, ref.article) == ("工伤保险条例", 33) for ref in p.conclusion[0].cite)
    # The tariff still answers a figure asked about the grade.
    graded = plan("评了九级伤残，一次性伤残补助金怎么算", "work_injury_benefits")
    assert graded.selected[0] == "work_injury_benefits/by_grade"


@pytest.mark.parametrize(
    "question", ["手指被机器切掉一截，可以评估几个等级的伤残", "肋骨骨裂三根，工伤鉴定能评多少级"]
)
def test_the_grade_asked_is_answered_by_grading_not_the_recognition_time_limits(question: str) -> None:
    # Routed to recognition alone, the opening was its stock answer (the one-year application). Since session 17
    # the asked point injury_grade_asked (an injury told + its grade asked) reaches grading without the rule too.
    after = plan(question, "work_injury_recognition")
    assert after.selected[-1] == "work_injury_benefits/grade_of_injury"
    assert any((ref.law, ref.article) == ("工伤保险条例", 25) for s in after.conclusion for ref in s.cite)


def test_an_injured_worker_asked_to_sign_is_told_not_to_before_grading() -> None:
    question = "在车间干活手被机器绞了，还在治疗，老板让我签个协议拿一万块走人，要签吗"
    before = plan(question, "work_injury_recognition", shipped=False)
    assert first(before) == "work_injury_recognition"
    after = plan(question, "work_injury_recognition")
    assert after.selected[0] == "work_injury_benefits/settlement"
    assert after.conclusion[0].text.startswith("先别签")
    # The recognition guide stays, after it: its one-year application is still among the steps.
    assert after.guides == ["work_injury_benefits", "work_injury_recognition"]
    assert any("1年内" in s.text for s in after.steps)


def test_signing_asked_outside_an_injury_keeps_its_own_guide() -> None:
    p = plan("公司让我签离职协议，给一个月工资，要不要签", "separation_agreement")
    assert first(p) == "separation_agreement"


@pytest.mark.parametrize(
    "question", ["周日加班在厂里搬东西闪了腰，能报工伤吗", "加班到半夜在车间门口被叉车碰了，能申报工伤吗"]
)
def test_asked_whether_it_is_a_work_injury_the_overtime_told_as_background_gives_way(question: str) -> None:
    issues = ("overtime", "work_injury_recognition")
    before = plan(question, *issues, shipped=False)
    assert first(before) == "overtime"
    after = plan(question, *issues)
    assert first(after) == "work_injury_recognition"
    assert any(ref.law == "工伤保险条例" and ref.article == 14 for ref in after.conclusion[0].cite)
    assert "包含加班费" not in after.conclusion[0].text
    assert "overtime" in after.guides  # it stays, after: the overtime pay is still owed


# The object asked beats a background word (ask9b, session 9, lawyers' class F1): asked what the
# employer's ending brings, the guide's answer about that ending speaks, not the one a status told as
# background (病假期间, 哺乳期) matched with more words.


def plan_without_answer_rules(monkeypatch: pytest.MonkeyPatch, question: str, *issues: str) -> ConsultPlan:
    import assistant.consult.plan as plan_module

    monkeypatch.setattr(plan_module, "load_answer_rules", lambda: ())
    return plan(question, *issues)


def test_asked_the_remedy_of_a_dismissal_during_sick_leave_the_ending_answer_speaks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    question = "胃出血住院期间，老板打电话说要把我解雇，这种情况我要怎么拿到补偿？"
    issues = ("unlawful_termination", "severance_compensation", "sick_leave_medical_period")
    after = plan(question, *issues)
    assert after.selected[0] == "sick_leave_medical_period/ending_pay"
    assert "违法解除" in after.conclusion[0].text and "病假工资" not in after.conclusion[0].text
    assert any(ref.law == "劳动合同法" and ref.article == 42 for ref in after.conclusion[0].cite)
    import assistant.consult.plan as plan_module

    # The last clause (我要怎么拿到补偿) names the remedy too (session 13's predicate rule): off as well, so
    # this counterfactual still shows what the answer rules alone mend.
    monkeypatch.setattr(plan_module, "predicate_span", lambda question: "")
    before = plan_without_answer_rules(monkeypatch, question, *issues)
    assert before.selected[0] == "sick_leave_medical_period/sick_pay"  # the sick-pay floor the lawyers saw


def test_asked_the_remedy_after_a_dismissal_while_pregnant_the_protection_speaks_not_nursing_hours(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    question = "怀孕四个月单位把我辞退了。孕期、产期、哺乳期的补偿标准是多少？"
    after = plan(question, "female_workers")
    assert after.selected[0] == "female_workers/dismissal"
    assert any(ref.law == "劳动合同法" and ref.article == 42 for ref in after.conclusion[0].cite)
    assert "哺乳时间" not in after.conclusion[0].text
    before = plan_without_answer_rules(monkeypatch, question, "female_workers")
    assert before.selected[0] == "female_workers/breastfeeding"


@pytest.mark.parametrize(
    ("question", "issues", "kept"),
    [
        # A worker who resigns told no ending by the employer: the resignation answer stays.
        (
            "我打算辞职，单位三年没给我交社保，辞职的话单位要给我补偿吗",
            ("social_insurance", "severance_compensation", "employee_resignation"),
            "social_insurance/quit_compensation",
        ),
        # Dismissed, but the asked clause asks about something else than the ending's money.
        ("哺乳期被公司辞退了，每天一小时的哺乳时间还算不算", ("female_workers", "unlawful_termination"), ""),
        # The ground of the ending matched (员工手册): a narrower answer about another situation (a transfer
        # refused) does not take the remedy asked.
        (
            "按员工手册我被记了三次大过，厂里就把我开除了，能要赔偿吗",
            ("rules_and_transfer", "unlawful_termination"),
            "rules_and_transfer/rules",
        ),
        # No ending told: sick pay is what is asked.
        (
            "住院请了两个月病假，病假期间工资怎么算",
            ("sick_leave_medical_period",),
            "sick_leave_medical_period/sick_pay",
        ),
    ],
)
def test_without_an_ending_asked_about_the_answer_stays(
    monkeypatch: pytest.MonkeyPatch, question: str, issues: tuple[str, ...], kept: str
) -> None:
    after = plan(question, *issues)
    before = plan_without_answer_rules(monkeypatch, question, *issues)
    assert after.selected[:1] == before.selected[:1]
    if kept:
        assert after.selected[0] == kept


def test_an_answer_rule_naming_a_missing_point_is_caught(tmp_path: Path) -> None:
    from assistant.consult.precedence import load_answer_rules

    path = tmp_path / "precedence.toml"
    path.write_text(
        '[[answer_rule]]\nid = "x"\nasked = "no_such_point"\ntold = "employer_ending"\n', encoding="utf-8"
    )
    with pytest.raises(GuideError, match="no_such_point"):
        load_answer_rules.__wrapped__(path)
    assert [r.id for r in load_answer_rules()] == ["ending_remedy_over_background"]


@pytest.mark.parametrize(
    "question",
    [
        "我是劳务派遣工，怀孕两个月，派遣公司说要和我解除劳动合同，我能拿到哪些赔偿？",
        "我是派遣过去的，现在在医疗期，派遣公司要跟我解除合同，能要什么补偿",
    ],
)
def test_a_protected_dispatched_worker_ended_is_answered_as_a_barred_dismissal(question: str) -> None:
    # 劳动合同法 42/48/87 (劳务派遣暂行规定 13) decide her ending; the dispatch guide's terms (two-year
    # contracts, fees) must not open the answer.
    issues = ("labour_dispatch", "unlawful_termination")
    after = plan(question, *issues)
    assert first(after) == "unlawful_termination"
    assert "labour_dispatch" in after.guides
    before = plan(question, *issues, rules=(), shipped=False)
    assert first(before) == "labour_dispatch"


def test_the_protected_status_rule_does_not_act_without_a_protected_status() -> None:
    question = "我是派遣工，派遣公司说要和我解除合同，能要什么补偿"
    rules = tuple(r for r in load_precedence() if r.id != "protected_dismissal_over_dispatch_terms")
    issues = ("labour_dispatch", "unlawful_termination")
    assert first(plan(question, *issues)) == first(plan(question, *issues, rules=rules, shipped=False))


def test_who_pays_on_a_building_site_is_the_general_contractor_first() -> None:
    # 保障农民工工资支付条例 30/36: asked 找谁要 about a 包工头, the construction guide's who-pays answer leads.
    question = "包工头欠我两个月工钱，人找不到了，找谁要"
    issues = ("wage_arrears", "migrant_construction_wages")
    after = plan(question, *issues)
    assert after.selected[0] == "migrant_construction_wages/who_pays"
    assert "wage_arrears" in after.guides
    assert first(plan(question, *issues, rules=(), shipped=False)) == "wage_arrears"


def test_who_pays_off_a_building_site_keeps_the_wage_guide() -> None:
    issues = ("wage_arrears", "migrant_construction_wages")
    assert first(plan("公司欠我两个月工资，找谁要", *issues)) == "wage_arrears"


@pytest.mark.parametrize(
    "question", ["工伤评了八级，干了12年，现在厂里要辞退我，能拿多少钱", "工伤九级，公司说要辞退我，怎么赔"]
)
def test_a_graded_worker_being_dismissed_is_told_the_bar_before_the_tariff(question: str) -> None:
    # 劳动合同法 42(2): a grade 5-10 worker may not be dismissed on 40/41 grounds; the grade's lump sums follow.
    issues = ("work_injury_benefits", "unlawful_termination")
    after = plan(question, *issues)
    assert first(after) == "unlawful_termination"
    assert "work_injury_benefits" in after.guides
    assert any("不能以客观情况变化" in s.text for s in after.conclusion)
    assert first(plan(question, *issues, rules=(), shipped=False)) == "work_injury_benefits"


def test_a_grade_asked_about_without_a_dismissal_keeps_the_tariff() -> None:
    assert first(plan("工伤评了九级，能拿多少钱", "work_injury_benefits", "unlawful_termination")) == (
        "work_injury_benefits"
    )
