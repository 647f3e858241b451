"""Session 28 (issue 13): classes from the lawyers' readings of learn-half answers, written from the law in the team's
own wording (never a forum question).

1. A work injury told by the stage its case reached (工伤认定下来了) is an injury told: its hospital stay is the
   injury's treatment (工伤保险条例 30), never an illness's medical period (医疗期); a benefit item asked (伙食补助费)
   is answered as itself.
2. An employer asking what it owes an injured worker hears the items and who pays each (工伤保险条例 30, 33, 37, 62),
   its worker's carelessness no bar (16) — not the filing duty alone.
3. 没签合同干了八个月: the months worked without a contract are the tenure, not a contract's term.
4. The double wage named beside another dispute gives its sum where the months and the wage are told (劳动合同法 82).
5. A year's pay told (年薪12万, 上年一共拿了60000元) is the average monthly wage over twelve (劳动合同法 47(3)).
6. A dismissal threatened on a condition (完不成任务就别来了) is no ending yet: keep working, no resignation; a real
   ending needs a ground and a written notice (劳动合同法 40(2), 46(3), 48, 87).
7. A told finger injury opens with the item it meets and its typical grade (GB/T 16180-2014 via
   corpus/consult/finger_grades.toml), two of one grade may rise by one; a vague one keeps the table.
8. A transfer with its pay cut (工资从6000降到3500) asked about compensation: yes, by ending the contract in writing
   on that ground (劳动合同法 38(1)(1)(2), 46(1)) — not a bare 不能.
9–11. A rule's meaning asked (是什么意思) is an asked part, and of two parts each named by another answer the one
   named least is the opening's; a reading asked (这应该算是辞退) tells no ending; the legal basis of a protection
   asked opens with the protection (劳动合同法 42).
12. Pay owed on maternity leave: the leave's income is the maternity allowance (社会保险法 56; 女职工劳动保护特别规定 8).
13. The years told alone after the clause that tells the work (在公司工作，一年多了) are the tenure."""

from __future__ import annotations

import pytest

from assistant.answer import AnswerService
from assistant.consult.facts import extract_facts
from tests.assistant.consult.planning import TODAY, conclusion_cites, conclusion_text, service_plan

# Class 1: a recognised work injury's hospital stay.


@pytest.mark.parametrize(
    "message",
    [
        "工伤认定下来了，住院那段时间的伙食补助费和交通费能报吗，标准多少",
        "已经认定为工伤，住院期间的伙食费谁出",
    ],
)
def test_a_recognised_injury_in_hospital_is_no_illness(message: str) -> None:
    facts = extract_facts([message], TODAY)
    assert facts.get("ill") is None
    assert facts.get("protected_status") != "medical"


@pytest.mark.parametrize(
    "message",
    [
        "工伤认定下来了，住院那段时间的伙食补助费和交通费能报吗，标准多少",
        "工伤认定下来了，住院期间的伙食补助费和交通费能报吗",
    ],
)
def test_a_recognised_injury_asking_the_meal_allowance_hears_the_allowance(
    service: AnswerService, message: str
) -> None:
    plan = service_plan(service, message)
    first = plan.conclusion[0].text
    assert "伙食补助费" in first and "医疗期" not in first
    assert conclusion_cites(plan, "工伤保险条例", 30)
    assert not any(entry.startswith("sick_leave_medical_period") for entry in plan.selected)


def test_an_illness_in_hospital_keeps_the_medical_period(service: AnswerService) -> None:
    plan = service_plan(service, "我生病住院两个月，公司说医疗期满要辞退我，合法吗")
    assert "医疗期" in conclusion_text(plan)


# Class 2: the employer asking what it owes.


@pytest.mark.parametrize(
    "message",
    [
        "我是老板，员工上班时切到手了，缝了几针，我需要赔多少钱",
        "员工在厂里干活被机器压伤了手，作为老板要赔偿哪些",
        "我们是一家小公司，员工干活时摔骨折了，没交工伤保险，公司要赔哪些钱",
    ],
)
def test_an_employer_asking_what_it_owes_hears_the_items_and_who_pays(
    service: AnswerService, message: str
) -> None:
    plan = service_plan(service, message)
    text = conclusion_text(plan)
    assert "停工留薪期" in text and "一次性伤残就业补助金" in text and "工伤保险基金" in text
    assert "不小心也不影响" in text
    assert conclusion_cites(plan, "工伤保险条例", 33) and conclusion_cites(plan, "工伤保险条例", 62)
    assert conclusion_cites(plan, "工伤保险条例", 16)


