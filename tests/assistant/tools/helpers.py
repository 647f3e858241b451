"""Shared helpers of the tool tests: run a tool on a fixed day with the shipped data tables."""

from __future__ import annotations

from datetime import date
from typing import Any

from assistant.tools import ToolResult, run_tool

TODAY = date(2026, 12, 5)


def calc(name: str, today: date = TODAY, **values: Any) -> ToolResult:
    return run_tool(name, values, today=today)


def cited(result: ToolResult) -> set[str]:
    """The articles a result applied, as 《law》label strings."""
    return {a.citation for a in result.articles}
