"""`lawcloud eval answers`: run the whole assistant on a QA dataset and report citation, key-point,
escalation and latency metrics (report.md, report.html with plots, metrics.json, items.jsonl).

A run writes one line per finished item to items.jsonl as it goes, so an interrupted run resumes
where it stopped (same dataset and mode); `compare` diffs two runs.
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import json
import math
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from eval.answer_metrics import (
    Key,
    binary_scores,
    citation_scores,
    key_point_coverage,
    key_point_present,
    recall_curve,
)
from eval.consult_metrics import (
    figures,
    key_points_own,
    opening_form_ok,
    safety_first_ok,
    verdict_of,
)
from eval.datasets import EvalItem
from eval.metrics import first_hit_rank, percentile


@dataclass
class AnswerRecord:
    """What the assistant produced for the last turn of one item."""

    answer: str
    citations: list[Key]
    retrieved: list[Key]
    escalate: bool
    escalation_reasons: list[str] = field(default_factory=list)
    confidence: str = ""
    mode: str = "offline"
    seconds: float = 0.0
    invalid_citations: list[str] = field(default_factory=list)
    quantities: dict = field(default_factory=dict)  # the named quantities the answer computed (tools)
    facts: dict = field(default_factory=dict)  # the worker's facts the answer read
    selected: list[str] = field(default_factory=list)  # the guide answers that spoke ("guide/answer")


AnswerFn = Callable[[list[str], str], AnswerRecord]  # (earlier turns, question) → record
Progress = Callable[[int, int], None]


def dataset_fingerprint(path: Path, mode: str) -> str:
    return hashlib.sha256(path.read_bytes() + mode.encode()).hexdigest()[:16]


def score_item(item: EvalItem, record: AnswerRecord) -> dict:
    raw = item.raw
    gold = [g.key for g in item.gold]
    row: dict = {
        "id": item.id,
        "question": item.question,
        "turns": raw.get("turns", []),
        "topic": item.topic or "-",
        "answer": record.answer,
        "citations": [list(c) for c in record.citations],
        "retrieved": [list(r) for r in record.retrieved],
        "gold": [list(g) for g in gold],
        "escalate": record.escalate,
        "escalation_reasons": record.escalation_reasons,
        "confidence": record.confidence,
        "mode": record.mode,
        "seconds": round(record.seconds, 4),
        "invalid_citations": record.invalid_citations,
    }
    if gold:
        precision, recall, hit = citation_scores(record.citations, gold)
        row.update(
            citation_precision=precision,
            citation_recall=recall,
            citation_hit=hit,
            retrieval_rank=first_hit_rank(record.retrieved, set(gold)),
        )
    key_points = raw.get("key_points") or []
    if key_points:
        row["key_points"] = {k: key_point_present(k, record.answer) for k in key_points}
        row["key_point_coverage"] = key_point_coverage(key_points, record.answer)
        own = key_points_own(key_points, record.answer)
        row["key_points_own"] = own
        row["key_point_coverage_own"] = sum(own.values()) / len(own)
    if "should_escalate" in raw:
        row["should_escalate"] = bool(raw["should_escalate"])
        row["danger_to_life"] = bool(raw.get("danger_to_life", False))
    row["facts"] = record.facts
    row["selected"] = record.selected
    row["quantities"] = record.quantities
    # Consultation (issue 13): the opening's form, the verdict, the figures, safety first.
    if raw.get("answer_kind"):
        row["answer_kind"] = raw["answer_kind"]
        row["opening_form_ok"] = opening_form_ok(record.answer, raw["answer_kind"])
    expected = raw.get("expected") or {}
    checks: list[bool] = []
    if "verdict" in expected:
        said = verdict_of(record.answer, item.question)
        row["verdict"] = {
            "expected": expected["verdict"],
            "said": said,
            "correct": said == expected["verdict"],
        }
        checks.append(said == expected["verdict"])
    numbers = figures(expected, record.quantities, record.answer)
    if numbers:
        row["figures"] = numbers
        checks += [f["correct"] for f in numbers.values()]
    if checks:
        # A conclusion is correct when every expected quantity and the verdict are right and the
        # key points are said in the answer's own words.
        own_ok = row.get("key_point_coverage_own", 1.0) == 1.0
        row["conclusion_correct"] = all(checks) and own_ok
    if "safety_first" in raw:
        row["safety_first"] = bool(raw["safety_first"])
        if raw["safety_first"]:
            row["safety_first_ok"] = safety_first_ok(record.answer)
    return row


def run_answers(
    items: list[EvalItem],
    answer: AnswerFn,
    out: Path,
    *,
    dataset_id: str,
    fresh: bool = False,
    progress: Progress | None = None,
) -> list[dict]:
    out.mkdir(parents=True, exist_ok=True)
    items_path, state_path = out / "items.jsonl", out / "run.json"
    done: dict[str, dict] = {}
    if not fresh and items_path.exists() and state_path.exists():
        if json.loads(state_path.read_text(encoding="utf-8")).get("dataset_id") == dataset_id:
            for line in items_path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    done[row["id"]] = row
    if not done:
        items_path.write_text("", encoding="utf-8")
    state_path.write_text(json.dumps({"dataset_id": dataset_id, "started": time.time()}), encoding="utf-8")
    with open(items_path, "a", encoding="utf-8") as handle:
        for index, item in enumerate(items, start=1):
            if item.id not in done:
                record = answer(list(item.raw.get("turns") or []), item.question)
                row = score_item(item, record)
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
                handle.flush()  # a killed run keeps every finished item
                done[item.id] = row
            if progress:
                progress(index, len(items))
    return [done[i.id] for i in items]


def mean(values: list[float]) -> float | None:
    """None when nothing was measured: a metric over zero items is not applicable, not 0.0."""
    return sum(values) / len(values) if values else None


def summarize(rows: list[dict]) -> dict:

    with_gold = [r for r in rows if r.get("gold")]
    precisions = [r["citation_precision"] for r in with_gold if r.get("citation_precision") is not None]
    kp = [r for r in rows if "key_point_coverage" in r]
    esc = [r for r in rows if "should_escalate" in r]
    danger = [r for r in esc if r.get("danger_to_life")]
    latencies = [r["seconds"] * 1000 for r in rows]
    ranks = [r.get("retrieval_rank") for r in with_gold]
    metrics: dict = {
        "items": len(rows),
        "coverage": {
            "citations": len(with_gold),
            "key_points": len(kp),
            "escalation": len(esc),
            "danger_to_life": len(danger),
        },
        "citation_precision": mean(precisions),
        "citation_recall": mean([r["citation_recall"] for r in with_gold]),
        "answers_with_correct_citation": mean([1.0 if r["citation_hit"] else 0.0 for r in with_gold]),
        "invalid_citations": sum(len(r["invalid_citations"]) for r in rows),
        "key_point_coverage": mean([r["key_point_coverage"] for r in kp]),
        "retrieval_recall_curve": recall_curve(ranks),
        "latency_p50_ms": percentile(latencies, 50),
        "latency_p95_ms": percentile(latencies, 95),
    }
    # Always present, so that a subset without escalation labels reads "n/a" rather than vanishing.
    kinds = [r for r in rows if "opening_form_ok" in r]
    judged = [r for r in rows if "conclusion_correct" in r]
    figure_rows = [f for r in rows for f in (r.get("figures") or {}).values()]
    verdicts = [r["verdict"] for r in rows if "verdict" in r]
    safety = [r for r in rows if r.get("safety_first")]
    metrics["consultation"] = {
        "items_with_kind": len(kinds),
        "opening_form": mean([1.0 if r["opening_form_ok"] else 0.0 for r in kinds]),
        "opening_form_by_kind": {
            kind: mean([1.0 if r["opening_form_ok"] else 0.0 for r in kinds if r["answer_kind"] == kind])
            for kind in ("verdict", "figure", "action")
        },
        "items_judged": len(judged),
        "conclusion_correct": mean([1.0 if r["conclusion_correct"] else 0.0 for r in judged]),
        "verdicts_correct": mean([1.0 if v["correct"] else 0.0 for v in verdicts]),
        "figures_expected": len(figure_rows),
        "figures_correct": mean([1.0 if f["correct"] else 0.0 for f in figure_rows]),
        "figures_written": mean([1.0 if f["written"] else 0.0 for f in figure_rows]),
        "key_point_coverage_own": mean([r["key_point_coverage_own"] for r in kp]),
        "safety_first_items": len(safety),
        "safety_first": mean([1.0 if r.get("safety_first_ok") else 0.0 for r in safety]),
    }
    metrics["escalation"] = binary_scores([(r["should_escalate"], r["escalate"]) for r in esc])
    metrics["danger_to_life_recall"] = mean([1.0 if r["escalate"] else 0.0 for r in danger])
    by_topic: dict[str, dict] = {}
    for r in rows:
        t = by_topic.setdefault(
            r["topic"], {"n": 0, "citation_recall": [], "key_point_coverage": [], "escalation_correct": []}
        )
        t["n"] += 1
        if r.get("gold"):
            t["citation_recall"].append(r["citation_recall"])
        if "key_point_coverage" in r:
            t["key_point_coverage"].append(r["key_point_coverage"])
        if "should_escalate" in r:
            t["escalation_correct"].append(1.0 if r["should_escalate"] == r["escalate"] else 0.0)
    metrics["by_topic"] = {
        topic: {"n": t["n"], **{k: mean(v) for k, v in t.items() if k != "n"}}
        for topic, t in sorted(by_topic.items())
    }
    return metrics


# --- reports --------------------------------------------------------------------------------------


def _plots(rows: list[dict], metrics: dict) -> dict[str, str]:
    """PNG plots as base64 strings, made with matplotlib's non-interactive backend."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["font.sans-serif"] = ["Noto Sans CJK SC", "WenQuanYi Zen Hei", "DejaVu Sans"]
    images: dict[str, str] = {}

    def save(name: str, fig) -> None:  # noqa: ANN001 - a matplotlib Figure
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=90, bbox_inches="tight")
        plt.close(fig)
        images[name] = base64.b64encode(buffer.getvalue()).decode()

    curve = metrics["retrieval_recall_curve"]
    fig, ax = plt.subplots(figsize=(5, 3))
    ax.plot(range(1, len(curve) + 1), curve, marker="o")
    ax.set(xlabel="k", ylabel="recall@k", ylim=(0, 1), title="Retrieval recall@k (first gold)")
    save("recall_at_k", fig)

    topics = metrics["by_topic"]
    fig, ax = plt.subplots(figsize=(7, max(3, 0.28 * len(topics))))
    names = list(topics)

    def bars(metric: str) -> list[float]:
        # Not applicable (None) draws no bar rather than a bar at zero.
        return [math.nan if topics[t][metric] is None else topics[t][metric] for t in names]

    ax.barh(range(len(names)), bars("citation_recall"), label="citation recall")
    ax.barh(range(len(names)), bars("key_point_coverage"), alpha=0.5, label="key points")
    ax.set_yticks(
        range(len(names)), [f"topic {i + 1}" if not n.isascii() else n for i, n in enumerate(names)]
    )
    ax.set(xlim=(0, 1), title="Per topic (see table for names)")
    ax.legend(loc="lower right")
    save("per_topic", fig)

    fig, ax = plt.subplots(figsize=(5, 3))
    ax.hist([r["seconds"] * 1000 for r in rows], bins=30)
    ax.set(xlabel="ms", ylabel="items", title="Answer latency")
    save("latency", fig)

    if metrics["coverage"]["escalation"]:
        e = metrics["escalation"]
        fig, ax = plt.subplots(figsize=(3.6, 3.2))
        grid = [[e["tn"], e["fp"]], [e["fn"], e["tp"]]]
        ax.imshow(grid, cmap="Blues")
        for i in range(2):
            for j in range(2):
                ax.text(j, i, str(grid[i][j]), ha="center", va="center", fontsize=14)
        ax.set_xticks([0, 1], ["no", "escalate"])
        ax.set_yticks([0, 1], ["no", "must"])
        ax.set(xlabel="predicted", ylabel="expected", title="Escalation")
        save("escalation_confusion", fig)
    return images


