"""The bridge from the consultation plan to the worker tools (assistant/tools/): a tool is run on the
facts, and its result becomes a Computation the answer shows (formula, quantities, clauses)."""

from __future__ import annotations

from assistant.consult.plan import ToolRunner


def default_tool_runner() -> ToolRunner | None:
    """The worker tools' runner, or None while the tools package is not installed."""
    return None
