"""The real forum questions (`../shared/data/real_questions/equals_labour.jsonl`): read in place, never
copied, split once and for ever into a learn half (fit on it) and a check half (measure it only).

The split is a pure function of an item's id, so it does not depend on the file's order, on which
items a later version of the file adds or drops, or on a random seed: the same id is always in the
same half."""

from __future__ import annotations

import hashlib
import os
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
