"""What the subcommands share: reading input files and guarding outputs, each failure a one-line ``CliError``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.cli.layout import terminal_width, wrapped
from workbench.cli.main import CliError
from workbench.files import FileFormatError, LoadedScenario, load_scenario
from workbench.untrusted_text import shown

if TYPE_CHECKING:
    from workbench.sharing import Keyring


def print_warning(text: str) -> None:
    """``warning: text`` on stderr, wrapped to the terminal's width under a hanging indent when stderr is a terminal;
    on one line otherwise (a log or a pipe keeps one warning per line for grep)."""
    if sys.stderr is None:  # a windowed Windows executable
        return
    line = f"warning: {text}"
    if sys.stderr.isatty():
        line = wrapped(line, terminal_width(), rest=" " * len("warning: "))
    print(line, file=sys.stderr)


def read_scenario(path: Path, *, warn: bool = True) -> LoadedScenario:
    """The scenario file at ``path`` read strictly (as the window would); its warnings go to stderr when ``warn``."""
    try:
        loaded = load_scenario(path)
    except FileFormatError as exc:
        raise CliError(str(exc)) from None
    if warn:
        for w in loaded.warnings:
            print_warning(f"{shown(path)}: {shown(w)}")
    return loaded


def open_keyring() -> Keyring:
    """Our keyring in the app-data folder, its permissions checked and repaired (each repair a warning on stderr)."""
    from workbench.sharing import Keyring, default_data_dir  # cryptography only for the commands that use keys

    ring = Keyring(default_data_dir())
    for line in ring.repairs:
        print_warning(shown(line))
    return ring


def refuse_existing(path: Path, force: bool) -> None:
    """CliError when ``path`` exists and ``--force`` was not given (a folder is refused even with it)."""
    if path.is_dir():
        raise CliError(f"{path} is a folder: give a file name")
    if path.exists() and not force:
        raise CliError(f"{path} already exists; use --force to replace it")
