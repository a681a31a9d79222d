"""Validation issues that name the field path and the offending value."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from workbench.document.clauses import ClauseKind
from workbench.document.stress import StressKind
from workbench.untrusted_text import shown

# Union tags pydantic inserts into error locations; they are not field names a user would recognise.
_UNION_TAGS = {"plain", "bracket", *(kind.value for kind in ClauseKind), *(kind.value for kind in StressKind),
               "function-after[_check(), str]"}


@dataclass(frozen=True)
class Issue:
    """One problem in a scenario: where it is, what is wrong, and the value found there."""

    path: str
    message: str
    value: Any = None

    def __str__(self) -> str:
        """One safe line: the path and message may quote the file (an unknown key, a bad tag), so they are escaped."""
        value = _short_repr(self.value)
        text = f"{self.path}: {self.message}" + (f" (got {value})" if value is not None else "")
        return shown(text)


class ScenarioValidationError(ValueError):
    """A scenario (or scenario file) failed validation; carries every issue found."""

    def __init__(self, issues: list[Issue]):
        self.issues = list(issues)
        super().__init__(self.issues[0].__str__() if self.issues else "invalid scenario")

    def summary(self, limit: int = 5) -> str:
        """All issues, one a line, at most ``limit`` of them."""
        lines = [str(i) for i in self.issues[:limit]]
        if len(self.issues) > limit:
            lines.append(f"... and {len(self.issues) - limit} more")
        return "\n".join(lines)


def format_path(loc: tuple[Any, ...] | list[Any], prefix: str = "") -> str:
    """Turn a pydantic location tuple into ``clauses[2].floor_price.amount``."""
    out = prefix
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in _UNION_TAGS or (isinstance(part, str) and part.startswith("function-")):
            continue
        else:
            out += ("." if out else "") + str(part)
    return out or "(document)"


def issues_from_pydantic(exc: ValidationError, prefix: str = "") -> list[Issue]:
    """Convert a pydantic error into issues, dropping duplicates produced by union branches."""
    seen: set[tuple[str, str]] = set()
    issues: list[Issue] = []
    for err in exc.errors(include_url=False):
        path = format_path(err.get("loc", ()), prefix)
        msg = err.get("msg", "invalid value")
        msg = msg.removeprefix("Value error, ")
        key = (path, msg)
        if key in seen:
            continue
        seen.add(key)
        value = err.get("input")
        if err.get("type") == "missing":
            value = None
            msg = "required field is missing"
        issues.append(Issue(path, msg, value if not isinstance(value, (dict, list)) else None))
    return issues


def _short_repr(value: Any) -> str | None:
    if value is None:
        return None
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
