"""Consultation metrics (issue 13), deterministic so that a judge can redo every verdict by hand:

- **opening form**: does the answer open (after any safety block) with a conclusion of the form the
  question asks for — a verdict (合法吗/能不能), a figure (多少/怎么算), or an action (怎么办/要不要签)?
- **verdict**: for items with ``expected.verdict`` (yes / no / depends, answering the question as
  asked), does the opening sentence say it?
- **figures**: are the named quantities the assistant computed (its consultation's computations)
  equal to ``expected`` (money within 1 元 or 0.5 %, months within 0.05, dates and flags exactly), and
  is each figure also written in the answer?
- **own words**: key points found in the answer's own sentences, leaving out quoted statute text
  (「…」 and the 法律依据 block quotes), beside key points found anywhere;
- **safety first**: for items with ``safety_first``, does the text before the conclusion carry the
  safety or urgency block (110/120, 先别签, 停止工作 …)?

The rules are documented in eval/README.md ("Consultation metrics")."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from eval.answer_metrics import key_point_present, normalize_for_match

CONCLUSION = "**结论**"
_HEADING = re.compile(r"^\*\*[^*]+\*\*", re.M)

# The form of an opening sentence. A figure: a number with a unit, or a formula. A verdict: a
# yes/no word in its first clause. An action: something to do (or not do) now.
_FIGURE = re.compile(
    r"\d+(?:\.\d+)?\s*(?:元|块|天|日|个月|月|年|倍|小时|%|％)|[×÷]|乘以|除以|[一二两三四五六七八九十]+(?:天|个月|倍)"
)
_VERDICT = re.compile(
    r"^(?:不?合法|违法|不违法|不能|能|可以|不可以|有权|无权|不算|算|不是|是|属于|不属于|应当|应该|不用|不需要|"
    r"需要|要|会|不会|没有|有|一般|通常|原则上|只要|如果|要看|视情况|分情况|可能|不一定|不行|行|必须|不得)"
    r"|合法|违法|不能|可以|有权|无权|不算|算工伤|属于|应当|不用|不需要|要看|取决于|视情况"
)
_ACTION = re.compile(
    r"先|马上|立即|立刻|今天|尽快|赶紧|别|不要|千万|建议|可以(?:去|向|找|申请|拨打|要求|先)|去|申请|报警|拨打|找|"
    r"保留|保存|留好|停止|要求|提出|投诉|举报|联系"
)
_AFFIRM = re.compile(r"^(?:合法|能|可以|有权|算|是|属于|应当|应该|要|需要|会|有|行|对|来得及)")
_NEGATE = re.compile(
    r"^(?:不|没|无权|无|未|非|别)|不合法|不能|不可以|不算|不是|无权|不用|不需要|不属于|不会|没有"
)
_DEPENDS = re.compile(r"要看|视情况|分情况|取决于|不一定|看具体|如果|分两种")
_ASKS_NEGATIVE = re.compile(r"违法|不合法|犯法|违规|侵权|违约")
_SAYS_ILLEGAL = re.compile(r"不合法|违法|无权|不能|不可以|不得|不允许")
_SAYS_NOT_ILLEGAL = re.compile(r"不违法|合法|不算违法|没有违法|可以")


def opening(answer: str) -> tuple[str, str]:
    """(text before the conclusion, the conclusion's first paragraph). Without a 结论 heading the
    opening is the first paragraph of prose."""
    index = answer.find(CONCLUSION)
    if index < 0:
        paragraphs = [p.strip() for p in answer.split("\n\n") if p.strip() and not p.strip().startswith(">")]
        return "", paragraphs[0] if paragraphs else ""
    before = answer[:index]
    rest = answer[index + len(CONCLUSION) :].strip()
    first = rest.split("\n\n", 1)[0].strip()
    return before, first


def first_sentence(text: str, count: int = 1) -> str:
    """The opening sentence (or the first ``count`` sentences: "能要。按你说的……约28000元" gives its
    figure in the second), without the citations in brackets."""
    text = re.sub(r"（[^（）]*(?:第[^（）]*条)[^（）]*）", "", text)  # citations are not the sentence
    return "".join(re.split(r"(?<=[。！？])", text)[:count])


def first_clause(sentence: str) -> str:
    return re.split(r"[，,；;：:。！？]", sentence, maxsplit=1)[0]


_FIRST_STEP = re.compile(r"\*\*先做这几件事[^*]*\*\*\s*\n+\s*1\.\s*([^\n]+)")


def opening_form_ok(answer: str, kind: str) -> bool:
    """For an action, the answer may open with the urgent steps (先做这几件事: 1. 今天先别签字……),
    which are the first thing to do; otherwise the conclusion's first sentence decides."""
    before, paragraph = opening(answer)
    if kind == "action" and (step := _FIRST_STEP.search(before)) and _ACTION.search(step.group(1)[:24]):
        return True
    sentence = first_sentence(paragraph)
    if not sentence:
        return False
    if kind == "figure":
        return bool(_FIGURE.search(first_sentence(paragraph, 2)))
    if kind == "verdict":
        clause = first_clause(sentence)
        return bool(_VERDICT.search(clause[:14]))
    return bool(_ACTION.search(first_clause(sentence)) or _ACTION.search(first_sentence(paragraph, 2)[:40]))


def verdict_of(answer: str, question: str) -> str | None:
    """yes / no / depends as the opening sentence answers the question as asked; None: no verdict."""
    _, paragraph = opening(answer)
    clause = first_clause(first_sentence(paragraph))
    if not clause:
        return None
    if _DEPENDS.search(clause):
        return "depends"
    if _ASKS_NEGATIVE.search(question):
        # 是不是违法 / 违法吗: "违法" answers yes, "合法" / "不违法" answers no.
        if _SAYS_NOT_ILLEGAL.search(clause) and not re.search(r"不合法", clause):
            return "no"
        if _SAYS_ILLEGAL.search(clause):
            return "yes"
    if _NEGATE.search(clause):
        return "no"
    if _AFFIRM.search(clause):
        return "yes"
    return None


def _close(expected: Any, actual: Any, name: str) -> bool:
    if isinstance(expected, bool) or isinstance(actual, bool):
        return bool(expected) == bool(actual) and isinstance(actual, bool)
    if isinstance(expected, int | float) and isinstance(actual, int | float):
        if name.endswith("_months") or name.endswith("_days") or name == "days_left":
            return abs(expected - actual) <= 0.05 + (1 if name == "days_left" else 0)
        return abs(expected - actual) <= max(1.0, 0.005 * abs(expected))
    if isinstance(expected, str) and isinstance(actual, str):
        try:
            return date.fromisoformat(expected) == date.fromisoformat(actual)
        except ValueError:
            return normalize_for_match(expected) == normalize_for_match(actual)
    return False


def _written(value: Any, answer: str) -> bool:
    """The figure appears in the answer as a worker would read it (4350 / 4,350 / 4350.00)."""
    text = normalize_for_match(answer).replace(",", "")
    if isinstance(value, bool):
        return True
    if isinstance(value, int | float):
        forms = {f"{value:g}", f"{value:.2f}", f"{int(round(value))}"}
        return any(f in text for f in forms)
    if isinstance(value, str):
        try:
            day = date.fromisoformat(value)
            return f"{day.year}年{day.month}月{day.day}日" in text or value in text
        except ValueError:
            return normalize_for_match(value) in text
    return False


def figures(expected: Mapping[str, Any], quantities: Mapping[str, Any], answer: str) -> dict[str, Any]:
    """Per expected quantity (the verdict aside): computed right, and written in the answer."""
    out: dict[str, Any] = {}
    for name, value in expected.items():
        if name == "verdict":
            continue
        actual = quantities.get(name)
        out[name] = {
            "expected": value,
            "actual": actual,
            "correct": actual is not None and _close(value, actual, name),
            "written": _written(value, answer),
        }
    return out


def own_words(answer: str) -> str:
    """The answer without quoted statute text: block quotes (法律依据), 「…」 quotes and the
    disclaimer's quote line."""
    lines = [line for line in answer.splitlines() if not line.lstrip().startswith(">")]
    return re.sub(r"「[^」]*」", "", "\n".join(lines))


def key_points_own(key_points: list[str], answer: str) -> dict[str, bool]:
    own = own_words(answer)
    return {k: key_point_present(k, own) for k in key_points}


_SAFETY = re.compile(r"110|120|12356|先做这几件事|先别签|别签|停止工作|报警|验伤|急救|安全")


def safety_first_ok(answer: str) -> bool:
    before, _ = opening(answer)
    return bool(_SAFETY.search(before))
