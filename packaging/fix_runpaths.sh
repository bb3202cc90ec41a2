#!/usr/bin/env bash
# No library of the bundle searches a folder of the machine that built it:
#   packaging/fix_runpaths.sh FOLDER
# The RUNPATH (or RPATH) of every ELF file under FOLDER keeps only its $ORIGIN-relative
# entries: a Python built in its own prefix (pyenv's ~/.pyenv/versions/X, /usr/local)
# gives libpython and its extension modules one naming that prefix's lib folder, which the
# installed package would search first. One left with none gets '$ORIGIN' (the library's
# own folder, where the bundle keeps its libraries): patchelf writes a shorter path over
# the old one in place, where --remove-rpath would leave the old text in the file.
set -euo pipefail
folder=$1
fixed=0
while IFS= read -r -d '' file; do
  head -c4 "$file" | grep -q ELF || continue
  path=$(patchelf --print-rpath "$file" 2>/dev/null) || continue
  [ -n "$path" ] || continue
  kept=$(tr ':' '\n' <<<"$path" | grep '^\$ORIGIN' | paste -sd: -) || true
  [ "$kept" = "$path" ] && continue
  patchelf --set-rpath "${kept:-\$ORIGIN}" "$file"
  fixed=$((fixed + 1))
done < <(find "$folder" -type f -print0)
echo "build: search paths of the build machine removed from $fixed files"
