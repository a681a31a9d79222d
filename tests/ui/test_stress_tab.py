"""The Stress tab and the stress results view driven through their widgets: add, edit, duplicate, remove and undo
stress events, inline validation, targets, and the results view showing run_stress_tests' numbers."""

from __future__ import annotations

from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from workbench.document.stress import StressKind
from workbench.engine.stress import run_stress_tests
from workbench.ui.results.stress_model import FIGURES, FIRST_FIGURE, WORLDS
from workbench.ui.results.table_view import SORT_ROLE

INDIUM = "cn-indium-licensing"
LAPTOP = (1229, 691)


def labels(window: Any) -> list[str]:
    stack = window.controller.undo_stack
    return [stack.text(i) for i in range(stack.count())]


def events(window: Any) -> list[Any]:
    return list(window.controller.scenario.document.stress_tests)


def test_add_edit_and_undo_a_stress_event_of_each_kind(window: Any) -> None:
    editor = window.stress_editor
    window.tabs.setCurrentWidget(editor)
    before = events(window)
    for kind in StressKind:
        editor.add_actions[kind].trigger()
    added = events(window)[1:4]  # after the selected (first) event, each after the previous one
    assert [e.kind for e in added] == [k.value for k in StressKind]
    assert [e.id for e in added] == ["export-restriction-1", "dumping-1", "supply-outage-1"]
    assert editor.current_id == "supply-outage-1" and added[0].mineral == before[0].mineral == "indium"
    assert labels(window) == ["Add stress test export-restriction-1", "Add stress test dumping-1",
                              "Add stress test supply-outage-1"]
    share = editor.widgets["Share of output lost"]
    share.spin.setValue(55.0)
    assert window.controller.scenario.document.stress_test("supply-outage-1").share_lost == pytest.approx(0.55)
    assert labels(window)[-1] == "Edit Share of output lost of supply-outage-1"
    title = editor.widgets["Title"].line
    title.setText("")
    title.textEdited.emit("")
    assert window.controller.scenario.document.stress_test("supply-outage-1").title  # refused, not applied
    assert editor.messages() == ["\u26a0 Title: String should have at least 1 character (got '')"]
    title.setText("DRC outage")
    title.textEdited.emit("DRC outage")
    assert window.controller.scenario.document.stress_test("supply-outage-1").title == "DRC outage"
    assert editor.messages() == []
    assert editor.list.item(3).text().startswith("DRC outage\nSupply outage")
    window.controller.undo_stack.setIndex(0)
    assert events(window) == before


def test_price_cut_of_zero_is_refused_at_the_field_naming_it(window: Any) -> None:
    editor = window.stress_editor
    editor.select("cn-ndpr-dumping")
    cut = editor.widgets["Export price cut"]
    cut.spin.setValue(0.0)
    assert window.controller.scenario.document.stress_test("cn-ndpr-dumping").price_cut == 0.3
    assert editor.messages() == ["\u26a0 Export price cut: Input should be greater than 0 (got 0.0)"]
    assert window.controller.undo_stack.count() == 0


def test_duplicate_rename_and_remove_are_one_step_each(window: Any) -> None:
    editor = window.stress_editor
    editor.select(INDIUM)
    editor.duplicate_button.click()
    assert [e.id for e in events(window)][:2] == [INDIUM, INDIUM + "-copy"]
    copied = events(window)[1]
    assert copied.title.endswith(" (copy)") and copied.source_note == events(window)[0].source_note
    ident = editor.widgets["Stress test id"].line
    ident.setText("cn-indium-ban")
    ident.setModified(True)
    ident.editingFinished.emit()
    assert events(window)[1].id == "cn-indium-ban"
    editor.remove_button.click()
    assert [e.id for e in events(window)] == [INDIUM, "cn-ndpr-dumping", "drc-cobalt-quota"]
    assert labels(window) == [f"Duplicate stress test {INDIUM}", f"Rename stress test {INDIUM}-copy to cn-indium-ban",
                              "Remove stress test cn-indium-ban"]
    window.controller.undo_stack.undo()
    assert [e.id for e in events(window)][1] == "cn-indium-ban"


def test_renaming_from_the_keyboard_rebuilds_the_form_without_deleting_the_field_under_the_key(
        qtbot: Any, window: Any) -> None:
    """Enter in the id field renames the test, which rebuilds the form from inside that field's own signal: the old
    field must outlive the signal (deleted later by the event loop), or Qt goes on using a deleted widget."""
    editor = window.stress_editor
    window.tabs.setCurrentWidget(editor)
    editor.select(INDIUM)
    ident = editor.widgets["Stress test id"].line
    ident.setFocus()
    ident.selectAll()
    qtbot.keyClicks(ident, "cn-indium-ban")
    qtbot.keyClick(ident, Qt.Key.Key_Return)
    assert events(window)[0].id == "cn-indium-ban"
    assert editor.widgets["Stress test id"].line is not ident  # rebuilt
    assert shiboken6.isValid(ident)  # the field that sent the signal is still there...
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(ident)  # ...until the event loop deletes it
    assert editor.widgets["Stress test id"].line.text() == "cn-indium-ban"


