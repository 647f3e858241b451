"""The opening answers the question asked, not a neighbouring one (issue 13, the session-5 lawyer reading):
the clause that carries the question outweighs the background told before it, a clause that asks whether
something still holds leans on that background, and the injury guides fit their steps to the stage the
case has reached. Each case has a look-alike that must not be answered the same way. The wording is the
team's own."""

import pytest

from assistant.consult.kinds import asked_clause
from assistant.consult.plan import ConsultPlan
from tests.assistant.consult.planning import opening, plan_with_tools, ranked

INJURY = ("work_injury_recognition", "work_injury_benefits")


def plan(question: str, *issues: str) -> ConsultPlan:
    return plan_with_tools(question, ranked(*issues))


def texts(sentences: list) -> str:
    return "\n".join(s.text for s in sentences)


# --- the asked clause -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "clause"),
    [
        ("摔断了胳膊，医生说要住院一周，单位能赔几个月的工资吗？", "单位能赔几个月的工资吗"),
        ("加班费该给多少？一个月加这么多合法吗", "加班费该给多少"),  # two things: the figure's clause
        ("撞我的司机已经赔了钱，我还能申请工伤吗", ""),  # 还能: the background is the subject
        ("老板跑了，工资一分没拿到", ""),  # told, not asked
    ],
)
def test_the_asked_clause_is_the_one_holding_the_deciding_marker(question: str, clause: str) -> None:
    assert asked_clause(question) == clause


def test_a_figure_asked_of_the_clause_is_not_overridden_by_the_guides_first_figure() -> None:
    # 最晚到什么时候 asks for a date: the deadline answer, whose words are in the asked clause, not the
    # guide's first figure answer (how much one gets).
    p = plan("今年3月10号在厂里受的伤，单位一直不给申请工伤，我自己申请最晚到什么时候", *INJURY)
    assert p.selected[0] == "work_injury_recognition/deadline"
    assert "1年" in opening(p)
    # Asked how much, with no figure words of its own: the figure answer.
    q = plan("今年3月在厂里受的伤，单位一直不给申请工伤，到底能赔多少", *INJURY)
    assert q.selected[0] != "work_injury_recognition/deadline"


def test_months_of_pay_while_off_work_are_answered_where_only_recognition_is_found() -> None:
    p = plan("我妈在单位摔倒胳膊骨折了，要养三个月，单位能赔偿几个月的工资吗", "work_injury_recognition")
    assert p.selected[0] == "work_injury_recognition/pay_while_off"
    assert "原工资" in opening(p) and "12个月" in opening(p)


def test_background_words_alone_do_not_choose_the_answer() -> None:
    # 没签合同 names the no-contract answer, but the question asks how long the procedure takes.
    p = plan("在工地上干活没签合同，腿被砸伤了，工伤认定要多久能批下来", *INJURY)
    assert p.selected[0] == "work_injury_recognition/how_long"
    assert "60日" in opening(p)
    assert "1年" not in opening(p)  # not the filing limit, a neighbouring question
    # Asked about the contract itself, the no-contract answer speaks.
    q = plan("在工地上干活腿被砸伤了，没签合同能认定工伤吗", *INJURY)
    assert q.selected[0] == "work_injury_recognition/no_contract"


def test_a_clause_asking_whether_it_still_holds_is_answered_from_the_background() -> None:
    p = plan("撞我的司机已经赔了钱，我还能申请工伤吗", *INJURY)
    assert p.selected[0] == "work_injury_recognition/third_party"


def test_a_named_lump_sum_is_answered_before_the_dismissal_told_around_it() -> None:
    p = plan(
        "评了九级伤残，公司要跟我解除劳动合同，一次性工伤医疗补助金怎么算",
        "unlawful_termination",
        "work_injury_benefits",
    )
    assert p.selected[0] == "work_injury_benefits/leaving_subsidies"
    assert "工伤保险基金" in opening(p) and "9个月" in opening(p)
    assert "两倍" not in opening(p)


