"""Session 27 (issue 13): classes from a lawyer's blind reading of 60 learn-half answers, written from the law in the
team's own wording (never a forum question).

1. An ending of a worker exposed to occupational hazards (喷漆, 粉尘, 有害物质): no ending before the exit health
   examination (职业病防治法 35; 劳动合同法 42(1)), said beside the ending's money.
2. Pay withheld over a move (搬厂…不去就不发工资): the pay is owed regardless and lets the worker leave at once with
   compensation (劳动合同法 38(1)(2), 46(1)) — not "don't resign".
3. No written contract told in passing beside another dispute: the double wage (劳动合同法 82) is named, the job ending
   or not.
4. An injured worker insured on a base below the wage: the fund counts 本人工资 on the base (工伤保险条例 64(2)); the
   shortfall is the employer's, and the contributions can be claimed (社会保险法 60, 63).
5. The employer moves a worker on an open-ended contract to another entity to re-sign: the years carry over and the
   open-ended term can be kept (实施条例 10; 解释（一） 46; 劳动合同法 35).
6. A hospital stay is part of the 停工留薪期, not all of it (工伤保险条例 33(2)).
7. An illness at work whose bills the family is told to pay: a survivor's bills go through the medical insurance, or
   the employer where it never enrolled the worker (社会保险法 23; 解释（一） 1(5)).
8. Fingers named by their number (2、3、4指) are fingers: the finger grade estimate answers.
9. A payslip named as the source of a figure is no request for one; the arrears resignation answers only pay owed.
10. Pay habitually late (工资一直拖) is pay owed: leave at once in writing, not with 30 days' notice.
11. A date that begins something (从2015年开始…) never dates the end of the job.
12. An injured worker with no written contract: no contract does not bar 工伤认定 (工伤保险条例 18(1)(2)); the relation
    is proved with records (确立劳动关系通知 2), and an uninsured employer pays every item (62(2)).
13. A business term or licence left to run out (经营许可到期后不再延期) is a closure (解释（一） 48; 劳动合同法 44(5)).
14. A worker graded 1–4 who died years after the injury: the funeral grant and pensions, no 工亡 lump sum (39(3)).
15. Insurance the employer never bought "for me" (没帮我购买保险) is social insurance unpaid (a car's is not).
16. Fifteen years here and an ending on a ground of 40 or 41, the age untold: the bar of 劳动合同法 42(5) as a condition.
17. 解除劳动关系 is an ending, not the relation in doubt: no "no contract" answer for it.
18. A fracture named and its grade asked: its usual grade (ten, once healed) opens, the appraisal deciding.
19. The employer named as the place of work (在公司干了20年，想解除劳动合同) is not the one ending the contract.
20. An offer in months asked whether it is fair (赔偿一个月工资合理吗) is read as the offer and set against N and 2N.
21. An offer in yuan with the wage untold (评了九级，企业说付我六万): the monthly wage at which it only just reaches the
    first figure whose months are known; a threat about resigning (威胁我们辞职一分不发) is no resignation made; a
    private business's boss (私人老板) is no household.
22. A high earner's years before 2008 are not capped with the rest (97(3)); the damages count every year (实施条例 25).
23. Named by a check-half reader (so those check answers are no longer unseen): a work injury another party caused — the
    civil claim beside the benefits (最高法工伤行政规定 8; 民法典 1179); 不再用我 / 顶替我 is a dismissal; 劳动手册
    (holding 动手) is no violence.
24. A sentence's half after 「；」 (劳动合同法 97(3)'s proviso) is quoted with it.
25. A relative cared for (奶奶生病住院，我请假回去照顾) is not the sick worker, nor the asker's subject.
26. From the fourth learn reading: a crash of the worker's own vehicle on the road is a traffic accident, its finding
    decides (道路交通安全法 119(5), 工伤保险条例 14(6)); a death on the way home by illness is priced as no 工亡; an expiry
    enforced on a pregnant worker is unlawful (45, 48, 87); a grade 7–10 estimate names the two leaving sums.
27–28. Check-named: a benefit named in full (一次性伤残补助金) is answered as itself when the learned choice's words do
    not name it; part pay while off for a work injury is unlawful (33(1)); a finger's loss of function asked as a grade
    (有障碍，能评定多少级) is answered, not greeted (taxonomy keyword 多少级).
29. Check-named: a wage below every minimum wage in force is surely below 60 % of the local average, so the lump sum
    at it is not said as the worker's (工伤保险条例 64(2)); 缴纳社会保险 read as paid, 没有缴纳 / 未缴纳 as unpaid, 要求缴纳 as
    neither."""