NOT_APPLICABLE = "n/a"


def fmt(value: object, digits: int = 3) -> str:
    """A metric for people: n/a when it could not be measured (no item covered it)."""
    if value is None:
        return NOT_APPLICABLE
    return f"{value:.{digits}f}" if isinstance(value, float) else str(value)


def _headline(metrics: dict) -> list[tuple[str, str]]:
    rows = [
        ("citation precision", fmt(metrics["citation_precision"])),
        ("citation recall", fmt(metrics["citation_recall"])),
        ("answers with ≥1 correct citation", fmt(metrics["answers_with_correct_citation"])),
        ("invalid citations shown", fmt(metrics["invalid_citations"])),
        ("key-point coverage", fmt(metrics["key_point_coverage"])),
    ]
    c = metrics.get("consultation")
    if c:
        rows += [
            ("key points in the answer's own words", fmt(c["key_point_coverage_own"])),
            (f"opens with the right form ({c['items_with_kind']} items)", fmt(c["opening_form"])),
            (f"conclusion correct ({c['items_judged']} items)", fmt(c["conclusion_correct"])),
            ("verdicts correct", fmt(c["verdicts_correct"])),
            (f"figures computed right ({c['figures_expected']})", fmt(c["figures_correct"])),
            ("figures written in the answer", fmt(c["figures_written"])),
            (f"safety first ({c['safety_first_items']} items)", fmt(c["safety_first"])),
        ]
    if "escalation" in metrics:
        e = metrics["escalation"]
        rows += [
            ("escalation precision", fmt(e["precision"])),
            ("escalation recall", fmt(e["recall"])),
            ("escalation F1", fmt(e["f1"])),
            ("false escalations (share of must-not)", fmt(e["false_positive_rate"])),
            ("danger-to-life recall", fmt(metrics["danger_to_life_recall"])),
        ]
    rows += [
        (
            "latency p50 / p95 (ms)",
            f"{fmt(metrics['latency_p50_ms'], 0)} / {fmt(metrics['latency_p95_ms'], 0)}",
        )
    ]
    return rows


