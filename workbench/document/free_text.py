"""Free-text fields of a scenario: which they are, which may hold line breaks, and no control characters in them."""

from __future__ import annotations

import copy
from typing import Any, Iterator

from workbench.document.errors import Issue
from workbench.untrusted_text import CONTROL_CHARS, without_controls

#: Fields (by name) whose text may run over several lines; tab and newline are allowed in them.
MULTILINE_FIELDS = frozenset({"description", "notes", "clause_notes", "internal_comments", "text_note", "summary",
                              "red_lines", "note"})
#: Fields (by name) holding one line of text: tab is allowed, a line break is not.
ONE_LINE_FIELDS = frozenset({"title", "name", "round_label", "classification", "countries"})


def free_texts(data: Any, path: str = "") -> Iterator[tuple[str, str, bool]]:
    """(path, text, multi-line?) of every string under a free-text field of plain scenario data (``to_data()`` or
    the raw JSON of a file), walked in order; a list or a dict under such a field counts as that field."""
    for parts, text, multiline in _texts(data, (path,) if path else (), ""):
        yield _path(parts), text, multiline


def _texts(data: Any, parts: tuple, field: str) -> Iterator[tuple[tuple, str, bool]]:
    """``free_texts`` with the path as a tuple of keys and indices (formatted only when needed)."""
    if isinstance(data, str):
        if field in MULTILINE_FIELDS or field in ONE_LINE_FIELDS:
            yield parts, data, field in MULTILINE_FIELDS
    elif isinstance(data, dict):
        inside = field in MULTILINE_FIELDS or field in ONE_LINE_FIELDS
        for key, value in data.items():
            yield from _texts(value, (*parts, key), field if inside else str(key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _texts(value, (*parts, i), field)


def _path(parts: tuple) -> str:
    """``document.clauses[2].title`` from ("document", "clauses", 2, "title")."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def bad_character(text: str, multiline: bool) -> str | None:
    """The first character ``text`` may not hold (a control character other than tab, or a line break in a
    one-line field), or None."""
    found = CONTROL_CHARS.search(text)
    if found is not None:
        return found.group()
    return "\n" if not multiline and "\n" in text else None


def control_character_issues(data: Any) -> list[Issue]:
    """One issue per free-text field holding a control character, naming the field and the character."""
    issues = []
    for parts, text, multiline in _texts(data, (), ""):
        ch = bad_character(text, multiline)
        if ch is None:
            continue
        if ch == "\n":
            issues.append(Issue(_path(parts), "holds a line break (U+000A): this field is one line of text"))
        else:
            allowed = "tab and line breaks are" if multiline else "tab is"
            issues.append(Issue(_path(parts), f"holds the control character U+{ord(ch):04X}; only {allowed} allowed"))
    return issues


def strip_control_characters(data: Any) -> tuple[Any, list[str]]:
    """Plain scenario data with the control characters removed from free-text fields (a line break in a one-line
    field becomes a space), and the paths of the fields changed. ``data`` is not modified (a copy is made only when
    something is removed)."""
    bad = [(parts, text, multiline) for parts, text, multiline in _texts(data, (), "")
           if bad_character(text, multiline) is not None]
    if not bad:
        return data, []
    data = copy.deepcopy(data)
    for parts, text, multiline in bad:
        node = data
        for part in parts[:-1]:
            node = node[part]
        node[parts[-1]] = without_controls(text, multiline=multiline)
    return data, [_path(parts) for parts, _t, _m in bad]
