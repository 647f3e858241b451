"""因工死亡待遇 (工伤保险条例 第三十九条、第四十一条、第六十二条; 人力资源社会保障部关于执行《工伤保险条例》若干问题的意见 十四).

- 丧葬补助金 = 6 × the area's previous-year average monthly wage (第三十九条第一款第（一）项);
- 供养亲属抚恤金: spouse 40 %, each other dependant 30 %, +10 % for a lone elderly person or an orphan,
  of the worker's wage, all together at most that wage (第（二）项);
- 一次性工亡补助金 = 20 × the national per-capita disposable income of urban residents of the year
  before the death (第（三）项) — the year before the death, whatever day the figure was published. When
  that figure is not yet published, the one of the year before may be used for now and the
  difference paid later (意见 十四)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from assistant.tools import fields as f
from assistant.tools.base import ToolInput, ToolResult, art, cn_date, dec, money, show, show_money, show_pct
from assistant.tools.context import ToolContext
from assistant.tools.data import newest_expected_year

NAME = "death_benefits"
TITLE = "因工死亡待遇"
DESCRIPTION = "计算丧葬补助金（6个月当地上年度平均工资）、供养亲属抚恤金和一次性工亡补助金（上一年度全国城镇居民人均可支配收入的20倍）。"
REG = "工伤保险条例"
OPINION = "人力资源社会保障部关于执行《工伤保险条例》若干问题的意见"
FUNERAL_MONTHS = Decimal(6)
LUMP_SUM_TIMES = Decimal(20)
SPOUSE, OTHER, LONE_EXTRA = Decimal("0.4"), Decimal("0.3"), Decimal("0.1")
ARTICLES = (
    art(REG, 39, 1, 1),
    art(REG, 39, 1, 2),
    art(REG, 39, 1, 3),
    art(REG, 41),
    art(REG, 62, 2),
    art(OPINION, 14),
)


class DeathBenefitsInput(ToolInput):
    death_date: f.DeathDate = None
    injury_date: f.InjuryDate = None
    standard_year: f.StandardYear = None
    monthly_wage: f.MonthlyWage = None
    province: f.Province = None
    city: f.City = None
    local_average_wage: f.LocalAverageWage = None
    dependants_spouse: f.DependantsSpouse = None
    dependants_other: f.DependantsOther = None
    dependants_lone: f.DependantsLone = None
    injury_insurance: f.InjuryInsurance = None
    today: f.Today = None


def _published_by(ctx: ToolContext, year: int, published_month: int | None) -> bool:
    """Whether an annual figure of `year` should be out by ctx.today."""
    if published_month is None:
        return True
    return (ctx.today.year, ctx.today.month) >= (year + 1, published_month)


def _funeral(inp: DeathBenefitsInput, ctx: ToolContext, result: ToolResult, died: date) -> None:
    result.cite(art(REG, 39, 1, 1))
    year = died.year - 1
    place = inp.city or inp.province or "统筹地区"
    average: Decimal | None = None
    label = ""
    if inp.local_average_wage is not None:
        average = dec(inp.local_average_wage)
        label = f"您填写的{place}{year}年职工月平均工资"
    else:
        row = ctx.tables.average_wage_for(inp.province, inp.city, year)
        table = ctx.tables.average_wage
        if row is None and not _published_by(ctx, year, table.meta.published_month):
            row = ctx.tables.average_wage_for(inp.province, inp.city, year - 1)
            if row is not None:
                result.cite(art(OPINION, 14))
                result.assumptions.append(
                    f"{place}{year}年职工月平均工资还没有公布，暂按{year - 1}年的数字计算，公布后重新核定并补发差额（意见十四）"
                )
        if row is not None:
            average = row.monthly
            label = f"{row.city}{row.year}年职工月平均工资"
            result.use(ctx.tables.used_average_wage(row))
    if average is None:
        result.need(
            "local_average_wage",
            f"{place}{year}年职工月平均工资",
            "丧葬补助金是当地上年度职工月平均工资的6倍",
        )
        result.formula.append(f"丧葬补助金 = {place}{year}年职工月平均工资 × 6")
        return
    funeral = money(average * FUNERAL_MONTHS)
    result.formula.append(f"丧葬补助金：{label} {show(average)} × 6 = {show_money(funeral)} 元")
    result.add_amount("funeral_allowance", "丧葬补助金", funeral)


# The 20-times rule came with the 2010 revision, in force from this day; a death before it is under the
# 2003 text (48 to 60 months of the area's average wage), which the tables here do not serve.
TWENTY_TIMES_FROM = date(2011, 1, 1)


def _lump_sum(ctx: ToolContext, result: ToolResult, died: date) -> None:
    result.cite(art(REG, 39, 1, 3))
    year = died.year - 1
    if died < TWENTY_TIMES_FROM:
        result.formula.append(
            "一次性工亡补助金：2011年1月1日以前的工亡适用当时的《工伤保险条例》（48至60个月的统筹地区上年度职工月平均工资），"
            "不是现在的“20倍”标准，具体数额请工会律师按当时的规定核定"
        )
        result.quantities["death_lump_sum_old_rule"] = True
        return
    row = ctx.tables.national_income(year)
    provisional = False
    meta = ctx.tables.income.meta
    expected = newest_expected_year(meta, ctx.today)
    if row is None and expected is not None and year > expected:
        # Not published yet on the day of the calculation: 意见 十四 allows the year before for now.
        row = ctx.tables.national_income(year - 1)
        provisional = row is not None
    if row is None:
        # Never another year's figure in its place: the formula with the year it needs.
        result.need(
            "national_urban_income",
            f"{year}年全国城镇居民人均可支配收入（国家统计局公布）",
            f"系统没有{year}年的这个数字，不能拿别的年份的数字代替；可以向当地社保经办机构问",
        )
        result.formula.append(f"一次性工亡补助金 = {year}年全国城镇居民人均可支配收入 × 20")
        return
    result.use(ctx.tables.used_income(row))
    amount = money(row.value * LUMP_SUM_TIMES)
    result.formula.append(
        f"一次性工亡补助金：{row.year}年全国城镇居民人均可支配收入 {show(row.value)} × 20 = {show_money(amount)} 元"
    )
    if provisional:
        result.cite(art(OPINION, 14))
        result.assumptions.append(
            f"死亡日期是 {cn_date(died)}，应按{year}年的数字计算；该数字尚未公布，暂按{row.year}年的数字核定，"
            "公布后重新核定并补发差额（意见十四）"
        )
    result.add_amount("death_lump_sum", "一次性工亡补助金", amount)
    # The year of the figure, so an answer names it (a death years ago is not priced with this year's).
    result.quantities["death_income_year"] = row.year


def _pension(inp: DeathBenefitsInput, result: ToolResult) -> None:
    result.cite(art(REG, 39, 1, 2))
    rates_text = "配偶每月 40%，其他亲属每人每月 30%，孤寡老人或孤儿每人再加 10%，合计不超过职工生前工资"
    known = inp.dependants_spouse is not None or inp.dependants_other is not None
    if not known:
        if inp.monthly_wage is not None:
            # Who counts as a dependant is not told: each share with the worker's own wage.
            wage = dec(inp.monthly_wage)
            spouse_share, other_share = money(wage * SPOUSE), money(wage * OTHER)
            result.formula.append(
                f"供养亲属抚恤金（每月）：配偶 {show(wage)} × 40% = {show_money(spouse_share)} 元，"
                f"其他供养亲属每人 {show(wage)} × 30% = {show_money(other_share)} 元"
                f"（孤寡老人或孤儿每人再加 10%），合计不超过 {show_money(wage)} 元"
            )
            result.quantities["survivor_pension_spouse"] = float(spouse_share)
            result.quantities["survivor_pension_other"] = float(other_share)
        else:
            result.formula.append(f"供养亲属抚恤金（每月）= 职工本人工资 × 比例（{rates_text}）")
        result.notes.append(
            "供养亲属是靠死者生前提供主要生活来源、没有劳动能力的亲属；填写供养亲属情况后可以算出每月抚恤金。"
        )
        return
    spouse = bool(inp.dependants_spouse)
    others = inp.dependants_other or 0
    lone = min(inp.dependants_lone or 0, others)
    rate = (SPOUSE if spouse else Decimal(0)) + OTHER * others + LONE_EXTRA * lone
    parts = ([f"配偶 {show_pct(SPOUSE)}"] if spouse else []) + (
        [f"其他亲属 {others} 人 × 30%"] if others else []
    )
    if lone:
        parts.append(f"孤寡老人或孤儿 {lone} 人 × 10%")
    if rate == 0:
        result.formula.append("没有符合条件的供养亲属，不发供养亲属抚恤金")
        return
    capped = min(rate, Decimal(1))
    text = " + ".join(parts) + f" = {show_pct(rate)}" + ("，合计不超过 100%" if rate > 1 else "")
    if inp.monthly_wage is None:
        result.formula.append(f"供养亲属抚恤金比例：{text}；每月金额 = 职工本人工资 × {show_pct(capped)}")
        result.need("monthly_wage", "职工生前的月工资（本人工资）")
        return
    wage = dec(inp.monthly_wage)
    pension = money(wage * capped)
    result.formula.append(
        f"供养亲属抚恤金（每月）：{text}；{show(wage)} × {show_pct(capped)} = {show_money(pension)} 元"
    )
    result.add_amount("survivor_pension_monthly", "供养亲属抚恤金（每月合计）", pension, "元/月")


def death_benefits(inp: DeathBenefitsInput, ctx: ToolContext) -> ToolResult:
    ctx = ctx.on(inp.today)
    result = ToolResult(NAME, TITLE, see_lawyer=True)
    result.notes.append(
        "因工死亡的案件请尽快联系工会律师（或拨打 12351）：在签署任何赔偿协议之前先请律师看一看，"
        "不要在没弄清法定待遇之前签字。"
    )
    if inp.injury_insurance is False:
        result.cite(art(REG, 62, 2))
        result.notes.append(
            "单位没有参加工伤保险的，这些待遇由单位按同样的项目和标准支付（第六十二条第二款）。"
        )
    if inp.death_date is None:
        result.need("death_date", "死亡日期（决定用哪一年的数字）")
        result.cite(art(REG, 39, 1, 1), art(REG, 39, 1, 2), art(REG, 39, 1, 3))
        result.formula.append("丧葬补助金 = 当地上年度职工月平均工资 × 6")
        # The year decides the figure, not the day: the lump sum for a death in the accident's year (or
        # this year), said as that condition — never a death date the family did not give.
        # Session 24: the year whose standard is asked (2018年…工亡补助金是多少) stands for that year.
        assumed = inp.injury_date or (date(inp.standard_year, 12, 31) if inp.standard_year else ctx.today)
        probe = ToolResult(NAME, TITLE)
        _lump_sum(ctx, probe, date(assumed.year, 12, 31) if inp.injury_date is None else assumed)
        if "death_lump_sum" in probe.quantities:
            result.quantities["death_lump_sum_if_year"] = probe.quantities["death_lump_sum"]
            result.quantities["death_year_assumed"] = assumed.year
            result.formula.append(f"如果是{assumed.year}年去世的，" + probe.formula[-1])
            for row in probe.data_used:
                result.use(row)
            result.assumptions.extend(a for a in probe.assumptions if a not in result.assumptions)
        else:
            result.formula.append("一次性工亡补助金 = 上一年度全国城镇居民人均可支配收入 × 20")
        _pension(inp, result)
        result.summary = "还缺少死亡日期"
        return result
    _funeral(inp, ctx, result, inp.death_date)
    _lump_sum(ctx, result, inp.death_date)
    _pension(inp, result)
    result.cite(art(REG, 41))
    result.notes.append(
        "因工外出或抢险救灾中下落不明的，从事故当月起3个月内照发工资，之后按月发供养亲属抚恤金，生活困难的可以预支一次性工亡补助金的 50%（第四十一条）。"
    )
    parts = [f"{a.label} {show_money(a.value)} {a.unit}" for a in result.amounts]
    result.summary = "；".join(parts) if parts else "见下面的计算方法"
    return result
