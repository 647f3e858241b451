"""The ingestion pipeline: sources → documents → units → chunks → vectors → a verified live build."""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from assistant.config import Settings
from ingest.chunk import chunk_units
from ingest.embed import Embedder, EmbeddingCache, embed_with_cache, make_embedder
from ingest.index import cleanup_builds, ingest_lock, new_build_id, publish, read_live, write_build
from ingest.lexical import Tokenizer
from ingest.load import InputError, apply_override, discover, load_builtin, load_file, load_validity_overrides
from ingest.metadata import load_document_overrides
from ingest.models import LegalUnit, ParsedDocument, SkippedInput, Validity
from ingest.profiles import load_profile
from ingest.store import ArticleStore
from ingest.vectorstore import chroma_client

PIPELINE_VERSION = "1"


@dataclass
class IngestReport:
    build_id: str = ""
    noop: bool = False
    documents: int = 0
    units: int = 0
    units_by_type: dict[str, int] = field(default_factory=dict)
    chunks: int = 0
    embedded: int = 0
    cached: int = 0
    skipped: list[SkippedInput] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # files of the previous build no longer indexed
    warnings: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    profile: str = ""
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.skipped

    def as_dict(self) -> dict[str, Any]:
        return {
            "build_id": self.build_id,
            "noop": self.noop,
            "documents": self.documents,
            "units": self.units,
            "units_by_type": self.units_by_type,
            "chunks": self.chunks,
            "embedded": self.embedded,
            "cached": self.cached,
            "skipped": [{"source": s.source, "reason": s.reason} for s in self.skipped],
            "removed": self.removed,
            "warnings": self.warnings,
            "sources": self.sources,
            "profile": self.profile,
            "seconds": round(self.seconds, 2),
        }


class Progress:
    """Callbacks the CLI turns into progress bars; the default does nothing."""

    def stage(self, name: str, total: int | None = None) -> None:  # noqa: B027 - optional hook
        pass

    def advance(self, n: int = 1) -> None:  # noqa: B027 - optional hook
        pass


def mark_current(docs: list[ParsedDocument]) -> set[str]:
    """Units of the newest usable version of each law are current; older versions are superseded."""
    by_law: dict[str, list[ParsedDocument]] = {}
    for doc in docs:
        by_law.setdefault(doc.meta.short_name, []).append(doc)
    current: set[str] = set()
    for versions in by_law.values():
        if versions[0].meta.is_case:
            current.update(u.unit_id for d in versions for u in d.units)
            continue
        usable = [d for d in versions if d.meta.validity in (Validity.IN_FORCE, Validity.AMENDED)]
        if not usable:
            continue
        newest = max(usable, key=lambda d: d.meta.version_date or "")
        # A newer text that is not yet in force does not supersede the one in force today.
        current.update(u.unit_id for u in newest.units)
    return current


def dedupe_documents(docs: list[ParsedDocument], warnings: list[str]) -> list[ParsedDocument]:
    """Local files replace a built-in text of the same law and version (operators curate their own)."""
    local_keys = {
        (d.meta.short_name, d.meta.version_date) for d in docs if not d.meta.source.startswith("builtin:")
    }
    kept = []
    for doc in docs:
        key = (doc.meta.short_name, doc.meta.version_date)
        if doc.meta.source.startswith("builtin:") and key in local_keys:
            warnings.append(
                f"《{doc.meta.short_name}》（{doc.meta.version_date}）使用本地文件，内置文本未重复收录"
            )
            continue
        kept.append(doc)
    return kept


def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def resolve_sources(settings: Settings, paths: list[Path], replace: bool) -> list[str]:
    live = read_live(settings.data_dir)
    if replace or live is None:
        chosen = [str(p) for p in paths] or list(settings.default_sources)
    else:
        chosen = list(live.get("sources", [])) + [str(p) for p in paths]
    return list(dict.fromkeys(str(Path(s)) for s in chosen))


