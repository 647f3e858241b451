"""Sums at stake the worker never totals: the figure follows from what they said (months unpaid ×
the monthly wage, years of service × the wage for N or 2N, a disability grade's months × the wage)
or from parts they add up (欠薪4万8，加上补偿金一万二). Read from the consultation layer's facts
(assistant/consult/facts.py: one parser of wages, months and grades for the answer and the policy),
with the rules of the worker tools (severance N by 劳动合同法第四十七条, 一次性伤残补助金 by 工伤保险条例
第三十五至三十七条). Pure functions, no I/O.

Each claim keeps the worker's words that name it (``anchors``), so the policy can read its tense there
(赔偿早就拿到了: settled; 要是以后被辞退: supposed)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.consult.facts import CaseFacts
from assistant.consult.numbers import parse_cn_number
from assistant.tools.base import HOURS_PER_DAY, PAY_DAYS_PER_MONTH
from assistant.tools.dates import Span
from assistant.tools.injury_benefits import LUMP_SUM_MONTHS
from assistant.tools.overtime import KINDS
from assistant.tools.severance import n_months

from .extract import CLAUSE_SPLIT, SENTENCE_SPLIT, Amount, find_amounts
from .rules import ClaimWording


@dataclass(frozen=True)
class Claim:
    amount: Amount
    # The worker's words the claim stands on, with their message: its tense is read at each, and a
    # claim counts only when every one is real (假设我被辞退了，干了十年…能拿多少补偿: supposed).
    anchors: tuple[tuple[str, int], ...]


def _words(fact_words: str) -> str:
    # A fact's words may join two readings with …: the first is the worker's own run of text.
    return fact_words.split("…")[0]


def _value(facts: CaseFacts, name: str) -> float | None:
    value = facts.get(name)
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _owed_told(facts: CaseFacts) -> bool:
    """A sum owed the worker told (欠我六万三), not the consultation layer's own months × wage (its ``note`` says
    how it was derived: session 16, facts16): the derived one is this module's claim to compute, with its anchors."""
    fact = facts.facts.get("unpaid_amount")
    return fact is not None and not fact.note


def computed_claims(facts: CaseFacts, texts: Sequence[str], wording: ClaimWording) -> list[Claim]:
    """The sums the facts imply: arrears, severance (N, or 2N when the worker calls the dismissal
    unlawful or claims 赔偿金) and the one-off disability benefit. Each needs the monthly wage; with
    none told, the wording's floor wage (the lowest minimum wage) gives a lower bound."""
    wage = _value(facts, "monthly_wage")
    daily = _value(facts, "daily_wage")
    if wage is not None and wage > 0:
        wage_words = _words(facts.facts["monthly_wage"].words)
    elif daily is not None and 50 <= daily <= 3000:
        # Session 14: a day's pay told (一天三百, 日工资250) is a month's at 21.75 pay days (the 2008 notice's
        # conversion the worker tools use): a lower bound for a worker paid by the day.
        wage = daily * float(PAY_DAYS_PER_MONTH)
        wage_words = f"{_words(facts.facts['daily_wage'].words)}，按每月21.75个计薪日折算"
    elif (hourly := _hourly(texts, wording)) is not None and not hourly[1]:
        # An hourly pay told (一小时二十块，一天干十个小时): the hours a day told (else 8) × 21.75 pay days.
        hours = _value(facts, "daily_hours") or float(HOURS_PER_DAY)
        wage = hourly[0] * hours * float(PAY_DAYS_PER_MONTH)
        wage_words = f"{hourly[2]}，每天{hours:g}小时，按每月21.75个计薪日折算"
    elif wording.typical_wage > 0:
        wage = wording.typical_wage
        wage_words = f"按各省主要城市最低工资标准的中位数{wage:g}元/月估算"
    elif wording.floor_wage > 0:
        wage = wording.floor_wage
        wage_words = f"按最低工资标准{wage:g}元/月估算"
    else:
        return []
    whole = "\n".join(texts)
    claims: list[Claim] = []
    months = _value(facts, "unpaid_months")
    if months is not None and months >= 2 and not _owed_told(facts):
        fact = facts.facts["unpaid_months"]
        text = f"{_words(fact.words)}，{wage_words}"
        claims.append(
            Claim(Amount(months * wage, text, fact.approximate), ((_words(fact.words), fact.turn),))
        )
    elif months is None and not _owed_told(facts) and (owed := _years_of_pay(texts, wording)):
        years, words, turn = owed
        claims.append(Claim(Amount(years * 12 * wage, f"{words}，{wage_words}", True), ((words, turn),)))
    service = _value(facts, "service_months")
    asked = wording.compensation.search(whole)
    if (
        service is not None
        and asked is not None
        and (
            facts.get("termination") == "dismissed" or facts.get("ending_ground") in wording.employer_grounds
        )
    ):
        whole_months = int(service)
        n, _ = n_months(Span(whole_months, round((service - whole_months) * 30)))
        factor = 2 if wording.unlawful.search(whole) else 1
        fact = facts.facts["service_months"]
        base, base_words = _severance_base(facts, wage, wage_words)
        text = f"{_words(fact.words)}，{base_words}，{'2N' if factor == 2 else 'N'}"
        anchors = ((asked.group(0), _turn(texts, asked)), (_words(fact.words), fact.turn))
        claims.append(Claim(Amount(float(n) * factor * base, text, True), anchors))
    unsigned = _value(facts, "months_without_contract")
    double = wording.double_wage.search(whole) if wording.double_wage else None
    if unsigned is not None and facts.get("contract_signed") is False and double is not None:
        # 劳动合同法第八十二条: the second to the twelfth month without a contract, at most 11 months.
        extra = min(11.0, max(0.0, unsigned - 1))
        fact = facts.facts["months_without_contract"]
        text = f"{_words(fact.words)}，{wage_words}，{double.group(0)}"
        anchors = ((double.group(0), _turn(texts, double)), (_words(fact.words), fact.turn))
        claims.append(Claim(Amount(extra * wage, text, True), anchors))
    claims += _session14_claims(facts, texts, wording, wage, wage_words)
    grade = facts.get("disability_grade")
    if isinstance(grade, int) and grade in LUMP_SUM_MONTHS:
        fact = facts.facts["disability_grade"]
        text = f"{_words(fact.words)}，{wage_words}"
        claims.append(
            Claim(Amount(LUMP_SUM_MONTHS[grade] * wage, text, True), ((_words(fact.words), fact.turn),))
        )
    return claims


