"""Session 11: escalation recall on wording nobody tuned on — a death told as an event or in a family's words, an
injury told in everyday words whose own message grades it or whose route is blocked (the severity policy's
tier b), care stopped for want of money, a whole workforce's insurance stopped, a chain told as 大老板 → 小老板.
And the look-alikes that must stay quiet: a question about the law with no death told, a supposed death, a graze,
a phone thrown, an injury with only a platform named. Messages written for these tests."""

from __future__ import annotations

import copy
import tomllib
from datetime import date

import pytest

from assistant.config import CORPUS_DIR
from assistant.escalation import load_rules
from assistant.escalation.policy import EscalationDecision, decide
from assistant.escalation.severity import SeverityError, parse_severity

TODAY = date(2026, 12, 5)
RULES = load_rules(with_model=False)
WITH_BOOSTER = load_rules()


def _decision(*messages: str, booster: bool = False) -> EscalationDecision:
    *history, question = messages
    return decide(question, history, today=TODAY, rules=WITH_BOOSTER if booster else RULES)


# --- deaths ----------------------------------------------------------------------------------------------------

# A death told as an event (how, where, when, the care after it) but asked as a question about the money or the
# standard, with no relative or co-worker named: the family asking after a death, not a question about the law.
DEATH_EVENTS = [
    "在工地干活时从楼上掉下来死亡，赔偿标准是多少？",
    "上班途中发生车祸死亡，一次性工亡补助金怎么算？",
    "在厂里上夜班突发疾病死亡，公司应该怎么赔？",
    "在公司宿舍猝死的，能不能认定为工亡，死亡赔偿标准是什么",
    "在外省打工期间意外死亡，户口是农村的，死亡赔偿金按城镇还是农村标准算？",
]

# A death in a family's words, with no death word the screen knew.
DEATH_WORDS = [
    "儿子在厂里上夜班，早上发现倒在机台边上，已经没有呼吸了，厂里报警了，我们该怎么办",
    "人都没了，老板就给三万块，这是人命啊，我们该怎么维权",
    "我哥在外面打工出了意外，人走得很突然，单位说是他自己违规操作，赔命钱该怎么要",
    "他走了以后，公司派人来说给十五万一次性了结，我们家属能不能不签",
    "我家那位在煤矿井下作业遇到塌方，没能出来，矿上要我们签协议",
    "我大哥在工地出了事，现在后事还没办，老板说等保险公司来了再说",
    "我表弟在工地高空作业坠亡，才二十二岁，工头现在人都找不到了",
    "俺男人在砖厂出窑的时候被砖墙砸了，送到县医院人就不中了",
    "老公在厂里突然倒下，送医院也没能醒过来，现在厂里说等调查结果",
    "哥哥在外地工地干活出了事故，我们赶过去的时候人已经在太平间了",
    "我们村一个人在外面打工死了，老板只给了五万块就不管了，家里老人孩子怎么办",
    "我弟在工厂宿舍里一睡就再也没有醒来，厂里说不是在工作时间",
    "他干活的时候被卷进传送带，等机器停下来已经来不及了",
]


@pytest.mark.parametrize("text", DEATH_EVENTS + DEATH_WORDS)
def test_a_death_told_in_any_wording_opens_the_safety_block(text: str) -> None:
    decision = _decision(text)
    assert decision.danger_to_life, decision.codes
    assert "death_or_serious_injury" in decision.codes
    assert any(r.category == "death" for r in decision.reasons)


# No death told: the formula, a year's standard. Session 15 (issue 14: a death counts even when asked as a rule
# question — both labellers of the real forum questions hold it for a lawyer): an ordinary ticket, never the safety
# block (nobody is in danger now).
DEATH_RULE_QUESTIONS = [
    "工亡补助金一般是怎么计算的",
    "2025年广东的一次性工亡补助金是多少",
    "死亡赔偿金和工亡补助金有什么区别",
]


@pytest.mark.parametrize("text", DEATH_RULE_QUESTIONS)
def test_a_question_about_death_benefits_opens_a_ticket_without_the_safety_block(text: str) -> None:
    decision = _decision(text)
    assert decision.escalate and "death_benefits" in decision.codes, decision.codes
    assert not decision.danger_to_life
    assert decision.safety_message is None


