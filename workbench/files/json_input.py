"""Untrusted JSON input (scenario, key and experiment files): size-limited reading and strict parsing."""

from __future__ import annotations

import json
import math
import re
import stat
from pathlib import Path
from typing import Any

from workbench.files.errors import FileFormatError
from workbench.untrusted_text import shown

MAX_NESTING = 64
MAX_NUMBER_CHARS = 40
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?', re.DOTALL)  # linear: an unclosed string runs to the end
_BRACKET = re.compile(r"[\[\]{}]")
_LONE_SURROGATE = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
                             r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}")


class JsonInputError(FileFormatError):
    """An input file is not strict JSON text; ``source`` is the file, ``reason`` the one-line why."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = shown(source)
        self.reason = shown(reason)


def read_limited(path: str | Path, max_bytes: int, what: str) -> bytes:
    """The bytes of the regular file at ``path``; JsonInputError when it is missing, a folder, a device or a pipe,
    unreadable or too large.

    ``what`` names the expected kind of file ("a scenario file") in the folder message.
    """
    path = Path(path)
    source = str(path)
    try:
        info = path.stat()
        regular = stat.S_ISREG(info.st_mode)
        if regular and info.st_size <= max_bytes:
            with open(path, "rb") as fh:
                raw = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise JsonInputError(source, "no such file") from None
    except (OSError, ValueError) as exc:  # ValueError: e.g. a NUL byte in the name
        raise JsonInputError(source, f"cannot read ({getattr(exc, 'strerror', None) or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise JsonInputError(source, f"is a folder, not {what}")
    if not regular:  # a pipe would block until someone writes to it
        raise JsonInputError(source, f"is a device or a pipe, not {what}")
    if info.st_size > max_bytes:
        raise JsonInputError(source, f"file is {info.st_size:,} bytes, over the {max_bytes:,}-byte limit")
    if len(raw) > max_bytes:  # the file grew while being read
        raise JsonInputError(source, f"over the {max_bytes:,}-byte limit")
    return raw


def parse_json(raw: bytes, source: str, *, max_nesting: int = MAX_NESTING) -> Any:
    """Strict JSON from UTF-8 bytes (a leading BOM tolerated): no duplicate keys, no NaN/Infinity, no numbers out of
    float range or longer than 40 characters, no lone surrogate escapes, nesting
    bounded; JsonInputError naming the problem otherwise."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if not raw.strip():
        raise JsonInputError(source, "the file is empty")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise JsonInputError(source, f"not UTF-8 text (bad byte at offset {exc.start})") from None
    lone = _LONE_SURROGATE.search(text)
    if lone:
        line = text.count("\n", 0, lone.start()) + 1
        raise JsonInputError(source, f"text escape {lone.group()} at line {line} is half a character (a lone "
                                     "UTF-16 surrogate)")
    depth = _max_depth(text)
    if depth > max_nesting:
        raise JsonInputError(source, f"nested {depth} levels deep, over the limit of {max_nesting}")

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k, v in pairs:
            if k in out:
                raise JsonInputError(source, f"key {k!r} appears twice in one object")
            out[k] = v
        return out

    def no_constants(name: str) -> Any:
        raise JsonInputError(source, f"{name} is not a valid number")

    def number(literal: str, convert) -> Any:
        if len(literal) > MAX_NUMBER_CHARS:
            raise JsonInputError(source, f"number {literal[:20]}... has {len(literal)} characters, over the limit "
                                         f"of {MAX_NUMBER_CHARS}")
        value = convert(literal)
        if isinstance(value, float) and not math.isfinite(value):
            raise JsonInputError(source, f"number {literal} is out of range")
        return value

    try:
        return json.loads(text, object_pairs_hook=no_duplicates, parse_constant=no_constants,
                          parse_float=lambda s: number(s, float), parse_int=lambda s: number(s, int))
    except json.JSONDecodeError as exc:
        cut = exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string")  # ends inside a string
        hint = " (the file looks cut short)" if cut else ""
        raise JsonInputError(source, f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}{hint}") \
            from None


def read_json_file(path: str | Path, max_bytes: int, what: str) -> Any:
    """``read_limited`` then ``parse_json``: the strict JSON content of an untrusted file."""
    return parse_json(read_limited(path, max_bytes, what), str(path))


def _max_depth(text: str) -> int:
    """Bracket nesting depth outside strings (a cheap check before json.loads recurses)."""
    depth = best = 0
    for m in _BRACKET.finditer(_STRING.sub("", text)):
        depth += 1 if m.group() in "[{" else -1
        best = max(best, depth)
    return best
