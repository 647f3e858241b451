"""Request and response bodies of the public API."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from api.ticket_schemas import TicketCreatedOut, WorkerTicketOut

EXAMPLE_QUESTION = "公司不给我签劳动合同怎么办"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def clean_text(value: str) -> str:
    """Question text as stored and searched: no control characters (PostgreSQL rejects NUL), and no
    lone surrogates (JSON's \\ud800 escapes decode to them; they cannot be encoded as UTF-8)."""
    if _SURROGATE.search(value):
        raise PydanticCustomError("invalid_text", "text contains unpaired surrogates")
    value = _CONTROL.sub("", value).strip()
    if not value:
        raise PydanticCustomError("empty_text", "empty question")
    return value


class ErrorOut(BaseModel):
    code: str = Field(description="稳定的错误代码，供程序判断", examples=["question_too_long"])
    message: str = Field(description="给人看的中文说明", examples=["问题太长了，请控制在 2000 字以内"])


class ChatRequest(BaseModel):
    # An unknown field is refused (422 unknown_field), not ignored: a misspelt conversation_id would
    # otherwise silently start a new conversation.
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"question": EXAMPLE_QUESTION}]}
    )

    question: str = Field(description="劳动者的问题（不超过 2000 字）", examples=[EXAMPLE_QUESTION])
    conversation_id: str | None = Field(
        default=None,
        max_length=64,
        pattern=r"^[0-9A-Za-z_-]+$",
        description="继续已有的对话；不填则开始新对话",
    )

    @field_validator("question")
    @classmethod
    def _clean(cls, value: str) -> str:
        return clean_text(value)


class Citation(BaseModel):
    n: int = Field(description="回答中 [n] 标记对应的编号")
    id: str
    kind: Literal["article", "procedure"]
    law: str = Field(description="法规简称，如 劳动合同法")
    title: str = Field(description="法规全称")
    article: int | None
    sub: int | None = Field(description="第X条之N 的 N")
    label: str = Field(description="如 第八十二条")
    text: str
    validity: str = Field(description="现行有效 / 已修改 / 已废止 / 尚未生效")
    version_date: str | None
    effective_date: str | None
    in_force: bool
    url: str | None = Field(description="GET 这个地址可以查看条文")


class Case(BaseModel):
    n: int
    id: str
    title: str
    section: str
    excerpt: str


class EscalationOut(BaseModel):
    suggested: bool = Field(description="是否建议转给工会律师")
    reasons: list[str]


class VerificationOut(BaseModel):
    checked: int = Field(description="检查过的引用数")
    valid: int = Field(description="核实无误、被引用的来源数")
    removed: int = Field(description="删除的无法核实的引用数（内容不返回）")
    removed_by_kind: dict[str, int]
    corrected_markers: int
    dropped_sentences: int
    rejected_sentences: int = Field(0, description="因复述系统提示词等被拦下的句子数")


class ComputationOut(BaseModel):
    tool: str = Field(description="计算工具名（/v1/tools/{name}）")
    title: str
    formula: str = Field(description="代入数字的算式")
    quantities: dict[str, float | int | str | bool | None] = Field(description="算出的各项数值")
    articles: list[str] = Field(description="计算依据的条文（到款、项）")
    assumptions: list[str]
    missing: list[str] = Field(description="还缺少、无法计算的事实")


class ConsultationOut(BaseModel):
    kind: Literal["verdict", "figure", "action"] = Field(
        description="问题要的回答形式：verdict 判断（合法吗）、figure 数字（多少）、action 做法（怎么办）"
    )
    conclusion_kind: Literal["verdict", "figure", "action"] | None = Field(
        description="结论实际采用的形式；null：没有适用的问题指南"
    )
    guides: list[str] = Field(description="用到的问题指南（corpus/guides）")
    situations: list[str] = Field(description="放在最前面的紧急情况（打人、死亡、重伤、童工、催签字、时效）")
    ask: str | None = Field(description="还需要工人补充的一个情况（下一条消息的回答会被用上）")
    ask_fact: str | None = Field(description="上面那个问题对应的事实名")
    documents: list[str] = Field(
        default_factory=list,
        description="值得提供的文书草稿：arbitration（劳动仲裁申请书，/v1/documents/arbitration）",
    )
    computations: list[ComputationOut]


class ChatResponse(BaseModel):
    conversation_id: str
    message_id: str
    question: str
    rewritten_question: str | None = Field(description="追问结合上文改写后的问题（检索用）")
    answer: str = Field(description="Markdown 格式的回答")
    citations: list[Citation]
    cases: list[Case]
    confidence: Literal["high", "medium", "low"]
    confidence_score: float
    recognized: bool = Field(
        True,
        description="false：这条消息没有提出可识别的劳动法律问题（如“你好”），回答只是引导说明，不引用条文",
    )
    escalation: EscalationOut
    facts: dict[str, float | int | str | bool] = Field(
        default_factory=dict,
        description="从对话中读出的关键事实（月工资、入职日期、伤残等级……），字段名与计算器的输入一致",
    )
    consultation: ConsultationOut | None = Field(
        default=None, description="这次咨询的结论形式、用到的指南、追问和计算结果"
    )
    mode: Literal["offline", "llm"] = Field(description="实际生成回答的方式")
    fallback_reason: str | None = Field(description="大模型失败改用离线回答的原因，如 llm_timeout")
    topics: list[str]
    verification: VerificationOut
    timings: dict[str, float] = Field(description="各阶段耗时（毫秒）")
    ticket: TicketCreatedOut | None = Field(
        default=None, description="按转人工规则自动转给工会律师时的工单（工单号、预计回复时间、工单令牌）"
    )


class MessageOut(BaseModel):
    id: str
    role: Literal["user", "assistant", "lawyer"] = Field(description="lawyer：工会律师的答复")
    content: str
    rewritten_question: str | None
    citations: list[Citation]
    cases: list[Case]
    mode: str | None
    fallback_reason: str | None
    confidence: str | None
    escalation: EscalationOut | None
    status: Literal["complete", "pending", "failed"] = Field(description="pending：回答仍在生成")
    created_at: str
    lawyer: str | None = Field(default=None, description="答复的律师（role 为 lawyer 时）")
    ticket_id: int | None = Field(default=None, description="律师答复所属的工单")


class ConversationOut(BaseModel):
    id: str
    created_at: str
    updated_at: str
    messages: list[MessageOut]
    tickets: list[WorkerTicketOut] = Field(default_factory=list, description="这次对话转给律师的工单")


class ArticleOut(BaseModel):
    id: str
    law: str
    title: str
    label: str
    article: int | None
    sub: int | None
    chapter: str
    text: str
    validity: str
    validity_note: str
    version_date: str | None
    effective_date: str | None
    level: str
    issuing_body: str
    document_number: str = Field("", description="文号，如 人社部发〔2013〕34号；未知为空")
    in_force: bool
    url: str | None


class SearchHit(BaseModel):
    rank: int
    score: float
    reasons: list[str]
    article: ArticleOut


class SearchResponse(BaseModel):
    query: str
    laws_mentioned: list[str]
    topics: list[str]
    direct_refs: list[str]
    hits: list[SearchHit]
    timings: dict[str, float]


class HealthOut(BaseModel):
    status: Literal["ok"]


class ReadyOut(BaseModel):
    status: Literal["ready"]
    build_id: str
    units: int
    answer_mode: Literal["offline", "llm"]
    database: Literal["ok"]
