"""Tense and settledness (session 6): a finding the rules make is set aside when it was settled long
ago, is only supposed, or is someone else's story; it stays when it is happening now or still open;
self-harm, threats and a child at work now are never set aside.

Every message was written for these tests after the rules, in words that are in no evaluation set
(eval/datasets/*, escalation_dev_s6 included), so a pass shows the classes generalise beyond the
dev items they were built on. The tables run on the rules alone (the booster is measured by
bench/escalation_bench.py), with the booster in the last test."""

from __future__ import annotations

import copy
import tomllib
from datetime import date

import pytest

from assistant.config import CORPUS_DIR
from assistant.escalation import EscalationDecision, EscalationPolicy, PolicyInput, RulesError, load_rules
from assistant.escalation.rules import parse_rules
from assistant.escalation.tense import read_tense

TODAY = date(2026, 12, 5)
RULES = load_rules(with_model=False)
POLICY = EscalationPolicy(RULES)


def rules_only(question: str, history: tuple[str, ...] = ()) -> EscalationDecision:
    return POLICY.decide(PolicyInput(question, history, today=TODAY))


def injury_counts(decision: EscalationDecision) -> bool:
    """The injury survived the tense reading, whatever tier the severity line then gave it (urgent, an
    ordinary ticket, or the assistant alone with the injury's situation)."""
    return "injury_review" in decision.codes or "death_or_serious_injury" in decision.situation_codes


def explain(decision: EscalationDecision) -> list[tuple[str, str]]:
    return [(r.code, r.evidence) for r in decision.reasons] + [
        (f"aside:{a.code}:{a.status}", a.marker) for a in decision.set_aside
    ]


