"""An offered sum set against what the law gives on the worker's facts (corpus/consult/offers.toml).

A worker who tells what the other side offers (给我2万私了, 说赔5万了事) asks, said or not, whether it is
enough: the answer says the statutory figure the calculators give on the same facts next to the offer and
whether the offer is lower (session 12, class K: the offer was repeated back and never compared). The
figures come from the tools only; with too few facts to compute one, nothing is said here and the
guides' own "先比一比" advice stands."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.config import CORPUS_DIR
from assistant.consult.facts import format_number
from assistant.consult.guides import ClauseRef, Condition, GuideError, cite_problem
from assistant.tools.registry import TOOLS

if TYPE_CHECKING:  # plan.py calls this module: the types only, no import cycle
    from assistant.consult.plan import Computation, ToolRunner

OFFERS_PATH = CORPUS_DIR / "consult" / "offers.toml"
OFFER_FACT = "settlement_offered"
OFFER_MONTHS_FACT = "offered_months"  # session 25: the offer told in months of pay (赔偿一个月的工资)
# Something already signed (签了解除协议, 收条签了字, 被逼着签了): "don't sign" is past.
SIGNED_FACTS = ("agreement_signed", "receipt_signed", "signed_under_pressure")
MAX_FIGURES = 2  # the floor and the figure of an unlawful ending; more would bury the comparison


@dataclass(frozen=True)
class Priced:
    id: str
    tool: str
    amount: str  # the quantity of the tool's result that the offer is set against
    label: str
    when: Condition
    cite: tuple[ClauseRef, ...]  # the clauses that set the figure (the tool's formula cites the rest)
    months: str | None = None  # the quantity in months an offer told in months is set against (N, 2N)


@dataclass(frozen=True)
class Wording:
    """How a comparison is worded: one figure (``item``), an offer below every figure, at or above every figure,
    or between them."""

    item: str
    lower: str
    not_lower: str
    between: str


@dataclass(frozen=True)
class Unsigned:
    """Session 26: what an offer short of the law asks of a worker who has not signed yet — not to sign a paper that
    settles everything at the offer (an agreement signed is binding, 解释（一）35) — and the clause it rests on."""

    say: str
    cite: tuple[ClauseRef, ...]
    said: tuple[str, ...] = ()  # words showing a sentence already tells the worker not to sign (先别签)

    def said_in(self, text: str) -> bool:
        return any(word in text for word in self.said)


@dataclass(frozen=True)
class OfferTable:
    text: Wording  # an offer told as a sum (元)
    priced: tuple[Priced, ...]
    months: Wording | None = None  # an offer told in months of pay; None: such offers are not compared
    unsigned: Unsigned | None = None  # said after a short comparison while nothing is signed
    # Session 26: words that ask whether the offer is enough (还能要别的吗, 够不够): the comparison then opens.
    asked: tuple[str, ...] = ()
    # Session 27: a sum offered where the months are known and the wage is not (评了九级，企业说付我六万): the wage at
    # which the offer would only just reach the figure ({offer}, {label}, {months}, {wage}); None: nothing said.
    per_month: str | None = None

    def without(self, ids: set[str]) -> OfferTable:
        return OfferTable(
            self.text,
            tuple(p for p in self.priced if p.id not in ids),
            self.months,
            self.unsigned,
            self.asked,
            self.per_month,
        )

    def is_asked(self, question: str) -> bool:
        return any(word in question for word in self.asked)


def _wording(raw: Any, section: str, path: Path) -> Wording:
    """The four sentences of a wording section; each must be said (the file named in the error)."""
    raw = raw if isinstance(raw, dict) else {}
    for key in ("item", "lower", "not_lower", "between"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise GuideError(f"{path.name}: [{section}].{key} must say how the comparison is worded")
    if "{offer}" not in raw["lower"] or "{items}" not in raw["lower"]:
        raise GuideError(f"{path.name}: [{section}].lower must hold {{offer}} and {{items}}")
    return Wording(raw["item"], raw["lower"], raw["not_lower"], raw["between"])


@lru_cache(maxsize=2)
def load_offers(path: Path = OFFERS_PATH) -> OfferTable:
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    text = _wording(raw.get("text"), "text", path)
    months = _wording(raw["months"], "months", path) if "months" in raw else None
    priced: list[Priced] = []
    for entry in raw.get("priced", []):
        entry_id = entry.get("id", "?")
        tool, amount, label = entry.get("tool"), entry.get("amount"), entry.get("label")
        if tool not in TOOLS:
            raise GuideError(f"{path.name}: [[priced]] {entry_id}: no calculator named {tool!r}")
        if not isinstance(amount, str) or not isinstance(label, str) or not label.strip():
            raise GuideError(f"{path.name}: [[priced]] {entry_id}: amount and label are required")
        cite = entry.get("cite")
        if not isinstance(cite, list) or not cite:
            raise GuideError(f"{path.name}: [[priced]] {entry_id}: cite the clause that sets the figure")
        priced.append(
            Priced(
                entry_id,
                tool,
                amount,
                label.strip(),
                Condition.parse(entry.get("when", "")),
                tuple(ClauseRef.parse(ref) for ref in cite),
                entry.get("months"),
            )
        )
    if not priced:
        raise GuideError(f"{path.name}: at least one [[priced]] entry is required")
    unsigned = None
    if "unsigned" in raw:
        block = raw["unsigned"]
        say, cite = block.get("say"), block.get("cite")
        if not isinstance(say, str) or not say.strip() or not isinstance(cite, list) or not cite:
            raise GuideError(
                f"{path.name}: [unsigned] needs a sentence (say) and the clause it rests on (cite)"
            )
        said = block.get("said", [])
        if not isinstance(said, list) or not all(isinstance(w, str) and w for w in said):
            raise GuideError(f"{path.name}: [unsigned].said must be a list of words")
        unsigned = Unsigned(say.strip(), tuple(ClauseRef.parse(ref) for ref in cite), tuple(said))
    asked = raw.get("asked", {}).get("words", [])
    if not isinstance(asked, list) or not all(isinstance(w, str) and w for w in asked):
        raise GuideError(f"{path.name}: [asked].words must be a list of words")
    per_month = raw.get("per_month", {}).get("say")
    if per_month is not None and (
        not isinstance(per_month, str)
        or not all(f"{{{k}}}" in per_month for k in ("offer", "months", "wage"))
    ):
        raise GuideError(f"{path.name}: [per_month].say must hold {{offer}}, {{months}} and {{wage}}")
    return OfferTable(text, tuple(priced), months, unsigned, tuple(asked), per_month)


def check_offers(
    table: OfferTable, lookup: Callable[[str, int, int | None], Any], fact_names: Iterable[str] | None = None
) -> list[tuple[str, str, str]]:
    """(entry, clause or fact, problem) for every cited clause the store cannot show and every condition
    naming an unknown fact."""
    problems: list[tuple[str, str, str]] = []
    known = set(fact_names) if fact_names is not None else None
    for entry in table.priced:
        for ref in entry.cite:
            if (problem := cite_problem(ref, lookup)) is not None:
                problems.append((entry.id, str(ref), problem))
        if known is not None:
            for name in sorted(entry.when.names - known):
                problems.append((entry.id, name, f"条件用到了未知的事实名：{entry.when.source}"))
    if table.unsigned is not None:
        for ref in table.unsigned.cite:
            if (problem := cite_problem(ref, lookup)) is not None:
                problems.append(("unsigned", str(ref), problem))
    return problems


def _low_end(value: Any) -> float | None:
    """The figure to compare with: a number, or the lower end of a range the facts leave (3.5至4 months)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str) and (m := re.match(r"\d+(?:\.\d+)?", value)):
        return float(m.group(0))
    return None


