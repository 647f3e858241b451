"""赔偿金 2N for an unlawful dismissal or termination (劳动合同法 第四十八条、第八十七条; 实施条例 第二十五条).

Twice the 经济补偿 of 第四十七条 (same monthly wage, same 3× cap and 12 years), when the worker does not
ask to be reinstated or reinstatement is no longer possible; the years count from the first day of
work (实施条例 第二十五条, so service before 2008 counts too), and no 经济补偿 is paid on top."""

from __future__ import annotations

from decimal import Decimal

from assistant.tools import fields as f
from assistant.tools.base import ToolInput, ToolResult, art, money, show, show_money
from assistant.tools.context import ToolContext
from assistant.tools.severance import (
    LAW,
    MAX_CAPPED_YEARS,
    REG,
    SeveranceInput,
    monthly_base,
    n_months,
    service_period,
)

NAME = "damages"
TITLE = "违法解除赔偿金（2N）"
DESCRIPTION = "用人单位违法解除或终止劳动合同时，按经济补偿标准的二倍计算赔偿金。"
ARTICLES = (
    art(LAW, 48),
    art(LAW, 87),
    art(LAW, 47, 1),
    art(LAW, 47, 2),
    art(LAW, 47, 3),
    art(REG, 25),
    art(REG, 27),
)


class DamagesInput(ToolInput):
    monthly_wage: f.MonthlyWage = None
    average_monthly_wage: f.AverageMonthlyWage = None
    start_date: f.StartDate = None
    end_date: f.EndDate = None
    service_months: f.ServiceMonths = None
    province: f.Province = None
    city: f.City = None
    local_average_wage: f.LocalAverageWage = None


def damages(inp: DamagesInput, ctx: ToolContext) -> ToolResult:
    result = ToolResult(NAME, TITLE)
    result.cite(art(LAW, 48), art(LAW, 87), art(LAW, 47, 1), art(REG, 25))
    service = service_period(result, inp.start_date, inp.end_date, inp.service_months)
    as_severance = SeveranceInput.model_validate(inp.model_dump())
    base = monthly_base(as_severance, ctx, result, service.end if service else inp.end_date)
    result.notes.append(
        "赔偿金适用于单位违法解除或终止劳动合同、劳动者不要求（或已不能）继续履行的情形；是否违法要看单位的理由和证据，"
        "这是律师和仲裁委判断的问题。劳动者也可以选择要求继续履行劳动合同。"
    )
    result.notes.append("支付了赔偿金的，不再支付经济补偿（《劳动合同法实施条例》第二十五条）。")
    if service is None or base is None:
        result.summary = "还缺少计算赔偿金需要的信息"
        result.formula.insert(0, "赔偿金 = 月工资 × N × 2（N 按经济补偿的标准计算，年限自用工之日起算）")
        if service is not None:
            # The months follow from the years alone; the amount waits for the wage (a cap above 12
            # years may still lower them once the wage is known).
            n, why = n_months(service.length)
            result.formula.append(f"工作年限：{service.text}；{why}，2N = {show(n * 2)} 个月工资")
            result.quantities["severance_months"] = float(n)
            result.quantities["damages_months"] = float(n * 2)
        return result
    n, why = n_months(service.length)
    if base.capped and n > MAX_CAPPED_YEARS:
        result.formula.append(
            f"工作年限：{service.text}（自用工之日起算）；{why}，N = {show(n)}，封顶按 {MAX_CAPPED_YEARS} 年计"
        )
        n = Decimal(MAX_CAPPED_YEARS)
    else:
        result.formula.append(f"工作年限：{service.text}（自用工之日起算）；{why}，N = {show(n)} 个月")
    amount = money(base.wage * n * 2)
    result.formula.append(f"赔偿金：{show(base.wage)} × {show(n)} × 2 = {show_money(amount)} 元")
    result.quantities["severance_months"] = float(n)
    result.quantities["damages_months"] = float(n * 2)
    result.add_amount("damages_amount", "违法解除赔偿金", amount)
    result.summary = f"赔偿金 2N = {show(n * 2)} 个月工资，共 {show_money(amount)} 元" + (
        "" if base.complete else "（未核对三倍封顶，见下）"
    )
    return result
