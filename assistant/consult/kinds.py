"""What kind of answer a question asks for: a verdict (合法吗), a figure (多少, 怎么算) or an action
(怎么办, 要不要签). The markers live in corpus/consult/question_kinds.toml."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.config import CORPUS_DIR
from assistant.consult.guides import KINDS, AnswerKind, GuideError


@dataclass(frozen=True)
class KindMarkers:
    markers: dict[AnswerKind, tuple[str, ...]]

    def kind_of(self, question: str) -> AnswerKind:
        """The kind of the question's last marker (ties: the longer marker); action when none."""
        text = question.lower()
        best: tuple[int, int, AnswerKind] | None = None
        for kind, words in self.markers.items():
            for word in words:
                for m in re.finditer(re.escape(word), text):
                    candidate = (m.end(), len(word), kind)
                    if best is None or candidate[:2] > best[:2]:
                        best = candidate
        return best[2] if best else "action"


@lru_cache(maxsize=2)
def load_markers(path: Path = CORPUS_DIR / "consult" / "question_kinds.toml") -> KindMarkers:
    data = tomllib.loads(path.read_text(encoding="utf-8")).get("kinds", {})
    markers: dict[AnswerKind, tuple[str, ...]] = {}
    for kind in KINDS:
        words = data.get(kind)
        if not isinstance(words, list) or not words:
            raise GuideError(f"{path.name}: [kinds].{kind} must be a non-empty list")
        markers[kind] = tuple(w.lower() for w in words)
    return KindMarkers(markers)


def question_kind(question: str) -> AnswerKind:
    return load_markers().kind_of(question)
