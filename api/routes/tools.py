"""Worker tools: GET /v1/tools, GET /v1/tools/{name}, POST /v1/tools/{name} (one operation per tool,
each with its own request schema in the OpenAPI document).

Bad input is a 422 whose message names the field in Chinese (月工资（monthly_wage）超出允许的范围…,
离职日期（end_date）不能早于入职日期（start_date）); an unknown tool is a 404. Missing inputs are not
errors: the result lists them in `missing`."""

# No `from __future__ import annotations`: each endpoint's body annotation is the tool's own model,
# read by FastAPI from the closure at definition time.

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute

from api.errors import ApiError
from api.schemas import ErrorOut
from api.tool_schemas import ToolListOut, ToolOut, ToolResultOut
from assistant.tools import TOOLS, Tool, ToolContext
from assistant.tools.base import ToolInput
from assistant.tools.data import DataError
from assistant.tools.registry import describe_error


def validation_error(model: type[ToolInput], exc: RequestValidationError) -> ApiError:
    """A FastAPI validation error of a tool's body, as the tools name it (Chinese field titles)."""
    errors = list(exc.errors())
    if not errors:
        return ApiError(422, "invalid_request", "请求不正确")
    first = dict(errors[0])
    kind = first.get("type", "")
    if kind == "json_invalid":
        return ApiError(400, "malformed_json", '请求体不是有效的 JSON，例如：{"monthly_wage": 6000}')
    loc = tuple(first.get("loc", ()))
    if kind == "missing" and loc == ("body",):
        return ApiError(422, "missing_body", '缺少请求体，例如：{"monthly_wage": 6000}（没有的信息可以不填）')
    first["loc"] = loc[1:] if loc[:1] == ("body",) else loc
    problem = describe_error(model, first)
    return ApiError(422, problem.code, problem.message)


class ModelErrorRoute(APIRoute):
    """A route whose body validation errors are described with its model's Chinese field titles."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()
        model: type[ToolInput] | None = getattr(self.endpoint, "input_model", None)

        async def route(request: Request) -> Response:
            try:
                return await handler(request)
            except RequestValidationError as exc:
                if model is None:
                    raise
                raise validation_error(model, exc) from None

        return route


router = APIRouter(prefix="/v1/tools", tags=["tools"], route_class=ModelErrorRoute)
_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "请求体不是有效的 JSON"},
    422: {"model": ErrorOut, "description": "输入不正确（消息里写明是哪一项）"},
    503: {"model": ErrorOut, "description": "计算用的数据表有误"},
}


def _describe(tool: Tool) -> dict[str, Any]:
    data = tool.describe()
    data["input_schema"] = data.pop("schema")
    return data


@router.get("", response_model=ToolListOut, summary="列出计算工具（经济补偿、加班费、时效等）")
async def list_tools() -> dict[str, Any]:
    return {"tools": [_describe(t) for t in TOOLS.values()]}


@router.get(
    "/{name}",
    response_model=ToolOut,
    responses={404: {"model": ErrorOut, "description": "没有这个工具"}},
    summary="一个计算工具的说明和输入项",
)
async def get_tool(name: str) -> dict[str, Any]:
    tool = TOOLS.get(name)
    if tool is None:
        raise _unknown(name)
    return _describe(tool)


def _unknown(name: str) -> ApiError:
    return ApiError(404, "unknown_tool", f"没有叫“{name}”的计算工具，可用的有：{'、'.join(TOOLS)}")


def _run(tool: Tool, body: ToolInput) -> dict[str, Any]:
    try:
        return tool.compute(body, ToolContext.default()).as_dict()
    except DataError as exc:
        raise ApiError(
            503, "tools_data_invalid", f"计算用的数据表有误，请联系管理员：{exc.problems[0]}"
        ) from None


def _endpoint(tool: Tool) -> Callable[..., Any]:
    model = tool.input_model

    def run(body: model) -> dict[str, Any]:  # type: ignore[valid-type]  # a model class per tool
        return _run(tool, body)

    run.input_model = model  # type: ignore[attr-defined]  # read by ModelErrorRoute
    run.__name__ = f"run_{tool.name}"
    return run


for _tool in TOOLS.values():
    router.add_api_route(
        f"/{_tool.name}",
        _endpoint(_tool),
        methods=["POST"],
        response_model=ToolResultOut,
        responses=_ERRORS,
        summary=f"计算：{_tool.title}",
        description=_tool.description
        + "\n\n输入项的名称与对话中提取的事实名一致；缺少的输入不会被猜测，结果的 `missing` 会列出来。",
        operation_id=f"tool_{_tool.name}",
    )


@router.post("/{name}", include_in_schema=False)
async def unknown_tool(name: str) -> None:
    raise _unknown(name)
