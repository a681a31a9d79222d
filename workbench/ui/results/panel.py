"""The results panel: per-partner table and charts, uncertainty, options side by side, mandate breaches."""

from __future__ import annotations

import threading
import time
from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QSpacerItem, QSplitter,
                               QTabWidget, QVBoxLayout, QWidget)

from workbench.ui.controller import DocumentController
from workbench.ui.i18n import translate as _tr
from workbench.ui.background_import import import_in_background
from workbench.ui.results.notice import NoticeLine
from workbench.ui.results.partner_model import PartnerTableModel
from workbench.ui.results.scheduler import ComputeScheduler
from workbench.ui.results.table_view import ResultsTableView

if TYPE_CHECKING:  # the engine (pandas, numpy) comes after the first paint (scheduler.engine_imported)
    from workbench.document import Scenario
    from workbench.engine import EvaluationResult, MonteCarloResult
    from workbench.ui.results.worker import Analysis
if TYPE_CHECKING:  # these views import matplotlib: build_views() imports them after the first paint
    from workbench.ui.results.charts import CashFlowChart, FiscalByInstrumentChart, PriceEffectChart
    from workbench.ui.results.compare_view import CompareView
    from workbench.ui.results.stress_view import StressView
    from workbench.ui.results.uncertainty import UncertaintyView

#: Breaches listed above the results; the rest are in the list's tooltip.
#: The modules of the views built after the first paint (they import matplotlib).
VIEW_MODULES = ("workbench.ui.results.charts", "workbench.ui.results.compare_view", "workbench.ui.results.uncertainty",
                "workbench.ui.results.stress_view")
#: How often the panel looks whether the background import of VIEW_MODULES has finished.
IMPORT_POLL_MS = 20
#: Longest the engine's import waits for the panel's first paint (a window covered by another may get none).
ENGINE_IMPORT_WAIT_S = 2.0


@lru_cache(maxsize=None)
def views_imported() -> threading.Event:
    """Import VIEW_MODULES in a background thread (started on the first call only); the event is set when done.

    The window keeps answering input meanwhile; if the import fails, build_views() meets the error again.
    """
    return import_in_background(VIEW_MODULES, "import-result-views")


