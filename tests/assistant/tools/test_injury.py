"""工伤 and 工亡 benefits, sick pay: golden tests naming the article each checks, and the peer bugs."""

from __future__ import annotations

from datetime import date

import pytest

from tests.assistant.tools.helpers import calc, cited


@pytest.mark.parametrize(
    ("grade", "months", "rate", "article"),
    [
        (1, 27, 0.9, "《工伤保险条例》第三十五条第一款第（一）项"),
        (4, 21, 0.75, "《工伤保险条例》第三十五条第一款第（一）项"),
        (5, 18, 0.7, "《工伤保险条例》第三十六条第一款第（一）项"),
        (6, 16, 0.6, "《工伤保险条例》第三十六条第一款第（一）项"),
        (7, 13, None, "《工伤保险条例》第三十七条第（一）项"),
        (10, 7, None, "《工伤保险条例》第三十七条第（一）项"),
    ],
)
def test_disability_lump_sum_and_allowance_by_grade(
    grade: int, months: int, rate: float | None, article: str
) -> None:
    """工伤保险条例 第三十五条 to 第三十七条: 一次性伤残补助金 months and 伤残津贴 rates by grade (1 vs 10)."""
    result = calc(
        "injury_benefits", disability_grade=grade, monthly_wage=6000, injury_date="2025-05-01", city="上海"
    )
    assert result.quantities["disability_lump_sum_months"] == months
    assert result.quantities["disability_lump_sum"] == 6000 * months
    assert result.quantities.get("disability_allowance_rate") == rate
    assert article in cited(result)
    assert result.see_lawyer is (grade <= 4)


def test_allowance_topped_up_to_the_minimum_wage() -> None:
    """工伤保险条例 第三十五条第一款第（二）项: 伤残津贴实际金额低于当地最低工资标准的，补足差额."""
    result = calc("injury_benefits", disability_grade=4, monthly_wage=3000, city="上海")
    assert result.quantities["disability_allowance"] == 2690  # 3000 × 75 % = 2250 < 2690


def test_own_wage_bounded_to_60_and_300_percent_of_the_average_article_64() -> None:
    """工伤保险条例 第六十四条第二款: 本人工资 between 60 % and 300 % of the area's average wage."""
    result = calc(
        "injury_benefits", disability_grade=10, monthly_wage=50000, injury_date="2024-05-01", city="上海"
    )
    assert result.quantities["disability_lump_sum"] == round(12434 * 3 * 7, 2)
    low = calc(
        "injury_benefits", disability_grade=10, monthly_wage=3000, injury_date="2024-05-01", city="上海"
    )
    assert low.quantities["disability_lump_sum"] == 52222.8  # 12434 × 60 % = 7460.40, × 7


def test_province_lump_sums_when_a_table_has_them_otherwise_the_formula() -> None:
    """工伤保险条例 第三十七条第（二）项: the two lump sums are set by the province."""
    guangdong = calc(
        "injury_benefits", disability_grade=9, monthly_wage=5000, city="东莞", injury_date="2025-05-01"
    )
    assert guangdong.quantities["medical_lump_sum"] == 10000
    assert guangdong.quantities["employment_lump_sum"] == 40000
    assert any(d.table == "injury_lump_sums" and not d.verified for d in guangdong.data_used)
    elsewhere = calc("injury_benefits", disability_grade=9, monthly_wage=5000, province="河南")
    assert "medical_lump_sum" not in elsewhere.quantities
    assert any("系统没有河南省的标准" in n for n in elsewhere.notes)


def test_no_grade_yet_shows_every_tariff_row_with_the_workers_wage() -> None:
    """工伤保险条例 第三十五条 to 第三十七条: before the 鉴定 the grade is unknown, so each grade's 一次性伤残补助金
    is given with the worker's own wage (not only the bare month counts)."""
    result = calc("injury_benefits", monthly_wage=4500)
    assert result.quantities["disability_lump_sum_grade10"] == 4500 * 7
    assert result.quantities["disability_lump_sum_grade1"] == 4500 * 27
    table = result.formula[0]
    assert (
        "10级7个月 31500.00 元" in table
        and "8级11个月 49500.00 元" in table
        and "1级27个月 121500.00 元" in table
    )
    assert any(m.field == "disability_grade" for m in result.missing)
    assert "disability_lump_sum" not in result.quantities  # no grade is guessed
    bare = calc("injury_benefits")
    assert "disability_lump_sum_grade10" not in bare.quantities
    died = calc("injury_benefits", monthly_wage=4500, death=True)
    assert "disability_lump_sum_grade10" not in died.quantities


