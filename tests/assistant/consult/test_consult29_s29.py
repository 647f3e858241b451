"""Session 29 (issue 13): classes found trying the product as a worker and named by the session-28 level readers,
written from the law in the team's own wording (never a forum question).

1. A pay cut told (工资被降了两千, 每个月给我降了800块工资) and leaving asked: the employer may not cut the pay alone
   (劳动合同法 35(1)); it is pay not paid in full, a ground to leave at once with severance (38(1)(2), 46(1)) — never
   "一般拿不到", and the cut is never read as the wage.
2. How a death's grants are shared among the family: the dependants' pension is each dependant's own, the funeral
   grant and the lump sum are the close relatives' to agree on (工伤保险条例 39(1)) — not the amounts again.
3. The employer's own ending told (公司要解散了, 厂子倒闭了) with the years and the wage: the closure's severance with
   its sum (劳动合同法 44(4)(5), 46(6), 47) — not "要看是谁提出解除的".
4. A graded worker near retirement: the grade's lump sum stands, the two leaving sums are not for an ending by
   retirement (工伤保险条例 37(1)(2)); grades 1–4 move from the allowance to the pension (35(1)(3)).
5. The road asked after a grade (怎么向公司要钱): the fund's items through the agency, the employer's by writing and
   arbitration (社会保险法 38, 39; 劳动争议调解仲裁法 2(5), 27(1)); an uninsured employer owes all (62(2)).
6. An accident named with nothing of work told (意外伤害评了十级): which road it is comes first — 工伤, a tort
   (民法典 1179) or an accident policy."""

from __future__ import annotations

import pytest

from assistant.answer import AnswerService
from assistant.consult.facts import extract_facts
from tests.assistant.consult.planning import TODAY, conclusion_cites, conclusion_text, service_plan

# Class 1: a pay cut told.


@pytest.mark.parametrize(
    ("message", "words"),
    [
        ("公司被合并了，新公司每个月给我降了800块工资，我不想干了能要补偿吗", "降了800块工资"),
        ("公司无故给我降薪了，我想辞职能要补偿吗", "降薪"),
        ("老板把我工资从5000降到4000，也没跟我商量", "工资从5000降到4000"),
        ("工资被降了两千，我不同意，公司说不干就走人", "工资被降了"),
    ],
)
def test_a_pay_cut_told_as_done_is_read(message: str, words: str) -> None:
    facts = extract_facts([message], TODAY)
    assert facts.get("pay_cut") is True
    assert facts.facts["pay_cut"].words == words


@pytest.mark.parametrize(
    "message",
    [
        "我同意降薪了，现在想辞职",
        "公司说要给我降薪，我能辞职吗",
        "工资没降，就是加班多",
        "病假期间工资降到最低工资的80%，合法吗",
        "我不同意降薪，公司能辞退我吗",
    ],
)
def test_a_cut_agreed_planned_denied_or_lawful_is_not_read(message: str) -> None:
    assert extract_facts([message], TODAY).get("pay_cut") is None


def test_the_sum_of_a_cut_is_not_the_wage() -> None:
    facts = extract_facts(["新公司每个月给我降了800块工资"], TODAY)
    assert facts.get("monthly_wage") is None
    # The wage told beside it is still read.
    facts = extract_facts(["月薪6000，公司把我工资降了一千"], TODAY)
    assert facts.get("monthly_wage") == 6000


@pytest.mark.parametrize(
    "message",
    [
        "公司被合并了，新公司每个月给我降了800块工资，我不想干了能要补偿吗",
        "公司无故给我降薪了，每月少了1000，我想辞职能要补偿吗",
    ],
)
def test_leaving_over_a_pay_cut_keeps_the_severance(service: AnswerService, message: str) -> None:
    plan = service_plan(service, message)
    first = plan.conclusion[0].text
    assert first.startswith("能"), first
    assert "一般拿不到" not in first and "个人原因" in first
    assert conclusion_cites(plan, "劳动合同法", 38) and conclusion_cites(plan, "劳动合同法", 35)


def test_leaving_over_a_pay_cut_with_the_years_gives_the_sum(service: AnswerService) -> None:
    plan = service_plan(service, "公司把我工资降了一千，我在这干了4年，月薪6000，我想走能拿多少")
    first = plan.conclusion[0].text
    assert "4个月工资" in first and "24000元" in first


def test_a_resignation_without_a_cut_still_hears_no_severance(service: AnswerService) -> None:
    plan = service_plan(service, "公司被合并了，我自己不想干了，辞职能要补偿吗")
    assert plan.conclusion[0].text.startswith("一般拿不到")


