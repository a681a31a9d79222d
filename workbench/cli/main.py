"""Entry point of ``workbench-cli``: parses arguments, dispatches to a subcommand, maps errors to exit codes."""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys
from typing import Sequence

from workbench import __version__
from workbench.untrusted_text import STEERING_CHARS, shown

#: Subcommand name -> module in workbench.cli; each module has ``help``, ``add_arguments(parser)`` and ``run(args)``.
COMMANDS: dict[str, str] = {
    "new": "workbench.cli.cmd_new",
    "validate": "workbench.cli.cmd_validate",
    "share": "workbench.cli.cmd_share",
    "diff": "workbench.cli.cmd_diff",
    "verify": "workbench.cli.cmd_verify",
    "keys": "workbench.cli.cmd_keys",
    "export": "workbench.cli.cmd_export",
    "evaluate": "workbench.cli.cmd_evaluate",
    "gsim": "workbench.cli.cmd_gsim",
    "calibration": "workbench.cli.cmd_calibration",
    "stress": "workbench.cli.cmd_stress",
}

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2


class CliError(Exception):
    """A failure to report on stderr as one line, with exit status 1."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 on usage errors; keep that, without a traceback
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every registered subcommand."""
    parser = _Parser(prog="workbench-cli", description="Critical-minerals negotiation workbench, headless.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for name, module_name in COMMANDS.items():
        module = importlib.import_module(module_name)
        p = sub.add_parser(name, help=module.help, description=module.help)
        module.add_arguments(p)
        p.set_defaults(_run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns (and, as a script, exits with) 0 on success, 1 on failure, 2 on usage errors."""
    args = build_parser().parse_args(argv)
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Escaping(sys.stdout), _Escaping(sys.stderr)
    try:
        return _run(args)
    finally:
        sys.stdout, sys.stderr = streams


def _run(args: argparse.Namespace) -> int:
    """Run the chosen subcommand; every failure becomes one safe line on stderr and an exit status."""
    try:
        status = args._run(args)
        sys.stdout.flush()  # a full disk or a closed pipe shows here, not at interpreter exit
    except CliError as exc:
        print(f"workbench-cli {args.command}: {shown(exc)}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader stopped early (e.g. `| head`): not a failure; nothing more to flush
        _discard_stdout()
        return EXIT_OK
    except OSError as exc:  # a file the command did not expect to fail, or stdout itself (e.g. a full disk)
        where = f"{exc.filename}: " if exc.filename else "cannot write the output: "
        if not exc.filename:
            _discard_stdout()
        print(f"workbench-cli {args.command}: {shown(where)}{exc.strerror or shown(exc)}", file=sys.stderr)
        return EXIT_FAILURE
    except Exception as exc:  # a bug: still one line, never a traceback (tests assert no command gets here)
        print(f"workbench-cli {args.command}: internal error ({type(exc).__name__}: {shown(exc, 200)}); "
              "please report it", file=sys.stderr)
        return EXIT_FAILURE
    return EXIT_OK if status is None else int(status)


def _discard_stdout() -> None:
    """Point stdout at the null device so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout replaced by an object without a file descriptor
        pass


class _Escaping:
    """A text stream that shows any steering character still on its way to the terminal (ESC, BEL, CR, C1 codes,
    bidirectional overrides...) as a visible escape; line breaks and tabs pass. The commands already make each
    quoted value safe; this is the net under them. The escapes (``\\u001b``) are also valid inside JSON strings."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(STEERING_CHARS.sub(_visible, text))
        return len(text)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def _visible(match: re.Match[str]) -> str:
    ch = match.group()
    return ch if ch in "\n\t" else shown(ch)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
