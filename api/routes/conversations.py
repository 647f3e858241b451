"""GET /v1/conversations/{id} and DELETE /v1/conversations/{id} (a worker deletes their own)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Response, status
from starlette.concurrency import run_in_threadpool

from api.deps import ChatDep
from api.errors import ApiError
from api.schemas import ConversationOut, ErrorOut
from assistant.conversations import ConversationNotFound

router = APIRouter(prefix="/v1/conversations", tags=["conversations"])


@router.get(
    "/{conversation_id}",
    response_model=ConversationOut,
    responses={404: {"model": ErrorOut, "description": "会话不存在"}},
    summary="查看一次对话的全部消息",
)
def get_conversation(conversation_id: str, chat: ChatDep) -> dict[str, Any]:
    try:
        conversation = chat.conversations.get(conversation_id)
    except ConversationNotFound:
        raise ApiError(404, "conversation_not_found", f"找不到会话 {conversation_id}") from None
    if chat.desk is not None:
        # Union lawyers' replies belong to the same conversation, in time order, marked role=lawyer.
        replies, conversation["tickets"] = chat.desk.conversation_extras(conversation_id)
        if replies:
            merged = conversation["messages"] + replies
            conversation["messages"] = sorted(merged, key=lambda m: datetime.fromisoformat(m["created_at"]))
    return conversation


@router.delete(
    "/{conversation_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses={404: {"model": ErrorOut, "description": "会话不存在（或已删除）"}},
    summary="删除自己的对话（全部消息和评价）",
)
async def delete_conversation(conversation_id: str, chat: ChatDep) -> Response:
    """The conversation id is the worker's key to it (128 random bits, known only to their device).
    A ticket already handed to a lawyer keeps its own copy until it is closed and purged."""
    try:
        await run_in_threadpool(chat.conversations.delete, conversation_id)
    except ConversationNotFound:
        raise ApiError(404, "conversation_not_found", f"找不到会话 {conversation_id}") from None
    return Response(status_code=status.HTTP_204_NO_CONTENT)
