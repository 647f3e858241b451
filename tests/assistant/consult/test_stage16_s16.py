"""Session 16 (issue 13, "where the case stands, and who asks"): a first-instance judgment served on a told day is
answered with the appeal's last day, not an award's steps; an arbitration filed starts from the filing (5 days to
accept, 45 (+15) to decide: 劳动争议调解仲裁法 29, 43); a plan or a proposal to end the job is no ending (no leaving
date, no time limit; a proposal still negotiated is an ending by agreement, N at least: 劳动合同法 36, 46(2)); the
employer is asked about its worker and told the fund's advance and recovery (社会保险法 41). Both ways, in our own
wording: judgment vs award, filed vs not yet, plan vs done, employer vs worker."""

from __future__ import annotations

import pytest

from assistant.consult.facts import extract_facts

from .planning import TODAY, opening, plan_with_tools, ranked


def facts(text: str) -> dict:
    return extract_facts([text], TODAY).values()


# --- a judgment, with the day it was served -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "法院判下来了，厂里说不服要上诉，我这边要干嘛",
        "判决我赢了，公司还是一分钱不给",
        "官司打完了，收到一审判决书，判老板给我两万",
    ],
)
def test_a_court_decision_is_read_as_a_judgment(text: str) -> None:
    assert facts(text).get("dispute_stage") == "judgment_first"


@pytest.mark.parametrize("text", ["如果法院判决我输了怎么办", "仲裁裁决下来了，我不服", "能不能提起仲裁"])
def test_no_judgment_where_none_is_told(text: str) -> None:
    assert facts(text).get("dispute_stage") != "judgment_first"


def test_a_judgment_served_on_a_told_day_opens_with_the_appeals_last_day() -> None:
    p = plan_with_tools(
        "劳动官司一审判决我是11月28号收到的，判公司给我三万，公司说还要上诉，我现在要做什么",
        ranked("arbitration_procedure"),
    )
    first = opening(p)
    assert first.startswith("现在是一审判决，不是仲裁裁决")
    assert "2026年12月13日" in first and "上诉" in first
    assert any("第一百七十一条" in str(c) for c in p.conclusion[0].cite)
    assert not any("仲裁申请书" in s.text for s in p.conclusion)


def test_an_award_served_on_a_told_day_keeps_the_suits_fifteen_days() -> None:
    p = plan_with_tools(
        "仲裁裁决书11月25号收到的，裁决公司给我加班费一万二，我嫌少不服，还来得及吗",
        ranked("arbitration_procedure"),
    )
    assert "2026年12月10日" in opening(p) and "上诉" not in opening(p)


# --- arbitration filed --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "我们公司一个员工申请仲裁了，公司该怎么办",
        "上个月我提起了劳动仲裁，到现在还没消息",
    ],
)
def test_a_filing_told_after_the_act_is_arbitration_pending(text: str) -> None:
    assert facts(text).get("dispute_stage") == "arbitration"


def test_arbitration_filed_with_no_news_starts_from_the_filing() -> None:
    p = plan_with_tools(
        "差不多一个月前交了仲裁申请，仲裁委一直没回音，受不受理也不说，咋办", ranked("arbitration_procedure")
    )
    first = opening(p)
    assert "5日内" in first and "直接向法院起诉" in first and "45日" in first
    assert any("第二十九条" in str(c) for c in p.conclusion[0].cite)


def test_arbitration_pending_is_not_answered_with_an_awards_steps() -> None:
    p = plan_with_tools(
        "仲裁立案快三个月了，一直没开庭也没出裁决，可不可以直接去法院告", ranked("arbitration_procedure")
    )
    assert not any("收到裁决书" in s.text for s in p.conclusion)
    assert "45日" in opening(p)


def test_an_award_in_hand_is_not_told_the_filing_rules() -> None:
    p = plan_with_tools(
        "仲裁已经裁决了，判公司给我两万，公司一直不给，我该怎么办", ranked("arbitration_procedure")
    )
    assert "5日内决定受理" not in opening(p)


