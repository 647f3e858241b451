"""GET /healthz (the process is up) and GET /readyz (index and database usable)."""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool

from api.deps import ServicesDep
from api.errors import VECTOR_STORE_MESSAGE, ApiError
from api.schemas import ErrorOut, HealthOut, ReadyOut

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=HealthOut, summary="进程存活")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", response_model=ReadyOut, responses={503: {"model": ErrorOut}}, summary="可以接受请求")
async def readyz(services: ServicesDep) -> dict[str, Any]:
    try:
        await run_in_threadpool(services.conversations.ping)
    except Exception as exc:  # noqa: BLE001 - any database failure means not ready
        raise ApiError(503, "database_unavailable", "会话数据库暂时不可用") from exc
    # The vector store may be a Chroma server: ask it something cheap, and give up quickly.
    timeout = min(services.settings.chroma_timeout_s, 3.0)
    try:
        await asyncio.wait_for(run_in_threadpool(services.runtime.index.vectors.count), timeout)
    except Exception as exc:  # noqa: BLE001 - unreachable, erroring or too slow: not ready
        raise ApiError(503, "vector_store_unavailable", VECTOR_STORE_MESSAGE) from exc
    manifest = services.runtime.index.manifest
    return {
        "status": "ready",
        "build_id": manifest.get("build_id", ""),
        "units": len(services.runtime.retriever.units),
        "answer_mode": services.answers.mode,
        "database": "ok",
    }