# A supposed death, a funeral leave: quiet.
NOT_A_DEATH = [
    "如果上班时猝死，家属能拿到多少赔偿",
    "工地上要是有人出意外死了，工亡补助金一般是多少",
    "我奶奶去世了，公司给几天丧假",
]


@pytest.mark.parametrize("text", NOT_A_DEATH)
def test_a_question_about_the_law_with_no_death_told_stays_quiet(text: str) -> None:
    decision = _decision(text)
    assert not decision.escalate, [(r.code, r.evidence) for r in decision.reasons]


def test_a_death_long_settled_is_set_aside_but_one_paid_short_is_not() -> None:
    settled = _decision("我爸十年前在工地去世，当时已经拿了赔偿，现在想问他的养老保险个人账户能不能继承")
    assert not settled.escalate
    assert any(a.status == "settled" for a in settled.set_aside)
    short = _decision("我爸三年前在工地去世，当时已经拿了赔偿，现在发现老板少给了")
    assert short.danger_to_life
    recent = _decision("我爸上个月在工地去世，当时已经拿了赔偿，但是只给了十万")
    assert recent.danger_to_life


# --- injuries told in everyday words ------------------------------------------------------------------------


def _tier(decision: EscalationDecision) -> str:
    if decision.danger_to_life:
        return "urgent"
    if "injury_review" in decision.codes:
        return "ticket"
    return "other" if decision.escalate else "none"


def test_paralysis_told_beside_an_everyday_injury_is_urgent() -> None:
    decision = _decision("老公搬货时被货架砸伤，现在瘫在床上，公司说他是临时工")
    assert _tier(decision) == "urgent"
    assert decision.safety_message
    assert any(r.category == "serious_injury" for r in decision.reasons)


# Lasting loss told by what the worker can no longer do: the policy's tier b, with no context needed.
LASTING = [
    "我在车间被铁屑崩到眼睛，现在左眼看不清东西了",
    "我在厂里被机器轧到手，手术后手指伸不直了，握不住东西",
    "在厂里受了伤，做了手术取了钢板，现在干不了重活了",
    "老婆在食品厂被绞肉机绞伤了右手，手指头只剩两根了",
]


@pytest.mark.parametrize("text", LASTING)
def test_lasting_loss_beside_an_everyday_injury_opens_an_ordinary_ticket(text: str) -> None:
    assert _tier(_decision(text)) == "ticket"


# The ordinary 工伤 route blocked in so many words: denied, no insurance, pressed to sign, let go, the year
# nearly out, the worker blamed.
BLOCKED = [
    "我在厂里受伤了，社保一直没交，现在医药费都是借的",
    "上班时被叉车撞伤了脚，公司不愿意赔，说让我找叉车司机",
    "我在工地摔伤了，包工头叫我签个字拿五千走人",
    "在仓库被货砸伤了腰，休息了一个月，公司就把我解雇了",
    "我去年年底在厂里砸伤了脚，一直拖着，现在快满一年了",
    "老婆在厂里被机器绞伤了手，厂里说她违规操作",
]


@pytest.mark.parametrize("text", BLOCKED)
@pytest.mark.parametrize("booster", [False, True])
def test_an_everyday_injury_whose_route_is_blocked_opens_an_ordinary_ticket(text: str, booster: bool) -> None:
    decision = _decision(text, booster=booster)
    assert _tier(decision) in ("ticket", "urgent"), decision.codes
    assert decision.escalate


# No injury worth a ticket: a graze, a phone thrown, a supposed fall, a platform named with nothing blocked, an
# injury the employer already reported.
QUIET_INJURIES = [
    "众包骑手被车撞了腿，擦破点皮，平台保险能赔吗",
    "我的手机被老板摔坏了，能让他赔吗",
    "如果在上班路上摔伤了算工伤吗",
    "送外卖的时候被狗咬了，打了狂犬疫苗，算工伤吗",
    "我在仓库扭伤了腰，公司已经给报了工伤，停工留薪期工资怎么发",
]


