"""Which topic leads when the facts or the point asked settle it (corpus/consult/precedence.toml).

Keyword topics raise every issue a word touches: an injury at work told with 住院 raises sick leave, a
closure told with 不用来了 raises dismissal, 哪些情况 … 不能辞退 raises resignation. A rule names the guides
that give way (``yield``) and those that take their place (``lead``) when its facts hold (``when`` over
fact names, and ``said``: one of the words was used) and its point is asked (``asked``: a group of
corpus/consult/points.toml), each where the rule names it. The plan applies the rules to its candidate guides (plan.apply_precedence);
this module holds the data and its checks: a rule naming a guide, a fact or a point that does not exist
fails at load, as a guide citing a missing clause does."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.config import CORPUS_DIR
from assistant.consult.guides import Condition, GuideBook, GuideError, GuideProblem, load_points

PRECEDENCE_PATH = CORPUS_DIR / "consult" / "precedence.toml"


@dataclass(frozen=True)
class PrecedenceRule:
    id: str
    lead: tuple[str, ...]  # guide ids that take the yielding guides' place
    yields: tuple[str, ...]  # guide ids that give way
    when: Condition | None = None  # facts that settle it
    said: tuple[str, ...] = ()  # with one of these words in the worker's message (empty: no word needed)
    asked: str | None = None  # the point of points.toml the question asks (with ``when``: both hold)
    # The leading guides answer first (as a guide's own ``leads_when`` makes it) and the yielding ones
    # stay, right after them, instead of leaving.
    first: bool = False
    # The learned answer choice may not bring in a yielding guide either (session 25: the classifier, trained on
    # wording, reads 只给一个月工资 as wages withheld where the facts say it is the ending's offer).
    bars_learned: bool = False


@dataclass(frozen=True)
class AnswerRule:
    """Which answer of one guide speaks: when the asked clause says a phrasing of ``asked`` and the
    question says one of ``told``, an answer reaching none of the asked phrasings gives way to one whose
    own ask words hold one of them (precedence.toml ``[[answer_rule]]``)."""

    id: str
    asked: str  # a point of points.toml, said in the asked clause
    told: str  # a point of points.toml, said anywhere in the question


def _read(path: Path) -> dict[str, Any]:
    """precedence.toml as a table ({} when absent: no rules); a TOML error names the file."""
    if not path.is_file():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise GuideError(f"{path.name}：TOML 格式错误：{exc}") from exc


@lru_cache(maxsize=4)
def load_answer_rules(path: Path = PRECEDENCE_PATH) -> tuple[AnswerRule, ...]:
    """The answer rules, in file order. Raises GuideError naming the file and the problem."""
    data = _read(path)
    rules: list[AnswerRule] = []
    points = load_points()
    for i, raw in enumerate(data.get("answer_rule", [])):
        where = f"{path.name} answer_rule[{i}]"
        if set(raw) != {"id", "asked", "told"} or not all(isinstance(v, str) and v for v in raw.values()):
            raise GuideError(f"{where}：要有且只有 id、asked 和 told（points.toml 的要点）")
        for field in ("asked", "told"):
            if raw[field] not in points:
                raise GuideError(f"{where}：points.toml 中没有要点 {raw[field]}")
        rules.append(AnswerRule(raw["id"], raw["asked"], raw["told"]))
    return tuple(rules)


@lru_cache(maxsize=4)
def load_precedence(path: Path = PRECEDENCE_PATH) -> tuple[PrecedenceRule, ...]:
    """The rules, in file order. Raises GuideError naming the file and the problem."""
    data = _read(path)
    rules: list[PrecedenceRule] = []
    for i, raw in enumerate(data.get("rule", [])):
        where = f"{path.name} rule[{i}]"
        unknown = set(raw) - {"id", "when", "said", "asked", "lead", "yield", "first", "bars_learned"}
        if unknown:
            raise GuideError(f"{where}：不认识的字段 {sorted(unknown)}")
        lead, yields = raw.get("lead"), raw.get("yield")
        if not isinstance(raw.get("id"), str) or not lead or not yields:
            raise GuideError(f"{where}：要有 id、lead 和 yield")
        if not isinstance(lead, list) or not isinstance(yields, list) or set(lead) & set(yields):
            raise GuideError(f"{where}：lead 和 yield 应为指南 id 的数组，且不能重叠")
        if not raw.get("when") and not raw.get("asked"):
            raise GuideError(f"{where}：至少要有 when（事实条件）或 asked（问的要点）")
        if not isinstance(raw.get("bars_learned", False), bool):
            raise GuideError(f"{where}：bars_learned 应为 true 或 false")
        if not isinstance(raw.get("first", False), bool):
            raise GuideError(f"{where}：first 应为 true 或 false")
        said = raw.get("said", [])
        if not isinstance(said, list) or not all(isinstance(w, str) and w for w in said):
            raise GuideError(f"{where}：said 应为词的数组")
        rules.append(
            PrecedenceRule(
                id=raw["id"],
                lead=tuple(lead),
                yields=tuple(yields),
                when=Condition.parse(raw["when"]) if raw.get("when") else None,
                said=tuple(w.lower() for w in said),
                asked=raw.get("asked"),
                first=raw.get("first", False),
                bars_learned=raw.get("bars_learned", False),
            )
        )
    ids = [r.id for r in rules]
    if len(ids) != len(set(ids)):
        raise GuideError(f"{path.name}：rule id 重复")
    return tuple(rules)


def check_precedence(
    rules: Iterable[PrecedenceRule], book: GuideBook, fact_names: Iterable[str] | None = None
) -> list[GuideProblem]:
    """Every guide a rule names exists, every fact its condition uses is known, every point exists."""
    guide_ids = {g.id for g in book.guides}
    points = load_points()
    known = set(fact_names) if fact_names is not None else None
    problems: list[GuideProblem] = []
    for rule in rules:
        for guide_id in (*rule.lead, *rule.yields):
            if guide_id not in guide_ids:
                problems.append(GuideProblem(rule.id, guide_id, "没有这个指南"))
        if rule.asked is not None and rule.asked not in points:
            problems.append(GuideProblem(rule.id, rule.asked, "points.toml 中没有这个要点"))
        if known is not None and rule.when is not None:
            for name in sorted(rule.when.names - known):
                problems.append(GuideProblem(rule.id, name, f"条件用到了未知的事实名：{rule.when.source}"))
    return problems
