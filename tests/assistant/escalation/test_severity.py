"""Session 10: the severity line for injuries at work (corpus/injury_severity.toml, a union lawyer's policy). Of
the injuries the safety screen finds, life, limb or a likely grade 1–4 keep the urgent block (tier a); a likely
grade 5–8 or any injury with an aggravating context opens an ordinary ticket (tier b); a minor injury with no
such context is answered by the assistant alone with the 工伤 route (tier c). Also the session's classes told
in other words: serious harm by its treatment, care withheld, a whole workforce owed without a number. Messages
written for these tests."""

from __future__ import annotations

import copy
import tomllib
from datetime import date
from pathlib import Path

import pytest

from assistant.config import CORPUS_DIR
from assistant.escalation import RulesError, load_rules
from assistant.escalation.policy import EscalationDecision, decide
from assistant.escalation.severity import SeverityError, parse_severity

TODAY = date(2026, 12, 5)
RULES = load_rules(with_model=False)
WITH_BOOSTER = load_rules()


def _decision(*messages: str, booster: bool = False) -> EscalationDecision:
    *history, question = messages
    return decide(question, history, today=TODAY, rules=WITH_BOOSTER if booster else RULES)


def _tier(decision: EscalationDecision) -> str:
    if decision.danger_to_life:
        return "urgent"
    if "injury_review" in decision.codes:
        return "ticket"
    if decision.escalate:
        return "other ticket"
    return "assistant" if "death_or_serious_injury" in decision.situation_codes else "none"


# --- tier c: the assistant alone (before session 10 each was urgent with the safety block) ------------------

MINOR = [
    "冲床把我右手食指压掉了指尖一截，现在伤口在长，以后能评几级",
    "在厨房被热油烫伤了手背，去医院植了一小块皮，要休息多久",
]

# Session 14 (the lead's policy, from two independent labellers of the real forum questions and the issue's own
# blind labels): a bone beyond a finger, a toe or the nose broken — a wrist, a leg, ribs — opens the ordinary
# ticket, with no safety block (tier b: not life or limb).
BONE_BEYOND_A_DIGIT = [
    "我在仓库搬货时摔了一跤，右手腕骨折，打了石膏，公司说会按工伤处理，想问停工期间工资怎么算",
    "从梯子上摔下来，小腿骨折了，住了一个星期院，工伤怎么申请",
    "我在工地摔断了两根肋骨，门诊治疗，想问能评几级",
    "干活时被钢管砸到，锁骨骨折，现在在家休养，工伤怎么赔",
]


@pytest.mark.parametrize("booster", [False, True])
@pytest.mark.parametrize("text", BONE_BEYOND_A_DIGIT)
def test_a_bone_beyond_a_digit_broken_opens_an_ordinary_ticket(text: str, booster: bool) -> None:
    decision = _decision(text, booster=booster)
    assert decision.escalate and "injury_review" in decision.codes, [
        (r.code, r.evidence) for r in decision.reasons
    ]
    assert not decision.danger_to_life


@pytest.mark.parametrize(
    "text",
    [
        "如果干活摔断了腿算工伤吗",
        "我没有骨折，就是扭伤了脚踝",
        "拍了片子，手腕没骨折，就是软组织挫伤",
        "搬货时右手中指骨折，打了夹板，公司说会按工伤处理，想问停工期间工资怎么算",  # a finger: no ticket
        "脚趾被掉下来的箱子砸骨折了，工伤怎么申请",  # a toe: no ticket
    ],
)
def test_a_fracture_supposed_or_denied_opens_no_ticket(text: str) -> None:
    assert not _decision(text).escalate


@pytest.mark.parametrize("booster", [False, True])
@pytest.mark.parametrize("text", MINOR)
def test_a_minor_injury_with_no_aggravating_context_opens_no_ticket(text: str, booster: bool) -> None:
    decision = _decision(text, booster=booster)
    assert not decision.escalate, [(r.code, r.evidence) for r in decision.reasons]
    # The injury is kept for the answer: its situation (treat first, 工伤认定 within a year …) still opens it.
    assert "death_or_serious_injury" in decision.situation_codes
    assert any(a.status == "minor" for a in decision.set_aside)


# --- tier b: an ordinary ticket, no safety block ----------------------------------------------------------

