"""Errors raised when reading input files or writing scenario files, each with a one-line reason."""

from __future__ import annotations


class FileFormatError(ValueError):
    """The file is not readable as a scenario file (or as the JSON file the caller expects); one line says why."""


class NewerVersionError(FileFormatError):
    """The file was written by a newer version of the workbench; it is left untouched."""


class SaveError(OSError):
    """Saving failed; the previous file is intact."""
