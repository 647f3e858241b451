"""POST /v1/messages/{id}/feedback: 有用 / 没用 on an answer, stored with the conversation."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from api.deps import ChatDep
from api.errors import ApiError
from api.schemas import ErrorOut
from assistant.conversations import MessageNotFound

router = APIRouter(prefix="/v1/messages", tags=["feedback"])


class FeedbackIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    helpful: bool = Field(description="true = 有用，false = 没用")
    comment: str = Field(default="", max_length=500, description="可选的补充说明")


class FeedbackOut(BaseModel):
    message_id: str
    helpful: bool
    negative_in_conversation: int = Field(description="本次对话中“没用”的次数；多次“没用”会转人工")


@router.post(
    "/{message_id}/feedback",
    response_model=FeedbackOut,
    responses={404: {"model": ErrorOut, "description": "回答不存在"}},
    summary="对一条回答评价：有用 / 没用",
)
def give_feedback(message_id: str, body: FeedbackIn, chat: ChatDep) -> dict[str, Any]:
    try:
        return chat.conversations.set_feedback(message_id, body.helpful, body.comment.strip())
    except MessageNotFound:
        raise ApiError(404, "message_not_found", f"找不到回答 {message_id}") from None
