"""Writing a consultation plan (assistant/consult/plan.py) as answer text: each sentence followed by the
clauses it rests on, numbered like the sources ([n]) so the verifier checks them like any citation.
Used by the offline composer (the body) and by the rendered tail (computations, steps, mistakes) in
both modes."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answer.models import Source
from assistant.consult.guides import ClauseRef, clause_text
from assistant.consult.plan import ConsultPlan, Sentence
from ingest.numerals import article_label

_END = "。！？；"


def source_numbers(sources: Sequence[Source]) -> dict[tuple[str, int, int], int]:
    numbers: dict[tuple[str, int, int], int] = {}
    for src in sources:
        if src.kind != "case" and src.unit.article_no is not None:
            numbers.setdefault(src.key(), src.n)
    return numbers


def cite_refs(refs: Sequence[ClauseRef], numbers: dict[tuple[str, int, int], int]) -> str:
    """（《劳动合同法》第三十八条第一款第（二）项[4]、第四十六条[5]）: one law name per run, each clause
    with the number of its source. Clauses whose article is not a source are left out (never cited)."""
    parts: list[str] = []
    last_law: str | None = None
    last_key: tuple[str, int, int] | None = None
    for ref in refs:
        n = numbers.get(ref.key)
        if n is None:
            continue
        if ref.key == last_key and parts and (ref.paragraph or ref.item):
            # 第三条第一款、第二款[1]: the second clause of the same article without repeating it.
            parts[-1] = parts[-1].removesuffix(f"[{n}]")
            parts.append(ref.label.removeprefix(article_label(ref.article, ref.sub)) + f"[{n}]")
        else:
            name = f"《{ref.law}》" if ref.law != last_law else ""
            parts.append(f"{name}{ref.label}[{n}]")
        last_law, last_key = ref.law, ref.key
    return f"（{'、'.join(parts)}）" if parts else ""


def sentence_text(sentence: Sentence, numbers: dict[tuple[str, int, int], int]) -> str:
    text = sentence.text.strip()
    refs = cite_refs(sentence.cite, numbers)
    if not refs:
        return text if text.endswith(tuple(_END)) else text + "。"
    if text and text[-1] in _END:
        return text[:-1] + refs + text[-1]
    return text + refs + "。"


def render_situations(plan: ConsultPlan, numbers: dict[tuple[str, int, int], int]) -> str:
    """What to do first, before any law: the urgent steps of each situation the conversation raises."""
    blocks = []
    for block in plan.situations:
        if not block.shown:
            continue
        lines = [f"**先做这几件事：{block.title}**", ""]
        lines += [f"{i}. {sentence_text(s, numbers)}" for i, s in enumerate(block.steps, 1)]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def deciding_clauses(plan: ConsultPlan, limit: int = 3) -> list[ClauseRef]:
    """The clauses the conclusion rests on, the most specific first (an item before its article)."""
    seen: dict[ClauseRef, None] = {}
    for sentence in plan.conclusion:
        for ref in sentence.cite:
            seen.setdefault(ref, None)
    return list(seen)[:limit]


def quote_clause(
    ref: ClauseRef, sources: Sequence[Source], numbers: dict[tuple[str, int, int], int]
) -> str | None:
    n = numbers.get(ref.key)
    src = next((s for s in sources if s.n == n), None)
    if src is None:
        return None
    text = clause_text(src.unit.text, ref)
    if not text:
        return None
    text = "".join(text.split())
    if len(text) > 160:
        text = text[:158].rstrip("，、；：,;") + "……"
    return f"- 《{ref.law}》{ref.label}[{n}]：「{text}」"


def render_guided_body(plan: ConsultPlan, sources: Sequence[Source], extra_points: Sequence[str]) -> str:
    """The offline body of a guided answer: the conclusion in the form the question asks for, the
    facts it used, the one question still open, the reasons with the deciding clauses, the claims."""
    numbers = source_numbers(sources)
    lines = ["**结论**", ""]
    lines.append("".join(sentence_text(s, numbers) for s in plan.conclusion))
    if employer_asks(plan) and not any(s.text.startswith("你是用人单位") for s in plan.conclusion):
        # The opening already speaks to the employer (corpus/consult/stages.toml [[asker]]): said once.
        lines += ["", EMPLOYER_NOTE]
    if plan.facts_shown:
        lines += ["", "按你说的情况：" + "，".join(plan.facts_shown) + "。"]
    if plan.ask:
        lines += ["", f"**还需要确认**：{plan.ask}告诉我以后，我按你的情况再具体算。"]
    reasons = [f"- {sentence_text(s, numbers)}" for s in _distinct(plan.reasons)]
    quotes = [q for ref in deciding_clauses(plan) if (q := quote_clause(ref, sources, numbers))]
    if reasons or quotes:
        lines += ["", "**为什么**", ""] + reasons + quotes
    if plan.claims:
        lines += ["", "**你可以主张**", ""] + [f"- {sentence_text(s, numbers)}" for s in plan.claims]
    if extra_points:
        lines += ["", "**其他相关规定**", ""] + list(extra_points)
    return "\n".join(lines)


def render_computations(plan: ConsultPlan, sources: Sequence[Source]) -> str:
    if not plan.computations:
        return ""
    numbers = source_numbers(sources)
    lines = ["**怎么算的**", ""]
    for c in plan.computations:
        if not c.formula or not c.usable:
            # A calculation still missing a fact shows as the clarifying question instead; one that
            # computed its amount shows it, with what is left to check among its assumptions.
            continue
        lines.append(f"- {c.title}：{c.formula}{cite_refs(c.cite, numbers)}")
        lines += [f"  - {a}" for a in c.assumptions]
    return "\n".join(lines) if len(lines) > 2 else ""


MAX_STEPS = 5  # the guides' own steps shown (a worker reads this on a phone)
MAX_MISTAKES = 3
EMPLOYER_NOTE = (
    "你是用人单位一方：下面说的是劳动者依法可以主张的，也就是单位应当承担的义务；"
    "按规定处理，拿不准的可以咨询当地人社部门（12333）或律师。"
)


def _distinct(sentences: Sequence[Sentence]) -> list[Sentence]:
    seen: set[str] = set()
    out = []
    for s in sentences:
        if s.text not in seen:
            seen.add(s.text)
            out.append(s)
    return out


def employer_asks(plan: ConsultPlan) -> bool:
    return plan.facts.get("asker") == "employer"


def render_guided_steps(plan: ConsultPlan, sources: Sequence[Source], evidence: str) -> str:
    numbers = source_numbers(sources)
    if employer_asks(plan):
        # The worker's steps (仲裁, 投诉) are not the employer's: it is told what it owes, and where to ask.
        return "**下一步怎么做**\n\n1. " + EMPLOYER_NOTE
    steps = [f"**先保留证据**：{evidence}。截图要能看清对方身份和日期，原件自己收好。"]
    steps += [sentence_text(s, numbers) for s in _distinct(plan.steps)[:MAX_STEPS]]
    if "arbitration" in plan.documents:
        steps.append(
            "**仲裁申请书草稿**：在页面的「计算器」里可以按你说的情况生成一份劳动仲裁申请书草稿"
            "（Word 或打印版），缺的信息留空、自己补全核对后再交；系统不会替你提交。"
        )
    steps.append("**找工会**：拨打 12351 职工服务热线，或到当地工会求助；需要律师的，直接回复“转人工”。")
    steps.append("**申请法律援助**：经济困难的，可以拨打 12348 公共法律服务热线，申请免费的法律援助。")
    return "**下一步怎么做**\n\n" + "\n".join(f"{i}. {s}" for i, s in enumerate(steps, 1))


def render_mistakes(plan: ConsultPlan, sources: Sequence[Source]) -> str:
    if not plan.mistakes or employer_asks(plan):
        return ""
    numbers = source_numbers(sources)
    mistakes = _distinct(plan.mistakes)[:MAX_MISTAKES]
    return "**注意，别吃亏**\n\n" + "\n".join(f"- {sentence_text(s, numbers)}" for s in mistakes)
