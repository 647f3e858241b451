"""The escalation policy's tunable data, read from ``corpus/escalation.toml`` (thresholds, neutral
phrases, trigger rules, the worker's safety messages) and the safety screen's lexicons and
structures from the file it names (``corpus/safety_screen.toml``), with every regular expression
compiled once."""

from __future__ import annotations

import re
import statistics
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from assistant.config import CORPUS_DIR

from .model import ModelError, NgramModel, load_model
from .screen import ScreenError, Structure, compile_lexicons, expand, parse_structure
from .severity import SeverityError, SeverityLine, load_severity
from .tense import TenseError, TenseWording, parse_tense

Priority = Literal["urgent", "high", "normal"]
# danger: life at risk now (self-harm, violence, threats, a body in danger); safety: the rest of the
# safety screen (a death, a serious injury, a child at work). Both open with the safety block.
RuleKind = Literal["danger", "safety", "risk", "request", "time"]
RULE_KINDS: tuple[str, ...] = ("danger", "safety", "risk", "request", "time")
SAFETY_KINDS: frozenset[str] = frozenset({"danger", "safety"})
PRIORITY_RANK: dict[str, int] = {"urgent": 0, "high": 1, "normal": 2}
DEFAULT_RULES_PATH = CORPUS_DIR / "escalation.toml"
# The safety-message category a reason code stands for when its rule names none.
CODE_CATEGORY: dict[str, str] = {
    "danger_self_harm": "self_harm",
    "danger_violence": "violence",
    "danger_medical": "medical",
    "death_or_serious_injury": "death",
    "child_labour": "child",
}


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
    kind: str = "risk"
    category: str = ""
    # The tense class (``[tense.classes]``) whose reading may set a finding aside; "": none.
    tense: str = ""


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
    category: str = ""
    tense: str = ""


@dataclass(frozen=True)
class MinorWording:
    """The ways an age under 16 is said (``[minor]`` of the screen file)."""

    grades: Mapping[str, int]
    grade_markers: re.Pattern[str]
    grade_not_before: tuple[str, ...]
    age_anchors: tuple[re.Pattern[str], ...]
    under_phrases: re.Pattern[str]
    birth_year: tuple[re.Pattern[str], ...]
    work_words: re.Pattern[str]
    not_worker: re.Pattern[str]
    parent_markers: re.Pattern[str] | None = None
    kin: re.Pattern[str] | None = None
    # Work only planned or asked about for later (寒假想去饭店帮忙, 满了16岁以后能去哪上班), and the
    # words that say a child is at work already (每天, 已经, 在厂里): a plan alone is no child at work.
    plan: re.Pattern[str] | None = None
    at_work: re.Pattern[str] | None = None
    # Session 30: the child told working in the sentence itself (儿子才14也被带去工地干活了): a parent marker there
    # (老公在工地打工) does not make it a parent's background.
    child_works: re.Pattern[str] | None = None


@dataclass(frozen=True)
class ChainWording:
    """A chain of employers (``[chain]`` of the screen file)."""

    parties: tuple[re.Pattern[str], ...]
    handovers: re.Pattern[str]
    explicit: re.Pattern[str]
    dispute: re.Pattern[str]
    # Organisations named as such: each distinct name is a party of its own.
    companies: re.Pattern[str] | None = None
    # Session 15: the parties themselves deny the worker or point at one another (不认, 不归我们管, 互相推): two
    # parties then make a chain, with no hand-over told.
    parties_dispute: re.Pattern[str] | None = None
    # … or the work passed down by contract (转包, 分包, 挂靠): two parties and a dispute make a chain.
    contracting: re.Pattern[str] | None = None
    # Session 16: the kinds of go-between firm (派遣, 劳务/人力公司, 外包, 中介); two of them named are a chain of
    # three, the place of work unnamed (派遣公司 + 外包 → the site); () : never.
    intermediaries: tuple[re.Pattern[str], ...] = ()


