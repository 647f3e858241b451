"""不服仲裁裁决起诉的期限 (劳动争议调解仲裁法 第四十八条、第四十九条、第五十条).

A worker who disagrees with an award may sue within 15 days of receiving it (第四十八条 for final
awards, 第五十条 for the others); an employer may apply to set a final award aside within 30 days
(第四十九条); a non-final award not challenged in 15 days takes effect (第五十条)."""

from __future__ import annotations

from datetime import timedelta

from assistant.tools import fields as f
from assistant.tools.arbitration_deadline import set_deadline
from assistant.tools.base import ToolInput, ToolResult, art, cn_date
from assistant.tools.context import ToolContext

NAME = "lawsuit_deadline"
TITLE = "不服仲裁裁决起诉的期限"
DESCRIPTION = "收到仲裁裁决书之日起15日内可以向人民法院起诉，算出最后一天和剩余天数。"
LAW = "劳动争议调解仲裁法"
DAYS = 15
NEAR_DAYS = 15  # the whole period is short: any open one goes to a lawyer
ARTICLES = (art(LAW, 48), art(LAW, 49, 1), art(LAW, 50))


class LawsuitDeadlineInput(ToolInput):
    award_date: f.AwardDate = None
    today: f.Today = None


def lawsuit_deadline(inp: LawsuitDeadlineInput, ctx: ToolContext) -> ToolResult:
    ctx = ctx.on(inp.today)
    result = ToolResult(NAME, TITLE)
    result.cite(art(LAW, 48), art(LAW, 50))
    if inp.award_date is None:
        result.need("award_date", "收到仲裁裁决书的日期")
        result.formula.append("收到仲裁裁决书之日起15日内向人民法院起诉")
        result.summary = "还缺少收到裁决书的日期"
        return result
    deadline = inp.award_date + timedelta(days=DAYS)
    left = set_deadline(result, deadline, ctx.today, NEAR_DAYS, f"收到裁决书之日 {cn_date(inp.award_date)}")
    result.formula.append(
        f"收到裁决书 {cn_date(inp.award_date)}，次日起算15日，最后一天是 {cn_date(deadline)}"
    )
    result.notes.append("最后一天是法定节假日的，顺延到节假日后的第一个工作日。")
    if left >= 0:
        result.summary = f"不服裁决向法院起诉的最后一天是 {cn_date(deadline)}，还剩 {left} 天"
    else:
        result.summary = (
            f"起诉期限已在 {cn_date(deadline)} 届满（已过 {-left} 天）；不起诉的非终局裁决已发生法律效力"
        )
    result.cite(art(LAW, 49, 1))
    result.notes.append(
        "终局裁决对劳动者不服的可以起诉，用人单位只能在收到裁决书30日内向中级人民法院申请撤销（第四十九条）；"
        "裁决生效后单位不履行的，可以向法院申请强制执行。"
    )
    return result
