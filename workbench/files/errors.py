"""Errors raised when reading or writing scenario files, each with a one-line reason."""

from __future__ import annotations


class FileFormatError(ValueError):
    """The file is not a readable scenario file; the message says why in one line."""


class NewerVersionError(FileFormatError):
    """The file was written by a newer version of the workbench; it is left untouched."""


class SaveError(OSError):
    """Saving failed; the previous file is intact."""
