"""Rules whose omission costs a worker a right (session 14, issue 13), each both ways:

- the statutory retirement age is the delayed one of 国务院关于渐进式延迟法定退休年龄的办法 第一条, computed for the
  birth year told — never the old 60/55/50 taken as today's; a worker sent away "at retirement age" is told
  whether the age is reached (a woman: on which of her two original ages is hers);
- a pregnant or nursing worker thinking of quitting hears first what resigning gives up (女职工劳动保护特别规定
  5; 劳动合同法 42(4), 45), then her options — not how to hand in the notice;
- money paid to an agency, a school or a landlord is a civil claim: three years in court (民法典 188), never
  the labour one-year limit;
- an applicant never hired whose deposit or ID card was taken goes to the labour inspectorate and the court,
  never to arbitration, and is not answered as discrimination;
- a training-bond penalty is capped with the worker's own numbers (劳动合同法 22(2), 25)."""

from __future__ import annotations

from assistant.consult.facts import extract_facts, retirement_age_text
from assistant.consult.plan import arbitration_advised
from tests.assistant.consult.planning import TODAY, opening, plan_with_tools, ranked


def facts(*messages: str) -> dict[str, object]:
    return dict(extract_facts(list(messages), TODAY).values())


def conclusion(question: str, *issues: str) -> str:
    return " ".join(s.text for s in plan_with_tools(question, ranked(*issues)).conclusion)


# --- (a) the retirement age -------------------------------------------------------------------------


def test_the_steps_of_the_delay_reach_the_final_ages_at_the_birth_months_of_the_table() -> None:
    assert retirement_age_text("men", (1965, 1), (1965, 1)).startswith("60岁1个月")
    assert retirement_age_text("men", (1976, 9), (1976, 9)).startswith("63岁")
    assert retirement_age_text("women_55", (1981, 9), (1981, 9)).startswith("58岁")
    assert retirement_age_text("women_50", (1984, 10), (1984, 10)).startswith("54岁11个月")
    assert retirement_age_text("women_50", (1984, 11), (1984, 11)).startswith("55岁")
    # Born before the reform: the original age.
    assert retirement_age_text("women_50", (1974, 1), (1974, 12)) == "50岁"


def test_a_woman_who_tells_her_birth_month_is_given_both_delayed_ages() -> None:
    text = opening(
        plan_with_tools(
            "我是女的，1979年5月出生，在车间干了二十年，我到底什么时候能退休？", ranked("retirement_overage")
        )
    )
    assert "52岁3个月" in text and "57岁5个月" in text  # 50 → +27 months; 55 → +29 months
    assert "12333" in text


def test_a_man_who_tells_his_birth_year_gets_the_range_of_his_months() -> None:
    text = opening(plan_with_tools("我是男的，1970年出生的，几岁退休？", ranked("retirement_overage")))
    assert "61岁4个月到61岁6个月" in text
    assert "女工人" not in text


def test_no_birth_year_keeps_the_general_rule() -> None:
    text = opening(plan_with_tools("延迟退休是怎么算的？", ranked("retirement_overage")))
    assert text.startswith("要看你的性别和出生年月")


def test_a_mother_sent_away_at_52_is_told_it_turns_on_her_original_age() -> None:
    question = "我妈今年52了，在超市当理货员，超市说她到退休年龄了要让她走，这对吗"
    assert facts(question)["female"] is True
    text = conclusion(question, "retirement_overage", "unlawful_termination")
    assert text.startswith("要看原来是按50岁还是55岁退休")
    assert "不合法。过了法定退休年龄" not in text


def test_a_father_sent_away_at_58_has_not_reached_the_age() -> None:
    text = conclusion(
        "我爸今年58，厂里说他到退休年龄了让他走，能要补偿吗", "retirement_overage", "unlawful_termination"
    )
    assert text.startswith("不能按退休让走，还没到法定退休年龄") and "经济补偿" in text


def test_a_man_past_every_age_is_still_told_the_contract_ended() -> None:
    text = conclusion(
        "我今年64了，厂里说我到退休年龄了不要我了，能要补偿吗", "retirement_overage", "unlawful_termination"
    )
    assert "还没到法定退休年龄" not in text
    assert "依法终止" in text


# --- (b) a pregnant or nursing worker thinking of quitting -----------------------------------------------