def resolve_removals(
    live: dict[str, Any] | None,
    sources: list[str],
    paths: list[Path],
    remove: list[Path],
    live_files: set[str],
) -> tuple[list[str], list[str]]:
    """(sources, excluded) once `remove` is applied: a source given on its own is dropped; a file or
    folder inside a source is excluded from it until it is given to `ingest` again."""
    excluded = [] if live is None else [str(Path(e)) for e in live.get("excluded", [])]
    # Giving a path again takes it back in.
    excluded = [e for e in excluded if not any(_within(Path(e), p) for p in paths)]
    for path in remove:
        name = str(path)
        if name in sources:
            sources = [s for s in sources if s != name]
        elif any(_within(path, Path(s)) for s in sources) or name in live_files:
            excluded.append(name)
        else:
            listed = "、".join(sources) or "（无）"
            raise InputError(f"{name} 不在当前索引的来源里，无需移除。当前来源：{listed}")
    return sources, list(dict.fromkeys(excluded))


class LiveSourcesFailed(InputError):
    """Files the live build holds failed to load: publishing without them would silently drop them."""


def live_file_sources(data_dir: Path, live: dict[str, Any] | None) -> set[str]:
    """The files the live build was made from (built-in laws are not files)."""
    if live is None:
        return set()
    store = ArticleStore(data_dir / "builds" / live["build_id"] / "store.sqlite")
    try:
        return {str(r["source"]) for r in store.laws() if not str(r["source"]).startswith("builtin:")}
    finally:
        store.close()


def failed_live_sources(skipped: list[SkippedInput], live_sources: set[str]) -> list[SkippedInput]:
    """The skipped inputs that are, or contain (a missing folder), a file of the live build."""

    def holds(given: Path, source: Path) -> bool:
        return given == source or given in source.parents

    return [s for s in skipped if any(holds(Path(s.source), Path(f)) for f in live_sources)]


def refuse_to_drop(failed: list[SkippedInput], build_id: str) -> LiveSourcesFailed:
    lines = "\n".join(f"  {s.source}：{s.reason}" for s in failed)
    return LiveSourcesFailed(
        f"没有发布新索引：下面的来源在当前索引里，但这次读取失败，发布新索引会让它们从检索中消失。"
        f"当前索引 {build_id} 继续使用，什么也没有丢。\n{lines}\n"
        "请修复或恢复这些文件后重新运行 `lawcloud ingest`；确实要把它移出索引，运行 "
        "`lawcloud ingest --remove 路径`（以后想再收录，用 `lawcloud ingest 路径` 重新导入）。"
    )


def fingerprint(
    embedder_name: str, chroma_mode: str, units: list[LegalUnit], current: set[str], chunk_hashes: list[str]
) -> str:
    digest = hashlib.sha256(f"{PIPELINE_VERSION}|{embedder_name}|{chroma_mode}".encode())
    for unit in units:
        meta = unit.doc
        digest.update(
            f"{unit.unit_id}|{meta.level}|{meta.validity}|{meta.validity_note}|{meta.issuing_body}|{meta.source}|"
            f"{meta.effective_date}|{meta.title}|{meta.document_number}|"
            f"{unit.unit_id in current}|{'/'.join(unit.chapter)}\n".encode()
        )
    for h in chunk_hashes:
        digest.update(h.encode())
    return digest.hexdigest()


