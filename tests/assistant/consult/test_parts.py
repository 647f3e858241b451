"""The opening answers the point asked — and every point asked (issue 13, the session-7 learn-half
reading): each part of a two-part question selects its own answer, a question asking for every head of
claim names each head its facts show, a narrow point (travel costs, the employer's late filing, how long
arbitration takes, how the compensation is computed) is answered rather than the broader rule, and a
background word does not take the opening from the asked clause. Each case has a look-alike that must not
be answered the same way. The wording is the team's own."""

from pathlib import Path

import pytest

from assistant.config import CORPUS_DIR
from assistant.consult.facts import FACT_NAMES
from assistant.consult.guides import GuideError, load_guides
from assistant.consult.kinds import asked_parts, asks_for_heads, load_markers, question_kind
from assistant.consult.plan import ConsultPlan
from tests.assistant.consult.planning import opening, plan_with_tools, ranked

INJURY = ("work_injury_recognition", "work_injury_benefits")


def plan(question: str, *issues: str | tuple[str, float], codes: tuple[str, ...] = ()) -> ConsultPlan:
    return plan_with_tools(question, ranked(*issues), codes=codes)


def conclusion(p: ConsultPlan) -> str:
    return "".join(s.text for s in p.conclusion)


# --- the parts of a question ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        ("辞退了，补偿按几个月算？没休完的年假能换成钱吗？", 2),
        ("工伤住院这段时间工资照发吗？出院后做伤残鉴定要等多久？", 2),
        # However much background comes first, one question is one part.
        ("在厂里干了四年，上个月老板说厂子不行了让大家回家，补偿按几个月算？", 1),
        ("老板跑了，工资一分没拿到。", 0),  # told, not asked
    ],
)
def test_a_question_has_as_many_parts_as_sentences_that_ask(question: str, parts: int) -> None:
    assert len(asked_parts(question)) == parts


def test_each_part_of_a_two_part_question_is_answered_from_its_own_guide() -> None:
    p = plan("辞退了，补偿按几个月算？没休完的年假能换成钱吗？", "severance_compensation", "annual_leave")
    assert p.selected[:2] == ["severance_compensation/amount", "annual_leave/unused_pay"]
    assert len(p.conclusion) == 2
    assert "每满1年" in opening(p) and "300%" in p.conclusion[1].text
    # The same guide asked twice for its figure (多少？怎么算？) is one question: one sentence.
    once = plan("干了三年被辞退，补偿能拿多少？怎么算的？", "severance_compensation")
    assert len(once.conclusion) == 1


def test_a_part_asked_in_another_form_of_the_same_guide_is_answered_in_that_form() -> None:
    p = plan("工伤住院这段时间工资照发吗？出院后做伤残鉴定要等多久？", "work_injury_benefits")
    # Answered in the order asked (session 10): the wage first, then how long the appraisal takes.
    assert p.selected[:2] == ["work_injury_benefits/stop_work_pay", "work_injury_benefits/assessment_time"]
    assert "照发" in opening(p) and "60日" in p.conclusion[1].text
    # Two figures of that guide (几级赔多少？怎么算？): the opening alone.
    once = plan("评了八级伤残能赔多少？是怎么计算的？", "work_injury_benefits")
    assert len(once.conclusion) == 1


def test_a_part_that_names_nothing_a_guide_answers_is_left_out() -> None:
    p = plan("辞退了，补偿按几个月算？你们是真人回答的吗？", "severance_compensation")
    assert len(p.conclusion) == 1
    assert p.selected == ["severance_compensation/amount"]


# --- every head of claim asked ----------------------------------------------------------------------


def test_a_question_for_every_head_names_each_head_the_facts_show() -> None:
    question = "在饭店干了一年多一直没签合同，工资也欠了两个月没发，我能要哪些钱"
    assert asks_for_heads(question)
    p = plan(question, "no_written_contract", "wage_arrears")
    said = conclusion(p)
    assert load_markers().heads_lead in said
    assert "另付一个月工资" in said and "拖欠" in said  # the double wage and the wages owed, one line each
    assert "wage_arrears/claims" in p.selected or "no_written_contract/claims" in p.selected
    # The same story asking one figure is answered on that figure alone.
    one = plan(
        "在饭店干了一年多一直没签合同，工资也欠了两个月没发，双倍工资怎么算",
        "no_written_contract",
        "wage_arrears",
    )
    assert load_markers().heads_lead not in conclusion(one)


def test_a_single_case_asking_what_it_can_claim_gets_no_extra_heads() -> None:
    # A grade already assessed, recognition mentioned: the stages of one injury case, not further heads.
    p = plan("已经认定了工伤，评了八级，接下来能要哪些钱", *INJURY)
    assert load_markers().heads_lead not in conclusion(p)


# --- the narrow point asked -----------------------------------------------------------------------


def test_travel_costs_for_treatment_away_are_answered_with_their_own_condition() -> None:
    p = plan("工伤后医院要我转去外地大医院，路费和住宿费能不能报", "work_injury_benefits")
    assert p.selected[0] == "work_injury_benefits/travel_costs"
    assert "经办机构同意" in opening(p)
    general = plan("工伤的医药费到底该谁出", "work_injury_benefits")
    assert general.selected[0] == "work_injury_benefits/medical_costs"