@dataclass(frozen=True)
class ClaimWording:
    """How a sum at stake is told without its total (``[claims]``): the words that claim
    compensation for an ending, that call it unlawful (2N), that add parts up, and the words before a
    sum that make it no labour claim (turnover, loans, prices)."""

    compensation: re.Pattern[str]
    unlawful: re.Pattern[str]
    adding: re.Pattern[str]
    not_claim: re.Pattern[str]
    # The ending grounds (facts.py ``ending_ground``) that end the job by the employer's side.
    employer_grounds: tuple[str, ...] = ()
    # The double wage for months without a written contract claimed (双倍工资); None: never computed.
    double_wage: re.Pattern[str] | None = None
    # Something claimed of the employer (pay owed, compensation, a case brought): a passed arbitration
    # limit matters only beside one (离职两年了…社保怎么转 asks nothing a limit could bar). None: every
    # passed limit counts.
    asked: re.Pattern[str] | None = None
    # With no wage told, a sum that follows from a duration alone (decades of service ended by the employer,
    # years of arrears) is counted at this monthly wage: the lowest minimum wage of the worker tools'
    # tables (corpus/data/minimum_wage.toml), so the figure is a lower bound. 0: never.
    floor_wage: float = 0.0
    # Session 8, round 2: with no wage told, the estimate is a typical minimum wage instead (the median over
    # provinces of each one's top-tier standard in force): the lowest tier of any year understates what
    # workers in the cities earn at least. 0: the floor above.
    typical_wage: float = 0.0
    # Years of pay owed told as a span of the pay itself (七年的工资…拒绝给, 工资多年没有支付): named group
    # ``n`` is the number of years, ``many`` (多年) counts as two, the fewest it can mean. (): never.
    years_of_pay: tuple[re.Pattern[str], ...] = ()
    # Session 14: the sums a lawyer computes from the facts beyond arrears and N (overtime hours × the hourly
    # pay × the months; a whole job never paid; a fee per worker × the workers): the words that tell the
    # overtime pay owed (``overtime_owed``), the pay owed for the whole job (``never_paid``), a sum per
    # worker (``per_worker``, named group ``fee``). None: not computed.
    overtime_owed: re.Pattern[str] | None = None
    # The months the overtime went unpaid (两年的加班费; groups ``n``, ``unit``, ``half``), the words that say it
    # was never paid (the whole service counts then), an hourly figure told (group ``ot``: the overtime rate,
    # ``pay``: the hourly pay).
    overtime_span: tuple[re.Pattern[str], ...] = ()
    never_paid_overtime: re.Pattern[str] | None = None
    hourly: tuple[re.Pattern[str], ...] = ()
    # Rest-day overtime told as every week's (每周, 周末都要): its hours count 52/12 times a month.
    weekly: re.Pattern[str] | None = None
    never_paid: re.Pattern[str] | None = None
    # The longest job counted as never paid, and the words of one pay period in the sentence that make the
    # owing that period's only (这个月, 最后一个月).
    never_paid_max_months: float = 36.0
    pay_period: re.Pattern[str] | None = None
    per_worker: tuple[re.Pattern[str], ...] = ()


@dataclass(frozen=True)
class CollectiveWording:
    """A group told by its count in any wording (``[collective]``, session 14): more ways a group's
    dispute is told than the extractor's own (老板跑了, 工钱没人给, 只发了一半, 社保停了), the words that
    single the speaker out of a count (就我一个, 我是其中之一) and those that make a count the size of the
    workplace (五十多人的厂, 公司有三百个员工). With these, a count needs no group marker (我们, 一起):
    工地上四五十个农民工的工钱被卷跑了 is a group owed."""

    dispute: re.Pattern[str]
    singled_out: re.Pattern[str]
    # Before the count in its clause (公司有, 规模), and right after it (的厂, 的公司).
    size_before: re.Pattern[str]
    size_after: re.Pattern[str]
    # The speaker's own pay or ending (欠我三个月工资, 我的补偿): a dispute told after a count is then no group's.
    own: re.Pattern[str]
    # A workforce named in the count's sentence (厂, 工地, 工人 …), for a dispute told in the sentence after.
    workforce: re.Pattern[str]


