"""Session 30 (issue 13): the classes the session-29 level readers named as harms on unseen answers, tested here in the
team's own wording (never a forum question or a probe item).

1. An employer's own rule withholding a payment the law gives (厂规写着工伤期间不发工资, 员工手册写加班不给加班费): the rule is
   void against the statute (劳动合同法 26(1)(2), 80) and the payment is owed — not how rules are adopted.
2. A dismissal for a reason that is no ground, the money asked with the years untold: the split the ground decides —
   N and the notice month, or 2N (劳动合同法 40, 41, 46, 47, 87) — never the bare N formula.
3. A grade with the contract running out: 7–10 may end with N and the two leaving sums; 1–6 may not end (劳动合同法 45;
   工伤保险条例 35–37).
4. A low wage or a day's pay beside a grade: the floor of 工伤保险条例 64(2) leads, the sum at the wage told is the least.
5. Part of the pay while off for a work injury, told as a living allowance, a sick leave's pay or "the lowest standard":
   unlawful, the old wage runs on (工伤保险条例 33(1)).
6. The employer interfering with the treatment (a discharge pressed, a cheaper hospital, the bills stopped, back to work
   while on a doctor's note, the records taken): the worker may refuse, who pays (工伤保险条例 30, 62(2); 社会保险法 41)."""

from __future__ import annotations

import pytest

from assistant.answer import AnswerService
from assistant.consult.facts import extract_facts
from tests.assistant.consult.planning import TODAY, conclusion_cites, conclusion_text, service_plan

# Class 1: a rule withholding a statutory payment.


@pytest.mark.parametrize(
    ("message", "item"),
    [
        ("厂里规定受伤养伤期间一律只发生活费，这合法吗", "injury_pay"),
        ("公司制度写着加班一律不给加班费，只能调休，合理吗", "overtime"),
        ("劳动合同上写着员工自愿放弃年休假，这条算数吗", "annual_leave"),
        ("单位规定休产假期间不发工资，对吗", "maternity"),
        ("入职时让签了承诺书，自愿放弃社保，现在还能要求单位交吗", "social_insurance"),
        ("店长定的规矩，辞职的人最后一个月工资压三个月再发", "final_wage"),
    ],
)
def test_a_rule_withholding_a_statutory_payment_is_read(message: str, item: str) -> None:
    assert extract_facts([message], TODAY).get("withheld_by_rule") == item


@pytest.mark.parametrize(
    "message",
    [
        "按国家规定产假有多少天",
        "公司规定迟到三次扣一百块全勤奖，合理吗",
        "员工手册写着年终奖年底在职的才发，我十一月走的还能要吗",
        "工伤期间工资怎么发",
    ],
)
def test_a_law_a_bonus_rule_or_a_plain_question_is_no_rule_withholding(message: str) -> None:
    assert extract_facts([message], TODAY).get("withheld_by_rule") is None


@pytest.mark.parametrize(
    ("message", "law", "article", "words"),
    [
        ("厂里规定受伤养伤期间一律只发生活费，这合法吗", "工伤保险条例", 33, "原工资福利待遇不变"),
        ("公司制度写着加班一律不给加班费，只能调休，合理吗", "劳动法", 44, "150%"),
        ("劳动合同上写着员工自愿放弃年休假，这条算数吗", "企业职工带薪年休假实施办法", 10, "300%"),
        ("单位规定休产假期间不发工资，对吗", "女职工劳动保护特别规定", 8, "生育津贴"),
        ("店长定的规矩，辞职的人最后一个月工资压三个月再发，这有效吗", "工资支付暂行规定", 9, "一次付清"),
    ],
)
def test_the_statute_answers_a_rule_that_withholds_it(
    service: AnswerService, message: str, law: str, article: int, words: str
) -> None:
    plan = service_plan(service, message)
    text = conclusion_text(plan)
    assert words in text, text
    assert conclusion_cites(plan, law, article)
    assert not text.startswith("要看两点")  # not how rules are adopted


# Class 2: a dismissal with no ground, the money asked, the years untold.