TICKET = [
    "我在车间摔伤，腰椎压缩性骨折，住院两周了，想问能评几级",  # the spine without neurological signs
    "右手拇指被切纸机整根切掉了，厂里说会给报工伤",  # a whole thumb
    "我两根手指被机器切断了，接上了但是不能弯",  # two fingers, lasting loss
    "我在工地被砸到，骨盆骨折，医生说以后走路可能会一瘸一拐",  # the pelvis, a limp
    "我左眼被铁屑崩到，视力下降到零点二",  # one eye's sight badly reduced
    "工伤鉴定评了六级，公司想跟我解除合同",  # a grade 5–6 stated
    # A minor injury lifted by its context: denial, no insurance, a platform, pressure, the time limit, 17.
    "手腕骨折，打了钢板，老板说是我自己不小心，不给报工伤",
    "小腿骨折了，公司没给我交工伤保险，该怎么办",
    "送外卖路上摔骨折了，站点说我是众包的不管",
    "手指骨折，老板让我签个协议拿五千块走人",
    "我17岁，在厂里干活把手指压骨折了",
    "我弟在厂里被机器划了一道口子，缝了几针，厂里让他自己出钱",
]


@pytest.mark.parametrize("text", TICKET)
def test_a_likely_middle_grade_or_a_blocked_route_opens_an_ordinary_ticket(text: str) -> None:
    decision = _decision(text)
    assert _tier(decision) == "ticket", [(r.code, r.evidence) for r in decision.reasons]
    assert decision.priority == "high" and decision.safety_message is None


# --- tier a: urgent, the safety block first ------------------------------------------------------------------

URGENT = [
    "被机器卷进去，右手整只手都没了",
    "从高处摔下来，腰椎骨折，下半身没有知觉",
    "我爸被砸到头，颅内出血，还在ICU",
    "左眼被钢筋扎了，医生说眼球保不住",
    "我被锅炉的蒸汽烫伤了脸和胸口，二度烫伤",  # burns on the face and the trunk (the screen missed them)
    "被电锯割到大腿，动脉断了，差点没命",
    "手指骨折了，厂里不让去医院，说缠一下就行",  # care withheld lifts any injury to urgent
    "我在工地上摔伤了腰，包工头不给治，让我回家养着",  # care withheld in everyday words
    "我老公在工地受伤后，包工头说等工程结束再带他去看，已经一个星期了",  # care put off
]


@pytest.mark.parametrize("text", URGENT)
def test_life_limb_or_care_withheld_stays_urgent(text: str) -> None:
    decision = _decision(text)
    assert _tier(decision) == "urgent", [(r.code, r.evidence) for r in decision.reasons]
    assert decision.safety_message


def test_care_withheld_is_read_only_when_it_is_withheld_now() -> None:
    # Seen by a doctor the next day, healed in two days: nothing is withheld now.
    text = "上个月摔了一跤膝盖青了，组长让我先回宿舍歇着，第二天我自己去医院看了，医生说没伤到骨头，歇了两天就好了"
    assert "danger_medical" not in _decision(text).codes
    assert "danger_medical" not in _decision("等周末再带孩子去看牙，公司让请假吗").codes


def test_months_in_hospital_is_serious_harm_told_by_its_treatment() -> None:
    decision = _decision("我在车间被砸伤，住院住了四个多月，现在还下不了床，公司让我辞职")
    assert _tier(decision) == "ticket"
    # Half a month is no months; sick leave of two months is no stay in hospital.
    assert not _decision("我在工地摔伤了腰，住了半个月院，出院后能休多久").escalate
    assert "injury_review" not in _decision("做手术住院请了两个月病假，公司就叫我别来了").codes


def test_a_supposed_or_healed_minor_injury_opens_nothing_whatever_the_context() -> None:
    assert not _decision("如果送外卖路上摔骨折了，平台会管吗").escalate
    assert not _decision("手指骨折已经好了，当时公司没交社保，现在想问怎么补缴").escalate


def test_a_death_is_never_graded() -> None:
    decision = _decision("我老公在工地从架子上摔下来，腿骨折，送到医院没抢救过来")
    assert decision.danger_to_life and "death_or_serious_injury" in decision.codes