@dataclass(frozen=True)
class SafetyMessages:
    """The safety block's lines: a header, the emergency lines, lines per category, a footer."""

    header: str = "【安全提示】您的生命安全最重要。"
    emergency: tuple[str, ...] = ()
    categories: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    footer: str = ""
    order: tuple[str, ...] = ()
    # Session 16: categories that need no emergency line when every category that fired is one of them (a
    # death told as past: nobody's life is at stake now, 110/120 would push the family's rights down), and
    # the words that tell a death as past (去年, 三个月前, 8月); None: every block keeps the emergency lines.
    calm: tuple[str, ...] = ()
    past_death: re.Pattern[str] | None = None
    # The header of a calm block (a family asking after a death long past): "your life's safety comes first"
    # speaks to someone in danger, not to a widow; empty: the ordinary header.
    calm_header: str = ""


@dataclass(frozen=True)
class BoosterKind:
    """What a recall-booster alarm (no rule fired) is most likely about, read from its words: the
    category picks the safety block's lines, so an injury is not met with the psychological hotline."""

    category: str
    words: re.Pattern[str]


@dataclass(frozen=True)
class EscalationRules:
    limits: Limits
    neutral: tuple[re.Pattern[str], ...]
    rules: tuple[Rule, ...]
    structured: dict[str, ReasonTemplate] = field(default_factory=dict)
    source: str = ""
    structures: tuple[Structure, ...] = ()
    minor: MinorWording | None = None
    chain: ChainWording | None = None
    messages: SafetyMessages = field(default_factory=SafetyMessages)
    lexicons: Mapping[str, str] = field(default_factory=dict)
    # The recall booster OR-ed with the screen (``model_file``); None: rules only.
    model: NgramModel | None = None
    # How a finding's time status is read (``[tense]``); None: every finding counts whatever its tense.
    tense: TenseWording | None = None
    # Sums computed from the worker's facts and parts added up (``[claims]``); None: sums as said only.
    claims: ClaimWording | None = None
    # Look-alikes the screen knows (healed, minor, a parent's child …): no booster alarm where one is
    # in the text the booster read (``[booster] veto`` of the screen file); None: no veto.
    booster_veto: re.Pattern[str] | None = None
    # The kinds a booster alarm may be (``[[booster.kinds]]``), first match wins; none matching: the
    # model template's own category (the neutral lines).
    booster_kinds: tuple[BoosterKind, ...] = ()
    # The severity line for the screen's injury findings (``severity_file``): urgent, an ordinary ticket or
    # the assistant alone; None: every injury the screen finds stays urgent.
    severity: SeverityLine | None = None
    # A group told by its count without a group marker (``[collective]``); None: a marker is needed.
    collective: CollectiveWording | None = None


def _compile(pattern: str, where: str, lexicons: Mapping[str, str] | None = None) -> re.Pattern[str]:
    try:
        return re.compile(expand(pattern, lexicons or {}, where), re.IGNORECASE)
    except ScreenError as exc:
        raise RulesError(str(exc)) from exc
    except re.error as exc:
        raise RulesError(f"{where}: 正则表达式 {pattern!r} 有误（{exc}）") from exc


def _either(patterns: Sequence[str], where: str, lexicons: Mapping[str, str]) -> re.Pattern[str]:
    if not patterns:
        raise RulesError(f"{where}: 列表不能为空")
    return _compile("|".join(f"(?:{p})" for p in patterns), where, lexicons)


def _required(raw: Mapping[str, Any], key: str, where: str, lexicons: Mapping[str, str]) -> re.Pattern[str]:
    """A word list a rule must have (a missing key raises KeyError, reported by the caller as 缺少 key)."""
    return _either(raw[key], f"{where} {key}", lexicons)


def _optional(
    raw: Mapping[str, Any], key: str, where: str, lexicons: Mapping[str, str]
) -> re.Pattern[str] | None:
    """An optional word list of a rule: its compiled alternation, or None where the rule leaves it out."""
    return _required(raw, key, where, lexicons) if raw.get(key) else None


def _priority(value: Any, where: str) -> Priority:
    if value not in PRIORITY_RANK:
        raise RulesError(f"{where}: priority 只能是 urgent、high 或 normal，而不是 {value!r}")
    return value  # type: ignore[no-any-return]  # checked against PRIORITY_RANK just above


