"""LangChain at the edge: our retriever as a `BaseRetriever` and our embedder as `Embeddings`, so
both plug into LangChain chains while the core stays plain Python."""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_core.retrievers import BaseRetriever

from assistant.retrieval import Filters, HybridRetriever
from ingest.embed import Embedder


class LawRetriever(BaseRetriever):
    """Ranked articles as LangChain documents; metadata carries what a citation needs."""

    retriever: Any  # HybridRetriever (typed Any: pydantic cannot validate our plain class)
    k: int = 6
    filters: Any = None

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        engine: HybridRetriever = self.retriever
        result = engine.search(query, k=self.k, filters=self.filters or Filters())
        return [
            Document(
                page_content=hit.unit.text,
                metadata={
                    "id": hit.unit.unit_id,
                    "law": hit.unit.law,
                    "title": hit.unit.title,
                    "article": hit.unit.article_no,
                    "sub": hit.unit.sub,
                    "label": hit.unit.label,
                    "validity": hit.unit.validity,
                    "version_date": hit.unit.version_date,
                    "score": hit.score,
                    "reasons": hit.reasons,
                },
            )
            for hit in result.hits
        ]


class EmbedderEmbeddings(Embeddings):
    """Query and passage embeddings differ for e5-style models; the prefixes live in the embedder."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [list(map(float, v)) for v in self.embedder.embed_passages(texts)]

    def embed_query(self, text: str) -> list[float]:
        return list(map(float, self.embedder.embed_query(text)))
