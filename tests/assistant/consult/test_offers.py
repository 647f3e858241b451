"""An offered sum set against what the law gives on the worker's facts (corpus/consult/offers.toml): a
worker who tells what the other side offers is told the statutory figure beside it and whether the offer
is lower (session 12, class K: the offer was repeated back and never compared)."""

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from assistant.answer import AnswerService
from assistant.consult.facts import FACT_NAMES, QUANTITY_NAMES
from assistant.consult.guides import ClauseRef, GuideError
from assistant.consult.offers import OFFERS_PATH, check_offers, compare_offer, load_offers
from assistant.consult.plan import Computation
from assistant.retrieval.query import DirectRef
from assistant.runtime import Runtime
from eval.consult_metrics import opening


def _lookup(runtime: Runtime):  # noqa: ANN202 - the lookup signature the checks take
    def lookup(law: str, article: int, sub: int | None) -> object:
        return runtime.retriever.lookup(DirectRef(law, article, sub))

    return lookup


def test_every_figure_cites_clauses_that_exist_and_are_in_force(runtime: Runtime) -> None:
    assert check_offers(load_offers(), _lookup(runtime), FACT_NAMES | QUANTITY_NAMES) == []


def test_a_figure_citing_a_missing_clause_or_an_unknown_fact_is_reported(
    runtime: Runtime, tmp_path: Path
) -> None:
    text = OFFERS_PATH.read_text(encoding="utf-8")
    broken = tmp_path / "offers.toml"
    broken.write_text(
        text.replace("劳动合同法 第八十七条", "劳动合同法 第八百七十条").replace(
            'when = "death == true"', 'when = "died_at_work == true"'
        ),
        encoding="utf-8",
    )
    problems = check_offers(load_offers(broken), _lookup(runtime), FACT_NAMES | QUANTITY_NAMES)
    assert {(entry, problem) for entry, _, problem in problems} == {
        ("damages", "法规库中没有这一条"),
        ("death", "条件用到了未知的事实名：died_at_work == true"),
    }
    assert [p.id for p in load_offers(broken).without({"damages", "death"}).priced] == [
        "disability",
        "severance",
    ]


def test_a_figure_naming_no_calculator_fails_at_load(tmp_path: Path) -> None:
    broken = tmp_path / "offers.toml"
    broken.write_text(
        OFFERS_PATH.read_text(encoding="utf-8").replace('tool = "damages"', 'tool = "damage"'),
        encoding="utf-8",
    )
    with pytest.raises(GuideError, match="damage"):
        load_offers(broken)


def _runner(amounts: Mapping[str, float]):  # noqa: ANN202 - a ToolRunner
    """A calculator stand-in: each tool computes the amount given, citing one clause."""

    def run(name: str, values: Mapping[str, Any]) -> Computation | None:
        quantity = {"severance": "severance_amount", "damages": "damages_amount"}.get(name)
        if quantity is None or quantity not in amounts:
            return None
        return Computation(name, name, "", {quantity: amounts[quantity]}, (ClauseRef("劳动合同法", 47),))

    return run


DISMISSED = {"termination": "dismissed"}


def test_an_offer_below_every_figure_is_called_lower_with_the_figures() -> None:
    result = compare_offer(
        {**DISMISSED, "settlement_offered": 20000.0},
        [],
        _runner({"severance_amount": 42000.0, "damages_amount": 84000.0}),
    )
    assert result is not None
    assert result.text.startswith("对方给的20000元，比法律规定的少")
    assert "经济补偿约42000元" in result.text and "赔偿金约84000元" in result.text
    # The clauses that set the figures, not every clause the calculators apply.
    assert ClauseRef.parse("劳动合同法 第八十七条") in result.cite
    assert [c.tool for c in result.added] == ["severance", "damages"]


def test_an_offer_between_the_floor_and_the_unlawful_figure_says_which_it_reaches() -> None:
    result = compare_offer(
        {**DISMISSED, "settlement_offered": 20000.0},
        [],
        _runner({"severance_amount": 15000.0, "damages_amount": 30000.0}),
    )
    assert result is not None
    assert "够得上依法解除也要给的经济补偿约15000元" in result.text
    assert "但比没有合法理由辞退的赔偿金约30000元少" in result.text


def test_an_offer_above_every_figure_is_not_called_lower() -> None:
    result = compare_offer(
        {**DISMISSED, "settlement_offered": 80000.0},
        [],
        _runner({"severance_amount": 15000.0, "damages_amount": 30000.0}),
    )
    assert result is not None
    assert "不低于" in result.text and "少" not in result.text.split("；")[0]


def test_nothing_is_compared_without_an_offer_or_without_a_figure() -> None:
    runner = _runner({"severance_amount": 15000.0, "damages_amount": 30000.0})
    assert compare_offer(DISMISSED, [], runner) is None
    # No ending told: neither N nor 2N is what the offer settles.
    assert compare_offer({"settlement_offered": 20000.0}, [], runner) is None
    assert compare_offer({**DISMISSED, "settlement_offered": 20000.0}, [], _runner({})) is None


def test_a_dismissed_worker_offered_a_sum_is_told_it_is_below_n_and_2n(service: AnswerService) -> None:
    answer = service.ask("我在这家厂做了5年，每月工资6000，现在老板要辞退我，只肯给1万块，这钱是不是给少了")
    conclusion = opening(answer.text)[1]
    assert "对方给的10000元，比法律规定的少" in conclusion
    assert "约30000元" in conclusion and "约60000元" in conclusion
    assert answer.plan is not None and "offers/compared" in answer.plan.selected


def test_a_graded_injury_offer_is_set_against_the_lump_sum(service: AnswerService) -> None:
    conclusion = opening(service.ask("干活摔伤评了十级，月工资5000，老板说给8000私了，要不要答应").text)[1]
    # 10级: 7 months of the worker's wage (工伤保险条例 37(1)).
    assert "对方给的8000元，比法律规定的少" in conclusion and "一次性伤残补助金约35000元" in conclusion


def test_an_employer_asking_gets_no_comparison_addressed_to_the_worker(service: AnswerService) -> None:
    text = service.ask("我是开厂的，有个员工干了4年月薪5000，我想辞退他，给他1万行不行").text
    assert "对方给的" not in text
