"""scripts/setup.sh as a newcomer sees it (`make run` / `make test` on a fresh machine): short lines
saying what is being installed, pip's pages of output kept in a log file the output names, and a
failure printed in full with what to do next. A copy of the script runs in a scratch checkout with a
fake Python whose venv's pip is as noisy as the real one and can be told to fail."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from assistant.config import REPO_ROOT

NOISE = "WARNING: Location 'file:///opt/pypi/simple/x/' is ignored: it is neither a file nor a directory."

FAKE_PIP = f"""#!/bin/bash
# As noisy as pip behind a local index: --quiet does not silence these.
for i in $(seq 1 80); do echo "{NOISE}" >&2; done
if [ -n "${{FAIL_ON:-}}" ] && [[ "$*" == *"$FAIL_ON"* ]]; then
  echo "ERROR: No matching distribution found for $FAIL_ON" >&2
  exit 1
fi
exit 0
"""

FAKE_PYTHON = """#!/bin/bash
if [ "$1" = -m ] && [ "$2" = venv ]; then
  [ -n "${VENV_FAILS:-}" ] && { echo "Error: ensurepip is not available" >&2; exit 1; }
  mkdir -p "$3/bin"
  cp "$FAKE_PIP" "$3/bin/pip"
  printf '#!/bin/bash\\n[ "$1" = -m ] && [ "$2" = pip ] && shift 2 && exec "$(dirname "$0")/pip" "$@"\\n' \\
    > "$3/bin/python"
  printf '#!/bin/bash\\n' > "$3/bin/lawcloud"
  chmod 755 "$3/bin/pip" "$3/bin/python" "$3/bin/lawcloud"
  exit 0
fi
exit 2
"""


def checkout(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / "scripts").mkdir(parents=True)
    shutil.copy(REPO_ROOT / "scripts" / "setup.sh", repo / "scripts" / "setup.sh")
    shutil.copy(REPO_ROOT / "pyproject.toml", repo / "pyproject.toml")
    (tmp_path / "pip").write_text(FAKE_PIP, encoding="utf-8")
    (tmp_path / "python").write_text(FAKE_PYTHON, encoding="utf-8")
    (tmp_path / "pip").chmod(0o755)
    (tmp_path / "python").chmod(0o755)
    return repo


def setup(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    full_env = {
        **os.environ,
        "PYTHON": str(tmp_path / "python"),
        "FAKE_PIP": str(tmp_path / "pip"),
        **env,
    }
    return subprocess.run(
        ["bash", str(tmp_path / "repo" / "scripts" / "setup.sh")],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=60,
    )


def test_a_first_setup_shows_short_progress_and_keeps_pips_output_in_the_named_log(tmp_path: Path) -> None:
    repo = checkout(tmp_path)
    out = setup(tmp_path)
    assert out.returncode == 0, out.stderr
    shown = out.stdout + out.stderr
    assert NOISE not in shown and out.stderr == ""
    lines = out.stdout.splitlines()
    assert len(lines) <= 6
    # Each step says what it installs and how long it may take, then how long it took.
    assert "torch 2.13.0+cpu" in shown and "about a minute" in shown and "lawcloud" in shown
    assert all("done (" in line for line in lines if line.lstrip().startswith("["))
    log_name = ".venv-setup.log"
    assert f"full log: {log_name}" in lines[0] and lines[-1].startswith("==> setup done")
    log = (repo / log_name).read_text(encoding="utf-8")
    assert log.count(NOISE) == 3 * 80  # pip, torch and the project: everything pip said is kept
    # Done once: a second run says nothing at all.
    again = setup(tmp_path)
    assert again.returncode == 0 and again.stdout == again.stderr == ""


def test_a_failed_install_prints_pips_error_in_full_and_what_to_do_next(tmp_path: Path) -> None:
    repo = checkout(tmp_path)
    out = setup(tmp_path, FAIL_ON="torch")
    assert out.returncode == 1
    assert "[3/4] torch 2.13.0+cpu" in out.stdout and "FAILED" in out.stdout
    assert "ERROR: No matching distribution found for torch" in out.stderr  # pip's own words, in full
    assert out.stderr.count(NOISE) == 80  # the failed step's whole output, not the earlier steps'
    last = out.stderr.splitlines()[-1]
    assert last.startswith("ERROR: setup failed at [3/4] torch") and "run the same command again" in last
    assert not (repo / ".venv" / ".lawcloud-installed").exists()  # not marked done: the next run retries
    # Mended, the same command resumes and finishes.
    fixed = setup(tmp_path)
    assert fixed.returncode == 0 and "already there" in fixed.stdout and "setup done" in fixed.stdout


def test_a_python_without_venv_is_told_what_to_install(tmp_path: Path) -> None:
    checkout(tmp_path)
    out = setup(tmp_path, VENV_FAILS="1")
    assert out.returncode == 1
    assert "ensurepip is not available" in out.stderr
    assert "python3-venv" in out.stderr.splitlines()[-1]
