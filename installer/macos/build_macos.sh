#!/usr/bin/env bash
# Builds the macOS app (dist/Critical Minerals Workbench.app), smoke-tests it, signs it and wraps it in a .dmg.
#
#   installer/macos/build_macos.sh
# Needs: macOS 11+, Python 3.11+ from python.org as python3 (or PYTHON=...), Xcode command-line tools (codesign,
# hdiutil). The app is built for the machine's architecture (arm64 or x86_64): build once on each.
# Optional: CODESIGN_IDENTITY="Developer ID Application: ..." signs for distribution (then notarize, see README).
# Output: dist/critical-minerals-workbench-<version>-macos-<arch>.dmg
set -euo pipefail

REPO=$(cd "$(dirname "$0")/../.." && pwd)
cd "$REPO"
VENV=build/venv-macos
rm -rf "$VENV"
"${PYTHON:-python3}" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet ".[installer]"

VERSION=$("$VENV/bin/python" -c 'import sys; sys.path.insert(0, "installer"); import bundle_config; print(bundle_config.version())')
APP_NAME=$("$VENV/bin/python" -c 'import sys; sys.path.insert(0, "installer"); import bundle_config; print(bundle_config.APP_NAME)')
ARCH=$(uname -m)
APP="dist/$APP_NAME.app"

started=$(date +%s)
"$VENV/bin/python" -P -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller installer/workbench.spec
echo "app built in $(( $(date +%s) - started )) s"

QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/workbench" --smoke-test

# PyInstaller signs ad hoc (enough on the machine that built it); a Developer ID signature is needed elsewhere.
if [ -n "${CODESIGN_IDENTITY:-}" ]; then
    codesign --force --deep --options runtime --timestamp --sign "$CODESIGN_IDENTITY" "$APP"
    codesign --verify --deep --strict "$APP"
fi

STAGE=build/dmg
rm -rf "$STAGE"
mkdir -p "$STAGE"
ditto "$APP" "$STAGE/$APP_NAME.app"
ln -s /Applications "$STAGE/Applications"
DMG="dist/critical-minerals-workbench-$VERSION-macos-$ARCH.dmg"
hdiutil create -volname "$APP_NAME" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$DMG"
if [ -n "${CODESIGN_IDENTITY:-}" ]; then codesign --sign "$CODESIGN_IDENTITY" --timestamp "$DMG"; fi
echo "disk image: $REPO/$DMG"
