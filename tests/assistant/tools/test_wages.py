"""二倍工资, 加班费 and 未休年休假工资: golden tests naming the rule each checks, and the peer bugs."""

from __future__ import annotations

from datetime import date

import pytest

from tests.assistant.tools.helpers import calc, cited


def test_double_wage_is_capped_at_eleven_months_regulation_6_and_7() -> None:
    """劳动合同法 第八十二条第一款, 实施条例 第六条、第七条: from the day after the first month to the day
    before the first anniversary — at most 11 months, however long the worker went without a contract.
    (Peer bug: a calculator with no 11-month cap.)"""
    result = calc("double_wage", monthly_wage=5000, start_date="2023-03-01", end_date="2025-06-30")
    assert result.quantities["double_wage_months"] == 11
    assert result.quantities["double_wage_amount"] == 55000
    assert "2023年4月1日" in result.formula[0] and "2024年2月29日" in result.formula[0]
    assert {"《劳动合同法实施条例》第七条", "《劳动合同法》第十四条第三款"} <= cited(result)
    by_months = calc("double_wage", monthly_wage=5000, months_without_contract=30)
    assert by_months.quantities["double_wage_months"] == 11
    assert by_months.quantities["double_wage_amount"] == 55000


def test_double_wage_names_the_limitation_period() -> None:
    """劳动争议调解仲裁法 第二十七条: the result says when to apply (peer bug: no word on the limitation)."""
    result = calc(
        "double_wage",
        monthly_wage=5000,
        start_date="2025-01-01",
        end_date="2025-12-31",
        today=date(2026, 11, 1),
    )
    assert result.quantities["deadline"] == "2026-12-31"  # a year after the last double-wage day
    assert result.quantities["days_left"] == 60
    assert result.see_lawyer  # ≤ 60 days
    assert any("仲裁时效" in n for n in result.notes)
    assert "《劳动争议调解仲裁法》第二十七条第一款" in cited(result)


def test_double_wage_stops_the_day_before_a_contract_is_signed() -> None:
    """实施条例 第六条第二款: 截止时间为补订书面劳动合同的前一日; a part month by working days (解释（二） 第六条)."""
    result = calc(
        "double_wage",
        monthly_wage=4350,
        start_date="2025-01-01",
        contract_signed_date="2025-03-11",
        end_date="2025-12-31",
    )
    # 2025-02-01 … 2025-03-10: one month plus 10 days, of which 2025-03-03…03-07 and 03-10 are weekdays (6).
    assert result.quantities["double_wage_amount"] == 4350 + 200 * 6
    assert "《最高人民法院关于审理劳动争议案件适用法律问题的解释（二）》第六条" in cited(result)


def test_no_double_wage_in_the_first_month() -> None:
    result = calc("double_wage", monthly_wage=5000, start_date="2025-01-01", end_date="2025-01-31")
    assert result.quantities["double_wage_months"] == 0


def test_overtime_rates_of_labour_law_44_with_the_formula_filled_in() -> None:
    """劳动法 第四十四条: ≥150 % / 200 % / 300 %; hourly = monthly ÷ 21.75 ÷ 8 (the 2008 notice)."""
    result = calc(
        "overtime",
        monthly_wage=4350,
        overtime_hours_weekday=10,
        overtime_hours_restday=8,
        overtime_hours_holiday=8,
    )
    assert result.formula[0] == "小时工资：4350 ÷ 21.75 ÷ 8 = 25.00 元/小时"
    assert "25.00 × 150% = 37.50 元/小时" in result.formula[1]
    assert result.quantities["overtime_hourly_weekday"] == 37.5
    assert result.quantities["overtime_hourly_restday"] == 50
    assert result.quantities["overtime_hourly_holiday"] == 75
    assert result.quantities["overtime_pay"] == 375 + 400 + 600
    assert result.quantities["overtime_monthly_limit_exceeded"] is False
    assert {
        "《劳动法》第四十四条第（一）项",
        "《劳动法》第四十四条第（二）项",
        "《劳动法》第四十四条第（三）项",
    } <= cited(result)