# (the code the rules would raise, the status that sets it aside, message, earlier messages)
SET_ASIDE: list[tuple[str, str, str, tuple[str, ...]]] = [
    # settled long ago: recognised and paid, returned, paid in full
    (
        "death_or_serious_injury",
        "settled",
        "大前年在纸箱厂被切纸机切掉半截食指，认定完了钱也赔清了，现在想问年假怎么算",
        (),
    ),
    (
        "death_or_serious_injury",
        "settled",
        "后来工伤认定下来了，钱也赔完了，现在他想回老家干活，社保怎么转",
        ("我老公在工地摔断了两根肋骨",),
    ),
    ("criminal_angle", "settled", "我的护照被劳务公司押了两个月，上礼拜他们已经退回来了，想问押金的事", ()),
    (
        "amount_high",
        "settled",
        "去年老板拖了我们九万多的工程款，今年五月份全部打到卡上了，现在就想开个收入证明",
        (),
    ),
    ("time_limit_passed", "settled", "2022年被裁的，补偿金当时就到账了，想咨询下灵活就业社保怎么交", ()),
    ("child_labour", "settled", "我十三岁那会儿跟着亲戚在工地搬砖，现在都三十了，想问当年的工钱", ()),
    # only supposed: a condition over one or two clauses, a worry before a card is taken
    (
        "death_or_serious_injury",
        "hypothetical",
        "假如哪天夜班上冲床，手指被压断了，厂里会不会给认工伤",
        (),
    ),
    (
        "death_or_serious_injury",
        "hypothetical",
        "要是我晚上送货，在楼梯上踩空摔成骨折，老板又说我不是他的员工，该找谁",
        (),
    ),
    ("criminal_angle", "hypothetical", "万一哪天包工头把我们身份证收了，我们该找哪个部门", ()),
    ("criminal_angle", "hypothetical", "听说新厂入职要交证件，我有点担心会被扣押身份证，怎么防", ()),
    ("amount_high", "hypothetical", "要是公司将来欠我七八万不给，能不能直接去法院", ()),
    ("occupational_disease", "hypothetical", "如果以后得了噪声聋，能不能算职业病", ()),
    # someone else's story, asked in general
    ("criminal_angle", "reported", "我同学说他们那个电子厂把新员工的身份证都收了，这种一般违法吗", ()),
    # the future at the head of a clause, and a legal category asked of a supposition
    ("death_or_serious_injury", "hypothetical", "合同里写着自愿放弃工伤保险，将来落下截肢这种事谁来管", ()),
    ("collective_dispute", "hypothetical", "假设一个车间五十几号人一起被拖欠工资，这算不算群体性事件", ()),
    # a settled harm beside an ordinary open question: the open words govern the other matter
    (
        "criminal_angle",
        "settled",
        "原来那家厂扣过我的身份证，辞工那天就还给我了，现在是最后一个月工资还没给",
        (),
    ),
    (
        "death_or_serious_injury",
        "settled",
        "前几年腿砸骨折过，工伤待遇都享受了，现在这家公司一直不给交社保怎么办",
        (),
    ),
    ("amount_high", "settled", "之前欠我的七万块，前年就要回来了，但是这两年的社保还是没人给我交", ()),
    # the resolution told first, and the paid sum that is the finding itself
    (
        "death_or_serious_injury",
        "settled",
        "工伤的事早就了结了，那年我的左腿被叉车压断，现在想问能不能调岗",
        (),
    ),
    (
        "death_or_serious_injury",
        "settled",
        "手指压断过，当时公司赔了十二万，我也签了字，这是三年前的事，现在想问能不能评残",
        (),
    ),
    # a story told from a video runs to the end of its sentence; a group's pay made up in full; a
    # year-end that is past is no promise; the police got the cards back
    ("death_or_serious_injury", "reported", "刷到一个视频，有个装卸工被叉车压断了脚，老板还不认账", ()),
    (
        "collective_dispute",
        "settled",
        "前年厂里拖欠我们三十多个人的工资，后来政府出面全部补发了，现在厂里又招人了",
        (),
    ),
    ("amount_high", "settled", "包工头欠的九万块，去年年底已经一次性结清了，想问问收据怎么写", ()),
    (
        "criminal_angle",
        "settled",
        "后来劳动监察出面全要回来了，就想问这种中介能不能举报",
        ("我们几个人的身份证之前都被中介押着",),
    ),
    # the settled injury named again by its grade in the question
    (
        "death_or_serious_injury",
        "settled",
        "我2017年在厂里被压断了右手，后来鉴定六级，赔偿当年就结清了，现在想问六级伤残能办残疾证吗",
        (),
    ),
]


@pytest.mark.parametrize(("code", "status", "question", "history"), SET_ASIDE)
def test_settled_supposed_and_reported_findings_open_no_ticket(
    code: str, status: str, question: str, history: tuple[str, ...]
) -> None:
    decision = rules_only(question, history)
    assert not decision.escalate, explain(decision)
    assert (code, status) in {(a.code, a.status) for a in decision.set_aside}, explain(decision)


