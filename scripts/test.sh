#!/usr/bin/env bash
# Set up if needed, then run the whole test suite (the same command CI runs).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 ANONYMIZED_TELEMETRY=False OPENBLAS_NUM_THREADS=1
exec .venv/bin/python -m pytest "$@"
