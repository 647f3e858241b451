"""Session 12: a worker hit by a person, told beside the harm it did, opens the safety block (issue 13 item 4:
报警, 验伤, keep the records, the right to leave at once) — a boss's relative's punches and a bleeding nose, a
supervisor's blow with a kitchen tool and a swelling on the head, slaps from a shop manager. Accidents (a machine's
blow), the worker's own hammer, a stranger's beating in the news and a fight the worker started stay quiet.
Messages written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.escalation import load_rules
from assistant.escalation.policy import decide

TODAY = date(2026, 12, 5)
RULES = load_rules(with_model=False)

BEATEN = [
    "昨天去找老板要工资，老板儿子上来就给了我两拳，鼻子出血了，医生说鼻骨可能断了，工资还能要吗",
    "厨房里师傅拿勺子敲我脑袋，起了个大包，现在还有点晕，我该怎么办",
    "我媳妇在超市上班，被店长扇了两个耳光，脸都肿了，这种能辞职要补偿吗",
    "讨薪的时候被工头的人踹了几脚，肋骨疼得厉害，去医院拍了片",
]

QUIET = [
    "我打工的时候被机器砸到了手，肿了，能算工伤吗",
    "我自己用锤子砸到了手，肿了，算工伤吗",
    "网上看到一个新闻说工人讨薪被老板打了一顿，住院了，这种老板会被判刑吗",
    "我和同事打架，我先动手，他鼻子出血了，公司要开除我，合法吗",
    "老板扣我工资，还骂我，我能辞职吗",
]


@pytest.mark.parametrize("text", BEATEN)
def test_a_worker_hit_by_a_person_with_harm_opens_the_safety_block(text: str) -> None:
    decision = decide(text, today=TODAY, rules=RULES)
    assert decision.escalate and decision.danger_to_life, decision.codes
    assert "danger_violence" in decision.codes
    block = decision.safety_message or ""
    assert "110" in block and "验伤" in block  # issue 13 item 4: police and the injury recorded first


@pytest.mark.parametrize("text", QUIET)
def test_accidents_news_and_a_fight_started_are_not_a_beating(text: str) -> None:
    decision = decide(text, today=TODAY, rules=RULES)
    assert "danger_violence" not in decision.codes
    assert not decision.danger_to_life