def test_province_figures_are_labelled_by_their_source_not_unverified() -> None:
    """A province's lump-sum months are stated with the document they come from (《广东省工伤保险条例》), and
    what was not checked is said as such — not a bare "未经核实" under right figures."""
    result = calc(
        "injury_benefits", disability_grade=8, monthly_wage=5000, city="东莞", injury_date="2025-05-01"
    )
    assert result.quantities["medical_lump_sum"] == 20000  # 4 months
    assert result.quantities["employment_lump_sum"] == 75000  # 15 months
    assert result.quantities["medical_lump_sum_months"] == 4
    assert result.quantities["lump_sum_source"] == "《广东省工伤保险条例》"
    labels = [a for a in result.assumptions if "广东8级" in a]
    assert labels and all("《广东省工伤保险条例》" in a and "未经核实" not in a for a in labels)
    assert "未经核实" not in result.as_text()


def test_grade_eleven_is_an_input_error() -> None:
    from assistant.tools import ToolInputError

    with pytest.raises(ToolInputError) as info:
        calc("injury_benefits", disability_grade=11)
    assert info.value.first.field == "disability_grade"
    assert "伤残等级（disability_grade）" in info.value.first.message


def test_death_benefits_funeral_is_six_months_and_lump_sum_twenty_times_article_39() -> None:
    """工伤保险条例 第三十九条: 丧葬补助金 = 6 × the area's previous-year average monthly wage; 一次性工亡补助金 =
    20 × the previous year's national urban income. (Peer bugs: a funeral grant of one month, a hard-coded
    income year.)"""
    result = calc("death_benefits", death_date="2024-08-01", city="北京")
    assert result.quantities["funeral_allowance"] == 11761 * 6
    assert result.quantities["death_lump_sum"] == 51821 * 20  # 2023's figure for a death in 2024
    assert {
        "《工伤保险条例》第三十九条第一款第（一）项",
        "《工伤保险条例》第三十九条第一款第（三）项",
    } <= cited(result)
    assert result.see_lawyer
    later = calc("death_benefits", death_date="2025-08-01")
    assert later.quantities["death_lump_sum"] == 54188 * 20  # the year follows the death, not the code


def test_death_in_january_before_the_new_figure_uses_the_year_before_the_death() -> None:
    """工伤保险条例 第三十九条第一款第（三）项: 上一年度 = the year before the death, even when that figure was
    published days after it (2024's figure came out on 2025-01-17)."""
    result = calc("death_benefits", death_date="2025-01-10")
    assert result.quantities["death_lump_sum"] == 1_083_760.0
    row = result.data_used[0]
    assert row.year == 2024 and row.effective_from > date(2025, 1, 10)


@pytest.mark.parametrize(
    ("died", "income_year", "lump_sum"),
    [
        ("2016-06-01", 2015, 623_900),  # 31195 × 20
        ("2019-03-01", 2018, 785_020),  # 39251 × 20
        ("2011-05-01", 2010, 382_180),  # 19109 × 20, the first year of the 20-times rule
    ],
)
def test_a_death_in_an_earlier_year_is_priced_with_the_figure_of_the_year_before_it(
    died: str, income_year: int, lump_sum: int
) -> None:
    """工伤保险条例 第三十九条第一款第（三）项: the year before the death, for a death years ago too — never
    this year's figure, and the row used says it was not checked against the bureau's text."""
    result = calc("death_benefits", death_date=died)
    assert result.quantities["death_lump_sum"] == lump_sum
    row = next(r for r in result.data_used if r.table == "national_urban_income")
    assert row.year == income_year and not row.verified


def test_a_death_before_2011_is_not_priced_with_the_twenty_times_rule() -> None:
    """The 20-times rule is the 2010 revision's (in force 2011-01-01); an earlier death is under the old text:
    no figure from this table, and the answer says which rule applies."""
    result = calc("death_benefits", death_date="2009-07-01")
    assert "death_lump_sum" not in result.quantities
    assert result.quantities["death_lump_sum_old_rule"] is True
    assert any("2011年1月1日以前" in line for line in result.formula)


def test_figure_not_yet_published_is_provisional_by_opinion_14() -> None:
    """意见 十四: 上一年度数据尚未公布的，暂按前一年度核定，公布后补发差额."""
    result = calc("death_benefits", death_date="2027-01-05", today=date(2027, 1, 8))
    assert result.quantities["death_lump_sum"] == 56502 * 20  # 2025's figure for now (2026's not out)
    assert "《人力资源社会保障部关于执行《工伤保险条例》若干问题的意见》第十四条" in cited(result)
    assert any("暂按2025年" in a for a in result.assumptions)
    # Once the figure should be out but the table lacks it: asked for, never guessed.
    late = calc("death_benefits", death_date="2027-01-05", today=date(2027, 6, 1))
    assert "death_lump_sum" not in late.quantities
    assert any(m.field == "national_urban_income" for m in late.missing)


