#!/bin/sh
# Lays out the Linux tarball's folder: the bundle, install.sh, the .desktop file, the MIME type XML and the icons.
#
#   installer/linux/stage.sh BUNDLE_DIR STAGE_DIR      (BUNDLE_DIR is PyInstaller's dist/workbench)
set -eu

APP_ID=org.criticalmineralsworkbench.workbench
HERE=$(cd "$(dirname "$0")" && pwd)
ICONS=$HERE/../../resources/icons
BUNDLE=$1
STAGE=$2

rm -rf "$STAGE"
mkdir -p "$STAGE/share/applications" "$STAGE/share/mime/packages" \
         "$STAGE/share/icons/hicolor/scalable/apps" "$STAGE/share/icons/hicolor/256x256/apps"
cp -R "$BUNDLE" "$STAGE/workbench"
cp "$HERE/$APP_ID.desktop" "$STAGE/share/applications/"
cp "$HERE/$APP_ID.xml" "$STAGE/share/mime/packages/"
cp "$ICONS/app.svg" "$STAGE/share/icons/hicolor/scalable/apps/$APP_ID.svg"
cp "$ICONS/app.png" "$STAGE/share/icons/hicolor/256x256/apps/$APP_ID.png"
cp "$HERE/install.sh" "$STAGE/install.sh"
chmod 755 "$STAGE/install.sh"
