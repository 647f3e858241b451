"""Request and response bodies of the escalation endpoints: the worker's ticket and the lawyers'
queue. Internal fields (token hashes, idempotency keys) never appear here."""

from __future__ import annotations

import unicodedata
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Priority = Literal["urgent", "high", "normal"]
Status = Literal["pending", "claimed", "answered", "closed", "reopened"]


class ReasonOut(BaseModel):
    code: str = Field(description="稳定的原因代码，如 explicit_request、danger_self_harm、amount_high")
    text: str = Field(description="给人看的中文原因")


class ReasonDetailOut(ReasonOut):
    priority: Priority
    kind: str = Field(description="danger | safety | risk | request | time | quality | feedback")
    category: str = Field(
        default="",
        description=(
            "安全筛查类别：self_harm、violence、medical、death、serious_injury、injury（手指、脚趾等部位）、child；模型判断的："
            "possible_self_harm、possible_violence、possible_medical、possible_injury、possible（类别不明）；其他原因为空"
        ),
    )
    evidence: str = Field(description="触发这条原因的原话或测量值")
    turn: int | None = Field(description="第几条劳动者消息触发（从 0 开始）；None：由回答质量等触发")


# A phone number as workers write it: digits, spaces and hyphens (0755-1234 5678), an optional leading
# +; it starts and ends with a digit. The worker page checks the same pattern (api/static/app.js).
PHONE_PATTERN = r"^\+?[0-9][0-9\-\s]{3,28}[0-9]$"


class ContactIn(BaseModel):
    """Optional and minimal: only what a lawyer needs to call back. Blank fields count as not given."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    name: str | None = Field(default=None, max_length=50, description="称呼，如 王师傅")
    phone: str | None = Field(
        default=None, max_length=30, pattern=PHONE_PATTERN, description="电话，如 13800138000"
    )
    wechat: str | None = Field(default=None, max_length=50, description="微信号")
    preferred_time: str | None = Field(default=None, max_length=50, description="方便接电话的时间")

    @field_validator("name", "phone", "wechat", "preferred_time", mode="before")
    @classmethod
    def _blank_is_absent(cls, value: object) -> object:
        # A form sends "" for a field left empty: that is no contact detail, not a malformed one.
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("phone", mode="before")
    @classmethod
    def _half_width(cls, value: object) -> object:
        # Chinese keyboards type full-width digits and signs (１３８００１３８０００, －): the same number.
        return unicodedata.normalize("NFKC", value) if isinstance(value, str) else value


class EscalateRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"contact": {"name": "王师傅", "phone": "13800138000"}, "note": "晚上方便接电话"}]
        },
    )

    contact: ContactIn | None = Field(default=None, description="可选：联系方式（只给律师看，日志中隐藏）")
    note: str = Field(default="", max_length=500, description="可选：想补充给律师的话")


class WorkerTicketOut(BaseModel):
    """The worker's ticket: number, expected response time and what to do meanwhile."""

    id: int
    number: str = Field(description="工单号，给劳动者看")
    status: Status
    status_text: str = Field(description="状态的中文说法，如 等待律师接单、律师已答复（律师端用同样的说法）")
    priority: Priority
    contact_given: bool = Field(description="劳动者是否留了联系方式（不返回联系方式本身）")
    expected_by: str = Field(description="预计最晚回复时间（ISO 8601）")
    in_service_hours: bool
    lawyer_available: bool = Field(description="False：律师可能无法及时处理，提示中给出 12351 和法律援助")
    notice: str = Field(description="给劳动者看的说明（工单号、预计时间、必要时 12351 和 12348）")
    reasons: list[ReasonOut]


class TicketCreatedOut(WorkerTicketOut):
    token: str = Field(description="工单令牌：查看工单时放在 X-Ticket-Token 请求头里；请妥善保存")
    created: bool = Field(description="True：新建的工单；False：该对话已有进行中的工单")


class LawyerReplyOut(BaseModel):
    id: str
    role: Literal["lawyer"]
    content: str
    citations: list[dict[str, Any]]
    created_at: str
    lawyer: str = Field(description="答复的律师")
    ticket_id: int


class WorkerTicketStatusOut(WorkerTicketOut):
    conversation_id: str
    created_at: str
    reply: LawyerReplyOut | None = Field(description="律师已发送的答复")


class LawyerOut(BaseModel):
    id: int
    name: str
    role: Literal["lawyer", "admin"]


class TicketSummaryOut(BaseModel):
    id: int
    number: str
    conversation_id: str
    status: Status
    status_text: str = Field(
        description="状态的中文说法，与劳动者看到的相同，如 等待律师接单、律师已接单，正在处理"
    )
    priority: Priority
    danger_to_life: bool
    source: Literal["policy", "worker"]
    question: str
    reasons: list[ReasonDetailOut]
    created_at: str
    claim_deadline: str
    answer_deadline: str | None
    due_at: str | None = Field(description="当前适用的截止时间：认领或答复；已答复后为空")
    overdue: bool
    seconds_left: int | None = Field(description="距截止的秒数，负数表示已超时")
    claimed_by: str | None
    has_contact: bool = Field(description="劳动者留了联系方式（详情里的 contact）")


class QueueOut(BaseModel):
    now: str
    tickets: list[TicketSummaryOut]


class ReplyOut(BaseModel):
    id: int
    version: int
    lawyer: str
    body: str
    citations: list[dict[str, Any]]
    sent: bool
    created_at: str


class AuditOut(BaseModel):
    actor: str
    action: str
    detail: dict[str, Any]
    at: str


class ConversationMessageOut(BaseModel):
    id: str | None
    role: str
    content: str
    created_at: str | None


class TicketDetailOut(TicketSummaryOut):
    conversation: list[ConversationMessageOut] = Field(description="转人工时的对话快照")
    draft: str = Field(description="AI 的回答草稿")
    draft_citations: list[dict[str, Any]] = Field(description="草稿引用的条文（含全文）")
    contact: dict[str, Any] | None
    replies: list[ReplyOut] = Field(description="律师回复的每一个版本")
    audit: list[AuditOut]
    reopen_count: int


class ReplyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    body: str = Field(
        min_length=1, max_length=20000, description="回复正文；引用条文请写成《劳动合同法》第八十二条"
    )
    send: bool = Field(
        default=False, description="True：发送给劳动者（工单变为已答复）；False：只保存草稿版本"
    )


class ReplySavedOut(BaseModel):
    ticket: TicketDetailOut
    reply: ReplyOut


class ReopenIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: str = Field(default="", max_length=500)
