"""`lawcloud calc NAME --field value …` and `lawcloud data check`."""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Any

import typer
from rich.console import Console

from assistant.tools import TOOLS, ToolInputError, UnknownTool, run_tool
from assistant.tools.base import UNCHECKED, ToolResult
from assistant.tools.data import DATA_DIR, DataError, check_tables

data_app = typer.Typer(
    help="计算工具用的数据表（最低工资、平均工资、全国城镇居民人均可支配收入等）",
    no_args_is_help=True,
    rich_markup_mode=None,
)
console = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)
_TRUE = {"是", "有", "对", "签了", "yes", "y", "true", "1"}
_FALSE = {"否", "没有", "无", "没签", "no", "n", "false", "0"}


def _fail(message: str, code: int) -> None:
    err.print(f"[bold red]错误：[/]{message}", highlight=False)
    raise typer.Exit(code)


def parse_options(name: str, args: list[str]) -> dict[str, Any]:
    """--monthly-wage 6000 --start_date=2024-03-01 --contract-signed 否 (a bare flag means true)."""
    fields = TOOLS[name].input_model.model_fields
    values: dict[str, Any] = {}
    i = 0
    while i < len(args):
        arg = args[i]
        if not arg.startswith("--"):
            _fail(f"看不懂“{arg}”：输入项要写成 --名称 值，例如 --monthly-wage 6000", 2)
        key, _, value = arg[2:].partition("=")
        field = key.replace("-", "_")
        if field not in fields:
            _fail(f"{name} 没有输入项 --{key}。可用的有：{_options(name)}", 2)
        if not _:
            if i + 1 < len(args) and not args[i + 1].startswith("--"):
                value = args[i + 1]
                i += 1
            elif _is_bool(fields[field].annotation):
                value = "true"
            else:
                _fail(f"--{key} 后面缺少值", 2)
        if _is_bool(fields[field].annotation) and value.lower() in _TRUE | _FALSE:
            value = "true" if value.lower() in _TRUE else "false"
        values[field] = value
        i += 1
    return values


def _is_bool(annotation: Any) -> bool:
    return "bool" in str(annotation)


def _options(name: str) -> str:
    model = TOOLS[name].input_model
    return "、".join(f"--{n.replace('_', '-')}（{info.title}）" for n, info in model.model_fields.items())


def print_result(result: ToolResult) -> None:
    console.print(f"[bold]{result.title}[/]：{result.summary}", highlight=False)
    for line in result.formula:
        console.print(f"  {line}", highlight=False)
    if result.articles:
        console.print("依据：" + "、".join(a.citation for a in result.articles), highlight=False)
    for row in result.data_used:
        flag = "" if row.verified else f"；{row.note or UNCHECKED}"
        console.print(
            f"[dim]数据：{row.label} {row.value} {row.unit}（{row.source}{flag}）[/]", highlight=False
        )
    for text in result.assumptions:
        console.print(f"[dim]假设：{text}[/]", highlight=False)
    for missing in result.missing:
        console.print(
            f"[yellow]还需要：[/]{missing.label}（--{missing.field.replace('_', '-')}）"
            + (f"：{missing.reason}" if missing.reason else ""),
            highlight=False,
        )
    for text in result.notes:
        console.print(f"提示：{text}", highlight=False)
    if result.see_lawyer:
        console.print("[bold]建议尽快联系工会律师（12351）[/]", highlight=False)


def calc(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Argument(help="工具名，如 severance；不写则列出所有工具")] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="以 JSON 输出（与 POST /v1/tools/NAME 相同）")
    ] = False,
) -> None:
    """计算：经济补偿、赔偿金、二倍工资、加班费、年休假工资、工伤和工亡待遇、病假工资、各种时效。

    例：lawcloud calc severance --monthly-wage 6000 --start-date 2020-03-01 --end-date 2025-06-30
    """
    if name is None:
        for tool in TOOLS.values():
            console.print(f"[bold]{tool.name}[/]　{tool.title}：{tool.description}", highlight=False)
        console.print(
            "[dim]用法：lawcloud calc NAME --输入项 值 …；lawcloud calc NAME 会列出还需要的输入项[/]"
        )
        return
    if name not in TOOLS:
        _fail(str(UnknownTool(name)), 2)
    values = parse_options(name, list(ctx.args))
    try:
        result = run_tool(name, values)
    except ToolInputError as exc:
        _fail(exc.first.message, 2)
        return
    except DataError as exc:
        _fail("计算用的数据表有误：" + "；".join(exc.problems), 1)
        return
    if as_json:
        console.print_json(json.dumps(result.as_dict(), ensure_ascii=False))
        return
    print_result(result)
    if result.missing:
        console.print(f"[dim]{name} 的输入项：{_options(name)}[/]", highlight=False)


@data_app.command("check")
def data_check(
    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出")] = False,
    today: Annotated[str | None, typer.Option(help="按哪一天判断是否过时（默认今天），如 2026-03-01")] = None,
) -> None:
    """检查 corpus/data/ 的数据表：格式错误（退出码 1）、过时的数据、重点省份缺少的数据。"""
    try:
        day = date.fromisoformat(today) if today else None
    except ValueError:
        _fail(f"--today 应为日期，格式如 2026-03-01，而不是“{today}”", 2)
        return
    report = check_tables(DATA_DIR, day)
    if as_json:
        console.print_json(
            json.dumps(
                {
                    "ok": report.ok,
                    "problems": report.problems,
                    "stale": [s.describe() for s in report.stale],
                    "gaps": report.gaps,
                    "rows": report.counts,
                },
                ensure_ascii=False,
            )
        )
    else:
        if report.problems:
            err.print(f"[bold red]数据有误（{len(report.problems)} 处）：[/]", highlight=False)
            for line in report.problems:
                err.print(f"  {line}", highlight=False)
        else:
            console.print(
                "数据格式正确：" + "，".join(f"{k} {v} 行" for k, v in report.counts.items()), highlight=False
            )
        for stale in report.stale:
            console.print(f"[yellow]可能过时：[/]{stale.describe()}", highlight=False)
        for gap in report.gaps:
            console.print(f"[dim]缺少：{gap}[/]", highlight=False)
    if not report.ok:
        raise typer.Exit(1)
