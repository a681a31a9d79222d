"""``workbench-cli validate FILE``: check a scenario file; exit 1 with a one-line reason when it is not valid."""

from __future__ import annotations

import argparse
from pathlib import Path

from workbench.cli.io import read_scenario, print_warning
from workbench.cli.main import CliError
from workbench.untrusted_text import shown

help = "check that FILE is a valid scenario file (exit 0) or say why not (exit 1)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``validate``."""
    p.add_argument("file", type=Path, metavar="FILE", help="scenario file to check")
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing when the file is valid")


def run(args: argparse.Namespace) -> int:
    """Load the file strictly; report the first problem."""
    loaded = read_scenario(args.file, warn=False)
    if not loaded.integrity_ok:
        raise CliError(f"{args.file}: integrity: {loaded.warnings[0]}")
    for w in loaded.warnings:
        print_warning(f"{shown(args.file)}: {shown(w)}")
    if not args.quiet:
        doc = loaded.scenario.document
        print(f"{shown(args.file)}: valid (schema {loaded.source_schema}, {len(doc.partners)} partners, "
              f"{len(doc.minerals)} minerals, {len(doc.clauses)} clauses, {len(doc.stress_tests)} stress tests)")
    return 0
