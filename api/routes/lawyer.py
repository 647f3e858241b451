"""The lawyers' API under /v1/lawyer: the queue, claiming (first claim wins), the ticket with the
conversation, the AI draft and its articles, versioned replies, closing and reopening. Bearer tokens
from `lawcloud lawyer add`; admin-only views check the role."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, status

from api.deps import MAX_DB_ID, AdminLawyer, CurrentLawyer, DeskDep, TicketId, ticket_errors
from api.schemas import ErrorOut
from api.ticket_schemas import (
    AuditOut,
    LawyerOut,
    Priority,
    QueueOut,
    ReopenIn,
    ReplyIn,
    ReplySavedOut,
    Status,
    TicketDetailOut,
)
from assistant.tickets import TicketView

router = APIRouter(prefix="/v1/lawyer", tags=["lawyer"])

_AUTH = {
    401: {"model": ErrorOut, "description": "没有或无效的律师令牌"},
    403: {"model": ErrorOut, "description": "需要管理员权限"},
}
_TICKET = {**_AUTH, 404: {"model": ErrorOut, "description": "工单不存在"}}
_TRANSITION = {**_TICKET, 409: {"model": ErrorOut, "description": "当前状态不允许这个操作（如已被别人认领）"}}


def detail(ticket: TicketView, now: datetime) -> dict[str, Any]:
    return {
        **ticket.summary(now),
        "conversation": ticket.conversation,
        "draft": ticket.draft,
        "draft_citations": ticket.draft_citations,
        "contact": ticket.contact,
        "replies": [r.as_dict() for r in ticket.replies],
        "audit": [a.as_dict() for a in ticket.audit],
        "reopen_count": ticket.reopen_count,
    }


@router.get("/me", response_model=LawyerOut, responses=_AUTH, summary="当前登录的律师")
def me(lawyer: CurrentLawyer) -> dict[str, Any]:
    return {"id": lawyer.id, "name": lawyer.name, "role": lawyer.role}


@router.get(
    "/tickets", response_model=QueueOut, responses=_AUTH, summary="工单队列（可按状态、优先级、超时筛选）"
)
def queue(
    lawyer: CurrentLawyer,
    desk: DeskDep,
    # Literal values: an unknown status or priority is a 422 naming the allowed ones, not an empty queue.
    status_: Annotated[
        list[Status] | None,
        Query(alias="status", description="pending / claimed / answered / closed / reopened，可多选"),
    ] = None,
    priority: Annotated[list[Priority] | None, Query(description="urgent / high / normal，可多选")] = None,
    overdue: Annotated[bool | None, Query(description="true：只看超时的；false：只看未超时的")] = None,
    sort: Annotated[Literal["due", "priority", "created"], Query()] = "due",
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_DB_ID)] = 0,
) -> dict[str, Any]:
    now = desk.store.clock()
    tickets = desk.store.queue(
        status=status_, priority=priority, overdue_only=overdue, sort=sort, limit=limit, offset=offset
    )
    return {"now": now.isoformat(), "tickets": [t.summary(now) for t in tickets]}


@router.get("/tickets/{ticket_id}", response_model=TicketDetailOut, responses=_TICKET, summary="查看工单")
def get_ticket(ticket_id: TicketId, lawyer: CurrentLawyer, desk: DeskDep) -> dict[str, Any]:
    with ticket_errors():
        return detail(desk.store.get(ticket_id), desk.store.clock())


@router.post(
    "/tickets/{ticket_id}/claim",
    response_model=TicketDetailOut,
    responses=_TRANSITION,
    summary="认领（先到先得）",
)
def claim(ticket_id: TicketId, lawyer: CurrentLawyer, desk: DeskDep) -> dict[str, Any]:
    with ticket_errors():
        return detail(desk.store.claim(ticket_id, lawyer), desk.store.clock())


@router.post(
    "/tickets/{ticket_id}/replies",
    response_model=ReplySavedOut,
    status_code=status.HTTP_201_CREATED,
    responses={**_TRANSITION, 422: {"model": ErrorOut, "description": "回复中有无法核实的法条引用"}},
    summary="保存回复的新版本，或发送给劳动者",
)
def reply(ticket_id: TicketId, body: ReplyIn, lawyer: CurrentLawyer, desk: DeskDep) -> dict[str, Any]:
    with ticket_errors():
        ticket, saved = desk.send_reply(ticket_id, lawyer, body.body.strip(), send=body.send)
    return {"ticket": detail(ticket, desk.store.clock()), "reply": saved.as_dict()}


@router.post(
    "/tickets/{ticket_id}/close", response_model=TicketDetailOut, responses=_TRANSITION, summary="关闭工单"
)
def close(ticket_id: TicketId, lawyer: CurrentLawyer, desk: DeskDep) -> dict[str, Any]:
    with ticket_errors():
        return detail(desk.store.close_ticket(ticket_id, lawyer), desk.store.clock())


@router.post(
    "/tickets/{ticket_id}/reopen",
    response_model=TicketDetailOut,
    responses=_TRANSITION,
    summary="重新打开工单",
)
def reopen(
    ticket_id: TicketId, lawyer: CurrentLawyer, desk: DeskDep, body: ReopenIn | None = None
) -> dict[str, Any]:
    with ticket_errors():
        return detail(desk.store.reopen(ticket_id, lawyer, body.note if body else ""), desk.store.clock())


@router.get("/audit", response_model=list[AuditOut], responses=_AUTH, summary="审计日志（管理员）")
def audit(
    admin: AdminLawyer, desk: DeskDep, ticket_id: Annotated[int | None, Query(ge=1, le=MAX_DB_ID)] = None
) -> list[dict[str, Any]]:
    return [a.as_dict() for a in desk.store.audit_log(ticket_id)]


@router.get("/lawyers", response_model=list[LawyerOut], responses=_AUTH, summary="律师名单（管理员）")
def lawyers(admin: AdminLawyer, desk: DeskDep) -> list[dict[str, Any]]:
    return [{"id": la.id, "name": la.name, "role": la.role} for la in desk.store.lawyers() if la.active]
