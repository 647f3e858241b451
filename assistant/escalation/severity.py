"""The severity line for injuries at work (``corpus/injury_severity.toml``): of the injuries the safety screen
finds, which keep the urgent safety block and ticket (tier a), which open an ordinary ticket (tier b) and which the
assistant answers alone with the 工伤 route (tier c). The line is a union lawyer's policy, not a fit to any
labeller: a life or a limb at stake, a likely grade 1–6, or the ordinary route blocked is where a lawyer changes the
outcome. Pure functions over the conversation's (normalised, neutral-masked) messages; the data is checked at load."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from .screen import CLAUSE_BREAK, SENTENCE_BREAK, ScreenError, expand

Tier = Literal["urgent", "ticket", "assistant"]
PRIORITIES: tuple[str, ...] = ("urgent", "high", "normal")


class SeverityError(ValueError):
    """The severity line's file is malformed (a missing section, an unknown lexicon, a bad expression)."""


@dataclass(frozen=True)
class SeverityReason:
    """The ordinary ticket an injury of tier b opens."""

    code: str
    priority: str
    text: str


@dataclass(frozen=True)
class SeverityLine:
    categories: frozenset[str]
    context_codes: frozenset[str]
    urgent: re.Pattern[str]
    # Look-alikes of a signal (a graft on a hand), blanked out before the signals are read; None: none.
    not_signals: re.Pattern[str] | None
    ticket: re.Pattern[str]
    minor: re.Pattern[str]
    # What makes a minor injury no injury of the worker's now (supposed, denied, healed, asked in general); read
    # only for an injury the screen itself left alone. None: every minor injury told counts.
    not_told: re.Pattern[str] | None
    context: re.Pattern[str]
    reason: SeverityReason
    # An injury told in everyday words the screen does not grade (被机器轧到手, 摔伤了, 打了钢板): its urgent or
    # ticket signals, or an aggravating context, still decide its tier. None: only [minor] injuries are read.
    told: re.Pattern[str] | None = None
    # What lifts such an injury to tier b: the ordinary route blocked in so many words (denied, no insurance,
    # pressed to settle, let go, a chain in dispute, the year nearly out). Its severity unknown, a platform or a
    # dispatch firm named alone does not lift it, as it lifts a minor injury the line recognises.
    told_context: re.Pattern[str] | None = None
    # A harm too slight to count (擦破点皮, 皮外伤) or told as not at work (周末在家里做饭烫伤的) in the message:
    # nothing is lifted.
    not_lifted: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Grading:
    """The tier of an injury finding, and the words that decided it (for the lawyer's view and the tests)."""

    tier: Tier
    marker: str


def _pattern(entries: Any, where: str, lexicons: Mapping[str, str]) -> re.Pattern[str]:
    if not isinstance(entries, list) or not entries or not all(isinstance(e, str) and e for e in entries):
        raise SeverityError(f"{where}: 需要一个非空的正则表达式列表")
    parts = []
    for entry in entries:
        try:
            expanded = expand(entry, lexicons, where)
            re.compile(expanded)
        except ScreenError as exc:
            raise SeverityError(str(exc)) from exc
        except re.error as exc:
            raise SeverityError(f"{where}: 正则表达式 {entry!r} 有误（{exc}）") from exc
        parts.append(f"(?:{expanded})")
    return re.compile("|".join(parts), re.IGNORECASE)


def parse_severity(data: Mapping[str, Any], lexicons: Mapping[str, str], source: str) -> SeverityLine:
    """Compile the severity line; every section is required, so a half-written file fails at load."""

    def section(name: str) -> Mapping[str, Any]:
        value = data.get(name)
        if not isinstance(value, Mapping):
            raise SeverityError(f"{source}: 缺少 [{name}]")
        return value

    raw_reason = section("ticket_reason")
    for key in ("code", "priority", "text"):
        if not raw_reason.get(key):
            raise SeverityError(f"{source} [ticket_reason]: 缺少 {key}")
    if raw_reason["priority"] not in PRIORITIES:
        raise SeverityError(f"{source} [ticket_reason]: priority 只能是 {'、'.join(PRIORITIES)}")
    categories = data.get("categories")
    if not isinstance(categories, list) or not categories:
        raise SeverityError(f"{source}: categories 需要列出安全筛查中按伤情分级的类别")
    return SeverityLine(
        categories=frozenset(str(c) for c in categories),
        context_codes=frozenset(str(c) for c in data.get("context_codes", [])),
        urgent=_pattern(section("urgent").get("signals"), f"{source} [urgent] signals", lexicons),
        not_signals=_pattern(section("urgent")["not_signals"], f"{source} [urgent] not_signals", lexicons)
        if "not_signals" in section("urgent")
        else None,
        ticket=_pattern(section("ticket").get("signals"), f"{source} [ticket] signals", lexicons),
        minor=_pattern(section("minor").get("injuries"), f"{source} [minor] injuries", lexicons),
        not_told=_pattern(section("minor")["not_told"], f"{source} [minor] not_told", lexicons)
        if "not_told" in section("minor")
        else None,
        context=_pattern(section("context").get("words"), f"{source} [context] words", lexicons),
        reason=SeverityReason(str(raw_reason["code"]), str(raw_reason["priority"]), str(raw_reason["text"])),
        told=_pattern(section("told").get("injuries"), f"{source} [told] injuries", lexicons)
        if "told" in data
        else None,
        told_context=_pattern(section("told").get("context"), f"{source} [told] context", lexicons)
        if "told" in data
        else None,
        not_lifted=_pattern(section("told").get("not_lifted"), f"{source} [told] not_lifted", lexicons)
        if "told" in data
        else None,
    )


