"""Opening the live index and models once, for the CLI and the API lifespan."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass

from assistant.config import Settings
from assistant.retrieval import HybridRetriever
from ingest.embed import Embedder, EmbeddingCache, make_embedder
from ingest.index import LiveIndex, open_index

log = logging.getLogger(__name__)


@dataclass
class Runtime:
    settings: Settings
    index: LiveIndex
    embedder: Embedder
    retriever: HybridRetriever

    def close(self) -> None:
        self.index.close()


def open_runtime(settings: Settings, embedder: Embedder | None = None) -> Runtime:
    index = open_index(
        settings.data_dir,
        settings.chroma_host,
        settings.chroma_port,
        settings.chroma_timeout_s,
        dense_search=settings.dense_search,
    )
    # Queries are embedded one at a time: a single thread holds latency steady when cores are busy.
    embedder = embedder or make_embedder(
        settings.embedder, settings.embedder_model_path, threads=settings.query_threads
    )
    if embedder.name != index.manifest.get("embedder"):
        raise RuntimeError(
            f"索引是用 {index.manifest.get('embedder')} 建的，当前配置的嵌入模型是 {embedder.name}；"
            "请改回原模型，或用当前模型重新运行 `lawcloud ingest --replace`"
        )
    retriever = HybridRetriever(index, embedder)
    # The labour issues' own vectors (semantic issue detection), kept in the ingest's embedding cache.
    try:
        cache = EmbeddingCache(settings.cache_dir / "embeddings.sqlite", embedder.name, embedder.dim)
    except (OSError, sqlite3.Error) as exc:
        # A read-only data directory serves all the same, only the issue vectors are not kept.
        log.warning("embedding cache unavailable (%s): issue vectors computed without it", exc)
        retriever.prepare_issue_vectors()
        retriever.prepare_examples()
    else:
        try:
            retriever.prepare_issue_vectors(cache)
            retriever.prepare_examples(cache)
        finally:
            cache.close()
    return Runtime(settings, index, embedder, retriever)
