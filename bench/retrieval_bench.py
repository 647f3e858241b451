"""Retrieval benchmark: BM25-only, dense-only, RRF fusion and the full pipeline side by side on the
team's dev set, in one run over the same live index, plus warm latency of the full pipeline.

    LAWCLOUD_DATA_DIR=data python bench/retrieval_bench.py [--dataset eval/datasets/retrieval_dev.jsonl]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def main() -> None:
    from assistant.config import get_settings
    from assistant.runtime import open_runtime
    from eval.baselines import RANKERS
    from eval.datasets import load_dataset
    from eval.metrics import percentile
    from eval.retrieval import evaluate_retrieval

    parser = argparse.ArgumentParser()
    parser.add_argument("--dataset", default=str(REPO / "eval" / "datasets" / "retrieval_dev.jsonl"))
    parser.add_argument("--out", default=str(REPO / "bench" / "results" / "retrieval.json"))
    args = parser.parse_args()

    runtime = open_runtime(get_settings())
    retriever = runtime.retriever
    items = load_dataset(Path(args.dataset))
    rows = {}
    for name, make in RANKERS.items():
        report = evaluate_retrieval(items, make(retriever), lambda key: retriever.has_article(*key))
        rows[name] = {k: v for k, v in report.metrics.items() if k != "by_topic"}
    # Warm latency of the full pipeline (query embedding included), three passes over the set.
    latencies = []
    for _ in range(3):
        for item in items:
            started = time.perf_counter()
            retriever.search(item.question, k=10)
            latencies.append((time.perf_counter() - started) * 1000)
    direct = [i for i in items if i.topic == "直接查条文"]
    exact = sum(
        1
        for i in direct
        if (hits := retriever.search(i.question, k=1).hits)
        and (hits[0].unit.law, hits[0].unit.article_no, hits[0].unit.sub or 0) in {g.key for g in i.gold}
    )
    result = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}",
        "command": "python " + " ".join(sys.argv),
        "dataset": args.dataset,
        "index": {
            "build_id": runtime.index.manifest["build_id"],
            "units": len(retriever.units),
            "embedder": runtime.index.manifest["embedder"],
        },
        "rankers": rows,
        "full_latency_ms": {
            "p50": round(percentile(latencies, 50), 1),
            "p95": round(percentile(latencies, 95), 1),
            "n": len(latencies),
        },
        "direct_lookup_exact": f"{exact}/{len(direct)}",
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    print("| retriever | R@1 | R@3 | R@5 | R@10 | all-gold R@10 | MRR@10 | nDCG@10 |")
    print("|---|---|---|---|---|---|---|---|")
    for name, m in rows.items():
        print(
            f"| {name} | {m['recall@1']:.3f} | {m['recall@3']:.3f} | {m['recall@5']:.3f} | {m['recall@10']:.3f} | "
            f"{m['all_gold_recall@10']:.3f} | {m['mrr@10']:.3f} | {m['ndcg@10']:.3f} |"
        )
    print(
        json.dumps(
            {k: result[k] for k in ("full_latency_ms", "direct_lookup_exact", "index")}, ensure_ascii=False
        )
    )


if __name__ == "__main__":
    main()