from __future__ import annotations

import pytest

from assistant.answer import AnswerService
from assistant.consult.facts import extract_facts
from tests.assistant.consult.planning import TODAY, conclusion_cites, conclusion_text, service_plan

# Class 1: hazardous work ended.


@pytest.mark.parametrize(
    "message",
    [
        "我在喷漆车间干了六年，现在厂里要裁员",
        "车间粉尘很大，干了八年，公司说合同到期不续了",
        "我们厂接触有害物质，现在老板要辞退我",
    ],
)
def test_hazardous_work_is_read(message: str) -> None:
    assert extract_facts([message], TODAY).get("hazard_work") is True


def test_an_ending_of_hazardous_work_says_the_exit_examination_comes_first(service: AnswerService) -> None:
    plan = service_plan(service, "我在电镀厂接触有害物质干了九年，厂里说要裁员，给我N就让我走，合理吗？")
    text = conclusion_text(plan)
    assert "离岗前职业健康检查" in text
    assert conclusion_cites(plan, "职业病防治法", 35) and conclusion_cites(plan, "劳动合同法", 42)


def test_hazardous_work_without_an_ending_adds_no_examination_sentence(service: AnswerService) -> None:
    plan = service_plan(service, "我在打磨车间上班，粉尘很大，单位不发口罩，合法吗？")
    assert "离岗前职业健康检查" not in conclusion_text(plan)


# Class 2: pay withheld over a move.


def test_pay_withheld_over_a_move_opens_with_the_pay_and_leaving_at_once(service: AnswerService) -> None:
    plan = service_plan(service, "公司要搬到邻市，我们不愿意去，老板就把上个月工资压着不发，怎么办？")
    first = plan.conclusion[0].text
    assert first.startswith("工资不能扣着不发")
    assert conclusion_cites(plan, "劳动合同法", 38)
    assert "不能自己辞职" not in first


def test_a_move_with_no_pay_owed_keeps_the_move_answer(service: AnswerService) -> None:
    plan = service_plan(service, "公司要搬到邻市，我不愿意去，能要补偿吗？")
    assert plan.conclusion[0].text.startswith("可以要，但要由单位解除")


# Class 3: no contract told beside another dispute.


def test_no_contract_told_beside_a_deduction_names_the_double_wage(service: AnswerService) -> None:
    plan = service_plan(
        service, "在饭店干了五个月一直没签合同，老板说我打碎了盘子要扣半个月工资，我该怎么办？"
    )
    assert "二倍工资" in conclusion_text(plan)
    assert conclusion_cites(plan, "劳动合同法", 82)


def test_the_double_wage_is_not_said_twice_when_the_opening_answers_it(service: AnswerService) -> None:
    plan = service_plan(service, "干了一年多没签合同，被老板辞了，二倍工资能要几个月？")
    assert conclusion_text(plan).count("另外，") <= 1 or "另外，没签书面劳动合同" not in conclusion_text(plan)


# Class 4: insured on a low base.


@pytest.mark.parametrize(
    ("message", "base"),
    [("月薪6500，公司社保按3000的基数交", 3000.0), ("工资八千，保险是按2600交的", 2600.0)],
)
def test_an_insurance_base_told_as_a_figure_is_read_and_compared_with_the_wage(
    message: str, base: float
) -> None:
    facts = extract_facts([message], TODAY)
    assert facts.get("insurance_base") == base
    assert facts.get("insurance_underpaid") is True


