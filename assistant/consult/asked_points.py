"""The point asked inside a topic (corpus/consult/asked_points.toml): a question whose topic is found right
may still ask a neighbouring point of it — the nursing fee of a work injury, the time limit of its
recognition, the validity of a labour contract, the procedure of a layoff or of the disability appraisal.
When the question's words name such a point, the guide answer written for it opens, and the topic's default
answer (who pays the medical costs, sick-leave rules, a settlement's revocation) does not.

Pure: the table, the question, its kind and the worker's facts are the inputs. The table names guide answers
(``guide/answer``); an entry whose answer is not among the usable guides — a guide left out because a clause
it cites is not in the store (guides.cite_problem) — is left out (``check_asked_points``)."""

from __future__ import annotations

import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.config import CORPUS_DIR
from assistant.consult.guides import (
    KINDS,
    AnswerKind,
    Condition,
    GuideBook,
    GuideError,
    table_rows,
    word_list,
)

ASKED_POINTS_PATH = CORPUS_DIR / "consult" / "asked_points.toml"


@dataclass(frozen=True)
class AskedPoint:
    """A point workers ask inside a topic: the words that mark it, the guide answer that answers it."""

    id: str
    guide: str
    answer: str
    words: tuple[tuple[str, ...], ...]  # a word of every group must be in the question
    unless: tuple[str, ...] = ()  # words that make it another point
    kinds: frozenset[AnswerKind] = frozenset()  # the question kinds it answers (empty: every kind)
    displaces: frozenset[str] = frozenset()  # guides and situations that give way when it is asked
    when: Condition | None = None  # facts that must hold besides the words
    # The point opens only where one of these guides would otherwise open (empty: wherever it is asked): a
    # point whose topic's own answers already serve it well (a layoff's cap or penalty question) but which
    # one neighbouring guide misreads (a layoff read as a change of employer).
    over: frozenset[str] = frozenset()
    # Situations whose block of first steps is not shown when this point is asked (session 17): a point asked
    # only past the emergency (what grade the injury will get) would otherwise open under 先治伤/急救 steps
    # the asker is past; the situation still speaks its answers, and the safety block is untouched.
    quiets: frozenset[str] = frozenset()

    @property
    def ref(self) -> str:
        return f"{self.guide}/{self.answer}"


@dataclass(frozen=True)
class AskedPointTable:
    points: tuple[AskedPoint, ...]

    def without(self, ids: set[str]) -> AskedPointTable:
        return AskedPointTable(tuple(p for p in self.points if p.id not in ids))


_FIELDS = {"id", "answer", "words", "unless", "kinds", "displaces", "when", "over", "quiets"}


def parse_asked_points(data: Mapping[str, Any], where: str = "asked_points.toml") -> AskedPointTable:
    """The table from its TOML data; a malformed entry raises GuideError naming it."""
    points: list[AskedPoint] = []
    seen: set[str] = set()
    for label, raw in table_rows(data, "asked", where, _FIELDS):
        pid = raw.get("id")
        if not isinstance(pid, str) or not pid or pid in seen:
            raise GuideError(f"{label}：id 缺失或重复")
        seen.add(pid)
        label = f"{label}（{pid}）"
        ref = raw.get("answer")
        if not isinstance(ref, str) or ref.count("/") != 1 or not all(ref.split("/")):
            raise GuideError(f"{label}：answer 要写成 指南id/回答id")
        guide, answer = ref.split("/")
        groups = raw.get("words")
        if not isinstance(groups, list) or not groups:
            raise GuideError(f"{label}：words 要写成几组词，每组至少有一个词出现在问题里")
        words = tuple(word_list(group, f"{label}.words[{n}]") for n, group in enumerate(groups))
        unless = word_list(raw["unless"], f"{label}.unless") if "unless" in raw else ()
        kinds = raw.get("kinds", [])
        if not isinstance(kinds, list) or any(k not in KINDS for k in kinds):
            raise GuideError(f"{label}：kinds 只能是 {sorted(KINDS)}")
        displaces = word_list(raw["displaces"], f"{label}.displaces") if "displaces" in raw else ()
        over = word_list(raw["over"], f"{label}.over") if "over" in raw else ()
        quiets = word_list(raw["quiets"], f"{label}.quiets") if "quiets" in raw else ()
        when = raw.get("when")
        if when is not None and (not isinstance(when, str) or not when.strip()):
            raise GuideError(f"{label}：when 应为条件表达式")
        try:
            condition = Condition.parse(when) if when else None
        except GuideError as exc:
            raise GuideError(f"{label}：{exc}") from exc
        points.append(
            AskedPoint(
                pid,
                guide,
                answer,
                words,
                unless,
                frozenset(kinds),
                frozenset(displaces),
                condition,
                frozenset(over),
                frozenset(quiets),
            )
        )
    if not points:
        raise GuideError(f"{where}：没有 asked")
    return AskedPointTable(tuple(points))


@lru_cache(maxsize=4)
def load_asked_points(path: Path = ASKED_POINTS_PATH) -> AskedPointTable:
    with path.open("rb") as handle:
        return parse_asked_points(tomllib.load(handle), path.name)


def check_asked_points(
    table: AskedPointTable, book: GuideBook, fact_names: Iterable[str] | None = None
) -> list[tuple[str, str]]:
    """(entry, problem) for every entry whose answer is not in a usable guide (one left out because a
    clause it cites is missing from the store), whose displaced guides do not exist, or whose condition
    names an unknown fact."""
    problems: list[tuple[str, str]] = []
    by_id = {g.id: g for g in book.all()}
    names = set(fact_names) if fact_names is not None else None
    for point in table.points:
        guide = by_id.get(point.guide)
        if guide is None:
            problems.append((point.id, f"没有可用的指南 {point.guide}"))
        elif not any(a.id == point.answer for a in guide.answers):
            problems.append((point.id, f"指南 {point.guide} 中没有回答 {point.answer}"))
        for other in sorted((point.displaces | point.over) - set(by_id)):
            problems.append((point.id, f"displaces 或 over 中的 {other} 不是指南或情形"))
        situations = {g.id for g in book.situations}
        for other in sorted(point.quiets - situations):
            problems.append((point.id, f"quiets 中的 {other} 不是情形"))
        if names is not None and point.when is not None:
            for name in sorted(point.when.names - names):
                problems.append((point.id, f"条件用到了未知的事实名：{name}"))
    return problems


def find_asked_point(
    question: str, kind: AnswerKind, values: Mapping[str, Any], table: AskedPointTable
) -> AskedPoint | None:
    """The first entry (in the table's order) whose every word group is named in the question, none of
    whose ``unless`` words is, that answers the question's kind and whose facts hold."""
    text = unicodedata.normalize("NFKC", question).lower()
    for point in table.points:
        if point.kinds and kind not in point.kinds:
            continue
        if not all(any(word in text for word in group) for group in point.words):
            continue
        if any(word in text for word in point.unless):
            continue
        if point.when is not None and point.when.holds(values) is not True:
            continue
        return point
    return None
