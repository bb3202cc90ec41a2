#!/usr/bin/env bash
# Smoke-start the Debian package without installing it (what CI runs after the tests):
#   packaging/smoke_deb.sh [dist/rit-desk_<version>_<arch>.deb]
# It unpacks the .deb into a temporary root and runs /usr/bin/rit-desk from there with a
# clean environment (env -i: PATH, HOME and QT_QPA_PLATFORM=offscreen only; no virtual
# environment, no project source on any path), from a directory outside the checkout: the
# desktop entry validates; no file names the checkout or the build Python's folders, no
# library searches a folder other than its own ($ORIGIN); --version; keyring status (no
# Secret Service here: says so); init --demo on a fresh SQLite file; --screenshot of the
# main window; quotes pdf of a demo quote with every font embedded (pdffonts); init, a
# query and drop on a fresh PostgreSQL database of its own.
# Every check runs; the script fails if any of them failed. RIT_DESK_SMOKE_KEEP=FILE keeps
# the screenshot.
set -uo pipefail
cd "$(dirname "$0")/.."
checkout=$PWD
packaging/apt_install.sh smoke poppler-utils file desktop-file-utils binutils || exit 1
version=$(python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
deb=${1:-dist/rit-desk_${version}_$(dpkg --print-architecture).deb}
deb=$(realpath "$deb")
pg_server=${RIT_DESK_SMOKE_PG:-postgresql+psycopg://postgres@127.0.0.1:5432}
work=$(mktemp -d /tmp/rit-desk-smoke.XXXXXX)
pg_db="rit_desk_smoke_$$_$RANDOM"
cleanup() {
  # always: the check that creates the database runs in a subshell (check's $(...)), so
  # no flag set there reaches this shell; its database and the roles init made for it
  # (named after it) are dropped if they exist, so no run leaves them on the server
  psql -q -X -h 127.0.0.1 -U postgres -d postgres \
    -c "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" >/dev/null 2>&1 || true
  for role in $(psql -q -X -A -t -h 127.0.0.1 -U postgres -d postgres \
                -c "SELECT rolname FROM pg_roles WHERE rolname LIKE '${pg_db}\_%'" 2>/dev/null); do
    psql -q -X -h 127.0.0.1 -U postgres -d postgres -c "DROP ROLE IF EXISTS \"$role\"" \
      >/dev/null 2>&1 || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

passed=0
failed=0
check() {  # check NAME COMMAND...: run it, count it, show its output when it fails
  local name=$1
  shift
  local out
  if out=$("$@" 2>&1); then
    passed=$((passed + 1))
    echo "ok    $name"
  else
    failed=$((failed + 1))
    echo "FAIL  $name"
    printf '%s\n' "$out" | tail -20 | sed 's/^/      /'
  fi
}

dpkg-deb -x "$deb" "$work/root" || { echo "smoke: cannot unpack $deb"; exit 1; }
mkdir -p "$work/home" "$work/run"
cd "$work/run"  # outside the checkout
# /usr/bin/rit-desk is a link to /opt/rit-desk/rit-desk: run its target in the unpacked tree
bin="$work/root/opt/rit-desk/rit-desk"
sqlite="sqlite:///$work/run/smoke.sqlite3"
pg_url="$pg_server/$pg_db"
rit() { env -i PATH=/usr/bin:/bin HOME="$work/home" QT_QPA_PLATFORM=offscreen "$bin" "$@"; }

expect_version() { [ "$(rit --version)" = "rit-desk $version" ]; }
no_source_on_path() {  # the bundle's modules are its own, not the checkout's
  ! grep -rqs "$checkout" "$work/root/opt/rit-desk/_internal/"*.pth 2>/dev/null \
    && [ -z "$(find "$work/root" -name '*.py' -path '*/ui/*' -print -quit)" ]
}
keyring_none() { rit keyring status | grep -q "^keyring: none .*asked each time"; }
screenshot() {
  rit --screenshot "$work/run/main.png" && [ -s "$work/run/main.png" ] || return 1
  file "$work/run/main.png" | grep -q "PNG image data, 1480 x 900" || return 1
  if [ -n "${RIT_DESK_SMOKE_KEEP:-}" ]; then cp "$work/run/main.png" "$RIT_DESK_SMOKE_KEEP"; fi
}
quote_pdf() {
  rit --db "$sqlite" quotes pdf 1 -o "$work/run/quote.pdf" || return 1
  local fonts
  fonts=$(pdffonts "$work/run/quote.pdf") || return 1
  printf '%s\n' "$fonts"
  # every font line (after the two header lines) says "yes" in the emb column
  [ "$(printf '%s\n' "$fonts" | tail -n +3 | wc -l)" -gt 0 ] \
    && ! printf '%s\n' "$fonts" | tail -n +3 | awk '{ if ($(NF-4) != "yes") bad = 1 } END { exit !bad }'
}
postgresql() {
  psql -q -X -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE $pg_db" || return 1
  rit --db "$pg_url" init --demo || return 1
  local listed
  listed=$(rit --db "$pg_url" --json customers list) && grep -q '"code": "C1' <<<"$listed"
}

italian_inside() {  # Qt's own Italian (and its gaps filled), Babel's CLDR data
  local internal="$work/root/opt/rit-desk/_internal"
  [ -f "$internal/PySide6/Qt/translations/qtbase_it.qm" ] \
    && [ -f "$internal/resources/i18n/qtbase_gaps_it.qm" ] \
    && [ -f "$internal/babel/locale-data/it_IT.dat" ] && [ -f "$internal/babel/locale-data/en_GB.dat" ]
}

desktop_entry() { desktop-file-validate "$work/root/usr/share/applications/rit-desk.desktop"; }
no_build_paths() {  # nothing in the package names a folder of the machine that built it
  local bad=0 file runpath entry
  while IFS= read -r -d '' file; do
    head -c4 "$file" | grep -q ELF || continue
    runpath=$(readelf -d "$file" 2>/dev/null | sed -n 's/.*(R\(UN\)\{0,1\}PATH).*\[\(.*\)\]/\2/p')
    for entry in ${runpath//:/ }; do
      case "$entry" in '$ORIGIN'*) ;; *) echo "search path $entry in ${file#"$work/root"}"; bad=1 ;; esac
    done
  done < <(find "$work/root" -type f -print0)
  # the checkout it was built from, and the build's Python's own folders (its lib folder,
  # its site-packages: not its bare prefix, which libpython keeps compiled in as text)
  local prefix
  prefix=$(python3 -c 'import sys; print(sys.base_prefix)')
  if grep -rlaF -e "$checkout" -e "$prefix/lib" -e "$prefix/bin" "$work/root"; then bad=1; fi
  [ $bad = 0 ]
}
installed_layout() {
  [ "$(readlink "$work/root/usr/bin/rit-desk")" = /opt/rit-desk/rit-desk ] \
    && [ -x "$bin" ] && [ -f "$work/root/usr/share/applications/rit-desk.desktop" ] \
    && [ -f "$work/root/usr/share/icons/hicolor/scalable/apps/rit-desk.svg" ] \
    && [ -f "$work/root/usr/share/icons/hicolor/48x48/apps/rit-desk.png" ] \
    && [ -f "$work/root/lib/systemd/system/rit-desk-worker.service" ]
}

check "layout: /usr/bin/rit-desk -> /opt/rit-desk, desktop entry, icons" installed_layout
check "the desktop entry validates (desktop-file-validate)" desktop_entry
check "no path of the build machine in the package (search paths, checkout, Python)" no_build_paths
check "--version prints rit-desk $version" expect_version
check "no project source in the bundle" no_source_on_path
check "Qt's Italian catalogues and Babel's locale data in the bundle" italian_inside
check "keyring status without a Secret Service" keyring_none
check "init --demo on a fresh SQLite file" rit --db "$sqlite" init --demo
check "--screenshot of the main window (embedded default, first run)" screenshot
check "quotes pdf of a demo quote, fonts embedded" quote_pdf
check "init --demo and customers list on a fresh PostgreSQL database" postgresql

echo "smoke: $passed passed, $failed failed"
[ $failed = 0 ]
