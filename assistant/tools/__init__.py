"""Worker tools: calculators and time limits that turn a worker's facts into amounts and dates, each
with its formula (numbers filled in), the articles it applied, its assumptions and the dated data
rows it used. Pure functions; the dated figures live in corpus/data/ (see assistant/tools/data.py).

Entry points (for the chat, the API, the CLI and the page)
-----------------------------------------------------------
``TOOLS: dict[str, Tool]``
    name → Tool(name, title, description, kind "amount" | "deadline", input_model, compute,
    articles). ``Tool.describe()`` is what ``GET /v1/tools`` lists. Input field names are the fact
    names of the facts contract (monthly_wage, start_date, end_date, termination, …): a facts object
    from the chat can be passed as it is (unknown keys are ignored).

``run_tool(name, values, *, context=None, today=None, drop_invalid=False) -> ToolResult``
    Validates, computes, returns. Never guesses: an absent input the result needs is listed in
    ``result.missing`` (field + Chinese label: ask the worker for exactly that), and
    ``result.complete`` is False. Bad values raise ``ToolInputError`` (``.problems[0].field`` and a
    Chinese ``.message``); ``drop_invalid=True`` (for facts read from free text) leaves them out
    instead and says so in ``result.assumptions``. ``UnknownTool`` for an unknown name.

``ToolResult``
    ``summary`` (one Chinese sentence), ``amounts``, ``quantities`` (the named quantities of the
    contract: severance_amount, double_wage_months, deadline, days_left, deadline_passed …),
    ``formula`` (lines such as "4350 ÷ 21.75 ÷ 8 = 25.00 元/小时"), ``articles`` (ArticleRef: law,
    article, paragraph, item, ``url`` → /v1/articles/…), ``assumptions``, ``data_used`` (value, year,
    source, verified), ``missing``, ``notes``, ``see_lawyer``. ``as_dict()`` is the API's JSON;
    ``as_text()`` is plain Chinese for the answer's conclusion or for an LLM as a numbered source
    (the numbers in an answer come from here, never from generation).

``time_limits(facts, today=None) -> list[ToolResult]``
    The deadline tools that the facts allow to compute (arbitration, 工伤认定, suing after an award):
    each with ``quantities["days_left"]`` and ``["deadline_passed"]`` for the escalation policy
    (≤ 60 days left → suggest a lawyer).

``suggest_tools(facts) -> list[str]``
    Names of the calculators whose main inputs the facts already hold (to offer them in the answer).

The 劳动仲裁申请书 draft built from the same facts and these results is in assistant/documents/.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from assistant.tools.base import ArticleRef, DataUsed, Missing, ToolResult
from assistant.tools.context import ToolContext
from assistant.tools.registry import (
    TOOLS,
    InputProblem,
    Tool,
    ToolInputError,
    UnknownTool,
    get_tool,
    run_tool,
    validate,
)

__all__ = [
    "TOOLS",
    "ArticleRef",
    "DataUsed",
    "InputProblem",
    "Missing",
    "Tool",
    "ToolContext",
    "ToolInputError",
    "ToolResult",
    "UnknownTool",
    "get_tool",
    "run_tool",
    "suggest_tools",
    "time_limits",
    "validate",
]

# What a tool needs at least before it is worth offering (any one of the alternatives).
_TRIGGERS: dict[str, tuple[tuple[str, ...], ...]] = {
    "severance": (
        ("start_date", "service_months"),
        ("monthly_wage", "average_monthly_wage"),
        ("termination", "end_date"),
    ),
    "damages": (("termination",), ("start_date", "service_months"), ("monthly_wage", "average_monthly_wage")),
    "double_wage": (("start_date", "months_without_contract"),),
    "overtime": (("overtime_hours_weekday", "overtime_hours_restday", "overtime_hours_holiday"),),
    "annual_leave": (("cumulative_work_years", "leave_days_taken"),),
    "injury_benefits": (("disability_grade",),),
    "death_benefits": (("death", "death_date"),),
}
_DEADLINES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("arbitration_deadline", ("knew_date", "end_date")),
    ("injury_recognition_deadline", ("injury_date",)),
    ("lawsuit_deadline", ("award_date",)),
)


def _has(facts: Mapping[str, Any], name: str) -> bool:
    value = facts.get(name)
    return value is not None and value != "" and value is not False


def suggest_tools(facts: Mapping[str, Any]) -> list[str]:
    out = []
    for name, groups in _TRIGGERS.items():
        if name == "damages" and facts.get("termination") != "unlawful_dismissal":
            continue
        if (
            name == "double_wage"
            and facts.get("contract_signed") is not False
            and not _has(facts, "months_without_contract")
        ):
            continue
        if all(any(_has(facts, f) for f in group) for group in groups):
            out.append(name)
    return out


def time_limits(facts: Mapping[str, Any], today: date | None = None) -> list[ToolResult]:
    """Every deadline the facts allow to compute; invalid facts are left out, not fatal."""
    results = []
    for name, needs in _DEADLINES:
        if any(_has(facts, f) for f in needs):
            result = run_tool(name, facts, today=today, drop_invalid=True)
            if "days_left" in result.quantities:
                results.append(result)
    return results
