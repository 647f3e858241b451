"""Re-train the learned article prior and the fusion weights that go with it, from labelled questions:
the learn half of the real forum questions (read in place from ../shared, never copied: only weights
leave it) and the team's dev sets (eval/datasets/*_dev.jsonl, whatever they hold when this runs).
Never the check half, never holdout_consult or any other held-out set.

    LAWCLOUD_DATA_DIR=data python bench/train_retrieval_prior.py [--no-search] [--folds 5]

1. Every training question is normalised and embedded as the retriever does.
2. Cross-fitting: each question gets the prediction of a model fitted on the other folds.
3. With those predictions, a small coordinate search over the fusion weights through the serving
   retriever, scored on the training sets (mean of R@10, MRR@10 and macro-article R@10 per set).
4. The final model is fitted on all training questions and written, with the fitted weights and
   a header saying what it was trained on, to corpus/learned/retrieval_prior.npz.

Run it again after the dev sets grow; then `python bench/real_questions_bench.py` for the figures.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from dataclasses import asdict, replace
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

# The weights searched, each over a few values around the hand-set one. issue_coverage, issues_meet and
# law_agreement stay as set by hand: they place the articles of a second issue among the first ten,
# which the composer quotes, and a first-gold metric does not see that.
SEARCH_GRID: dict[str, list[float]] = {
    "learned": [0.0, 0.4, 0.8, 1.2, 1.6, 2.0, 2.5],
    "learned_power": [0.5, 0.75, 1.0],
    "learned_candidates": [10, 20, 30],
    "examples": [0.0, 0.2, 0.4, 0.6, 0.8],
    "examples_candidates": [5, 10, 20],
    "topic_prior": [0.2, 0.3, 0.4],
    "bm25": [0.3, 0.4, 0.5],
    "dense": [0.35, 0.45, 0.55],
    "coverage": [0.2, 0.3, 0.4],
}
# A change is taken only if it gains this much (about two questions per set): smaller steps are noise.
MIN_GAIN = 0.002
TOLERANCE = 0.01


def main() -> None:
    from assistant.config import get_settings
    from assistant.retrieval.examples import EXAMPLES_PATH, ExampleIndex, ExampleQuestion, save_examples
    from assistant.retrieval.learned import PRIOR_PATH
    from assistant.retrieval.query import normalize
    from assistant.retrieval.retriever import FusionWeights
    from assistant.runtime import open_runtime
    from bench.real_questions_bench import MemoEmbedder
    from eval.datasets import EvalItem, load_dataset
    from eval.prior_training import PrecomputedPrior, TrainingConfig, TrainingItem, fit_prior, out_of_fold
    from eval.real_questions import load_real_questions, question_shapes, real_questions_path

    parser = argparse.ArgumentParser()
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument(
        "--no-search", action="store_true", help="keep the fusion weights of the current model"
    )
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--out", default=str(PRIOR_PATH))
    parser.add_argument("--examples-out", default=str(EXAMPLES_PATH))
    parser.add_argument("--l2", type=float, default=TrainingConfig.l2)
    parser.add_argument("--balance", type=float, default=TrainingConfig.balance)
    parser.add_argument("--min-df", type=int, default=TrainingConfig.min_df)
    parser.add_argument(
        "--train-sets",
        default="",
        help="experiments: only these sets (real_learn, retrieval_dev, answers_dev …)",
    )
    args = parser.parse_args()
    started = time.perf_counter()

    runtime = open_runtime(get_settings())
    retriever = runtime.retriever
    embedder = MemoEmbedder(retriever.embedder)
    retriever.embedder = embedder  # type: ignore[assignment]
    typos = retriever.knowledge.typos

    sets: dict[str, list[EvalItem]] = {"real_learn": load_real_questions()["learn"]}
    for path in sorted((REPO / "eval" / "datasets").glob("*_dev.jsonl")):
        sets[path.stem] = load_dataset(path)
    training: dict[str, list[TrainingItem]] = {}
    for name, items in sets.items():
        kept = []
        for item in items:
            gold = tuple(sorted({g.key for g in item.gold if retriever.has_article(*g.key)}))
            # A follow-up's gold belongs to the conversation, not to its few words alone.
            if not gold or item.raw.get("turns"):
                continue
            text = normalize(item.question, typos)
            kept.append(TrainingItem(f"{name}:{item.id}", text, gold, name, embedder.embed_query(text)))
        training[name] = kept
    if args.train_sets:
        training = {k: v for k, v in training.items() if k in args.train_sets.split(",")}
        sets = {k: v for k, v in sets.items() if k in training}
    everything = [i for items in training.values() for i in items]
    print(f"training questions: {', '.join(f'{k} {len(v)}' for k, v in training.items())}", flush=True)

    config = TrainingConfig(l2=args.l2, balance=args.balance, min_df=args.min_df)
    t0 = time.perf_counter()
    oof = out_of_fold(
        everything,
        args.folds,
        config,
        top=50,
        progress=lambda f: print(f"  fold {f + 1}/{args.folds}", flush=True),
    )
    print(f"cross-fitted in {time.perf_counter() - t0:.0f} s", flush=True)

    # The team's questions are the example questions (the forum's never are). While the weights are
    # fitted, a question does not find itself among them (leave-one-out).
    team = [i for i in everything if i.source != "real_learn"]
    retriever.examples = ExampleIndex(
        [ExampleQuestion(i.id, i.text, i.gold) for i in team], np.stack([i.vector for i in team])
    )
    retriever.examples.exclude_identical = True

    # Fusion weights on the cross-fitted predictions, through the serving retriever.
    retriever.prior = PrecomputedPrior({i.text: oof[i.id] for i in everything})
    # The search starts from the code's defaults, not from the weights of the model it replaces, so
    # the same data always gives the same weights.
    base = replace(FusionWeights(), learned=0.6, examples=0.0)
    retriever.weights = replace(base, learned_candidates=50, examples=1.0, examples_candidates=30)
    analyses = {i.id: retriever._analyse(i.text, None, {}) for i in everything}

    found: dict[str, bool] = {}  # item id → gold in the first ten, for the last weights scored

    def score(weights: FusionWeights) -> tuple[float, dict[str, dict[str, float]]]:
        from eval.metrics import macro_article_recall

        retriever.weights = weights
        per_set: dict[str, dict[str, float]] = {}
        for name, items in training.items():
            r10 = mrr = 0.0
            rows = []
            for item in items:
                keys = [
                    (h.unit.law, h.unit.article_no or 0, h.unit.sub or 0)
                    for h in retriever.search(item.text, k=10, analysis=analyses[item.id]).hits
                ]
                rank = next((p + 1 for p, key in enumerate(keys) if key in item.gold), None)
                r10 += rank is not None
                found[item.id] = rank is not None
                mrr += 1.0 / rank if rank else 0.0
                rows.append((keys, set(item.gold)))
            n = max(len(items), 1)
            per_set[name] = {
                "R@10": r10 / n,
                "MRR@10": mrr / n,
                "macro@10": macro_article_recall(rows, 10) or 0.0,
            }
        value = sum(sum(m.values()) / 3 for m in per_set.values()) / len(per_set)
        return value, per_set

    # The reference: the hand-set weights without the learned sources. No set may fall below it by
    # more than TOLERANCE in R@10 or MRR@10, whatever the average gains (the team's sets not worse).
    weights = replace(base, learned=0.0, examples=0.0)
    best, best_sets = score(weights)
    reference = best_sets
    print(f"without the learned sources {best:.4f} {fmt(best_sets)}", flush=True)

    def consider(trial: FusionWeights, label: str) -> bool:
        nonlocal best, best_sets, weights
        got, got_sets = score(trial)
        keeps = all(
            got_sets[name][metric] >= reference[name][metric] - TOLERANCE
            for name in got_sets
            for metric in ("R@10", "MRR@10")
        )
        if got > best + MIN_GAIN and keeps:
            best, best_sets, weights = got, got_sets, trial
            print(f"  {label} → {best:.4f} {fmt(best_sets)}", flush=True)
            return True
        return False

    if not args.no_search:
        # The prior's weight and power together (they trade against each other), then one weight
        # at a time.
        start = weights
        for learned in SEARCH_GRID["learned"]:
            for power in SEARCH_GRID["learned_power"]:
                consider(
                    replace(start, learned=learned, learned_power=power), f"learned={learned}, power={power}"
                )
        for round_no in range(args.rounds):
            changed = False
            for name, values in SEARCH_GRID.items():
                for value in values:
                    if getattr(weights, name) != value:
                        trial = replace(weights, **{name: type(getattr(weights, name))(value)})
                        changed |= consider(trial, f"round {round_no + 1}: {name}={value}")
            if not changed:
                break
    # The learn half by question shape, cross-fitted, without and with the learned sources.
    shapes: dict[str, list[list[bool]]] = {}
    for pass_no, trial in enumerate((replace(base, learned=0.0, examples=0.0), weights)):
        score(trial)
        for item in training.get("real_learn", []):
            for shape in question_shapes(item.text) or ["none of these shapes"]:
                shapes.setdefault(shape, [[], []])[pass_no].append(found[item.id])
    print("real_learn R@10 by shape, cross-fitted (without → with the learned sources):")
    for shape, (before, after) in sorted(shapes.items()):
        print(f"  {shape}: n={len(before)} {sum(before) / len(before):.3f} → {sum(after) / len(after):.3f}")
    defaults = asdict(FusionWeights())
    fusion = {k: v for k, v in asdict(weights).items() if v != defaults[k]}
    print(f"fitted fusion weights (differences from the code's defaults): {fusion}", flush=True)

    real_path = real_questions_path()
    header = {
        "what": "P(article | question): softmax regression over character 1-2 grams and the question vector",
        "trained_on": {name: len(items) for name, items in training.items()},
        "articles": 0,
        "real_questions_file": {
            "path": "../shared/data/real_questions/equals_labour.jsonl (learn half only)",
            "sha256": hashlib.sha256(real_path.read_bytes()).hexdigest(),
        },
        "not_trained_on": "the real questions' check half; holdout_consult, holdout_answers, holdout_escalation",
        "config": asdict(config),
        "fusion": fusion,
        "cross_fitted_training_figures": rounded(best_sets),
        "cross_fitted_without_learned_sources": rounded(reference),
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "command": "LAWCLOUD_DATA_DIR=data python bench/train_retrieval_prior.py",
        "index_build": runtime.index.manifest["build_id"],
    }
    model = fit_prior(everything, config, embedder=runtime.embedder.name, header=header)
    save_examples(
        Path(args.examples_out),
        [
            ExampleQuestion(f"{name}:{item.id}", item.question, gold)
            for name, items in sets.items()
            if name != "real_learn"
            for item in items
            if (gold := tuple(sorted({g.key for g in item.gold if retriever.has_article(*g.key)})))
            and not item.raw.get("turns")
        ],
        {
            "what": "the team's own labelled questions (eval/datasets/*_dev.jsonl), never the forum's",
            "date": header["date"],
            "command": header["command"],
        },
    )
    model = replace(model, header=model.header | {"articles": len(model.labels)})
    model.save(Path(args.out))
    Path(args.out).with_suffix(".json").write_text(
        json.dumps(model.header, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    print(
        f"wrote {args.out}: {len(model.labels)} articles, {len(model.vocabulary)} grams, "
        f"{Path(args.out).stat().st_size / 1e6:.1f} MB, {time.perf_counter() - started:.0f} s in all"
    )


def rounded(per_set: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    return {name: {k: round(v, 3) for k, v in m.items()} for name, m in per_set.items()}


def fmt(per_set: dict[str, dict[str, float]]) -> str:
    return " | ".join(f"{name} " + "/".join(f"{v:.3f}" for v in m.values()) for name, m in per_set.items())


if __name__ == "__main__":
    main()