def test_a_base_no_lower_than_the_wage_is_no_underpayment() -> None:
    facts = extract_facts(["月薪3000，社保是按3000交的"], TODAY)
    assert facts.get("insurance_underpaid") is None


def test_an_injured_worker_insured_on_a_low_base_hears_of_the_shortfall(service: AnswerService) -> None:
    plan = service_plan(service, "工伤评了九级，我每月工资6000，公司工伤保险按2500交的，补助金怎么算？")
    text = conclusion_text(plan)
    assert "2500" in text and "补足差额" in text
    assert conclusion_cites(plan, "工伤保险条例", 64) and conclusion_cites(plan, "社会保险法", 63)


# Class 5: moved to another entity on an open-ended contract.


def test_a_move_to_another_entity_keeps_the_years_and_the_open_ended_term(service: AnswerService) -> None:
    plan = service_plan(service, "我签的是无固定期限合同，公司让我跟另一家公司重签，说只签一年，我要不要签？")
    text = conclusion_text(plan)
    assert ("合并计算" in text or "连续计算" in text) and "签无固定期限合同" in text
    assert conclusion_cites(plan, "劳动合同法实施条例", 10)


# Class 6: a hospital stay is part of the period.


def test_months_in_hospital_are_part_of_the_paid_period_not_all_of_it(service: AnswerService) -> None:
    plan = service_plan(service, "工伤十级，住院一个半月，能拿多少钱？")
    text = conclusion_text(plan)
    assert "住院的1.5个月在停工留薪期内" in text and "出院后" in text


def test_months_off_keep_their_own_wording(service: AnswerService) -> None:
    plan = service_plan(service, "工伤十级，在家歇了三个月，能拿多少钱？")
    assert "你因工伤歇的3个月是停工留薪期" in conclusion_text(plan)


# Class 7: an illness at work and its bills.


def test_an_illness_at_work_says_who_pays_the_bills_if_the_worker_lives(service: AnswerService) -> None:
    plan = service_plan(service, "我爸在车间干活时突然中风，现在住院，厂里说医药费自己出，对吗？")
    text = conclusion_text(plan)
    assert "医疗保险报销" in text and "由单位赔" in text
    assert conclusion_cites(plan, "社会保险法", 23)


# Class 8: fingers by number.


@pytest.mark.parametrize("message", ["左手3、4指被冲床压断了", "右手第二指切掉一节"])
def test_fingers_named_by_number_are_fingers(message: str) -> None:
    assert extract_facts([message], TODAY).get("finger_loss") is True


def test_a_numeral_before_a_word_of_instruction_is_no_finger() -> None:
    assert extract_facts(["领导一指示就让我加班到半夜"], TODAY).get("finger_loss") is None


# Class 9: a payslip as the source of a figure; the arrears resignation only with pay owed.


def test_the_wage_base_question_opens_with_the_base_not_the_payslip_right(service: AnswerService) -> None:
    plan = service_plan(service, "被公司辞退，补偿按工资条上的应发工资算吗？工资条里的饭补算不算？")
    first = plan.conclusion[0].text
    assert not first.startswith("有权要") and not first.startswith("能。单位没有及时足额发工资")


def test_a_missing_payslip_still_gets_the_payslip_right(service: AnswerService) -> None:
    plan = service_plan(service, "厂里从来不发工资条，问也不给，我能要吗？")
    assert plan.conclusion[0].text.startswith("有权要")


# Class 10: pay habitually late.


@pytest.mark.parametrize("message", ["厂里工资一直拖，我想辞职", "公司老是拖工资，我不想干了"])
def test_pay_always_late_reads_as_owed_and_leaving_is_at_once(message: str, service: AnswerService) -> None:
    assert extract_facts([message], TODAY).get("wages_owed") is True
    plan = service_plan(service, message)
    assert "不用提前30天" in conclusion_text(plan) or "马上" in conclusion_text(plan)
    assert conclusion_cites(plan, "劳动合同法", 38)


# Class 11: a date that begins something.


