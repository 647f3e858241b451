"""Load test of a running `lawcloud serve` (offline mode) on loopback: POST /v1/chat at 1, 5, 20 and
50 concurrent clients, each level bounded by a request count and a time limit (whichever comes first).

Start the server yourself (rate limit off, conversations in a throwaway database), then:

    LAWCLOUD_DATA_DIR=data LAWCLOUD_RATE_LIMIT_PER_MINUTE=0 \\
    LAWCLOUD_DATABASE_URL=sqlite:////tmp/load.sqlite lawcloud serve --port 8799 &
    python bench/load_bench.py --url http://127.0.0.1:8799 [--levels 1,5,20,50] [--max-requests 200]
        [--max-seconds 30] [--out bench/results/load.json]

Questions: every distinct question of eval/datasets/retrieval_dev.jsonl and answers_dev.jsonl (639),
shuffled once (fixed seed) and taken in turn across the warm-up and all levels, so no question is
asked twice before all have been asked: with the default bounds the 1-, 5- and 20-client levels never
repeat a question (the server's query-vector cache cannot flatter them); the 50-client level wraps
around. Each level reports how many of its questions were repeats. A request counts
as an error when it fails or returns anything but 200 with an answer. Latencies are per request,
from sending to the end of the response body; throughput is completed requests over the level's wall
time. Requests in flight at the time limit are awaited and counted.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parent.parent
DATASETS = (
    REPO / "eval" / "datasets" / "retrieval_dev.jsonl",
    REPO / "eval" / "datasets" / "answers_dev.jsonl",
)


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of an unsorted list; 0.0 when empty."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def load_questions(paths: tuple[Path, ...] = DATASETS) -> list[str]:
    questions: dict[str, None] = {}
    for path in paths:
        with path.open(encoding="utf-8") as f:
            questions.update((json.loads(line)["question"], None) for line in f if line.strip())
    return list(questions)


class QuestionFeed:
    """The shuffled questions in turn, wrapping around; remembers which were already asked."""

    def __init__(self, questions: list[str], rng: random.Random) -> None:
        self._order = questions[:]
        rng.shuffle(self._order)
        self._next = 0
        self._asked: set[str] = set()

    def take(self) -> tuple[str, bool]:
        question = self._order[self._next % len(self._order)]
        self._next += 1
        repeat = question in self._asked
        self._asked.add(question)
        return question, repeat


async def run_level(
    client: httpx.AsyncClient,
    feed: QuestionFeed,
    clients: int,
    max_requests: int,
    max_seconds: float,
) -> dict[str, Any]:
    latencies: list[float] = []
    errors: dict[str, int] = {}
    issued = 0
    repeats = 0
    start = time.perf_counter()
    deadline = start + max_seconds

    async def worker() -> None:
        nonlocal issued, repeats
        while issued < max_requests and time.perf_counter() < deadline:
            issued += 1
            question, repeat = feed.take()
            repeats += repeat
            t0 = time.perf_counter()
            try:
                response = await client.post("/v1/chat", json={"question": question})
                ok = response.status_code == 200 and bool(response.json().get("answer"))
                kind = "ok" if ok else f"http_{response.status_code}"
            except (httpx.HTTPError, ValueError) as exc:
                kind = type(exc).__name__
            elapsed_ms = (time.perf_counter() - t0) * 1000
            if kind == "ok":
                latencies.append(elapsed_ms)
            else:
                errors[kind] = errors.get(kind, 0) + 1

    load_before = os.getloadavg()[0]
    await asyncio.gather(*(worker() for _ in range(clients)))
    wall = time.perf_counter() - start
    done = len(latencies)
    return {
        "clients": clients,
        "requests": done + sum(errors.values()),
        "ok": done,
        "errors": sum(errors.values()),
        "repeated_questions": repeats,
        "error_kinds": errors,
        "wall_s": round(wall, 2),
        "throughput_rps": round(done / wall, 2) if wall else 0.0,
        "p50_ms": round(percentile(latencies, 50), 1),
        "p95_ms": round(percentile(latencies, 95), 1),
        "p99_ms": round(percentile(latencies, 99), 1),
        "max_ms": round(max(latencies), 1) if latencies else 0.0,
        "load_avg_1m_before": round(load_before, 2),
        "load_avg_1m_after": round(os.getloadavg()[0], 2),
    }


async def main_async(args: argparse.Namespace) -> dict[str, Any]:
    questions = load_questions()
    feed = QuestionFeed(questions, random.Random(args.seed))
    levels = [int(x) for x in args.levels.split(",")]
    limits = httpx.Limits(max_connections=max(levels) + 5, max_keepalive_connections=max(levels) + 5)
    timeout = httpx.Timeout(args.request_timeout)
    async with httpx.AsyncClient(
        base_url=args.url, limits=limits, timeout=timeout, trust_env=False
    ) as client:
        ready = await client.get("/readyz")
        ready.raise_for_status()
        info = ready.json()
        if info.get("answer_mode") != "offline":
            sys.exit(f"the server answers in {info.get('answer_mode')} mode; this benchmark is for offline")
        for _ in range(args.warmup):  # first-request costs out of the figures
            (await client.post("/v1/chat", json={"question": feed.take()[0]})).raise_for_status()
        results = []
        for clients in levels:
            result = await run_level(client, feed, clients, args.max_requests, args.max_seconds)
            results.append(result)
            print(
                f"{clients:>3} clients: {result['requests']:>4} requests in {result['wall_s']:>5.1f} s, "
                f"p50 {result['p50_ms']:.0f} ms, p95 {result['p95_ms']:.0f} ms, p99 {result['p99_ms']:.0f} ms, "
                f"{result['throughput_rps']:.1f} req/s, errors {result['errors']}, "
                f"repeated questions {result['repeated_questions']} "
                f"(load {result['load_avg_1m_before']} -> {result['load_avg_1m_after']})",
                flush=True,
            )
    target = next((r for r in results if r["clients"] == 20), None)
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "url": args.url,
        "endpoint": "POST /v1/chat",
        "build_id": info.get("build_id"),
        "units": info.get("units"),
        "answer_mode": info.get("answer_mode"),
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
        },
        "bounds": {"max_requests": args.max_requests, "max_seconds": args.max_seconds},
        "seed": args.seed,
        "questions": {"files": [str(p.relative_to(REPO)) for p in DATASETS], "distinct": len(questions)},
        "levels": results,
        "target": {
            "clients": 20,
            "p95_ms_max": 1000,
            "errors": 0,
            "met": bool(target and target["p95_ms"] <= 1000 and target["errors"] == 0),
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", default="http://127.0.0.1:8799")
    parser.add_argument("--levels", default="1,5,20,50")
    parser.add_argument("--max-requests", type=int, default=200)
    parser.add_argument("--max-seconds", type=float, default=30.0)
    parser.add_argument("--request-timeout", type=float, default=60.0)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "load.json")
    args = parser.parse_args()
    report = asyncio.run(main_async(args))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"target (20 clients, p95 <= 1 s, 0 errors): {'met' if report['target']['met'] else 'NOT met'}")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
