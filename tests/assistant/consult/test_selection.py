"""Which question the conclusion answers: the question's kind (two things asked, a reply that only adds
facts), the guide answer whose words cover the question (a narrower case over its general one, the
subject over a circumstance), a raised situation only when it is what was asked, and the harms a
lawyer found (a worker owed wages told to resign with 30 days' notice). Each case has a look-alike that
must not be answered the same way. The wording is the team's own."""

from datetime import date

import pytest

from assistant.consult.facts import extract_facts
from assistant.consult.guides import load_guides
from assistant.consult.kinds import asked_text, question_kind
from assistant.consult.plan import ConsultPlan, coverage, plan_consultation
from eval.consult_metrics import opening_form_ok

TODAY = date(2026, 12, 5)


def plan(
    question: str, *issues: str, earlier: tuple[str, ...] = (), codes: tuple[str, ...] = ()
) -> ConsultPlan:
    facts = extract_facts([*earlier, question], TODAY)
    scored = [(issue, 1.0 - 0.1 * i) for i, issue in enumerate(issues)]
    return plan_consultation(question, facts, scored, codes, load_guides(), earlier=earlier)


def opening(p: ConsultPlan) -> str:
    assert p.conclusion, "no conclusion"
    return p.conclusion[0].text


# --- the kind of question -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("月薪4000，周末加了两天班，加班费该给多少，这样安排合法吗", "figure"),  # two things: the figure
        ("周末叫我加班又不给钱，这样合法吗", "verdict"),  # one thing: the verdict
        ("被辞退了补偿能拿多少", "figure"),
        ("公司拖着工资不发，这河法吗", "verdict"),  # 合法 typed by sound
        ("下班路上被货车撞了，交警判对方全责，能算工伤不", "verdict"),  # a closing 不 asks yes or no
        ("工资不高，活又累，不想干了怎么办", "action"),  # 不 inside a sentence asks nothing
    ],
)
def test_the_kind_follows_what_is_asked(question: str, kind: str) -> None:
    assert question_kind(question) == kind


def test_a_reply_that_only_adds_facts_keeps_the_earlier_question() -> None:
    earlier = ("老板嫌我顶嘴把我开了，能要赔偿吗",)
    reply = "2022年3月进的厂，工资一个月5600"
    assert question_kind(reply, earlier) == "verdict"
    assert "能要赔偿" in asked_text(reply, earlier)
    # Without the earlier question the same words ask nothing: an action (what to do) is the default.
    assert question_kind(reply) == "action"
    # A reply that asks something new is read on its own.
    assert asked_text("那加班费怎么算", earlier) == "那加班费怎么算"


def test_a_follow_up_with_only_facts_is_answered_as_the_damages_it_asked_about() -> None:
    p = plan(
        "2022年3月进的厂，11月被开的，工资一个月5600",
        "unlawful_termination",
        earlier=("老板嫌我顶嘴把我开了，能要赔偿吗",),
    )
    assert p.selected[0] == "unlawful_termination/damages"


# --- the answer of a guide ------------------------------------------------------------------------


def test_the_subject_outweighs_a_circumstance_that_is_only_mentioned() -> None:
    p = plan("我姐在车间突发心梗倒下了，包工头说跟他没关系，这能算工伤吗", "work_injury_recognition")
    assert p.selected[0] == "work_injury_recognition/sudden_illness"
    look_alike = plan("包工头说我没签合同不是他的人，干活摔伤了算工伤吗", "work_injury_recognition")
    assert look_alike.selected[0] == "work_injury_recognition/no_contract"


def test_a_word_said_with_a_few_characters_inserted_still_counts() -> None:
    assert coverage(["跟正式工"], "我跟车间里正式工干一样的活") == 4
    assert coverage(["跟正式工"], "我跟车间里，正式工") == 0  # not across a clause
    p = plan("我们是派遣来的，跟车间里正式工干同样的岗位，工资少一截，能要一样的吗", "labour_dispatch")
    assert p.selected[0] == "labour_dispatch/equal_pay"
    assert opening(p).startswith("不合法")


def test_probation_dismissal_with_conditions_never_told_is_unlawful() -> None:
    p = plan("试用期被辞了，说我不符合录用条件，可入职时谁也没告诉过我有什么条件，这合法吗", "probation")
    assert p.selected[0] == "probation/dismissed_unproven"
    assert opening(p).startswith("不合法")
    look_alike = plan("试用期考核没过，公司说我不符合录用条件把我辞了，这合法吗", "probation")
    assert look_alike.selected[0] == "probation/dismissed"


def test_a_probation_wage_said_as_a_share_below_eighty_percent_is_unlawful() -> None:
    p = plan("转正工资说好5000，试用期打六折只发3000，这样合法吗", "probation")
    assert opening(p).startswith("不合法")
    assert "《劳动合同法》第二十条" in {str(ref) for ref in p.conclusion[0].cite}


def test_signing_away_social_insurance_does_not_close_the_door() -> None:
    p = plan("当初写了自愿放弃社保的声明，现在后悔了，以后还能让公司给我补上吗", "social_insurance")
    assert p.selected[0] == "social_insurance/claim_after_waiver"
    assert opening(p).startswith("能")
    look_alike = plan("公司让我签自愿放弃社保的声明，这个声明有效吗", "social_insurance")
    assert look_alike.selected[0] == "social_insurance/waiver"
    assert opening(look_alike).startswith("不算数")


