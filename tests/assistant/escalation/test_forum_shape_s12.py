"""Session 12: escalation on forum-shaped questions — long, retrospective, asked about money or procedure, often by a
relative, with the death or the serious injury told in passing. The structures the rules missed there: a digit
crushed off whole, the spinal cord told by what the body lost, one side of the body lost, a limb broken off and not
saved, a death in a fire, a relative kept from leaving, a date told in a preamble before the ending, a sum paid short,
a recognition followed by a grade 1–6, an award ignored with the boss gone, a group's pay cut or years of service
struck off. And the look-alikes that must stay quiet: a pierced finger, an outsider's story told to compare, a job's
start date or a threatened ending before a date, a grade 5 long paid. Messages written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.escalation import load_rules
from assistant.escalation.policy import EscalationDecision, decide

TODAY = date(2026, 12, 5)
RULES = load_rules(with_model=False)


def _decision(*messages: str) -> EscalationDecision:
    *history, question = messages
    return decide(question, history, today=TODAY, rules=RULES)


# --- the safety screen: urgent, with the safety block -------------------------------------------------------------

URGENT = [
    # The spinal cord told by what the body lost, after a spine fracture of tier b.
    "帮我哥问问，他从脚手架上掉下来，胸椎骨折压迫了神经，现在两条腿一点知觉都没有了，老板只给了一万块，该找谁赔？",
    "我爸在厂里摔伤了腰，腰椎骨折，医生说以后恐怕站不起来了，厂里让我们先自己垫钱，这合理吗？",
    # One side of the body lost after a stroke at work.
    "我叔在车间干活时突然倒下，医院说是脑梗，现在左边身子动不了，话也说不清，厂里说是他自己的病，能不能算工伤？",
    # A limb broken off and not saved, asked as a question about the money.
    "我老公的右臂被搅拌机绞了，从手肘那里断了，送到医院也没接上，公司现在说给十五万一次性了结，这个钱合理吗？",
    # A death in a fire, told in weak words.
    "我舅舅在一家仓库看夜，上个月半夜仓库着火了，他没能逃出来，人就没了，老板说有保险，我们应该找谁？",
    # A relative kept from leaving, every night.
    "我侄子在外省一个厂里干活，老板扣了他的工资和手机，不让他们出厂，每天晚上宿舍门都锁着，我们该怎么救他？",
]


@pytest.mark.parametrize("text", URGENT)
def test_forum_shaped_danger_opens_the_safety_block(text: str) -> None:
    decision = _decision(text)
    assert decision.escalate and decision.danger_to_life, decision.as_dict()


# --- ordinary tickets -------------------------------------------------------------------------------------------


def test_two_whole_fingers_crushed_off_open_an_ordinary_ticket() -> None:
    decision = _decision(
        "我在五金厂开冲床，上个月模具把我右手的无名指和小指都压掉了，厂里没给买工伤保险，我能要多少钱？"
    )
    assert decision.escalate, decision.as_dict()
    assert "injury_review" in decision.codes
    assert (
        not decision.danger_to_life
    )  # two whole fingers: tier b by the severity policy, not the safety block


def test_a_count_of_fingers_crushed_off_opens_an_ordinary_ticket() -> None:
    decision = _decision("我老婆在纸箱厂上班，三根手指被机器压没了，厂里只报了医药费，以后怎么办？")
    assert decision.escalate and "injury_review" in decision.codes
    assert not decision.danger_to_life


def test_a_grade_five_after_the_recognition_stays_open() -> None:
    decision = _decision(
        "前年我在厂里被压断了左手，工伤认定了也评了六级，现在厂里要把我调去扫地，工资只给一半，这合法吗？"
    )
    assert decision.escalate, decision.as_dict()


def test_a_grade_five_long_paid_stays_quiet() -> None:
    decision = _decision(
        "我爸2019年在矿上砸伤了腿，后来评了五级，单位也按规定把伤残待遇都发了，现在想问五级伤残能不能提前退休"
    )
    assert not decision.escalate, decision.as_dict()


def test_a_sum_paid_short_long_ago_still_counts_its_time_limit() -> None:
    decision = _decision("我是前年从物流公司辞职的，当时公司少发了我半年的夜班补贴，现在还能去仲裁要吗？")
    assert decision.escalate, decision.as_dict()
    assert any(code.startswith("time_limit") for code in decision.codes)


def test_an_award_ignored_with_the_boss_gone_is_a_criminal_angle() -> None:
    decision = _decision(
        "法院的判决都下来三个月了，公司一直不履行，老板也不知道跑到哪去了，欠我的四万块还能要回来吗？"
    )
    assert "criminal_angle" in decision.codes, decision.as_dict()


def test_a_group_pay_cut_with_a_count_is_a_collective_dispute() -> None:
    decision = _decision("我们厂这个月通知所有一线工人降薪两成，车间里一百多人都很不满。这样合法吗？")
    assert "collective_dispute" in decision.codes, decision.as_dict()


def test_a_takeover_striking_off_a_groups_service_is_a_collective_dispute() -> None:
    decision = _decision(
        "商场被别人接手了，新老板说我们以前的工龄不算了，我们柜台和仓库五十多个人都不愿意签新合同，怎么办？"
    )
    assert "collective_dispute" in decision.codes, decision.as_dict()


# A date told first, the ending a clause or two later (the forum's long preamble): the arbitration limit is near.
PREAMBLE_ENDINGS = [
    "我在这家酒店干了六年，去年十二月初经理说后厨的人太多了，就直接让我回家了，一分钱补偿都没给，现在还能仲裁吗？",
    "我在商场做了四年导购，去年十二月上旬店长找我谈话，说公司要调整，第二天就把我辞退了，这个还能要赔偿吗？",
]


@pytest.mark.parametrize("text", PREAMBLE_ENDINGS)
def test_an_ending_told_after_its_date_counts_the_arbitration_limit(text: str) -> None:
    decision = _decision(text)
    assert "time_limit_near" in decision.codes, decision.as_dict()


# --- look-alikes that stay quiet -------------------------------------------------------------------------------

QUIET = [
    # A pierced or cut finger: a wound that heals (tier c), answered with the 工伤 route.
    "我在制衣厂做车工，昨天不小心被针扎穿了食指，包扎了一下，厂里让我歇一天，这个需要报工伤吗？",
    # An outsider's story told to compare with the asker's own supposed case.
    "我朋友的表哥去年在工地被砸死了，听说赔了八十多万，如果我们公司没交工伤保险，出了这种事也能赔这么多吗？",
    # A job's start date before an ending threatened, not done.
    "我2018年3月进的这家公司，现在经理威胁我们主动辞职，不然就调去外地，这样合法吗？",
    # A start year, then an ending proposed now (the limit runs from an ending, not from the start).
    "2005年进厂一直干到现在，厂里现在要跟我协商解除合同，补偿从哪年开始算？",
    # Sent home to rest, not dismissed.
    "上个月我在厂里扭了腰，主管直接让我回家休息几天，工资照发，这样需要报工伤吗？",
]


@pytest.mark.parametrize("text", QUIET)
def test_forum_shaped_look_alikes_stay_quiet(text: str) -> None:
    decision = _decision(text)
    assert not decision.escalate, decision.as_dict()
