"""The minimum-wage check: a wage below the local standard in force is below with the gap; one at or
above it is not; a province with tiers by county decides without the county only when the wage is below
every tier or above every tier."""

from __future__ import annotations

from datetime import date

from assistant.tools import run_tool

TODAY = date(2026, 12, 5)


def check(**values: object) -> dict[str, object]:
    return run_tool("minimum_wage", dict(values), today=TODAY).quantities


def test_a_wage_below_the_city_standard_is_below_with_the_gap() -> None:
    got = check(monthly_wage=1800, city="东莞")
    assert got["below_minimum_wage"] is True
    assert got["local_minimum_wage"] == 1900
    assert got["minimum_wage_gap"] == 100


def test_a_wage_at_or_above_the_standard_is_not_below() -> None:
    got = check(monthly_wage=1900, city="东莞")
    assert got["below_minimum_wage"] is False
    assert "minimum_wage_gap" not in got


def test_below_every_tier_of_the_province_is_below_without_the_county() -> None:
    assert check(monthly_wage=1000, province="广东")["below_minimum_wage"] is True


def test_between_the_tiers_the_county_is_asked() -> None:
    result = run_tool("minimum_wage", {"monthly_wage": 2000, "province": "广东"}, today=TODAY)
    assert "below_minimum_wage" not in result.quantities
    assert [m.field for m in result.missing] == ["city"]


def test_without_a_place_nothing_is_decided() -> None:
    result = run_tool("minimum_wage", {"monthly_wage": 1500}, today=TODAY)
    assert "below_minimum_wage" not in result.quantities
    assert result.missing
