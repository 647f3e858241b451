"""`lawcloud eval retrieval`: Recall@k, MRR, nDCG and latency of a retriever on a JSONL dataset."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from eval.datasets import EvalItem
from eval.metrics import (
    all_gold_recall,
    first_hit_rank,
    macro_article_recall,
    mrr_at,
    ndcg_at,
    percentile,
    recall_at,
)

RankFn = Callable[[str], list[tuple[str, int, int]]]  # question → ranked (law, article, sub) keys
KS = (1, 3, 5, 10)


def fmt(value: float | None, digits: int = 3) -> str:
    """A metric for people: n/a when no item could be scored."""
    return "n/a" if value is None else f"{value:.{digits}f}"


@dataclass
class RetrievalReport:
    metrics: dict
    items: list[dict]
    missing_gold: list[dict]

    def to_markdown(self, title: str = "Retrieval evaluation") -> str:
        m = self.metrics
        lines = [
            f"# {title}",
            "",
            f"Items: {m['items']} (scored: {m['scored']}, gold not in index: {m['gold_missing']})",
            "",
        ]
        lines += ["| metric | value |", "|---|---|"]
        for key in [f"recall@{k}" for k in KS] + [
            "all_gold_recall@10",
            "mrr@10",
            "ndcg@10",
            "macro_article_recall@10",
            "latency_p50_ms",
            "latency_p95_ms",
        ]:
            lines.append(f"| {key} | {fmt(m[key], 1 if 'latency' in key else 3)} |")
        if m.get("by_topic"):
            lines += ["", "| topic | n | R@5 | R@10 | MRR@10 |", "|---|---|---|---|---|"]
            for topic, t in sorted(m["by_topic"].items()):
                lines.append(
                    f"| {topic} | {t['n']} | {t['recall@5']:.2f} | {t['recall@10']:.2f} | {t['mrr@10']:.2f} |"
                )
        misses = [i for i in self.items if i.get("rank") is None and i.get("scored")]
        if misses:
            lines += ["", f"## Misses at 10 ({len(misses)})", ""]
            lines += [
                f"- {i['id']} {i['question']} — gold {i['gold']}; top3 {i['top'][:3]}" for i in misses[:60]
            ]
        if self.missing_gold:
            lines += ["", "## Gold not in the index (not scored)", ""]
            lines += [f"- {i['id']}: {i['missing']}" for i in self.missing_gold]
        return "\n".join(lines) + "\n"


def evaluate_retrieval(
    items: list[EvalItem], rank: RankFn, in_index: Callable[[tuple], bool], k: int = 10
) -> RetrievalReport:
    rows: list[dict] = []
    missing_gold: list[dict] = []
    latencies: list[float] = []
    per_article: list[tuple[list[tuple], set[tuple]]] = []
    for item in items:
        gold = {g.key for g in item.gold}
        missing = sorted(g for g in gold if not in_index(g))
        if missing:
            missing_gold.append({"id": item.id, "missing": missing})
        present = gold - set(missing)
        started = time.perf_counter()
        ranked = rank(item.question)[: max(k, 10)]
        latencies.append((time.perf_counter() - started) * 1000)
        first = first_hit_rank(ranked, present) if present else None
        if present:
            per_article.append((ranked, present))
        rows.append(
            {
                "id": item.id,
                "question": item.question,
                "topic": item.topic,
                "scored": bool(present),
                "gold": [list(g) for g in sorted(gold)],
                "rank": first,
                "top": [list(r) for r in ranked[:k]],
                "all_gold@10": all_gold_recall(ranked, present, 10) if present else None,
                "ndcg@10": ndcg_at(ranked, present, 10) if present else None,
            }
        )
    scored = [r for r in rows if r["scored"]]

    def mean(values: list[float]) -> float | None:
        # No scored item (every gold missing from the index): not applicable, not 0.0.
        return sum(values) / len(values) if scored else None

    metrics: dict = {"items": len(rows), "scored": len(scored), "gold_missing": len(missing_gold), "k": k}
    for kk in KS:
        metrics[f"recall@{kk}"] = mean([recall_at(r["rank"], kk) for r in scored])
    metrics["all_gold_recall@10"] = mean([r["all_gold@10"] for r in scored])
    metrics["mrr@10"] = mean([mrr_at(r["rank"], 10) for r in scored])
    metrics["ndcg@10"] = mean([r["ndcg@10"] for r in scored])
    metrics["macro_article_recall@10"] = macro_article_recall(per_article, 10)
    metrics["latency_p50_ms"] = percentile(latencies, 50)
    metrics["latency_p95_ms"] = percentile(latencies, 95)
    by_topic: dict[str, dict] = {}
    for r in scored:
        t = by_topic.setdefault(r["topic"] or "-", {"n": 0, "recall@5": 0.0, "recall@10": 0.0, "mrr@10": 0.0})
        t["n"] += 1
        t["recall@5"] += recall_at(r["rank"], 5)
        t["recall@10"] += recall_at(r["rank"], 10)
        t["mrr@10"] += mrr_at(r["rank"], 10)
    for t in by_topic.values():
        for key in ("recall@5", "recall@10", "mrr@10"):
            t[key] /= t["n"]
    metrics["by_topic"] = by_topic
    return RetrievalReport(metrics, rows, missing_gold)


def write_report(report: RetrievalReport, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "metrics.json").write_text(
        json.dumps(report.metrics, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    with open(out / "items.jsonl", "w", encoding="utf-8") as handle:
        for row in report.items:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    (out / "report.md").write_text(report.to_markdown(), encoding="utf-8")
