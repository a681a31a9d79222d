"""Errors raised when reading input files or writing scenario files, each with a one-line reason."""

from __future__ import annotations

from workbench.untrusted_text import shown


class FileFormatError(ValueError):
    """The file is not readable as a scenario file (or as the JSON file the caller expects); one line says why.

    The message quotes the file, so it is made safe to show (control characters escaped, one line, capped) here.
    """

    def __init__(self, message: object = "") -> None:
        super().__init__(shown(message))


class NewerVersionError(FileFormatError):
    """The file was written by a newer version of the workbench; it is left untouched."""


class SaveError(OSError):
    """Saving failed; the previous file is intact."""
