#!/usr/bin/env bash
# Run the performance benchmarks of issue 5 (each prints its figures and the core count).
#   packaging/perf.sh sqlite       [--n 1000000] [--reuse]   queue on SQLite, start, PDF
#   packaging/perf.sh postgresql   [--n 1000000] [--reuse]   queue on PostgreSQL, start,
#                                                            charging (8 processes), PDF
# Generating 1,000,000 requests takes about 4 min (SQLite) / 5 min (PostgreSQL) the first
# time; --reuse keeps the generated database for later runs.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:?usage: packaging/perf.sh sqlite|postgresql [--n N] [--reuse]}
shift
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m tests.perf.run_all --db "$db" "$@"
