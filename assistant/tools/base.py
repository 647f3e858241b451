"""What every worker tool shares: article references, the data rows a calculation used, the result it
returns, money arithmetic and the Chinese formatting of numbers in formulas.

Money is computed with Decimal and rounded half-up to fen at every step that is shown, so the numbers
in a formula multiply out exactly as the worker reads them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from urllib.parse import quote

from pydantic import BaseModel, ConfigDict, model_validator
from pydantic_core import PydanticCustomError

from ingest.numerals import article_label, int_to_cn

FEN = Decimal("0.01")
Number = Decimal | float | int

# 劳动法 第五十一条 and the 2008 notice: holidays are paid, so the pay-day divisor keeps them in.
PAY_DAYS_PER_MONTH = Decimal("21.75")
HOURS_PER_DAY = Decimal("8")
# What a figure's label says when its row was not checked against the document it names.
UNCHECKED = "系统没有收录这份文件的原文、未逐字核对，以当地经办机构核定的为准"


def dec(value: Number | str) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def money(value: Number) -> Decimal:
    """Rounded half-up to fen (0.01 元)."""
    return dec(value).quantize(FEN, rounding=ROUND_HALF_UP)


def show(value: Number) -> str:
    """A number as the worker typed it: 4350, 4350.5, 21.75 (no trailing zeros)."""
    d = dec(value)
    if d == d.to_integral_value():
        return str(d.quantize(Decimal(1)))
    return format(d.normalize(), "f")


def show_money(value: Number) -> str:
    """A computed amount with two decimals: 25.00, 1083760.00."""
    return format(money(value), "f")


def show_pct(rate: Number) -> str:
    """1.5 → 150%."""
    return f"{show(dec(rate) * 100)}%"


def cn_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


@dataclass(frozen=True)
class ArticleRef:
    """An article a tool applied, down to the paragraph (款) and item (项) when one of them is meant."""

    law: str  # the short name the article store knows (劳动合同法, 工伤保险条例 …)
    article: int
    paragraph: int | None = None
    item: int | None = None
    sub: int | None = None  # 第X条之N

    @property
    def article_label(self) -> str:
        return article_label(self.article, self.sub)

    @property
    def label(self) -> str:
        text = self.article_label
        if self.paragraph:
            text += f"第{int_to_cn(self.paragraph)}款"
        if self.item:
            text += f"第（{int_to_cn(self.item)}）项"
        return text

    @property
    def citation(self) -> str:
        return f"《{self.law}》{self.label}"

    @property
    def url(self) -> str:
        number = str(self.article) + (f"之{int_to_cn(self.sub)}" if self.sub else "")
        return f"/v1/articles/{quote(self.law, safe='')}/{quote(number, safe='')}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "law": self.law,
            "article": self.article,
            "sub": self.sub,
            "paragraph": self.paragraph,
            "item": self.item,
            "label": self.label,
            "citation": self.citation,
            "url": self.url,
        }


def art(law: str, article: int, paragraph: int | None = None, item: int | None = None) -> ArticleRef:
    return ArticleRef(law, article, paragraph, item)


@dataclass(frozen=True)
class DataUsed:
    """One row of a dated table in corpus/data/ that a calculation used, with where it came from."""

    table: str
    label: str  # what it is, in Chinese: 上海市2023年职工月平均工资
    value: Decimal
    unit: str
    year: int
    effective_from: date
    source: str
    verified: bool
    stale: bool = False
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "table": self.table,
            "label": self.label,
            "value": float(self.value),
            "unit": self.unit,
            "year": self.year,
            "effective_from": self.effective_from.isoformat(),
            "source": self.source,
            "verified": self.verified,
            "stale": self.stale,
            "note": self.note,
        }


@dataclass(frozen=True)
class Missing:
    """An input the calculation needs and did not get (a fact to ask the worker, or a data row)."""

    field: str  # the input field (a fact name) or, for a data row, the table
    label: str  # what to ask, in Chinese
    reason: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"field": self.field, "label": self.label, "reason": self.reason}


@dataclass(frozen=True)
class Amount:
    name: str  # the quantity name (severance_amount …)
    label: str  # 经济补偿
    value: Decimal
    unit: str = "元"

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "label": self.label, "value": float(self.value), "unit": self.unit}


@dataclass
class ToolResult:
    """What a tool returns: the conclusion, the amounts, the formula with the numbers filled in, the
    articles it applied, what it assumed, the data rows it used and what it still needs."""

    tool: str
    title: str
    summary: str = ""
    amounts: list[Amount] = field(default_factory=list)
    quantities: dict[str, float | int | str | bool] = field(default_factory=dict)
    formula: list[str] = field(default_factory=list)
    articles: list[ArticleRef] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)
    data_used: list[DataUsed] = field(default_factory=list)
    missing: list[Missing] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # A union lawyer should look at this case (a death, a deadline near or passed …).
    see_lawyer: bool = False

    @property
    def complete(self) -> bool:
        """True when nothing the main result depends on is missing."""
        return not self.missing

    def cite(self, *refs: ArticleRef) -> None:
        for ref in refs:
            if ref not in self.articles:
                self.articles.append(ref)

    def need(self, name: str, label: str, reason: str = "") -> None:
        if all(m.field != name for m in self.missing):
            self.missing.append(Missing(name, label, reason))

    def add_amount(self, name: str, label: str, value: Decimal, unit: str = "元") -> None:
        self.amounts.append(Amount(name, label, value, unit))
        self.quantities[name] = float(value)

    def use(self, row: DataUsed) -> None:
        if row in self.data_used:
            return
        self.data_used.append(row)
        flags = []
        if not row.verified:
            # A figure is labelled by where it comes from; what was not checked is said, not "unverified".
            # A stale row says its date in its own flag below.
            since = "" if row.stale else f"（{cn_date(row.effective_from)}起）"
            flags.append(f"出自{row.source}{since}；{row.note or UNCHECKED}")
        if row.stale:
            flags.append(f"{row.effective_from.isoformat()} 起执行，可能已经调整，请以当地最新公布的为准")
        if flags:
            self.assumptions.append(f"{row.label} {show(row.value)} {row.unit}：" + "；".join(flags))

    def as_dict(self) -> dict[str, Any]:
        return {
            "tool": self.tool,
            "title": self.title,
            "complete": self.complete,
            "summary": self.summary,
            "amounts": [a.as_dict() for a in self.amounts],
            "quantities": dict(self.quantities),
            "formula": list(self.formula),
            "articles": [a.as_dict() for a in self.articles],
            "assumptions": list(self.assumptions),
            "data_used": [d.as_dict() for d in self.data_used],
            "missing": [m.as_dict() for m in self.missing],
            "notes": list(self.notes),
            "see_lawyer": self.see_lawyer,
        }

    def as_text(self) -> str:
        """Plain Chinese text of the result: what the chat shows under 计算结果, and what an LLM gets as
        a numbered source (it must quote these numbers, never compute its own)."""
        lines = [f"【{self.title}】{self.summary}".rstrip()]
        if self.formula:
            lines.append("计算：" + "；".join(self.formula))
        if self.articles:
            lines.append("依据：" + "、".join(a.citation for a in self.articles))
        for row in self.data_used:
            flag = "" if row.verified else f"；{row.note or UNCHECKED}"
            lines.append(f"数据：{row.label} {show(row.value)} {row.unit}（{row.source}{flag}）")
        if self.assumptions:
            lines.append("假设：" + "；".join(self.assumptions))
        if self.missing:
            lines.append("还需要：" + "、".join(m.label for m in self.missing))
        lines.extend(self.notes)
        return "\n".join(lines)


class ToolInput(BaseModel):
    """Base of every tool's input: the fields are fact names (docs: the facts contract), unknown keys
    are ignored so that the chat's whole facts object can be passed as it is."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    @model_validator(mode="after")
    def _dates(self) -> ToolInput:
        check_dates(self)
        return self

    def given(self) -> set[str]:
        return {name for name in type(self).model_fields if getattr(self, name) is not None}


