"""The safety screen reads structure, not phrases: a body part and a severe harm in either order, a
threat aimed at a person or the family, a death in many wordings, an age under 16 in any wording,
despair. Every message here was written for these tests in words that are not in the rule lists
verbatim (and not taken from any evaluation set), so a pass shows the structures generalise; the
neutral table holds the look-alikes that must stay quiet.

The structural tables run on the rules alone (``RULES``); the recall booster OR-ed with them in
production is checked separately (its false alarms on the look-alikes are bounded below, and
bench/escalation_bench.py measures it with and without)."""

from __future__ import annotations

import json
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from assistant.escalation import (
    EscalationDecision,
    EscalationPolicy,
    PolicyInput,
    RulesError,
    decide,
    load_rules,
    safety_prefix,
)
from assistant.escalation.extract import find_amounts, find_employer_chain, find_minor_at_work
from assistant.escalation.model import ModelError, NgramModel, fit, load_model

TODAY = date(2026, 12, 5)
RULES = EscalationPolicy(load_rules(with_model=False))
# The screen's own reading, before the severity line grades an injury (corpus/injury_severity.toml).
SCREEN = EscalationPolicy(load_rules(with_model=False, with_severity=False))


def rules_only(question: str, history: tuple[str, ...] = ()) -> EscalationDecision:
    return RULES.decide(PolicyInput(question, history, today=TODAY))


# (expected code, expected category, message)
MUST_FIRE: list[tuple[str, str, str]] = [
    # a body part and a severe harm, body first
    ("death_or_serious_injury", "serious_injury", "钢筋把我小腿扎穿了，现在还躺在医院"),
    ("death_or_serious_injury", "serious_injury", "我的右脚脚掌被货车碾碎了"),
    ("death_or_serious_injury", "serious_injury", "一只耳朵被机器削掉了，老板说是我自己不小心"),
    ("death_or_serious_injury", "serious_injury", "骨盆和尾椎都断了，躺了三个月"),
    # … and harm first
    # Session 9: toes crushed off are as urgent, worded as an injury (category injury), not 重伤.
    ("death_or_serious_injury", "injury", "冲压的时候压断了两根脚趾"),
    ("death_or_serious_injury", "serious_injury", "切割机截掉了我右手的食指"),
    # a serious injury in one word, in new contexts
    ("death_or_serious_injury", "serious_injury", "三度烧伤面积占了全身三成，厂里只垫了两万"),
    ("death_or_serious_injury", "serious_injury", "后脑勺缝了二十针，片子出来是颅骨骨折"),
    # a death, many wordings
    ("death_or_serious_injury", "death", "工地上被钢管砸中，我舅当场就不行了"),
    ("death_or_serious_injury", "death", "我老婆在车间晕倒，送去医院没救过来"),
    ("death_or_serious_injury", "death", "我哥送快递路上出了车祸，人走了"),
    ("death_or_serious_injury", "death", "师傅在锅炉房里被烫死了"),
    ("death_or_serious_injury", "death", "他是在出租屋里猝死的，前一天还加班到半夜"),
    # threats against the worker or the family
    ("danger_violence", "violence", "工头说我再去劳动局，就把我两只手都剁了"),
    ("danger_violence", "violence", "主管扬言要打断我老公的腿"),
    ("danger_violence", "violence", "他们说要让我躺着回去"),
    ("danger_violence", "violence", "对方打电话警告我，说知道我女儿在哪个幼儿园"),
    # the worker's own intent
    ("danger_violence", "violence", "我兜里揣了把水果刀，今晚去堵那个经理"),
    ("danger_violence", "violence", "我今天就要把包工头的车砸了"),
    # kept locked in, now
    ("danger_violence", "violence", "我们被关在工棚里，手机都被收走了"),
    # a body in danger now
    ("danger_medical", "medical", "仓库里有人被货架压着出不来，老板不让打120"),
    # an age under 16, any wording
    ("child_labour", "child", "我妹今年才十三，在镇上的服装厂踩缝纫机"),
    ("child_labour", "child", "俺娃是一二年生的，在工地帮人递砖"),
    ("child_labour", "child", "孩子刚上初一就跟着他叔去了饭店打杂"),
    ("child_labour", "child", "我还没满16岁，老板让我在KTV上夜班"),
    # despair
    ("danger_self_harm", "self_harm", "这日子真是熬不住了，我想跟家里交代一下后事"),
    ("danger_self_harm", "self_harm", "活着一点奔头都没有了"),
    ("danger_self_harm", "self_harm", "我在顶楼天台上站着，风很大"),
    ("danger_self_harm", "self_harm", "我死了他们才会给我结工钱吧"),
]

