"""``workbench-cli diff A B [--json]``: what changed from version A (ours) to version B (theirs)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from workbench.cli.main import CliError
from workbench.files import FileFormatError, load_scenario
from workbench.sharing import compare

help = "compare two versions: clause redlines, parameter and status changes, change in fiscal cost per partner"


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``diff``."""
    p.add_argument("ours", type=Path, help="our version (A)")
    p.add_argument("theirs", type=Path, help="their version (B)")
    p.add_argument("--json", action="store_true", help="print JSON (documented in docs/cli.md)")
    p.add_argument("--no-impact", action="store_true", help="skip the model run (fiscal cost and price effects)")


def run(args: argparse.Namespace) -> int:
    """Load both files strictly and print the comparison."""
    sides = []
    for path in (args.ours, args.theirs):
        try:
            loaded = load_scenario(path)
        except FileFormatError as exc:
            raise CliError(str(exc)) from None
        for w in loaded.warnings:
            print(f"warning: {path}: {w}", file=sys.stderr)
        sides.append(loaded.scenario)
    result = compare(sides[0], sides[1], with_impact=not args.no_impact)
    if args.json:
        print(json.dumps(result.to_json(), indent=2, ensure_ascii=False, allow_nan=False))
    else:
        sys.stdout.write(result.to_text())
    return 0
