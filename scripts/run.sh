#!/usr/bin/env bash
# Set up if needed, build (or incrementally update) the default index, then show a sample article.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 ANONYMIZED_TELEMETRY=False OPENBLAS_NUM_THREADS=1
.venv/bin/lawcloud ingest
exec .venv/bin/lawcloud show 劳动合同法 82
