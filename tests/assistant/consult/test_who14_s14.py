"""Session 14 (issue 13): the stage a matter has reached and the one asking, read from any wording, and the
answer fitted to them (corpus/consult/stages.toml) — both ways: it fires where it should and stays quiet on
look-alikes (a stage supposed, asked or denied; 公司说要仲裁; a worker saying 我们公司)."""

from __future__ import annotations

import pytest

from assistant.consult.facts import extract_facts
from assistant.consult.stages import load_stages

from .planning import TODAY, opening, plan_with_tools, ranked


def facts(text: str) -> dict:
    return extract_facts([text], TODAY).values()


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("我三月份就去劳动监察大队投诉了老板欠工资，到现在没动静", "complaint"),
        ("上个月已经申请了劳动仲裁，仲裁委也受理了，下个月开庭", "arbitration"),
        ("仲裁那边已经裁决了，判公司给我两万三，公司一分没给", "award"),
        ("在街道调解达成调解协议了，说好月底给钱，到现在没给", "mediation"),
        ("一审判决出来了，法院判公司赔我五万，公司说要上诉", "judgment_first"),
        ("二审维持原判了，公司还是不给钱", "judgment_final"),
        ("已经申请强制执行了，执行法官说公司账上没钱", "enforcement"),
    ],
)
def test_dispute_stage_read_from_any_wording(text: str, stage: str) -> None:
    assert facts(text).get("dispute_stage") == stage


@pytest.mark.parametrize(
    "text",
    [
        "还没申请仲裁，要准备什么材料",
        "如果仲裁输了怎么办",
        "去劳动局投诉有用吗",
        "要不要去劳动监察投诉",
        "公司说要仲裁，我该怎么办",  # the employer's threat, not an arbitration applied for
        "能不能申请强制执行",
    ],
)
def test_a_stage_supposed_asked_or_denied_is_not_reached(text: str) -> None:
    assert "dispute_stage" not in facts(text)


def test_injury_refused_and_a_death_recognised() -> None:
    assert facts("人社局作出了不予认定工伤的决定，我不服").get("injury_stage") == "refused"
    assert facts("我老公在工地摔死了，已经认定为工亡").get("injury_stage") == "recognised"
    assert "injury_stage" not in facts("单位说不是工伤，还没申请认定")


@pytest.mark.parametrize(
    "text",
    [
        "作为HR想问一下，员工旷工三天怎么处理",
        "我开了个小饭馆，雇了个服务员干了八个月",
        "员工要求公司赔他双倍工资，我们要赔吗",
        "我们公司这边有个员工一直不来上班",
    ],
)
def test_the_employer_asks_in_any_wording(text: str) -> None:
    assert facts(text).get("asker") == "employer"


@pytest.mark.parametrize(
    "text",
    ["我老板是HR出身，不给加班费怎么办", "我们公司不给加班费，我能要吗", "公司说要仲裁，我该怎么办"],
)
def test_a_worker_is_not_read_as_the_employer(text: str) -> None:
    assert facts(text).get("asker") != "employer"


def test_a_colleague_asks_but_a_worker_hurt_by_one_does_not() -> None:
    asked = facts("我同事上周在车间被冲床压断了两根手指，公司不给他报工伤，我能帮他做什么")
    assert asked.get("asker") == "colleague" and asked.get("relation") == "同事"
    assert facts("我同事把我打了，公司不管").get("asker") is None


def test_left_and_signed_under_pressure() -> None:
    told = facts("上个月被主管逼着写了辞职信，人已经走了")
    assert told.get("left_job") is True and told.get("signed_under_pressure") is True
    assert "left_job" not in facts("我想辞职，还在上班")
    assert "signed_under_pressure" not in facts("主管逼我写辞职信，我没写")


def test_award_holder_is_not_told_to_apply_for_arbitration() -> None:
    p = plan_with_tools(
        "仲裁已经裁决了，判公司给我两万，公司一直不给，我该怎么办", ranked("arbitration_procedure")
    )
    assert "强制执行" in opening(p)
    said = " ".join(s.text for s in [*p.steps, *p.mistakes, *p.conclusion])
    assert "申请仲裁" not in said and "开庭" not in said and "arbitration" not in p.documents


