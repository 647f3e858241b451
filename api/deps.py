"""Dependency aliases: routes declare what they need, the lifespan put it in app.state."""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import Depends, Request

from api.errors import ApiError
from assistant.chat import ChatService, Services
from assistant.config import Settings
from assistant.retrieval import HybridRetriever


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


def check_question(question: str, settings: Settings) -> None:
    if len(question) > settings.max_question_chars:
        raise ApiError(
            422,
            "question_too_long",
            f"问题太长了（{len(question)} 字），请控制在 {settings.max_question_chars} 字以内",
        )
