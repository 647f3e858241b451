#!/usr/bin/env bash
# Create .venv and install the project with its test tools; skipped when already done for this
# pyproject.toml. torch is installed first and pinned to the local CPU wheel: an unpinned torch
# would pull a multi-GB CUDA build.
# pip's own output (pages of index warnings and build notices even with --quiet) goes to a log file
# named in the output; the terminal gets one line per step. A failed step prints its whole output,
# then one line saying what to do next.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
VENV=.venv
STAMP="$VENV/.lawcloud-installed"
# Beside the venv, not in it: the log must survive a venv that could not be created.
LOG=.venv-setup.log
want=$(cat pyproject.toml scripts/setup.sh | sha256sum | cut -d' ' -f1)
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ] && [ -x "$VENV/bin/lawcloud" ]; then
  exit 0
fi
: >"$LOG"
started=$(date +%s)
echo "==> setting up $VENV: 4 steps, about 2-3 minutes the first time (full log: $LOG)"

# step N TOTAL LABEL HINT -- COMMAND...: run COMMAND with its output in the log; on failure print that
# output in full and HINT (what to do next), and exit with COMMAND's status.
step() {
  local n=$1 total=$2 label=$3 hint=$4 out rc t0
  shift 5
  out=$(mktemp)
  t0=$(date +%s)
  printf '    [%s/%s] %s ... ' "$n" "$total" "$label"
  printf '\n===== [%s/%s] %s: %s\n' "$n" "$total" "$label" "$*" >>"$LOG"
  rc=0
  "$@" >"$out" 2>&1 || rc=$?
  cat "$out" >>"$LOG"
  if [ "$rc" -eq 0 ]; then
    echo "done ($(($(date +%s) - t0)) s)"
    rm -f "$out"
    return 0
  fi
  echo "FAILED (exit $rc)"
  {
    echo "----- output of [$n/$total] $label (also in $LOG) -----"
    cat "$out"
    echo "-----"
    if grep -qi "no space left on device" "$out"; then
      echo "ERROR: setup failed at [$n/$total] $label: the disk is full; free some space, then run the same command again"
    else
      echo "ERROR: setup failed at [$n/$total] $label. $hint"
    fi
  } >&2
  rm -f "$out"
  exit "$rc"
}

again="then run the same command again (\`make run\`, \`make test\` or \`bash scripts/setup.sh\`); what is already installed is kept"
if [ -x "$VENV/bin/python" ]; then
  echo "    [1/4] virtual environment $VENV ... already there"
else
  step 1 4 "virtual environment $VENV" \
    "Python could not create it: install python3-venv (\`bash scripts/system-deps.sh serve\` does it as root), $again" \
    -- "$PY" -m venv "$VENV"
fi
pip_hint="pip's message is above; if it could not reach the package index, check the network or pip's index settings (pip config list), $again"
step 2 4 "pip (the installer itself)" "$pip_hint" -- "$VENV/bin/python" -m pip install --quiet --upgrade pip
step 3 4 "torch 2.13.0+cpu (the largest package, about a minute)" "$pip_hint" \
  -- "$VENV/bin/pip" install --quiet "torch==2.13.0+cpu"
step 4 4 "lawcloud and its dependencies (about a minute)" "$pip_hint" \
  -- "$VENV/bin/pip" install --quiet -e ".[test]"
echo "$want" >"$STAMP"
echo "==> setup done in $(($(date +%s) - started)) s"
