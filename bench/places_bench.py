"""Places → province: the cost of reading every county-level division (corpus/consult/divisions.tsv) and
what it adds. Loads the gazetteer with and without the county table (cold, each in a fresh cache), times
read_place on questions, and counts — in aggregate only — the questions of the team's dev sets and of the
real questions' learn half whose place of work is read with and without the county table.

    python bench/places_bench.py [--repeat 20] [--out bench/results/places.json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.consult.places import DIVISIONS_FILE, PLACES_FILE, load_gazetteer  # noqa: E402
from eval.real_questions import load_real_questions  # noqa: E402


def _dev_questions() -> list[str]:
    questions = []
    for path in sorted((ROOT / "eval" / "datasets").glob("*.jsonl")):
        if path.name.startswith("holdout"):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                questions.append(str(json.loads(line).get("question", "")))
    return questions


def _load_ms(divisions: Path | None, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        load_gazetteer.cache_clear()
        start = time.perf_counter()
        load_gazetteer(PLACES_FILE, divisions)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    report: dict[str, Any] = {
        "date": date.today().isoformat(),
        "machine": f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}",
        "load_ms_listed_only": round(_load_ms(None, args.repeat), 2),
        "load_ms_with_counties": round(_load_ms(DIVISIONS_FILE, args.repeat), 2),
    }
    listed, full = load_gazetteer(PLACES_FILE, None), load_gazetteer(PLACES_FILE, DIVISIONS_FILE)
    assert full.divisions is not None
    report["county_names"] = {"full": len(full.divisions.full), "short": len(full.divisions.short)}
    sets = {"dev sets (team's own)": _dev_questions(), "real questions, learn half": []}
    sets["real questions, learn half"] = [item.question for item in load_real_questions()["learn"]]
    for name, questions in sets.items():
        before = sum(listed.read(q) is not None for q in questions)
        after = sum(full.read(q) is not None for q in questions)
        changed = sum(listed.read(q) != full.read(q) for q in questions)
        report[name] = {
            "questions": len(questions),
            "place read before": before,
            "after": after,
            "changed": changed,
        }
    questions = sets["dev sets (team's own)"]
    start = time.perf_counter()
    for q in questions:
        full.read(q)
    report["read_place_mean_ms"] = round((time.perf_counter() - start) * 1000 / max(1, len(questions)), 4)
    text = json.dumps(report, ensure_ascii=False, indent=2)
    sys.stdout.write(text + "\n")
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
