"""Who asks and what happened, read from the way people tell it (session 17, asker17), both ways, in our own wording:

- the employer told by the business: a sole trader naming himself (我是个体户), the people the asker or his household
  hired (我请的人, 我家店里的服务员), a relative's business (我爸开厂的) — the employer asks (劳动合同法 2, 7, 82;
  实施条例 3), while a worker describing his own employer (我们厂不发工资, 老板开的店) or working in a relative's
  business (我在我爸开的厂里上班) stays the worker;
- a work injury told by 工伤 and a state of the injured (工伤期间, 工伤在家休养, 因工伤住院): an injury happened, and its
  treatment (住院) is no illness — the work-injury benefits apply (工伤保险条例 30, 33), not the medical period of an
  illness; 算不算工伤 / 工伤认定标准 tell no injury, and an injury off work keeps the medical period (劳动合同法 42(3));
- a relative's case told with the time of day (我父亲今天在工地…): the relative's case, and the urgent steps are said
  of the relative (单位应当为你老公申请工伤认定), never 为你申请."""

from __future__ import annotations

import pytest

from assistant.answer import AnswerService
from assistant.consult.facts import extract_facts
from eval.consult_metrics import opening

from .planning import TODAY


def facts(question: str) -> dict:
    return extract_facts([question], TODAY).values()


@pytest.mark.parametrize(
    "question",
    [
        "我是个体户，请的店员不愿意交社保，以后会不会有麻烦",
        "我开了个小饭馆，请的人干了三个月想走",
        "我在镇上开店，雇的人上班路上摔了一跤",
        "我家店里的服务员做了两年，现在要我们给补偿",
        "我爸开厂的，有个工人切到手了，没买工伤保险",
        "俺雇了两个小工搞装修，其中一个从梯子上掉下来了",
    ],
)
def test_the_employer_told_by_the_business(question: str) -> None:
    assert facts(question).get("asker") == "employer"


@pytest.mark.parametrize(
    "question",
    [
        "我们厂两个月不发工资了怎么办",
        "我们老板开了个店，让我去看店，工资一直拖着",
        "我在我爸开的厂里上班，没签合同",
        "我在个体户店里打工，受伤了老板不管",
        "我请了三天假，老板扣了我五百块",
        "我在县城开的店里上班，老板不给社保",
        "我家公司不发年终奖，合法吗",
    ],
)
def test_a_worker_describing_his_employer_stays_the_worker(question: str) -> None:
    assert facts(question).get("asker") != "employer"


@pytest.mark.parametrize(
    "question",
    [
        "我工伤在家休养三个月，公司说停发工资",
        "工伤期间住院，公司把我辞退了",
        "因为工伤在医院住了一个月，工资谁发",
    ],
)
def test_a_work_injury_told_by_its_state_is_an_injury_not_an_illness(question: str) -> None:
    told = facts(question)
    assert told.get("injured") is True
    assert told.get("ill") is not True


def test_general_questions_on_work_injury_tell_no_injury() -> None:
    for question in ("算不算工伤", "工伤认定标准是什么", "单位说不是工伤怎么办"):
        assert facts(question).get("injured") is None


def test_an_injury_off_work_keeps_its_medical_period() -> None:
    told = facts("周末骑车摔伤住院了，公司要辞退我")
    assert told.get("ill") is True  # 劳动合同法 40(1), 42(3): 非因工负伤 in its medical period


def test_a_relative_told_with_the_time_of_day() -> None:
    told = facts("我父亲今天在工地施工中，一根钢管砸在手上，缝了九针")
    assert told.get("asker") == "family" and told.get("relation") == "父亲"


def test_the_shop_owner_hears_his_own_duty(service: AnswerService) -> None:
    text = service.ask(
        "我是个体户，开了个小超市，请的人干了半年没签合同，现在她要走，我要赔她双倍工资吗"
    ).text
    _, first = opening(text)
    assert "你是用人单位" in first and "二倍工资" in first


def test_the_worker_on_leave_for_a_work_injury_hears_the_treatment_period(service: AnswerService) -> None:
    _, first = opening(service.ask("工伤期间公司能辞退我吗").text)
    assert "停工留薪期" in first and "非因工负伤" not in first


def test_the_family_hears_the_steps_said_of_the_relative(service: AnswerService) -> None:
    text = service.ask("我老公在工地从架子上摔下来骨折了，公司不管，我们家属能帮他申请工伤认定吗").text
    assert "为你申请" not in text and "你老公本人、家属或工会" in text


def test_the_worker_hurt_keeps_being_spoken_to(service: AnswerService) -> None:
    text = service.ask("我在工地从架子上摔下来骨折了，公司不管，怎么申请工伤认定").text
    assert "你老公" not in text and ("为你申请" in text or "你本人" in text)
