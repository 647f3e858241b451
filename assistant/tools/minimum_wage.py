"""A monthly wage against the local minimum wage (劳动法 第四十八条, 最低工资规定 第十二条).

The wage compared is what is paid for normal work in the statutory hours, without overtime pay and the
special allowances (night, heat, underground …: 第十二条第一款); the standard is the one in force where
the worker works on the day (the dated table corpus/data/minimum_wage.toml). Where a province has tiers
by county and the city is not known, a wage below every tier is still below, and one at or above every
tier is not: the verdict waits for the county only when the wage falls between tiers."""

from __future__ import annotations

from decimal import Decimal

from assistant.tools import fields as f
from assistant.tools.base import ToolInput, ToolResult, art, dec, money, show, show_money
from assistant.tools.context import ToolContext, ask_minimum_wage, describe_tiers, minimum_wage

NAME = "minimum_wage"
TITLE = "是否低于当地最低工资"
DESCRIPTION = "把月工资（不含加班费和夜班、高温等特殊津贴）和当地现行月最低工资标准比，低了的算出差额。"
RULES = "最低工资规定"
ARTICLES = (art("劳动法", 48, 2), art(RULES, 12, 1), art("劳动合同法", 85, None, 2))


class MinimumWageInput(ToolInput):
    monthly_wage: f.MonthlyWage = None
    province: f.Province = None
    city: f.City = None
    today: f.Today = None


def _compare(result: ToolResult, wage: Decimal, floor: Decimal, place: str) -> None:
    below = wage < floor
    result.quantities["local_minimum_wage"] = float(floor)
    result.quantities["below_minimum_wage"] = below
    if below:
        gap = money(floor - wage)
        result.formula.append(
            f"{place}月最低工资标准 {show(floor)} 元 − 你的月工资 {show(wage)} 元 = 每月少 {show_money(gap)} 元"
        )
        result.add_amount("minimum_wage_gap", "每月低于最低工资的差额", gap, "元/月")
        result.summary = (
            f"月工资 {show(wage)} 元低于{place}月最低工资标准 {show(floor)} 元，每月差 {show_money(gap)} 元"
        )
        result.cite(art("劳动合同法", 85, None, 2))
    else:
        result.formula.append(f"你的月工资 {show(wage)} 元 ≥ {place}月最低工资标准 {show(floor)} 元")
        result.summary = f"月工资 {show(wage)} 元不低于{place}月最低工资标准 {show(floor)} 元"


def minimum_wage_check(inp: MinimumWageInput, ctx: ToolContext) -> ToolResult:
    ctx = ctx.on(inp.today)
    result = ToolResult(NAME, TITLE)
    result.cite(art("劳动法", 48, 2), art(RULES, 12, 1))
    result.assumptions.append(
        "比的是正常工作时间的工资，扣掉加班费和中班、夜班、高温、井下等特殊津贴以后的数"
    )
    floor, found = minimum_wage(ctx, result, inp.province, inp.city, ctx.today)
    place = found.city or found.province or ""
    if found.row is not None:
        # Session 14 (class "minimum wage by tier"): which standard was used and since when, for the answer to
        # say (a province's tiers differ by city; corpus/data/minimum_wage.toml, dated rows).
        row = found.row
        tier = "" if row.tier in ("全市", row.province) or row.tier == place else row.tier
        result.quantities["minimum_wage_standard"] = f"{row.province}{tier}"
        result.quantities["minimum_wage_effective_date"] = row.effective_from.isoformat()
    if inp.monthly_wage is None:
        result.need("monthly_wage", "每月实际发的工资（不含加班费）")
    if floor is not None:
        if inp.monthly_wage is not None:
            _compare(result, dec(inp.monthly_wage), floor, place)
        else:
            result.quantities["local_minimum_wage"] = float(floor)
            result.summary = f"{place}月最低工资标准 {show(floor)} 元"
        return result
    if found.tiers:
        for row in found.tiers:
            result.use(ctx.tables.used_minimum_wage(row, ctx.today))
        lowest, highest = found.tiers[-1], found.tiers[0]
        if inp.monthly_wage is not None and dec(inp.monthly_wage) < lowest.monthly:
            # Below the lowest tier of the province: below wherever in it the worker works.
            _compare(result, dec(inp.monthly_wage), lowest.monthly, f"{found.province}最低一档")
            result.quantities["minimum_wage_bound"] = "lowest"  # the county's own tier may be higher still
            result.quantities["minimum_wage_province"] = found.province or ""
            return result
        if inp.monthly_wage is not None and dec(inp.monthly_wage) >= highest.monthly:
            _compare(result, dec(inp.monthly_wage), highest.monthly, f"{found.province}最高一档")
            result.quantities["minimum_wage_bound"] = "highest"
            result.quantities["minimum_wage_province"] = found.province or ""
            return result
        result.formula.append(f"{found.province}按县（市、区）分档：{describe_tiers(found)}")
        result.quantities["minimum_wage_tiers"] = describe_tiers(found)
        result.quantities["minimum_wage_province"] = found.province or ""
        result.need("city", "工作所在的县（市、区），以确定最低工资标准的档次")
        result.summary = "要看所在县（市、区）的最低工资档次"
        return result
    ask_minimum_wage(result, inp.province, inp.city)
    result.summary = "还缺少工作地点（决定最低工资标准）"
    return result