def test_a_date_that_begins_something_is_no_leaving_date() -> None:
    facts = extract_facts(["从2016年开始跟着这个老板干，一直没走，现在被辞退了"], TODAY)
    assert facts.get("end_date") is None


# Class 12: an injured worker with no written contract.


def test_an_injured_worker_without_a_contract_is_told_it_does_not_bar_recognition(
    service: AnswerService,
) -> None:
    plan = service_plan(service, "在装修队干活没签合同，从梯子上摔下来评了八级，老板能赔多少？")
    text = conclusion_text(plan)
    assert "没签劳动合同不影响认定工伤" in text
    assert conclusion_cites(plan, "工伤保险条例", 18) and conclusion_cites(plan, "工伤保险条例", 62)
    # The relation comes before the double wage.
    assert text.index("不影响认定工伤") < text.index("二倍工资")


# Class 13: a business term or licence left to run out is a closure.


@pytest.mark.parametrize(
    "message", ["公司的经营期限到了不再延期，要和我们终止合同", "厂里的营业执照到期，老板说不再续期了"]
)
def test_a_term_left_to_run_out_is_a_closure(message: str) -> None:
    assert extract_facts([message], TODAY).get("ending_ground") == "closure"


# Class 14: a worker graded 1–4 who died years after the injury.


def test_a_graded_worker_dying_years_later_is_not_promised_the_death_lump_sum(service: AnswerService) -> None:
    plan = service_plan(
        service, "我哥2018年在矿上受伤评了二级伤残，一直瘫在床上，上个月去世了，家里能拿什么？"
    )
    first = plan.conclusion[0].text
    assert "停工留薪期满后去世" in first and first.index("丧葬补助金") < first.index("一次性工亡补助金")
    assert conclusion_cites(plan, "工伤保险条例", 39)


def test_the_liability_question_of_such_a_death_says_the_same(service: AnswerService) -> None:
    plan = service_plan(service, "父亲2015年在单位受伤评了一级伤残，今年去世了，单位应该承担什么责任？")
    assert "停工留薪期满后去世" in plan.conclusion[0].text


# Class 15: insurance the employer never bought for the worker.


@pytest.mark.parametrize("message", ["公司一直没给我买保险，我想走", "干了三年，老板没有帮我购买保险"])
def test_insurance_never_bought_for_me_is_social_insurance_unpaid(message: str) -> None:
    assert extract_facts([message], TODAY).get("social_insurance") is False


def test_a_car_without_insurance_is_not_the_workers_insurance() -> None:
    assert extract_facts(["撞我的那辆车没有保险"], TODAY).get("social_insurance") is None


# Class 16: fifteen years here, an ending on a ground of 40 or 41, the age untold.


def test_a_long_service_laid_off_hears_the_near_retirement_bar_as_a_condition(service: AnswerService) -> None:
    plan = service_plan(service, "在厂里干了二十年，现在厂里说订单少了要裁掉我，能赔多少？")
    text = conclusion_text(plan)
    assert "如果离法定退休年龄不到5年" in text
    assert conclusion_cites(plan, "劳动合同法", 42)


def test_a_short_service_laid_off_hears_no_near_retirement_bar(service: AnswerService) -> None:
    plan = service_plan(service, "在厂里干了三年，现在厂里说订单少了要裁掉我，能赔多少？")
    assert "离法定退休年龄不到5年" not in conclusion_text(plan)


# Class 17: 解除劳动关系 is an ending, not the relation in doubt.


def test_an_ending_of_the_relation_is_not_answered_as_a_missing_contract(service: AnswerService) -> None:
    plan = service_plan(service, "工伤还在治疗，公司能不能跟我解除劳动关系？")
    assert not plan.conclusion[0].text.startswith("没签劳动合同也能申请工伤认定")


# Class 18: a fracture named and its grade asked.


@pytest.mark.parametrize(
    "message", ["搬货时摔倒，三根肋骨骨折，能评几级伤残？", "锁骨骨折打了钢板，以后能评上伤残吗"]
)
def test_a_fracture_named_opens_with_its_usual_grade(message: str, service: AnswerService) -> None:
    plan = service_plan(service, message)
    first = plan.conclusion[0].text
    assert first.startswith("骨折的伤") and "十级" in first
    assert conclusion_cites(plan, "工伤保险条例", 37)