STAY_NEUTRAL = [
    "这个月累死了，加班费一分没见着",
    "跟客户砍价是我的活，提成怎么算",
    "老板把我们的加班补贴砍了一半",
    "忘记打卡了会不会被扣工资",
    "跳槽以后社保怎么转",
    "停工留薪期到了公司让我回去上班",
    "在后厨切菜把手指划了道口子",
    "下台阶的时候崴了脚，休息两天",
    "手机屏幕摔碎了，公司要我自己赔",
    "十级伤残的补助金怎么算",
    "他离职走了以后活都压到我身上",
    "大年初二上班有加班费吗",
    "孩子九岁，我加班没人接他放学",
    "我是2001年出生的，试用期能延长吗",
    "最后一次发工资是上个月，这个月还没发",
    "如果手指压断了能赔多少",
    "我们老板人很凶，天天骂人",
    "我爷爷去世了，公司只给两天丧假",
    "工亡待遇一般包括哪些项目，想了解一下",
    "刚满16岁，能去奶茶店打工吗",
]


@pytest.mark.parametrize(("code", "category", "question"), MUST_FIRE)
def test_structures_fire_on_new_wording(code: str, category: str, question: str) -> None:
    decision = SCREEN.decide(PolicyInput(question, (), today=TODAY))
    assert code in decision.codes, [(r.code, r.evidence) for r in decision.reasons]
    reason = next(r for r in decision.reasons if r.code == code)
    assert reason.category == category
    assert reason.evidence and reason.evidence in unicodedata.normalize("NFKC", question)
    # every category of the screen is urgent and opens with the safety block
    assert decision.priority == "urgent" and decision.danger_to_life
    graded = rules_only(question)
    if category in ("serious_injury", "injury") and not graded.danger_to_life:
        # Session 10: the severity line grades the injury (a pelvis broken, two toes crushed: an ordinary
        # ticket or the assistant alone), never below what the policy says and never lost from the answer.
        assert "injury_review" in graded.codes or "death_or_serious_injury" in graded.situation_codes
    else:
        assert safety_prefix(question).startswith("【安全提示】")


@pytest.mark.parametrize("question", STAY_NEUTRAL)
def test_look_alikes_stay_neutral(question: str) -> None:
    decision = rules_only(question)
    assert not decision.danger_to_life, [(r.code, r.evidence) for r in decision.reasons]


def test_booster_false_alarms_on_the_look_alikes_are_rare() -> None:
    # Measured when the table was written: the shipped booster flags 1 of the 20 (a kitchen cut).
    flagged = [q for q in STAY_NEUTRAL if decide(q, today=TODAY).danger_to_life]
    assert len(flagged) <= 2, flagged
    assert all(safety_prefix(q) == "" for q in STAY_NEUTRAL if q not in flagged)


@pytest.mark.parametrize(
    ("question", "line"),
    [
        ("我爸在工地出事，送到医院就没气了", "别在任何协议上签字"),
        ("手掌被压机压碎了", "工伤认定"),
        ("我弟才十四，在砖厂搬砖", "停止工作"),
        ("老板放话要找人废了我", "不要动手"),
        ("我真的不想再活下去了", "12356"),
    ],
)
def test_each_category_gets_its_own_lines(question: str, line: str) -> None:
    prefix = safety_prefix(question)
    assert prefix.startswith("【安全提示】") and line in prefix
    for number in ("110", "120", "12351"):
        assert number in prefix


