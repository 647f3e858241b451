"""A question asking the difference between two things (辞退和辞职有什么区别, 经济补偿和赔偿金哪个多) is
answered with the difference, each side with its clause (corpus/consult/differences.toml), not with one
side's formula. Pure: the table and the question are the inputs."""

from __future__ import annotations

import tomllib
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.config import CORPUS_DIR
from assistant.consult.guides import ClauseRef, GuideError, cite_problem, table_rows, word_list

DIFFERENCES_PATH = CORPUS_DIR / "consult" / "differences.toml"


@dataclass(frozen=True)
class Pair:
    """Two things workers confuse, the words that name each, and the sentence that tells them apart."""

    id: str
    sides: tuple[tuple[str, ...], tuple[str, ...]]
    say: str
    cite: tuple[ClauseRef, ...]


@dataclass(frozen=True)
class DifferenceTable:
    asks: tuple[str, ...]
    pairs: tuple[Pair, ...]

    def without(self, ids: set[str]) -> DifferenceTable:
        return DifferenceTable(self.asks, tuple(p for p in self.pairs if p.id not in ids))


def parse_differences(data: Mapping[str, Any], where: str = "differences.toml") -> DifferenceTable:
    """The table from its TOML data; a malformed pair raises GuideError naming it."""
    asks = word_list(data.get("asks"), f"{where}: asks")
    pairs: list[Pair] = []
    seen: set[str] = set()
    for label, raw in table_rows(data, "pair", where, {"id", "sides", "say", "cite"}):
        pid = raw.get("id")
        if not isinstance(pid, str) or not pid or pid in seen:
            raise GuideError(f"{label}：id 缺失或重复")
        seen.add(pid)
        sides = raw.get("sides")
        if not isinstance(sides, list) or len(sides) != 2:
            raise GuideError(f"{label}（{pid}）：sides 要写两边，各是一组词")
        say = raw.get("say")
        if not isinstance(say, str) or not say.strip():
            raise GuideError(f"{label}（{pid}）：要有 say（一两句话讲清区别）")
        cites = raw.get("cite")
        if not isinstance(cites, list) or not cites:
            raise GuideError(f"{label}（{pid}）：要有 cite（两边各自依据的条款）")
        pairs.append(
            Pair(
                pid,
                (word_list(sides[0], f"{label}.sides[0]"), word_list(sides[1], f"{label}.sides[1]")),
                say.strip(),
                tuple(ClauseRef.parse(c) for c in cites),
            )
        )
    if not pairs:
        raise GuideError(f"{where}：没有 pair")
    return DifferenceTable(asks, tuple(pairs))


@lru_cache(maxsize=4)
def load_differences(path: Path = DIFFERENCES_PATH) -> DifferenceTable:
    with path.open("rb") as handle:
        return parse_differences(tomllib.load(handle), path.name)


def check_differences(
    table: DifferenceTable, lookup: Callable[[str, int, int | None], Any]
) -> list[tuple[str, str, str]]:
    """(pair, clause, problem) for every cited clause missing from the store, out of force or without
    the paragraph or item named."""
    problems: list[tuple[str, str, str]] = []
    for pair in table.pairs:
        for ref in pair.cite:
            if (problem := cite_problem(ref, lookup)) is not None:
                problems.append((pair.id, str(ref), problem))
    return problems


def _named_apart(text: str, first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    """Both sides named, each at a place of its own: a word of one side inside a word of the other (到期
    in 没到期) names only the other."""
    spans_a = [(i, i + len(w)) for w in first for i in _all(text, w)]
    spans_b = [(i, i + len(w)) for w in second for i in _all(text, w)]

    def own(spans: list[tuple[int, int]], others: list[tuple[int, int]]) -> list[tuple[int, int]]:
        return [
            (a, b) for a, b in spans if not any(c <= a and b <= d and (c, d) != (a, b) for c, d in others)
        ]

    return bool(own(spans_a, spans_b)) and bool(own(spans_b, spans_a))


def _all(text: str, word: str) -> list[int]:
    out, at = [], text.find(word)
    while at >= 0:
        out.append(at)
        at = text.find(word, at + 1)
    return out


def find_difference(question: str, table: DifferenceTable) -> Pair | None:
    """The pair whose difference the question asks: a difference asked, both sides named; the pair whose
    words come first in the question when several fit."""
    text = unicodedata.normalize("NFKC", question).lower()
    if not any(word in text for word in table.asks):
        return None
    fitting = [p for p in table.pairs if _named_apart(text, *p.sides)]
    if not fitting:
        return None
    return min(fitting, key=lambda p: min(text.find(w) for side in p.sides for w in side if w in text))
