"""The bridge from the consultation plan to the worker tools (assistant/tools/): a tool is run on the
facts (their names are the tools' input fields), and its result becomes a Computation the answer
shows — the formula with the numbers filled in, the named quantities, the clauses applied. The
numbers an answer states come from here, never from the composer or the model.

Deadlines: the time-limit tools the facts allow (arbitration, 工伤认定, suing after an award) run on
every question, so a guide or a situation can say "最晚{arbitration_deadline}" and the escalation
policy can see a deadline that is near."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from assistant.consult.facts import format_number
from assistant.consult.guides import ClauseRef
from assistant.consult.numbers import find_durations
from assistant.consult.plan import Computation, ToolRunner, range_label
from assistant.tools import ToolInputError, ToolResult, UnknownTool, run_tool, time_limits
from assistant.tools.data import DataError
from assistant.tools.dates import add_months

log = logging.getLogger(__name__)

# A deadline tool's quantities under names of their own (two deadlines can apply at once).
DEADLINE_PREFIX = {
    "arbitration_deadline": "arbitration",
    "injury_recognition_deadline": "injury",
    "lawsuit_deadline": "lawsuit",
}


# What the facts must say before a calculation is about this worker's case (any one of each group):
# N needs a job that ended or is being ended, 2N a dismissal, the double wage a missing contract.
# Its inputs are the tool's own business (it lists what is missing).
_APPLIES: dict[str, tuple[tuple[str, ...], ...]] = {
    "severance": (("termination", "end_date"),),
    "damages": (("dismissed", "unlawful_dismissal"),),
    "double_wage": (("no_contract",),),
    "overtime": (
        ("overtime_kind", "overtime_hours_weekday", "overtime_hours_restday", "overtime_hours_holiday"),
    ),
    "annual_leave": (
        ("cumulative_work_years", "service_months", "start_date", "leave_days_taken", "unused_leave_days"),
    ),
    # The months off told (停工留薪期) are priced before any grade (session 11).
    "injury_benefits": (("disability_grade", "stoppage_months"),),
    "death_benefits": (("death", "death_date"),),
    "sick_pay": (("ill",),),
}


def applies(name: str, values: Mapping[str, Any]) -> bool:
    """Do the facts describe the situation the tool calculates for?"""
    present = {k for k, v in values.items() if v is not None and v != "" and v is not False}
    if values.get("termination") in ("dismissed", "unlawful_dismissal"):
        present.add(str(values["termination"]))
    if values.get("ending_ground") == "closure":
        # A bankrupt, closed or dissolved employer ends every contract by law (劳动合同法 44(4)(5)).
        present.add("termination")
    if values.get("contract_signed") is False or values.get("months_without_contract"):
        present.add("no_contract")
    if name in ("severance", "damages") and values.get("past_retirement_age") is True:
        # Past the statutory retirement age the contract has ended by law (实施条例 21): no N, no 2N.
        return False
    if (
        name in ("severance", "damages")
        and values.get("termination") == "retired"
        and _retirement_reached(values)
    ):
        # Session 28 (a check reader's class: "retirement brings no compensation, then N computed anyway"): an ending by
        # retirement at an age told as reached owes no N (劳动合同法 44(2)); with the age untold the figure stays, for the
        # answer's other branch (an early "retirement" that is a dismissal).
        return False
    if (
        name == "death_benefits"
        and values.get("commute") is True
        and values.get("traffic_accident") is not True
    ):
        # Session 27 (the learn-half reading, class "a death on the way home by illness priced as a work death"): on
        # the commute only a traffic accident not mainly the worker's fault is 工伤 (工伤保险条例 14(6)); a sudden
        # death there is no 工亡, so its sums are not computed as the family's.
        return False
    return all(present.intersection(group) for group in _APPLIES.get(name, ()))


def _retirement_reached(values: Mapping[str, Any]) -> bool:
    """The worker's statutory retirement age is told as reached (the facts' reading of the age and sex told)."""
    age = values.get("age")
    old_enough = isinstance(age, int | float) and not isinstance(age, bool) and age >= 60
    if values.get("female") is True:
        return values.get("retired_women_55") is True or old_enough
    return values.get("retired_men") is True or old_enough


def to_computation(result: ToolResult, values: Mapping[str, Any]) -> Computation:
    quantities = dict(result.quantities)
    kind = values.get("overtime_kind")
    if result.tool == "overtime" and isinstance(kind, str) and f"overtime_hourly_{kind}" in quantities:
        # The rate of the overtime the worker asked about (周六 → 200 %), whatever hours were given.
        quantities["overtime_hourly_min"] = quantities[f"overtime_hourly_{kind}"]
    prefix = DEADLINE_PREFIX.get(result.tool)
    if prefix:
        for name in ("deadline", "days_left", "deadline_passed", "deadline_from"):
            if name in quantities:
                quantities[f"{prefix}_{name}"] = quantities[name]
    return Computation(
        tool=result.tool,
        title=result.title,
        formula="；".join(result.formula),
        quantities=quantities,
        cite=tuple(ClauseRef(a.law, a.article, a.sub, a.paragraph, a.item) for a in result.articles),
        assumptions=tuple(result.assumptions),
        missing=tuple(m.field for m in result.missing),
        amounts=tuple(a.name for a in result.amounts),
        applies=applies(result.tool, values),
    )


# The figures that turn on the months of service across a half-year (劳动合同法 47(1)).
VAGUE_SERVICE_TOOLS = frozenset({"severance", "damages"})


def _service_range(
    name: str, inputs: dict[str, Any], told: str, run: Callable[[str, Mapping[str, Any]], Computation | None]
) -> Computation | None:
    """三年多: N is 3.5 months (under three and a half years) or 4 (from three and a half): the figures
    for both ends, joined as a range (3.5至4), never one of them stated as the worker's. Years told with 几
    (十几年) span too much for a range: the tool asks for the start date instead."""
    months = inputs.get("service_months")
    if "几" in told or not isinstance(months, int | float):
        return run(name, {k: v for k, v in inputs.items() if k not in ("service_months", "service_vague")})
    span = next((d for d in find_durations(told) if d.low is not None and d.high is not None), None)
    if span is not None and span.low is not None and span.high is not None:
        # Session 21 (issue 13, class "a tenure told as a span"): 七八年 / 五六个月 — the figures at both ends.
        low_months, high_months = span.low, span.high
        low = run(name, {**inputs, "service_months": low_months, "service_vague": None})
        high = run(name, {**inputs, "service_months": high_months, "service_vague": None})
        ends = [_months_words(low_months), _months_words(high_months)]
        note = f"你说的是“{told}”，没有具体年月：按{ends[0]}算是少的数，按{ends[1]}算是多的数；告诉我入职日期可以算准"
        labels = (f"按{ends[0]}", f"按{ends[1]}")
    else:
        years = int(float(months) // 12)
        low = run(name, {**inputs, "service_months": years * 12 + 1, "service_vague": None})
        high = run(name, {**inputs, "service_months": years * 12 + 11, "service_vague": None})
        half = f"{years}年半" if years else "半年"
        note = f"你说的是“{told}”，没有具体月份：不满{half}的按少的算，满{half}的按多的算；告诉我入职日期可以算准"
        labels = (f"不满{half}", f"满{half}")
    if low is None or high is None:
        return low or high
    quantities = dict(low.quantities)
    for key, value in low.quantities.items():
        other = high.quantities.get(key)
        numbers = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (value, other))
        if numbers and other != value:
            quantities[key] = f"{format_number(float(value))}至{format_number(float(other))}"
    return replace(
        low,
        formula=f"{labels[0]}：{low.formula}；{labels[1]}：{high.formula}",
        quantities=quantities,
        assumptions=(note,),
    )


def _months_words(months: float) -> str:
    """84 → 7年, 5 → 5个月, 18 → 1年6个月: one end of a span of service, in the worker's words."""
    years, rest = divmod(round(months), 12)
    if not years:
        return f"{rest}个月"
    return f"{years}年" + (f"{rest}个月" if rest else "")


