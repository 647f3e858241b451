"""assistant/escalation/handoff.py: the spans where a message asks for a person, by the same request
rules (and cancellations) the escalation policy applies."""

import pytest

from assistant.escalation import decide
from assistant.escalation.handoff import handoff_spans, without_handoff


@pytest.mark.parametrize(
    ("message", "left"),
    [
        ("在物流园干了两年，老板欠我三个月工资，我要找律师", "在物流园干了两年，老板欠我三个月工资，我要"),
        ("转人工", ""),
        ("能帮我找个律师吗，工伤了", "能帮我 吗，工伤了"),
        ("老板不给钱，你们给我打电话吧", "老板不给钱，你们 吧"),
    ],
)
def test_requests_are_cut_out(message: str, left: str) -> None:
    assert without_handoff(message) == left
    assert decide(message).escalate  # the same words the policy escalates on


@pytest.mark.parametrize(
    "message",
    [
        "我不想找律师，老板欠薪怎么办",
        "请律师贵不贵",
        "请不起律师怎么办",
        "律师说要先仲裁",
        "法律援助怎么申请",
        "本人工资怎么算",
    ],
)
def test_words_that_ask_for_nobody_stay(message: str) -> None:
    assert handoff_spans(message) == [] and without_handoff(message) == message
    assert "explicit_request" not in decide(message).codes