def _minor(raw: Mapping[str, Any], where: str, lexicons: Mapping[str, str]) -> MinorWording:
    try:
        grades = {str(k): int(v) for k, v in raw["grades"].items()}
        return MinorWording(
            grades=grades,
            grade_markers=_required(raw, "grade_markers", where, lexicons),
            grade_not_before=tuple(raw.get("grade_not_before", [])),
            age_anchors=tuple(_compile(p, f"{where} age_anchors", lexicons) for p in raw["age_anchors"]),
            under_phrases=_required(raw, "under_phrases", where, lexicons),
            birth_year=tuple(_compile(p, f"{where} birth_year", lexicons) for p in raw["birth_year"]),
            work_words=_required(raw, "work_words", where, lexicons),
            not_worker=_required(raw, "not_worker", where, lexicons),
            parent_markers=_optional(raw, "parent_markers", where, lexicons),
            kin=_compile("@kin", f"{where} kin", lexicons) if "kin" in lexicons else None,
            plan=_optional(raw, "plan", where, lexicons),
            at_work=_optional(raw, "at_work", where, lexicons),
            child_works=_optional(raw, "child_works", where, lexicons),
        )
    except KeyError as exc:
        raise RulesError(f"{where}: 缺少 {exc.args[0]}") from exc


def _chain(raw: Mapping[str, Any], where: str, lexicons: Mapping[str, str]) -> ChainWording:
    try:
        return ChainWording(
            parties=tuple(_either(kind, f"{where} parties", lexicons) for kind in raw["parties"]),
            handovers=_required(raw, "handovers", where, lexicons),
            explicit=_required(raw, "explicit", where, lexicons),
            dispute=_required(raw, "dispute", where, lexicons),
            companies=_optional(raw, "companies", where, lexicons),
            parties_dispute=_optional(raw, "parties_dispute", where, lexicons),
            contracting=_optional(raw, "contracting", where, lexicons),
            intermediaries=tuple(
                _either(kind, f"{where} intermediaries", lexicons) for kind in raw.get("intermediaries", [])
            ),
        )
    except KeyError as exc:
        raise RulesError(f"{where}: 缺少 {exc.args[0]}") from exc


def _lowest_minimum_wage() -> float:
    """The lowest monthly minimum wage in the worker tools' tables (any province, tier or year)."""
    from assistant.tools.data import load_tables

    rows = load_tables().minimum_wage.rows
    if not rows:
        raise RulesError("[claims] floor_at_minimum_wage：最低工资标准表是空的")
    return float(min(row.monthly for row in rows))


def _typical_minimum_wage() -> float:
    """The median over provinces of each one's highest minimum wage in force (its newest standard, the
    tier of its main cities): what a worker with no wage told earns at least where most of them work."""
    from assistant.tools.data import load_tables

    newest: dict[tuple[str, str], Any] = {}
    for row in load_tables().minimum_wage.rows:
        key = (row.province, row.tier)
        if key not in newest or row.year > newest[key].year:
            newest[key] = row
    top: dict[str, float] = {}
    for (province, _), row in newest.items():
        top[province] = max(top.get(province, 0.0), float(row.monthly))
    if not top:
        raise RulesError("[claims] typical_at_top_minimum_wage：最低工资标准表是空的")
    return float(statistics.median(top.values()))


def _years_of_pay(
    patterns: Sequence[str], where: str, lexicons: Mapping[str, str]
) -> tuple[re.Pattern[str], ...]:
    # Each compiled alone: the alternatives share their group names.
    compiled = tuple(_compile(p, where, lexicons) for p in patterns)
    for pattern in compiled:
        if not {"n", "many"} & set(pattern.groupindex):
            raise RulesError(f"{where}: {pattern.pattern!r} 需要命名分组 n（年数）或 many（多年）")
    return compiled


def _grouped(
    patterns: Sequence[str], where: str, lexicons: Mapping[str, str], needed: set[str]
) -> tuple[re.Pattern[str], ...]:
    # Each compiled alone: the alternatives share their group names.
    compiled = tuple(_compile(p, where, lexicons) for p in patterns)
    for pattern in compiled:
        if needed - set(pattern.groupindex):
            raise RulesError(f"{where}: {pattern.pattern!r} 需要命名分组 {sorted(needed)}")
    return compiled