# Class 2: a death's grants shared.


@pytest.mark.parametrize(
    "message",
    [
        "我老公工伤死亡，赔了100多万，他前妻的孩子也要分，怎么分",
        "工亡补助金家属之间怎么分配",
        "我爸在厂里出事故去世了，一次性工亡补助金我妈、我和我弟怎么分",
    ],
)
def test_how_death_grants_are_shared_opens_with_the_sharing_rule(
    service: AnswerService, message: str
) -> None:
    plan = service_plan(service, message)
    first = plan.conclusion[0].text
    assert "没有规定固定的分法" in first and "协商" in first
    assert "按月直接发给" in first  # the dependants' pension is never shared
    assert conclusion_cites(plan, "工伤保险条例", 39)


def test_the_amount_of_death_grants_is_still_the_amount(service: AnswerService) -> None:
    plan = service_plan(service, "我爸在工地上摔死了，工亡能赔多少钱")
    assert "没有规定固定的分法" not in conclusion_text(plan)


# Class 3: the employer's own ending with the years and the wage.


@pytest.mark.parametrize(
    ("message", "months", "amount"),
    [
        ("公司要解散了，我2015年3月入职，月工资4000，能拿多少补偿", "12个月工资", "48000元"),
        ("厂子倒闭了，老板说不给补偿，我干了6年，每月3500", "6个月工资", "21000元"),
    ],
)
def test_a_closure_with_years_and_wage_opens_with_its_sum(
    service: AnswerService, message: str, months: str, amount: str
) -> None:
    plan = service_plan(service, message)
    first = plan.conclusion[0].text
    assert "解散" in first and months in first and amount in first
    assert not first.startswith("要看是谁提出解除")
    assert conclusion_cites(plan, "劳动合同法", 44)


def test_a_department_dissolved_is_no_closure() -> None:
    assert extract_facts(["我们部门解散了，我能拿多少补偿"], TODAY).get("ending_ground") != "closure"
    assert extract_facts(["公司要解散了，能拿多少补偿"], TODAY).get("ending_ground") == "closure"


# Class 4: a graded worker near retirement.


def test_a_grade_near_retirement_keeps_the_lump_sum_and_conditions_the_leaving_sums(
    service: AnswerService,
) -> None:
    plan = service_plan(service, "工伤评了九级，马上就要退休了，能拿哪些钱")
    first = plan.conclusion[0].text
    assert "9个月的本人工资" in first and "照拿" in first
    assert "退休" in first and "省" in first
    assert conclusion_cites(plan, "工伤保险条例", 37)


def test_a_high_grade_near_retirement_hears_the_pension_top_up(service: AnswerService) -> None:
    plan = service_plan(service, "工伤二级，明年要退休了，伤残津贴还发吗")
    first = plan.conclusion[0].text
    assert "养老金" in first and "补足" in first
    assert conclusion_cites(plan, "工伤保险条例", 35)


def test_a_grade_without_retirement_keeps_the_leaving_sums(service: AnswerService) -> None:
    first = service_plan(service, "工伤评了九级，能拿哪些钱").conclusion[0].text
    assert "退休" not in first


# Class 5: the road asked after a grade.


def test_the_road_asked_after_a_grade_opens_with_the_road(service: AnswerService) -> None:
    plan = service_plan(service, "评了十级伤残，怎么向公司要钱")
    first = plan.conclusion[0].text
    assert "社保经办机构" in first and "仲裁" in first
    assert conclusion_cites(plan, "劳动争议调解仲裁法", 2)


def test_the_road_for_an_uninsured_employer_is_the_employer(service: AnswerService) -> None:
    plan = service_plan(service, "工伤认定下来了，单位没买工伤保险，钱找谁要")
    first = plan.conclusion[0].text
    assert first.startswith("单位没交工伤保险的，所有工伤待遇都向单位要")
    assert conclusion_cites(plan, "工伤保险条例", 62)


def test_wages_owed_asked_how_to_recover_keep_their_own_road(service: AnswerService) -> None:
    plan = service_plan(service, "老板欠我三个月工资，怎么要")
    assert "社保经办机构" not in plan.conclusion[0].text


# Class 6: an accident with nothing of work told.


