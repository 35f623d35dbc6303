#!/usr/bin/env bash
# Cross-checks Faultline's analytics against an independent numpy/pandas/scipy implementation on a fixed dataset.
# Needs Debian's python3-pandas and python3-scipy (apt-get install -y python3-pandas python3-scipy).
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${CROSSCHECK_PYTHON:-/usr/bin/python3}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
npx tsx scripts/crosscheck/engine.ts "$dir"
"$PY" scripts/crosscheck/crosscheck.py "$dir"
"$PY" scripts/crosscheck/compare.py "$dir"