def test_overtime_hourly_min_is_the_rate_of_the_kind_asked() -> None:
    holiday = calc("overtime", monthly_wage=4350, overtime_hours_holiday=8)
    assert holiday.quantities["overtime_hourly_min"] == 75
    assert "《劳动法》第四十四条第（一）项" not in cited(holiday)


@pytest.mark.parametrize(
    ("hours", "months", "exceeded"), [(36, None, False), (37, None, True), (60, 2, False)]
)
def test_thirty_six_hour_monthly_limit_of_labour_law_41(
    hours: float, months: float | None, exceeded: bool
) -> None:
    """劳动法 第四十一条: 每月不得超过三十六小时."""
    values = {"monthly_wage": 5000, "overtime_hours_weekday": hours}
    if months:
        values["period_months"] = months
    result = calc("overtime", **values)
    assert result.quantities["overtime_monthly_limit_exceeded"] is exceeded
    assert "《劳动法》第四十一条" in cited(result)


@pytest.mark.parametrize(
    ("years", "days"), [(0.5, 0), (1, 5), (9.9, 5), (10, 10), (19, 10), (20, 15), (35, 15)]
)
def test_leave_entitlement_by_cumulative_years_regulation_3(years: float, days: int) -> None:
    """职工带薪年休假条例 第三条: 满1年不满10年 5天, 满10年不满20年 10天, 满20年 15天 (办法 第三条: 12 months first)."""
    result = calc("annual_leave", cumulative_work_years=years, today=date(2026, 6, 1))
    assert result.quantities["annual_leave_days"] == days


def test_leave_pro_rated_on_joining_with_fractions_dropped_rules_5() -> None:
    """企业职工带薪年休假实施办法 第五条: (剩余日历天数 ÷ 365) × 全年天数, 不足1整天的部分不享受."""
    # Joined 2026-07-01: 184 days left → 184/365 × 10 = 5.04 → 5 days.
    result = calc(
        "annual_leave",
        cumulative_work_years=12,
        start_date="2026-07-01",
        monthly_wage=6525,
        today=date(2026, 12, 5),
    )
    assert result.quantities["annual_leave_days"] == 5
    # Joined 2026-09-15: 108 days → 108/365 × 5 = 1.48 → 1 day (not rounded up).
    late = calc("annual_leave", cumulative_work_years=3, start_date="2026-09-15", today=date(2026, 12, 5))
    assert late.quantities["annual_leave_days"] == 1
    assert "《企业职工带薪年休假实施办法》第五条" in cited(late)


def test_leave_pro_rated_on_leaving_minus_days_taken_rules_12() -> None:
    """企业职工带薪年休假实施办法 第十二条: (已过日历天数 ÷ 365) × 全年天数 − 已安排天数, fractions dropped;
    第十条: 300 % including the normal pay → 200 % still owed; 第十一条: ÷ 21.75.
    (Peer bug: "days not taken" with no entitlement or pro-rating.)"""
    # Left 2026-07-15: 196 days → 196/365 × 10 = 5.37, − 2 taken = 3.37 → 3 days; 6525 ÷ 21.75 = 300.
    result = calc(
        "annual_leave",
        cumulative_work_years=15,
        start_date="2015-03-01",
        end_date="2026-07-15",
        leave_days_taken=2,
        average_monthly_wage=6525,
    )
    assert result.quantities["annual_leave_days_unused"] == 3
    assert result.quantities["annual_leave_pay_owed"] == 300 * 3 * 2
    assert "300.00 × 3 × 200% = 1800.00 元" in result.formula[-1]
    assert {"《企业职工带薪年休假实施办法》第十二条", "《企业职工带薪年休假实施办法》第十条第一款"} <= cited(
        result
    )


def test_leave_does_not_accumulate_and_extra_leave_is_not_clawed_back() -> None:
    """条例 第五条第二款 (one year's carry-over at most: peer bug said leave accumulates); 办法 第十二条第三款."""
    result = calc(
        "annual_leave", cumulative_work_years=3, end_date="2026-02-01", leave_days_taken=5, monthly_wage=5000
    )
    assert result.quantities["annual_leave_days_unused"] == 0
    assert any("不能扣回" in n for n in result.notes)
    assert any("不能一直攒着" in n for n in result.notes)
