"""A worker answering the answer's own clarifying question with the place of work ("我在杭州", "深圳")
completes the earlier question (a new user's find, session 10): the reply was not read as an answer, so
it was searched on its own and a stray issue joined the answer — a discrimination claim or annual leave
beside the severance the worker asked about. Questions are the team's own, asked through the real
answer service."""

from datetime import date

import pytest

from assistant.answer import AnswerService
from assistant.consult.facts import answers_question
from assistant.followup import Turn

TODAY = date(2026, 12, 5)
DISMISSED = "我是送快递的，干了两年三个月，月薪5000，站点突然说不要我了，一分钱补偿没有，能要多少"


@pytest.mark.parametrize("reply", ["我在杭州", "杭州", "在深圳上班", "广东东莞"])
def test_a_place_answers_the_question_for_the_city(reply: str) -> None:
    assert answers_question(reply, "city", TODAY)


@pytest.mark.parametrize("reply", ["老家河南", "不知道", "我想问问加班费怎么算"])
def test_other_words_do_not(reply: str) -> None:
    assert not answers_question(reply, "city", TODAY)


@pytest.mark.parametrize("reply", ["我在杭州", "深圳"])
def test_the_city_told_keeps_the_severance_answer_and_nothing_foreign(
    service: AnswerService, reply: str
) -> None:
    first = service.ask(DISMISSED)
    assert first.plan is not None and first.plan.ask_fact == "city"
    turns = [Turn(question=DISMISSED, query=DISMISSED, answer=first.text)]
    second = service.ask(reply, turns)
    assert second.plan is not None
    assert second.plan.guides == first.plan.guides  # the same case, now with its city
    assert second.plan.facts.get("city") == reply.removeprefix("我在")
    assert "12500" in second.text and "歧视" not in second.text and "年休假" not in second.text


ARREARS = "在工地干了半年，包工头欠我三个月工资一共两万四，人找不到了，我该找谁要"


@pytest.mark.parametrize("reply", ["是在东莞", "干了三年"])
def test_a_setting_told_unasked_continues_the_case_told_before(service: AnswerService, reply: str) -> None:
    """Searched on its own, 是在东莞 found the women workers' articles, no guide and a low-confidence
    "cannot conclude" that opened a ticket."""
    first = service.ask(ARREARS)
    assert first.plan is not None and first.plan.ask_fact is None  # nothing was asked
    second = service.ask(reply, [Turn(question=ARREARS, query=ARREARS, answer=first.text)])
    assert second.plan is not None and second.plan.selected[:1] == first.plan.selected[:1]
    assert second.confidence.level != "low" and "女职工" not in second.text


@pytest.mark.parametrize(("reply", "fact"), [("老板还打了我", "violence"), ("我怀孕了", "pregnant")])
def test_a_new_fact_of_its_own_is_not_the_setting(reply: str, fact: str) -> None:
    from assistant.consult.facts import extract_facts, only_sets_the_scene

    assert extract_facts([reply], TODAY).has(fact) and not only_sets_the_scene(reply, TODAY)
    assert only_sets_the_scene("是在东莞", TODAY) and only_sets_the_scene("我今年52岁", TODAY)
