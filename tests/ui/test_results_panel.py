"""The results panel driven through the real document controller: live updates, Monte Carlo, mandate, options."""

from __future__ import annotations

import pytest
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.colors import to_hex
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox, QLineEdit,
                               QProgressBar)

from workbench.defaults import default_scenario
from workbench.document import Mandate, Money, Price
from workbench.engine import evaluate, run_monte_carlo
from workbench.ui.controller import DocumentController
from workbench.ui.results import ResultsPanel
from workbench.ui.results.compare_view import PACKAGES
from workbench.ui.results.partner_model import BREACH_BACKGROUND
from workbench.ui.results.scheduler import REFINE_DELAY_MS, REFINE_POLL_MS, ComputeScheduler
from workbench.ui.results.table_view import EXPORT_ROLE

MC_TIMEOUT = 20_000


def with_floor(scenario, amount: float):
    """The scenario with the NdPr border floor at ``amount`` USD/kg."""
    doc = scenario.document
    clauses = [c.model_copy(update={"floor_price": Price(amount=amount)}) if c.id == "ndpr-border-floor" else c
               for c in doc.clauses]
    return scenario.model_copy(update={"document": doc.model_copy(update={"clauses": clauses})})


def with_mandate(scenario, **limits):
    return scenario.model_copy(update={"private": scenario.private.model_copy(update={"mandate": Mandate(**limits)})})


def fewer_paths(scenario):
    a = scenario.document.assumptions
    mc = a.monte_carlo.model_copy(update={"paths": 400})
    doc = scenario.document.model_copy(update={"assumptions": a.model_copy(update={"monte_carlo": mc})})
    return scenario.model_copy(update={"document": doc})


@pytest.fixture
def controller():
    return DocumentController(fewer_paths(default_scenario()))


@pytest.fixture
def panel(qtbot, controller):
    p = ResultsPanel(controller)
    qtbot.addWidget(p)
    p.resize(1000, 700)
    p.show()
    qtbot.waitUntil(lambda: p.result is not None and p.views_built)  # the charts come after the first paint
    yield p
    p.shutdown()


def shown(panel, region: str, key: str, role=EXPORT_ROLE):
    model = panel.partner_model
    return model.data(model.index(model.regions().index(region), model.column_of(key)), role)


def test_panel_shows_the_engine_result_per_partner(qtbot, panel, controller):
    expected = evaluate(controller.scenario).partner_table
    assert panel.partner_model.regions() == list(expected.index)
    for region in expected.index:
        assert shown(panel, region, "fiscal_cost_pv_usd") == pytest.approx(
            round(expected.at[region, "fiscal_cost_pv_usd"] / 1e6, 2))
        assert shown(panel, region, "consumer_price_change_pct") == pytest.approx(
            round(expected.at[region, "consumer_price_change_pct"], 2))
    assert not panel.error.isVisible()
    QApplication.clipboard().clear()
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    lines = QApplication.clipboard().text().splitlines()
    assert len(lines) == 1 + len(expected.index)
    assert lines[0].startswith("Partner\tFiscal cost per year, average (USD m)\t")
    assert lines[1].split("\t")[0] == "United States (US)"


def test_panel_shows_cash_and_stock_value_apart_and_the_validity_warnings(panel, controller):
    expected = evaluate(controller.scenario).partner_table
    for key in ("cash_cost_pv_usd", "stock_value_pv_usd"):
        assert shown(panel, "US", key) == pytest.approx(round(expected.at["US", key] / 1e6, 2))
    assert shown(panel, "US", "stock_value_pv_usd") > 0
    indium = next(c for c in controller.scenario.document.clauses if c.id == "indium-purchase")
    # named as the navigator names the clause, not by its file id
    assert panel.validity.isVisible() and f"{indium.title}: agreed price" in panel.validity.full_text()
    assert "indium-purchase" not in panel.validity.full_text()
    assert "would not deliver" in panel.validity.toolTip() and "would not deliver" not in panel.status.text()


