"""Calendar arithmetic for periods of service and time limits.

A period of work runs from the first day to the last day, both included. A time limit of one year
that starts on day D ends on the same date a year later (the period starts the next day and ends on
the corresponding date; 29 February falls back to 28 February)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta


def add_months(day: date, months: int) -> date:
    """The same day-of-month `months` later (or earlier), clamped to the end of a shorter month."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def add_years(day: date, years: int) -> date:
    return add_months(day, 12 * years)


@dataclass(frozen=True)
class Span:
    """The length of [first, last] (both days worked) in whole months plus remaining days."""

    months: int
    days: int

    @property
    def years(self) -> int:
        return self.months // 12

    def describe(self) -> str:
        years, months = divmod(self.months, 12)
        parts = []
        if years:
            parts.append(f"{years}年")
        if months:
            parts.append(f"{months}个月")
        if self.days or not parts:
            parts.append(f"{self.days}天")
        return "".join(parts)


def span(first: date, last: date) -> Span:
    """Whole months from `first` up to the day after `last`, and the days left over."""
    end = last + timedelta(days=1)
    months = (end.year - first.year) * 12 + end.month - first.month
    while months > 0 and add_months(first, months) > end:
        months -= 1
    months = max(months, 0)
    return Span(months, (end - add_months(first, months)).days)


def days_in_year(year: int) -> int:
    return 366 if calendar.isleap(year) else 365


def weekdays_between(first: date, last: date) -> int:
    """Monday to Friday days in [first, last] (statutory holidays and make-up days not known here)."""
    if last < first:
        return 0
    total = (last - first).days + 1
    weeks, rest = divmod(total, 7)
    count = weeks * 5
    for offset in range(rest):
        if (first + timedelta(days=weeks * 7 + offset)).weekday() < 5:
            count += 1
    return count
