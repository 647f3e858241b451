"""Session 18 (lead): the situations that owe compensation, asked as a list (劳动合同法 46), both ways — the list
opens a general question; a resignation asked about, and a worker's own dismissal told, keep their answers."""

from __future__ import annotations

import pytest

from .planning import opening, plan_with_tools, ranked


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
