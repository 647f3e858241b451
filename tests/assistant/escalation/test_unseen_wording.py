"""Session 9: escalation classes that real, unseen wording still missed or mis-worded (issue 14), both ways,
in messages written for these tests (never forum text): a death told without a death word, beside kin or a
co-worker; a threat to drive the worker out; a child's age in other forms; an injured worker pressed to
settle privately; a settlement's 一次性了结 read as despair; a fingertip or a toe worded as 重伤."""

from collections.abc import Sequence
from datetime import date

import pytest

from assistant.escalation import load_rules
from assistant.escalation.policy import EscalationDecision, decide

TODAY = date(2026, 12, 5)
RULES = load_rules(with_model=False)
# The screen's own reading of an injury, before the severity line grades it (corpus/injury_severity.toml).
SCREEN = load_rules(with_model=False, with_severity=False)
WITH_BOOSTER = load_rules()


def _decision(*messages: str, booster: bool = False) -> EscalationDecision:
    *history, question = messages
    return decide(question, history, today=TODAY, rules=WITH_BOOSTER if booster else RULES)


def _categories(decision: EscalationDecision, code: str) -> set[str]:
    return {r.category for r in decision.reasons if r.code == code}


# --- a death told without a death word ---------------------------------------------------------------

DEATHS_IN_OTHER_WORDS = [
    "我大伯在煤矿井下干活，上礼拜人就没了，矿上只肯出三万",  # 人没了 beside kin and a workplace
    "家里顶梁柱没了，工地老板说我男人不是他们的人",  # the breadwinner gone
    "我姐夫在厂里干了十几年，前天人突然走了，厂里怎么赔",  # 人…走了 and a claim
    "老乡在工地上出了事，我们正帮他家里办后事，包工头一直躲着",  # the affairs after a death
    "工友昨晚下了夜班睡下就没醒，老板说跟厂里无关",  # asleep, never woken
    "我弟在车间干活时倒下，送医院没撑过去",  # did not pull through
    "我老公开货车送货路上出事，当场就过身了",  # 过身
    "我丈夫在单位值班时离开了我们，单位说不算工伤",  # gone from us
    "我老公在工地上班时突然死亡，他社保个人账户里的钱怎么继承",  # a death at work, then the estate
    "俺家当家的在矿上出事死亡，一般赔多少",  # a spouse in everyday words, a general question
    "我男人在工地上班时突然死亡，赔偿标准是什么",
]
NOT_DEATHS = [
    "包工头人没了，我们十几个人的工资找谁要",  # the boss gone
    "我同事辞职了，人走了以后他的工资谁来结",  # a co-worker who left
    "我哥的工作没了，公司一分补偿都不给",  # a job lost
    "我弟在厂里干活，身份证没了，老板不管",  # a card lost
    "老板说我转过身就不认账了",  # 转过身
    "我的同事离开了我们公司，去了别的厂",  # left the company
    "我爸以前在厂里上班，退休后去世了，养老保险个人账户怎么继承",  # a retiree's estate
    "先生您好，我想问一下工亡待遇包括哪些",  # 先生 as a form of address, a question about the law
]


@pytest.mark.parametrize("text", DEATHS_IN_OTHER_WORDS)
def test_a_death_told_in_other_words_beside_kin_or_a_coworker_escalates_as_a_death(text: str) -> None:
    decision = _decision(text)
    assert decision.danger_to_life and "death" in _categories(decision, "death_or_serious_injury"), (
        decision.codes
    )


@pytest.mark.parametrize("booster", [False, True])
@pytest.mark.parametrize("text", NOT_DEATHS)
def test_a_person_or_a_thing_gone_in_other_senses_is_no_death(text: str, booster: bool) -> None:
    decision = _decision(text, booster=booster)
    assert "death" not in _categories(decision, "death_or_serious_injury"), decision.codes


# --- a threat of reprisal; hired hands ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "经理放话说，我要是敢去仲裁，他认识道上的人，保证让我在这个县待不下去",
        "老板威胁我，说再去劳动局就让我没好日子过",
        "主管说我再闹就叫几个兄弟来收拾我",
    ],
)
def test_a_threat_of_reprisal_for_a_claim_is_violence(text: str) -> None:
    assert "violence" in _categories(_decision(text), "danger_violence")


@pytest.mark.parametrize(
    "text",
    [
        "房租涨成这样，真让我在这个城市待不下去了",
        "工资三个月没涨，物价让我们一家没好日子过",
    ],
)
def test_hardship_told_in_the_same_words_is_no_threat(text: str) -> None:
    assert "danger_violence" not in _decision(text).codes


# --- a child's age in other forms ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "我闺女虚岁十五，暑假在奶茶店打工一天干十个钟头",
        "我表弟还有半年才满十六，在电子厂上夜班",
        "我外甥16岁都不到，在洗车店当学徒",
    ],
)
def test_a_child_told_by_the_traditional_count_or_sixteen_still_ahead_is_a_child_at_work(text: str) -> None:
    assert "child_labour" in _decision(text).codes


