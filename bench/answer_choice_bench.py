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

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


SETTINGS = ("none", "select", "both")


def main() -> None:
    from assistant.answer.service import AnswerService
    from assistant.config import get_settings
    from assistant.consult import plan as plan_module
    from assistant.runtime import open_runtime
    from bench.real_questions_bench import MemoEmbedder
    from eval.openings import crossfit_questions, opening_hits, recorded_plans

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
    questions = crossfit_questions(retriever, REPO / "eval" / "datasets", args.prior_folds)
    guides = {g.id: g for g in service.guides.all()}

    calls: dict[str, tuple[tuple, dict]] = {}
    with recorded_plans() as (recorded, real_plan):
        for key, question in questions.items():
            p = service.prepare(question.text)
            recorded.clear()
            service.consult(question.text, [], p.result, p.rewrite)
            calls[key] = recorded[-1]

    results: dict[str, dict[str, dict[str, int]]] = {}
    selected: dict[str, dict[str, tuple[list[str], dict[str, int]]]] = {}
    for setting in SETTINGS:
        plan_module.SUPPORT_USE = setting
        out: dict[str, dict[str, int]] = {}
        for key, question in questions.items():
            positional, kwargs = calls[key]
            plan = real_plan(*positional, **kwargs)
            got = opening_hits(plan, question.gold, guides)
            selected.setdefault(setting, {})[key] = (list(plan.selected), got)
            row = out.setdefault(
                "learn" if question.source == "real_learn" else "team",
                {"n": 0, "opened": 0, "strict": 0, "guide": 0},
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
            for key, question in questions.items():
                before, after = selected["none"][key], selected[SETTINGS[-1]][key]
                if after[0] != before[0]:
                    row = {
                        "set": question.source,
                        "question": question.text,
                        "gold": sorted(question.gold),
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
