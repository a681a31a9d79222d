"""Reading the dataset's CSV files, rejecting rows without a source, a vintage, a valid confidence or a valid number."""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path

from workbench.data.model import CONFIDENCE_LEVELS, Sourced

#: Columns every data file must have and fill on every row.
PROVENANCE_COLUMNS = ("source", "vintage", "confidence")


class DatasetError(ValueError):
    """The embedded dataset (or a replacement folder) has a file, row or value the loader cannot accept."""


@dataclass(frozen=True)
class Row:
    """One data row: its file, its line number (the header is line 1, the first data row line 2) and its cells."""

    file: str
    line: int
    cells: dict[str, str]

    def where(self, column: str) -> str:
        """Where a cell sits, for error messages."""
        return f"{self.file}, row {self.line - 1} (line {self.line}), column {column!r}"

    def text(self, column: str) -> str:
        """The stripped text of a cell."""
        return (self.cells.get(column) or "").strip()

    def number(self, column: str) -> float:
        """A cell read as a finite number; DatasetError naming file, line, column and value otherwise."""
        raw = self.text(column)
        try:
            value = float(raw)
        except ValueError:
            raise DatasetError(f"{self.where(column)}: {raw!r} is not a number") from None
        if not math.isfinite(value):
            raise DatasetError(f"{self.where(column)}: {raw!r} is not a finite number")
        return value

    def optional_number(self, column: str) -> float | None:
        """A cell read as a number, or None when empty."""
        return self.number(column) if self.text(column) else None

    def sourced(self, value: float | None = None, unit: str | None = None, note: str | None = None) -> Sourced:
        """The row as a Sourced number (value, unit and note can be replaced, e.g. after a unit conversion)."""
        has_range = "low" in self.cells
        return Sourced(
            value=self.number("value") if value is None else value,
            unit=self.text("unit") if unit is None else unit,
            source=self.text("source"),
            confidence=self.text("confidence"),
            low=self.optional_number("low") if has_range else None,
            high=self.optional_number("high") if has_range else None,
            vintage=self.text("vintage"),
            note=self.text("note") if note is None else note,
        )


def read_table(folder: Traversable | Path, name: str, columns: tuple[str, ...], key: tuple[str, ...]) -> list[Row]:
    """All rows of one CSV file, checked: required columns, provenance on every row, ranges of assumptions, and
    no two rows with the same key (so that no figure silently replaces another)."""
    node = folder.joinpath(name)
    if not node.is_file():
        raise DatasetError(f"{name}: data file missing from {folder}")
    text = node.read_text(encoding="utf-8")
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    missing = [c for c in (*columns, *PROVENANCE_COLUMNS) if c not in header]
    if missing:
        raise DatasetError(f"{name}: missing column(s) {', '.join(map(repr, missing))} (header: {', '.join(header)})")
    rows = []
    seen: dict[tuple[str, ...], int] = {}
    for cells in reader:
        row = Row(name, reader.line_num, cells)
        ident = tuple(row.text(c) for c in key)
        if ident in seen:
            raise DatasetError(f"{row.where(key[-1])}: {', '.join(f'{c}={v!r}' for c, v in zip(key, ident))} "
                               f"already given on line {seen[ident]}")
        seen[ident] = row.line
        _check_provenance(row)
        if "value" in header and row.text("value"):
            row.number("value")
        if "low" in header:
            _check_range(row)
        elif row.text("confidence") == "assumption":
            raise DatasetError(f"{row.where('confidence')}: 'assumption' needs a low/high range and {name} has no "
                               "such columns")
        rows.append(row)
    return rows


def _check_provenance(row: Row) -> None:
    for column in PROVENANCE_COLUMNS:
        if not row.text(column):
            raise DatasetError(f"{row.where(column)}: empty; every number in the dataset needs its {column}")
    confidence = row.text("confidence")
    if confidence not in CONFIDENCE_LEVELS:
        raise DatasetError(f"{row.where('confidence')}: {confidence!r} is not one of {', '.join(CONFIDENCE_LEVELS)}")


def _check_range(row: Row) -> None:
    low, high = row.optional_number("low"), row.optional_number("high")
    if row.text("confidence") == "assumption" and (low is None or high is None):
        column = "low" if low is None else "high"
        raise DatasetError(f"{row.where(column)}: empty; an assumption needs a plausible range (low and high)")
    if low is not None and high is not None:
        value = row.number("value")
        if not low <= value <= high:
            raise DatasetError(f"{row.where('value')}: {value:g} lies outside its range low={low:g}, high={high:g}")
