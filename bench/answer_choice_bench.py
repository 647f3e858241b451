"""Should retrieval's ranking help choose which guide answer speaks? Measured out of fold.

    LAWCLOUD_DATA_DIR=data python bench/answer_choice_bench.py [--prior-folds 3]

The plan picks a guide's answer by the question's words (``plan._select_answer``) and the guide that
speaks first by word fit (``plan._by_match``). ``plan.SUPPORT_USE`` lets the rank of the articles an
answer rests on (``service.retrieval_support``) break ties: "none", "select" (within a guide, and the
default answer of the asked kind), "both" (also between candidate guides). Each setting replans the
same questions and is scored as bench/openings_bench.py scores openings (opened, strict, guide).

Questions: the learn half of the real forum questions (read in place; only aggregates are printed) and
the team's dev sets (first messages). Retrieval evidence must be what an unseen question meets: the
article prior was trained on these questions, so each is searched with a prior cross-fitted without it
(eval/prior_training.out_of_fold, as bench/train_issue_router.py does) and the team's example questions
leave-one-out. Nothing is fitted on the check half; run bench/openings_bench.py for it.
"""

from __future__ import annotations

import argparse
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

from bench.train_issue_router import TEAM_SETS  # noqa: E402

SETTINGS = ("none", "select", "both")


def main() -> None:
    import assistant.answer.service as service_module
    from assistant.answer.service import AnswerService
    from assistant.config import get_settings
    from assistant.consult import plan as plan_module
    from assistant.retrieval.examples import ExampleIndex, ExampleQuestion
    from assistant.retrieval.query import normalize
    from assistant.runtime import open_runtime
    from bench.real_questions_bench import MemoEmbedder
    from eval.datasets import load_dataset
    from eval.prior_training import PrecomputedPrior, TrainingItem, out_of_fold
    from eval.real_questions import load_real_questions

    parser = argparse.ArgumentParser()
    parser.add_argument("--prior-folds", type=int, default=3)
    parser.add_argument("--today", default="2026-12-05")
    parser.add_argument("--out", default=str(REPO / "bench" / "results" / "answer_choice.json"))
    parser.add_argument(
        "--learn-changes", default=None, help="learn items whose opening changes (outside the repo)"
    )
    args = parser.parse_args()
    started = time.perf_counter()

    settings = get_settings().model_copy(update={"reference_date": date.fromisoformat(args.today)})
    runtime = open_runtime(settings)
    retriever = runtime.retriever
    embedder = MemoEmbedder(retriever.embedder)
    retriever.embedder = embedder  # type: ignore[assignment]
    service = AnswerService(retriever, settings)
    typos = retriever.knowledge.typos

    sets = {"real_learn": load_real_questions()["learn"]}
    for path in sorted((REPO / "eval" / "datasets").glob("*_dev*.jsonl")):
        if path.stem in TEAM_SETS or path.stem == "retrieval_dev":
            sets[path.stem] = load_dataset(path)
    items: list[TrainingItem] = []
    questions: dict[str, tuple[str, str, set[tuple[str, int]]]] = {}
    for name, eval_items in sets.items():
        for item in eval_items:
            gold = tuple(sorted({g.key for g in item.gold if retriever.has_article(*g.key)}))
            if not gold or item.raw.get("turns"):
                continue
            text = normalize(item.question, typos)
            key = f"{name}:{item.id}"
            items.append(TrainingItem(key, text, gold, name, embedder.embed_query(text)))
            if name != "retrieval_dev":
                questions[key] = (name, item.question, {(g[0], g[1]) for g in gold})
    oof = out_of_fold(items, args.prior_folds, top=50)
    retriever.prior = PrecomputedPrior({i.text: oof[i.id] for i in items})
    team = [i for i in items if i.source != "real_learn"]
    if retriever.examples is not None:
        retriever.examples = ExampleIndex(
            [ExampleQuestion(i.id, i.text, i.gold) for i in team], np.stack([i.vector for i in team])
        )
        retriever.examples.exclude_identical = True

    real_plan = service_module.plan_consultation
    recorded: list[tuple[tuple, dict]] = []

    def recording_plan(*a: object, **kw: object) -> object:
        recorded.append((a, kw))
        return real_plan(*a, **kw)  # type: ignore[arg-type]

    service_module.plan_consultation = recording_plan  # type: ignore[assignment]
    guides = {g.id: g for g in service.guides.all()}

    def hits_of(plan: object, gold: set[tuple[str, int]]) -> dict[str, int]:
        opening = guides.get(plan.selected[0].split("/")[0]) if plan.selected else None  # type: ignore[attr-defined]
        clauses = {(r.law, r.article) for r in opening.citations()} if opening else set()
        cited = {(r.law, r.article) for s in plan.conclusion for r in s.cite}  # type: ignore[attr-defined]
        return {
            "opened": int(plan.guided),  # type: ignore[attr-defined]
            "strict": int(bool(gold & cited)),
            "guide": int(bool(gold & clauses)),
        }

    calls: dict[str, tuple[tuple, dict]] = {}
    for key, (_, question, _) in questions.items():
        p = service.prepare(question)
        recorded.clear()
        service.consult(question, [], p.result, p.rewrite)
        calls[key] = recorded[-1]

    results: dict[str, dict[str, dict[str, int]]] = {}
    selected: dict[str, dict[str, tuple[list[str], dict[str, int]]]] = {}
    for setting in SETTINGS:
        plan_module.SUPPORT_USE = setting
        out: dict[str, dict[str, int]] = {}
        for key, (name, _, gold) in questions.items():
            positional, kwargs = calls[key]
            plan = real_plan(*positional, **kwargs)  # type: ignore[arg-type]
            got = hits_of(plan, gold)
            selected.setdefault(setting, {})[key] = (list(plan.selected), got)
            row = out.setdefault(
                "learn" if name == "real_learn" else "team", {"n": 0, "opened": 0, "strict": 0, "guide": 0}
            )
            row["n"] += 1
            for k, v in got.items():
                row[k] += v
        results[setting] = out
        print(f"{setting}: {json.dumps(out)}", flush=True)
    changed = {
        s: sum(1 for k in questions if selected[s][k][0][:1] != selected["none"][k][0][:1]) for s in SETTINGS
    }
    print("openings changed vs none:", json.dumps(changed), flush=True)
    if args.learn_changes:
        with open(args.learn_changes, "w", encoding="utf-8") as handle:
            for key, (name, question, gold) in questions.items():
                before, after = selected["none"][key], selected[SETTINGS[-1]][key]
                if after[0] != before[0]:
                    row = {
                        "set": name,
                        "question": question,
                        "gold": sorted(gold),
                        "before": before,
                        "after": after,
                    }
                    handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    data = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "command": "python " + " ".join(sys.argv),
        "evidence": f"article prior cross-fitted in {args.prior_folds} folds, team examples leave-one-out",
        "results": results,
        "openings_changed": changed,
        "seconds": round(time.perf_counter() - started),
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
