"""Session 18 (end18): points asked about the end of a job, each both ways in the team's own wording — the wage
the compensation is computed on (实施条例 27), the longest period it counts (47(2)), whether age limits it (47(1),
44(2)), who a layoff must keep (41(2)), a relocation's compensation (40(3)) and a worker leaving on his own
asking what he gets (37, 38, 46)."""

from __future__ import annotations

import pytest

from assistant.consult.facts import extract_facts

from .planning import TODAY, opening, plan_with_tools, ranked


@pytest.mark.parametrize(
    "question",
    [
        "单位裁员，补偿是按底薪算还是按平时拿到手的工资算",
        "被辞退的赔偿按税前工资算吗？每月的饭补也算吗",
        "公司按合同工资给我算补偿，合同上写的比实际少很多",
    ],
)
def test_the_wage_base_asked_opens_with_the_average_wage_with_bonuses(question: str) -> None:
    first = opening(plan_with_tools(question, ranked("severance_compensation")))
    assert first.startswith("按离职前12个月的平均应得工资算")
    assert "奖金、津贴和补贴" in first


def test_a_layoff_amount_with_the_wage_told_keeps_its_figure() -> None:
    # Look-alike: the wage is told, not asked about.
    first = opening(
        plan_with_tools("公司裁员，我干了两年半，月工资8000元，能拿多少", ranked("layoff_and_shutdown"))
    )
    assert not first.startswith("按离职前12个月的平均应得工资算")
    assert "3个月" in first


def test_a_performance_appraisal_is_not_the_wage_base_asked() -> None:
    # Lead mend: 绩效 names the appraisal that ended the job; the worker asks about notice or a month's pay.
    first = opening(
        plan_with_tools(
            "公司搞绩效考核，我考核没过被开了，应该提前一个月通知还是补偿我一个月工资",
            ranked("unlawful_termination"),
        )
    )
    assert not first.startswith("按离职前12个月的平均应得工资算")


def test_the_performance_pay_named_is_still_the_wage_base_asked() -> None:
    first = opening(plan_with_tools("辞退补偿算不算绩效工资", ranked("severance_compensation")))
    assert first.startswith("按离职前12个月的平均应得工资算")


def test_the_longest_period_asked_opens_with_the_cap_condition() -> None:
    first = opening(plan_with_tools("被开除的赔偿金最长几年", ranked("unlawful_termination")))
    assert "12年" in first and "3倍" in first


def test_age_asked_opens_with_no_limit_and_the_retirement_exception() -> None:
    first = opening(plan_with_tools("辞退补偿跟年纪大小有关系吗", ranked("severance_compensation")))
    assert first.startswith("不会，经济补偿不受年龄限制")
    assert "退休" in first


def test_age_in_hiring_is_not_the_compensation_point() -> None:
    first = opening(
        plan_with_tools("招聘限制年龄35岁以下，不录用年龄大的有没有补偿", ranked("employment_discrimination"))
    )
    assert "不受年龄限制" not in first


def test_who_a_layoff_keeps_first() -> None:
    first = opening(plan_with_tools("公司要裁人，哪些人可以优先留下来", ranked("layoff_and_shutdown")))
    assert "无固定期限" in first and "老人或未成年人" in first


def test_a_relocation_asked_for_compensation_opens_with_consultation_and_n() -> None:
    first = opening(
        plan_with_tools("厂子要搬到邻省去，我不想跟着去，能要多少补偿", ranked("rules_and_transfer"))
    )
    assert "协商" in first and "经济补偿" in first
    assert not first.startswith("不能")


@pytest.mark.parametrize(
    "question",
    ["我提议跟公司解除合同，我能拿到多少补偿", "我想辞职，能拿到几个月的补偿"],
)
def test_a_worker_leaving_on_his_own_is_told_no_n_without_fault(question: str) -> None:
    first = opening(plan_with_tools(question, ranked("severance_compensation")))
    assert first.startswith("一般没有")
    assert "协商一致" in first


