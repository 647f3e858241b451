"""Session 10: an injury the severity line leaves to the assistant (corpus/injury_severity.toml, tier c: a simple
fracture, no aggravating context) opens no ticket and no safety block, and its answer still opens with the 工伤
route the policy asks for (treat first, the worker's own 工伤认定 within a year, 停工留薪期, nothing signed before
the grading); with an aggravating context the same injury is an ordinary ticket. Through the real answer service;
messages written for these tests."""

from assistant.answer import AnswerService


def test_a_simple_fracture_is_answered_with_the_injury_route_and_an_ordinary_ticket(
    service: AnswerService,
) -> None:
    # Session 14: a wrist broken opens the ordinary ticket (a lawyer follows it), still no safety block; the answer
    # opens with the injury route either way.
    answer = service.ask("我在仓库搬货摔了一跤，左手腕骨折，打了石膏，接下来该怎么办")
    assert answer.escalation.suggested
    assert not answer.text.startswith("【安全提示】")
    head = answer.text.split("**结论**", 1)[0]
    assert "先做这几件事：受了伤" in head
    for step in ("1年内", "停工留薪期", "劳动能力鉴定"):
        assert step in answer.text, step


def test_the_same_fracture_with_no_insurance_is_an_ordinary_ticket(service: AnswerService) -> None:
    answer = service.ask("我在仓库搬货摔了一跤，左手腕骨折，打了石膏，公司没给我交工伤保险，接下来该怎么办")
    assert answer.escalation.suggested
    assert not answer.text.startswith("【安全提示】")
    assert "先做这几件事：受了伤" in answer.text.split("**结论**", 1)[0]


def test_a_finger_fracture_alone_opens_no_ticket(service: AnswerService) -> None:
    answer = service.ask("我在仓库搬货砸了一下，左手食指骨折，打了夹板，接下来该怎么办")
    assert not answer.escalation.suggested
    assert not answer.text.startswith("【安全提示】")
