"""The Uncertainty tab: a fan chart per partner and the Monte Carlo summary (P5/P50/P95, CfD rebate odds)."""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from workbench.engine import EvaluationResult, MonteCarloResult
from workbench.ui.results.charts import partners_of
from workbench.ui.results.fan_chart import FanChart, FanData
from workbench.ui.results.frame_model import FrameModel
from workbench.ui.results.table_view import ResultsTableView

SUMMARY_COLUMNS = ("expected_cost_pv_usd", "p5_pv_usd", "p50_pv_usd", "p95_pv_usd", "p95_annual_usd")


class UncertaintyView(QWidget):
    """Shows the latest Monte Carlo result next to the deterministic one; says so while a run is pending."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._result: EvaluationResult | None = None
        self._mc: MonteCarloResult | None = None
        self._summary: pd.DataFrame | None = None
        self._fan_stale = False
        self.partner = QComboBox(self)
        self.partner.setAccessibleName(self.tr("Partner shown in the fan chart"))
        self.partner.currentIndexChanged.connect(self._update_fan)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Monte Carlo status"))
        self.fan = FanChart(self)
        self.model = FrameModel(self.tr("Partner"), self)
        self.table = ResultsTableView(self.model, self.tr("Monte Carlo summary per partner"), self)

        top = QHBoxLayout()
        label = QLabel(self.tr("Partner in the fan chart:"), self)
        label.setBuddy(self.partner)
        top.addWidget(label)
        top.addWidget(self.partner)
        top.addWidget(self.status, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.fan)
        split.addWidget(self.table)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    def headers(self) -> dict[str, str]:
        """Summary column -> title."""
        tr = self.tr
        return {"expected_cost_pv_usd": tr("Expected PV cost"), "p5_pv_usd": tr("P5 PV cost"),
                "p50_pv_usd": tr("P50 PV cost"), "p95_pv_usd": tr("P95 PV cost"),
                "p95_annual_usd": tr("P95 annual cost")}

    def set_result(self, result: EvaluationResult) -> None:
        """A new deterministic result: the Monte Carlo figures shown become pending."""
        self._result = result
        self._mc = None
        partners = partners_of(result)
        if [self.partner.itemData(i) for i in range(self.partner.count())] != partners:
            keep = self.partner.currentData()
            self.partner.blockSignals(True)
            self.partner.clear()
            for code in partners:
                self.partner.addItem(f"{result.region_names.get(code, code)} ({code})", code)
            self.partner.setCurrentIndex(max(0, partners.index(keep) if keep in partners else 0))
            self.partner.blockSignals(False)
        self.status.setText(self.tr("Monte Carlo refinement pending\u2026"))
        self._show_summary(dimmed=True)
        self._update_fan()

    def set_monte_carlo(self, mc: MonteCarloResult, titles: dict[str, str] | None = None) -> None:
        """The Monte Carlo result for the current scenario; ``titles`` (clause id -> title) name the CfDs."""
        self._mc = mc
        titles = titles or {}
        odds = "; ".join(self.tr("\u201c{0}\u201d {1:.0f} %").format(titles.get(cid, cid), p * 100)
                         for cid, p in sorted(mc.cfd_rebate_probability.items()))
        text = self.tr("{0:,} price paths, seed {1}.").format(mc.paths, mc.seed)
        if odds:
            text += " " + self.tr("Probability that a CfD's net payments have a negative present value (rebates "
                                  "exceed payments): {0}").format(odds)
        self.status.setText(text)
        self._show_summary(dimmed=False)
        self._update_fan()

    def set_failed(self, message: str) -> None:
        """The refinement failed: say why; the figures shown stay marked as out of date."""
        self.status.setText(self.tr("Monte Carlo failed: {0}").format(message))

    def _show_summary(self, *, dimmed: bool) -> None:
        """Show the latest summary; while a newer run is pending it stays visible but dimmed."""
        if self._mc is not None:
            self._summary = self._mc.summary.reindex(columns=list(SUMMARY_COLUMNS)).rename(columns=self.headers())
        if self._summary is None or self._result is None:
            return
        self.model.set_frame(self._summary, self._result.region_names, "usd", self.tr("USD m"),
                             dimmed=set(self._summary.columns) if dimmed else set())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._fan_stale:
            self._update_fan()

    def _update_fan(self) -> None:
        """Chart the selected partner's fan; while the tab is hidden, only note that it is out of date."""
        self._fan_stale = not self.isVisible()
        if self._result is None or self._fan_stale:
            return
        code = self.partner.currentData()
        if code is None:
            return
        r = self._result
        flows = r.fiscal[r.fiscal["region"] == code].groupby("year")["amount_usd"].sum()
        fan = None
        if self._mc is not None:
            fan = self._mc.fan[self._mc.fan["region"] == code]
        self.fan.show_data(FanData(code, r.region_names.get(code, code), list(r.years), fan,
                                   flows.reindex(r.years, fill_value=0.0).to_numpy(dtype=float)))
