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
from assistant.tools.dates import Span
from assistant.tools.injury_benefits import LUMP_SUM_MONTHS
from assistant.tools.severance import n_months

from .extract import SENTENCE_SPLIT, Amount, find_amounts
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


def computed_claims(facts: CaseFacts, texts: Sequence[str], wording: ClaimWording) -> list[Claim]:
    """The sums the facts imply: arrears, severance (N, or 2N when the worker calls the dismissal
    unlawful or claims 赔偿金) and the one-off disability benefit. Each needs the monthly wage; with
    none told, the wording's floor wage (the lowest minimum wage) gives a lower bound."""
    wage = _value(facts, "monthly_wage")
    if wage is not None and wage > 0:
        wage_words = _words(facts.facts["monthly_wage"].words)
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
    if months is not None and months >= 2 and not facts.has("unpaid_amount"):
        fact = facts.facts["unpaid_months"]
        text = f"{_words(fact.words)}，{wage_words}"
        claims.append(
            Claim(Amount(months * wage, text, fact.approximate), ((_words(fact.words), fact.turn),))
        )
    elif months is None and not facts.has("unpaid_amount") and (owed := _years_of_pay(texts, wording)):
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
        text = f"{_words(fact.words)}，{wage_words}，{'2N' if factor == 2 else 'N'}"
        anchors = ((asked.group(0), _turn(texts, asked)), (_words(fact.words), fact.turn))
        claims.append(Claim(Amount(float(n) * factor * wage, text, True), anchors))
    unsigned = _value(facts, "months_without_contract")
    double = wording.double_wage.search(whole) if wording.double_wage else None
    if unsigned is not None and facts.get("contract_signed") is False and double is not None:
        # 劳动合同法第八十二条: the second to the twelfth month without a contract, at most 11 months.
        extra = min(11.0, max(0.0, unsigned - 1))
        fact = facts.facts["months_without_contract"]
        text = f"{_words(fact.words)}，{wage_words}，{double.group(0)}"
        anchors = ((double.group(0), _turn(texts, double)), (_words(fact.words), fact.turn))
        claims.append(Claim(Amount(extra * wage, text, True), anchors))
    grade = facts.get("disability_grade")
    if isinstance(grade, int) and grade in LUMP_SUM_MONTHS:
        fact = facts.facts["disability_grade"]
        text = f"{_words(fact.words)}，{wage_words}"
        claims.append(
            Claim(Amount(LUMP_SUM_MONTHS[grade] * wage, text, True), ((_words(fact.words), fact.turn),))
        )
    return claims


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
