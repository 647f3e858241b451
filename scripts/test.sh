#!/usr/bin/env bash
# Set up if needed, then run the whole test suite (the same command CI runs).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 ANONYMIZED_TELEMETRY=False OPENBLAS_NUM_THREADS=1
# The chunk assembly shared by the web page and the mini-program client (node's built-in runner).
if command -v node >/dev/null 2>&1; then
  node --test tests/js/
else
  echo "node not found: install nodejs to run tests/js" >&2
  exit 1
fi
exec .venv/bin/python -m pytest "$@"
