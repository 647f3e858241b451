"""劳动仲裁申请书 (draft) from the worker's facts and the tools' results.

劳动争议调解仲裁法 第二十八条 says what an application states: (一) the worker's name, sex, age,
occupation, employer and address, and the employer's name, address and the name and title of its
legal representative or principal; (二) the claims and the facts and reasons they rest on; (三) the
evidence and where it comes from, and the witnesses' names and addresses. The draft has one section
for each; a fact that is missing becomes a clearly marked blank (【待填写：…】). Claim amounts come from
the calculators, never from text generation. The draft is built in memory and returned to the worker:
the system never stores or sends it. The worker edits it before use.

:func:`build_application` → :class:`Document` (a small section/paragraph model);
:func:`render_docx` → bytes of a .docx (python-docx); :func:`render_html` → a printable page."""

from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.tools import fields as f
from assistant.tools import run_tool
from assistant.tools.base import ArticleRef, ToolInput, ToolResult, art, cn_date, show, show_money
from assistant.tools.context import ToolContext

LAW = "劳动争议调解仲裁法"
REQUIRED_BY = (art(LAW, 28, 2, 1), art(LAW, 28, 2, 2), art(LAW, 28, 2, 3))
SECTIONS = ("申请人", "被申请人", "仲裁请求", "事实和理由", "证据和证据来源", "证人")
DRAFT_NOTICE = (
    "这是系统根据您提供的信息生成的草稿，不是律师意见。提交前请逐项核对、修改，补全所有【待填写】的内容，"
    "并按被申请人人数准备副本。本系统不会保存、提交或发送这份申请书。劳动仲裁不收费；书写确有困难的，"
    "可以到仲裁委员会口头申请（劳动争议调解仲裁法第二十八条、第五十三条）。"
)
TERMINATION_TEXT = {
    "dismissed": "被申请人单方解除了与申请人的劳动合同",
    "resigned": "申请人因被申请人的过错提出解除劳动合同",
    "expired": "劳动合同期满，被申请人不再续订",
    "agreed": "经被申请人提出，双方协商解除劳动合同",
    "unlawful_dismissal": "被申请人在没有合法理由的情况下解除了与申请人的劳动合同",
}
SUGGESTED_EVIDENCE = (
    ("劳动合同、工牌、工作服、入职登记表等证明劳动关系的材料", "申请人持有 / 被申请人处"),
    ("工资条、银行流水、微信或支付宝转账记录", "申请人持有 / 银行"),
    ("考勤记录、排班表、加班审批记录", "被申请人处 / 申请人拍照留存"),
    ("解除或终止劳动合同的通知、聊天记录、录音", "申请人持有"),
)

Text = Annotated[str | None, Field(default=None, max_length=200)]
LongText = Annotated[str | None, Field(default=None, max_length=5000)]


class ClaimIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1, max_length=200, description="请求事项，如 支付拖欠的工资")
    amount: float | None = Field(default=None, ge=0, le=1_000_000_000, description="金额（元），不知道就不填")
    basis: str | None = Field(default=None, max_length=500, description="依据，如 《劳动合同法》第三十条")


class EvidenceIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200, description="证据名称")
    source: str | None = Field(default=None, max_length=200, description="证据来源（在谁手里、从哪里来）")


class WitnessIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=50, description="证人姓名")
    address: str | None = Field(default=None, max_length=200, description="证人住所")


class ArbitrationFacts(ToolInput):
    """The worker's facts (fact names) plus what only the application needs: names, addresses, the
    claims and evidence the worker adds. Everything optional: what is missing becomes a blank."""

    worker_name: Text = Field(default=None, title="申请人姓名", max_length=50)
    worker_gender: Literal["男", "女"] | None = Field(default=None, title="性别")
    age: f.Age = None
    worker_occupation: Text = Field(default=None, title="职业（岗位）")
    worker_address: Text = Field(default=None, title="住所")
    worker_phone: Text = Field(default=None, title="联系电话", max_length=30)
    employer_name: Text = Field(default=None, title="用人单位名称")
    employer_address: Text = Field(default=None, title="用人单位住所")
    employer_representative: Text = Field(default=None, title="法定代表人（主要负责人）姓名", max_length=50)
    employer_representative_title: Text = Field(default=None, title="法定代表人职务", max_length=50)
    commission: Text = Field(default=None, title="仲裁委员会名称")
    facts_text: LongText = Field(default=None, title="事实经过（自己的话）")
    claims: list[ClaimIn] = Field(default_factory=list, max_length=20, title="其他仲裁请求")
    evidence: list[EvidenceIn] = Field(default_factory=list, max_length=50, title="证据")
    witnesses: list[WitnessIn] = Field(default_factory=list, max_length=20, title="证人")

    monthly_wage: f.MonthlyWage = None
    average_monthly_wage: f.AverageMonthlyWage = None
    start_date: f.StartDate = None
    end_date: f.EndDate = None
    termination: f.Termination = None
    notice_given: f.NoticeGiven = None
    contract_signed: f.ContractSigned = None
    months_without_contract: f.MonthsWithoutContract = None
    unpaid_amount: f.UnpaidAmount = None
    unpaid_months: f.UnpaidMonths = None
    overtime_hours_weekday: f.OvertimeHoursWeekday = None
    overtime_hours_restday: f.OvertimeHoursRestday = None
    overtime_hours_holiday: f.OvertimeHoursHoliday = None
    cumulative_work_years: f.CumulativeWorkYears = None
    leave_days_taken: f.LeaveDaysTaken = None
    province: f.Province = None
    city: f.City = None
    today: f.Today = None