def test_a_fracture_denied_is_no_fracture() -> None:
    assert extract_facts(["没有骨折，只是扭伤了脚"], TODAY).get("fracture") is None


# Class 19: the employer named as the place of work is not the one ending the contract.


def test_a_worker_wishing_to_end_after_years_at_the_company_is_not_read_as_dismissed(
    service: AnswerService,
) -> None:
    facts = extract_facts(["在厂里干了十五年，想解除劳动合同，能拿多少补偿？"], TODAY)
    assert facts.get("termination") != "dismissed"
    plan = service_plan(service, "在公司干了十二年，想解除劳动合同，能拿多少补偿？")
    assert not plan.conclusion[0].text.startswith("要看是谁提出解除的：单位辞退你")


@pytest.mark.parametrize(
    "message",
    ["公司因为订单少了，想和我解除劳动合同", "我在厂里干了三年，现在公司因为没有合适的岗位，想提前解约"],
)
def test_the_employer_meaning_to_end_is_still_read(message: str) -> None:
    # 现在公司 is a time, not a place: the employer stays the subject.
    assert extract_facts([message], TODAY).get("termination") == "dismissed"


# Class 20: an offer in months asked whether it is fair.


def test_an_offer_in_months_asked_whether_fair_is_read_and_compared(service: AnswerService) -> None:
    assert extract_facts(["干了三年被辞退，公司只补一个月工资，合理吗"], TODAY).get("offered_months") == 1.0
    plan = service_plan(service, "干了三年被辞退，公司只补一个月工资，合理吗")
    assert plan.conclusion[0].text.startswith("单位给的1个月工资，比法律规定的少")


def test_a_question_about_months_owed_is_no_offer() -> None:
    assert extract_facts(["被辞退了，公司应该赔几个月工资吗"], TODAY).get("offered_months") is None


# Class 21: an offer in yuan with the wage untold.


def test_an_injury_offer_without_a_wage_is_turned_into_the_wage_it_would_need(service: AnswerService) -> None:
    plan = service_plan(service, "在厂里受伤评了十级，老板说给我三万五了事，合理吗？")
    first = plan.conclusion[0].text
    assert first.startswith("对方给的35000元，只相当于按每月5000元工资算的一次性伤残补助金（7个月工资）")
    assert "先别签" in first


def test_an_offer_with_the_wage_told_is_compared_in_yuan(service: AnswerService) -> None:
    plan = service_plan(service, "在厂里受伤评了十级，月工资6000，老板说给我三万五了事，合理吗？")
    assert "只相当于按每月" not in conclusion_text(plan)
    assert "比法律规定的少" in conclusion_text(plan)


def test_a_resignation_threatened_is_no_resignation_made() -> None:
    facts = extract_facts(["老板欠我们三个月工资，还威胁我们辞职就一分不发"], TODAY)
    assert facts.get("termination") is None and facts.get("unpaid_months") == 3.0


def test_a_private_business_boss_is_no_household() -> None:
    assert extract_facts(["我给一个私人老板打工，他欠了我两个月工资"], TODAY).get("employer_kind") is None


# Class 22: a high earner's years before 2008; the damages' years.


def test_a_high_earner_with_years_before_2008_is_not_capped_at_twelve_months_in_all() -> None:
    facts = extract_facts(["在单位干了25年，工资比当地平均工资高三倍，单位裁员只给12个月"], TODAY)
    assert facts.get("served_before_2008") is True and facts.get("started_before_2008") is None


def test_a_high_earner_hired_after_2008_keeps_the_twelve_month_cap(service: AnswerService) -> None:
    plan = service_plan(service, "干了12年，工资比当地平均工资高三倍多，公司只给12个月补偿，对吗")
    assert "最多12个月" in plan.conclusion[0].text


