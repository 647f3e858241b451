"""Never ask again for a fact the asker already told (session 21, issue 13, branch told21). Lawyers read
answers that asked 你在这家单位干了多久 / 你是哪一天开始上班的 / 合同是怎么结束的 of workers who had said it in
their own words. Classes: a tenure told as a span (七八年, 三四个月, 十来年), a start year told as being there
since (15年就在这个公司了, 从04年开始我就在这个厂干), this workplace named after 之前 (之前在公司干了八年), the
fixed-term contracts told in other words (签了两份, 续签了一次, 第二份到期) and with their length (都是三年), the
job told by its contract's dates, and the ending told by the employer's ground (搬迁, 倒闭). Each reading both
ways; the questions are the team's own paraphrases."""

import pytest

from assistant.consult.facts import extract_facts
from assistant.consult.numbers import find_durations
from assistant.consult.plan import _moot
from tests.assistant.consult.planning import TODAY, opening, plan_with_tools, ranked


def facts(text: str) -> dict[str, object]:
    return dict(extract_facts([text], TODAY).values())


# --- a tenure told as a span of two numbers, or as 十来年 ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("干了七八年", 84, 96),
        ("做了三四个月", 3, 4),
        ("一两年", 12, 24),
        ("二十七八年", 324, 336),
        ("十来年", 120, 132),
    ],
)
def test_a_span_of_two_numbers_is_read_with_both_ends(text: str, low: float, high: float) -> None:
    found = find_durations(text)
    assert len(found) == 1 and found[0].approximate
    assert (found[0].low, found[0].high) == (low, high)


@pytest.mark.parametrize("text", ["十二年", "二十三年", "三年半", "三年多"])
def test_one_number_is_no_span(text: str) -> None:
    assert find_durations(text)[0].low is None


@pytest.mark.parametrize(
    ("question", "told"),
    [
        ("在这个厂上班七八年了，老板说下个月不用来了，能要补偿吗", "七八年"),
        ("我在超市干了十来年，现在超市关门了，补偿怎么算", "十来年"),
        ("做了二十来年的会计，单位改制让我走人，能拿多少", "二十来年"),
        ("在这家物流公司干了三四年，公司裁员把我裁了", "三四年"),
    ],
)
def test_a_tenure_told_as_a_span_is_read_and_not_asked(question: str, told: str) -> None:
    read = facts(question)
    assert read["service_vague"] == told
    assert read["service_months"] > 0


def test_a_span_of_years_gives_the_severance_at_both_ends() -> None:
    plan = plan_with_tools(
        "在厂里做了七八年，老板把我辞退了，月薪五千，补偿能拿多少", ranked("severance_compensation")
    )
    assert plan.ask_fact != "service_months"
    severance = next(c for c in plan.computations if c.tool == "severance")
    assert severance.quantities["severance_months"] == "7至8"
    assert "七八年" in " ".join(severance.assumptions)


def test_a_span_of_months_crosses_the_half_year() -> None:
    plan = plan_with_tools(
        "在饭店干了五六个月，老板叫我明天别来了，工资四千，有补偿吗", ranked("severance_compensation")
    )
    severance = next(c for c in plan.computations if c.tool == "severance")
    assert severance.quantities["severance_months"] == "0.5至1"


def test_a_span_elsewhere_is_no_tenure() -> None:
    # 七八千 is a wage, 七八岁 an age: neither is time served.
    read = facts("我家孩子七八岁了，一个月工资七八千，公司辞退我")
    assert "service_months" not in read and "service_vague" not in read


# --- a start year told as being there since ------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "year"),
    [
        ("我16年就在这家饭店了，现在老板要关店，有补偿吗", 2016),
        ("我2013年就在这个单位，现在单位说要解除合同", 2013),
        ("从05年开始我就在这个工地干，现在老板不要我了", 2005),
        ("11年到现在一直在这家公司，公司要裁员", 2011),
        ("我2009年参加工作就在这个单位，现在单位要撤销了", 2009),
        ("2014年来的这个公司，现在被辞退了", 2014),
    ],
)
def test_a_start_year_told_as_being_there_since_is_the_start(question: str, year: int) -> None:
    read = facts(question)
    assert str(read["start_date"]).startswith(f"{year}-")
    assert read["service_months"] > 0


