"""A question asking the difference between two things (辞退和辞职, 经济补偿和赔偿金, 劳动和劳务) opens with
the difference, each side with the clause it rests on (corpus/consult/differences.toml) — not with one
side's formula or the dismissal steps (session 11, class P)."""

import pytest

from assistant.answer import AnswerService
from assistant.consult.differences import (
    DIFFERENCES_PATH,
    check_differences,
    find_difference,
    load_differences,
    parse_differences,
)
from assistant.consult.guides import GuideError
from assistant.retrieval.query import DirectRef
from assistant.runtime import Runtime
from eval.consult_metrics import first_sentence, opening


def _lookup(runtime: Runtime):  # noqa: ANN202 - a small closure for check_differences
    def lookup(law: str, article: int, sub: int | None) -> object:
        return runtime.retriever.lookup(DirectRef(law, article, sub))

    return lookup


def test_every_pair_cites_clauses_that_exist_and_are_in_force(runtime: Runtime) -> None:
    assert check_differences(load_differences(), _lookup(runtime)) == []


def test_a_pair_citing_a_missing_clause_is_reported(runtime: Runtime, tmp_path) -> None:  # noqa: ANN001
    broken = tmp_path / "differences.toml"
    text = DIFFERENCES_PATH.read_text(encoding="utf-8")
    broken.write_text(
        text.replace("劳动争议调解仲裁法 第五十条", "劳动争议调解仲裁法 第五百条"), encoding="utf-8"
    )
    problems = check_differences(load_differences(broken), _lookup(runtime))
    assert [(p, problem) for p, _, problem in problems] == [("arbitration_or_lawsuit", "法规库中没有这一条")]


def test_a_pair_needs_two_sides() -> None:
    with pytest.raises(GuideError, match="sides"):
        parse_differences(
            {
                "asks": ["区别"],
                "pair": [{"id": "x", "sides": [["a"]], "say": "…", "cite": ["劳动法 第四十四条"]}],
            }
        )


@pytest.mark.parametrize(
    ("question", "pair"),
    [
        ("被公司开除跟自己主动离职，差别在哪", "dismissed_or_resigned"),
        ("赔偿金和经济补偿哪个多", "severance_or_damages"),
        ("岗位被撤了解除合同，我能拿n还是2n", "severance_or_damages"),
        ("合同期满走人和没到期被解除，有什么不一样", "expiry_or_early_ending"),
        ("签劳务合同和签劳动合同有啥区别", "employment_or_service"),
        ("公司给买了团体意外险，和工伤保险有什么不同", "injury_insurance_or_accident_insurance"),
    ],
)
def test_a_difference_asked_between_both_sides_named_finds_the_pair(question: str, pair: str) -> None:
    found = find_difference(question, load_differences())
    assert found is not None and found.id == pair


@pytest.mark.parametrize(
    "question",
    [
        "被辞退了能拿多少经济补偿",  # one side, no difference asked
        "经济补偿和别的公司不一样吗",  # a difference asked, one side only
        "合同没到期，公司要提前解除，跟我说不一样的理由",  # 没到期 holds 到期: one side only
    ],
)
def test_without_a_difference_between_two_named_sides_nothing_opens(question: str) -> None:
    assert find_difference(question, load_differences()) is None


def test_dismissed_or_resigned_opens_with_both_sides_and_their_clauses(service: AnswerService) -> None:
    text = opening(service.ask("辞退和辞职有什么区别，哪个拿的钱多").text)[1]
    first = first_sentence(text)
    assert first.startswith("辞退是单位解除合同") and "辞职是你自己" in first
    assert "第八十七条" in text and "第三十七条" in text and "第四十六条第（一）项" in text


def test_severance_or_damages_is_told_apart_not_answered_with_the_dismissal_branches(
    service: AnswerService,
) -> None:
    text = opening(service.ask("经济补偿和赔偿金有什么区别").text)[1]
    assert text.startswith("经济补偿是单位依法解除或终止合同时给的")
    assert "两倍" in first_sentence(text) and "第二十五条" in text