# --- a plan is not an event ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "我准备12月底离职，年终奖还能要吗",
        "打算下个月15号辞职，厂里还欠我两个月工资",
        "公司说下个月20号要辞退我，我能拿多少",
    ],
)
def test_a_planned_ending_invents_no_leaving_date(text: str) -> None:
    got = facts(text)
    assert "end_date" not in got and got.get("left_job") is not True


@pytest.mark.parametrize(
    "text",
    ["我12月1号离职了，工资还没结", "上个月20号被辞退了，等了很久", "老板11月30日把我开了"],
)
def test_an_ending_told_as_done_keeps_its_date(text: str) -> None:
    got = facts(text)
    assert "end_date" in got and got.get("left_job") is True


def test_a_dismissal_threatened_leaves_the_worker_employed() -> None:
    assert facts("老板想辞退我，我能拿多少").get("still_employed") is True
    assert facts("老板把我辞退了，说是想省钱").get("left_job") is True


def test_a_proposal_still_negotiated_is_an_ending_by_agreement() -> None:
    p = plan_with_tools(
        "厂里说效益不好提出跟我解除合同，现在还在谈，补偿应该给一个月还是两倍",
        ranked("unlawful_termination", "severance_compensation"),
    )
    first = opening(p)
    assert first.startswith("单位提出解除、现在还在谈") and "不是两倍" in first
    assert any("第三十六条" in str(c) for c in p.conclusion[0].cite)


def test_an_agreed_ending_done_is_not_told_it_is_still_negotiated() -> None:
    p = plan_with_tools(
        "公司和我协商解除了劳动合同，补偿怎么算", ranked("severance_compensation", "unlawful_termination")
    )
    assert not any("还在谈" in s.text for s in p.conclusion)


# --- who asks -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["我们公司一个被认定工伤的员工，公司要赔他多少", "我们厂有名刚来的工人摔伤了，厂里要担什么责任"],
)
def test_one_of_the_askers_staff_singled_out_is_the_employer_asking(text: str) -> None:
    assert facts(text).get("asker") == "employer"


@pytest.mark.parametrize(
    "text",
    [
        "我是在个人工厂上班的，手指被机器压断了",
        "我们公司员工都没交社保，我能要补偿吗",
        "我是在一家公司做文员的",
    ],
)
def test_a_worker_saying_where_they_work_is_not_the_employer(text: str) -> None:
    assert facts(text).get("asker") != "employer"


def test_the_employer_is_asked_about_its_worker_not_itself() -> None:
    p = plan_with_tools(
        "我是开小饭馆的老板，一个服务员没签合同干了几个月，现在她要我赔双倍工资，我要赔多少",
        ranked("no_written_contract"),
    )
    assert p.ask is not None and "员工" in p.ask and "你是哪一天" not in p.ask


def test_an_uninsured_employer_is_told_the_fund_advances_and_recovers() -> None:
    p = plan_with_tools(
        "我是包工头，没给工人交工伤保险，一个小工从架子上摔下来骨折了，我要担什么责任",
        ranked("work_injury_benefits", "work_injury_recognition"),
    )
    said = " ".join(s.text for s in p.conclusion)
    assert "先行支付" in said and "追偿" in said
    assert any("社会保险法" in str(c) for s in p.conclusion for c in s.cite)


def test_an_arbitration_accepted_opens_with_the_hearing_not_the_five_days() -> None:
    p = plan_with_tools(
        "仲裁委上周已经受理了我的案子，还等着开庭，这段时间我该干什么", ranked("arbitration_procedure")
    )
    assert opening(p).startswith("仲裁已经申请了，下一步是准备开庭")
    assert "5日内决定受理" not in opening(p)


def test_an_injury_not_yet_recognised_is_not_told_it_is() -> None:
    p = plan_with_tools(
        "在厂里干活手指被机器压骨折了，这个算工伤的话，什么时候评残疾", ranked("work_injury_recognition")
    )
    assert not any(s.text.startswith("工伤已经认定的") for s in p.conclusion)


def test_an_injury_recognised_keeps_its_next_step() -> None:
    p = plan_with_tools("我的工伤认定书已经拿到了，接下来该干嘛", ranked("work_injury_recognition"))
    assert opening(p).startswith("工伤已经认定的")