# --- the document model ------------------------------------------------------------------------


# Characters XML (and so .docx) cannot hold: C0 controls other than tab and newline, and non-characters.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Run:
    text: str
    blank: bool = False  # a missing fact: shown highlighted, to be filled in by the worker

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", _NOT_XML.sub("", self.text))


def blank(what: str) -> Run:
    return Run(f"【待填写：{what}】", True)


@dataclass
class Paragraph:
    runs: list[Run]
    style: Literal["text", "item", "note", "sign"] = "text"

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class Section:
    heading: str
    paragraphs: list[Paragraph] = field(default_factory=list)

    def add(self, *runs: Run | str, style: Literal["text", "item", "note", "sign"] = "text") -> None:
        self.paragraphs.append(Paragraph([Run(r) if isinstance(r, str) else r for r in runs], style))


@dataclass
class Claim:
    title: str
    amount: Decimal | None
    basis: list[ArticleRef] = field(default_factory=list)
    basis_text: str = ""
    reason: str = ""
    formula: list[str] = field(default_factory=list)


@dataclass
class Document:
    title: str
    notice: str
    sections: list[Section]
    closing: list[Paragraph]
    claims: list[Claim]
    blanks: int

    @property
    def text(self) -> str:
        lines = [self.title, self.notice]
        for section in self.sections:
            lines.append(section.heading)
            lines.extend(p.text for p in section.paragraphs)
        lines.extend(p.text for p in self.closing)
        return "\n".join(lines)


def _value(value: Any, what: str) -> Run:
    return Run(str(value)) if value not in (None, "") else blank(what)


def _claims(facts: ArbitrationFacts, ctx: ToolContext) -> list[Claim]:
    values = facts.model_dump(exclude_none=True)
    claims: list[Claim] = []

    def from_tool(name: str, title: str, quantity: str) -> ToolResult:
        result = run_tool(name, values, context=ctx, drop_invalid=True)
        amount = result.quantities.get(quantity)
        claims.append(
            Claim(
                title,
                Decimal(str(amount))
                if isinstance(amount, int | float) and not isinstance(amount, bool)
                else None,
                list(result.articles),
                reason=result.summary,
                formula=list(result.formula),
            )
        )
        return result

    if facts.unpaid_amount is not None or facts.unpaid_months is not None:
        amount = Decimal(str(facts.unpaid_amount)) if facts.unpaid_amount is not None else None
        months = f"{show(facts.unpaid_months)} 个月的" if facts.unpaid_months is not None else ""
        claims.append(
            Claim(
                f"支付拖欠的{months}工资",
                amount,
                [art("劳动合同法", 30, 1), art("劳动法", 50)],
                reason="被申请人没有按时足额支付劳动报酬",
            )
        )
    t = facts.termination
    if t == "unlawful_dismissal":
        from_tool("damages", "支付违法解除劳动合同赔偿金", "damages_amount")
    elif t in ("dismissed", "expired", "agreed") or (t == "resigned" and facts.unpaid_amount):
        result = from_tool("severance", "支付解除（终止）劳动合同经济补偿", "severance_amount")
        notice = result.quantities.get("notice_pay")
        if isinstance(notice, float):
            claims.append(
                Claim(
                    "支付未提前三十日通知解除劳动合同的代通知金（额外一个月工资）",
                    Decimal(str(notice)),
                    [art("劳动合同法", 40), art("劳动合同法实施条例", 20)],
                )
            )
    if facts.contract_signed is False or facts.months_without_contract:
        from_tool("double_wage", "支付未签订书面劳动合同的二倍工资差额", "double_wage_amount")
    if any(
        v is not None
        for v in (facts.overtime_hours_weekday, facts.overtime_hours_restday, facts.overtime_hours_holiday)
    ):
        from_tool("overtime", "支付加班费", "overtime_pay")
    if facts.cumulative_work_years is not None and facts.end_date is not None:
        leave = run_tool("annual_leave", values, context=ctx, drop_invalid=True)
        if leave.quantities.get("annual_leave_days_unused"):
            amount = leave.quantities.get("annual_leave_pay_owed")
            claims.append(
                Claim(
                    "支付未休年休假工资",
                    Decimal(str(amount)) if isinstance(amount, float) else None,
                    list(leave.articles),
                    reason=leave.summary,
                    formula=list(leave.formula),
                )
            )
    for claim in facts.claims:
        claims.append(
            Claim(
                claim.title,
                Decimal(str(claim.amount)) if claim.amount is not None else None,
                basis_text=claim.basis or "",
            )
        )
    return claims