@pytest.mark.parametrize(
    "text",
    [
        "我儿子虚岁十八，在厂里上班，加班费怎么算",
        "我还有两年才满六十，公司让我提前退休",
        "我女儿16岁，不到一年就被饭店辞退了",
    ],
)
def test_an_adult_by_the_same_wording_is_no_child(text: str) -> None:
    assert "child_labour" not in _decision(text).codes


# --- a chain of employers told by its parties pointing at one another ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "配送站说我归加盟商管，加盟商又说我是人力公司的，谁都不给我结工资",
        "我们干的这个活是转了三道手的，最后一个小老板跑了",
    ],
)
def test_parties_pointing_the_worker_at_one_another_are_a_chain_of_employers(text: str) -> None:
    assert "employer_chain" in _decision(text).codes


@pytest.mark.parametrize(
    "text",
    ["组长说我是临时工，人事说我是正式工，加班费到底怎么算", "公司说我是外包的，可我每天都在厂里打卡上班"],
)
def test_one_employer_naming_the_worker_two_ways_is_no_chain(text: str) -> None:
    assert "employer_chain" not in _decision(text).codes


# --- an injured worker pressed to settle privately -----------------------------------------------------

PRESSED = [
    "我在搅拌站被传送带刮伤了胳膊，站长问我要多少钱私了，还不让我去劳动局",
    "干活时脚被钢板砸伤了，老板说给我三千块了事，别去做工伤认定",
    "手被冲床压伤了，厂里让我开个价，说一次性了结",
]
NOT_PRESSED = [
    "工伤私了一般给多少钱合适",  # a general question
    "我腰受伤了，工伤一般能要多少钱",  # the worker's own question about the sum
    "前年手受伤，当时跟老板已经私了了",  # a deal made long ago
    "下班路上出了车祸受了伤，对方车主想私了",  # a road accident's other party
    "受伤以后公司不给我交工伤保险，这要多少钱",  # no settlement at all
    "如果以后干活受伤了老板要私了，我该怎么办",  # supposed
]


@pytest.mark.parametrize("text", PRESSED)
def test_an_injured_worker_pressed_to_settle_privately_escalates(text: str) -> None:
    decision = _decision(text)
    assert decision.escalate and "injury_settlement_pressure" in decision.codes


@pytest.mark.parametrize("text", NOT_PRESSED)
def test_a_settlement_asked_about_made_long_ago_or_with_a_driver_is_no_pressure(text: str) -> None:
    assert "injury_settlement_pressure" not in _decision(text).codes


def test_a_settlement_in_one_go_is_no_despair_but_ending_oneself_is() -> None:
    assert "danger_self_harm" not in _decision("手被压伤了，老板让我开个价，说一次性了结").codes
    assert "danger_self_harm" not in _decision("包工头说给五千块私下了结算了").codes
    assert "danger_self_harm" in _decision("欠的钱要不回来，我想干脆了结自己算了").codes


# --- a fingertip or a toe: urgent still, worded as an injury ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "大脚趾被叉车压碎了，老板只给了两千块",
        "食指被切菜机切掉了一截，店里怎么赔",
        "鼻子被货架砸断了，能算工伤吗",
    ],
)
def test_a_small_part_crushed_or_cut_is_urgent_but_not_called_a_serious_injury(text: str) -> None:
    # The screen's wording; the severity line then grades it (test_severity.py).
    decision = decide(text, today=TODAY, rules=SCREEN)
    assert decision.danger_to_life and _categories(decision, "death_or_serious_injury") == {"injury"}
    worded = " ".join(r.text for r in decision.reasons) + decision.safety_message
    assert "重伤" not in worded and "伤残等级" in decision.safety_message


@pytest.mark.parametrize(
    "text",
    [
        "中指指尖被切掉了，右腿也被砸断了",  # a large part beside it
        "脚趾被压烂了，人还在ICU没醒",  # a harm that needs no part
        "左手被机器绞断了",  # the hand, not a finger
    ],
)
def test_a_graver_harm_told_keeps_the_serious_wording(text: str) -> None:
    assert "serious_injury" in _categories(decide(text, today=TODAY, rules=SCREEN), "death_or_serious_injury")


def _with_history(messages: Sequence[str]) -> EscalationDecision:
    return _decision(*messages)


def test_a_graver_harm_told_in_an_earlier_message_keeps_the_serious_wording() -> None:
    decision = decide(
        "他的脚趾也被压碎了，包工头不管", ["我爸在工地摔下来，腰椎骨折"], today=TODAY, rules=SCREEN
    )
    assert "serious_injury" in _categories(decision, "death_or_serious_injury")