# (expected code, message, earlier messages): the same classes, happening now or still open.
KEPT: list[tuple[str, str, tuple[str, ...]]] = [
    # unresolved: a partial or false settlement, still held, still owed
    (
        "death_or_serious_injury",
        "大前年在纸箱厂被切纸机切掉半截食指，厂里说赔了，其实只给了三千块，到现在认定也没做",
        (),
    ),
    ("death_or_serious_injury", "认定是做了，可厂里说没钱，一分都不赔", ("我老公在工地摔断了两根肋骨",)),
    ("criminal_angle", "护照被劳务公司押着，说是干满两年才退，现在想回国都回不去", ()),
    ("amount_high", "老板去年欠我们九万多的工程款，说今年五月给，到现在一分没见", ()),
    ("amount_high", "欠了我十二万，上个月已经给了三万，剩下的说明年再说", ()),
    ("time_limit_passed", "我2025年11月被辞退的，补偿到现在也没谈拢", ()),
    # a condition that is a plan, a refusal supposed of a real claim, a counterfactual, a question
    # whose object is real
    ("collective_dispute", "要是下个月还不发工资，我们全车间六十多个人就一起停工", ()),
    ("amount_high", "如果公司不把这六万块补偿给我，我能去哪里告", ()),
    ("death_or_serious_injury", "如果不是主管催着赶工，我的手也不会被压断", ()),
    ("amount_high", "万一包工头回老家不回来了，欠我的七万工钱怎么要", ()),
    ("occupational_disease", "我舅去年在化工厂干活得了苯中毒，到现在厂里都不承认是职业病", ()),
    # a second harm after a settled one
    ("criminal_angle", "上家厂扣身份证后来退了，这家厂又把我的身份证锁进了柜子，说不干满一年不给", ()),
    ("death_or_serious_injury", "前些年砸伤过脚已经赔了，这回在工地又摔了，小腿骨折打了钢板", ()),
    # hearsay about the worker's own workplace is the worker's case
    ("death_or_serious_injury", "听说我们班的老李今早被卷扬机把胳膊绞断了，一般厂里会怎么处理", ()),
    # a prognosis is no supposition: the injury is real
    ("death_or_serious_injury", "铁屑崩进了右眼，医生说角膜伤得很重，可能会失明", ()),
    # a resolution promised, disputed or partial is none
    ("criminal_angle", "我的身份证一直在老板那，他说等结了账再还给我", ()),
    ("amount_high", "包工头欠我六万，说年底结清", ()),
    ("amount_high", "老板答应下个月把八万补偿付清", ()),
    ("death_or_serious_injury", "腿压断了，厂里说等认定了再赔", ()),
    ("amount_high", "欠我十万，老板说钱已经打过来了，可我卡上根本没有", ()),
    ("death_or_serious_injury", "手被压断了，老板说赔了五千就算了，我不同意", ()),
    # a sum paid that is not the finding's own is a part; a resolution of another matter told first
    ("amount_high", "欠我十二万，上个月已经给了三万，剩下的说明年再说", ()),
    ("amount_high", "工资都发了，就是那八万的工程款老板说要等结算", ()),
    # an order to pay is no payment; "after the injury" is no future
    (
        "collective_dispute",
        "我们二十几个工人被拖了半年工资，劳动监察责令老板十天内把钱发了，到期他人就不见了",
        (),
    ),
    ("death_or_serious_injury", "出了工伤以后胳膊截肢了，厂里说合同到期就不续了", ()),
    # a recent death or injury already paid may be paid badly: not unambiguous, it stays
    ("death_or_serious_injury", "我爸上个月在工地出事走了，赔偿款拿到了，协议里写着不能再追究，这合法吗", ()),
    ("death_or_serious_injury", "上周手指被机器轧断了，公司已经赔了，我想问还能不能做伤残鉴定", ()),
]


@pytest.mark.parametrize(("code", "question", "history"), KEPT)
def test_findings_happening_now_or_still_open_escalate(
    code: str, question: str, history: tuple[str, ...]
) -> None:
    decision = rules_only(question, history)
    if code == "death_or_serious_injury" and "death_or_serious_injury" not in decision.codes:
        assert injury_counts(decision), explain(decision)
        return
    assert code in decision.codes, explain(decision)


# Never set aside by tense: despair told in the past that is back, a threat made before and again, a
# child at work now whose pay was settled.
NEVER: list[tuple[str, str]] = [
    ("danger_self_harm", "以前我就想过从厂房楼顶跳下去，这几天又开始想了"),
    ("danger_self_harm", "前几年为了讨薪想过喝农药，现在好些了，就问问工资能不能要利息"),
    ("danger_violence", "老板以前说过谁去仲裁就找人打断谁的腿，昨天又在群里说了一遍"),
    ("child_labour", "我外甥女今年十四，暑假在电子厂上夜班，说好的工钱早就结清了"),
]


@pytest.mark.parametrize(("code", "question"), NEVER)
def test_self_harm_threats_and_a_child_now_are_never_set_aside(code: str, question: str) -> None:
    decision = rules_only(question)
    assert code in decision.codes, explain(decision)
    assert decision.danger_to_life and decision.priority == "urgent"


