"""Session 15 (issue 13, "a decision already in hand, and whose side"): a decision the asker holds — an award, a
judgment, a recognition, a diagnosis, a hotline reply — read from its wording, and the answer opening with the next
step from there, for the side asking (corpus/consult/stages.toml). Both ways: a plan to apply is no decision in
hand, a 12345 reply is no award, workers speaking of 我们 are not the employer."""

from __future__ import annotations

import pytest

from assistant.consult.facts import extract_facts

from .planning import TODAY, opening, plan_with_tools, ranked


def facts(text: str) -> dict:
    return extract_facts([text], TODAY).values()


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("我是一家小饭店的老板，前员工告我，仲裁裁决我们店赔他两万，我不服", "award"),
        ("劳动仲裁裁决我们公司支付员工二倍工资差额，公司还有什么办法", "award"),
        ("法院一审判我们公司赔员工八万，我们不服怎么办", "judgment_first"),
        ("有个离职员工起诉我，一审判决书收到了，判我赔三万", "judgment_first"),
    ],
)
def test_a_decision_against_the_askers_business_is_the_employer_asking(text: str, stage: str) -> None:
    got = facts(text)
    assert got.get("asker") == "employer" and got.get("dispute_stage") == stage


@pytest.mark.parametrize(
    "text",
    [
        "仲裁裁决我们赢了，公司还是不给钱",  # workers as a group
        "我们十几个工友一起起诉，法院判我们胜诉了，老板跑了",
        "工人告诉我老板跑了，工资怎么办",
        "公司说要告我，说我泄露了商业秘密",
    ],
)
def test_workers_holding_a_decision_are_not_the_employer(text: str) -> None:
    assert facts(text).get("asker") != "employer"


def test_a_hotline_reply_sending_the_matter_to_arbitration_is_read_and_is_no_award() -> None:
    for text in (
        "打了12345，回复说属于劳动争议，请申请仲裁，这算处理结果吗",
        "劳动监察那边答复说不归他们管，叫我去仲裁",
    ):
        got = facts(text)
        assert got.get("complaint_referred") is True and got.get("dispute_stage") != "award"


@pytest.mark.parametrize(
    "text",
    ["这属于劳动争议吗", "同事说这属于劳动争议，让我去仲裁", "我准备申请劳动仲裁，需要准备什么"],
)
def test_no_reply_received_is_no_referral(text: str) -> None:
    assert "complaint_referred" not in facts(text)


def test_a_disease_diagnosed_and_one_only_planned() -> None:
    assert facts("职业病诊断证明书拿到了，诊断是尘肺病二期").get("disease_stage") == "diagnosed"
    assert facts("上个月确诊了矽肺，厂里不管").get("disease_stage") == "diagnosed"
    for text in (
        "已经确诊癌症，不能胜任工作了，单位要解除合同",  # not an occupational disease
        "我想去做职业病诊断，去哪里做",
        "父亲今年查出尘肺三期，现在想给他申请职业病诊断",  # a hospital's finding, the diagnosis still wanted
        "还没确诊尘肺，单位就要辞退我",
        "准备申请职业病诊断，单位不给材料",
    ):
        assert "disease_stage" not in facts(text)


def test_an_award_against_the_employer_opens_with_its_route_not_the_workers() -> None:
    p = plan_with_tools(
        "我们公司是HR这边，劳动仲裁裁决我们公司支付员工二倍工资差额，这个是终局裁决，公司还有什么办法",
        ranked("arbitration_procedure", "no_written_contract"),
    )
    first = opening(p)
    assert "30日内" in first and "申请撤销" in first and "中级人民法院" in first
    assert "强制执行" in first  # not paying is enforced
    assert not first.startswith("你是用人单位：应当自用工之日起")  # the asker note does not lead
    assert "你不服的" not in first


def test_an_award_held_by_the_worker_keeps_the_workers_route() -> None:
    p = plan_with_tools(
        "仲裁已经裁决了，判公司给我两万，公司一直不给，我该怎么办", ranked("arbitration_procedure")
    )
    assert "强制执行" in opening(p) and "申请撤销" not in opening(p)


def test_a_judgment_against_the_employer_opens_with_its_appeal() -> None:
    p = plan_with_tools(
        "法院一审判我们公司赔员工八万，我们不服怎么办",
        ranked("arbitration_procedure", "unlawful_termination"),
    )
    assert opening(p).startswith("一审判决是对单位作出的") and "上诉" in opening(p)
    # the appeal rests on its clause (民事诉讼法 171, in the store since session 15)
    assert any("第一百七十一条" in str(c) for c in p.conclusion[0].cite)


def test_an_arbitration_against_the_employer_opens_with_the_defence() -> None:
    p = plan_with_tools(
        "我们公司有个员工申请了仲裁，还没开庭，公司该怎么应对", ranked("arbitration_procedure")
    )
    assert "答辩书" in opening(p) and not opening(p).startswith("仲裁已经申请了")