def _shown(value: Any) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return format_number(float(value))
    return str(value)


@dataclass(frozen=True)
class Comparison:
    text: str
    cite: tuple[ClauseRef, ...]
    added: tuple[Computation, ...]  # computations run for it that the plan did not hold yet


def _computation(
    tool: str,
    values: Mapping[str, Any],
    computations: list[Computation],
    added: list[Computation],
    run_tool: ToolRunner | None,
) -> Computation | None:
    """The plan's computation by this tool, or one run now (kept in ``added`` when it applies and is usable)."""
    computation = next((c for c in [*computations, *added] if c.tool == tool), None)
    if computation is None and run_tool is not None:
        computation = run_tool(tool, values)
        if computation is not None and computation.applies and computation.usable:
            added.append(computation)
    return computation


def compare_offer(
    values: Mapping[str, Any],
    computations: list[Computation],
    run_tool: ToolRunner | None,
    table: OfferTable | None = None,
    unsigned_said: bool = False,
) -> Comparison | None:
    """The sentence that sets the offer against the statutory figures the facts allow, with the clauses of
    the calculators behind them. None without an offer, or when no figure can be computed on these facts."""
    table = table or load_offers()
    offer_fact, wording = OFFER_FACT, table.text
    offer = _low_end(values.get(offer_fact))
    if (offer is None or offer <= 0) and table.months is not None:
        # No sum offered, but months of pay (赔偿一个月的工资): set against the months of N and 2N.
        offer_fact, wording = OFFER_MONTHS_FACT, table.months
        offer = _low_end(values.get(offer_fact))
    if offer is None or offer <= 0:
        return None
    in_months = offer_fact == OFFER_MONTHS_FACT
    figures: list[tuple[str, float, Any]] = []
    cite: list[ClauseRef] = []
    added: list[Computation] = []
    for entry in table.priced:
        if len(figures) >= MAX_FIGURES:
            break
        if entry.when.holds(values) is not True or (in_months and entry.months is None):
            continue
        computation = _computation(entry.tool, values, computations, added, run_tool)
        if computation is None or not computation.applies:
            continue
        raw = computation.quantities.get(entry.months if in_months and entry.months else entry.amount)
        amount = _low_end(raw)
        if amount is None or amount <= 0:
            continue
        figures.append((entry.label, amount, raw))
        cite += [ref for ref in entry.cite if ref not in cite]
    if not figures:
        return _per_month(values, computations, added, run_tool, table, offer, in_months, unsigned_said)

    def listed(chosen: list[tuple[str, float, Any]]) -> str:
        return "、".join(wording.item.format(label=label, amount=_shown(raw)) for label, _, raw in chosen)

    reached = [f for f in figures if offer >= f[1]]
    short = [f for f in figures if offer < f[1]]
    shown = _shown(values.get(offer_fact))
    if not reached:
        text = wording.lower.format(offer=shown, items=listed(figures))
    elif not short:
        text = wording.not_lower.format(offer=shown, items=listed(figures))
    else:
        text = wording.between.format(offer=shown, items=listed(reached), higher=listed(short))
    # ``unsigned_said``: the answer already tells the worker not to sign (a situation's 先别签): said once.
    if (
        short
        and table.unsigned is not None
        and not unsigned_said
        and not any(values.get(name) for name in SIGNED_FACTS)
    ):
        text += table.unsigned.say
        cite += [ref for ref in table.unsigned.cite if ref not in cite]
    return Comparison(text, tuple(cite), tuple(added))


