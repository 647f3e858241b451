"""What a calculation reads besides its inputs: the dated tables and the day it is computed on.
Tools are pure functions of (input, context); the edges (API, CLI, chat) build the context."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from assistant.tools.base import ToolResult, dec, show, show_money
from assistant.tools.data import MinWageLookup, Tables, load_tables

CHINA = timedelta(hours=8)


def china_today() -> date:
    """Today in China (UTC+8): a worker's deadline is a date where the worker lives."""
    return (datetime.now(UTC) + CHINA).date()


@dataclass(frozen=True)
class ToolContext:
    tables: Tables
    today: date

    @classmethod
    def default(cls, today: date | None = None) -> ToolContext:
        return cls(load_tables(), today or china_today())

    def on(self, today: date | None) -> ToolContext:
        return self if today is None or today == self.today else ToolContext(self.tables, today)


def minimum_wage(
    ctx: ToolContext, result: ToolResult, province: str | None, city: str | None, on: date
) -> tuple[Decimal | None, MinWageLookup]:
    """The local monthly minimum wage in force on a day, recorded in the result; None when the place
    is unknown, has no row, or has tiers by county and the city does not say which."""
    found = ctx.tables.minimum_wage_for(province, city, on)
    if found.row is None:
        return None, found
    result.use(ctx.tables.used_minimum_wage(found.row, on))
    return found.row.monthly, found


def ask_minimum_wage(result: ToolResult, province: str | None, city: str | None) -> None:
    """No row for the place (or no place): ask the worker for the local minimum wage, or the city."""
    place = city or province
    if place:
        result.need("local_minimum_wage", f"{place}现行月最低工资标准", "系统没有这个地方的最低工资标准")
    else:
        result.need("city", "工作所在的城市")


def describe_tiers(found: MinWageLookup) -> str:
    return "、".join(f"{r.tier} {show(r.monthly)} 元" for r in found.tiers)


def months_text(value: Decimal) -> str:
    return f"{show(value)} 个月"


def times(a: Decimal, b: Decimal) -> str:
    return f"{show(a)} × {show(b)} = {show_money(dec(a) * dec(b))}"
