"""The results panel: per-partner table and charts, uncertainty, options side by side, mandate breaches."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QProgressBar, QPushButton, QSplitter, QTabWidget,
                               QVBoxLayout, QWidget)

from workbench.analysis.mandate import Limits
from workbench.document import Scenario
from workbench.engine import EvaluationResult, MonteCarloResult
from workbench.ui.controller import DocumentController
from workbench.ui.results import messages
from workbench.ui.results.charts import CashFlowChart, FiscalByInstrumentChart, PriceEffectChart
from workbench.ui.results.compare_view import CompareView
from workbench.ui.results.partner_model import PartnerTableModel
from workbench.ui.results.scheduler import ComputeScheduler
from workbench.ui.results.table_view import ResultsTableView
from workbench.ui.results.uncertainty import UncertaintyView
from workbench.ui.results.worker import Analysis

#: Breaches listed above the results; the rest are in the list's tooltip.
MANDATE_LINES = 4


class ResultsPanel(QWidget):
    """Results of the controller's scenario, recomputed on every change without blocking the window.

    ``breachesChanged`` maps clause_id -> messages for every clause that, costed alone (as modelled or under
    one of its bracket options), breaches the delegation's mandate; clauses without breaches are absent.
    ``resultsShown`` fires after a new deterministic result has been put on screen.
    """

    breachesChanged = Signal(dict)
    resultsShown = Signal()

    def __init__(self, controller: DocumentController, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("Results"))
        self.controller = controller
        self.scheduler = ComputeScheduler(self)
        self._breaches: dict[str, list[str]] = {}
        self._result: EvaluationResult | None = None

        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setAccessibleName(self.tr("Model error"))
        self.error.setStyleSheet("QLabel { border: 1px solid #d62728; border-radius: 3px; padding: 4px; }")
        self.error.hide()
        self.mandate = QLabel(self)
        self.mandate.setWordWrap(True)
        self.mandate.setAccessibleName(self.tr("Mandate breaches"))
        self.mandate.setStyleSheet("QLabel { border: 1px solid #e69f00; border-radius: 3px; padding: 4px; }")
        self.mandate.hide()

        self.partner_model = PartnerTableModel(self)
        self.table = ResultsTableView(self.partner_model, self.tr("Results per partner"), self)
        self.copy_button = QPushButton(self.tr("Cop&y table"), self)
        self.copy_button.setAccessibleName(self.tr("Copy the results table as tab-separated values"))
        self.copy_button.setToolTip(self.tr("Copy the selected cells, or the whole table, for a spreadsheet"))
        self.copy_button.clicked.connect(self.table.copy)
        self.fiscal_chart = FiscalByInstrumentChart(self)
        self.price_chart = PriceEffectChart(self)
        self.cash_chart = CashFlowChart(self)
        self.uncertainty = UncertaintyView(self)
        self.compare = CompareView(self)
        self.compare.restoreRequested.connect(self._restore)

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Result views"))
        self.tabs.addTab(self._partner_page(), self.tr("Per pa&rtner"))
        self.tabs.addTab(self.cash_chart, self.tr("C&ash flows"))
        self.tabs.addTab(self.uncertainty, self.tr("Uncerta&inty"))
        self.tabs.addTab(self.compare, self.tr("Compare &options"))

        self.status = QLabel(self)
        self.status.setAccessibleName(self.tr("Results status"))
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setFormat(self.tr("Monte Carlo %p%"))
        self.progress.setAccessibleName(self.tr("Monte Carlo progress"))
        self.progress.setFixedWidth(self.progress.fontMetrics().horizontalAdvance(self.progress.format()) + 60)
        footer = QHBoxLayout()
        footer.addWidget(self.status, 1)
        footer.addWidget(self.progress)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.error)
        layout.addWidget(self.mandate)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(footer)

        self.scheduler.evaluated.connect(self._show_result)
        self.scheduler.evaluationFailed.connect(self._show_error)
        self.scheduler.analysed.connect(self._show_analysis)
        self.scheduler.refining.connect(lambda: self.progress.setValue(0))
        self.scheduler.progress.connect(lambda f: self.progress.setValue(round(100 * f)))
        self.scheduler.monteCarloFinished.connect(self._show_monte_carlo)
        self.scheduler.refinementFailed.connect(self._show_refinement_failure)
        controller.scenarioChanged.connect(self.scheduler.submit)
        self.scheduler.submit(controller.scenario)

    @property
    def breaches(self) -> dict[str, list[str]]:
        """The last emitted clause_id -> mandate breach messages."""
        return dict(self._breaches)

    @property
    def result(self) -> EvaluationResult | None:
        """The deterministic result on screen (None before the first or after a failed evaluation)."""
        return self._result

    def shutdown(self) -> None:
        """Stop background work (the main window calls it when closing)."""
        self.scheduler.shutdown()

    def _partner_page(self) -> QWidget:
        page = QWidget(self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        top = QWidget(page)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table, 1)
        top_layout.addLayout(buttons)
        charts = QSplitter(Qt.Orientation.Horizontal, page)
        charts.addWidget(self.fiscal_chart)
        charts.addWidget(self.price_chart)
        split = QSplitter(Qt.Orientation.Vertical, page)
        split.addWidget(top)
        split.addWidget(charts)
        split.setStretchFactor(0, 0)  # the table keeps the height of its rows; the charts take the rest
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(page)
        layout.addWidget(split)
        return page

    def _show_result(self, scenario: Scenario, result: EvaluationResult, seconds: float) -> None:
        self._result = result
        self.error.hide()
        self.tabs.setEnabled(True)
        breaches = Limits.of(scenario).breaches(result.partner_table)
        self.partner_model.set_result(result.partner_table, result.region_names, messages.cells(breaches))
        for chart in (self.fiscal_chart, self.price_chart, self.cash_chart):
            chart.show_data(result)
        self.uncertainty.set_result(result)
        self.compare.set_current(scenario, result)
        self.progress.setValue(0)
        self.status.setText(self.tr("Modelled in {0:.0f} ms; refining uncertainty\u2026").format(seconds * 1000))
        for w in result.warnings:
            self.status.setText(self.status.text() + "  " + w)
        self.resultsShown.emit()

    def _show_error(self, scenario: Scenario, message: str) -> None:
        self._result = None
        self.error.setText(self.tr("Results not updated. {0}").format(message))
        self.error.show()
        self.tabs.setEnabled(False)
        self.progress.setValue(0)
        self.status.setText(self.tr("Showing the last results the model could compute."))

    def _show_analysis(self, analysis: Analysis) -> None:
        self.compare.set_analysis(analysis)
        lines = [f"\u2022 {line}" for line in messages.summary(analysis.mandate)]
        shown = lines if len(lines) <= MANDATE_LINES + 1 else \
            lines[:MANDATE_LINES] + [self.tr("\u2026 and {0} more (hover to see all)").format(len(lines) - MANDATE_LINES)]
        self.mandate.setText("\n".join([self.tr("Mandate check:"), *shown]))
        self.mandate.setToolTip("\n".join(lines))
        self.mandate.setVisible(bool(lines))
        breaches = messages.by_clause(analysis.mandate)
        if breaches != self._breaches:
            self._breaches = breaches
            self.breachesChanged.emit(dict(breaches))

    def _show_monte_carlo(self, mc: MonteCarloResult) -> None:
        self.progress.setValue(100)
        self.partner_model.set_p95(mc.summary["p95_pv_usd"].to_dict())
        self.uncertainty.set_monte_carlo(mc, {c.id: c.title for c in self.controller.scenario.document.clauses})
        self.status.setText(self.tr("Up to date: deterministic result and {0:,} Monte Carlo paths.").format(mc.paths))

    def _show_refinement_failure(self, message: str) -> None:
        self.partner_model.set_p95(None, failure=message)
        self.uncertainty.set_failed(message)
        self.status.setText(self.tr("Uncertainty refinement failed: {0}").format(message))

    def _restore(self, scenario: Scenario, name: str) -> None:
        self.controller.apply(scenario, self.tr("Restore alternative \u201c{0}\u201d").format(name))
