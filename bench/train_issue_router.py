"""Train the issue router (assistant/consult/routing.py) and measure it out of fold.

    LAWCLOUD_DATA_DIR=data python bench/train_issue_router.py [--folds 5] [--out corpus/learned/issue_router.json]

Training questions: the learn half of the real forum questions (read in place, never copied: only the
weights leave it) and the team's consultation and answer dev sets (first messages only: a follow-up's
gold belongs to its conversation). retrieval_dev joins the cross-fitting of the article prior only.
Never the check half nor any held-out set.

1. Retrieval evidence must be what the router meets on unseen questions: the learned article prior
   was trained on these very questions, so each question is searched with a prior cross-fitted
   without it (eval/prior_training.out_of_fold), and the team's example questions leave-one-out.
2. Each (question, candidate issue) is one row — the issues the words or the meaning raised and the few
   the retrieved articles point to (routing.IssueEvidence.candidates) — with the generic features of
   routing.py. Its label is what the real plan does given that issue alone: 0.5 when the opening
   guide cites the gold article, 0.5 when the conclusion does.
3. Out of fold (by question), the router's order is handed to the real plan (AnswerService.consult),
   and the opening measured as bench/openings_bench.py does (opened, strict, guide), against the
   keyword topics on the same retrieval. The join and keep thresholds are chosen on that (ties go to
   the more conservative setting).
4. The final router is fitted on every training question and written with its provenance.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from datetime import date
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

L2_GRID = (1.0,)
JOIN_GRID = (0.4, 0.5, 0.6, 0.7, 2.0)  # 2.0: nothing joins
KEEP_GRID = (0.0, 0.2, 0.35, 0.5, 0.7)  # 0.0: nothing is set aside


def main() -> None:
    from assistant.answer.service import AnswerService
    from assistant.config import get_settings
    from assistant.consult.plan import plan_consultation
    from assistant.consult.routing import FEATURES, ROUTER_PATH, IssueEvidence, IssueRouter, logistic_fit
    from assistant.runtime import open_runtime
    from bench.real_questions_bench import MemoEmbedder
    from eval.openings import crossfit_questions, opening_hits, recorded_plans
    from eval.prior_training import fold_of
    from eval.real_questions import real_questions_path

    parser = argparse.ArgumentParser()
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--prior-folds", type=int, default=3)
    parser.add_argument("--out", default=str(ROUTER_PATH))
    parser.add_argument("--today", default="2026-12-05")
    parser.add_argument(
        "--learn-changes",
        default=None,
        help="learn-half items whose opening the router changes (JSONL, outside the repo)",
    )
    args = parser.parse_args()
    started = time.perf_counter()

    settings = get_settings().model_copy(update={"reference_date": date.fromisoformat(args.today)})
    runtime = open_runtime(settings)
    retriever = runtime.retriever
    embedder = MemoEmbedder(retriever.embedder)
    retriever.embedder = embedder  # type: ignore[assignment]
    service = AnswerService(retriever, settings)
    service.router = None
    evidence = IssueEvidence(retriever.knowledge.issues, service.guides)
    # Every labelled dev set trains the article prior; it is cross-fitted over all of them.
    t0 = time.perf_counter()
    questions = crossfit_questions(retriever, REPO / "eval" / "datasets", args.prior_folds)
    print(
        f"router questions {len(questions)}, prior cross-fitted in {time.perf_counter() - t0:.0f} s",
        flush=True,
    )
    guides = {g.id: g for g in service.guides.all()}

    def hits_of(plan: object, gold: set[tuple[str, int]]) -> dict[str, int]:
        return opening_hits(plan, gold, guides)  # type: ignore[arg-type]

    real_plan = plan_consultation

    def replan(key: str, issues: list[tuple[str, float]], faint: set[str] | frozenset[str]) -> object:
        positional, kwargs = calls[key]
        positional = (*positional[:2], issues, *positional[3:])
        return real_plan(*positional, **(kwargs | {"by_meaning": set(kwargs["by_meaning"]) | set(faint)}))  # type: ignore[arg-type]

    keys = list(questions)
    calls: dict[str, tuple[tuple, dict]] = {}
    context: dict[str, tuple] = {}
    baseline_hits: dict[str, dict[str, int]] = {}
    calls_plan_selected: dict[str, list[str]] = {}
    x_rows, y_rows = {}, {}
    with recorded_plans() as (recorded, _):
        for n, key in enumerate(keys):
            name, question, gold = questions[key]
            p = service.prepare(question)
            recorded.clear()
            plan, _ = service.consult(question, [], p.result, p.rewrite)
            calls[key] = recorded[-1]
            baseline_hits[key] = hits_of(plan, gold)
            calls_plan_selected[key] = list(plan.selected)
            u = p.result.understanding
            routing_question = calls[key][0][0]
            inputs = (
                routing_question,
                u.topics,
                u.topics_by_meaning,
                service.issue_similarities(p.result),
                [(h.unit.law, h.unit.article_no or 0) for h in p.result.hits if not h.unit.is_case],
            )
            context[key] = inputs
            features = evidence.features(*inputs)
            pool = evidence.candidates(features)
            worded = {i.id for i, _ in u.topics if i.id not in u.topics_by_meaning}
            if not calls[key][0][2]:
                pool = []  # asked for an article's words: no issue guide speaks, whatever the router says
            labels = []
            for i in pool:
                issue_id = evidence.issues[i].id
                alone = replan(key, [(issue_id, 1.0)], set() if issue_id in worded else {issue_id})
                got = hits_of(alone, gold)
                # Both halves of a right opening: its guide holds the article, its conclusion cites it.
                labels.append(0.5 * got["guide"] + 0.5 * got["strict"])
            x_rows[key] = features[pool]
            y_rows[key] = np.asarray(labels)
            if n % 100 == 0:
                print(f"  searched {n}/{len(keys)}", flush=True)

    def measure(router_for: dict[str, IssueRouter] | None) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for key in keys:
            name, question, gold = questions[key]
            group = "learn" if name == "real_learn" else "team"
            if router_for is None or not calls[key][0][2]:
                got = baseline_hits[key]
            else:
                routed = evidence.route(router_for[key], *context[key])
                got = hits_of(replan(key, routed.issues, routed.faint), gold)
            row = out.setdefault(group, {"n": 0, "opened": 0, "strict": 0, "guide": 0})
            row["n"] += 1
            for k, v in got.items():
                row[k] += v
        return out

    baseline = measure(None)
    reachable = sum(1 for k in keys if len(y_rows[k]) and y_rows[k].max() > 0)
    print(f"questions where some candidate issue alone opens right: {reachable}/{len(keys)}", flush=True)
    print("keyword topics (same retrieval):", json.dumps(baseline), flush=True)
    fold = {key: fold_of(key, args.folds) for key in keys}
    weight_of = {key: (1.0 if questions[key][0] == "real_learn" else 0.5) for key in keys}

    def fit(train_keys: list[str], l2: float) -> tuple[np.ndarray, float]:
        x = np.vstack([x_rows[k] for k in train_keys])
        y = np.concatenate([y_rows[k] for k in train_keys])
        w = np.concatenate([np.full(len(y_rows[k]), weight_of[k]) for k in train_keys])
        return logistic_fit(x, y, l2=l2, sample_weight=w)

    trials = []
    for l2 in L2_GRID:
        fitted = {f: fit([k for k in keys if fold[k] != f], l2) for f in range(args.folds)}
        for join in JOIN_GRID:
            for keep in KEEP_GRID:
                routers = {k: IssueRouter(*fitted[fold[k]], join, keep, {}) for k in keys}
                got = measure(routers)
                value = sum(got[g]["guide"] + got[g]["strict"] for g in got)
                opened = sum(got[g]["opened"] for g in got)
                # Ties go to the more conservative setting: fewer issues joining, fewer set aside.
                trials.append(((value, opened, join, -keep), l2, (join, keep), got))
                print(f"l2={l2} join={join} keep={keep}: {json.dumps(got)}", flush=True)
    value, l2, (join, keep), best = max(trials, key=lambda t: t[0])
    if args.learn_changes:
        fitted = {f: fit([k for k in keys if fold[k] != f], l2) for f in range(args.folds)}
        with open(args.learn_changes, "w", encoding="utf-8") as handle:
            for key in keys:
                name, question, gold = questions[key]
                if name != "real_learn" or not calls[key][0][2]:
                    continue
                routed = evidence.route(IssueRouter(*fitted[fold[key]], join, keep, {}), *context[key])
                plan = replan(key, routed.issues, routed.faint)
                before = calls_plan_selected[key]
                if plan.selected[:1] != before[:1]:  # type: ignore[attr-defined]
                    row = {
                        "question": question,
                        "gold": sorted(gold),
                        "before": before,
                        "after": plan.selected,
                    }  # type: ignore[attr-defined]
                    row |= {"hit_before": baseline_hits[key], "hit_after": hits_of(plan, gold)}
                    row |= {"routed": routed.issues, "faint": sorted(routed.faint)}
                    handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    weights, bias = fit(keys, l2)
    digest = hashlib.sha256(real_questions_path().read_bytes()).hexdigest()
    counts: dict[str, int] = {}
    for name, _, _ in questions.values():
        counts[name] = counts.get(name, 0) + 1
    data = {
        "what": "P(this issue, planned alone, opens right | keyword, asked clause, meaning, retrieval evidence): logistic regression",
        "features": list(FEATURES),
        "weights": [round(float(v), 5) for v in weights],
        "bias": round(bias, 5),
        "join": join,
        "keep": keep,
        "l2": l2,
        "trained_on": counts,
        "label": "the plan given this issue alone: 0.5 when its opening guide cites the gold article, 0.5 when its conclusion does",
        "real_questions_file": {
            "path": "../shared/data/real_questions/equals_labour.jsonl (learn half only)",
            "sha256": digest,
        },
        "not_trained_on": "the real questions' check half; every holdout_* set",
        "evidence": f"retrieval with the article prior cross-fitted in {args.prior_folds} folds (no question sees a prior trained on it)",
        "out_of_fold": {"keyword_topics": baseline, "router": best, "folds": args.folds},
        "date": time.strftime("%Y-%m-%d", time.gmtime()),
        "command": "python " + " ".join(sys.argv),
        "seconds": round(time.perf_counter() - started),
    }
    Path(args.out).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(
        json.dumps(
            {k: data[k] for k in ("weights", "bias", "join", "keep", "l2", "out_of_fold")}, ensure_ascii=False
        )
    )


if __name__ == "__main__":
    main()
