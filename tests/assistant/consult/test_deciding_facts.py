"""The fact that decides the case opens the answer (session 7, class B of the learn-half lawyer
reading): a protected status at a dismissal or an expiry (劳动合同法 42, 45), the severance cap against
the city's average wage (47(2)), a layoff of a few out of many (41), years with an earlier unit (实施条例
10), a work injury without insurance (工伤保险条例 62), a death from illness at the post or at home and
the 48 hours (15(1)). Each fact is read from new wording both ways, and the opening applies it with the
worker's figures. Real guides, real facts reader, real tools."""

import pytest

from assistant.consult.facts import extract_facts, latest_retirement_age
from assistant.consult.guides import GuideBook, load_guides
from assistant.consult.plan import ConsultPlan
from tests.assistant.consult.planning import TODAY, opening, plan_with_tools


def facts(text: str) -> dict[str, object]:
    return dict(extract_facts([text], TODAY).values())


@pytest.fixture(scope="module")
def book() -> GuideBook:
    return load_guides()


def plan(book: GuideBook, issues: list[str], question: str) -> ConsultPlan:
    return plan_with_tools(question, [(issue, 1.0) for issue in issues], book=book)


# --- reading the facts ---------------------------------------------------------------------------


def test_the_laid_off_and_the_staff_are_counted() -> None:
    read = facts("全厂三百来号人，这回只裁掉了我们两个")
    assert read["laid_off_count"] == 2
    assert read["staff_count"] == 300


@pytest.mark.parametrize("text", ["公司裁员，我在这干了三个月", "裁员的话要提前一个月通知吗"])
def test_months_and_notice_are_not_a_count_of_people(text: str) -> None:
    assert "laid_off_count" not in facts(text)


def test_the_city_average_is_not_the_wage() -> None:
    read = facts("我月薪3万，我们市社平工资8000多，被公司辞退了")
    assert read["local_average_wage"] == 8000
    assert read["monthly_wage"] == 30000
    assert "local_average_wage" not in facts("月薪9000，被辞退了")


@pytest.mark.parametrize(
    ("text", "near"), [("干了18年，离退休不到三年了", True), ("干了18年，离退休还有8年", False)]
)
def test_near_retirement_within_five_years(text: str, near: bool) -> None:
    read = facts(text)
    assert read.get("near_retirement") is (True if near else None)
    assert (read.get("protected_status") == "near_retirement") is near


def test_the_latest_retirement_age_follows_the_2024_decision() -> None:
    assert latest_retirement_age(62, TODAY) == 60  # born 1964: before the reform
    assert latest_retirement_age(57, TODAY) == 61.25  # born December 1969: 15 months later
    assert latest_retirement_age(40, TODAY) == 63  # born 1986: the full 36 months


def test_protected_statuses_are_derived_in_order() -> None:
    assert facts("体检查出疑似矽肺，厂里要辞退我")["protected_status"] == "occupational_disease"
    assert facts("怀孕5个月了，公司让我走")["protected_status"] == "pregnancy"
    # 15 years in this unit and an age no one retires more than 5 years after; a younger age is left open.
    # Born in 1969 at the latest: a man retires at 61 years 3 months, a woman earlier.
    assert facts("在厂里干了17年，今年57岁，要裁我")["protected_status"] == "near_retirement"
    assert "protected_status" not in facts("在厂里干了7年，今年57岁，要裁我")
    # Born in 1970: 61 years 6 months is more than 5 years away for a man (a woman is left to the guide).
    assert "protected_status" not in facts("在厂里干了17年，今年56岁，要裁我")


def test_the_months_of_a_pregnancy_are_not_the_time_in_the_job() -> None:
    assert "service_months" not in facts("现在怀孕4个月了，公司说合同到期不续")
    assert facts("入职才两个月就被辞退了")["service_months"] == 2


def test_years_with_the_old_unit_count_only_when_the_employer_moved_the_worker() -> None:
    moved = facts("在老厂干了4年，后来集团安排我去子公司，又干了3年")
    assert moved["transferred"] is True and moved["service_months"] == 84
    chose = facts("之前在别的厂干了4年，我自己辞职来的这里，又干了3年")
    assert chose["transferred"] is False and chose["service_months"] == 36


@pytest.mark.parametrize(
    ("text", "hours"),
    [("送医院抢救了30多个小时没救过来", 30), ("抢救了三天人还是没了", 72), ("住院第二天就去世了", 24)],
)
def test_the_hours_of_rescue_are_read(text: str, hours: float) -> None:
    assert facts(text)["rescue_hours"] == hours


# --- the opening applies the fact ------------------------------------------------------------------


def test_a_worker_near_retirement_cannot_be_laid_off(book: GuideBook) -> None:
    p = plan(book, ["layoff_and_shutdown"], "我在厂里干了17年，离退休不到4年，厂里说效益不好要裁掉我，合法吗")
    assert opening(p).startswith("不能裁你")
    assert "15年" in opening(p)
    # Without the status the layoff's conditions and procedure answer.
    other = plan(book, ["layoff_and_shutdown"], "我在厂里干了7年，厂里说效益不好要裁掉我，合法吗")
    assert "15年" not in opening(other)


