"""What else the worker is owed on their own facts, beside the point asked (corpus/consult/also_owed.toml).

Session 21 (issue 13): lawyers reading answers blind found the asked point answered and a right the worker's own
facts plainly give left out — the double wage of a worker who never signed and is leaving, the extension of a
fixed term that expires in pregnancy, the years that carry over a merger, an injured worker's leaving lump sums.
Each right is one table entry keyed on the facts; when its facts hold and the opening does not say it already,
one sentence with its clause follows the direct answer (never before it)."""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.config import CORPUS_DIR
from assistant.consult.guides import (
    Condition,
    GuideError,
    Statement,
    _statements,
    cite_problem,
    table_rows,
)

OWED_PATH = CORPUS_DIR / "consult" / "also_owed.toml"
_FIELDS = frozenset({"id", "when", "said", "not_after", "branches"})


@dataclass(frozen=True)
class Owed:
    id: str
    when: Condition
    said: tuple[str, ...]  # words showing the opening already says it
    not_after: tuple[str, ...]  # guides whose opening rules the right out
    branches: tuple[Statement, ...]


@dataclass(frozen=True)
class OwedTable:
    entries: tuple[Owed, ...]

    def without(self, ids: set[str]) -> OwedTable:
        return OwedTable(tuple(e for e in self.entries if e.id not in ids))


def _condition(source: Any, where: str) -> Condition:
    if not isinstance(source, str):
        raise GuideError(f"{where}：when 应为条件字符串")
    return Condition.parse(source)


@lru_cache(maxsize=4)
def load_owed(path: Path = OWED_PATH) -> OwedTable:
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    entries: list[Owed] = []
    for label, row in table_rows(raw, "owed", path.name, _FIELDS):
        entry_id = row.get("id")
        if not isinstance(entry_id, str) or not entry_id.strip():
            raise GuideError(f"{label}：要有 id")
        branches = row.get("branches")
        if not isinstance(branches, list) or not branches:
            raise GuideError(f"{label}：要有至少一个 [[owed.branches]]")
        statements = _statements(branches, f"{label}.branches")
        if any(not s.cite for s in statements):
            raise GuideError(f"{label}：每个 branch 都要 cite 它依据的条款")
        said = row.get("said", [])
        not_after = row.get("not_after", [])
        if not isinstance(said, list) or not all(isinstance(w, str) and w for w in said):
            raise GuideError(f"{label}：said 应为字符串数组")
        if not isinstance(not_after, list) or not all(isinstance(g, str) and g for g in not_after):
            raise GuideError(f"{label}：not_after 应为指南 id 数组")
        entries.append(
            Owed(
                entry_id.strip(),
                _condition(row.get("when", ""), label),
                tuple(said),
                tuple(not_after),
                statements,
            )
        )
    return OwedTable(tuple(entries))


def check_owed(
    table: OwedTable, lookup: Callable[[str, int, int | None], Any], fact_names: Iterable[str] | None = None
) -> list[tuple[str, str, str]]:
    """(entry, clause or fact, problem) for every cited clause the store cannot show and every condition or
    placeholder naming an unknown fact."""
    problems: list[tuple[str, str, str]] = []
    known = set(fact_names) if fact_names is not None else None
    for entry in table.entries:
        for statement in entry.branches:
            for ref in statement.cite:
                if (problem := cite_problem(ref, lookup)) is not None:
                    problems.append((entry.id, str(ref), problem))
        if known is None:
            continue
        conditions = [entry.when, *(s.when for s in entry.branches)]
        names = set().union(*(c.names for c in conditions), *(s.placeholders for s in entry.branches))
        for name in sorted(names - known):
            problems.append((entry.id, name, f"条件或句子用到了未知的事实名：{name}"))
    return problems


@dataclass(frozen=True)
class Addition:
    id: str
    statement: Statement
    text: str


def also_owed(
    values: Mapping[str, Any],
    opening_guide: str | None,
    said: str,
    fill: Callable[[str, Mapping[str, Any]], str | None],
    table: OwedTable | None = None,
) -> list[Addition]:
    """The sentences of the rights these facts give that ``said`` (the opening's text) does not say yet, in
    the table's order: for each entry whose facts hold, its first branch that holds and fills (``fill``: the
    plan's placeholder filler, which leaves a sentence out when a value it names is unknown)."""
    table = load_owed() if table is None else table
    out: list[Addition] = []
    for entry in table.entries:
        if entry.when.holds(values) is not True:
            continue
        if opening_guide is not None and opening_guide in entry.not_after:
            continue
        if any(word in said for word in entry.said):
            continue
        for statement in entry.branches:
            if statement.when.holds(values) is not True:
                continue
            text = fill(statement.say, values)
            if text is not None:
                out.append(Addition(entry.id, statement, text))
                break
    return out


def opening_text(sentences: Sequence[Any]) -> str:
    """The opening's text with the clauses it cites (《劳动合同法》第八十二条 counts as saying the double wage)."""
    return " ".join(s.text + " " + " ".join(str(ref) for ref in s.cite) for s in sentences)