# --- a whole workforce owed, told without a number -----------------------------------------------------------

COLLECTIVE = [
    "我们车间的人全被欠了半年工资，大伙一起去找老板，老板不见人",
    "大家一起不干了，厂里欠了我们所有人两个月的工资",
    "工地上所有工人的工钱都没结，包工头跑了，我们要一起去讨",
]
NOT_COLLECTIVE = [
    "我和另外三个工友被欠了两个月工资，大家一起去要",  # a small group counted
    "公司所有员工都要签集体合同吗",  # no grievance
    "大家都说今年年终奖会多发一点，是真的吗",
]


@pytest.mark.parametrize("text", COLLECTIVE)
def test_a_whole_workforce_owed_is_a_collective_dispute(text: str) -> None:
    assert "collective_dispute" in _decision(text).codes


@pytest.mark.parametrize("text", NOT_COLLECTIVE)
def test_a_small_group_or_no_grievance_is_none(text: str) -> None:
    assert "collective_dispute" not in _decision(text).codes


# --- the data is checked at load ------------------------------------------------------------------------------


def _raw() -> dict:
    return tomllib.loads((CORPUS_DIR / "injury_severity.toml").read_text(encoding="utf-8"))


def test_a_missing_section_or_a_bad_expression_fails_at_load_in_chinese() -> None:
    raw = _raw()
    del raw["context"]
    with pytest.raises(SeverityError, match="缺少 \\[context\\]"):
        parse_severity(raw, RULES.lexicons, "injury_severity.toml")
    raw = copy.deepcopy(_raw())
    raw["minor"]["injuries"].append("骨折(")
    with pytest.raises(SeverityError, match="正则表达式"):
        parse_severity(raw, RULES.lexicons, "injury_severity.toml")
    raw = copy.deepcopy(_raw())
    raw["urgent"]["signals"].append("@no_such_lexicon")
    with pytest.raises(SeverityError, match="未知的词表"):
        parse_severity(raw, RULES.lexicons, "injury_severity.toml")


def test_an_unknown_context_code_fails_at_load(tmp_path: Path) -> None:
    raw = (CORPUS_DIR / "injury_severity.toml").read_text(encoding="utf-8")
    (tmp_path / "injury_severity.toml").write_text(
        raw.replace("context_codes = [", 'context_codes = ["no_such_code", '), encoding="utf-8"
    )
    (tmp_path / "escalation.toml").write_text(
        (CORPUS_DIR / "escalation.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    with pytest.raises(RulesError, match="no_such_code"):
        load_rules(tmp_path / "escalation.toml", with_model=False)


# --- a death told by the rites after it, serious harm by its treatment (rules alone: the booster only guessed) --

DEATH_BY_RITES = [
    "我老公上个月在厂里出事，下个礼拜就是头七了，厂里到现在没人来",
    "我哥在工地干活出事，我们刚把他下葬，包工头电话就打不通了",
    "我儿子在车间倒下，人没撑到医院，厂里说是他自己有病",
    "我弟在隧道被石头砸了，送医院时人已经凉了",
    "俺们村的二叔在工地摔下来没熬过那个晚上，包工头跑了",
    "我老公在工地被砸，灵堂都设好了，老板还不露面",
    "我爸在工地干了二十年，送他最后一程那天包工头都没来",
]


@pytest.mark.parametrize("text", DEATH_BY_RITES)
def test_a_death_told_by_its_rites_is_a_death(text: str) -> None:
    decision = _decision(text)
    assert decision.danger_to_life
    assert any(r.code == "death_or_serious_injury" and r.category == "death" for r in decision.reasons)


@pytest.mark.parametrize(
    "text",
    ["我在厂里被铁水烫伤，全身百分之三十，还在烧伤科", "我老公被砸到脊椎，医生说以后可能要坐轮椅"],
)
def test_serious_harm_told_by_its_extent_or_its_aid_is_urgent(text: str) -> None:
    assert _tier(_decision(text)) == "urgent"


def test_not_knowing_what_to_do_is_no_threat_to_the_family() -> None:
    decision = _decision("丈夫在工地出事，医生说脑死亡，家里人不知道该怎么办")
    assert "danger_violence" not in decision.codes and decision.danger_to_life
