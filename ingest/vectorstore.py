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

    def get_page(self, offset: int, limit: int) -> tuple[list[str], np.ndarray, list[Metadata]]:
        """Ids, vectors and metadata of up to `limit` entries from `offset` on."""
        got = self._col.get(include=["embeddings", "metadatas"], offset=offset, limit=limit)
        if not got["ids"]:
            return [], np.zeros((0, 0), dtype=np.float32), []
        vectors = np.asarray(got["embeddings"], dtype=np.float32).reshape(len(got["ids"]), -1)
        return list(got["ids"]), vectors, [dict(m or {}) for m in got["metadatas"]]

    def count(self) -> int:
        try:
            return int(self._col.count())
        except Exception as exc:
            raise VectorStoreUnavailable(f"向量库不可用：{exc}") from exc


class InMemoryVectorStore:
    """Exact cosine search over a numpy matrix; `where` supports equality and $and/$in like Chroma.

    Serving uses it as an in-memory mirror of an embedded Chroma collection (`from_chroma`): for a
    corpus of tens of thousands of chunks one matrix product is faster than Chroma's HNSW query with a
    metadata filter, and exact.
    """

    def __init__(self) -> None:
        self._ids: list[str] = []
        self._vecs = np.zeros((0, 0), dtype=np.float32)
        self._meta: list[Metadata] = []
        self._masks: dict[tuple[str, Any], np.ndarray] = {}

    @classmethod
    def from_chroma(cls, store: ChromaVectorStore, page: int = 5000) -> InMemoryVectorStore:
        """Every vector and its metadata, read page by page from the collection."""
        mirror = cls()
        offset = 0
        while True:
            got = store.get_page(offset, page)
            if not got[0]:
                break
            mirror.add(*got)
            offset += len(got[0])
        return mirror

    def add(self, ids: Sequence[str], vectors: np.ndarray, metadatas: Sequence[Metadata]) -> None:
        vectors = np.asarray(vectors, dtype=np.float32)
        self._vecs = vectors if not self._ids else np.vstack([self._vecs, vectors])
        self._ids.extend(ids)
        self._meta.extend(metadatas)
        self._masks.clear()

    def _mask(self, where: dict[str, Any]) -> np.ndarray | None:
        """Rows matching a flat equality filter ({"is_case": True}), computed once per filter;
        None when the filter needs the general matcher."""
        if len(where) != 1:
            return None
        ((key, value),) = where.items()
        if key.startswith("$") or isinstance(value, dict | list):
            return None
        mask = self._masks.get((key, value))
        if mask is None:
            mask = np.array([m.get(key) == value for m in self._meta], dtype=bool)
            self._masks[(key, value)] = mask
        return mask

    def query(
        self, vector: np.ndarray, k: int, where: dict[str, Any] | None = None
    ) -> list[tuple[str, float]]:
        if not self._ids or k <= 0:
            return []
        sims = self._vecs @ np.asarray(vector, dtype=np.float32)
        mask = self._mask(where) if where else None
        if where and mask is None:
            order = np.argsort(-sims)
            out = []
            for i in order:
                if not _matches(self._meta[i], where):
                    continue
                out.append((self._ids[i], float(sims[i])))
                if len(out) == k:
                    break
            return out
        rows = np.flatnonzero(mask) if mask is not None else np.arange(len(self._ids))
        if len(rows) > k:
            rows = rows[np.argpartition(-sims[rows], k - 1)[:k]]
        rows = rows[np.argsort(-sims[rows], kind="stable")]
        return [(self._ids[i], float(sims[i])) for i in rows]

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
