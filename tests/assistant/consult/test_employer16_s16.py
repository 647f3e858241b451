"""Session 16 (employer16, issue 13 "the employer answered as the claimant"): when the side that hires asks its own
duty or power about a worker spoken of in the third person, the opening states what the employer owes and how to
comply; when no one asks as the worker and the worker is only spoken of, the rule is said of the worker (员工…), not
to the one asking; a worker who says 我们老板 / 我们工人 is answered as before. Both ways, in our own wording."""

from __future__ import annotations

import pytest

from assistant.consult.facts import extract_facts

from .planning import TODAY, opening, plan_with_tools, ranked


def facts(text: str) -> dict[str, object]:
    return extract_facts([text], TODAY).values()


def said(p) -> str:
    return " ".join(s.text for s in p.conclusion)


@pytest.mark.parametrize(
    "text",
    [
        "员工上班时间经常玩手机，公司可不可以把他辞退",
        "有个职工三个月没签合同，单位现在需要承担什么责任",
        "试用期的店员干得不行，厂里该怎么处理才合法",
        "张某在我们店做了一年多，我们把他辞了，现在应该赔他多少",
        "家里请的保姆切菜时割伤了手，我们家要负责吗",
    ],
)
def test_the_hiring_side_asking_its_duty_is_the_employer(text: str) -> None:
    assert facts(text).get("asker") == "employer"


@pytest.mark.parametrize(
    "text",
    [
        "我们老板说我上班玩手机要开除我，他可以这样吗",  # the worker is 我
        "我们二十多个工人被欠了两个月工资，公司要付多少",  # workers as a group
        "公司强迫员工签自愿放弃社保的协议，我们应该怎么办",  # the workers' 我们
        "作为员工，公司要开除我，能要补偿吗",  # the worker says what they are
        "我被单位辞退了，单位要赔多少",
    ],
)
def test_a_worker_is_not_read_as_the_employer(text: str) -> None:
    assert facts(text).get("asker") != "employer"


def test_a_worker_only_spoken_of_is_marked_and_a_worker_asking_is_not() -> None:
    assert facts("辞退怀孕的员工要付多少赔偿？").get("worker_spoken_of") is True
    assert "worker_spoken_of" not in facts("我怀孕了被辞退，能要多少赔偿？")
    # A place hidden the forum's way (某公司) is not a worker named the forum's way (王某).
    assert "worker_spoken_of" not in facts("在某公司上班，加班费怎么算")


def test_the_employer_asking_what_a_graded_worker_costs_is_told_who_pays() -> None:
    p = plan_with_tools(
        "我们单位一名职工工伤评了八级，单位要出多少钱",
        ranked("work_injury_benefits", "work_injury_recognition"),
    )
    first = opening(p)
    assert first.startswith("你是用人单位")
    assert (
        "工伤保险基金支付" in first and "一次性伤残就业补助金" in first and "单位按同样的项目和标准" in first
    )
    assert "你可以申请" not in said(p)


def test_the_employer_of_a_grade_five_worker_is_told_to_keep_him_on() -> None:
    p = plan_with_tools(
        "我们厂有个工人评了五级伤残，厂里是不是可以让他走",
        ranked("work_injury_benefits", "work_injury_recognition"),
    )
    assert opening(p).startswith("你是用人单位") and "伤残津贴" in opening(p)


def test_the_employer_asking_about_a_dismissal_hears_its_exposure_not_the_workers_remedy() -> None:
    p = plan_with_tools("员工连着两天没来上班也没请假，公司能不能马上开除他", ranked("unlawful_termination"))
    assert opening(p).startswith("你是用人单位")
    assert "二倍" in opening(p)
    # The guide's rule that follows is said of the worker, never to the employer as the claimant.
    assert "你可以要" not in said(p) and "你确实" not in said(p)


def test_a_topic_without_an_employer_note_is_still_said_of_the_worker() -> None:
    p = plan_with_tools(
        "我们是劳务派遣公司，派到工厂的员工跟工厂闹了矛盾，谁是他的用人单位", ranked("labour_dispatch")
    )
    assert "是你的用人单位" not in said(p)


def test_a_neutral_question_about_staff_is_said_in_the_third_person() -> None:
    p = plan_with_tools("没有理由开除员工，要赔多少钱", ranked("unlawful_termination"))
    assert "员工" in opening(p) and "辞退你" not in opening(p)
    assert p.ask is None or "你在" not in p.ask


def test_the_worker_asking_is_still_spoken_to() -> None:
    p = plan_with_tools("我没有犯错，公司无缘无故把我开除了，要赔多少钱", ranked("unlawful_termination"))
    assert "你" in opening(p) and not opening(p).startswith("你是用人单位")


def test_a_household_hiring_a_nanny_is_told_its_own_share() -> None:
    p = plan_with_tools("家里请的保姆切菜时割伤了手，我们家要负责吗", ranked("personal_service_and_harm"))
    first = opening(p)
    assert "过错" in first and "不是工伤" in first
    assert "找雇你的人" not in first


def test_the_employer_naming_a_fault_is_told_what_it_must_prove_and_do() -> None:
    for text in (
        "员工无故旷工一个星期，单位打算把他开除，要注意什么",
        "员工连续旷工了好几天，公司能不能直接开除，要给补偿吗",
    ):
        p = plan_with_tools(text, ranked("unlawful_termination"))
        assert "民主程序" in opening(p) and "你可以要" not in said(p), text


def test_the_employer_naming_a_trifle_is_warned_it_is_no_serious_breach() -> None:
    p = plan_with_tools("公司能不能因为员工上班玩手机就直接把他辞退", ranked("unlawful_termination"))
    assert "构不成" in opening(p) or "够不上" in opening(p)
    assert "你可以要" not in said(p)


def test_a_worker_told_of_a_fault_still_hears_the_workers_answer() -> None:
    p = plan_with_tools("我旷工了两天，公司说要开除我，这样合法吗", ranked("unlawful_termination"))
    assert not opening(p).startswith("你是用人单位")


@pytest.mark.parametrize(
    "text",
    [
        "在工地做小工，老板说好一天三百，现在只给两百五",  # the asker's own job, no pronoun
        "开网约车的，车是公司的，算不算公司的员工",  # the asker's own standing
    ],
)
def test_a_worker_naming_their_own_job_is_not_spoken_of(text: str) -> None:
    told = facts(text)
    assert "worker_spoken_of" not in told and told.get("asker") != "employer"


def test_the_statutes_question_about_the_employer_is_not_read_as_the_employer_asking() -> None:
    told = facts("劳动者在试用期内生病了，用人单位可以解除合同吗")
    assert told.get("asker") != "employer" and told.get("worker_spoken_of") is True
