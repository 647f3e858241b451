"""The answer layer's data: numbered sources, the generation request, and the verified answer."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, Protocol
from urllib.parse import quote

from ingest.numerals import article_label, int_to_cn
from ingest.store import StoredUnit

if TYPE_CHECKING:  # the consultation layer imports these models' module indirectly
    from assistant.consult.plan import ConsultPlan

SourceKind = Literal["article", "case", "procedure"]
ConfidenceLevel = Literal["high", "medium", "low"]


def article_url(unit: StoredUnit) -> str | None:
    """Where the API shows this article: /v1/articles/劳动合同法/82 (percent-encoded)."""
    if unit.is_case or unit.article_no is None:
        return None
    number = str(unit.article_no) + (f"之{int_to_cn(unit.sub)}" if unit.sub else "")
    return f"/v1/articles/{quote(unit.law, safe='')}/{quote(number, safe='')}"


def cite_label(unit: StoredUnit) -> str:
    """第八十二条 for articles; numbered items of a notice (一、) read as 第一条, the way lawyers cite them."""
    if unit.label.startswith("第") or unit.article_no is None:
        return unit.label
    return article_label(unit.article_no, unit.sub)


@dataclass(frozen=True)
class Source:
    """A retrieved unit, numbered [n] for the prompt, the answer text and the verifier."""

    n: int
    unit: StoredUnit
    kind: SourceKind
    score: float = 0.0
    reasons: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return cite_label(self.unit)

    @property
    def ref(self) -> str:
        """How the answer text names it: 《劳动合同法》第八十二条 (short name, which the verifier resolves)."""
        if self.kind == "case":
            return f"案例《{self.unit.title}》"
        return f"《{self.unit.law}》{self.label}"

    @property
    def direct(self) -> bool:
        return "直接引用：问题中点名了这一条" in self.reasons

    def key(self) -> tuple[str, int | None, int]:
        return (self.unit.law, self.unit.article_no, self.unit.sub or 0)

    def as_citation(self) -> dict[str, Any]:
        unit = self.unit
        return {
            "n": self.n,
            "id": unit.unit_id,
            "kind": self.kind,
            "law": unit.law,
            "title": unit.title,
            "article": unit.article_no,
            "sub": unit.sub,
            "label": self.label,
            "text": unit.text,
            "validity": unit.validity,
            "version_date": unit.version_date,
            "effective_date": unit.effective_date,
            "in_force": unit.in_force,
            "url": article_url(unit),
        }

    def as_case(self, excerpt: str) -> dict[str, Any]:
        return {
            "n": self.n,
            "id": self.unit.unit_id,
            "title": self.unit.title,
            "section": self.unit.label,
            "excerpt": excerpt,
        }


@dataclass(frozen=True)
class IssueFacet:
    """A labour issue detected in the question (corpus/taxonomy.toml) and its key articles, so an
    answer can cover each facet of a question that raises several (欠薪 *and* 辞职)."""

    name: str
    note: str = ""
    articles: frozenset[tuple[str, int, int]] = frozenset()  # (law, article, sub or 0)


@dataclass
class GenerationRequest:
    """What a generator sees: the worker's question, the query actually searched, numbered sources."""

    question: str
    query: str
    sources: list[Source]
    topics: list[str] = field(default_factory=list)
    topic_notes: list[str] = field(default_factory=list)
    history: list[str] = field(default_factory=list)  # earlier questions in this conversation
    issues: list[IssueFacet] = field(default_factory=list)  # detected issues, strongest first
    # The consultation plan (assistant/consult): facts, urgent steps, the guided conclusion, the
    # computations, the case-specific steps. None: no plan (both modes then answer from articles).
    plan: ConsultPlan | None = None

    @property
    def articles(self) -> list[Source]:
        return [s for s in self.sources if s.kind == "article"]

    @property
    def cases(self) -> list[Source]:
        return [s for s in self.sources if s.kind == "case"]

    @property
    def procedure(self) -> Source | None:
        return next((s for s in self.sources if s.kind == "procedure"), None)


class Generator(Protocol):
    """Writes the body of an answer from numbered sources. It may cite [n]; the verifier checks it."""

    mode: str

    def generate(self, request: GenerationRequest) -> str: ...

    def astream(self, request: GenerationRequest) -> AsyncIterator[str]: ...


@dataclass
class Confidence:
    level: ConfidenceLevel
    score: float
    reasons: list[str] = field(default_factory=list)


@dataclass
class Escalation:
    suggested: bool
    reasons: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"suggested": self.suggested, "reasons": list(self.reasons)}


@dataclass
class Answer:
    """A finished answer: the markdown the worker sees and everything needed to show its sources."""

    question: str
    query: str
    text: str
    body: str
    citations: list[Source]
    cases: list[Source]
    sources: list[Source]
    confidence: Confidence
    escalation: Escalation
    mode: str
    fallback_reason: str | None
    verification: dict[str, Any]
    timings_ms: dict[str, float]
    topics: list[str] = field(default_factory=list)
    case_excerpts: list[str] = field(default_factory=list)
    recognized: bool = True  # False: the message raised no labour question (你好, asdf)
    plan: ConsultPlan | None = None

    def as_dict(self) -> dict[str, Any]:
        """The API's answer object (without conversation and message ids)."""
        return {
            "question": self.question,
            "rewritten_question": self.query if self.query != self.question else None,
            "answer": self.text,
            "citations": [s.as_citation() for s in self.citations],
            "cases": [s.as_case(e) for s, e in zip(self.cases, self.case_excerpts, strict=True)],
            "confidence": self.confidence.level,
            "confidence_score": round(self.confidence.score, 3),
            "escalation": self.escalation.as_dict(),
            "mode": self.mode,
            "fallback_reason": self.fallback_reason,
            "topics": list(self.topics),
            "recognized": self.recognized,
            "facts": self.plan.facts.values() if self.plan is not None else {},
            "consultation": self.plan.as_dict() if self.plan is not None else None,
            "verification": self.verification,
            "timings": {k: round(v, 1) for k, v in self.timings_ms.items()},
        }