def test_an_employer_asking_what_to_do_keeps_the_first_steps(service: AnswerService) -> None:
    plan = service_plan(service, "我是老板，工人干活时从梯子上摔下来了，我该怎么办")
    assert plan.conclusion[0].text.startswith("先把工人送医治伤")


def test_a_worker_asking_what_he_gets_is_not_told_the_employers_items(service: AnswerService) -> None:
    plan = service_plan(service, "我上班时切到手了，缝了几针，能拿多少钱")
    assert "单位自己要付的是" not in conclusion_text(plan)


# Class 3: months worked without a contract.


@pytest.mark.parametrize(
    ("message", "months"),
    [
        ("没签合同干了八个月，老板突然说明天不用来了，我能要什么", 8.0),
        ("一直没签合同，合同都没签就干了两年，现在被辞退了", None),
        ("劳动合同一直没签，合同也没签做了三年，能要二倍工资吗", None),
    ],
)
def test_months_worked_after_no_contract_are_the_tenure(message: str, months: float | None) -> None:
    facts = extract_facts([message], TODAY)
    if months is not None:
        assert facts.get("service_months") == months
    else:
        assert facts.get("service_months") is not None


def test_a_contract_term_is_still_no_tenure() -> None:
    facts = extract_facts(["合同三年，干了一年被辞退"], TODAY)
    assert facts.get("service_months") == 12.0
    assert facts.get("contract_term_months") == 36.0


# Class 4: the double wage's sum beside another dispute.


def test_the_double_wage_beside_a_dismissal_names_its_sum(service: AnswerService) -> None:
    plan = service_plan(service, "没签合同干了八个月，月工资4000，老板没说原因就让我明天不用来了，我能要什么")
    text = conclusion_text(plan)
    assert "8000元" in text  # the dismissal's 2N opens
    assert "7个月" in text and "28000元" in text
    assert conclusion_cites(plan, "劳动合同法", 82)


def test_the_double_wage_without_a_wage_keeps_the_rule() -> None:
    facts = extract_facts(["没签合同干了八个月，老板突然说明天不用来了，我能要什么"], TODAY)
    assert facts.get("monthly_wage") is None and facts.get("average_monthly_wage") is None


# Class 5: a year's pay told.


@pytest.mark.parametrize(
    ("message", "monthly"),
    [
        ("我是派遣工，上年一共拿了60000元钱，公司要跟我解除合同", 5000),
        ("年薪12万，干了五年被辞退", 10000),
        ("去年全年工资收入7万2，现在被辞退了", 6000),
    ],
)
def test_a_years_pay_is_read_as_the_average_monthly_wage(message: str, monthly: int) -> None:
    assert extract_facts([message], TODAY).get("average_monthly_wage") == monthly


@pytest.mark.parametrize(
    "message", ["去年一共欠了我3万工资", "年终奖2万没发", "当地上年度职工平均工资8万，我干了三年被辞退"]
)
def test_a_sum_owed_a_bonus_or_a_local_average_is_no_years_pay(message: str) -> None:
    assert extract_facts([message], TODAY).get("average_monthly_wage") is None


def test_a_monthly_wage_told_beats_the_years_pay() -> None:
    assert extract_facts(["月薪5000，去年一共拿了8万"], TODAY).get("monthly_wage") == 5000


def test_a_years_pay_prices_the_dismissal(service: AnswerService) -> None:
    plan = service_plan(service, "年薪12万，干了五年，公司没说理由就把我辞退了，能赔多少")
    assert "100000元" in conclusion_text(plan)  # 2N: 5 years × 10000 × 2


# Class 6: a dismissal threatened on a condition.


@pytest.mark.parametrize(
    "message", ["主管说完不成任务就别来了，我能要补偿吗", "经理说业绩不达标的话就不用来上班了，这算辞退吗"]
)
def test_a_conditional_warning_is_no_dismissal_done(service: AnswerService, message: str) -> None:
    facts = extract_facts([message], TODAY)
    assert facts.get("dismissal_conditional") is True and facts.get("left_job") is None
    plan = service_plan(service, message)
    first = plan.conclusion[0].text
    assert first.startswith("现在还不算被辞退") and "别自己不去" in first
    assert conclusion_cites(plan, "劳动合同法", 40)


@pytest.mark.parametrize(
    "message",
    [
        "上个月没完成任务就被开除了，能要赔偿吗",
        "因为业绩不达标，公司把我辞退了",
        "公司说下个月要辞退我，我能要多少补偿",
    ],
)
def test_a_dismissal_done_or_announced_is_no_conditional_warning(
    service: AnswerService, message: str
) -> None:
    assert extract_facts([message], TODAY).get("dismissal_conditional") is None
    assert not conclusion_text(service_plan(service, message)).startswith("现在还不算被辞退")


