"""The registry of tools and the one way to run them: validate the values (fact names), compute with
the dated tables, return a ToolResult. Bad values raise ToolInputError with a Chinese message naming
the field; missing values are never guessed: the result lists them in `missing`."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from pydantic import ValidationError

from assistant.tools import (
    annual_leave,
    arbitration_deadline,
    damages,
    death_benefits,
    double_wage,
    final_award,
    injury_benefits,
    injury_recognition_deadline,
    lawsuit_deadline,
    minimum_wage,
    overtime,
    severance,
    sick_pay,
)
from assistant.tools.base import ArticleRef, ToolInput, ToolResult, show
from assistant.tools.context import ToolContext

Kind = Literal["amount", "deadline"]


@dataclass(frozen=True)
class Tool:
    name: str
    title: str
    description: str
    kind: Kind  # "amount": a calculator; "deadline": a time limit (days_left, deadline_passed)
    input_model: type[ToolInput]
    compute: Callable[[Any, ToolContext], ToolResult]
    articles: tuple[ArticleRef, ...]  # every article the tool may cite

    @property
    def fields(self) -> list[str]:
        return list(self.input_model.model_fields)

    def describe(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "description": self.description,
            "kind": self.kind,
            "fields": [
                {
                    "name": name,
                    "title": info.title or name,
                    "description": info.description or "",
                }
                for name, info in self.input_model.model_fields.items()
            ],
            "articles": [a.as_dict() for a in self.articles],
            "schema": self.input_model.model_json_schema(),
        }


def _tool(
    module: Any, kind: Kind, model: type[ToolInput], compute: Callable[[Any, ToolContext], ToolResult]
) -> Tool:
    return Tool(module.NAME, module.TITLE, module.DESCRIPTION, kind, model, compute, tuple(module.ARTICLES))


TOOLS: dict[str, Tool] = {
    t.name: t
    for t in (
        _tool(severance, "amount", severance.SeveranceInput, severance.severance),
        _tool(damages, "amount", damages.DamagesInput, damages.damages),
        _tool(double_wage, "amount", double_wage.DoubleWageInput, double_wage.double_wage),
        _tool(overtime, "amount", overtime.OvertimeInput, overtime.overtime),
        _tool(annual_leave, "amount", annual_leave.AnnualLeaveInput, annual_leave.annual_leave),
        _tool(
            injury_benefits, "amount", injury_benefits.InjuryBenefitsInput, injury_benefits.injury_benefits
        ),
        _tool(death_benefits, "amount", death_benefits.DeathBenefitsInput, death_benefits.death_benefits),
        _tool(sick_pay, "amount", sick_pay.SickPayInput, sick_pay.sick_pay),
        _tool(minimum_wage, "amount", minimum_wage.MinimumWageInput, minimum_wage.minimum_wage_check),
        _tool(
            arbitration_deadline,
            "deadline",
            arbitration_deadline.ArbitrationDeadlineInput,
            arbitration_deadline.arbitration_deadline,
        ),
        _tool(
            injury_recognition_deadline,
            "deadline",
            injury_recognition_deadline.InjuryRecognitionDeadlineInput,
            injury_recognition_deadline.injury_recognition_deadline,
        ),
        _tool(
            lawsuit_deadline,
            "deadline",
            lawsuit_deadline.LawsuitDeadlineInput,
            lawsuit_deadline.lawsuit_deadline,
        ),
        _tool(final_award, "deadline", final_award.FinalAwardInput, final_award.final_award),
    )
}


class UnknownTool(LookupError):
    def __init__(self, name: str) -> None:
        super().__init__(f"没有叫“{name}”的计算工具。可用的有：{'、'.join(TOOLS)}")
        self.name = name


@dataclass(frozen=True)
class InputProblem:
    field: str  # the field named (a fact name), "" for the body as a whole
    code: str  # missing_field | invalid_type | invalid_format | invalid_value | out_of_range
    message: str  # Chinese, names the field


class ToolInputError(ValueError):
    def __init__(self, tool: str, problems: list[InputProblem]) -> None:
        super().__init__("；".join(p.message for p in problems))
        self.tool = tool
        self.problems = problems

    @property
    def first(self) -> InputProblem:
        return self.problems[0]


_TYPES = {
    "float_type": ("invalid_type", "应为数字"),
    "float_parsing": ("invalid_type", "应为数字"),
    "decimal_parsing": ("invalid_type", "应为数字"),
    "finite_number": ("invalid_value", "应为有限的数字"),
    "int_type": ("invalid_type", "应为整数"),
    "int_parsing": ("invalid_type", "应为整数"),
    "int_from_float": ("invalid_type", "应为整数"),
    "bool_type": ("invalid_type", "应为 true 或 false（是或否）"),
    "bool_parsing": ("invalid_type", "应为 true 或 false（是或否）"),
    "string_type": ("invalid_type", "应为文字"),
    "date_type": ("invalid_format", "应为日期，格式如 2025-03-01"),
    "date_parsing": ("invalid_format", "应为日期，格式如 2025-03-01"),
    "date_from_datetime_parsing": ("invalid_format", "应为日期，格式如 2025-03-01"),
    "date_from_datetime_inexact": ("invalid_format", "应为日期（不含时间），格式如 2025-03-01"),
}
_BOUNDS = {"gt": "应大于 {}", "ge": "不能小于 {}", "lt": "应小于 {}", "le": "不能大于 {}"}


def _label(model: type[ToolInput], name: str) -> str:
    """月工资（monthly_wage）: the Chinese title (its unit left out) and the field's name."""
    info = model.model_fields.get(name)
    if not info or not info.title:
        return name
    return re.sub(r"（[^（）]*）$", "", info.title) + f"（{name}）"


