"""The worker's own facts decide the answer (session 9, class "a deciding fact read wrong or ignored"):
service counted from the months the worker told (whole months, to the end they told), the end of a job
told as 上月被辞, the years told with 在职, a start told as 至今; a birth year read as an age; an age past
every statutory retirement age it allows (women's earlier when the worker says she is a woman) ends the
contract by law (劳动合同法实施条例 21) — no N and no 2N promised —, while 15 years here and near retirement
is the protected status of 劳动合同法 42(5). Each reading both ways; the plans use the real guides, the
real facts reader and the real tools. The questions are the team's own."""

import pytest

from assistant.consult.facts import extract_facts, latest_retirement_age
from assistant.consult.plan import ConsultPlan, plan_consultation
from assistant.consult.toolbridge import deadline_computations, default_tool_runner, whole_month_service
from tests.assistant.consult.planning import TODAY, guide_book, opening, plan_with_tools, ranked


def facts(text: str) -> dict[str, object]:
    return dict(extract_facts([text], TODAY).values())


# --- service from the worker's dates -----------------------------------------------------------------


def test_months_told_at_both_ends_count_whole_months_for_severance() -> None:
    plan = plan_with_tools(
        "我2013年5月进的公司，2019年5月被老板辞退了，月薪6000，经济补偿能拿多少",
        ranked("severance_compensation", "unlawful_termination"),
    )
    severance = next(c for c in plan.computations if c.tool == "severance")
    # 6 whole years: N = 6, not 6.5 (from the 1st of one month to the 1st of the other, both included).
    assert severance.quantities["severance_months"] == 6
    assert severance.quantities["severance_amount"] == 36000
    assert "36000" in opening(plan)


def test_only_month_precise_ends_are_trimmed() -> None:
    from assistant.consult.plan import DayRange

    months = {
        "start_date": DayRange("2013-05-01", "2013-05-31"),
        "end_date": DayRange("2019-05-01", "2019-05-31"),
    }
    assert whole_month_service(months) == {"end_date": "2019-04-30"}
    # An exact end day, or a year alone, is counted as told.
    exact = {"start_date": DayRange("2013-05-01", "2013-05-31"), "end_date": "2019-05-20"}
    assert whole_month_service(exact) == {}
    years = {
        "start_date": DayRange("2013-01-01", "2013-12-31"),
        "end_date": DayRange("2019-01-01", "2019-12-31"),
    }
    assert whole_month_service(years) == {}


@pytest.mark.parametrize(
    "text", ["2016年8月进厂，上月被辞，工资7000", "2016年8月来的厂里，上个月被炒，一个月7000"]
)
def test_a_bare_dismissal_verb_dates_the_end(text: str) -> None:
    read = facts(text)
    assert read["termination"] == "dismissed"
    assert read["end_date"] == "2026-11-01"


def test_a_dismissal_only_feared_is_still_not_one() -> None:
    assert "termination" not in facts("我2016年8月进厂，很怕被辞，现在该怎么办")


def test_years_told_with_zaizhi_are_the_service() -> None:
    assert facts("在职6年半，公司说要裁掉我，补偿能拿几个月")["service_months"] == 78
    plan = plan_with_tools(
        "在职6年半，被公司辞退了，经济补偿是6个月还是7个月", ranked("severance_compensation")
    )
    assert "7个月" in opening(plan)


@pytest.mark.parametrize("text", ["2012年9月至今在这家物流公司上班", "我2012年9月到现在一直在这个厂干"])
def test_a_start_told_up_to_now_is_the_start(text: str) -> None:
    assert facts(text)["start_date"] == "2012-09-01"


def test_a_harm_told_up_to_now_is_no_start_of_the_job() -> None:
    read = facts("2020年受伤至今没人管")
    assert "start_date" not in read
    assert read["injury_date"] == "2020-01-01"


# --- age, birth year and retirement ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("我1962年出生，在仓库干了十年", 64),
        ("本人1975年生，在厂里上班", 51),
        ("出生于1980年，公司要辞退我", 46),
    ],
)
def test_a_birth_year_is_read_as_the_age(text: str, age: int) -> None:
    assert facts(text)["age"] == age