@pytest.mark.parametrize(
    "message", ["意外伤害评了十级，能赔多少钱", "出了意外，腿断了，评了九级伤残，能赔多少"]
)
def test_an_accident_without_work_told_says_which_road_first(service: AnswerService, message: str) -> None:
    plan = service_plan(service, message)
    first = plan.conclusion[0].text
    assert first.startswith("要先看是什么意外")
    assert "工伤" in first and "商业意外险" in first
    assert conclusion_cites(plan, "民法典", 1179)


@pytest.mark.parametrize(
    "message", ["工作中发生意外，评了十级，能赔多少", "我在工地出了意外，评了九级，能赔多少"]
)
def test_an_accident_at_work_is_priced_as_a_work_injury(service: AnswerService, message: str) -> None:
    first = service_plan(service, message).conclusion[0].text
    assert not first.startswith("要先看是什么意外")
    assert "本人工资" in first


# Class 7 (a check-half diff): the work-injury insurance refused with no injury told is the duty to insure.


@pytest.mark.parametrize(
    ("message", "opening"),
    [
        ("单位不给我们买工伤保险怎么办", "先去投诉，让单位补缴"),
        ("公司不给员工买工伤保险，合法吗", "不合法"),
    ],
)
def test_insurance_refused_without_an_injury_is_the_duty_to_insure(
    service: AnswerService, message: str, opening: str
) -> None:
    facts = extract_facts([message], TODAY)
    assert facts.get("injury_insurance") is False
    plan = service_plan(service, message)
    assert plan.conclusion[0].text.startswith(opening)
    assert not any(entry.startswith("work_injury") for entry in plan.selected)


def test_insurance_refused_with_an_injury_keeps_the_injury_guides(service: AnswerService) -> None:
    plan = service_plan(service, "公司没给我买工伤保险，我干活时手被压伤了怎么办")
    assert any(entry.startswith("work_injury") for entry in plan.selected)
    assert "单位" in plan.conclusion[0].text and "工伤" in plan.conclusion[0].text


# Broadened on two helpers' forum-style probe sets (written blind to these lists; the team's own wording here).


@pytest.mark.parametrize(
    ("message", "words"),
    [
        ("原来说好一天300，这个月起老板只给250了", "原来说好一天300,这个月起老板只给250"),
        ("底薪从5千调成3500，我没签字", "底薪从5千调成3500"),
        ("送餐的每单提成从5块降到3块", "提成从5块降到3块"),
        ("厂里把计件单价往下压了两毛", "计件单价往下压了"),
        ("公司说效益不好，全员工资打七折", "工资打七折"),
    ],
)
def test_a_pay_cut_in_other_words_is_read(message: str, words: str) -> None:
    facts = extract_facts([message], TODAY)
    assert facts.get("pay_cut") is True
    assert facts.facts["pay_cut"].words == words


@pytest.mark.parametrize(
    "message",
    ["我工资比同事少了八百", "说好一天300，后来涨到350了", "试用期工资打八折，合同上写了的"],
)
def test_a_comparison_a_raise_or_probation_pay_is_no_cut(message: str) -> None:
    assert extract_facts([message], TODAY).get("pay_cut") is None


def test_a_pay_cut_with_leaving_asked_opens_with_the_exit(service: AnswerService) -> None:
    plan = service_plan(
        service, "我在厂里做计件，以前一件两块，现在改成一块五，也没人问我们同不同意，不干了的话厂里要赔钱吗"
    )
    first = plan.conclusion[0].text
    assert first.startswith("能") and "个人原因" in first
    assert conclusion_cites(plan, "劳动合同法", 38)


def test_a_pay_cut_with_its_lawfulness_asked_opens_with_the_verdict(service: AnswerService) -> None:
    plan = service_plan(service, "说好一天300，这个月起老板只给250了，也没商量，这样合法吗")
    assert plan.conclusion[0].text.startswith("没有你的同意，一般不合法")


@pytest.mark.parametrize(
    ("message", "ground"),
    [
        ("公司因为经营不下去宣布停业解散了", "closure"),
        ("老板说下个月就关门不干了", "closure"),
        ("我们部门解散了", "objective_change"),
    ],
)
def test_the_employer_ending_itself_in_other_words(message: str, ground: str) -> None:
    assert extract_facts([message], TODAY).get("ending_ground") == ground


@pytest.mark.parametrize(
    "message",
    [
        "公司关了我的账号",
        "老板把我的门禁卡关了",
        "万一哪天厂子撑不下去关了，工资找谁",
        "我以前那个厂后来黄了，社保就断了",
    ],
)
def test_something_the_employer_shut_is_no_closure(message: str) -> None:
    assert extract_facts([message], TODAY).get("ending_ground") != "closure"


