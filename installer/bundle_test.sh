#!/usr/bin/env bash
# The slow Linux build test (`make bundle-test`): build the bundle and tarball in a fresh virtual environment, unpack
# the tarball elsewhere, install it into a throw-away home, and run the bundle's smoke test there with the network off.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
cd "$REPO"
fail() { echo "bundle-test: FAILED: $*" >&2; exit 1; }

started=$(date +%s)
installer/build_linux.sh
build_seconds=$(( $(date +%s) - started ))
tarball=$(ls -t dist/critical-minerals-workbench-*-linux-*.tar.gz | head -n 1)

# Nothing that must stay out of the bundle.
for unwanted in PyQt5 PyQt6 PySide2 tkinter _tkinter libtk libtcl libQt6Qml libQt6Quick libQt6Pdf; do
    if find dist/workbench -iname "*$unwanted*" | grep -q .; then fail "the bundle contains $unwanted"; fi
done

# No library left in the bundle links to one that bundle_config pruned.
python3 installer/check_bundle_libs.py dist/workbench || fail "a pruned library is still needed"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -C "$work" -xzf "$tarball"
mkdir "$work/home"
unpacked=$(find "$work" -maxdepth 1 -name 'critical-minerals-workbench-*' -type d)
HOME="$work/home" XDG_DATA_HOME="" "$unpacked/install.sh" >/dev/null
installed="$work/home/.local/share/critical-minerals-workbench/workbench"
[ -x "$installed" ] || fail "install.sh did not install $installed"

# With `unshare -rn` the smoke test runs in a new network namespace that has no network at all.
offline=()
if unshare -rn true 2>/dev/null; then offline=(unshare -rn); else echo "bundle-test: unshare unavailable; network stays on"; fi
smoke() {
    env -i HOME="$work/home" PATH=/usr/bin:/bin LANG=C.UTF-8 "${offline[@]}" "$installed" --smoke-test
}
ms() { echo $(( $(date +%s%N) / 1000000 )); }
first_started=$(ms)
smoke || fail "smoke test of the installed bundle (first start)"
first=$(( $(ms) - first_started ))
second_started=$(ms)
smoke || fail "smoke test of the installed bundle (second start)"
second=$(( $(ms) - second_started ))
# On a real X server too (xcb platform plugin and the bundled xcb libraries), when Xvfb is installed.
if command -v xvfb-run >/dev/null 2>&1; then
    env -i HOME="$work/home" PATH=/usr/bin:/bin LANG=C.UTF-8 "${offline[@]}" \
        xvfb-run -a -s "-screen 0 1600x1000x24" "$installed" --smoke-test || fail "smoke test on X11 (Xvfb)"
    x11="passed"
else
    x11="skipped (no xvfb-run; Debian package xvfb)"
fi
mplconfig="$work/home/.local/share/CriticalMineralsWorkbench/Workbench/matplotlib"
ls "$mplconfig"/fontlist-*.json >/dev/null 2>&1 || fail "no persistent matplotlib font cache in $mplconfig"

echo "bundle-test: passed"
echo "  build time (venv + PyInstaller + tarball): ${build_seconds} s"
echo "  bundle size: $(du -sm dist/workbench | cut -f1) MB in $(find dist/workbench -type f | wc -l) files"
echo "  tarball size: $(( $(stat -c %s "$tarball") / 1048576 )) MB ($tarball)"
echo "  whole smoke test, offline and offscreen: first start ${first} ms, second start ${second} ms"
echo "  smoke test on X11: $x11"
