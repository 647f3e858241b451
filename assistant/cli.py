"""`lawcloud`: the one command-line entry point (ingest, show, corpus, search, ask, serve, eval …)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from assistant.config import get_settings
from eval.cli import eval_app

app = typer.Typer(
    help="工会法务云 Union Legal Cloud — 劳动法律咨询助手", no_args_is_help=True, add_completion=False
)
corpus_app = typer.Typer(help="查看已收录的语料", no_args_is_help=True)
app.add_typer(corpus_app, name="corpus")
app.add_typer(eval_app, name="eval")
console = Console(soft_wrap=True)
err = Console(stderr=True)

# Quiet, offline defaults for the libraries we load (never reach a model hub, no telemetry).
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def _fail(message: str, code: int = 1) -> None:
    err.print(f"[bold red]错误：[/]{message}")
    raise typer.Exit(code)


class _RichProgress:
    """Progress bars on a terminal; plain periodic lines when not a TTY or under CI."""

    def __init__(self) -> None:
        # Progress goes to stderr so that `--json` output on stdout stays parseable.
        self._interactive = err.is_terminal and os.environ.get("CI", "").lower() not in ("1", "true")
        self._bar: Progress | None = None
        self._task: int | None = None
        self._name, self._total, self._done, self._last_pct = "", None, 0, -1

    def stage(self, name: str, total: int | None = None) -> None:
        self._name, self._total, self._done, self._last_pct = name, total, 0, -1
        if self._interactive:
            if self._bar is None:
                self._bar = Progress(
                    TextColumn("{task.description}"),
                    BarColumn(),
                    MofNCompleteColumn(),
                    TimeElapsedColumn(),
                    TimeRemainingColumn(),
                    console=err,
                    transient=False,
                )
                self._bar.start()
            self._task = self._bar.add_task(name, total=total)
        else:
            err.print(f"[{name}] 开始" + (f"，共 {total} 项" if total else ""))

    def advance(self, n: int = 1) -> None:
        self._done += n
        if self._bar is not None and self._task is not None:
            self._bar.advance(self._task, n)
        elif self._total:
            pct = int(100 * self._done / self._total) // 10 * 10
            if pct != self._last_pct:
                self._last_pct = pct
                err.print(f"[{self._name}] {self._done}/{self._total} ({pct}%)")

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()


@app.command()
def ingest(
    paths: Annotated[list[Path] | None, typer.Argument(help="Markdown / PDF / 文本文件或目录")] = None,
    profile: Annotated[str | None, typer.Option(help="内置法律的语料配置：labour（默认）或 all")] = None,
    no_builtin: Annotated[bool, typer.Option("--no-builtin", help="不收录内置的国家法律库")] = False,
    replace: Annotated[
        bool, typer.Option("--replace", help="只用本次给出的来源（默认在上次的来源上追加）")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出摘要")] = False,
) -> None:
    """导入法规、司法解释与案例，建立（或增量更新）检索索引。"""
    from ingest.index import IngestBusy
    from ingest.load import InputError
    from ingest.pipeline import run_ingest
    from ingest.profiles import ProfileError

    settings = get_settings()
    progress = _RichProgress()
    try:
        report = run_ingest(
            settings, paths or [], profile=profile, builtin=not no_builtin, replace=replace, progress=progress
        )
    except (InputError, ProfileError, IngestBusy) as exc:
        progress.close()
        _fail(str(exc))
        return
    progress.close()
    if as_json:
        console.print_json(json.dumps(report.as_dict(), ensure_ascii=False))
    else:
        _print_report(report)
    if not report.ok:
        raise typer.Exit(1)


def _print_report(report) -> None:  # noqa: ANN001 - IngestReport, imported lazily
    table = Table(
        title="导入摘要" + ("（内容未变化，索引已是最新）" if report.noop else ""), show_header=False
    )
    table.add_row("索引版本", report.build_id)
    table.add_row("语料配置", report.profile)
    table.add_row("文档", str(report.documents))
    table.add_row(
        "条文/段落",
        f"{report.units}（" + "，".join(f"{k} {v}" for k, v in report.units_by_type.items()) + "）",
    )
    table.add_row("分块", str(report.chunks))
    table.add_row("新向量化", str(report.embedded))
    table.add_row("缓存命中", str(report.cached))
    table.add_row("跳过", str(len(report.skipped)))
    table.add_row("用时", f"{report.seconds:.1f} 秒")
    console.print(table)
    for item in report.skipped:
        console.print(f"[yellow]跳过[/] {item.source}：{item.reason}")
    for warning in report.warnings[:20]:
        console.print(f"[dim]提示 {warning}[/]")


def _open_store():  # noqa: ANN202
    from ingest.index import read_live
    from ingest.store import ArticleStore

    settings = get_settings()
    live = read_live(settings.data_dir)
    if live is None:
        _fail("还没有可用的索引。请先运行 `lawcloud ingest`（或 `make run` 一步完成安装与建索引）")
    return ArticleStore(settings.data_dir / "builds" / live["build_id"] / "store.sqlite"), live


@app.command()
def show(
    law: Annotated[
        str, typer.Argument(help="法律名称，如 劳动合同法、《中华人民共和国劳动合同法》、工伤保险条例")
    ],
    article: Annotated[str, typer.Argument(help="条号，如 82、八十二、第八十二条、276之一")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """显示一条法律条文（含章节、效力状态与版本日期）。"""
    from ingest.numerals import parse_article_ref
    from ingest.store import ArticleNotFound, LawNotFound

    try:
        number, sub = parse_article_ref(article)
    except ValueError:
        _fail(f"“{article}”不是有效的条号，请写成 82、八十二 或 第八十二条")
        return
    store, _ = _open_store()
    try:
        unit = store.get_article(law, number, sub)
    except (LawNotFound, ArticleNotFound) as exc:
        _fail(str(exc))
        return
    if as_json:
        console.print_json(json.dumps(unit.__dict__, ensure_ascii=False))
        return
    console.print(f"[bold]《{unit.title}》{unit.label}[/]")
    if unit.chapter:
        console.print(f"[dim]{unit.chapter}[/]")
    console.print(unit.text)
    status = unit.validity + (f"（{unit.validity_note}）" if unit.validity_note else "")
    console.print(
        f"[dim]效力：{status}　版本日期：{unit.version_date or '未知'}　层级：{unit.level}"
        + (f"　制定机关：{unit.issuing_body}" if unit.issuing_body else "")
        + "[/]"
    )


@corpus_app.command("stats")
def corpus_stats(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """已收录语料的统计（按层级、效力、类型）。"""
    store, live = _open_store()
    stats = store.stats()
    stats["build_id"] = live["build_id"]
    stats["embedder"] = live.get("embedder")
    stats["sources"] = live.get("sources")
    if as_json:
        console.print_json(json.dumps(stats, ensure_ascii=False))
        return
    console.print(
        f"索引版本 {live['build_id']}（嵌入模型 {live.get('embedder')}），来源：{'、'.join(live.get('sources', [])) or '仅内置'}"
    )
    console.print(f"文档 {stats['documents']}，条文/段落 {stats['units']}，分块 {stats['chunks']}")
    for title, key in (("层级", "by_level"), ("效力", "by_validity"), ("类型", "by_type")):
        console.print(f"{title}：" + "，".join(f"{k} {v}" for k, v in stats[key].items()))
    laws = Table("法规", "层级", "版本日期", "效力", "条数")
    for row in sorted(store.laws(), key=lambda r: (r["is_case"], r["level"], r["law"])):
        if not row["is_case"]:
            laws.add_row(
                row["title"], row["level"], row["version_date"] or "", row["validity"], str(row["units"])
            )
    console.print(laws)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print("已中断")
        sys.exit(130)


if __name__ == "__main__":
    main()
