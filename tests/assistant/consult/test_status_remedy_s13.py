"""Employment status from the facts told, then the remedy (session 13, class S), each both ways:

- facts that point away from a labour relation on a platform (logs on when he likes, revenue share, own
  van, several platforms) keep the employee rules (经济补偿, 30 days' notice, the employer's 工伤 steps) out
  of the answer, which says what applies instead; an office worker with flexible hours is not touched;
- a labour relation decided on the facts, with a remedy asked, is followed by the remedy the facts name (2N
  for a dismissal);
- a job applicant refused on a discriminatory ground is sent to court, not to arbitration; a worker
  already employed still goes to arbitration first."""

from __future__ import annotations

from assistant.consult.facts import extract_facts
from tests.assistant.consult.planning import TODAY, opening, plan_with_tools, ranked


def facts(*messages: str) -> dict[str, object]:
    return dict(extract_facts(list(messages), TODAY).values())


def conclusion(question: str, *issues: str, codes: tuple[str, ...] = ()) -> str:
    return " ".join(s.text for s in plan_with_tools(question, ranked(*issues), codes=codes).conclusion)


# --- not a labour relation: the employee rules stay out ------------------------------------------------


def test_own_van_on_several_apps_is_not_promised_severance() -> None:
    question = "我用自己的货车在拉货平台上接活，油费自己出，也在其他平台接单，现在账号被停了，能要经济补偿吗"
    p = plan_with_tools(question, ranked("severance_compensation", "platform_employment"))
    text = opening(p)
    assert "不是劳动关系" in text and "经济补偿" in text and "用不上" in text
    assert "severance_compensation" not in p.guides
    assert not any("每满1年" in s.text for s in p.claims)


def test_streamer_with_revenue_share_is_not_held_to_thirty_days_notice() -> None:
    question = "我在经纪公司签约做主播，打赏分成比例是四六开，播什么、什么时候播我自己说了算，我不想干了，公司说我得提前30天辞职还要付违约金"
    text = conclusion(question, "employee_resignation", "service_period_penalty")
    assert "不是劳动关系" in text
    assert "调低" in text  # the penalty is the agreement's, which a court can lower
    assert "提前30天书面通知" not in text


def test_flexible_hours_of_an_office_worker_keep_the_employee_rules() -> None:
    # No platform or cooperation word: 时间自由 alone does not make the worker self-employed.
    question = "我在公司做设计，上班时间自由，干了三年，上周公司突然把我辞退了，能要补偿吗"
    text = conclusion(question, "unlawful_termination", "severance_compensation")
    assert "不是劳动关系" not in text


def test_crowd_rider_hurt_gets_no_employer_injury_steps() -> None:
    question = "我跑众包，想跑就跑，按单算钱，前天送餐的时候被电动车撞了，腿骨折了，平台说不管，能算工伤吗"
    p = plan_with_tools(
        question, ranked("platform_employment", "work_injury_recognition"), codes=("death_or_serious_injury",)
    )
    assert "serious_injury" not in {b.guide_id for b in p.situations}
    assert "不能按工伤认定" in opening(p) and "职业伤害保障" in opening(p)
    assert not any("从用工之日起就建立了劳动关系" in s.text for s in p.reasons)


def test_managed_rider_hurt_keeps_the_injury_steps() -> None:
    question = "我是站点的专送骑手，站长排班，每天打卡，迟到罚款，前天送餐的时候摔了，腿骨折了，能算工伤吗"
    p = plan_with_tools(
        question, ranked("platform_employment", "work_injury_recognition"), codes=("death_or_serious_injury",)
    )
    assert "serious_injury" in {b.guide_id for b in p.situations}


# --- a labour relation decided: the remedy follows ------------------------------------------------------


def test_managed_worker_on_a_cooperation_agreement_dismissed_is_told_2n() -> None:
    question = "公司叫我签了合作协议，可每天要打卡，站长派活，迟到扣钱，每月发底薪，干了两年多，昨天说不用来了，能要赔偿吗"
    text = conclusion(question, "platform_employment")
    assert text.startswith("能认定劳动关系")
    assert "赔偿金" in text and "两倍" in text


def test_status_not_decided_names_no_heads() -> None:
    # Nothing told about how the work is managed: the verdict waits for the facts, no remedy is promised.
    question = "我在平台上跑单一年了，平台说我们是合作关系，现在不让我干了，能要赔偿吗"
    text = conclusion(question, "platform_employment")
    assert "一并主张" not in text


# --- job applicants: court, not arbitration ---------------------------------------------------------------


def test_applicant_is_read() -> None:
    assert facts("去应聘仓管，人家一看我是外省的就不要了")["applicant"] is True
    assert "applicant" not in facts("在厂里干了两年，体检查出乙肝就把我辞了")


def test_applicant_refused_for_a_carrier_status_goes_to_court() -> None:
    question = "我投了简历去面试，入职体检查出乙肝携带，公司说不要我了，可以申请劳动仲裁吗"
    text = conclusion(question, "employment_discrimination")
    assert "法院" in text and "不用先仲裁" in text


