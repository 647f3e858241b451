"""二倍工资 for working without a written labour contract (劳动合同法 第八十二条第一款; 实施条例 第六条、第七条;
劳动争议司法解释（二） 第六条、第九条).

Owed from the day after the first full month of work (满一个月的次日) to the day before the first
anniversary (满一年的前一日) or the day before a contract was signed, whichever comes first: at most 11
months. The "double" is one extra month's wage per month (the normal wage was paid); a part month
counts by the working days actually worked (解释（二） 第六条). After a year without a contract an
open-ended contract is deemed concluded and no double wage runs for that time (实施条例 第七条;
解释（二） 第九条)."""

from __future__ import annotations

from datetime import date, timedelta
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
from assistant.tools.dates import add_months, add_years, span, weekdays_between

NAME = "double_wage"
TITLE = "未签劳动合同的二倍工资"
DESCRIPTION = "入职超过一个月不满一年没签书面劳动合同，每月另付一倍工资，最多 11 个月；附仲裁时效提示。"
LAW = "劳动合同法"
REG = "劳动合同法实施条例"
INTERP2 = "最高人民法院关于审理劳动争议案件适用法律问题的解释（二）"
ARBITRATION = "劳动争议调解仲裁法"
MAX_MONTHS = 11
NEAR_DAYS = 60
ARTICLES = (
    art(LAW, 82, 1),
    art(LAW, 10, 2),
    art(LAW, 14, 3),
    art(REG, 5),
    art(REG, 6, 2),
    art(REG, 7),
    art(INTERP2, 6),
    art(INTERP2, 7),
    art(INTERP2, 9),
    art(ARBITRATION, 27, 1),
)


class DoubleWageInput(ToolInput):
    monthly_wage: f.MonthlyWage = None
    start_date: f.StartDate = None
    end_date: f.EndDate = None
    contract_signed: f.ContractSigned = None
    contract_signed_date: f.ContractSignedDate = None
    months_without_contract: f.MonthsWithoutContract = None
    today: f.Today = None


def _limitation(result: ToolResult, last: date, today: date) -> None:
    """The one-year limit, counted conservatively from the end of the double-wage period."""
    result.cite(art(ARBITRATION, 27, 1))
    deadline = add_years(last, 1)
    left = (deadline - today).days
    result.quantities["deadline"] = deadline.isoformat()
    result.quantities["days_left"] = left
    result.quantities["deadline_passed"] = left < 0
    text = (
        "仲裁时效：各地对二倍工资的时效算法不同（有的按月分别计算，有的从二倍工资期间结束时起算一年）。"
        f"较稳妥的做法是在 {cn_date(deadline)} 之前申请劳动仲裁"
    )
    if left < 0:
        text += f"；按这种算法已经过了 {-left} 天，较早月份的二倍工资可能已超过时效，请尽快咨询工会律师。"
        result.see_lawyer = True
    else:
        text += f"（还剩 {left} 天）；按月计算的地方，较早月份的时效会更早届满。"
        if left <= NEAR_DAYS:
            result.see_lawyer = True
    result.notes.append(text)