def run_ingest(
    settings: Settings,
    paths: list[Path] | None = None,
    *,
    profile: str | None = None,
    builtin: bool = True,
    replace: bool = False,
    embedder: Embedder | None = None,
    progress: Progress | None = None,
    today: date | None = None,
    after_embed_batch: Callable[[], None] | None = None,
    remove: list[Path] | None = None,
) -> IngestReport:
    started = time.monotonic()
    progress = progress or Progress()
    today = today or date.today()
    report = IngestReport(profile=profile or settings.profile)
    data_dir = settings.data_dir
    with ingest_lock(data_dir):
        live = read_live(data_dir)
        cleanup_builds(
            data_dir, keep={live["build_id"]} | set(live.get("previous", [])[:1]) if live else set()
        )
        sources = resolve_sources(settings, list(paths or []), replace)
        live_sources = live_file_sources(data_dir, live)
        sources, excluded = resolve_removals(
            None if replace else live,
            sources,
            [Path(p) for p in paths or []],
            list(remove or []),
            live_sources,
        )
        report.sources = sources
        use_builtin = builtin

        docs: list[ParsedDocument] = []
        if use_builtin:
            builtin_docs, missing = load_builtin(load_profile(report.profile), today)
            docs.extend(builtin_docs)
            report.warnings.extend(f"语料配置中的《{m}》不在内置数据库中" for m in missing)
        files, skipped = discover([Path(s) for s in sources])
        files = [f for f in files if not any(_within(f.path, Path(e)) for e in excluded)]
        report.skipped.extend(skipped)
        progress.stage("读取文件", len(files))
        corrections = load_document_overrides()
        for source in files:
            try:
                doc = load_file(source, today, corrections)
                docs.append(doc)
                report.warnings.extend(f"{source.path}: {w}" for w in doc.warnings)
            except InputError as exc:
                report.skipped.append(SkippedInput(str(source.path), str(exc)))
            except OSError as exc:
                report.skipped.append(SkippedInput(str(source.path), f"无法读取文件：{exc.strerror or exc}"))
            progress.advance()
        # A file the live build holds that fails now (overwritten, truncated, a folder moved away) is
        # never dropped by accident: the previous build keeps serving until the operator fixes or
        # removes it. A file deleted from a folder source is a deliberate removal (it is reported).
        failed = failed_live_sources(report.skipped, live_sources)
        if failed and live is not None:
            raise refuse_to_drop(failed, live["build_id"])

        overrides = load_validity_overrides()
        docs = dedupe_documents([apply_override(d, overrides) for d in docs], report.warnings)
        current = mark_current(docs)
        units: list[LegalUnit] = []
        seen: set[str] = set()
        for doc in docs:
            for unit in doc.units:
                if unit.unit_id not in seen:
                    seen.add(unit.unit_id)
                    units.append(unit)
        report.documents = len(docs)
        loaded = {d.meta.source for d in docs}
        report.removed = sorted(live_sources - loaded)
        report.units = len(units)
        report.units_by_type = dict(Counter(u.unit_type.value for u in units))
        if not units:
            raise InputError("没有可以导入的内容：所有来源都被跳过。请检查上面列出的原因")

        embedder = embedder or make_embedder(
            settings.embedder, settings.embedder_model_path, settings.embed_threads
        )
        chunks = chunk_units(units, max_chars=embedder.max_chars)
        report.chunks = len(chunks)
        chunk_hashes = [c.content_hash for c in chunks]
        print_ = fingerprint(embedder.name, settings.chroma_mode, units, current, chunk_hashes)
        if live and live.get("fingerprint") == print_:
            report.noop = True
            report.build_id = live["build_id"]
            report.cached = len(set(chunk_hashes))
            report.seconds = time.monotonic() - started
            return report

        cache = EmbeddingCache(settings.cache_dir / "embeddings.sqlite", embedder.name, embedder.dim)
        try:
            texts = {c.content_hash: c.embed_text for c in chunks}
            progress.stage("向量化", len(texts))

            def on_progress(n: int) -> None:
                progress.advance(n)
                if after_embed_batch:
                    after_embed_batch()

            vectors, embedded = embed_with_cache(
                texts, embedder, cache, settings.embed_batch_size, on_progress
            )
        finally:
            cache.close()
        report.embedded = embedded
        report.cached = len(texts) - embedded

        progress.stage("写入索引", None)
        build_id = new_build_id()
        manifest = {
            "fingerprint": print_,
            "created_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "embedder": embedder.name,
            "dim": embedder.dim,
            "sources": sources,
            "excluded": excluded,
            "profile": report.profile,
            "builtin": use_builtin,
            "counts": {"documents": report.documents, "units": report.units, "chunks": report.chunks},
            "previous": [live["build_id"]] if live else [],
        }
        result = write_build(
            data_dir=data_dir,
            build_id=build_id,
            units=units,
            chunks=chunks,
            vectors=vectors,
            current_ids=current,
            tokenizer=Tokenizer(),
            chroma_mode=settings.chroma_mode,
            chroma_host=settings.chroma_host,
            chroma_port=settings.chroma_port,
            manifest=manifest,
        )
        publish(data_dir, result.manifest)
        http_client = (
            chroma_client("http", None, settings.chroma_host, settings.chroma_port)
            if settings.chroma_mode == "http"
            else None
        )
        cleanup_builds(data_dir, keep={build_id, *manifest["previous"]}, chroma=http_client)
        report.build_id = build_id
        report.seconds = time.monotonic() - started
        (data_dir / "last_ingest.json").write_text(
            json.dumps(report.as_dict(), ensure_ascii=False, indent=2), encoding="utf-8"
        )
        return report
