"""``workbench-cli diff A B [--json]``: what changed from version A (ours) to version B (theirs)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from workbench.cli import layout
from workbench.cli.io import read_scenario
from workbench.sharing import compare

_WARNING = "  warning: "  # how the report starts a model warning (sharing.diff)

help = "compare two versions: clause redlines, parameter and status changes, change in fiscal cost per partner"


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``diff``."""
    p.add_argument("ours", type=Path, metavar="A", help="our version (A)")
    p.add_argument("theirs", type=Path, metavar="B", help="their version (B)")
    p.add_argument("--json", action="store_true", help="print JSON (documented in docs/cli.md)")
    p.add_argument("--no-impact", action="store_true", help="skip the model run (fiscal cost and price effects)")


def run(args: argparse.Namespace) -> int:
    """Load both files strictly and print the comparison."""
    ours, theirs = (read_scenario(path).scenario for path in (args.ours, args.theirs))
    result = compare(ours, theirs, with_impact=not args.no_impact)
    if args.json:
        print(json.dumps(result.to_json(), indent=2, ensure_ascii=False, allow_nan=False))
    else:
        width = layout.terminal_width()
        for line in result.to_text().splitlines():
            if line.startswith(_WARNING) and len(line) > width:  # a model warning: long prose, wrapped
                line = layout.wrapped(line[len(_WARNING):], width, first=_WARNING, rest=" " * len(_WARNING))
            print(line)
    return 0
