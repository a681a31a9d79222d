"""``workbench-cli share FILE -o OUT``: a clean copy for other delegations (no private material), signed if we can."""

from __future__ import annotations

import argparse
from pathlib import Path

from workbench.cli.io import open_keyring, read_scenario, refuse_existing, print_warning
from workbench.cli.main import CliError
from workbench.files import SaveError
from workbench.untrusted_text import shown
from workbench.sharing import (KeyFileError, SentArchive, ShareError, default_data_dir, prepare_share,
                               tampering, write_shared)

help = "write a clean copy of FILE for other delegations: no private notes or mandate, a 'shared' history entry"


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``share``."""
    p.add_argument("file", type=Path, metavar="FILE", help="our working scenario file (left unchanged)")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="OUT", help="the clean copy to write")
    p.add_argument("--delegation", metavar="CODE",
                   help="who shares (default: our key's delegation, else the file's author)")
    p.add_argument("--no-sign", action="store_true", help="do not sign, even if we have a key")
    p.add_argument("--force", action="store_true", help="replace OUT if it exists (never a file with private notes)")


def run(args: argparse.Namespace) -> int:
    """Strip, record, sign, write and keep a copy in the app-data folder (the base for later merges)."""
    data_dir = default_data_dir()
    loaded = read_scenario(args.file, warn=False)
    ring = open_keyring()
    problem = tampering(loaded, ring)
    if problem is not None:
        raise CliError(f"{args.file}: not shared: {problem}")
    for w in loaded.warnings:
        print_warning(f"{shown(args.file)}: {shown(w)}")
    try:
        key = None if args.no_sign else ring.own_key()
    except KeyFileError as exc:
        raise CliError(str(exc)) from None
    delegation = args.delegation or (key.delegation if key else loaded.scenario.document.metadata.author_delegation)
    if key is not None and key.delegation != delegation:
        raise CliError(f"our signing key is {key.delegation}'s, not {delegation}'s: use --no-sign to share unsigned")
    refuse_existing(args.output, args.force)
    try:
        package = prepare_share(loaded.scenario, delegation, key=key)
        write_shared(args.output, package, source=args.file)
        SentArchive(data_dir).store(package)
    except (ShareError, SaveError) as exc:
        raise CliError(str(exc)) from None
    signed = f"signed with key {package.signature['key_id']}" if package.signature else "unsigned"
    print(f"wrote {args.output}: shared by {delegation}, {signed}, document {package.shared_hash}")
    return 0
