"""`lawcloud`: the one command-line entry point (ingest, show, corpus, search, ask, serve, eval …)."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import Annotated, Any

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
from assistant.tickets.cli import lawyer_app, tickets_app
from assistant.tools.cli import calc, data_app
from eval.cli import eval_app

app = typer.Typer(
    help="工会法务云 Union Legal Cloud — 劳动法律咨询助手",
    no_args_is_help=True,
    add_completion=False,
    # Plain help: rich's option table cuts long Chinese help text short with "…" (no spaces to wrap at).
    rich_markup_mode=None,
)
corpus_app = typer.Typer(help="查看已收录的语料", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(corpus_app, name="corpus")
app.add_typer(eval_app, name="eval")
app.add_typer(lawyer_app, name="lawyer")
app.add_typer(tickets_app, name="tickets")
app.add_typer(data_app, name="data")
app.command("calc", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})(calc)
console = Console(soft_wrap=True)
# soft_wrap: messages are not broken at 80 columns in the middle of a word or a command when stderr is
# not a terminal (a log, a pipe); a terminal wraps long lines itself.
err = Console(stderr=True, soft_wrap=True)

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
    remove: Annotated[
        list[Path] | None,
        typer.Option(
            "--remove", help="把这个文件或目录移出索引（可重复；文件不必还在）；再次导入该路径即恢复收录"
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出摘要")] = False,
    # `serve` builds the first index through this command before it starts: no restart hint there.
    restart_hint: Annotated[bool, typer.Option("--restart-hint/--no-restart-hint", hidden=True)] = True,
    # `make run` (scripts/run.sh) starts the server right after this command: telling that user to run
    # `lawcloud serve` would send them to start a second one.
    then_serve: Annotated[bool, typer.Option("--then-serve", hidden=True)] = False,
) -> None:
    """导入法规、司法解释与案例，建立（或增量更新）检索索引。"""
    from ingest.index import IngestBusy, read_live
    from ingest.load import InputError
    from ingest.metadata import MetadataError
    from ingest.pipeline import run_ingest
    from ingest.profiles import ProfileError

    settings = get_settings()
    first_build = read_live(settings.data_dir) is None
    progress = _RichProgress()
    try:
        report = run_ingest(
            settings,
            paths or [],
            profile=profile,
            builtin=not no_builtin,
            replace=replace,
            progress=progress,
            remove=remove or [],
        )
    except (InputError, ProfileError, IngestBusy, MetadataError) as exc:
        progress.close()
        _fail(str(exc))
        return
    progress.close()
    if as_json:
        console.print_json(json.dumps(report.as_dict(), ensure_ascii=False))
    else:
        _print_report(report)
    if restart_hint and not report.noop and report.build_id:
        # On stderr, which keeps --json output on stdout parseable. Before the first build no server
        # can be running (serve builds its index first), so there is nothing to switch.
        if then_serve:
            built = "索引" if first_build else "新索引"
            err.print(f"[bold]{built} {report.build_id} 已建好，问答服务接着自动启动[/]，不用另外运行命令。")
        elif first_build:
            err.print(
                f"[bold]索引 {report.build_id} 已建好。[/]运行 `lawcloud serve`（或 `make run`）启动问答服务。"
            )
        else:
            # A running API swaps the new build in by itself (it watches LIVE.json).
            err.print(
                f"[bold]新索引 {report.build_id} 已生效。[/]如果 `lawcloud serve` 正在运行，它会在几秒内自动换用"
                "新索引，无需重启（GET /readyz 返回的 build_id 即正在使用的索引）。"
            )
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
    for source in report.removed:
        console.print(f"[yellow]移出索引[/] {source}")
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


class _LawNames:
    """What RetrieverResolver reads of a retriever (the units' law names and the law-name matcher),
    without opening the embedder and the search indexes that `show` does not need."""

    def __init__(self, store: Any) -> None:
        from assistant.retrieval.knowledge import load_knowledge
        from assistant.retrieval.query import LawNameMatcher

        self.units = store.all_units()
        laws = sorted({u.law for u in self.units if not u.is_case})
        self.matcher = LawNameMatcher(laws, load_knowledge().aliases)


def _resolve_alias(store: Any, law: str) -> str | None:
    """A law name the store does not know by itself (工伤条例, 劳动法实施条例 …), resolved through the
    aliases exactly as search and citation checking resolve it; None when it is no known law."""
    from assistant.answer.sources import RetrieverResolver

    return RetrieverResolver(_LawNames(store)).resolve_law(law)  # type: ignore[arg-type]  # duck-typed


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
        try:
            unit = store.get_article(law, number, sub)
        except LawNotFound:
            alias = _resolve_alias(store, law)
            if alias is None:
                raise
            unit = store.get_article(alias, number, sub)
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
        + (f"　文号：{unit.document_number}" if unit.document_number else "")
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


def _open_runtime():  # noqa: ANN202 - Runtime, imported lazily (torch, chroma) to keep `--help` fast
    from assistant.runtime import open_runtime
    from ingest.index import NoLiveIndex

    try:
        return open_runtime(get_settings())
    except NoLiveIndex as exc:
        _fail(f"{exc}（或用 `make run` 一步完成安装、建索引与启动服务）")
    except RuntimeError as exc:
        _fail(str(exc))


def _check_question(question: str) -> str:
    question = question.strip()
    limit = get_settings().max_question_chars
    if not question:
        _fail("问题不能为空", 2)
    if len(question) > limit:
        _fail(f"问题太长了（{len(question)} 字），请控制在 {limit} 字以内", 2)
    return question


@app.command()
def search(
    question: Annotated[str, typer.Argument(help="问题或关键词，如 “老板拖欠工资三个月了”")],
    k: Annotated[int, typer.Option("--k", min=1, max=50, help="返回条数")] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出")] = False,
) -> None:
    """只检索条文：按相关度列出条文、得分与匹配原因。"""
    question = _check_question(question)
    runtime = _open_runtime()
    result = runtime.retriever.search(question, k=k)
    u = result.understanding
    if as_json:
        hits = [
            {
                "rank": i + 1,
                "score": round(h.score, 4),
                "citation": h.unit.citation,
                "law": h.unit.law,
                "label": h.unit.label,
                "article": h.unit.article_no,
                "validity": h.unit.validity,
                "version_date": h.unit.version_date,
                "reasons": h.reasons,
                "text": h.unit.text,
            }
            for i, h in enumerate(result.hits)
        ]
        data = {"query": question, "topics": u.topic_names, "laws_mentioned": u.laws_mentioned, "hits": hits}
        console.print_json(json.dumps(data, ensure_ascii=False))
        return
    if u.topics or u.laws_mentioned:
        console.print(
            "[dim]"
            + "　".join(
                part
                for part in (
                    f"问题类型：{'、'.join(u.topic_names)}" if u.topics else "",
                    f"提到的法规：{'、'.join(u.laws_mentioned)}" if u.laws_mentioned else "",
                )
                if part
            )
            + "[/]"
        )
    # One block per hit rather than a table: citations are long and terminals are narrow.
    for i, hit in enumerate(result.hits, 1):
        unit = hit.unit
        status = "" if unit.in_force else f"（{unit.validity}）"
        console.print(f"[bold]{i}. {unit.citation}[/]{status}　得分 {hit.score:.3f}", highlight=False)
        console.print(f"   [dim]原因：{'；'.join(hit.reasons)}[/]", highlight=False)
        text = unit.text.replace("\n", " ")
        console.print(f"   {text[:80]}{'……' if len(text) > 80 else ''}", markup=False, highlight=False)
    console.print(f"[dim]用时 {result.timings_ms.get('total', 0):.0f} 毫秒[/]")


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="用自己的话描述问题，如 “公司不给我签劳动合同怎么办”")],
    as_json: Annotated[
        bool, typer.Option("--json", help="以 JSON 输出（与 POST /v1/chat 相同的字段）")
    ] = False,
) -> None:
    """提问：给出有法条依据的回答（引用经过核实；与 API 的回答相同）。"""
    from rich.markdown import Markdown

    from assistant.answer import AnswerService

    question = _check_question(question)
    runtime = _open_runtime()
    answer = AnswerService(runtime.retriever, get_settings()).ask(question)
    if as_json:
        console.print_json(json.dumps(answer.as_dict(), ensure_ascii=False))
        return
    if console.is_terminal:
        console.print(Markdown(answer.text))
    else:
        console.print(answer.text, markup=False, highlight=False)
    level = {"high": "高", "medium": "中", "low": "低"}[answer.confidence.level]
    mode = "大模型" if answer.mode == "llm" else "离线整理"
    footer = f"可信度：{level}　生成方式：{mode}" + (
        f"（大模型不可用：{answer.fallback_reason}）" if answer.fallback_reason else ""
    )
    if answer.escalation.suggested:
        footer += "　建议转工会律师：" + "；".join(answer.escalation.reasons)
    err.print(f"[dim]{footer}[/]")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="监听地址")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="端口")] = 8000,
) -> None:
    """启动问答 API 服务（/docs 有接口文档）；还没有索引时先建立默认索引。"""
    import logging
    import subprocess

    import uvicorn

    from assistant.privacy import install_log_redaction
    from ingest.index import read_live

    settings = get_settings()
    if read_live(settings.data_dir) is None:
        err.print("[bold]还没有索引，先建立默认索引[/]（首次约 6 分钟，之后启动只需几秒）")
        # A separate process: ingest runs the embedder on every core, the server on one thread per
        # query, and the embedding engine's thread count is fixed once per process.
        built = subprocess.run(
            [sys.executable, "-m", "assistant.cli", "ingest", "--no-restart-hint"], check=False
        )
        if read_live(settings.data_dir) is None:
            _fail("建立索引失败，请查看上面的信息后重试", built.returncode or 1)
    from api.main import create_app

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s", force=True
    )
    install_log_redaction()
    err.print(f"服务地址 http://{host}:{port}　接口文档 http://{host}:{port}/docs")
    # proxy_headers=False: uvicorn would otherwise believe X-Forwarded-For from 127.0.0.1; the app
    # reads it only from the proxies listed in settings.trusted_proxies.
    uvicorn.run(create_app(settings), host=host, port=port, timeout_graceful_shutdown=10, proxy_headers=False)


DURATION_UNITS = {"d": 86400, "h": 3600, "m": 60, "w": 7 * 86400}


def parse_duration(text: str) -> float:
    """'90d', '12h', '30m', '2w' → seconds. Raises ValueError with a message for people."""
    value = text.strip().lower()
    number, unit = value[:-1], value[-1:]
    if unit not in DURATION_UNITS or not number.isdigit() or int(number) <= 0:
        raise ValueError(
            f"无法识别的时长 {text!r}：请写成正整数加单位，例如 90d（天）、12h（小时）、2w（周）、30m（分钟）"
        )
    return int(number) * DURATION_UNITS[unit]


@app.command()
def purge(
    older_than: Annotated[str, typer.Option("--older-than", help="删除多久以前的数据，例如 90d")],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="只统计，不删除")] = False,
) -> None:
    """按保存期限删除：超过期限未活动的对话，以及关闭时间超过期限的工单（未关闭的工单保留）。"""
    from datetime import UTC, datetime, timedelta
    from zoneinfo import ZoneInfo

    from assistant.conversations import ConversationStore
    from assistant.tickets.deadlines import Deadlines, local_time
    from assistant.tickets.store import TicketStore

    try:
        seconds = parse_duration(older_than)
    except ValueError as exc:
        _fail(str(exc), 2)
    settings = get_settings()
    before = datetime.now(UTC) - timedelta(seconds=seconds)
    conversations = ConversationStore(settings.db_url)
    tickets = TicketStore(settings.tickets_db_url, Deadlines.from_settings(settings))
    try:
        n_conv = conversations.purge(before, dry_run=dry_run)
        n_tickets = tickets.purge_closed(before, dry_run=dry_run)
    finally:
        conversations.close()
        tickets.close()
    verb = "将删除" if dry_run else "已删除"
    console.print(
        f"{verb} {n_conv} 个对话、{n_tickets} 个已关闭的工单（{local_time(before, ZoneInfo(settings.service_timezone), year=True)}之前）"
    )


def _setting_problem(error: Any) -> str:
    """One settings problem, named by its environment variable when it belongs to one setting."""
    message = str(error.get("msg", "")).removeprefix("Value error, ")
    field = error.get("loc") or ()
    return f"LAWCLOUD_{str(field[0]).upper()}：{message}" if field else message


_CLICK_PHRASES = (
    # click's own English for the slips a newcomer makes, in Chinese (the rest of the CLI speaks it).
    (re.compile(r"No such command '(.+)'\."), "没有这个命令：{0}"),
    (
        re.compile(r"Got unexpected extra argument(?:s|\(s\))? \((.+)\)"),
        "多出来的参数：{0}（一句话里有空格的，请整句加引号）",
    ),
    (re.compile(r"Input should be a valid integer.*"), "应为整数"),
    (re.compile(r"Input should be greater than or equal to (\S+)"), "不能小于 {0}"),
    (re.compile(r"Input should be less than or equal to (\S+)"), "不能大于 {0}"),
)


def _chinese(message: str) -> str:
    for pattern, text in _CLICK_PHRASES:
        if m := pattern.search(message):
            return text.format(*m.groups())
    return message


def _click_errors() -> Any:  # noqa: ANN401 - a module
    """click's exception classes: recent typer carries its own copy of click, older typer uses click."""
    try:
        from typer._click import exceptions
    except ImportError:  # typer before it vendored click
        from click import exceptions
    return exceptions


def _usage_problem(exc: Any) -> str:  # noqa: ANN401 - click.UsageError, imported lazily
    """A command-line slip (a missing argument, an unknown option …) in Chinese, with the usage line and
    where the help is, instead of click's English."""
    click = _click_errors()
    param = getattr(exc, "param", None)
    name = (param.opts[0] if param.param_type_name == "option" else param.name) if param is not None else ""
    if isinstance(exc, click.MissingParameter):
        problem = f"缺少参数 {name}"
    elif isinstance(exc, click.NoSuchOption):
        problem = f"没有这个选项：{exc.option_name}"
        if exc.possibilities:
            problem += f"（是不是 {'、'.join(sorted(exc.possibilities))}？）"
    elif isinstance(exc, click.BadParameter):
        problem = f"参数 {name} 的值不对：{_chinese(exc.message)}"
    else:
        problem = _chinese(exc.message)
    ctx = exc.ctx
    lines = [f"错误：{problem}"]
    if ctx is not None:
        lines.append("用法：" + ctx.get_usage().removeprefix("Usage:").strip())
        lines.append(f"查看说明：{ctx.command_path} --help")
    return "\n".join(lines)


def _run() -> int:
    """The app, with click's usage errors said in Chinese; the exit code of the command."""
    click = _click_errors()
    try:
        code = app(standalone_mode=False, prog_name="lawcloud")
    except getattr(click, "NoArgsIsHelpError", ()) as exc:
        exc.show()  # `lawcloud` alone, `lawcloud corpus`: the help is the answer
        return exc.exit_code
    except click.UsageError as exc:
        err.print(_usage_problem(exc), markup=False, highlight=False)
        return exc.exit_code
    except click.ClickException as exc:
        err.print(f"错误：{_chinese(exc.format_message())}", markup=False, highlight=False)
        return exc.exit_code
    except typer.Abort:
        err.print("已中断")
        return 1
    return code if isinstance(code, int) else 0


def main() -> None:
    import logging

    from pydantic import ValidationError

    from assistant.privacy import install_log_redaction

    # Warnings and errors of every command go through the redacting filter (serve reconfigures).
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    install_log_redaction()
    try:
        code = _run()
    except ValidationError as exc:
        # Settings that refuse to start (production with placeholder secrets, bad values): one line
        # per problem, no traceback.
        problems = "；".join(_setting_problem(e) for e in exc.errors())
        err.print(f"[bold red]配置错误：[/]{problems}")
        sys.exit(2)
    except KeyboardInterrupt:
        err.print("已中断")
        sys.exit(130)
    sys.exit(code)


if __name__ == "__main__":
    main()
