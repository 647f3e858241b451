"""Session 17 (plan17): a facts-aware default in the planner, and the class it unblocked — the employer (HR, a shop
owner) asking what happens to it for its own breach (会被罚吗 / 有什么后果 / 要承担什么): the exposure in its own
case opens (劳动合同法 82, 14, 85, 87; 实施条例 6, 7; 社会保险法 86), while a worker asking the same words, or a
worker's own question, is answered as before. Both ways, in our own wording."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.consult.guides import ClauseRef, Condition, Guide, GuideAnswer, Statement
from assistant.consult.plan import _select_answer, can_open

from .planning import opening, plan_with_tools, ranked


def said(p) -> str:
    return " ".join(s.text for s in p.conclusion)


def _answer(answer_id: str, when: str, law: str, article: int) -> GuideAnswer:
    return GuideAnswer(
        id=answer_id,
        kind="verdict",
        asks=(),
        branches=(Statement(f"{answer_id}。", (ClauseRef(law, article),), Condition.parse(when)),),
    )


def _guide(*answers: GuideAnswer) -> Guide:
    return Guide(
        id="g", issues=("g",), title="g", reviewed="2026-12-06", path=Path("g.toml"), answers=answers
    )


def test_an_answer_opens_only_when_a_branch_can_hold_for_the_facts() -> None:
    bound = _answer("bound", "asker == 'employer'", "劳动合同法", 85)
    asking = _answer("asking", "unknown(asker)", "劳动合同法", 85)
    assert can_open(bound, {"asker": "employer"}) and not can_open(bound, {})
    assert can_open(asking, {}) and not can_open(asking, {"asker": "employer"})
    assert can_open(bound, None)  # no facts given: as before


def test_the_default_skips_a_fact_bound_answer_retrieval_ranks_first() -> None:
    bound = _answer("bound", "asker == 'employer'", "劳动合同法", 85)
    plain = _answer("plain", "", "劳动法", 50)
    guide = _guide(plain, bound)
    support = {("劳动合同法", 85): 1.0, ("劳动法", 50): 0.2}
    # Without facts, support decides the default (as before); with the worker's facts, the answer that can
    # hold opens; with the employer asking, the employer's answer may be the default again.
    assert _select_answer(guide, "这样行吗", "verdict", support).id == "bound"
    assert _select_answer(guide, "这样行吗", "verdict", support, {}).id == "plain"
    assert _select_answer(guide, "这样行吗", "verdict", support, {"asker": "employer"}).id == "bound"


def test_a_guide_none_of_whose_answers_can_hold_chooses_as_before() -> None:
    bound = _answer("bound", "asker == 'employer'", "劳动合同法", 85)
    guide = _guide(bound)
    assert _select_answer(guide, "这样行吗", "verdict", None, {}).id == "bound"


@pytest.mark.parametrize(
    ("text", "issues", "expected"),
    [
        (
            "我开了家小饭馆，请的服务员干了半年多一直没签合同，现在他说要走，我会被罚吗",
            ("wage_deduction", "no_written_contract"),
            ("二倍工资", "无固定期限"),
        ),
        (
            "我们公司有个员工入职八个月了还没签劳动合同，作为人事想问公司要承担什么后果",
            ("no_written_contract",),
            ("二倍工资", "补签"),
        ),
        (
            "老板想知道：厂里没给几个工人交社保，被投诉了单位会有什么后果",
            ("social_insurance", "labour_inspection_complaint"),
            ("滞纳金", "一倍以上三倍以下"),
        ),
        (
            "公司让员工周末加班一直没发加班费，要是被员工告了，公司会被怎么处罚",
            ("overtime",),
            ("50%到100%", "警告"),
        ),
        (
            "我是开厂的，这几个月资金周转不过来，欠了工人两个月工资，这样会有什么法律责任",
            ("wage_arrears",),
            ("50%到100%", "拒不支付劳动报酬罪"),
        ),
    ],
)
def test_the_employer_asking_its_exposure_hears_its_own_case(
    text: str, issues: tuple[str, ...], expected: tuple[str, ...]
) -> None:
    p = plan_with_tools(text, ranked(*issues))
    first = opening(p)
    assert all(word in first for word in expected), first
    # Not the worker's remedy spoken to the employer, nor a fine on the worker's wage.
    assert "你可以申请" not in first and "罚款不在其中" not in first


def test_the_employer_who_dismissed_with_no_reason_is_told_the_2n() -> None:
    p = plan_with_tools(
        "我们公司上个月把一个员工辞退了，没说理由，他现在要求赔偿，公司要赔多少",
        ranked("unlawful_termination"),
    )
    first = opening(p)
    assert first.startswith("没有理由辞退员工属于违法解除") and "二倍" in first
    assert "医疗期满" not in first  # not the list of every ground


@pytest.mark.parametrize(
    ("text", "issues", "absent"),
    [
        # A worker asking what the employer faces: the worker's own answer, never the employer's exposure.
        (
            "公司一直不跟我签劳动合同，这样公司会有什么后果，我能要什么",
            ("no_written_contract",),
            "主要不是罚款",
        ),
        ("我们老板拖了我三个月工资，老板会被处罚吗", ("wage_arrears",), "尽快补发是止损"),
        ("单位没给我交社保，单位会受什么处罚", ("social_insurance",), "免不掉这些责任"),
    ],
)
def test_a_worker_asking_the_same_words_is_not_given_the_employers_exposure(
    text: str, issues: tuple[str, ...], absent: str
) -> None:
    p = plan_with_tools(text, ranked(*issues))
    assert p.conclusion and absent not in said(p)
    assert not any(s.endswith("/employer_exposure") for s in p.selected)


def test_a_fine_on_the_worker_is_still_the_wage_deduction_answer() -> None:
    p = plan_with_tools("上班迟到了十分钟，公司要罚款两百，这合法吗", ranked("wage_deduction"))
    assert opening(p).startswith("一般不合法") and "罚款" in opening(p)


def test_a_plain_question_without_an_asked_word_still_opens() -> None:
    for text in ("工资还没发，合法吗", "公司拖欠工资两个月了，合法吗？"):
        p = plan_with_tools(text, ranked("wage_arrears"))
        assert opening(p).startswith("不合法"), text


def test_the_employer_naming_a_fault_still_hears_what_the_ground_requires() -> None:
    p = plan_with_tools(
        "员工连续旷工三天不来，公司把他开除了，会不会有什么风险", ranked("unlawful_termination")
    )
    assert "民主程序" in said(p) or "严重违反" in said(p)
    assert not opening(p).startswith("没有法定理由或者没走法定程序辞退员工")


def test_a_worded_answer_that_cannot_hold_keeps_its_place_unless_written_for_another_asker() -> None:
    # A case-bound answer the words name (a stoppage's 生活费) that cannot hold leaves the guide silent, as before:
    # the guide is not this case's, and its default must not speak instead (an injured worker paid 生活费).
    worded = GuideAnswer(
        id="worded",
        kind="verdict",
        asks=("生活费",),
        branches=(Statement("停工。", (ClauseRef("劳动法", 50),), Condition.parse("stoppage == true")),),
    )
    exposure = GuideAnswer(
        id="exposure",
        kind="verdict",
        asks=("被罚",),
        branches=(
            Statement("单位。", (ClauseRef("劳动合同法", 85),), Condition.parse("asker == 'employer'")),
        ),
    )
    plain = _answer("plain", "", "劳动法", 50)
    guide = _guide(plain, worded, exposure)
    assert _select_answer(guide, "只给生活费，对不对", "verdict", None, {}).id == "worded"
    # Written wholly for the employer, asked by the worker: the guide's own default answers instead.
    assert _select_answer(guide, "老板会被罚吗", "verdict", None, {}).id == "plain"
    assert _select_answer(guide, "我会被罚吗", "verdict", None, {"asker": "employer"}).id == "exposure"


def test_a_worker_whose_retrieval_ranks_the_penalty_clause_first_still_gets_an_opening() -> None:
    # Session 16's failure: with the employer's exposure in the guide and retrieval ranking its clause (劳动合同法 85)
    # first, the support-ranked default of a plain question was that fact-bound answer, and the opening went blank.
    from assistant.consult.facts import extract_facts
    from assistant.consult.plan import plan_consultation
    from assistant.consult.toolbridge import deadline_computations, default_tool_runner

    from .planning import TODAY, guide_book

    question = "工资拖了两个月没发"
    p = plan_consultation(
        question,
        extract_facts([question], TODAY),
        [("wage_arrears", 1.0)],
        (),
        guide_book(),
        default_tool_runner(lambda: TODAY),
        lambda values: deadline_computations(values, TODAY),
        support={("劳动合同法", 85): 1.0},
    )
    assert p.conclusion and p.selected[0].startswith("wage_arrears/")
    assert p.selected[0] != "wage_arrears/employer_exposure"
