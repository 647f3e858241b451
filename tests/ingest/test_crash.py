"""kill -9 during an ingest: the previous build keeps serving and the next run resumes from the cache."""

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ingest.index import open_index
from tests.ingest.test_cli import lawcloud


@pytest.mark.integration
def test_kill_during_ingest_keeps_previous_index(tmp_path: Path, shared_corpus: Path) -> None:
    data = tmp_path / "data"
    first = lawcloud(["ingest", "--no-builtin", str(shared_corpus / "lawrefbook")], data)
    assert first.returncode == 0, first.stderr
    live_before = json.loads((data / "LIVE.json").read_text(encoding="utf-8"))

    env = {**os.environ, "LAWCLOUD_DATA_DIR": str(data), "LAWCLOUD_EMBEDDER": "fake", "CI": "true"}
    rng = random.Random(7)
    for _ in range(3):
        proc = subprocess.Popen(
            [sys.executable, "-m", "assistant.cli", "ingest", "--replace", str(shared_corpus)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.5, 4.0))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        live = json.loads((data / "LIVE.json").read_text(encoding="utf-8"))
        if live["build_id"] != live_before["build_id"]:
            live_before = live  # the kill came after the switch: the new build is complete and live
        shown = lawcloud(["show", "劳动合同法", "82"], data)
        assert shown.returncode == 0 and "二倍的工资" in shown.stdout
        index = open_index(data)
        vector = index.vectors.query(__import__("numpy").ones(128, dtype="float32") / 128**0.5, 3)
        assert len(vector) == 3
        index.close()

    resumed = lawcloud(["ingest", "--replace", "--json", str(shared_corpus)], data)
    assert resumed.returncode == 0, resumed.stderr
    report = json.loads(resumed.stdout)
    assert report["cached"] > 0  # work done before the kills was not lost
    assert not any(p.name.endswith(".partial") for p in (data / "builds").iterdir())