def _per_worker(
    patterns: Sequence[str], where: str, lexicons: Mapping[str, str]
) -> tuple[re.Pattern[str], ...]:
    # Each compiled alone: the alternatives share their group name.
    compiled = tuple(_compile(p, where, lexicons) for p in patterns)
    for pattern in compiled:
        if "fee" not in pattern.groupindex:
            raise RulesError(f"{where}: {pattern.pattern!r} 需要命名分组 fee（每人的金额）")
    return compiled


def _claims(raw: Mapping[str, Any], where: str, lexicons: Mapping[str, str]) -> ClaimWording:
    try:
        return ClaimWording(
            compensation=_required(raw, "compensation", where, lexicons),
            unlawful=_required(raw, "unlawful", where, lexicons),
            adding=_required(raw, "adding", where, lexicons),
            not_claim=_required(raw, "not_claim_before", where, lexicons),
            employer_grounds=tuple(str(g) for g in raw.get("employer_grounds", [])),
            double_wage=_optional(raw, "double_wage", where, lexicons),
            asked=_optional(raw, "asked", where, lexicons),
            floor_wage=_lowest_minimum_wage() if raw.get("floor_at_minimum_wage") else 0.0,
            typical_wage=_typical_minimum_wage() if raw.get("typical_at_top_minimum_wage") else 0.0,
            years_of_pay=_years_of_pay(raw.get("years_of_pay", []), f"{where} years_of_pay", lexicons),
            overtime_owed=_optional(raw, "overtime_owed", where, lexicons),
            never_paid=_optional(raw, "never_paid", where, lexicons),
            overtime_span=_grouped(
                raw.get("overtime_span", []), f"{where} overtime_span", lexicons, {"n", "unit"}
            ),
            never_paid_overtime=_optional(raw, "never_paid_overtime", where, lexicons),
            hourly=_grouped(raw.get("hourly", []), f"{where} hourly", lexicons, set()),
            weekly=_optional(raw, "weekly", where, lexicons),
            never_paid_max_months=float(raw.get("never_paid_max_months", 36)),
            pay_period=_optional(raw, "pay_period", where, lexicons),
            per_worker=_per_worker(raw.get("per_worker", []), f"{where} per_worker", lexicons),
        )
    except KeyError as exc:
        raise RulesError(f"{where}: 缺少 {exc.args[0]}") from exc


def _collective(raw: Mapping[str, Any], where: str, lexicons: Mapping[str, str]) -> CollectiveWording:
    try:
        return CollectiveWording(
            dispute=_required(raw, "dispute", where, lexicons),
            singled_out=_required(raw, "singled_out", where, lexicons),
            size_before=_required(raw, "size_before", where, lexicons),
            size_after=_required(raw, "size_after", where, lexicons),
            own=_required(raw, "own", where, lexicons),
            workforce=_required(raw, "workforce", where, lexicons),
        )
    except KeyError as exc:
        raise RulesError(f"{where}: 缺少 {exc.args[0]}") from exc


def _messages(raw: Mapping[str, Any]) -> SafetyMessages:
    if not raw:
        return SafetyMessages()
    categories = {str(k): tuple(str(line) for line in v) for k, v in raw.get("categories", {}).items()}
    return SafetyMessages(
        header=str(raw.get("header", SafetyMessages.header)),
        emergency=tuple(str(line) for line in raw.get("emergency", [])),
        categories=categories,
        footer=str(raw.get("footer", "")),
        order=tuple(raw.get("order", list(categories))),
        calm=tuple(str(c) for c in raw.get("calm", [])),
        calm_header=str(raw.get("calm_header", "")),
        past_death=re.compile("|".join(f"(?:{p})" for p in raw["past_death"]))
        if raw.get("past_death")
        else None,
    )


