"""The facts reader on the way people really state facts: a table of sentences written for this test
(not taken from any evaluation item) in varied voices — dialect, voice-to-text without punctuation,
a relative or the employer asking — each with the facts a labour lawyer would read from it, and
sentences where a look-alike must not be read. Dates count from 2026-12-05 (a Saturday)."""

from datetime import date

import pytest

from assistant.consult.facts import extract_facts

TODAY = date(2026, 12, 5)


def read(*messages: str) -> dict[str, object]:
    return extract_facts(list(messages), TODAY).values()


# (sentence, the facts it states); a fact's value is compared exactly, floats to 0.05.
VOICES: list[tuple[str, dict[str, object]]] = [
    # Dates: two-digit years, numeric dates, a day of a month named relative to today, month parts.
    (
        "我是23年3月15号进的这个厂，今年10月被他们开了",
        {"start_date": "2023-03-15", "termination": "dismissed"},
    ),
    ("俺是2022.4.1入的职", {"start_date": "2022-04-01"}),
    ("上个月28号主管叫我明天别来了", {"end_date": "2026-11-28", "termination": "dismissed"}),
    ("从去年3月干到今年8月底走的", {"start_date": "2025-03-01", "end_date": "2026-08-31"}),
    (
        "我是去年八月份进的厂子工资一个月五千五没签合同",
        {"start_date": "2025-08-01", "monthly_wage": 5500, "contract_signed": False},
    ),
    ("21年9月份来的公司 到现在也没给交社保", {"start_date": "2021-09-01", "social_insurance": False}),
    ("前年年底进的厂", {"start_date": "2024-11-15"}),
    ("大前天在车间摔了一跤腿骨折了", {"injury_date": "2026-12-02", "injured": True}),
    ("11月中旬受的伤，到现在还没好", {"injury_date": "2026-11-11"}),
    ("仲裁的裁决书是上周三拿到的", {"award_date": "2026-11-25"}),
    ("老公上个月3号从架子上掉下来了", {"injury_date": "2026-11-03", "asker": "family", "relation": "老公"}),
    ("2024-07-01入职的，今天人事通知我不用来了", {"start_date": "2024-07-01", "end_date": "2026-12-05"}),
    # 农历, as the year around the Spring Festival is told: 腊月, 正月, 初八, 廿三.
    ("去年腊月二十八老板叫我年后别来了", {"end_date": "2026-02-15", "termination": "dismissed"}),
    ("正月初八回来进的厂", {"start_date": "2026-02-24"}),
    ("农历三月十五在工地受的伤", {"injury_date": "2026-05-01"}),
    # Dismissals told with the words people put in between.
    ("昨天被主管当场开掉了", {"termination": "dismissed", "end_date": "2026-12-04"}),
    ("老板上周把我给炒了", {"termination": "dismissed"}),
    ("离职单上写的“自愿离职”，其实是老板让我走的", {"termination": "dismissed"}),
    ("人事叫我签个解除协议，说给两个月工资", {"termination": "agreed"}),
    # Wages: take-home, k and 万, ranges, a day rate, fillers between the word and the sum.
    ("每个月到手五千二", {"monthly_wage": 5200}),
    ("工资说好的是6k一个月", {"monthly_wage": 6000}),
    ("一个月0.6万左右吧", {"monthly_wage": 6000}),
    ("一天两百五，干一天算一天", {"daily_wage": 250}),
    ("底薪两千八再加提成", {"monthly_wage": 2800}),
    ("工资一直都是4500没涨过", {"monthly_wage": 4500}),
    ("一个月七八千吧看活多少", {"monthly_wage": 7000}),
    # Durations and working life.
    ("在这个工地干了三年多", {"service_months": 39}),
    ("这家店我做了两年半了", {"service_months": 30}),
    ("出门打工十几年了，在这厂子才干了两年", {"service_months": 24, "cumulative_work_years": 13}),
    ("以前在别的厂做了5年，这边入职刚满一年", {"service_months": 12, "cumulative_work_years": 6}),
    # Hours: the day's total, a day told by its hours, the week, per-day overtime over the days worked.
    ("每天都要站12个小时", {"daily_hours": 12, "overtime_hours_per_day": 4}),
    ("我们是早八晚十，中间就吃饭一个钟", {"daily_hours": 14}),
    ("一个礼拜干六天，一天都不让歇", {"work_days_per_week": 6}),
    ("我们厂是单休", {"work_days_per_week": 6}),
    ("平时晚上再加俩钟头", {"overtime_hours_per_day": 2, "overtime_kind": "weekday"}),
    ("这个月出勤26天，每天都加班3小时", {"overtime_hours_per_day": 3, "overtime_hours_weekday": 78}),
    ("上周一到周四每天干了11个钟", {"daily_hours": 11, "overtime_hours_weekday": 12}),
    ("五一那几天值了两天班", {"overtime_kind": "holiday", "overtime_hours_holiday": 16}),
    ("周日也被喊去加了6个小时", {"overtime_kind": "restday", "overtime_hours_restday": 6}),
    # Only the festival's statutory days are holidays; the shifted rest days of the break are rest days.
    ("国庆七天假我上了7天班", {"overtime_hours_holiday": 24, "overtime_hours_restday": 32}),
    ("3个星期天都叫我去上班，一次干8个钟", {"overtime_hours_restday": 24}),
    ("今年年假就请了两天", {"leave_days_taken": 2}),
    # Who asks and how many.
    ("我媳妇在电子厂上班，手被机器压了", {"asker": "family", "relation": "媳妇", "injured": True}),
    ("帮我爸问问，他在工地干了十年", {"asker": "family", "relation": "爸"}),
    ("我儿子今年15，在鞋厂打工", {"asker": "family", "age": 15}),
    ("我是开厂的，有个员工干了半年要走", {"asker": "employer"}),
    ("我们二十来个工人一起被欠薪", {"workers_count": 20}),
    ("合同从来没签过", {"contract_signed": False}),
    ("厂里没给我们买保险", {"injury_insurance": False}),
]


