"""仲裁时效 (劳动争议调解仲裁法 第二十七条).

One year from the day the worker knew or should have known of the violation (第一款); interrupted by a
demand to the employer, a request to an authority for help, or the employer agreeing to pay, after
which the year starts again (第二款); suspended by force majeure or another good reason (第三款); unpaid
wages during employment are not time-barred, but must be claimed within one year after the
relationship ends (第四款). The last day is the same date a year later.

`days_left` (≤ 60 feeds the escalation policy) and `deadline_passed` are in `quantities`."""

from __future__ import annotations

from datetime import date

from assistant.tools import fields as f
from assistant.tools.base import ToolInput, ToolResult, art, cn_date
from assistant.tools.context import ToolContext
from assistant.tools.dates import add_years

NAME = "arbitration_deadline"
TITLE = "劳动仲裁时效"
DESCRIPTION = "根据知道权利受侵害、离职或最近一次讨要的日期，算出申请劳动仲裁的最后一天和剩余天数。"
LAW = "劳动争议调解仲裁法"
INTERP2 = "最高人民法院关于审理劳动争议案件适用法律问题的解释（二）"
NEAR_DAYS = 60
ARTICLES = (art(LAW, 27, 1), art(LAW, 27, 2), art(LAW, 27, 3), art(LAW, 27, 4), art(INTERP2, 20))
INTERRUPTIONS = (
    "向单位讨要过（当面、微信、短信、书面催告，留有记录）",
    "向劳动保障监察、工会、调解组织、信访等部门投诉或求助",
    "单位同意支付（写了欠条、承诺付款、部分付款）",
)


class ArbitrationDeadlineInput(ToolInput):
    knew_date: f.KnewDate = None
    end_date: f.EndDate = None
    interrupted_date: f.InterruptedDate = None
    unpaid_amount: f.UnpaidAmount = None
    unpaid_months: f.UnpaidMonths = None
    wage_claim: f.WageClaim = None
    today: f.Today = None


def set_deadline(
    result: ToolResult, deadline: date, today: date, near: int = NEAR_DAYS, counted_from: str = ""
) -> int:
    """Record the last day, the days left and whether it passed; a lawyer looks at near or passed ones.
    ``counted_from``: the event and day it runs from, said back to the worker with the deadline (a day
    misread from the message then shows instead of hiding behind 来得及)."""
    left = (deadline - today).days
    result.quantities["deadline"] = deadline.isoformat()
    if counted_from:
        result.quantities["deadline_from"] = counted_from
    result.quantities["days_left"] = left
    result.quantities["deadline_passed"] = left < 0
    if left <= near:
        result.see_lawyer = True
    return left


def arbitration_deadline(inp: ArbitrationDeadlineInput, ctx: ToolContext) -> ToolResult:
    ctx = ctx.on(inp.today)
    result = ToolResult(NAME, TITLE)
    result.cite(art(LAW, 27, 1))
    wage = inp.wage_claim
    if wage is None:
        wage = inp.unpaid_amount is not None or inp.unpaid_months is not None
        if wage:
            result.assumptions.append("请求是追讨被拖欠的工资（劳动报酬），按第二十七条第四款计算")
    start: date | None
    if wage:
        result.cite(art(LAW, 27, 4))
        if inp.end_date is None:
            result.summary = "还在职期间追讨拖欠的工资，不受一年仲裁时效的限制；离职后必须在一年内申请仲裁"
            result.formula.append(
                "劳动关系存续期间因拖欠劳动报酬发生争议的，不受一年时效限制；劳动关系终止的，自终止之日起一年内提出"
            )
            result.assumptions.append("没有填写离职日期，按还在职计算；已经离职的请填写离职日期")
            result.quantities["deadline_passed"] = False
            return result
        start, why = inp.end_date, f"劳动关系终止之日 {cn_date(inp.end_date)}"
    elif inp.knew_date is not None:
        start, why = inp.knew_date, f"知道或应当知道权利被侵害之日 {cn_date(inp.knew_date)}"
    elif inp.end_date is not None:
        start, why = inp.end_date, f"离职之日 {cn_date(inp.end_date)}"
        result.assumptions.append(
            "按离职之日为知道权利被侵害之日（如被辞退、离职时结算的争议）；更早知道的请填写知道的日期"
        )
    else:
        result.need("knew_date", "知道权利被侵害的日期（或离职日期）")
        result.formula.append("仲裁时效一年，从知道或应当知道权利被侵害之日起算；中断的从中断时起重新计算")
        result.summary = "还缺少起算日期"
        return result
    if inp.interrupted_date is not None and inp.interrupted_date > start:
        result.cite(art(LAW, 27, 2))
        start, why = (
            inp.interrupted_date,
            f"最近一次时效中断之日 {cn_date(inp.interrupted_date)}（从中断时起重新计算）",
        )
    deadline = add_years(start, 1)
    left = set_deadline(result, deadline, ctx.today, counted_from=why)
    result.formula.append(f"从{why}起算一年，最后一天是 {cn_date(deadline)}")
    result.notes.append("最后一天是法定节假日的，顺延到节假日后的第一个工作日。")
    if left >= 0:
        result.formula.append(f"今天是 {cn_date(ctx.today)}，还剩 {left} 天")
        result.summary = f"申请劳动仲裁的最后一天是 {cn_date(deadline)}，还剩 {left} 天"
        if left <= NEAR_DAYS:
            result.summary += "，时间很紧，请尽快申请（仲裁不收费，可以口头申请）"
    else:
        result.cite(art(LAW, 27, 2), art(LAW, 27, 3), art(INTERP2, 20))
        result.formula.append(f"今天是 {cn_date(ctx.today)}，已经过了 {-left} 天")
        result.summary = f"按这些日期，仲裁时效可能已在 {cn_date(deadline)} 届满"
        result.notes.append(
            "时效可能被中断而重新计算，想一想之后有没有："
            + "；".join(INTERRUPTIONS)
            + "。有的话，从最后一次起重新算一年。因不可抗力或其他正当理由不能申请的，时效中止。"
        )
        result.notes.append(
            "时效要由对方提出；对方在仲裁中没有提出的，之后在诉讼中再提不被支持（司法解释（二）第二十条）。"
            "所以即使可能过了时效，也可以先申请，并尽快咨询工会律师。"
        )
    return result
