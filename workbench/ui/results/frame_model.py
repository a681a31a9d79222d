"""A read-only table model over a numeric DataFrame: one row per region, formatted cells, highlighted breaches."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication

from workbench.analysis import units
from workbench.ui.results.partner_model import BREACH_BACKGROUND
from workbench.ui.results.table_view import EXPORT_ROLE, SORT_ROLE

_Index = QModelIndex | QPersistentModelIndex


class FrameModel(QAbstractTableModel):
    """Shows ``frame`` (index = region code, numeric columns) after a first "Partner" column.

    ``kind`` formats every value: ``usd`` (USD m / bn, exported in USD m) or ``change`` (signed percent).
    Columns listed in ``dimmed`` (e.g. results being recomputed) are drawn in the placeholder colour.
    """

    def __init__(self, partner_title: str, parent: QObject | None = None):
        super().__init__(parent)
        self._partner_title = partner_title
        self._frame = pd.DataFrame()
        self._names: dict[str, str] = {}
        self._kind = "usd"
        self._unit = ""
        self._highlight: dict[tuple[str, str], list[str]] = {}
        self._dimmed: set[str] = set()

    def set_frame(self, frame: pd.DataFrame, names: dict[str, str], kind: str, unit: str, *,
                  highlight: dict[tuple[str, str], list[str]] | None = None,
                  dimmed: set[str] | None = None) -> None:
        """Show a new frame; ``unit`` is appended to exported column titles; ``highlight`` maps
        (region, column) to the messages shown as tooltip of a highlighted cell."""
        same_shape = list(frame.index) == list(self._frame.index) and list(frame.columns) == list(self._frame.columns)
        if not same_shape:
            self.beginResetModel()
        self._frame, self._names, self._kind, self._unit = frame, dict(names), kind, unit
        self._highlight = dict(highlight or {})
        self._dimmed = set(dimmed or ())
        if not same_shape:
            self.endResetModel()
        elif len(frame.index):
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._frame.index)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._frame.columns) + 1

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        title = self._partner_title if section == 0 else str(self._frame.columns[section - 1])
        if role == Qt.ItemDataRole.DisplayRole:
            return title
        if role == EXPORT_ROLE:
            return title if section == 0 else f"{title} ({self._unit})"
        if role == Qt.ItemDataRole.ForegroundRole and section > 0 and title in self._dimmed:
            return QGuiApplication.palette().placeholderText().color()
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self.rowCount() or index.column() >= self.columnCount():
            return None
        region = str(self._frame.index[index.row()])
        if index.column() == 0:
            name = self._names.get(region, region)
            label = f"{name} ({region})" if name != region else region
            return {Qt.ItemDataRole.DisplayRole: label, EXPORT_ROLE: label, SORT_ROLE: index.row()}.get(role)
        column = str(self._frame.columns[index.column() - 1])
        value = float(self._frame.iat[index.row(), index.column() - 1])
        messages = self._highlight.get((region, column))
        if role == Qt.ItemDataRole.DisplayRole:
            return units.usd(value) if self._kind == "usd" else units.pct(value)
        if role == SORT_ROLE:
            return -math.inf if math.isnan(value) else value
        if role == EXPORT_ROLE:
            if math.isnan(value):
                return ""
            return units.usd_m(value) if self._kind == "usd" else round(value, 2)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and messages:
            return BREACH_BACKGROUND
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole) and messages:
            return "\n".join(messages)
        if role == Qt.ItemDataRole.ForegroundRole and column in self._dimmed:
            return QGuiApplication.palette().placeholderText().color()
        return None
