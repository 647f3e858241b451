"""工伤认定申请时限 (工伤保险条例 第十七条、第二十条).

The employer applies within 30 days of the accident (or of the occupational-disease diagnosis); if it
does not, the worker, the family or the union may apply within one year (第十七条第一款、第二款), and
the costs of the employer's delay are the employer's (第四款). The decision comes within 60 days of
acceptance, 15 when the facts are clear (第二十条)."""

from __future__ import annotations

from datetime import timedelta

from assistant.tools import fields as f
from assistant.tools.arbitration_deadline import set_deadline
from assistant.tools.base import ToolInput, ToolResult, art, cn_date
from assistant.tools.context import ToolContext
from assistant.tools.dates import add_years

NAME = "injury_recognition_deadline"
TITLE = "工伤认定申请时限"
DESCRIPTION = "单位应在受伤后30日内申请工伤认定；单位不申请的，职工、近亲属或工会在一年内可以直接申请。"
REG = "工伤保险条例"
EMPLOYER_DAYS = 30
ARTICLES = (
    art(REG, 17, 1),
    art(REG, 17, 2),
    art(REG, 17, 4),
    art(REG, 19, 2),
    art(REG, 20, 1),
    art(REG, 20, 2),
)
WHO = {"worker": "职工本人", "family": "近亲属", "union": "工会组织", "employer": "用人单位"}


class InjuryRecognitionDeadlineInput(ToolInput):
    injury_date: f.InjuryDate = None
    asker: f.Asker = None
    today: f.Today = None


def injury_recognition_deadline(inp: InjuryRecognitionDeadlineInput, ctx: ToolContext) -> ToolResult:
    ctx = ctx.on(inp.today)
    result = ToolResult(NAME, TITLE)
    result.cite(art(REG, 17, 1), art(REG, 17, 2))
    if inp.injury_date is None:
        result.need("injury_date", "受伤日期（或被诊断、鉴定为职业病的日期）")
        result.formula.append("用人单位：事故伤害发生之日起30日内；职工、近亲属、工会：1年内")
        result.summary = "还缺少受伤日期"
        return result
    hurt = inp.injury_date
    employer_last = hurt + timedelta(days=EMPLOYER_DAYS)
    worker_last = add_years(hurt, 1)
    result.quantities["employer_deadline"] = employer_last.isoformat()
    result.formula.append(
        f"用人单位应在 {cn_date(employer_last)} 之前申请（受伤之日 {cn_date(hurt)} 起30日内）"
    )
    result.formula.append(f"单位没申请的，职工、近亲属或工会最迟 {cn_date(worker_last)} 申请（1年内）")
    asker = inp.asker or "worker"
    if inp.asker is None:
        result.assumptions.append("按职工本人（或近亲属、工会）申请计算")
    deadline = employer_last if asker == "employer" else worker_last
    left = set_deadline(result, deadline, ctx.today, counted_from=f"受伤之日 {cn_date(hurt)}")
    who = WHO[asker]
    if left >= 0:
        result.summary = f"{who}申请工伤认定的最后一天是 {cn_date(deadline)}，还剩 {left} 天"
    else:
        result.summary = f"{who}申请工伤认定的期限可能已在 {cn_date(deadline)} 届满（已过 {-left} 天）"
        result.notes.append(
            "超过期限的，请尽快咨询工会律师：有正当理由（如单位隐瞒、劳动关系仲裁中）时可能另有处理。"
        )
    if asker != "employer" and ctx.today > employer_last:
        result.cite(art(REG, 17, 4))
        result.notes.append(
            "单位没有在30日内申请的，在此期间发生的工伤待遇等费用由单位负担（第十七条第四款）。"
        )
    result.cite(art(REG, 19, 2), art(REG, 20, 1))
    result.notes.append(
        "向用人单位所在地的社会保险行政部门（人社局）申请；单位不认为是工伤的，由单位承担举证责任（第十九条第二款）；"
        "受理后60日内作出决定，事实清楚的15日内（第二十条）。"
    )
    return result
