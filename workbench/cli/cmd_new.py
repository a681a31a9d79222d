"""``workbench-cli new -o FILE``: write the built-in default scenario to a new file."""

from __future__ import annotations

import argparse
from pathlib import Path

from workbench.cli.io import refuse_existing
from workbench.cli.main import CliError
from workbench.defaults import default_scenario
from workbench.files import FILE_EXTENSION, SaveError, save_scenario

help = "write the built-in default scenario to FILE"


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``new``."""
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE",
                   help=f"file to create (extension {FILE_EXTENSION})")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists (the old one is kept as FILE.bak)")


def run(args: argparse.Namespace) -> int:
    """Write the default scenario."""
    out: Path = args.output
    refuse_existing(out, args.force)
    try:
        save_scenario(out, default_scenario())
    except SaveError as exc:
        raise CliError(str(exc)) from None
    print(f"wrote {out}")
    return 0
