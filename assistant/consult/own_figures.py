"""The worker's own figure in place of the rule in the opening (corpus/consult/own_figures.toml).

Session 23 (issue 13): lawyers reading answers blind found the money asked answered with the rule of the ending
(两倍赔偿金（每满1年2个月工资）) while the worker had told the years and the tools had the months for them. Where an
opening sentence states such a rule and the tool's quantity is known, the sentence states the months instead."""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.config import CORPUS_DIR
from assistant.consult.guides import GuideError, table_rows

OWN_FIGURES_PATH = CORPUS_DIR / "consult" / "own_figures.toml"
_FIELDS = frozenset({"rule", "say"})


@dataclass(frozen=True)
class Figure:
    rule: str  # the rule's words as the guides write them
    say: str  # what stands in their place, with a tool quantity ({damages_months})


@dataclass(frozen=True)
class FigureTable:
    kinds: frozenset[str]  # question kinds that ask the figure
    points: tuple[str, ...]  # points (points.toml) whose words ask it
    entries: tuple[Figure, ...]


@lru_cache(maxsize=4)
def load_own_figures(path: Path = OWN_FIGURES_PATH) -> FigureTable:
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    entries = []
    for label, row in table_rows(raw, "figure", path.name, _FIELDS):
        rule, say = row.get("rule"), row.get("say")
        if not isinstance(rule, str) or not rule or not isinstance(say, str) or "{" not in say:
            raise GuideError(f"{label}：要有 rule 和带数量的 say")
        entries.append(Figure(rule, say))
    kinds, points = raw.get("kinds", []), raw.get("points", [])
    if not all(isinstance(k, str) for k in kinds) or not all(isinstance(p, str) for p in points):
        raise GuideError(f"{path.name}：kinds 和 points 应为字符串数组")
    # Longer rules first: a rule that contains a shorter one is replaced whole.
    entries.sort(key=lambda e: -len(e.rule))
    return FigureTable(frozenset(kinds), tuple(points), tuple(entries))


def with_own_figures(
    text: str,
    values: Mapping[str, Any],
    table: FigureTable,
    fill: Callable[[str, Mapping[str, Any]], str | None],
) -> str:
    """The sentence with each rule the table knows replaced by the worker's figure, where it is known and the
    sentence does not state it already."""
    for entry in table.entries:
        if entry.rule not in text:
            continue
        figure = fill(entry.say, values)
        if figure is None:
            continue
        core = figure.strip("（）")
        number = core[core.find("是") + 1 :] if "是" in core else core
        if number in text:
            continue
        text = text.replace(entry.rule, figure)
    return text
