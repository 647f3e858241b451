"""The escalation policy's tunable data, read from ``corpus/escalation.toml``: thresholds, neutral
phrases and the trigger rules, with their regular expressions compiled once."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from assistant.config import CORPUS_DIR

Priority = Literal["urgent", "high", "normal"]
RuleKind = Literal["danger", "risk", "request", "time"]
PRIORITY_RANK: dict[str, int] = {"urgent": 0, "high": 1, "normal": 2}
DEFAULT_RULES_PATH = CORPUS_DIR / "escalation.toml"


class RulesError(ValueError):
    """The escalation TOML is malformed (unknown priority, bad regular expression …)."""


@dataclass(frozen=True)
class Limits:
    amount_threshold_yuan: float = 50000
    collective_min_people: int = 10
    minor_age_below: int = 16
    arbitration_limit_months: int = 12
    injury_application_limit_months: int = 12
    time_limit_warn_days: int = 60
    min_confidence_score: float = 0.35
    negative_feedback_threshold: int = 2


@dataclass(frozen=True)
class ReasonTemplate:
    """Code, priority and Chinese text (with ``{placeholders}``) of a structured trigger."""

    code: str
    priority: Priority
    text: str


@dataclass(frozen=True)
class Rule:
    code: str
    kind: RuleKind
    priority: Priority
    text: str
    patterns: tuple[re.Pattern[str], ...]
    cancel_before: tuple[str, ...] = ()
    cancel_in_clause: tuple[str, ...] = ()
    cancel_window: int | None = None


@dataclass(frozen=True)
class EscalationRules:
    limits: Limits
    neutral: tuple[re.Pattern[str], ...]
    rules: tuple[Rule, ...]
    structured: dict[str, ReasonTemplate] = field(default_factory=dict)
    source: str = ""


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise RulesError(f"{where}: 正则表达式 {pattern!r} 有误（{exc}）") from exc


def _priority(value: Any, where: str) -> Priority:
    if value not in PRIORITY_RANK:
        raise RulesError(f"{where}: priority 只能是 urgent、high 或 normal，而不是 {value!r}")
    return value  # type: ignore[no-any-return]  # checked against PRIORITY_RANK just above


def parse_rules(data: dict[str, Any], source: str = "<dict>") -> EscalationRules:
    """Build the compiled rules from the parsed TOML document."""
    known = Limits.__dataclass_fields__
    raw_limits = data.get("limits", {})
    unknown = set(raw_limits) - set(known)
    if unknown:
        raise RulesError(f"{source}: [limits] 中有未知的设置 {sorted(unknown)}")
    limits = Limits(**raw_limits)
    neutral = tuple(_compile(p, f"{source} [neutral]") for p in data.get("neutral", {}).get("patterns", []))
    rules: list[Rule] = []
    for i, raw in enumerate(data.get("rules", [])):
        where = f"{source} [[rules]] #{i + 1} ({raw.get('code', '?')})"
        if raw.get("kind") not in ("danger", "risk", "request", "time"):
            raise RulesError(f"{where}: kind 只能是 danger、risk、request 或 time")
        if not raw.get("code") or not raw.get("text") or not raw.get("patterns"):
            raise RulesError(f"{where}: 每条规则需要 code、text 和 patterns")
        rules.append(
            Rule(
                code=str(raw["code"]),
                kind=raw["kind"],
                priority=_priority(raw.get("priority", "normal"), where),
                text=str(raw["text"]),
                patterns=tuple(_compile(p, where) for p in raw["patterns"]),
                cancel_before=tuple(raw.get("cancel_before", [])),
                cancel_in_clause=tuple(raw.get("cancel_in_clause", [])),
                cancel_window=raw.get("cancel_window"),
            )
        )
    structured = {
        name: ReasonTemplate(str(t["code"]), _priority(t.get("priority", "normal"), name), str(t["text"]))
        for name, t in data.get("structured", {}).items()
    }
    required = {"amount", "collective", "minor", "time_near", "time_passed", "low_confidence"}
    required |= {"no_citation", "negative_feedback"}
    if required - set(structured):
        raise RulesError(f"{source}: [structured] 缺少 {sorted(required - set(structured))}")
    return EscalationRules(limits, neutral, tuple(rules), structured, source)


def load_rules(path: Path | None = None) -> EscalationRules:
    """Read and compile an escalation TOML file (``corpus/escalation.toml`` by default)."""
    path = path or DEFAULT_RULES_PATH
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise RulesError(f"找不到升级规则文件 {path}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise RulesError(f"{path}: 不是合法的 TOML（{exc}）") from exc
    return parse_rules(data, str(path))


@lru_cache(maxsize=4)
def default_rules(path: str | None = None) -> EscalationRules:
    """The rules, compiled once per process."""
    return load_rules(Path(path) if path else None)