@pytest.mark.parametrize(
    "message",
    ["经理嫌我年纪大，叫我收拾东西走人，经济补偿怎么算", "领导说我年龄大了，下个月不用来了，补偿按什么算"],
)
def test_a_dismissal_with_no_ground_hears_the_split_not_the_bare_formula(
    service: AnswerService, message: str
) -> None:
    plan = service_plan(service, message)
    first = plan.conclusion[0].text
    assert "两倍赔偿金" in first and ("违法解除" in first or "违法辞退" in first), first
    assert "提前30天" in first
    assert conclusion_cites(plan, "劳动合同法", 87) and conclusion_cites(plan, "劳动合同法", 40)


def test_a_job_given_to_another_is_a_dismissal_and_no_layoff(service: AnswerService) -> None:
    message = "我在一家超市做了三年理货员，月工资四千，主管把他亲戚招进来，位置给了他，让我别来了，能拿多少"
    assert extract_facts([message], TODAY).get("termination") == "dismissed"
    first = service_plan(service, message).conclusion[0].text
    assert "裁员" not in first and "两倍赔偿金" in first, first


# Class 3: a grade with the contract running out.


def test_a_grade_7_to_10_at_the_contracts_end_hears_n_and_the_leaving_sums(service: AnswerService) -> None:
    plan = service_plan(service, "我八级伤残，劳动合同月底到期，公司说不续签了，我能拿到哪些钱")
    text = conclusion_text(plan)
    assert "经济补偿" in text and "一次性伤残就业补助金" in text and "一次性工伤医疗补助金" in text, text


def test_a_grade_5_or_6_may_not_be_ended_at_the_contracts_end(service: AnswerService) -> None:
    plan = service_plan(service, "我是六级伤残，合同快到期了，公司说到期就不续了，能这样吗")
    text = conclusion_text(plan)
    assert text.startswith("不能") and "本人提出" in text, text
    assert conclusion_cites(plan, "工伤保险条例", 36)


def test_a_graded_worker_resigning_hears_the_two_leaving_sums(service: AnswerService) -> None:
    plan = service_plan(service, "九级伤残，我自己不想干了要辞职，还能拿到钱吗")
    assert "一次性伤残就业补助金" in plan.conclusion[0].text


# Class 4: a low wage or a day's pay beside a grade.


def test_a_low_wage_puts_the_floor_before_the_sum(service: AnswerService) -> None:
    plan = service_plan(service, "我十级伤残，每个月工资两千三，一次性伤残补助金有多少")
    first = plan.conclusion[0].text
    assert "16100元" in first and "最少" in first and "60%" in first, first
    assert "全国城镇私营单位" in first
    assert conclusion_cites(plan, "工伤保险条例", 64)


def test_a_wage_above_the_reference_keeps_the_plain_figure(service: AnswerService) -> None:
    first = service_plan(service, "我十级伤残，月工资8000，一次性伤残补助金有多少").conclusion[0].text
    assert "56000元" in first and "私营单位" not in first


def test_a_days_pay_is_priced_as_a_months(service: AnswerService) -> None:
    first = (
        service_plan(service, "我在工地按天算工钱，一天两百五，评了十级伤残，补助金能拿多少")
        .conclusion[0]
        .text
    )
    # 250 × 21.75 = 5437.5 a month; × 7 = 38062.5.
    assert "38062.5元" in first or "38062.50元" in first, first


def test_graded_and_uninsured_opens_with_the_grade_not_the_back_payment(service: AnswerService) -> None:
    message = "我在工地摔伤评了六级，老板没给买保险，能赔多少"
    first = service_plan(service, message).conclusion[0].text
    assert first.startswith("6级伤残") and "全部由单位" in first, first


# Class 5: part of the pay while off for a work injury.


@pytest.mark.parametrize(
    "message",
    [
        "干活把手压伤了，住院一个月，老板每个月只给八百块生活费，说按最低标准给的，对不对",
        "在车间扭伤了腰，歇了半个月，厂里按病假给我算工资，能这样吗",
    ],
)
def test_part_pay_while_off_for_a_work_injury_is_unlawful(service: AnswerService, message: str) -> None:
    assert extract_facts([message], TODAY).get("treatment_pay_cut") is True
    plan = service_plan(service, message)
    text = conclusion_text(plan)
    assert "原工资" in text and "不合法" in text, text
    assert conclusion_cites(plan, "工伤保险条例", 33)