def _month_of(value: Any) -> date | None:
    """The first day of a date known only to its month (a DayRange of one calendar month), else None."""
    until = getattr(value, "until", None)
    if not isinstance(value, str) or not isinstance(until, str):
        return None
    first, last = date.fromisoformat(value), date.fromisoformat(until)
    next_month = add_months(first, 1)
    return first if first.day == 1 and last == next_month - timedelta(days=1) else None


def whole_month_service(values: Mapping[str, Any]) -> dict[str, Any]:
    """2012年12月进厂，2015年12月被辞退: a start and an end both told to the month count as the whole
    months between them (3 years), not from the first of one month to the first of the other, both days
    included (3 years and a day, which a tool would round up by half a month of severance)."""
    start, end = _month_of(values.get("start_date")), _month_of(values.get("end_date"))
    if start is None or end is None or end <= start:
        return {}
    months = (end.year - start.year) * 12 + end.month - start.month
    return {"end_date": (add_months(start, months) - timedelta(days=1)).isoformat()}


def default_tool_runner(today: Callable[[], date] | None = None) -> ToolRunner:
    """Runs a worker tool on the facts; None when it cannot run (the answer then states the rule
    without numbers). Facts read from free text that a tool rejects are left out, not fatal."""

    def run(name: str, values: Mapping[str, Any]) -> Computation | None:
        inputs = dict(values) | whole_month_service(values)
        vague = inputs.get("service_vague")
        if name in VAGUE_SERVICE_TOOLS and isinstance(vague, str) and not inputs.get("start_date"):
            return _service_range(name, inputs, vague, run)
        lower_bound = name == "annual_leave" and inputs.get("cumulative_work_years") is None
        if lower_bound and inputs.get("service_months") is not None:
            # The years with this employer are a lower bound of the working life that decides leave.
            inputs["cumulative_work_years"] = round(float(inputs["service_months"]) / 12, 2)
        try:
            result = run_tool(name, inputs, today=today() if today else None, drop_invalid=True)
        except (UnknownTool, ToolInputError, DataError) as exc:
            log.warning("tool %s could not run: %s", name, exc)
            return None
        if lower_bound and "cumulative_work_years" in inputs:
            result.assumptions.append(
                "累计工作年限按你在本单位的时间计；以前在别的单位工作的年限也要加上，天数可能更多"
            )
        return to_computation(result, values)

    return run


