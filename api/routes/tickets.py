"""The worker's side of escalation: ask for a lawyer in a conversation, and read one's own ticket with
the ticket token returned at creation (nobody else's: a wrong token reads as "not found")."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Response, status

from api.deps import DeskDep, TicketId, ticket_errors
from api.errors import ApiError
from api.schemas import ErrorOut
from api.ticket_schemas import EscalateRequest, TicketCreatedOut, WorkerTicketStatusOut
from assistant.conversations import ConversationNotFound

router = APIRouter(prefix="/v1", tags=["tickets"])

IDEMPOTENCY_KEY = r"^[\x21-\x7e]{1,200}$"


@router.post(
    "/conversations/{conversation_id}/escalate",
    response_model=TicketCreatedOut,
    status_code=status.HTTP_201_CREATED,
    responses={
        200: {"model": TicketCreatedOut, "description": "该对话已有进行中的工单，返回它"},
        404: {"model": ErrorOut, "description": "会话不存在"},
        422: {"model": ErrorOut, "description": "Idempotency-Key 已用于不同的请求，或字段不正确"},
    },
    summary="转人工：把这次对话交给工会律师",
)
def escalate(
    conversation_id: str,
    desk: DeskDep,
    response: Response,
    body: EscalateRequest | None = None,
    idempotency_key: Annotated[
        str | None,
        Header(
            alias="Idempotency-Key", pattern=IDEMPOTENCY_KEY, description="重试时带同一个值，不会重复建单"
        ),
    ] = None,
) -> dict[str, Any]:
    body = body or EscalateRequest()
    contact = body.contact.model_dump(exclude_none=True) if body.contact else None
    try:
        with ticket_errors():
            handoff = desk.escalate(
                conversation_id, idempotency_key=idempotency_key, contact=contact or None, note=body.note
            )
    except ConversationNotFound:
        raise ApiError(404, "conversation_not_found", f"找不到会话 {conversation_id}") from None
    # The ticket is committed (and synced to disk) before this response leaves.
    if not handoff.created:
        response.status_code = status.HTTP_200_OK
    return handoff.as_dict()


@router.get(
    "/tickets/{ticket_id}",
    response_model=WorkerTicketStatusOut,
    responses={
        401: {"model": ErrorOut, "description": "缺少 X-Ticket-Token 请求头"},
        404: {"model": ErrorOut, "description": "工单不存在或令牌不对"},
    },
    summary="查看自己的工单（需要工单令牌）",
)
def get_ticket(
    ticket_id: TicketId,
    desk: DeskDep,
    token: Annotated[str | None, Header(alias="X-Ticket-Token", max_length=200)] = None,
) -> dict[str, Any]:
    if not token:
        raise ApiError(401, "ticket_token_required", "请在 X-Ticket-Token 请求头中提供转人工时拿到的工单令牌")
    with ticket_errors():
        view = desk.worker_ticket(ticket_id, token)
    if view is None:
        raise ApiError(404, "ticket_not_found", f"找不到工单 {ticket_id}")
    return view
