"""Session 9: an injured worker pressed by the employer's side to settle privately (issue 14, a class seen
harmful in an unseen answer: no warning against a private deal). The answer opens with "sign nothing before
the grading" and the worker's own route to 工伤认定, through the real answer service; messages written for
these tests."""

from datetime import date

from assistant.answer import AnswerService

TODAY = date(2026, 12, 5)


def test_a_private_deal_pressed_on_an_injured_worker_opens_with_sign_nothing_before_the_grading(
    service: AnswerService,
) -> None:
    answer = service.ask("在板材厂被切板机划伤了手臂，老板问我要多少钱私了，还说别去劳动局，我该怎么办")
    assert answer.escalation.suggested
    head = answer.text.split("**结论**", 1)[0]
    assert "先做这几件事：受伤后对方要私了" in head and "评残之前什么都别签" in head
    assert head.index("评残之前什么都别签") < head.index("1年内")
    # The conclusion answers what to do with the offer, citing the grading and the worker's own application.
    conclusion = answer.text.split("**结论**", 1)[1].split("**", 1)[0]
    assert "评残之前什么都别签" in conclusion and "第二十一条" in conclusion


def test_an_injury_with_no_deal_pressed_gets_no_private_deal_block(service: AnswerService) -> None:
    answer = service.ask("在板材厂被切板机划伤了手臂，现在在住院，工伤认定怎么申请")
    assert "受伤后对方要私了" not in answer.text
