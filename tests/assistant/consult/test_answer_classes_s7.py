"""Answers a tester found wrong on a fresh clone (session 7), each as a class with new wording, both
ways: an employer pushing the worker to resign, an employer refusing to sign the contract, pay said to
include overtime, a follow-up naming its own subject, a yes/no fact asked rather than told, and a
duration inside a condition or a future."""

from datetime import date

import pytest

from assistant.answer import Answer, AnswerService
from assistant.consult.facts import extract_facts
from assistant.consult.kinds import asked_text
from assistant.followup import Turn
from eval.consult_metrics import opening

TODAY = date(2026, 12, 5)


def conclusion(answer: Answer) -> str:
    return opening(answer.text)[1]


def facts(*messages: str) -> dict[str, object]:
    return dict(extract_facts(list(messages), TODAY).values())


# --- pushed to resign: the employer wants the job ended, the worker has not resigned -----------------


@pytest.mark.parametrize(
    "text",
    [
        "主管叫我自己写封辞职信，说这样好看一点",
        "厂里老板逼着我辞职，天天找我麻烦",
        "人事要我主动离职，不然就一直不给我排班",
    ],
)
def test_an_employer_pushing_to_resign_is_not_a_resignation(text: str) -> None:
    read = facts(text)
    assert read["termination"] == "dismissed"
    assert read["pushed_to_resign"] is True


@pytest.mark.parametrize(
    ("text", "termination"),
    [
        ("我自己不想干了，打算辞职", "resigned"),
        ("老板逼我辞职，我已经写了辞职信交上去了", "resigned"),  # handed in: she did resign
    ],
)
def test_a_resignation_of_ones_own_is_still_read(text: str, termination: str) -> None:
    read = facts(text)
    assert read["termination"] == termination
    assert "pushed_to_resign" not in read


def test_a_feared_push_is_neither_ending() -> None:
    assert "termination" not in facts("担心公司会逼我辞职，现在还在上班")


def test_a_pregnant_worker_pushed_to_resign_is_told_not_to_write_the_letter(service: AnswerService) -> None:
    answer = service.ask("我怀孕三个月，领导叫我自己打辞职报告走人，我该怎么办")
    text = conclusion(answer)
    assert "先别写辞职信" in text
    assert "女职工劳动保护特别规定》第五条" in text and "第四十二条" in text


def test_a_worker_pushed_to_resign_still_gets_the_resignation_advice(service: AnswerService) -> None:
    text = conclusion(service.ask("经理一直逼我辞职，我要不要写辞职信"))
    assert text.startswith("先别写辞职信")


# --- the employer refuses to sign: the remedy first, not how to sign ---------------------------------


@pytest.mark.parametrize(
    ("text", "signed"),
    [("老板一直不肯签劳动合同", False), ("单位拒绝跟我签合同", False), ("合同签了，一人一份", True)],
)
def test_a_refusal_to_sign_is_an_unsigned_contract(text: str, signed: bool) -> None:
    assert facts(text)["contract_signed"] is signed


def test_a_refusal_to_sign_opens_with_the_double_wage(service: AnswerService) -> None:
    text = conclusion(service.ask("厂里一直不给我签劳动合同，怎么办"))
    assert "二倍工资" in text and "无固定期限" in text
    assert "签对" not in text


def test_a_worker_asked_to_sign_late_is_still_told_how_to_sign(service: AnswerService) -> None:
    text = conclusion(service.ask("公司叫我补签劳动合同，日期要倒填吗"))
    assert "日期" in text


# --- pay said to include overtime ------------------------------------------------------------------


def test_pay_said_to_include_overtime_is_checked_against_the_statutory_pay(service: AnswerService) -> None:
    text = conclusion(service.ask("一个月6500，老板说加班费都包含在工资里了，这样合法吗"))
    assert "最低工资" in text and "加班费" in text
    assert "6500" in text


def test_overtime_pay_not_said_to_be_included_keeps_its_own_answer(service: AnswerService) -> None:
    text = conclusion(service.ask("周六让我加班，后来给我安排了补休，没给加班费，这合法吗"))
    assert text.startswith("合法")


# --- a yes/no fact asked about rather than told --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        ("周日加班，补休给了没？没有", "comp_time", False),
        ("周日加班，有没有给调休？有", "comp_time", True),
        ("你问合同签了没？没有", "contract_signed", False),
        ("有没有交社保？没有", "social_insurance", False),
    ],
)
def test_a_question_tag_with_its_answer_gives_the_answer(text: str, name: str, value: bool) -> None:
    assert facts(text)[name] is value


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("周日加班，给调休了吗", "comp_time"),
        ("公司到底有没有给我交社保", "social_insurance"),
        ("想问下合同签了没", "contract_signed"),
    ],
)
def test_a_question_left_unanswered_tells_nothing(text: str, name: str) -> None:
    assert name not in facts(text)


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [("周日加班也没给调休", "comp_time", False), ("公司签了合同没给我一份", "contract_signed", True)],
)
def test_a_told_fact_is_still_read(text: str, name: str, value: bool) -> None:
    assert facts(text)[name] is value


def test_a_rest_day_asked_about_and_denied_is_not_answered_lawful(service: AnswerService) -> None:
    text = conclusion(service.ask("周日让我们去加班，给补休了吗没有，也没加班费，合法吗"))
    assert text.startswith("不合法")


# --- a duration in a condition or a future is not tenure -------------------------------------------------


@pytest.mark.parametrize("text", ["押金说要做满两年才退", "得干满三年才能调岗", "老板说干满半年就给涨工资"])
def test_a_condition_or_a_future_is_not_tenure(text: str) -> None:
    assert "service_months" not in facts(text)


@pytest.mark.parametrize(("text", "months"), [("我干满两年了", 24.0), ("干了一年就被辞退了", 12.0)])
def test_time_served_is_still_tenure(text: str, months: float) -> None:
    assert facts(text)["service_months"] == months


# --- a follow-up naming its own subject --------------------------------------------------------------


def test_an_elliptical_follow_up_is_read_on_its_own_words() -> None:
    earlier = ("我在超市上班，跟公司算不算劳动关系",)
    assert asked_text("那年假呢？", earlier) == "那年假呢？"
    # A message that only adds facts still continues the earlier question.
    assert "劳动关系" in asked_text("干了两年，一个月4000", earlier)


def test_a_follow_up_answers_the_new_subject(service: AnswerService) -> None:
    first = "我跑闪送，每天干11个小时，跟平台算不算劳动关系"
    answer = service.ask(first)
    turns = [Turn(question=first, query=first, answer=answer.text)]
    text = conclusion(service.ask("那加班费呢？", turns))
    assert "加班费" in text and "劳动关系" not in text
