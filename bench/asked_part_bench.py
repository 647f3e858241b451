"""Where do the words that chose the opening stand: in the asked part of the question, or only in the
background told before it? (Session 16, issue 13, branch route16.)

For each question: the answer that opens (``plan.selected[0]``), the asked part (the clause holding the
question's marker, kinds.asked_clause; else the last clause, plan.predicate_span, when the message's last
sentence is the one that asks) and how many of its characters the subject words of an answer (its ask
words less the form words of corpus/consult/question_kinds.toml) cover. Each question falls in one bucket:

- no_opening: no guide answer opens (a raised situation's steps, or nothing);
- no_asked_part: no asked part found (the asking sentence comes before a told one, or the last clause
  leans on the background: 还能, 说);
- opening_in_asked: the opening answer's subject words stand in the asked part;
- background_only_other_in_asked: they do not, but another answer of a candidate guide's does — the
  openings a rule "the asked object outranks the background" could change;
- background_only_none_in_asked: no candidate answer's subject words stand in the asked part (the object
  asked is named in words no answer carries, or the part names only the form: 怎么办, 多少).

    LAWCLOUD_DATA_DIR=data python bench/asked_part_bench.py [--sets learn,consult_dev] \
        [--out bench/results/asked_part.json] [--learn-dump /tmp/asked_part_learn.jsonl]

Only aggregates are printed and written; ``--learn-dump`` writes the learn half's items (give it a path
outside the repository). The check half is never written item by item.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

DATASETS = REPO / "eval" / "datasets"
BUCKETS = (
    "no_opening",
    "no_asked_part",
    "opening_in_asked",
    "background_only_other_in_asked",
    "background_only_none_in_asked",
)


def asked_part(question: str) -> str:
    """The marked clause, else the last clause when the last sentence is the one that asks."""
    from assistant.consult.kinds import asked_clause
    from assistant.consult.plan import predicate_span

    clause = asked_clause(question)
    if clause:
        return clause
    text = question.strip()
    if len([s for s in re.split(r"[。？?！!；;\n]", text) if s.strip()]) > 1 and re.search(
        r"[？?]", text.rstrip("？?")
    ):
        return ""
    return predicate_span(question)


def reach(answer: object, part: str) -> int:
    from assistant.consult.plan import coverage, subject_words

    return coverage(subject_words(answer), part) if answer is not None and part else 0  # type: ignore[arg-type]


def main() -> None:
    import assistant.consult.plan as plan_module
    from assistant.answer.service import AnswerService
    from assistant.config import get_settings
    from assistant.runtime import open_runtime
    from eval.datasets import load_dataset
    from eval.real_questions import load_real_questions

    parser = argparse.ArgumentParser()
    parser.add_argument("--sets", default="learn")
    parser.add_argument("--out", default=str(REPO / "bench" / "results" / "asked_part.json"))
    parser.add_argument("--learn-dump", default=None)
    parser.add_argument("--today", default="2026-12-05")
    args = parser.parse_args()

    # The candidates weighed for the opening: the last call of plan._by_match for the message.
    seen: dict[str, object] = {}
    by_match = plan_module._by_match

    def recording(guides, question, *rest, **kw):  # type: ignore[no-untyped-def]
        seen["guides"], seen["question"] = list(guides), question
        return by_match(guides, question, *rest, **kw)

    plan_module._by_match = recording  # type: ignore[assignment]
    started = time.perf_counter()
    settings = get_settings().model_copy(update={"reference_date": date.fromisoformat(args.today)})
    runtime = open_runtime(settings)
    service = AnswerService(runtime.retriever, settings)
    halves = load_real_questions()
    dump = open(args.learn_dump, "w", encoding="utf-8") if args.learn_dump else None  # noqa: SIM115
    rows: dict[str, dict[str, int]] = {}
    for name in args.sets.split(","):
        items = halves[name] if name in halves else load_dataset(DATASETS / f"{name}.jsonl")  # type: ignore[index]
        counts: Counter[str] = Counter()
        for item in items:
            seen.clear()
            plan = service.prepare(item.question, []).request.plan
            row: dict[str, object] = {"id": item.id}
            if plan is None or not plan.selected or "guides" not in seen:
                counts["no_opening"] += 1
                continue
            question = str(seen["question"])
            part = asked_part(question)
            opening = plan.selected[0]
            guides = seen["guides"]
            answers = {f"{g.id}/{a.id}": a for g in guides for a in g.answers}  # type: ignore[attr-defined]
            row |= {"part": part, "opening": opening}
            if not part:
                bucket = "no_asked_part"
            elif reach(answers.get(opening), part):
                bucket = "opening_in_asked"
            else:
                others = sorted(
                    ((n, ref) for ref, a in answers.items() if ref != opening and (n := reach(a, part))),
                    reverse=True,
                )
                row["others"] = others[:3]
                bucket = "background_only_other_in_asked" if others else "background_only_none_in_asked"
            counts[bucket] += 1
            if dump is not None and name == "learn":
                dump.write(json.dumps(row | {"bucket": bucket}, ensure_ascii=False) + "\n")
        rows[name] = {bucket: counts[bucket] for bucket in BUCKETS} | {"n": len(items)}
        print(f"{name}: " + " ".join(f"{k}={v}" for k, v in rows[name].items()), flush=True)
    if dump is not None:
        dump.close()
    result = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "command": "python " + " ".join(sys.argv),
        "index": runtime.index.manifest["build_id"],
        "seconds": round(time.perf_counter() - started, 1),
        "sets": rows,
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
