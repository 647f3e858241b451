"""Session 7's ticket classes, both ways, in words written for these tests (not taken from any set):
sums the worker never totals (months unpaid × wage, N / 2N, the double wage, a disability grade,
parts added up) and the sums that are no claim; time limits read from the consultation layer's dates;
groups, orders ignored, chains, identity cards, a lawyer asked for, and the screen's new wordings."""

from datetime import date
from pathlib import Path

import pytest

from assistant.config import CORPUS_DIR
from assistant.consult.facts import extract_facts
from assistant.escalation import RulesError, load_rules
from assistant.escalation.claims import computed_claims, summed_parts
from assistant.escalation.policy import decide

TODAY = date(2026, 12, 5)
RULES = load_rules(with_model=False)


def _codes(*messages: str) -> set[str]:
    *history, question = messages
    return {r.code for r in decide(question, history, today=TODAY, rules=RULES).reasons}


# --- sums --------------------------------------------------------------------------------------

COMPUTED_SUMS = [
    # months unpaid × the monthly wage: 10 × 7000
    "工地上的活干完了，拖欠工资十个月了，我一个月七千",
    # years owed before the owing: 12 × 4800
    "我们车队一年多的工钱都没结，每个月说好四千八",
    # 2N for a dismissal the worker calls unlawful: 2 × 7 × 6500
    "被公司无故辞退，我在这里做了七年，每个月六千五，想要赔偿金",
    # N for a closure: 9 × 6000
    "厂子倒闭了，我干了九年，月薪六千，补偿一分没见",
    # the double wage, at most 11 months: 11 × 6000
    "一直没签合同，入职满一年了，月薪六千，想要双倍工资",
    # an eighth-grade disability: 11 months × 5000
    "评了八级伤残，本人工资每月五千，公司不认账",
    # parts added up in one sentence: 35000 + 20000
    "拖欠工资三万五，再加上经济补偿两万，怎么讨",
]


@pytest.mark.parametrize("message", COMPUTED_SUMS)
def test_a_sum_the_worker_never_totals_opens_a_ticket(message: str) -> None:
    assert "amount_high" in _codes(message)


NO_CLAIM = [
    "欠了我三个月工资，一个月四千五",  # 13,500
    "被辞退了，干了三年，月薪五千，补偿怎么算",  # N = 15,000
    "七级伤残，月薪三千，能拿多少",  # 13 × 3000 = 39,000
    "假如以后被辞退，干了十年，月薪八千，补偿有多少",  # supposed
    "之前被辞退，干了八年月薪九千，补偿金早就一次性结清了，现在想问社保",  # paid
    "厂里一年产值八千万，拖了我两千块",  # turnover
    "找老板借了六万块给家里盖房，现在辞职他让我先还钱",  # a loan
    "花了十二万买了辆货车跑运输，这算个体户吗",  # a price paid
    "工资从每月一万二降薪到八千，合法吗",  # the new pay
    "没签合同，干了半年，月薪五千，双倍工资能要几个月",  # 5 × 5000
]


@pytest.mark.parametrize("message", NO_CLAIM)
def test_a_sum_that_is_small_supposed_paid_or_no_claim_opens_none(message: str) -> None:
    assert "amount_high" not in _codes(message)


def test_the_computed_claim_shows_how_it_was_reached() -> None:
    texts = ["被公司无故辞退，我在这里做了七年，每个月六千五，想要赔偿金"]
    claims = computed_claims(extract_facts(texts, TODAY), texts, RULES.claims)  # type: ignore[arg-type]
    assert [c.amount.yuan for c in claims] == [91000.0]
    assert "2N" in claims[0].amount.text and "七年" in claims[0].amount.text


def test_a_stated_total_is_not_counted_twice() -> None:
    found = summed_parts("工资三万加上补偿两万，合计五万", RULES.claims)  # type: ignore[arg-type]
    assert found is not None and found.yuan == 50000


# --- time limits -------------------------------------------------------------------------------

TIME_CASES = [
    ("我是去年十二月中旬走的，最后两个月工资没结", "time_limit_near"),
    ("辞工以后过去了十一个多月，工钱还欠着", "time_limit_near"),
    ("2025年10月在车间被机器夹了手，厂里一直没给申报工伤，我自己去还来得及吗", "time_limit_passed"),
    ("前年秋天在工地被钢管砸的那回，老板说给办工伤一直没办，我本人去申请还行吗", "time_limit_passed"),
]


@pytest.mark.parametrize(("message", "code"), TIME_CASES)
def test_a_limit_is_read_from_the_consultation_dates(message: str, code: str) -> None:
    assert code in _codes(message)