def write_reports(rows: list[dict], metrics: dict, out: Path, title: str) -> None:
    (out / "metrics.json").write_text(json.dumps(metrics, ensure_ascii=False, indent=2), encoding="utf-8")
    cov = metrics["coverage"]
    md = [
        f"# {title}",
        "",
        f"Items: {metrics['items']}; metrics cover — citations: {cov['citations']}, "
        f"key points: {cov['key_points']}, escalation: {cov['escalation']}, danger-to-life: {cov['danger_to_life']}",
        "",
        "| metric | value |",
        "|---|---|",
    ]
    md += [f"| {name} | {value} |" for name, value in _headline(metrics)]
    md += ["", "| topic | n | citation recall | key points | escalation correct |", "|---|---|---|---|---|"]
    md += [
        f"| {t} | {v['n']} | {fmt(v['citation_recall'], 2)} | {fmt(v['key_point_coverage'], 2)} | {fmt(v['escalation_correct'], 2)} |"
        for t, v in metrics["by_topic"].items()
    ]
    failures = [r for r in rows if r.get("gold") and not r.get("citation_hit")]
    missed = [r for r in rows if r.get("should_escalate") and not r["escalate"]]
    false_esc = [r for r in rows if "should_escalate" in r and not r["should_escalate"] and r["escalate"]]
    for heading, group in (
        ("Answers without a correct citation", failures),
        ("Missed escalations", missed),
        ("False escalations", false_esc),
    ):
        if group:
            md += ["", f"## {heading} ({len(group)})", ""]
            md += [
                f"- {r['id']} {r['question']} — cited {r['citations'][:4]}, gold {r['gold'][:4]}, reasons {r['escalation_reasons']}"
                for r in group[:80]
            ]
    (out / "report.md").write_text("\n".join(md) + "\n", encoding="utf-8")

    images = _plots(rows, metrics)
    table = "".join(
        f"<tr><td>{html.escape(n)}</td><td>{html.escape(v)}</td></tr>" for n, v in _headline(metrics)
    )
    topics = "".join(
        f"<tr><td>{i + 1}</td><td>{html.escape(t)}</td><td>{v['n']}</td><td>{fmt(v['citation_recall'], 2)}</td>"
        f"<td>{fmt(v['key_point_coverage'], 2)}</td><td>{fmt(v['escalation_correct'], 2)}</td></tr>"
        for i, (t, v) in enumerate(metrics["by_topic"].items())
    )
    figures = "".join(
        f'<figure><img alt="{name}" src="data:image/png;base64,{data}"><figcaption>{name}</figcaption></figure>'
        for name, data in images.items()
    )
    page = f"""<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>body{{font-family:sans-serif;max-width:980px;margin:2em auto;padding:0 1em}}table{{border-collapse:collapse}}
td,th{{border:1px solid #ccc;padding:4px 8px}}figure{{display:inline-block;margin:8px}}</style></head><body>
<h1>{html.escape(title)}</h1><p>Items: {metrics["items"]}</p><table>{table}</table>{figures}
<h2>Per topic</h2><table><tr><th>#</th><th>topic</th><th>n</th><th>citation recall</th><th>key points</th><th>escalation correct</th></tr>{topics}</table>
</body></html>"""
    (out / "report.html").write_text(page, encoding="utf-8")


