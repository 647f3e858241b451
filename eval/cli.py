"""`lawcloud eval …` commands for evaluators."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

eval_app = typer.Typer(help="评测：检索与回答质量", no_args_is_help=True)
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
        str, typer.Option("--retriever", help="full（默认）| bm25 | dense | rrf")
    ] = "full",
) -> None:
    """检索评测：Recall@1/3/5/10、全部命中率、MRR@10、nDCG@10、延迟。"""
    from assistant.config import get_settings
    from assistant.runtime import open_runtime
    from eval.baselines import RANKERS
    from eval.datasets import DatasetError, load_dataset
    from eval.retrieval import evaluate_retrieval, write_report
    from ingest.index import NoLiveIndex

    if retriever_name not in RANKERS:
        err.print(f"[red]错误：[/]未知的检索器 {retriever_name}，可选 {', '.join(RANKERS)}")
        raise typer.Exit(2)
    try:
        items = load_dataset(dataset)
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
            f"R@1 {m['recall@1']:.3f}  R@3 {m['recall@3']:.3f}  R@5 {m['recall@5']:.3f}  R@10 {m['recall@10']:.3f}  "
            f"全部命中@10 {m['all_gold_recall@10']:.3f}  MRR@10 {m['mrr@10']:.3f}  nDCG@10 {m['ndcg@10']:.3f}  "
            f"延迟 p50 {m['latency_p50_ms']:.1f} ms / p95 {m['latency_p95_ms']:.1f} ms"
        )
        for missing in report.missing_gold:
            console.print(f"[yellow]金标不在索引中[/] {missing['id']}: {missing['missing']}")
        if out:
            console.print(f"报告已写入 {out}/report.md")
