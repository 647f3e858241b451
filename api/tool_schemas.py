"""Response schemas of the worker tools and documents (requests are the tools' own input models)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class ArticleRefOut(BaseModel):
    law: str = Field(description="法规简称（法规库中的名称）", examples=["劳动合同法"])
    article: int = Field(description="条号", examples=[47])
    sub: int | None = Field(default=None, description="第X条之N 的 N")
    paragraph: int | None = Field(default=None, description="款")
    item: int | None = Field(default=None, description="项")
    label: str = Field(examples=["第四十七条第二款"])
    citation: str = Field(examples=["《劳动合同法》第四十七条第二款"])
    url: str = Field(
        description="查看条文：GET 这个地址",
        examples=["/v1/articles/%E5%8A%B3%E5%8A%A8%E5%90%88%E5%90%8C%E6%B3%95/47"],
    )


class AmountOut(BaseModel):
    name: str = Field(examples=["severance_amount"])
    label: str = Field(examples=["经济补偿"])
    value: float
    unit: str = Field(examples=["元"])


class DataUsedOut(BaseModel):
    table: str
    label: str = Field(examples=["2024年全国城镇居民人均可支配收入"])
    value: float
    unit: str
    year: int = Field(description="数据所属年份")
    effective_from: str = Field(description="公布或执行日期")
    source: str = Field(description="发布机关和文件")
    verified: bool = Field(description="是否已与官方原文核对")
    stale: bool = Field(description="是否可能已过时")
    note: str


class MissingOut(BaseModel):
    field: str = Field(description="缺少的输入（事实名）或数据表", examples=["start_date"])
    label: str = Field(description="要问劳动者的内容", examples=["入职日期"])
    reason: str


class ToolResultOut(BaseModel):
    tool: str
    title: str
    complete: bool = Field(description="没有缺少的输入时为 true")
    summary: str = Field(description="一句话结论")
    amounts: list[AmountOut]
    quantities: dict[str, float | int | str | bool] = Field(
        description="命名的计算结果：severance_amount、days_left、deadline_passed 等（见 README）"
    )
    formula: list[str] = Field(description="带数字的计算过程")
    articles: list[ArticleRefOut] = Field(description="适用的条文（可打开查看）")
    assumptions: list[str]
    data_used: list[DataUsedOut]
    missing: list[MissingOut] = Field(description="还缺少的输入：不会猜测，请补充后重新计算")
    notes: list[str]
    see_lawyer: bool = Field(description="建议找工会律师（死亡、期限临近或已过等）")


class ToolFieldOut(BaseModel):
    name: str
    title: str
    description: str


class ToolOut(BaseModel):
    name: str = Field(examples=["severance"])
    title: str = Field(examples=["经济补偿（N / N+1）"])
    description: str
    kind: str = Field(description="amount：计算金额；deadline：计算期限", examples=["amount"])
    fields: list[ToolFieldOut]
    articles: list[ArticleRefOut]
    input_schema: dict[str, Any] = Field(description="请求体的 JSON Schema")


class ToolListOut(BaseModel):
    tools: list[ToolOut]