def test_an_employer_late_to_file_is_told_what_the_delay_costs_it() -> None:
    p = plan("单位说帮我报工伤，一个多月了还没报，过了期限怎么办", *INJURY)
    assert p.selected[0] == "work_injury_recognition/employer_late"
    assert "由单位负担" in opening(p) and "1年" in opening(p)
    own = plan("单位不给申请工伤，我自己申请有期限吗", *INJURY)
    assert own.selected[0] == "work_injury_recognition/deadline"


def test_how_long_arbitration_takes_is_answered_with_its_time_limits() -> None:
    p = plan("劳动仲裁受理以后要多久才出裁决", "arbitration_procedure")
    assert p.selected[0] == "arbitration_procedure/how_long"
    assert "45日" in opening(p) and "15日" in opening(p)
    where = plan("劳动仲裁去哪里申请，要什么材料", "arbitration_procedure")
    assert where.selected[0] == "arbitration_procedure/how_to_apply"


def test_how_the_compensation_is_computed_is_answered_by_the_formula() -> None:
    p = plan("解除劳动合同的经济补偿金怎么计算", "unlawful_termination", "severance_compensation")
    assert p.selected[0] == "severance_compensation/amount"
    assert "每满1年" in opening(p)
    damages = plan("公司无故把我辞退了，能要赔偿金吗", "unlawful_termination", "severance_compensation")
    assert damages.selected[0].startswith("unlawful_termination/")


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("手指被机器压断一节，能评几级伤残", "figure"),
        ("公司无故解除合同，应该如何赔偿", "figure"),
        ("公司无故解除合同，我该找谁", "action"),
    ],
)
def test_a_grade_or_a_way_of_compensating_asks_for_a_figure(question: str, kind: str) -> None:
    assert question_kind(question) == kind


# --- the asked clause over a background word ----------------------------------------------------


def test_the_asked_clause_outweighs_the_ground_told_before_it() -> None:
    question = "单位一直没交社保，想因为这个走人，要怎么辞职才能拿到补偿"
    p = plan(question, "social_insurance", "severance_compensation", "employee_resignation")
    assert p.selected[0] == "employee_resignation/how_to"
    assert "书面" in opening(p)
    make_up = plan("单位一直没交社保，怎么让它补缴", "social_insurance", "severance_compensation")
    assert make_up.selected[0] == "social_insurance/make_up"
    # A clause that asks only the form (合法吗) names no subject of its own: the background's answer
    # (the incapacity ground told before it) still speaks, not any answer listing 合法吗 among its words.
    form_only = plan(
        "怀孕五个月，公司以不能胜任为由把我辞退了，合法吗",
        "rules_and_transfer",
        "unlawful_termination",
        "female_workers",
    )
    assert form_only.selected[0] == "rules_and_transfer/incompetent"


def test_a_faint_issue_whose_guide_the_facts_lead_is_still_weighed() -> None:
    # 没签合同 is the strongest word, but a grade assessed makes the benefits guide the one to answer.
    issues = (("no_written_contract", 1.0), ("work_injury_benefits", 0.3))
    p = plan("没签合同，干活受伤评了七级，月薪4000，单位能赔多少钱", *issues)
    assert p.selected[0] == "work_injury_benefits/by_grade"
    assert "13个月" in opening(p)
    # Without a grade the faint issue stays out: nothing in the facts makes it the one to answer.
    q = plan("没签合同，干活时受了伤，单位能赔多少钱", *issues)
    assert not q.selected or not q.selected[0].startswith("work_injury_benefits/")


def test_a_raised_situation_speaks_when_no_guide_answers_in_the_asked_form() -> None:
    # Session 26: 锯掉一截 is read as a finger lost since, and a finger lost with money asked has its own answer (the
    # typical grade); an accident told without a harm word keeps this test's case.
    question = "在工地，电锯出了事故，怎样赔偿"
    p = plan(question, "migrant_construction_wages", codes=("death_or_serious_injury",))
    assert p.selected[0].startswith("serious_injury/")
    assert "工伤认定" in opening(p)
    # With a guide that answers the figure in words, that guide speaks (the urgent steps still come first).
    q = plan("在工地，手指被电锯锯掉一截，能赔多少钱", *INJURY, codes=("death_or_serious_injury",))
    assert not q.selected[0].startswith("serious_injury/")


# --- the heads table is data, checked ---------------------------------------------------------------


def test_the_heads_table_names_real_guides_and_facts() -> None:
    markers = load_markers()
    ids = {g.id for g in load_guides().guides}
    assert markers.head_when, "no heads named"
    for guide_id, condition in markers.head_when.items():
        assert guide_id in ids, guide_id
        assert condition.names <= set(FACT_NAMES), (guide_id, condition.source)


def test_a_heads_table_without_its_lead_is_refused(tmp_path: Path) -> None:
    text = (CORPUS_DIR / "consult" / "question_kinds.toml").read_text(encoding="utf-8")
    broken = tmp_path / "question_kinds.toml"
    broken.write_text(text.replace('lead = "', 'unused = "'), encoding="utf-8")
    with pytest.raises(GuideError, match=r"\[heads\]\.lead"):
        load_markers(broken)
