#!/usr/bin/env bash
# Install the Debian packages named that are not installed yet (apt-get, with sudo when not
# root); does nothing where there is no dpkg/apt-get. Another apt at work (unattended
# upgrades, a second set-up on a shared machine) is waited for, up to RIT_DESK_APT_LOCK_WAIT
# seconds (600), instead of failing at once.
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
wait_s=${RIT_DESK_APT_LOCK_WAIT:-600}
poll_s=${RIT_DESK_APT_LOCK_POLL:-5}
# apt-get waits for the dpkg lock itself (DPkg::Lock::Timeout)...
apt=($sudo apt-get -o "DPkg::Lock::Timeout=$wait_s")
echo "$who: installing ${missing[*]}"
# ...but not for the package lists' lock that 'update' takes (apt 2.6 fails at once with
# "Could not get lock /var/lib/apt/lists/lock"): that one is tried again until the deadline.
deadline=$((SECONDS + wait_s))
said=0
until out=$("${apt[@]}" update -qq 2>&1); do
  if ! grep -q "Could not get lock" <<<"$out" || [ $SECONDS -ge $deadline ]; then
    printf '%s\n' "$out" >&2
    exit 1
  fi
  [ $said = 1 ] || echo "$who: another apt holds the package lists, waiting (at most ${wait_s} s)"
  said=1
  sleep "$poll_s"
done
DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -qq "${missing[@]}" >/dev/null
