"""Session 8: the classes that over-fired or were missed on real forum wording (issue 14), both ways,
in messages written for these tests (never forum text): a fracture of a small bone against a digit
lost or a large bone broken; a death benefit asked about escalates, with or without a death told."""

from collections.abc import Sequence
from datetime import date

import pytest

from assistant.escalation import load_rules
from assistant.escalation.policy import decide

TODAY = date(2026, 12, 5)
RULES = load_rules(with_model=False)
WITH_BOOSTER = load_rules()


def _decision(*messages: str, booster: bool = False, deadlines: Sequence[tuple[str, int]] = ()):  # noqa: ANN202
    *history, question = messages
    rules = WITH_BOOSTER if booster else RULES
    return decide(question, history, today=TODAY, rules=rules, deadlines=deadlines)


def _codes(*messages: str, booster: bool = False) -> set[str]:
    return set(_decision(*messages, booster=booster).codes)


# --- a small bone fractured, or a digit lost / a large bone broken -------------------------------

SMALL_FRACTURES = [
    "上个月搬箱子砸到左手无名指，拍片说指骨骨折，厂里该怎么赔我",
    "干活时被门夹了一下，小拇指骨折了，打了夹板，能算工伤吗",
    "我在仓库被托盘砸到，右脚大脚趾骨折，医生让休息六周，工资怎么算",
    "送货路上摔了一跤，鼻骨骨折，公司说不算工伤对吗",
]
# Session 10: the severity line (corpus/injury_severity.toml) grades what the screen finds: two whole fingers,
# the spine or the hip are an ordinary ticket (tier b); a fingertip or an ankle broken with nothing else told
# is the assistant's alone (tier c), its 工伤 route still opening the answer.
SERIOUS_TWINS = [
    ("上个月搬箱子砸到左手，无名指被压断了一截，厂里该怎么赔我", "assistant"),  # a fingertip lost
    ("干活时被冲床冲掉了两根手指，能算工伤吗", "ticket"),  # two fingers lost
    # Session 14: a bone beyond a finger, a toe or the nose broken opens the ordinary ticket (lead's policy).
    ("我在仓库被托盘砸到，右脚脚踝粉碎性骨折，医生说要做两次手术", "ticket"),  # an ankle broken
    ("送货路上摔了一跤，腰椎骨折，公司说不算工伤对吗", "ticket"),  # the spine
    ("我老婆上班路上被车撞了，髋骨趾骨都骨折了，公司不给报工伤", "ticket"),  # the hip beside a toe
]


def _tier(decision) -> str:  # noqa: ANN001
    """urgent (the safety block), ticket (the severity line's ordinary ticket), assistant (no ticket, the
    injury kept for the answer's situation) or none."""
    if decision.danger_to_life:
        return "urgent"
    if "injury_review" in decision.codes:
        return "ticket"
    return "assistant" if "death_or_serious_injury" in decision.situation_codes else "none"


@pytest.mark.parametrize("booster", [False, True])
@pytest.mark.parametrize("text", SMALL_FRACTURES)
def test_a_small_bone_fractured_is_no_serious_injury(text: str, booster: bool) -> None:
    decision = _decision(text, booster=booster)
    assert not decision.danger_to_life, decision.codes


@pytest.mark.parametrize(("text", "tier"), SERIOUS_TWINS)
def test_a_digit_lost_or_a_large_bone_broken_is_graded_by_the_severity_line(text: str, tier: str) -> None:
    assert _tier(_decision(text)) == tier


# --- a death benefit asked about, with or without a death told --------------------------------------

DEATH_BENEFIT_GENERAL = [
    "因工死亡待遇由哪几部分组成",
    "死亡赔偿金和丧葬补助金能同时拿吗",
]
DEATH_TOLD = [
    "我舅舅在厂里值夜班时倒下没救过来，死亡赔偿金怎么算",  # a relative's death
    "我爸的工亡待遇公司一直拖着不给，怎么办",  # the benefit of a relative
    "工人在工地被钢管砸中死亡，赔偿标准是什么",  # an employer's death told
    "同事昨天从架子上摔下来死亡，死亡赔偿金怎么算",  # a co-worker, an event
]


@pytest.mark.parametrize("text", DEATH_BENEFIT_GENERAL)
def test_a_death_benefit_asked_about_escalates_though_no_death_is_told(text: str) -> None:
    # Recall first: on real forum wording a question about a death benefit is mostly asked after a
    # death; reading it as a question about the law lost deaths on unseen questions.
    assert "death_or_serious_injury" in _codes(text, booster=True)


