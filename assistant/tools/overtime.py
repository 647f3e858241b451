"""加班费 (劳动法 第四十四条、第四十一条; 工资支付暂行规定 第十三条; the 2008 notice on 月计薪天数).

Hourly wage = monthly wage ÷ 21.75 ÷ 8 (the notice: 日工资 = 月工资 ÷ 月计薪天数, 小时工资 = 日工资 ÷ 8);
extended hours on working days at no less than 150 %, rest days without time off in lieu 200 %,
statutory holidays 300 %. Overtime may not exceed 36 hours a month (第四十一条)."""

from __future__ import annotations

from decimal import Decimal

from assistant.tools import fields as f
from assistant.tools.base import (
    HOURS_PER_DAY,
    PAY_DAYS_PER_MONTH,
    ToolInput,
    ToolResult,
    art,
    dec,
    money,
    show,
    show_money,
    show_pct,
)
from assistant.tools.context import ToolContext

NAME = "overtime"
TITLE = "加班费"
DESCRIPTION = (
    "按小时工资计算工作日（150%）、休息日（200%）、法定节假日（300%）加班费，并检查每月 36 小时上限。"
)
LABOUR_LAW = "劳动法"
WAGE_RULES = "工资支付暂行规定"
NOTICE = "关于职工全年月平均工作时间和工资折算问题的通知"
MONTHLY_LIMIT = Decimal(36)
KINDS = (
    ("weekday", "overtime_hours_weekday", "工作日延长工作时间", Decimal("1.5"), 1),
    ("restday", "overtime_hours_restday", "休息日工作且不能补休", Decimal("2"), 2),
    ("holiday", "overtime_hours_holiday", "法定节假日工作", Decimal("3"), 3),
)
ARTICLES = (
    art(LABOUR_LAW, 44, None, 1),
    art(LABOUR_LAW, 44, None, 2),
    art(LABOUR_LAW, 44, None, 3),
    art(LABOUR_LAW, 41),
    art(WAGE_RULES, 13),
    art(NOTICE, 2),
)


class OvertimeInput(ToolInput):
    monthly_wage: f.MonthlyWage = None
    daily_wage: f.DailyWage = None
    overtime_hours_weekday: f.OvertimeHoursWeekday = None
    overtime_hours_restday: f.OvertimeHoursRestday = None
    overtime_hours_holiday: f.OvertimeHoursHoliday = None
    period_months: f.PeriodMonths = None


def overtime(inp: OvertimeInput, ctx: ToolContext) -> ToolResult:
    result = ToolResult(NAME, TITLE)
    result.cite(art(NOTICE, 2))
    if inp.monthly_wage is not None:
        wage = dec(inp.monthly_wage)
        hourly = money(wage / PAY_DAYS_PER_MONTH / HOURS_PER_DAY)
        result.formula.append(f"小时工资：{show(wage)} ÷ 21.75 ÷ 8 = {show_money(hourly)} 元/小时")
        result.assumptions.append(
            "以劳动合同约定的月工资为加班费基数；各省对基数的规定不同，约定不明时多按正常工作时间工资计算，且不得低于当地最低工资标准"
        )
    elif inp.daily_wage is not None:
        hourly = money(dec(inp.daily_wage) / HOURS_PER_DAY)
        result.formula.append(f"小时工资：{show(inp.daily_wage)} ÷ 8 = {show_money(hourly)} 元/小时")
        result.assumptions.append("按日工资、每天 8 小时标准工作时间折算小时工资")
    else:
        result.need("monthly_wage", "月工资（或日工资）")
        result.formula.append("小时工资 = 月工资 ÷ 21.75 ÷ 8；加班费 = 小时工资 × 倍数 × 小时数")
        result.cite(*(art(LABOUR_LAW, 44, None, item) for *_, item in KINDS))
        result.summary = "还缺少月工资"
        return result
    result.quantities["daily_wage"] = float(money(hourly * HOURS_PER_DAY))
    result.quantities["hourly_wage"] = float(hourly)

    asked = [k for k in KINDS if getattr(inp, k[1]) is not None]
    total = Decimal(0)
    hours_total = Decimal(0)
    rates: list[str] = []
    for kind, field, label, rate, item in KINDS:
        rate_pay = money(hourly * rate)
        result.quantities[f"overtime_hourly_{kind}"] = float(rate_pay)
        hours = getattr(inp, field)
        if asked and hours is None:
            continue
        result.cite(art(LABOUR_LAW, 44, None, item))
        rates.append(f"{label}：{show_money(hourly)} × {show_pct(rate)} = {show_money(rate_pay)} 元/小时")
        if hours is not None:
            h = dec(hours)
            pay = money(rate_pay * h)
            total += pay
            hours_total += h
            rates[-1] += f"，{show_money(rate_pay)} × {show(h)} = {show_money(pay)} 元"
    result.formula.extend(rates)
    first = asked[0] if asked else KINDS[0]
    result.quantities["overtime_hourly_min"] = result.quantities[f"overtime_hourly_{first[0]}"]
    result.cite(art(WAGE_RULES, 13))
    if not asked:
        result.summary = (
            f"小时工资 {show_money(hourly)} 元；加班费每小时不低于：工作日 {result.quantities['overtime_hourly_weekday']:.2f} 元，"
            f"休息日 {result.quantities['overtime_hourly_restday']:.2f} 元，法定节假日 {result.quantities['overtime_hourly_holiday']:.2f} 元"
        )
        return result
    total = money(total)
    result.add_amount("overtime_pay", "加班费", total)
    result.summary = f"加班费不少于 {show_money(total)} 元（{show(hours_total)} 小时）"
    if len(asked) > 1:
        result.formula.append(f"合计：{show_money(total)} 元")

    # 第四十一条: no more than 36 hours of extended working time a month.
    result.cite(art(LABOUR_LAW, 41))
    months = dec(inp.period_months) if inp.period_months is not None else Decimal(1)
    if inp.period_months is None:
        result.assumptions.append("加班小时数按一个月的合计理解（不是一个月的请填写对应的月数）")
    per_month = hours_total / months
    exceeded = per_month > MONTHLY_LIMIT
    result.quantities["overtime_monthly_limit_exceeded"] = exceeded
    result.assumptions.append("每月 36 小时上限按工作日、休息日、法定节假日加班合计计算")
    if exceeded:
        result.notes.append(
            f"平均每月加班 {show(money(per_month))} 小时，超过法律规定的每月 36 小时上限（劳动法第四十一条）；"
            "超时加班的工资照样要付，还可以向劳动保障监察部门投诉。"
        )
    result.notes.append(
        "休息日加班单位安排了补休的，可以不付 200% 的加班费；实行综合计算工时或计件工资的，加班认定和计算另有规定。"
    )
    return result
