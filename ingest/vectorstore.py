"""Vector stores behind one interface: Chroma (embedded PersistentClient or a Chroma server over
HTTP) and an in-memory numpy store for tests. We always pass precomputed vectors: Chroma's own
default embedding function would try to download a model."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

Metadata = dict[str, str | int | float | bool]


class VectorStore(Protocol):
    def add(self, ids: Sequence[str], vectors: np.ndarray, metadatas: Sequence[Metadata]) -> None: ...

    def query(
        self, vector: np.ndarray, k: int, where: dict[str, Any] | None = None
    ) -> list[tuple[str, float]]: ...

    def count(self) -> int: ...


class VectorStoreUnavailable(RuntimeError):
    """The vector store cannot be reached (e.g. the Chroma server is down)."""


def chroma_client(  # noqa: ANN201
    mode: str,
    path: Path | None = None,
    host: str = "127.0.0.1",
    port: int = 8001,
    timeout_s: float | None = None,
):
    import chromadb

    settings = chromadb.Settings(anonymized_telemetry=False)
    if mode == "http":
        try:
            client = chromadb.HttpClient(host=host, port=port, settings=settings)
        except Exception as exc:  # chromadb raises plain exceptions when the server is unreachable
            raise VectorStoreUnavailable(f"无法连接 Chroma 服务 {host}:{port}：{exc}") from exc
        if timeout_s is not None:  # serving sets one; ingest's large batches may take longer
            _set_http_timeout(client, timeout_s)
        return client
    if path is None:
        raise ValueError("embedded Chroma needs a path")
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=settings)


def _set_http_timeout(client: Any, timeout_s: float) -> None:
    """chromadb 1.5's HTTP client builds its httpx.Client with `timeout=None` and has no setting for
    it, so a hung server would hang every query: give its session a timeout after the fact."""
    import httpx

    session = getattr(getattr(client, "_server", None), "_session", None)
    if isinstance(session, httpx.Client):
        session.timeout = httpx.Timeout(timeout_s, connect=min(timeout_s, 2.0))


class ChromaVectorStore:
    # Chroma rejects add() batches above its max batch size (5,461 in 1.5.x).
    BATCH = 4000

    def __init__(self, client: Any, collection: str, create: bool = False) -> None:
        self._client = client
        self.collection_name = collection
        if create:
            self._col = client.create_collection(
                collection,
                embedding_function=None,
                configuration={"hnsw": {"space": "cosine", "ef_construction": 200, "ef_search": 200}},
            )
        else:
            self._col = client.get_collection(collection, embedding_function=None)

    def add(self, ids: Sequence[str], vectors: np.ndarray, metadatas: Sequence[Metadata]) -> None:
        for start in range(0, len(ids), self.BATCH):
            end = start + self.BATCH
            self._col.add(
                ids=list(ids[start:end]), embeddings=vectors[start:end], metadatas=list(metadatas[start:end])
            )

    def query(
        self, vector: np.ndarray, k: int, where: dict[str, Any] | None = None
    ) -> list[tuple[str, float]]:
        try:
            result = self._col.query(
                query_embeddings=[vector], n_results=k, where=where or None, include=["distances"]
            )
        except Exception as exc:
            raise VectorStoreUnavailable(f"向量库查询失败：{exc}") from exc
        return [(i, 1.0 - float(d)) for i, d in zip(result["ids"][0], result["distances"][0], strict=True)]

    def count(self) -> int:
        try:
            return int(self._col.count())
        except Exception as exc:
            raise VectorStoreUnavailable(f"向量库不可用：{exc}") from exc


class InMemoryVectorStore:
    """Exact cosine search over a numpy matrix; `where` supports equality and $and/$in like Chroma."""

    def __init__(self) -> None:
        self._ids: list[str] = []
        self._vecs = np.zeros((0, 0), dtype=np.float32)
        self._meta: list[Metadata] = []

    def add(self, ids: Sequence[str], vectors: np.ndarray, metadatas: Sequence[Metadata]) -> None:
        vectors = np.asarray(vectors, dtype=np.float32)
        self._vecs = vectors if not self._ids else np.vstack([self._vecs, vectors])
        self._ids.extend(ids)
        self._meta.extend(metadatas)

    def query(
        self, vector: np.ndarray, k: int, where: dict[str, Any] | None = None
    ) -> list[tuple[str, float]]:
        if not self._ids:
            return []
        sims = self._vecs @ np.asarray(vector, dtype=np.float32)
        order = np.argsort(-sims)
        out = []
        for i in order:
            if where and not _matches(self._meta[i], where):
                continue
            out.append((self._ids[i], float(sims[i])))
            if len(out) == k:
                break
        return out

    def count(self) -> int:
        return len(self._ids)


def _matches(meta: Metadata, where: dict[str, Any]) -> bool:
    for key, cond in where.items():
        if key == "$and":
            if not all(_matches(meta, c) for c in cond):
                return False
        elif isinstance(cond, dict):
            if "$in" in cond and meta.get(key) not in cond["$in"]:
                return False
            if "$eq" in cond and meta.get(key) != cond["$eq"]:
                return False
        elif meta.get(key) != cond:
            return False
    return True
