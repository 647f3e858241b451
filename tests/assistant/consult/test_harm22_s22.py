"""Answers that could cost a worker a right, fixed as classes (session 22, harm22, issue 13), in our own wording:

- someone else's job read as a household's: a colleague's or a relative's job at a company, a shop or a station
  (the word 雇主 said) is answered on the labour route, not 民法典 1192 and the court; a household hiring told
  (住家保姆, 一户人家) keeps the household answer;
- an injury at work told with a faint or an illness: a living worker hurt in the fall (a fracture, a wound) is sent
  to 工伤认定 (工伤保险条例 14(1), 17, 19(2)), never told 不算工伤 by the 48-hour rule of 15(1)(一), which is for a
  death; an illness survived without an injury, and a death, keep their answers;
- a condition stated twice: a later part of the answer that states again the condition an earlier part on the same
  clause already stated is dropped (the commuting rule said once)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.answer import AnswerService
from assistant.consult.facts import extract_facts
from assistant.consult.guides import ClauseRef
from assistant.consult.plan import Sentence, _drop_restated

from .planning import first_of

TODAY = date(2026, 12, 5)


def _plan(service: AnswerService, question: str):  # noqa: ANN202 - the service's plan type
    return service.prepare(question, []).request.plan


def _conclusion(service: AnswerService, question: str) -> str:
    """The whole 结论 paragraph the service answers with."""
    text = service.ask(question).text
    return text.split("**结论**", 1)[1].strip().split("\n\n", 1)[0]


# --- someone else's job read as a household's ---------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "我同事被公司开除了，雇主说一分钱补偿都不给，这样合法吗",
        "我表哥在一家商场做保安，雇主拖了三个月工资不发，该怎么办",
        "我朋友在饭店当厨师，雇主突然说不用他了，能要补偿吗",
    ],
)
def test_a_colleague_or_relative_at_a_company_is_not_a_household(
    service: AnswerService, question: str
) -> None:
    plan = _plan(service, question)
    assert not any(ref.startswith("personal_service_and_harm") for ref in plan.selected)
    text = service.ask(question).text
    assert "不是劳动关系" not in text and "第一千一百九十二条" not in text


def test_a_relative_at_a_logistics_company_is_not_help_given_to_a_relative(service: AnswerService) -> None:
    question = "帮亲戚打听一下：他在一家快运公司跑车，倒车时刮了别人的车，人没事，公司让他赔两千块修车钱，从工资里扣，合理吗"
    plan = _plan(service, question)
    assert not any(ref.startswith("personal_service_and_harm") for ref in plan.selected)
    assert "work_injury_recognition/private_help" not in plan.selected


def test_a_relatives_dismissal_with_the_word_employer_has_no_injury_heads(service: AnswerService) -> None:
    text = service.ask("我妹妹签了劳动合同干了三年，这周雇主突然叫她明天别来了，能要赔偿吗").text
    assert "给私人干活受伤的" not in text
    assert "先分清是谁雇的你" not in text


def test_a_shop_or_a_colleague_names_an_employer_in_the_facts() -> None:
    facts = extract_facts(["我同事在超市上班，雇主拖着工资不发"], TODAY)
    assert facts.get("unit_named") is True
    assert facts.get("employer_kind") is None


@pytest.mark.parametrize(
    "question",
    [
        "我在一户人家当住家保姆，雇主拖了两个月工资不给，能要回来吗",
        "我妈给城里一户人家带孩子，主家突然不让她干了，工钱还差一个月，能要吗",
    ],
)
def test_a_household_hiring_keeps_the_household_answer(service: AnswerService, question: str) -> None:
    assert "personal_service_and_harm/household_pay" in _plan(service, question).selected


# --- an injury at work told with a faint or an illness -----------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "我在厂里干活时突然头晕昏倒，脸磕在台阶上下巴骨折了，人没事，厂里说自己生病不算工伤，对吗",
        "老公上班时高血压犯了摔倒在车间，手腕骨折，已经出院了，能算工伤吗",
    ],
)
def test_a_living_worker_hurt_in_a_faint_is_sent_to_recognition(
    service: AnswerService, question: str
) -> None:
    first = first_of(service, question)
    assert "申请工伤认定" in first and "1年内" in first
    assert not first.startswith(("不算工伤", "要看结果"))
    text = service.ask(question).text
    assert "人抢救过来了，按生病处理" not in text
    assert "死亡时间以医院出具" not in text


def test_an_illness_survived_without_an_injury_keeps_its_answer(service: AnswerService) -> None:
    assert first_of(service, "我哥上班时脑溢血，抢救过来了但半身不遂，算工伤吗").startswith(
        "不算工伤（也不视同工伤）"
    )


def test_a_death_after_a_faint_keeps_the_48_hour_rule(service: AnswerService) -> None:
    first = first_of(service, "我爸在车间上班时晕倒，送医院抢救了一天人还是走了，算工伤吗")
    assert "48小时" in first and "申请工伤认定：你" not in first


# --- a condition stated twice --------------------------------------------------------------------------------

COMMUTE = ClauseRef.parse("工伤保险条例 第十四条第（六）项")
APPLY = ClauseRef.parse("工伤保险条例 第十七条第二款")


def test_a_later_part_on_the_same_rule_that_restates_the_condition_is_dropped() -> None:
    said = [
        Sentence(
            "先要看能不能认定：上下班路上只有遇到不是本人主要责任的交通事故（或城市轨道交通、客运轮渡、火车事故）才算；"
            "能认定的，按伤残等级领待遇。",
            (COMMUTE, APPLY),
        )
    ]
    later = (
        "要看是不是交通事故：在上下班路上，受到非本人主要责任的交通事故（或城市轨道交通、客运轮渡、火车事故）伤害的，"
        "能认定工伤；自己摔倒、滑倒的，不能认定。"
    )
    assert _drop_restated(later, (COMMUTE,), said) is None


def test_a_later_part_keeps_what_it_adds_on_a_clause_of_its_own() -> None:
    said = [
        Sentence(
            "上下班路上只有遇到不是本人主要责任的交通事故（或城市轨道交通、客运轮渡、火车事故）才算工伤。",
            (COMMUTE,),
        )
    ]
    later = (
        "上下班路上只有受到不是本人主要责任的交通事故（或城市轨道交通、客运轮渡、火车事故）伤害才算工伤；"
        "能认定的，在受伤之日起1年内自己申请工伤认定，再按伤残等级领待遇。"
    )
    kept = _drop_restated(later, (COMMUTE, APPLY), said)
    assert kept == "能认定的，在受伤之日起1年内自己申请工伤认定，再按伤残等级领待遇。"
    # Another clause's sentence with the same words is not a restatement of this one's condition.
    assert _drop_restated(later, (APPLY,), said) == later


def test_a_fall_on_the_way_home_states_the_commuting_rule_once(service: AnswerService) -> None:
    conclusion = _conclusion(service, "我老婆下班路上摔了一跤把腿摔断了，算不算工伤，能赔多少钱")
    assert conclusion.count("主要责任") == 1
    assert "领待遇" in conclusion