# Class 6: the employer interfering with the treatment.


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("我弟在厂里被机器轧伤了手，才住了五天，老板就天天催着出院，医生说还要住", "discharge"),
        ("老板要我爸回老家的县医院治，说那边便宜，可县医院做不了这个手术", "transfer"),
        ("包工头给医院垫了五千，现在不肯再交了，医院说要停药", "payment"),
        ("脚伤还没好，医生给开了一个月假条，公司说再不回来上班按旷工处理", "back_to_work"),
        ("工伤以后公司把我的病历和片子都拿走了，一直不给", "records"),
    ],
)
def test_the_employer_acting_on_the_treatment_is_read(message: str, kind: str) -> None:
    assert extract_facts([message], TODAY).get("treatment_interfered") == kind


@pytest.mark.parametrize(
    "message",
    [
        "医生说我可以出院了，回家养着就行，工伤的钱怎么算",
        "老板让我回老家过年，工伤的钱年后再说",
        "我自己想转到老家的医院治，工伤医疗费还能报吗",
    ],
)
def test_the_doctor_or_the_worker_deciding_is_no_interference(message: str) -> None:
    assert extract_facts([message], TODAY).get("treatment_interfered") is None


@pytest.mark.parametrize(
    ("message", "opening", "law", "article"),
    [
        (
            "我弟在厂里被机器轧伤了手，才住了五天，老板就天天催着出院，医生说还要住，能不出院吗",
            "不用听单位的",
            "工伤保险条例",
            30,
        ),
        (
            "老板要我爸回老家的县医院治，说那边便宜，可县医院做不了这个手术，能拒绝吗",
            "可以拒绝",
            "工伤保险条例",
            30,
        ),
        (
            "我爸在工地摔伤了，包工头给医院垫了五千，现在不肯再交了，医院说要停药，怎么办",
            "单位不能断你的治疗费",
            "社会保险法",
            41,
        ),
        (
            "脚伤还没好，医生给开了一个月假条，公司说再不回来上班按旷工处理，怎么办",
            "不算旷工",
            "工伤保险条例",
            33,
        ),
        (
            "我老公工伤以后，公司把他的病历和片子都拿走了，一直不给，怎么办",
            "病历你们自己可以去医院复印",
            "民法典",
            1225,
        ),
    ],
)
def test_interference_with_the_treatment_opens_with_the_workers_right(
    service: AnswerService, message: str, opening: str, law: str, article: int
) -> None:
    plan = service_plan(service, message)
    first = plan.conclusion[0].text
    assert first.startswith(opening), first
    assert conclusion_cites(plan, law, article)


def test_records_taken_after_an_injury_is_no_death(service: AnswerService) -> None:
    """拿走了 moves a thing: the death block and its 今天先别签字 stay away."""
    plan = service_plan(service, "我老公受伤以后，公司的人把病历本、片子全拿走了，怎么办")
    assert not any(block.guide_id == "death_at_work" and block.shown for block in plan.situations)
    assert "工亡" not in conclusion_text(plan)


# The asker telling their own job before a relative named as the household's background.


def test_the_askers_own_job_first_keeps_the_case_theirs() -> None:
    message = "我在一家餐馆当服务员，干了两年，家里孩子还小，老公在外地打工，老板突然叫我别来了，能要补偿吗"
    assert extract_facts([message], TODAY).get("asker") != "family"


def test_a_relatives_own_harm_after_the_askers_job_is_still_the_relatives() -> None:
    message = "我在深圳打工，我爸在老家工地上摔伤了，包工头不管"
    assert extract_facts([message], TODAY).get("asker") == "family"


# After the held-out readings (two readers on the paired held-out set; disclosed in bench/RESULTS.md, "Session 30").


def test_a_living_allowance_paid_instead_of_the_wage_is_not_the_wage() -> None:
    facts = extract_facts(["养伤期间厂里每个月只给一千块生活费，我以前每个月有四千多"], TODAY)
    assert facts.get("monthly_wage") != 1000
    assert extract_facts(["月工资5000，生活费另外给"], TODAY).get("monthly_wage") == 5000


def test_a_rule_withholding_pay_for_an_injury_already_recognised_keeps_its_verdict(
    service: AnswerService,
) -> None:
    """The recognised stage drops a sentence telling the worker to apply: the verdict must not carry one."""
    plan = service_plan(
        service, "工伤已经认定了，厂规写着工伤休息期间只发生活费不发工资，进厂时我签了字，这规定算数吗"
    )
    first = plan.conclusion[0].text
    assert first.startswith("不合法") and "原工资福利待遇不变" in first, first