def test_death_serious_injury_and_child_are_urgent_not_merely_high() -> None:
    for question in ("我老公在矿上被砸死了", "右手被冲床冲掉了半个手掌", "我十三岁，在饭店洗碗"):
        decision = decide(question, today=TODAY)
        assert decision.priority == "urgent", question
        assert decision.reasons[0].kind == "safety" and decision.reasons[0].safety
        assert not decision.life_at_risk_now  # urgent, but not "danger to life right now"


def test_safety_block_only_when_this_message_trips_the_screen() -> None:
    history = ["我爸上个月在工地出事走了，医院没抢救过来"]
    assert decide("那抚恤金怎么算", history, today=TODAY).danger_to_life  # the case stays urgent
    assert safety_prefix("那抚恤金怎么算", history) == ""  # the block is not repeated every turn
    assert safety_prefix("我爸在工地出事走了，医院没抢救过来").startswith("【安全提示】")


def test_age_and_work_told_in_different_messages() -> None:
    decision = rules_only("他的工资能要回来吗", ("我侄子今年才十三", "他在一家小作坊里糊纸盒"))
    assert "child_labour" in decision.codes
    # a parent's child is not a child at work
    assert "child_labour" not in rules_only("单位不让我请假", ("我闺女今年才十一",)).codes
    assert "child_labour" not in rules_only("俺娃十二了，俺在厂里上夜班没法管他").codes


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("我表弟才十四，在汽修厂当学徒", 14),
        ("我是初二的学生，寒假在餐馆端菜", 14),
        ("小学刚毕业就被带到砖厂了", 12),
        ("孩子是2013年出生的，在服装厂剪线头", 13),
        ("还差三个月才满十六，老板就让我上流水线", 15),
    ],
)
def test_minor_wordings(text: str, age: int) -> None:
    found = find_minor_at_work(text, 16, load_rules().minor, TODAY)
    assert found is not None and found.years == age


@pytest.mark.parametrize(
    "text",
    [
        "正月初三老板就让我们回去上班",
        "每月初一发工资",
        "我1999年出生的，在厂里上班",
        "孩子12岁，我上夜班没人照顾他",
    ],
)
def test_minor_look_alikes(text: str) -> None:
    assert find_minor_at_work(text, 16, load_rules().minor, TODAY) is None


# --- ticket rules ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "中介把我送到劳务公司，劳务公司又派我去一家外包，外包再把我派进电子厂，三个月工资没人认",
        "这个项目层层分包，到我们班组手里钱就没了",
        "工程转了好几手，最后那个小老板欠我们钱跑了",
    ],
)
def test_employer_chains(text: str) -> None:
    assert find_employer_chain(text, load_rules().chain) is not None  # type: ignore[arg-type]
    assert "employer_chain" in decide(text, today=TODAY).codes


@pytest.mark.parametrize(
    "text", ["派遣工能不能参加年度体检", "外包公司的工资能比甲方员工低吗", "总包给我们开了工资专户"]
)
def test_one_or_two_parties_are_no_chain(text: str) -> None:
    assert "employer_chain" not in decide(text, today=TODAY).codes


def test_order_to_pay_then_absconding_across_messages() -> None:
    history = ["人社局给厂里下了责令支付的通知"]
    assert "criminal_angle" in decide("结果第二天老板就溜了，电话打不通", history, today=TODAY).codes
    assert not decide("结果第二天老板就把钱发了", history, today=TODAY).escalate


@pytest.mark.parametrize(
    ("text", "at_least"),
    [
        ("欠我八九万", 80000),
        ("欠条上写着伍万陆仟元", 56000),
        ("要我赔个六位数", 100000),
        ("估计要大几万", 60000),
    ],
)
def test_more_ways_of_saying_a_sum(text: str, at_least: float) -> None:
    amounts = find_amounts(text)
    assert amounts and max(a.yuan for a in amounts) >= at_least
    assert "amount_high" in decide(text, today=TODAY).codes


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("被老板炒掉快满一年了，工资还拖着", "time_limit_near"),
        ("从那家物流公司出来一年零四个月了，加班费一直没给", "time_limit_passed"),
        ("我是前年被厂里辞的，现在还能仲裁吗", "time_limit_passed"),
    ],
)
def test_time_limits_in_new_wording(text: str, code: str) -> None:
    codes = decide(text, today=TODAY).codes
    assert {"time_limit_near", "time_limit_passed"} & set(codes), codes