def test_a_pregnant_worker_dismissed_as_incapable_is_told_it_is_unlawful(book: GuideBook) -> None:
    p = plan(
        book,
        ["rules_and_transfer"],
        "怀孕6个月，公司说我考核不合格不能胜任，把我辞退了，干了2年，月薪7000，合法吗",
    )
    assert opening(p).startswith("不合法")
    assert "孕期" in opening(p) and "28000" in opening(p)
    other = plan(
        book, ["rules_and_transfer"], "公司说我考核不合格不能胜任，把我辞退了，干了2年，月薪7000，合法吗"
    )
    assert "孕期" not in opening(other)


def test_a_few_laid_off_out_of_many_is_no_layoff(book: GuideBook) -> None:
    q = "单位一共有150多名员工，说效益不好只裁了我们4个人，我干了3年，月薪5000，合法吗"
    p = plan(book, ["layoff_and_shutdown"], q)
    assert opening(p).startswith("不能按裁员处理")
    assert "30000" in opening(p)  # 2N: 3 years × 2 × 5000
    many = plan(
        book,
        ["layoff_and_shutdown"],
        "单位一共有150多名员工，效益不好裁了40个人，我干了3年，月薪5000，合法吗",
    )
    assert not opening(many).startswith("不能按裁员处理")


def test_a_few_laid_off_with_the_staff_unknown_asks_for_it(book: GuideBook) -> None:
    p = plan(book, ["layoff_and_shutdown"], "公司说效益不好，只裁了我们两个人，这样合法吗")
    assert opening(p).startswith("要看单位一共多少人")
    assert p.ask_fact == "staff_count"


def test_a_wage_above_three_times_the_city_average_is_capped(book: GuideBook) -> None:
    p = plan(book, ["severance_compensation"], "干了14年，月薪3万，我们市社平工资8000，公司辞退我，补偿多少")
    assert "3倍" in opening(p) and "24000" in opening(p) and "12个月" in opening(p)
    assert p.quantities()["severance_amount"] == 288000  # 8000 × 3 × 12


def test_a_high_wage_with_the_average_unknown_states_the_condition_and_asks(book: GuideBook) -> None:
    p = plan(book, ["severance_compensation"], "干了14年，月薪3万，公司把我辞退了，补偿多少")
    assert "低于10000元" in opening(p)
    assert p.ask_fact == "local_average_wage"


def test_an_ordinary_wage_is_told_the_cap_hardly_binds(book: GuideBook) -> None:
    p = plan(book, ["severance_compensation"], "干了14年，月薪5400，被辞退了，经济补偿是不是最多算12年")
    assert opening(p).startswith("一般不会封顶")
    assert "14个月" in opening(p)


def test_a_dismissal_with_no_ground_gives_the_months_of_2n_before_the_wage(book: GuideBook) -> None:
    p = plan(book, ["unlawful_termination"], "干了3年，老板没任何理由就把我开了，能要赔偿吗")
    assert opening(p).startswith("能要")
    assert "6个月工资" in opening(p)


def test_an_expiry_while_protected_runs_the_contract_on(book: GuideBook) -> None:
    p = plan(
        book, ["severance_compensation"], "查出疑似尘肺，合同到期公司不续了，干了6年，月薪6000，能拿补偿吗"
    )
    assert "延续" in opening(p) and "违法终止" in opening(p)
    other = plan(book, ["severance_compensation"], "合同到期公司不续了，干了6年，月薪6000，能拿补偿吗")
    assert "违法终止" not in opening(other)


def test_the_years_of_a_worker_moved_by_the_employer_are_merged(book: GuideBook) -> None:
    p = plan(
        book,
        ["severance_compensation"],
        "在老厂干了4年，集团安排我去子公司又干了3年，现在被辞退，月薪5000，补偿多少",
    )
    assert "合并计算" in opening(p) and "35000" in opening(p)


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("我爸上班时突发脑出血，抢救了20个小时没救过来，算工伤吗", "算，视同工伤"),
        ("我爸上班时突发脑出血，抢救了4天还是没救过来，算工伤吗", "一般不算"),
    ],
)
def test_a_death_from_illness_is_decided_by_the_48_hours(book: GuideBook, text: str, start: str) -> None:
    p = plan(book, ["work_injury_recognition"], text)
    assert opening(p).startswith(start)


def test_a_death_at_home_is_not_a_death_at_the_post(book: GuideBook) -> None:
    p = plan(book, ["work_injury_recognition"], "我老公下班回家后突发脑溢血去世了，算工伤吗")
    assert opening(p).startswith("一般不算")
    assert "在家" in opening(p)


