"""The openings measure: an opening scores by what its conclusion and its guide rest on."""

from __future__ import annotations

from assistant.consult.guides import load_guides
from eval.openings import opening_hits
from tests.assistant.consult.planning import plan_with_tools, ranked

GUIDES = {g.id: g for g in load_guides().all()}


def test_an_opening_resting_on_the_gold_article_scores_on_every_count() -> None:
    plan = plan_with_tools("我怀孕五个月，单位说合同到期不续了", ranked("contract_expiry_renewal"))
    assert opening_hits(plan, {("劳动合同法", 45)}, GUIDES) == {"opened": 1, "strict": 1, "guide": 1}


def test_an_article_only_the_guide_cites_counts_for_the_guide_not_the_conclusion() -> None:
    plan = plan_with_tools("我怀孕五个月，单位说合同到期不续了", ranked("contract_expiry_renewal"))
    # 第十四条 (an open-ended contract) is among the guide's clauses, not the opening's.
    assert opening_hits(plan, {("劳动合同法", 14)}, GUIDES) == {"opened": 1, "strict": 0, "guide": 1}


def test_no_plan_or_an_unrelated_gold_scores_nothing_but_the_opening() -> None:
    assert opening_hits(None, {("劳动合同法", 45)}, GUIDES) == {"opened": 0, "strict": 0, "guide": 0}
    plan = plan_with_tools("我怀孕五个月，单位说合同到期不续了", ranked("contract_expiry_renewal"))
    assert opening_hits(plan, {("工伤保险条例", 14)}, GUIDES) == {"opened": 1, "strict": 0, "guide": 0}
