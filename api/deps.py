"""Dependency aliases: routes declare what they need, the lifespan put it in app.state."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

from fastapi import Depends, Request
from fastapi import Path as PathParam
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api.errors import ApiError
from assistant.chat import ChatService, Services
from assistant.config import Settings
from assistant.retrieval import HybridRetriever
from assistant.tickets import (
    EscalationDesk,
    IdempotencyConflict,
    InvalidCitations,
    InvalidTransition,
    LawyerView,
    TicketNotFound,
)


def get_services(request: Request) -> Services:
    services: Services | None = getattr(request.app.state, "services", None)
    if services is None:
        raise ApiError(503, "not_ready", "服务正在启动，请稍后再试")
    return services


ServicesDep = Annotated[Services, Depends(get_services)]


def get_settings(services: ServicesDep) -> Settings:
    return services.settings


def get_chat(services: ServicesDep) -> ChatService:
    return services.chat


def get_retriever(services: ServicesDep) -> HybridRetriever:
    return services.runtime.retriever


def get_background(request: Request) -> set[asyncio.Task[None]]:
    return request.app.state.background


SettingsDep = Annotated[Settings, Depends(get_settings)]
ChatDep = Annotated[ChatService, Depends(get_chat)]
RetrieverDep = Annotated[HybridRetriever, Depends(get_retriever)]
BackgroundDep = Annotated[set[asyncio.Task[None]], Depends(get_background)]


def get_desk(services: ServicesDep) -> EscalationDesk:
    return services.desk


DeskDep = Annotated[EscalationDesk, Depends(get_desk)]
_CHALLENGE = {"WWW-Authenticate": "Bearer"}
_bearer = HTTPBearer(auto_error=False, description="律师令牌（`lawcloud lawyer add` 生成）")


def current_lawyer(
    desk: DeskDep, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> LawyerView:
    if credentials is None:
        raise ApiError(401, "unauthorized", "需要律师登录令牌（请求头 Authorization: Bearer …）", _CHALLENGE)
    lawyer = desk.store.lawyer_for_token(credentials.credentials)
    if lawyer is None:
        raise ApiError(401, "invalid_token", "律师令牌无效或已停用", _CHALLENGE)
    return lawyer


CurrentLawyer = Annotated[LawyerView, Depends(current_lawyer)]


def current_admin(lawyer: CurrentLawyer) -> LawyerView:
    if not lawyer.is_admin:
        raise ApiError(403, "forbidden", "这项操作需要管理员权限")
    return lawyer


AdminLawyer = Annotated[LawyerView, Depends(current_admin)]


@contextmanager
def ticket_errors() -> Iterator[None]:
    """The ticket queue's errors as API errors: 404, 409 (status machine), 422."""
    try:
        yield
    except TicketNotFound as exc:
        raise ApiError(404, exc.code, str(exc)) from None
    except InvalidTransition as exc:
        raise ApiError(409, exc.code, str(exc)) from None
    except (IdempotencyConflict, InvalidCitations) as exc:
        raise ApiError(422, getattr(exc, "code", "invalid_citations"), str(exc)) from None


def check_question(question: str, settings: Settings) -> None:
    if len(question) > settings.max_question_chars:
        raise ApiError(
            422,
            "question_too_long",
            f"问题太长了（{len(question)} 字），请控制在 {settings.max_question_chars} 字以内",
        )


# SQLite and PostgreSQL integers are 64-bit: a larger id in a path is a 422, not a database error.
MAX_DB_ID = 2**63 - 1
TicketId = Annotated[int, PathParam(ge=1, le=MAX_DB_ID, description="工单编号")]
