"""Session 16, lead: the social-insurance share deducted from pay but never paid in.

A worker who finds the insurance unpaid although the payslip shows a deduction for it asks what the money was
and whether it comes back: the answer says the deduction without payment has no ground (社会保险法 60: the
employer deducts the share only to pay it over) and names both remedies — the make-up and the money kept.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.answer import AnswerService
from assistant.consult.facts import extract_facts
from eval.consult_metrics import opening

TODAY = date(2026, 12, 5)


def insurance_told(question: str) -> object:
    return extract_facts([question], TODAY).values().get("social_insurance")


@pytest.mark.parametrize(
    "question",
    [
        "工资条上每个月都扣了养老医疗的钱，结果去社保局一查，公司根本没给我交",
        "单位说每月扣的是社保，我在手机上查了一下，一分都没交",
        "扣了两年的保险钱，社保记录一查，厂里没给我们交",
    ],
)
def test_insurance_checked_and_found_unpaid_is_unpaid(question: str) -> None:
    assert insurance_told(question) is False


@pytest.mark.parametrize(
    "question",
    [
        "我去社保局查了，公司没交满一年",  # paid, but for less than a year: not "never paid"
        "公司每月扣我社保个人部分，社保也正常交着",
    ],
)
def test_partly_paid_or_paid_is_not_read_as_never_paid(question: str) -> None:
    assert insurance_told(question) is not False


def _opening(service: AnswerService, question: str) -> str:
    return opening(service.ask(question).text)[1]


def test_deducted_but_unpaid_opens_with_the_kept_money_and_the_make_up(service: AnswerService) -> None:
    text = _opening(
        service, "厂里每个月从我工资里扣300块说是买保险，但我查了社保一直没交，这钱是干嘛的，能要回来吗"
    )
    assert "扣了不交是违法的" in text
    assert "退给你" in text and "补缴" in text
    assert "社会保险法》第六十条" in text


def test_unpaid_insurance_with_no_deduction_told_does_not_get_the_deduction_answer(
    service: AnswerService,
) -> None:
    # No ask word of the deduction answer said: another of the guides' answers opens.
    text = _opening(service, "公司一直欠缴我的社保，合法吗，应该去哪里告")
    assert "扣了不交" not in text and text.strip()


def test_insurance_paid_and_deducted_does_not_get_the_kept_money_answer(service: AnswerService) -> None:
    text = _opening(service, "公司每个月扣我社保个人部分，我查了也都交了，现在想问社保交了几年能退休")
    assert "扣了不交是违法的" not in text


# --- a relocation told by where the workplace goes, before anything ended ---------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "公司要从市区搬到六十公里外的新厂区，我不想去，公司说不去就算自动离职，什么都不给，我能要补偿吗",
        "厂里下个月迁往邻县，不去的说按旷工处理，我能拿到补偿吗",
    ],
)
def test_a_relocation_labelled_as_leaving_is_answered_by_the_relocation_rule(
    service: AnswerService, question: str
) -> None:
    text = _opening(service, question)
    assert text.startswith("不合法，不能把不去的人算作")
    assert "第四十条第（三）项" in text


def test_a_relocation_asked_about_money_opens_with_consultation_and_compensation(
    service: AnswerService,
) -> None:
    text = _opening(service, "公司要搬到四十公里外的工业园，我不想去，能要补偿吗")
    assert text.startswith("可以要，但要由单位解除") and "经济补偿" in text


@pytest.mark.parametrize(
    "question",
    [
        "老板让我把货搬到仓库去，结果腰扭了，算工伤吗",  # carrying goods is no relocation
        "我搬到新厂宿舍住了，公司每月扣住宿费300，合法吗",  # the worker moving house
    ],
)
def test_moving_goods_or_house_is_no_relocation(question: str) -> None:
    assert extract_facts([question], TODAY).values().get("ending_ground") != "objective_change"


# --- after the fresh set's reading: time off is not time served; an agreement offered is no leaving ---------


@pytest.mark.parametrize(
    "question",
    [
        "开了病假已经休了两个月了，公司停发了工资",
        "受伤以后在家歇了三个月，老板一分钱没给",
        "产假休完回来上班也好几个月了，现在要调我去上夜班",
    ],
)
def test_time_off_taken_is_not_time_served(question: str) -> None:
    assert "service_months" not in extract_facts([question], TODAY).values()


def test_tenure_told_beside_time_off_is_still_read() -> None:
    assert (
        extract_facts(["在厂里干了三年，病假休了两个月，公司不发工资"], TODAY).values()["service_months"]
        == 36
    )


@pytest.mark.parametrize(
    "question",
    [
        "公司10月20号给了我一份协商解除协议，要不要签",
        "人事上个月发了个协商解除协议给我，说给N，签了会怎么样",
    ],
)
def test_an_agreement_offered_and_asked_about_is_no_leaving(question: str) -> None:
    told = extract_facts([question], TODAY).values()
    assert "left_job" not in told and "end_date" not in told


@pytest.mark.parametrize(
    "question",
    [
        "我10月份已经签了协商解除协议，公司说给N，还没给钱",
        "10月20号签了离职协议，补偿到现在没给",
    ],
)
def test_an_agreement_signed_is_a_leaving(question: str) -> None:
    assert extract_facts([question], TODAY).values().get("left_job") is True
