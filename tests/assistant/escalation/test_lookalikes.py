"""Session 7, round 2: the escalation's remaining false alarms and their real twins, both ways, in
words written for these tests (not taken from any set): a question asked only of a supposed harm, a
child who only plans to work, a stranger's beating in the news, a passed limit with no claim asked
about, a limit told as what is left before a year is full, a harm told as the next clause's result,
and the recall booster's veto on look-alikes the screen knows."""

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

import pytest

from assistant.escalation import EscalationRules, load_rules
from assistant.escalation.policy import decide

TODAY = date(2026, 12, 5)
RULES = load_rules(with_model=False)


def _codes(
    *messages: str, rules: EscalationRules = RULES, deadlines: Sequence[tuple[str, int]] = ()
) -> set[str]:
    *history, question = messages
    return {r.code for r in decide(question, history, today=TODAY, rules=rules, deadlines=deadlines).reasons}


# --- the police asked about a harm only supposed ------------------------------------------------

SUPPOSED_THEN_ASKED = [
    "假如以后包工头把我的身份证收了，我可以直接打110吗",
    "要是哪天老板拖欠工资拖得很久，能不能去派出所报案",
    "万一将来厂里不让我们下班出门，这算违法吗，找公安有用吗",
    "如果有一天公司把工资全扣了，会被判刑吗",
]
POLICE_REAL = [
    "包工头把我身份证收了一个月不还，我能打110吗",  # the card is held now
    "老板把我们关在宿舍不让出门，我想报警",  # kept in now
    "老板说要是我去报警就让我走不出这个厂",  # their condition: a real coercion
    "如果公司一直不发工资，能告他拒不支付吗",  # the refusal is happening
]


@pytest.mark.parametrize("text", SUPPOSED_THEN_ASKED)
def test_a_question_asked_of_a_supposed_harm_is_no_criminal_case(text: str) -> None:
    assert "criminal_angle" not in _codes(text)


@pytest.mark.parametrize("text", POLICE_REAL)
def test_the_police_beside_a_real_harm_still_escalate(text: str) -> None:
    assert "criminal_angle" in _codes(text)


# --- a child at work, or only planning to work --------------------------------------------------

CHILD_PLANS = [
    "我侄子十四岁，想暑假去镇上的超市打工，合法吗",
    "孩子今年13岁，打算等满了16岁以后再去学手艺，现在能先问问吗",
    "我闺女十五岁，琢磨着寒假去奶茶店帮忙挣点钱，行不行",
]
CHILD_AT_WORK = [
    "我侄子十四岁，暑假在镇上的超市理货，每天干十个小时",
    "孩子才13岁，已经跟着他舅在工地搬砖两个月了",
    "我闺女十五岁，被中介带去奶茶店上班，老板不让走",
]


@pytest.mark.parametrize("text", CHILD_PLANS)
def test_a_child_only_planning_to_work_is_no_child_labour(text: str) -> None:
    assert "child_labour" not in _codes(text)


@pytest.mark.parametrize("text", CHILD_AT_WORK)
def test_a_child_at_work_now_still_is(text: str) -> None:
    assert "child_labour" in _codes(text)


# --- a stranger's beating in the news ------------------------------------------------------------


def test_a_strangers_beating_in_the_news_is_not_this_workers_danger() -> None:
    codes = _codes("刷到一条新闻，一个讨薪的农民工被打断了腿，打人的会坐牢吗")
    assert not codes & {"danger_violence", "criminal_angle"}


@pytest.mark.parametrize(
    "text",
    [
        "刷到一条新闻说讨薪会被打，我们老板昨天也放话要打断我的腿",  # the worker's own threat beside it
        "看到视频里那个被打断腿的人就是我老公",  # one of the worker's own
        "我朋友讨薪被工头找人打断了腿，这种情况一般怎么办",  # a friend's story: not a news item
    ],
)
def test_violence_beside_the_workers_own_still_fires(text: str) -> None:
    assert "danger_violence" in _codes(text)


# --- a passed limit with no claim asked about ----------------------------------------------------

NO_CLAIM = [
    "三年前就离职了，现在想把以前的社保转到新单位",
    "前年辞的工，那时的公积金怎么提出来",
]
CLAIM = [
    "三年前就离职了，当时的加班费一直没给，现在还能要吗",
    "前年辞的工，补偿金到现在没拿到，仲裁还来得及吗",
]


@pytest.mark.parametrize("text", NO_CLAIM)
def test_a_passed_limit_with_no_claim_is_no_ticket(text: str) -> None:
    assert not _codes(text) & {"time_limit_passed", "time_limit_near"}


