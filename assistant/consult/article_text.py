"""Whether a question only asks what the articles it names say (word lists in
corpus/consult/article_text.toml). Such a question is answered with the articles' own words first."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from assistant.config import CORPUS_DIR
from ingest.numerals import CN_NUM_CHARS

_NUM = rf"[{CN_NUM_CHARS}\d]+"
# An article reference once the law's name is gone: 第二条, 第82条之一, 82条, 第三条第二款第（一）项.
_REFERENCE = re.compile(
    rf"》?\s*(?:的)?\s*第?\s*{_NUM}\s*条(?:\s*之\s*[一二三四五六七八九十]+)?"
    rf"(?:\s*第\s*{_NUM}\s*款)?(?:\s*第\s*[（(]?{_NUM}[）)]?\s*项)?|^》?\s*\d+(?!\d)"
)
_EDGES = " 　，。！？?!,.、：:；;…的呢吗啊呀嘛《》\"'“”"


class NameFinder(Protocol):
    def find(self, text: str) -> list[tuple[int, int, str]]: ...


@dataclass(frozen=True)
class ArticleTextWords:
    asks: frozenset[str]
    fillers: tuple[str, ...]
    joiners: tuple[str, ...]


@lru_cache(maxsize=4)
def load_words(path: Path = CORPUS_DIR / "consult" / "article_text.toml") -> ArticleTextWords:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    by_length = lambda words: tuple(sorted(words, key=len, reverse=True))  # noqa: E731 - longest first
    return ArticleTextWords(frozenset(data["asks"]), by_length(data["fillers"]), by_length(data["joiners"]))


def asks_article_text(
    question: str, names: NameFinder, refs: Sequence[object], words: ArticleTextWords | None = None
) -> bool:
    """True when the question names at least one article (``refs``, the retriever's direct
    references) and, without the law names and article numbers, only asks what they say."""
    if not refs:
        return False
    words = words or load_words()
    text = unicodedata.normalize("NFKC", question).replace("(", "（").replace(")", "）")
    pieces, last = [], 0
    for start, end, _law in sorted(names.find(text)):
        if start >= last:
            pieces.append(text[last:start])
            last = end
    pieces.append(text[last:])
    rest = " ".join(_REFERENCE.sub(" ", piece) for piece in pieces)
    for word in (*words.fillers, *words.joiners):
        rest = rest.replace(word, " ")
    rest = re.sub(r"\s+", "", rest).strip(_EDGES)
    return rest in words.asks