@pytest.mark.parametrize("text", DEATH_TOLD)
def test_a_death_told_beside_its_benefit_still_escalates_urgently(text: str) -> None:
    decision = _decision(text)
    assert decision.danger_to_life and "death_or_serious_injury" in decision.codes


# --- serious injuries told in other words --------------------------------------------------------

SERIOUS_OTHER_WORDS = [
    ("冲压机把我左手3、4指压断了，接不上了，厂里只给了两千", "ticket"),  # fingers named by number
    ("我右手食指被机器绞掉了两节，厂里说只能算轻伤", "ticket"),  # joints of a digit gone
    ("电锯伤了手，食指只剩半截了，老板说先别声张", "ticket"),  # what is left of the digits, hushed up
    ("我哥在车间被吊钩撞了头，脑部出血，到现在说话还不利索", "urgent"),  # bleeding in the head
    ("从货车上摔下来，胸椎椎体骨折，老板让我回家养着", "urgent"),  # the spine, sent home untreated
]
NOT_SERIOUS_TWINS = [
    "组长让我们三指并拢敬礼，这合法吗",  # a finger count with no harm
    "我右手食指擦破了一节皮，要去医院吗",  # skin, no joint lost
    "车间里太闷，头部出汗很多，能要高温补贴吗",  # the head with no bleeding
    "搬货时摔了一跤，右手小指骨折，打了石膏，停工留薪期怎么算",  # a small bone, a plain fracture
]


@pytest.mark.parametrize(("text", "tier"), SERIOUS_OTHER_WORDS)
def test_a_serious_injury_in_other_words_is_caught(text: str, tier: str) -> None:
    assert _tier(_decision(text)) == tier


def test_a_broken_arm_is_a_ticket_and_a_broken_finger_alone_none() -> None:
    # Session 10's severity policy made a simple long-bone fracture tier c; session 14's (the lead, from two
    # independent labellers of real questions and the issue's own labels) lifts a bone beyond a finger, a toe or
    # the nose to tier b: an ordinary ticket, no safety block. A finger alone stays the assistant's.
    alone = _decision("搬货时摔了一跤，右胳膊骨折，打了石膏，停工留薪期怎么算")
    assert alone.escalate and "injury_review" in alone.codes and not alone.danger_to_life
    finger = _decision("搬货时砸了一下，右手食指骨折，打了石膏，停工留薪期怎么算")
    assert not finger.escalate and not finger.danger_to_life
    denied = _decision("搬货时摔了一跤，右胳膊骨折，打了石膏，公司不给报工伤")
    assert denied.escalate and "injury_review" in denied.codes and not denied.danger_to_life


@pytest.mark.parametrize("text", NOT_SERIOUS_TWINS)
def test_their_look_alikes_open_no_safety_alarm(text: str) -> None:
    assert not _decision(text, booster=True).danger_to_life


# --- a sum that follows from a duration alone, and a sum that is no claim -------------------------


def test_a_long_tenure_ended_by_the_employer_is_a_large_sum_at_a_minimum_wage() -> None:
    decision = _decision("我在这家厂干了三十六年，单位说我病了不能胜任工作，要跟我解除合同，补偿怎么算")
    assert "amount_high" in decision.codes
    assert any("最低工资" in r.evidence for r in decision.reasons if r.code == "amount_high")


def test_a_short_tenure_with_no_wage_told_is_no_large_sum() -> None:
    # Ten years even at a city's minimum wage is far below 50,000: no amount is claimed.
    assert "amount_high" not in _codes("我在这家厂干了十年，单位说效益不好要裁员，补偿怎么算")


def test_a_long_tenure_ended_by_the_worker_is_no_large_sum() -> None:
    # No compensation is owed when the worker quits of their own accord.
    assert "amount_high" not in _codes("我在这家厂干了三十六年，自己想回老家辞职了，补偿怎么算")


def test_a_years_earnings_are_no_claim_but_a_sum_owed_is() -> None:
    assert "amount_high" not in _codes("全年总共挣了七万多，现在公司要辞退我，我能要什么")
    assert "amount_high" in _codes("公司欠我七万多工资一直不给，现在还要辞退我")


# --- a time limit told as near ------------------------------------------------------------------


def test_a_limit_told_as_near_is_a_time_limit_and_a_holiday_is_not() -> None:
    assert "time_limit_near" in _codes("厂里一直拖着不给做工伤认定，眼看临近申请期限了，怎么办")
    assert "time_limit_near" not in _codes("临近春节了，公司说工资年后再发，这样行吗")


# --- the loss of a limb feared for a real injury, or an accident only supposed --------------------

