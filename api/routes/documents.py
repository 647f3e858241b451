"""劳动仲裁申请书 drafts: POST /v1/documents/arbitration (.docx) and POST /v1/documents/arbitration/html
(a printable page). Built in memory from the facts in the body and returned; nothing is stored or
sent anywhere."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Response
from fastapi.responses import HTMLResponse

from api.errors import ApiError
from api.routes.tools import ModelErrorRoute
from api.schemas import ErrorOut
from assistant.documents import ArbitrationFacts, build_application, render_docx, render_html
from assistant.tools.data import DataError

router = APIRouter(prefix="/v1/documents", tags=["documents"], route_class=ModelErrorRoute)
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FILENAME = "劳动仲裁申请书（草稿）.docx"
_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "请求体不是有效的 JSON"},
    422: {"model": ErrorOut, "description": "输入不正确（消息里写明是哪一项）"},
    503: {"model": ErrorOut, "description": "计算用的数据表有误"},
}
_PRIVATE = {"Cache-Control": "no-store"}  # the draft holds the worker's personal details
_DESCRIPTION = (
    "按《劳动争议调解仲裁法》第二十八条要求的事项（申请人、被申请人、仲裁请求、事实和理由、证据和证据来源、证人）"
    "生成仲裁申请书草稿；请求金额由计算工具算出，缺少的信息标为【待填写】。草稿只返回给请求者，系统不保存、不发送。"
)


def _build(body: ArbitrationFacts):  # noqa: ANN202 - Document
    try:
        return build_application(body)
    except DataError as exc:
        raise ApiError(
            503, "tools_data_invalid", f"计算用的数据表有误，请联系管理员：{exc.problems[0]}"
        ) from None


def arbitration_docx(body: ArbitrationFacts) -> Response:
    content = render_docx(_build(body))
    disposition = (
        f"attachment; filename=\"arbitration-application-draft.docx\"; filename*=UTF-8''{quote(FILENAME)}"
    )
    return Response(content, media_type=DOCX, headers={"Content-Disposition": disposition, **_PRIVATE})


def arbitration_html(body: ArbitrationFacts) -> HTMLResponse:
    return HTMLResponse(render_html(_build(body)), headers=_PRIVATE)


arbitration_docx.input_model = ArbitrationFacts  # type: ignore[attr-defined]  # read by ModelErrorRoute
arbitration_html.input_model = ArbitrationFacts  # type: ignore[attr-defined]
router.add_api_route(
    "/arbitration",
    arbitration_docx,
    methods=["POST"],
    response_model=None,
    responses={
        200: {
            "content": {DOCX: {"schema": {"type": "string", "format": "binary"}}},
            "description": "Word 文档",
        },
        **_ERRORS,
    },
    summary="生成劳动仲裁申请书草稿（Word .docx）",
    description=_DESCRIPTION,
)
router.add_api_route(
    "/arbitration/html",
    arbitration_html,
    methods=["POST"],
    response_model=None,
    responses={200: {"content": {"text/html": {}}, "description": "可打印的网页"}, **_ERRORS},
    summary="生成劳动仲裁申请书草稿（可打印的网页）",
    description=_DESCRIPTION,
)
