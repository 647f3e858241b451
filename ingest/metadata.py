"""Metadata overrides (corpus/metadata.toml): corrections to what a source document says about itself —
its level, issuing body, date, and transcription errors in its text — for files that are read in
place and never edited (../shared/corpus). Checked at load: a bad entry is refused with its reason."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from assistant.config import CORPUS_DIR
from ingest.lawnames import short_law_name
from ingest.models import DocumentMeta, Level, ParsedDocument

METADATA_FILE = CORPUS_DIR / "metadata.toml"
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_KEYS = {
    "name",
    "source_version_date",
    "level",
    "issuing_body",
    "document_number",
    "version_date",
    "effective_date",
    "checked_against",
    "correction",
}


class MetadataError(ValueError):
    """corpus/metadata.toml is malformed; the message names the entry and the field."""


@dataclass(frozen=True)
class TextCorrection:
    find: str
    replace: str
    why: str


@dataclass(frozen=True)
class DocumentOverride:
    name: str  # short name, as the document's own title gives it
    source_version_date: str | None  # which version, dated as the source file dates it; None: all
    level: Level | None = None
    issuing_body: str | None = None
    document_number: str | None = None
    version_date: str | None = None
    effective_date: str | None = None
    checked_against: str = ""
    corrections: tuple[TextCorrection, ...] = ()

    def matches(self, meta: DocumentMeta) -> bool:
        return meta.short_name == self.name and self.source_version_date in (None, meta.version_date)


def load_document_overrides(path: Path = METADATA_FILE) -> list[DocumentOverride]:
    if not path.exists():
        return []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise MetadataError(f"{path}: 不是合法的 TOML（{exc}）") from exc
    overrides = [_parse_entry(path, i, entry) for i, entry in enumerate(data.get("document", []), start=1)]
    seen: set[tuple[str, str | None]] = set()
    for o in overrides:
        key = (o.name, o.source_version_date)
        if key in seen:
            raise MetadataError(f"{path}: 《{o.name}》（{o.source_version_date}）重复出现")
        seen.add(key)
    return overrides


def _parse_entry(path: Path, index: int, entry: dict) -> DocumentOverride:
    where = f"{path}: 第{index}个 [[document]]"
    unknown = set(entry) - _KEYS
    if unknown:
        raise MetadataError(f"{where}: 未知字段 {sorted(unknown)}")
    name = entry.get("name")
    if not isinstance(name, str) or not short_law_name(name):
        raise MetadataError(f"{where}: name 应为文件标题中的名称")
    for field in ("source_version_date", "version_date", "effective_date"):
        value = entry.get(field)
        if value is not None and not (isinstance(value, str) and _ISO.match(value)):
            raise MetadataError(f"{where}（{name}）: {field} 应为 YYYY-MM-DD，收到 {value!r}")
    level = entry.get("level")
    if level is not None and level not in {lv.value for lv in Level}:
        raise MetadataError(f"{where}（{name}）: level 应为 {'、'.join(lv.value for lv in Level)} 之一")
    if not entry.get("checked_against"):
        raise MetadataError(f"{where}（{name}）: checked_against 必填：写明依据的官方文本或出处")
    corrections = []
    for c in entry.get("correction", []):
        if not isinstance(c.get("find"), str) or not c["find"] or not isinstance(c.get("replace"), str):
            raise MetadataError(f"{where}（{name}）: correction 需要非空的 find 和 replace")
        corrections.append(TextCorrection(c["find"], c["replace"], str(c.get("why", ""))))
    if not corrections and not any(
        entry.get(f) for f in _KEYS - {"name", "source_version_date", "checked_against"}
    ):
        raise MetadataError(f"{where}（{name}）: 没有任何要更正的内容")
    return DocumentOverride(
        name=short_law_name(name),
        source_version_date=entry.get("source_version_date"),
        level=Level(level) if level else None,
        issuing_body=entry.get("issuing_body"),
        document_number=entry.get("document_number"),
        version_date=entry.get("version_date"),
        effective_date=entry.get("effective_date"),
        checked_against=str(entry["checked_against"]),
        corrections=tuple(corrections),
    )


def find_override(overrides: Sequence[DocumentOverride], meta: DocumentMeta) -> DocumentOverride | None:
    return next((o for o in overrides if o.matches(meta)), None)


def correct_text(text: str, override: DocumentOverride) -> tuple[str, list[str]]:
    """Apply the text corrections; one that does not apply exactly once is reported, not guessed."""
    problems: list[str] = []
    text = text.replace("\r\n", "\n")  # the same file may arrive with CRLF line ends
    for c in override.corrections:
        found = text.count(c.find)
        if found != 1:
            problems.append(
                f"corpus/metadata.toml: 《{override.name}》的文字更正“{c.find[:20]}”在原文中出现 {found} 次"
                "（应为 1 次），未应用；原文可能已更新，请核对"
            )
            continue
        text = text.replace(c.find, c.replace)
    return text, problems


def apply_document_override(doc: ParsedDocument, override: DocumentOverride) -> ParsedDocument:
    """The corrected level, issuer and dates on the document and on every unit of it."""
    changes = {
        field: value
        for field, value in (
            ("level", override.level),
            ("issuing_body", override.issuing_body),
            ("document_number", override.document_number),
            ("version_date", override.version_date),
            ("effective_date", override.effective_date),
        )
        if value is not None
    }
    if not changes:
        return doc
    meta = replace(doc.meta, **changes)
    return ParsedDocument(
        meta=meta, units=[replace(u, doc=meta) for u in doc.units], warnings=list(doc.warnings)
    )