@pytest.mark.parametrize(
    "message", ["工伤八级，明年就到退休年龄了", "还有两年到退休，评了九级", "今年年底就退休了"]
)
def test_a_retirement_to_come_is_read(message: str) -> None:
    assert extract_facts([message], TODAY).get("near_retirement") is True


@pytest.mark.parametrize("message", ["已经退休了，在外面打零工", "离退休还有8年", "退休后再工作受伤算工伤吗"])
def test_a_retirement_past_or_far_is_not_near(message: str) -> None:
    assert extract_facts([message], TODAY).get("near_retirement") is None


def test_the_leaving_sums_asked_at_retirement_are_conditioned(service: AnswerService) -> None:
    plan = service_plan(service, "工伤评了八级，明年就到退休年龄了，一次性伤残就业补助金还能拿吗")
    first = plan.conclusion[0].text
    assert "照拿" in first and "退休" in first and "省" in first
    assert conclusion_cites(plan, "工伤保险条例", 37)


@pytest.mark.parametrize(
    "message",
    ["骑车被一辆小车撞了，交警定的对方全责，评了十级，能赔多少", "我弟出了个意外，评了九级伤残，能赔多少"],
)
def test_an_accident_in_other_words_says_which_road_first(service: AnswerService, message: str) -> None:
    first = service_plan(service, message).conclusion[0].text
    assert first.startswith("要先看是什么意外")


def test_a_road_accident_on_the_way_to_work_is_no_unclear_accident() -> None:
    facts = extract_facts(["下班路上被车撞了，交警说对方全责，评了十级"], TODAY)
    assert facts.get("accident_named") is None


@pytest.mark.parametrize(
    "message",
    [
        "我妈在厂里干活出事故去世了，赔的钱我爸和我舅舅都要，到底归谁",
        "老公工亡了，补偿款公婆说也有他们一份，他们能分到吗",
    ],
)
def test_a_share_asked_in_other_words_opens_with_the_sharing_rule(
    service: AnswerService, message: str
) -> None:
    plan = service_plan(service, message)
    assert "没有规定固定的分法" in plan.conclusion[0].text


# A check reader's class (marked check-named in bench/RESULTS.md): the employer sold is no closure.


@pytest.mark.parametrize(
    "message",
    [
        "我在厂里干了10年，现在老板要把厂子卖给别人，我们能拿到补偿吗",
        "饭店老板把店盘给别人了，我干了3年，能要补偿吗",
    ],
)
def test_the_employer_sold_is_no_closure(service: AnswerService, message: str) -> None:
    facts = extract_facts([message], TODAY)
    assert facts.get("employer_merged") is True and facts.get("ending_ground") != "closure"
    first = service_plan(service, message).conclusion[0].text
    assert "不是让你走的理由" in first and "劳动合同终止" not in first


# Two blind readers on the persona probes: a death told as 走了 after its accident, and a dependant child's age.


@pytest.mark.parametrize("message", ["我男人在工地从楼上摔下来走了", "我爸在矿上出事没了，补偿怎么算"])
def test_a_death_told_in_weak_words_after_its_accident_is_read(message: str) -> None:
    assert extract_facts([message], TODAY).get("death") is True


@pytest.mark.parametrize("message", ["他从架子上摔下来，工作没了", "出事以后活也没了"])
def test_a_job_lost_after_an_accident_is_no_death(message: str) -> None:
    assert extract_facts([message], TODAY).get("death") is None


@pytest.mark.parametrize(
    "message",
    [
        "我丈夫在厂里触电身亡，家里有个8岁的女儿，钱怎么分",
        "老公在工地摔下来走了，他和前妻的女儿今年15，也要分钱",
    ],
)
def test_a_dependant_childs_age_is_not_the_workers(service: AnswerService, message: str) -> None:
    assert extract_facts([message], TODAY).get("age") is None
    plan = service_plan(service, message)
    assert not any(block.guide_id == "child_at_work" and block.shown for block in plan.situations)


@pytest.mark.parametrize("message", ["我15岁的儿子在厂里打工，手被压了", "我儿子今年15岁，在工地干活摔伤了"])
def test_a_child_at_work_keeps_the_child_labour_block(service: AnswerService, message: str) -> None:
    assert extract_facts([message], TODAY).get("age") == 15
    plan = service_plan(service, message)
    assert any(block.guide_id == "child_at_work" and block.shown for block in plan.situations)
