"""POST /v1/chat and POST /v1/chat/stream."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from api.deps import BackgroundDep, ChatDep, SettingsDep, check_question
from api.errors import ApiError
from api.schemas import ChatRequest, ChatResponse, ErrorOut
from api.sse import chat_events
from assistant.chat import StreamStart
from assistant.conversations import ConversationNotFound

router = APIRouter(prefix="/v1", tags=["chat"])

_ERRORS = {
    400: {"model": ErrorOut, "description": "请求体不是有效的 JSON"},
    404: {"model": ErrorOut, "description": "会话不存在"},
    413: {"model": ErrorOut, "description": "请求体太大"},
    422: {"model": ErrorOut, "description": "问题为空、太长或字段不正确"},
    503: {"model": ErrorOut, "description": "法规检索服务（向量库）暂时不可用"},
}
_STREAM_DOC = """Server-sent events, every JSON payload ASCII-escaped:

- `meta`: `{conversation_id, message_id, question, rewritten_question, mode, citations, timings}` —
  `citations` are the numbered sources the text may cite as [n];
- `delta`: `{text}` — pieces of the answer, already verified; they add up to `done.answer`;
- `done`: the same object as `POST /v1/chat` returns;
- `error`: `{code, message}`;
- `continue`: `{conversation_id, message_id, message}` — the stream hit its time cap; read the rest
  from `GET /v1/conversations/{id}`.
"""


def _not_found(conversation_id: str | None) -> ApiError:
    return ApiError(404, "conversation_not_found", f"找不到会话 {conversation_id}，请开始新的对话")


@router.post("/chat", response_model=ChatResponse, responses=_ERRORS, summary="提问（一次返回完整回答）")
def chat(body: ChatRequest, chat: ChatDep, settings: SettingsDep) -> dict[str, object]:
    check_question(body.question, settings)
    try:
        return chat.chat(body.question, body.conversation_id)
    except ConversationNotFound:
        raise _not_found(body.conversation_id) from None


@router.post(
    "/chat/stream",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}, "description": _STREAM_DOC}, **_ERRORS},
    summary="提问（流式返回，SSE）",
)
async def chat_stream(
    body: ChatRequest, chat: ChatDep, settings: SettingsDep, background: BackgroundDep
) -> StreamingResponse:
    check_question(body.question, settings)
    try:
        start: StreamStart = await run_in_threadpool(chat.start_stream, body.question, body.conversation_id)
    except ConversationNotFound:
        raise _not_found(body.conversation_id) from None
    events = chat_events(
        chat,
        start,
        max_seconds=settings.stream_max_seconds,
        heartbeat_seconds=settings.stream_heartbeat_seconds,
        background=background,
    )
    return StreamingResponse(
        events,
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
