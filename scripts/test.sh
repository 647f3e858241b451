#!/usr/bin/env bash
# Set up if needed, then run the whole test suite (the same command CI runs). On a fresh Debian machine
# this installs the system packages the tests drive (Chromium, PostgreSQL, a CJK font, Node.js).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh test
bash scripts/setup.sh
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 ANONYMIZED_TELEMETRY=False OPENBLAS_NUM_THREADS=1
# The chunk assembly shared by the web page and the mini-program client (node's built-in runner).
node --test tests/js/
exec .venv/bin/python -m pytest "$@"
