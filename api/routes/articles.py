"""GET /v1/articles/{law}/{article}: every citation in an answer resolves here."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from api.deps import ServicesDep
from api.errors import ApiError
from api.schemas import ArticleOut, ErrorOut
from assistant.answer.models import article_url, cite_label
from ingest.numerals import parse_article_ref
from ingest.store import ArticleNotFound, LawNotFound, StoredUnit

router = APIRouter(prefix="/v1/articles", tags=["articles"])


def article_dict(unit: StoredUnit) -> dict[str, Any]:
    return {
        "id": unit.unit_id,
        "law": unit.law,
        "title": unit.title,
        "label": cite_label(unit),
        "article": unit.article_no,
        "sub": unit.sub,
        "chapter": unit.chapter,
        "text": unit.text,
        "validity": unit.validity,
        "validity_note": unit.validity_note,
        "version_date": unit.version_date,
        "effective_date": unit.effective_date,
        "level": unit.level,
        "issuing_body": unit.issuing_body,
        "document_number": unit.document_number,
        "in_force": unit.in_force,
        "url": article_url(unit),
    }


@router.get(
    "/{law}/{article}",
    response_model=ArticleOut,
    responses={404: {"model": ErrorOut}, 422: {"model": ErrorOut}},
    summary="查看一条法律条文（现行版本）",
)
async def get_article(
    law: str,
    article: str,
    services: ServicesDep,
    sub: Annotated[
        int | None, Query(ge=1, le=20, description="第X条之N 的 N（也可写在条号里：276之一）")
    ] = None,
) -> dict[str, Any]:
    # async on purpose: the article store shares one SQLite connection, so its queries stay on the
    # event loop's thread (each takes well under a millisecond).
    try:
        number, written_sub = parse_article_ref(article)
    except ValueError:
        raise ApiError(
            422, "invalid_article", f"“{article}”不是有效的条号，请写成 82、八十二 或 第八十二条"
        ) from None
    store = services.runtime.retriever.index.store
    try:
        try:
            unit = store.get_article(law, number, written_sub or sub)
        except LawNotFound:
            # The store knows full and short names; aliases (工伤条例 → 工伤保险条例) are resolved the
            # way search and citation checking resolve them, so every name search accepts opens here.
            alias = services.answers.resolver.resolve_law(law)
            if alias is None:
                raise
            unit = store.get_article(alias, number, written_sub or sub)
    except LawNotFound as exc:
        raise ApiError(404, "law_not_found", str(exc).split("。")[0]) from None
    except ArticleNotFound as exc:
        raise ApiError(404, "article_not_found", str(exc)) from None
    return article_dict(unit)
