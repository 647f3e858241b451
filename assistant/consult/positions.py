"""The employer's stated position, rebutted by name (corpus/consult/employer_positions.toml).

Workers quote what the boss, HR or the site told them ("三天不来算自动离职", "试用期不交社保", "辞职就不给
工资"). An answer that explains the topic but never takes that claim on leaves the worker with the
employer's word against the law's. When the question quotes such a position — an employer-side speaker,
a verb of saying, and a claim of a known kind in the words after it — the plan names the claim and
answers it with the clause that decides it. Pure: the table and the question are the inputs."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.config import CORPUS_DIR
from assistant.consult.guides import ClauseRef, Condition, GuideError, cite_problem, table_rows, word_list
from assistant.consult.kinds import asked_clause

POSITIONS_PATH = CORPUS_DIR / "consult" / "employer_positions.toml"
# How far (characters) the claim may sit after the verb of saying: the rest of one telling, not a later
# sentence about something else.
_REACH = 40
# A quote longer than this is cut to the claim's own words.
_MAX_QUOTE = 24
_CLAUSE_END = re.compile(r"[，,。？?！!；;\n]")
_SENTENCE_END = re.compile(r"[。？?！!；;\n]")
_OPEN_QUOTE = re.compile(r"^[\s:：“”\"'「」]+")
_ASKED_TAIL = re.compile(r"(?:这样|这)?(?:合法|违法|犯法|对|是真的|可以|能|有效|算数)?(?:吗|么|嘛)[？?]?$")
_CLOSE_QUOTE = re.compile(r"[\s“”\"'「」]+$")


@dataclass(frozen=True)
class Position:
    """One kind of employer claim and the sentence that answers it."""

    id: str
    claims: tuple[re.Pattern[str], ...]
    say: str
    cite: tuple[ClauseRef, ...]
    unless: Condition | None = None


@dataclass(frozen=True)
class Form:
    """An asked form that asks whether the claim holds, and the verdict word that answers it."""

    words: tuple[str, ...]
    verdict: str


@dataclass(frozen=True)
class PositionTable:
    speakers: tuple[str, ...]
    says: tuple[str, ...]
    forms: tuple[Form, ...]
    positions: tuple[Position, ...]

    def without(self, ids: set[str]) -> PositionTable:
        return PositionTable(
            self.speakers, self.says, self.forms, tuple(p for p in self.positions if p.id not in ids)
        )


@dataclass(frozen=True)
class Rebuttal:
    """A position the question quotes: the sentence naming and answering it, and whether the question
    asks about the claim itself (then the rebuttal opens, led by ``verdict``)."""

    position: str
    text: str
    cite: tuple[ClauseRef, ...]
    quote: str
    verdict: str | None  # the verdict word when the asked clause asks whether the claim holds


def parse_positions(data: Mapping[str, Any], where: str = "employer_positions.toml") -> PositionTable:
    """The table from its TOML data; a malformed entry raises GuideError naming it."""
    speakers = word_list(data.get("speakers"), f"{where}: speakers")
    says = word_list(data.get("says"), f"{where}: says")
    forms = []
    for i, raw in enumerate(data.get("forms", [])):
        verdict = raw.get("verdict") if isinstance(raw, dict) else None
        if not isinstance(verdict, str) or not verdict.strip():
            raise GuideError(f"{where}: forms[{i}]：要有 verdict（判断词）")
        forms.append(Form(word_list(raw.get("words"), f"{where}: forms[{i}].words"), verdict.strip()))
    positions: list[Position] = []
    seen: set[str] = set()
    for label, raw in table_rows(data, "position", where, {"id", "claims", "say", "cite", "unless"}):
        pid = raw.get("id")
        if not isinstance(pid, str) or not pid or pid in seen:
            raise GuideError(f"{label}：id 缺失或重复")
        seen.add(pid)
        say = raw.get("say")
        if not isinstance(say, str) or "{quote}" not in say:
            raise GuideError(f"{label}（{pid}）：say 要用 {{quote}} 点出单位的原话")
        try:
            claims = tuple(re.compile(p) for p in word_list(raw.get("claims"), f"{label}.claims"))
        except re.error as exc:
            raise GuideError(f"{label}（{pid}）：claims 正则有误：{exc}") from exc
        cites = raw.get("cite")
        if not isinstance(cites, list) or not cites:
            raise GuideError(f"{label}（{pid}）：要有 cite（据以反驳的条款）")
        refs = tuple(ClauseRef.parse(c) for c in cites)
        unless = Condition.parse(raw["unless"]) if raw.get("unless") else None
        positions.append(Position(pid, claims, say.strip(), refs, unless))
    if not positions:
        raise GuideError(f"{where}：没有 position")
    return PositionTable(speakers, says, tuple(forms), tuple(positions))


@lru_cache(maxsize=4)
def load_positions(path: Path = POSITIONS_PATH) -> PositionTable:
    with path.open("rb") as handle:
        return parse_positions(tomllib.load(handle), path.name)


def check_positions(
    table: PositionTable,
    lookup: Callable[[str, int, int | None], Any],
    fact_names: set[str] | frozenset[str] | None = None,
) -> list[tuple[str, str, str]]:
    """(position, clause, problem) for every cited clause missing from the store, out of force or
    without the paragraph or item named, and every `unless` naming an unknown fact."""
    problems: list[tuple[str, str, str]] = []
    for position in table.positions:
        for ref in position.cite:
            if (problem := cite_problem(ref, lookup)) is not None:
                problems.append((position.id, str(ref), problem))
        if fact_names is not None and position.unless is not None:
            for name in sorted(position.unless.names - set(fact_names)):
                problems.append((position.id, name, f"条件用到了未知的事实名：{position.unless.source}"))
    return problems


def _tellings(text: str, table: PositionTable) -> list[tuple[int, bool]]:
    """Where each telling starts (just after its verb of saying) and whether an employer-side speaker
    tells it. The speaker is in the verb's own clause (老板说…), or, when that clause names no one
    (…，他又说… / …，说…), in the clause before it (老板不批，说辞职要赔钱); the worker telling the boss
    (我跟老板说…) or anyone else (同事说…) is not the employer's position."""
    out: dict[int, bool] = {}
    for verb in table.says:
        for m in re.finditer(re.escape(verb), text):
            clauses = _CLAUSE_END.split(text[: m.start()])
            clause = clauses[-1].strip()
            if not _STAND_INS.sub("", clause) and len(clauses) > 1:
                clause = clauses[-2]  # 我问人事，她说…: the one asked answers
            elif _WORKER_TELLS.search(clause) or clause.rstrip().endswith(("我", "俺")):
                out[m.end()] = False
                continue
            out[m.end()] = out.get(m.end(), False) or any(s in clause for s in table.speakers)
    return sorted(out.items())


