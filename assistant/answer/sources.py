"""Numbered sources from a retrieval result, and the store lookups the verifier needs."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answer.models import Source
from assistant.retrieval import HybridRetriever, RetrievalResult
from assistant.retrieval.query import DirectRef
from assistant.retrieval.retriever import Hit
from ingest.lawnames import short_law_name
from ingest.store import StoredUnit

# The article behind 下一步's time limit: one year, except wages owed while still employed.
PROCEDURE_REF = DirectRef("劳动争议调解仲裁法", 27)


GUIDE_REASON = "工会律师编写的问题指南引用的条文"


def build_sources(
    result: RetrievalResult,
    case_hits: Sequence[Hit],
    procedure: StoredUnit | None,
    guide_units: Sequence[StoredUnit] = (),
) -> list[Source]:
    """Articles first (in retrieval order), then the articles the issue guides cite that retrieval
    did not return, then the procedural article if not already there, then cases."""
    sources: list[Source] = []
    seen: set[str] = set()
    for hit in result.hits:
        # Only numbered articles: every citation must open at /v1/articles/{law}/{article}.
        if hit.unit.is_case or hit.unit.article_no is None or hit.unit.unit_id in seen:
            continue
        seen.add(hit.unit.unit_id)
        sources.append(Source(len(sources) + 1, hit.unit, "article", hit.score, tuple(hit.reasons)))
    for unit in guide_units:
        if unit.is_case or unit.article_no is None or unit.unit_id in seen or not unit.in_force:
            continue
        seen.add(unit.unit_id)
        sources.append(Source(len(sources) + 1, unit, "article", 0.0, (GUIDE_REASON,)))
    if procedure is not None and procedure.in_force and procedure.unit_id not in seen:
        seen.add(procedure.unit_id)
        sources.append(Source(len(sources) + 1, procedure, "procedure", 0.0, ("维权程序：仲裁时效",)))
    for hit in case_hits:
        # search_cases can return a directly cited article too; only real cases belong here.
        if not hit.unit.is_case or hit.unit.unit_id in seen:
            continue
        seen.add(hit.unit.unit_id)
        sources.append(Source(len(sources) + 1, hit.unit, "case", hit.score, tuple(hit.reasons)))
    return sources


def procedure_source(sources: Sequence[Source]) -> Source | None:
    key = (PROCEDURE_REF.law, PROCEDURE_REF.article, 0)
    return next((s for s in sources if s.kind != "case" and s.key() == key), None)


class RetrieverResolver:
    """Citation lookups over the live index (law names, aliases, every version of every article)."""

    def __init__(self, retriever: HybridRetriever) -> None:
        self._retriever = retriever
        self._laws = {u.law for u in retriever.units if not u.is_case}

    def find_laws(self, text: str) -> list[tuple[int, int, str]]:
        return self._retriever.matcher.find(text)

    def resolve_law(self, name: str) -> str | None:
        short = short_law_name(name)
        if short in self._laws:
            return short
        # An alias (劳动合同法实施条例's common short forms …) only when it is the whole name: a loose
        # substring match would turn the repealed 《合同法》 into 《劳动合同法》.
        spans = self._retriever.matcher.find(short)
        if len(spans) == 1 and spans[0][0] == 0 and spans[0][1] == len(short):
            return spans[0][2]
        return None

    def lookup(self, law: str, article: int, sub: int | None) -> StoredUnit | None:
        return self._retriever.lookup(DirectRef(law, article, sub))
