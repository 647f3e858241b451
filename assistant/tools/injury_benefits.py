"""工伤伤残待遇 by grade (工伤保险条例 第三十三条 to 第三十七条, 第六十二条, 第六十四条).

一次性伤残补助金 in months of 本人工资 (grades 1–10: 27, 25, 23, 21, 18, 16, 13, 11, 9, 7); 伤残津贴 for
grades 1–4 (90/85/80/75 %, from the fund) and 5–6 (70/60 %, from the employer when it cannot arrange
work), topped up to the local minimum wage; for grades 5–10 the 一次性工伤医疗补助金 and 一次性伤残就业补助金
on leaving, whose amounts each province sets (corpus/data/injury_lump_sums.toml); 停工留薪期 with the
wage unchanged. 本人工资 is the average monthly contribution wage of the 12 months before the injury,
bounded to 60–300 % of the area's average wage (第六十四条第二款)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from assistant.tools import fields as f
from assistant.tools.base import (
    PAY_DAYS_PER_MONTH,
    ArticleRef,
    ToolInput,
    ToolResult,
    art,
    dec,
    money,
    show,
    show_money,
    show_pct,
)
from assistant.tools.context import ToolContext, minimum_wage

NAME = "injury_benefits"
TITLE = "工伤伤残待遇"
DESCRIPTION = "按伤残等级计算一次性伤残补助金、伤残津贴，说明停工留薪期和离职时的两项一次性补助金（有省级标准时算出金额）。"
REG = "工伤保险条例"
LUMP_SUM_MONTHS = {1: 27, 2: 25, 3: 23, 4: 21, 5: 18, 6: 16, 7: 13, 8: 11, 9: 9, 10: 7}
ALLOWANCE_RATE = {
    1: Decimal("0.9"),
    2: Decimal("0.85"),
    3: Decimal("0.8"),
    4: Decimal("0.75"),
    5: Decimal("0.7"),
    6: Decimal("0.6"),
}
LOW, HIGH = Decimal("0.6"), Decimal("3")
ARTICLES = (
    art(REG, 33, 1),
    art(REG, 33, 2),
    art(REG, 34),
    art(REG, 35, 1, 1),
    art(REG, 35, 1, 2),
    art(REG, 36, 1, 1),
    art(REG, 36, 1, 2),
    art(REG, 36, 2),
    art(REG, 37, None, 1),
    art(REG, 37, None, 2),
    art(REG, 62, 2),
    art(REG, 64, 2),
)


class InjuryBenefitsInput(ToolInput):
    disability_grade: f.DisabilityGrade = None
    death: f.Death = None
    monthly_wage: f.MonthlyWage = None
    average_monthly_wage: f.AverageMonthlyWage = None
    daily_wage: f.DailyWage = None
    injury_date: f.InjuryDate = None
    injury_insurance: f.InjuryInsurance = None
    province: f.Province = None
    city: f.City = None
    local_average_wage: f.LocalAverageWage = None
    stoppage_months: f.StoppageMonths = None


def _article(grade: int, item: int) -> ArticleRef:
    if grade <= 4:
        return art(REG, 35, 1, item)
    if grade <= 6:
        return art(REG, 36, 1, item)
    return art(REG, 37, None, item)


def _stoppage(inp: InjuryBenefitsInput, result: ToolResult) -> None:
    """The months off told (停工留薪期): the original wage for each, paid monthly by the employer (第三十三条
    第一款) — the wage itself, not 本人工资 bounded by the average, since the wage is kept unchanged."""
    if inp.stoppage_months is None:
        return
    months = dec(inp.stoppage_months)
    result.quantities["stoppage_months"] = float(months)
    wage = inp.monthly_wage if inp.monthly_wage is not None else inp.average_monthly_wage
    if wage is None:
        result.formula.append(
            f"停工留薪期工资 = 原月工资 × {show(months)}（原工资福利待遇不变，第三十三条第一款）"
        )
        return
    amount = money(dec(wage) * months)
    result.formula.append(
        f"停工留薪期工资：{show(dec(wage))} × {show(months)} = {show_money(amount)} 元"
        "（原工资福利待遇不变，由单位按月支付，第三十三条第一款）"
    )
    result.add_amount("stoppage_wages", "停工留薪期工资", amount)
    if months > 12:
        result.cite(art(REG, 33, 2))
        result.notes.append(
            "停工留薪期一般不超过12个月，超过的要经设区的市级劳动能力鉴定委员会确认延长（第三十三条第二款）。"
        )


def _lowest_minimum_wage(ctx: ToolContext, province: str | None, on: date) -> Decimal | None:
    """The lowest monthly minimum wage in force on a day: the province's lowest tier, or every province's when the
    province is untold or has no row."""
    tables = ctx.tables
    provinces = [province] if province else sorted({r.province for r in tables.minimum_wage.rows})
    tiers = [row.monthly for p in provinces for row in tables.minimum_wages(p, on)]
    if not tiers and province:
        return _lowest_minimum_wage(ctx, None, on)
    return min(tiers) if tiers else None


def _national_reference(wage: Decimal, on: date, ctx: ToolContext, result: ToolResult) -> None:
    """Session 30 (a level reader's harm: 十级，月薪2000 headlined 约14000元): with no average wage for the worker's area, a
    wage below 60 % of the national private-unit average (the lowest national average; an area's average counts every
    unit) is very likely below the area's floor — the answer puts the floor forward, naming this reference."""
    row = ctx.tables.newest_private_wage(on)
    if row is None:
        return
    monthly = money(row.value / 12)
    reference = money(monthly * LOW)
    if wage >= reference:
        return
    result.use(ctx.tables.used_private_wage(row))
    result.quantities["wage_maybe_below_floor"] = True
    result.quantities["private_wage_year"] = float(row.year)
    # Whole yuan in the sentence the worker reads (约5790元); the formula keeps the cents.
    result.quantities["private_wage_monthly"] = float(round(monthly))
    result.quantities["private_wage_floor"] = float(round(reference))
    result.formula.append(
        f"您说的工资 {show(wage)} 元低于{row.year}年全国城镇私营单位月平均工资（约 {show_money(monthly)} 元）的 60%"
        f"（{show_money(reference)} 元），很可能低于当地职工平均工资的 60%；低于的，本人工资按当地职工平均工资的 60% 计算，"
        "下面按您说的工资算出的是最少的数"
    )


def injury_benefits(inp: InjuryBenefitsInput, ctx: ToolContext) -> ToolResult:
    result = ToolResult(NAME, TITLE)
    result.cite(art(REG, 33, 1), art(REG, 33, 2))
    result.notes.append(
        "停工留薪期（一般不超过12个月，经鉴定委员会确认最多再延长12个月）内原工资福利待遇不变，由单位按月支付（第三十三条）；"
        "评定伤残等级后停发原待遇，改享受伤残待遇。"
    )
    if inp.injury_insurance is False:
        result.cite(art(REG, 62, 2))
        result.notes.append(
            "单位没有参加工伤保险的，以下各项待遇全部由单位按同样的项目和标准支付（第六十二条第二款）。"
        )
    _stoppage(inp, result)
    grade = inp.disability_grade
    if grade is None:
        result.need("disability_grade", "伤残等级（劳动能力鉴定结论，1 到 10 级）")
        result.cite(art(REG, 35, 1, 1), art(REG, 36, 1, 1), art(REG, 37, None, 1))
        wage = inp.average_monthly_wage if inp.average_monthly_wage is not None else inp.monthly_wage
        if wage is None or inp.death:
            # A death is not graded (工伤保险条例 39): no tariff rows for the family to misread as theirs.
            result.formula.append(
                "一次性伤残补助金 = 本人工资 × 月数（1级27个月、2级25、3级23、4级21、5级18、6级16、7级13、8级11、9级9、10级7）"
            )
        else:
            # Which grade the 鉴定 gives is not ours to guess: every row of the tariff with the worker's
            # own wage, so the figure of the grade that comes is already there.
            base = dec(wage)
            rows = [(g, money(base * LUMP_SUM_MONTHS[g])) for g in sorted(LUMP_SUM_MONTHS, reverse=True)]
            result.formula.append(
                f"一次性伤残补助金按本人工资 {show(base)} 元算，各级分别是："
                + "，".join(f"{g}级{LUMP_SUM_MONTHS[g]}个月 {show_money(v)} 元" for g, v in rows)
            )
            result.quantities["disability_lump_sum_grade10"] = float(rows[0][1])
            result.quantities["disability_lump_sum_grade1"] = float(rows[-1][1])
            result.assumptions.append(
                "本人工资按您说的工资计算；规定是受伤前12个月的平均月缴费工资，低于当地职工平均工资60%的按60%、"
                "高于300%的按300%算（第六十四条第二款）"
            )
            result.cite(art(REG, 64, 2))
        result.summary = "还缺少伤残等级（需要先做劳动能力鉴定）"
        return result
    months = Decimal(LUMP_SUM_MONTHS[grade])
    result.cite(_article(grade, 1))
    result.quantities["disability_lump_sum_months"] = float(months)
    if grade <= 4:
        result.see_lawyer = True

    on = inp.injury_date or ctx.today
    wage: Decimal | None = None
    told = inp.average_monthly_wage if inp.average_monthly_wage is not None else inp.monthly_wage
    if told is None and inp.daily_wage is not None:
        # Session 30 (a level reader: 日工资110元 and a grade got no figure): a day's pay told is a month's at 21.75 pay
        # days (the conversion 劳社部发〔2008〕3号 sets for wages) — the least the month's pay can be for a full month.
        told = money(dec(inp.daily_wage) * PAY_DAYS_PER_MONTH)
        result.formula.append(
            f"月工资：日工资 {show(dec(inp.daily_wage))} × 21.75（每月计薪天数）= {show_money(told)} 元"
        )
    if told is not None:
        wage = dec(told)
        result.assumptions.append(
            "本人工资按您填写的工资计算；规定是受伤前12个月的平均月缴费工资（第六十四条第二款）"
        )
        result.cite(art(REG, 64, 2))
        average: Decimal | None = None
        if inp.local_average_wage is not None:
            average = dec(inp.local_average_wage)
        else:
            row = ctx.tables.average_wage_for(inp.province, inp.city, on.year - 1)
            if row is not None:
                average = row.monthly
                result.use(ctx.tables.used_average_wage(row))
        if average is not None:
            low, high = money(average * LOW), money(average * HIGH)
            if wage < low:
                result.formula.append(
                    f"本人工资 {show(wage)} 元低于当地职工平均工资 {show(average)} 元的 60%，按 {show_money(low)} 元计算"
                )
                wage = low
            elif wage > high:
                result.formula.append(
                    f"本人工资 {show(wage)} 元高于当地职工平均工资 {show(average)} 元的 300%，按 {show_money(high)} 元计算"
                )
                wage = high
        else:
            result.assumptions.append(
                "本人工资低于当地职工平均工资 60% 的按 60% 计算、高于 300% 的按 300% 计算；没有当地数据，未核对"
            )
            # Session 27 (a check reader: 十级，工资1200 headlined 约8400元): a wage below every minimum wage in force where
            # the worker is (or anywhere, the place untold) is surely below 60 % of any city's average wage, so the
            # figure at that wage understates the lump sum; the answer says so instead of leading with it.
            lowest = _lowest_minimum_wage(ctx, inp.province, on)
            if lowest is not None and wage < lowest:
                result.quantities["wage_below_floor"] = True
                result.formula.append(
                    f"您说的工资 {show(wage)} 元低于最低工资标准（{show(lowest)} 元），肯定低于当地职工平均工资的 60%，"
                    "本人工资应按当地职工平均工资的 60% 计算，下面按您说的工资算出的数偏低"
                )
            else:
                _national_reference(wage, on, ctx, result)
    else:
        result.need("average_monthly_wage", "本人工资（受伤前12个月的平均月缴费工资，或月工资）")

    if wage is not None:
        lump = money(wage * months)
        result.formula.append(
            f"一次性伤残补助金：{show(wage)} × {show(months)} = {show_money(lump)} 元（{grade}级伤残 {show(months)} 个月）"
        )
        result.add_amount("disability_lump_sum", "一次性伤残补助金", lump)
    else:
        result.formula.append(f"一次性伤残补助金 = 本人工资 × {show(months)}（{grade}级伤残）")

    if grade in ALLOWANCE_RATE:
        floor, _ = minimum_wage(ctx, result, inp.province, inp.city, ctx.today)
        rate = ALLOWANCE_RATE[grade]
        result.cite(_article(grade, 2))
        result.quantities["disability_allowance_rate"] = float(rate)
        payer = "工伤保险基金" if grade <= 4 else "用人单位（难以安排工作时）"
        if wage is not None:
            allowance = money(wage * rate)
            line = (
                f"伤残津贴（每月，{payer}支付）：{show(wage)} × {show_pct(rate)} = {show_money(allowance)} 元"
            )
            if floor is not None and allowance < floor:
                line += f"，低于当地最低工资标准 {show(floor)} 元，补足到 {show(floor)} 元"
                allowance = money(floor)
            elif floor is None:
                result.assumptions.append("伤残津贴低于当地最低工资标准的要补足差额；没有当地标准，未核对")
            result.formula.append(line)
            result.add_amount("disability_allowance", "伤残津贴（每月）", allowance, "元/月")
        if grade <= 4:
            result.notes.append(
                "1至4级伤残保留劳动关系、退出工作岗位，按月领取伤残津贴，到退休年龄后享受养老保险待遇。"
            )
        else:
            result.notes.append(
                "5、6级伤残保留劳动关系，由单位安排适当工作；本人提出可以解除或终止劳动关系，领取两项一次性补助金。"
            )

    if grade >= 5:
        result.cite(art(REG, 36, 2) if grade <= 6 else art(REG, 37, None, 2))
        when = "本人提出解除或终止劳动关系时" if grade <= 6 else "劳动合同期满终止或本人提出解除劳动合同时"
        province = inp.province or ctx.tables.province_of(inp.city)
        row = ctx.tables.injury_lump_sum(province, grade, on) if province else None
        if row is None:
            place = f"{province}省" if province else "所在省份"
            result.notes.append(
                f"{when}，还有一次性工伤医疗补助金（工伤保险基金支付）和一次性伤残就业补助金（单位支付），"
                f"标准由省级人民政府规定；系统没有{place}的标准，请查当地规定或咨询工会律师。"
            )
            if not province:
                result.need("province", "工作所在的省份（两项一次性补助金按省里的标准）")
        else:
            base_wage = wage if row.base == "本人工资" else None
            if row.base != "本人工资":
                row_avg = ctx.tables.average_wage_for(province, inp.city, on.year - 1)
                if inp.local_average_wage is not None:
                    base_wage = dec(inp.local_average_wage)
                elif row_avg is not None:
                    base_wage = row_avg.monthly
                    result.use(ctx.tables.used_average_wage(row_avg))
            # The province's standard is named by its source wherever its figures are stated.
            result.quantities["lump_sum_source"] = row.source_name
            for what, label, qty, n in (
                ("medical", "一次性工伤医疗补助金", "medical_lump_sum", row.medical_months),
                ("employment", "一次性伤残就业补助金", "employment_lump_sum", row.employment_months),
            ):
                if n is None:
                    continue
                result.quantities[f"{qty}_months"] = float(n)
                result.use(ctx.tables.used_lump_sum(row, what))  # type: ignore[arg-type]
                if base_wage is None:
                    result.formula.append(f"{label} = {row.base} × {show(n)}（{province}{grade}级）")
                    continue
                amount = money(base_wage * n)
                result.formula.append(
                    f"{label}：{show(base_wage)} × {show(n)} = {show_money(amount)} 元（{province}标准，{row.base}）"
                )
                result.add_amount(qty, label, amount)
            result.notes.append(
                f"{when}，领取一次性工伤医疗补助金（工伤保险基金支付）和一次性伤残就业补助金（单位支付）。"
            )

    result.cite(art(REG, 34))
    result.notes.append(
        "经鉴定需要生活护理的，另按月领取生活护理费：统筹地区上年度职工月平均工资的 50%、40% 或 30%（第三十四条）。"
    )
    lump_text = (
        f"一次性伤残补助金 {show_money(money(wage * months))} 元"
        if wage is not None
        else f"一次性伤残补助金 {show(months)} 个月本人工资"
    )
    result.summary = f"{grade}级伤残：{lump_text}"
    if "disability_allowance" in result.quantities:
        result.summary += f"，伤残津贴每月 {result.quantities['disability_allowance']:.2f} 元"
    return result