def _severance_base(facts: CaseFacts, wage: float, wage_words: str) -> tuple[float, str]:
    """Session 16 (issue 14, the class "a severance whose base is the whole month's pay"): N is counted on the
    average month's pay before the ending, bonuses, allowances and commission included (劳动合同法第四十七条
    第三款; 劳动合同法实施条例第二十七条), not on the basic pay alone (底薪12600，加福利总报酬每月19500). The
    consultation layer's ``average_monthly_wage`` is that month when it is told and larger than the wage read."""
    average = _value(facts, "average_monthly_wage")
    if average is None or average <= wage or average > 10 * wage:
        return wage, wage_words
    return (
        average,
        f"{_words(facts.facts['average_monthly_wage'].words)}（经济补偿按含奖金、津贴的月平均工资计）",
    )


# 关于职工全年月平均工作时间和工资折算问题的通知 (劳社部发〔2008〕3号): 250 working days a year, 20.83 a month —
# the days a worker on a five-day week works extended hours. The rates are the overtime tool's (劳动法第四十四条).
WORK_DAYS_PER_MONTH = 250 / 12
WEEKS_PER_MONTH = 52 / 12
_RATE = {kind: float(rate) for kind, _, _, rate, _ in KINDS}
_HOURLY_NUMBER = re.compile(r"^(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百]+)$")


def _session14_claims(
    facts: CaseFacts, texts: Sequence[str], wording: ClaimWording, wage: float, wage_words: str
) -> list[Claim]:
    """Session 14 (issue 14: sums a lawyer computes from the facts that the rules missed): overtime hours ×
    the hourly pay × the months; a whole job never paid (its months × the wage); a fee per worker × the
    workers."""
    claims: list[Claim] = []
    if (owed := _overtime_owed(facts, texts, wording, wage, wage_words)) is not None:
        claims.append(owed)
    if (never := _never_paid(facts, texts, wording, wage, wage_words)) is not None:
        claims.append(never)
    if (fees := _fees(facts, texts, wording)) is not None:
        claims.append(fees)
    return claims