def test_editing_the_floor_updates_numbers_and_charts_and_undo_restores_them(qtbot, panel, controller):
    before = {r: shown(panel, r, "fiscal_cost_pv_usd") for r in ("US", "EU", "JP")}
    price_before = shown(panel, "JP", "consumer_price_change_pct")
    fiscal_bars = dict(panel.fiscal_chart._bars)
    heights_before = [r.get_height() for r in panel.price_chart._consumer.patches]

    with qtbot.waitSignal(panel.resultsShown):
        controller.apply(with_floor(controller.scenario, 120.0), "NdPr floor 120")
    expected = evaluate(controller.scenario).partner_table
    for r in before:
        assert shown(panel, r, "fiscal_cost_pv_usd") == pytest.approx(
            round(expected.at[r, "fiscal_cost_pv_usd"] / 1e6, 2))
    assert {r: shown(panel, r, "fiscal_cost_pv_usd") for r in before} != before
    assert shown(panel, "JP", "consumer_price_change_pct") != price_before
    # charts moved their existing artists rather than rebuilding the figure
    assert panel.fiscal_chart._bars == fiscal_bars
    heights = [r.get_height() for r in panel.price_chart._consumer.patches]
    assert heights == pytest.approx(expected["consumer_price_change_pct"].tolist())
    assert heights != pytest.approx(heights_before)

    with qtbot.waitSignal(panel.resultsShown):
        controller.undo_stack.undo()
    assert {r: shown(panel, r, "fiscal_cost_pv_usd") for r in before} == before
    assert shown(panel, "JP", "consumer_price_change_pct") == price_before


def test_monte_carlo_fills_p95_with_progress_shown(qtbot, panel, controller):
    with qtbot.waitSignal(panel.scheduler.monteCarloFinished, timeout=MC_TIMEOUT):
        pass
    s = controller.scenario
    settings = s.document.assumptions.monte_carlo
    mc = run_monte_carlo(s, paths=settings.paths, seed=settings.seed)
    assert panel.progress.value() == 100
    for region in mc.summary.index:
        assert shown(panel, region, "p95_pv_usd") == pytest.approx(round(mc.summary.at[region, "p95_pv_usd"] / 1e6, 2))
    assert panel.uncertainty.model.rowCount() == len(mc.summary.index)
    assert "seed" in panel.uncertainty.status.text()
    cfd = s.document.clause("nickel-cfd").title
    assert f"\u201c{cfd}\u201d" in panel.uncertainty.status.text()  # the CfD by its title, not its id


def test_a_newer_edit_cancels_the_stale_run_and_only_the_latest_reports(qtbot, panel, controller):
    with qtbot.waitSignal(panel.scheduler.monteCarloFinished, timeout=MC_TIMEOUT):
        pass
    finished = []
    panel.scheduler.monteCarloFinished.connect(finished.append)
    for amount in (111.0, 112.0, 113.0):
        with qtbot.waitSignal(panel.scheduler.refining, timeout=MC_TIMEOUT):
            controller.apply(with_floor(controller.scenario, amount), f"floor {amount}")
        stale = panel.scheduler._running
        assert shown(panel, "US", "p95_pv_usd") == ""  # pending while refining
    controller.apply(with_floor(controller.scenario, 125.0), "floor 125")
    assert stale.cancel.is_set()
    qtbot.waitUntil(lambda: len(finished) == 1, timeout=MC_TIMEOUT)
    qtbot.wait(300)
    assert len(finished) == 1
    s = controller.scenario
    settings = s.document.assumptions.monte_carlo
    mc = run_monte_carlo(s, paths=settings.paths, seed=settings.seed)
    assert finished[0].summary["p95_pv_usd"].tolist() == pytest.approx(mc.summary["p95_pv_usd"].tolist())