def _as_told(
    computation: Computation, later: ToolResult, values: Mapping[str, Any], latest: Mapping[str, str]
) -> Computation:
    """A limit counted from a date known only to its month or year, passed (or not) whichever day it was:
    the start is shown as told (2015年12月, not 2015年12月1日), and a passed limit by its latest possible
    day (最晚到2016年12月31日也满了) — never by a first-of-the-month day the worker did not say."""
    quantities = dict(computation.quantities)
    prefix = DEADLINE_PREFIX.get(computation.tool, "")
    start = quantities.get("deadline_from")
    for name, until in latest.items():
        value = values.get(name)
        label = range_label(str(value), until) if value is not None else None
        if not isinstance(start, str) or label is None:
            continue
        first = date.fromisoformat(str(value))
        day = f"{first.year}年{first.month}月{first.day}日"
        if day in start:  # 受伤之日 2019年1月1日 → 受伤之日 2019年
            told = start.replace(day, label)
            quantities["deadline_from"] = told
            if prefix:
                quantities[f"{prefix}_deadline_from"] = told
            break
    else:
        return computation
    formula = computation.formula.replace(day, label)
    if quantities.get("deadline_passed") is True:
        # Passed whichever day it was: each date counted from the start is shown at its latest.
        for key, value in computation.quantities.items():
            other = later.quantities.get(key)
            if _iso(value) and _iso(other) and value != other:
                formula = formula.replace(_cn(str(value)), _cn(str(other)))
                quantities[key] = other
                if prefix and key == "deadline":
                    quantities[f"{prefix}_deadline"] = other
        left, later_left = computation.quantities.get("days_left"), later.quantities.get("days_left")
        if isinstance(left, int) and isinstance(later_left, int) and left != later_left:
            formula = formula.replace(f"已经过了 {-left} 天", f"至少已经过了 {-later_left} 天")
            quantities["days_left"] = later_left
            if prefix:
                quantities[f"{prefix}_days_left"] = later_left
    return replace(computation, quantities=quantities, formula=formula)


