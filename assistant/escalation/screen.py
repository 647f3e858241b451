"""The structural part of the safety screen: lexicons of words (body parts, harms, kin, threats …)
combined by structures ("a body part and a severe harm within one clause, in either order") instead
of one phrase per case. The lexicons and structures are data (``corpus/safety_screen.toml``); this
module only compiles and applies them. Pure functions, no I/O.

A structure names one or two slots, each a lexicon (``@body_part``) or an inline regular
expression; with two it matches when both occur in the same scope (clause, sentence, message or
whole conversation) within ``max_gap`` characters, in the given order or either order. ``require``
lists lexicons that must also occur somewhere in the scope; ``cancel_in_scope`` and
``cancel_before`` drop a match (hypotheticals, negation, a funeral-leave question …), and
``soft_cancel`` drops it unless one of ``keep_if`` is in the scope too; ``cancel_anywhere`` drops it
when its words occur anywhere in the conversation (丧假 in a later message)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

Scope = Literal["clause", "sentence", "message", "conversation"]
SCOPES: tuple[str, ...] = ("clause", "sentence", "message", "conversation")
CLAUSE_BREAK = re.compile(r"[,，;；。!！?？\n…、]+|\s{2,}")
SENTENCE_BREAK = re.compile(r"[。!！?？\n]+")
LEXICON_REF = re.compile(r"@([a-z_][a-z0-9_]*)")


class ScreenError(ValueError):
    """A lexicon or structure of the safety screen is malformed (unknown lexicon, bad regex …)."""


@dataclass(frozen=True)
class Structure:
    """Two slots that must occur together; see the module docstring."""

    name: str
    code: str
    kind: str
    priority: str
    category: str
    text: str
    slots: tuple[re.Pattern[str], ...]
    order: Literal["given", "any"] = "any"
    max_gap: int = 8
    scope: Scope = "clause"
    require: tuple[re.Pattern[str], ...] = ()
    cancel_in_scope: re.Pattern[str] | None = None
    cancel_before: re.Pattern[str] | None = None
    cancel_window: int = 4
    soft_cancel: re.Pattern[str] | None = None
    keep_if: re.Pattern[str] | None = None
    cancel_anywhere: re.Pattern[str] | None = None
    # The tense class whose reading may set a hit aside (``[tense.classes]`` of escalation.toml).
    tense: str = ""


@dataclass(frozen=True)
class StructureHit:
    structure: Structure
    evidence: str
    turn: int | None
    # Where the evidence is: offsets into the message ``turn`` (into the joined conversation when
    # ``turn`` is None).
    start: int = 0
    end: int = 0


def expand(pattern: str, lexicons: Mapping[str, str], where: str) -> str:
    """Replace every ``@name`` by the lexicon's alternation (as a non-capturing group)."""

    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in lexicons:
            raise ScreenError(f"{where}: 未知的词表 @{name}")
        return f"(?:{lexicons[name]})"

    return LEXICON_REF.sub(sub, pattern)


def compile_lexicons(raw: Mapping[str, Sequence[str]], where: str) -> dict[str, str]:
    """Each lexicon becomes one alternation. A lexicon may use an earlier one (``@kin`` inside
    ``@person``); entries are checked as regular expressions one by one, so an error names the entry."""
    out: dict[str, str] = {}
    for name, entries in raw.items():
        if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
            raise ScreenError(f"{where}: 词表名 {name!r} 只能用小写字母、数字和下划线")
        if not entries:
            raise ScreenError(f"{where}: 词表 {name} 是空的")
        parts = []
        for entry in entries:
            expanded = expand(str(entry), out, f"{where} [{name}]")
            try:
                re.compile(expanded)
            except re.error as exc:
                raise ScreenError(f"{where} [{name}]: 正则表达式 {entry!r} 有误（{exc}）") from exc
            parts.append(expanded)
        # Longer entries first, so 大拇指 is read before 拇指 and the evidence is the whole word.
        parts.sort(key=len, reverse=True)
        out[name] = "|".join(parts)
    return out


def _compile(pattern: str, lexicons: Mapping[str, str], where: str) -> re.Pattern[str]:
    try:
        return re.compile(expand(pattern, lexicons, where), re.IGNORECASE)
    except re.error as exc:
        raise ScreenError(f"{where}: 正则表达式 {pattern!r} 有误（{exc}）") from exc


def _either(patterns: Sequence[str], lexicons: Mapping[str, str], where: str) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return _compile("|".join(f"(?:{p})" for p in patterns), lexicons, where)


