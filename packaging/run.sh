#!/usr/bin/env bash
# Set up (first time) and open RIT Desk on the embedded default database
# (an SQLite file in the user data directory, created with demo data on first run).
set -euo pipefail
cd "$(dirname "$0")/.."
packaging/setup.sh
exec .venv/bin/rit-desk "$@"
