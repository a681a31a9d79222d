"""Checks that no library left in a Linux bundle needs (ELF NEEDED) one the spec pruned (bundle_config.keep).

    python installer/check_bundle_libs.py dist/workbench        (exit 1 listing the offenders)
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import bundle_config


NEEDED = re.compile(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]")


def needed(library: Path) -> set[str]:
    """The shared libraries ``library`` links to, by name (readelf -d)."""
    done = subprocess.run(["readelf", "-d", str(library)], capture_output=True, text=True)
    return set(NEEDED.findall(done.stdout))


def main(bundle: Path) -> int:
    """Print every pruned library still needed, with its users; 1 if there is one."""
    pruned: dict[str, set[str]] = {}
    for library in sorted(bundle.rglob("*.so*")):
        if library.is_file():
            for name in needed(library):
                if not bundle_config.keep((name, name, "BINARY")):
                    pruned.setdefault(name, set()).add(str(library.relative_to(bundle)))
    for name, users in sorted(pruned.items()):
        print(f"pruned but needed: {name} (by {', '.join(sorted(users))})", file=sys.stderr)
    return 1 if pruned else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
