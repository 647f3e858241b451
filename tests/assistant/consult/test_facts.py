"""The worker's facts read from a conversation: each class of fact both ways (read / not read)."""

from datetime import date

import pytest

from assistant.consult.facts import FACT_NAMES, extract_facts, load_lexicon

TODAY = date(2026, 12, 5)


def facts(*messages: str, asked: str | None = None) -> dict[str, object]:
    return extract_facts(list(messages), TODAY, asked).values()


@pytest.mark.parametrize(
    ("question", "wage"),
    [
        ("月薪4350，加班费怎么算", 4350),
        ("工资一个月六千五，公司让我走", 6500),
        ("我一个月拿五千块，干了两年", 5000),
        ("底薪3000加提成", 3000),
    ],
)
def test_monthly_wage(question: str, wage: float) -> None:
    assert facts(question)["monthly_wage"] == wage


@pytest.mark.parametrize(
    ("question", "average"),
    [
        ("合同上底薪3500，加上提成平均下来每月9000左右，公司要辞退我", 9000),
        ("基本工资四千，连提成算下来每个月八千，被辞退了", 8000),
    ],
)
def test_the_average_earned_with_commission_is_the_severance_base(question: str, average: float) -> None:
    # 劳动合同法实施条例 27: the average wage counts commission and bonus; the basic pay told first is not the base.
    got = facts(question)
    assert got["average_monthly_wage"] == average
    assert got["monthly_wage"] != average


@pytest.mark.parametrize(
    "question", ["规定一周干六天，每天十个小时，公司说不用来了", "每个星期上六天班，干了两年"]
)
def test_a_weekly_schedule_is_not_the_days_worked(question: str) -> None:
    # Session 12: 一周干六天 read as "worked six days" turned a two-year job into a six-day one.
    assert "days_worked" not in facts(question)


def test_days_worked_in_a_month_are_still_read() -> None:
    assert facts("一个月干了二十天，老板不给钱")["days_worked"] == 20


def test_a_commission_sum_alone_is_not_the_average_wage() -> None:
    got = facts("月薪5000，提成另算，上个月提成2000没发")
    assert got["average_monthly_wage"] == 5000


@pytest.mark.parametrize("question", ["老板欠我8000工资", "罚了我500块", "私了给了两万"])
def test_other_sums_are_not_the_wage(question: str) -> None:
    assert "monthly_wage" not in facts(question)


def test_day_rate_and_days_worked() -> None:
    got = facts("日薪300，干了20天老板跑了")
    assert got["daily_wage"] == 300 and got["days_worked"] == 20


def test_arrears_sum_and_months() -> None:
    got = facts("我们三十多个工友被欠了半年工资一共40多万")
    assert got["unpaid_amount"] == 400000
    assert got["unpaid_months"] == 6
    assert got["workers_count"] == 30


@pytest.mark.parametrize(
    ("question", "months"),
    [
        ("在物流园干了两年，老板欠我三个月工资", 24),
        ("在超市理货快7个月了，合同都没给签", 6.8),
        ("入职三年半了", 42),
    ],
)
def test_tenure(question: str, months: float) -> None:
    assert facts(question)["service_months"] == pytest.approx(months, abs=0.3)


@pytest.mark.parametrize("question", ["离职两年了还能要补偿吗", "合同签了两年", "试用期三个月"])
def test_durations_that_are_not_tenure(question: str) -> None:
    assert "service_months" not in facts(question)


def test_start_and_end_dates_give_the_tenure() -> None:
    got = facts("2025年3月入职，上个月公司突然让我走")
    assert got["start_date"] == "2025-03-01"
    assert got["end_date"] == "2026-11-01"
    assert got["termination"] == "dismissed"
    assert got["notice_given"] is False
    assert got["service_months"] == pytest.approx(20, abs=0.5)


