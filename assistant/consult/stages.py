"""The stage a matter has reached, and who is asking (corpus/consult/stages.toml).

Session 14 (issue 13): the second largest class of failing answers in a blind reading was the stage reached or
the asker's role misread — a worker holding an award told how to appeal, a death already recognised as 工亡 told
to apply for recognition, a paper already signed told 先别签, an employer answered as if a worker asked. The
facts reader (assistant/consult/facts.py) reads the stage and the asker; this module, from the table:

- drops the steps, mistakes and opening sentences that tell an act of a stage already passed (``passed``);
- opens an answer to 怎么办 / 下一步 / 接下来 with the step after the stage reached (``next``), unless the opening
  already names it;
- tells a worker who signed how the paper can be challenged instead of "don't sign" (``instead``);
- opens an employer's answer with its duty, the lawful way and the cost of not doing it, and tells a colleague
  that the rights are the worker's, who must act (``[[asker]]``).

Pure: the plan, the facts and the question are the inputs. Every clause cited is checked against the store at
load by the answer service (``check_stages``): an entry citing what the store cannot show is left out."""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.config import CORPUS_DIR
from assistant.consult.guides import ClauseRef, Condition, GuideError, cite_problem, table_rows, word_list

if TYPE_CHECKING:  # plan.py calls this module: the types only, no import cycle
    from assistant.consult.plan import ConsultPlan, Sentence

STAGES_PATH = CORPUS_DIR / "consult" / "stages.toml"


@dataclass(frozen=True)
class Stage:
    id: str
    when: Condition
    passed: tuple[str, ...] = ()
    next: str | None = None
    cite: tuple[ClauseRef, ...] = ()
    said: tuple[str, ...] = ()
    instead: str | None = None
    instead_cite: tuple[ClauseRef, ...] = ()
    asks: tuple[str, ...] = ()  # words besides [text] next_asks that make the next step the opening
    settled: bool = False  # the sums are decided (an award, a judgment): no fact is asked to price them
    # The guides whose opening the next step takes over (empty: any); elsewhere the stage is background to
    # another question (工伤认定下来了，公司要辞退我怎么办) and the next step opens only in place of a stale opening.
    guides: frozenset[str] = frozenset()
    # The next step is written to the one asking (session 15: the employer an award was given against): once it
    # opens, no asker note leads it or re-voices it (劳动者 for 你 would turn it back to the worker).
    for_asker: bool = False
    # The next step opens alone, the guide's opening following as a reason (session 15: a hotline reply — the
    # guide answered another question, 能不能直接起诉, than the one the reply raises). A figure asked for keeps it.
    alone: bool = False
    # Session 16 (issue 13, "the stage misread"): words of an act of a stage NOT yet reached (收到裁决书 while the
    # arbitration is pending): an opening holding one speaks of a stage ahead and gives way to the next step,
    # like an opening of a stage passed.
    ahead: tuple[str, ...] = ()
    # Session 16: the next step opens only in place of a stale opening (one telling a stage ahead), never merely
    # because 怎么办 was asked — for an entry whose "stage" is one not yet reached (an injury not yet recognised).
    in_place_only: bool = False


@dataclass(frozen=True)
class AskerNote:
    id: str
    when: Condition
    say: str | None
    cite: tuple[ClauseRef, ...] = ()
    guides: frozenset[str] = frozenset()  # the opening guides it speaks for (empty: any)
    first_when_asked: tuple[str, ...] = ()  # words of the question that make it the opening
    first: bool = False  # it always opens (the employer's duty)
    voice: str | None = None  # how the guide's opening speaks of the worker for this asker (他, 你{relation})
    lead: str | None = None  # words before the guide's opening, once voiced (从劳动者一方看：)


@dataclass(frozen=True)
class OrderRule:
    """Session 23 (issue 13): a step that must come before another in what the worker reads — the 工伤认定
    application and its one-year limit before any arbitration, lawsuit or claim named for an injury not yet
    recognised. ``after``: words of a sentence that must not come first (unless it holds one of ``unless``);
    ``said``: groups of words (one of each) of a sentence that already says the step; ``say``: the step
    said when no sentence does."""

    id: str
    when: Condition
    after: tuple[str, ...]
    said: tuple[tuple[str, ...], ...]
    say: str
    cite: tuple[ClauseRef, ...] = ()
    unless: tuple[str, ...] = ()