def _first(
    texts: Sequence[str], patterns: Sequence[re.Pattern[str]] | re.Pattern[str] | None
) -> tuple[re.Match[str], int] | None:
    """The first match of any pattern, with its message (the latest message first)."""
    if patterns is None:
        return None
    group = (patterns,) if isinstance(patterns, re.Pattern) else tuple(patterns)
    for turn in range(len(texts) - 1, -1, -1):
        for pattern in group:
            if m := pattern.search(texts[turn]):
                return m, turn
    return None


def _hourly(texts: Sequence[str], wording: ClaimWording) -> tuple[float, bool, str] | None:
    """An hourly figure told: the overtime rate itself (一小时加班费20块: True) or the hourly pay (时薪25: False)."""
    found = _first(texts, wording.hourly)
    if found is None:
        return None
    m, _ = found
    kind = "ot" if m.groupdict().get("ot") else "pay"
    raw = m.group(kind)
    value = parse_cn_number(raw) if _HOURLY_NUMBER.match(raw) else None
    if value is None or not 5 <= value <= 500:
        return None
    return value, kind == "ot", m.group(0)


def _span_months(m: re.Match[str]) -> float | None:
    n = parse_cn_number(m.group("n"))
    if n is None or n <= 0:
        return None
    months = n * (12 if m.group("unit") == "年" else 1)
    if m.groupdict().get("half"):
        months += 6 if m.group("unit") == "年" else 0.5
    return months


def _overtime_owed(
    facts: CaseFacts, texts: Sequence[str], wording: ClaimWording, wage: float, wage_words: str
) -> Claim | None:
    """Overtime pay owed (加班费一直没给): the hours a month (每天加班3小时 on 20.83 working days, or the month's
    total told; a sixth or seventh day a week at the rest-day rate) × the hourly rate (told, or the wage ÷ 21.75
    ÷ 8 × 150 %) × the months it went unpaid (两年的加班费; else the whole service when it was never paid)."""
    owed = _first(texts, wording.overtime_owed)
    if owed is None:
        return None
    per_day = _value(facts, "overtime_hours_per_day")
    monthly_hours = _value(facts, "overtime_hours_weekday")
    if monthly_hours is None and per_day is not None and 0 < per_day <= 12:
        monthly_hours = per_day * WORK_DAYS_PER_MONTH
    days = _value(facts, "work_days_per_week")
    rest_hours = (days - 5) * WEEKS_PER_MONTH * float(HOURS_PER_DAY) if days is not None and days > 5 else 0.0
    restday = _value(facts, "overtime_hours_restday")
    if (
        not rest_hours
        and restday
        and wording.weekly is not None
        and _first(texts, wording.weekly) is not None
    ):
        # 周末两天都要加班，一天八小时: the rest-day hours told are a week's.
        rest_hours = restday * WEEKS_PER_MONTH
    if not monthly_hours and not rest_hours:
        return None
    told = _hourly(texts, wording)
    if told is not None and told[1]:
        weekday_rate, words = told[0], told[2]
        rest_rate = told[0] / _RATE["weekday"] * _RATE["restday"]
    else:
        base = told[0] if told is not None else wage / float(PAY_DAYS_PER_MONTH) / float(HOURS_PER_DAY)
        words = told[2] if told is not None else wage_words
        weekday_rate, rest_rate = base * _RATE["weekday"], base * _RATE["restday"]
    span = _first(texts, wording.overtime_span)
    months = _span_months(span[0]) if span is not None else None
    if months is None and wording.never_paid_overtime is not None:
        # Never paid, told in the clause that tells the overtime pay owed (我从来不请假 elsewhere says nothing).
        if wording.never_paid_overtime.search(_clause(texts[owed[1]], owed[0])):
            months = _value(facts, "service_months")
    if months is None or months <= 0:
        return None
    total = ((monthly_hours or 0.0) * weekday_rate + rest_hours * rest_rate) * months
    span_words = span[0].group(0) if span is not None else _words(facts.facts["service_months"].words)
    text = f"{owed[0].group(0)}，{span_words}，{words}"
    return Claim(Amount(total + 1, text, True), ((owed[0].group(0), owed[1]),))