FEARED_LOSS = [
    "万一我哥那条腿保不住了，厂里会赔吗，他是被叉车轧的",
    "就怕我老公的手指要截，现在人还在医院躺着",
]
SUPPOSED_ACCIDENT = [
    "万一以后手被机器压断了，能算工伤吗",
    "我担心干这个活万一哪天腿废了怎么办",
]


@pytest.mark.parametrize("text", FEARED_LOSS)
def test_a_feared_loss_of_a_limb_is_a_serious_injury(text: str) -> None:
    decision = _decision(text)
    assert decision.danger_to_life and "death_or_serious_injury" in decision.codes


@pytest.mark.parametrize("text", SUPPOSED_ACCIDENT)
def test_an_accident_only_supposed_is_no_serious_injury(text: str) -> None:
    assert "death_or_serious_injury" not in _codes(text)


def test_a_crack_beside_a_spine_fracture_leaves_the_fracture_serious() -> None:
    decision = _decision("从脚手架上摔下来，胸椎骨折加上两根肋骨骨裂，现在还躺在医院")
    assert _tier(decision) == "ticket"  # the spine broken: tier b whatever the crack beside it
    assert not _decision("搬货时胸口撞了一下，医生说是肋骨骨裂，休息几周就行", booster=True).danger_to_life


# --- an order to pay, then still refused ---------------------------------------------------------


def test_an_order_to_pay_still_refused_is_a_criminal_angle_and_one_obeyed_is_not() -> None:
    assert "criminal_angle" in _codes("包工头被劳动监察大队责令以后，工钱还是不给，现在人也找不到")
    assert "criminal_angle" not in _codes("公司被劳动监察责令了，后来工资都发了，现在想问年假怎么算")


# --- session 8, round 2: sums with no wage told, years of pay refused, harmful work at the end ---------


@pytest.mark.parametrize(
    "text",
    [
        "在单位上了二十三年班，现在单位说效益不好要跟我解除合同，该怎么补偿我",
        "厂里经营困难裁员，我干了整整二十五年，经济补偿能拿多少",
    ],
)
def test_two_decades_ended_by_the_employer_are_a_large_sum_with_no_wage_told(text: str) -> None:
    # Twenty-odd months of pay at the minimum wage of the cities where most workers work is above 50,000.
    decision = _decision(text)
    assert "amount_high" in decision.codes
    reason = next(r for r in decision.reasons if r.code == "amount_high")
    assert "最低工资" in reason.evidence


@pytest.mark.parametrize(
    "text",
    [
        "在单位上了十四年班，现在单位说效益不好要跟我解除合同，该怎么补偿我",  # the team's line: no
        "我干了二十三年，自己想回老家，辞职能拿补偿吗",  # the worker quits: nothing owed
        "我干了二十三年，月薪一千八，现在被裁员了，补偿怎么算",  # a wage told decides: 41,400
        "没签合同干了两年了，双倍工资能要多少",  # eleven months at most
    ],
)
def test_a_shorter_tenure_a_resignation_or_a_small_wage_told_is_no_large_sum(text: str) -> None:
    assert "amount_high" not in _codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "我在他那干了六年的工钱，包工头到现在一分都不给",  # years of pay refused
        "我们在工地上的工资已经多年没有结了，能要回多少",  # 多年: two at the fewest
        "包工头拖欠了我们多年的工资，到现在也不露面",
    ],
)
def test_years_of_pay_refused_are_a_large_sum(text: str) -> None:
    assert "amount_high" in _codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "我干了六年，工资一直按时发，想问年假怎么休",  # years of service, no pay owed
        "工作多年了，工资一直没涨过，这合理吗",  # 多年 of service, nothing owed
        "工资拖了两个月没发，老板说下周一起发",  # months, small
    ],
)
def test_years_of_service_or_a_short_delay_is_no_large_sum(text: str) -> None:
    assert "amount_high" not in _codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "厂子要搬到外省去了，我在喷漆车间接触有毒化学品十几年，公司让我签解除协议",
        "公司要裁员，我这个岗位常年接触粉尘，走之前公司要给我做体检吗",
        "我在电镀厂干了九年，天天接触有害物质，合同到期不续了，我该注意什么",
    ],
)
def test_harmful_work_at_the_end_of_the_job_is_an_occupational_disease_case(text: str) -> None:
    assert "occupational_disease" in _codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "公司要搬到外地，我不想去，经济补偿怎么算",  # an ending, no exposure
        "车间接触有害物质，公司给的口罩不合格，可以要求换吗",  # exposure, the job goes on
        "如果以后公司搬迁，接触有害物质的岗位怎么安排",  # only supposed
    ],
)
def test_an_ending_without_exposure_or_exposure_without_an_ending_is_not(text: str) -> None:
    assert "occupational_disease" not in _codes(text)
