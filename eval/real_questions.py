"""The real forum questions (`../shared/data/real_questions/equals_labour.jsonl`): read in place, never
copied, split once and for ever into a learn half (fit on it) and a check half (measure it only).

The split is a pure function of an item's id, so it does not depend on the file's order, on which
items a later version of the file adds or drops, or on a random seed: the same id is always in the
same half."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import Literal

from assistant.config import REPO_ROOT
from eval.datasets import EvalItem, load_dataset

Half = Literal["learn", "check"]

# Read in place beside the repository (see that folder's README: no licence, internal use only).
REAL_QUESTIONS_PATH = REPO_ROOT.parent / "shared" / "data" / "real_questions" / "equals_labour.jsonl"


def real_questions_path() -> Path:
    """`LAWCLOUD_REAL_QUESTIONS` overrides where the file is read from (another checkout's shared/)."""
    return Path(os.environ.get("LAWCLOUD_REAL_QUESTIONS", str(REAL_QUESTIONS_PATH)))


def split_of(item_id: str) -> Half:
    """learn when the last byte of sha256(id) is even, check when it is odd."""
    return "learn" if hashlib.sha256(item_id.encode("utf-8")).digest()[-1] % 2 == 0 else "check"


def split_items(items: list[EvalItem]) -> dict[Half, list[EvalItem]]:
    halves: dict[Half, list[EvalItem]] = {"learn": [], "check": []}
    for item in items:
        halves[split_of(item.id)].append(item)
    return halves


def load_real_questions(path: Path | None = None) -> dict[Half, list[EvalItem]]:
    """Both halves of the real questions, each in the file's order."""
    return split_items(load_dataset(path or real_questions_path()))


# Shapes of real questions that the team's own sets rarely have, for error analysis by class. Rough
# patterns for counting, not knowledge the product uses.
_SHAPES: dict[str, re.Pattern[str]] = {
    "employer or manager asking": re.compile(
        r"(我们|我)(公司|单位|厂)的?(一个|一名)?(员工|职工|工人)|我是.{0,8}(老板|承包|负责人|人事|经理)"
        r"|(我|我的)(部下|手下|员工)|(公司|单位)(应|应该|需要|要)(承担|赔)|员工怎样向"
    ),
    "a relative's or friend's case": re.compile(
        r"我(的)?(爸|妈|父亲|母亲|老公|丈夫|妻子|老婆|爱人|哥|姐|弟|妹|儿子|女儿|亲戚|朋友|同事|家人)"
        r"|哥哥|姐姐|弟弟|妹妹|父亲|母亲"
    ),
    "paraphrased wording (上司, 企业, 赔付, 薪水, 签定)": re.compile(r"上司|企业|赔付|薪水|薪金|签定"),
    "asks for an amount (多少, 怎么算)": re.compile(r"多少|怎么算|如何计算|怎样计算|怎么计算"),
}


def question_shapes(text: str) -> list[str]:
    """The analysis classes a question falls in (none, one or several)."""
    shapes = [name for name, pattern in _SHAPES.items() if pattern.search(text)]
    if len(text) > 60:
        shapes.append("long (over 60 characters)")
    if len(re.findall(r"[？?]", text)) >= 2:
        shapes.append("two or more questions")
    return shapes