class ResultsPanel(QWidget):
    """Results of the controller's scenario, recomputed on every change without blocking the window.

    ``breachesChanged`` maps clause_id -> messages for every clause that, costed alone (as modelled or under
    one of its bracket options), breaches the delegation's mandate; clauses without breaches are absent.
    ``resultsShown`` fires after a new deterministic result has been put on screen.

    The per-partner table is there from the start. The charts and the Cash flows, Uncertainty, Compare options and
    Stress tabs (matplotlib: importing it and drawing took half the start-up time) come after the panel's first
    paint, so the window appears without waiting for them: their modules are imported in a background thread, then
    the per-partner charts are built with the latest result and drawn (:meth:`charts_drawn`), then the other views are
    built and ``chartsReady`` fires. Reading one of them (``fiscal_chart``,
    ``price_chart``, ``cash_chart``, ``uncertainty``, ``compare``, ``stress``) builds them at once.
    """

    breachesChanged = Signal(dict)
    resultsShown = Signal()
    chartsReady = Signal()

    def __init__(self, controller: DocumentController, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("Results"))
        self.controller = controller
        self.scheduler = ComputeScheduler(self, import_when=self._may_import_engine, refine_when=self._may_refine)
        self._breaches: dict[str, list[str]] = {}
        self._result: EvaluationResult | None = None
        # What the chart views show, kept for when they are built: the latest result and its refinements.
        self._shown: tuple[Scenario, EvaluationResult] | None = None
        self._analysis: Analysis | None = None
        self._refinement: MonteCarloResult | str | None = None  # Monte Carlo result, or why it failed
        self._views_built = False
        self._charts_built = False  # the per-partner charts, built first (drawn before the other views are built)
        self._validity_text = ""
        self._painted = False
        self._first_frame_done = False
        self._created = time.monotonic()
        self._import_poll = QTimer(self, interval=IMPORT_POLL_MS)
        self._import_poll.timeout.connect(self._build_views_when_imported)

        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setAccessibleName(self.tr("Model error"))
        self.error.setStyleSheet("QLabel { border: 1px solid #d62728; border-radius: 3px; padding: 4px; }")
        self.error.hide()
        # one line each, always in place while there is something to watch: typing never moves the tabs
        self.mandate = NoticeLine(self.tr("Mandate breaches"), "#e69f00", self)
        self.mandate.hide()
        self.validity = NoticeLine(self.tr("Outside what the model can vouch for"), "#999999", self)

        self.partner_model = PartnerTableModel(self)
        self.table = ResultsTableView(self.partner_model, self.tr("Results per partner"), self)
        self.copy_button = QPushButton(self.tr("Cop&y table"), self)
        self.copy_button.setAccessibleName(self.tr("Copy the results table as tab-separated values"))
        self.copy_button.setToolTip(self.tr("Copy the selected cells, or the whole table, for a spreadsheet"))
        self.copy_button.clicked.connect(self.table.copy)
        self._charts = QSplitter(Qt.Orientation.Horizontal)  # the fiscal and price charts
        for _ in range(2):
            self._charts.addWidget(self._chart_placeholder())

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Result views"))
        self.tabs.addTab(self._partner_page(), self.tr("Per pa&rtner"))
        for title in (self.tr("C&ash flows"), self.tr("Uncerta&inty"), self.tr("Compare &options"), self.tr("Stress")):
            self.tabs.addTab(QWidget(self.tabs), title)  # replaced by the views in build_views()

        self.status = QLabel(self)
        self.status.setAccessibleName(self.tr("Results status"))
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setFormat(self.tr("Monte Carlo %p%"))
        self.progress.setAccessibleName(self.tr("Monte Carlo progress"))
        self.progress.setFixedWidth(self.progress.fontMetrics().horizontalAdvance(self.progress.format()) + 60)
        self.status.setText(self.tr("Computing\u2026"))  # the first result comes after the first paint
        footer = QHBoxLayout()
        footer.addWidget(self.status, 1)
        footer.addWidget(self.progress)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.error)
        layout.addWidget(self.mandate)
        layout.addWidget(self.validity)
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
    def fiscal_chart(self) -> FiscalByInstrumentChart:
        """Fiscal cost by partner, stacked by instrument."""
        self.build_views()
        return self._fiscal_chart

    @property
    def price_chart(self) -> PriceEffectChart:
        """Consumer and producer price effect by partner."""
        self.build_views()
        return self._price_chart

    @property
    def cash_chart(self) -> CashFlowChart:
        """The Cash flows tab: annual net fiscal cost per partner."""
        self.build_views()
        return self._cash_chart

    @property
    def uncertainty(self) -> UncertaintyView:
        """The Uncertainty tab."""
        self.build_views()
        return self._uncertainty

    @property
    def compare(self) -> CompareView:
        """The Compare options tab."""
        self.build_views()
        return self._compare

    @property
    def stress(self) -> StressView:
        """The Stress tab: the scenario's stress tests with and without the agreement."""
        self.build_views()
        return self._stress

    def show_stress_test(self, stress_id: str | None) -> None:
        """Select ``stress_id`` in the Stress tab (once it is built)."""
        if self._views_built:
            self._stress.select(stress_id)

    @property
    def views_built(self) -> bool:
        """Whether the charts and the tabs built after the first paint exist yet."""
        return self._views_built

    def charts_drawn(self) -> bool:
        """Whether the per-partner charts have been built and drawn (a chart out of sight counts as drawn)."""
        return self._charts_built and all(chart.figure.stale is False or not chart.isVisible()
                                          for chart in (self._fiscal_chart, self._price_chart))

    def _build_charts(self) -> None:
        """Build the per-partner charts (once), with the latest result: drawn as soon as they are shown."""
        if self._charts_built:
            return
        from workbench.ui.results.charts import FiscalByInstrumentChart, PriceEffectChart

        self._charts_built = True
        self._fiscal_chart = FiscalByInstrumentChart()
        self._price_chart = PriceEffectChart()
        for index, chart in enumerate((self._fiscal_chart, self._price_chart)):
            self._charts.replaceWidget(index, chart).deleteLater()
        if self._shown is not None:
            for chart in (self._fiscal_chart, self._price_chart):
                chart.show_data(self._shown[1])

    def build_views(self) -> None:
        """Build the charts and the Cash flows, Uncertainty, Compare options and Stress tabs (once), with the latest
        results."""
        if self._views_built:
            return
        from workbench.ui.results.charts import CashFlowChart
        from workbench.ui.results.compare_view import CompareView
        from workbench.ui.results.stress_view import StressView
        from workbench.ui.results.uncertainty import UncertaintyView

        self._build_charts()
        self._views_built = True
        self._cash_chart = CashFlowChart(self)
        self._uncertainty = UncertaintyView(self)
        self._compare = CompareView(self)
        self._compare.restoreRequested.connect(self._restore)
        self._stress = StressView(self.controller, self)
        current = self.tabs.currentIndex()
        for index, view in enumerate((self._cash_chart, self._uncertainty, self._compare, self._stress), start=1):
            placeholder = self.tabs.widget(index)
            title = self.tabs.tabText(index)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, view, title)
            placeholder.deleteLater()
        self.tabs.setCurrentIndex(current)
        if self._shown is not None:
            self._show_in_views(*self._shown)
        if self._analysis is not None:
            self._compare.set_analysis(self._analysis)
        if isinstance(self._refinement, str):
            self._uncertainty.set_failed(self._refinement)
        elif self._refinement is not None:
            self._uncertainty.set_monte_carlo(self._refinement, self.controller.scenario.document.clause_titles())
        self.chartsReady.emit()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._after_first_paint)  # once the whole window is painted

    def _after_first_paint(self) -> None:
        """Start importing the chart views in the background (the engine's import starts now too: imports in other
        threads would hold the GIL while the first frame is painted)."""
        self._first_frame_done = True
        self._imported = views_imported()
        self._import_poll.start()

    def _may_import_engine(self) -> bool:
        """Whether the scheduler may import the engine: after the panel's first paint, or at once when the panel is
        not going to be painted (its window not shown or minimised, or the panel hidden). A panel just put in a
        shown window is not visible yet either: it waits for its first paint, with the scenario's (the import in
        another thread would hold the GIL meanwhile)."""
        window = self.window()
        hidden = self.isHidden() and self.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)
        waited = time.monotonic() - self._created > ENGINE_IMPORT_WAIT_S
        return self._first_frame_done or not window.isVisible() or window.isMinimized() or hidden or waited

    def _may_refine(self) -> bool:
        """Whether the scheduler may start the background run (bracket options, mandate, Monte Carlo): not before
        the charts on screen have been drawn the first time (it would slow that drawing, at start-up the longest wait
        for the window), unless the panel or the charts are not going to be painted."""
        if not self.isVisible() or self.window().isMinimized():
            return True
        return self.charts_drawn()

    def _build_views_when_imported(self) -> None:
        """Once the views' modules are imported: first the per-partner charts; once they are drawn (or there is no
        result for them to draw), the other views - two shorter pauses of the event loop than one, the charts
        sooner."""
        if not self._imported.is_set():
            return
        if not self._charts_built:
            self._build_charts()
        elif self.charts_drawn() or (self._shown is None and not self.scheduler.is_pending()):
            self._import_poll.stop()
            self.build_views()

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
        if self._views_built:
            self._stress.runner.shutdown()

    @staticmethod
    def _chart_placeholder() -> QWidget:
        """Holds a chart's place with a chart's size hint and minimum (those of ChartCanvas) until it is built,
        saying so: a blank area looked broken."""
        placeholder = QWidget()
        placeholder.setMinimumSize(220, 160)
        layout = QVBoxLayout(placeholder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addSpacerItem(QSpacerItem(420, 130, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding))
        loading = QLabel(_tr("Chart loading\u2026"))
        loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        loading.setEnabled(False)  # drawn in the palette's disabled text colour, light or dark
        layout.addWidget(loading)
        layout.addSpacerItem(QSpacerItem(420, 130, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding))
        return placeholder

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
        split = QSplitter(Qt.Orientation.Vertical, page)
        split.addWidget(top)
        split.addWidget(self._charts)
        split.setStretchFactor(0, 0)  # the table keeps the height of its rows; the charts take the rest
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(page)
        layout.addWidget(split)
        return page

    def _show_result(self, scenario: Scenario, result: EvaluationResult, seconds: float) -> None:
        from workbench.analysis.mandate import Limits
        from workbench.ui.results import messages

        self._result = result
        self.error.hide()
        self.tabs.setEnabled(True)
        breaches = Limits.of(scenario).breaches(result.partner_table)
        self.partner_model.set_result(result.partner_table, result.region_names, messages.cells(breaches))
        self._shown, self._analysis, self._refinement = (scenario, result), None, None
        if self._charts_built:
            for chart in (self._fiscal_chart, self._price_chart):
                chart.show_data(result)
        if self._views_built:
            self._show_in_views(scenario, result)
        self.progress.setValue(0)
        self.status.setText(self.tr("Modelled in {0:.0f} ms; refining uncertainty\u2026").format(seconds * 1000))
        checks = result.validity_warnings
        for w in result.warnings:
            if w not in checks:
                self.status.setText(self.status.text() + "  " + w)
        titles = scenario.document.clause_titles()  # as the navigator names it
        self._validity_text = (self.tr("Outside what the model can vouch for (details on hover):") + " "
                               + "; ".join(w.short(titles.get(w.clause_id)) for w in checks)) if checks else ""
        self.validity.set_notice(self._validity_text or self.tr("Model validity: every check passed."),
                                 "\n\n".join(checks))
        self.mandate.setVisible(bool(Limits.of(scenario)))
        self.resultsShown.emit()

    def _show_in_views(self, scenario: Scenario, result: EvaluationResult) -> None:
        """The views built with build_views() (the per-partner charts are given the result on their own)."""
        self._cash_chart.show_data(result)
        self._uncertainty.set_result(result)
        self._compare.set_current(scenario, result)

    def _show_error(self, scenario: Scenario, message: str) -> None:
        self._result = None
        self.validity.set_notice(self.tr("Model validity: not checked (no result)."))
        self.error.setText(self.tr("Results not updated. {0}").format(message))
        self.error.show()
        self.tabs.setEnabled(False)
        self.progress.setValue(0)
        self.status.setText(self.tr("Showing the last results the model could compute."))

    def _show_analysis(self, analysis: Analysis) -> None:
        from workbench.ui.results import messages

        self._analysis = analysis
        if self._views_built:
            self._compare.set_analysis(analysis)
        lines = messages.summary(analysis.mandate)
        if lines:
            head = self.tr("\u26a0 Mandate: {0} breach(es), hover for all \u2014 {1}").format(len(lines), lines[0])
        else:
            head = self.tr("Mandate: no breach.")
        self.mandate.set_notice(head, "\n".join(f"\u2022 {line}" for line in lines))
        breaches = messages.by_clause(analysis.mandate)
        if breaches != self._breaches:
            self._breaches = breaches
            self.breachesChanged.emit(dict(breaches))

    def _show_monte_carlo(self, mc: MonteCarloResult) -> None:
        self.progress.setValue(100)
        self.partner_model.set_p95(mc.summary["p95_pv_usd"].to_dict())
        self._refinement = mc
        if self._views_built:
            self._uncertainty.set_monte_carlo(mc, self.controller.scenario.document.clause_titles())
        self.status.setText(self.tr("Up to date: deterministic result and {0:,} Monte Carlo paths.").format(mc.paths))
        self._flag_signs(mc)

    def _flag_signs(self, mc: MonteCarloResult) -> None:
        """Add to the validity box the regions whose Monte Carlo expected cost has the other sign."""
        from workbench.engine.guards import sign_flags

        if self._result is None:
            return
        flags = sign_flags(self._result, mc)
        if not flags:
            return
        line = self.tr("Monte Carlo expected cost and deterministic cost differ in sign for {0}").format(
            ", ".join(f"{r} (USD {e / 1e6:,.1f} m expected, {d / 1e6:,.1f} m deterministic)"
                      for r, (d, e) in flags.items()))
        self.validity.setText("; ".join(t for t in (self._validity_text, line) if t))
        self.validity.setVisible(True)

    def _show_refinement_failure(self, message: str) -> None:
        self.partner_model.set_p95(None, failure=message)
        self._refinement = message
        if self._views_built:
            self._uncertainty.set_failed(message)
        self.status.setText(self.tr("Uncertainty refinement failed: {0}").format(message))

    def _restore(self, scenario: Scenario, name: str) -> None:
        self.controller.apply(scenario, self.tr("Restore alternative \u201c{0}\u201d").format(name))

