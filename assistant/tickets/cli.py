"""`lawcloud lawyer …` and `lawcloud tickets …`: lawyer accounts and the ticket queue."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo

import typer
from rich.console import Console
from rich.table import Table

from assistant.config import get_settings

from .deadlines import Deadlines, zone_name
from .store import LawyerExists, TicketStore

lawyer_app = typer.Typer(help="工会律师账号（令牌只显示一次）", no_args_is_help=True, rich_markup_mode=None)
tickets_app = typer.Typer(help="转人工工单：查看与导出", no_args_is_help=True, rich_markup_mode=None)
PRIORITY_TEXT = {"urgent": "紧急", "high": "高", "normal": "普通"}
console = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


def _store() -> TicketStore:
    settings = get_settings()
    return TicketStore(settings.tickets_db_url, Deadlines.from_settings(settings))


@lawyer_app.command("add")
def lawyer_add(
    name: Annotated[str, typer.Argument(help="律师姓名（唯一）")],
    role: Annotated[
        str, typer.Option("--role", help="lawyer（处理工单）或 admin（另可关闭任意工单）")
    ] = "lawyer",
) -> None:
    """添加律师并打印其登录令牌（只显示这一次，库里只存哈希）。"""
    store = _store()
    try:
        lawyer, token = store.add_lawyer(name, role)
    except (ValueError, LawyerExists) as exc:
        err.print(f"[bold red]错误：[/]{exc}")
        raise typer.Exit(2 if isinstance(exc, ValueError) else 1) from None
    finally:
        store.close()
    console.print(
        f"已添加{'管理员' if lawyer.role == 'admin' else '律师'} {lawyer.name}（编号 {lawyer.id}）。登录令牌："
    )
    # The token alone on its own line, so scripts can take the last line.
    print(token)  # noqa: T201 - the one place the token is shown
    console.print("[yellow]请立即妥善保存：令牌不会再次显示，丢失后只能停用并重新添加。[/]")


@lawyer_app.command("list")
def lawyer_list() -> None:
    """列出律师账号（不显示令牌）。"""
    store = _store()
    try:
        table = Table("编号", "姓名", "角色", "状态")
        for lawyer in store.lawyers():
            table.add_row(str(lawyer.id), lawyer.name, lawyer.role, "启用" if lawyer.active else "停用")
        console.print(table)
    finally:
        store.close()


@lawyer_app.command("disable")
def lawyer_disable(name: Annotated[str, typer.Argument(help="律师姓名")]) -> None:
    """停用律师账号（其令牌立即失效）。"""
    store = _store()
    try:
        store.set_lawyer_active(name, False)
    except LookupError as exc:
        err.print(f"[bold red]错误：[/]{exc}")
        raise typer.Exit(1) from None
    finally:
        store.close()
    console.print(f"已停用 {name}")


@tickets_app.command("list")
def tickets_list(
    status: Annotated[
        list[str] | None, typer.Option("--status", help="pending/claimed/answered/closed/reopened")
    ] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="只看已超时的")] = False,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """工单队列（按截止时间排序，超时的在前）。"""
    store = _store()
    try:
        now = datetime.now(UTC)
        tickets = store.queue(status=status, overdue_only=True if overdue else None)
        rows = [t.summary(now) for t in tickets]
    finally:
        store.close()
    if as_json:
        console.print_json(json.dumps(rows, ensure_ascii=False))
        return
    if not rows:
        console.print("没有已超时的工单。" if overdue else "没有符合条件的工单。")
        return
    # Deadlines in the service's zone (what the worker's notice shows), the zone named in the header;
    # --json keeps the API's ISO 8601 times with their UTC offset.
    tz = ZoneInfo(get_settings().service_timezone)
    table = Table("工单", "状态", "优先级", f"截止（{zone_name(tz)}）", "问题")
    for row in rows:
        due = (
            f"{datetime.fromisoformat(row['due_at']).astimezone(tz):%Y-%m-%d %H:%M}"
            + (" [red]超时[/]" if row["overdue"] else "")
            if row["due_at"]
            else "—"
        )
        table.add_row(
            row["number"],
            row["status_text"],
            PRIORITY_TEXT[row["priority"]],
            due,
            row["question"][:40],
        )
    console.print(table)


@tickets_app.command("export")
def tickets_export(
    out: Annotated[Path, typer.Option("--out", help="输出的 JSONL 文件")],
    fmt: Annotated[
        str, typer.Option("--format", help="eval：评测集格式（问题 + 律师引用的条文作为金标）")
    ] = "eval",
) -> None:
    """把律师已答复的工单导出为评测题目，律师的工作直接扩充评测集。"""
    from .export import write_eval

    if fmt != "eval":
        err.print(f"[bold red]错误：[/]不支持的格式 {fmt}，目前只有 eval")
        raise typer.Exit(2)
    store = _store()
    try:
        written, with_gold = write_eval(store.answered(), out)
    finally:
        store.close()
    console.print(f"已导出 {written} 道题（其中 {with_gold} 道有律师引用的条文作为金标）到 {out}")