def test_the_damages_count_every_year_from_the_start(service: AnswerService) -> None:
    plan = service_plan(service, "经济补偿金最多算几年")
    text = conclusion_text(plan)
    assert "年限从入职那天起算" in text and "再乘2；2008年以前的年限" not in text


# Class 23 (check-named): a work injury another party caused; an ending told as not using the worker any more.


def test_a_work_injury_caused_by_another_names_the_civil_claim_beside_the_benefits(
    service: AnswerService,
) -> None:
    plan = service_plan(
        service, "送货路上被车撞了，交警认定对方负80%责任，评了十级，月工资4000，能拿多少钱？"
    )
    text = conclusion_text(plan)
    assert "民事赔偿" in text
    assert conclusion_cites(plan, "民法典", 1179)


def test_not_using_the_worker_any_more_is_a_dismissal() -> None:
    facts = extract_facts(["老板说以后不再用我了，已经找了别人顶替我"], TODAY)
    assert facts.get("termination") == "dismissed"


def test_a_labour_handbook_is_no_violence() -> None:
    # 劳动手册 holds 动手: no "你被打或者被威胁了" steps for a question about the handbook.
    assert extract_facts(["单位扣着我的劳动手册，不让我辞职"], TODAY).get("violence") is None
    assert extract_facts(["要工资时主管对我动手了"], TODAY).get("violence") is True


@pytest.mark.parametrize(
    "message", ["老板每个月把工资打我卡上，这个月只打了我一半", "老板打我电话让我回去上班", "只打了我3000"]
)
def test_pay_paid_in_or_a_call_is_no_blow(message: str) -> None:
    assert extract_facts([message], TODAY).get("violence") is None


@pytest.mark.parametrize("message", ["老板打了我一顿", "工头打了我两拳", "去要工资，老板打我"])
def test_a_blow_is_still_violence(message: str) -> None:
    assert extract_facts([message], TODAY).get("violence") is True


# Class 24: a sentence's half after 「；」 is quoted with it.


def test_a_proviso_after_a_semicolon_is_quoted_with_its_sentence() -> None:
    from assistant.answer.offline import key_sentence

    article = (
        "本法施行前已建立劳动关系，尚未订立书面劳动合同的，应当自本法施行之日起一个月内订立。\n"
        "本法施行之日存续的劳动合同在本法施行后解除或者终止，依照本法第四十六条规定应当支付经济补偿的，"
        "经济补偿年限自本法施行之日起计算；本法施行前按照当时有关规定，用人单位应当向劳动者支付经济补偿的，按照当时有关规定执行。"
    )
    quote = key_sentence(article, "经济补偿年限2008年以前怎么算")
    assert quote.startswith("本法施行之日存续") and quote.endswith("按照当时有关规定执行。")


# Class 25: a relative's illness told by a worker who cares for them.


@pytest.mark.parametrize(
    "message",
    ["我奶奶生病住院了，我请假回去照顾，公司说我旷工要开除我", "我妈生病了我要回家照顾，公司不批假"],
)
def test_a_relative_cared_for_is_not_the_sick_worker(message: str) -> None:
    facts = extract_facts([message], TODAY)
    assert facts.get("ill") is None and facts.get("asker") is None


def test_a_relative_who_is_the_worker_is_still_read() -> None:
    facts = extract_facts(["我老公在厂里生病住院了，厂里要开除他"], TODAY)
    assert facts.get("asker") == "family" and facts.get("ill") is True


# Class 26: the fourth learn reading.


@pytest.mark.parametrize(
    "message", ["下班骑摩托车回家，路上自己摔了，腿骨折，算工伤吗", "骑电动车上班时在路上摔倒了，算工伤吗"]
)
def test_a_crash_of_ones_own_vehicle_turns_on_the_police_finding(
    message: str, service: AnswerService
) -> None:
    assert extract_facts([message], TODAY).get("own_vehicle_crash") is True
    first = service_plan(service, message).conclusion[0].text
    assert first.startswith("要看交警的责任认定") and "也算交通事故" in first