@pytest.mark.parametrize("text", QUIET_INJURIES)
def test_an_injury_with_nothing_blocked_opens_no_ticket(text: str) -> None:
    decision = _decision(text)
    assert not decision.escalate, [(r.code, r.evidence) for r in decision.reasons]


# Not the worker's route blocked: the employer asking its own duties, a question whether it counts, a practice
# described as a condition.
NOT_BLOCKED = [
    "我开了个小超市，店员搬货时砸伤了脚，我没给她买保险，现在要我赔多少",
    "公司派我去外地培训，路上出租车出了车祸，这算不算工伤",
    "在那种小厂干活，伤了也不管，这种厂能不能去",
    "不算工伤，是放假在家里修房顶摔伤的，公司能扣我全勤奖吗",
]


@pytest.mark.parametrize("text", NOT_BLOCKED)
def test_an_everyday_injury_is_not_lifted_for_the_employer_a_question_or_a_condition(text: str) -> None:
    assert "injury_review" not in _decision(text).codes


# --- the rare ticket classes -------------------------------------------------------------------------------

CARE_STOPPED = [
    "受伤住院了，老板不垫付医药费，医院说再不交钱就停药",
    "我在车间被烫伤了，老板让我自己出钱治，说好了再报",
    "我在工地上被砸伤了腿，包工头说没钱给我看病，让我自己想办法",
    "受伤后在医院住了一周，公司不交住院费了，医院让我们出院",
    "在工地摔伤后，老板把我送回宿舍，说歇几天就好了，现在腿肿得很厉害",
    "工伤住院期间，公司拒绝支付后续治疗费用，医生说还要做手术",
]


@pytest.mark.parametrize("text", CARE_STOPPED)
def test_care_stopped_for_want_of_money_is_danger_now(text: str) -> None:
    decision = _decision(text)
    assert "danger_medical" in decision.codes
    assert decision.danger_to_life


def test_care_already_given_is_not_withheld() -> None:
    assert not _decision("我工伤住院的医药费公司已经垫付了，出院后还要复查，这个费用谁出").escalate
    assert not _decision("工伤医疗费报销需要哪些单据").escalate


def test_a_whole_workforce_whose_insurance_stopped_is_a_collective_dispute() -> None:
    assert "collective_dispute" in _decision("厂里所有人的社保都停缴了，我们集体要求补缴").codes
    # A small group counted is not a collective dispute.
    assert "collective_dispute" not in _decision("我们三个人的社保都停缴了，怎么补缴").codes


# A workforce told by a vague count of its own, or by what it suffers together.
COLLECTIVE = [
    "我们公司很多员工都被拖欠了工资，能不能一起去仲裁",
    "厂里好多工人都没拿到上个月的工资，老板躲着不见",
    "同事们都被公司强制降薪了，大家能不能一起起诉",
    "公司停产放假，全厂工人只发最低生活费，已经半年了",
    "我们工地上百号人的工钱都没有发",
]


@pytest.mark.parametrize("text", COLLECTIVE)
def test_a_workforce_told_without_a_number_is_a_collective_dispute(text: str) -> None:
    assert "collective_dispute" in _decision(text).codes


def test_one_worker_laid_off_or_a_small_group_is_no_collective_dispute() -> None:
    assert "collective_dispute" not in _decision("公司裁员裁了我一个，补偿怎么算").codes
    assert "collective_dispute" not in _decision("我和另外两个同事的工资被扣了，怎么办").codes


def test_a_chain_told_as_the_big_boss_and_the_small_boss() -> None:
    text = "我跟一个小老板干活，他是从大老板那里接的活，大老板说钱早给小老板了，小老板跑了"
    assert "employer_chain" in _decision(text).codes
    # One boss and his wife are no chain.
    assert "employer_chain" not in _decision("老板和老板娘都说工资下个月再发，我该怎么办").codes


def test_a_malformed_told_section_fails_at_load() -> None:
    data = tomllib.loads((CORPUS_DIR / "injury_severity.toml").read_text(encoding="utf-8"))
    broken = copy.deepcopy(data)
    broken["told"]["injuries"] = ["(?:受伤"]
    with pytest.raises(SeverityError, match="told"):
        parse_severity(broken, RULES.lexicons, "injury_severity.toml")