def _iso(value: Any) -> bool:
    return isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) is not None


def _cn(iso: str) -> str:
    day = date.fromisoformat(iso)
    return f"{day.year}年{day.month}月{day.day}日"


def deadline_computations(
    values: Mapping[str, Any], today: date, latest: Mapping[str, str] | None = None
) -> list[Computation]:
    """The time limits the facts allow to compute, each with its own prefixed quantities.

    ``latest``: the last possible day of dates known only to their month or year (CaseFacts.
    latest_dates). A limit counted from the first day of such a range that would be passed, or not,
    depending on which day it really was is not stated either way: 2025年受伤 may be inside the year
    or past it, and telling a worker it is past could make them give up a right they still have."""
    try:
        computations = [
            to_computation(result, values)
            for result in time_limits(values, today)
            if not (result.tool == "injury_recognition_deadline" and _injury_application_made(values))
        ]
        if not latest:
            return computations
        later = {r.tool: r for r in time_limits({**values, **latest}, today)}
    except (ToolInputError, DataError) as exc:
        log.warning("time limits could not be computed: %s", exc)
        return []
    out = []
    for computation in computations:
        other = later.get(computation.tool)
        passed = computation.quantities.get("deadline_passed")
        if other is None or other.quantities.get("deadline_passed") == passed:
            out.append(_as_told(computation, other, values, latest) if other is not None else computation)
            continue
        told = _as_told(
            replace(computation, quantities={**computation.quantities, "deadline_passed": None}),
            other,
            values,
            latest,
        )
        out.append(_straddling(told, other))
    return out


def _injury_application_made(values: Mapping[str, Any]) -> bool:
    """The worker's own one-year 工伤认定 application (工伤保险条例 17(2)) is no limit on a case already past it: an
    application made or decided, a grade assessed, or a recognised work injury flaring up (工伤复发: treated without a
    new recognition, 38; session 26) — its date is the old injury's, and a deadline counted from it is false."""
    return (
        values.get("injury_stage") in ("applied", "recognised")
        or values.get("disability_grade") is not None
        or values.get("injury_recurrence") == "work"
    )


def _straddling(computation: Computation, later: ToolResult) -> Computation:
    """A limit that has passed if the event was on the first day of the range told and not if it was on
    the last: neither verdict is stated. The limit may fall now, so the range of its last day and the days
    left to its latest possible day are given under their own names (the ``_latest`` and ``_earliest``
    quantities, the ``_uncertain`` flag) — the sentences for a certain deadline (来得及 / 已经过了) stay
    silent, and the urgency sentences (corpus/guides/situations.toml, time_limit) say it may be now."""
    prefix = DEADLINE_PREFIX.get(computation.tool, "")
    quantities = dict(computation.quantities)
    earliest = computation.quantities.get("deadline")
    formula = computation.formula
    for key, value in computation.quantities.items():
        other = later.quantities.get(key)
        if _iso(value) and _iso(other) and value != other:  # each day counted from the range: its range
            formula = formula.replace(_cn(str(value)), f"{_cn(str(value))}至{_cn(str(other))}之间")
    uncertain: dict[str, Any] = {
        "deadline_earliest": earliest,
        "deadline_latest": later.quantities.get("deadline"),
        "days_left_latest": later.quantities.get("days_left"),
        "deadline_uncertain": True,
    }
    for name in ("deadline", "days_left", "deadline_passed"):
        quantities[name] = None
        if prefix:
            quantities[f"{prefix}_{name}"] = None
    for name, value in uncertain.items():
        quantities[name] = value
        if prefix:
            quantities[f"{prefix}_{name}"] = value
    note = "你说的时间只是一个范围，期限可能已经到了，也可能就在这几天：按最晚的那一天算也别拖过"
    if isinstance(later.quantities.get("deadline"), str):
        note += _cn(str(later.quantities["deadline"]))
    note += "，能今天办就今天办；把具体日期告诉我可以算准"
    return replace(
        computation, quantities=quantities, formula=formula, assumptions=(*computation.assumptions, note)
    )