@dataclass(frozen=True)
class StageTable:
    next_asks: tuple[str, ...]
    stages: tuple[Stage, ...]
    askers: tuple[AskerNote, ...]
    orders: tuple[OrderRule, ...] = ()

    def without(self, ids: set[str]) -> StageTable:
        return StageTable(
            self.next_asks,
            tuple(s for s in self.stages if s.id not in ids),
            tuple(a for a in self.askers if a.id not in ids),
            tuple(o for o in self.orders if o.id not in ids),
        )


_STAGE_FIELDS = {
    "id",
    "when",
    "passed",
    "next",
    "cite",
    "said",
    "instead",
    "instead_cite",
    "asks",
    "settled",
    "guides",
    "for_asker",
    "alone",
    "ahead",
    "in_place_only",
}
_ASKER_FIELDS = {"id", "when", "say", "cite", "guides", "first_when_asked", "first", "voice", "lead"}
_ORDER_FIELDS = {"id", "when", "after", "unless", "said", "say", "cite"}


def _cites(raw: Any, where: str) -> tuple[ClauseRef, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(r, str) for r in raw):
        raise GuideError(f"{where}：cite 要写成条文列表")
    return tuple(ClauseRef.parse(r) for r in raw)


def _text(raw: Any, where: str) -> str | None:
    if raw is None:
        return None
    if not isinstance(raw, str) or not raw.strip():
        raise GuideError(f"{where}：要写一句话")
    return raw.strip()


def _unique_id(raw: Mapping[str, Any], seen: set[str], label: str) -> str:
    """The entry's id, recorded in ``seen``: stages and asker notes share one id space."""
    rid = raw.get("id")
    if not isinstance(rid, str) or not rid or rid in seen:
        raise GuideError(f"{label}：id 缺失或重复")
    seen.add(rid)
    return rid


def parse_stages(data: Mapping[str, Any], where: str = "stages.toml") -> StageTable:
    """The table from its TOML data; a malformed entry raises GuideError naming it."""
    next_asks = word_list(data.get("text", {}).get("next_asks"), f"{where} [text].next_asks")
    seen: set[str] = set()
    stages: list[Stage] = []
    for label, raw in table_rows(data, "stage", where, _STAGE_FIELDS):
        sid = _unique_id(raw, seen, label)
        label = f"{label}（{sid}）"
        nxt, instead = _text(raw.get("next"), label), _text(raw.get("instead"), label)
        cite, instead_cite = _cites(raw.get("cite"), label), _cites(raw.get("instead_cite"), label)
        if instead is not None and not instead_cite:
            raise GuideError(f"{label}：instead 要有所依据的条文")
        stages.append(
            Stage(
                sid,
                Condition.parse(raw.get("when", "")),
                word_list(raw["passed"], f"{label}.passed") if "passed" in raw else (),
                nxt,
                cite,
                word_list(raw["said"], f"{label}.said") if "said" in raw else (),
                instead,
                instead_cite,
                word_list(raw["asks"], f"{label}.asks") if "asks" in raw else (),
                raw.get("settled", False) is True,
                frozenset(word_list(raw["guides"], f"{label}.guides")) if "guides" in raw else frozenset(),
                raw.get("for_asker", False) is True,
                raw.get("alone", False) is True,
                word_list(raw["ahead"], f"{label}.ahead") if "ahead" in raw else (),
                raw.get("in_place_only", False) is True,
            )
        )
    askers: list[AskerNote] = []
    for label, raw in table_rows(data, "asker", where, _ASKER_FIELDS):
        aid = _unique_id(raw, seen, label)
        label = f"{label}（{aid}）"
        say = _text(raw.get("say"), label)
        if say is None and "voice" not in raw:
            raise GuideError(f"{label}：say 或 voice 至少要有一个")
        askers.append(
            AskerNote(
                aid,
                Condition.parse(raw.get("when", "")),
                say,
                _cites(raw.get("cite"), label),
                frozenset(word_list(raw["guides"], f"{label}.guides")) if "guides" in raw else frozenset(),
                word_list(raw["first_when_asked"], f"{label}.first_when_asked")
                if "first_when_asked" in raw
                else (),
                raw.get("first", False) is True,
                _text(raw.get("voice"), label),
                _text(raw.get("lead"), label),
            )
        )
    orders: list[OrderRule] = []
    for label, raw in table_rows(data, "order", where, _ORDER_FIELDS):
        oid = _unique_id(raw, seen, label)
        label = f"{label}（{oid}）"
        say = _text(raw.get("say"), label)
        groups = raw.get("said")
        if say is None or not isinstance(groups, list) or not groups:
            raise GuideError(f"{label}：要有 say 和 said（词组的列表）")
        orders.append(
            OrderRule(
                oid,
                Condition.parse(raw.get("when", "")),
                word_list(raw.get("after"), f"{label}.after"),
                tuple(word_list(g, f"{label}.said") for g in groups),
                say,
                _cites(raw.get("cite"), label),
                word_list(raw["unless"], f"{label}.unless") if "unless" in raw else (),
            )
        )
    if not stages:
        raise GuideError(f"{where}：没有 stage")
    return StageTable(next_asks, tuple(stages), tuple(askers), tuple(orders))


