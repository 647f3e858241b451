"""Session 24 (issue 13): classes the session-23 blind readers named, in the team's own wording (never a forum question).

1. The amount stated without the ending that owes it: the years told, nobody said who ends the contract (or only the
   employer's intent): N is said with its condition — the employer's ending or proposal owes it, no lawful ground
   2N, the worker's own resignation nothing unless for the employer's fault (劳动合同法 36, 38, 46, 47, 87).
2. An expiry asked as damages (合同到期不续签，怎么赔偿): a lawful ending with N (44(1), 46(5)), not "depends on the
   reason you were dismissed".
3. A transfer told as 转岗 / 岗位调整: the transfer's answers (refusing alone earns nothing), not the bare N formula.
4. The pay withheld while off for a work injury, told in other words (不想给工资, 说养伤没有工资): unlawful first
   (工伤保险条例 33(1)).
5. 解聘 is the employer's dismissal; 出了工伤 / 发生了工伤事故 tells an injury.
6. After the blind reading: an ending agreement told signed as 签订了 is a signature (not "先别签"); a worker past the
   retirement age is not told "age does not limit N", and 60 with the sex unknown opens with whether the age is reached
   (劳动合同法 44(2), 实施条例 21)."""

from __future__ import annotations

from assistant.answer import AnswerService
from assistant.consult.answer_examples import Choice
from assistant.consult.facts import extract_facts
from assistant.consult.guides import load_guides
from tests.assistant.consult.planning import (
    TODAY,
    conclusion_cites,
    conclusion_text,
    plan_with_choice,
    ranked,
    service_plan,
)

# Class 1: who ends the contract decides N.


def test_years_told_and_nobody_said_who_ends_it_gives_n_with_its_condition(service: AnswerService) -> None:
    plan = service_plan(service, "在单位干了8年，解除劳动合同有多少经济补偿？")
    first = plan.conclusion[0].text
    assert first.startswith("要看是谁提出解除的")
    assert "8个月工资" in first
    assert "主动辞职的，一般没有经济补偿" in first
    assert conclusion_cites(plan, "劳动合同法", 46) and conclusion_cites(plan, "劳动合同法", 87)


def test_a_dismissal_told_keeps_its_own_answer_without_the_resignation_condition(
    service: AnswerService,
) -> None:
    plan = service_plan(service, "我在这个厂上了8年班，上个月厂里把我辞退了，能拿几个月的补偿？")
    assert not plan.conclusion[0].text.startswith("要看是谁提出解除的")
    assert "主动辞职" not in plan.conclusion[0].text


def test_the_employer_asking_is_not_told_about_its_own_resignation(service: AnswerService) -> None:
    plan = service_plan(service, "我是老板，一个员工在我们公司干了5年，解除合同要补偿多少？")
    assert "你自己主动辞职" not in conclusion_text(plan)


# Class 2: an expiry asked as damages.


def test_an_expiry_under_the_damages_answer_is_a_lawful_ending_with_n() -> None:
    ref = "unlawful_termination/damages"
    question = "干了四年，合同到期了厂里不跟我续，怎么赔偿？"
    plan = plan_with_choice(question, ranked("unlawful_termination"), Choice(ref, 0.9, {ref: 0.9}))
    assert plan.selected[0] == ref
    first = plan.conclusion[0].text
    assert "一般不算违法辞退" in first and "4个月工资" in first
    assert not first.startswith("要看单位辞退你的理由")
    assert conclusion_cites(plan, "劳动合同法", 44)


def test_an_open_ended_contract_ended_as_expired_is_still_unlawful() -> None:
    ref = "unlawful_termination/damages"
    question = "我签的是无固定期限合同，公司说合同到期了不续了，怎么赔偿？"
    plan = plan_with_choice(question, ranked("unlawful_termination"), Choice(ref, 0.9, {ref: 0.9}))
    assert "一般不算违法辞退" not in conclusion_text(plan)
    assert "没有“到期”这一说" in conclusion_text(plan)


# Class 3: a transfer in its other words.