# Pairs of dates where the second cannot come before the first.
DATE_ORDER = (
    ("start_date", "end_date"),
    ("start_date", "contract_signed_date"),
    ("knew_date", "interrupted_date"),
    ("injury_date", "death_date"),
)
EARLIEST = date(1950, 1, 1)
LATEST = date(2100, 12, 31)


def _title(model: type[BaseModel], name: str) -> str:
    info = model.model_fields.get(name)
    title = info.title if info and info.title else name
    return re.sub(r"（[^（）]*）$", "", title) + f"（{name}）"


def check_dates(model: BaseModel) -> None:
    """Dates within 1950–2100 and in order (an end before a start is an input error, named)."""
    cls = type(model)
    for name in cls.model_fields:
        value = getattr(model, name)
        if isinstance(value, date) and not EARLIEST <= value <= LATEST:
            raise PydanticCustomError(
                "date_range",
                "{label}应在 1950 年到 2100 年之间",
                {"field": name, "label": _title(cls, name)},
            )
    for first, second in DATE_ORDER:
        a, b = getattr(model, first, None), getattr(model, second, None)
        if isinstance(a, date) and isinstance(b, date) and b < a:
            raise PydanticCustomError(
                "date_order",
                "{label}不能早于{other}",
                {"field": second, "label": _title(cls, second), "other": _title(cls, first)},
            )