# Named by the session-30 level readers (check-named), written in the team's own wording.


@pytest.mark.parametrize(
    "message",
    [
        "公司这几个月每个月只发一半工资，我想走，怎么走能拿补偿",
        "老板才给了六成工资，剩下的说年底再给，我想辞职能要补偿吗",
    ],
)
def test_pay_paid_only_in_part_is_pay_owed_and_the_exit_keeps_n(service: AnswerService, message: str) -> None:
    assert extract_facts([message], TODAY).get("wages_owed") is True
    plan = service_plan(service, message)
    assert conclusion_cites(plan, "劳动合同法", 38), conclusion_text(plan)
    assert "提前30天交给单位" not in conclusion_text(plan)


@pytest.mark.parametrize("message", ["病假期间工资只发百分之八十", "年终奖只发了一半"])
def test_a_lawful_lower_pay_or_a_bonus_is_no_pay_owed(message: str) -> None:
    assert extract_facts([message], TODAY).get("wages_owed") is None


def test_an_injured_worker_kept_out_and_unpaid_hears_the_pay_runs_on_and_no_resignation(
    service: AnswerService,
) -> None:
    message = "我工伤还在养，公司不让我回去上班，工资也停了，还让我写辞职信，怎么办"
    assert extract_facts([message], TODAY).get("treatment_interfered") == "kept_out"
    first = service_plan(service, message).conclusion[0].text
    assert "原工资福利照发" in first and "别写辞职信" in first, first


def test_kept_out_with_no_injury_told_is_no_interference() -> None:
    assert extract_facts(["公司不让我上班，也不发工资，怎么办"], TODAY).get("treatment_interfered") is None


@pytest.mark.parametrize(
    "message",
    [
        "厂里不让加班了，现在只拿底薪，工资少了一半，我能以降薪为由辞职要补偿吗",
        "订单少了没活干，这个月工资比上个月少了三千，算降薪吗",
    ],
)
def test_pay_fallen_with_the_work_is_no_pay_cut(service: AnswerService, message: str) -> None:
    facts = extract_facts([message], TODAY)
    assert facts.get("pay_cut") is None and facts.get("pay_fell_less_work") is True
    first = service_plan(service, message).conclusion[0].text
    assert first.startswith("一般不算降薪"), first


def test_the_agreed_rate_cut_for_a_reason_of_work_is_still_a_cut() -> None:
    facts = extract_facts(["老板说订单少了，把计件单价从一块降到八毛"], TODAY)
    assert facts.get("pay_cut") is True and facts.get("pay_fell_less_work") is None


def test_a_rule_signed_at_hiring_is_no_separation_agreement(service: AnswerService) -> None:
    plan = service_plan(
        service, "厂里规定工伤休息期间只发八百块生活费，不发工资，进厂时签了字，这个规定算数吗"
    )
    assert "separation_agreement" not in plan.guides
    assert not any("协议这一关" in s.text for s in plan.reasons)


# The lead's reading of five held-out answers at the end (disclosed in bench/RESULTS.md).


def test_the_hospital_pressing_discharge_over_the_employers_unpaid_bill_is_the_payment_stopped(
    service: AnswerService,
) -> None:
    message = "我在工地摔伤住院，包工头不交钱了，医院催着出院，怎么办"
    assert extract_facts([message], TODAY).get("treatment_interfered") == "payment"
    assert service_plan(service, message).conclusion[0].text.startswith("单位不能断你的治疗费")


def test_a_serious_injury_pressed_to_leave_hospital_opens_with_the_right_to_stay(
    service: AnswerService,
) -> None:
    message = "我腿被砸成粉碎性骨折还在住院，医生说还要住两周，车间主任天天来催我出院，我能不出院吗"
    assert service_plan(service, message).conclusion[0].text.startswith("不用听单位的")


def test_a_date_far_along_a_run_on_message_is_not_lent_to_the_injury() -> None:
    message = (
        "我前年在厂里上班右手被冲床压了认定了工伤后来鉴定是九级伤残一直还在厂里上班现在合同六月底到期了"
        "厂里上个礼拜通知说不跟我续签了"
    )
    facts = extract_facts([message], TODAY)
    assert facts.get("injury_date") not in ("2026-06-30", "2026-11-23")
    assert extract_facts(["昨天摔下来没抢救过来"], TODAY).get("injury_date") == "2026-12-04"
