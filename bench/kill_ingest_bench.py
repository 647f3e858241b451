"""kill -9 at random points of `lawcloud ingest --replace ../shared/corpus` (fake embedder) into a temp
data dir that first holds a good build; after every kill the live index must be intact.

    python bench/kill_ingest_bench.py [--trials 20] [--seed 20] [--corpus ../shared/corpus]
        [--out bench/results/kill_ingest.json]

Steps: a good build of `lawrefbook` alone (`--no-builtin`); two full `--replace` ingests, the second
(warm embedding cache, as in the trials) timed to completion (T), then the live build is set back to the small one. Each trial starts the full ingest and
sends SIGKILL after a uniform random delay in [0.02 T, 0.98 T]; then checks that `lawcloud show 劳动合同法
82` prints the article, that LIVE.json names a finished build directory (not `.partial`, manifest with
the same build_id, store, BM25 and Chroma files) and that its vector collection opens with as many
vectors as the manifest's chunks. A kill that came after the pointer switch leaves the new build live;
the trial then counts as "finished before the kill" and the small build is ingested again so that the
next trial has work to interrupt. Finally one full ingest runs to completion.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from ingest.index import open_index, read_live  # noqa: E402 - after the path insert


def cli(args: list[str]) -> list[str]:
    return [sys.executable, "-m", "assistant.cli", *args]


def env_for(data: Path) -> dict[str, str]:
    return {
        **os.environ,
        "LAWCLOUD_DATA_DIR": str(data),
        "LAWCLOUD_EMBEDDER": "fake",
        "CI": "true",
        "ANONYMIZED_TELEMETRY": "False",
    }


def run(args: list[str], data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cli(args), env=env_for(data), cwd=REPO, capture_output=True, text=True, timeout=600)


def check_live(data: Path) -> dict[str, Any]:
    """Every check on the live index after a kill; returns what was found (`intact` says it all)."""
    found: dict[str, Any] = {"intact": False}
    shown = run(["show", "劳动合同法", "82"], data)
    found["show_ok"] = shown.returncode == 0 and "二倍的工资" in shown.stdout
    live = read_live(data)
    if live is None:
        found["error"] = "no LIVE.json"
        return found
    build_id = live["build_id"]
    build = data / "builds" / build_id
    found["build_id"] = build_id
    manifest_path = build / "manifest.json"
    files_ok = (
        build.is_dir()
        and not build.name.endswith(".partial")
        and manifest_path.is_file()
        and all((build / name).exists() for name in ("store.sqlite", "bm25.json", "bm25.npz", "chroma"))
    )
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.is_file() else {}
    found["files_ok"] = files_ok and manifest.get("build_id") == build_id
    try:
        index = open_index(data)
        try:
            found["vectors"] = index.vectors.count()
        finally:
            index.close()
        found["vectors_ok"] = found["vectors"] == manifest.get("counts", {}).get("chunks")
    except Exception as exc:  # noqa: BLE001 - any failure to open is a broken index
        found["vectors_ok"] = False
        found["error"] = repr(exc)
    found["intact"] = bool(found["show_ok"] and found["files_ok"] and found["vectors_ok"])
    return found


def last_progress(path: Path) -> str:
    lines = [line for line in path.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]
    return lines[-1] if lines else "(starting)"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--seed", type=int, default=20)
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "kill_ingest.json")
    args = parser.parse_args()
    corpus = args.corpus.resolve()
    small = ["ingest", "--replace", "--no-builtin", str(corpus / "lawrefbook")]
    full = ["ingest", "--replace", str(corpus)]
    rng = random.Random(args.seed)
    started = time.monotonic()

    with tempfile.TemporaryDirectory(prefix="kill-ingest-") as tmp:
        data = Path(tmp) / "data"
        good = run(small, data)
        assert good.returncode == 0, good.stderr
        assert check_live(data)["intact"], "the first good build is not intact"

        # Timed on the second run: the trials run with the embedding cache warm, as resumed ingests do.
        for _ in range(2):
            t0 = time.monotonic()
            calib = run(full, data)
            full_seconds = time.monotonic() - t0
            assert calib.returncode == 0, calib.stderr
            assert run(small, data).returncode == 0
        small_build = read_live(data)["build_id"]  # type: ignore[index]
        print(f"full ingest to completion: {full_seconds:.1f} s", flush=True)

        trials: list[dict[str, Any]] = []
        for i in range(args.trials):
            before = read_live(data)["build_id"]  # type: ignore[index]
            delay = rng.uniform(0.02, 0.98) * full_seconds
            log_path = Path(tmp) / f"trial-{i}.log"
            with log_path.open("w", encoding="utf-8") as log:
                proc = subprocess.Popen(cli(full), env=env_for(data), cwd=REPO, stdout=log, stderr=log)
                time.sleep(delay)
                exited_before = proc.poll() is not None
                if not exited_before:
                    os.kill(proc.pid, signal.SIGKILL)
                proc.wait()
            found = check_live(data)
            switched = found.get("build_id") != before
            trial = {
                "trial": i + 1,
                "kill_after_s": round(delay, 2),
                "kill_fraction": round(delay / full_seconds, 3),
                "phase_at_kill": last_progress(log_path),
                "exited_before_kill": exited_before,
                "live_before": before,
                "live_after": found.get("build_id"),
                "new_build_live": switched,
                **found,
            }
            trials.append(trial)
            print(
                f"trial {i + 1:>2}: kill at {delay:4.1f} s ({trial['phase_at_kill'][:40]}), "
                f"{'new build live' if switched else 'previous build live'}, intact={found['intact']}",
                flush=True,
            )
            if switched:
                assert run(small, data).returncode == 0

        t0 = time.monotonic()
        final = run([*full, "--json"], data)
        final_seconds = time.monotonic() - t0
        final_report = json.loads(final.stdout) if final.returncode == 0 else {}
        final_check = check_live(data)
        leftovers = sorted(p.name for p in (data / "builds").iterdir() if p.name.endswith(".partial"))

    report = {
        "date": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "command": f"lawcloud ingest --replace {corpus} (LAWCLOUD_EMBEDDER=fake)",
        "machine": {"cpus": os.cpu_count(), "load_avg": [round(x, 2) for x in os.getloadavg()]},
        "seed": args.seed,
        "full_ingest_seconds": round(full_seconds, 2),
        "small_build": small_build,
        "trials": trials,
        "all_intact": all(t["intact"] for t in trials),
        "kills_before_switch": sum(not t["new_build_live"] for t in trials),
        "final": {
            "returncode": final.returncode,
            "seconds": round(final_seconds, 2),
            "cached": final_report.get("cached"),
            "embedded": final_report.get("embedded"),
            "intact": final_check["intact"],
            "partial_dirs_left": leftovers,
        },
        "total_seconds": round(time.monotonic() - started, 1),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(
        f"{len(trials)} trials, all intact: {report['all_intact']}; final ingest rc {final.returncode} "
        f"in {final_seconds:.1f} s, intact {final_check['intact']}; {report['total_seconds']} s in all"
    )
    print(f"wrote {args.out}")
    if not report["all_intact"] or final.returncode != 0 or not final_check["intact"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