def _booster_kinds(
    raw: Sequence[Mapping[str, Any]], where: str, lexicons: Mapping[str, str], messages: SafetyMessages
) -> tuple[BoosterKind, ...]:
    kinds: list[BoosterKind] = []
    for i, entry in enumerate(raw):
        here = f"{where} #{i + 1}"
        category = str(entry.get("category", ""))
        if not category or not entry.get("words"):
            raise RulesError(f"{here}: 每一项需要 category 和 words")
        # A kind without lines of its own would give the worker a block that fits nothing.
        if messages.emergency and category not in messages.categories:
            raise RulesError(
                f"{here}: category {category!r} 在 [safety_messages.categories] 中没有对应的提示语"
            )
        kinds.append(BoosterKind(category, _either(entry["words"], f"{here} words", lexicons)))
    return tuple(kinds)


def parse_rules(
    data: dict[str, Any],
    source: str = "<dict>",
    screen: dict[str, Any] | None = None,
    model: NgramModel | None = None,
) -> EscalationRules:
    """Build the compiled rules from the parsed TOML documents (the policy and its safety screen)."""
    screen = screen or {}
    try:
        lexicons = compile_lexicons(screen.get("lexicons", {}), f"{source} [lexicons]")
    except ScreenError as exc:
        raise RulesError(str(exc)) from exc
    known = Limits.__dataclass_fields__
    raw_limits = data.get("limits", {})
    unknown = set(raw_limits) - set(known)
    if unknown:
        raise RulesError(f"{source}: [limits] 中有未知的设置 {sorted(unknown)}")
    limits = Limits(**raw_limits)
    neutral = tuple(
        _compile(p, f"{source} [neutral]", lexicons) for p in data.get("neutral", {}).get("patterns", [])
    )
    rules: list[Rule] = []
    for i, raw in enumerate(data.get("rules", [])):
        where = f"{source} [[rules]] #{i + 1} ({raw.get('code', '?')})"
        if raw.get("kind") not in RULE_KINDS:
            raise RulesError(f"{where}: kind 只能是 {'、'.join(RULE_KINDS)}")
        if not raw.get("code") or not raw.get("text") or not raw.get("patterns"):
            raise RulesError(f"{where}: 每条规则需要 code、text 和 patterns")
        rules.append(
            Rule(
                code=str(raw["code"]),
                kind=raw["kind"],
                priority=_priority(raw.get("priority", "normal"), where),
                text=str(raw["text"]),
                patterns=tuple(_compile(p, where, lexicons) for p in raw["patterns"]),
                cancel_before=tuple(raw.get("cancel_before", [])),
                cancel_in_clause=tuple(raw.get("cancel_in_clause", [])),
                cancel_window=raw.get("cancel_window"),
                category=str(raw.get("category", CODE_CATEGORY.get(str(raw["code"]), ""))),
                tense=str(raw.get("tense", "")),
            )
        )
    structured: dict[str, ReasonTemplate] = {}
    for name, t in data.get("structured", {}).items():
        kind = str(t.get("kind", "risk"))
        if kind not in RULE_KINDS:
            raise RulesError(f"{source} [structured] {name}: kind 只能是 {'、'.join(RULE_KINDS)}")
        structured[name] = ReasonTemplate(
            str(t["code"]),
            _priority(t.get("priority", "normal"), name),
            str(t["text"]),
            kind,
            str(t.get("category", CODE_CATEGORY.get(str(t["code"]), ""))),
            str(t.get("tense", "")),
        )
    required = {"amount", "collective", "minor", "time_near", "time_passed", "low_confidence"}
    required |= {"no_citation", "negative_feedback"}
    if screen.get("chain"):
        required.add("chain")
    if model is not None:
        required.add("model")
    if required - set(structured):
        raise RulesError(f"{source}: [structured] 缺少 {sorted(required - set(structured))}")
    structures: list[Structure] = []
    for i, raw in enumerate([*screen.get("structures", []), *data.get("structures", [])]):
        where = f"{source} [[structures]] #{i + 1} ({raw.get('name', raw.get('code', '?'))})"
        try:
            structure = parse_structure(raw, lexicons, where)
        except ScreenError as exc:
            raise RulesError(str(exc)) from exc
        if structure.kind not in RULE_KINDS:
            raise RulesError(f"{where}: kind 只能是 {'、'.join(RULE_KINDS)}")
        _priority(structure.priority, where)
        structures.append(structure)
    tense = None
    if data.get("tense"):
        try:
            tense = parse_tense(data["tense"], f"{source} [tense]", lexicons)
        except TenseError as exc:
            raise RulesError(str(exc)) from exc
    named = [(r.code, r.tense) for r in rules] + [(s.code, s.tense) for s in structures]
    named += [(t.code, t.tense) for t in structured.values()]
    for code, cls in named:
        if cls and (tense is None or cls not in tense.classes):
            raise RulesError(f"{source}: {code} 的 tense = {cls!r} 不是 [tense.classes] 中的类别")
    minor = _minor(screen["minor"], f"{source} [minor]", lexicons) if screen.get("minor") else None
    chain = _chain(screen["chain"], f"{source} [chain]", lexicons) if screen.get("chain") else None
    claims = _claims(data["claims"], f"{source} [claims]", lexicons) if data.get("claims") else None
    collective = (
        _collective(data["collective"], f"{source} [collective]", lexicons)
        if data.get("collective")
        else None
    )
    messages = _messages(data.get("safety_messages", {}))
    booster = screen.get("booster", {})
    kinds = _booster_kinds(booster.get("kinds", []), f"{source} [[booster.kinds]]", lexicons, messages)
    model_category = structured["model"].category if "model" in structured else ""
    if model is not None and messages.emergency and model_category not in messages.categories:
        raise RulesError(
            f"{source}: [structured] model 的 category {model_category!r} 在 [safety_messages.categories] 中没有对应的提示语"
        )
    return EscalationRules(
        limits,
        neutral,
        tuple(rules),
        structured,
        source,
        tuple(structures),
        minor,
        chain,
        messages,
        lexicons,
        model,
        tense,
        claims,
        _either(booster["veto"], f"{source} [booster] veto", lexicons) if booster.get("veto") else None,
        kinds,
        collective=collective,
    )


