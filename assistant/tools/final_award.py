"""终局裁决 (劳动争议调解仲裁法 第四十七条; 劳动人事争议仲裁办案规则 第五十条; 劳动争议司法解释（一） 第十九条).

An award is final for claims of wages, work-injury medical costs, 经济补偿 or 赔偿金 when each item is
no more than 12 months of the local monthly minimum wage, and for disputes over national standards of
working time, rest and leave, and social insurance (第四十七条). Items are judged one by one (办案规则
第五十条; 解释（一） 第十九条). A final award binds the employer: it can only ask the intermediate court to
set it aside; the worker may still sue."""

from __future__ import annotations

from decimal import Decimal

from assistant.tools import fields as f
from assistant.tools.base import ToolInput, ToolResult, art, dec, money, show, show_money
from assistant.tools.context import ToolContext, ask_minimum_wage, minimum_wage

NAME = "final_award"
TITLE = "是否终局裁决"
DESCRIPTION = "单项请求不超过当地月最低工资标准12个月金额的（追索工资、工伤医疗费、经济补偿或赔偿金），仲裁裁决为终局裁决。"
LAW = "劳动争议调解仲裁法"
RULES = "劳动人事争议仲裁办案规则"
INTERP1 = "最高人民法院关于审理劳动争议案件适用法律问题的解释（一）"
MONTHS = Decimal(12)
ARTICLES = (
    art(LAW, 47, None, 1),
    art(LAW, 47, None, 2),
    art(LAW, 48),
    art(LAW, 49, 1),
    art(RULES, 50),
    art(INTERP1, 19),
)


class FinalAwardInput(ToolInput):
    claim_amount: f.ClaimAmount = None
    unpaid_amount: f.UnpaidAmount = None
    province: f.Province = None
    city: f.City = None
    today: f.Today = None


def final_award(inp: FinalAwardInput, ctx: ToolContext) -> ToolResult:
    ctx = ctx.on(inp.today)
    result = ToolResult(NAME, TITLE)
    result.cite(art(LAW, 47, None, 1), art(LAW, 47, None, 2), art(RULES, 50))
    result.notes.append(
        "工作时间、休息休假、社会保险等执行国家劳动标准的争议，不论金额都是终局裁决（第四十七条第（二）项）。"
        "终局裁决：劳动者不服仍可在15日内起诉，用人单位只能申请撤销（第四十八条、第四十九条）。"
    )
    result.cite(art(LAW, 48), art(LAW, 49, 1))
    amount = inp.claim_amount if inp.claim_amount is not None else inp.unpaid_amount
    if inp.claim_amount is None and inp.unpaid_amount is not None:
        result.assumptions.append("按被拖欠的工资作为一项请求的金额")
    floor, found = minimum_wage(ctx, result, inp.province, inp.city, ctx.today)
    if floor is not None:
        threshold = money(floor * MONTHS)
        result.formula.append(
            f"终局裁决的金额上限：当地月最低工资标准 {show(floor)} × 12 = {show_money(threshold)} 元（每一项请求分别比较）"
        )
        result.quantities["final_award_threshold"] = float(threshold)
        if amount is None:
            result.need("claim_amount", "一项仲裁请求的金额")
            result.summary = f"每一项请求不超过 {show_money(threshold)} 元的，裁决是终局裁决"
            return result
        final = dec(amount) <= threshold
        result.quantities["final_award"] = final
        result.cite(art(INTERP1, 19))
        verdict = "不超过" if final else "超过"
        result.formula.append(f"请求金额 {show(amount)} 元{verdict} {show_money(threshold)} 元")
        result.summary = (
            f"这项请求 {show(amount)} 元{verdict}当地月最低工资标准12个月的金额 {show_money(threshold)} 元，"
            + ("裁决为终局裁决" if final else "不是终局裁决，双方不服都可以起诉")
        )
        return result
    if found.tiers:
        low, high = found.lowest, found.highest
        assert low is not None and high is not None
        lo, hi = money(low.monthly * MONTHS), money(high.monthly * MONTHS)
        for row in found.tiers:
            result.use(ctx.tables.used_minimum_wage(row, ctx.today))
        result.formula.append(
            f"{found.province}最低工资按县（市、区）分档，12个月金额在 {show_money(lo)} 元到 {show_money(hi)} 元之间"
        )
        result.need("city", "工作所在的县（市、区），以确定最低工资标准的档次")
        if amount is not None:
            a = dec(amount)
            if a <= lo:
                result.quantities["final_award"] = True
                result.summary = f"请求金额 {show(amount)} 元不超过各档的12个月金额，是终局裁决"
                result.missing.clear()
            elif a > hi:
                result.quantities["final_award"] = False
                result.summary = f"请求金额 {show(amount)} 元超过各档的12个月金额，不是终局裁决"
                result.missing.clear()
            else:
                result.summary = "是否终局裁决取决于所在县（市、区）的最低工资档次"
        else:
            result.need("claim_amount", "一项仲裁请求的金额")
            result.summary = "是否终局裁决取决于请求金额和所在地的最低工资标准"
        return result
    ask_minimum_wage(result, inp.province, inp.city)
    result.formula.append("终局裁决的金额上限 = 当地月最低工资标准 × 12（每一项请求分别比较）")
    result.summary = "还缺少工作地点（决定最低工资标准）"
    return result
