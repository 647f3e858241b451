"""The pay owed and the wage as workers say them when the months come after the pay (拖欠工资八个月,
一年多的工钱都没结) or the wage runs into 一个月 (九千一个月): read by the consultation layer, which the
escalation policy also reads its computed sums from."""

from datetime import date

import pytest

from assistant.consult.facts import extract_facts
from assistant.consult.numbers import money_at

TODAY = date(2026, 12, 5)


@pytest.mark.parametrize(
    ("message", "months"),
    [("拖欠工资八个月了，老板说没钱", 8.0), ("欠了我工钱整整五个月", 5.0), ("我们一年多的工钱都没结", 12.0)],
)
def test_months_owed_are_read_when_the_pay_word_comes_first(message: str, months: float) -> None:
    assert extract_facts([message], TODAY).get("unpaid_months") == months


@pytest.mark.parametrize("message", ["我在厂里干了三年的工资没涨过", "干了一年的活，想问年假"])
def test_a_tenure_is_not_read_as_pay_owed(message: str) -> None:
    assert extract_facts([message], TODAY).get("unpaid_months") is None


@pytest.mark.parametrize(
    ("text", "yuan"), [("九千一个月", 9000.0), ("两万一个月", 20000.0), ("四千一", 4100.0)]
)
def test_a_wage_that_runs_into_yi_ge_yue(text: str, yuan: float) -> None:
    money = money_at(text, 0)
    assert money is not None and money.yuan == yuan


def test_the_monthly_wage_is_read_before_yi_ge_yue() -> None:
    assert extract_facts(["我工作八年，工资九千一个月"], TODAY).get("monthly_wage") == 9000.0
