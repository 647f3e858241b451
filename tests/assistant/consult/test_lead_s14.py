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


# --- three classes from the fresh random-draw reading (fitted there from now on) -----------------------------


def test_loading_work_is_a_job_not_a_threat(service: AnswerService) -> None:
    # 装卸 (loading and unloading) is work; 卸 of a threat (找人卸我一条腿) keeps the safety block.
    moved = service.ask("上周我投诉了加班费，这周就被调去仓库装卸，HR说不去就按旷工开除，我要是不去会怎样")
    assert not moved.text.startswith("【安全提示】")
    threatened = service.ask("老板说我再去仲裁就找人卸我一条腿")
    assert threatened.text.startswith("【安全提示】")


def test_a_complaint_reply_that_names_arbitration_is_no_award_lost(service: AnswerService) -> None:
    answer = service.ask(
        "我被调去洗碗，工资也少了，打了12345投诉，回复说这属于劳动争议，建议依法申请劳动仲裁。这是啥意思？是说我输了吗？"
    ).text
    assert "自收到裁决书之日起15日内" not in opening(answer)[1]
    lost = service.ask("劳动仲裁我输了，还能怎么办").text
    assert "15日内" in opening(lost)[1]


def test_a_child_hurt_at_work_is_told_the_employer_owes_more(service: AnswerService) -> None:
    answer = service.ask(
        "我15岁，在养殖场干活，左手食指切掉一节，鉴定了9级，老板说我没满16干活是非法的，啥都不赔，是真的吗"
    ).text
    first = opening(answer)[1]
    assert first.startswith("不是真的") and "童工" in first and "一次性赔偿" in first
    assert "禁止使用童工规定》第十条" in first
    grown = service.ask("我在一个没执照的小作坊干活，手被压伤了，老板说作坊不合法所以不赔，是真的吗").text
    assert "童工" not in opening(grown)[1]


def test_a_farewell_told_in_dialect_is_despair_and_a_last_try_is_not() -> None:
    # 最后一回 is 最后一次 in many dialects; "ending what must be ended" and "being square with the family" beside it
    # tell a farewell. A last round of talks or a last question is none.
    from datetime import date

    from assistant.escalation import decide

    today = date(2026, 12, 5)
    farewell = decide(
        "工地欠我三万不给，这是我最后一回问了，问完我就去把该了的事了了，对得起家里了", today=today
    )
    assert farewell.danger_to_life
    for text in (
        "这是我最后一回找你们问了，要是还不行我就去仲裁",
        "这是最后一回协商了，公司说不同意就走仲裁",
    ):
        assert not decide(text, today=today).danger_to_life, text
