"""Session 17 (parts17): several things asked — the opening answers each asked part, in the order asked.
Class 1: two asked clauses in one sentence (能不能认定工伤，能赔多少 / 去哪里告 要多久) are two parts, each read with
the facts told before it. Class 2: a sum asked in general words (应该赔多少钱) beside another point of the same
topic (the grade no one can promise) gets the topic's computed sum, not dropped. Both ways: one question asked
twice, or one asked clause after a greeting, does not split. The wording is the team's own."""

import pytest

from assistant.consult.kinds import asked_parts

from .planning import opening, plan_with_tools, ranked

# --- class 1: two asked clauses in one sentence --------------------------------------------------------


def test_two_asked_clauses_of_one_sentence_are_two_parts_each_with_the_facts() -> None:
    parts = asked_parts("我在厂里干活把手压伤了，能不能认定工伤，能赔多少钱？")
    assert len(parts) == 2
    assert all(part.startswith("我在厂里干活把手压伤了") for part in parts)
    assert parts[0].endswith("能不能认定工伤") and parts[1].endswith("能赔多少钱")


def test_a_question_spoken_without_punctuation_splits_at_its_spaces() -> None:
    parts = asked_parts("欠了我两万多工资 去哪里告 要多久能拿到")
    assert len(parts) == 2
    assert parts[0].endswith("去哪里告") and parts[1].endswith("要多久能拿到")


@pytest.mark.parametrize(
    "question",
    [
        "请问，试用期辞退合法吗",  # a greeting before the one asked clause
        "你好，我被辞退了，能拿多少补偿",
        "公司不发工资，我想问一下，该怎么办",
        "老板让我明天就签字，说不签就扣钱",  # no asked clause at all
    ],
)
def test_one_asked_clause_with_background_is_one_part_or_none(question: str) -> None:
    assert len(asked_parts(question)) <= 1


def test_a_recognition_and_a_sum_asked_in_one_sentence_are_both_answered_in_order() -> None:
    p = plan_with_tools(
        "在车间搬货把脚砸伤了，能不能算工伤，能赔多少钱",
        ranked("work_injury_recognition", ("work_injury_benefits", 0.8)),
    )
    texts = [s.text for s in p.conclusion]
    assert len(texts) >= 2
    assert "工伤" in texts[0] and "认定" in texts[0]
    assert any("伤残补助金" in t for t in texts[1:])
    assert all(s.cite for s in p.conclusion[:2])


def test_where_to_apply_and_how_long_spoken_are_both_answered() -> None:
    p = plan_with_tools("欠了我两万多工资 去哪里告 要多久能拿到", ranked("arbitration_procedure"))
    joined = "".join(s.text for s in p.conclusion)
    assert "仲裁" in opening(p)
    assert "45日" in joined


# --- class 2: the sum asked in general words beside the grade -------------------------------------------


def test_grade_and_sum_asked_opens_with_the_honest_grade_then_the_sum_by_grade() -> None:
    p = plan_with_tools(
        "干活时左手两根手指被机器压断了，能评几级？厂里应该出多少赔偿？", ranked("work_injury_benefits")
    )
    texts = [s.text for s in p.conclusion]
    assert "几级" in texts[0]
    assert any("7个月" in t and "27个月" in t for t in texts[1:])


def test_the_grade_asked_alone_gets_no_sum_added() -> None:
    p = plan_with_tools("干活时左手两根手指被机器压断了，能评几级？", ranked("work_injury_benefits"))
    assert not any("27个月" in s.text for s in p.conclusion[1:])


def test_one_question_asked_twice_is_answered_once() -> None:
    p = plan_with_tools("工伤评了十级能赔多少？到底能赔多少？", ranked("work_injury_benefits"))
    texts = [s.text for s in p.conclusion]
    assert len(texts) == len(set(texts))
    assert sum("7个月" in t for t in texts) == 1