def test_an_uninsured_injury_is_told_the_employer_pays_by_the_regulation(book: GuideBook) -> None:
    q = "我在车间被机器压断了三根手指，厂里没买工伤保险，说不管，怎么办"
    p = plan_with_tools(q, [("work_injury_recognition", 1.0)], codes=("death_or_serious_injury",), book=book)
    assert "1年内" in opening(p) and "由单位按工伤保险条例的标准支付" in opening(p)


def test_a_graded_worker_without_insurance_is_paid_every_item_by_the_employer(book: GuideBook) -> None:
    q = "评了九级伤残，厂里没给我买工伤保险，月工资5000，能赔多少"
    p = plan(book, ["work_injury_benefits"], q)
    assert "全部由单位" in opening(p) and "45000" in opening(p)
    insured = plan(book, ["work_injury_benefits"], "评了九级伤残，月工资5000，能赔多少")
    assert "全部由单位" not in opening(insured)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("下班路上被车撞了，交警说对方全责，工伤能赔多少", "算工伤"),
        ("上班路上和一辆车撞了，腿骨折，工伤能赔多少", "先看事故责任"),
    ],
)
def test_a_commuting_accident_opens_with_the_fault_that_decides_it(
    book: GuideBook, text: str, said: str
) -> None:
    p = plan(book, ["work_injury_recognition"], text)
    assert said in opening(p)


def test_a_death_at_home_asked_of_the_benefits_guide_is_not_called_a_work_death(book: GuideBook) -> None:
    p = plan(book, ["work_injury_benefits"], "我爸晚上回到家后突发脑出血去世了，能算工亡吗")
    assert opening(p).startswith("一般不算")
    # A question about pay while off work still gets that answer.
    other = plan(book, ["work_injury_benefits"], "工伤养伤期间单位只发基本工资，合法吗")
    assert not opening(other).startswith("一般不算")


@pytest.mark.parametrize("grade, lawful", [("八级", True), ("十级", True), ("五级", False), ("三级", False)])
def test_a_grade_seven_to_ten_injury_ends_lawfully_at_expiry_with_the_lump_sums(
    book: GuideBook, grade: str, lawful: bool
) -> None:
    # 劳动合同法 45 leaves an injured worker's expiry to the work-injury rules: grades 7-10 may end at
    # expiry with the two lump sums (工伤保险条例 37(2)); grades 1-6 keep the relation (35, 36).
    p = plan(
        book,
        ["contract_expiry_renewal"],
        f"工伤鉴定{grade}伤残，劳动合同到期公司不续签，干了4年，月薪6000，有补偿吗",
    )
    text = opening(p)
    if lawful:
        assert "违法终止" not in text and "两倍" not in text
        assert "一次性伤残就业补助金" in text and "24000" in text
    else:
        assert "违法终止" in text


@pytest.mark.parametrize(
    "text, excluded",
    [
        ("中午喝了酒，下午从架子上摔下来", True),
        ("他喝醉了在车间出事", True),
        ("干活时喝水呛到摔倒了", False),
        ("上班时被机器压伤", False),
    ],
)
def test_a_ground_that_bars_a_work_injury_is_read(text: str, excluded: bool) -> None:
    assert (facts(text).get("injury_excluded") is True) is excluded


def test_a_death_after_drinking_gets_the_condition_not_a_promise_of_benefits(book: GuideBook) -> None:
    # 工伤保险条例 16: only 醉酒 (a test decides), drugs, suicide or a crime bar it, and only as the cause.
    p = plan(book, ["work_injury_recognition"], "我哥喝醉了在车间出事死了，算工亡吗")
    assert opening(p).startswith("要看是不是醉酒")
    sober = plan(book, ["work_injury_recognition"], "我哥在车间干活出事死了，算工亡吗")
    assert "醉酒" not in opening(sober)


@pytest.mark.parametrize("issue", ["work_injury_recognition", "work_injury_benefits"])
def test_a_family_after_a_death_is_not_sent_to_treatment_or_disability_appraisal(
    book: GuideBook, issue: str
) -> None:
    def advice(p: ConsultPlan) -> str:
        return "".join(s.text for s in [*p.steps, *p.mistakes, *p.claims])

    death = plan(book, [issue], "我哥在车间干活出事死了，单位不管，怎么办")
    injury = plan(book, [issue], "我在车间干活被机器压伤了手，单位不管，怎么办")
    assert "劳动能力鉴定" not in advice(death) and "停工留薪" not in advice(death)
    assert "劳动能力鉴定" in advice(injury) or "停工留薪" in advice(injury)


def test_a_disability_grade_with_no_ending_is_not_answered_with_a_dismissal_remedy(book: GuideBook) -> None:
    # 赔偿金 in a grade's question is the injury's money, not 违法解除的赔偿金.
    grade_only = plan(book, ["unlawful_termination", "severance_compensation"], "十级伤残赔偿金额是多少")
    said = "".join(sentence.text for sentence in grade_only.conclusion)
    assert "辞退" not in said and "两倍赔偿金" not in said
    dismissed = plan(book, ["unlawful_termination"], "被公司辞退了，干了3年，月薪5000，赔偿多少")
    assert "两倍赔偿金" in opening(dismissed)