# Class 7: a told finger injury answered with its own item.


def test_a_told_finger_injury_opens_with_its_own_grade(service: AnswerService) -> None:
    plan = service_plan(service, "在厂里干活，冲床把右手食指、中指压断了两节，能评几级")
    first = plan.conclusion[0].text
    assert first.startswith("按你说的（") and "一般是七级" in first and "13个月" in first
    assert "拇指末节断掉一半的" not in first  # not the whole table
    assert conclusion_cites(plan, "工伤保险条例", 37)


def test_two_injuries_of_one_grade_say_the_grade_may_rise(service: AnswerService) -> None:
    first = service_plan(service, "上班时中指掉了一节，无名指也掉了一节，能评几级").conclusion[0].text
    assert "单项一般是十级" in first and "最多可以晋升一级" in first


def test_a_finger_injury_told_vaguely_keeps_the_table(service: AnswerService) -> None:
    first = service_plan(service, "上班时手指被机器压伤了，能评几级").conclusion[0].text
    assert first.startswith("手指的伤，最后评几级")


# Class 8: a transfer with its pay cut.


@pytest.mark.parametrize(
    "message",
    [
        "被调岗降薪，我是接受还是走人能拿补偿",
        "公司把我从会计调到仓库，工资从6000降到3500，我不愿意，能要补偿吗",
    ],
)
def test_a_transfer_with_a_pay_cut_may_be_left_with_compensation(
    service: AnswerService, message: str
) -> None:
    plan = service_plan(service, message)
    first = plan.conclusion[0].text
    assert not first.startswith("不能")
    assert "书面通知单位解除" in first or "书面通知解除" in first
    assert conclusion_cites(plan, "劳动合同法", 38) and conclusion_cites(plan, "劳动合同法", 46)


def test_a_transfer_keeping_the_pay_brings_no_compensation_by_itself(service: AnswerService) -> None:
    first = service_plan(service, "公司要把我调到别的部门，工资不变，我不想去，能要补偿吗").conclusion[0].text
    assert first.startswith("不能。不同意调岗本身拿不到补偿")


# Class 9: a second part asked as the meaning of a rule, every part named by another answer.


def test_a_rules_meaning_asked_is_an_asked_part() -> None:
    from assistant.consult.kinds import asked_parts

    parts = asked_parts("辞退了，补偿按平均工资算吗？另外，补偿年限最高不超过12年是什么意思？")
    assert len(parts) == 2 and "12年" in parts[1]


def test_both_parts_of_a_severance_question_are_answered(service: AnswerService) -> None:
    plan = service_plan(
        service,
        "公司和我解除劳动合同了，补偿金的月工资包括奖金吗？另外，补偿年限最高不超过12年是什么意思？我干了20年。",
    )
    text = conclusion_text(plan)
    assert "奖金" in text  # the wage base part
    assert "3倍" in text and "12年" in text  # the cap part, with its condition
    assert conclusion_cites(plan, "劳动合同法", 47)


# Class 10: the worker's own reading asked is no ending told.


def test_a_dismissal_asked_as_a_reading_is_not_told() -> None:
    facts = extract_facts(["主管说业绩太差，这应该算是公司主动辞退员工吗"], TODAY)
    assert facts.get("termination") is None


# Class 11: the legal basis of a protection asked.


@pytest.mark.parametrize(
    ("message", "opens_with"),
    [
        ("工伤治疗康复期间不得解除劳动关系的依据是什么？", "不能：你因工受伤"),
        ("怀孕期间公司不能辞退我，法律依据是哪一条", "有这几种情况之一的"),
    ],
)
def test_the_basis_of_a_protection_opens_with_the_protection(
    service: AnswerService, message: str, opens_with: str
) -> None:
    plan = service_plan(service, message)
    assert plan.conclusion[0].text.startswith(opens_with)
    assert conclusion_cites(plan, "劳动合同法", 42)


# Class 12: pay owed on maternity leave.


def test_pay_owed_on_maternity_leave_names_the_maternity_allowance(service: AnswerService) -> None:
    plan = service_plan(service, "我在休产假，公司这几个月一分钱都没给我发，怎么办")
    assert "生育津贴" in conclusion_text(plan)
    assert conclusion_cites(plan, "社会保险法", 56)