@pytest.mark.parametrize(
    "message",
    [
        "辞职后过了两个月，新工作挺好，想问公积金",
        "今年9月被辞退的，工资没结",
        "去年3月受的伤，当时就认定了工伤，现在问伤残鉴定",
        "离职后两年不能去同行，这个竞业限制合法吗",
    ],
)
def test_a_limit_far_off_recognised_or_no_ending_opens_none(message: str) -> None:
    assert not _codes(message) & {"time_limit_near", "time_limit_passed"}


def test_a_date_known_to_its_month_is_near_not_passed_inside_the_range() -> None:
    # 去年12月: the year ends between 2026-12-01 and 2026-12-31; today (12-05) is inside it.
    assert "time_limit_near" in _codes("去年12月从厂里走的，加班费一直没给")


# --- the other ticket classes ------------------------------------------------------------------

CATCHES = [
    (("麻烦让律师尽快跟我联系一下",), "explicit_request"),
    (("店长收走了我的身份证", "说干满半年再给，我现在想回老家"), "criminal_angle"),
    (
        ("我在外卖平台接单，是配送站招的人，配送站又说我是灵活用工公司的，现在受伤了到底谁管",),
        "employer_chain",
    ),
    (("我们物业四十几个保洁阿姨，新来的公司不认以前的工龄",), "collective_dispute"),
    (("监察大队限期老板十天内把工资结清", "结果过了期限人就不见了，电话关机"), "criminal_angle"),
    (("我们一个班组的人想一起去申请仲裁",), "collective_dispute"),
]


@pytest.mark.parametrize(("messages", "code"), CATCHES)
def test_the_ticket_classes_catch_new_wording(messages: tuple[str, ...], code: str) -> None:
    assert code in _codes(*messages)


SCREEN_CATCHES = [
    ("左手中指被机器绞掉了半个手掌那么大一块肉，还在医院抢救", "death_or_serious_injury"),
    ("值班的师傅早上被发现趴在工位上，人已经走了", "death_or_serious_injury"),
    ("包工头扬言要弄我全家", "danger_violence"),
    ("老板把我们锁在宿舍，说赶完这批货才能走", "danger_violence"),
    ("我真想把他打进医院", "danger_violence"),
]


def test_a_fingertip_lost_and_paid_a_pittance_is_an_ordinary_ticket() -> None:
    # Session 10's severity line: a fingertip is tier c, lifted to an ordinary ticket by the employer paying
    # only a few hundred yuan; no safety block.
    decision = decide("左手中指被机器压掉了一节，厂里只给了几百块", today=TODAY, rules=RULES)
    assert "injury_review" in decision.codes and not decision.danger_to_life


@pytest.mark.parametrize(("message", "code"), SCREEN_CATCHES)
def test_the_safety_screen_catches_new_wording(message: str, code: str) -> None:
    decision = decide(message, today=TODAY, rules=RULES)
    assert code in decision.codes and decision.danger_to_life


LOOK_ALIKES = [
    "跟客户砍价砍了半天，这个算加班吗",
    "领导的父亲去世了，叫我们去帮忙办丧事，给加班费吗",
    "工资太低在这根本活不下去 打算换个工作 要提前几天说",
    "主管把我们小组的季度绩效砍了，说是业绩不好",
    "那个包工头的事就算了结了，现在想问新工地要不要签合同",
    "我和另外两个同事一起被拖欠了工资，怎么办",
    "身份证之前被收过，离职那天还给我了，现在问年假",
    "律师说我这种情况可以要经济补偿，对吗",
    "听说有人离职一年多了才去仲裁被驳回了，是真的吗",
]


@pytest.mark.parametrize("message", LOOK_ALIKES)
def test_look_alikes_open_no_ticket(message: str) -> None:
    assert not decide(message, today=TODAY, rules=RULES).escalate


def test_a_years_of_pay_pattern_without_its_count_is_refused_at_load(tmp_path: Path) -> None:
    # A pattern that cannot say how many years were owed would count nothing, silently.
    text = (CORPUS_DIR / "escalation.toml").read_text(encoding="utf-8")
    start = text.index("years_of_pay = [")
    end = text.index("\n]\n", start) + 3
    broken = tmp_path / "escalation.toml"
    broken.write_text(
        text[:start] + "years_of_pay = ['年的工资[^。]{0,6}不给']\n" + text[end:], encoding="utf-8"
    )
    with pytest.raises(RulesError, match="命名分组"):
        load_rules(broken, with_model=False)
