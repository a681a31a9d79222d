#!/usr/bin/env bash
# Builds the Linux one-folder bundle (dist/workbench/) and the tarball dist/critical-minerals-workbench-<version>-linux-<arch>.tar.gz.
#
#   installer/build_linux.sh                       builds in a fresh virtual environment build/venv-linux (needs PyPI)
#   BUILD_PYTHON=.venv/bin/python installer/build_linux.sh   builds with an environment that already has ".[installer]"
# BASE_PYTHON (default python3, 3.11+) creates the fresh environment.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
cd "$REPO"

if [ -n "${BUILD_PYTHON:-}" ]; then
    PYTHON=$BUILD_PYTHON
else
    rm -rf build/venv-linux
    "${BASE_PYTHON:-python3}" -m venv build/venv-linux
    build/venv-linux/bin/python -m pip install --quiet ".[installer]"
    PYTHON=build/venv-linux/bin/python
fi

VERSION=$("$PYTHON" -c 'import sys; sys.path.insert(0, "installer"); import bundle_config; print(bundle_config.version())')
ARCH=$(uname -m)
NAME=critical-minerals-workbench-$VERSION-linux-$ARCH

started=$(date +%s)
nice -n 10 "$PYTHON" -P -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller installer/workbench.spec
echo "bundle built in $(( $(date +%s) - started )) s"
# A Python built with debug symbols (as pyenv builds it) has a 23 MB libpython, 6 MB stripped. Nothing else is
# stripped: that breaks the libraries auditwheel patched into the numpy and scipy wheels.
if command -v strip >/dev/null 2>&1; then strip --strip-unneeded dist/workbench/_internal/libpython3*.so*; fi

rm -rf build/tarball
installer/linux/stage.sh dist/workbench "build/tarball/$NAME"
tar -C build/tarball -czf "dist/$NAME.tar.gz" "$NAME"
echo "bundle:  $REPO/dist/workbench/workbench"
echo "tarball: $REPO/dist/$NAME.tar.gz"