def test_late_pregnancy_night_shifts_may_be_refused_outright() -> None:
    p = plan("怀孕七个多月了，厂里还让我上夜班，我能拒绝吗", "female_workers")
    assert opening(p).startswith("能拒绝")
    look_alike = plan("怀孕三个月，厂里让我上夜班，我能拒绝吗", "female_workers")
    assert look_alike.selected[0] == "female_workers/pregnancy_work"
    assert not opening(look_alike).startswith("能拒绝")


def test_a_figure_question_gets_the_figure_answer_not_a_verdict_a_circumstance_matched() -> None:
    p = plan("月薪4350，上个周六加了一天班也没给调休，加班费咋算", "overtime")
    assert p.selected[0] == "overtime/pay"
    look_alike = plan("周六加了一天班，主管说给调休不给加班费，这样行吗", "overtime")
    assert look_alike.selected[0] == "overtime/too_much"


def test_a_minor_sent_underground_is_told_it_is_unlawful() -> None:
    p = plan("侄子今年17岁，老乡介绍他去矿上下井，工资高，这样合法吗", "minor_workers")
    assert opening(p).startswith("不合法")
    assert "《劳动法》第六十四条" in {str(ref) for ref in p.conclusion[0].cite}
    look_alike = plan("孩子17岁，暑假想去超市当收银员打工，能招他吗", "minor_workers")
    assert opening(look_alike).startswith("能，但有限制")


def test_an_employer_asking_whether_to_pay_is_told_it_depends_and_who_pays() -> None:
    p = plan(
        "我开了个小超市，店员下班骑车回家被人撞了，她要报工伤，我没给她买社保，我要赔钱吗",
        "work_injury_recognition",
    )
    assert opening(p).startswith("要看能不能认定工伤")
    assert "《工伤保险条例》第六十二条第二款" in {str(ref) for ref in p.conclusion[0].cite}
    worker = plan("下班骑车回家被人撞了，交警说对方全责，这算工伤吗", "work_injury_recognition")
    assert opening(worker).startswith("能认定工伤")


# --- harms a lawyer found, as classes ----------------------------------------------------------------


def test_a_worker_owed_wages_is_told_to_leave_at_once_in_writing_not_with_30_days_notice() -> None:
    p = plan("公司拖了两个月工资没发，我想走人，辞职要怎么写才稳妥", "employee_resignation")
    text = opening(p)
    assert "马上书面通知" in text and "个人原因" in text  # 别写“个人原因”
    assert "《劳动合同法》第三十八条第一款第（二）项" in {str(ref) for ref in p.conclusion[0].cite}
    look_alike = plan("想换个工作，辞职信怎么写", "employee_resignation")
    assert "提前30天" in opening(look_alike)


def test_a_no_contract_case_asking_what_money_is_answered_with_the_double_wage() -> None:
    p = plan("在装修队干了五个月一直没签合同，前天老板叫我别来了，我能要什么钱", "no_written_contract")
    assert p.kind == "figure" and p.selected[0] == "no_written_contract/double_wage"
    look_alike = plan("干了五个月一直没签合同，我到底算不算他们的员工", "no_written_contract")
    assert look_alike.selected[0] == "no_written_contract/relation"


def test_the_signing_situation_answers_a_signing_question_after_an_injury() -> None:
    p = plan(
        "在厂里被冲床切断了一根手指，老板让我今天签个5000块的私了协议，要不要签",
        "work_injury_recognition",
        codes=("death_or_serious_injury",),
    )
    assert p.selected[0].startswith("pressed_to_sign/")
    assert "别签" in opening(p)


def test_a_situation_not_asked_about_gives_way_to_the_guide_answer_that_is() -> None:
    p = plan(
        "工友在物流园被叉车压断了脚，派遣公司和物流园互相推，工伤到底谁去申请",
        "work_injury_recognition",
        codes=("death_or_serious_injury",),
    )
    assert p.selected[0] == "work_injury_recognition/deadline"
    assert p.situations, "the urgent steps still open the answer"


# --- every verdict opens with a verdict -------------------------------------------------------------

# Verdict answers whose question is "who" (找谁, 谁付, 哪家) or whose subject has no single polarity across
# the ways it is asked (哺乳期: 能让我加班吗 / 有没有哺乳时间; 办了个体户: 还算劳动关系吗 / 就告不了了吗; an
# injury whose link to work the facts do not tell): they state the rule instead.
STATES_THE_RULE = {
    "labour_dispatch/who_is_employer",
    "platform_employment/which_company",
    "work_injury_benefits/who_pays",
    "female_workers/breastfeeding",
    "platform_employment/self_employed",
    "work_injury_recognition/counts",
    "work_injury_recognition/overview",  # the rule asked in general: its three layers, stated (session 15)
    "severance_compensation/when_owed",  # the situations asked as a list: 46's cases, stated (session 18)
}


def test_every_verdict_branch_opens_with_a_verdict_word() -> None:
    unreadable = []
    for guide in load_guides().all():
        for answer in guide.answers:
            if answer.kind != "verdict" or f"{guide.id}/{answer.id}" in STATES_THE_RULE:
                continue
            for branch in answer.branches:
                if not opening_form_ok("**结论**\n\n" + branch.say, "verdict"):
                    unreadable.append(f"{guide.id}/{answer.id}: {branch.say[:30]}")
    assert unreadable == []