def _facts_paragraph(facts: ArbitrationFacts) -> list[Run]:
    runs: list[Run] = [Run("申请人于")]
    runs.append(Run(cn_date(facts.start_date)) if facts.start_date else blank("入职日期"))
    runs.append(Run("入职被申请人处，从事"))
    runs.append(_value(facts.worker_occupation, "岗位"))
    runs.append(Run("工作，月工资"))
    wage = facts.monthly_wage if facts.monthly_wage is not None else facts.average_monthly_wage
    runs.append(Run(show(wage)) if wage is not None else blank("月工资"))
    runs.append(Run("元。"))
    if facts.contract_signed is False:
        runs.append(Run("被申请人一直未与申请人订立书面劳动合同。"))
    elif facts.contract_signed:
        runs.append(Run("双方订立了书面劳动合同。"))
    if facts.unpaid_amount is not None:
        runs.append(Run(f"被申请人拖欠申请人工资 {show(facts.unpaid_amount)} 元。"))
    if facts.termination:
        runs.append(Run(cn_date(facts.end_date)) if facts.end_date else blank("离职日期"))
        runs.append(Run("，" + TERMINATION_TEXT[facts.termination] + "。"))
    elif facts.end_date:
        runs.append(Run(f"双方劳动关系于{cn_date(facts.end_date)}结束。"))
    return runs


def build_application(facts: ArbitrationFacts, context: ToolContext | None = None) -> Document:
    ctx = (context or ToolContext.default()).on(facts.today)
    claims = _claims(facts, ctx)

    applicant = Section("申请人")
    applicant.add("姓名：", _value(facts.worker_name, "姓名"), "　性别：", _value(facts.worker_gender, "性别"),
                  "　年龄：", _value(facts.age, "年龄"))  # fmt: skip
    applicant.add(
        "职业：",
        _value(facts.worker_occupation, "职业或岗位"),
        "　工作单位：",
        _value(facts.employer_name, "工作单位"),
    )
    applicant.add(
        "住所：", _value(facts.worker_address, "住所"), "　联系电话：", _value(facts.worker_phone, "联系电话")
    )

    respondent = Section("被申请人")
    respondent.add("名称：", _value(facts.employer_name, "用人单位全称（以营业执照为准）"))
    respondent.add("住所：", _value(facts.employer_address, "用人单位住所（注册地址或经营地址）"))
    respondent.add(
        "法定代表人（主要负责人）：",
        _value(facts.employer_representative, "姓名"),
        "　职务：",
        _value(facts.employer_representative_title, "职务"),
    )

    requests = Section("仲裁请求")
    for n, claim in enumerate(claims, 1):
        amount = Run(f"{show_money(claim.amount)} 元") if claim.amount is not None else blank("金额（元）")
        requests.add(f"{n}. 请求裁决被申请人{claim.title}", "，共计 ", amount, "；", style="item")
    requests.add(f"{len(claims) + 1}. ", blank("其他请求（如有）"), style="item")
    requests.add("以上金额由系统按您提供的信息计算，计算方法见“事实和理由”，请核对后使用。", style="note")

    reasons = Section("事实和理由")
    reasons.add(*_facts_paragraph(facts))
    if facts.facts_text:
        reasons.add(facts.facts_text)
    else:
        reasons.add(blank("用自己的话写清楚事情经过：什么时候、发生了什么、单位怎么说的、您做了什么"))
    for claim in claims:
        basis = "、".join(a.citation for a in claim.basis) or claim.basis_text
        text = f"关于{claim.title}："
        if claim.formula:
            text += "；".join(claim.formula) + "。"
        if basis:
            text += f"依据{basis}。"
        reasons.add(text)
    reasons.add(
        "综上，为维护申请人的合法权益，特依据《中华人民共和国劳动争议调解仲裁法》的规定申请仲裁，请求依法裁决。"
    )

    evidence = Section("证据和证据来源")
    if facts.evidence:
        for n, item in enumerate(facts.evidence, 1):
            evidence.add(f"{n}. {item.name}；来源：", _value(item.source, "证据来源"), style="item")
    else:
        evidence.add("请列出您手上的证据和它们的来源，常见的有：", style="note")
        for n, (name, source) in enumerate(SUGGESTED_EVIDENCE, 1):
            evidence.add(f"{n}. {name}（来源：{source}）", blank("有的打勾，写明份数"), style="item")

    witnesses = Section("证人")
    if facts.witnesses:
        for n, w in enumerate(facts.witnesses, 1):
            witnesses.add(f"{n}. 姓名：{w.name}　住所：", _value(w.address, "证人住所"), style="item")
    else:
        witnesses.add("证人姓名和住所：", blank("如有证人，写明姓名和住所；没有写“无”"))

    closing = [
        Paragraph([Run("此致")], "sign"),
        Paragraph([_value(facts.commission, "××市（区）劳动人事争议仲裁委员会")], "sign"),
        Paragraph([Run("申请人（签名）："), blank("签名")], "sign"),
        Paragraph([Run("日期："), blank("年　月　日")], "sign"),
        Paragraph(
            [
                Run("附：本申请书副本 "),
                blank("份数（按被申请人人数）"),
                Run(" 份；证据材料 "),
                blank("份数"),
                Run(" 份。"),
            ],
            "sign",
        ),
    ]
    sections = [applicant, respondent, requests, reasons, evidence, witnesses]
    count = sum(1 for s in sections for p in s.paragraphs for r in p.runs if r.blank)
    count += sum(1 for p in closing for r in p.runs if r.blank)
    return Document("劳动人事争议仲裁申请书", DRAFT_NOTICE, sections, closing, claims, count)