@pytest.mark.parametrize(("sentence", "expected"), VOICES, ids=[s for s, _ in VOICES])
def test_the_facts_a_sentence_states(sentence: str, expected: dict[str, object]) -> None:
    got = read(sentence)
    for name, value in expected.items():
        assert name in got, f"{name} not read from {sentence!r}: {got}"
        if isinstance(value, float | int) and not isinstance(value, bool):
            # Durations told roughly (三年多, 十几年) are read as a little more than said.
            rough = {"service_months": 1, "cumulative_work_years": 0.5}.get(name, 0.05)
            assert got[name] == pytest.approx(value, abs=rough)
        else:
            assert got[name] == value


# Look-alikes: a sentence that must NOT yield the fact.
LOOKALIKES: list[tuple[str, str]] = [
    ("被开水烫伤了手", "termination"),
    ("把我的工资卡开了个户", "termination"),
    ("干了24年6个月", "start_date"),
    ("工龄24年了", "start_date"),
    ("加班费是1.5倍还是2倍", "start_date"),
    ("提成拿了3000多", "monthly_wage"),
    ("离职证明上个月才给我", "end_date"),
    ("协议上写的“主动辞职”我没签", "termination"),
    ("每天工作8小时", "daily_hours"),
    ("周六休息，平时不加班", "overtime_hours_restday"),
    ("在这家打工三年了", "cumulative_work_years"),
    ("在上个月的会上说", "injury_date"),
    ("十月十五号进的厂", "injury_date"),
    ("在路上被交警开了罚单", "termination"),
    ("被人踢了一脚", "termination"),
    ("领导让我们走人", "termination_resigned"),
    ("孩子生病了请了三天假", "asker"),
]


def test_a_month_and_day_without_a_lunar_mark_is_the_calendar_date() -> None:
    assert read("十月十五号进的厂")["start_date"] == "2026-10-15"


@pytest.mark.parametrize(("sentence", "name"), LOOKALIKES, ids=[s for s, _ in LOOKALIKES])
def test_look_alikes_are_not_read(sentence: str, name: str) -> None:
    got = read(sentence)
    if name.startswith("termination_"):  # the ending is read, but not as this kind of ending
        assert got.get("termination") != name.removeprefix("termination_")
    else:
        assert name not in got


def test_a_date_goes_to_the_event_its_verb_names() -> None:
    got = read("22年3月1号进的厂，今年11月20号被辞退")
    assert got["start_date"] == "2022-03-01" and got["end_date"] == "2026-11-20"
    got = read("23年5月入职，今年6月在车间受的伤，上个月被开了")
    assert got["start_date"] == "2023-05-01"
    assert got["injury_date"] == "2026-06-01"
    assert "end_date" in got and got["end_date"] >= "2026-11-01"


def test_an_earlier_employer_adds_to_the_working_life_once_both_are_known() -> None:
    # Only the years elsewhere: they are the working life read so far.
    assert read("之前在老家的厂干了7年")["cumulative_work_years"] == 7
    got = read("之前在老家的厂干了7年", "现在这家干了4年")
    assert got["cumulative_work_years"] == pytest.approx(11, abs=0.05)


@pytest.mark.parametrize(
    "message",
    [
        "因为孩子住院请假了一周，老板就要辞退我",
        "家里老人病了我辞职回去照顾，最后一个月工资不给结",
        "老婆做手术我请了三天假，回来扣了我全勤",
    ],
)
def test_a_relatives_illness_told_by_the_worker_is_not_the_workers_own(message: str) -> None:
    assert "ill" not in extract_facts([message], TODAY).values()


@pytest.mark.parametrize(
    "message",
    [
        "我住院做手术，病假工资怎么算",
        "老公住院了，单位这个月一分钱工资都不发",
        "我生病住院了，公司能辞退我吗",
    ],
)
def test_the_workers_own_illness_or_the_relative_the_message_is_about_is_read(message: str) -> None:
    assert extract_facts([message], TODAY).get("ill") is True
