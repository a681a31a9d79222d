"""``workbench-cli keys``: create our signing key, export our public key, import, list and remove others' keys."""

from __future__ import annotations

import argparse
from pathlib import Path

from workbench.cli.io import open_keyring, refuse_existing
from workbench.cli.main import CliError
from workbench.files import SaveError
from workbench.sharing import KeyFileError
from workbench.untrusted_text import shown

help = "manage delegation keys (in the app-data folder, or $WORKBENCH_DATA_DIR)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``keys`` and its actions."""
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    create = actions.add_parser("create", help="make our delegation's signing key")
    create.add_argument("--delegation", required=True, metavar="CODE", help="our delegation's code, e.g. US")
    create.add_argument("--force", action="store_true", help="replace an existing signing key")
    export = actions.add_parser("export", help="write our public key to a file to give to other delegations")
    export.add_argument("-o", "--output", required=True, type=Path, metavar="FILE",
                        help="public key file to write (.cmwkey)")
    export.add_argument("--force", action="store_true", help="replace the file if it exists")
    imp = actions.add_parser("import", help="trust another delegation's public key file")
    imp.add_argument("file", type=Path, metavar="FILE", help="the delegation's public key file (.cmwkey)")
    actions.add_parser("list", help="our key and the keys we trust, with fingerprints")
    remove = actions.add_parser("remove", help="stop trusting a key")
    remove.add_argument("key_id", metavar="KEY_ID", help="the key's id, as `keys list` shows it")


def run(args: argparse.Namespace) -> int:
    """Do the chosen action; key problems are one-line errors."""
    ring = open_keyring()
    try:
        if args.action == "create":
            if ring.own_key() is not None and not args.force:
                raise CliError("we already have a signing key; use --force to replace it (files it signed will "
                               "show 'signed by unknown key' to delegations that do not have the new key)")
            key = ring.create_own_key(args.delegation)
            print(f"created {key.delegation}'s signing key {key.public.key_id}\nfingerprint {key.public.fingerprint}")
        elif args.action == "export":
            refuse_existing(args.output, args.force)
            public = ring.export_public(args.output)
            print(f"wrote {args.output}: {public.delegation}'s public key {public.key_id}")
        elif args.action == "import":
            public = ring.import_public(args.file)
            print(f"trusted {public.delegation}'s key {public.key_id}\nfingerprint {public.fingerprint}\n"
                  "check the fingerprint with the delegation by another channel")
        elif args.action == "list":
            own = ring.own_key()
            print(f"our key: {own.delegation} {own.public.key_id}" if own else "our key: none")
            for k in ring.trusted():
                print(f"{k.delegation:<6}{k.key_id}  {k.fingerprint}")
            for problem in ring.problems():
                print(f"unreadable: {shown(problem)}")
        else:
            ring.remove(args.key_id)
            print(f"removed key {shown(args.key_id)}")
    except (KeyFileError, SaveError) as exc:
        raise CliError(str(exc)) from None
    return 0