def test_a_refused_transfer_told_as_zhuangang_is_the_transfer_answer(service: AnswerService) -> None:
    plan = service_plan(service, "领导通知我下个月转岗去仓库，我不同意，能拿多少经济补偿？")
    assert plan.selected[0].startswith("rules_and_transfer/")
    assert "不同意调岗本身拿不到补偿" in conclusion_text(plan)


# Class 4: the pay withheld while off for a work injury.


def test_pay_withheld_while_off_for_the_injury_is_unlawful_first(service: AnswerService) -> None:
    plan = service_plan(service, "我在车间被机器夹伤了手，歇了二十天，厂里不想给工资，说养伤期间没工资")
    assert plan.selected[0] == "work_injury_benefits/stop_work_pay_cut"
    assert plan.conclusion[0].text.startswith("不合法，原工资应当照发")
    assert conclusion_cites(plan, "工伤保险条例", 33)


def test_pay_withheld_after_recognition_was_refused_is_not_called_unlawful(service: AnswerService) -> None:
    plan = service_plan(service, "我在车间被机器夹伤了手，人社局不予认定工伤，厂里不给工资，怎么办")
    assert not plan.conclusion[0].text.startswith("不合法，原工资应当照发")


# Class 5: the words of an ending and of an injury.


def test_jiepin_is_a_dismissal_and_a_work_injury_event_is_an_injury() -> None:
    assert extract_facts(["公司把我解聘了，我干了六年"], TODAY).get("termination") == "dismissed"
    assert extract_facts(["上个月在厂里出了工伤，老板不管"], TODAY).get("injured") is True
    assert extract_facts(["工伤保险是单位交的吗"], TODAY).get("injured") is None


# Class 6: an ending agreement signed in the formal word; an age at the retirement line.


def test_an_agreement_told_signed_with_qianding_is_not_answered_dont_sign(service: AnswerService) -> None:
    question = (
        "厂里和我们协商解除合同，我已经签订了解除劳动合同的协议，只拿到一个月工资，干了三年多，还能再要吗？"
    )
    assert extract_facts([question], TODAY).get("agreement_signed") is True
    plan = service_plan(service, question)
    assert not plan.conclusion[0].text.startswith("先别签")
    assert "显失公平" in conclusion_text(plan) or "撤销" in conclusion_text(plan)


def test_a_worker_past_the_retirement_age_is_not_told_age_does_not_matter(service: AnswerService) -> None:
    plan = service_plan(service, "我今年61了，在厂里干了8年，厂里把我辞退了，有补偿吗？")
    first = plan.conclusion[0].text
    assert not first.startswith("不会，经济补偿不受年龄限制")
    assert first.startswith("一般拿不到经济补偿")


def test_an_age_of_sixty_with_the_sex_unknown_opens_with_the_retirement_question(
    service: AnswerService,
) -> None:
    plan = service_plan(service, "年满60岁的员工被单位解聘了，补偿标准是什么？")
    assert plan.conclusion[0].text.startswith("要看你是不是已经到了法定退休年龄")
    assert conclusion_cites(plan, "劳动合同法", 44)


def _first_branch(guide_id: str, answer_id: str, values: dict[str, object]) -> str:
    guide = next(g for g in load_guides().all() if g.id == guide_id)
    answer = next(a for a in guide.answers if a.id == answer_id)
    return next(b.say for b in answer.branches if b.when.holds(values) is True)


def test_the_dismissal_answer_for_a_signed_agreement_says_what_the_signature_settled() -> None:
    # The learned choice can open the dismissal answer where the agreement guide was not weighed (no 协商 said).
    dismissed = {
        "agreement_signed": True,
        "termination": "dismissed",
        "ending_ground": "none",
        "severance_months": 3.0,
    }
    say = _first_branch("unlawful_termination", "damages", dismissed)
    assert say.startswith("你已经签了解除协议") and "显失公平" in say and "{severance_months}个月工资" in say
    unsigned = {
        "termination": "dismissed",
        "ending_ground": "none",
        "severance_months": 3.0,
        "damages_months": 6.0,
    }
    assert not _first_branch("unlawful_termination", "damages", unsigned).startswith("你已经签了解除协议")