@lru_cache(maxsize=2)
def load_stages(path: Path = STAGES_PATH) -> StageTable:
    with path.open("rb") as handle:
        return parse_stages(tomllib.load(handle), path.name)


def check_stages(
    table: StageTable, lookup: Callable[[str, int, int | None], Any], fact_names: Iterable[str] | None = None
) -> list[tuple[str, str, str]]:
    """(entry, clause or fact, problem) for every cited clause the store cannot show and every condition
    naming an unknown fact."""
    problems: list[tuple[str, str, str]] = []
    known = set(fact_names) if fact_names is not None else None
    entries: list[tuple[str, Condition, tuple[ClauseRef, ...]]] = [
        (s.id, s.when, s.cite + s.instead_cite) for s in table.stages
    ]
    entries += [(a.id, a.when, a.cite) for a in table.askers]
    entries += [(o.id, o.when, o.cite) for o in table.orders]
    for entry_id, when, cite in entries:
        for ref in cite:
            if (problem := cite_problem(ref, lookup)) is not None:
                problems.append((entry_id, str(ref), problem))
        if known is not None:
            for name in sorted(when.names - known):
                problems.append((entry_id, name, f"条件用到了未知的事实名：{when.source}"))
    return problems


def _holds(when: Condition, values: Mapping[str, Any]) -> bool:
    return when.holds(values) is True


def reached(table: StageTable, values: Mapping[str, Any]) -> list[Stage]:
    return [s for s in table.stages if _holds(s.when, values)]


def asks_next(question: str, table: StageTable, stage: Stage | None = None) -> bool:
    text = question.lower()
    return any(w in text for w in (*table.next_asks, *(stage.asks if stage is not None else ())))


# Session 16 (issue 13): a court's or an arbitration's period counted from the day its paper was served, when the
# service date is told (award_date: 收到裁决书/判决书 …): the last day, for the next step's {served_last_day_15}
# (民事诉讼法 171 appeal, 劳动争议调解仲裁法 48/50 suit) and {served_last_day_30} (49: setting aside).
_SERVED_PERIODS = (15, 30)


def _served_days(values: Mapping[str, Any]) -> dict[str, str]:
    from assistant.tools.base import cn_date

    raw = values.get("award_date")
    if not isinstance(raw, str):
        return {}
    try:
        served = date.fromisoformat(raw)
    except ValueError:
        return {}
    return {f"served_last_day_{n}": cn_date(served + timedelta(days=n)) for n in _SERVED_PERIODS} | {
        "served_date": cn_date(served)
    }


def _fill(text: str, values: Mapping[str, Any]) -> str | None:
    try:
        return text.format_map({k: v for k, v in values.items() if v is not None})
    except (KeyError, ValueError, IndexError):
        return None


def _voiced(text: str, voice: str) -> str:
    """The worker spoken of, not to: 你 → 他 / 你父亲 / 劳动者 (你们 likewise)."""
    marker = "\x00"
    return text.replace("你们", marker).replace("你", marker).replace(marker, voice)