def test_a_hotline_reply_opens_with_the_arbitration_it_sends_to() -> None:
    p = plan_with_tools(
        "打了12345，回复说属于劳动争议，请申请仲裁，这算是处理结果了吗，接下来呢",
        ranked("arbitration_procedure", "labour_inspection_complaint"),
    )
    assert opening(p).startswith("12345或劳动监察的这个答复不是处理结果")
    assert "一年" in opening(p)


def test_a_complaint_with_no_reply_keeps_its_own_next_step() -> None:
    p = plan_with_tools(
        "三月份就去劳动监察大队投诉了老板欠工资，两个多月没动静，接下来怎么办",
        ranked("labour_inspection_complaint", "wage_arrears"),
    )
    assert opening(p).startswith("已经投诉了的")


def test_a_disease_diagnosed_opens_with_recognition_not_the_diagnosis_again() -> None:
    p = plan_with_tools(
        "我爸在工地干活得了尘肺，职业病诊断证明书拿到了，诊断是尘肺病二期，下一步怎么弄",
        ranked("occupational_disease"),
    )
    assert opening(p).startswith("职业病诊断已经下来了") and "申请工伤认定" in opening(p)
    assert not any("先去做职业病诊断" in s.text for s in p.conclusion)


def test_a_diagnosis_only_planned_is_not_told_it_holds_one() -> None:
    p = plan_with_tools(
        "我在粉尘车间干了十年，老咳嗽，想去做职业病诊断，怎么办", ranked("occupational_disease")
    )
    assert not opening(p).startswith("职业病诊断已经下来了")


def test_recognised_and_uninsured_the_employer_pays_every_benefit() -> None:
    p = plan_with_tools(
        "我老公的工伤认定书已经下来了，认定是工伤，公司没给他交社保，现在该怎么办",
        ranked("social_insurance", "work_injury_benefits"),
    )
    assert opening(p).startswith("工伤已经认定，单位没交工伤保险") and "劳动能力鉴定" in opening(p)
    assert "你老公" in opening(p)


def test_recognised_and_insured_keeps_the_plain_next_step() -> None:
    p = plan_with_tools(
        "工伤认定书下来了，单位给我交了工伤保险，接下来怎么办", ranked("work_injury_benefits")
    )
    assert not opening(p).startswith("工伤已经认定，单位没交工伤保险")


def test_a_mediation_statement_is_no_award_and_is_not_sued_on() -> None:
    got = facts("仲裁调解书我们都签收了，说好月底给钱，公司到期没给怎么办")
    assert got.get("dispute_stage") == "award" and got.get("award_kind") == "mediation_statement"
    assert "award_kind" not in facts("调解不成，裁决书下来了，判公司给我两万")
    p = plan_with_tools(
        "仲裁调解书我们都签收了，说好月底给钱，公司到期没给怎么办",
        ranked("arbitration_procedure", "wage_arrears"),
    )
    assert opening(p).startswith("仲裁调解书不是裁决") and "强制执行" in opening(p)
    assert "15日内向法院起诉" not in " ".join(s.text for s in p.conclusion)


def test_recognised_and_uninsured_asking_a_figure_keeps_the_figure_first() -> None:
    p = plan_with_tools(
        "工伤认定下来了，公司没交社保，我是十级伤残，月工资5000，能拿多少钱，怎么办",
        ranked("work_injury_benefits", "social_insurance"),
    )
    assert not opening(p).startswith("工伤已经认定，单位没交工伤保险")


def test_an_employer_whose_worker_is_recognised_is_told_what_it_owes_not_to_apply() -> None:
    p = plan_with_tools(
        "我是老板，我们店有个员工工伤认定下来了，我们没给他买工伤保险，现在怎么办",
        ranked("work_injury_benefits", "work_injury_recognition"),
    )
    said = " ".join(s.text for s in p.conclusion)
    assert opening(p).startswith(
        "员工的工伤已经认定，单位接下来"
    ) and "由单位按同样的项目和标准支付" in opening(p)
    assert "30日内向社会保险行政部门申请工伤认定" not in said


def test_an_employer_with_an_injury_not_yet_recognised_keeps_its_duty_to_apply() -> None:
    p = plan_with_tools(
        "我是老板，店里员工切菜切伤了手，怎么办", ranked("work_injury_recognition", "work_injury_benefits")
    )
    assert "30日内" in " ".join(s.text for s in p.conclusion)


def test_a_final_judgment_against_the_employer_is_performed_not_enforced_by_it() -> None:
    p = plan_with_tools(
        "二审判决下来了，维持原判，我们公司要赔员工六万，公司该怎么办", ranked("arbitration_procedure")
    )
    assert opening(p).startswith("判决已经生效，单位要在判决写明的期限内付钱")
    # performing rests on the judgment's force (民事诉讼法 247); the worker's two years to enforce are not its words
    assert any("第二百四十七条" in str(c) for c in p.conclusion[0].cite)
    assert "申请执行的期间" not in opening(p)
