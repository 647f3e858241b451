"""The worker's figures (session 11): the months off work for an injury told (歇了三个月) priced at the
original wage, a grade answered with its amounts beside them, and a death in an earlier year priced with
the figure of the year before it — or told that the old rule applies. Questions are the team's own,
asked through the real answer service."""

from datetime import date

import pytest

from assistant.answer import Answer, AnswerService
from assistant.consult.facts import extract_facts
from eval.consult_metrics import opening

TODAY = date(2026, 12, 5)


def conclusion(answer: Answer) -> str:
    return opening(answer.text)[1]


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("在车间被机器轧伤了手，歇了三个月", 3.0),
        ("工地上摔伤了腰，在家养了两个多月", 2.0),
        ("因工受伤住院休息了4个月", 4.0),
    ],
)
def test_the_months_off_for_a_work_injury_are_read(text: str, months: float) -> None:
    assert extract_facts([text], TODAY).values()["stoppage_months"] == months


@pytest.mark.parametrize(
    "text",
    [
        "我怀孕了在家休息了三个月",
        "公司放假歇了两个月",
        "工伤住院十天了，医生说回家还得休养两个月",  # months still to come, not months already off
    ],
)
def test_months_off_without_an_injury_at_work_are_not_the_stoppage_period(text: str) -> None:
    assert "stoppage_months" not in extract_facts([text], TODAY).values()


def test_a_grade_with_the_months_off_opens_with_both_sums(service: AnswerService) -> None:
    answer = service.ask(
        "我在厂里压伤了手，评了八级，月工资5500，工伤以后歇了三个月厂里没发工资，总共能拿多少"
    )
    first = conclusion(answer)
    assert "60500" in first  # 8级: 11 × 5500
    assert "16500" in first  # 3 months × 5500 at the original wage (工伤保险条例 33(1))
    assert "停工留薪期" in first


def test_the_months_off_unpaid_asked_as_a_verdict_get_it_and_the_sum(service: AnswerService) -> None:
    answer = service.ask("干活时把脚砸伤了，在家养了两个月，这两个月厂里一分工资没发，我月薪4600，这合法吗")
    first = conclusion(answer)
    assert first.startswith("不合法")
    assert "9200" in first  # 2 × 4600


def test_the_months_off_before_any_grade_are_priced(service: AnswerService) -> None:
    answer = service.ask("在工地被钢管砸伤了，休息了四个月，月工资6200，这段时间的工资怎么算")
    first = conclusion(answer)
    assert "24800" in first  # 4 × 6200


def test_a_death_years_ago_is_priced_with_the_figure_of_the_year_before_it(service: AnswerService) -> None:
    answer = service.ask("我哥2017年在矿上出事故死了，当时家里不懂，工亡补助金应该有多少")
    first = conclusion(answer)
    assert "672320" in first  # 20 × 33616, the national urban income of 2016
    assert "2016年" in first
    assert "1130040" not in first  # never this year's figure


def test_a_death_before_2011_is_told_the_old_rule_not_the_twenty_times_figure(service: AnswerService) -> None:
    answer = service.ask("我爸2008年在砖厂干活时被砸死了，工亡补助金有多少")
    first = conclusion(answer)
    assert "2011年1月1日以前" in first
    assert "20倍" not in first.split("不是现在的")[0]


def test_a_county_named_gives_the_provinces_lump_sums(service: AnswerService) -> None:
    """广东 has its table of the two 37(2) lump sums: a worker in a 广东 county (连南, not listed by name in
    places.toml) gets them, not "按省里的标准"."""
    answer = service.ask("我在连南的厂里上班，工伤评了九级，月工资5000，能拿多少钱")
    first = conclusion(answer)
    assert "45000" in first  # 9 × 5000
    assert "广东省工伤保险条例" in first


def test_a_grade_of_one_to_six_opens_with_the_monthly_allowance_in_the_workers_wage(
    service: AnswerService,
) -> None:
    """工伤保险条例 35(1)(2), 36(1)(2): 伤残津贴 as a sum of the worker's wage, not only its percentage."""
    answer = service.ask("工伤评了四级，月工资6000，能拿多少")
    first = conclusion(answer)
    assert "126000" in first  # 21 × 6000
    assert "4500" in first  # 75 % of 6000 a month
