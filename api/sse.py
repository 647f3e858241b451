"""Server-sent events framed for every client we have, WeChat mini-programs included.

All JSON is ASCII-escaped (\\uXXXX), so every byte on the wire is ASCII and a chunk boundary can never
split a character, whatever `wx.request({enableChunked: true})` hands the client. A stream ends by
`stream_max_seconds` (WeChat gives up at 60 s) with a `continue` event; the answer is still being
written and is read from GET /v1/conversations/{id}. A comment line keeps idle connections open."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from typing import Any

from assistant.chat import ChatService, StreamStart

log = logging.getLogger(__name__)

HEARTBEAT = b": ping\n\n"


def sse_event(event: str, data: Any) -> bytes:
    payload = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    return f"event: {event}\ndata: {payload}\n\n".encode("ascii")


async def chat_events(
    chat: ChatService,
    start: StreamStart,
    *,
    max_seconds: float,
    heartbeat_seconds: float,
    background: set[asyncio.Task[None]],
) -> AsyncIterator[bytes]:
    """meta, then delta…, then done (or error); `continue` if the time cap comes first."""
    queue: asyncio.Queue[tuple[str, dict[str, Any]] | None] = asyncio.Queue()

    async def produce() -> None:
        # Runs to the end even when the client leaves or the stream is capped: the answer is saved.
        try:
            async for item in chat.stream(start):
                queue.put_nowait(item)
        except asyncio.CancelledError:
            raise
        except Exception:  # noqa: BLE001 - reported to the client as an error event, logged in chat
            queue.put_nowait(("error", {"code": "generation_failed", "message": "回答生成失败，请稍后重试"}))
        finally:
            queue.put_nowait(None)

    task = asyncio.create_task(produce())
    background.add(task)
    task.add_done_callback(background.discard)

    loop = asyncio.get_running_loop()
    deadline = loop.time() + max_seconds
    yield sse_event("meta", chat.meta(start))
    while True:
        remaining = deadline - loop.time()
        if remaining <= 0:
            yield sse_event(
                "continue",
                {
                    "conversation_id": start.exchange.conversation_id,
                    "message_id": start.exchange.assistant_message_id,
                    "message": "回答还在生成，请稍后刷新对话查看完整内容",
                },
            )
            return
        try:
            item = await asyncio.wait_for(queue.get(), timeout=min(remaining, heartbeat_seconds))
        except TimeoutError:
            if loop.time() < deadline:
                yield HEARTBEAT
            continue
        if item is None:
            return
        name, data = item
        yield sse_event(name, data)
        if name in ("done", "error"):
            return
