"""The employer's stated position, rebutted by name (corpus/consult/employer_positions.toml): a worker who
quotes what the boss said ("三天不来算自动离职", "试用期不交社保") is told in the opening that the claim has
no legal basis, with the clause that decides it — not only the topic explained (session 11, class P)."""

from pathlib import Path

import pytest

from assistant.answer import AnswerService
from assistant.consult.facts import FACT_NAMES, QUANTITY_NAMES
from assistant.consult.guides import GuideError
from assistant.consult.positions import (
    POSITIONS_PATH,
    check_positions,
    find_rebuttal,
    load_positions,
    parse_positions,
)
from assistant.retrieval.query import DirectRef
from assistant.runtime import Runtime
from eval.consult_metrics import opening, verdict_of


def _opening(service: AnswerService, question: str) -> str:
    return opening(service.ask(question).text)[1]


def test_every_position_cites_clauses_that_exist_and_are_in_force(runtime: Runtime) -> None:
    def lookup(law: str, article: int, sub: int | None) -> object:
        return runtime.retriever.lookup(DirectRef(law, article, sub))

    assert check_positions(load_positions(), lookup, FACT_NAMES | QUANTITY_NAMES) == []


def test_a_position_citing_a_missing_clause_is_reported(runtime: Runtime, tmp_path: Path) -> None:
    text = POSITIONS_PATH.read_text(encoding="utf-8")
    broken = tmp_path / "positions.toml"
    broken.write_text(text.replace("劳动合同法 第九条", "劳动合同法 第九百条"), encoding="utf-8")

    def lookup(law: str, article: int, sub: int | None) -> object:
        return runtime.retriever.lookup(DirectRef(law, article, sub))

    problems = check_positions(load_positions(broken), lookup)
    assert [(p, problem) for p, _, problem in problems] == [("deposit_kept", "法规库中没有这一条")]


def test_a_malformed_position_names_what_is_wrong() -> None:
    base = {"speakers": ["老板"], "says": ["说"]}
    with pytest.raises(GuideError, match="quote"):
        parse_positions(
            {
                **base,
                "position": [
                    {"id": "x", "claims": ["不给"], "say": "没有依据", "cite": ["劳动法 第四十四条"]}
                ],
            }
        )
    with pytest.raises(GuideError, match="cite"):
        parse_positions({**base, "position": [{"id": "x", "claims": ["不给"], "say": "说“{quote}”不对"}]})


@pytest.mark.parametrize(
    ("question", "position", "quote"),
    [
        (
            "厂长说五天不来上班就当自动离职处理，我还能回去吗",
            "absence_means_resigned",
            "五天不来上班就当自动离职处理",
        ),
        (
            "我在饭店干了两个月，老板讲试用期不给买保险，要转正以后才买",
            "no_insurance_in_probation",
            "试用期不给买保险",
        ),
        ("想走，主管说不干了就不结这个月工钱", "no_wages_if_you_quit", "不干了就不结这个月工钱"),
        ("我问人事，她说没干满一年没有年休假", "no_leave_before_a_year_here", "没干满一年没有年休假"),
        ("包工头说我们是临时的，不给加班费", "temp_worker_no_rights", "我们是临时的，不给加班费"),
        ("店长讲这个月工资只能发六成，说生意不好", "wages_cut_to_a_share", "这个月工资只能发六成"),
        ("要裁员，人事说赔偿金只给一半", "severance_cut_to_a_share", "赔偿金只给一半"),
    ],
)
def test_a_quoted_position_is_found_by_who_says_it_and_the_kind_of_claim(
    question: str, position: str, quote: str
) -> None:
    found = find_rebuttal(question, load_positions(), {})
    assert found is not None and found.position == position
    assert found.quote in quote and found.quote in found.text


@pytest.mark.parametrize(
    "question",
    [
        "试用期不交社保吗",  # asked, not quoted from anyone
        "我跟老板说试用期不交社保我就不干了",  # the worker says it to the boss
        "老板说下个月涨工资，辞职的同事说走了以后不给工资",  # a colleague, not the employer's side
    ],
)
def test_a_claim_nobody_on_the_employers_side_made_is_not_rebutted(question: str) -> None:
    assert find_rebuttal(question, load_positions(), {}) is None


def test_a_private_household_is_not_answered_with_the_labour_contract_law() -> None:
    question = "在雇主家当保姆，雇主说试用期不买保险"
    assert find_rebuttal(question, load_positions(), {"employer_kind": "private_person"}) is None
    assert find_rebuttal(question, load_positions(), {}) is not None


def test_a_share_of_an_injury_claim_is_left_to_the_injury_route() -> None:
    # A civil claim split by fault (对方只赔两成) is not measured by the severance standard.
    question = "下班路上被车撞了，公司说赔偿只给两成"
    assert find_rebuttal(question, load_positions(), {"injured": True}) is None


def test_asked_whether_the_claim_holds_the_rebuttal_opens_with_the_verdict(service: AnswerService) -> None:
    question = "车间主任说试用期不交五险，要转正才交，这合法吗"
    text = _opening(service, question)
    assert text.startswith("不合法。单位说“试用期不交五险”，没有法律依据")
    assert "第十九条第四款" in text and "第五十八条第一款" in text
    assert text.count("不合法。") == 1  # one verdict, the guide's bare 不合法。 folded into it
    assert verdict_of(service.ask(question).text, question) == "no"


def test_is_it_true_gets_not_so_and_the_rule(service: AnswerService) -> None:
    text = _opening(service, "经理告诉我没签劳动合同就不算公司的人，是真的吗")
    assert text.startswith("不对。单位说“没签劳动合同就不算公司的人”，没有法律依据")
    assert "第七条" in text


def test_asked_something_else_the_answer_opens_and_the_claim_is_rebutted_next(service: AnswerService) -> None:
    text = _opening(service, "老板说临时工没有加班费，我月薪4350，平时每天加班2小时，加班费怎么算")
    first, _, rest = text.partition("。")
    assert "37.5" in first  # the figure asked for still opens
    assert "单位说“临时工没有加班费”，没有法律依据" in rest


def test_the_employer_calling_a_dismissal_the_workers_own_leaving_is_put_to_proof(
    service: AnswerService,
) -> None:
    text = _opening(service, "公司让我走人，现在又说是我自己辞职的，我该怎么办")
    assert "单位说“是我自己辞职的”，这得由单位拿证据" in text and "第四十四条" in text


def test_no_quoted_position_leaves_the_opening_as_it_was(service: AnswerService) -> None:
    text = _opening(service, "试用期单位不交社保，这合法吗")
    assert "单位说“" not in text and text.startswith("不合法")


def test_one_verdict_opens_when_the_guide_would_add_its_own_yes(service: AnswerService) -> None:
    """The claim rebutted opens with its verdict; the guide's own bare 能。 (you may resign with N) would read
    as a contradiction right after 不合法。, so its sentence follows without it."""
    text = service.ask(
        "老板说我三天不来上班就算自动离职，不给工资了，这样合法吗？我是因为他欠了我两个月工资才没去的"
    ).text
    first = text.split("**结论**", 1)[1].strip()
    assert first.startswith("不合法。")
    assert "）。能。" not in first and "）。可以。" not in first
