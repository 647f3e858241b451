"""Session 21 (issue 14): serious injuries told in words nobody tuned on — the vocabulary of a 诊断证明 or an 出院小结
and the everyday names of a limb's parts. Written from medical and legal vocabulary (GB/T 16180-2014's items), not
from forum questions; the sentences are the team's own. Classes: the bone family beyond a digit named by the doctor
or in everyday words, bleeding around the brain named by the diagnosis, digits or a hand lost in the surgeon's
words, the spinal cord and care dependence told by what is lost, months in hospital told in days, a grade told in
formal numerals or as the assessment's result; and the look-alikes that must stay quiet (a digit's defect, a
fracture healed long ago, a stranger heard of)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.escalation import load_rules
from assistant.escalation.policy import EscalationDecision, decide

TODAY = date(2026, 12, 5)
RULES = load_rules(with_model=False)
INJURY_CODES = {"death_or_serious_injury", "injury_review", "disability_grade"}


def _decision(message: str) -> EscalationDecision:
    return decide(message, [], today=TODAY, rules=RULES)


def _escalated_for_the_injury(decision: EscalationDecision) -> bool:
    return decision.escalate and bool(INJURY_CODES & set(decision.codes))


# --- a bone beyond a digit, by the doctor's name or in everyday words: the ordinary ticket --------------------

BONES = [
    "上班路上被货车撞了，左肱骨干骨折，交警认定对方全责，工伤和交通事故能一起赔吗",
    "骶骨骨折加耻骨支骨折，卧床一个多月了，单位工资还发吗",
    "我哥开叉车翻了，右侧髂骨骨折，住院两周",
    "左内踝骨折，打了两颗螺钉，停工留薪期多长",
    "右距骨骨折，医生说容易坏死",
    "下颌骨骨折，嘴里打了钛板，吃不了东西",
    "我爸在工地被钢管砸到头，颅底骨折，现在还在医院",
    "T12压缩骨折，戴了腰围，厂里说养一个月就回来",
    "寰枢椎骨折，脖子上戴着支架",
    "全身多处骨折，还在住院",
    "我老婆在厂里摔了，膀子断了",
    "搬东西的时候从台阶上滚下来，尾巴骨摔断了",
    "我在厂里上夜班，脚脖子被叉车压断了",
    "我家那口子干活摔了一跤，大胯摔断了，医生说要换",
]


@pytest.mark.parametrize("message", BONES)
def test_a_bone_beyond_a_digit_in_the_doctors_or_everyday_words_opens_a_ticket(message: str) -> None:
    decision = _decision(message)
    assert _escalated_for_the_injury(decision), decision.codes


# --- the brain, the spinal cord, care dependence: urgent --------------------------------------------------------

GRAVE = [
    "我爸干活时从梯子上摔下来，蛛网膜下腔出血，在神经外科住着",
    "诊断：硬膜下血肿，做了钻孔引流",
    "摔到头，脑出血，做了手术，现在说话不清楚",
    "我弟在矿上受伤，腰以下没知觉了",
    "工伤以后一直卧床，大小便都要人管",
    "右前臂毁损伤，医生说可能要截",
]


@pytest.mark.parametrize("message", GRAVE)
def test_the_brain_the_cord_or_a_limb_destroyed_in_the_records_words_is_urgent(message: str) -> None:
    decision = _decision(message)
    assert decision.danger_to_life, decision.codes
    assert "death_or_serious_injury" in decision.codes


# --- digits lost in the surgeon's words, months in hospital in days, a grade told otherwise: a ticket ----------

TOLD_OTHERWISE = [
    "冲床事故，右手第2、3指离断，做了再植手术",
    "右手示指、中指离断伤，再植失败",
    "右手第二至第四指缺损",
    "左手拇指离断，没接上",
    "四根手指被冲床压碎了",
    "左手被压面机卷进去，手掌脱套伤，植了皮",
    "住院一百多天了，单位一直没来人",
    "住了半年院，现在出院了，工伤还没认定",
    "评残结果出来了，八级，老板只愿意赔三万",
    "伤残等级鉴定为捌级，一次性补助金怎么算",
    "工伤鉴定结论：五级，能不能保留劳动关系",
]


@pytest.mark.parametrize("message", TOLD_OTHERWISE)
def test_digits_lost_a_long_stay_or_a_grade_told_in_other_words_escalates(message: str) -> None:
    decision = _decision(message)
    assert _escalated_for_the_injury(decision), decision.codes


# --- look-alikes: nothing opens ----------------------------------------------------------------------------------

LOOK_ALIKES = [
    # A single digit's defect, a nail: minor.
    "小拇指指甲缺损了一块",
    "门牙缺损，补了一颗",
    # Healed long ago, in other words than 已经好了.
    "三年前小腿骨折早就好了，现在想问年假怎么休",
    # A stranger heard of.
    "听说隔壁厂有人胳膊被绞断了，我们厂的机器也没防护，能举报吗",
    # Grades 9–10, or not yet known.
    "鉴定结论是九级伤残，补助金怎么算",
    "评残结果还没出来，估计十级",
    # Everyday names of a part with a trifling harm.
    "脚脖子扭了一下，贴了膏药",
    "胳膊肘磕青了",
    "手机摔裂了屏幕，公司让我自己赔",
]


@pytest.mark.parametrize("message", LOOK_ALIKES)
def test_a_look_alike_opens_no_injury_ticket(message: str) -> None:
    decision = _decision(message)
    assert not _escalated_for_the_injury(decision), decision.codes