def _number(value: Any) -> str:
    return show(value) if isinstance(value, int | float) and not isinstance(value, bool) else str(value)


def describe_error(model: type[ToolInput], error: Mapping[str, Any]) -> InputProblem:
    kind = str(error.get("type", ""))
    loc = [str(p) for p in error.get("loc", ()) if not isinstance(p, int)]
    ctx = error.get("ctx") or {}
    name = str(ctx.get("field") or (loc[0] if loc else ""))
    label = _label(model, name) if name else "输入"
    if kind in ("date_order", "date_range"):
        return InputProblem(name, "invalid_value", str(error.get("msg", "")))
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return InputProblem("", "invalid_body", '输入应为 JSON 对象，例如 {"monthly_wage": 6000}')
    if kind in _TYPES:
        code, text = _TYPES[kind]
        return InputProblem(name, code, f"{label}{text}")
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        bounds = [text.format(_number(ctx[key])) for key, text in _BOUNDS.items() if key in ctx]
        return InputProblem(name, "out_of_range", f"{label}超出允许的范围（{'，'.join(bounds)}）")
    if kind in ("literal_error", "enum"):
        choices = str(ctx.get("expected", "")).replace("'", "").replace(" or ", "、").replace(", ", "、")
        return InputProblem(name, "invalid_value", f"{label}只能是 {choices}")
    if kind == "string_too_long":
        return InputProblem(name, "too_long", f"{label}太长了，最多 {ctx.get('max_length')} 个字")
    return InputProblem(name, "invalid_value", f"{label}不正确")


def validate(name: str, values: Mapping[str, Any]) -> ToolInput:
    """The tool's typed input; raises UnknownTool or ToolInputError (every problem, first one first)."""
    tool = get_tool(name)
    try:
        return tool.input_model.model_validate(dict(values))
    except ValidationError as exc:
        raise ToolInputError(name, [describe_error(tool.input_model, e) for e in exc.errors()]) from None


def get_tool(name: str) -> Tool:
    try:
        return TOOLS[name]
    except KeyError:
        raise UnknownTool(name) from None


def _clean(values: Mapping[str, Any]) -> dict[str, Any]:
    # A fact that was not found is absent or None; an empty string from a form means "not given".
    return {k: v for k, v in values.items() if v is not None and v != ""}


def run_tool(
    name: str,
    values: Mapping[str, Any],
    *,
    context: ToolContext | None = None,
    today: date | None = None,
    drop_invalid: bool = False,
) -> ToolResult:
    """Run a tool on values named as the facts (unknown keys are ignored).

    A required value that is absent shows up in `result.missing` (never guessed). An invalid value
    raises ToolInputError, or with `drop_invalid=True` (the chat, whose facts come from free text) is
    left out and named in `result.assumptions`."""
    tool = get_tool(name)
    clean = _clean(values)
    dropped: list[InputProblem] = []
    while True:
        try:
            inp = validate(name, clean)
            break
        except ToolInputError as exc:
            if not drop_invalid:
                raise
            problem = exc.first
            if not problem.field or problem.field not in clean:
                raise
            dropped.append(problem)
            clean.pop(problem.field)
    ctx = context or ToolContext.default(today)
    if today is not None:
        ctx = ctx.on(today)
    result = tool.compute(inp, ctx)
    for problem in dropped:
        result.assumptions.append(f"没有采用：{problem.message}")
    return result
