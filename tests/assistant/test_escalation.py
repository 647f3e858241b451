"""The escalation policy: one table per trigger, the traps that must not trigger, and the structured
extractors (sums, head counts, ages, dates). All phrasings here are written for the tests, not taken
from the labelled dev set (bench/escalation_bench.py measures that one)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.answer.models import Confidence
from assistant.escalation import (
    EscalationPolicy,
    PolicyInput,
    RulesError,
    decide,
    explicit_request,
    load_rules,
    suggest_escalation,
)
from assistant.escalation.extract import find_amounts, find_collective, find_minor_at_work, find_time_limits

TODAY = date(2026, 11, 25)


def codes(question: str, history: tuple[str, ...] = (), **kwargs: object) -> list[str]:
    return decide(question, history, today=TODAY, **kwargs).codes  # type: ignore[arg-type]  # test helper


TRIGGERS: dict[str, list[str]] = {
    "explicit_request": [
        "我要找律师",
        "麻烦帮我联系一位律师",
        "我想找工会律师咨询一下",
        "能不能让律师跟我聊聊",
        "机器人说不清楚，我要人工",
        "转人工",
        "请安排律师给我打个电话",
        "可以给我打个电话吗",
        "有没有人能帮帮我",
        "找人帮我去跟厂里说说",
    ],
    "danger_self_harm": [
        "真的撑不下去了，想从厂房顶上跳下去",
        "讨不到钱我就喝百草枯",
        "活着太累了，不想活了",
        "我已经买好了安眠药",
        "我站在工地塔吊上，不给钱我不下来",
        "我想自杀",
        "欠了半年工资，真想一了百了",
    ],
    "danger_violence": [
        "老板再不给钱，我就捅了他",
        "包工头放话说要我的命",
        "我准备带汽油去把他店烧了",
        "我要跟他同归于尽",
        "工头说再闹就弄死我",
    ],
    "death_or_serious_injury": [
        "我弟弟在工厂被机器绞死了",
        "同事从脚手架上掉下来，当场死亡",
        "我老公工作时出了车祸，现在是植物人",
        "手被卷进机器，整只手都没了",
        "工伤鉴定为二级伤残",
        "我爸在工地被砸成重伤，还在抢救",
        "出差路上出了事故，我哥到现在下落不明",
    ],
    "occupational_disease": [
        "在矿上干了十几年，现在确诊矽肺",
        "电镀厂干活，体检查出来苯超标，医生怀疑职业病",
        "喷漆车间好几个人铅中毒",
    ],
    "collective_dispute": [
        "全厂两百多人都三个月没发工资了，大家准备一起去劳动局",
        "我们工地的农民工准备集体罢工",
        "几十号人被拖欠工资，要去政府门口讨说法",
        "工友们商量着去堵高速",
        "明天我们全组停工，不给钱就不干",
    ],
    "criminal_angle": [
        "老板把我们的身份证扣着不还",
        "工头不让我们出宿舍，门都锁了",
        "老板欠薪跑了，这算不算犯罪",
        "讨薪的时候被保安打伤了",
        "能不能追究老板的刑事责任",
    ],
    "amount_high": [
        "公司欠我们年终奖一共七万五",
        "要我赔偿公司10万元",
        "欠薪56000元",
        "工伤赔偿算下来有5万块",
        "欠我五万块钱工钱",
        "拖了我50000元",
    ],
    "child_labour": [
        "我弟才13岁就被带去砖厂干活",
        "厂里有不满十六岁的孩子在流水线上干",
        "饭店里雇了个童工",
    ],
    "time_limit_passed": [
        "2025年10月被辞退的，现在还能申请仲裁吗",
        "去年十月出的工伤，公司一直没给申请",
        "辞职一年半了，当时的加班费还能要吗",
        "离职两年多了，公司一直欠着我工资",
    ],
    "time_limit_near": [
        "离职都十一个月了，还能要加班费吗",
        "仲裁时效马上到期了",
        "被开除快一年了，补偿一直没给",
    ],
}

# The 2026-12-05 pass: ways distress and danger are voiced that the first lists missed.
MORE_DANGER: dict[str, list[str]] = {
    "danger_self_harm": [
        "讨了半年钱没讨到，我是活够了",
        "实在不行我就一死了之",
        "遗书我都写好了",
        "我被逼得走投无路了，工钱一分没有",
        "今晚就在出租屋里烧炭算了",
    ],
    "danger_violence": [
        "再不给钱我就跟他鱼死网破",
        "我已经买好了硫酸",
        "包工头说要找人打断我的腿",
        "他说要找人把我手打断",
        "我们打算去把他的办公室砸了",
    ],
    "danger_medical": [
        "工友从架子上摔下来流了很多血，老板不让叫救护车",
        "我手被机器绞了，老板不送我去医院",
        "车间里有人晕倒了，好像是煤气中毒",
        "隧道塌方有两个人被埋在下面",
        "师傅摔下来胳膊还在流血，工头不许我们叫120",
    ],
}
for _code, _questions in MORE_DANGER.items():
    TRIGGERS[_code] = TRIGGERS.get(_code, []) + _questions

NON_TRIGGERS = [
    # Words of the 2026-12-05 danger pass in ordinary questions.
    "开车上班路上被撞了算工伤吗",
    "在后厨切菜刀子划伤了手，能报工伤吗",
    "去年加班晕倒过一次，算不算工伤",
    "押金被老板吞了怎么要回来",
    # 律师 mentioned, no request for a person
    "律师费一般谁来出",
    "我朋友是律师，他说公司这样不对",
    "请律师打官司要多少钱",
    "我不用找律师吧，自己能搞定吗",
    "我把公司告了，律师说胜算很大",
    # the worker declines a person
    "不要转人工，你直接告诉我怎么算",
    "我不要人工，就想知道加班费怎么算",
    "先不转人工，我再问问",
    "不需要人工客服，年假有几天",
    # a trigger word inside another word
    "公司停工期间的生活费怎么发",
    "停工留薪期工资按多少算",
    "人工智能会取代我的工作吗，公司能因此裁员吗",
    "本人工资怎么认定",
    "个人工资所得税谁交",
    "公司人工成本高就能降我工资吗",
    "跳槽后原公司不给离职证明",
    "集体合同里写的工资标准比我现在的高",
    "发烧了能请病假吗，会扣钱吗",
    # idioms with 死 and hardship phrasing
    "上班累死了，加班费怎么算",
    "笑死我了，老板说加班是福报",
    "我老板说话气死人",
    "死活不给开工资条",
    "工资低得都快活不下去了，这合法吗",
    "加班累得要命",
    "拼命干了一年，年终奖一分没有",
    # below the thresholds
    "月薪一万五，公司迟发了十天",
    "年薪30万，被辞退补偿怎么算",
    "公司让我赔3000块的损失",
    "欠了我4万8",
    "我们宿舍四个人都没签合同",
    "我们公司有两百多个员工，年假怎么算",
    "我17岁，能去奶茶店打工吗",
    "孩子12岁了，公司不让我请假去开家长会",
    "干活时手划了个小口子，能报工伤吗",
    # dates that are no event, or far from the limit
    "离职两个月了，公司还没结工资",
    "仲裁时效是从哪天开始算",
    "2026年8月离职的，现在申请仲裁来得及吗",
    "公司要我签保密协议，离职后三年内不能透露",
    "在厂里干了快一年了，能休年假吗",
    "合同去年年底到期了还在干",
    "我去年三月入职，还没签合同",
    "前年摔伤的腰又疼了，还能按工伤报销吗",
    # someone else's phone call, an employer who vanished
    "老板给我打电话说明天不用来了，算辞退吗",
    "可以打电话投诉吗",
    "老板失踪了，工资找谁要",
    "工地上打架被开除了，合法吗",
    "一个月加班80个小时正常吗",
    "请问怎么联系当地的劳动监察",
]


@pytest.mark.parametrize(
    ("code", "question"), [(code, q) for code, questions in TRIGGERS.items() for q in questions]
)
def test_trigger(code: str, question: str) -> None:
    decision = decide(question, today=TODAY)
    assert decision.escalate
    assert code in decision.codes, [(r.code, r.evidence) for r in decision.reasons]
    reason = next(r for r in decision.reasons if r.code == code)
    assert reason.text and reason.evidence  # every reason says why, in words the lawyer can check


@pytest.mark.parametrize("question", NON_TRIGGERS)
def test_ordinary_questions_do_not_escalate(question: str) -> None:
    decision = decide(question, today=TODAY)
    assert not decision.escalate, [(r.code, r.evidence) for r in decision.reasons]
    assert decision.priority is None and decision.safety_message is None


def test_danger_is_urgent_with_safety_message_first() -> None:
    decision = decide("讨不回工钱，我不想活了", today=TODAY)
    assert decision.danger_to_life and decision.priority == "urgent"
    assert decision.reasons[0].code == "danger_self_harm"
    message = decision.safety_message or ""
    for number in ("110", "120", "12356", "12351"):
        assert number in message
    assert "不要动手" not in message  # the violence lines only for violence


def test_violence_message_warns_against_acting() -> None:
    decision = decide("再不给钱我就拿刀去找他", today=TODAY)
    assert decision.danger_to_life and "不要动手" in (decision.safety_message or "")


def test_trigger_in_an_earlier_turn_escalates_the_follow_up() -> None:
    history = ("我们班组二十多个人被拖欠工资，准备一起去讨薪",)
    decision = decide("那要带什么材料", history, today=TODAY)
    assert decision.codes == ["collective_dispute"]
    assert decision.reasons[0].turn == 0


def test_quality_and_feedback_inputs() -> None:
    assert codes("加班费怎么算") == []
    assert codes("加班费怎么算", confidence_level="low") == ["low_confidence"]
    assert codes("加班费怎么算", confidence_level="medium", confidence_score=0.1) == ["low_confidence"]
    # A "low" level whose score is at or above the threshold is told to the worker, not ticketed.
    assert codes("加班费怎么算", confidence_level="low", confidence_score=0.28) == []
    assert codes("加班费怎么算", confidence_level="low", confidence_score=0.2) == ["low_confidence"]
    assert codes("加班费怎么算", verified_citations=0) == ["no_verified_citation"]
    assert codes("加班费怎么算", verified_citations=2, confidence_level="high") == []
    assert codes("加班费怎么算", negative_feedback=1) == []
    assert codes("加班费怎么算", negative_feedback=2) == ["negative_feedback"]


def test_reasons_are_ordered_by_priority_and_serialisable() -> None:
    decision = decide("我要找律师，老板把我们身份证都收了，我真不想活了", today=TODAY)
    assert decision.codes == ["danger_self_harm", "criminal_angle", "explicit_request"]
    data = decision.as_dict()
    assert data["priority"] == "urgent" and data["danger_to_life"] is True
    assert {"code", "text", "priority", "evidence"} <= set(data["reasons"][0])


def test_answer_layer_hook_keeps_its_contract() -> None:
    low = Confidence("low", 0.1, ["没有找到能够核实的法条依据"])
    assert suggest_escalation("加班费怎么算", low).suggested
    high = Confidence("high", 0.95)
    assert not suggest_escalation("加班费怎么算", high).suggested
    assert suggest_escalation("那要带什么材料", high, history=["我们四十多个工友一起讨薪"]).suggested
    assert explicit_request("给我转人工") and not explicit_request("本人工资是多少")


# --- extractors ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "yuan"),
    [
        ("欠我6万多", 60001),
        ("4万8的工钱", 48000),
        ("1.5万", 15000),
        ("50000元", 50000),
        ("五万块", 50000),
        ("两万多", 20001),
        ("十来万", 100001),
        ("一万二", 12000),
        ("欠工资8600", 8600),
        ("赔了3000块", 3000),
        ("5w", 50000),
    ],
)
def test_amounts(text: str, yuan: float) -> None:
    assert [a.yuan for a in find_amounts(text)] == [yuan]


@pytest.mark.parametrize(
    "text", ["月薪两万多", "年薪20万", "2025年3月", "干了12个小时", "一天", "13800138000"]
)
def test_not_disputed_sums(text: str) -> None:
    assert find_amounts(text) == []


def test_collective_needs_a_group_and_a_dispute() -> None:
    assert find_collective("我们三十多个工友被欠了半年工资", 10).people == 30  # type: ignore[union-attr]
    assert find_collective("公司一下裁了30多个人", 10) is None  # one worker reporting a layoff
    assert find_collective("我们车间五六个人工资拖了", 10) is None
    assert find_collective("我们公司有两百多个员工", 10) is None  # no dispute


def test_minor_ages() -> None:
    assert find_minor_at_work("厂里招了好多十五六岁的小孩", 16).years == 15  # type: ignore[union-attr]
    assert find_minor_at_work("我14岁在饭店端盘子", 16).years == 14  # type: ignore[union-attr]
    assert find_minor_at_work("我17岁想去厂里打工", 16) is None


@pytest.mark.parametrize(
    ("texts", "today", "passed", "days_left_at_most"),
    [
        (["去年3月被公司辞退的", "现在都今年2月了，还来得及吗"], TODAY, False, 60),  # the worker's "now"
        (["去年3月被公司辞退的"], TODAY, True, 0),
        (["离职快一年了"], TODAY, False, 31),
        (["离职一年多了"], TODAY, True, 0),
        (["2025年12月离职"], TODAY, False, 36),
        (["工伤是去年这个时候出的，公司一直没报"], TODAY, False, 16),
    ],
)
def test_time_limits(texts: list[str], today: date, passed: bool, days_left_at_most: int) -> None:
    findings = find_time_limits(texts, today, 12, 12)
    assert findings, texts
    first = findings[0]
    assert first.passed is passed
    assert first.days_left <= days_left_at_most


def test_time_limits_ignore_what_is_no_event() -> None:
    for text in ("离职4个月了", "在厂里干了快一年了", "离职后两年不能去同行", "前年砸伤的脚又肿了"):
        assert not [f for f in find_time_limits([text], TODAY, 12, 12) if f.days_left_min <= 60], text


# --- configuration -------------------------------------------------------------------------


def test_thresholds_come_from_the_toml(tmp_path: Path) -> None:
    source = Path("corpus/escalation.toml").read_text(encoding="utf-8")
    custom = tmp_path / "escalation.toml"
    custom.write_text(
        source.replace("amount_threshold_yuan = 50000", "amount_threshold_yuan = 30000"), "utf-8"
    )
    policy = EscalationPolicy(load_rules(custom))
    assert policy.decide(PolicyInput("老板欠我4万块", today=TODAY)).codes == ["amount_high"]
    assert decide("老板欠我4万块", today=TODAY).codes == []


def test_bad_rules_fail_clearly(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[[rules]]\ncode = "x"\nkind = "risk"\npriority = "soon"\ntext = "t"\npatterns = ["a"]\n', "utf-8"
    )
    with pytest.raises(RulesError, match="priority"):
        load_rules(bad)
    bad.write_text('[[rules]]\ncode = "x"\nkind = "risk"\ntext = "t"\npatterns = ["(a"]\n', "utf-8")
    with pytest.raises(RulesError, match="正则"):
        load_rules(bad)


def test_an_id_number_is_neither_a_sum_nor_in_the_way_of_a_phrase() -> None:
    # The worker types the withheld ID's number: the same reasons as without it, and 18 digits are
    # not read as a sum of money above the threshold.
    plain = decide("老板扣着我的身份证不还，他说不干满一年不给", today=TODAY)
    with_number = decide("老板扣着我的身份证110101199003071233不还，他说不干满一年不给", today=TODAY)
    assert with_number.codes == plain.codes and plain.escalate
