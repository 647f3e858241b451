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
    parts.append("\n请按规则回答，并用 [n] 标注依据。")
    return [SystemMessage(SYSTEM_PROMPT), HumanMessage("\n".join(parts))]


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