def double_wage(inp: DoubleWageInput, ctx: ToolContext) -> ToolResult:
    ctx = ctx.on(inp.today)
    result = ToolResult(NAME, TITLE)
    result.cite(art(LAW, 82, 1), art(LAW, 10, 2), art(REG, 6, 2))
    result.notes.append(
        "单位在入职一个月内书面通知签合同而劳动者拒签的，单位可以终止劳动关系且不付二倍工资（《劳动合同法实施条例》第五条）；"
        "因不可抗力或劳动者本人故意、重大过失没签的也不付（司法解释（二）第七条）。"
    )
    result.cite(art(REG, 5), art(INTERP2, 7))
    wage = dec(inp.monthly_wage) if inp.monthly_wage is not None else None
    if wage is None:
        result.need("monthly_wage", "月工资")

    if inp.contract_signed and inp.contract_signed_date is None and inp.months_without_contract is None:
        result.summary = "签了书面劳动合同的没有二倍工资；如果是入职超过一个月后才补签的，请填写补签日期"
        result.quantities["double_wage_months"] = 0
        result.quantities["double_wage_amount"] = 0.0
        result.need("contract_signed_date", "补签合同的日期（入职一个月内就签了的不用填）")
        return result

    if inp.start_date is not None:
        start = inp.start_date
        first = add_months(start, 1)  # 满一个月的次日
        cap_last = add_months(start, 12) - timedelta(days=1)  # 满一年的前一日
        candidates = [(cap_last, "满一年的前一日")]
        if inp.contract_signed_date:
            candidates.append((inp.contract_signed_date - timedelta(days=1), "补签合同的前一日"))
        if inp.end_date:
            candidates.append((inp.end_date, "离职之日"))
        else:
            candidates.append((ctx.today, "今天"))
            result.assumptions.append(f"还在工作、没有补签合同，计算到今天（{cn_date(ctx.today)}）")
        last, why = min(candidates, key=lambda c: c[0])
        if last < first:
            result.summary = "没签合同还没有超过一个月，不产生二倍工资（单位应在一个月内签订书面合同）"
            result.formula.append(f"入职 {cn_date(start)}，二倍工资最早从 {cn_date(first)} 起算")
            result.quantities["double_wage_months"] = 0
            result.quantities["double_wage_amount"] = 0.0
            return result
        length = span(first, last)
        months = min(length.months, MAX_MONTHS)
        days = length.days if length.months < MAX_MONTHS else 0
        part_first = add_months(first, months)
        workdays = weekdays_between(part_first, last) if days else 0
        result.formula.append(
            f"二倍工资期间：{cn_date(first)}（满一个月的次日）至 {cn_date(last)}（{why}），"
            f"共{length.describe() if length.months < MAX_MONTHS else f'{MAX_MONTHS}个月'}"
        )
        if workdays:
            result.assumptions.append(
                f"不满一个月的 {days} 天按实际工作日计算：{cn_date(part_first)}至{cn_date(last)} 的周一至周五共 {workdays} 天"
                "（未扣除法定节假日，也未计入调休上班日）"
            )
            result.cite(art(INTERP2, 6))
        if (inp.end_date or ctx.today) >= add_months(start, 12) and not inp.contract_signed_date:
            result.cite(art(REG, 7), art(LAW, 14, 3), art(INTERP2, 9))
            result.notes.append(
                f"满一年仍未签合同的，视为从 {cn_date(add_months(start, 12))} 起已订立无固定期限劳动合同；"
                "此后的期间不再支付二倍工资，但可以要求补签书面合同。"
            )
    elif inp.months_without_contract is not None:
        total = dec(inp.months_without_contract)
        counted = max(Decimal(0), min(total - 1, Decimal(MAX_MONTHS)))
        months, workdays, days, last = int(counted), 0, 0, None
        result.assumptions.append(
            f"没有具体日期，按没签合同 {show(total)} 个月计算：第一个月是签合同的宽限期，不计二倍工资"
            + ("；超过一年的部分不计" if total - 1 > MAX_MONTHS else "")
        )
        if counted != months:
            # A fraction of a month given as a duration: counted as that share of a month's wage.
            fraction = counted - months
            workdays = int((fraction * PAY_DAYS_PER_MONTH).to_integral_value())
            days = workdays
        if total - 1 > MAX_MONTHS:
            result.cite(art(REG, 7), art(LAW, 14, 3), art(INTERP2, 9))
            result.notes.append("满一年仍未签合同的，视为已订立无固定期限劳动合同，此后不再支付二倍工资。")
    else:
        result.need("start_date", "入职日期（或没签合同的月数）")
        result.formula.append(
            "二倍工资 = 月工资 × 月数（从入职满一个月的次日起，到补签合同前一日或满一年前一日止，最多 11 个月）"
        )
        result.summary = "还缺少入职日期"
        return result

    month_count = Decimal(months) + (
        money(Decimal(workdays) / PAY_DAYS_PER_MONTH) if workdays else Decimal(0)
    )
    result.quantities["double_wage_months"] = float(min(month_count, Decimal(MAX_MONTHS)))
    if wage is None:
        result.summary = f"二倍工资可以计算 {show(month_count)} 个月，还需要月工资才能算出金额"
        return result
    amount = money(wage * months)
    parts = [f"{show(wage)} × {months} = {show_money(amount)} 元"]
    if workdays:
        daily = money(wage / PAY_DAYS_PER_MONTH)
        part = money(daily * workdays)
        parts.append(
            f"不满一月部分：{show(wage)} ÷ 21.75 = {show_money(daily)} 元/天，{show_money(daily)} × {workdays} = {show_money(part)} 元"
        )
        amount = money(amount + part)
        parts.append(f"合计 {show_money(amount)} 元")
    result.formula.append("另付一倍工资：" + "；".join(parts))
    result.add_amount("double_wage_amount", "未签合同二倍工资（另付的一倍）", amount)
    result.summary = (
        f"另付 {show(month_count)} 个月工资，共 {show_money(amount)} 元（最多 {MAX_MONTHS} 个月）"
    )
    if inp.start_date is not None and last is not None:
        _limitation(result, last, ctx.today)
    else:
        result.notes.append(
            "仲裁时效：二倍工资一般应在二倍工资期间结束后一年内申请仲裁（各地算法不同），请尽早申请。"
        )
        result.cite(art(ARBITRATION, 27, 1))
    return result
