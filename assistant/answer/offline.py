"""The offline composer: a deterministic answer built only from the retrieved articles' own words."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Sequence
from functools import lru_cache

from assistant.answer.consult_render import render_guided_body
from assistant.answer.models import GenerationRequest, IssueFacet, Source
from assistant.answer.text import one_line, trim_at_clause
from assistant.answer.verify import split_segments
from ingest.lexical import Tokenizer

KEY_SENTENCE_CHARS = 110
DIRECT_QUOTE_CHARS = 300
SHORT_ARTICLE_CHARS = 90


def _bigrams(text: str) -> set[str]:
    chars = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    return {a + b for a, b in zip(chars, chars[1:], strict=False)}


# Words in nearly every labour article: sharing them says nothing about which sentence fits.
_COMMON_WORDS = frozenset({"用人单位", "单位", "劳动者", "劳动合同", "依照", "本法", "规定", "应当"})
_TOKENIZER = Tokenizer()


@lru_cache(maxsize=256)
def _words(text: str) -> frozenset[str]:
    """Whole words (jieba), so that 劳动者提出 does not share 者提 with 劳动者提前."""
    # Cached: the texts are the few issue descriptions, tokenised again for every quote otherwise.
    return frozenset(
        w
        for w in _TOKENIZER.tokenize(text)
        if len(w) >= 2 and not any(w in common for common in _COMMON_WORDS)
    )


_LIST_ITEM = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")


def key_sentence(text: str, query: str, focus: str = "") -> str:
    """The sentence of an article that shares most with the question (the first one on a tie); on a
    tie in the question's words, the one sharing most with ``focus`` (the issue it is quoted for).

    An enumerated item (（二）未及时足额支付劳动报酬的) is shown after its lead-in, and a lead-in
    (有下列情形之一的：) with the item that fits best: neither means anything alone."""
    text = text.strip()
    if len(text) <= SHORT_ARTICLE_CHARS:
        return one_line(text)
    sentences = [s.strip() for s in re.split(r"(?<=[。；])|\n", text) if s and s.strip()]
    wanted, hint = _bigrams(query), _words(focus) if focus else frozenset()

    def fit(i: int) -> tuple[int, int, int]:
        sentence = sentences[i]
        return len(_bigrams(sentence) & wanted), sum(w in sentence for w in hint), -i

    def is_lead_in(i: int) -> bool:
        return sentences[i].endswith(("：", ":"))

    best = max(range(len(sentences)), key=fit)
    lead, item = None, None
    if is_lead_in(best):
        items = []
        for i in range(best + 1, len(sentences)):
            if not _LIST_ITEM.match(sentences[i]):
                break
            items.append(i)
        lead, item = best, max(items, key=fit) if items else None
    elif _LIST_ITEM.match(sentences[best]):
        before = [i for i in range(best) if is_lead_in(i)]
        lead, item = (before[-1] if before else None), best
    quote = sentences[best]
    if lead is not None and item is not None:
        quote = sentences[lead] + ("" if item == lead + 1 else "……") + sentences[item]
    elif (
        quote.endswith("；")
        and best + 1 < len(sentences)
        and not _LIST_ITEM.match(sentences[best + 1])
        and not is_lead_in(best + 1)
        and len(quote) + len(sentences[best + 1]) <= KEY_SENTENCE_CHARS
    ):
        # Session 27 (a learn reader: 劳动合同法 97(3) quoted without its proviso read as "years before 2008 never
        # count"): a sentence's half after 「；」 (本法施行前…按照当时有关规定执行, 但…除外) belongs to it when both fit.
        quote += sentences[best + 1]
    return trim_at_clause(quote, KEY_SENTENCE_CHARS).rstrip("；;，,")


# Which articles an answer quotes. The retriever already spreads its list over the issues it detects
# (retriever.py, _diversify), so its order is kept. Checked on eval/datasets/answers_dev.jsonl and
# retrieval_dev.jsonl (2026-11-25): five of the ten retrieved articles hold 0.52 / 0.73 of the gold
# articles; re-ranking by score with a lift for issue key articles did no better on the first and
# worse on the second; six would hold 0.54 / 0.77, at the cost of a longer read on a phone.
MAX_POINTS = 5  # quoted articles at most: a worker reads this on a phone
REACH = 0.5  # an article scoring under half the best one is not worth the worker's time
NEAR_DUPLICATE = 0.8  # share of the shorter text's character pairs: a restatement, not a new rule
MAX_FACETS = 3  # detected issues an answer makes sure to cover, strongest first
GUIDED_POINTS = 2  # further retrieved articles quoted under a guided answer
NO_CONCLUSION = "对这个问题，系统还不能直接给出结论，下面是最相关的规定，请对照你的情况看；拿不准的，回复“转人工”让工会律师帮你判断。"


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


def pick_points(
    articles: Sequence[Source], issues: Sequence[IssueFacet] = (), limit: int = MAX_POINTS
) -> list[Source]:
    """The articles an answer quotes, in retrieval order.

    Articles named in the question, and only those, when there are any. Otherwise the first few
    within reach of the best score, skipping restatements of an article already chosen (劳动合同法
    实施条例第十五条 repeats 劳动合同法第二十条). Each detected issue that none of them answers then
    gets its first key article among the candidates, in place of the last article that answers no
    detected issue (a worker who quits over unpaid wages needs the right to quit *and* the
    compensation). Articles where two detected issues meet take the places of further articles that
    answer none. Room left goes to the restatements after all.
    """
    direct = [s for s in articles if s.direct]
    if direct:
        return direct[:limit]
    if not articles or limit <= 0:
        return []
    best = max(s.score for s in articles)
    pool = [s for s in articles if best <= 0 or s.score >= REACH * best]
    grams = {s.n: _bigrams(s.unit.text) for s in pool}

    def repeats(src: Source, chosen: list[Source]) -> bool:
        return any(_overlap(grams[src.n], grams[c.n]) >= NEAR_DUPLICATE for c in chosen)

    chosen: list[Source] = []
    for src in pool:
        if len(chosen) >= limit:
            break
        if not repeats(src, chosen):
            chosen.append(src)
    facets = [issue.articles for issue in issues[:MAX_FACETS]]

    def answers(src: Source) -> int:
        return sum(src.key() in facet for facet in facets)

    def make_room() -> bool:
        if len(chosen) < limit:
            return True
        spare = [c for c in chosen[1:] if not answers(c)]
        if spare:
            chosen.remove(spare[-1])
        return bool(spare)

    for facet in facets:
        if any(c.key() in facet for c in chosen):
            continue
        candidates = [s for s in pool if s.key() in facet and s not in chosen and not repeats(s, chosen)]
        if candidates and make_room():
            chosen.append(candidates[0])
    # An article where two of the detected issues meet answers both at once (欠薪 + 辞职 →
    # 劳动合同法第三十八条, the right to quit at once, and 第四十六条, the compensation).
    for src in pool:
        if answers(src) >= 2 and src not in chosen and not repeats(src, chosen) and make_room():
            chosen.append(src)
    for src in pool:
        if len(chosen) >= limit:
            break
        if src not in chosen:
            chosen.append(src)
    position = {s.n: i for i, s in enumerate(articles)}
    return sorted(chosen, key=lambda s: position[s.n])


def _group_by_issue(
    points: list[Source], issues: Sequence[IssueFacet]
) -> list[tuple[IssueFacet | None, list[Source]]]:
    """Points under the first detected issue they are a key article of (None: of none), the group of
    the best point first."""
    issues = issues[:MAX_FACETS]
    groups: dict[int, list[Source]] = {}
    for src in points:
        index = next((i for i, issue in enumerate(issues) if src.key() in issue.articles), len(issues))
        groups.setdefault(index, []).append(src)
    return [(issues[i] if i < len(issues) else None, group) for i, group in groups.items()]


def _focus(src: Source, issues: Sequence[IssueFacet]) -> str:
    """What an article is quoted for: the descriptions of the detected issues it is key to."""
    return "；".join(issue.note for issue in issues[:MAX_FACETS] if src.key() in issue.articles)


class OfflineComposer:
    """No LLM: a short conclusion quoting the key sentence of each of the best articles."""

    mode = "offline"

    def generate(self, request: GenerationRequest) -> str:
        plan = request.plan
        if plan is not None and plan.guided:
            # A guide answers what was asked; a couple of the retrieved articles it does not already
            # quote follow as further rules (the guide's own clauses are quoted under 为什么).
            guided = {ref.key for ref in plan.refs()}
            others = [s for s in request.articles if s.key() not in guided]
            extra = [
                self._line(src, request.query) for src in pick_points(others, request.issues, GUIDED_POINTS)
            ]
            return render_guided_body(plan, request.sources, extra)
        points = pick_points(request.articles, request.issues)
        if not points:
            return (
                "**结论**\n\n没有在法规库中找到与你的问题直接相关的条文。可以把情况说得更具体一些"
                "（例如用工方式、工作时间、涉及金额），或者转给工会律师处理。"
            )
        lines = ["**结论**", ""]
        if all(p.direct for p in points):
            lines += ["你问的条文原文如下：", ""]
            lines += [self._line(src, request.query) for src in points]
            return "\n".join(lines)
        groups = _group_by_issue(points, request.issues)
        covered = [issue for issue, _ in groups if issue is not None]
        if len(covered) > 1:
            names = "".join(f"「{issue.name}」" for issue in covered)
            count = {2: "两", 3: "三"}.get(len(covered), "几")
            lines.append(f"你的问题涉及{names}{count}个方面。与你的情况最相关的规定是：")
        elif covered or request.topics:
            # Named by the issue the quoted articles answer, when they answer one: the strongest
            # detected issue may have none among them. No guide answers it: said so first, honestly.
            name = covered[0].name if covered else request.topics[0]
            lines += [NO_CONCLUSION, ""]
            lines.append(f"你的问题属于「{name}」方面。与你的情况最相关的规定是：")
        else:
            lines.append("与你的问题最相关的规定是：")
        for index, (issue, group) in enumerate(groups):
            lines.append("")
            if len(covered) > 1:
                if issue is not None:
                    lines.append(f"关于「{issue.name}」：")
                else:
                    lines.append("最直接相关的规定：" if index == 0 else "其他相关规定：")
            lines += [self._line(src, request.query, _focus(src, request.issues)) for src in group]
        notes = [issue.note for issue in covered if issue.note] if covered else request.topic_notes[:1]
        if notes:
            lines.append("")
            lines.append(f"这类问题通常涉及{'；'.join(notes)}。具体条文见下面的法律依据。")
        return "\n".join(lines)

    @staticmethod
    def _line(src: Source, query: str, focus: str = "") -> str:
        if src.direct:
            quote = trim_at_clause(one_line(src.unit.text), DIRECT_QUOTE_CHARS)
        else:
            quote = key_sentence(src.unit.text, query, focus)
        return f"- {src.ref}[{src.n}]：「{quote}」"

    async def astream(self, request: GenerationRequest) -> AsyncIterator[str]:
        segments, _ = split_segments(self.generate(request), final=True)
        for segment in segments:
            yield segment
