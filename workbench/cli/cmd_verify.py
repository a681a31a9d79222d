"""``workbench-cli verify FILE``: check the content hash and the signature against our trusted keys."""

from __future__ import annotations

import argparse
from pathlib import Path

from workbench.cli.io import open_keyring, read_scenario, print_warning
from workbench.sharing import SignatureStatus, verify_origin
from workbench.sharing import provenance, provenance_warnings
from workbench.untrusted_text import shown

help = "check FILE's content hash and signature: exit 0 when intact and verified (or unsigned), 1 otherwise"


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``verify``."""
    p.add_argument("file", type=Path, metavar="FILE", help="scenario file to check")
    p.add_argument("--require-signature", action="store_true", help="also fail when the file is unsigned")


def run(args: argparse.Namespace) -> int:
    """Print one line on the file's origin and version (round, date, author); warnings on stderr; the exit status
    says whether it can be trusted."""
    loaded = read_scenario(args.file, warn=False)
    origin = verify_origin(loaded, open_keyring())
    print(f"{shown(args.file)}: {shown(origin.text)}; {provenance(loaded)}")
    for w in [w for w in loaded.warnings if "hash does not match" not in w] + provenance_warnings(loaded):
        print_warning(f"{shown(args.file)}: {shown(w)}")
    acceptable = {SignatureStatus.VERIFIED} if args.require_signature else {SignatureStatus.VERIFIED,
                                                                              SignatureStatus.UNSIGNED}
    return 0 if origin.integrity_ok and origin.status in acceptable else 1
