"""The stress-test table: per region two rows, without and with the agreement - price change, shortfall, cover,
fiscal cost and security value of one StressTestResult."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from workbench.analysis import units
from workbench.ui.results.table_view import EXPORT_ROLE, SORT_ROLE

_Index = QModelIndex | QPersistentModelIndex
#: The two rows of each region, in order: the market without the agreement's clauses, then with them.
WORLDS = ("without", "with")


@dataclass(frozen=True)
class StressColumn:
    """A figure column: the StressTestResult.table column per world (None: not applicable there) and its format
    (``change``, ``share``, ``tonnes``, ``days`` or ``usd``)."""

    without: str | None
    with_: str | None
    kind: str

    def key(self, world: str) -> str | None:
        """The table column shown in the row of ``world``."""
        return self.without if world == "without" else self.with_


#: After the Partner and Agreement columns. Without the agreement there is no stock and no clause to pay for:
#: days of cover and fiscal cost are true zeros there; the security value compares the two rows, so it has one.
FIGURES = (
    StressColumn("consumer_price_change_pct_without", "consumer_price_change_pct_with", "change"),
    StressColumn("shortfall_t_without", "shortfall_t_with", "tonnes"),
    StressColumn("shortfall_pct_without", "shortfall_pct_with", "share"),
    StressColumn(None, "days_of_cover_with", "days"),
    StressColumn(None, "fiscal_cost_pv_usd_with", "usd"),
    StressColumn(None, "security_value_pv_usd", "usd"),
)
FIRST_FIGURE = 2


def display(kind: str, value: float) -> str:
    """How a figure of ``kind`` is shown: the house style of the other results tables (workbench.analysis.units)."""
    if kind == "usd":
        return units.usd(value)
    if kind in ("change", "share"):
        return units.pct(value, signed=kind == "change")
    return units.figure(value, 0)  # tonnes and days: the column header names the unit


def exported(kind: str, value: float) -> Any:
    """A figure as copied to a spreadsheet: USD in millions, percent and tonnes rounded to 2 decimals."""
    if math.isnan(value):
        return ""
    return units.usd_m(value) if kind == "usd" else round(value, 2) + 0.0


class StressTableModel(QAbstractTableModel):
    """Rows: each region without (w/o), then with the agreement; columns: Partner, the world, then FIGURES.

    The Partner cell of a region's second row is empty (the view spans the first over both). Cells that do not
    apply (the security value without the agreement) are empty. SORT_ROLE gives the raw number.
    """

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._test: Any = None
        self._rows: list[tuple[str, str]] = []
        self._headers = self.headers()

    def headers(self) -> list[tuple[str, str, str]]:
        """Per column: (title, title with the export unit, tooltip), translated."""
        tr = self.tr
        return [
            ("", tr("Partner"), tr("Partner, China or rest of world")),
            ("", tr("Agreement"), tr("w/o: without the agreement, no clause on this mineral. with: every clause of "
                                     "the agreement on it, stockpile releases included")),
            (tr("Price\nchange"), tr("Consumer price change (%)"),
             tr("Change of the price buyers pay over the years the stress is in force, against the same world "
                "without the stress (without the agreement: the baseline)")),
            (tr("Shortfall\nt"), tr("Shortfall (t)"),
             tr("Tonnes consumers go without over the years in force, against the same world without the stress "
                "(released stock counts as supply)")),
            (tr("Shortfall\n%"), tr("Shortfall (% of demand)"),
             tr("The shortfall as a share of what consumers would have bought without the stress")),
            (tr("Cover\ndays"), tr("Days of cover"),
             tr("Stock the region owns when the stress begins, in days of its consumption")),
            (tr("Cost\nPV"), tr("Fiscal cost under the stress, present value (USD m)"),
             tr("Present value of the agreement's net fiscal cost on this mineral under the stress (+ cost, "
                "\u2212 revenue); nothing without the agreement")),
            (tr("Security\nvalue PV"), tr("Security value, present value (USD m)"),
             tr("Consumer loss the stress causes without the agreement minus the loss it causes with it: what the "
                "clauses save consumers (present value)")),
        ]

    def set_test(self, test: Any) -> None:
        """Show a StressTestResult (None or a failed test: no rows)."""
        rows = [] if test is None or test.error else [(r, w) for r in test.regions for w in WORLDS]
        same = rows == self._rows
        if not same:
            self.beginResetModel()
        self._test, self._rows = test, rows
        if not same:
            self.endResetModel()
        elif rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, self.columnCount() - 1))

    def value(self, row: int, column: int) -> float | None:
        """The raw figure of a cell (None where it does not apply or for the label columns)."""
        if column < FIRST_FIGURE:
            return None
        region, world = self._rows[row]
        key = FIGURES[column - FIRST_FIGURE].key(world)
        if key is None:
            return 0.0 if column - FIRST_FIGURE < len(FIGURES) - 1 else None
        return float(self._test.table.at[region, key])

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else FIRST_FIGURE + len(FIGURES)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        title, export, tip = self._headers[section]
        return {Qt.ItemDataRole.DisplayRole: title, EXPORT_ROLE: export, Qt.ItemDataRole.ToolTipRole: tip}.get(role)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        region, world = self._rows[index.row()]
        column = index.column()
        if column == 0:
            name = self._test.region_names.get(region, region)
            text = region if world == "without" else ""
            return {Qt.ItemDataRole.DisplayRole: text, EXPORT_ROLE: region, SORT_ROLE: index.row(),
                    Qt.ItemDataRole.ToolTipRole: name}.get(role)
        if column == 1:
            text = self.tr("w/o") if world == "without" else self.tr("with")
            tip = self.tr("without the agreement") if world == "without" else self.tr("with the agreement")
            return {Qt.ItemDataRole.DisplayRole: text, EXPORT_ROLE: world, SORT_ROLE: index.row(),
                    Qt.ItemDataRole.ToolTipRole: tip}.get(role)
        value = self.value(index.row(), column)
        kind = FIGURES[column - FIRST_FIGURE].kind
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if value is None else display(kind, value)
        if role == SORT_ROLE:
            return value
        if role == EXPORT_ROLE:
            return "" if value is None else exported(kind, value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
