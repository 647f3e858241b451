"""The offline composer: a deterministic answer built only from the retrieved articles' own words."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

from assistant.answer.models import GenerationRequest, Source
from assistant.answer.verify import split_segments

KEY_SENTENCE_CHARS = 110
DIRECT_QUOTE_CHARS = 300
SHORT_ARTICLE_CHARS = 90


def trim_at_clause(text: str, limit: int) -> str:
    """Shorten to whole clauses, so a reference inside the quote is never cut in half (the verifier
    recognises an article's own words only clause by clause)."""
    if len(text) <= limit:
        return text
    cut = max(text.rfind(p, 0, limit) for p in "，；。,;")
    head = text[:cut] if cut > limit // 3 else text[:limit]
    return head.rstrip("，、；：,;") + "……"


def _bigrams(text: str) -> set[str]:
    chars = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    return {a + b for a, b in zip(chars, chars[1:], strict=False)}


def key_sentence(text: str, query: str) -> str:
    """The sentence of an article that shares most with the question (the first one on a tie)."""
    text = text.strip()
    if len(text) <= SHORT_ARTICLE_CHARS:
        return text
    sentences = [s.strip() for s in re.split(r"(?<=[。；])|\n", text) if s and s.strip()]
    wanted = _bigrams(query)
    best = max(sentences, key=lambda s: (len(_bigrams(s) & wanted), -sentences.index(s)))
    # A lead-in ending in a colon (有下列情形之一的：) means nothing without the list after it.
    if best.endswith(("：", ":")):
        index = sentences.index(best)
        best = "".join(sentences[index : index + 2])
    return trim_at_clause(best, KEY_SENTENCE_CHARS).rstrip("；;，,")


def pick_points(articles: list[Source], limit: int = 3) -> list[Source]:
    """Articles named in the question always; otherwise the best few within reach of the top score."""
    direct = [s for s in articles if s.direct]
    if direct:
        return direct[:limit]
    if not articles:
        return []
    best = articles[0].score
    return [s for s in articles if s.score >= 0.6 * best][:limit]


class OfflineComposer:
    """No LLM: a short conclusion quoting the key sentence of each of the best articles."""

    mode = "offline"

    def generate(self, request: GenerationRequest) -> str:
        points = pick_points(request.articles)
        if not points:
            return (
                "**结论**\n\n没有在法规库中找到与你的问题直接相关的条文。可以把情况说得更具体一些"
                "（例如用工方式、工作时间、涉及金额），或者转给工会律师处理。"
            )
        lines = ["**结论**", ""]
        if all(p.direct for p in points):
            lines.append("你问的条文原文如下：")
        elif request.topics:
            lines.append(f"你的问题属于「{request.topics[0]}」方面。与你的情况最相关的规定是：")
        else:
            lines.append("与你的问题最相关的规定是：")
        lines.append("")
        for src in points:
            if src.direct:
                text = trim_at_clause(re.sub(r"\s*\n\s*", "", src.unit.text.strip()), DIRECT_QUOTE_CHARS)
            else:
                text = key_sentence(src.unit.text, request.query)
            lines.append(f"- {src.ref}[{src.n}]：「{text}」")
        if request.topic_notes and not all(p.direct for p in points):
            lines.append("")
            lines.append(f"这类问题通常涉及{request.topic_notes[0]}。具体条文见下面的法律依据。")
        return "\n".join(lines)

    async def astream(self, request: GenerationRequest) -> AsyncIterator[str]:
        segments, _ = split_segments(self.generate(request), final=True)
        for segment in segments:
            yield segment
