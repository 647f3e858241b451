"""How often the plan opens with the answer a lawyer would open with, on the real forum questions.

    LAWCLOUD_DATA_DIR=data python bench/opening_labels_bench.py [--half check] [--today 2026-12-05]
        [--out bench/results/opening_labels.json]

Labels: eval/datasets/real_{learn,check}_answer_labels.jsonl (ids and guide answers only; the questions are read
in place beside the repository, never copied). An opening counts when the plan's first selected guide answer is
the label or one of its acceptable alternatives; "none" labels (no guide answer answers the object asked) are
left out. The learn half was fitted on (the answer chooser's training, the word lists of sessions 14–18): its
figure is in-sample. The check half is the measure (session 20's labels; never fitted on). Aggregates only.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def main() -> None:
    from assistant.answer.service import AnswerService
    from assistant.config import get_settings
    from assistant.runtime import open_runtime
    from eval.real_questions import load_real_questions

    parser = argparse.ArgumentParser()
    parser.add_argument("--half", choices=("learn", "check"), default="check")
    parser.add_argument("--today", default="2026-12-05")
    parser.add_argument("--out", default=str(REPO / "bench" / "results" / "opening_labels.json"))
    parser.add_argument(
        "--no-chooser", action="store_true", help="the plan without the learned answer choice"
    )
    args = parser.parse_args()

    labels_path = REPO / "eval" / "datasets" / f"real_{args.half}_answer_labels.jsonl"
    labels = [
        json.loads(line) for line in labels_path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    questions = {item.id: item.question for item in load_real_questions()[args.half]}  # type: ignore[index]
    scored = [row for row in labels if row["label"] != "none" and row["id"] in questions]

    settings = get_settings().model_copy(update={"reference_date": date.fromisoformat(args.today)})
    service = AnswerService(open_runtime(settings).retriever, settings)
    if args.no_chooser:
        service.chooser = None
    started = time.perf_counter()
    opened = learned = 0
    by_guide: dict[str, list[int]] = {}
    for row in scored:
        plan = service.prepare(questions[row["id"]], []).request.plan
        first = plan.selected[0] if plan and plan.selected else None
        right = first is not None and first in {row["label"], *row["alt"]}
        opened += right
        learned += bool(plan and plan.learned)
        tally = by_guide.setdefault(row["label"].split("/")[0], [0, 0])
        tally[0] += right
        tally[1] += 1
    report = {
        "half": args.half,
        "labels": str(labels_path.relative_to(REPO)),
        "chooser": not args.no_chooser and service.chooser is not None,
        "today": args.today,
        "date": time.strftime("%Y-%m-%d", time.gmtime()),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "questions": len(scored),
        "opened_as_labelled": opened,
        "share": round(opened / len(scored), 3),
        "learned_choice_used": learned,
        "by_labelled_guide": {
            g: f"{r}/{n}" for g, (r, n) in sorted(by_guide.items(), key=lambda kv: -kv[1][1])
        },
        "seconds": round(time.perf_counter() - started, 1),
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(
        f"{args.half} half: the plan opens with a labelled answer on {opened}/{len(scored)} "
        f"({report['share']:.1%}); learned choice used on {learned}; {report['seconds']} s"
    )


if __name__ == "__main__":
    main()
