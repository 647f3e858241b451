"""病假工资的下限 and the 医疗期 (企业职工患病或非因工负伤医疗期规定 第三条、第四条、第五条).

The medical period runs from 3 to 24 months by the years the worker has worked in all and with this
employer (第三条), counted within a longer window (第四条). Sick pay follows "the relevant rules" (第五条):
in practice a floor of 80 % of the local minimum wage, from a 1995 ministry opinion that is not in the
article library — the tool says so rather than citing it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from assistant.tools import fields as f
from assistant.tools.base import ToolInput, ToolResult, art, money, show, show_money
from assistant.tools.context import ToolContext, ask_minimum_wage, describe_tiers, minimum_wage
from assistant.tools.dates import span

NAME = "sick_pay"
TITLE = "病假工资下限与医疗期"
DESCRIPTION = "按当地最低工资标准的 80% 给出病假工资的下限，按工作年限给出医疗期长度。"
RULES = "企业职工患病或非因工负伤医疗期规定"
FLOOR = Decimal("0.8")
# 第四条: the window within which the sick days of a medical period are counted.
WINDOW = {3: 6, 6: 12, 9: 15, 12: 18, 18: 24, 24: 30}
ARTICLES = (art(RULES, 3), art(RULES, 4), art(RULES, 5), art("劳动合同法", 42, None, 3))


class SickPayInput(ToolInput):
    province: f.Province = None
    city: f.City = None
    cumulative_work_years: f.CumulativeWorkYears = None
    start_date: f.StartDate = None
    service_months: f.ServiceMonths = None
    monthly_wage: f.MonthlyWage = None
    today: f.Today = None


def medical_period(total_years: float, employer_years: float) -> int:
    """第三条: months of medical period."""
    if total_years < 10:
        return 3 if employer_years < 5 else 6
    for limit, months in ((5, 6), (10, 9), (15, 12), (20, 18)):
        if employer_years < limit:
            return months
    return 24


def _employer_years(inp: SickPayInput, today: date) -> float | None:
    if inp.service_months is not None:
        return inp.service_months / 12
    if inp.start_date is not None:
        length = span(inp.start_date, today)
        return length.months / 12
    return None


def sick_pay(inp: SickPayInput, ctx: ToolContext) -> ToolResult:
    ctx = ctx.on(inp.today)
    result = ToolResult(NAME, TITLE)
    result.cite(art(RULES, 5))
    result.assumptions.append(
        "病假工资不低于当地最低工资标准的 80%，出自原劳动部 1995 年《关于贯彻执行〈中华人民共和国劳动法〉若干问题的意见》"
        "（劳部发〔1995〕309号）；该文件未收入本系统的法规库，未能在此核对原文；各地另有规定的从其规定"
    )
    floor, found = minimum_wage(ctx, result, inp.province, inp.city, ctx.today)
    if floor is not None:
        low = money(floor * FLOOR)
        result.formula.append(
            f"病假工资下限：当地月最低工资标准 {show(floor)} × 80% = {show_money(low)} 元/月"
        )
        result.add_amount("sick_pay_min", "病假工资下限（每月）", low, "元/月")
        result.summary = f"医疗期内病假工资每月不低于 {show_money(low)} 元"
    elif found.tiers:
        result.formula.append(
            f"病假工资下限 = 当地月最低工资标准 × 80%；{found.province}按县（市、区）分档：{describe_tiers(found)}"
        )
        result.formula.extend(
            f"{r.tier}：{show(r.monthly)} × 80% = {show_money(money(r.monthly * FLOOR))} 元/月"
            for r in found.tiers
        )
        for row in found.tiers:
            result.use(ctx.tables.used_minimum_wage(row, ctx.today))
        result.need("city", "工作所在的县（市、区），以确定最低工资标准的档次")
        result.summary = "病假工资下限取决于所在县（市、区）的最低工资档次"
    else:
        ask_minimum_wage(result, inp.province, inp.city)
        result.formula.append("病假工资下限 = 当地月最低工资标准 × 80%")
        result.summary = "还缺少工作地点（决定最低工资标准）"

    employer_years = _employer_years(inp, ctx.today)
    if inp.cumulative_work_years is not None and employer_years is not None:
        total = max(inp.cumulative_work_years, employer_years)
        months = medical_period(total, employer_years)
        result.cite(art(RULES, 3), art(RULES, 4))
        result.formula.append(
            f"医疗期：实际工作 {show(money(total))} 年、在本单位 {show(money(employer_years))} 年，医疗期 {months} 个月，"
            f"按 {WINDOW[months]} 个月内累计病休时间计算"
        )
        result.quantities["medical_period_months"] = months
        result.summary += f"；医疗期 {months} 个月"
    else:
        result.cite(art(RULES, 3))
        result.notes.append(
            "医疗期按实际工作年限和在本单位工作年限确定，3 到 24 个月（第三条）；填写累计工作年限和入职日期可以算出。"
        )
    result.cite(art("劳动合同法", 42, None, 3))
    result.notes.append(
        "医疗期内单位不能依第四十条、第四十一条解除劳动合同（劳动合同法第四十二条）；劳动合同约定或当地规定的病假工资更高的，按更高的标准。"
    )
    return result
