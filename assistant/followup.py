"""Follow-up questions ("那加班费呢？", "第二种情况呢", "第八十二条呢") rewritten with the conversation's
context into a question retrieval can answer on its own. Rules only; pure functions."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from assistant.retrieval.query import normalize
from ingest.numerals import CN_NUM_CHARS, cn_to_int

_NUM = rf"[{CN_NUM_CHARS}\d]+"
_BARE_ARTICLE = re.compile(rf"第\s*{_NUM}\s*条")
_ORDINAL = re.compile(rf"第\s*({_NUM})\s*(?:种|个|项|点|类|条情况)")
_LEAD = re.compile(r"^(?:那么|那要是|那如果|那|如果|要是|假如|还有|另外|再问一下|再问|然后|可是|但是|但)\s*")
_TAIL = re.compile(r"(?:呢|吗|嘛|啊|呀)?\s*[？?。！!]*$")
_ELLIPTICAL_TAIL = re.compile(r"呢\s*[？?]*$")
_DEICTIC = ("这种情况", "这个情况", "这样的话", "这样", "这个", "那个", "上面", "刚才", "前面", "同样")
# An item of an enumerated article: （一）… up to the next item.
_ITEM = re.compile(r"[（(]([一二三四五六七八九十]+)[）)]([^（(]*)")
SHORT_FOLLOWUP_CHARS = 20
ITEM_CHARS = 60
CONTEXT_CHARS = 80


@dataclass(frozen=True)
class Turn:
    """One earlier exchange, as follow-up rewriting needs it."""

    question: str
    query: str  # what was actually searched (already rewritten if it was a follow-up)
    citations: list[dict[str, Any]] = field(default_factory=list)  # the answer's citations, best first
    answer: str = ""  # the answer's text (a clarifying question in it says which fact the reply fills)


@dataclass(frozen=True)
class Rewrite:
    query: str
    context_laws: list[str]
    rule: str | None = None  # which rule rewrote it; None: taken as asked

    @property
    def rewritten(self) -> bool:
        return self.rule is not None


def context_laws(turns: Sequence[Turn], find_laws: Callable[[str], list[tuple[int, int, str]]]) -> list[str]:
    """Laws from earlier turns, most salient last (the retriever reads a bare 第N条 as the last one):
    older turns first; within a turn the answer's citations (best last), then laws the worker named."""
    ordered: list[str] = []
    for turn in turns:
        cited = [c["law"] for c in turn.citations if c.get("law") and c.get("kind", "article") == "article"]
        named = [law for _, _, law in find_laws(turn.query)]
        ordered += list(reversed(cited)) + named
    # Keep each law once, at its last (most salient) position.
    return list(reversed(list(dict.fromkeys(reversed(ordered)))))


def _enumerated_item(citations: Sequence[dict[str, Any]], number: int) -> str | None:
    for citation in citations:
        for label, text in _ITEM.findall(citation.get("text", "")):
            if cn_to_int(label) == number:
                item = re.sub(r"\s+", "", text).rstrip("；;。，,")
                return item[:ITEM_CHARS]
    return None


def rewrite_followup(
    question: str, turns: Sequence[Turn], find_laws: Callable[[str], list[tuple[int, int, str]]]
) -> Rewrite:
    q = normalize(question)
    # Taken as asked, the question goes to retrieval as typed (the retriever normalises it itself), so
    # `query != question` means a rule rewrote it.
    asked = question.strip()
    if not turns:
        return Rewrite(asked, [])
    laws = context_laws(turns, find_laws)
    previous = turns[-1]
    context = previous.query[:CONTEXT_CHARS]
    named_here = find_laws(q)

    # "第八十二条呢": an article with no law named refers to the law under discussion.
    if _BARE_ARTICLE.search(q) and not named_here and laws:
        return Rewrite(f"{laws[-1]}{_LEAD.sub('', q)}", laws, "article")

    # "第二种情况呢": the n-th item of an enumerated article in the previous answer.
    ordinal = _ORDINAL.search(q)
    if ordinal and not _BARE_ARTICLE.search(q):
        item = _enumerated_item(previous.citations, cn_to_int(ordinal.group(1)))
        if item:
            return Rewrite(f"{context} {item}", laws, "ordinal")
        return Rewrite(f"{context} {q}", laws, "ordinal")

    # "那加班费呢？", "如果是外卖骑手呢", "这种情况能赔多少": too short or too dependent to stand alone.
    core = _TAIL.sub("", _LEAD.sub("", q)).strip()
    elliptical = bool(_LEAD.match(q)) or bool(_ELLIPTICAL_TAIL.search(q)) or any(d in q for d in _DEICTIC)
    if elliptical and len(q) <= SHORT_FOLLOWUP_CHARS and not named_here:
        return Rewrite(f"{core}（{context}）", laws, "elliptical")
    return Rewrite(asked, laws)
