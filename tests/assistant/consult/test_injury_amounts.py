"""Injury and death amounts with the worker's own figures (session 9, classes lawyers found on unseen
questions): a death answered with the formula and no figures, two grades read as the lighter one, an
injury before its grade given the bare tariff, a province's right figures labelled only "未经核实", a fall
on the way to work taken for a work injury, and a claim said twice. Questions are the team's own,
asked through the real answer service."""

import re
from datetime import date

import pytest

from assistant.answer import Answer, AnswerService
from assistant.consult.facts import extract_facts
from eval.consult_metrics import opening

TODAY = date(2026, 12, 5)


def conclusion(answer: Answer) -> str:
    return opening(answer.text)[1]


def section(answer: Answer, title: str) -> list[str]:
    """The bullets of one section of the offline answer (**你可以主张** …)."""
    match = re.search(rf"\*\*{title}\*\*\n\n((?:- .*\n?)+)", answer.text)
    return [line[2:] for line in match.group(1).strip().splitlines()] if match else []


def facts(text: str) -> dict[str, object]:
    return dict(extract_facts([text], TODAY).values())


# --- a death: the three items with every figure the facts allow, and what is still missing ----------


def test_a_death_gets_the_lump_sum_and_each_dependants_share_with_the_wage(service: AnswerService) -> None:
    answer = service.ask("我哥今年4月在佛山的厂里被行车砸中去世了，他月工资7000，工亡能赔多少钱")
    first = conclusion(answer)
    assert "1130040" in first  # 20 × 2025's national urban income, for a death in 2026
    assert "2800" in first and "2100" in first  # 7000 × 40 % (spouse), × 30 % (each other dependant)
    assert "没有劳动能力" in first  # 39(1)(2): only dependants without capacity, the spouse too
    assert "丧葬补助金" in first and "还算不出" in first  # no average wage for the city: said, not guessed
    claims = section(answer, "你可以主张")
    assert any(c.startswith("一次性工亡补助金1130040元") for c in claims)
    assert any("配偶每月2800元" in c for c in claims)


def test_a_death_with_the_citys_average_wage_gets_the_funeral_grant(service: AnswerService) -> None:
    answer = service.ask("我丈夫2024年8月在北京的工地上出事故去世了，月工资8000，工亡待遇一共有多少")
    first = conclusion(answer)
    assert "1036420" in first  # 20 × 51821 (2023) for a death in 2024
    assert "70566" in first  # 6 × 北京 2023 average monthly wage 11761
    assert "3200" in first and "2400" in first


def test_a_death_without_its_date_gets_the_figure_for_this_year_as_a_condition(
    service: AnswerService,
) -> None:
    answer = service.ask("我爸在矿上出事故没了，矿上说给20万了事，工亡到底能赔多少")
    first = conclusion(answer)
    assert "如果是在2026年去世的" in first and "1130040" in first


# --- several grades: the gravest decides ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("鉴定下来十级一处、九级一处，月工资5000", 9),
        ("两处伤残，分别是八级和十级", 8),
        ("评了个十级，另外还有一处九级", 9),
        ("腿和手都伤了，鉴定是十级和九级两个部位", 9),
    ],
)
def test_several_grades_are_read_as_the_gravest(text: str, grade: int) -> None:
    read = facts(text)
    assert read.get("disability_grade") == grade
    assert read.get("disability_grades")


def test_grades_only_compared_keep_the_workers_own_grade() -> None:
    read = facts("我是10级伤残，想问问9级能多拿多少")
    assert read.get("disability_grade") == 10
    assert "disability_grades" not in read


def test_two_grades_are_answered_at_the_graver_one_and_say_why(service: AnswerService) -> None:
    answer = service.ask("我在苏州厂里手被压了，鉴定结果十级一处、九级一处，月工资6000，能拿多少钱")
    first = conclusion(answer)
    assert first.startswith("按9级算")
    assert "最重" in first and "54000" in first  # 6000 × 9 months
    assert "42000" not in first  # not the grade-10 figure


# --- before a grade: who decides it, and the tariff with the worker's wage -------------------------


def test_an_injury_before_its_grade_gets_the_tariff_with_the_workers_wage(service: AnswerService) -> None:
    answer = service.ask("在车间被切纸机切伤了手，还没做伤残鉴定，月工资4800，工伤能赔多少钱")
    first = conclusion(answer)
    assert "劳动能力鉴定委员会" in first
    assert "33600" in first and "129600" in first  # 4800 × 7 (grade 10), × 27 (grade 1)
    assert "第二十三条" in first


# --- a province's standard: the figures in the conclusion, named by their source ------------------


def test_a_province_standard_is_stated_with_its_source(service: AnswerService) -> None:
    answer = service.ask("在深圳上班工伤评了八级，月工资6000，合同到期不续了能拿多少钱")
    first = conclusion(answer)
    assert "24000" in first and "90000" in first  # 广东 8级: 4 and 15 months of 6000
    assert "《广东省工伤保险条例》" in first
    assert "未经核实" not in answer.text
    claims = section(answer, "你可以主张")
    assert any("24000" in c and "90000" in c for c in claims)


def test_the_named_lump_sum_asked_is_given_with_its_months_and_source(service: AnswerService) -> None:
    answer = service.ask("我在广州工伤评了九级，月工资5000，一次性工伤医疗补助金能拿多少")
    first = conclusion(answer)
    assert "10000" in first and "2个月" in first and "《广东省工伤保险条例》" in first


# --- on the way to work: only an accident not mainly the worker's fault --------------------------


def test_a_fall_on_the_way_to_work_is_not_promised_as_a_work_injury(service: AnswerService) -> None:
    answer = service.ask("上班路上自己骑电瓶车滑倒，摔断了锁骨，工伤能赔多少")
    first = conclusion(answer)
    assert first.startswith("先要看能不能算工伤")
    assert "一般不能认定工伤" in first and "第十四条第（六）项" in first


def test_a_graded_commuting_accident_says_the_other_sides_liability_stands_besides(
    service: AnswerService,
) -> None:
    answer = service.ask("下班路上被货车撞了，工伤鉴定九级，月工资5500，能赔多少钱")
    reasons = section(answer, "为什么")
    assert any("不是你主要责任" in r and "可以都要" in r for r in reasons)


# --- one head of claim, one bullet -------------------------------------------------------------


def test_severance_is_claimed_once_when_two_guides_state_it(service: AnswerService) -> None:
    answer = service.ask("厂里裁员，我在这干了6年，月工资7000，补偿多少")
    severance = [c for c in section(answer, "你可以主张") if c.startswith("经济补偿：")]
    assert len(severance) <= 1
