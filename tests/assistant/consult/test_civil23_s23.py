"""Session 23 (issue 13, civil23): injuries with a third party — the civil road beside 工伤, and the low offer. Three
classes two lawyers found reading unseen answers blind, tested in the team's own wording:

- 人身损害赔偿 asked: the opening says how the two roads relate (工伤 against the employer, the civil claim against the
  one who caused it, both, medical costs once; a private hire's injury is the civil claim, 民法典 1192) and names
  every head of 民法典 1179 (1183 for serious harm) with the way courts price 残疾赔偿金; a grade is called the
  forensic one only when the worker said so;
- a low offer from the other side or its insurer: 先别签, the offer looks far too low, the heads it must cover, and on
  the commute (not mainly the worker's fault) 工伤 as a second sum — not the two grading systems;
- a commute accident asked 能享受哪些待遇: why it is 工伤 (the other side's share → not mainly the worker's fault,
  工伤保险条例 14(6)) and the benefits listed, the civil claim beside them."""

from __future__ import annotations

from datetime import date

from assistant.answer import AnswerService
from assistant.consult.facts import extract_facts

TODAY = date(2026, 12, 5)


def _plan(service: AnswerService, question: str):  # noqa: ANN202 - the service's plan type
    return service.prepare(question, []).request.plan


def _opening(service: AnswerService, question: str) -> str:
    return " ".join(s.text for s in _plan(service, question).conclusion)


def _cited(service: AnswerService, question: str) -> set[tuple[str, int, int | None, int | None]]:
    plan = _plan(service, question)
    return {(ref.law, ref.article, ref.paragraph, ref.item) for s in plan.conclusion for ref in s.cite}


# --- the facts the classes turn on ----------------------------------------------------------------------------


def test_the_police_finding_told_with_its_verb_puts_the_fault_on_the_other_side() -> None:
    values = extract_facts(["下班路上出了交通事故，交警认定对方负全部责任"], TODAY).values()
    assert values.get("other_party_at_fault") is True
    values = extract_facts(["上班途中被撞，对方承担主要责任"], TODAY).values()
    assert values.get("other_party_at_fault") is True


def test_a_road_vehicle_before_the_collision_is_a_traffic_accident_but_a_forklift_is_not() -> None:
    assert extract_facts(["骑车上班被渣土车撞断了腿"], TODAY).values().get("traffic_accident") is True
    assert extract_facts(["车间里被叉车撞得骨头碎了"], TODAY).values().get("traffic_accident") is None


def test_another_company_that_did_the_harm_is_a_third_party() -> None:
    values = extract_facts(["在码头装货，被别的公司的吊车砸伤了腰"], TODAY).values()
    assert values.get("third_party_harm") is True


def test_the_insurer_naming_a_sum_offers_to_settle() -> None:
    values = extract_facts(["对方全责，保险公司给八千块，让我签字"], TODAY).values()
    assert values.get("settlement_offered") == 8000


def test_a_grade_told_as_the_forensic_one_is_read() -> None:
    assert extract_facts(["法医鉴定是八级伤残"], TODAY).values().get("civil_grade") is True
    assert extract_facts(["劳动能力鉴定评了八级"], TODAY).values().get("civil_grade") is None


# --- 人身损害赔偿 asked ------------------------------------------------------------------------------------------


def test_the_civil_claim_asked_names_both_roads_and_every_head(service: AnswerService) -> None:
    question = "在车间门口被外面物流公司的货车倒车撞伤，评了三级伤残，想走人身损害赔偿，能赔哪些？"
    plan = _plan(service, question)
    assert plan.selected[0] == "work_injury_benefits/civil_route"
    said = _opening(service, question)
    assert said.startswith("分两条路")
    assert not said.startswith("司法鉴定")  # no forensic appraisal was told
    for head in (
        "医疗费",
        "护理费",
        "营养费",
        "误工费",
        "辅助器具费",
        "残疾赔偿金",
        "精神损害抚慰金",
        "人均可支配收入",
    ):
        assert head in said
    assert "给私人" in said  # no labour relation: the civil claim against the hirer (1192)
    laws = _cited(service, question)
    assert ("民法典", 1179, None, None) in laws
    assert ("民法典", 1183, 1, None) in laws


def test_a_forensic_grade_told_is_set_apart_from_the_work_injury_grade_with_the_heads(
    service: AnswerService,
) -> None:
    said = _opening(service, "车祸后法医给评了七级，人身损害赔偿按什么算？")
    assert said.startswith("司法鉴定的7级不能直接当工伤等级用")
    assert "残疾赔偿金" in said and "人均可支配收入" in said and "辅助器具费" in said


# --- a low offer from the other side or its insurer -------------------------------------------------------------


def test_a_low_insurer_offer_after_a_commute_crash_is_not_to_be_signed(service: AnswerService) -> None:
    question = (
        "晚上下班路上被一辆私家车撞了，交警认定对方全部责任，鉴定十级伤残，对方保险公司只出六千块，合理吗？"
    )
    plan = _plan(service, question)
    assert plan.selected[0] == "work_injury_benefits/third_party_offer"
    said = _opening(service, question)
    assert said.startswith("先别签，6000元看着太低了")
    for words in ("残疾赔偿金", "人均可支配收入", "误工费", "护理费", "精神损害抚慰金", "再要就很难", "工伤"):
        assert words in said
    assert "司法鉴定的" not in said  # not the two grading systems
    laws = _cited(service, question)
    assert ("工伤保险条例", 14, None, 6) in laws
    assert ("民法典", 1213, None, None) in laws


def test_an_offer_from_another_company_before_any_grade_is_not_to_be_signed(service: AnswerService) -> None:
    said = _opening(service, "在客户厂里送货被他们公司的铲车撞伤，对方说愿意赔三千私了，这个能答应吗？")
    assert said.startswith("先别签，3000元先别答应")
    assert "伤残鉴定之前" in said


def test_an_offer_already_signed_keeps_its_own_answer(service: AnswerService) -> None:
    plan = _plan(service, "下班被小车撞了对方全责，保险公司只给八千，我已经签了协议，还能再要吗？")
    assert plan.selected[0] != "work_injury_benefits/third_party_offer"


# --- a commute accident asked 能享受哪些待遇 --------------------------------------------------------------------


def test_a_commute_crash_not_mainly_ones_fault_opens_with_why_and_the_benefits(
    service: AnswerService,
) -> None:
    question = "早上骑电瓶车上班被面包车撞了，交警定对方全责，工伤能享受哪些待遇？"
    plan = _plan(service, question)
    assert plan.selected[0] == "work_injury_recognition/what_you_get"
    said = _opening(service, question)
    assert said.startswith("算工伤：")
    for words in (
        "非本人主要责任",
        "停工留薪期",
        "住院伙食补助费",
        "一次性伤残补助金",
        "伤残津贴",
        "一次性伤残就业补助金",
        "两边都能要",
    ):
        assert words in said
    assert ("工伤保险条例", 14, None, 6) in _cited(service, question)


def test_a_commute_crash_mainly_ones_own_fault_is_told_so(service: AnswerService) -> None:
    said = _opening(service, "下班路上出车祸，交警认定对方负30%的责任，我能享受哪些工伤待遇？")
    assert said.startswith("一般不算工伤")


def test_one_item_asked_after_a_commute_crash_keeps_its_own_answer(service: AnswerService) -> None:
    plan = _plan(service, "上班路上被车撞了对方全责，住院期间的护理费谁出？")
    assert plan.selected[0] != "work_injury_recognition/what_you_get"