# --- compare --------------------------------------------------------------------------------------


def item_score(row: dict) -> float:
    parts = []
    if row.get("gold"):
        parts.append(row.get("citation_recall", 0.0))
    if "key_point_coverage" in row:
        parts.append(row["key_point_coverage"])
    if "should_escalate" in row:
        parts.append(1.0 if row["should_escalate"] == row["escalate"] else 0.0)
    return sum(parts) / len(parts) if parts else 0.0


HIGHER_IS_BETTER = {
    "citation_precision": True,
    "citation_recall": True,
    "answers_with_correct_citation": True,
    "key_point_coverage": True,
    "invalid_citations": False,
    "latency_p95_ms": False,
    "escalation_recall": True,
    "escalation_precision": True,
    "danger_to_life_recall": True,
}


def flat_metrics(metrics: dict) -> dict[str, float]:
    """The comparable headline metrics; a not-applicable one (None) is left out, so compare never
    reads it as a drop to zero."""
    flat = {k: float(v) for k, v in metrics.items() if isinstance(v, int | float) and not isinstance(v, bool)}
    escalation = metrics.get("escalation") or {}
    for name in ("recall", "precision"):
        if escalation.get(name) is not None:
            flat[f"escalation_{name}"] = escalation[name]
    if metrics.get("danger_to_life_recall") is not None:
        flat["danger_to_life_recall"] = metrics["danger_to_life_recall"]
    return flat