@pytest.mark.parametrize(
    "question",
    [
        "我16年就在这个车间受的伤，现在还能认定工伤吗",
        "我2004年出生，公司辞退我，有补偿吗",
        "2004年的工资老板一直没给，现在还能要吗",
    ],
)
def test_a_year_that_dates_something_else_is_no_start(question: str) -> None:
    read = facts(question)
    assert "start_date" not in read and "service_months" not in read


# --- this workplace named after 之前 ------------------------------------------------------------------


def test_the_years_before_now_in_this_workplace_are_its_tenure() -> None:
    read = facts("之前在公司干了九年，现在公司要和我解除合同，补偿怎么算")
    assert read["service_months"] == 108
    assert "cumulative_work_years" not in read


def test_a_move_told_keeps_the_years_an_earlier_employers() -> None:
    read = facts("我之前在公司干了九年，后来跳槽到现在这家，刚干半年就被辞退了")
    assert read.get("service_months") != 108
    assert read["cumulative_work_years"] >= 9


# --- the fixed-term contracts told in other words, and with their length --------------------------------


@pytest.mark.parametrize(
    ("question", "count"),
    [
        ("我和公司签了两份合同，这次到期公司不续签", 2),
        ("跟厂里签过两回合同，现在又到期了", 2),
        ("合同续签了一次，现在又到期了，公司说不续了", 2),
        ("第二份也快到期了，公司说不续了", 2),
    ],
)
def test_fixed_terms_told_in_other_words_are_counted(question: str, count: int) -> None:
    assert facts(question)["fixed_terms"] == count


def test_two_contracts_of_three_years_each_are_six_years_served() -> None:
    read = facts("我和单位先后签了两次合同，每次都是三年，第二次到期了单位不续签")
    assert read["fixed_terms"] == 2
    assert read["service_months"] == 72


def test_two_contracts_told_as_two_of_a_length_are_six_years_served() -> None:
    read = facts("我跟单位签了两个两年的合同，现在合同到期，单位不续签了")
    assert read["service_months"] == 48


def test_the_terms_are_no_tenure_while_the_last_runs() -> None:
    read = facts("我和单位签了两次合同都是三年，第二次合同明年才到期，单位现在要辞退我")
    assert "service_months" not in read


def test_two_contracts_told_in_other_words_open_on_the_open_ended_right() -> None:
    plan = plan_with_tools(
        "我跟单位签了两回合同，这次又到期了，单位不续签，合法吗", ranked("contract_expiry_renewal")
    )
    first = opening(plan)
    assert "连续签过两次固定期限合同" in first
    assert plan.ask_fact not in ("service_months", "start_date")


# --- the job told by its contract's dates ----------------------------------------------------------------


def test_a_contract_run_to_its_expiry_is_the_time_served() -> None:
    read = facts("劳动合同期限自2019年3月1日至2022年2月28日，合同期满后公司没有续签")
    assert read["service_months"] == pytest.approx(36, abs=0.1)
    assert "end_date" not in read  # no time limit is opened on a day the worker gave as the contract's


def test_a_renewed_contract_dates_nothing() -> None:
    read = facts("合同从2015年1月到2018年1月，到期后又续签了三年，现在到期了")
    assert "service_months" not in read and "start_date" not in read


# --- the ending told by the employer's ground -----------------------------------------------------------


def test_the_ending_is_not_asked_when_the_relocation_is_told() -> None:
    question = "我2012年进的这家厂，现在厂子要搬到外省，我不想跟着去，单位要给补偿吗"
    values = extract_facts([question], TODAY).values()
    assert values["ending_ground"] == "objective_change"
    assert _moot("termination", values)


def test_the_ending_is_asked_when_no_ground_is_told() -> None:
    values = extract_facts(["我在厂里干了五年，现在单位要给补偿吗"], TODAY).values()
    assert not _moot("termination", values)
