"""Session 15 (issue 14): escalation misses on real wording, by class — a group told as 我们 / 大伙 with no count,
a chain of two employers who deny the worker, a death's benefits asked as a rule question, a disability grade 7–8
told, a hand or a foot broken in spoken words, a large bone cracked. Each class fires where it should and stays
quiet on its look-alikes. The sentences are the team's own, written for these classes."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.escalation import EscalationDecision, PolicyInput, default_rules
from assistant.escalation.policy import EscalationPolicy

TODAY = date(2026, 12, 5)
_POLICY = EscalationPolicy(default_rules())


def _decision(text: str, history: tuple[str, ...] = ()) -> EscalationDecision:
    return _POLICY.decide(PolicyInput(text, history, today=TODAY))


# --- a group told without a count -----------------------------------------------------------------------------

GROUPS = [
    "老板欠了我们快半年的工资，电话也不接，我们该怎么办",
    "我们这些农民工在工地干了大半年，包工头一分钱没给，大伙该怎么办",
    "俺们工人的工钱都拖着不发，找了好几回了",
    "工地上拖欠大家的工资到现在还没结，能一起去告吗",
    "俺们班组的人工钱都欠着呢，找老板好几回了都不给",
]


@pytest.mark.parametrize("text", GROUPS)
def test_a_group_told_as_we_is_a_collective_ticket_not_the_safety_block(text: str) -> None:
    decision = _decision(text)
    assert "collective_dispute" in decision.codes, decision.codes
    assert not decision.danger_to_life


NOT_GROUPS = [
    "我们两口子在同一个厂上班，厂里拖了我们两个月工资，能要回来吗",  # a couple
    "我们公司的加班费是怎么算的，合法吗",  # the employer, no dispute
    "我们这里的最低工资是多少",  # a place
    "我们宿舍的人晚上太吵了，能跟厂里反映吗",  # no dispute
    "我录了一段视频当证据，拍的是工头承认欠我们钱，能用吗",  # evidence, no pay named
    "大家都说公司不交社保是违法的，是真的吗",  # what everybody says
    "如果老板以后欠了我们工资，能找谁",  # supposed
]


@pytest.mark.parametrize("text", NOT_GROUPS)
def test_look_alikes_of_a_group_stay_quiet(text: str) -> None:
    assert "collective_dispute" not in _decision(text).codes


# --- a chain of employers ---------------------------------------------------------------------------------------

CHAINS = [
    "我是派遣到电子厂的，厂里说我不是他们的人，让我找派遣公司",
    "外包公司把我派到酒店干活，在酒店摔伤了，酒店说跟他们没关系",
    "总包把活转包给包工头，包工头跑了，工钱找谁要",
    "我应聘了这家公司，结果让我跟一个没听说过的派遣公司签合同，这正常吗",
]


@pytest.mark.parametrize("text", CHAINS)
def test_two_employers_denying_the_worker_or_passing_the_work_down_is_a_chain(text: str) -> None:
    assert "employer_chain" in _decision(text).codes


NOT_CHAINS = [
    "派遣工的加班费是派遣公司给还是厂里给",  # which one pays by law: the statute answers
    "派遣到厂里干活受了伤，找厂里还是找派遣公司",
    "包工头说等甲方结了款再给我们发，已经拖了两个月",  # no contracting word, no denial
    "我在一家外包公司做客服，公司跟我签了合同，工资也按时发，想问试用期能不能延长",
]


@pytest.mark.parametrize("text", NOT_CHAINS)
def test_look_alikes_of_a_chain_stay_quiet(text: str) -> None:
    assert "employer_chain" not in _decision(text).codes


# --- a death's benefits asked as a rule question ------------------------------------------------------------------

DEATH_QUESTIONS = [
    "北京市工伤死亡赔偿标准是多少",
    "请问工亡的一次性工亡补助金是多少钱，供养亲属抚恤金谁能领",
    "非因工死亡的丧葬补助金和抚恤金怎么领",
]


@pytest.mark.parametrize("text", DEATH_QUESTIONS)
def test_a_death_benefit_question_opens_a_ticket_without_the_safety_block(text: str) -> None:
    decision = _decision(text)
    assert decision.escalate and "death_benefits" in decision.codes, decision.codes
    assert not decision.danger_to_life and decision.safety_message is None


def test_a_death_told_keeps_the_safety_block_and_one_reason() -> None:
    decision = _decision("我哥在工地上出事死了，因工死亡的待遇有哪些")
    assert decision.danger_to_life
    assert "death_or_serious_injury" in decision.codes and "death_benefits" not in decision.codes


NOT_DEATH_QUESTIONS = [
    "我爸八年前工亡，当时的赔偿早就拿到了，现在我妈每月领的供养亲属抚恤金能不能涨",  # settled
    "工地上要是有人出意外死了，工亡补助金一般是多少",  # supposed
    "我奶奶去世了，公司给几天丧假",  # a funeral leave
    "请问工亡的丧葬补助金按什么标准计算？我在写一篇关于工伤保险的作业。",  # homework
]


@pytest.mark.parametrize("text", NOT_DEATH_QUESTIONS)
def test_look_alikes_of_a_death_question_stay_quiet(text: str) -> None:
    assert not _decision(text).escalate


# --- serious injuries: a grade 7–8 told, a hand or a foot broken, a large bone cracked -------------------------

INJURIES = [
    ("八级伤残一般能赔多少钱？我是上班时被砸伤的", "disability_grade"),
    ("卡车司机因工致残被鉴定为七级伤残，想解除劳动关系", "disability_grade"),
    ("我在矿上出事，评定8级，能拿多少", "disability_grade"),
    ("我去厂里上班的路上把脚摔断了，能算工伤吗", "injury_review"),
    ("搬货的时候摔断了手，老板让我先回家", "injury_review"),
    ("干活时从架子上摔下来，粉碎性骨折，能赔多少", "injury_review"),
    ("上班时左脚第2、3、4跖骨骨折，怎么申请工伤", "injury_review"),
    ("肋骨骨裂了三根，工伤能评几级", "injury_review"),
]


@pytest.mark.parametrize(("text", "code"), INJURIES)
def test_serious_injuries_in_real_wording_open_the_ordinary_ticket(text: str, code: str) -> None:
    decision = _decision(text)
    assert code in decision.codes, (decision.codes, decision.set_aside)


NOT_SERIOUS = [
    "搬钢板的时候砸断了左脚的三根脚趾",  # toes: the 工伤 route alone
    "左脚的大脚趾被砸断了",
    "我小拇指骨裂了",
    "九级伤残一般能赔多少",  # grade 9: a compensation question
    "我老公十年前在矿上砸断了腿，当时认定了七级工伤，也拿了一次性的钱，现在想问退休以后的待遇",  # settled
    "如果评上八级伤残，能拿多少",  # supposed
]


@pytest.mark.parametrize("text", NOT_SERIOUS)
def test_minor_or_settled_injuries_open_no_ticket(text: str) -> None:
    decision = _decision(text)
    assert "disability_grade" not in decision.codes and "injury_review" not in decision.codes, decision.codes
