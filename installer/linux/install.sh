#!/bin/sh
# Installs the unpacked Linux tarball: the bundle, a `workbench` command, the menu entry, the icon and the .cmws type.
#
#   ./install.sh              for the current user (~/.local), no root needed
#   ./install.sh --system     for every user (/opt and /usr/local; run as root)
#   ./install.sh --uninstall  [--system]  removes what the matching install added
set -eu

APP_ID=org.criticalmineralsworkbench.workbench
HERE=$(cd "$(dirname "$0")" && pwd)
MODE=install
SCOPE=user
for arg in "$@"; do
    case "$arg" in
        --system) SCOPE=system ;;
        --uninstall) MODE=uninstall ;;
        -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
        *) echo "install.sh: unknown option $arg" >&2; exit 2 ;;
    esac
done

if [ "$SCOPE" = system ]; then
    APP_DIR=/opt/critical-minerals-workbench
    BIN_DIR=/usr/local/bin
    DATA_DIR=/usr/local/share
else
    DATA_DIR=${XDG_DATA_HOME:-$HOME/.local/share}
    APP_DIR=$DATA_DIR/critical-minerals-workbench
    BIN_DIR=$HOME/.local/bin
fi

refresh() {
    # The caches are optional: desktops without these tools read the files directly.
    if command -v update-mime-database >/dev/null 2>&1; then update-mime-database "$DATA_DIR/mime" >/dev/null 2>&1 || true; fi
    if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database "$DATA_DIR/applications" >/dev/null 2>&1 || true; fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q -t "$DATA_DIR/icons/hicolor" >/dev/null 2>&1 || true; fi
}

if [ "$MODE" = uninstall ]; then
    rm -rf "$APP_DIR"
    rm -f "$BIN_DIR/workbench" \
          "$DATA_DIR/applications/$APP_ID.desktop" \
          "$DATA_DIR/mime/packages/$APP_ID.xml" \
          "$DATA_DIR/icons/hicolor/scalable/apps/$APP_ID.svg" \
          "$DATA_DIR/icons/hicolor/256x256/apps/$APP_ID.png"
    mkdir -p "$DATA_DIR/mime/packages" "$DATA_DIR/applications"
    refresh
    echo "Critical Minerals Workbench removed."
    exit 0
fi

if [ ! -x "$HERE/workbench/workbench" ]; then
    echo "install.sh: $HERE/workbench/workbench is missing; run me from the unpacked tarball" >&2
    exit 1
fi

rm -rf "$APP_DIR"
mkdir -p "$APP_DIR" "$BIN_DIR" "$DATA_DIR/applications" "$DATA_DIR/mime/packages" \
         "$DATA_DIR/icons/hicolor/scalable/apps" "$DATA_DIR/icons/hicolor/256x256/apps"
cp -R "$HERE/workbench/." "$APP_DIR/"
ln -sf "$APP_DIR/workbench" "$BIN_DIR/workbench"
# The menu entry starts the installed executable by its full path (a desktop session may not have ~/.local/bin on PATH).
sed "s|^Exec=workbench |Exec=\"$APP_DIR/workbench\" |" "$HERE/share/applications/$APP_ID.desktop" \
    > "$DATA_DIR/applications/$APP_ID.desktop"
cp "$HERE/share/mime/packages/$APP_ID.xml" "$DATA_DIR/mime/packages/"
cp "$HERE/share/icons/hicolor/scalable/apps/$APP_ID.svg" "$DATA_DIR/icons/hicolor/scalable/apps/"
cp "$HERE/share/icons/hicolor/256x256/apps/$APP_ID.png" "$DATA_DIR/icons/hicolor/256x256/apps/"
refresh
echo "Critical Minerals Workbench installed in $APP_DIR (command: $BIN_DIR/workbench)."
