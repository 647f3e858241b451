"""Numbers, sums, durations and dates as workers write them."""

from datetime import date

import pytest

from assistant.consult.numbers import find_dates, find_durations, money_at, parse_cn_number

TODAY = date(2026, 12, 5)


@pytest.mark.parametrize(
    ("text", "value"),
    [("四千五", 4500), ("两万五", 25000), ("3千5", 3500), ("1万2", 12000), ("十五", 15), ("一百零五", 105)],
)
def test_colloquial_numerals(text: str, value: float) -> None:
    assert parse_cn_number(text) == value


@pytest.mark.parametrize(
    ("text", "start", "yuan"),
    [
        ("月薪4350", 2, 4350),
        ("工资四千五一个月", 2, 4500),  # the numeral runs into 一个月's 一
        ("一个月5k", 3, 5000),
        ("一共40多万", 2, 400000),
        ("十几万的工程款", 0, 110000),  # a lower bound: at least 11万
        ("欠我1万2", 2, 12000),
    ],
)
def test_sums_of_money(text: str, start: int, yuan: float) -> None:
    money = money_at(text, start)
    assert money is not None and money.yuan == yuan


@pytest.mark.parametrize("text", ["工资3个月", "干了两年", "今年32岁", "加班两个钟"])
def test_counts_of_other_things_are_not_money(text: str) -> None:
    assert all(money_at(text, i) is None for i in range(len(text)))


def test_durations_in_months() -> None:
    found = find_durations("干了三年半了，欠了两个月工资，快一年了")
    assert [round(d.months, 1) for d in found] == [42.0, 2.0, 11.0]
    assert found[2].approximate  # 快一年: not yet a year


def test_dates_are_ranges_relative_to_today() -> None:
    dates = {
        d.text: (d.earliest, d.latest) for d in find_dates("前年11月被辞退，去年3月5号受伤，上个月", TODAY)
    }
    assert dates["前年11月"] == (date(2024, 11, 1), date(2024, 11, 30))
    assert dates["去年3月5号"] == (date(2025, 3, 5), date(2025, 3, 5))
    assert dates["上个月"] == (date(2026, 11, 1), date(2026, 11, 30))


def test_a_month_later_in_the_year_than_today_means_last_year() -> None:
    (read,) = find_dates("12月20号出的事", date(2026, 3, 1))
    assert read.earliest == date(2025, 12, 20)


def test_age_is_not_a_date() -> None:
    assert find_dates("今年32岁", TODAY) == []
