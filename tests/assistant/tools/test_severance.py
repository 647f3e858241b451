"""经济补偿 N / N+1 and 赔偿金 2N, each test naming the rule (and article) it checks."""

from __future__ import annotations

import pytest

from tests.assistant.tools.helpers import calc, cited


@pytest.mark.parametrize(
    ("end", "months"),
    [
        ("2024-06-29", 0.5),  # 5 months 29 days: under six months → half a month
        ("2024-06-30", 1.0),  # exactly 6 months: six months or more → a whole year
        ("2024-12-31", 1.0),  # exactly 12 months → one year
        ("2025-01-01", 1.5),  # 12 months and one day → one year + half a month
        ("2025-06-30", 2.0),  # 18 months → two
    ],
)
def test_n_counts_years_with_the_six_month_rule_of_article_47_paragraph_1(end: str, months: float) -> None:
    """劳动合同法 第四十七条第一款: 六个月以上不满一年的按一年；不满六个月的支付半个月工资."""
    result = calc("severance", monthly_wage=6000, start_date="2024-01-01", end_date=end, province="上海")
    assert result.quantities["severance_months"] == months
    assert result.quantities["severance_amount"] == 6000 * months
    assert "《劳动合同法》第四十七条第一款" in cited(result)


def test_three_times_cap_and_twelve_years_of_article_47_paragraph_2() -> None:
    """劳动合同法 第四十七条第二款: wage above 3× the city's previous-year average → 3× that average, ≤ 12 years."""
    # Shanghai's 2023 average (12434, a data row) applies to an end in 2024.
    high = calc("severance", monthly_wage=40000, start_date="2008-01-01", end_date="2024-06-30", city="上海")
    assert high.quantities["severance_months"] == 12  # 16.5 years capped at 12
    assert high.quantities["severance_amount"] == round(12434 * 3 * 12, 2)
    assert "《劳动合同法》第四十七条第二款" in cited(high)
    assert any(d.label == "上海2023年职工月平均工资" for d in high.data_used)
    # Just under the cap: neither the base nor the years are capped.
    below = calc("severance", monthly_wage=37302, start_date="2008-01-01", end_date="2024-06-30", city="上海")
    assert below.quantities["severance_months"] == 17
    assert below.quantities["severance_amount"] == 37302 * 17
    # A worker-supplied average is used the same way when the city has no row.
    given = calc(
        "severance",
        monthly_wage=30000,
        start_date="2010-01-01",
        end_date="2025-01-01",
        city="杭州",
        local_average_wage=8000,
    )
    assert given.quantities["severance_amount"] == 24000 * 12 and given.complete


def test_cap_is_asked_for_not_guessed_when_the_city_has_no_figure() -> None:
    """劳动合同法 第四十七条第二款 without the city's average: the amount is conditional and the figure is asked for."""
    result = calc(
        "severance", monthly_wage=20000, start_date="2020-01-01", end_date="2025-12-31", city="杭州"
    )
    assert not result.complete
    assert [m.field for m in result.missing] == ["local_average_wage"]
    assert "杭州2024年职工月平均工资" in result.missing[0].label
    # A wage at most three times the local minimum wage can never reach the cap: nothing to ask.
    low = calc("severance", monthly_wage=6000, start_date="2020-01-01", end_date="2025-12-31", city="深圳")
    assert low.complete, low.missing


def test_average_below_minimum_wage_counts_as_minimum_wage_implementing_regulation_27() -> None:
    """劳动合同法实施条例 第二十七条: a 12-month average below the local minimum wage → the minimum wage."""
    result = calc(
        "severance", average_monthly_wage=1500, start_date="2024-01-01", end_date="2024-12-31", city="深圳"
    )
    assert result.quantities["severance_amount"] == 2360.0
    assert "《劳动合同法实施条例》第二十七条" in cited(result)


