"""Errors as JSON `{code, message}` with the message in Chinese. Bad input is always a 4xx, never a 500."""

from __future__ import annotations

import logging
import re
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
    "contact": "联系方式（contact）",
    "contact.name": "称呼（contact.name）",
    "contact.phone": "电话（contact.phone）",
    "contact.wechat": "微信（contact.wechat）",
    "contact.preferred_time": "方便联系的时间（contact.preferred_time）",
    "note": "补充说明（note）",
    "body": "回复正文（body）",
    "send": "是否发送（send）",
    "comment": "意见（comment）",
    "ticket_id": "工单编号（ticket_id）",
    "helpful": "评价（helpful）",
    "status": "状态（status）",
    "priority": "优先级（priority）",
    "idempotency-key": "请求头 Idempotency-Key",
    "x-ticket-token": "请求头 X-Ticket-Token",
}

# What each endpoint's JSON body looks like: a client that sent the wrong shape sees the right one
# for the endpoint it called, not the chat example.
_CHAT_EXAMPLE = '{"question": "公司拖欠工资怎么办"}'
_BODY_EXAMPLES = {
    "/v1/chat": _CHAT_EXAMPLE,
    "/v1/chat/stream": _CHAT_EXAMPLE,
    "/v1/conversations/{conversation_id}/escalate": (
        '{"contact": {"name": "王师傅", "phone": "13800138000"}, "note": "晚上方便接电话"}'
    ),
    "/v1/messages/{message_id}/feedback": '{"helpful": false, "comment": "没有回答我的问题"}',
    "/v1/lawyer/tickets/{ticket_id}/replies": '{"body": "根据《劳动合同法》第八十二条……", "send": true}',
    "/v1/lawyer/tickets/{ticket_id}/reopen": '{"note": "劳动者补充了新情况"}',
}
# Objects nested in a body: what goes inside them.
_OBJECT_EXAMPLES = {"contact": '{"name": "王师傅", "phone": "13800138000"}'}
# Fields whose pattern is not obvious from the name: what is allowed.
_FORMAT_HINTS = {
    "contact.phone": "应为电话号码，例如 13800138000 或 0755-12345678（只含数字、+、- 和空格）",
    "conversation_id": "只能包含字母、数字、- 和 _",
    "idempotency-key": "应为 1–200 个可见的 ASCII 字符（不含空格）",
}
_EXPECTED_TYPE = {
    "string_type": "应为文字（字符串）",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "list_type": "应为列表",
}
_OBJECT_TYPES = ("model_attributes_type", "dict_type", "model_type")
_RANGE_TEXT = {"ge": "不能小于 {}", "le": "不能大于 {}", "gt": "应大于 {}", "lt": "应小于 {}"}


def _path(loc: tuple[Any, ...]) -> str:
    """The field as a client names it: contact.phone, status (list positions left out)."""
    return ".".join(str(p) for p in loc[1:] if not isinstance(p, int)) if len(loc) > 1 else ""


def _field(loc: tuple[Any, ...]) -> str:
    path = _path(loc)
    if not path:
        return "请求体"
    name = _FIELD_NAMES.get(path.lower(), path)
    # "sub 的类型不对", not "sub的类型不对": a bare field name ends in ASCII.
    return name + " " if name[-1].isascii() else name


def _choices(expected: object) -> str:
    """pydantic's "'a', 'b' or 'c'" as a Chinese list: a、b、c."""
    return re.sub(r"'|\"", "", str(expected)).replace(" or ", "、").replace(", ", "、")


def _describe(error: dict[str, Any], example: str | None = None) -> tuple[int, str, str]:
    """(status, code, message) for one validation error; ``example`` is the endpoint's body example."""
    kind, loc = error.get("type", ""), tuple(error.get("loc", ()))
    ctx = error.get("ctx") or {}
    field, path = _field(loc), _path(loc)
    like = f"，例如：{example}" if example else ""
    if kind == "json_invalid":
        return 400, "malformed_json", f"请求体不是有效的 JSON{like}"
    if kind == "missing":
        if loc == ("body",):
            return 422, "missing_body", f"缺少请求体{like}"
        return 422, "missing_field", f"缺少{field}"
    if kind in _OBJECT_TYPES:
        if not path:
            return 422, "invalid_body", f"请求体必须是 JSON 对象{like}"
        inner = _OBJECT_EXAMPLES.get(path)
        return 422, "invalid_type", f"{field}应为对象" + (f"，例如 {inner}" if inner else "")
    if kind == "extra_forbidden":
        return 422, "unknown_field", f"不认识的字段 {path}：请检查拼写或去掉它{like}"
    if kind == "empty_text":
        return 422, "empty_question", "问题不能为空，请写下你遇到的情况"
    if kind == "invalid_text":
        return 422, "invalid_text", f"{field}中有无法识别的字符，请重新输入"
    if kind == "string_too_long":
        limit = ctx.get("max_length")
        return 422, "too_long", f"{field}太长了" + (f"，最多 {limit} 个字符" if limit else "")
    if kind == "string_too_short":
        return 422, "invalid_request", f"{field}不能为空"
    if kind in _EXPECTED_TYPE:
        return 422, "invalid_type", f"{field}的类型不对：{_EXPECTED_TYPE[kind]}"
    if kind == "string_pattern_mismatch":
        hint = _FORMAT_HINTS.get(path.lower())
        return 422, "invalid_format", f"{field}的格式不对" + (f"：{hint}" if hint else "")
    if kind in ("literal_error", "enum"):
        return 422, "invalid_value", f"{field}只能是 {_choices(ctx.get('expected', ''))}"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bounds = [text.format(ctx[key]) for key, text in _RANGE_TEXT.items() if key in ctx]
        return 422, "out_of_range", f"{field}超出允许的范围" + (f"（{'，'.join(bounds)}）" if bounds else "")
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
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = list(exc.errors())
        route = request.scope.get("route")
        example = _BODY_EXAMPLES.get(getattr(route, "path", ""))
        if errors:
            status, code, message = _describe(errors[0], example)
            unknown = [_path(tuple(e.get("loc", ()))) for e in errors if e.get("type") == "extra_forbidden"]
            if code == "missing_field" and unknown:
                # {"q": …} for {"question": …}: the field sent under another name is what to fix.
                wanted = _path(tuple(errors[0].get("loc", ())))
                message += f"：收到的是 {'、'.join(unknown)}，字段名应为 {wanted}" + (
                    f"，例如：{example}" if example else ""
                )
        else:
            status, code, message = 422, "invalid_request", "请求不正确"
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