@pytest.mark.parametrize("text", ["孩子2012年出生，我在厂里干了5年", "2021年生日那天在车间被机器压了手"])
def test_a_childs_birth_or_a_birthday_is_not_the_workers_age(text: str) -> None:
    assert "age" not in facts(text)


def test_women_reach_the_statutory_age_earlier() -> None:
    assert latest_retirement_age(57, TODAY, female=True) == 55  # born 1969: before the reform
    assert latest_retirement_age(50, TODAY, female=True) == 56.75  # born December 1976: 21 months later
    assert latest_retirement_age(40, TODAY, female=True) == 58  # born 1986: the full 36 months
    assert facts("我今年57，女职工")["past_retirement_age"] is True
    assert "past_retirement_age" not in facts("我今年57")  # a man of 57 may still be working under contract
    assert facts("我今年56，女的，厂里要裁掉我")["past_retirement_age"] is True
    assert "female" not in facts("老板是女的，人很凶")


@pytest.mark.parametrize("text", ["我今年62了，老板说下个月不用来了", "我1958年出生，公司把我辞退了"])
def test_an_age_past_every_retirement_age_is_read_and_leaves_no_protected_status(text: str) -> None:
    read = facts(text + "，在这干了18年")
    assert read["past_retirement_age"] is True
    assert "protected_status" not in read


def test_the_age_when_the_job_ended_decides_not_todays() -> None:
    assert "past_retirement_age" not in facts("我今年61，2023年被公司辞退，一直没给补偿")
    assert facts("我今年64，去年被公司辞退，一直没给补偿")["past_retirement_age"] is True


def test_past_retirement_age_no_n_or_2n_is_promised() -> None:
    question = "我1959年出生，在这个厂干了二十年，上个月厂里把我辞退了，月薪5000，能要多少赔偿"
    plan = plan_with_tools(question, ranked("unlawful_termination", "severance_compensation"))
    first = opening(plan)
    assert first.startswith("一般拿不到经济补偿")
    assert "实施条例" in " ".join(c.law for c in plan.conclusion[0].cite) or any(
        c.article == 21 for c in plan.conclusion[0].cite
    )
    assert "100000" not in first and "200000" not in first
    # The figures for a dismissal are not worked out as if they were owed.
    assert not any(c.tool == "damages" and c.applies for c in plan.computations)


def test_below_retirement_age_the_dismissal_figures_stand() -> None:
    question = "我1980年出生，在这个厂干了二十年，上个月厂里把我辞退了，月薪5000，能要多少赔偿"
    first = opening(plan_with_tools(question, ranked("unlawful_termination", "severance_compensation")))
    assert "一般拿不到" not in first
    assert "200000" in first or "100000" in first


def test_a_woman_past_her_age_at_a_layoff_is_told_the_contract_ended() -> None:
    question = "我是女的，1968年出生，2010年3月至今在这家厂上班，厂里要裁员，能拿多少补偿？工资4800"
    first = opening(plan_with_tools(question, ranked("layoff_and_shutdown", "severance_compensation")))
    assert "法定退休年龄" in first and "81600" not in first


def test_near_retirement_with_fifteen_years_leads_what_to_do() -> None:
    question = "我快退休了，单位要辞退我，我在这里干了17年，该怎么办"
    first = opening(plan_with_tools(question, ranked("unlawful_termination")))
    assert first.startswith("先别签")
    assert "连续工作满15年" in first


# --- a vague span is not turned into a precise number ------------------------------------------------


def test_years_told_with_duo_give_the_range_of_severance() -> None:
    plan = plan_with_tools(
        "在这干了两年多，月薪6000，公司把我辞退了，补偿多少", ranked("severance_compensation")
    )
    severance = next(c for c in plan.computations if c.tool == "severance")
    assert severance.quantities["severance_months"] == "2.5至3"
    assert severance.quantities["severance_amount"] == "15000至18000"
    assert "15000至18000" in opening(plan)
    # Shown as the worker said it, not as an invented number of months.
    assert "在本单位工作两年多" in plan.facts_shown
    assert not any("约27个月" in shown for shown in plan.facts_shown)