def test_pay_owed_without_maternity_leave_adds_no_allowance(service: AnswerService) -> None:
    assert "生育津贴" not in conclusion_text(service_plan(service, "公司这几个月一分钱都没给我发，怎么办"))


# Class 13: the years told alone after the work.


@pytest.mark.parametrize(
    ("message", "months"),
    [("我在一家公司工作，一年多了，一直没签合同", 15.0), ("在饭店上班，三年了，老板不给加班费", 36.0)],
)
def test_years_told_after_the_work_are_the_tenure(message: str, months: float) -> None:
    assert extract_facts([message], TODAY).get("service_months") == months


def test_years_told_after_another_matter_are_no_tenure() -> None:
    assert extract_facts(["孩子生病住院，三年了，一直在治"], TODAY).get("service_months") is None


def test_years_told_at_a_workplace_closing_the_clause_are_the_tenure() -> None:
    facts = extract_facts(["我是销售总监，在公司五年，公司把我开了"], TODAY)
    assert facts.get("service_months") == 60.0
    assert extract_facts(["我在深圳五年，想问下社保怎么转"], TODAY).get("service_months") is None


# Class 14 (check-named): an ending by retirement is not priced or reasoned as an expiry.


def test_an_ending_by_retirement_carries_no_expiry_rule_nor_a_severance_figure(
    service: AnswerService,
) -> None:
    answer = service.ask("我今年60岁了，到了退休年龄，公司说劳动合同终止，在这干了9年，有补偿吗")
    body = answer.text.split("**法律依据**")[0]
    assert "单位不用付经济补偿" in body
    assert "合同到期终止的经济补偿" not in body
    assert "经济补偿（N / N+1）" not in body


def test_a_retirement_not_yet_reached_is_still_a_dismissal(service: AnswerService) -> None:
    plan = service_plan(
        service, "我是男的，1970年5月出生，公司说我到退休年龄了，让我下个月退休，不给补偿，合法吗"
    )
    assert "还没到法定退休年龄" in plan.conclusion[0].text


# Class 15 (check-named): cards the worker holds as evidence are no card seized.


def test_cards_held_as_evidence_are_no_card_seized(service: AnswerService) -> None:
    first = (
        service_plan(service, "老板欠了我四个月工资，我手里有工资卡和考勤卡，去仲裁能赢吗").conclusion[0].text
    )
    assert "拿走或扣着" not in first


def test_a_card_taken_is_still_answered_as_taken(service: AnswerService) -> None:
    first = service_plan(service, "包工头把我们的工资卡都收走了，合法吗").conclusion[0].text
    assert (
        first.startswith("不合法") and "押金" not in first
    )  # the card's (or the papers') answer, not a deposit's


# Class 16 (check-named): pay owed to a worker still in the job names leaving at once with compensation.


def test_pay_owed_in_the_job_names_leaving_at_once_with_compensation(service: AnswerService) -> None:
    plan = service_plan(service, "公司已经三个月没发工资了，我该怎么办")
    text = conclusion_text(plan)
    assert "马上书面通知单位解除合同" in text and "经济补偿" in text
    assert conclusion_cites(plan, "劳动合同法", 38)


def test_pay_owed_after_leaving_adds_no_leaving_advice(service: AnswerService) -> None:
    text = conclusion_text(service_plan(service, "老板拖欠工资两个月，我辞职了，还能要回来吗"))
    assert "马上书面通知单位解除合同" not in text


def test_cards_taken_by_a_gang_leader_are_answered_as_taken(service: AnswerService) -> None:
    first = (
        service_plan(service, "带班的把我们的社保卡和银行卡都拿走了，说工资打进去他统一取了再分，行吗")
        .conclusion[0]
        .text
    )
    assert first.startswith("不合法") and "押金" not in first


# Class 17 (found trying the product): a site worker's injury with no pay owed is the injury's case.


def test_a_site_injury_with_a_grade_opens_with_the_grades_benefits(service: AnswerService) -> None:
    first = (
        service_plan(service, "我在建筑工地干活，老板是个人承包的，受伤了评了二级，能拿什么")
        .conclusion[0]
        .text
    )
    assert "工资要按约定" not in first
    assert "25个月" in first or "2级" in first


def test_a_site_worker_owed_pay_and_hurt_keeps_the_pay(service: AnswerService) -> None:
    plan = service_plan(service, "在工地干活包工头欠了我三个月工资，我还受了伤，怎么办")
    assert not any(
        entry.startswith("work_injury_benefits") for entry in plan.selected[:1]
    ) or "工资" in conclusion_text(plan)