def test_n_plus_one_without_notice_implementing_regulation_20() -> None:
    """劳动合同法 第四十条 + 实施条例 第二十条: no 30 days' written notice → one more month at last month's wage."""
    result = calc(
        "severance",
        monthly_wage=5000,
        average_monthly_wage=5200,
        start_date="2023-01-01",
        end_date="2025-12-31",
        termination="dismissed",
        notice_given=False,
        city="深圳",
    )
    assert result.quantities["severance_amount"] == 5200 * 3
    assert result.quantities["notice_pay"] == 5000
    assert result.quantities["total_amount"] == 5200 * 3 + 5000
    assert {"《劳动合同法》第四十条", "《劳动合同法实施条例》第二十条"} <= cited(result)
    with_notice = calc(
        "severance",
        monthly_wage=5000,
        start_date="2023-01-01",
        end_date="2025-12-31",
        termination="dismissed",
        notice_given=True,
    )
    assert "notice_pay" not in with_notice.quantities


def test_service_before_2008_is_left_to_the_old_rules_article_97() -> None:
    """劳动合同法 第九十七条第三款: N under this law counts from 2008-01-01."""
    result = calc("severance", monthly_wage=5000, start_date="2005-07-01", end_date="2009-12-31", city="深圳")
    assert result.quantities["severance_months"] == 2
    assert "《劳动合同法》第九十七条第三款" in cited(result)
    assert any("2008年1月1日以前" in n for n in result.notes)


def test_damages_are_twice_n_counted_from_the_first_day_articles_87_and_regulation_25() -> None:
    """劳动合同法 第八十七条: 2 × the 第四十七条 standard; 实施条例 第二十五条: years from the first day of work."""
    result = calc("damages", monthly_wage=6000, start_date="2005-07-01", end_date="2009-12-31", city="深圳")
    assert result.quantities["severance_months"] == 5  # 4 years 6 months, 2005 included
    assert result.quantities["damages_amount"] == 6000 * 5 * 2
    assert {
        "《劳动合同法》第八十七条",
        "《劳动合同法实施条例》第二十五条",
        "《劳动合同法》第四十八条",
    } <= cited(result)


def test_damages_keep_the_cap() -> None:
    """劳动合同法 第八十七条 uses the 第四十七条 standard, cap included: at most 24 months of 3× the average."""
    result = calc("damages", monthly_wage=50000, start_date="2000-01-01", end_date="2024-03-01", city="北京")
    assert result.quantities["damages_amount"] == round(11761 * 3 * 12 * 2, 2)


def test_missing_dates_and_wage_are_listed_not_guessed() -> None:
    result = calc("severance")
    assert {m.field for m in result.missing} == {"start_date", "end_date", "average_monthly_wage"}
    assert "severance_amount" not in result.quantities
    assert result.formula  # the formula is still given


def test_whether_the_cap_binds_is_a_quantity_the_answer_can_state() -> None:
    """劳动合同法 第四十七条第二款, said in the opening (session 7): capped with its base, not capped, or —
    when the city's average is unknown — the average below which it would bind (the wage ÷ 3)."""
    high = calc("severance", monthly_wage=40000, start_date="2008-01-01", end_date="2024-06-30", city="上海")
    assert high.quantities["severance_capped"] is True
    assert high.quantities["severance_base"] == round(12434 * 3, 2)
    below = calc("severance", monthly_wage=37302, start_date="2008-01-01", end_date="2024-06-30", city="上海")
    assert below.quantities["severance_capped"] is False
    unknown = calc("severance", monthly_wage=30000, start_date="2012-01-01", end_date="2026-06-30")
    assert "severance_capped" not in unknown.quantities
    assert unknown.quantities["severance_cap_threshold"] == 10000
    # The condition points at the amount computed above it, and says the other side (session 9: "不封顶，
    # 金额如下" was followed by nothing).
    condition = next(a for a in unknown.assumptions if "不封顶" in a)
    assert "金额如下" not in condition and "上面算出的金额" in condition and "最多算12年" in condition


def test_2n_gives_its_months_before_the_wage_is_known() -> None:
    """劳动合同法 第八十七条: 2N months follow from the years alone (实施条例 第二十五条: from the start)."""
    result = calc("damages", start_date="2023-01-01", end_date="2026-03-01", termination="dismissed")
    assert result.quantities["severance_months"] == 3.5
    assert result.quantities["damages_months"] == 7
    assert "damages_amount" not in result.quantities
