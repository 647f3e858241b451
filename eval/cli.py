"""`lawcloud eval …` commands for evaluators."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

eval_app = typer.Typer(help="评测：检索与回答质量", no_args_is_help=True, rich_markup_mode=None)
console = Console(soft_wrap=True)
err = Console(stderr=True)


@eval_app.command("retrieval")
def eval_retrieval(
    dataset: Annotated[
        Path, typer.Option("--dataset", help="JSONL：每行 {id, question, gold:[{law, article, sub?}]}")
    ],
    k: Annotated[int, typer.Option("--k", help="评测的截断位置")] = 10,
    out: Annotated[
        Path | None, typer.Option("--out", help="报告目录（metrics.json、items.jsonl、report.md）")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="在终端输出 JSON 指标")] = False,
    retriever_name: Annotated[
        str,
        typer.Option(
            "--retriever",
            help="full（默认）| bm25 | dense | rrf | unlearned（不用学习所得的先验，在训练过的开发集上看知识改动时用）",
        ),
    ] = "full",
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="只评测数据集的前 N 题（快速检查）")
    ] = None,
) -> None:
    """检索评测：Recall@1/3/5/10、全部命中率、MRR@10、nDCG@10、延迟。"""
    from assistant.config import get_settings
    from assistant.runtime import open_runtime
    from eval.baselines import RANKERS
    from eval.datasets import DatasetError, load_dataset
    from eval.retrieval import evaluate_retrieval, fmt, write_report
    from ingest.index import NoLiveIndex

    if retriever_name not in RANKERS:
        err.print(f"[red]错误：[/]未知的检索器 {retriever_name}，可选 {', '.join(RANKERS)}")
        raise typer.Exit(2)
    try:
        items = load_dataset(dataset)[:limit]
    except DatasetError as exc:
        err.print(f"[red]错误：[/]{exc}")
        raise typer.Exit(2) from exc
    try:
        runtime = open_runtime(get_settings())
    except (NoLiveIndex, RuntimeError) as exc:
        err.print(f"[red]错误：[/]{exc}")
        raise typer.Exit(1) from exc
    retriever = runtime.retriever
    rank = RANKERS[retriever_name](retriever)
    report = evaluate_retrieval(items, rank, lambda key: retriever.has_article(*key), k=k)
    if out:
        write_report(report, out)
    m = report.metrics
    if as_json:
        console.print_json(json.dumps(m, ensure_ascii=False))
    else:
        console.print(
            f"{m['items']} 题（计分 {m['scored']}，金标不在索引中 {m['gold_missing']}）  "
            f"R@1 {fmt(m['recall@1'])}  R@3 {fmt(m['recall@3'])}  R@5 {fmt(m['recall@5'])}  R@10 {fmt(m['recall@10'])}  "
            f"全部命中@10 {fmt(m['all_gold_recall@10'])}  MRR@10 {fmt(m['mrr@10'])}  nDCG@10 {fmt(m['ndcg@10'])}  "
            f"延迟 p50 {m['latency_p50_ms']:.1f} ms / p95 {m['latency_p95_ms']:.1f} ms"
        )
        for missing in report.missing_gold:
            console.print(f"[yellow]金标不在索引中[/] {missing['id']}: {missing['missing']}")
        if out:
            console.print(f"报告已写入 {out}/report.md")


@eval_app.command("answers")
def eval_answers(
    dataset: Annotated[
        Path,
        typer.Option(
            "--dataset", help="JSONL：{id, question, gold?, key_points?, should_escalate?, turns?, topic?}"
        ),
    ],
    out: Annotated[
        Path, typer.Option("--out", help="报告目录：report.md、report.html、metrics.json、items.jsonl")
    ],
    mode: Annotated[str, typer.Option("--mode", help="offline（默认）或 llm")] = "offline",
    llm_base_url: Annotated[str | None, typer.Option("--llm-base-url", help="OpenAI 兼容接口地址")] = None,
    llm_model: Annotated[str | None, typer.Option("--llm-model", help="模型名")] = None,
    fresh: Annotated[bool, typer.Option("--fresh", help="不续跑，从头开始")] = False,
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="只评测数据集的前 N 题（快速检查）")
    ] = None,
    today: Annotated[
        str | None,
        typer.Option("--today", help="计算时效、年龄所用的“今天”（YYYY-MM-DD）；数据集按某一天写成时用"),
    ] = None,
) -> None:
    """回答评测：引用准确率/召回率、无效引用、要点覆盖、转人工准确率、延迟；中断后可续跑。"""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from assistant.answer.service import AnswerService
    from assistant.config import get_settings
    from assistant.runtime import open_runtime
    from eval.answers import dataset_fingerprint, fmt, run_answers, summarize, write_reports
    from eval.assistant_adapter import AssistantUnderTest
    from eval.datasets import DatasetError, load_dataset
    from ingest.index import NoLiveIndex

    if mode not in ("offline", "llm"):
        err.print("[red]错误：[/]--mode 只能是 offline 或 llm")
        raise typer.Exit(2)
    try:
        items = load_dataset(dataset)[:limit]
    except DatasetError as exc:
        err.print(f"[red]错误：[/]{exc}")
        raise typer.Exit(2) from exc
    overrides: dict[str, object] = {"answer_mode": mode}
    if today:
        try:
            overrides["reference_date"] = date.fromisoformat(today)
        except ValueError as exc:
            err.print(f"[red]错误：[/]--today 应为 YYYY-MM-DD，例如 2026-12-05（收到 {today!r}）")
            raise typer.Exit(2) from exc
    if llm_base_url:
        overrides["llm_base_url"] = llm_base_url
    if llm_model:
        overrides["llm_model"] = llm_model
    try:
        settings = get_settings().model_copy(update=overrides)
        if mode == "llm" and not settings.llm_base_url:
            raise ValueError("llm 模式需要 --llm-base-url 或 LAWCLOUD_LLM_BASE_URL")
        runtime = open_runtime(settings)
    except (NoLiveIndex, RuntimeError, ValueError) as exc:
        err.print(f"[red]错误：[/]{exc}")
        raise typer.Exit(1) from exc
    assistant = AssistantUnderTest(AnswerService(runtime.retriever, settings), runtime.retriever)
    interactive = err.is_terminal and os.environ.get("CI", "").lower() not in ("1", "true")
    with Progress(
        TextColumn("回答评测"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        disable=not interactive,
    ) as bar:
        task = bar.add_task("items", total=len(items))
        last = {"pct": -1}

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done)
            pct = 100 * done // total // 10 * 10
            if not interactive and pct != last["pct"]:
                last["pct"] = pct
                err.print(f"[回答评测] {done}/{total} ({pct}%)")

        rows = run_answers(
            items,
            assistant,
            out,
            # A limited run is its own run: resuming must not mix it with a full one in the same --out.
            dataset_id=dataset_fingerprint(dataset, mode + (f":limit={limit}" if limit else "")),
            fresh=fresh,
            progress=progress,
        )
    metrics = summarize(rows)
    subset = f", first {limit}" if limit else ""
    write_reports(rows, metrics, out, f"Answer evaluation: {dataset.name} ({mode}{subset})")
    e = metrics["escalation"]
    console.print(
        f"{metrics['items']} 题  引用准确率 {fmt(metrics['citation_precision'])}  引用召回率 {fmt(metrics['citation_recall'])}  "
        f"无效引用 {metrics['invalid_citations']}  要点覆盖 {fmt(metrics['key_point_coverage'])}  "
        f"转人工 P {fmt(e['precision'])} R {fmt(e['recall'])} F1 {fmt(e['f1'])} 误转 {fmt(e['false_positive_rate'])}  "
        f"危及生命召回 {fmt(metrics['danger_to_life_recall'])}  "
        f"延迟 p50 {metrics['latency_p50_ms']:.0f} ms / p95 {metrics['latency_p95_ms']:.0f} ms"
    )
    console.print(f"报告：{out}/report.md、{out}/report.html")


@eval_app.command("compare")
def eval_compare(
    run_a: Annotated[Path, typer.Argument(help="基线运行目录")],
    run_b: Annotated[Path, typer.Argument(help="新运行目录")],
    fail_on: Annotated[
        str | None, typer.Option("--fail-on", help="回退时以非零状态退出的指标，如 citation_recall")
    ] = None,
    threshold: Annotated[float, typer.Option("--threshold", help="允许的回退幅度")] = 0.0,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """比较两次回答评测：哪些题变好/变差，各项指标的变化。"""
    from eval.answers import compare_runs, regression

    for run in (run_a, run_b):
        if not (run / "metrics.json").exists() or not (run / "items.jsonl").exists():
            err.print(f"[red]错误：[/]{run} 不是评测输出目录（缺少 metrics.json 或 items.jsonl）")
            raise typer.Exit(2)
    comparison = compare_runs(run_a, run_b)
    if as_json:
        console.print_json(json.dumps(comparison, ensure_ascii=False))
    else:
        for name, d in sorted(comparison["deltas"].items()):
            console.print(f"{name:32s} {d['a']:.4f} → {d['b']:.4f}  ({d['delta']:+.4f})")
        console.print(f"变差 {len(comparison['worse'])} 题，变好 {len(comparison['better'])} 题")
        for row in comparison["worse"][:30]:
            console.print(f"[red]↓[/] {row['id']} {row['a']:.2f}→{row['b']:.2f} {row['question']}")
        for row in comparison["better"][:30]:
            console.print(f"[green]↑[/] {row['id']} {row['a']:.2f}→{row['b']:.2f} {row['question']}")
    if fail_on:
        try:
            worse_by = regression(comparison, fail_on, threshold)
        except KeyError:
            err.print(
                f"[red]错误：[/]没有可比较的指标 {fail_on}（不存在，或在其中一次运行中不适用 n/a）；"
                f"可用：{', '.join(sorted(comparison['deltas']))}"
            )
            raise typer.Exit(2) from None
        if worse_by is not None:
            err.print(f"[red]回退：[/]{fail_on} 变差 {worse_by:.4f}，超过阈值 {threshold}")
            raise typer.Exit(1)
