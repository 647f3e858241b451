#!/usr/bin/env bash
# Set up if needed, build (or incrementally update) the default index, then serve the chat API on
# http://127.0.0.1:8000 (docs at /docs). LAWCLOUD_HOST / LAWCLOUD_PORT change where it listens.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh serve
bash scripts/setup.sh
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 ANONYMIZED_TELEMETRY=False OPENBLAS_NUM_THREADS=1
# Exit 1 means some inputs were skipped (listed above); the rest is indexed and worth serving.
.venv/bin/lawcloud ingest --then-serve || echo "==> ingest reported problems (see above); serving the live index"
exec .venv/bin/lawcloud serve --host "${LAWCLOUD_HOST:-127.0.0.1}" --port "${LAWCLOUD_PORT:-8000}"