def _read(path: Path, what: str) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise RulesError(f"找不到{what} {path}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise RulesError(f"{path}: 不是合法的 TOML（{exc}）") from exc


def _beside(path: Path, name: str) -> Path:
    candidate = path.parent / name
    return candidate if candidate.exists() else CORPUS_DIR / name


def load_rules(
    path: Path | None = None, *, with_model: bool = True, with_severity: bool = True
) -> EscalationRules:
    """Read and compile an escalation TOML file (``corpus/escalation.toml`` by default), the
    safety-screen file it names in ``screen_file``, the model in ``model_file`` and the severity line in
    ``severity_file`` (each beside it, else in ``corpus/``). ``with_model=False`` gives the rules alone (for
    comparisons); ``with_severity=False`` the screen's own reading of injuries (every one urgent)."""
    path = path or DEFAULT_RULES_PATH
    data = _read(path, "升级规则文件")
    screen: dict[str, Any] = {}
    if name := data.get("screen_file"):
        screen = _read(_beside(path, str(name)), "安全筛查文件")
    model = None
    if with_model and (name := data.get("model_file")):
        try:
            model = load_model(_beside(path, str(name)))
        except ModelError as exc:
            raise RulesError(str(exc)) from exc
    rules = parse_rules(data, str(path), screen, model)
    if with_severity and (name := data.get("severity_file")):
        try:
            line = load_severity(_beside(path, str(name)), rules.lexicons)
        except SeverityError as exc:
            raise RulesError(str(exc)) from exc
        known = {r.code for r in rules.rules} | {s.code for s in rules.structures}
        known |= {t.code for t in rules.structured.values()}
        if unknown := sorted(line.context_codes - known):
            raise RulesError(f"{name}: context_codes 中有未知的原因代码 {unknown}")
        if line.reason.code in known:
            raise RulesError(f"{name}: [ticket_reason] 的 code {line.reason.code!r} 已被其他规则使用")
        rules = replace(rules, severity=line)
    return rules


@lru_cache(maxsize=4)
def default_rules(path: str | None = None) -> EscalationRules:
    """The rules, compiled once per process."""
    return load_rules(Path(path) if path else None)