def apply_stages(
    plan: ConsultPlan,
    question: str,
    values: Mapping[str, Any],
    table: StageTable,
    opening_guide: str | None,
    employer_opening: bool,
) -> None:
    """Fit the plan to the stage reached and to the one asking (see the module's doc)."""
    from assistant.consult.plan import Sentence

    stages = reached(table, values)
    passed = tuple(w for s in stages for w in s.passed)
    ahead = tuple(w for s in stages for w in s.ahead)
    values = {**values, **_served_days(values)}

    def stale(sentence: Sentence) -> bool:
        return any(w in sentence.text for w in passed)

    if passed:
        plan.steps = [s for s in plan.steps if not stale(s)]
        # The urgent steps of a raised situation too (评残之前什么都别签 to a worker already graded); a block
        # keeps at least its first step.
        plan.situations = [
            replace(block, steps=tuple(s for s in block.steps if not stale(s)) or block.steps[:1])
            for block in plan.situations
        ]
        kept = [s for s in plan.mistakes if not stale(s)]
        if len(kept) < len(plan.mistakes):
            for stage in stages:
                if stage.instead is not None:
                    kept.insert(0, Sentence(stage.instead, stage.instead_cite))
                    break
        plan.mistakes = kept
        plan.reasons = [s for s in plan.reasons if not stale(s)]
    nxt = next((s for s in stages if s.next is not None), None)
    # An opening that tells an act of a stage passed, or of one not yet reached (session 16), is stale.
    stale_opening = bool(plan.conclusion) and (
        stale(plan.conclusion[0]) or any(w in plan.conclusion[0].text for w in ahead)
    )
    spoke_to_asker = False
    if (
        nxt is not None
        and nxt.next is not None
        and (stale_opening or (not nxt.in_place_only and asks_next(question, table, nxt)))
    ):
        opening = plan.conclusion[0].text if plan.conclusion else ""
        text = _fill(nxt.next, values)
        takes_over = (
            nxt.settled
            or not plan.conclusion
            or stale_opening
            or not nxt.guides
            or opening_guide in nxt.guides
        )
        if text is not None and takes_over and not any(w in opening for w in nxt.said):
            if nxt.settled or (nxt.alone and plan.kind != "figure"):
                # The claim's own rules (how 2N is priced) were decided by the award or the judgment: they
                # follow as reasons, not as the opening.
                plan.reasons = [*plan.conclusion, *plan.reasons]
                plan.conclusion = []
            # A figure asked for (能拿多少, 该领哪些钱) keeps its figure first, the next step right after it;
            # a stale opening gives way.
            at = 1 if plan.kind == "figure" and plan.conclusion and not stale_opening else 0
            plan.conclusion.insert(at, Sentence(text, nxt.cite))
            plan.selected.insert(0, f"stages/{nxt.id}")
            spoke_to_asker = nxt.for_asker
            if plan.conclusion_kind is None:
                plan.conclusion_kind = "action"
            if nxt.settled:
                # What is owed was decided by the award or the judgment: asking the tenure to price it again
                # would hold the worker up.
                plan.ask = plan.ask_fact = None
    if (passed or ahead) and len(plan.conclusion) > 1:
        # An opening sentence that tells the act of a stage already passed, or of one not yet reached, is not
        # said, as long as something else still answers.
        kept = [s for s in plan.conclusion if not stale(s) and not any(w in s.text for w in ahead)]
        plan.conclusion = kept or plan.conclusion[:1]
    for note in () if spoke_to_asker else table.askers:
        if not _holds(note.when, values):
            continue
        if employer_opening or (note.guides and opening_guide not in note.guides):
            # The guide chose an answer written for this asker, or speaks of another topic.
            continue
        filled = {**values, "relation": values.get("relation") or "同事"}
        text = _fill(note.say, filled) if note.say is not None else None
        if note.say is not None and (text is None or any(s.text == text for s in plan.conclusion)):
            continue
        if text is not None and any(w in text for w in passed):
            # Session 15: the note tells an act of a stage already passed (单位30日内申请工伤认定 to an employer
            # whose worker is recognised): it is not said; the opening is still voiced for the asker.
            text = None
        if note.voice is not None and (voice := _fill(note.voice, filled)) is not None:
            # The guide's opening speaks to the worker: said of the worker (他本人可以申请, 你父亲可以…,
            # 劳动者可以…), not to the one asking, led by the note's words.
            plan.conclusion = [
                Sentence((note.lead if i == 0 and note.lead else "") + _voiced(c.text, voice), c.cite)
                for i, c in enumerate(plan.conclusion)
            ]
            if values.get("asker") in ("family", "colleague"):
                # Session 17 (asker17): a relative or a colleague asking hears the urgent steps of the worker's
                # situation said of the worker too (单位应当为你老公申请工伤认定, 你老公本人、家属或工会可以…),
                # never 为你申请 as if the one asking were hurt.
                plan.situations = [
                    replace(block, steps=tuple(Sentence(_voiced(s.text, voice), s.cite) for s in block.steps))
                    for block in plan.situations
                ]
        if text is not None:
            first = note.first or any(w in question for w in note.first_when_asked)
            at = 0 if first else min(1, len(plan.conclusion))
            plan.conclusion.insert(at, Sentence(text, note.cite))
        plan.selected.append(f"stages/{note.id}")
        if plan.conclusion_kind is None:
            plan.conclusion_kind = plan.kind
        break
    apply_orders(plan, values, table)


