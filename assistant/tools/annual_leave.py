"""未休年休假工资 (职工带薪年休假条例 第三条、第四条、第五条; 企业职工带薪年休假实施办法 第三条、第四条、第五条、
第十条、第十一条、第十二条、第十八条).

Entitlement by cumulative years of work: 1 to under 10 → 5 days, 10 to under 20 → 10, 20 or more → 15,
only after 12 months of continuous work (办法 第三条). A year is the calendar year (第十八条). Joining
during the year: remaining calendar days ÷ 365 × entitlement (第五条); leaving: days elapsed ÷ 365 ×
entitlement − days taken (第十二条); fractions of a day are dropped. Unused days are paid at 300 % of the
daily wage, which includes the normal pay already received, so 200 % is still owed (第十条); the daily
wage is the 12-month average without overtime pay ÷ 21.75 (第十一条)."""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal

from assistant.tools import fields as f
from assistant.tools.base import (
    PAY_DAYS_PER_MONTH,
    ToolInput,
    ToolResult,
    art,
    cn_date,
    dec,
    money,
    show,
    show_money,
)
from assistant.tools.context import ToolContext

NAME = "annual_leave"
TITLE = "未休年休假工资"
DESCRIPTION = (
    "按累计工作年限确定年休假天数，入职、离职当年按日历天数折算（不足一天不计），计算还应支付的 200% 工资。"
)
REGS = "职工带薪年休假条例"
RULES = "企业职工带薪年休假实施办法"
DIVISOR = 365  # the rules' own divisor, leap years included (办法 第五条、第十二条)
STILL_OWED = Decimal(2)  # 300 % includes the 100 % already paid with the normal wage
ARTICLES = (
    art(REGS, 3, 1),
    art(REGS, 4),
    art(REGS, 5, 2),
    art(REGS, 5, 3),
    art(RULES, 3),
    art(RULES, 4),
    art(RULES, 5),
    art(RULES, 10, 1),
    art(RULES, 10, 2),
    art(RULES, 11),
    art(RULES, 12),
    art(RULES, 18),
)


class AnnualLeaveInput(ToolInput):
    cumulative_work_years: f.CumulativeWorkYears = None
    start_date: f.StartDate = None
    end_date: f.EndDate = None
    leave_days_taken: f.LeaveDaysTaken = None
    unused_leave_days: f.UnusedLeaveDays = None
    monthly_wage: f.MonthlyWage = None
    average_monthly_wage: f.AverageMonthlyWage = None
    today: f.Today = None


def entitlement(years: float) -> int:
    """条例 第三条第一款 (and 办法 第三条: nothing before 12 months of work)."""
    if years < 1:
        return 0
    if years < 10:
        return 5
    if years < 20:
        return 10
    return 15


