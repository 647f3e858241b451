"""Session 7: the safety block fits the danger the screen found. An alarm of the recall booster alone
carries the lines of the kind its words tell — an injury gets 120, the doctor and the records; a
beating 110 and 验伤; despair 12356 — and no kind gives the neutral block, without the psychological
hotline. Every block tells the worker which button leaves a number for the lawyer, not to type one
into the chat. Messages written for these tests, not taken from any set."""

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from assistant.escalation import RulesError, load_rules
from assistant.escalation.policy import decide
from assistant.escalation.rules import parse_rules

TODAY = date(2026, 12, 5)
PSYCH = "12356"


class _AlwaysFlags:
    """A booster that raises its alarm on every message: the lines must come from the words."""

    def flags(self, text: str) -> tuple[bool, float]:
        return True, 0.7


RULES = replace(load_rules(with_model=False), model=_AlwaysFlags())  # type: ignore[arg-type]


def _booster(text: str, history: tuple[str, ...] = ()) -> tuple[str, str]:
    decision = decide(text, history, today=TODAY, rules=RULES)
    reason = next(r for r in decision.reasons if r.code == "danger_possible")
    assert decision.priority == "urgent" and decision.danger_to_life  # recall first: still urgent
    return reason.category, decision.safety_message or ""


@pytest.mark.parametrize(
    "text",
    [
        "昨天在仓库搬货从梯子上摔下来，腰摔伤了，老板说是我自己不小心",
        "上夜班搬箱子把脚砸肿了，厂里不给报销",
        "干活时手被机器夹了一下，缝了五针，公司说不算工伤",
    ],
)
def test_an_injury_gets_the_doctor_and_the_records_not_the_psychological_line(text: str) -> None:
    category, block = _booster(text)
    assert category == "possible_injury"
    assert "120" in block and "医院" in block and "病历" in block and "工伤认定" in block
    assert PSYCH not in block


@pytest.mark.parametrize(
    "text",
    # (A beating told with its harm — 打了一顿，脸还肿着 — is the rules' own alarm since session 12:
    # tests/assistant/escalation/test_beaten_s12.py; here the booster alone.)
    ["去要工钱被老板的人推搡了好几下", "主管当着大家的面动手推了我"],
)
def test_a_beating_gets_110_and_a_medical_record_of_the_injury(text: str) -> None:
    category, block = _booster(text)
    assert category == "possible_violence"
    assert "110" in block and "验伤" in block and PSYCH not in block


@pytest.mark.parametrize("text", ["最近心里特别乱，什么都不想干", "欠的钱越来越多，天天睡不着，感觉没有盼头"])
def test_despair_gets_the_psychological_line(text: str) -> None:
    category, block = _booster(text)
    assert category == "possible_self_harm"
    assert PSYCH in block and "110" in block


def test_a_body_in_trouble_now_gets_120() -> None:
    category, block = _booster("车间太热，工友刚才吐了好几回，主管说歇会儿就行")
    assert category == "possible_medical"
    assert "120" in block and PSYCH not in block


@pytest.mark.parametrize("text", ["身份证被中介押着，说交了钱才还", "我今天看到紫色的天空"])
def test_no_kind_told_gives_the_neutral_block(text: str) -> None:
    category, block = _booster(text)
    assert category == "possible"
    assert block.startswith("【安全提示】") and "110" in block and "12351" in block
    assert PSYCH not in block and "验伤" not in block and "病历" not in block


def test_the_lawyer_sees_the_words_that_chose_the_lines() -> None:
    decision = decide("腰摔伤了，老板只给了五百块", today=TODAY, rules=RULES)
    reason = next(r for r in decision.reasons if r.code == "danger_possible")
    assert "模型评分" in reason.evidence and "腰摔伤" in reason.evidence


def test_the_screens_own_kinds_keep_their_lines() -> None:
    # A rule fired: its category decides, the booster adds nothing.
    assert PSYCH in (decide("讨不回工钱，我真的不想活了", today=TODAY, rules=RULES).safety_message or "")
    serious = decide("右手四根手指被冲床冲掉了", today=TODAY, rules=RULES)
    assert "danger_possible" not in serious.codes and PSYCH not in (serious.safety_message or "")


@pytest.mark.parametrize(
    "text",
    ["老板放话要找人废了我", "我真的不想再活下去了", "我十三岁，在饭店洗碗", "腰摔伤了，老板说不算工伤"],
)
def test_every_block_names_the_button_for_a_number_not_the_chat(text: str) -> None:
    block = decide(text, today=TODAY, rules=RULES).safety_message or ""
    assert "「找律师 / 转人工」" in block and "留下电话或微信" in block
    assert "留下联系电话" not in block and "会被自动隐藏" in block


def _shipped() -> tuple[dict[str, Any], dict[str, Any]]:
    import tomllib
    from pathlib import Path

    corpus = Path(__file__).resolve().parents[3] / "corpus"
    data = tomllib.loads((corpus / "escalation.toml").read_text(encoding="utf-8"))
    screen = tomllib.loads((corpus / "safety_screen.toml").read_text(encoding="utf-8"))
    return data, screen


def test_a_booster_kind_without_lines_is_refused_at_load() -> None:
    data, screen = _shipped()
    screen["booster"]["kinds"].append({"category": "possible_fire", "words": ["着火"]})
    with pytest.raises(RulesError, match="possible_fire"):
        parse_rules(data, "test.toml", screen)
    data, screen = _shipped()
    screen["booster"]["kinds"][0].pop("words")
    with pytest.raises(RulesError, match="words"):
        parse_rules(data, "test.toml", screen)
