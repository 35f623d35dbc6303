#!/usr/bin/env bash
# Runs the analytics benchmarks (Faultline vs numpy/pandas, same data, same run) and writes bench/results/analytics.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/results
table=$(mktemp)
BENCH_OUT="$table" npx tsx bench/event-study.ts "$@"
{
  echo "## Analytics benchmark"
  echo
  echo "Run $(date -u +%Y-%m-%dT%H:%MZ) on $(uname -m), Node $(node --version), $(/usr/bin/python3 -c 'import numpy, pandas, scipy, sys; print(f"Python {sys.version.split()[0]}, numpy {numpy.__version__}, pandas {pandas.__version__}, scipy {scipy.__version__}")'), $(nproc) CPUs."
  echo
  echo "Event study: market model, estimation [−250, −11], event window [−10, +10], windows [0,0] [0,+1] [−1,+1] [−5,+5] [−10,+10],"
  echo "each with CAR t/p, Patell, Corrado rank and generalised sign tests per asset, then per event AAR/CAAR with cross-sectional t,"
  echo "Patell, BMP, Kolari–Pynnönen and aggregate rank/sign tests. Both sides time computation only (data already in memory);"
  echo "the checksum (Σ CAAR[−1,+1] + KP t over events) must agree. Ratio > 1 means Faultline is faster."
  echo
  cat "$table"
  echo
  echo "Risk panel: log returns, realised volatility 20/60/252, EWMA (λ = 0.94), 20d-vol z-score, historical and parametric"
  echo "VaR/ES at 95/97.5/99 %, maximum drawdown, rolling 60d beta and correlation against the benchmark."
} > bench/results/analytics.md
rm -f "$table"
cat bench/results/analytics.md
