"""Session 26 (issue 13): classes written from the law and a lawyer's reading, in the team's own wording (never a
forum question).

1. An old injury flaring up at work (旧伤复发): when the old injury is told as a work injury (工伤复发, 受过工伤…旧伤复发)
   the recurrence is treated without a new recognition (工伤保险条例 38) and no one-year application limit is counted
   from the old injury's date; when nothing says the old injury was a work injury (以前打球伤的, 旧伤复发，算工伤吗) the
   answer is conditional — a flare of an injury from outside work is no 工伤 by itself, a new accident at work is.
2. An offer short of the law, nothing signed yet: after the comparison, don't sign a paper that settles everything
   (解释（一） 35); asked whether it is enough (还能要别的吗, 合理吗) the comparison opens; an offer told as 给我 a sum.
3. A worker owed wages or insurance who may leave: at once in writing with compensation (劳动合同法 38, 46(1)), not
   30 days' notice (37).
4. Must I sign for my dismissal: no; what not to sign (36, 87; 解释（一） 35) — and the part is answered in a question
   that asks three things.
5. A fall on the way to work, not 工伤: sick pay and the medical period said with it (医疗期规定 5, 劳动合同法 42(3)).
6. Construction pay owed told by the project or the contractor (工程的工资, 承包商拖欠): the general contractor's duty
   (保障农民工工资支付条例 30, 36) and where to complain.
7. The province told: its standard named (按江苏省的标准), not 省里的.
8. The 办法's sums for an unlicensed unit only where the unit is told unlicensed (a driver's 无照 is no such unit).
9. The employer's insurance of an unnamed kind beside a work injury: no substitute for the benefits (工伤保险条例 2, 62(2)).
10. A leaving "of one's own will" demanded (通知我自愿离职) is the employer's ending, not a resignation.
11. The open-ended contract's conditions asked: all three cases and the deemed one (劳动合同法 14(2), 14(3)), no bare yes.
12. Insurance unpaid beside an ending: its own claim (社会保险法 63(1); 解释（一） 1(5)), and leaving at once (38(1)(3)).
13-15 are classes the check half's readers named (see the section below): a graded worker pushed out or a dismissal supposed,
a healed fracture's grade and the thumb's, the notice month of 40 beside N."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer import AnswerService
from assistant.consult.facts import extract_facts
from assistant.consult.guides import GuideError
from assistant.consult.offers import load_offers
from tests.assistant.consult.planning import TODAY, conclusion_cites, conclusion_text, service_plan

# Class 1: an old injury flaring up.


@pytest.mark.parametrize(
    ("message", "origin"),
    [
        ("开铲车的工伤复发了，还能报吗", "work"),
        ("前年在车间受过工伤，现在旧伤复发又要手术", "work"),
        ("评过残的腿最近旧伤复发了", "work"),
        ("以前打球伤过的膝盖上班时旧伤复发了，算工伤吗", "unknown"),
        ("腰的老伤上班搬货时又犯了，是不是工伤", "unknown"),
    ],
)
def test_a_recurrence_is_read_with_where_the_old_injury_came_from(message: str, origin: str) -> None:
    assert extract_facts([message], TODAY).get("injury_recurrence") == origin


def test_no_recurrence_without_an_old_injury() -> None:
    assert extract_facts(["在车间被机器压伤了手，算工伤吗"], TODAY).get("injury_recurrence") is None


def test_an_old_injury_from_outside_work_flaring_up_gets_a_conditional_answer(service: AnswerService) -> None:
    plan = service_plan(service, "我是保安，以前打篮球伤过的脚踝，上班巡逻时旧伤复发了，这算工伤吗？")
    first = plan.conclusion[0].text
    assert first.startswith("要看原来的伤是不是工伤")
    assert "一般不算工伤" in first and "新的伤" in first
    assert conclusion_cites(plan, "工伤保险条例", 38) and conclusion_cites(plan, "工伤保险条例", 14)


def test_a_work_injury_flaring_up_is_treated_without_a_new_recognition(service: AnswerService) -> None:
    plan = service_plan(service, "工伤复发了，又住进医院，还能按工伤报吗？")
    assert "不用重新认定" in conclusion_text(plan)
    assert not conclusion_text(plan).startswith("要看原来的伤")


def test_an_old_work_injury_flaring_up_is_not_told_its_application_year_passed(
    service: AnswerService,
) -> None:
    plan = service_plan(service, "三年前在厂里受过工伤，最近旧伤复发了，又要住院，费用谁出？")
    assert "time_limit" not in [block.guide_id for block in plan.situations]
    assert "injury_recognition_deadline" not in [c.tool for c in plan.computations]
    assert "不用重新认定" in conclusion_text(plan)


def test_a_graded_injury_counts_no_application_deadline(service: AnswerService) -> None:
    plan = service_plan(service, "2019年在厂里受伤，被鉴定为九级伤残，单位该赔多少？")
    assert "injury_recognition_deadline" not in [c.tool for c in plan.computations]


def test_an_unreported_injury_still_counts_its_application_deadline(service: AnswerService) -> None:
    plan = service_plan(service, "今年3月在车间摔伤了腿，单位一直没给报工伤，怎么办？")
    assert "injury_recognition_deadline" in [c.tool for c in plan.computations]


# Class 2: an offer short of the law.


def test_an_offer_short_of_the_law_warns_not_to_sign_and_opens_when_asked(service: AnswerService) -> None:
    plan = service_plan(service, "我在这个厂干了5年，月工资5000，厂里说要辞退我，给我一万块钱，这合理吗？")
    first = plan.conclusion[0].text
    assert first.startswith("对方给的10000元，比法律规定的少")
    assert "先别签" in first and "协商一致解除" in first
    assert conclusion_cites(plan, "最高人民法院关于审理劳动争议案件适用法律问题的解释（一）", 35)


def test_an_offer_in_months_asked_what_else_opens_with_the_comparison(service: AnswerService) -> None:
    plan = service_plan(
        service, "我在食堂干了一年六个月，今天厂领导通知明天解除合同，给了我三个月工资，我还能有别的要求吗？"
    )
    assert plan.conclusion[0].text.startswith("单位给的3个月工资")


def test_an_offer_not_asked_about_keeps_its_place_after_the_opening(service: AnswerService) -> None:
    plan = service_plan(service, "我在这个厂干了5年，月工资5000，厂里把我辞退了，只给一万块钱，社保怎么转？")
    texts = [s.text for s in plan.conclusion]
    assert any(t.startswith("对方给的10000元") for t in texts)
    assert not texts[0].startswith("对方给的")


def test_a_signed_agreement_is_not_told_not_to_sign(service: AnswerService) -> None:
    plan = service_plan(
        service, "我在这个厂干了5年，月工资5000，被辞退了，已经签了解除协议，只给了一万块钱，还能要吗？"
    )
    assert "还没签的，先别签" not in conclusion_text(plan)


@pytest.mark.parametrize(
    ("message", "offered"),
    [("厂里说要辞退我，给我一万块钱", 10000.0), ("老板说给我五千块，让我别去仲裁", 5000.0)],
)
def test_an_offer_told_as_given_to_me_is_read(message: str, offered: float) -> None:
    assert extract_facts([message], TODAY).get("settlement_offered") == offered


@pytest.mark.parametrize("message", ["老板欠我一万块钱一直不给我", "公司每个月给我4000"])
def test_owed_or_earned_sums_are_no_offer(message: str) -> None:
    assert extract_facts([message], TODAY).get("settlement_offered") is None


# Class 3: owed wages and leaving.


def test_a_worker_owed_wages_is_told_to_leave_at_once_with_compensation(service: AnswerService) -> None:
    plan = service_plan(service, "老板说我上班玩手机，不发工资，也一直不签合同，怎么办？")
    # Session 28: said in the conclusion (also-owed arrears_leave_with_n) or among the reasons.
    said = " ".join(s.text for s in [*plan.conclusion, *plan.reasons])
    assert "不用提前30天" in said and "经济补偿" in said
    assert "提前30天书面通知单位就能走" not in said


def test_a_worker_not_owed_anything_keeps_the_notice_rule(service: AnswerService) -> None:
    plan = service_plan(service, "干了半年公司一直不签劳动合同，怎么办？")
    reasons = " ".join(s.text for s in plan.reasons)
    assert "不用提前30天" not in reasons


# Class 4: a dismissal needs no signature.


def test_must_i_sign_my_dismissal_is_answered(service: AnswerService) -> None:
    plan = service_plan(service, "公司要开除我，让我在解除通知上签字，我不签字会怎样？")
    first = plan.conclusion[0].text
    assert first.startswith("不需要你签字同意")
    assert "先别签" in first


def test_the_signature_part_of_a_three_part_question_is_answered(service: AnswerService) -> None:
    plan = service_plan(
        service,
        "用人单位(私营企业)可以单方解除劳动合同吗？如果用人单位说辞退，需要我自己签字吗？用人单位应该如何补偿我？",
    )
    texts = [s.text for s in plan.conclusion]
    assert any(t.startswith("不需要你签字同意") for t in texts)
    assert len(texts) >= 2  # the dismissal's own answer is kept beside it


# Class 5: a fall on the way to work.


def test_a_fall_on_the_way_is_told_the_sick_pay(service: AnswerService) -> None:
    plan = service_plan(service, "我老婆下班路上自己绊倒，把手摔断了，单位不给她发工资怎么办？")
    told = conclusion_text(plan) + " ".join(s.text for s in plan.reasons)
    assert "病假工资" in told and "80%" in told


# Class 6: construction pay.


@pytest.mark.parametrize(
    "message",
    ["我们工程的工资多年没有给支付了，现在能给我们多少钱？", "承包商拖欠我的工资应该找哪个部门解决？"],
)
def test_construction_pay_owed_names_the_general_contractor(service: AnswerService, message: str) -> None:
    plan = service_plan(service, message)
    claims = " ".join(s.text for s in plan.claims)
    assert "施工总承包单位" in claims
    assert extract_facts([message], TODAY).get("building_site") is True


# Class 7: the province's standard.


def test_the_province_told_names_its_standard(service: AnswerService) -> None:
    plan = service_plan(service, "我在洪泽，工伤十级赔多少钱？")
    assert "按江苏省的标准" in plan.conclusion[0].text
    assert "省里的标准" not in conclusion_text(plan)


def test_no_province_told_keeps_the_provinces_standard(service: AnswerService) -> None:
    plan = service_plan(service, "工伤十级赔多少钱？")
    assert "按省里的标准" in plan.conclusion[0].text


# Class 8: the unlicensed unit's sums.


def test_a_drivers_licence_does_not_bring_the_unlicensed_units_sums(service: AnswerService) -> None:
    plan = service_plan(service, "我老婆在工业区上班，被老板的父亲无照驾驶碰伤了，该赔多少钱？")
    assert not any(
        "非法用工单位伤亡人员一次性赔偿办法" in str(ref.law) for s in plan.claims for ref in s.cite
    )


def test_an_unlicensed_workshop_keeps_its_sums(service: AnswerService) -> None:
    plan = service_plan(service, "我在一个没有营业执照的小作坊干活，手被机器压断了，老板能赔多少？")
    assert any(ref.law == "非法用工单位伤亡人员一次性赔偿办法" for s in plan.claims for ref in s.cite)


# Class 9: the employer's insurance of an unnamed kind beside a work injury.


def test_an_employers_policy_is_told_no_substitute_for_the_benefits(service: AnswerService) -> None:
    plan = service_plan(service, "在厂里干活手被砸伤，评了十级，公司买的保险，公司能赔多少钱？")
    assert "代替不了工伤待遇" in conclusion_text(plan)


def test_work_injury_insurance_bought_is_no_commercial_policy() -> None:
    facts = extract_facts(["公司给我买了工伤保险，手被砸伤了"], TODAY)
    assert facts.get("commercial_insurance") is None


# Class 10: a leaving "of one's own will" demanded.


@pytest.mark.parametrize(
    "message", ["公司说不需要那么多人，突然通知我这几天自愿离职", "领导要求我自动离职，干了三年了"]
)
def test_a_voluntary_leaving_demanded_is_the_employers_ending(message: str) -> None:
    facts = extract_facts([message], TODAY)
    assert facts.get("pushed_to_resign") is True and facts.get("termination") == "dismissed"


def test_a_resignation_the_worker_weighs_is_not_pushed() -> None:
    facts = extract_facts(["要是我自己辞职能拿补偿吗"], TODAY)
    assert facts.get("pushed_to_resign") is None


# Class 11: the open-ended contract's conditions asked.


def test_the_open_ended_contracts_conditions_are_all_said(service: AnswerService) -> None:
    plan = service_plan(service, "签无固定期限劳动合同需要哪些条件？")
    first = plan.conclusion[0].text
    assert not first.startswith("能")
    assert "连续干满10年" in first and "两次固定期限" in first and "满一年" in first
    assert conclusion_cites(plan, "劳动合同法", 14)


# Class 12: insurance unpaid beside an ending.


def test_insurance_unpaid_beside_a_dismissal_is_its_own_claim(service: AnswerService) -> None:
    plan = service_plan(service, "干了三年公司一直没交社保，现在要辞退我，怎么索赔？")
    assert "补缴" in conclusion_text(plan)
    assert conclusion_cites(plan, "社会保险法", 63)


def test_insurance_unpaid_and_leaving_planned_names_the_immediate_ending(service: AnswerService) -> None:
    plan = service_plan(service, "公司两年没给我交社保，我想辞职，能要什么？")
    text = conclusion_text(plan) + " ".join(s.text for s in plan.reasons)
    assert "经济补偿" in text and ("马上解除" in text or "随时" in text or "不用提前30天" in text)


# Classes named by the check half's readers this session (the check answers in these classes are no longer unseen).
# 13. A graded worker pushed to resign, or a dismissal supposed: the protection of 劳动合同法 42(2) and 2N, not the
# grade's lump sums alone.


def test_a_graded_worker_pushed_to_resign_is_told_the_ending_is_unlawful(service: AnswerService) -> None:
    plan = service_plan(
        service, "前年上班时受了工伤，鉴定为7级，公司现在不让我上班了，让我辞职，公司该赔我多少？"
    )
    first = plan.conclusion[0].text
    assert "违法解除" in first and "两倍赔偿金" in first
    assert conclusion_cites(plan, "劳动合同法", 42)


def test_a_supposed_dismissal_of_a_graded_worker_is_answered_as_asked(service: AnswerService) -> None:
    plan = service_plan(service, "我在厂里服务了10年，前几年工伤评了8级，如果被厂里辞退，能得到多少赔偿？")
    assert "违法解除" in plan.conclusion[0].text
    facts = extract_facts(["我在厂里服务了10年，前几年工伤评了8级，如果被厂里辞退，能得到多少赔偿？"], TODAY)
    assert facts.get("service_months") == 120 and facts.get("dismissal_meant") is True


def test_a_fear_of_dismissal_is_still_no_dismissal() -> None:
    assert extract_facts(["怕被开除，不敢去仲裁"], TODAY).get("termination") is None


def test_the_employer_named_before_a_demand_to_resign_is_read_across_a_comma() -> None:
    facts = extract_facts(["公司现在不让我上班，让我辞职"], TODAY)
    assert facts.get("pushed_to_resign") is True
    assert extract_facts(["公司不发工资，我要辞职"], TODAY).get("pushed_to_resign") is None


# 14. A healed fracture is typically grade 10 (骨折愈合后无功能障碍或轻度功能障碍), and the thumb lost at its joint 7.


def test_a_healed_finger_fracture_is_not_told_it_reaches_no_grade(service: AnswerService) -> None:
    plan = service_plan(service, "干活时右手食指骨折，现在长好了，能评几级？")
    first = plan.conclusion[0].text
    assert "骨折愈合后无功能障碍或轻度功能障碍" in first
    assert "拇指从指间关节整节断掉的，一般是七级" in first


# 15. The notice month of 劳动合同法 40 said with a dismissal's N; a layoff (41) does not bring it.


def test_a_dismissals_n_carries_the_notice_month_and_a_layoff_does_not(service: AnswerService) -> None:
    plan = service_plan(service, "在一个单位工作满15个月，被公司辞退，公司需赔付几个月工资？")
    first = plan.conclusion[0].text
    assert "1.5个月" in first and "再加1个月工资" in first
    menu = service_plan(service, "被公司无故辞退了，应该怎么赔偿？").conclusion[0].text
    if "裁员" in menu:
        assert "依法裁员的给经济补偿、不加这1个月" in menu


def test_a_dont_sign_opening_is_not_said_twice_with_the_offer(service: AnswerService) -> None:
    plan = service_plan(service, "公司让我今天就签一个协商解除的协议，说给两个月工资，我干了五年了，要签吗")
    assert plan.conclusion[0].text.startswith("先别签")
    assert "还没签的，先别签" not in conclusion_text(plan)
    assert any(s.text.startswith("单位给的2个月工资") for s in plan.conclusion)


def test_a_protest_planned_over_site_pay_gets_the_lawful_collective_route(service: AnswerService) -> None:
    plan = service_plan(service, "我们三十多个工友被欠了半年工资，商量明天去堵项目部大门")
    first = plan.conclusion[0].text
    assert "别堵门" in first and "集体投诉" in first


# 16. The employer closing (不经营了), a layoff meant of a pregnant worker, every kind of insurance unpaid (check readers).


def test_a_closure_is_answered_with_n_not_the_2n_menu(service: AnswerService) -> None:
    plan = service_plan(service, "我在厂里干满12年了，如果公司不经营了，我的赔偿金应该是多少？")
    first = plan.conclusion[0].text
    assert "没有两倍赔偿金" in first or first.startswith("单位破产")
    assert "12个月工资" in first
    assert conclusion_cites(plan, "劳动合同法", 44) or conclusion_cites(plan, "劳动合同法", 46)


def test_a_layoff_meant_of_a_pregnant_worker_opens_with_her_protection(service: AnswerService) -> None:
    plan = service_plan(service, "在公司干了5年，现在公司想裁，我才怀孕2个月，可以要求什么赔偿？")
    first = plan.conclusion[0].text
    assert "孕期" in first and "违法解除" in first
    assert conclusion_cites(plan, "劳动合同法", 42)


def test_every_kind_of_insurance_unpaid_is_social_insurance_unpaid() -> None:
    assert extract_facts(["五年来，单位没有给我交过任何保险"], TODAY).get("social_insurance") is False


# 17. A performance shortfall told in other words (业绩没完成, 表现不达标) is the incapacity ground of 40(2); a birth two
# years back or more, or a child of one or more, ends the nursing period (check readers).


def test_a_performance_shortfall_is_the_incapacity_ground(service: AnswerService) -> None:
    message = "单位说我业绩没完成，表现不达标，现在要辞退我，合法吗？"
    assert extract_facts([message], TODAY).get("ending_ground") == "incapacity"
    assert "培训或调岗" in service_plan(service, message).conclusion[0].text


@pytest.mark.parametrize(
    "message",
    ["2019年3月生产，休完产假上班至今，公司现在要裁人", "孩子已经三岁了，公司以哺乳期为由不给我涨工资"],
)
def test_a_birth_long_past_is_no_protected_period(message: str) -> None:
    facts = extract_facts([message], TODAY)
    assert facts.get("pregnant") is None and facts.get("nursing_over") is True


@pytest.mark.parametrize(
    "message", ["孩子三岁了，现在又怀孕了，公司要辞退我", "孩子8个月，我在哺乳期，公司要辞退我"]
)
def test_a_pregnancy_now_or_a_nursing_child_stays_protected(message: str) -> None:
    assert extract_facts([message], TODAY).get("pregnant") is True


def test_an_answer_the_classifier_never_saw_is_not_ruled_out_by_it() -> None:
    from assistant.consult.answer_examples import Choice

    choice = Choice("unlawful_termination/damages", 0.9, {}, 0.5, frozenset({"unlawful_termination/damages"}))
    assert not choice.knows("unlawful_termination/must_sign")
    assert choice.knows("unlawful_termination/damages")
    assert Choice("a/b", 0.9).knows("c/d")  # no training refs recorded: nothing is ruled out for being unseen


@pytest.mark.parametrize(
    ("old", "new", "named"),
    [
        ('said = ["别签"]', 'said = "别签"', r"\[unsigned\]\.said"),
        ("[asked]\nwords = [", '[asked]\nwords = "还能要"\nunused = [', r"\[asked\]\.words"),
    ],
)
def test_a_malformed_offer_table_is_refused_at_load(tmp_path: Path, old: str, new: str, named: str) -> None:
    shipped = (Path(__file__).resolve().parents[3] / "corpus" / "consult" / "offers.toml").read_text(
        encoding="utf-8"
    )
    assert old in shipped
    broken = tmp_path / "offers.toml"
    broken.write_text(shipped.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(GuideError, match=named):
        load_offers(broken)
