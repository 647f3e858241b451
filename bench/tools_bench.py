"""Worker-tool latency: every calculator and time limit on realistic inputs, in process (run_tool:
validation + computation + result), plus the 劳动仲裁申请书 .docx, and POST /v1/tools/{name} through the
ASGI app (no network). Target (issue 15): p95 ≤ 20 ms per calculation.

    python bench/tools_bench.py [--repeat 300] [--out bench/results/tools.json]
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

from assistant.tools import TOOLS, run_tool  # noqa: E402
from assistant.tools.data import load_tables  # noqa: E402

TODAY = date(2026, 12, 5)
CASES: dict[str, dict[str, Any]] = {
    "severance": {"monthly_wage": 40000, "start_date": "2005-03-01", "end_date": "2024-06-30", "city": "上海", "termination": "dismissed", "notice_given": False},
    "damages": {"monthly_wage": 6000, "start_date": "2020-03-01", "end_date": "2025-06-30", "city": "深圳"},
    "double_wage": {"monthly_wage": 5000, "start_date": "2025-01-15", "end_date": "2025-08-20"},
    "overtime": {"monthly_wage": 4350, "overtime_hours_weekday": 40, "overtime_hours_restday": 8, "overtime_hours_holiday": 8},
    "annual_leave": {"cumulative_work_years": 12, "start_date": "2015-03-01", "end_date": "2026-07-15", "leave_days_taken": 2, "monthly_wage": 6525},
    "injury_benefits": {"disability_grade": 9, "monthly_wage": 5000, "city": "东莞", "injury_date": "2025-05-01"},
    "death_benefits": {"death_date": "2025-01-10", "city": "北京", "monthly_wage": 8000, "dependants_spouse": True, "dependants_other": 1},
    "sick_pay": {"city": "深圳", "cumulative_work_years": 12, "start_date": "2019-01-01"},
    "minimum_wage": {"monthly_wage": 1800, "city": "东莞"},
    "arbitration_deadline": {"knew_date": "2026-01-20", "interrupted_date": "2026-03-01"},
    "injury_recognition_deadline": {"injury_date": "2026-11-01"},
    "lawsuit_deadline": {"award_date": "2026-11-28"},
    "final_award": {"claim_amount": 25000, "province": "江苏"},
}  # fmt: skip


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def timed(fn: Any, repeat: int) -> list[float]:
    fn()  # warm
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def summary(values: list[float]) -> dict[str, float]:
    return {
        "p50_ms": round(statistics.median(values), 3),
        "p95_ms": round(percentile(values, 95), 3),
        "max_ms": round(max(values), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=300)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "tools.json")
    args = parser.parse_args()

    start = time.perf_counter()
    load_tables()
    load_ms = (time.perf_counter() - start) * 1000
    assert set(CASES) == set(TOOLS), "a case per tool"
    rows: dict[str, dict[str, float]] = {}
    every: list[float] = []
    for name, values in CASES.items():
        samples = timed(lambda n=name, v=values: run_tool(n, v, today=TODAY), args.repeat)
        every.extend(samples)
        rows[name] = summary(samples)

    from assistant.documents import ArbitrationFacts, build_application, render_docx

    facts = ArbitrationFacts.model_validate(
        {"monthly_wage": 6000, "start_date": "2022-03-01", "end_date": "2025-06-30", "termination": "unlawful_dismissal",
         "unpaid_amount": 12000, "contract_signed": False, "city": "深圳"}
    )  # fmt: skip
    docx_ms = summary(timed(lambda: render_docx(build_application(facts)), max(20, args.repeat // 10)))

    from fastapi.testclient import TestClient

    from api.main import create_app
    from assistant.config import Settings

    client = TestClient(
        create_app(Settings(data_dir=Path("/nonexistent"), embedder="fake"))
    )  # no lifespan: tools need no index
    api = summary(
        timed(
            lambda: client.post("/v1/tools/severance", json=CASES["severance"]).raise_for_status(),
            args.repeat,
        )
    )

    result = {
        "date": date.today().isoformat(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "load_average": round(os.getloadavg()[0], 2),
        "repeat": args.repeat,
        "tables_load_ms": round(load_ms, 1),
        "per_tool": rows,
        "all_calculations": summary(every),
        "arbitration_docx": docx_ms,
        "api_post_severance_asgi": api,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    width = max(len(n) for n in rows)
    for name, row in rows.items():
        print(
            f"{name:<{width}}  p50 {row['p50_ms']:7.3f} ms  p95 {row['p95_ms']:7.3f} ms  max {row['max_ms']:7.3f} ms"
        )
    print(f"all calculations: {result['all_calculations']}  (target p95 ≤ 20 ms)")
    print(f".docx draft: {docx_ms}; POST /v1/tools/severance (ASGI): {api}; tables load {load_ms:.1f} ms")


if __name__ == "__main__":
    main()
