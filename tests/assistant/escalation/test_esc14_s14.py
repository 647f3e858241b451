"""Session 14 (issue 14): escalation on real wording — sums a lawyer computes from the facts, a group told
by its count in any wording, and the claim's age from dates. Each class is tested where it must fire and on
the look-alikes where it must not; the worker notices the ticket and the reason's words."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.escalation import decide
from assistant.escalation.extract import find_collective
from assistant.escalation.rules import default_rules

TODAY = date(2026, 12, 5)


def _decision(text: str, history: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    return decide(text, history, today=TODAY)


# --- sums computed from the facts --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # overtime hours × the hourly pay (wage ÷ 21.75 ÷ 8 × 150 %, a sixth day at 200 %) × the service
        "我在厂里干了三年，单休，每天晚上加班4个小时，月工资六千，加班费从来没给过，我能要多少",
        # the overtime rate told, the months told with the pay
        "每天加班4个小时，一个小时加班费25块，三年的加班费老板一分没给",
        # no wage told: the median minimum wage, a long span
        "在电子厂干了五年，每天都要加班三个钟，加班费一直没给过",
        # a whole job never paid: its months × the wage
        "工地上干了八个月，说好一个月七千，到现在一分钱没拿到，包工头电话也不接了",
        # a fee per worker × the workers (an employer asking)
        "我是开劳务派遣公司的，每个工人收了他们两千块押金，一共收了四十个人，现在工人都要退，我该怎么办",
        "包工头欠我们班组十二个人每人两万多工钱",
        # a day's pay × 21.75 for a job never paid
        "在工地干小工，一天三百，干了八个月，一分钱没拿到",
        "我在工地做了十个月，日工资250，老板一直没结过账",
        # an hourly pay × the hours a day × 21.75 for a job never paid
        "在工地做小工，一小时二十五块，一天干十个小时，干了十个月一分钱没拿到",
        # rest days worked every week
        "周末两天都要加班，一天八小时，两年了从来没给过加班费，工资六千",
        # the overtime said to be inside the wage; a month's overtime hours told with 多
        "工人们一天干十一个钟头，一个礼拜干七天，干了两年了，老板说加班费是包含在工资里的，一个月五千",
        "加班费一直没给，我一个月加班六十多个小时，干了三年，月工资四千",
    ],
)
def test_a_sum_estimated_from_the_facts_opens_the_sums_ticket(text: str) -> None:
    decision = _decision(text)
    reason = next((r for r in decision.reasons if r.code == "amount_high"), None)
    assert reason is not None, decision.as_dict()
    assert "估算" in reason.text and "万元" in reason.text  # the estimate is named as one


@pytest.mark.parametrize(
    "text",
    [
        # 3 h × 20.83 days × 20 元 × 24 months ≈ 30,000: below the threshold
        "我在厂里每天加班三个小时，一小时加班费按20块算，老板两年的加班费一分没给，我能要多少",
        # one month unpaid in a long job is not eight years' pay
        "干了八年，这个月工资到现在一分钱没拿到",
        # overtime paid, only asked how it is counted
        "每天加班3个小时，加班费怎么算才对",
        # monthly pay alone is no disputed sum
        "我月工资九千，一年能拿十万多，加班多吗",
        # a fee per worker for a small sum
        "每人扣了两百块服装费，一共十二个人",
        "包工头欠我们三个人每人两千块",
        # one rest day worked once
        "周六加班了8小时，加班费没给，工资六千",
        # an hourly pay whose months stay below the threshold
        "老板说一个小时十八块，我每天干十个小时，干了七个月一分钱都还没拿到",
        # one month of a day-paid job
        "一天三百，干了八年，这个月的钱一分没拿到",
        # never given a payslip or a contract is no pay never paid
        "在公司干了两年，公司一直没给过工资条",
        "干了三年，公司一直没给过我合同",
        # "never" said of something else: no months for the overtime
        "每天加班3小时，加班费没给，干了五年，我从来不请假，工资五千",
    ],
)
def test_no_sums_ticket_below_the_threshold_or_without_a_claim(text: str) -> None:
    assert "amount_high" not in _decision(text).codes


# --- a group told by its count -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "我们车间一百四十个工人，老板三个月没发工资了，怎么办",
        "全车间一百多号人都被拖了工资，厂长说下个月再说，我们该咋办",
        "我们三十几个人在工地干活 老板跑了 工钱没人给",
        "我叔叔他们几十个老乡在外地砖厂干了一年，年底老板只给路费，剩下的说明年再给",
        "工地上四五十个农民工的工钱被包工头卷跑了",
        "上百号人的工资老板说没钱发",
        "车间里的四十多名员工这个月只发了一半工资",
        "加上我一共十一个人，公司把我们的社保停了",
        # paraphrased wording; the workers named first and counted after
        "工程结束后承包商不支付三十多名工人的工资",
        "我们单位一百二十名职工的社保公司两年没有缴纳",
        "企业欠了职工们半年的薪水，我们应该怎么做",
        "我们项目部的农民工有五十来个，包工头说钱还没到",
    ],
)
def test_a_group_of_ten_or_more_in_any_wording_is_a_collective_dispute(text: str) -> None:
    decision = _decision(text)
    assert "collective_dispute" in decision.codes, decision.as_dict()
    assert decision.priority == "high"


@pytest.mark.parametrize(
    "text",
    [
        "我们公司有三百个员工，我想问年假怎么算",  # no dispute
        "公司一下裁了30多个人",  # one worker reporting a layoff
        "我和三个工友被拖欠了两个月工资",  # a small group
        "我在一个三十多人的小厂上班，老板欠了我三个月工资",  # the workplace's size
        "公司拖欠我两个月工资，公司有两百多个员工",  # the workplace's size
        "我们公司五十多人，就我一个被辞退了没给补偿",  # the speaker singled out
        "我们公司员工有三百多人，公司不支付我的加班费合法吗",  # the speaker's own pay
        "公司不给我交社保，公司一共有五十多个人",  # the speaker's own insurance
        "那年我们六十多个人一块去讨过薪，钱早已经拿齐了",  # settled long ago
        # a lawful layoff's size told by one worker asking his own severance (报告 holds no dispute)
        "公司经营困难裁员，一次裁了50多个人，提前一个月跟工会说明了情况，也报告了劳动部门，我干了3年，月薪8000，补偿多少",
    ],
)
def test_a_count_that_is_no_group_in_dispute_is_no_collective_dispute(text: str) -> None:
    assert "collective_dispute" not in _decision(text).codes


@pytest.mark.parametrize(
    ("history", "text"),
    [
        # the count told first, the dispute in the sentence after it
        ((), "我们车间一百四十人。这三个月工资都没发。"),
        ((), "厂里一百四十个工人。三个月没发工资了，老板说没钱。"),
        # … or in the next message
        (("我们厂一共一百四十个工人",), "老板三个月没发工资了怎么办"),
        # the whole workforce as the employer's object, or refusing together
        ((), "企业忽然说要解雇大家，这种情况能赔多少"),
        ((), "老板不要大家干了，有三个月工资没发，打电话他不接"),
        ((), "工厂要搬迁，大家都不去，结果老板就不支付工资了"),
        ((), "公司辞退了所有员工，一分补偿没给，这合法吗"),
        ((), "工厂因为环保被关停了，厂里给工人们都解除了劳动合同，补偿只字不提"),
    ],
)
def test_a_group_told_across_sentences_or_as_everybody_is_a_collective_dispute(
    history: tuple[str, ...], text: str
) -> None:
    assert "collective_dispute" in _decision(text, history).codes


@pytest.mark.parametrize(
    ("history", "text"),
    [
        ((), "我在一家厂上班，厂里有一百四十多个人。老板欠我三个月工资。"),  # the speaker's own pay
        (("我们公司一百多人",), "我被辞退了，没给补偿怎么办"),  # the speaker's own ending
        ((), "我们部门二十个人。上个月经理找我谈话说要扣绩效。"),
        ((), "她每个月需要面试100个人。前几天她被告知不用来了。"),  # no workforce counted
        ((), "大家都说公司不支付加班费是违法的，是真的吗"),  # what everybody says
        ((), "公司辞退了我和另一个同事，大家都没拿到补偿"),  # a small group
        ((), "我们站点二十多个骑手每天跑了五十多单，想问怎么算社保"),  # 跑了 of orders, not a boss gone
        ((), "我们二十多个人下个月要退休了，退休金怎么算"),  # 退休, no deposit kept
        ((), "公司会不会解雇大家？"),  # a fear
        ((), "公司倒闭了，和我解除了劳动合同，补偿怎么算"),  # one worker's own ending at a closure
        ((), "如果公司倒闭了，给员工解除合同要补偿吗"),  # supposed
        ((), "听说隔壁厂辞退了所有工人"),  # someone else's workplace
    ],
)
def test_a_count_beside_the_speakers_own_case_is_no_collective_dispute(
    history: tuple[str, ...], text: str
) -> None:
    assert "collective_dispute" not in _decision(text, history).codes


def test_a_count_by_its_order_of_magnitude_is_read() -> None:
    wording = default_rules().collective
    group = find_collective("上百号人的工资老板说没钱发", 10, wording)
    assert group is not None and group.people == 100
    group = find_collective("数十个老乡的工钱被卷跑了", 10, wording)
    assert group is not None and group.people >= 10


# --- the claim's age from dates ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "我2025年9月被公司辞退了，当时没给经济补偿，现在还能去仲裁要吗",
        "2025.9被辞退的，补偿一直没给",
        "25年9月份被公司开除，工资还欠两个月，还能仲裁吗",
        "2025年国庆前被辞退的，工资没结",
        "老公2025年10月在工地摔伤了，公司没报工伤，现在还能申请吗",
        # the employer's ground holds a job word (工作): still the ending's date
        "2025年9月因为工作失误被开除，工资没结",
        # 的 between the year and the month, 上一年, a two-digit year with its month, 零 months
        "去年的九月份我被辞退了，工资没结",
        "2025年的9月份被辞退，补偿没给",
        "上一年九月份辞职的，老板还欠我工资",
        "我在25年的9月被辞退了，老板欠我工资",
        "一年零两个月前被开除，工资还欠着",
        # the employer closed: the jobs ended with it
        "公司2025年8月倒闭，补偿一分没给",
    ],
)
def test_a_claim_over_a_year_old_by_its_dates_is_a_passed_limit(text: str) -> None:
    assert "time_limit_passed" in _decision(text).codes


@pytest.mark.parametrize(
    "text",
    [
        "我2025年9月入职，今年11月被辞退，补偿怎么算",  # the start of the job, not its end
        "2025年9月签的合同，现在公司欠我两个月工资",  # a contract date
        "2026年国庆后被辞退的，工资没结",  # two months ago
        "2025年3月以来一直在这工作，上个月被辞退",  # 以来: the job's span, not a ground
        "我干了10年9月份被辞退了，补偿怎么算",  # a tenure, not a two-digit year
        "公司说明年可能要倒闭，我该怎么办",  # a closure only feared
        "2019年公司倒闭了，社保怎么转到新单位",  # a passed limit with nothing claimed
    ],
)
def test_a_date_that_starts_a_job_or_is_recent_is_no_passed_limit(text: str) -> None:
    assert "time_limit_passed" not in _decision(text).codes


def test_an_ending_on_a_ground_with_a_job_word_counts_its_limit_from_the_ending() -> None:
    text = "今年一月初我被公司以不能胜任工作辞退了，没有培训也没有调岗。现在想申请仲裁，还有时间吗？"
    assert "time_limit_near" in _decision(text).codes


def test_a_months_overtime_told_with_more_is_read_as_hours() -> None:
    from assistant.consult.facts import extract_facts

    facts = extract_facts(["我一个月加班六十多个小时，加班费一直没给"], TODAY)
    assert facts.get("overtime_hours_weekday") == 60


@pytest.mark.parametrize(
    ("history", "text"),
    [
        (("我在工地干了八个月",), "一分钱没拿到，一天三百，怎么办"),
        (("每天加班4个小时，单休，月薪六千",), "干了三年了，加班费从来没给过"),
    ],
)
def test_a_sum_from_facts_told_across_messages_opens_the_sums_ticket(
    history: tuple[str, ...], text: str
) -> None:
    assert "amount_high" in _decision(text, history).codes
