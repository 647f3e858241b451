"""Retrieval on real wording: the forum questions of `../shared/data/real_questions/` (read in place),
split by a hash of the id into a learn half and a check half, beside the team's own sets, for the full
pipeline and the plain baselines (BM25, dense, RRF), all in one run over the same live index.

    LAWCLOUD_DATA_DIR=data python bench/real_questions_bench.py [--rankers full,unlearned,bm25,dense,rrf]
        [--sets learn,check,retrieval_dev,answers_dev,holdout_consult] [--out bench/results/real_questions.json]
        [--learn-misses /tmp/learn_misses.jsonl]

Only aggregate figures are printed and written: the questions themselves never leave the shared
folder. ``--learn-misses`` writes the learn half's items (question, gold, first ten) to a file for
error analysis; give it a path outside the repository. The check half is never written item by item.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections.abc import Sequence
from dataclasses import fields
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

TEAM_SETS = {
    "retrieval_dev": REPO / "eval" / "datasets" / "retrieval_dev.jsonl",
    "answers_dev": REPO / "eval" / "datasets" / "answers_dev.jsonl",
    "holdout_consult": REPO / "eval" / "datasets" / "holdout_consult.jsonl",
}
METRICS = ("recall@1", "recall@5", "recall@10", "mrr@10", "macro_article_recall@10")


class MemoEmbedder:
    """The runtime's embedder with its query vectors remembered: every ranker embeds the same
    questions, and the vectors (hence the rankings) are the same either way."""

    def __init__(self, inner: object) -> None:
        self.inner = inner
        self._memo: dict[str, np.ndarray] = {}

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)

    def embed_query(self, text: str) -> np.ndarray:
        if text not in self._memo:
            self._memo[text] = self.inner.embed_query(text)  # type: ignore[attr-defined]
        return self._memo[text]

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self.inner.embed_passages(texts)  # type: ignore[attr-defined]


def main() -> None:
    from assistant.config import get_settings
    from assistant.retrieval.examples import ExampleIndex, load_examples
    from assistant.retrieval.learned import load_prior
    from assistant.retrieval.retriever import FusionWeights, fitted_weights
    from assistant.runtime import open_runtime
    from eval.baselines import RANKERS
    from eval.datasets import load_dataset
    from eval.real_questions import load_real_questions, real_questions_path
    from eval.retrieval import evaluate_retrieval
    from ingest.embed import EmbeddingCache

    parser = argparse.ArgumentParser()
    parser.add_argument("--rankers", default="full,unlearned,bm25,dense,rrf")
    parser.add_argument("--sets", default="learn,check," + ",".join(TEAM_SETS))
    parser.add_argument("--out", default=str(REPO / "bench" / "results" / "real_questions.json"))
    parser.add_argument(
        "--weights", default="", help="ablations: fusion weights to override, e.g. examples=0,learned=0"
    )
    parser.add_argument("--prior", default=None, help="experiments: another prior file than the shipped one")
    parser.add_argument("--examples", default=None, help="experiments: another example-question file")
    parser.add_argument("--learn-misses", default=None, help="learn-half items for error analysis (JSONL)")
    args = parser.parse_args()

    started = time.perf_counter()
    runtime = open_runtime(get_settings())
    retriever = runtime.retriever
    if args.prior:
        model = load_prior(Path(args.prior))
        assert model is not None, args.prior
        retriever.prior = model.for_embedder(runtime.embedder.name)
        retriever.weights = fitted_weights(model.header.get("fusion", {}))
    if args.examples:
        cache = EmbeddingCache(
            runtime.settings.cache_dir / "embeddings.sqlite", runtime.embedder.name, runtime.embedder.dim
        )
        retriever.examples = ExampleIndex.build(load_examples(Path(args.examples)), runtime.embedder, cache)
        cache.close()
    retriever.embedder = MemoEmbedder(retriever.embedder)  # type: ignore[assignment]
    if args.weights:
        overrides = dict(pair.split("=", 1) for pair in args.weights.split(","))
        current = {f.name: getattr(retriever.weights, f.name) for f in fields(retriever.weights)}
        retriever.weights = fitted_weights(
            {k: v for k, v in current.items() if v != getattr(FusionWeights(), k)} | overrides  # type: ignore[arg-type]
        )
    halves = load_real_questions()
    taxonomy_keys = {
        (a.law, a.article, a.sub or 0) for issue in retriever.knowledge.issues for a in issue.articles
    }
    sets = {}
    for name in args.sets.split(","):
        sets[name] = halves[name] if name in halves else load_dataset(TEAM_SETS[name])  # type: ignore[index]
    rows: dict[str, dict[str, dict]] = {}
    for set_name, items in sets.items():
        for ranker in args.rankers.split(","):
            report = evaluate_retrieval(
                items, RANKERS[ranker](retriever), lambda key: retriever.has_article(*key)
            )
            m = report.metrics
            entry = {key: m[key] for key in METRICS} | {"items": m["items"], "scored": m["scored"]}
            if set_name in ("learn", "check") and ranker == "full":
                entry["by_shape@10"] = _by_shape(report.items, taxonomy_keys)
            if set_name == "learn":
                entry["per_article@10"] = _per_article(report.items)
                if args.learn_misses and ranker == "full":
                    with open(args.learn_misses, "w", encoding="utf-8") as handle:
                        for row in report.items:
                            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
            rows.setdefault(set_name, {})[ranker] = entry
    result = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}",
        "command": "python " + " ".join(sys.argv),
        "real_questions": str(real_questions_path()),
        "index": {
            "build_id": runtime.index.manifest["build_id"],
            "units": len(retriever.units),
            "embedder": runtime.index.manifest["embedder"],
        },
        "seconds": round(time.perf_counter() - started, 1),
        "fusion_weights": {f.name: getattr(retriever.weights, f.name) for f in fields(retriever.weights)},
        "sets": rows,
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    print("| set | retriever | n | R@1 | R@5 | R@10 | MRR@10 | macro-article R@10 |")
    print("|---|---|---|---|---|---|---|---|")
    for set_name, by_ranker in rows.items():
        for ranker, m in by_ranker.items():
            print(
                f"| {set_name} | {ranker} | {m['scored']} | {m['recall@1']:.3f} | {m['recall@5']:.3f} | "
                f"{m['recall@10']:.3f} | {m['mrr@10']:.3f} | {m['macro_article_recall@10']:.3f} |"
            )
    for half in ("learn", "check"):
        shapes = rows.get(half, {}).get("full", {}).get("by_shape@10")
        if shapes:
            print(
                f"{half}, full, R@10 by shape: "
                + "; ".join(f"{k} {v['recall@10']:.2f} (n={v['n']})" for k, v in shapes.items())
            )
    print(json.dumps({k: result[k] for k in ("date", "machine", "index", "seconds")}, ensure_ascii=False))


def _by_shape(items: list[dict], taxonomy_keys: set[tuple[str, int, int]]) -> dict[str, dict[str, float]]:
    """R@10 by question shape (eval/real_questions.py), an aggregate per class."""
    from eval.real_questions import question_shapes

    out: dict[str, list[bool]] = {}
    for row in items:
        if not row["scored"]:
            continue
        shapes = question_shapes(row["question"]) or ["none of these shapes"]
        if not any(tuple(g) in taxonomy_keys for g in row["gold"]):
            shapes.append("gold is no key article of any taxonomy issue")
        for shape in shapes:
            out.setdefault(shape, []).append(row["rank"] is not None)
    return {k: {"n": len(v), "recall@10": round(sum(v) / len(v), 3)} for k, v in sorted(out.items())}


def _per_article(items: list[dict]) -> dict[str, dict[str, float]]:
    """Learn half only: R@10 per gold article, an aggregate that points error analysis at classes."""
    out: dict[str, dict[str, float]] = {}
    for row in items:
        if not row["scored"]:
            continue
        for law, article, _sub in row["gold"]:
            entry = out.setdefault(f"{law}{article}", {"n": 0, "hits": 0})
            entry["n"] += 1
            entry["hits"] += int([law, article, _sub] in row["top"][:10])
    return {k: {"n": v["n"], "recall@10": round(v["hits"] / v["n"], 3)} for k, v in sorted(out.items())}


if __name__ == "__main__":
    main()
