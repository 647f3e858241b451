#!/usr/bin/env bash
# Create .venv and install the project with its test tools; skipped when already done for this
# pyproject.toml. torch is installed first and pinned to the local CPU wheel: an unpinned torch
# would pull a multi-GB CUDA build.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
VENV=.venv
STAMP="$VENV/.lawcloud-installed"
want=$(cat pyproject.toml scripts/setup.sh | sha256sum | cut -d' ' -f1)
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ] && [ -x "$VENV/bin/lawcloud" ]; then
  exit 0
fi
echo "==> setting up $VENV (first run takes about 2 minutes)"
[ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/pip" install --quiet "torch==2.13.0+cpu"
"$VENV/bin/pip" install --quiet -e ".[test]"
echo "$want" > "$STAMP"
echo "==> setup done"