def test_a_pregnant_worker_who_wants_to_quit_hears_what_she_gives_up_first() -> None:
    text = conclusion(
        "我怀孕五个月了，上班太累了想辞职，要提前多久跟公司说？", "employee_resignation", "female_workers"
    )
    assert text.startswith("先别急着辞职")
    assert "哺乳期满" in text and "经济补偿" in text
    assert "产假是98天" not in text


def test_a_nursing_mother_moved_and_cut_who_would_quit_is_told_the_cut_is_unlawful() -> None:
    p = plan_with_tools(
        "我在哺乳期，公司把我调去仓库还降了工资，我想干脆不干了，辞职能拿到什么",
        ranked("rules_and_transfer", "female_workers", "employee_resignation"),
    )
    text = opening(p)
    assert text.startswith("先别以“个人原因”辞职")
    assert "补发" in text and "经济补偿" in text and "哺乳期满" in text


def test_a_worker_not_pregnant_who_wants_to_quit_is_told_how() -> None:
    text = conclusion("我在厂里干了两年，想辞职，要提前多久跟公司说？", "employee_resignation")
    assert "先别急着辞职" not in text
    assert "30天" in text


def test_a_pregnant_worker_who_already_resigned_is_not_told_not_to() -> None:
    text = conclusion(
        "我怀孕三个月，上个月已经交了辞职信，单位还没结工资怎么办", "employee_resignation", "female_workers"
    )
    assert "先别急着辞职" not in text


def test_an_employer_asking_about_a_pregnant_worker_is_not_told_not_to_resign() -> None:
    text = conclusion("我们是公司人事，员工怀孕了自己提出辞职，我们要注意什么", "female_workers")
    assert "先别急着辞职" not in text


def test_hr_asking_to_cut_a_pregnant_employees_pay_is_told_no_in_its_own_voice() -> None:
    question = "hr这边问下，员工怀孕了我们想给她调岗降薪，她不同意的话我们能不能跟她协商解除？"
    assert facts(question)["asker"] == "employer"
    text = conclusion(question, "rules_and_transfer", "female_workers")
    assert text.startswith("不能。员工在孕期") and "真心同意" in text and "经济补偿" in text
    assert "因为你怀孕" not in text


def test_a_pregnant_worker_whose_pay_is_cut_is_still_told_in_her_own_voice() -> None:
    text = conclusion("我怀孕了，公司给我调岗降薪，合法吗", "rules_and_transfer", "female_workers")
    assert text.startswith("不合法") and "员工在孕期" not in text


# --- (c) which time limit ----------------------------------------------------------------------------


def test_an_agency_fee_is_a_civil_claim_with_three_years() -> None:
    question = "前年在中介交了3000块介绍费说包进厂，结果根本没安排工作，现在去要钱还来得及吗"
    p = plan_with_tools(question, ranked("recruitment_fraud", "arbitration_procedure"))
    text = opening(p)
    assert "3年" in text and "法院" in text
    assert "1年内申请" not in text
    assert "time_limit" not in {b.guide_id for b in p.situations}


def test_a_civil_claim_gets_no_arbitration_steps_nor_the_arbitration_draft() -> None:
    p = plan_with_tools(
        "前年交给黑中介的2000块介绍费一直不退，是不是过了一年就要不回来了",
        ranked("arbitration_procedure", "recruitment_fraud"),
    )
    assert "3年" in opening(p)
    assert "arbitration" not in p.documents
    assert not any("仲裁委员会" in s.text or "1年从你知道" in s.text for s in p.steps)
    assert any("法院起诉" in s.text for s in p.steps)


def test_arbitration_named_only_to_rule_it_out_offers_no_draft() -> None:
    assert not arbitration_advised("不用走劳动仲裁：你还没入职")
    assert not arbitration_advised("劳动仲裁委一般不受理。")
    assert not arbitration_advised("能告，而且不用先仲裁")
    assert arbitration_advised("可以在一年内申请劳动仲裁，要求继续上班")


def test_a_dismissed_worker_is_still_offered_the_arbitration_draft() -> None:
    p = plan_with_tools("公司上个月无故把我辞退了，干了三年，怎么办", ranked("unlawful_termination"))
    assert "arbitration" in p.documents


def test_a_driving_school_fee_is_not_time_barred_by_the_labour_limit() -> None:
    text = conclusion("报名驾校交了4800学费，驾校跑路了，两年前的事，现在还能告吗", "arbitration_procedure")
    assert "3年" in text and "1年内申请" not in text