def parse_structure(raw: Mapping[str, Any], lexicons: Mapping[str, str], where: str) -> Structure:
    slots = raw.get("slots")
    if not isinstance(slots, list) or len(slots) not in (1, 2) or not all(slots):
        raise ScreenError(f"{where}: slots 需要一个或两个非空的词表 @name 或正则表达式")
    for key in ("code", "text", "kind"):
        if not raw.get(key):
            raise ScreenError(f"{where}: 缺少 {key}")
    order = raw.get("order", "any")
    if order not in ("given", "any"):
        raise ScreenError(f"{where}: order 只能是 given 或 any")
    scope = raw.get("scope", "clause")
    if scope not in SCOPES:
        raise ScreenError(f"{where}: scope 只能是 {'、'.join(SCOPES)}")
    return Structure(
        name=str(raw.get("name", raw["code"])),
        code=str(raw["code"]),
        kind=str(raw["kind"]),
        priority=str(raw.get("priority", "normal")),
        category=str(raw.get("category", "")),
        text=str(raw["text"]),
        slots=tuple(_compile(slot, lexicons, where) for slot in slots),
        order=order,
        max_gap=int(raw.get("max_gap", 8)),
        scope=scope,
        require=tuple(_compile(p, lexicons, where) for p in raw.get("require", [])),
        cancel_in_scope=_either(raw.get("cancel_in_scope", []), lexicons, where),
        cancel_before=_either(raw.get("cancel_before", []), lexicons, where),
        cancel_window=int(raw.get("cancel_window", 4)),
        soft_cancel=_either(raw.get("soft_cancel", []), lexicons, where),
        keep_if=_either(raw.get("keep_if", []), lexicons, where),
        cancel_anywhere=_either(raw.get("cancel_anywhere", []), lexicons, where),
        tense=str(raw.get("tense", "")),
    )


def _spans(text: str, splitter: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    start = 0
    for m in splitter.finditer(text):
        if m.start() > start:
            yield start, m.start()
        start = m.end()
    if start < len(text):
        yield start, len(text)


def _scopes(texts: Sequence[str], scope: str) -> Iterator[tuple[str, int | None, int]]:
    """(segment, turn, offset of the segment in its message)."""
    if scope == "conversation":
        yield "\n".join(texts), None, 0
        return
    for turn, text in enumerate(texts):
        if scope == "message":
            yield text, turn, 0
            continue
        splitter = CLAUSE_BREAK if scope == "clause" else SENTENCE_BREAK
        for a, b in _spans(text, splitter):
            yield text[a:b], turn, a


def _pairs(structure: Structure, segment: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every pair of slot matches within the gap, in an allowed order."""
    first = list(structure.slots[0].finditer(segment))
    first = [a for a in first if a.end() > a.start()]
    if len(structure.slots) == 1:
        for a in first:
            yield a.start(), a.end()
        return
    if not first:
        return
    second = [b for b in structure.slots[1].finditer(segment) if b.end() > b.start()]
    for a in first:
        for b in second:
            if b.start() >= a.end() and b.start() - a.end() <= structure.max_gap:
                yield a.start(), b.end()
            elif (
                structure.order == "any" and a.start() >= b.end() and a.start() - b.end() <= structure.max_gap
            ):
                yield b.start(), a.end()


def match_structure(structure: Structure, texts: Sequence[str], mask: str = "□") -> StructureHit | None:
    """The first place in the conversation where the structure holds, or None."""
    return next(iter_hits(structure, texts, mask), None)


def iter_hits(structure: Structure, texts: Sequence[str], mask: str = "□") -> Iterator[StructureHit]:
    """Every place in the conversation where the structure holds, in order."""
    # Most structures find a slot nowhere in the conversation: one search of the whole text settles
    # that before the per-clause work. (Slots never anchor on a clause edge, so a slot found in a
    # clause is found in the whole text too.)
    whole = "\n".join(texts)
    if not all(slot.search(whole) for slot in reversed(structure.slots)):
        return
    if structure.cancel_anywhere is not None and structure.cancel_anywhere.search(whole):
        return
    for segment, turn, offset in _scopes(texts, structure.scope):
        if not all(p.search(segment) for p in structure.require):
            continue
        if structure.cancel_in_scope is not None and structure.cancel_in_scope.search(segment):
            continue
        if (
            structure.soft_cancel is not None
            and structure.soft_cancel.search(segment)
            and not (structure.keep_if is not None and structure.keep_if.search(segment))
        ):
            continue
        for start, end in _pairs(structure, segment):
            evidence = segment[start:end]
            if mask in evidence:
                continue
            if structure.cancel_before is not None:
                before = segment[max(0, start - structure.cancel_window) : start]
                if structure.cancel_before.search(before):
                    continue
            yield StructureHit(structure, evidence, turn, offset + start, offset + end)
