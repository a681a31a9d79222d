#!/usr/bin/env bash
# Install the Debian/Ubuntu packages the app needs (Qt's runtime libraries) and, with the argument `test`, the programs
# some tests drive (LibreOffice Calc, poppler and Carlito - Calibri's metric twin, so LibreOffice prints the term sheet
# as Excel does - for the printed term sheet, desktop-file-utils and shared-mime-info
# for the Linux installer files, binutils for the bundle check), when they are missing and we can (root or sudo).
set -euo pipefail
PKGS="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 fonts-dejavu-core \
libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 \
libxcb-xinerama0 libxcb-xkb1 ${EXTRA_DEBIAN_PACKAGES:-}"
TEST_PKGS="libreoffice-calc poppler-utils fonts-crosextra-carlito desktop-file-utils shared-mime-info binutils"
command -v dpkg-query >/dev/null 2>&1 || { echo "system-deps: not Debian/Ubuntu; install Qt 6's runtime libraries (EGL, GL, xkbcommon, fontconfig, dbus) yourself"; exit 0; }
absent() { for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || printf ' %s' "$p"; done; }
missing_app=$(absent $PKGS)
missing_test=""
[ "${1:-}" = "test" ] && missing_test=$(absent $TEST_PKGS)
missing="$missing_app$missing_test"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo"; else
  echo "system-deps: missing$missing; install them as root: apt-get install --no-install-recommends$missing"
  # Qt cannot start without its libraries; without the test programs the tests that drive them skip, naming them.
  [ -z "$missing_app" ] && exit 0 || exit 1
fi
echo "system-deps: installing$missing (once; LibreOffice Calc takes a minute)"
export DEBIAN_FRONTEND=noninteractive
start=$(date +%s)
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
echo "system-deps: installed in $(( $(date +%s) - start )) s"