def _per_month(
    values: Mapping[str, Any],
    computations: list[Computation],
    added: list[Computation],
    run_tool: ToolRunner | None,
    table: OfferTable,
    offer: float,
    in_months: bool,
    unsigned_said: bool,
) -> Comparison | None:
    """Session 27 (the learn-half reading of 2026-12-07, class "an offer in yuan with the wage untold": 评定为九级，企业说
    付我六万，合理吗 was never weighed): the first figure whose months the facts give (9 months for grade 9, N for the
    years) turns the offer into the monthly wage at which it would only just reach that figure — a worker earning more is
    offered less than that one item. Nothing when the offer is in months, or no months are known."""
    if in_months or table.per_month is None:
        return None
    for entry in table.priced:
        if entry.months is None or entry.when.holds(values) is not True:
            continue
        computation = _computation(entry.tool, values, computations, added, run_tool)
        months = _low_end(computation.quantities.get(entry.months)) if computation is not None else None
        if months is None or months <= 0:
            continue
        text = table.per_month.format(
            offer=_shown(values.get(OFFER_FACT)),
            label=entry.label,
            months=format_number(months),
            wage=format_number(float(round(offer / months))),
        )
        cite = list(entry.cite)
        if table.unsigned is not None and not unsigned_said and not any(values.get(n) for n in SIGNED_FACTS):
            text += table.unsigned.say
            cite += [ref for ref in table.unsigned.cite if ref not in cite]
        return Comparison(text, tuple(cite), tuple(added))
    return None
