#!/usr/bin/env bash
# Install the Debian packages named that are not installed yet (apt-get, with sudo when not
# root); does nothing where there is no dpkg/apt-get.
#   packaging/apt_install.sh WHO PACKAGE...      (WHO prefixes the message: setup, build)
set -euo pipefail
who=$1
shift
command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 || exit 0
missing=()
# dpkg-query exits 1 when it has never heard of a package: that one is simply missing.
installed=$( (dpkg-query -W -f='${Package} ${Status}\n' "$@" 2>/dev/null || true) \
            | awk '/ok installed/ {print $1}')
for p in "$@"; do
  grep -qx "$p" <<<"$installed" || missing+=("$p")
done
[ ${#missing[@]} -gt 0 ] || exit 0
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "$who: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
