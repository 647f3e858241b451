"""Dates known only to their year or month: shown as the worker said them, never turned into a day
the worker did not give, and a time limit that may or may not have passed inside that range is not
called passed; a year that names a rule (2018年的认定标准) is no event of the case. Real facts reader,
real guides, real deadline tools."""

from datetime import date

import pytest

from assistant.consult.facts import extract_facts
from assistant.consult.guides import GuideBook, load_guides
from assistant.consult.plan import ConsultPlan, plan_consultation
from assistant.consult.toolbridge import deadline_computations, default_tool_runner

TODAY = date(2026, 12, 5)


@pytest.fixture(scope="module")
def book() -> GuideBook:
    return load_guides()


def plan(book: GuideBook, issues: list[str], question: str) -> ConsultPlan:
    facts = extract_facts([question], TODAY)
    return plan_consultation(
        question,
        facts,
        [(issue, 1.0) for issue in issues],
        (),
        book,
        default_tool_runner(lambda: TODAY),
        lambda values: deadline_computations(values, TODAY, facts.latest_dates()),
    )


@pytest.mark.parametrize(
    "question",
    [
        "2018年职工工伤认定标准怎么规定的？",
        "2024年的新规里，工伤怎么算的",
        "想问下2021年版的职业病目录里有没有尘肺",
    ],
)
def test_a_year_naming_a_rule_is_not_the_day_of_an_injury(question: str) -> None:
    facts = extract_facts([question], TODAY)
    assert "injury_date" not in facts.values()


@pytest.mark.parametrize(
    ("question", "first", "until"),
    [
        ("2019年我在厂里受伤了，按规定能赔多少", "2019-01-01", "2019-12-31"),
        ("去年3月在工地摔伤了腿", "2025-03-01", "2025-03-31"),
    ],
)
def test_an_event_dated_by_year_or_month_keeps_its_range(question: str, first: str, until: str) -> None:
    facts = extract_facts([question], TODAY)
    assert facts.get("injury_date") == first
    assert facts.latest_dates() == {"injury_date": until}


def test_an_exact_day_has_no_range() -> None:
    facts = extract_facts(["2025年3月5号在工地摔伤了腿"], TODAY)
    assert facts.get("injury_date") == "2025-03-05" and facts.latest_dates() == {}


def test_a_year_only_date_is_shown_as_the_year_not_as_new_years_day(book: GuideBook) -> None:
    got = plan(
        book, ["work_injury_recognition"], "2025年在工地受伤，老板一直拖着不给认定工伤，现在还能申请吗"
    )
    shown = "".join(got.facts_shown)
    assert "2025年" in shown and "1月1日" not in shown
    said = "".join(
        s.text for s in [*got.conclusion, *got.reasons] + [x for b in got.situations for x in b.steps]
    )
    assert "2025年1月1日" not in said


def test_a_limit_inside_the_range_is_not_called_passed(book: GuideBook) -> None:
    # Injured some day in 2025: the one-year limit ends some day in 2026, before or after today.
    got = plan(book, ["work_injury_recognition"], "2025年在工地受伤，单位不给申请工伤，还来得及吗")
    q = got.quantities()
    assert q.get("injury_deadline_passed") is None
    (injury,) = [c for c in got.computations if c.tool == "injury_recognition_deadline"]
    # Session 12: neither verdict, but that it may fall now, and how to make it exact.
    assert any("可能已经到了" in a and "具体日期" in a for a in injury.assumptions)


def test_a_limit_past_for_every_day_of_the_range_is_still_passed(book: GuideBook) -> None:
    got = plan(book, ["work_injury_recognition"], "去年3月在工地摔伤了腿，单位不给申请工伤，还来得及吗")
    assert got.quantities().get("injury_deadline_passed") is True


def test_an_injury_only_time_limit_speaks_of_the_injury_application_not_arbitration(book: GuideBook) -> None:
    got = plan(
        book, ["work_injury_recognition"], "2023年在厂里压断了手指，厂里一直没给报工伤，现在还能申请吗"
    )
    assert any(block.guide_id == "time_limit" for block in got.situations)
    opening = got.conclusion[0].text
    assert "工伤认定" in opening and "仲裁" not in opening
    steps = "".join(s.text for b in got.situations if b.guide_id == "time_limit" for s in b.steps)
    assert "申请仲裁" not in steps and "人社局" in steps


def test_a_dismissal_time_limit_still_speaks_of_arbitration(book: GuideBook) -> None:
    got = plan(book, ["arbitration_procedure"], "前年11月被辞退，一直没给补偿，现在还能去仲裁吗")
    assert "仲裁" in got.conclusion[0].text


def test_a_date_known_to_a_week_is_shown_as_approximate(book: GuideBook) -> None:
    got = plan(book, ["unlawful_termination"], "干了3年，月工资5000，上周公司把我辞退了，能要什么赔偿")
    shown = "".join(got.facts_shown)
    # Session 12: shown as the week it was (a range), not as one of its days with 约.
    assert "2026年11月23日至11月29日之间" in shown and "约2026年11月23日" not in shown


@pytest.mark.parametrize(
    "question",
    [
        "2015年认定了工伤，伤残五级，现在想问伤残津贴能不能涨",
        "前年决定工伤，伤残九，单位一直不给一次性伤残就业补助金怎么办",
    ],
)
def test_a_recognised_or_assessed_injury_is_not_told_to_apply_within_the_year(
    book: GuideBook, question: str
) -> None:
    got = plan(book, ["work_injury_benefits"], question)
    assert "time_limit" not in {block.guide_id for block in got.situations}


def test_an_old_injury_never_recognised_still_gets_the_time_limit(book: GuideBook) -> None:
    got = plan(
        book, ["work_injury_recognition"], "2023年在厂里压断了手指，厂里一直没给报工伤，现在还能申请吗"
    )
    assert "time_limit" in {block.guide_id for block in got.situations}
