"""经济补偿 N and N+1 (劳动合同法 第四十六条、第四十七条; 实施条例 第二十条、第二十七条; 第九十七条 for
service before 2008).

N: one month's wage for each full year of service; six months or more of a started year count as a
year, less than six months as half a month (第四十七条第一款). The monthly wage is the average of the
12 months before the end (第三款; 实施条例 第二十七条: 应得工资 with bonuses and allowances, fewer months
when the worker worked fewer, never below the local minimum wage). Where it exceeds three times the
city's previous-year average monthly wage, the base is three times that average and the years are
capped at twelve (第二款). +1: a dismissal under 第四十条 without 30 days' written notice adds one
month's wage, at the previous month's rate (实施条例 第二十条)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from assistant.tools import fields as f
from assistant.tools.base import ArticleRef, ToolInput, ToolResult, art, cn_date, dec, money, show, show_money
from assistant.tools.context import ToolContext, minimum_wage
from assistant.tools.dates import Span, span

NAME = "severance"
TITLE = "经济补偿（N / N+1）"
DESCRIPTION = (
    "按工作年限计算解除或终止劳动合同的经济补偿，含三倍封顶、十二年上限和未提前通知的额外一个月工资。"
)
LAW = "劳动合同法"
REG = "劳动合同法实施条例"
NEW_LAW_START = date(2008, 1, 1)  # 劳动合同法 施行之日 (第九十八条)
HALF = Decimal("0.5")
MAX_CAPPED_YEARS = 12

ARTICLES = (
    art(LAW, 46),
    art(LAW, 46, None, 1),
    art(LAW, 46, None, 2),
    art(LAW, 46, None, 3),
    art(LAW, 46, None, 4),
    art(LAW, 46, None, 5),
    art(LAW, 47, 1),
    art(LAW, 47, 2),
    art(LAW, 47, 3),
    art(REG, 27),
    art(LAW, 38),
    art(LAW, 40),
    art(REG, 20),
    art(LAW, 48),
    art(LAW, 87),
    art(LAW, 97, 3),
)


class SeveranceInput(ToolInput):
    monthly_wage: f.MonthlyWage = None
    average_monthly_wage: f.AverageMonthlyWage = None
    start_date: f.StartDate = None
    end_date: f.EndDate = None
    service_months: f.ServiceMonths = None
    termination: f.Termination = None
    notice_given: f.NoticeGiven = None
    province: f.Province = None
    city: f.City = None
    local_average_wage: f.LocalAverageWage = None


@dataclass(frozen=True)
class Service:
    """The period counted: its length, and where it came from (dates or a number of months)."""

    length: Span
    text: str  # 2020年3月1日至2025年6月30日，共5年4个月
    end: date | None


def service_period(
    result: ToolResult, start: date | None, end: date | None, months: float | None
) -> Service | None:
    if start and end:
        length = span(start, end)
        return Service(length, f"{cn_date(start)}至{cn_date(end)}，共{length.describe()}", end)
    if months is not None:
        whole = int(months)
        # A fraction of a month is taken as that share of 30 days (the worker gave a duration only).
        days = round((months - whole) * 30)
        length = Span(whole, days)
        result.assumptions.append(
            f"只知道工作了 {show(months)} 个月，没有具体日期，按 {length.describe()} 计算"
        )
        return Service(length, f"共{length.describe()}", end)
    if start and not end:
        result.need("end_date", "离职日期（劳动关系结束的那一天）")
    else:
        result.need("start_date", "入职日期（或在本单位工作了多少个月）")
        result.need("end_date", "离职日期（劳动关系结束的那一天）")
    return None


def n_months(length: Span) -> tuple[Decimal, str]:
    """N by 第四十七条第一款: full years, then a remainder of 6 months or more → 1, under 6 → 0.5."""
    years, months = divmod(length.months, 12)
    if months >= 6:
        extra, why = (
            Decimal(1),
            f"零头{months}个月{f'{length.days}天' if length.days else ''}满六个月，按一年计",
        )
    elif months or length.days:
        rest = (f"{months}个月" if months else "") + (f"{length.days}天" if length.days else "")
        extra, why = HALF, f"零头{rest}不满六个月，按半个月计"
    else:
        extra, why = Decimal(0), "正好满整年"
    return Decimal(years) + extra, f"满{years}年计 {years} 个月；{why}"


@dataclass(frozen=True)
class Base:
    wage: Decimal  # the monthly wage N is paid at, after the floor and the cap
    capped: bool
    complete: bool  # False when the cap could not be checked


def monthly_base(inp: SeveranceInput, ctx: ToolContext, result: ToolResult, end: date | None) -> Base | None:
    """The monthly wage of 第四十七条: the 12-month average, raised to the minimum wage, capped at 3×."""
    if inp.average_monthly_wage is not None:
        wage = dec(inp.average_monthly_wage)
        result.formula.append(f"月工资按离职前12个月平均工资 {show(wage)} 元")
    elif inp.monthly_wage is not None:
        wage = dec(inp.monthly_wage)
        result.formula.append(f"月工资 {show(wage)} 元")
        result.assumptions.append(
            "按月工资计算；法律规定的是离职前12个月的平均应得工资（含奖金、津贴、补贴），各月不同时请填平均工资"
        )
    else:
        result.need("average_monthly_wage", "离职前12个月的平均工资（或月工资）")
        return None
    result.cite(art(LAW, 47, 3), art(REG, 27))
    on = end or ctx.today
    floor, found = minimum_wage(ctx, result, inp.province, inp.city, on)
    if floor is not None and wage < floor:
        result.formula.append(f"平均工资低于当地最低工资标准 {show(floor)} 元，按最低工资标准计算")
        wage = floor
    elif floor is None:
        result.assumptions.append(
            "平均工资低于当地最低工资标准时按最低工资标准计算（《劳动合同法实施条例》第二十七条）"
        )

    # The cap (第四十七条第二款): three times the city's previous-year average monthly wage.
    result.cite(art(LAW, 47, 2))
    year = on.year - 1
    average: Decimal | None = None
    if inp.local_average_wage is not None:
        average = dec(inp.local_average_wage)
        result.assumptions.append(f"当地上年度职工月平均工资按您填写的 {show(average)} 元计算")
    else:
        row = ctx.tables.average_wage_for(inp.province, inp.city, year)
        if row is not None:
            average = row.monthly
            result.use(ctx.tables.used_average_wage(row))
    if average is not None:
        cap = money(average * 3)
        if wage > cap:
            result.formula.append(
                f"月工资 {show(wage)} 元高于当地上年度职工月平均工资 {show(average)} 元的三倍 {show_money(cap)} 元，"
                f"按 {show_money(cap)} 元计算，年限最多 {MAX_CAPPED_YEARS} 年"
            )
            result.quantities["severance_capped"] = True
            result.quantities["severance_base"] = float(cap)
            return Base(cap, True, True)
        result.quantities["severance_capped"] = False
        return Base(wage, False, True)
    # Without the city's figure the cap can still be ruled out: a city's average wage is above its
    # minimum wage, so a wage at most three times the local (or the province's lowest) minimum wage is
    # never capped.
    bound = found.row or found.lowest
    if bound is not None and wage <= bound.monthly * 3:
        result.quantities["severance_capped"] = False
        return Base(wage, False, True)
    # The cap is not checked: the average above which it would not bind (the answer states the condition).
    result.quantities["severance_cap_threshold"] = float(money(wage / 3))
    why = "月工资高于当地上年度职工月平均工资三倍时按三倍封顶、最多算12年"
    place = inp.city or inp.province
    if place:
        result.need(
            "local_average_wage",
            f"{place}{year}年职工月平均工资",
            why + "；系统没有这个数字，无法核对是否封顶",
        )
    else:
        result.need("city", "工作所在的城市", why + "；需要知道城市才能核对是否封顶")
    # The amount stands above this line (an assumption is shown after the formula): say which way each
    # side of the threshold goes instead of pointing at figures "below" that never come.
    result.assumptions.append(
        f"如果当地上年度职工月平均工资不低于 {show_money(wage / 3)} 元（月工资不超过它的三倍），不封顶，就是上面算出的金额；"
        "低于这个数的，按当地平均工资的三倍算、年限最多算12年（劳动合同法第四十七条第二款）"
    )
    return Base(wage, False, False)


def _termination_notes(inp: SeveranceInput, result: ToolResult) -> None:
    t = inp.termination
    if t == "dismissed":
        result.cite(art(LAW, 46, None, 3), art(LAW, 46, None, 4))
        result.notes.append(
            "单位依第四十条（如医疗期满、不能胜任、客观情况重大变化）或第四十一条裁员解除的，应付经济补偿；"
            "因劳动者严重违纪等第三十九条情形辞退的不付；没有合法理由辞退属于违法解除，可以要求赔偿金（2N）。"
        )
    elif t == "resigned":
        result.cite(art(LAW, 46, None, 1), art(LAW, 38))
        result.notes.append(
            "劳动者因单位拖欠工资、不交社保等第三十八条情形辞职的，应付经济补偿；因个人原因辞职的没有经济补偿。"
        )
    elif t == "expired":
        result.cite(art(LAW, 46, None, 5))
        result.notes.append("合同到期终止应付经济补偿，除非单位维持或提高条件续订而劳动者不同意续订。")
    elif t == "agreed":
        result.cite(art(LAW, 46, None, 2))
        result.notes.append("单位提出并协商一致解除的应付经济补偿；劳动者自己提出协商解除的没有。")
    elif t == "unlawful_dismissal":
        result.cite(art(LAW, 48), art(LAW, 87))
        result.notes.append(
            "违法解除时，劳动者可以要求继续履行合同，或者要求赔偿金（经济补偿标准的二倍，2N，见“赔偿金”计算），"
            "赔偿金和经济补偿不同时支付。是否违法需要结合证据判断，可以咨询工会律师。"
        )
    else:
        result.cite(art(LAW, 46))
        result.notes.append(
            "是否有经济补偿取决于合同怎么结束（第四十六条）：单位依第四十条、第四十一条辞退，单位提出协商解除，"
            "因单位过错辞职，合同到期单位不续签等情形都有；因个人原因辞职、因严重违纪被辞退没有。"
        )


def severance(inp: SeveranceInput, ctx: ToolContext) -> ToolResult:
    result = ToolResult(NAME, TITLE)
    result.cite(art(LAW, 47, 1))
    service = service_period(result, inp.start_date, inp.end_date, inp.service_months)
    base = monthly_base(inp, ctx, result, service.end if service else inp.end_date)
    _termination_notes(inp, result)
    if service is None or base is None:
        result.summary = "还缺少计算经济补偿需要的信息"
        result.formula.insert(
            0, "经济补偿 = 月工资 × N（每满一年一个月；六个月以上不满一年按一年；不满六个月按半个月）"
        )
        if service is not None and not (inp.start_date and inp.start_date < NEW_LAW_START):
            # The months of wage N follow from the years alone (第四十七条第一款); the amount waits for
            # the wage. Above 12 years a wage over three times the local average caps N at 12.
            n, why = n_months(service.length)
            result.formula.append(f"工作年限：{service.text}；{why}，N = {show(n)} 个月工资")
            result.quantities["severance_months"] = float(n)
            if n > MAX_CAPPED_YEARS:
                result.notes.append("月工资高于当地上年度职工月平均工资三倍的，N 最多按12个月计。")
            result.summary = f"经济补偿 N = {show(n)} 个月工资；告诉我月工资就能算出金额"
        return result

    length = service.length
    counted_text = service.text
    if inp.start_date and inp.start_date < NEW_LAW_START and service.end and service.end >= NEW_LAW_START:
        # 第九十七条第三款: years under this law count from 2008-01-01; earlier years follow the rules of
        # the time, which this tool does not compute.
        result.cite(art(LAW, 97, 3))
        before = span(inp.start_date, date(2007, 12, 31))
        length = span(NEW_LAW_START, service.end)
        counted_text = f"2008年1月1日至{cn_date(service.end)}，共{length.describe()}"
        result.notes.append(
            f"2008年1月1日以前的工作年限（{before.describe()}）按当时的规定计算经济补偿，本工具没有计入，请咨询工会律师。"
        )
    n, why = n_months(length)
    if base.capped and n > MAX_CAPPED_YEARS:
        result.formula.append(
            f"工作年限：{counted_text}；{why}，N = {show(n)}，封顶按 {MAX_CAPPED_YEARS} 年计"
        )
        n = Decimal(MAX_CAPPED_YEARS)
    else:
        result.formula.append(f"工作年限：{counted_text}；{why}，N = {show(n)} 个月")
    amount = money(base.wage * n)
    result.formula.append(f"经济补偿：{show(base.wage)} × {show(n)} = {show_money(amount)} 元")
    result.quantities["severance_months"] = float(n)
    result.add_amount("severance_amount", "经济补偿", amount)
    total = amount
    summary = f"经济补偿 N = {show(n)} 个月工资，共 {show_money(amount)} 元"

    if inp.termination == "dismissed" and inp.notice_given is False:
        result.cite(art(LAW, 40), art(REG, 20))
        last_month = dec(inp.monthly_wage if inp.monthly_wage is not None else inp.average_monthly_wage or 0)
        if inp.monthly_wage is None:
            result.assumptions.append("额外一个月工资应按上一个月的工资标准，这里按平均工资计算")
        extra = money(last_month)
        total = money(amount + extra)
        result.formula.append(
            f"没有提前30日书面通知，另付一个月工资 {show_money(extra)} 元：{show_money(amount)} + {show_money(extra)} = {show_money(total)} 元"
        )
        result.add_amount("notice_pay", "代通知金（额外一个月工资）", extra)
        summary = f"经济补偿 N+1：{show(n)} 个月工资加一个月代通知金，共 {show_money(total)} 元"
    elif inp.termination == "dismissed" and inp.notice_given is None:
        result.cite(art(LAW, 40), art(REG, 20))
        result.notes.append("单位依第四十条辞退而没有提前30日书面通知的，还应另付一个月工资（N+1）。")
    result.quantities["total_amount"] = float(total)
    result.summary = summary + ("" if base.complete else "（未核对三倍封顶，见下）")
    return result


def articles() -> tuple[ArticleRef, ...]:
    return ARTICLES
