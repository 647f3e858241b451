"""Session 18 (lead): the situations that owe compensation, asked as a list (劳动合同法 46), both ways — the list
opens a general question; a resignation asked about, and a worker's own dismissal told, keep their answers."""

from __future__ import annotations

import pytest

from assistant.answer import AnswerService

from .planning import first_of, opening, plan_with_tools, ranked


@pytest.mark.parametrize(
    "question",
    ["用人单位在什么情况下要给员工经济补偿？", "哪几种情形公司解除合同得给补偿金"],
)
def test_the_situations_asked_open_with_the_list(question: str) -> None:
    first = opening(plan_with_tools(question, ranked("severance_compensation")))
    assert first.startswith("单位要付经济补偿的是这几种")
    assert "协商一致" in first and "裁员" in first and "不续签" in first


def test_a_resignation_asked_keeps_the_grounds_of_38() -> None:
    first = opening(plan_with_tools("员工在什么情况下辞职能拿到经济补偿", ranked("severance_compensation")))
    assert not first.startswith("单位要付经济补偿的是这几种")


def test_a_worker_telling_his_own_dismissal_keeps_the_answer_for_it() -> None:
    first = opening(
        plan_with_tools("我被公司辞退了，什么情况下能拿到经济补偿", ranked("severance_compensation"))
    )
    assert not first.startswith("单位要付经济补偿的是这几种")


def test_the_cases_that_owe_nothing_asked_keep_their_list() -> None:
    first = opening(plan_with_tools("什么情况下公司可以不给经济补偿", ranked("severance_compensation")))
    assert not first.startswith("单位要付经济补偿的是这几种")


@pytest.mark.parametrize(
    "question",
    [
        "我2016年得了矽肺，定了四级伤残，之后辞了工作，每个月拿伤残津贴。护理费从来没拿过，也没去申请过，现在想申请护理费。怎么申请？可以申请吗？",
        "尘肺病评了四级，一直领伤残津贴，没申请过护理费，现在想申请，可以申请吗？怎么申请？",
    ],
)
def test_a_graded_worker_asking_how_to_get_nursing_is_sent_to_the_appraisal_committee_first(
    service: AnswerService, question: str
) -> None:
    # Lead mend after harm18: the arbitration guide's "how to apply" opened above the nursing route and
    # contradicted it (仲裁 first, then "不是劳动仲裁").
    first = first_of(service, question)
    assert first.startswith("生活护理费要先经鉴定确认") and "劳动能力鉴定委员会" in first


def test_an_arbitration_asked_without_nursing_keeps_the_arbitration_answer(service: AnswerService) -> None:
    first = first_of(service, "工伤评了四级，单位不给伤残津贴，我想申请仲裁，怎么申请？")
    assert "生活自理障碍" not in first
