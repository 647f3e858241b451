"""Session 16 (facts16, issue 13 item 2): a fact the worker told is read and used — never asked again —
and a fact not told is never invented. Each class both ways; the wording is the team's own."""

from datetime import date

import pytest

from assistant.consult.facts import extract_facts

from .planning import opening, plan_with_tools, ranked

TODAY = date(2026, 12, 5)


def facts(*messages: str) -> dict[str, object]:
    return extract_facts(list(messages), TODAY).values()


# --- tenure told in the worker's own forms -------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "months"),
    [
        ("做了近三个月，跟组长吵了一架就被辞退了", 3),
        ("一干就是八年，现在厂子要关门", 96),
        ("工龄是8年，公司说效益不好", 96),
        ("我的工作年数十年了，公司跟我解除了合同", 120),
        ("来公司三年了，一直没涨过工资", 36),
        ("任职两年半，底薪一万，现在公司裁员", 30),
        ("在这个厂工作中了六年，今年说要裁员", 72),
        ("已经干了两年没签合同，老板让我走", 24),
    ],
)
def test_tenure_told_in_other_words_is_read(question: str, months: float) -> None:
    assert facts(question)["service_months"] == pytest.approx(months, abs=0.5)


@pytest.mark.parametrize(
    "question",
    [
        "工资三个月没发了，怎么办",  # the months unpaid, not the time served
        "工作中受伤了，歇了三个月",  # an injury while working
        "要干满三年才能走吗",  # a condition, not time served
    ],
)
def test_look_alikes_are_no_tenure(question: str) -> None:
    assert "service_months" not in facts(question)


@pytest.mark.parametrize(
    ("question", "start"),
    [
        ("从2009年起就在这家物流公司上班，现在公司搬走了", "2009-01-01"),
        ("2021年5月份在一家超市上班，到现在也没签合同", "2021-05-01"),
        ("我07年进的厂，去年厂里改制", "2007-01-01"),
    ],
)
def test_a_job_told_from_its_first_year_to_now(question: str, start: str) -> None:
    told = facts(question)
    assert told["start_date"] == start
    assert told["service_months"] > 12


@pytest.mark.parametrize(
    "question",
    [
        "从2018年起一直没给我交社保",  # no working words: the date of the insurance, not of the job
        "2019年受伤到现在还没赔",  # an injury's date
    ],
)
def test_a_date_to_now_without_the_job_is_no_start(question: str) -> None:
    assert "start_date" not in facts(question)


def test_the_tenure_told_is_not_asked_and_the_figure_opens() -> None:
    p = plan_with_tools("我的工作年数十年了，老板一句话就把我开了，能拿多少", ranked("unlawful_termination"))
    assert p.ask is None or "干了多久" not in p.ask
    assert "20个月工资" in opening(p)


def test_tenure_not_told_is_asked_not_invented() -> None:
    p = plan_with_tools("老板一句话就把我开了，能拿多少赔偿", ranked("unlawful_termination"))
    assert "service_months" not in p.facts.values()
    assert p.ask is not None and "多久" in p.ask


# --- the wage in its forms -----------------------------------------------------------------------


def test_basic_pay_plus_a_smaller_commission_is_added() -> None:
    told = facts("底薪3000加提成平均每月两千，公司找我协商解除")
    assert told["monthly_wage"] == 3000
    assert told["average_monthly_wage"] == 5000


def test_an_average_with_commission_larger_than_the_basic_pay_is_the_whole() -> None:
    assert facts("底薪三千，加提成平均每月一万左右")["average_monthly_wage"] == 10000


def test_the_whole_pay_named_after_the_basic_pay_is_the_average() -> None:
    told = facts("底薪9000元，加各种补助的总报酬每月在13000左右，现在公司裁员")
    assert told["average_monthly_wage"] == 13000


def test_pay_told_at_the_end_of_a_long_unpunctuated_clause() -> None:
    told = facts("我在这个厂干了差不多五年了然后现在厂里说要裁员问我们要不要拿补偿走人一个月也就四千多")
    assert told["monthly_wage"] == 4000


def test_about_is_not_owed() -> None:
    told = facts("一个月差不多六千，公司要裁员")
    assert told["monthly_wage"] == 6000
    assert "unpaid_amount" not in told
    assert facts("工资还差两千没给")["unpaid_amount"] == 2000  # 差 as short of: owed


def test_the_months_owed_and_the_wage_give_the_total_in_the_opening() -> None:
    told = facts("老板欠了我三个月工资，每个月5200")
    assert told["unpaid_amount"] == 15600
    p = plan_with_tools("老板欠了我三个月工资，每个月5200，一共该给多少", ranked("wage_arrears"))
    assert "15600" in opening(p)
    # The total is derived, not the worker's words: never shown back as told.
    assert not any("15600" in shown for shown in p.facts_shown)


def test_months_owed_without_the_wage_give_no_total() -> None:
    told = facts("老板欠了我三个月工资，怎么要")
    assert "unpaid_amount" not in told
    p = plan_with_tools("老板欠了我三个月工资，怎么要", ranked("wage_arrears"))
    assert "补发约" not in opening(p)


# --- insurance told paid or unpaid ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "paid"),
    [
        ("社保公司一直有交的，现在被裁了能领失业金吗", True),
        ("社保单位交着的，合同到期不续了", True),
        ("厂里没有给我养老保险，我能辞职要补偿吗", False),
    ],
)
def test_insurance_told_with_its_payer(question: str, paid: bool) -> None:
    assert facts(question)["social_insurance"] is paid


def test_insurance_asked_is_not_told() -> None:
    assert "social_insurance" not in facts("社保单位有交吗，我想查一下")


# --- an ending meant is no departure ------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "公司想解雇我，说我能力不行，我该怎么办",
        "厂里说要裁员，我干了六年能拿多少",
        "公司要跟我解除合同关系，补偿怎么算",
        "如果单位提前一个月告知要辞退我，还有补偿吗",
        "我工作时间不长，公司要解雇我了，有什么补偿吗",
    ],
)
def test_an_ending_meant_is_a_dismissal_case_but_no_departure(question: str) -> None:
    told = facts(question)
    assert told.get("termination") == "dismissed"
    assert "left_job" not in told
    assert "end_date" not in told


@pytest.mark.parametrize(
    "question",
    [
        "我被公司辞退了，补偿怎么算",
        "公司把我开了，没给一分钱",
        "公司和我解除了劳动合同，没给补偿",
        "公司说要裁员，上周把我裁掉了",
    ],
)
def test_an_ending_done_is_a_departure(question: str) -> None:
    assert facts(question).get("left_job") is True


# --- a number that is someone else's ------------------------------------------------------------


def test_the_childrens_ages_are_not_the_workers() -> None:
    assert "age" not in facts("十级伤残，孩子都20岁以上了，能赔多少")
    assert facts("我儿子今年才15，在饭店洗碗")["age"] == 15


def test_insurance_deducted_from_the_pay_is_told_paid() -> None:
    assert facts("底薪八千，扣除五险一金以后到手六千多，公司要裁员")["social_insurance"] is True
    # An unpaid reading in the same message wins: deducted and not paid in is the worst case.
    assert facts("工资里扣除了社保，可公司一直没交社保")["social_insurance"] is False


def test_the_staff_told_as_a_total_is_read() -> None:
    told = facts("我们单位共有员工60人，这个月公司想裁掉4个人")
    assert told["staff_count"] == 60
    assert told["laid_off_count"] == 4
