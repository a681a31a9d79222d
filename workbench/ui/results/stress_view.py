"""The Stress tab of the results: pick a stress test; per partner without vs with the agreement (table) and the price
path and stockpile (chart), computed in the background while the tab is on screen."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from workbench.document import RESERVED_REGIONS, Scenario
from workbench.ui.controller import DocumentController
from workbench.ui.editors.stress_editor import KIND_TEXT
from workbench.ui.i18n import translate as _tr
from workbench.ui.results.stress_chart import StressChart, StressChartData
from workbench.ui.results.stress_model import StressTableModel
from workbench.ui.results.stress_runner import StressRunner
from workbench.ui.results.table_view import ResultsTableView


class StressView(QWidget):
    """Results of the controller's stress tests; runs them only while visible, the latest edit first."""

    def __init__(self, controller: DocumentController, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.runner = StressRunner(self)
        self.result: Any = None  # the StressResult on screen
        self._wanted: str | None = None  # the test to show once results arrive (selected in the Stress editor)

        self.test = QComboBox(self)
        self.test.setAccessibleName(self.tr("Stress test shown"))
        self.test.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.test.setMinimumContentsLength(20)
        self.test.currentIndexChanged.connect(self._show_test)
        self.partner = QComboBox(self)
        self.partner.setAccessibleName(self.tr("Partner whose price the chart shows"))
        self.partner.currentIndexChanged.connect(self._show_chart)
        self.about = QLabel(self)
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        self.about.setAccessibleName(self.tr("About the stress test"))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(self.tr("Stress test status"))
        self.model = StressTableModel(self)
        self.table = ResultsTableView(self.model, self.tr("Stress test per partner, without and with the agreement"),
                                      self)
        self.table.setSortingEnabled(False)  # rows come in pairs (without, with) per region
        self.table.horizontalHeader().setMinimumSectionSize(24)  # the w/o-with column is narrow
        self.model.modelReset.connect(self._span_partners)
        self.chart = StressChart(self)

        top = QHBoxLayout()
        for text, combo, stretch in ((self.tr("Stress test:"), self.test, 1), (self.tr("Chart:"), self.partner, 0)):
            label = QLabel(text, self)
            label.setBuddy(combo)
            top.addWidget(label)
            top.addWidget(combo, stretch)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.chart)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.about)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)

        self.status.hide()
        self.runner.started.connect(lambda: self._say(self.tr("Running the stress tests\u2026")))
        self.runner.finished.connect(self.set_result)
        self.runner.failed.connect(self._failed)
        controller.scenarioChanged.connect(self._scenario_changed)
        self._scenario_changed(controller.scenario)

    # --- public API ---------------------------------------------------------------------------------------------
    def select(self, stress_id: str | None) -> None:
        """Show the stress test ``stress_id`` (now, or when its results arrive)."""
        self._wanted = stress_id
        index = self.test.findData(stress_id)
        if index >= 0:
            self.test.setCurrentIndex(index)

    @property
    def current_test(self) -> Any:
        """The StressTestResult shown (None while there is none)."""
        if self.result is None or self.test.currentData() is None:
            return None
        try:
            return self.result.test(self.test.currentData())
        except KeyError:
            return None

    def set_result(self, scenario: Scenario, result: Any, seconds: float = 0.0) -> None:
        """Show the stress tests of ``scenario``; the test shown stays selected if it still exists."""
        self.result = result
        keep = self._wanted or self.test.currentData()
        self.test.blockSignals(True)
        self.test.clear()
        for t in result.tests:
            self.test.addItem(t.title, t.id)
            self.test.setItemData(self.test.count() - 1, t.title, Qt.ItemDataRole.ToolTipRole)
        self.test.setCurrentIndex(max(0, self.test.findData(keep)))
        self.test.blockSignals(False)
        notes = [] if result.tests else [
            self.tr("The scenario has no stress tests: add them in the Stress tab of the editors.")]
        self._say("  ".join(notes + list(result.warnings)))
        self.status.setToolTip(self.tr("{0} stress test(s) with and without the agreement in {1:.0f} ms.").format(
            len(result.tests), seconds * 1000))
        self._show_test()

    # --- internals ----------------------------------------------------------------------------------------------
    def _scenario_changed(self, scenario: Scenario) -> None:
        self.runner.submit(scenario)
        if self.result is not None and self.isVisible():
            self._say(self.tr("Results below are for the scenario before the last edit; updating\u2026"))

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _failed(self, _scenario: Scenario, message: str) -> None:
        self._say(self.tr("Stress tests not updated: {0}").format(message))

    def _show_test(self) -> None:
        test = self.current_test
        if test is not None:
            self._wanted = None
        self.model.set_test(test)
        self._span_partners()
        if test is None:
            self.about.clear()
            self.chart.hide()
            return
        years = [y for y, on in zip(test.years, test.active) if on]
        span = f"{years[0]}\u2013{years[-1]}" if years else self.tr("not in force within the horizon")
        self.about.setText(f"{_tr(KIND_TEXT.get(test.kind, test.kind))} \u00b7 {test.mineral} \u00b7 {span}. "
                           + (self.tr("No result: {0}").format(test.error) if test.error else
                              self.tr("w/o: without the agreement; with: with its clauses on {0}.").format(
                                  test.mineral)))
        self.about.setToolTip(f"<p>{html.escape(test.source_note)}</p>" if test.source_note else "")
        self.chart.setVisible(not test.error)
        regions = [r for r in test.regions if r not in RESERVED_REGIONS] or list(test.regions)
        if [self.partner.itemData(i) for i in range(self.partner.count())] != regions:
            keep = self.partner.currentData()
            self.partner.blockSignals(True)
            self.partner.clear()
            for code in regions:
                self.partner.addItem(code, code)
                self.partner.setItemData(self.partner.count() - 1, test.region_names.get(code, code),
                                         Qt.ItemDataRole.ToolTipRole)
            self.partner.setCurrentIndex(max(0, self.partner.findData(keep)))
            self.partner.blockSignals(False)
        self._show_chart()

    def _show_chart(self) -> None:
        test = self.current_test
        if test is None or test.error or self.partner.currentData() is None:
            return
        data = StressChartData(test, self.partner.currentData())
        if not _same_chart(self.chart.data, data):  # an edit elsewhere leaves this chart as it is: no redraw
            self.chart.show_data(data)

    def _span_partners(self) -> None:
        self.table.clearSpans()
        for row in range(0, self.model.rowCount(), 2):
            self.table.setSpan(row, 0, 2, 1)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.runner.set_active(True)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        super().hideEvent(event)
        self.runner.set_active(False)


def _same_chart(old: StressChartData | None, new: StressChartData) -> bool:
    """Whether ``new`` would draw exactly what ``old`` drew (same test, region, paths, stock and title)."""
    return (old is not None and old.region == new.region and old.test.id == new.test.id
            and old.test.title == new.test.title and old.test.paths.equals(new.test.paths)
            and old.test.stock.equals(new.test.stock) and old.test.region_names == new.test.region_names)