def test_two_benefits_told_apart_and_who_pays_each() -> None:
    p = plan("伤残津贴跟一次性伤残补助金是一回事吗？分别是谁给钱", *INJURY)
    assert opening(p).startswith("不是一回事")
    assert "按月" in opening(p) and "工伤保险基金" in opening(p)
    q = plan("一次性伤残补助金可以从工伤保险基金里领吗", *INJURY)
    assert opening(q).startswith("是工伤保险基金付")
    # The names alone ask for the amount: the grade's figure answer, not the payer.
    r = plan("九级伤残的一次性伤残补助金是多少", *INJURY)
    assert r.selected[0] == "work_injury_benefits/by_grade"


def test_a_narrower_answer_needs_its_own_words_whatever_its_kind() -> None:
    # Only the grade and the lump sums are named: the payer answer (a verdict) must not take it.
    p = plan("评了九级伤残，我自己想辞职，两项一次性补助金能拿吗", *INJURY)
    assert p.selected[0] == "work_injury_benefits/leaving"
    assert opening(p).startswith("能")
    assert "不能随便辞退" not in opening(p)  # he resigns; nobody dismisses him


def test_a_known_grade_and_wage_put_the_figure_in_the_opening() -> None:
    p = plan("评了八级伤残，受伤前月工资5200，工伤能赔多少", "work_injury_recognition")
    assert "57200" in opening(p)


def test_an_employer_assigned_training_trip_is_a_business_trip() -> None:
    p = plan("单位派我去总部参加培训，在培训基地摔伤了，算工伤吗", *INJURY)
    assert p.selected[0] == "work_injury_recognition/business_trip"
    assert opening(p).startswith("能")
    # Hurt at home on a day off: not a work injury.
    q = plan("放假在家里做饭切到手，算工伤吗", *INJURY)
    assert q.selected[0] != "work_injury_recognition/business_trip"


# --- the stage of an injury case ---------------------------------------------------------------------


def test_a_worker_who_already_applied_is_not_told_to_apply() -> None:
    p = plan("右脚被叉车压伤，我已经申请了工伤认定，什么时候可以做伤残鉴定", *INJURY)
    assert p.facts.get("injury_stage") == "applied"
    assert not p.situations, "past the acute stage: no emergency steps"
    said = opening(p) + texts(p.steps)
    assert "受伤之日起1年内" not in said and "自己准备申请表" not in said
    assert "60日" in said
    # Not yet applied: the one-year application is the step.
    q = plan("右脚被叉车压伤，单位不给申请工伤，什么时候可以做伤残鉴定", *INJURY)
    assert q.facts.get("injury_stage") is None
    assert "受伤之日起1年内" in opening(q) + texts(q.steps)


def test_a_recognised_or_graded_worker_gets_the_next_stage() -> None:
    p = plan("工伤已经认定下来了，接下来怎么办", *INJURY)
    assert p.facts.get("injury_stage") == "recognised"
    assert "劳动能力鉴定" in opening(p)
    assert "申请工伤认定" not in texts(p.steps)
    q = plan("还没认定下来，单位一直拖着，接下来怎么办", *INJURY)
    assert q.facts.get("injury_stage") is None  # 没认定下来 is a stage not reached


def test_a_refused_discharge_is_answered_with_the_route_that_settles_it() -> None:
    p = plan("工伤住院快一个月，医生说可以出院了，我不想出院，厂里催我，怎么办", *INJURY)
    assert p.selected[0] == "work_injury_benefits/discharge"
    assert "劳动能力鉴定" in opening(p)
    assert not opening(p).startswith("应当照发")


def test_a_worker_resigning_before_the_grade_is_told_what_waiting_for_it_keeps() -> None:
    p = plan("工伤认定下来了，还没做劳动能力鉴定，我想辞职，辞职对工伤待遇有影响吗", *INJURY)
    assert p.selected[0] == "work_injury_benefits/leaving"
    assert opening(p).startswith("能辞职") and "鉴定" in opening(p)
    assert "不能随便辞退" not in opening(p)  # nobody dismisses him
    # Dismissed instead: the protection of an injured worker is the answer.
    q = plan("工伤认定下来了，还没做劳动能力鉴定，公司就要辞退我，合法吗", *INJURY)
    assert "辞退" in opening(q) and not opening(q).startswith("能辞职")
