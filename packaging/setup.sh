#!/usr/bin/env bash
# Set up RIT Desk in ./.venv: system libraries (Debian/Ubuntu), Python packages,
# compiled translations. Safe to run again; it only does what is missing.
#   packaging/setup.sh          the app
#   packaging/setup.sh --dev    the app plus test and lint tools, poppler and PostgreSQL up
set -euo pipefail
cd "$(dirname "$0")/.."
dev=0
[ "${1:-}" = "--dev" ] && dev=1

debs=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libxcb-cursor0
      libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
      libxcb-render-util0 libxcb-image0)
[ $dev = 1 ] && debs+=(poppler-utils)
packaging/apt_install.sh setup "${debs[@]}"

# Installing and compiling happen only when what they are made from changed: a stamp in
# .venv holds the hash of their inputs (a dev install also serves the app).
changed() {  # changed NAME FILES...: true unless .venv/.stamp-NAME holds the files' hash
  [ "$(cat "${@:2}" | sha256sum)" != "$(cat ".venv/.stamp-$1" 2>/dev/null)" ]
}
stamp() { cat "${@:2}" | sha256sum > ".venv/.stamp-$1"; }

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip
fi
if [ $dev = 1 ]; then
  if changed dev pyproject.toml; then
    .venv/bin/python -m pip install -q -e '.[dev]'
    stamp dev pyproject.toml && stamp app pyproject.toml
  fi
elif changed app pyproject.toml; then
  .venv/bin/python -m pip install -q -e .
  stamp app pyproject.toml
fi
# Compile the translations (.ts -> .qm); with --dev also fail on any unfinished string.
ts=(resources/i18n/*.ts)
qm_missing=0
for f in "${ts[@]}"; do [ -f "${f%.ts}.qm" ] || qm_missing=1; done
if [ $dev = 1 ]; then
  .venv/bin/python packaging/build_translations.py --no-update --check
  stamp i18n "${ts[@]}"
elif [ $qm_missing = 1 ] || changed i18n "${ts[@]}"; then
  .venv/bin/python packaging/build_translations.py --no-update
  stamp i18n "${ts[@]}"
fi

if [ $dev = 1 ] && command -v pg_lsclusters >/dev/null 2>&1; then
  if ! pg_lsclusters -h 2>/dev/null | awk '{print $4}' | grep -q online; then
    echo "setup: starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
  fi
fi
