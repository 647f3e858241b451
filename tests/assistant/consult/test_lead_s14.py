"""Session 14 (lead): overtime pay, commissions and bonuses are labour remuneration (关于工资总额组成的规定 4(5)), so
the special arbitration limit of 劳动争议调解仲裁法 27(4) applies to them as to wages: no limit while the job lasts,
one year from its end. A worker still employed and owed overtime must not be told it is barred after a year; a
worker who left keeps the year from leaving; severance keeps the general year. Questions written for these tests."""

from assistant.answer import AnswerService
from eval.consult_metrics import opening


def test_pay_owed_while_still_employed_is_not_time_barred(service: AnswerService) -> None:
    answer = service.ask("我还在公司上班，去年的提成公司一直拖着不给，过了一年是不是就要不回来了").text
    first = opening(answer)[1]
    assert first.startswith("不会过时效")
    assert "第二十七条第四款" in first
    assert "很可能已经过了" not in answer


def test_overtime_owed_after_leaving_counts_the_year_from_leaving(service: AnswerService) -> None:
    answer = service.ask("2025年3月离职的，公司还欠我半年的加班费没给，现在还能申请仲裁吗").text
    assert "2026年3月31日" in answer  # one year from the month of leaving, not from the overtime worked


def test_the_general_rule_names_overtime_as_remuneration(service: AnswerService) -> None:
    answer = service.ask("劳动仲裁的时效是怎么算的").text
    assert "包括加班费" in answer
    assert "经济补偿、加班费" not in answer  # overtime is no longer listed among the one-year claims


def test_severance_after_a_dismissal_keeps_the_general_year(service: AnswerService) -> None:
    answer = service.ask("2024年10月被辞退，没给经济补偿，现在还能仲裁吗").text
    assert "2025年10月31日" in answer and "不会过时效" not in answer