# --- rendering ------------------------------------------------------------------------------------


def render_docx(document: Document) -> bytes:
    from docx import Document as Docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Docx()
    style = doc.styles["Normal"]
    style.font.name = "SimSun"
    style.font.size = Pt(12)
    # East Asian text needs its own font name, or Word falls back to a Latin font for Chinese.
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    core = doc.core_properties
    core.title = document.title
    core.author = ""
    core.comments = "草稿：由工会法务云根据劳动者提供的信息生成，使用前请核对修改"

    title = doc.add_heading(document.title, level=0)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    notice = doc.add_paragraph()
    run = notice.add_run("【草稿】" + document.notice)
    run.italic = True
    run.font.size = Pt(10)
    for section in document.sections:
        doc.add_heading(section.heading, level=1)
        for para in section.paragraphs:
            p = doc.add_paragraph()
            for r in para.runs:
                out = p.add_run(r.text)
                if r.blank:
                    out.font.highlight_color = WD_COLOR_INDEX.YELLOW
                    out.bold = True
                if para.style == "note":
                    out.italic = True
                    out.font.size = Pt(10)
    doc.add_paragraph()
    for para in document.closing:
        p = doc.add_paragraph()
        for r in para.runs:
            out = p.add_run(r.text)
            if r.blank:
                out.font.highlight_color = WD_COLOR_INDEX.YELLOW
                out.bold = True
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def render_html(document: Document) -> str:
    """A printable page (A4, no scripts); its stylesheet is /static/print.css (the pages' CSP)."""

    def runs(para: Paragraph) -> str:
        return "".join(
            f'<mark class="blank">{html.escape(r.text)}</mark>' if r.blank else html.escape(r.text)
            for r in para.runs
        )

    parts = [
        "<!doctype html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(document.title)}（草稿）</title>",
        '<link rel="stylesheet" href="/static/print.css">',
        '</head><body><article class="application">',
        f'<p class="draft-notice">【草稿】{html.escape(document.notice)}</p>',
        f"<h1>{html.escape(document.title)}</h1>",
    ]
    for section in document.sections:
        parts.append(
            f'<section data-section="{html.escape(section.heading)}"><h2>{html.escape(section.heading)}</h2>'
        )
        for para in section.paragraphs:
            parts.append(f'<p class="{para.style}">{runs(para)}</p>')
        parts.append("</section>")
    parts.append('<footer class="closing">')
    parts.extend(f'<p class="{p.style}">{runs(p)}</p>' for p in document.closing)
    parts.append("</footer></article></body></html>")
    return "\n".join(parts)