def _never_paid(
    facts: CaseFacts, texts: Sequence[str], wording: ClaimWording, wage: float, wage_words: str
) -> Claim | None:
    """A job never paid at all (干了八个月，到现在一分钱没拿到): its months × the wage, when no months unpaid or
    sum owed are told and the job is short enough to be the pay's period (a construction season, a year or
    three: 干了八年，这个月一分钱没拿到 is no eight years' pay)."""
    if wording.never_paid is None or facts.has("unpaid_months") or _owed_told(facts):
        return None
    service = _value(facts, "service_months")
    if service is None or not 2 <= service <= wording.never_paid_max_months:
        return None
    found = _first(texts, wording.never_paid)
    if found is None:
        return None
    m, turn = found
    if wording.pay_period is not None and wording.pay_period.search(_sentence(texts[turn], m.start())):
        return None
    text = f"{_words(facts.facts['service_months'].words)}，{m.group(0)}，{wage_words}"
    return Claim(Amount(service * wage + 1, text, True), ((m.group(0), turn),))


def _fees(facts: CaseFacts, texts: Sequence[str], wording: ClaimWording) -> Claim | None:
    """A sum per worker kept or owed × the workers (每人扣了两千押金，一共四十个人)."""
    count = _value(facts, "workers_count")
    if count is None or count < 2:
        return None
    found = _first(texts, wording.per_worker)
    if found is None:
        return None
    m, turn = found
    amounts = find_amounts(m.group("fee"))
    if not amounts or not 50 <= amounts[-1].yuan < 50000:
        return None
    fee = amounts[-1]
    text = f"{m.group(0)}，{_words(facts.facts['workers_count'].words)}"
    return Claim(Amount(fee.yuan * count + 1, text, True), ((m.group(0), turn),))


def _clause(text: str, m: re.Match[str]) -> str:
    """The clause or clauses a match spans."""
    left = max((c.end() for c in CLAUSE_SPLIT.finditer(text, 0, m.start())), default=0)
    right = CLAUSE_SPLIT.search(text, m.end())
    return text[left : right.start() if right else len(text)]


def _sentence(text: str, at: int) -> str:
    left = max((m.end() for m in SENTENCE_SPLIT.finditer(text, 0, at)), default=0)
    right = SENTENCE_SPLIT.search(text, at)
    return text[left : right.start() if right else len(text)]


def _years_of_pay(texts: Sequence[str], wording: ClaimWording) -> tuple[float, str, int] | None:
    """Years of pay owed told as a span of the pay (七年的工资…拒绝给; 工资多年没有支付): the years (多年:
    two, the fewest), the words and their message; the most years told wins."""
    best: tuple[float, str, int] | None = None
    for turn, text in enumerate(texts):
        for m in (m for pattern in wording.years_of_pay for m in pattern.finditer(text)):
            groups = m.groupdict()
            if groups.get("many"):
                years: float | None = 2.0
            else:
                n = parse_cn_number(groups.get("n") or "")
                years = float(n) if n is not None and 0 < n <= 40 else None
            if years is not None and (best is None or years > best[0]):
                best = (years, m.group(0), turn)
    return best


def _turn(texts: Sequence[str], match: re.Match[str]) -> int:
    """The message a match over the joined conversation fell in."""
    return "\n".join(texts)[: match.start()].count("\n")


def summed_parts(text: str, wording: ClaimWording) -> Amount | None:
    """Parts added up in one sentence (欠薪4万8，加上补偿金一万二; 工资三万多再加赔偿两万): their sum,
    unless one of them is already the stated total."""
    best: Amount | None = None
    for sentence in SENTENCE_SPLIT.split(text):
        if not wording.adding.search(sentence):
            continue
        parts = [a for a in find_amounts(sentence) if a.yuan >= 1000]
        if len(parts) < 2:
            continue
        top = max(a.yuan for a in parts)
        total = sum(a.yuan for a in parts)
        # 工资三万加补偿两万，一共五万: the largest is the others' total already.
        value = top if abs(top - (total - top)) <= 0.05 * top else total
        found = Amount(value, "，".join(a.text for a in parts), any(a.approximate for a in parts))
        if best is None or found.yuan > best.yuan:
            best = found
    return best


def not_a_claim(text: str, start: int, wording: ClaimWording) -> bool:
    """A sum that is no labour claim: turnover, a loan, a price paid, a fine owed to the state
    (营业额五千万, 借了老板五万, 车花了八万, 首付三十万); the words stand before it in its clause."""
    left = max(text.rfind(c, 0, start) for c in "，,。；;！!？?\n")
    return bool(wording.not_claim.search(text[left + 1 : start]))
