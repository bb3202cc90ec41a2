#!/usr/bin/env bash
# Build the Debian package dist/rit-desk_<version>_<arch>.deb from this checkout, in one
# command from a fresh clone (Debian/Ubuntu with Python 3.11+):
#   packaging/build.sh
# It makes its own build environment in build/venv (PyInstaller from PyPI, the app and
# its dependencies), bundles the app in one folder (packaging/rit-desk.spec) and packs it
# with dpkg-deb: the bundle in /opt/rit-desk, /usr/bin/rit-desk, the desktop entry, the
# icons, and Depends on the system libraries the bundle's ELF files need (dpkg-shlibdeps).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
python=${PYTHON:-python3}

# Debian tools: dpkg-shlibdeps (dpkg-dev), venv (python3-venv), patchelf.
packaging/apt_install.sh build dpkg-dev python3-venv patchelf

version=$("$python" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
arch=$(dpkg --print-architecture)
venv=build/venv
if [ ! -x $venv/bin/python ]; then
  "$python" -m venv $venv
  $venv/bin/python -m pip install -q --upgrade pip
fi
# The app itself too: its metadata carries the version that 'rit-desk --version' prints.
$venv/bin/python -m pip install -q 'pyinstaller>=6.10,<7' .
$venv/bin/python packaging/build_translations.py --no-update >/dev/null

echo "build: bundling rit-desk $version (PyInstaller)"
rm -rf build/bundle
$venv/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath build/bundle \
  --workpath build/pyinstaller packaging/rit-desk.spec

echo "build: packing the .deb"
pkg=build/deb/rit-desk
rm -rf build/deb
mkdir -p $pkg/DEBIAN $pkg/opt $pkg/usr/bin $pkg/usr/share/applications \
  $pkg/usr/share/doc/rit-desk
cp -a build/bundle/rit-desk $pkg/opt/rit-desk
# pip's note of where the app was installed from names the checkout: not the package's
rm -f $pkg/opt/rit-desk/_internal/*.dist-info/direct_url.json
ln -s /opt/rit-desk/rit-desk $pkg/usr/bin/rit-desk
install -m 0644 packaging/debian/rit-desk.desktop $pkg/usr/share/applications/rit-desk.desktop
install -m 0644 packaging/debian/copyright $pkg/usr/share/doc/rit-desk/copyright
# the worker's unit: installed, never enabled by the package (it needs its configuration)
install -D -m 0644 packaging/debian/rit-desk-worker.service \
  $pkg/lib/systemd/system/rit-desk-worker.service
mkdir -p $pkg/usr/share/man/man1
sed "s/@VERSION@/$version/" packaging/debian/rit-desk.1 | gzip -9n > $pkg/usr/share/man/man1/rit-desk.1.gz
QT_QPA_PLATFORM=offscreen $venv/bin/python packaging/debian/icons.py \
  packaging/debian/rit-desk.svg $pkg
printf 'rit-desk (%s) unstable; urgency=medium\n\n  * Release %s.\n\n -- RIT Desk team <rit-desk@example.com>  %s\n' \
  "$version" "$version" "$(date -R -d "@$(git log -1 --format=%ct 2>/dev/null || date +%s)")" \
  | gzip -9n > $pkg/usr/share/doc/rit-desk/changelog.gz
# Files and folders: root's, readable by all; no group or world write bits. Shared
# libraries lose their execute bit and their symbols (not the executable: PyInstaller
# appends the program's archive to it).
chmod -R u+rwX,go+rX,go-w $pkg
find $pkg/opt -type f -name '*.so*' -exec chmod 0644 {} + \
  -exec strip --strip-unneeded --remove-section=.comment --remove-section=.note {} +
# No build-machine folder in the libraries' search paths (a Python built in its own
# prefix, such as pyenv's, names its lib folder in them).
packaging/fix_runpaths.sh $pkg/opt

# Depends: the shared libraries that the bundle's ELF files need and do not carry.
shlib=build/shlibdeps
rm -rf $shlib && mkdir -p $shlib/debian
printf 'Source: rit-desk\n\nPackage: rit-desk\nArchitecture: any\n' > $shlib/debian/control
mapfile -t elves < <(find "$PWD/$pkg/opt" -type f \( -name '*.so*' -o -perm -u+x \) \
  -exec sh -c 'head -c4 "$1" | grep -q ELF && echo "$1"' _ {} \;)
private=$(find "$PWD/$pkg/opt/rit-desk/_internal" -name '*.so*' -printf '%h\n' | sort -u \
  | sed 's/^/-l/')
# shellcheck disable=SC2086
depends=$(cd $shlib && dpkg-shlibdeps -O --ignore-missing-info $private "${elves[@]}" \
  2>/dev/null | sed -n 's/^shlibs:Depends=//p')
# Qt loads libdbus at run time (the desktop portal, input methods, accessibility).
case "$depends" in *libdbus-1-3*) ;; *) depends="$depends, libdbus-1-3" ;; esac
installed=$(du -sk --apparent-size $pkg | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@INSTALLED_SIZE@/$installed/" \
    -e "s/@DEPENDS@/$depends/" packaging/debian/control.in > $pkg/DEBIAN/control

mkdir -p dist
deb=dist/rit-desk_${version}_${arch}.deb
dpkg-deb --root-owner-group -Zxz --build $pkg "$deb" >/dev/null
echo "build: $deb ($(du -h "$deb" | cut -f1), installed $((installed / 1024)) MB) in $(( $(date +%s) - started )) s"
