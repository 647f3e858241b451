"""Errors as JSON `{code, message}` with the message in Chinese. Bad input is always a 4xx, never a 500."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ingest.vectorstore import VectorStoreUnavailable

log = logging.getLogger(__name__)


class ApiError(StarletteHTTPException):
    """An error with a stable code for clients and a message for people. Subclassing HTTPException
    lets it pass through FastAPI's body reading untouched (the size limit raises it from there)."""

    def __init__(
        self, status_code: int, code: str, message: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(status_code=status_code, detail=message, headers=headers)
        self.code = code
        self.message = message


VECTOR_STORE_MESSAGE = "法规检索服务（向量库）暂时不可用，请稍后再试；紧急情况可拨打工会服务热线 12351"

_STATUS_DEFAULTS = {
    400: ("bad_request", "请求有误"),
    404: ("not_found", "找不到这个地址"),
    405: ("method_not_allowed", "不支持这种请求方法"),
    413: ("body_too_large", "请求内容太大"),
    415: ("unsupported_media_type", "不支持这种内容类型，请使用 JSON"),
}

_FIELD_NAMES = {
    "question": "问题（question）",
    "conversation_id": "会话编号（conversation_id）",
    "q": "查询内容（q）",
}


def _field(loc: tuple[Any, ...]) -> str:
    names = [str(p) for p in loc if p not in ("body", "query", "path")]
    return _FIELD_NAMES.get(names[-1], names[-1]) if names else "请求体"


def _describe(error: dict[str, Any]) -> tuple[int, str, str]:
    kind, loc = error.get("type", ""), tuple(error.get("loc", ()))
    field = _field(loc)
    if kind == "json_invalid":
        return 400, "malformed_json", '请求体不是有效的 JSON，例如：{"question": "公司拖欠工资怎么办"}'
    if kind == "missing":
        if loc == ("body",):
            return 422, "missing_body", '缺少请求体，例如：{"question": "公司拖欠工资怎么办"}'
        return 422, "missing_field", f"缺少{field}"
    if kind in ("model_attributes_type", "dict_type", "model_type"):
        return 422, "invalid_body", '请求体必须是 JSON 对象，例如：{"question": "公司拖欠工资怎么办"}'
    if kind == "empty_text":
        return 422, "empty_question", "问题不能为空，请写下你遇到的情况"
    if kind == "invalid_text":
        return 422, "invalid_text", f"{field}中有无法识别的字符，请重新输入"
    if kind in ("string_too_long",):
        return 422, "too_long", f"{field}太长了"
    if kind in ("string_type", "int_parsing", "int_type", "bool_parsing"):
        return 422, "invalid_type", f"{field}的类型不对"
    if kind in ("string_pattern_mismatch",):
        return 422, "invalid_format", f"{field}的格式不对"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return 422, "out_of_range", f"{field}超出允许的范围"
    return 422, "invalid_request", f"{field}不正确"


def error_response(
    status_code: int, code: str, message: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse({"code": code, "message": message}, status_code=status_code, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status_code, exc.code, exc.message, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code, message = _STATUS_DEFAULTS.get(exc.status_code, ("http_error", "请求没有成功"))
        return error_response(exc.status_code, code, message, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = list(exc.errors())
        status, code, message = _describe(errors[0]) if errors else (422, "invalid_request", "请求不正确")
        return error_response(status, code, message)

    @app.exception_handler(VectorStoreUnavailable)
    async def _vector_store_down(request: Request, exc: VectorStoreUnavailable) -> JSONResponse:
        log.error("vector store unavailable on %s %s: %s", request.method, request.url.path, exc)
        return error_response(
            503,
            "vector_store_unavailable",
            VECTOR_STORE_MESSAGE,
            {"Retry-After": "30"},
        )

    @app.exception_handler(Exception)
    async def _internal_error(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
        return error_response(500, "internal_error", "服务器出了点问题，请稍后再试")