def test_a_worker_leaving_over_unpaid_wages_keeps_the_n_of_38() -> None:
    # Look-alike: the employer's fault is told, so the written notice of 38 pays N.
    first = opening(
        plan_with_tools("公司欠我两个月工资，我想辞职，能要补偿吗", ranked("severance_compensation"))
    )
    assert not first.startswith("一般没有")


def test_a_layoff_called_off_and_the_worker_not_wanting_to_go_on_is_a_resignation() -> None:
    first = opening(
        plan_with_tools("说好的裁员又不裁员了，补偿也没谈拢，我不想再做了", ranked("layoff_and_shutdown"))
    )
    assert first.startswith("一般拿不到")


def test_a_department_dissolved_is_a_changed_circumstance_not_the_employer_dissolving() -> None:
    first = opening(
        plan_with_tools("我们部门撤销了，公司让我走，我能拿到什么补偿", ranked("employer_closure"))
    )
    assert first.startswith("要看单位有没有先和你协商")
    assert "两倍赔偿金" in first and "单位本身还在" in first


def test_a_protected_worker_whose_post_is_abolished_is_told_it_is_unlawful() -> None:
    # Lead mend: a pregnancy (42(4)) bars an ending on 40(3); the consultation-and-N answer must not open.
    first = opening(
        plan_with_tools(
            "我怀孕五个月了，领导说岗位取消了叫我这个月底走人，能这样吗", ranked("layoff_and_shutdown")
        )
    )
    assert first.startswith("不合法") and "两倍赔偿金" in first


def test_the_whole_company_dissolved_keeps_the_closure_answer() -> None:
    # Look-alike: the employer itself dissolved (44(5)), not one department.
    first = opening(plan_with_tools("公司解散了，我能拿到什么补偿", ranked("employer_closure")))
    assert "单位本身还在" not in first


def test_the_business_term_run_out_is_the_employers_own_ending() -> None:
    question = "公司营业期限到了不再续，通知我劳动合同终止，有补偿吗"
    first = opening(plan_with_tools(question, ranked("contract_expiry_renewal")))
    assert first.startswith("有补偿") and "解散" in first


def test_a_dismissal_asked_on_the_contract_wage_keeps_both_sums() -> None:
    first = opening(
        plan_with_tools("干了4年被辞退，补偿是按合同上写的工资算吗", ranked("unlawful_termination"))
    )
    assert first.startswith("按离职前12个月的平均应得工资算")
    assert "4个月" in first and "8个月" in first


@pytest.mark.parametrize(
    ("question", "termination"),
    [
        ("我提议与用人单位解除劳动合同，能拿补偿吗", "resigned"),
        ("我想与用人单位解除劳动合同", "resigned"),
        ("用人单位单方解除劳动合同，怎么办", "dismissed"),  # look-alike: the employer ends it
        ("公司提议与我解除劳动合同，给多少补偿", "dismissed"),  # look-alike: the employer proposes
    ],
)
def test_who_ends_it_with_the_employer_named_as_用人单位(question: str, termination: str) -> None:
    assert extract_facts([question], TODAY).values().get("termination") == termination


def test_a_worker_proposing_the_ending_is_told_no_n_without_fault() -> None:
    question = "无固定期限合同，我年纪大了干不动，我提议与用人单位解除劳动合同，怎么做才能拿到补偿"
    first = opening(plan_with_tools(question, ranked("severance_compensation")))
    assert first.startswith("一般没有")


def test_a_wage_above_three_times_the_average_told_opens_with_the_cap_applied() -> None:
    question = "我干了20年，工资比当地平均工资高三倍多，公司只给13个月补偿，对吗"
    first = opening(plan_with_tools(question, ranked("severance_compensation")))
    # Session 27: twenty years back from 2026 start before 2008 — those years are counted apart (97(3)).
    assert first.startswith("要按封顶算") and "最多算12年" in first and "2008年以前的年限" in first


def test_a_summer_worker_may_leave() -> None:
    first = opening(
        plan_with_tools("放假出来做暑假工，签了合同，干不下去了能提前走吗", ranked("minor_workers"))
    )
    assert first.startswith("能")
    assert "16周岁" not in first