def annual_leave(inp: AnnualLeaveInput, ctx: ToolContext) -> ToolResult:
    ctx = ctx.on(inp.today)
    result = ToolResult(NAME, TITLE)
    result.cite(art(REGS, 3, 1), art(RULES, 3), art(RULES, 4), art(RULES, 18))
    result.notes.append(
        "年休假一般在当年休完，确有必要可以跨一个年度安排（《职工带薪年休假条例》第五条第二款），不能一直攒着；"
        "当年事假累计20天以上且单位不扣工资、或病假达到《职工带薪年休假条例》第四条规定的时间的，不享受当年年休假。"
    )
    result.cite(art(REGS, 5, 2), art(REGS, 4))
    if inp.cumulative_work_years is None and inp.unused_leave_days is not None:
        # The worker knows how many days went untaken: the pay owed needs no entitlement.
        unused = math.floor(inp.unused_leave_days)
        result.formula.append(f"应休未休年休假 {unused} 天（按你说的天数）")
        result.quantities["annual_leave_days_unused"] = unused
        return _pay(inp, result, unused, f"应休未休 {unused} 天")
    if inp.cumulative_work_years is None:
        result.need("cumulative_work_years", "累计工作年限（在所有单位一共工作了几年）")
        result.formula.append(
            "全年年休假：累计工作满1年不满10年 5 天，满10年不满20年 10 天，满20年 15 天；"
            "入职或离职当年按（在本单位日历天数 ÷ 365）× 全年天数折算，不足一天不计"
        )
        result.summary = "还缺少累计工作年限"
        return result
    full = entitlement(inp.cumulative_work_years)
    result.formula.append(f"累计工作 {show(inp.cumulative_work_years)} 年，全年年休假 {full} 天")
    if full == 0:
        result.quantities["annual_leave_days"] = 0
        result.quantities["annual_leave_pay_owed"] = 0.0
        result.summary = "连续工作还不满12个月，还不享受年休假"
        return result

    year = inp.end_date.year if inp.end_date else ctx.today.year
    result.assumptions.append(f"按 {year} 年度（公历年度）计算")
    jan1, dec31 = date(year, 1, 1), date(year, 12, 31)
    joined = inp.start_date if inp.start_date and inp.start_date.year == year else None
    left = inp.end_date if inp.end_date and inp.end_date.year == year else None
    if inp.start_date and inp.start_date > dec31:
        result.quantities["annual_leave_days"] = 0
        result.summary = f"{year} 年还没有入职，没有年休假"
        return result
    taken = dec(inp.leave_days_taken) if inp.leave_days_taken is not None else Decimal(0)
    if inp.leave_days_taken is None:
        result.assumptions.append("按今年还没有休过年休假计算（休过的请填写已休天数）")

    if joined or left:
        first, last = joined or jan1, left or dec31
        days = (last - first).days + 1
        raw = Decimal(days) / DIVISOR * full
        if left:
            result.cite(art(RULES, 12))
            what = "当年度在本单位已过日历天数" if not joined else "当年度在本单位的日历天数"
            owed_raw = raw - taken
            unused = max(0, math.floor(owed_raw))
            days_entitled = min(full, math.floor(raw))
            result.formula.append(
                f"{what}：{cn_date(first)}至{cn_date(last)}，共 {days} 天；"
                f"（{days} ÷ 365）× {full} − {show(taken)} = {show(owed_raw.quantize(Decimal('0.01')))} 天，不足一天不计，"
                f"应休未休 {unused} 天"
            )
            if joined:
                result.cite(art(RULES, 5))
            if owed_raw < 0:
                result.notes.append(
                    "已经多休的年休假，单位不能扣回（《企业职工带薪年休假实施办法》第十二条第三款）。"
                )
        else:
            result.cite(art(RULES, 5))
            days_entitled = min(full, math.floor(raw))
            unused = max(0, math.floor(Decimal(days_entitled) - taken))
            result.formula.append(
                f"当年度在本单位剩余日历天数：{cn_date(first)}至{cn_date(last)}，共 {days} 天；"
                f"（{days} ÷ 365）× {full} = {show(raw.quantize(Decimal('0.01')))} 天，不足一天不计，当年应休 {days_entitled} 天；"
                f"已休 {show(taken)} 天，未休 {unused} 天"
            )
    else:
        days_entitled = full
        unused = max(0, math.floor(Decimal(full) - taken))
        result.formula.append(f"全年应休 {full} 天，已休 {show(taken)} 天，未休 {unused} 天")
    result.quantities["annual_leave_days"] = days_entitled
    if inp.unused_leave_days is not None:
        unused = math.floor(inp.unused_leave_days)
        result.formula.append(f"按你说的，应休未休 {unused} 天")
    result.quantities["annual_leave_days_unused"] = unused
    summary = f"{year} 年应休年休假 {days_entitled} 天，未休 {unused} 天"
    result = _pay(inp, result, unused, summary)
    if not left and year == ctx.today.year and "annual_leave_pay_owed" in result.quantities:
        result.notes.append(
            "还在职的，今年剩下的时间里单位仍可以安排休假；到年底没有安排休的，才需要支付这笔钱。"
        )
    return result


def _pay(inp: AnnualLeaveInput, result: ToolResult, unused: int, summary: str) -> ToolResult:
    """未休年休假工资: unused days × daily wage × the 200 % still owed (办法 第十条第一款, 第十一条)."""
    if inp.average_monthly_wage is not None:
        wage = dec(inp.average_monthly_wage)
        wage_text = f"月工资（前12个月剔除加班工资后的平均工资）{show(wage)} 元"
    elif inp.monthly_wage is not None:
        wage = dec(inp.monthly_wage)
        wage_text = f"月工资 {show(wage)} 元"
        result.assumptions.append(
            "按月工资计算日工资；规定是支付前12个月剔除加班工资后的月平均工资，各月不同时请填平均工资"
        )
    else:
        result.need("average_monthly_wage", "前12个月平均工资（不含加班费）或月工资")
        result.summary = f"{summary}；还需要月工资才能算出金额"
        result.cite(art(RULES, 10, 1), art(RULES, 11))
        return result
    result.cite(art(RULES, 10, 1), art(RULES, 11), art(REGS, 5, 3))
    daily = money(wage / PAY_DAYS_PER_MONTH)
    owed = money(daily * unused * STILL_OWED)
    result.formula.append(f"日工资：{wage_text} ÷ 21.75 = {show_money(daily)} 元")
    result.formula.append(
        f"未休年休假工资按日工资的 300% 支付，其中 100% 已随正常工资发放，还应支付 200%："
        f"{show_money(daily)} × {unused} × 200% = {show_money(owed)} 元"
    )
    result.quantities["daily_wage"] = float(daily)
    result.add_amount("annual_leave_pay_owed", "未休年休假工资（还应支付的 200%）", owed)
    result.summary = f"{summary}，单位还应支付 {show_money(owed)} 元"
    result.notes.append(
        "单位安排休假、劳动者因本人原因书面提出不休的，单位可以只支付正常工资（《企业职工带薪年休假实施办法》第十条第二款）。"
    )
    result.cite(art(RULES, 10, 2))
    return result
