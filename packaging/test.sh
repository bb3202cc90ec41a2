#!/usr/bin/env bash
# Set up (first time) and run every check: ruff, mypy, the whole pytest suite
# (services on SQLite and PostgreSQL, GUI offscreen, PDFs).
set -euo pipefail
cd "$(dirname "$0")/.."
packaging/setup.sh --dev
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check .
.venv/bin/mypy
.venv/bin/pytest "$@"
