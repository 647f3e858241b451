"""The lead's mend of session 17: a point asked past the emergency quiets a situation's first steps
(asked_points.toml ``quiets``). The grade an injury will get is asked once treatment is behind; the injury's
先治伤/急救 steps must not open that answer — while an injury asked about now keeps them first, and a death its own
block."""

from __future__ import annotations

import pytest

from assistant.answer import AnswerService
from assistant.consult.asked_points import check_asked_points, load_asked_points, parse_asked_points
from assistant.consult.guides import load_guides

STEPS_TITLE = "**先做这几件事：受了伤**"


@pytest.mark.parametrize(
    "question",
    [
        "在厂里干活左手食指被机器压断了一节，这个能评几级伤残？",
        "搬货时腰被砸伤了，腰椎压缩骨折，够不够伤残等级",
    ],
)
def test_the_grade_asked_opens_with_the_answer_not_the_first_aid_steps(
    service: AnswerService, question: str
) -> None:
    text = service.ask(question).text
    assert not text.startswith(STEPS_TITLE)
    assert text.startswith("**结论**")
    assert "没法准确告诉" in text.split("**为什么**")[0]


def test_an_injury_asked_about_now_keeps_its_first_steps(service: AnswerService) -> None:
    text = service.ask("刚才在车间手指被机器压断了一节，现在怎么办").text
    assert text.startswith(STEPS_TITLE)
    assert "先治伤" in text.split("**结论**")[0]


def test_a_death_asked_about_keeps_its_own_block_first(service: AnswerService) -> None:
    text = service.ask("我老公在工地从架子上摔下来没抢救过来，包工头让我们今天签字，该怎么赔").text
    before_conclusion = text.split("**结论**")[0]
    assert "先别" in before_conclusion and "签" in before_conclusion


def test_quiets_must_name_a_situation() -> None:
    table = parse_asked_points(
        {
            "asked": [
                {
                    "id": "x",
                    "answer": "work_injury_benefits/grade_of_injury",
                    "words": [["几级"]],
                    "quiets": ["work_injury_benefits"],  # a guide, not a situation
                }
            ]
        }
    )
    problems = check_asked_points(table, load_guides())
    assert any("quiets" in p for _, p in problems)


def test_the_shipped_table_quiets_only_situations() -> None:
    assert not [p for p in check_asked_points(load_asked_points(), load_guides()) if "quiets" in p[1]]


def test_a_clause_naming_its_own_thing_is_not_answered_by_the_background(service: AnswerService) -> None:
    # 要交钱吗 asks about a cost no guide answer names here: it must not be answered with the unpaid wage's
    # verdict that the background (补偿一分没给) names.
    text = service.ask("上个月刚被老板辞退，补偿一分没给，现在去申请仲裁来得及吗，要交钱吗").text
    conclusion = text.split("**结论**")[1].split("**")[0]
    assert conclusion.strip().startswith("来得及")
    assert "不合法" not in conclusion


def test_a_clause_of_bare_form_still_asks_about_the_act_told(service: AnswerService) -> None:
    text = service.ask("进厂一年了一直没签劳动合同，这合法吗，能要多少钱").text
    conclusion = text.split("**结论**")[1].split("**为什么**")[0]
    assert "不合法" in conclusion or "违法" in conclusion
    assert "二倍" in conclusion or "双倍" in conclusion or "两倍" in conclusion
