"""The registry: every tool's articles exist in the store and are in force; inputs are validated with
Chinese messages naming the field; missing inputs are listed, never guessed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.tools import TOOLS, ToolInputError, UnknownTool, run_tool, suggest_tools
from ingest.index import read_live
from ingest.store import ArticleStore
from tests.assistant.tools.helpers import calc

# Inputs that make each tool cite as much as it can (every branch's articles).
RICH_INPUTS = {
    "severance": [
        {
            "monthly_wage": 50000,
            "start_date": "2005-01-01",
            "end_date": "2024-06-30",
            "city": "上海",
            "termination": t,
            "notice_given": False,
        }
        for t in ("dismissed", "resigned", "expired", "agreed", "unlawful_dismissal")
    ],
    "damages": [
        {"monthly_wage": 50000, "start_date": "2005-01-01", "end_date": "2024-06-30", "city": "上海"}
    ],
    "double_wage": [
        {"monthly_wage": 5000, "start_date": "2024-01-01", "end_date": "2025-06-10"},
        {
            "monthly_wage": 5000,
            "start_date": "2025-01-01",
            "contract_signed_date": "2025-03-11",
            "end_date": "2025-12-31",
        },
    ],
    "overtime": [
        {
            "monthly_wage": 5000,
            "overtime_hours_weekday": 40,
            "overtime_hours_restday": 8,
            "overtime_hours_holiday": 8,
        }
    ],
    "annual_leave": [
        {
            "cumulative_work_years": 12,
            "start_date": "2026-03-01",
            "end_date": "2026-10-01",
            "monthly_wage": 5000,
            "leave_days_taken": 9,
        },
        {"cumulative_work_years": 12, "start_date": "2026-03-01", "monthly_wage": 5000},
    ],
    "injury_benefits": [
        {"disability_grade": g, "monthly_wage": 5000, "city": "东莞", "injury_insurance": False}
        for g in range(1, 11)
    ],
    "death_benefits": [
        {
            "death_date": "2027-01-05",
            "today": "2027-01-08",
            "city": "上海",
            "monthly_wage": 8000,
            "dependants_spouse": True,
            "injury_insurance": False,
        }
    ],
    "sick_pay": [{"city": "深圳", "cumulative_work_years": 3, "service_months": 20}],
    "minimum_wage": [{"monthly_wage": 1500, "city": "东莞"}, {"monthly_wage": 5000, "city": "深圳"}],
    "arbitration_deadline": [
        {"knew_date": "2024-01-01", "interrupted_date": "2024-06-01", "today": "2026-12-05"},
        {"unpaid_amount": 1000, "end_date": "2026-10-01", "today": "2026-12-05"},
    ],
    "injury_recognition_deadline": [{"injury_date": "2026-01-01", "today": "2026-12-05"}],
    "lawsuit_deadline": [{"award_date": "2026-12-01", "today": "2026-12-05"}],
    "final_award": [{"claim_amount": 20000, "city": "深圳"}],
}


@pytest.fixture(scope="module")
def store(built_settings: Settings) -> ArticleStore:
    live = read_live(built_settings.data_dir)
    assert live is not None
    return ArticleStore(Path(built_settings.data_dir) / "builds" / live["build_id"] / "store.sqlite")


def test_every_article_a_tool_may_cite_is_in_the_store_and_in_force(store: ArticleStore) -> None:
    """Never cite an article the store cannot show: each tool's declared articles, and every article
    its results actually cite, resolve in the session index and are current, in-force versions."""
    for name, tool in TOOLS.items():
        cited = {
            (a.law, a.article, a.sub) for values in RICH_INPUTS[name] for a in run_tool(name, values).articles
        }
        declared = {(a.law, a.article, a.sub) for a in tool.articles}
        assert cited <= declared, f"{name} cites articles it does not declare: {cited - declared}"
        for law, number, sub in declared:
            unit = store.get_article(law, number, sub)
            assert unit.in_force, f"{name}: 《{law}》{number} is {unit.validity}"
            assert unit.law == law, f"{name}: {law} resolved to {unit.law}"


def test_paragraphs_and_items_cited_exist_in_the_article_text(store: ArticleStore) -> None:
    """A cited 第N款 or 第（N）项 must be there: count paragraphs and items in the stored text."""
    for tool in TOOLS.values():
        for ref in tool.articles:
            text = store.get_article(ref.law, ref.article, ref.sub).text
            paragraphs = [p for p in text.split("\n") if p.strip() and not p.lstrip().startswith(("（", "("))]
            if ref.paragraph:
                assert len(paragraphs) >= ref.paragraph, f"{ref.citation}: {len(paragraphs)} paragraphs"
            if ref.item:
                from ingest.numerals import int_to_cn

                marker = int_to_cn(ref.item)
                assert f"（{marker}）" in text or f"({marker})" in text, f"{ref.citation}: no item {marker}"


def test_unknown_tool_and_bad_values_are_named_in_chinese() -> None:
    with pytest.raises(UnknownTool, match="severance"):
        run_tool("severence", {})
    with pytest.raises(ToolInputError) as info:
        run_tool("severance", {"monthly_wage": -100})
    assert info.value.first.field == "monthly_wage"
    assert info.value.first.message.startswith("月工资（monthly_wage）")
    with pytest.raises(ToolInputError) as order:
        run_tool("severance", {"start_date": "2025-05-01", "end_date": "2025-01-01"})
    assert order.value.first.field == "end_date"
    assert order.value.first.message == "离职日期（end_date）不能早于入职日期（start_date）"


def test_facts_object_runs_as_it_is_and_invalid_facts_can_be_dropped() -> None:
    facts = {
        "monthly_wage": 6000,
        "question_topic": "辞退",
        "start_date": "2023-01-01",
        "end_date": "2025-12-31",
        "age": 500,
    }
    result = run_tool("severance", facts, today=date(2026, 12, 5))  # unknown keys ignored
    assert result.quantities["severance_months"] == 3
    dropped = run_tool("overtime", {"monthly_wage": "很多", "overtime_hours_weekday": 3}, drop_invalid=True)
    assert [m.field for m in dropped.missing] == ["monthly_wage"]
    assert any("没有采用" in a for a in dropped.assumptions)


def test_missing_inputs_are_listed_with_what_to_ask() -> None:
    for name in TOOLS:
        result = run_tool(name, {}, today=date(2026, 12, 5))
        if name in ("arbitration_deadline",):
            assert result.missing and not result.complete
        assert result.formula or result.summary, name
        for missing in result.missing:
            assert missing.label and not missing.label.isascii()


def test_text_for_the_answer_and_the_llm_has_the_numbers_and_citations() -> None:
    text = calc("overtime", monthly_wage=4350, overtime_hours_weekday=10).as_text()
    assert "4350 ÷ 21.75 ÷ 8 = 25.00 元/小时" in text and "《劳动法》第四十四条第（一）项" in text


def test_suggest_tools_from_facts() -> None:
    facts = {
        "monthly_wage": 5000,
        "start_date": "2024-01-01",
        "termination": "unlawful_dismissal",
        "contract_signed": False,
    }
    assert suggest_tools(facts) == ["severance", "damages", "double_wage"]
    assert suggest_tools({"disability_grade": 9}) == ["injury_benefits"]
    assert suggest_tools({}) == []
