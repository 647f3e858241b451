"""GET /v1/search?q=: ranked articles with scores and the reasons they matched."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic_core import PydanticCustomError

from api.deps import RetrieverDep, SettingsDep, check_question
from api.errors import ApiError
from api.routes.articles import article_dict
from api.schemas import ErrorOut, SearchResponse, clean_text
from ingest.numerals import article_label

router = APIRouter(prefix="/v1", tags=["search"])


@router.get(
    "/search",
    response_model=SearchResponse,
    responses={422: {"model": ErrorOut}, 503: {"model": ErrorOut}},
    summary="只检索条文（不生成回答）",
)
def search(
    retriever: RetrieverDep,
    settings: SettingsDep,
    q: Annotated[str, Query(description="问题或关键词", examples=["加班费怎么算"])],
    k: Annotated[int, Query(ge=1, le=50, description="返回条数")] = 10,
) -> dict[str, Any]:
    try:
        q = clean_text(q)
    except PydanticCustomError as exc:
        if exc.type == "empty_text":
            raise ApiError(422, "empty_question", "查询内容不能为空") from None
        raise ApiError(422, "invalid_text", "查询内容中有无法识别的字符") from None
    check_question(q, settings)
    result = retriever.search(q, k=k)
    u = result.understanding
    return {
        "query": q,
        "laws_mentioned": list(u.laws_mentioned),
        "topics": [issue.name for issue, _ in u.topics],
        "direct_refs": [f"《{ref.law}》{article_label(ref.article, ref.sub)}" for ref in u.direct_refs],
        "hits": [
            {
                "rank": i + 1,
                "score": round(hit.score, 4),
                "reasons": hit.reasons,
                "article": article_dict(hit.unit),
            }
            for i, hit in enumerate(result.hits)
        ],
        "timings": {k: round(v, 1) for k, v in result.timings_ms.items()},
    }