def test_a_walking_fall_on_the_way_is_still_no_traffic_accident() -> None:
    assert extract_facts(["下班路上走路滑倒摔伤，算工伤吗"], TODAY).get("own_vehicle_crash") is None


def test_a_sudden_death_on_the_way_home_is_not_priced_as_a_work_death(service: AnswerService) -> None:
    plan = service_plan(service, "我哥下夜班回家的路上突然猝死，算工伤吗，能赔多少")
    assert "death_benefits" not in [c.tool for c in plan.computations if c.applies]
    steps = [s.text for block in plan.situations for s in block.steps]
    assert any("路上突发疾病、猝死的，一般不算工伤" in s for s in steps)
    assert not any("一次性工亡补助金（上一年度" in s for s in steps)


def test_an_expiry_enforced_on_a_pregnant_worker_is_called_unlawful(service: AnswerService) -> None:
    plan = service_plan(service, "合同到期了公司不续签，让我走了，我当时已经怀孕两个月，能要什么赔偿")
    text = conclusion_text(plan)
    assert "违法终止" in text and "两倍赔偿金" in text


# Class 27 (check-named): a benefit named in full is answered as itself, not as another the chooser likes.


def test_the_disability_lump_sum_named_for_a_high_grade_is_that_sum(service: AnswerService) -> None:
    plan = service_plan(service, "开叉车出事评了三级伤残，一次性伤残补助金能领多少？")
    first = plan.conclusion[0].text
    assert first.startswith("3级伤残：一次性伤残补助金是23个月的本人工资")
    assert "不领这两项" not in first


# Class 28 (check-named): part pay while off for a work injury; a finger's loss of function and its grade.


def test_part_pay_while_off_for_a_work_injury_is_called_unlawful(service: AnswerService) -> None:
    message = "工伤评了九级，月薪6000，养伤期间厂里只按工资的百分之六十发，能要回来吗？"
    assert extract_facts([message], TODAY).get("treatment_pay_cut") is True
    plan = service_plan(service, message)
    assert "原工资福利待遇不变" in conclusion_text(plan)
    assert conclusion_cites(plan, "工伤保险条例", 33)


def test_part_pay_told_beside_a_grade_asked_is_added_after_the_grade(service: AnswerService) -> None:
    plan = service_plan(service, "手指工伤评了十级，月薪5000，治疗期间公司只按工资的六成发，我能要哪些赔偿？")
    assert "只发六成、基本工资或生活费是不合法的" in conclusion_text(plan)


def test_a_fingers_loss_of_function_asked_as_a_grade_is_answered_not_greeted(service: AnswerService) -> None:
    plan = service_plan(service, "左手无名指、小指活动都有障碍，能评定多少级？")
    assert "鉴定委员会" in plan.conclusion[0].text


# Class 29 (check-named): a wage below the floor is not priced as the worker's; 缴纳 read.


def test_a_wage_below_the_minimum_is_not_the_lump_sums_base(service: AnswerService) -> None:
    plan = service_plan(service, "在成都上班，工伤评了九级，月工资1000，单位交了社保，能赔多少？")
    text = conclusion_text(plan)
    assert "不能按你说的月工资1000元算" in text and "60%" in text
    assert "约9000元" not in text


def test_a_wage_above_the_minimum_keeps_its_figure(service: AnswerService) -> None:
    plan = service_plan(service, "在成都上班，工伤评了九级，月工资5000，单位交了社保，能赔多少？")
    assert "约45000元" in conclusion_text(plan)


@pytest.mark.parametrize(
    ("message", "paid"),
    [
        ("缴纳社会保险，十级伤残能赔多少", True),
        ("公司没有缴纳社会保险", False),
        ("单位未缴纳社保，我想辞职", False),
    ],
)
def test_insurance_told_with_jiaona_is_read(message: str, paid: bool) -> None:
    assert extract_facts([message], TODAY).get("social_insurance") is paid


def test_insurance_demanded_is_not_paid() -> None:
    assert extract_facts(["我要求公司缴纳社保，公司不理"], TODAY).get("social_insurance") is None
