"""Free-text fields of a scenario: which they are, which may hold line breaks, and no control characters in them."""

from __future__ import annotations

from typing import Any, Iterator

from workbench.document.errors import Issue
from workbench.untrusted_text import CONTROL_CHARS, without_controls

#: Fields (by name) whose text may run over several lines; tab and newline are allowed in them.
MULTILINE_FIELDS = frozenset({"description", "notes", "clause_notes", "internal_comments", "text_note", "summary",
                              "red_lines", "note"})
#: Fields (by name) holding one line of text: tab is allowed, a line break is not.
ONE_LINE_FIELDS = frozenset({"title", "name", "round_label", "classification", "countries"})


def free_texts(data: Any, path: str = "", field: str = "") -> Iterator[tuple[str, str, bool]]:
    """(path, text, multi-line?) of every string under a free-text field of plain scenario data (``to_data()`` or
    the raw JSON of a file), walked in order; a list or a dict under such a field counts as that field."""
    if isinstance(data, str):
        if field in MULTILINE_FIELDS or field in ONE_LINE_FIELDS:
            yield path, data, field in MULTILINE_FIELDS
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from free_texts(value, _join(path, key), _field(field, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from free_texts(value, f"{path}[{i}]", field)


def _join(path: str, key: Any) -> str:
    return f"{path}.{key}" if path else str(key)


def _field(field: str, key: Any) -> str:
    """The free-text field a dict entry belongs to: the enclosing one (e.g. ``clause_notes``), else its own key."""
    return field if field in MULTILINE_FIELDS or field in ONE_LINE_FIELDS else str(key)


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
    for path, text, multiline in free_texts(data):
        ch = bad_character(text, multiline)
        if ch is not None:
            if ch == "\n":
                issues.append(Issue(path, "holds a line break (U+000A): this field is one line of text"))
            else:
                allowed = "tab and line breaks are" if multiline else "tab is"
                issues.append(Issue(path, f"holds the control character U+{ord(ch):04X}; only {allowed} allowed"))
    return issues


def strip_control_characters(data: Any) -> tuple[Any, list[str]]:
    """A copy of plain scenario data with the control characters removed from free-text fields (a line break in a
    one-line field becomes a space), and the paths of the fields changed. ``data`` is not modified."""
    changed: list[str] = []

    def walk(value: Any, path: str, field: str) -> Any:
        if isinstance(value, str):
            multiline = field in MULTILINE_FIELDS
            if (multiline or field in ONE_LINE_FIELDS) and bad_character(value, multiline) is not None:
                changed.append(path)
                return without_controls(value, multiline=multiline)
            return value
        if isinstance(value, dict):
            return {k: walk(v, _join(path, k), _field(field, k)) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, f"{path}[{i}]", field) for i, v in enumerate(value)]
        return value

    return walk(data, "", ""), changed
