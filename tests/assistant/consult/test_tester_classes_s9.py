"""Classes a tester found using the product as a worker (session 9): leaving over wages owed told as
"N个月没给我发工资" was answered "要看你为什么走" — the months were not read and the ending's answer did not
use the fault already told; an injured worker asked "我该签吗" got the guide's first verdict (a sudden
illness) because "…签吗" was not read as the point asked, and a sum "给我2万块今天签字就了结" was not read as
pressure to settle. Questions are the team's own, asked through the real answer service."""

from datetime import date

import pytest

from assistant.answer import AnswerService
from assistant.consult.facts import extract_facts
from eval.consult_metrics import opening

TODAY = date(2026, 12, 5)


@pytest.mark.parametrize(
    ("question", "months"),
    [("公司三个月没给我发工资了", 3.0), ("两个月不发工钱了，怎么办", 2.0), ("三个月工资没发", 3.0)],
)
def test_months_of_wages_owed_told_before_the_owing_are_read(question: str, months: float) -> None:
    assert extract_facts([question], TODAY).get("unpaid_months") == months


@pytest.mark.parametrize(
    "question", ["公司三个月没给我发工资了，我想辞职，能要补偿吗", "拖欠我两个月工资，我辞职了，有补偿吗"]
)
def test_leaving_over_wages_owed_is_answered_yes_with_how_to_leave(
    service: AnswerService, question: str
) -> None:
    conclusion = opening(service.ask(question).text)[1]
    assert conclusion.startswith("能")
    assert "第三十八条第一款第（二）项" in conclusion
    assert "个人原因" in conclusion  # the mistake that loses the compensation is named


def test_leaving_for_ones_own_reasons_keeps_the_conditional_answer(service: AnswerService) -> None:
    conclusion = opening(service.ask("我自己想辞职，能要补偿吗").text)[1]
    assert not conclusion.startswith("能。")


def test_an_injured_worker_asking_whether_to_sign_is_told_not_to_and_escalated(
    service: AnswerService,
) -> None:
    answer = service.ask("我在厂里冲床上干活，手被压伤了，老板说给我2万块今天签字就了结，我该签吗")
    conclusion = opening(answer.text)[1]
    assert conclusion.startswith("先别签")
    assert "突发疾病" not in conclusion
    assert answer.escalation.suggested


def test_past_retirement_age_the_claims_do_not_list_what_the_conclusion_denies(
    service: AnswerService,
) -> None:
    text = service.ask("我今年61岁，男的，在厂里干了8年，上个月被辞退了，能要多少补偿").text
    assert opening(text)[1].startswith("一般拿不到经济补偿")
    claims = text.split("**你可以主张**")[1].split("**", 1)[0] if "**你可以主张**" in text else ""
    assert "两倍" not in claims and "每满1年1个月工资" not in claims
    younger = service.ask("我今年45岁，在厂里干了8年，上个月被辞退了，能要多少补偿").text
    assert "两倍" in younger.split("**你可以主张**")[1]


def test_an_input_method_slip_does_not_hide_a_fact() -> None:
    # corpus/typos.toml corrects retrieval's query; the facts read the same corrected words.
    facts = dict(extract_facts(["干了两年，老板不给俺交社宝，俺不想干了，能要补尝不"], TODAY).values())
    assert facts.get("social_insurance") is False


def test_signing_at_intervals_is_not_pressure_to_sign_today() -> None:
    # 现在每两年签一次 tells a habit of renewals, not a paper pushed at the worker now.
    assert "pressure_to_sign" not in dict(
        extract_facts(["我在这干了十年，现在每两年签一次合同"], TODAY).values()
    )
    assert (
        dict(extract_facts(["老板让我现在就签字，不签就走人"], TODAY).values()).get("pressure_to_sign")
        is True
    )


def test_a_total_for_several_months_is_not_the_monthly_wage() -> None:
    # 三个月工钱一共两万四 is what three months come to; read as a 24,000 monthly wage it inflated every figure
    # and the escalation's sum (a tester's class).
    told = dict(extract_facts(["包工头欠了我三个月工钱一共两万四，找谁要"], TODAY).values())
    assert "monthly_wage" not in told
    assert told.get("unpaid_months") == 3.0
    assert dict(extract_facts(["月工资5000，干了两年被辞退"], TODAY).values()).get("monthly_wage") == 5000