def test_wages_owed_after_leaving_keep_the_labour_limit() -> None:
    text = conclusion(
        "中介介绍我进厂，厂里欠了我两个月工资，离职快一年了，还来得及吗",
        "arbitration_procedure",
        "wage_arrears",
    )
    assert "民事诉讼时效" not in text


# --- (d) a job applicant never hired ----------------------------------------------------------------------


def test_an_applicants_deposit_and_id_card_go_to_the_inspectorate_not_arbitration() -> None:
    question = "去面试的时候公司让我交了500块服装押金，身份证也押在那，后来没录用也不退，我能去劳动仲裁吗"
    text = conclusion(question, "recruitment_fraud", "employment_discrimination")
    assert text.startswith("不用走劳动仲裁")
    assert "人社部门" in text and "法院" in text
    assert "歧视" not in text
    p = plan_with_tools(question, ranked("recruitment_fraud", "employment_discrimination"))
    assert "arbitration" not in p.documents


def test_an_applicant_refused_for_hepatitis_keeps_the_discrimination_answer() -> None:
    p = plan_with_tools("面试的时候查出乙肝就不录用了，能去仲裁吗", ranked("employment_discrimination"))
    text = " ".join(s.text for s in p.conclusion)
    assert "人民法院起诉" in text and "不用走劳动仲裁" not in text
    assert "arbitration" not in p.documents  # never hired: nothing to arbitrate


def test_an_employees_deposit_is_not_answered_as_an_applicants() -> None:
    text = conclusion("入职的时候交了500押金，干了半年辞职了公司不退，能仲裁吗", "recruitment_fraud")
    assert "还没入职" not in text


# --- (f) the training bond's cap with the worker's numbers ------------------------------------------------


def test_a_penalty_over_the_cap_is_cut_to_the_unserved_share_of_the_cost() -> None:
    question = (
        "公司出钱送我去外地培训了半个月，花了6000，约定服务期3年，我干了一年想走，公司要我赔2万违约金，合法吗"
    )
    told = facts(question)
    assert told["training_cost"] == 6000 and told["bond_months"] == 36 and told["penalty_demanded"] == 20000
    text = conclusion(question, "service_period_penalty")
    assert text.startswith("要赔，但最多4000元，不是单位要的20000元")
    assert "24个月" in text and "无效" in text


def test_the_cap_without_a_demand_is_stated_with_the_numbers() -> None:
    text = conclusion(
        "单位送我去考证，培训费一万二，签了两年服务期，现在干了8个月要辞职，要赔多少",
        "service_period_penalty",
    )
    assert text.startswith("要赔，但最多8000元")


def test_a_service_period_served_owes_nothing() -> None:
    text = conclusion(
        "公司送我去进修，培训费8000，服务期2年，我已经干了3年了，现在辞职要赔违约金吗",
        "service_period_penalty",
    )
    assert text.startswith("不用赔")


def test_ordinary_training_with_numbers_still_owes_nothing() -> None:
    text = conclusion(
        "入职培训了一个星期，合同写服务期2年，我干了半年想走，公司说要赔5000违约金", "service_period_penalty"
    )
    assert text.startswith("不用赔") and "最多" not in text


# --- (e) the minimum wage by the city's tier ----------------------------------------------------------------


def test_a_city_whose_tier_the_data_lacks_is_not_given_the_lowest_tier_as_its_own() -> None:
    text = conclusion("我在杭州上班，一个月1500，低于最低工资吗", "minimum_wage_payment")
    assert text.startswith("不合法") and "连浙江最低一档" in text and "至少少340元" in text
    assert "低于当地月最低工资标准1840元" not in text


def test_a_city_with_its_tier_in_the_data_names_the_tier_and_its_date() -> None:
    text = conclusion("我在东莞厂里上班，一个月1700，低于最低工资吗", "minimum_wage_payment")
    assert "广东二类" in text and "2021年12月1日起执行" in text and "1900元" in text


def test_a_wage_between_the_tiers_waits_for_the_county() -> None:
    text = conclusion("我在浙江一个县城上班，一个月1900，低于最低工资吗", "minimum_wage_payment")
    assert text.startswith("要看你干活的县") and "第一档 2280 元" in text


def test_a_place_without_data_says_the_figure_differs_and_where_to_check() -> None:
    text = conclusion("在长沙县上班，一个月到手才1800，低不低于最低工资啊", "minimum_wage_payment")
    assert "分几档" in text and "12333" in text
