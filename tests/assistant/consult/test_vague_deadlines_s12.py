"""Session 12: a date told vaguely (去年年底, 一年前, 前年上半年) is a range, and every time limit counted from
it uses the range — passed only if even its latest possible day has passed, "may be these weeks" when
the range straddles today, and a limit that may end within weeks opens the injured worker's answer.
Real facts reader, real guides, real deadline tools; the team's own wordings, a fixed today."""

import re
from datetime import date

import pytest

from assistant.consult.facts import extract_facts
from assistant.consult.guides import GuideBook, load_guides
from assistant.consult.numbers import find_dates
from assistant.consult.plan import ConsultPlan, plan_consultation, range_label
from assistant.consult.toolbridge import deadline_computations, default_tool_runner

TODAY = date(2026, 12, 5)
BOOK: GuideBook = load_guides()


def plan(question: str, issues: list[str], codes: tuple[str, ...] = ()) -> ConsultPlan:
    facts = extract_facts([question], TODAY)
    return plan_consultation(
        question,
        facts,
        [(issue, 1.0) for issue in issues],
        codes,
        BOOK,
        default_tool_runner(lambda: TODAY),
        lambda values: deadline_computations(values, TODAY, facts.latest_dates()),
    )


def said(got: ConsultPlan) -> str:
    return "".join(
        s.text for s in [*got.conclusion, *got.reasons, *(x for b in got.situations for x in b.steps)]
    )


def test_a_range_other_than_a_month_or_year_is_shown_as_the_range() -> None:
    assert range_label("2025-11-15", "2025-12-31") == "2025年11月15日至12月31日之间"
    assert range_label("2025-10-06", "2026-02-03") == "2025年10月6日至2026年2月3日之间"
    assert range_label("2025-03-01", "2025-03-31") == "2025年3月"


def test_end_of_last_year_injury_limit_may_be_now_not_passed() -> None:
    got = plan(
        "我去年年底在仓库卸货时把腰扭伤了，老板一直拖着不报工伤，现在我自己还能申请吗",
        ["work_injury_recognition"],
    )
    q = got.quantities()
    assert q.get("injury_deadline_passed") is None and q.get("injury_deadline_uncertain") is True
    opening = got.conclusion[0].text
    assert "这几周" in opening and "不要晚于2026年12月31日" in opening
    text = said(got)
    assert "已经过了" not in opening and "2025年11月15日受" not in text
    # The day never told is not shown as the injury day.
    assert "约2025年11月15日" not in "".join(got.facts_shown)


def test_an_injury_about_a_year_ago_puts_the_limit_first() -> None:
    got = plan(
        "差不多一年前我在车间被冲床压了手，老板让先养伤，现在手指还弯不了，接下来怎么办",
        ["work_injury_recognition", "work_injury_benefits"],
        ("death_or_serious_injury",),
    )
    first_block = got.situations[0]
    assert first_block.guide_id == "serious_injury"
    assert "期限可能就在这几周" in first_block.steps[0].text
    assert got.conclusion[0].text.startswith("最急的是工伤认定的期限")


def test_a_limit_certainly_within_weeks_opens_with_its_day() -> None:
    # Injured some day last January: the one-year limit ends between 2027-01-01 and 2027-01-31, counted
    # conservatively from the range's first day.
    got = plan(
        "今年1月份在工地被钢管砸伤了脚，包工头让我等等再说，现在怎么办",
        ["work_injury_recognition", "work_injury_benefits"],
        ("death_or_serious_injury",),
    )
    assert got.quantities().get("injury_deadline_passed") is False
    assert got.situations[0].steps[0].text.startswith("期限快到了")
    assert "2027年1月1日之前" in got.conclusion[0].text


def test_a_limit_far_away_does_not_open_the_answer() -> None:
    got = plan(
        "2026年10月3日在工地被钢管砸伤了脚，包工头让我等等再说，现在怎么办",
        ["work_injury_recognition", "work_injury_benefits"],
        ("death_or_serious_injury",),
    )
    assert not got.conclusion[0].text.startswith("最急的")
    assert "期限" not in got.situations[0].steps[0].text


def test_a_range_passed_on_its_latest_day_is_passed_by_that_day_with_what_restarts_it() -> None:
    got = plan("前年上半年公司把我开除了，补偿一分没给，过了这么久还能申请仲裁吗", ["arbitration_procedure"])
    assert got.quantities().get("arbitration_deadline_passed") is True
    opening = got.conclusion[0].text
    assert "2025年6月30日" in opening and "重新算" in opening
    # The range's first day alone (a day never told) is nowhere; the range itself may be.
    assert re.search(r"2024年1月1日(?!至)", said(got)) is None


@pytest.mark.parametrize(
    ("words", "earliest", "latest"),
    [
        ("一年多前在工地摔伤", "2024-12-05", "2025-12-05"),
        ("三个多月前被辞退", "2026-08-05", "2026-09-05"),
        ("几个月前被辞退", "2026-03-05", "2026-10-05"),
        ("去年这个时候在厂里被压伤", "2025-11-04", "2026-01-05"),
        ("十几天前被开除了", "2026-11-16", "2026-11-23"),
    ],
)
def test_vague_relative_dates_are_ranges_not_a_day(words: str, earliest: str, latest: str) -> None:
    (day,) = find_dates(words, TODAY)
    assert (day.earliest.isoformat(), day.latest.isoformat()) == (earliest, latest)


def test_the_same_time_last_year_makes_the_injury_limit_urgent() -> None:
    got = plan(
        "去年这个时候在厂里被叉车撞伤了腿，厂里一直没报工伤，现在还能自己申请吗", ["work_injury_recognition"]
    )
    assert got.quantities().get("injury_deadline_uncertain") is True
    assert "这几周" in got.conclusion[0].text


def test_an_injury_long_past_the_year_says_what_still_remains() -> None:
    got = plan(
        "前年春节前在厂里被机器切了手指，厂里一直没报工伤，现在还能申请吗", ["work_injury_recognition"]
    )
    assert got.quantities().get("injury_deadline_passed") is True
    steps = "".join(s.text for b in got.situations for s in b.steps)
    assert "由单位负担" in steps and "不算在1年里" in steps


def test_a_worker_still_employed_is_not_asked_when_they_left() -> None:
    question = "进厂四年了，现在还在上班，厂里欠了我三个月工资，该怎么办"
    assert extract_facts([question], TODAY).get("still_employed") is True
    got = plan(question, ["wage_arrears"])
    assert got.ask_fact != "end_date"
    assert got.ask is None or "离开" not in got.ask


def test_still_at_work_while_something_happened_is_not_still_employed() -> None:
    assert extract_facts(["我还在上班的时候被主管打伤了"], TODAY).get("still_employed") is None
