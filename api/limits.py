"""Request body limits, counted in bytes as they arrive (a missing or false Content-Length cannot get
round the cap), plus a shim that lets `curl -d '{…}'` (form content type) post JSON."""

from __future__ import annotations

import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import ApiError

_FORM = b"application/x-www-form-urlencoded"
# Read (and discard) up to this much of an oversized body before answering 413: closing a socket with
# unread data makes the kernel send a reset, and the client may then never see the answer.
DRAIN_BYTES = 1024 * 1024


def _too_large(limit: int) -> ApiError:
    return ApiError(413, "body_too_large", f"请求内容太大（上限 {limit // 1024} KB）")


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            if int(declared) <= DRAIN_BYTES:
                await _drain(receive, 0)
            await _send_error(send, 413, "body_too_large", _too_large(self.max_bytes).message)
            return
        # Every endpoint here takes JSON; curl's -d sends it labelled as a form.
        content_type = headers.get(b"content-type", b"")
        if content_type.split(b";")[0].strip() == _FORM:
            scope = dict(scope)
            scope["headers"] = [(k, v) for k, v in scope["headers"] if k != b"content-type"] + [
                (b"content-type", b"application/json")
            ]

        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    if message.get("more_body", False):
                        await _drain(receive, received)
                    raise _too_large(self.max_bytes)
            return message

        await self.app(scope, limited_receive, send)


async def _drain(receive: Receive, received: int) -> None:
    while received <= DRAIN_BYTES:
        message = await receive()
        if message["type"] != "http.request":
            return
        received += len(message.get("body", b""))
        if not message.get("more_body", False):
            return


async def _send_error(send: Send, status: int, code: str, message: str) -> None:
    body = json.dumps({"code": code, "message": message}, ensure_ascii=False).encode()
    headers: list[Any] = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