def test_survivor_pension_rates_capped_at_the_wage() -> None:
    """工伤保险条例 第三十九条第一款第（二）项: 配偶 40 %, 其他亲属 30 %, 孤寡老人或孤儿 +10 %, 总和不高于工资."""
    one = calc(
        "death_benefits",
        death_date="2025-03-01",
        monthly_wage=6000,
        dependants_spouse=True,
        dependants_other=1,
    )
    assert one.quantities["survivor_pension_monthly"] == 6000 * 0.7
    many = calc(
        "death_benefits",
        death_date="2025-03-01",
        monthly_wage=6000,
        dependants_spouse=True,
        dependants_other=3,
        dependants_lone=2,
    )
    assert many.quantities["survivor_pension_monthly"] == 6000


def test_survivor_pension_shares_with_the_wage_when_the_dependants_are_not_told() -> None:
    """工伤保险条例 第三十九条第一款第（二）项: with the wage known and the dependants not, each share is computed
    (配偶 40 %, 其他供养亲属每人 30 %) instead of the bare percentages."""
    result = calc("death_benefits", death_date="2026-03-01", monthly_wage=6000)
    assert result.quantities["survivor_pension_spouse"] == 2400
    assert result.quantities["survivor_pension_other"] == 1800
    assert "survivor_pension_monthly" not in result.quantities  # the total needs the dependants
    assert any("2400.00 元" in line and "1800.00 元" in line for line in result.formula)


def test_without_a_death_date_the_lump_sum_is_given_for_the_accidents_year_as_a_condition() -> None:
    """工伤保险条例 第三十九条第一款第（三）项: the year before the death decides; with no death date the figure
    is given for a death in the accident's year (or this year), named as that condition, and the date is
    still asked for — never assumed as a fact."""
    this_year = calc("death_benefits", monthly_wage=6000)
    assert this_year.quantities["death_lump_sum_if_year"] == 56502 * 20
    assert this_year.quantities["death_year_assumed"] == 2026
    assert "death_lump_sum" not in this_year.quantities
    assert any(m.field == "death_date" for m in this_year.missing)
    assert this_year.quantities["survivor_pension_spouse"] == 2400
    accident = calc("death_benefits", injury_date="2024-08-01")
    assert accident.quantities["death_lump_sum_if_year"] == 51821 * 20
    assert any(line.startswith("如果是2024年去世的") for line in accident.formula)


def test_sick_pay_floor_and_medical_period() -> None:
    """医疗期规定 第三条: 实际工作10年以上、本单位5年以上不满10年 → 9个月; sick pay ≥ 80 % of the minimum wage."""
    result = calc("sick_pay", city="深圳", cumulative_work_years=12, start_date="2019-01-01")
    assert result.quantities["sick_pay_min"] == 2360 * 0.8
    assert result.quantities["medical_period_months"] == 9
    assert "《企业职工患病或非因工负伤医疗期规定》第三条" in cited(result)
    # The 80 % rule's source is not in the library: said, not cited.
    assert any("309号" in a and "未收入" in a for a in result.assumptions)
    assert all("贯彻执行" not in a.law for a in result.articles)


def test_sick_pay_by_county_tiers_asks_which_tier() -> None:
    result = calc("sick_pay", province="浙江")
    assert "sick_pay_min" not in result.quantities
    assert [m.field for m in result.missing] == ["city"]
    assert len(result.formula) == 4  # the rule and one line per tier


def test_months_off_are_paid_at_the_original_wage_article_33() -> None:
    """工伤保险条例 第三十三条第一款: in the 停工留薪期 the original wage is unchanged, paid monthly by the employer:
    the months the worker told × the wage (not 本人工资 bounded by the average), before any grade too."""
    graded = calc("injury_benefits", disability_grade=9, monthly_wage=5000, stoppage_months=3)
    assert graded.quantities["stoppage_wages"] == 15000  # 5000 × 3
    assert graded.quantities["disability_lump_sum"] == 45000  # 5000 × 9, beside it
    before_grade = calc("injury_benefits", monthly_wage=4800, stoppage_months=2)
    assert before_grade.quantities["stoppage_wages"] == 9600
    assert "《工伤保险条例》第三十三条第一款" in cited(before_grade)
    long = calc("injury_benefits", monthly_wage=4000, stoppage_months=14)
    assert long.quantities["stoppage_wages"] == 56000
    assert any("鉴定委员会确认延长" in n for n in long.notes)  # 33(2): past 12 months only when extended


def test_months_off_without_a_wage_give_the_formula_not_a_figure() -> None:
    result = calc("injury_benefits", stoppage_months=3)
    assert "stoppage_wages" not in result.quantities
    assert any("原月工资 × 3" in line for line in result.formula)
