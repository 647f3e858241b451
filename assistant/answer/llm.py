"""LLM mode: any OpenAI-compatible chat-completions endpoint (vLLM, Ollama, Qwen/DeepSeek APIs) through
langchain-openai. The prompt numbers the sources and fences them off as data; the model must cite
them as [n] and answer only from them. Nothing here counts tokens: `get_num_tokens` would try to
download a tokenizer file."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage
from pydantic import SecretStr

from assistant.answer.models import GenerationRequest, Source
from assistant.answer.prompts import SYSTEM_PROMPT
from assistant.config import Settings
from assistant.privacy import redact

_KIND = {"article": "法条", "procedure": "法条（维权程序）", "case": "典型案例"}


def _data(text: str) -> str:
    # Sources and questions cannot close the fences they sit in.
    return text.replace("<", "＜").replace(">", "＞")


def _source_block(src: Source) -> str:
    unit = src.unit
    if src.kind == "case":
        head = f'<source n="{src.n}" kind="{_KIND[src.kind]}" title="{_data(unit.title)}" section="{_data(unit.label)}">'
    else:
        head = (
            f'<source n="{src.n}" kind="{_KIND[src.kind]}" cite="《{_data(unit.law)}》{src.label}" '
            f'validity="{unit.validity}" version="{unit.version_date or "未知"}">'
        )
    return f"{head}\n{_data(unit.text.strip())}\n</source>"


def build_messages(request: GenerationRequest) -> list[BaseMessage]:
    parts = ["<sources>", *(_source_block(s) for s in request.sources), "</sources>"]
    if request.history:
        parts += ["", "<history>", *(f"- {_data(redact(q))}" for q in request.history[-3:]), "</history>"]
    # Personal numbers never leave for the model (it may be a hosted API, PIPL art. 38).
    parts += ["", "<question>", _data(redact(request.question)), "</question>"]
    if request.query != request.question:
        parts.append(f"（结合上文，这个问题的完整意思是：{_data(redact(request.query))}）")
    if len(request.issues) > 1:
        # A question that raises several issues (欠薪 and 辞职) needs an answer, and a source, for each.
        names = "、".join(f"「{issue.name}」" for issue in request.issues[:3])
        parts.append(f"（这个问题涉及{names}几个方面，请分别回答，各自标注依据。）")
    if request.plan is not None:
        parts += _plan_blocks(request)
    parts.append("\n请按规则回答，并用 [n] 标注依据。")
    return [SystemMessage(SYSTEM_PROMPT), HumanMessage("\n".join(parts))]


_KIND_ASKED = {
    "verdict": "判断（合法吗/能不能）：第一句给出判断和条件",
    "figure": "数字（多少/怎么算）：第一句给出算好的数字和算法",
    "action": "做法（怎么办/要不要签）：第一句说现在第一步该做什么",
}


def _plan_blocks(request: GenerationRequest) -> list[str]:
    """The consultation plan as data: the worker's facts, the guide's conclusion and reasons with
    their [n] citations, and the tools' computations (the only source of numbers)."""
    from assistant.answer.consult_render import sentence_text, source_numbers

    plan = request.plan
    assert plan is not None
    numbers = source_numbers(request.sources)
    parts = ["", f"（这个问题要的是{_KIND_ASKED[plan.kind]}。）"]
    if plan.facts.facts:
        parts += ["", "<facts>"]
        parts += [
            f"- {name}：{_data(redact(str(fact.value)))}（原话：{_data(redact(fact.words))}）"
            for name, fact in sorted(plan.facts.facts.items())
            if not fact.note
        ]
        parts.append("</facts>")
    guide = [sentence_text(s, numbers) for s in plan.conclusion + plan.reasons + plan.claims]
    if plan.ask:
        guide.append(f"还缺少的情况（请用一句话问工人）：{plan.ask}")
    if guide:
        parts += ["", "<guide>", *(f"- {_data(line)}" for line in guide), "</guide>"]
    if plan.computations:
        parts += ["", "<calculations>"]
        for c in plan.computations:
            values = "，".join(f"{k}={v}" for k, v in c.quantities.items() if v is not None)
            parts.append(f"- {_data(c.title)}：{_data(c.formula)}（{_data(values)}）")
        parts.append("</calculations>")
    return parts


def _text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):  # content blocks from some providers
        return "".join(b.get("text", "") if isinstance(b, dict) else str(b) for b in content)
    return str(content or "")


class LLMGenerator:
    mode = "llm"

    def __init__(self, settings: Settings) -> None:
        from langchain_openai import ChatOpenAI

        self.model = settings.llm_model
        self._chat = ChatOpenAI(
            model=settings.llm_model,
            base_url=settings.llm_base_url,
            api_key=SecretStr(settings.llm_key),
            timeout=settings.llm_timeout_s,
            max_retries=settings.llm_retries,
            temperature=settings.llm_temperature,
            max_completion_tokens=settings.llm_max_tokens,
            # A stalled stream counts as a timeout too, not only a slow first byte.
            stream_chunk_timeout=settings.llm_timeout_s,
        )

    def generate(self, request: GenerationRequest) -> str:
        return _text(self._chat.invoke(build_messages(request)).content)

    async def astream(self, request: GenerationRequest) -> AsyncIterator[str]:
        async for chunk in self._chat.astream(build_messages(request)):
            text = _text(chunk.content)
            if text:
                yield text
