"""Answers to injured workers (session 23, inj23, issue 13), fixed as classes from the blind reading of unseen
answers, in our own wording:

- an injury at work sent straight to arbitration: for a living worker whose injury is not yet recognised, any
  arbitration, lawsuit or claim named as a step comes after the 工伤认定 application and its one-year limit
  (工伤保险条例 17; an uninsured employer pays every benefit, 62(2)) — whichever guide the steps came from
  (corpus/consult/stages.toml [[order]], assistant/consult/stages.py apply_orders);
- the verdict not given when asked 算不算工伤: a worker hurt while working opens with 应当认定为工伤 (14(1); just
  before or after the shift in the workplace, 14(2)), on the condition of a labour relation, then the steps — not
  only steps, nor a trip's, a commute's, a time limit's or clocking in's answer;
- fault: the worker's own fault asked (过失, 没按规程) is answered (no-fault, only 16 bars it) beside the papers
  asked in the same question;
- pay while off work: asked how the pay runs (受伤后工资怎么算, 停工期间发不发工资, 老板发还是社保发), the
  停工留薪期 opens (33: the old wage by the employer, generally ≤ 12 months, ≤ 12 more)."""

from __future__ import annotations

import re

import pytest

from assistant.answer import AnswerService
from assistant.consult.facts import extract_facts
from assistant.consult.guides import ClauseRef
from assistant.consult.plan import ConsultPlan, Sentence
from assistant.consult.stages import apply_orders, load_stages

from .planning import TODAY


def _plan(service: AnswerService, question: str) -> ConsultPlan:
    plan = service.prepare(question, []).request.plan
    assert plan is not None
    return plan


def _conclusion(service: AnswerService, question: str) -> str:
    text = service.ask(question).text
    return text.split("**结论**", 1)[1].strip().split("\n\n", 1)[0]


# --- an injury at work sent straight to arbitration ----------------------------------------------------------

_ARBITRATION = re.compile(r"仲裁|起诉|诉讼")
_NOT_A_STEP = ("确认劳动关系", "行政复议", "不予认定", "不服", "仲裁申请书草稿")
_APPLICATION = re.compile(r"(工伤认定|认定工伤|申请认定)")
_YEAR = re.compile(r"1年|一年")


def _read_order(text: str) -> tuple[int | None, int | None]:
    """In what the worker reads (the article quotes, sources and cases left out): the sentence number of the first
    step naming arbitration or a suit, and of the first sentence telling the 工伤认定 application with its year."""
    body = re.split(r"\*\*(其他相关规定|法律依据|相关案例)\*\*", text)[0]
    steps = re.search(r"\*\*下一步怎么做\*\*.*", text, re.S)
    body += "\n" + (steps.group(0) if steps else "")
    body = re.sub(r"「[^」]*」", "", body)
    first_step = first_said = None
    for n, sentence in enumerate(re.split(r"(?<=[。\n])", body)):
        application, step = _APPLICATION.search(sentence), _ARBITRATION.search(sentence)
        if any(w in sentence for w in _NOT_A_STEP):
            step = None
        told_first = (
            application and _YEAR.search(sentence) and (step is None or application.start() < step.start())
        )
        if first_said is None and told_first:
            first_said = n
        if first_step is None and step and not told_first:
            first_step = n
    return first_step, first_said


@pytest.mark.parametrize(
    "question",
    [
        # Our own wording of the class: hurt at work, not yet recognised, the grade or the money asked.
        "我在厂里搬货时被货架砸伤了脚，一个多月没上班，厂里没给交社保，这种伤能评上伤残吗",
        "我老公在车间被机器轧伤了手指，医生说可能评不上伤残等级，单位是不是就什么都不用赔了",
        "我弟弟在工厂上班时手被卷进机器，厂里说等伤好了再说，伤残鉴定该怎么做",
    ],
)
def test_an_injury_not_yet_recognised_reads_the_application_before_any_arbitration(
    service: AnswerService, question: str
) -> None:
    first_step, first_said = _read_order(service.ask(question).text)
    assert first_said is not None
    assert first_step is None or first_said < first_step


def _values(question: str) -> dict:
    return dict(extract_facts([question], TODAY).values())


def _order_plan(
    service: AnswerService, question: str, steps: list[str], conclusion: list[str]
) -> ConsultPlan:
    plan = _plan(service, question)
    plan.situations = []
    plan.reasons, plan.claims = [], []
    plan.steps = [Sentence(s) for s in steps]
    plan.conclusion = [Sentence(s) for s in conclusion]
    return plan


_ARB_STEP = "停工期间单位不发工资的，可以申请劳动仲裁。"
_APPLY_STEP = "单位不申请的，你在受伤之日起1年内自己去人社局申请工伤认定。"


def test_a_later_application_step_moves_before_the_arbitration_step(service: AnswerService) -> None:
    question = "我在车间被机器压伤了手，现在怎么办"
    plan = _order_plan(
        service, question, [_ARB_STEP, "伤情稳定后申请劳动能力鉴定。", _APPLY_STEP], ["先治伤。"]
    )
    apply_orders(plan, _values(question), load_stages())
    assert [s.text for s in plan.steps] == [_APPLY_STEP, _ARB_STEP, "伤情稳定后申请劳动能力鉴定。"]