# --- the recall booster ------------------------------------------------------------------------


def test_booster_adds_danger_possible_only_when_no_rule_fired() -> None:
    rules = load_rules(with_model=False)
    fake = NgramModel((2,), {"紫色": 50.0}, -5.0, 0.9)
    policy = EscalationPolicy(rules.__class__(**{**rules.__dict__, "model": fake}))
    flagged = policy.decide(PolicyInput("我今天看到紫色的天空", today=TODAY))
    assert flagged.codes == ["danger_possible"] and flagged.priority == "urgent" and flagged.danger_to_life
    # no kind of danger in its words: the neutral block, without the psychological hotline
    assert (
        flagged.safety_message and "110" in flagged.safety_message and "12356" not in flagged.safety_message
    )
    ordinary = policy.decide(PolicyInput("加班费怎么算", today=TODAY))
    assert not ordinary.escalate
    # a rule of the screen already fired: the booster adds nothing
    both = policy.decide(PolicyInput("紫色的药我攒了一整瓶", today=TODAY))
    assert "danger_possible" not in both.codes and both.danger_to_life


def test_booster_leaves_short_messages_to_the_rules() -> None:
    # 你好 alone has three n-grams: too little to read, whatever the weights say.
    eager = NgramModel((1, 2), {"你": 20.0, "好": 20.0, "你好": 20.0}, 0.0, 0.5)
    assert eager.score("你好") > 0.99 and eager.flags("你好") == (False, 0.0)
    assert eager.flags("你好，老板欠我工资不给怎么办")[0]
    assert not decide("你好", today=TODAY).escalate


def test_rules_alone_when_asked() -> None:
    assert load_rules(with_model=False).model is None
    assert load_rules().model is not None


def test_shipped_model_scores_and_threshold() -> None:
    model = load_model(Path("corpus/safety_screen_model.json"))
    assert 0 < model.threshold < 1 and model.sizes
    for text in ("加班费怎么算", "我真的撑不住了"):
        assert 0.0 <= model.score(text) <= 1.0


def test_fit_learns_a_separable_toy_problem() -> None:
    texts = ["刀刀刀刀", "刀刀刀", "刀刀", "花花花花", "花花花", "花花"]
    weights, bias = fit(texts, [True, True, True, False, False, False], (1,), 10.0, min_df=1)
    model = NgramModel((1,), weights, bias, 0.5)
    assert model.score("刀") > 0.5 > model.score("花")


def test_bad_model_file_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "m.json"
    bad.write_text(json.dumps({"sizes": [1], "threshold": 2, "bias": 0, "weights": {}}), "utf-8")
    with pytest.raises(ModelError, match="threshold"):
        load_model(bad)


# --- the data files are checked at load --------------------------------------------------------


def test_unknown_lexicon_is_named(tmp_path: Path) -> None:
    rules = (Path("corpus/escalation.toml")).read_text(encoding="utf-8")
    screen = (Path("corpus/safety_screen.toml")).read_text(encoding="utf-8")
    (tmp_path / "escalation.toml").write_text(rules, "utf-8")
    (tmp_path / "safety_screen.toml").write_text(
        screen.replace('slots = ["@body_part", "@severe_harm"]', 'slots = ["@body_parts", "@severe_harm"]'),
        "utf-8",
    )
    with pytest.raises(RulesError, match="@body_parts"):
        load_rules(tmp_path / "escalation.toml")


def test_structure_needs_one_or_two_slots(tmp_path: Path) -> None:
    rules = (Path("corpus/escalation.toml")).read_text(encoding="utf-8")
    screen = (Path("corpus/safety_screen.toml")).read_text(encoding="utf-8")
    (tmp_path / "escalation.toml").write_text(rules, "utf-8")
    (tmp_path / "safety_screen.toml").write_text(
        screen.replace(
            'slots = ["@body_part", "@severe_harm"]', 'slots = ["@body_part", "@severe_harm", "@kin"]'
        ),
        "utf-8",
    )
    with pytest.raises(RulesError, match="slots"):
        load_rules(tmp_path / "escalation.toml")
