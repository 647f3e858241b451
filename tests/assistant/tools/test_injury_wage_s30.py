"""Session 30 (issue 13, a level reader's harm: 十级，月薪2000 headlined 约14000元): the 60 % floor of 本人工资
(工伤保险条例 第六十四条第二款) where no area average is known, and a day's pay priced as a month's."""

from __future__ import annotations

from datetime import date

from tests.assistant.tools.helpers import calc


def test_a_low_wage_with_no_area_average_is_flagged_against_the_national_reference() -> None:
    """Below 60 % of the newest national private-unit average (69476 元 a year for 2024, published May 2025)."""
    result = calc("injury_benefits", disability_grade=10, monthly_wage=2300)
    assert result.quantities["wage_maybe_below_floor"] is True
    assert result.quantities["private_wage_year"] == 2024
    assert result.quantities["private_wage_floor"] == round(69476 / 12 * 0.6)
    assert result.quantities["disability_lump_sum"] == 16100  # the least it can be, said as such
    assert any(d.table == "national_private_wage" for d in result.data_used)


def test_the_reference_is_the_one_published_by_the_day_of_the_injury() -> None:
    result = calc("injury_benefits", disability_grade=10, monthly_wage=2300, injury_date="2024-03-01")
    assert result.quantities["private_wage_year"] == 2022


def test_a_wage_above_the_reference_or_a_known_area_average_is_not_flagged() -> None:
    assert (
        "wage_maybe_below_floor"
        not in calc("injury_benefits", disability_grade=10, monthly_wage=8000).quantities
    )
    # With the area's average known the floor itself is applied (上海 2023: 12434 × 60 %), no reference needed.
    shanghai = calc(
        "injury_benefits", disability_grade=10, monthly_wage=2300, injury_date="2024-09-01", city="上海"
    )
    assert "wage_maybe_below_floor" not in shanghai.quantities
    assert shanghai.quantities["disability_lump_sum"] == 52222.8  # 7460.4 × 7


def test_a_days_pay_is_a_months_at_21_75_pay_days() -> None:
    result = calc("injury_benefits", disability_grade=9, daily_wage=120, today=date(2026, 12, 5))
    assert result.quantities["disability_lump_sum"] == 120 * 21.75 * 9
    assert any("21.75" in line for line in result.formula)