def test_arbitration_pending_opens_with_the_hearing_not_the_application() -> None:
    p = plan_with_tools(
        "我已经申请了劳动仲裁，仲裁委也受理了，接下来要准备什么", ranked("arbitration_procedure")
    )
    assert opening(p).startswith("仲裁已经申请了")
    assert not any("写好仲裁申请书" in s.text for s in p.steps)


def test_arbitration_not_yet_applied_keeps_the_application_steps() -> None:
    p = plan_with_tools("还没申请仲裁，接下来要准备什么", ranked("arbitration_procedure"))
    assert not opening(p).startswith("仲裁已经申请了")
    assert any("仲裁申请书" in s.text for s in p.steps)


def test_judgment_is_not_sent_back_to_arbitration() -> None:
    p = plan_with_tools(
        "一审判决出来了，法院判公司赔我五万，公司说不服要上诉，我接下来怎么办",
        ranked("arbitration_procedure", "unlawful_termination"),
    )
    assert "上诉" in opening(p)
    assert not any("申请劳动争议仲裁" in s.text or "申请仲裁" in s.text for s in p.steps)


def test_complaint_lodged_opens_with_what_follows_it() -> None:
    p = plan_with_tools(
        "三月份就去劳动监察大队投诉了老板欠工资，两个多月没动静，接下来怎么办",
        ranked("labour_inspection_complaint", "wage_arrears"),
    )
    assert opening(p).startswith("已经投诉了的")
    assert not any("劳动保障监察投诉" in s.text for s in [*p.steps, *p.conclusion])


def test_death_recognised_is_not_told_to_apply_for_recognition() -> None:
    p = plan_with_tools(
        "我老公去年在工地上摔下来人没了，已经认定是工亡，公司推着不给钱，我们接下来该怎么办",
        ranked("work_injury_benefits", "work_injury_recognition"),
    )
    assert opening(p).startswith("已经认定工亡的")
    said = " ".join(s.text for s in [*p.steps, *p.conclusion])
    assert "申请工伤认定" not in said


def test_signed_paper_is_told_how_to_challenge_it_not_to_wait_with_signing() -> None:
    p = plan_with_tools(
        "上个月被主管逼着写了辞职信，人已经走了，干了四年一分补偿没有，我还能要回来吗",
        ranked("employee_resignation", "severance_compensation"),
    )
    assert "撤销" in opening(p)
    said = " ".join(s.text for s in [*p.steps, *p.mistakes])
    assert "辞职信别写" not in said and "写辞职信" not in said and "先别签" not in said


def test_employer_is_told_its_duty_and_the_cost() -> None:
    p = plan_with_tools(
        "我开了个小饭馆，去年雇了个服务员干了八个月，一直没签合同，现在她说要我赔双倍工资，我要赔吗",
        ranked("no_written_contract"),
    )
    assert opening(p).startswith("你是用人单位") and "二倍工资" in opening(p)


def test_a_worker_saying_our_company_gets_no_employer_opening() -> None:
    p = plan_with_tools(
        "我们公司一直不跟我签合同，干了八个月了，能要双倍工资吗", ranked("no_written_contract")
    )
    assert not opening(p).startswith("你是用人单位")


def test_colleague_is_told_the_worker_acts() -> None:
    p = plan_with_tools(
        "我同事上周在车间被冲床压断了两根手指，公司不给他报工伤，我能帮他做点什么",
        ranked("work_injury_recognition"),
    )
    said = " ".join(s.text for s in p.conclusion)
    assert "你同事本人" in said and "单位30日内没给你" not in said


def test_every_clause_the_table_cites_is_in_the_store(runtime) -> None:  # noqa: ANN001 - the shared fixture
    from assistant.answer.service import _store_lookup
    from assistant.consult.facts import FACT_NAMES, QUANTITY_NAMES
    from assistant.consult.stages import check_stages

    table = load_stages()
    assert {s.id for s in table.stages} >= {
        "award",
        "arbitration",
        "complaint",
        "injury_recognised",
        "signed",
    }
    assert check_stages(table, _store_lookup(runtime.retriever), FACT_NAMES | QUANTITY_NAMES) == []