# Class 7 (a learn-half reading): the year of the standard asked; every ending that owes N named.


def test_the_year_asked_prices_the_death_grant_of_that_year(service: AnswerService) -> None:
    facts = extract_facts(["2019年湖南工亡补助金是多少？"], TODAY)
    assert facts.get("standard_year") == 2019
    plan = service_plan(service, "2019年湖南工亡补助金是多少？")
    text = conclusion_text(plan)
    assert "如果是在2019年去世的" in text
    assert "2026年去世" not in text
    # A dated event in the message: its date, not a year of standard, decides.
    assert extract_facts(["2019年3月入职，去年受伤，工伤赔偿标准是多少"], TODAY).get("standard_year") is None


def test_a_death_benefit_asked_is_not_answered_with_the_dismissal_grounds(service: AnswerService) -> None:
    plan = service_plan(service, "工伤死亡赔偿金是多少？")
    answer = " ".join(s.text for s in [*plan.conclusion, *plan.reasons])
    assert "要看单位辞退你的理由" not in answer


def test_a_resignation_read_in_a_general_question_names_every_ending_that_owes_n() -> None:
    say = _first_branch("severance_compensation", "amount", {"termination": "resigned"})
    assert say.startswith("要看为什么走：自己主动辞职的，单位不付经济补偿")
    assert "只有因为单位欠薪" not in say
    assert "先提出协商解除或者合同到期不续签的，单位也要付" in say


def test_a_worker_who_would_quit_is_not_promised_a_dismissals_double_pay() -> None:
    assert extract_facts(["假如我离职，能要什么赔偿？"], TODAY).get("termination") == "resigned"
    assert extract_facts(["公司让我离职，能要什么赔偿？"], TODAY).get("termination") != "resigned"
    say = _first_branch(
        "unlawful_termination", "damages", {"termination": "resigned", "severance_months": 10.0}
    )
    assert say.startswith("你自己辞职不是被辞退，没有两倍赔偿金")


# Class 8 (the final reading): the time served told in other words is not asked again.


def test_the_start_told_with_an_entering_verb_gives_the_tenure() -> None:
    assert extract_facts(["我2016年进入公司上班，上个月被辞退了"], TODAY).get("start_date") == "2016-01-01"
    assert extract_facts(["我05年进到厂里干活，现在厂子不要我了"], TODAY).get("start_date") == "2005-01-01"
    assert extract_facts(["2021年进入仲裁程序，公司一直拖着"], TODAY).get("start_date") is None


def test_more_than_a_year_and_under_a_year_and_a_half_is_one_figure() -> None:
    facts = extract_facts(["我在厂里干了超过一年不到一年半，厂里把我辞退了"], TODAY)
    assert facts.get("service_months") == 15.0
    assert facts.get("service_vague") is None
    # Without the bound under it, the span stays (一年多: 1.5 or 2 months of N).
    assert extract_facts(["我在厂里干了超过一年，厂里把我辞退了"], TODAY).get("service_vague") == "一年多"


def test_a_contract_told_by_the_day_signed_and_the_day_it_expired_gives_the_tenure() -> None:
    facts = extract_facts(["2019年3月1日和厂里签订劳动合同，2022年3月1日合同到期，厂里不续了，怎么赔"], TODAY)
    assert facts.get("service_months") == 36.0
    renewed = extract_facts(["2018年签了劳动合同，2020年又续签了，2023年到期公司不续"], TODAY)
    assert renewed.get("service_months") is None


def test_the_recognition_document_named_is_not_the_stage_reached() -> None:
    assert extract_facts(["工伤认定书在哪里办？"], TODAY).get("injury_stage") is None
    assert extract_facts(["交警认定书出来了，对方全责，算工伤吗"], TODAY).get("injury_stage") is None
    assert extract_facts(["我的工伤认定书下来了，下一步怎么办"], TODAY).get("injury_stage") == "recognised"
    assert extract_facts(["工伤认定书已经拿到了，接下来该干嘛"], TODAY).get("injury_stage") == "recognised"
    assert extract_facts(["认定书上写的是工伤，老板还不给钱"], TODAY).get("injury_stage") == "recognised"
