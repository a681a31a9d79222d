"""Untrusted text (from files, other delegations, key files) made safe to show in a terminal, a dialog or a log."""

from __future__ import annotations

import re
from typing import Any

#: Characters that steer a terminal or a text layout instead of being read: C0 and C1 control characters, DEL,
#: the line and paragraph separators, and the bidirectional overrides and isolates (which reorder what is shown).
_STEERING = "\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
STEERING_CHARS = re.compile(f"[{_STEERING}]")
#: Control characters refused in a document's free text (tab and, in multi-line fields, newline are text).
CONTROL_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

#: Longest message shown, in characters (an ellipsis marks a cut).
MESSAGE_LIMIT = 300
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    return _NAMED.get(ch) or f"\\u{ord(ch):04x}"


def shown(value: Any, limit: int = MESSAGE_LIMIT) -> str:
    """``value`` as one safe line: every steering character (newline included) as a visible escape such as ``\\n``
    or ``\\u001b``, cut to ``limit`` characters with an ellipsis. Use it for any text from outside on its way out."""
    text = STEERING_CHARS.sub(_escape, str(value))
    return text if len(text) <= limit else text[:limit - 1] + "\u2026"


def quoted(value: Any, limit: int = 60) -> str:
    """A value from a file quoted inside a message: its ``repr``, made safe and cut to ``limit`` characters, so the
    rest of the message stays readable."""
    return shown(repr(value), limit)


def shown_lines(text: str) -> str:
    """``text`` keeping its line breaks, every other steering character as a visible escape (for multi-line output
    such as a redline, where the lines are the content)."""
    return "\n".join(STEERING_CHARS.sub(_escape, line) for line in text.split("\n"))


def without_controls(text: str, *, multiline: bool) -> str:
    """``text`` with the control characters a document may not hold removed (a line break in a one-line field
    becomes a space)."""
    if not multiline:
        text = text.replace("\r\n", " ").replace("\n", " ")
    return CONTROL_CHARS.sub("", text)
