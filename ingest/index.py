"""Index stage: write a build (article store, lexical index, vectors), verify it, and make it live by
an atomic pointer switch. A killed build leaves only a `.partial` directory behind; the live pointer
still names the previous build."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ingest.lexical import BM25Index, Tokenizer
from ingest.models import Chunk, LegalUnit
from ingest.store import ArticleStore, write_store
from ingest.vectorstore import ChromaVectorStore, InMemoryVectorStore, VectorStore, chroma_client

LIVE_POINTER = "LIVE.json"


class IngestBusy(RuntimeError):
    pass


class NoLiveIndex(RuntimeError):
    pass


@contextmanager
def ingest_lock(data_dir: Path) -> Iterator[None]:
    """One ingest at a time per data directory; the kernel drops the lock if the process dies."""
    data_dir.mkdir(parents=True, exist_ok=True)
    with open(data_dir / "ingest.lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise IngestBusy("另一个导入任务正在运行，请等它结束后再试") from exc
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def read_live(data_dir: Path) -> dict[str, Any] | None:
    pointer = data_dir / LIVE_POINTER
    if not pointer.exists():
        return None
    manifest = json.loads(pointer.read_text(encoding="utf-8"))
    if not (data_dir / "builds" / manifest["build_id"]).is_dir():
        return None
    return manifest


def _fsync_dir(path: Path) -> None:
    fd = os.open(str(path), os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish(data_dir: Path, manifest: dict[str, Any]) -> None:
    tmp = data_dir / f".{LIVE_POINTER}.tmp"
    with open(tmp, "w", encoding="utf-8") as handle:
        json.dump(manifest, handle, ensure_ascii=False, indent=2)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, data_dir / LIVE_POINTER)
    _fsync_dir(data_dir)


def cleanup_builds(data_dir: Path, keep: set[str], chroma: Any | None = None) -> list[str]:
    """Remove builds other than `keep` (live and previous) and leftovers of killed builds."""
    removed = []
    builds = data_dir / "builds"
    if not builds.exists():
        return removed
    for entry in builds.iterdir():
        if entry.name in keep:
            continue
        manifest_path = entry / "manifest.json"
        if chroma is not None and manifest_path.exists():
            collection = (
                json.loads(manifest_path.read_text(encoding="utf-8")).get("chroma", {}).get("collection")
            )
            if collection:
                try:
                    chroma.delete_collection(collection)
                except Exception:  # noqa: BLE001 - an already missing collection is fine
                    pass
        shutil.rmtree(entry, ignore_errors=True)
        removed.append(entry.name)
    return removed


def new_build_id() -> str:
    # Sortable by time; the random tail keeps two builds in the same second (same process) apart —
    # they would otherwise share a directory and a Chroma collection name.
    return time.strftime("%Y%m%d-%H%M%S") + f"-{os.getpid()}-{uuid.uuid4().hex[:6]}"


def chunk_metadata(chunk: Chunk, is_current: bool) -> dict[str, str | int | bool]:
    unit = chunk.unit
    return {
        "unit_id": unit.unit_id,
        "law": unit.doc.short_name,
        "level": unit.doc.level.value,
        "validity": unit.doc.validity.value,
        "is_current": is_current,
        "is_case": unit.doc.is_case,
        "article_no": unit.article_no if unit.article_no is not None else -1,
        "part": chunk.part,
    }


@dataclass
class BuildResult:
    build_id: str
    path: Path
    manifest: dict[str, Any]


def write_build(
    *,
    data_dir: Path,
    build_id: str,
    units: list[LegalUnit],
    chunks: list[Chunk],
    vectors: dict[str, np.ndarray],
    current_ids: set[str],
    tokenizer: Tokenizer,
    chroma_mode: str,
    chroma_host: str,
    chroma_port: int,
    manifest: dict[str, Any],
) -> BuildResult:
    partial = data_dir / "builds" / f"{build_id}.partial"
    partial.mkdir(parents=True)
    write_store(partial / "store.sqlite", units, chunks, current_ids)
    BM25Index.build([tokenizer.tokenize(f"{u.doc.short_name} {u.label} {u.text}") for u in units]).save(
        partial
    )

    collection = f"lawcloud-{build_id}"
    client = chroma_client(chroma_mode, partial / "chroma", chroma_host, chroma_port)
    store = ChromaVectorStore(client, collection, create=True)
    matrix = np.stack([vectors[c.content_hash] for c in chunks]) if chunks else np.zeros((0, 1), np.float32)
    store.add(
        [c.chunk_id for c in chunks],
        matrix,
        [chunk_metadata(c, c.unit.unit_id in current_ids) for c in chunks],
    )

    # Verify before anything can point at it.
    if store.count() != len(chunks):
        raise RuntimeError(f"向量库条数 {store.count()} ≠ 分块数 {len(chunks)}，本次构建作废")
    if chunks:
        probe = store.query(matrix[0], 1)
        if not probe or probe[0][0] != chunks[0].chunk_id:
            raise RuntimeError("向量库自检失败：查询不到刚写入的向量，本次构建作废")
    article_store = ArticleStore(partial / "store.sqlite")
    stored = article_store.count()
    article_store.close()
    if stored != len(units):
        raise RuntimeError(f"条文库条数 {stored} ≠ {len(units)}，本次构建作废")

    manifest = {**manifest, "build_id": build_id, "chroma": {"mode": chroma_mode, "collection": collection}}
    (partial / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    del store, client  # release file handles before the rename
    final = data_dir / "builds" / build_id
    os.rename(partial, final)
    _fsync_dir(final.parent)
    return BuildResult(build_id, final, manifest)


@dataclass
class LiveIndex:
    """Everything retrieval needs from the live build, opened once."""

    manifest: dict[str, Any]
    store: ArticleStore
    bm25: BM25Index
    vectors: VectorStore

    def close(self) -> None:
        self.store.close()


def open_index(
    data_dir: Path,
    chroma_host: str = "127.0.0.1",
    chroma_port: int = 8001,
    chroma_timeout_s: float = 5.0,
    dense_search: str = "chroma",
) -> LiveIndex:
    """The live build. ``dense_search="memory"`` reads an embedded build's vectors into memory once and
    searches them exactly (see InMemoryVectorStore); a Chroma server is always queried over HTTP."""
    manifest = read_live(data_dir)
    if manifest is None:
        raise NoLiveIndex("还没有可用的索引，请先运行 `lawcloud ingest`")
    path = data_dir / "builds" / manifest["build_id"]
    chroma = manifest["chroma"]
    client = chroma_client(chroma["mode"], path / "chroma", chroma_host, chroma_port, chroma_timeout_s)
    vectors: VectorStore = ChromaVectorStore(client, chroma["collection"])
    if dense_search == "memory" and chroma["mode"] == "embedded":
        vectors = InMemoryVectorStore.from_chroma(vectors)
    return LiveIndex(
        manifest=manifest,
        store=ArticleStore(path / "store.sqlite"),
        bm25=BM25Index.load(path),
        vectors=vectors,
    )