@pytest.mark.parametrize("text", CLAIM)
def test_a_passed_limit_beside_a_claim_still_is(text: str) -> None:
    assert "time_limit_passed" in _codes(text)


def test_a_computed_passed_deadline_needs_a_claim_too() -> None:
    deadlines = [("仲裁时效", -200)]
    assert "time_limit_passed" not in _codes("想把以前的社保转到新单位", deadlines=deadlines)
    assert "time_limit_passed" in _codes("以前的加班费还能要回来吗", deadlines=deadlines)


def test_a_passed_injury_limit_is_its_own_claim() -> None:
    # No pay or case named: the injury itself is what the 工伤认定 limit bars.
    assert "time_limit_passed" in _codes("受伤一年多了，单位没给我申请认定，我本人还能申请吗")


# --- a limit told as what is left before a year is full ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "被厂里辞退到现在还差两个礼拜就满一年了，工资还欠着",
        "离职差二十来天就一年了，补偿一分没给",
        "在车间摔断了腿，到今天差一个月满一年，公司没给我申请工伤，我自己还能申请吗",
    ],
)
def test_short_of_a_full_year_is_near(text: str) -> None:
    assert "time_limit_near" in _codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "入职还差两个礼拜就满一年了，满一年有几天年假",  # a tenure, no ending
        "合同差一个月就满一年了，到期不续签有补偿吗",  # a contract's term, no ending
    ],
)
def test_short_of_a_year_without_an_ending_runs_no_limit(text: str) -> None:
    assert not _codes(text) & {"time_limit_near", "time_limit_passed"}


def test_no_longer_at_the_place_is_an_ending() -> None:
    assert "time_limit_passed" in _codes("我2023年秋天就不在那个工地干了，还欠我五个月的钱，能仲裁吗")


# --- a harm told as the next clause's result -----------------------------------------------------


@pytest.mark.parametrize(
    "text", ["右眼被飞出来的钢片划了，现在看不见了", "摔下来砸到了腰椎，瘫了，厂里一直不管"]
)
def test_the_harm_in_the_next_clause_is_a_serious_injury(text: str) -> None:
    assert "death_or_serious_injury" in _codes(text)


@pytest.mark.parametrize("text", ["右眼被飞出来的钢片划了，现在好了", "手被门夹了一下，没断，能报医药费吗"])
def test_a_healed_or_light_harm_in_the_next_clause_is_not(text: str) -> None:
    assert "death_or_serious_injury" not in _codes(text)


def test_beaten_with_a_swung_bar_is_violence() -> None:
    assert "danger_violence" in _codes("班长抄起钢管抡我，后背全是淤青")


# --- the recall booster's veto -------------------------------------------------------------------


class _AlwaysFlags:
    """A booster that flags everything it reads (the policy decides what it may read)."""

    def flags(self, text: str) -> tuple[bool, float]:
        return True, 0.99


def test_the_booster_is_vetoed_by_a_look_alike_the_screen_knows() -> None:
    rules = replace(load_rules(with_model=False), model=_AlwaysFlags())  # type: ignore[arg-type]
    assert rules.booster_veto is not None
    # healed, a tingle, maternity leave, a parent's child: the screen's own look-alikes
    for text in [
        "胳膊上的擦伤早就愈合了，公司扣我全勤",
        "碰到机器手麻了一下",
        "休完产假回去岗位没了",
        "下班要去接孩子，能早走吗",
    ]:
        assert "danger_possible" not in _codes(text, rules=rules), text
    # nothing the screen reads as a look-alike: the booster's alarm stands
    assert "danger_possible" in _codes("最近心里特别乱，什么都不想干", rules=rules)


# --- Session 27: 打了我 of pay paid in is no blow -------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "老板每个月把工资打我卡上，这个月只打了我一半",
        "这个月工资只打了我3000",
        "财务上午打了我电话说工资晚几天",
    ],
)
def test_pay_paid_in_is_no_beating(message: str) -> None:
    assert "criminal_angle" not in _codes(message)


@pytest.mark.parametrize("message", ["去要工资，老板打了我，头破了", "工头打了我两拳"])
def test_a_blow_still_counts(message: str) -> None:
    assert "criminal_angle" in _codes(message)


# --- Session 27: the workforce ended by a decision ------------------------------------------------------


def test_the_staff_ended_by_a_decision_is_a_group_matter() -> None:
    assert "collective_dispute" in _codes("厂房到期不续租了，老板决定和工人统一解除劳动合同，补偿怎么算")


def test_one_workers_ending_is_no_group_matter() -> None:
    assert "collective_dispute" not in _codes("公司通知要和我解除劳动合同，补偿怎么算")
