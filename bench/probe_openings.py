"""The opening the assistant gives on a probe set of one class per item, and what changed against an earlier run.

    LAWCLOUD_DATA_DIR=data python bench/probe_openings.py eval/datasets/consult_probe_s29_heldout.jsonl \
        --out /tmp/probe_new.jsonl [--compare /tmp/probe_old.jsonl] [--today 2026-12-05]

Probe sets (session 29, `eval/datasets/README_probe_sets.md`) are written by helpers blind to the code, each item a
class of consultation (a pay cut, how a death's grants are shared, …), some held out. This script only runs them: it
writes each item's opening (the **结论** paragraph) to ``--out`` and, with ``--compare`` (the same set run on another
commit, e.g. a `git worktree` of the start), counts the openings changed by class and near-miss flag. Whether an
opening is direct and correct is a lawyer's reading (blind, paired), not computed here.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def opening(text: str) -> str:
    """The conclusion paragraph(s): from **结论** to **为什么** (or the whole text when there is none)."""
    if "**结论**" not in text:
        return text.strip()
    return text.split("**结论**", 1)[1].split("**为什么**", 1)[0].strip()


def changed_by_class(old: list[dict], new: list[dict]) -> dict[str, dict[str, int]]:
    """Items whose opening differs between two runs, by class (near-misses counted apart)."""
    before = {item["id"]: item["opening"] for item in old}
    counts: dict[str, Counter[str]] = {}
    for item in new:
        key = f"{item['class']}{' (near-miss)' if item.get('near_miss') else ''}"
        tally = counts.setdefault(key, Counter())
        tally["items"] += 1
        tally["changed"] += before.get(item["id"]) not in (None, item["opening"])
    return {key: dict(tally) for key, tally in sorted(counts.items())}


def main() -> None:
    from assistant.answer.service import AnswerService
    from assistant.config import get_settings
    from assistant.runtime import open_runtime

    parser = argparse.ArgumentParser()
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--compare", type=Path)
    parser.add_argument("--today", default="2026-12-05")
    args = parser.parse_args()
    settings = get_settings().model_copy(
        update={"answer_mode": "offline", "reference_date": date.fromisoformat(args.today)}
    )
    runtime = open_runtime(settings)
    service = AnswerService(runtime.retriever, settings, today=lambda: date.fromisoformat(args.today))
    items = [
        json.loads(line) for line in args.dataset.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    rows = [{**item, "opening": opening(service.ask(item["question"]).text)} for item in items]
    args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{args.dataset.name}: {len(rows)} openings written to {args.out}")
    if args.compare:
        old = [
            json.loads(line) for line in args.compare.read_text(encoding="utf-8").splitlines() if line.strip()
        ]
        for key, tally in changed_by_class(old, rows).items():
            print(f"  {key}: {tally['changed']} / {tally['items']} changed")


if __name__ == "__main__":
    main()
