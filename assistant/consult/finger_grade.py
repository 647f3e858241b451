"""The typical disability grade of a told finger injury (issue 13, session 28).

A worker who says which fingers were hurt and how far (左手中指掉俩节，无名指掉一节; 右手2、3、4指多节完全切断; 拇指骨折后
僵硬，弯不了) asks where he stands, not for the standard's whole table. This module reads the digits named, what
happened to each (lost, or its joint's function lost) and how far (half the thumb's last segment, the last segment,
two segments or more), and finds the most severe item of the national standard's hand items that the injury meets
(corpus/consult/finger_grades.toml, GB/T 16180-2014, grades 7–10), with the standard's rule for several injuries: a
second injury of the same grade may raise the grade by one. Pure logic over the message text; the data is checked at
load. The city's appraisal committee decides (工伤保险条例 23, 25): the answer says "一般", never "is".
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "corpus" / "consult" / "finger_grades.toml"

DIGITS = ("thumb", "index", "middle", "ring", "little")
# In order of extent: a loss at the middle joint includes the last segment.
LEVELS = ("half", "distal", "proximal")
VAGUE = "vague"  # words that leave the extent open (半截): no estimate
UNTOLD = "untold"  # an item for a loss told without how far (食指切断了)
KINDS = ("lost", "function")
# The grade's months of 本人工资 as the one-off disability grant (工伤保险条例 37(1), 36(1)).
GRANT_MONTHS = {5: 18, 6: 16, 7: 13, 8: 11, 9: 9, 10: 7}
_NUMERALS = {"1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "一": 0, "二": 1, "三": 2, "四": 3, "五": 4}
_LIST_GAP = re.compile(r"[、,，和及与跟还有以及加上\s]{0,4}")
_SENTENCE_END = re.compile(r"[。！？?!；;]")
SEGMENT_MAX = 20  # characters read after a digit (or a list of digits) for what happened to it


class FingerDataError(ValueError):
    """corpus/consult/finger_grades.toml is malformed."""


@dataclass(frozen=True)
class Item:
    id: str
    grade: int
    kind: str
    digits: str  # thumb, index or fingers (the four other than the thumb)
    basis: str
    level: str | None = None
    count: int = 1
    count_max: int = 4
    with_index: bool | None = None
    # The item's grade holds on a condition the basis states (a stiff thumb wholly stiff, an index finger's segments):
    # the answer states it as a condition, with the other grade beside it.
    conditional: bool = False


@dataclass(frozen=True)
class Table:
    digit_words: dict[str, tuple[str, ...]]
    numbered: tuple[str, ...]
    harm_words: dict[str, tuple[str, ...]]
    level_words: dict[str, tuple[str, ...]]
    items: tuple[Item, ...]
    source: str


@dataclass(frozen=True)
class Hurt:
    digit: str
    kind: str
    level: str | None


@dataclass(frozen=True)
class FingerEstimate:
    grade: int
    basis: str
    raised: bool  # another injury of the same grade: the grade may be raised by one
    told: str  # the words the injury was told in
    # The grade holds on a condition its basis states (a joint wholly stiff, how many segments lost).
    conditional: bool = False

    @property
    def grant_months(self) -> int:
        return GRANT_MONTHS[self.grade]

    @property
    def grade_name(self) -> str:
        return "五六七八九十"[self.grade - 5] + "级"


@lru_cache(maxsize=1)
def load_table(path: Path = DATA) -> Table:
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    digits = {d: tuple(raw["digits"][d]) for d in DIGITS}
    numbered = tuple(raw["digits"]["numbered"])
    if sorted(numbered) != sorted(DIGITS):
        raise FingerDataError(f"{path}: digits.numbered must name each digit once")
    harms = {k: tuple(raw["harms"][k]) for k in KINDS}
    levels = {k: tuple(raw["levels"][k]) for k in (*LEVELS, VAGUE) if k in raw["levels"]}
    items = []
    for entry in raw["items"]:
        item = Item(**entry)
        if item.kind not in KINDS or item.digits not in ("thumb", "index", "fingers"):
            raise FingerDataError(f"{path}: item {item.id} names an unknown kind or digits")
        if item.level is not None and item.level not in (*LEVELS, UNTOLD):
            raise FingerDataError(f"{path}: item {item.id} names an unknown level {item.level}")
        if item.grade not in GRANT_MONTHS:
            raise FingerDataError(f"{path}: item {item.id} has grade {item.grade} outside 5–10")
        items.append(item)
    if [i.grade for i in items] != sorted(i.grade for i in items):
        raise FingerDataError(f"{path}: items must run from the most severe grade to the least")
    return Table(digits, numbered, harms, levels, tuple(items), str(raw.get("source", "")))


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _mentions(text: str, table: Table) -> list[tuple[int, int, str]]:
    """Each digit named, with its span: by name (无名指) or by number in a list (2、3、4指)."""
    found: list[tuple[int, int, str]] = []
    for digit, words in table.digit_words.items():
        for hit in re.finditer(_alternation(words), text):
            found.append((hit.start(), hit.end(), digit))
    for hit in re.finditer(r"([1-5](?:\s*[、,，和及与]\s*[1-5])+)\s*指", text):
        for number in re.finditer(r"[1-5]", hit.group(1)):
            at = hit.start(1) + number.start()
            found.append((at, hit.end(), table.numbered[_NUMERALS[number.group(0)]]))
    found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    kept: list[tuple[int, int, str]] = []
    for mention in found:
        if kept and mention[0] < kept[-1][1] and mention[2] == kept[-1][2]:
            continue  # 大拇指 holds 拇指: one mention
        if kept and mention[0] < kept[-1][1] and not re.match(r"[1-5]", text[mention[0]]):
            continue
        kept.append(mention)
    return kept


def _read(segment: str, table: Table) -> tuple[str | None, str | None, int]:
    """What happened (the first harm word told) and how far, and where the last of those words ends."""
    hits = [
        (hit.start(), hit.end(), kind)
        for kind in KINDS
        for hit in re.finditer(_alternation(table.harm_words[kind]), segment)
    ]
    kind = min(hits)[2] if hits else None  # 关节弯不了，神经缺失: the joint's function, told first
    ends = [end for _, end, found in hits if found == kind]
    level: str | None = None
    for name in ("proximal", "half", "distal"):  # 只剩一节 holds 一节: the wider reading first
        if found := list(re.finditer(_alternation(table.level_words[name]), segment)):
            level = name
            ends += [h.end() for h in found]
            break
    return kind, level, max(ends, default=0)


def read_hurts(text: str, table: Table | None = None) -> tuple[list[Hurt], str]:
    """The digits hurt and how, and the words they were told in."""
    table = table or load_table()
    mentions = _mentions(text, table)
    if not mentions:
        return [], ""
    groups: list[list[tuple[int, int, str]]] = []
    for mention in mentions:
        if groups and _LIST_GAP.fullmatch(text[groups[-1][-1][1] : mention[0]]):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    readings: list[tuple[list[tuple[int, int, str]], str | None, str | None, int]] = []
    for n, group in enumerate(groups):
        start = group[-1][1]
        end = groups[n + 1][0][0] if n + 1 < len(groups) else len(text)
        segment = text[start : min(end, start + SEGMENT_MAX)]
        if stop := _SENTENCE_END.search(segment):
            segment = segment[: stop.start()]
        kind, level, last = _read(segment, table)
        readings.append((group, kind, level, start + last))
    told_apart = ""
    if all(kind is None and level is None for _, kind, level, _ in readings):
        # 手指断了两个小节……工伤是左手中指和四指: what happened told apart from the digits named.
        kind, level, last = _read(text, table)
        readings = [(group, kind, level, group[-1][1]) for group, _, _, _ in readings]
        clause = re.split(r"[，,。！？?!；;]", text[:last])[-1]
        named = "、".join(text[start:end] for start, end, _ in mentions)
        told_apart = f"{clause}，是{named}" if clause else named
    hurts: list[Hurt] = []
    for group, kind, level, _ in readings:
        for _, _, digit in group:
            if kind is not None and not any(h.digit == digit for h in hurts):
                hurts.append(
                    Hurt(digit, kind, level)
                )  # 拇指骨裂，大拇指关节弯不了: one thumb, its first telling
    told = told_apart or text[mentions[0][0] : max(end for _, _, _, end in readings)].strip("，,。 ")
    return hurts, told


def _rank(level: str | None) -> int:
    return -1 if level is None else LEVELS.index(level)


def _match(item: Item, hurts: list[Hurt]) -> list[Hurt] | None:
    """The digits the item consumes, or None when the injury does not meet it."""
    same = [h for h in hurts if h.kind == item.kind]
    if item.digits == "thumb":
        thumb = [h for h in same if h.digit == "thumb"]
        if not thumb:
            return None
        level = thumb[0].level
        if item.kind == "lost" and item.level == "half" and level != "half":
            return None
        if item.kind == "lost" and item.level == "proximal" and level == "half":
            return None
        return thumb[:1]
    if item.digits == "index":
        wanted = None if item.level == UNTOLD else item.level
        index = [h for h in same if h.digit == "index" and h.level == wanted]
        return index[:1] or None
    fingers = [h for h in same if h.digit != "thumb"]
    if item.level is not None:
        fingers = [h for h in fingers if _rank(h.level) >= LEVELS.index(item.level) or h.level is None]
        if item.level == "proximal":
            fingers = [h for h in fingers if h.level == "proximal"]
    if item.with_index is True and not any(h.digit == "index" for h in fingers):
        return None
    if item.with_index is False:
        fingers = [h for h in fingers if h.digit != "index"]
    fingers.sort(key=lambda h: -_rank(h.level))
    if len(fingers) < item.count:
        return None
    return fingers[: min(len(fingers), item.count_max)] if item.count > 1 else fingers[:1]


def _best(hurts: list[Hurt], table: Table) -> tuple[Item, list[Hurt]] | None:
    for item in table.items:
        used = _match(item, hurts)
        if used:
            return item, used
    return None


def estimate(text: str, table: Table | None = None) -> FingerEstimate | None:
    """The most severe standard item the told finger injury meets, or None when none is told plainly enough."""
    table = table or load_table()
    if (vague := table.level_words.get(VAGUE)) and re.search(_alternation(vague), text):
        return None  # 锯掉了半截拇指: how far is not told plainly
    hurts, told = read_hurts(text, table)
    if not hurts:
        return None
    best = _best(hurts, table)
    if best is None:
        return None
    item, used = best
    rest = [h for h in hurts if h not in used]
    second = _best(rest, table) if rest else None
    raised = second is not None and second[0].grade == item.grade
    return FingerEstimate(item.grade, item.basis, raised, told, item.conditional)