def test_bursts_of_edits_are_evaluated_once(qtbot, panel, controller):
    shown_count = []
    panel.resultsShown.connect(lambda: shown_count.append(1))
    for amount in (114.0, 115.0, 116.0, 117.0):
        controller.apply(with_floor(controller.scenario, amount), "typing")
    qtbot.wait(50)
    assert len(shown_count) == 1
    assert shown(panel, "JP", "fiscal_cost_pv_usd") == pytest.approx(
        round(evaluate(controller.scenario).partner_table.at["JP", "fiscal_cost_pv_usd"] / 1e6, 2))


def test_model_errors_show_a_message_not_a_traceback(qtbot, panel, controller):
    doc = controller.scenario.document
    bad = controller.scenario.model_copy(update={"document": doc.model_copy(update={
        "assumptions": doc.assumptions.model_copy(update={"usd_per_currency": {}})})})
    eur_floor = bad.document.clauses[0].model_copy(update={"floor_price": Price(amount=100.0, currency="EUR")})
    bad = bad.model_copy(update={"document": bad.document.model_copy(update={
        "clauses": [eur_floor, *bad.document.clauses[1:]]})})
    controller.apply(bad, "bad exchange rates")
    qtbot.waitUntil(lambda: panel.error.isVisible())
    assert "EUR" in panel.error.text()
    assert "Traceback" not in panel.error.text()
    assert not panel.tabs.isEnabled()
    with qtbot.waitSignal(panel.resultsShown):
        controller.undo_stack.undo()
    assert not panel.error.isVisible() and panel.tabs.isEnabled()


def test_mandate_breaches_flag_clauses_and_cells(qtbot, panel, controller):
    s = controller.scenario
    cobalt_a = evaluate(s, clause_ids=["stockpile-cobalt"]).partner_table.at["US", "fiscal_cost_pv_usd"]
    cobalt_b = evaluate(s, clause_ids=["stockpile-cobalt"], option="B").partner_table.at["US", "fiscal_cost_pv_usd"]
    whole = evaluate(s).partner_table.at["US", "fiscal_cost_pv_usd"]
    limit = (cobalt_a + cobalt_b) / 2
    assert whole > limit or whole < limit
    with qtbot.waitSignal(panel.breachesChanged, timeout=MC_TIMEOUT) as blocker:
        controller.apply(with_mandate(s, max_pv_cost={"US": Money(amount=limit)}), "mandate")
    flagged = blocker.args[0]
    assert "stockpile-cobalt" in flagged
    assert any(m.startswith("Option B: US: present-value cost") for m in flagged["stockpile-cobalt"])
    assert panel.mandate.isVisible() and "stockpile-cobalt" in panel.mandate.toolTip()
    background = shown(panel, "US", "fiscal_cost_pv_usd", Qt.ItemDataRole.BackgroundRole)
    assert (background == BREACH_BACKGROUND) == (whole > limit)
    # the comparison highlights each variant against the same limits
    panel.tabs.setCurrentWidget(panel.compare)
    panel.compare.show_subject(PACKAGES)
    panel.compare.measure.setCurrentIndex(panel.compare.measure.findData("fiscal_cost_pv_usd"))
    m = panel.compare.model
    us = [m.data(m.index(r, 0)) for r in range(m.rowCount())].index("United States (US)")
    for col in range(1, m.columnCount()):
        option = m.headerData(col, Qt.Orientation.Horizontal).removeprefix("All brackets\nat ")
        value = evaluate(s, option=None if option == "As modelled" else option).partner_table.at[
            "US", "fiscal_cost_pv_usd"]
        assert (m.data(m.index(us, col), Qt.ItemDataRole.BackgroundRole) == BREACH_BACKGROUND) == (value > limit)

    # a consumer-price limit below the modelled increase tints that cell, in the table and in the comparison
    jp_price = evaluate(s).partner_table.at["JP", "consumer_price_change_pct"]
    assert jp_price > 0
    with qtbot.waitSignal(panel.resultsShown):
        controller.apply(with_mandate(s, max_consumer_price_increase={"JP": jp_price / 200}), "price mandate")
    assert shown(panel, "JP", "consumer_price_change_pct", Qt.ItemDataRole.BackgroundRole) == BREACH_BACKGROUND
    assert "consumer price change" in shown(panel, "JP", "consumer_price_change_pct", Qt.ItemDataRole.ToolTipRole)
    assert shown(panel, "US", "consumer_price_change_pct", Qt.ItemDataRole.BackgroundRole) is None
    panel.compare.measure.setCurrentIndex(panel.compare.measure.findData("consumer_price_change_pct"))
    jp = [m.data(m.index(r, 0)) for r in range(m.rowCount())].index("Japan (JP)")
    assert m.data(m.index(jp, 1), Qt.ItemDataRole.BackgroundRole) == BREACH_BACKGROUND

    # a generous mandate clears every flag
    with qtbot.waitSignal(panel.breachesChanged, timeout=MC_TIMEOUT) as blocker:
        controller.apply(with_mandate(s, max_pv_cost={"US": Money(amount=1e12)}), "generous mandate")
    assert blocker.args[0] == {}
    qtbot.waitUntil(lambda: panel.mandate.full_text() == "Mandate: no breach.")
    assert shown(panel, "US", "fiscal_cost_pv_usd", Qt.ItemDataRole.BackgroundRole) is None