def load_severity(path: Path, lexicons: Mapping[str, str]) -> SeverityLine:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise SeverityError(f"找不到伤情分级文件 {path}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise SeverityError(f"{path}: 不是合法的 TOML（{exc}）") from exc
    return parse_severity(data, lexicons, str(path))


def _clause(text: str, start: int, end: int) -> str:
    left = 0
    for m in CLAUSE_BREAK.finditer(text, 0, start):
        left = m.end()
    right = CLAUSE_BREAK.search(text, end)
    return text[left : right.start() if right else len(text)]


def context_tier(
    line: SeverityLine,
    texts: Sequence[str],
    other_codes: frozenset[str] | set[str],
    words: re.Pattern[str] | None = None,
) -> Grading | None:
    """Tier b and the words that lift an injury to it, or None when nothing in the context does. ``words``:
    the context read instead of [context] (an injury told in everyday words reads [told] context)."""
    if found := (words or line.context).search("\n".join(texts)):
        return Grading("ticket", found.group(0))
    opened = sorted(line.context_codes & set(other_codes))
    return Grading("ticket", opened[0]) if opened else None


def _told(
    line: SeverityLine, texts: Sequence[str], pattern: re.Pattern[str], breaks: re.Pattern[str]
) -> list[tuple[int, int, int]]:
    found = []
    for turn, text in enumerate(texts):
        for m in pattern.finditer(text):
            left = max((b.end() for b in breaks.finditer(text, 0, m.start())), default=0)
            right = breaks.search(text, m.end())
            span = text[left : right.start() if right else len(text)]
            if line.not_told is None or not line.not_told.search(span):
                found.append((turn, m.start(), m.end()))
    return found


def minor_told(line: SeverityLine, texts: Sequence[str]) -> list[tuple[int, int, int]]:
    """Where a minor injury is told as the worker's own ((turn, start, end)): its sentence supposes, denies
    or heals nothing."""
    return _told(line, texts, line.minor, SENTENCE_BREAK)


def everyday_told(line: SeverityLine, texts: Sequence[str]) -> list[tuple[int, int, int]]:
    """Where an injury is told in everyday words ([told]: 被机器轧到手, 摔伤了) as the worker's own. Read in its
    clause: a long message is often one sentence, and 差点截肢 beside 被机器绞伤了手臂 supposes the amputation,
    not the injury."""
    return [] if line.told is None else _told(line, texts, line.told, CLAUSE_BREAK)


def signals_told(line: SeverityLine, text: str) -> Grading | None:
    """The tier an urgent or a ticket signal in ``text`` gives an injury told there in everyday words (the
    screen found none), or None when the message holds neither."""
    signals = (
        text if line.not_signals is None else line.not_signals.sub(lambda m: "□" * len(m.group(0)), text)
    )
    if found := line.urgent.search(signals):
        return Grading("urgent", found.group(0))
    if found := line.ticket.search(signals):
        return Grading("ticket", found.group(0))
    return None


def grade_injury(
    line: SeverityLine,
    texts: Sequence[str],
    findings: Sequence[tuple[int | None, int, int]],
    other_codes: frozenset[str] | set[str] = frozenset(),
) -> Grading:
    """The tier of the injuries the screen found at ``findings`` ((turn, start, end) in ``texts``; turn None:
    offsets into the joined conversation), read with the whole conversation: the higher of the injury's tier
    and the context's. An injury the line does not recognise as minor keeps the urgent reading."""
    whole = "\n".join(texts)
    signals = (
        whole if line.not_signals is None else line.not_signals.sub(lambda m: "□" * len(m.group(0)), whole)
    )
    if found := line.urgent.search(signals):
        return Grading("urgent", found.group(0))
    injury: Grading | None = None
    if found := line.ticket.search(signals):
        injury = Grading("ticket", found.group(0))
    else:
        minor = []
        for turn, start, end in findings:
            text = whole if turn is None else texts[turn]
            clause = _clause(text, start, end)
            hit = line.minor.search(clause)
            if hit is None:
                return Grading("urgent", text[start:end])
            minor.append(hit.group(0))
        if not minor:
            return Grading("urgent", "")
        injury = Grading("assistant", minor[0])
    if injury.tier == "ticket":
        return injury
    return context_tier(line, texts, other_codes) or injury
