"""The FastAPI application factory. The index, the models and the database open once in the lifespan,
never at import: `create_app()` is cheap, and tests build apps with their own settings."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

import api.routes.documents
import api.routes.tools
from api.errors import install_error_handlers
from api.limits import BodyLimitMiddleware
from api.routes import articles, chat, conversations, feedback, health, lawyer, search, tickets
from api.security import install_security
from assistant.chat import open_services
from assistant.config import Settings, get_settings
from assistant.privacy import install_log_redaction
from assistant.reload import BuildReloader
from ingest.embed import Embedder

log = logging.getLogger(__name__)

DESCRIPTION = """工会法务云：面向劳动者的劳动法问答。每个回答都引用法规库中可以查到的条文（[n] 标记），
无法核实的引用会被删除；没有可靠依据时建议转给工会律师。错误统一返回 `{code, message}`。"""
SHUTDOWN_GRACE_SECONDS = 5.0
STATIC_DIR = Path(__file__).resolve().parent / "static"


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings: Settings = app.state.settings
    # No ID, mobile or card numbers in any log line: ours, uvicorn's errors and its access log (a
    # search query string is part of the logged path).
    for name in ("", "uvicorn", "uvicorn.error", "uvicorn.access"):
        install_log_redaction(logging.getLogger(name) if name else None)
    services = await run_in_threadpool(open_services, settings, app.state.embedder)
    app.state.services = services
    log.info(
        "serving build %s (%d units), answers: %s",
        services.runtime.index.manifest.get("build_id"),
        len(services.runtime.retriever.units),
        services.answers.mode,
    )
    reloader = BuildReloader(
        services,
        drain_seconds=2 * settings.stream_max_seconds + settings.llm_timeout_s * (settings.llm_retries + 1),
    )
    app.state.reloader = reloader
    watcher = asyncio.create_task(_watch_live_build(reloader, settings.reload_check_seconds))
    try:
        yield
    finally:
        watcher.cancel()
        await asyncio.gather(watcher, return_exceptions=True)
        pending = set(app.state.background)
        if pending:
            # Streams still writing their answers get a moment to save them.
            _, still = await asyncio.wait(pending, timeout=SHUTDOWN_GRACE_SECONDS)
            for task in still:
                task.cancel()
            await asyncio.gather(*still, return_exceptions=True)
        app.state.services = None
        reloader.close()
        services.close()


async def _watch_live_build(reloader: BuildReloader, interval: float) -> None:
    """Swap in a new live build when data/LIVE.json names one (checked every `interval` seconds),
    and at once on SIGHUP, which also retries a build that failed to open."""
    hangup = asyncio.Event()
    loop = asyncio.get_running_loop()
    try:
        loop.add_signal_handler(signal.SIGHUP, hangup.set)
    except (NotImplementedError, RuntimeError, ValueError, AttributeError):
        pass  # not the main thread (an app served from a test thread), or no SIGHUP on this platform
    try:
        while True:
            try:
                await asyncio.wait_for(hangup.wait(), timeout=interval if interval > 0 else None)
            except TimeoutError:
                pass
            forced = hangup.is_set()
            hangup.clear()
            try:
                await asyncio.to_thread(reloader.check, forced)
            except Exception:  # noqa: BLE001 - the watcher must outlive any one failed check
                log.exception("checking for a new live build failed")
    finally:
        try:
            loop.remove_signal_handler(signal.SIGHUP)
        except (NotImplementedError, RuntimeError, ValueError, AttributeError):
            pass


_BODY_ERRORS = {
    "400": "请求体不是有效的 JSON",
    "413": "请求体太大",
}


def _document_body_errors(app: FastAPI) -> None:
    """Every operation that reads a JSON body can answer 400 (malformed JSON) and 413 (too large):
    say so in the schema, for every such operation, so that clients and contract tests expect them."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = build()
        for item in schema.get("paths", {}).values():
            for operation in item.values():
                if not isinstance(operation, dict) or "requestBody" not in operation:
                    continue
                responses = operation.setdefault("responses", {})
                for code, description in _BODY_ERRORS.items():
                    responses.setdefault(
                        code,
                        {
                            "description": description,
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}
                            },
                        },
                    )
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def create_app(settings: Settings | None = None, embedder: Embedder | None = None) -> FastAPI:
    settings = settings or get_settings()
    app = FastAPI(
        title="工会法务云 Union Legal Cloud API",
        version="0.1.0",
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.embedder = embedder
    app.state.services = None
    app.state.background = set()
    install_error_handlers(app)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    install_security(app, settings)  # rate limits, then security headers; CORS wraps them all
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["content-type", "authorization", "idempotency-key", "x-ticket-token"],
        )
    for module in (chat, conversations, feedback, tickets, lawyer, articles, search, health):
        app.include_router(module.router)
    # Worker tools (calculators, time limits) and drafted documents (劳动仲裁申请书).
    app.include_router(api.routes.tools.router)
    app.include_router(api.routes.documents.router)
    _document_body_errors(app)
    if (STATIC_DIR / "index.html").exists():
        # The worker chat page (api/static/) talks to the endpoints above.
        app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

        # HEAD too: uptime checks and `curl -I` ask for the page without its body.
        @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
        async def index() -> FileResponse:
            return FileResponse(STATIC_DIR / "index.html")

    if (STATIC_DIR / "lawyer.html").exists():
        # The lawyers' review page: sign in with a token, the queue, a ticket, edit and send.
        @app.api_route("/lawyer", methods=["GET", "HEAD"], include_in_schema=False)
        async def lawyer_page() -> FileResponse:
            return FileResponse(STATIC_DIR / "lawyer.html")

    return app