def test_overtime_by_kind() -> None:
    weekday = facts("月薪4350，平时下班加班两个钟")
    assert weekday["overtime_kind"] == "weekday" and weekday["overtime_hours_per_day"] == 2
    restday = facts("周六加班8小时，月薪5000")
    assert restday["overtime_kind"] == "restday" and restday["overtime_hours_restday"] == 8
    holiday = facts("国庆节也要上班，加班费怎么算")
    assert holiday["overtime_kind"] == "holiday"
    month = facts("这个月加班了60个小时")
    assert month["overtime_hours_weekday"] == 60


@pytest.mark.parametrize(
    ("question", "signed"),
    [("合同到现在都没给签", False), ("公司一直不跟我签劳动合同", False), ("劳动合同签了三年", True)],
)
def test_written_contract(question: str, signed: bool) -> None:
    assert facts(question)["contract_signed"] is signed


def test_family_member_asks_and_a_death() -> None:
    got = facts("老公在工地从架子上摔下来没抢救过来，包工头说给20万私了，让今天签字")
    assert got["asker"] == "family"
    assert got["death"] is True
    assert got["settlement_offered"] == 200000
    assert got["pressure_to_sign"] is True


@pytest.mark.parametrize("question", ["累死了，天天加班", "热死了工地也不停工", "笑死，老板又画饼"])
def test_idioms_with_si_are_not_deaths(question: str) -> None:
    assert "death" not in facts(question)


def test_the_employer_asks() -> None:
    assert facts("我是老板，员工干了半年要走，要给补偿吗")["asker"] == "employer"


def test_violence_and_injury() -> None:
    got = facts("去办公室要工资，主管叫两个人把我打了一顿，头上缝了五针")
    assert got["violence"] is True and got["injured"] is True
    assert "violence" not in facts("每天上班要打卡，打电话也没人接")


def test_disability_grade_and_insurance() -> None:
    got = facts("鉴定了九级伤残，厂里没买工伤保险")
    assert got["disability_grade"] == 9 and got["injury_insurance"] is False


def test_age_of_a_child() -> None:
    assert facts("我儿子今年才14，在厂里上夜班")["age"] == 14
    assert facts("妹妹初二就出来打工了")["age"] == 14


def test_a_reply_to_a_clarifying_question_fills_the_fact_asked() -> None:
    got = facts("加班费怎么算", "5000", asked="monthly_wage")
    assert got["monthly_wage"] == 5000
    assert facts("年假有几天", "八年", asked="cumulative_work_years")["cumulative_work_years"] == 8


def test_later_messages_override_earlier_ones() -> None:
    assert facts("月薪5000", "不对，月薪是5500")["monthly_wage"] == 5500


def test_every_fact_read_has_a_known_name_and_its_words() -> None:
    record = extract_facts(
        ["2025年3月入职，月薪6000，没签合同，周六加班8小时，上个月被辞退，老板欠我两个月工资1.2万"], TODAY
    )
    assert set(record.values()) <= FACT_NAMES
    assert all(fact.words for fact in record.facts.values())


def test_the_lexicon_loads_and_is_checked() -> None:
    lexicon = load_lexicon()
    assert lexicon.words("wage", "monthly_before")


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("大年初一初二初三都在上班", "age"),  # dates of the new year, not a child's grade
        ("能赔8000吗", "settlement_offered"),  # asking, not an offer
        ("去年12月走的", "death"),  # left the job
        ("从厂里出来的时候没结工资", "start_date"),
    ],
)
def test_look_alikes_are_not_read_as_facts(question: str, name: str) -> None:
    assert name not in facts(question)


def test_pressure_to_sign_in_other_words_and_leaving_dated() -> None:
    assert facts("主管让我今天下班前把协议签掉")["pressure_to_sign"] is True
    assert facts("去年12月走的，工资还差两个月")["end_date"] == "2025-12-01"


def test_a_recurring_deduction_is_not_the_wage() -> None:
    got = facts("公司让我赔8000，说每个月从工资里扣2000，我工资才4500")
    assert got["monthly_deduction"] == 2000 and got["monthly_wage"] == 4500


def test_negated_notice_and_unsigned_contract_are_not_read_as_their_opposites() -> None:
    assert facts("厂里让我月底走，也没提前一个月通知")["notice_given"] is False
    assert "pressure_to_sign" not in facts("去年10月入职到现在一直没签合同")