# Words that leave a clause before the verb naming nobody new (…，现在又说…): the speaker is the one
# of the clause before.
_STAND_INS = re.compile(
    r"他们|她们|人家|现在|后来|然后|结果|但是|反而|居然|竟然|一直|老是|还|又|就|却|但|可|也|都|总|他|她|\s"
)
# The worker is the one telling (我跟老板说, 我问人事): what follows is not the employer's claim.
_WORKER_TELLS = re.compile(r"(?:我|俺)[^，,]{0,3}(?:跟|和|对|向|找|问|给)")


def find_rebuttal(
    question: str, table: PositionTable, values: Mapping[str, Any] | None = None
) -> Rebuttal | None:
    """The first position the question quotes (an employer-side speaker says the claim), or None."""
    text = unicodedata.normalize("NFKC", question).lower()
    tellings = _tellings(text, table)
    if not any(by_employer for _, by_employer in tellings):
        return None
    best: tuple[int, Position, int, int] | None = None
    for position in table.positions:
        if position.unless is not None and values is not None and position.unless.holds(values) is True:
            continue
        for pattern in position.claims:
            for m in pattern.finditer(text):
                # The nearest telling before the claim, in the same sentence, is the employer's.
                before = [(at, by) for at, by in tellings if at <= m.start() and m.start() - at <= _REACH]
                if not before or not before[-1][1] or _SENTENCE_END.search(text, before[-1][0], m.start()):
                    continue
                if any(not by and m.start() < at <= m.end() for at, by in tellings):
                    continue  # someone else tells the words the claim spans (辞职的同事说…不给工资)
                if best is None or m.start() < best[2]:
                    best = (before[-1][0], position, m.start(), m.end())
                break
    if best is None:
        return None
    said_at, position, claim_start, claim_end = best
    end = _CLAUSE_END.search(text, claim_end)
    start = said_at if claim_start - said_at <= _MAX_QUOTE // 2 else claim_start
    # The worker's own characters (a full-width comma stays one) where normalising kept the positions.
    source = question if len(question) == len(text) else text
    quote = source[start : end.start() if end else len(source)]
    quote = _CLOSE_QUOTE.sub("", _OPEN_QUOTE.sub("", quote))
    quote = _ASKED_TAIL.sub("", quote)
    if len(quote) > _MAX_QUOTE:
        quote = _CLOSE_QUOTE.sub("", source[claim_start:claim_end])
    return Rebuttal(
        position.id,
        position.say.replace("{quote}", quote),
        position.cite,
        quote,
        _asked_verdict(question, table, claim_start),
    )


def _asked_verdict(question: str, table: PositionTable, claim_start: int) -> str | None:
    """The verdict word when what is asked is whether the claim holds: the asked clause carries one of
    the forms and is either the claim's own clause (老板说试用期不交社保合法吗) or asks about nothing
    else (…，这合法吗)."""
    text = unicodedata.normalize("NFKC", question).lower()
    clause = asked_clause(text).lower()
    if not clause:
        clause = _CLAUSE_END.split(text.strip().rstrip("？?。！!"))[-1]
    form = next((f for f in table.forms if any(w in clause for w in f.words)), None)
    if form is None:
        return None
    at = text.rfind(clause)
    if at <= claim_start < at + len(clause):
        return form.verdict
    rest = clause
    for word in sorted((*form.words, *_FILLER), key=len, reverse=True):
        rest = rest.replace(word, "")
    return form.verdict if not re.sub(r"[\s？?。！!，,]", "", rest) else None


# Words a bare "is that so" clause is made of besides its form (这样合法吗, 他们这么说对吗).
_FILLER = (
    "这样",
    "这么",
    "这个",
    "这",
    "那",
    "他们",
    "他",
    "她",
    "公司",
    "老板",
    "单位",
    "说",
    "做",
    "的",
    "吗",
    "呢",
    "么",
)
