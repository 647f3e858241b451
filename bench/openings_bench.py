"""Does the opening answer the question asked? A proxy on questions with a gold article: for each
question, the consultation plan the assistant makes (AnswerService.prepare → plan) and the answer it
gives, against the item's gold article(s):

- opened: the plan has a guide conclusion;
- strict: a gold article is cited by a conclusion sentence;
- guide: a gold article is among the clauses of the opening guide (the first of ``plan.selected``);
- answer: a gold article is among the answer's citations.

The real forum questions carry one loose article each, so this is a proxy for "the opening answers the
question asked", not a lawyer's reading. The team's sets (several gold articles) are run the same way.

    LAWCLOUD_DATA_DIR=data python bench/openings_bench.py [--sets learn,check,consult_dev,...]
        [--out bench/results/openings.json] [--learn-dump /tmp/openings_learn.jsonl]

Only aggregates are printed and written. ``--learn-dump`` writes the learn half's items (question, gold,
plan, detected issues) for error analysis; give it a path outside the repository. The check half is
never written item by item.
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

DATASETS = REPO / "eval" / "datasets"
MEASURES = ("opened", "strict", "guide", "answer")


def main() -> None:
    from assistant.answer.service import AnswerService
    from assistant.config import get_settings
    from assistant.followup import Turn
    from assistant.runtime import open_runtime
    from eval.datasets import load_dataset
    from eval.openings import TEAM_SETS, opening_hits
    from eval.real_questions import load_real_questions

    parser = argparse.ArgumentParser()
    parser.add_argument("--sets", default="learn,check," + ",".join(TEAM_SETS))
    parser.add_argument("--out", default=str(REPO / "bench" / "results" / "openings.json"))
    parser.add_argument("--learn-dump", default=None, help="learn-half items for error analysis (JSONL)")
    parser.add_argument("--today", default="2026-12-05")
    args = parser.parse_args()

    started = time.perf_counter()
    settings = get_settings().model_copy(update={"reference_date": date.fromisoformat(args.today)})
    runtime = open_runtime(settings)
    service = AnswerService(runtime.retriever, settings)
    guides = {g.id: g for g in service.guides.all()}
    halves = load_real_questions()
    rows: dict[str, dict[str, object]] = {}
    dump = open(args.learn_dump, "w", encoding="utf-8") if args.learn_dump else None  # noqa: SIM115
    latencies: list[float] = []
    for name in args.sets.split(","):
        items = halves[name] if name in halves else load_dataset(DATASETS / f"{name}.jsonl")  # type: ignore[index]
        counts = dict.fromkeys(MEASURES, 0)
        scored = 0
        for item in items:
            gold = {(g.law, g.article) for g in item.gold}
            if not gold:
                continue
            history: list[Turn] = []
            for earlier in item.raw.get("turns") or []:
                prepared = service.prepare(earlier, history)
                answer = service.answer(prepared)
                history.append(
                    Turn(
                        earlier,
                        prepared.rewrite.query,
                        [c.as_citation() for c in answer.citations],
                        answer.text,
                    )
                )
            t0 = time.perf_counter()
            prepared = service.prepare(item.question, history)
            answer = service.answer(prepared)
            latencies.append(time.perf_counter() - t0)
            plan = prepared.request.plan
            scored += 1
            cited = {(c.unit.law, c.unit.article_no) for c in answer.citations if not c.unit.is_case}
            hit = opening_hits(plan, gold, guides) | {"answer": int(bool(gold & cited))}
            for key, value in hit.items():
                counts[key] += int(value)
            if dump is not None and name == "learn":
                dump.write(
                    json.dumps(
                        {
                            "id": item.id,
                            "question": item.question,
                            "gold": sorted(gold),
                            "selected": list(plan.selected) if plan else [],
                            "topics": [
                                [issue.id, round(score, 3)]
                                for issue, score in prepared.result.understanding.topics
                            ],
                            "by_meaning": sorted(prepared.result.understanding.topics_by_meaning),
                            "top": [[h.unit.law, h.unit.article_no] for h in prepared.result.hits[:10]],
                            "conclusion": [s.text for s in plan.conclusion] if plan else [],
                        }
                        | hit,
                        ensure_ascii=False,
                    )
                    + "\n"
                )
        rows[name] = {"n": scored} | {k: round(v / max(scored, 1), 3) for k, v in counts.items()}
        rows[name] |= {f"{k}_count": v for k, v in counts.items()}
        print(
            f"{name}: n={scored} "
            + " ".join(f"{k}={counts[k]}/{scored} ({counts[k] / max(scored, 1):.3f})" for k in MEASURES),
            flush=True,
        )
    if dump is not None:
        dump.close()
    latencies.sort()
    result = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}",
        "command": "python " + " ".join(sys.argv),
        "index": runtime.index.manifest["build_id"],
        "seconds": round(time.perf_counter() - started, 1),
        "answer_p95_ms": round(1000 * latencies[int(0.95 * (len(latencies) - 1))], 1) if latencies else None,
        "sets": rows,
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    print(json.dumps({k: result[k] for k in ("date", "machine", "seconds", "answer_p95_ms")}))


if __name__ == "__main__":
    main()
