"""Offline install without the bundle: download a wheelhouse for a target platform, then install from it offline.

On a connected machine (any OS):
    python installer/wheelhouse.py download --target windows --python-version 3.11
On the offline machine (Python of that version installed), from the copied wheelhouse folder:
    python wheelhouse.py install
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

PROJECT = "critical-minerals-workbench"
MANIFEST = "wheelhouse.json"
REPO = Path(__file__).resolve().parent.parent
DEFAULT_GLIBC = "2.35"  # Ubuntu 22.04; wheels for older glibc are included too
DEFAULT_MACOS = {"arm64": "14.0", "x86_64": "13.0"}
TARGETS = ("windows", "linux-x86_64", "linux-aarch64", "macos-arm64", "macos-x86_64")


def platform_tags(target: str, glibc: str = DEFAULT_GLIBC, macos: str | None = None) -> list[str]:
    """The pip ``--platform`` tags whose wheels run on ``target`` (one of TARGETS)."""
    if target == "windows":
        return ["win_amd64"]
    if target.startswith("linux-"):
        arch = target.split("-", 1)[1]
        major, minor = (int(part) for part in glibc.split("."))
        if (major, minor) < (2, 17):
            raise ValueError(f"glibc {glibc} is older than any manylinux wheel of the dependencies (2.17)")
        tags = [f"manylinux_{major}_{m}_{arch}" for m in range(minor, 16, -1)]
        return tags + [f"manylinux2014_{arch}"]
    if target.startswith("macos-"):
        arch = target.split("-", 1)[1]
        version = (macos or DEFAULT_MACOS[arch]).replace(".", "_")
        return [f"macosx_{version}_{arch}"]  # pip adds the older macOS versions and universal2 itself
    raise ValueError(f"unknown target {target!r}; choose one of {', '.join(TARGETS)}")


def download_command(wheel: Path, dest: Path, tags: list[str], python_version: str) -> list[str]:
    """The ``pip download`` that fetches ``wheel``'s dependencies as binary wheels for the target platform."""
    command = [sys.executable, "-m", "pip", "download", "--dest", str(dest), "--only-binary=:all:"]
    for tag in tags:
        command += ["--platform", tag]
    return command + ["--python-version", python_version, "--implementation", "cp", str(wheel)]


def install_command(python: Path, wheelhouse: Path) -> list[str]:
    """The ``pip install`` that installs the workbench from ``wheelhouse`` alone, never touching the network."""
    return [str(python), "-m", "pip", "install", "--no-index", "--find-links", str(wheelhouse), PROJECT]


def venv_python(venv: Path) -> Path:
    """The interpreter of the virtual environment ``venv`` (Scripts\\python.exe on Windows, bin/python elsewhere)."""
    return venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")


def check_manifest(wheelhouse: Path, version_info: tuple[int, int] = sys.version_info[:2]) -> None:
    """Raise SystemExit with a clear message when the wheelhouse was made for another Python version."""
    manifest = wheelhouse / MANIFEST
    if not manifest.is_file():
        raise SystemExit(f"{wheelhouse} has no {MANIFEST}: not a wheelhouse made by this script")
    wanted = json.loads(manifest.read_text(encoding="utf-8"))["python_version"]
    running = f"{version_info[0]}.{version_info[1]}"
    if wanted != running:
        raise SystemExit(f"this wheelhouse is for Python {wanted}; run this script with Python {wanted}, not {running}")


def download(args: argparse.Namespace) -> int:
    """Build the workbench wheel, fetch every dependency for the target, add this script and a manifest."""
    dest = Path(args.dest or f"wheelhouse-{args.target}-py{args.python_version.replace('.', '')}").resolve()
    dest.mkdir(parents=True, exist_ok=True)
    tags = args.platform or platform_tags(args.target, args.glibc, args.macos)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", str(dest), str(REPO)], check=True)
    wheel = max(dest.glob("critical_minerals_workbench-*.whl"), key=lambda p: p.stat().st_mtime)
    subprocess.run(download_command(wheel, dest, tags, args.python_version), check=True)
    shutil.copy2(__file__, dest / "wheelhouse.py")
    manifest = {"target": args.target, "platforms": tags, "python_version": args.python_version}
    (dest / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    size = sum(p.stat().st_size for p in dest.iterdir()) / 1e6
    print(f"wheelhouse for {args.target}, Python {args.python_version}: {dest} ({size:.0f} MB)")
    return 0


def install(args: argparse.Namespace) -> int:
    """Create the virtual environment and install the workbench into it from the wheelhouse only."""
    wheelhouse = Path(args.wheelhouse).resolve()
    check_manifest(wheelhouse)
    venv = Path(args.venv).expanduser().resolve()
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run(install_command(venv_python(venv), wheelhouse), check=True)
    launcher = venv / ("Scripts/workbench.exe" if sys.platform == "win32" else "bin/workbench")
    print(f"installed; start the workbench with: {launcher}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run ``download`` or ``install``."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    get = sub.add_parser("download", help="fetch the wheels for a target platform (needs PyPI)")
    get.add_argument("--target", choices=TARGETS, required=True)
    get.add_argument("--python-version", default=f"{sys.version_info[0]}.{sys.version_info[1]}")
    get.add_argument("--glibc", default=DEFAULT_GLIBC, help="oldest glibc of the Linux targets (default %(default)s)")
    get.add_argument("--macos", help="oldest macOS version of the targets (default 14.0 arm64, 13.0 x86_64)")
    get.add_argument("--platform", action="append", help="explicit pip platform tag (repeatable; replaces --target's)")
    get.add_argument("--dest", help="output folder (default wheelhouse-<target>-py<version>)")
    get.set_defaults(run=download)
    put = sub.add_parser("install", help="install from the wheelhouse with no network")
    put.add_argument("--wheelhouse", default=str(Path(__file__).resolve().parent))
    put.add_argument("--venv", default=str(Path.home() / "critical-minerals-workbench"))
    put.set_defaults(run=install)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