def test_no_application_step_at_all_gets_the_rule_sentence_first(service: AnswerService) -> None:
    question = "我在车间被机器压伤了手，厂里没给我交工伤保险，现在怎么办"
    plan = _order_plan(service, question, ["治疗期间票据收好。", _ARB_STEP], ["先治伤。"])
    apply_orders(plan, _values(question), load_stages())
    assert plan.steps[1].text.startswith("还没认定工伤的")
    assert "1年" in plan.steps[1].text
    assert ClauseRef.parse("工伤保险条例 第六十二条第二款") in plan.steps[1].cite  # uninsured: 62(2) said


def test_an_opening_naming_arbitration_gets_the_application_before_it(service: AnswerService) -> None:
    question = "我在车间被机器压伤了手，现在怎么办"
    plan = _order_plan(service, question, [], ["单位不赔的，直接申请劳动仲裁。"])
    apply_orders(plan, _values(question), load_stages())
    assert plan.conclusion[0].text.startswith("还没认定工伤的")
    assert plan.conclusion[1].text == "单位不赔的，直接申请劳动仲裁。"


@pytest.mark.parametrize(
    "question",
    [
        "我的工伤已经认定下来了，单位不发停工期间的工资怎么办",  # recognised: arbitration is the next step
        "我是老板，员工在车间被机器压伤了手，我们要怎么办",  # the employer: its own duties
    ],
)
def test_the_order_is_not_imposed_past_recognition_or_on_the_employer(
    service: AnswerService, question: str
) -> None:
    plan = _order_plan(service, question, [_ARB_STEP], ["先治伤。"])
    apply_orders(plan, _values(question), load_stages())
    assert [s.text for s in plan.steps] == [_ARB_STEP]


def test_confirming_the_labour_relation_first_is_not_reordered(service: AnswerService) -> None:
    question = "我在车间被机器压伤了手，厂里说我不是他们的人，怎么办"
    step = "单位不承认劳动关系的，先申请劳动仲裁确认劳动关系，再去认定工伤。"
    plan = _order_plan(service, question, [step, _APPLY_STEP], ["先治伤。"])
    apply_orders(plan, _values(question), load_stages())
    assert [s.text for s in plan.steps] == [step, _APPLY_STEP]


# --- the verdict not given when asked 算不算工伤 -----------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "我在车间开冲床的时候手被压伤了，这种算不算工伤？",
        "在物流仓库往货车上装货，被叉车碰伤了腰，这算工伤吗",
        "我在饭店后厨洗碗时被碎碗划伤了手，缝了几针，是工伤吗",
    ],
)
def test_hurt_while_working_asked_whether_it_counts_opens_with_the_verdict(
    service: AnswerService, question: str
) -> None:
    plan = _plan(service, question)
    assert plan.selected[0] == "work_injury_recognition/counts"
    opening = _conclusion(service, question)
    assert opening.startswith("在工作时间、工作场所内因为工作原因受伤的，应当认定为工伤")
    assert (
        "前提是你和单位之间是劳动关系" in opening and "1年内" in opening and "第十四条第（一）项" in opening
    )


def test_hurt_inside_the_gate_after_the_shift_is_the_preparatory_or_closing_work_rule(
    service: AnswerService,
) -> None:
    question = "下班以后还在厂区里，被倒车的叉车撞伤了腿，能算工伤不"
    plan = _plan(service, question)
    assert plan.selected[0] == "work_injury_recognition/counts"
    opening = _conclusion(service, question)
    assert "上班前后在工作场所内做准备或收尾工作时受伤" in opening and "第（二）项" in opening
    assert "前提是你和单位之间是劳动关系" in opening


def test_late_for_work_is_a_commute_not_a_time_limit(service: AnswerService) -> None:
    question = "早上上班晚了一点，急着赶路骑摩托在路口滑倒了，这种能算工伤吗"
    assert _plan(service, question).selected[0] == "work_injury_recognition/commute"


def test_a_rider_who_clocks_in_asking_whether_a_fall_counts_is_not_told_about_clocking_in(
    service: AnswerService,
) -> None:
    question = "我是站点招的专送骑手，每天要排班打卡，跑单的时候自己摔伤了，能算工伤吗"
    assert _plan(service, question).selected[0] != "work_injury_benefits/no_clock_in"


# --- fault ----------------------------------------------------------------------------------------------------


def test_own_fault_asked_beside_the_papers_is_answered_first(service: AnswerService) -> None:
    question = "我在车间没按规程操作，手被机器夹伤了，我自己有过失还算工伤吗？认定工伤需要准备哪些材料？"
    plan = _plan(service, question)
    assert plan.selected[:2] == [
        "work_injury_recognition/employer_denies",
        "work_injury_recognition/how_to_apply",
    ]
    assert _conclusion(service, question).startswith("能算，有没有过错不影响工伤")


# --- pay while off work -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "在工地干活被钢管砸伤了，停工期间单位还发不发工资？",
        "我在厂里被机器弄伤了手，受伤后的工资怎么算",
        "工伤在家休养这段时间，工资是老板发还是社保发？",
    ],
)
def test_pay_while_off_asked_opens_with_the_stoppage_period(service: AnswerService, question: str) -> None:
    plan = _plan(service, question)
    assert plan.selected[0] in {"work_injury_benefits/stop_work_pay", "work_injury_recognition/pay_while_off"}
    opening = _conclusion(service, question)
    assert opening.startswith(("应当照发", "能。"))
    assert "原工资福利待遇不变" in opening and "由所在单位按月支付" in opening
    assert "一般不超过12个月" in opening and "延长" in opening
