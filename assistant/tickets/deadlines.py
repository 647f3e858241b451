"""Claim and answer deadlines, overdue tickets, and the lawyers' service hours."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from assistant.config import Settings

WEEKDAYS = "一二三四五六日"
# How people in China name the zone the service runs in; any other zone is shown by its name.
ZONE_NAMES = {"Asia/Shanghai": "北京时间", "Asia/Chongqing": "北京时间", "PRC": "北京时间"}


def zone_name(tz: ZoneInfo) -> str:
    return ZONE_NAMES.get(tz.key, tz.key)


def local_time(moment: datetime, tz: ZoneInfo, *, year: bool = False) -> str:
    """A deadline as workers and lawyers read it: in the service's zone, the zone named, e.g.
    "11月25日 10:00（北京时间）" — stored times are UTC, and a bare UTC time reads 8 hours early."""
    local = moment.astimezone(tz)
    day = f"{local.year}年{local.month}月{local.day}日" if year else f"{local.month}月{local.day}日"
    return f"{day} {local:%H:%M}（{zone_name(tz)}）"


@dataclass(frozen=True)
class Deadlines:
    """How long a ticket may wait to be claimed, by priority (danger to life cannot wait a day), and
    how long a lawyer has to answer once it is claimed."""

    claim_hours: float = 24.0  # normal
    answer_hours: float = 12.0
    urgent_claim_hours: float = 1.0
    high_claim_hours: float = 4.0

    @classmethod
    def from_settings(cls, settings: Settings) -> Deadlines:
        return cls(
            settings.ticket_claim_hours,
            settings.ticket_answer_hours,
            settings.ticket_claim_hours_urgent,
            settings.ticket_claim_hours_high,
        )

    def claim_hours_for(self, priority: str) -> float:
        return {"urgent": self.urgent_claim_hours, "high": self.high_claim_hours}.get(
            priority, self.claim_hours
        )

    def claim_by(self, start: datetime, priority: str = "normal") -> datetime:
        return start + timedelta(hours=self.claim_hours_for(priority))

    def answer_by(self, claimed: datetime) -> datetime:
        return claimed + timedelta(hours=self.answer_hours)

    def expected_reply(
        self, status: str, claim_deadline: datetime, answer_deadline: datetime | None
    ) -> datetime:
        """The latest time the worker should expect an answer if every deadline is kept."""
        if status == "claimed" and answer_deadline is not None:
            return answer_deadline
        return claim_deadline + timedelta(hours=self.answer_hours)


def due_at(status: str, claim_deadline: datetime, answer_deadline: datetime | None) -> datetime | None:
    """The deadline that applies now: to be claimed, then to be answered; none after that."""
    if status in ("pending", "reopened"):
        return claim_deadline
    if status == "claimed":
        return answer_deadline
    return None


def overdue(status: str, claim_deadline: datetime, answer_deadline: datetime | None, now: datetime) -> bool:
    due = due_at(status, claim_deadline, answer_deadline)
    return due is not None and now > due


@dataclass(frozen=True)
class ServiceHours:
    """When lawyers work: e.g. 09:00–18:00 on ISO weekdays 1–5, in Asia/Shanghai."""

    opens: time
    closes: time
    days: tuple[int, ...]
    tz: ZoneInfo

    @classmethod
    def parse(cls, hours: str, days: Sequence[int], timezone: str) -> ServiceHours:
        match = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*", hours)
        if not match:
            raise ValueError(f"service_hours 应写成 09:00-18:00，而不是 {hours!r}")
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        opens, closes = time(h1, m1), time(min(h2, 23), m2 if h2 < 24 else 59)
        if not opens < closes or not days or any(d not in range(1, 8) for d in days):
            raise ValueError(f"service_hours {hours!r} / service_days {list(days)} 不正确")
        return cls(opens, closes, tuple(sorted(set(days))), ZoneInfo(timezone))

    def is_open(self, moment: datetime) -> bool:
        local = moment.astimezone(self.tz)
        return local.isoweekday() in self.days and self.opens <= local.time() < self.closes

    def next_open(self, moment: datetime) -> datetime:
        """The moment itself when open, else when service next opens."""
        if self.is_open(moment):
            return moment
        local = moment.astimezone(self.tz)
        for offset in range(8):
            day = (local + timedelta(days=offset)).date()
            start = datetime.combine(day, self.opens, self.tz)
            if day.isoweekday() in self.days and start > local:
                return start
        return moment  # unreachable with at least one service day

    def describe(self) -> str:
        days = self.days
        if days == (1, 2, 3, 4, 5):
            span = "工作日"
        elif days == tuple(range(1, 8)):
            span = "每天"
        else:
            span = "周" + "、".join(WEEKDAYS[d - 1] for d in days)
        return f"{span} {self.opens:%H:%M}–{self.closes:%H:%M}"