def test_a_set_aside_finding_is_kept_on_the_decision_for_the_lawyer() -> None:
    decision = rules_only("以前的老板扣过我的身份证，走的时候已经还给我了，这种还能投诉吗")
    assert not decision.escalate
    data = decision.as_dict()
    assert data["set_aside"] and data["set_aside"][0]["status"] == "settled"
    assert "还" in data["set_aside"][0]["marker"]


def test_a_condition_ends_at_the_clause_that_asks() -> None:
    wording, classes = RULES.tense, RULES.tense.classes if RULES.tense else {}
    assert wording is not None
    text = "万一老板跑了，我那八万块工钱找谁要"
    at = text.index("八万")
    assert read_tense(wording, classes["money"], [text], 0, at, at + 2).status != "hypothetical"
    text = "如果厂里哪天扣了工钱，欠到十万，我们能不能告"
    at = text.index("十万")
    assert read_tense(wording, classes["money"], [text], 0, at, at + 2).status == "hypothetical"


def test_unresolved_words_in_a_later_message_outweigh_a_settlement() -> None:
    history = ("腿被钢管砸骨折了，厂里说已经赔了",)
    decision = rules_only("其实就给了两千块医药费，后面的工伤待遇到现在都没有", history)
    # A fracture left unpaid: the severity line's tier b (an ordinary ticket), not set aside as settled.
    assert "injury_review" in decision.codes, explain(decision)


def test_with_the_booster_a_settled_injury_stays_quiet() -> None:
    policy = EscalationPolicy(load_rules())
    decision = policy.decide(
        PolicyInput("前些年砸断过脚掌，工伤认定了也赔完了，现在想问换单位工龄接着算吗", today=TODAY)
    )
    assert not decision.escalate, explain(decision)


def test_the_booster_is_not_shown_what_only_might_happen() -> None:
    wording = RULES.tense
    assert wording is not None
    from assistant.escalation.tense import mask_for_booster

    supposed = "要是哪天我被车撞断了腿，平台管不管"
    seen = mask_for_booster(wording, [supposed], "□")[0]
    assert "撞断" not in seen
    real = "昨天被车撞断了腿，平台不管"
    assert mask_for_booster(wording, [real], "□")[0] == real
    settled = "前年手指被压断过，工伤认定了，赔偿也拿到手了。现在想问年假"
    assert "压断" not in mask_for_booster(wording, [settled], "□", wording.classes["injury"])[0]


def _raw() -> tuple[dict, dict]:
    data = tomllib.loads((CORPUS_DIR / "escalation.toml").read_text(encoding="utf-8"))
    screen = tomllib.loads((CORPUS_DIR / "safety_screen.toml").read_text(encoding="utf-8"))
    return data, screen


def test_an_unknown_tense_class_is_refused_at_load() -> None:
    data, screen = _raw()
    data = copy.deepcopy(data)
    data["structured"]["amount"]["tense"] = "no_such_class"
    with pytest.raises(RulesError, match="no_such_class"):
        parse_rules(data, "test.toml", screen)


def test_a_class_that_sets_aside_settled_needs_a_resolution() -> None:
    data, screen = _raw()
    data = copy.deepcopy(data)
    del data["tense"]["classes"]["money"]["resolution"]
    with pytest.raises(RulesError, match="resolution"):
        parse_rules(data, "test.toml", screen)


def test_without_a_tense_table_every_finding_counts() -> None:
    data, screen = _raw()
    data = copy.deepcopy(data)
    del data["tense"]
    for t in data["structured"].values():
        t.pop("tense", None)
    for r in data["rules"]:
        r.pop("tense", None)
    for r in [*data.get("structures", []), *screen.get("structures", [])]:
        r.pop("tense", None)
    policy = EscalationPolicy(parse_rules(data, "test.toml", screen))
    decision = policy.decide(
        PolicyInput("以前的老板扣过我的身份证，走的时候已经还给我了，这种还能投诉吗", today=TODAY)
    )
    assert "criminal_angle" in decision.codes
