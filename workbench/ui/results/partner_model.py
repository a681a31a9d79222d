"""The per-partner results table: fiscal cost, its P95 from Monte Carlo, price effects and supply from China."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QStyle

from workbench.analysis import units
from workbench.ui.results.table_view import EXPORT_ROLE, RESERVE_ROLE, SORT_ROLE

if TYPE_CHECKING:
    import pandas as pd

#: Translucent red: readable over light and dark bases alike.
BREACH_BACKGROUND = QColor(214, 39, 40, 80)


@dataclass(frozen=True)
class Column:
    """A table column: the result field it shows and how it is formatted (``usd``, ``change`` or ``share``)."""

    key: str
    kind: str


COLUMNS = (
    Column("partner", "name"),
    Column("fiscal_cost_avg_usd", "usd"),
    Column("fiscal_cost_peak_usd", "usd"),
    Column("fiscal_cost_pv_usd", "usd"),
    Column("cash_cost_pv_usd", "usd"),
    Column("stock_value_pv_usd", "usd"),
    Column("p95_pv_usd", "usd"),
    Column("consumer_price_change_pct", "change"),
    Column("producer_price_change_pct", "change"),
    Column("china_share_pct", "share"),
)


class PartnerTableModel(QStandardItemModel):
    """One row per region (partners, then China and the rest of the world) of an ``EvaluationResult``.

    The P95 column comes from the Monte Carlo summary and reads "pending" until the run for the current
    scenario finishes. Cells breaching the mandate are highlighted, with the breach as tooltip.

    The cells are items holding every role's value, set when a result arrives: the view paints from them without
    calling into Python (a Python ``data()`` override cost the table's repaint 10 of its 12 ms on every keystroke,
    rowCount/columnCount calls included).
    """

    def __init__(self, parent: QObject | None = None):
        super().__init__(0, len(COLUMNS), parent)
        self._regions: list[str] = []
        self._names: dict[str, str] = {}
        self._values: dict[str, dict[str, float]] = {}
        self._p95: dict[str, float] | None = None
        self._p95_failure: str | None = None
        self._breaches: dict[tuple[str, str], list[str]] = {}
        for section, (title, export, tip) in enumerate(self.headers()):
            for role, value in ((Qt.ItemDataRole.DisplayRole, title), (EXPORT_ROLE, export),
                                (Qt.ItemDataRole.ToolTipRole, tip)):
                self.setHeaderData(section, Qt.Orientation.Horizontal, value, role)

    def headers(self) -> list[tuple[str, str, str]]:
        """Per column: (title, title with the export unit, tooltip), translated."""
        tr = self.tr
        return [
            (tr("Partner"), tr("Partner"), tr("Partner, China or rest of world")),
            (tr("Cost\nper yr\nUSD m"), tr("Fiscal cost per year, average (USD m)"),
             tr("Mean annual net fiscal cost: + is a cost to the treasury, \u2212 net revenue; net of the value of the "
                "stock held at the end, which counts in the last year (see Cash PV and Stock value PV)")),
            (tr("Peak\nyear\nUSD m"), tr("Fiscal cost in the peak year (USD m)"),
             tr("Net fiscal cost in the costliest year: what an annual fiscal ceiling is checked against")),
            (tr("Cost\nPV\nUSD m"), tr("Fiscal cost, present value (USD m)"),
             tr("Present value of net fiscal cost over the horizon at the scenario's discount rate: the cash cost "
                "minus the value of the stock held at the end")),
            (tr("Cash\nPV\nUSD m"), tr("Cash cost, present value (USD m)"),
             tr("Present value of the cash flows alone (levies, tariffs, payments, purchases, storage)")),
            (tr("Stock\nPV\nUSD m"), tr("Stock value at the end, present value (USD m)"),
             tr("Value of the stock held at the end of the horizon: a non-cash item, not money received")),
            (tr("P95\nPV\nUSD m"), tr("P95 fiscal cost, present value (USD m)"),
             tr("Bad case: 95th percentile of the present-value cost over the Monte Carlo price paths")),
            (tr("Cons.\nprice\n\u0394 %"), tr("Consumer price change (%)"),
             tr("Change of the price buyers pay against the baseline, value-weighted over minerals and years")),
            (tr("Prod.\nprice\n\u0394 %"), tr("Producer price change (%)"),
             tr("Change of the price producers receive against the baseline")),
            (tr("From\nChina\n%"), tr("Share of supply from China (%)"),
             tr("Share of consumption sourced from China under the scenario")),
        ]

    def set_result(self, partner_table: pd.DataFrame, region_names: dict[str, str],
                   breaches: dict[tuple[str, str], list[str]]) -> None:
        """Show a new result; the P95 column becomes pending. Same regions: cells update in place."""
        regions = [str(r) for r in partner_table.index]
        if regions != self._regions:
            self.setRowCount(0)  # rows removed, then inserted: views and proxies follow
            self.setRowCount(len(regions))
            blocked = self.blockSignals(True)  # the items are announced with their data, below
            for row in range(len(regions)):
                for column in range(len(COLUMNS)):
                    item = QStandardItem()
                    item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)  # read-only
                    self.setItem(row, column, item)
            self.blockSignals(blocked)
        self._regions = regions
        self._names = dict(region_names)
        keys = [str(k) for k in partner_table.columns]  # numpy rows: a tenth of DataFrame.to_dict's time
        self._values = {r: dict(zip(keys, row)) for r, row in zip(regions, partner_table.to_numpy(float).tolist())}
        self._p95 = None
        self._p95_failure = None
        self._breaches = dict(breaches)
        self._fill(range(len(COLUMNS)))

    def set_p95(self, p95_pv_usd: dict[str, float] | None, failure: str | None = None) -> None:
        """The Monte Carlo P95 of PV cost per region; None while it is pending, or with ``failure`` if it failed."""
        self._p95 = None if p95_pv_usd is None else dict(p95_pv_usd)
        self._p95_failure = failure
        col = self.column_of("p95_pv_usd")
        self._fill(range(col, col + 1))

    def regions(self) -> list[str]:
        """Region codes in row order."""
        return list(self._regions)

    @staticmethod
    def column_of(key: str) -> int:
        """The column showing result field ``key``."""
        return [c.key for c in COLUMNS].index(key)

    def _fill(self, columns: range) -> None:
        """Set every role of the cells of ``columns`` in one pass, then tell the views once (one fit of the columns,
        one repaint)."""
        if not self._regions:
            return
        blocked = self.blockSignals(True)
        try:
            for row, region in enumerate(self._regions):
                for column in columns:
                    self.setItemData(self.index(row, column), self._roles(region, COLUMNS[column]))
        finally:
            self.blockSignals(blocked)
        self.dataChanged.emit(self.index(0, columns[0]), self.index(len(self._regions) - 1, columns[-1]))

    def _roles(self, region: str, col: Column) -> dict[int, Any]:
        """Every role's value of a cell; None clears a role the cell had (a breach gone, the P95 arrived)."""
        value = self._value(region, col)
        breach = self._breaches.get((region, col.key))
        side = Qt.AlignmentFlag.AlignLeft if col.kind == "name" else Qt.AlignmentFlag.AlignRight
        pending = col.key == "p95_pv_usd" and value is None
        roles: dict[Any, Any] = {
            Qt.ItemDataRole.DisplayRole: self._display(region, col, value),
            SORT_ROLE: self._regions.index(region) if col.kind == "name" else -math.inf if value is None else value,
            EXPORT_ROLE: self._export(region, col, value),
            Qt.ItemDataRole.TextAlignmentRole: int(side | Qt.AlignmentFlag.AlignVCenter),
            Qt.ItemDataRole.ToolTipRole: self._tooltip(region, col, breach),
            # room for the P95 before it arrives: no jump
            RESERVE_ROLE: units.usd_m_text(3 * self._values[region]["fiscal_cost_pv_usd"])
            if col.key == "p95_pv_usd" else None,
            Qt.ItemDataRole.ForegroundRole: QGuiApplication.palette().placeholderText().color() if pending else None,
            Qt.ItemDataRole.BackgroundRole: BREACH_BACKGROUND if breach else None,
            Qt.ItemDataRole.DecorationRole: QApplication.style().standardIcon(
                QStyle.StandardPixmap.SP_MessageBoxWarning) if breach else None,
            Qt.ItemDataRole.AccessibleDescriptionRole: "\n".join(breach) if breach else None,
        }
        return {int(role): v for role, v in roles.items()}

    def _value(self, region: str, col: Column) -> float | None:
        if col.kind == "name":
            return None
        if col.key == "p95_pv_usd":
            return None if self._p95 is None else self._p95.get(region)
        return self._values[region][col.key]

    def _display(self, region: str, col: Column, value: float | None) -> str:
        if col.kind == "name":  # the code: every column fits a laptop's pane; the name is in the tooltip
            return region
        if value is None:
            return self.tr("n/a") if self._p95_failure else self.tr("pending\u2026")
        if col.kind == "usd":  # the header names the unit, USD m
            return units.usd_m_text(value)
        return units.pct(value, signed=col.kind == "change").removesuffix(" %")  # the header says %

    def _export(self, region: str, col: Column, value: float | None) -> Any:
        if col.kind == "name":
            name = self._names.get(region, region)
            return f"{name} ({region})" if name != region else region
        if value is None:
            return ""
        return units.usd_m(value) if col.kind == "usd" else round(value, 2)

    def _tooltip(self, region: str, col: Column, breach: list[str] | None) -> str | None:
        lines = list(breach or [])
        if col.kind == "name":
            lines.append(self._names.get(region, region))
        elif col.kind == "usd" and self._value(region, col) is not None:
            lines.append(units.usd(self._value(region, col)))
        if col.key == "p95_pv_usd" and self._p95 is None:
            lines.append(self.tr("Monte Carlo failed: {0}").format(self._p95_failure) if self._p95_failure
                         else self.tr("Monte Carlo refinement running"))
        if col.key == "china_share_pct":
            base = self._values[region]["china_share_base_pct"]
            lines.append(self.tr("Baseline: {0}").format(units.pct(base, signed=False)))
        return "\n".join(lines) or None