def test_half_a_year_and_more_is_one_month_whatever_the_months() -> None:
    read = facts("干了半年多被辞退了，工资4000")
    assert "service_vague" not in read
    plan = plan_with_tools("干了半年多被辞退了，工资4000，补偿多少", ranked("severance_compensation"))
    assert next(c for c in plan.computations if c.tool == "severance").quantities["severance_months"] == 1


def test_a_precise_start_date_wins_over_the_vague_years() -> None:
    question = "2023年3月入职，干了三年多，上个月被辞退，月薪5000，补偿多少"
    plan = plan_with_tools(question, ranked("severance_compensation"))
    assert next(c for c in plan.computations if c.tool == "severance").quantities["severance_months"] == 4


# --- more ways the worker tells the job's length, and a year that is no event ------------------------


@pytest.mark.parametrize(
    ("text", "months"),
    [("在同一个厂工作的14年，厂子要搬走", 168), ("我在这家公司工作己满3年，公司想裁掉我", 36)],
)
def test_years_told_with_de_or_a_slip_for_yi_are_the_service(text: str, months: int) -> None:
    assert facts(text)["service_months"] == months


@pytest.mark.parametrize(
    "text", ["我2014年6月8号在这家超市上班到现在，一直没买社保", "表妹2017年4月找到工作，一直没签合同"]
)
def test_a_start_told_with_up_to_now_or_found_a_job(text: str) -> None:
    assert facts(text)["start_date"].startswith(text[text.index("20") : text.index("20") + 4])


@pytest.mark.parametrize(
    "text",
    [
        "2017年工伤伤残待遇有哪些？",
        "2019年工伤认定申请流程是怎样的？",
        "2020年最新工伤认定范围都有哪些",
        "2021年某省工亡赔偿金是多少？",
    ],
)
def test_a_year_opening_a_general_question_is_no_injury_date(text: str) -> None:
    read = facts(text)
    assert "injury_date" not in read and "death_date" not in read


@pytest.mark.parametrize("text", ["2019年在工地摔伤了，赔偿是多少", "2019年受伤，工伤待遇有哪些"])
def test_a_year_with_the_harm_told_stays_the_injury_date(text: str) -> None:
    assert facts(text)["injury_date"] == "2019-01-01"


# --- insurance told paid silences the unpaid-insurance conclusion ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "社保一直有交，老板拖了我两个月工资",
        "五险一金都有交，厂里让我走",
        "医保养老都是单位交的",
        "单位给我交了五险，但是没签合同",
    ],
)
def test_insurance_told_paid_is_read(text: str) -> None:
    assert facts(text)["social_insurance"] is True


@pytest.mark.parametrize("text", ["社保都没交，厂里让我走", "社保不是公司交的，是我自己交的"])
def test_insurance_not_paid_by_the_employer_is_not_read_as_paid(text: str) -> None:
    assert facts(text).get("social_insurance") is not True


def test_paid_insurance_brings_the_dismissal_figures_not_the_unpaid_insurance_verdict() -> None:
    question = "五险一金单位都有交，上个月厂里让我走了，干了5年，月薪5000，能要多少"
    plan = plan_with_tools(question, ranked("social_insurance"))
    first = opening(plan)
    assert "不交是违法" not in first and "不合法" not in first
    assert "25000" in first  # N = 5 months of 5000


def test_insurance_paid_on_too_low_a_base_is_still_the_insurance_guides_case() -> None:
    question = "社保交了，但是一直按最低基数交的，合法吗"
    plan = plan_with_tools(question, ranked("social_insurance"))
    assert "social_insurance" in plan.guides


# --- old events: the limit has probably passed, counted without a day nobody told --------------------


def plan_as_served(question: str, issues: list[tuple[str, float]]) -> ConsultPlan:
    """As the service plans (assistant/answer/service.py): the deadlines also see the latest day of a
    date told only to its month or year."""
    read = extract_facts([question], TODAY)
    return plan_consultation(
        question,
        read,
        issues,
        (),
        guide_book(),
        default_tool_runner(lambda: TODAY),
        lambda values: deadline_computations(values, TODAY, read.latest_dates()),
    )


def _steps(plan: ConsultPlan) -> str:
    return " ".join(s.text for block in plan.situations for s in block.steps)