def test_worker_dismissed_for_a_carrier_status_goes_to_arbitration_first() -> None:
    question = "我在厂里干了两年，单位体检查出我是乙肝携带者就把我辞了，可以申请劳动仲裁吗"
    text = conclusion(question, "employment_discrimination")
    assert "不用先仲裁" not in text


# --- an individual business's hands are employees --------------------------------------------------------


def test_individual_employer_is_read_but_not_a_self_registered_worker() -> None:
    assert facts("我在个体户开的修车铺干活")["individual_employer"] is True
    assert "individual_employer" not in facts("公司让我注册个体户再签合作协议，我在个体户开的网点送件")


def test_individual_business_hand_asking_about_injury_gets_the_covered_answer() -> None:
    question = "在个体工商户雇的加工作坊干活，手被机器夹伤了，个体户雇的人算工伤吗"
    p = plan_with_tools(question, ranked("platform_employment", "work_injury_recognition"))
    assert p.selected[0] == "work_injury_recognition/individual_business"
    assert opening(p).startswith("能")


def test_individual_business_hand_dismissed_is_told_the_labour_contract_law_applies() -> None:
    question = "我给个体户开的理发店打工两年，老板说不用来就不用来了，这合法吗"
    p = plan_with_tools(question, ranked("unlawful_termination"))
    assert any("个体户雇的人也一样" in s.text for s in p.reasons)
    company = plan_with_tools(
        "我在公司上班两年，老板说不用来就不用来了，这合法吗", ranked("unlawful_termination")
    )
    assert not any("个体户雇的人也一样" in s.text for s in company.reasons)


def test_dismissed_asking_for_compensation_is_not_answered_with_pay_day() -> None:
    question = "我在保洁公司上班，公司派单、发工服，干了三年被辞退了，有补偿吗"
    text = conclusion(question, "wage_payment_timing", "unlawful_termination")
    assert not text.startswith("不合法，离职时就应该结清")
    assert "辞退" in text


def test_free_courier_blocked_is_not_sent_to_labour_arbitration() -> None:
    question = "我在同城配送平台接单，接不接单我自己定，想跑就跑，被投诉后账号冻结了，能申请劳动仲裁吗"
    p = plan_with_tools(question, ranked("labour_inspection_complaint", "platform_employment"))
    assert p.selected[0] == "platform_employment/forum"
    assert opening(p).startswith("一般不能走劳动仲裁") and "法院" in opening(p)


def test_managed_courier_is_sent_to_arbitration() -> None:
    question = "我在同城配送平台的站点送货，站长排班、每天打卡、超时罚款，现在站点不给结钱，能申请劳动仲裁吗"
    p = plan_with_tools(question, ranked("labour_inspection_complaint", "platform_employment"))
    assert "一般不能走劳动仲裁" not in " ".join(s.text for s in p.conclusion)


# --- the shapes of the worker's own say, the injury route and the employer's form as an excuse -----------


def test_own_say_shapes_are_read() -> None:
    assert facts("在跑腿平台上想送就送，不想送就关掉")["autonomy"] is True
    assert facts("开着自己的面包车拉货")["autonomy"] is True
    assert facts("同时挂在三个拉活app上")["autonomy"] is True
    # Leaving at will is not the worker's say over the work; an own e-bike is common among managed riders.
    assert "autonomy" not in facts("公司说我不能想走就走，要提前一个月说")
    assert "autonomy" not in facts("骑自己的电动车送外卖，站长排班")


def test_managed_rider_hurt_is_told_the_injury_route_not_a_condition() -> None:
    question = "我是外卖专送，站长每天排班，不去早会罚钱，送餐路上被电动车撞了，算不算工伤"
    p = plan_with_tools(question, ranked("work_injury_recognition", "work_injury_benefits"))
    text = opening(p)
    assert text.startswith(("能按工伤走", "一般能认定工伤")) and not text.startswith("要看")


def test_individual_business_owner_claiming_exemption_is_rebutted() -> None:
    question = "我在奶茶店上班一年多，老板是个体户，辞退我时老板说个体户不用给补偿，是这样吗"
    text = conclusion(question, "severance_compensation", "unlawful_termination")
    assert "有雇工的个体工商户也是用人单位" in text
    company = conclusion("我在奶茶店上班一年多，辞退我时老板说不用给补偿，是这样吗", "severance_compensation")
    assert "个体工商户" not in company


def test_free_rider_hurt_asking_what_to_do_is_not_sent_to_confirm_a_relation_first() -> None:
    question = "我在平台上跑众包，想跑就跑，刚才送单时被车刮倒，膝盖骨折了，现在怎么办"
    p = plan_with_tools(question, ranked("platform_employment", "work_injury_recognition"))
    text = opening(p)
    assert text.startswith("先看病") and "职业伤害保障" in text
    assert "确认劳动关系" not in text