def _said_at(rule: OrderRule, text: str) -> int | None:
    """Where the sentence says the rule's step (a word of every ``said`` group in it), or None."""
    lowered = text.lower()
    if not all(any(w in lowered for w in group) for group in rule.said):
        return None
    return min(lowered.find(w) for w in rule.said[0] if w in lowered)


def _names_after_at(rule: OrderRule, text: str) -> int | None:
    """Where the sentence names a step that must not come first (仲裁 only where it is advised), or None."""
    from assistant.consult.plan import arbitration_advised

    lowered = text.lower()
    if any(w in lowered for w in rule.unless):
        return None
    found = [
        lowered.find(w) for w in rule.after if w in lowered and (w != "仲裁" or arbitration_advised(text))
    ]
    return min(found) if found else None


def _move_said_up(rule: OrderRule, sentences: list[Sentence]) -> bool:
    """Within one list of steps: the first step naming what must not come first, with no step saying the rule's
    step before it, gets the first later step that says it moved up before it. Did it move one?"""
    for at, sentence in enumerate(sentences):
        said, after = _said_at(rule, sentence.text), _names_after_at(rule, sentence.text)
        if said is not None and (after is None or said < after):
            return False
        if after is None:
            continue
        later = next(
            (j for j in range(at + 1, len(sentences)) if _said_at(rule, sentences[j].text) is not None), None
        )
        if later is None:
            return False
        sentences.insert(at, sentences.pop(later))
        return True
    return False


def apply_orders(plan: ConsultPlan, values: Mapping[str, Any], table: StageTable) -> None:
    """Session 23 (issue 13, a harm both blind readers named): an injury at work not yet recognised, answered with
    arbitration, a lawsuit or a claim as a step, must tell the 工伤认定 application and its one-year limit before
    it — whichever guide or situation the steps came from. Reading order: the situations' urgent steps, the
    conclusion, the reasons, the claims, the steps. The first sentence naming such a step with no sentence before
    it saying the application: a later step of its own list that says it moves up before it; else the rule's
    sentence is said there (in the conclusion for a sentence of the conclusion, the reasons or the claims). Within
    each list of steps, too, a later step saying the application moves up before the first one it must precede.
    ``plan.selected`` is left as it is: the voices that chose the answer, not its order."""
    from assistant.consult.plan import Sentence

    rule = next((r for r in table.orders if _holds(r.when, values)), None)
    if rule is None:
        return
    for i, block in enumerate(plan.situations):
        steps = list(block.steps)
        if _move_said_up(rule, steps):
            plan.situations[i] = replace(block, steps=tuple(steps))
    _move_said_up(rule, plan.steps)
    lists: list[list[Sentence]] = [list(block.steps) for block in plan.situations if block.shown]
    lists += [plan.conclusion, plan.reasons, plan.claims, plan.steps]
    for number, sentences in enumerate(lists):
        situation = number < len(lists) - 4
        for at, sentence in enumerate(sentences):
            said, after = _said_at(rule, sentence.text), _names_after_at(rule, sentence.text)
            if said is not None and (after is None or said < after):
                break  # the application is told first
            if after is None:
                continue
            if situation or sentences is plan.steps or sentences is plan.conclusion:
                # No later step of the list says it (moved above): the rule's own sentence is said here.
                sentences.insert(at, Sentence(rule.say, rule.cite))
                if situation:
                    shown = [j for j, b in enumerate(plan.situations) if b.shown][number]
                    plan.situations[shown] = replace(plan.situations[shown], steps=tuple(sentences))
            else:
                plan.conclusion.append(Sentence(rule.say, rule.cite))
            break
        else:
            continue
        break