def test_an_injury_years_ago_is_told_the_year_to_apply_has_probably_passed() -> None:
    plan = plan_as_served("2018年在车间干活时受伤了，现在还能申请工伤吗", ranked("work_injury_recognition"))
    steps = _steps(plan)
    assert "最晚到2019年12月31日也满了，很可能已经过了" in steps
    assert "2019年1月1日" not in steps and "2018年1月1日" not in steps
    first = " ".join(s.text for s in plan.conclusion)
    assert first.startswith("可能已经过了") and "耽误的时间不算" in first


def test_a_dismissal_told_to_the_month_keeps_its_month() -> None:
    plan = plan_as_served("2023年10月被厂里辞退，补偿一直没给，现在还能要吗", ranked("unlawful_termination"))
    steps = _steps(plan)
    assert "最晚到2024年10月31日也满了" in steps
    assert "2024-10-01" not in steps and "2024年10月1日" not in steps
    arbitration = next(c for c in plan.computations if c.tool == "arbitration_deadline")
    assert arbitration.quantities["arbitration_deadline_from"].endswith("2023年10月")
    # The formula shown under 怎么算的 counts from the month as told, to the latest possible last day.
    assert "2023年10月起算" in arbitration.formula and "2024年10月31日" in arbitration.formula
    assert "2023年10月1日" not in arbitration.formula and "2024年10月1日" not in arbitration.formula


def test_a_limit_still_open_is_counted_from_the_earliest_day() -> None:
    plan = plan_as_served("今年4月被公司辞退的，还能申请仲裁吗", ranked("arbitration_procedure"))
    arbitration = next(c for c in plan.computations if c.tool == "arbitration_deadline")
    assert arbitration.quantities["arbitration_deadline"] == "2027-04-01"  # the earliest it can be
    assert arbitration.quantities["arbitration_deadline_passed"] is False


# --- two consecutive fixed terms -------------------------------------------------------------------


def test_two_fixed_terms_told_answer_the_open_ended_question_without_asking_the_years() -> None:
    question = "我和单位已经连续签了两次固定期限合同，第二次下个月到期，我要签无固定期限，单位不肯怎么办"
    plan = plan_with_tools(question, ranked("contract_expiry_renewal"))
    first = opening(plan)
    assert first.startswith("先书面向单位提出续订无固定期限合同")
    assert "你已经连续签过两次固定期限合同" in first
    assert plan.ask_fact != "service_months"


def test_two_fixed_terms_told_answer_whether_one_can_have_an_open_ended_contract() -> None:
    question = "签了两次固定期限合同，能要求签无固定期限合同吗"
    plan = plan_with_tools(question, ranked("contract_expiry_renewal"))
    assert opening(plan).startswith("能。你已经连续签过两次固定期限合同")
    assert plan.ask_fact != "service_months"


def test_the_end_of_a_second_fixed_term_says_regional_practice_differs() -> None:
    question = "第二次固定期限合同到期了，厂里不续签，说到期终止，合法吗"
    first = opening(plan_with_tools(question, ranked("contract_expiry_renewal")))
    assert "不能以到期终止" in first and "各地做法不一" in first


def test_an_employer_asking_about_an_over_age_worker_is_not_answered_as_the_worker() -> None:
    question = "我们公司有个员工今年63了，合同到期了不想续，要给补偿吗"
    plan = plan_with_tools(question, ranked("contract_expiry_renewal"))
    assert "按你说的年龄，你已经过了" not in " ".join(s.text for s in plan.conclusion)


def test_a_sum_received_as_earnings_is_not_an_offer_to_settle() -> None:
    # 拿了 a sum told with earnings words is the worker's income, not a settlement offer the answer
    # should weigh ("对方提出私了…元" would invent a premise).
    assert "settlement_offered" not in facts(
        "我是派遣工，去年一共拿了48000元，现在公司要跟我解除合同，能要什么赔偿？"
    )
    assert "settlement_offered" not in facts("老板每个月给了3500工资，现在不干了能要补偿吗")


def test_a_sum_handed_over_to_close_the_matter_is_still_an_offer() -> None:
    assert facts("手被机器压伤，老板拿了3万说让我签字，以后不再管")["settlement_offered"] == 30000
    assert facts("包工头说私了给2万，我该不该签")["settlement_offered"] == 20000