def compare_columns(panel):
    m = panel.compare.model
    return [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]


def test_options_and_kept_alternatives_side_by_side(qtbot, panel, controller):
    panel.tabs.setCurrentWidget(panel.compare)
    panel.compare.show_subject(PACKAGES)
    qtbot.waitUntil(lambda: "All brackets\nat B" in compare_columns(panel), timeout=MC_TIMEOUT)
    assert compare_columns(panel) == ["Partner", "As modelled", "All brackets\nat A", "All brackets\nat B"]
    m = panel.compare.model
    us = [m.data(m.index(r, 0)) for r in range(m.rowCount())].index("United States (US)")
    expected_b = evaluate(controller.scenario, option="B").partner_table.at["US", "fiscal_cost_avg_usd"]
    assert m.data(m.index(us, 3), EXPORT_ROLE) == pytest.approx(round(expected_b / 1e6, 2))

    original = controller.scenario
    qtbot.keyClicks(panel.compare.name, "Floor 110")
    qtbot.mouseClick(panel.compare.keep, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(panel.resultsShown):
        controller.apply(with_floor(original, 130.0), "floor 130")
    assert compare_columns(panel)[-1] == "Floor 110"
    kept = evaluate(original).partner_table.at["US", "fiscal_cost_avg_usd"]
    now = evaluate(controller.scenario).partner_table.at["US", "fiscal_cost_avg_usd"]
    assert m.data(m.index(us, 4), EXPORT_ROLE) == pytest.approx(round(kept / 1e6, 2))
    assert m.data(m.index(us, 1), EXPORT_ROLE) == pytest.approx(round(now / 1e6, 2))

    panel.compare.measure.setCurrentIndex(panel.compare.measure.findData("consumer_price_change_pct"))
    assert m.data(m.index(us, 1), EXPORT_ROLE) == pytest.approx(
        round(evaluate(controller.scenario).partner_table.at["US", "consumer_price_change_pct"], 2))
    qtbot.waitUntil(lambda: len(panel.compare.chart._bars) == 4)

    # restoring the alternative is an undoable edit
    with qtbot.waitSignal(panel.resultsShown):
        qtbot.mouseClick(panel.compare.restore, Qt.MouseButton.LeftButton)
    assert controller.scenario == original
    assert "Floor 110" in controller.undo_stack.undoText()
    qtbot.mouseClick(panel.compare.remove, Qt.MouseButton.LeftButton)
    assert "Floor 110" not in compare_columns(panel)


def test_hidden_charts_wait_until_shown(qtbot, panel, controller):
    drawn = panel.cash_chart.render_count
    with qtbot.waitSignal(panel.resultsShown):
        controller.apply(with_floor(controller.scenario, 118.0), "floor 118")
    assert panel.cash_chart.render_count == drawn
    panel.tabs.setCurrentWidget(panel.cash_chart)
    assert panel.cash_chart.render_count == drawn + 1
    flows = evaluate(controller.scenario).fiscal
    us = flows[flows.region == "US"].groupby("year").amount_usd.sum() / 1e6
    line = panel.cash_chart._lines["US"]
    assert list(line.get_ydata()) == pytest.approx(us.reindex(line.get_xdata(), fill_value=0.0).tolist())


def test_every_control_has_an_accessible_name(panel):
    kinds = (QAbstractButton, QComboBox, QLineEdit, QAbstractItemView, QProgressBar, FigureCanvasQTAgg)
    def qt_internal(w):  # corner buttons, item-view headers, combo-box popups
        parent = w.parent()
        return w.objectName().startswith("qt_") or isinstance(parent, QAbstractItemView) \
            or parent.inherits("QComboBoxPrivateContainer")

    controls = [w for kind in kinds for w in panel.findChildren(kind) if not qt_internal(w)]
    assert len(controls) >= 15
    assert [type(w).__name__ for w in controls if not w.accessibleName()] == []


def test_an_ordinary_edit_blits_instead_of_redrawing_the_figure(qtbot, panel, controller):
    qtbot.waitUntil(lambda: panel.fiscal_chart._background is not None and panel.price_chart._background is not None)
    full_draws = []
    for chart in (panel.fiscal_chart, panel.price_chart):
        chart.mpl_connect("draw_event", lambda _e, c=chart: full_draws.append(c))
    with qtbot.waitSignal(panel.resultsShown):
        controller.apply(with_floor(controller.scenario, 111.0), "floor 111")
    qtbot.wait(50)
    assert full_draws == []
    # data far outside the current limits makes a full redraw with new limits
    bottom, top = panel.price_chart.axes[0].get_ylim()
    with qtbot.waitSignal(panel.resultsShown):
        controller.apply(with_floor(controller.scenario, 400.0), "floor 400")
    qtbot.waitUntil(lambda: panel.price_chart in full_draws)
    assert panel.price_chart.axes[0].get_ylim() != (bottom, top)


def test_typing_a_number_up_key_by_key_redraws_each_chart_in_full_once_and_never_clips_a_bar(qtbot, panel,
                                                                                             controller):
    """Up-arrow typing from 110 to 140 USD/kg: the fiscal chart's receipts cross its lower limit and the price chart's
    rises cross its upper one; the new limits leave room in that direction (with 15 % only, the fiscal chart was
    redrawn twice), and every step's bars stay inside the limits."""
    charts = (panel.fiscal_chart, panel.price_chart)
    qtbot.waitUntil(lambda: all(chart._background is not None for chart in charts))
    full_draws = []
    for chart in charts:
        chart.mpl_connect("draw_event", lambda _e, c=chart: full_draws.append(c))
    for amount in range(111, 141):
        with qtbot.waitSignal(panel.resultsShown):
            controller.apply(with_floor(controller.scenario, float(amount)), "typing", merge_key="floor")
        qtbot.wait(5)
        for chart in charts:
            bottom, top = chart.axes[0].get_ylim()
            bars = [p for p in chart.axes[0].patches if p.get_animated()]
            edges = [y for p in bars for y in (p.get_y(), p.get_y() + p.get_height())]
            assert bottom <= min(edges) and max(edges) <= top
    assert full_draws.count(panel.fiscal_chart) == 1
    assert full_draws.count(panel.price_chart) == 1
    assert controller.undo_stack.count() == 1  # the keystrokes are one undo step, as before


def test_bars_of_no_height_are_not_drawn_but_their_legend_keys_are(qtbot, panel):
    """Most partners pay most instruments nothing: those bars are hidden (an edit's blit skips them); the legend
    keys, copied from each instrument's first bar, stay visible even where that bar is hidden."""
    chart = panel.fiscal_chart
    qtbot.waitUntil(lambda: chart._background is not None)
    bars = [p for p in chart.axes[0].patches if p.get_animated()]
    assert [p.get_visible() for p in bars] == [p.get_height() != 0 for p in bars]
    assert sum(not p.get_visible() for p in bars) > len(bars) // 2
    keys = chart.figure.legends[0].legend_handles
    assert len(keys) == len(chart._legend_for) + 1 and all(key.get_visible() for key in keys)
    hidden = next(p for p in bars if not p.get_visible())
    chart.set_legend([hidden], ["an instrument the first partner does not pay"])
    assert chart.figure.legends[0].legend_handles[0].get_visible()


def test_charts_follow_a_dark_palette(qtbot, panel):
    app = QApplication.instance()
    light = app.palette()
    dark = QPalette(light)
    dark.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    dark.setColor(QPalette.ColorRole.Base, QColor("#101010"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#f0f0f0"))
    try:
        app.setPalette(dark)
        qtbot.wait(20)
        chart = panel.fiscal_chart
        assert to_hex(chart.figure.get_facecolor()) == "#202020"
        assert to_hex(chart.axes[0].get_facecolor()) == "#101010"
        assert to_hex(chart._net.get_color()) == "#f0f0f0"
        assert to_hex(chart.axes[0].yaxis.label.get_color()) == "#f0f0f0"
        assert all(to_hex(t.get_color()) == "#f0f0f0" for t in chart.figure.legends[0].get_texts())
    finally:
        app.setPalette(light)


def test_the_window_stays_responsive_while_monte_carlo_runs(qtbot, panel, controller):
    with qtbot.waitSignal(panel.scheduler.monteCarloFinished, timeout=MC_TIMEOUT):
        pass
    s = controller.scenario
    a = s.document.assumptions
    more = a.model_copy(update={"monte_carlo": a.monte_carlo.model_copy(update={"paths": 8000})})
    ticks, progress = [], []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(panel.scheduler.is_refining()))
    panel.progress.valueChanged.connect(progress.append)
    with qtbot.waitSignal(panel.scheduler.refining, timeout=MC_TIMEOUT):
        controller.apply(s.model_copy(update={"document": s.document.model_copy(update={"assumptions": more})}),
                         "8000 paths")
    timer.start(10)
    with qtbot.waitSignal(panel.scheduler.monteCarloFinished, timeout=MC_TIMEOUT):
        pass
    timer.stop()
    assert sum(ticks) >= 3  # the event loop kept running while the worker computed
    assert progress[-1] == 100 and any(0 < v < 100 for v in progress)


def test_a_failed_monte_carlo_run_is_said_in_the_table_and_the_uncertainty_tab(qtbot, panel, controller):
    s = controller.scenario
    a = s.document.assumptions
    huge = a.model_copy(update={"horizon_years": 40,
                                "monte_carlo": a.monte_carlo.model_copy(update={"paths": 200_000})})
    with qtbot.waitSignal(panel.scheduler.refinementFailed, timeout=MC_TIMEOUT) as blocker:
        controller.apply(s.model_copy(update={"document": s.document.model_copy(update={"assumptions": huge})}),
                         "huge run")
    assert "paths" in blocker.args[0]
    assert shown(panel, "US", "p95_pv_usd", Qt.ItemDataRole.DisplayRole) == "n/a"
    assert blocker.args[0] in shown(panel, "US", "p95_pv_usd", Qt.ItemDataRole.ToolTipRole)
    assert panel.uncertainty.status.text().startswith("Monte Carlo failed")
    assert not panel.error.isVisible()  # the deterministic result is still fine



def test_the_background_run_waits_while_refine_when_says_no(qtbot, controller):
    allowed = [False]
    scheduler = ComputeScheduler(refine_when=lambda: allowed[0])
    refining: list[bool] = []
    scheduler.refining.connect(lambda: refining.append(allowed[0]))
    with qtbot.waitSignal(scheduler.evaluated, timeout=MC_TIMEOUT):
        scheduler.submit(controller.scenario)
    qtbot.wait(REFINE_DELAY_MS + 5 * REFINE_POLL_MS)
    assert refining == [] and scheduler.is_refining()  # held back, still due
    allowed[0] = True
    with qtbot.waitSignal(scheduler.refining, timeout=MC_TIMEOUT):
        pass
    assert refining == [True]
    # the next edit's run still waits the whole quiet period (the poll's 20 ms used to stay: after start-up, every
    # keystroke's background run started 20 ms after its result, and competed with the typing that went on)
    with qtbot.waitSignal(scheduler.evaluated, timeout=MC_TIMEOUT):
        scheduler.submit(with_floor(controller.scenario, 120.0))
    qtbot.wait(REFINE_DELAY_MS // 2)
    assert refining == [True]
    with qtbot.waitSignal(scheduler.refining, timeout=MC_TIMEOUT):
        pass
    scheduler.shutdown()


def test_a_shown_panel_refines_only_once_its_charts_are_drawn(qtbot, controller):
    panel = ResultsPanel(controller)
    qtbot.addWidget(panel)
    assert panel._may_refine()  # never shown: nothing to wait for
    panel.resize(1000, 700)
    panel.show()
    assert not panel.views_built and not panel._may_refine()
    qtbot.waitUntil(lambda: panel.views_built and not panel.fiscal_chart.figure.stale
                    and not panel.price_chart.figure.stale, timeout=MC_TIMEOUT)
    assert panel._may_refine()
    panel.tabs.setCurrentIndex(1)  # charts out of sight: they are not waited for
    panel.fiscal_chart.figure.stale = True
    assert panel._may_refine()
    panel.shutdown()


def test_the_per_partner_charts_are_drawn_before_the_other_views_are_built(qtbot, controller):
    panel = ResultsPanel(controller)
    qtbot.addWidget(panel)
    panel.resize(1000, 700)
    drawn_when_ready: list[bool] = []
    panel.chartsReady.connect(lambda: drawn_when_ready.append(panel.charts_drawn()))
    panel.show()
    with qtbot.waitSignal(panel.chartsReady, timeout=MC_TIMEOUT):
        pass
    assert drawn_when_ready == [True]  # the Cash flows, Uncertainty, Compare and Stress tabs came after the draw
    assert panel.fiscal_chart.data is panel.price_chart.data is panel.cash_chart.data is panel.result
    panel.shutdown()


def test_without_a_result_the_other_views_are_built_all_the_same(qtbot):
    scenario = default_scenario()
    doc = scenario.document
    eur_floor = doc.clauses[0].model_copy(update={"floor_price": Price(amount=100.0, currency="EUR")})
    bad = scenario.model_copy(update={"document": doc.model_copy(update={
        "assumptions": doc.assumptions.model_copy(update={"usd_per_currency": {}}),
        "clauses": [eur_floor, *doc.clauses[1:]]})})
    panel = ResultsPanel(DocumentController(bad))
    qtbot.addWidget(panel)
    panel.resize(1000, 700)
    panel.show()
    qtbot.waitUntil(lambda: panel.error.isVisible(), timeout=MC_TIMEOUT)
    with qtbot.waitSignal(panel.chartsReady, timeout=MC_TIMEOUT):
        pass
    assert panel.views_built and panel.result is None
    panel.shutdown()


@pytest.mark.parametrize("hide", ["the panel", "its container"])
def test_a_panel_in_a_shown_window_that_is_never_painted_still_computes(qtbot, controller, hide):
    """The engine's import waits for the panel's first paint (it would slow the scenario's frame), but not for a
    paint that never comes: a hidden panel computes at once, one in a hidden container after ENGINE_IMPORT_WAIT_S."""
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    window, container = QWidget(), QWidget()
    qtbot.addWidget(window)
    QVBoxLayout(window).addWidget(container)
    panel = ResultsPanel(controller)
    QVBoxLayout(container).addWidget(panel)
    (panel if hide == "the panel" else container).hide()
    window.show()
    qtbot.waitUntil(lambda: panel.result is not None, timeout=10_000)
    assert not panel.isVisible() and not panel._painted
    panel.shutdown()