def test_targets_all_zone_or_named_importers(window: Any) -> None:
    editor = window.stress_editor
    editor.select(INDIUM)
    targets = editor.widgets["Targets"]
    assert targets.buttons["zone"].isChecked() and "(US, EU, JP)" in targets.buttons["zone"].text()
    targets.codes.boxes["JP"].setChecked(True)  # ticking an importer names importers
    event = window.controller.scenario.document.stress_test(INDIUM)
    assert event.targets.value == "partners" and event.target_partners == ["JP"]
    targets.buttons["all"].click()
    event = window.controller.scenario.document.stress_test(INDIUM)
    assert event.targets.value == "all" and event.target_partners == []
    targets.buttons["partners"].click()  # with none ticked, the first importer that is not the supplier
    assert window.controller.scenario.document.stress_test(INDIUM).target_partners == ["US"]
    targets.codes.boxes["US"].setChecked(False)
    assert editor.messages() == ["\u26a0 Targets: names no partner although targets is 'partners' (got [])"]
    assert window.controller.scenario.document.stress_test(INDIUM).target_partners == ["US"]


def test_renaming_a_partner_renames_it_in_stress_tests(window: Any) -> None:
    editor = window.stress_editor
    editor.select(INDIUM)
    editor.widgets["Targets"].codes.boxes["MX"].setChecked(True)
    data = window.controller.scenario.to_data()
    window.partners_editor._rename(data, "MX", "MEX")
    assert data["document"]["stress_tests"][0]["target_partners"] == ["MEX"]


def shown_numbers(view: Any) -> dict[tuple[str, str, str], float | None]:
    model = view.model
    out = {}
    for row in range(model.rowCount()):
        region = model.data(model.index(row - row % 2, 0), Qt.ItemDataRole.ToolTipRole)
        code = view.current_test.regions[row // 2]
        assert region == view.current_test.region_names.get(code, code)
        world = WORLDS[row % 2]
        for k, column in enumerate(FIGURES):
            key = column.key(world)
            if key is not None:
                out[(code, world, key)] = model.data(model.index(row, FIRST_FIGURE + k), SORT_ROLE)
    return out


def test_results_view_shows_the_selected_tests_numbers(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    window.resize(*LAPTOP)
    window.results.build_views()
    view = window.results.stress
    window.results.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.result is not None and view.current_test is not None, timeout=30_000)
    window.stress_editor.select("drc-cobalt-quota")
    assert view.test.currentData() == "drc-cobalt-quota"
    expected = run_stress_tests(window.controller.scenario).test("drc-cobalt-quota").table
    numbers = shown_numbers(view)
    assert len(numbers) == len(expected.index) * 9
    for (region, _world, key), value in numbers.items():
        assert value == pytest.approx(expected.at[region, key], rel=1e-9, abs=1e-6)
    texts = [view.model.data(view.model.index(r, c)) for r in range(view.model.rowCount())
             for c in range(view.model.columnCount())]
    assert not any(t.startswith(("-0", "\u22120", "+0.0", "-")) for t in texts if t), texts
    # an edit reruns the tests and the view follows (stale runs dropped)
    window.stress_editor.widgets["Share of output lost"].spin.setValue(20.0)
    qtbot.waitUntil(lambda: view.current_test is not None and
                    view.result.test("drc-cobalt-quota").table.at["US", "shortfall_t_without"]
                    < expected.at["US", "shortfall_t_without"], timeout=30_000)
    header = view.table.horizontalHeader()
    qtbot.waitUntil(lambda: sum(header.sectionSize(c) for c in range(header.count()))
                    <= view.table.viewport().width())
    chart = view.chart
    qtbot.waitUntil(lambda: chart.data is not None and chart.data.test.id == "drc-cobalt-quota")
    assert "Without the agreement" in chart.legend_labels() and "Released" in chart.legend_labels()


def test_the_stress_view_computes_only_while_visible(qtbot: Any, window: Any) -> None:
    window.results.build_views()
    view = window.results.stress
    window.results.tabs.setCurrentIndex(0)
    qtbot.wait(400)
    assert view.result is None and not view.runner.is_busy()  # nobody looks: nothing runs
    window.results.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.result is not None, timeout=30_000)


def test_an_edit_of_another_stress_test_leaves_the_chart_alone(qtbot: Any, window: Any) -> None:
    window.results.build_views()
    view = window.results.stress
    window.results.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.current_test is not None and view.chart.data is not None, timeout=30_000)
    assert view.current_test.id == INDIUM
    shown, renders = view.result, view.chart.render_count
    assert window.stress_editor.edit("Edit the cobalt outage", lambda d: d["document"]["stress_tests"][2].update(
        share_lost=0.3))  # (selecting it in the Stress tab would show it in the results too)
    qtbot.waitUntil(lambda: view.result is not shown and not view.runner.is_busy(), timeout=30_000)
    assert view.current_test.id == INDIUM  # the view stays on its test
    assert view.chart.render_count == renders  # same figures: not redrawn
    view.partner.setCurrentIndex(view.partner.findData("JP"))
    assert view.chart.render_count == renders + 1 and view.chart.data.region == "JP"


def test_an_edit_waits_the_quiet_period_even_after_the_runner_was_started_at_once(qtbot: Any) -> None:
    """Showing the tab runs at once (start(0)); an edit afterwards still waits STRESS_DELAY_MS, as typing does: the
    0 used to stay in the timer, and with the Stress tab open every keystroke started a run of its own."""
    from workbench.defaults import default_scenario
    from workbench.ui.results.stress_runner import STRESS_DELAY_MS, StressRunner

    runner = StressRunner()
    started: list[int] = []
    runner.started.connect(lambda: started.append(1))
    runner.submit(default_scenario())
    runner.set_active(True)
    qtbot.waitUntil(lambda: started == [1] and not runner.is_busy(), timeout=30_000)
    runner.submit(default_scenario())  # an edit
    qtbot.wait(STRESS_DELAY_MS // 2)
    assert started == [1]
    qtbot.waitUntil(lambda: started == [1, 1], timeout=30_000)
    runner.shutdown()