def test_a_stage_in_the_background_of_another_question_does_not_take_the_opening() -> None:
    p = plan_with_tools(
        "工伤认定下来了，现在公司要辞退我，说我干不了活，怎么办",
        ranked("unlawful_termination", "work_injury_benefits"),
    )
    assert not opening(p).startswith("工伤已经认定的")


def test_a_colleagues_opinion_or_a_general_procedure_question_sets_nothing() -> None:
    assert facts("同事死活不信，说试用期不用交社保，到底要不要交").get("asker") is None
    assert "dispute_stage" not in facts("仲裁委立案以后，一般要多久才下裁决")


def test_a_colleague_who_died_is_not_told_to_act_himself() -> None:
    p = plan_with_tools(
        "工友在车间被机器卷进去当场人就没了，厂里封锁消息，我们该怎么办", ranked("work_injury_benefits")
    )
    assert not any("本人的" in s.text for s in p.conclusion)


def test_the_colleague_asking_what_to_do_is_answered_first() -> None:
    p = plan_with_tools(
        "我同事上周在车间被冲床压断了两根手指，公司不给他报工伤，我能帮他做点什么",
        ranked("work_injury_recognition"),
    )
    assert opening(p).startswith("这些权利是你同事本人的")


def test_a_relative_hears_the_workers_rights_as_theirs() -> None:
    p = plan_with_tools("我爸3月5号在厂里摔伤了，厂里不给报工伤，怎么办", ranked("work_injury_recognition"))
    assert "你爸本人" in opening(p)
    dead = plan_with_tools(
        "我老公在工地上摔下来人没了，公司不给钱，我们该怎么办", ranked("work_injury_benefits")
    )
    assert not any("你老公" in s.text for s in dead.conclusion)


def test_a_receipt_signed_and_one_only_supposed() -> None:
    assert facts("为了拿最后一个月工资，我在结清单上签了字，加班费还能要吗").get("receipt_signed") is True
    assert "receipt_signed" not in facts("公司让我在结清单上签字，如果签了加班费还能要吗")
    p = plan_with_tools(
        "为了拿最后一个月工资，我在“工资已结清、再无纠纷”的结清单上签了字，加班费还能要吗",
        ranked("wage_arrears", "overtime"),
    )
    assert not any("别为了先拿一部分钱" in s.text or "先别签" in s.text for s in p.mistakes)


def test_a_dismissed_worker_keeps_the_notice_rules_of_the_employer() -> None:
    p = plan_with_tools(
        "公司说要战略调整，hr通知我下周五之后就不用来了，也没提前一个月讲，我干了3年2个月，月薪12000，能拿多少钱",
        ranked("layoff_and_shutdown", "severance_compensation"),
    )
    said = " ".join(s.text for s in [*p.reasons, *p.conclusion])
    assert "提前30日书面通知" in said or "提前30天" in said


def test_an_employer_asking_about_a_resignation_is_told_it_needs_no_approval() -> None:
    p = plan_with_tools(
        "作为HR想问一下，员工交了辞职信说下个月走，公司没批，他能直接走吗", ranked("employee_resignation")
    )
    assert opening(p).startswith("你是用人单位") and "不需要单位批准" in opening(p)


@pytest.mark.parametrize(
    "text",
    [
        "我们厂的机器很危险，万一被压伤了怎么办",
        "怕干活的时候受伤，公司又没交工伤保险",
        "如果在工地摔伤了算工伤吗",
    ],
)
def test_an_injury_supposed_or_feared_is_not_invented(text: str) -> None:
    assert facts(text).get("injured") is None


def test_an_injury_that_happened_is_still_read() -> None:
    assert facts("上个月在工地摔伤了，公司不管").get("injured") is True
    assert facts("本来怕出事，结果上周还是被机器压伤了手").get("injured") is True


def test_a_colleagues_injury_in_the_background_of_the_askers_own_case() -> None:
    told = facts("同事上个月摔伤了，我现在也在那个岗位，公司不给劳保用品")
    assert told.get("asker") != "colleague"
