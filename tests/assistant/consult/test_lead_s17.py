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
    # The grade's answer: no promise, or (a finger, session 25; a fracture, session 27) the typical grade with who
    # sets it — for a finger told plainly (session 28) the standard's own item for it.
    assert any(
        words in text.split("**为什么**")[0]
        for words in ("没法准确告诉", "按常见情形估计", "常见的是十级", "对照国家标准")
    )


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