def compare_runs(run_a: Path, run_b: Path) -> dict:
    def load(run: Path) -> tuple[dict, dict[str, dict]]:
        metrics = json.loads((run / "metrics.json").read_text(encoding="utf-8"))
        rows = {}
        for line in (run / "items.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                rows[row["id"]] = row
        return metrics, rows

    metrics_a, rows_a = load(run_a)
    metrics_b, rows_b = load(run_b)
    flat_a, flat_b = flat_metrics(metrics_a), flat_metrics(metrics_b)
    deltas = {
        k: {"a": flat_a[k], "b": flat_b[k], "delta": flat_b[k] - flat_a[k]} for k in flat_a if k in flat_b
    }
    worse, better = [], []
    for item_id in rows_a.keys() & rows_b.keys():
        a, b = item_score(rows_a[item_id]), item_score(rows_b[item_id])
        if b < a:
            worse.append({"id": item_id, "question": rows_b[item_id]["question"], "a": a, "b": b})
        elif b > a:
            better.append({"id": item_id, "question": rows_b[item_id]["question"], "a": a, "b": b})
    return {
        "deltas": deltas,
        "worse": sorted(worse, key=lambda r: r["b"] - r["a"]),
        "better": sorted(better, key=lambda r: r["a"] - r["b"]),
    }


def regression(comparison: dict, metric: str, threshold: float) -> float | None:
    """How far `metric` got worse beyond `threshold`, or None when it did not."""
    delta = comparison["deltas"].get(metric)
    if delta is None:
        raise KeyError(metric)
    worse_by = -delta["delta"] if HIGHER_IS_BETTER.get(metric, True) else delta["delta"]
    return worse_by if worse_by > threshold else None


def record_as_dict(record: AnswerRecord) -> dict:
    return asdict(record)
