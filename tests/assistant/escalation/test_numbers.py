"""The escalation reads numerals with the consultation layer's parser (one reading of 四千五 for the
answer and the policy), keeping only its own approximations (几, 半, a range at its lower end)."""

from datetime import date

import pytest

from assistant.consult.numbers import parse_cn_number
from assistant.escalation.extract import Amount, find_time_limits, format_yuan, parse_number


@pytest.mark.parametrize(
    "text", ["四千五", "两万五", "1万2", "3千5", "三百五", "二〇二五", "俩", "十一", "一百二十", "7"]
)
def test_a_numeral_reads_as_the_consultation_layer_reads_it(text: str) -> None:
    assert parse_number(text) == parse_cn_number(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("半", 0.5),
        ("几十", 20.0),
        ("十几", 11.0),
        ("八九", 8.0),
        ("十七八", 17.0),
        ("二三十", 20.0),
        ("七八百", 700.0),
    ],
)
def test_the_screens_approximations_stay(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "工资", "几个"])
def test_what_is_no_number_stays_none(text: str) -> None:
    assert parse_number(text) is None


def test_a_duration_in_the_colloquial_form_dates_the_ending() -> None:
    # 十一个半月 since leaving: 2 weeks left of the year, near, not passed
    found = find_time_limits(["离职十一个半月了，工资还欠着"], date(2026, 12, 5), 12, 12)
    assert found and all(not f.passed for f in found)


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        (Amount(60001, "6万多", True), "6 万元以上"),  # a stated "more than" keeps its round figure
        (Amount(57999, "二十五年，按最低工资估", True), "5.79 万元以上"),  # an estimate, in whole hundreds
        (Amount(48000, "4万8", False), "4.8 万元"),  # a stated sum is shown as stated
    ],
)
def test_a_sum_reads_as_a_worker_would_write_it(amount: Amount, shown: str) -> None:
    assert format_yuan(amount) == shown
