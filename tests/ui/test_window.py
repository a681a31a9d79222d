"""The main window driven through its real widgets: edit, undo, files, dialogs, navigator, settings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QFileDialog, QMessageBox

from workbench.document import ClauseKind
from workbench.files import load_scenario, save_scenario
from workbench.ui.navigator.model import CLAUSE_ID_ROLE, Grouping

NDPR = "ndpr-border-floor"


def floor_amount(window: Any) -> float:
    return window.controller.scenario.document.clause(NDPR).floor_price.amount


def type_floor(qtbot: Any, window: Any, text: str) -> None:
    """Select the NdPr floor clause and type ``text`` into its floor price field, as a user would."""
    window.navigator.select_clause(NDPR)
    spin = window.clause_editor.widgets["floor_price"].plain.amount
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)


def test_opens_on_the_default_scenario_with_the_first_clause_selected(window: Any) -> None:
    assert window.controller.path is None
    assert "Untitled" in window.windowTitle()
    assert not window.isWindowModified()
    assert window.navigator.current_clause_id == NDPR
    assert window.clause_editor.widgets["floor_price"].plain.amount.value() == 110.0
    assert window.navigator.model.rowCount() == len(window.controller.scenario.document.minerals)


def test_typing_the_ndpr_floor_changes_the_scenario_in_one_undo_step(qtbot: Any, window: Any) -> None:
    seen: list[Any] = []
    window.controller.scenarioChanged.connect(seen.append)
    type_floor(qtbot, window, "120")
    assert floor_amount(window) == 120.0
    assert seen and seen[-1].document.clause(NDPR).floor_price.amount == 120.0
    assert window.controller.undo_stack.count() == 1  # the three keystrokes merged
    assert window.undo_action.text() == "&Undo Edit Floor price of ndpr-border-floor"
    assert window.isWindowModified()
    window.undo_action.trigger()
    assert floor_amount(window) == 110.0
    assert window.clause_editor.widgets["floor_price"].plain.amount.value() == 110.0
    assert not window.isWindowModified()
    window.redo_action.trigger()
    assert floor_amount(window) == 120.0


def test_results_follow_the_edit_and_the_undo(qtbot: Any, window: Any) -> None:
    qtbot.waitUntil(lambda: window.results.result is not None, timeout=20000)
    before = window.results.result.partner_table["fiscal_cost_pv_usd"].copy()
    type_floor(qtbot, window, "120")
    qtbot.waitUntil(lambda: not window.results.result.partner_table["fiscal_cost_pv_usd"].equals(before),
                    timeout=20000)
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: window.results.result.partner_table["fiscal_cost_pv_usd"].equals(before), timeout=20000)


def test_an_invalid_value_is_refused_with_a_message_naming_field_and_value(qtbot: Any, window: Any) -> None:
    type_floor(qtbot, window, "0")
    assert floor_amount(window) == 110.0
    assert window.controller.undo_stack.count() == 0
    messages = window.clause_editor.messages()
    assert len(messages) == 1
    assert "Floor price" in messages[0] and "greater than 0" in messages[0] and "0.0" in messages[0]


def test_save_and_reopen_through_the_ui(qtbot: Any, make_window: Any, tmp_path: Path, monkeypatch: Any) -> None:
    window = make_window()
    type_floor(qtbot, window, "120")
    target = tmp_path / "round2"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.save_as_action.trigger()
    saved = tmp_path / "round2.cmws"
    assert saved.exists() and not window.isWindowModified()
    assert window.controller.path == saved and "round2.cmws" in window.windowTitle()
    assert load_scenario(saved).scenario == window.controller.scenario
    assert window.settings.recent_files[0] == str(saved.resolve())

    other = make_window()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(saved), ""))
    other.open_action.trigger()
    assert other.controller.path == saved
    assert other.controller.scenario == window.controller.scenario
    assert floor_amount(other) == 120.0
    assert other.clause_editor.widgets["floor_price"].plain.amount.value() == 120.0
    assert other.controller.undo_stack.count() == 0 and not other.isWindowModified()


def _capture(monkeypatch: Any, name: str, answer: Any = QMessageBox.StandardButton.Ok) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []

    def fake(_parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
        shown.append((title, text))
        return answer

    monkeypatch.setattr(QMessageBox, name, fake)
    return shown


def test_a_bad_file_shows_a_dialog_naming_the_problem(window: Any, tmp_path: Path, monkeypatch: Any) -> None:
    bad = tmp_path / "broken.cmws"
    bad.write_text('{"format": "cmw-scenario", "schema_version": 2, ', "utf-8")
    shown = _capture(monkeypatch, "critical")
    before = window.controller.scenario
    assert not window.open_path(bad)
    assert len(shown) == 1
    assert "broken.cmws" in shown[0][1] and "not valid JSON" in shown[0][1] and "cut short" in shown[0][1]
    assert window.controller.scenario is before and window.controller.path is None


def test_an_invalid_scenario_file_names_the_field(window: Any, tmp_path: Path, monkeypatch: Any) -> None:
    good = tmp_path / "good.cmws"
    save_scenario(good, window.controller.scenario)
    data = json.loads(good.read_text("utf-8"))
    data["document"]["clauses"][0]["floor_price"]["amount"] = -5
    bad = tmp_path / "negative.cmws"
    bad.write_text(json.dumps(data), "utf-8")
    shown = _capture(monkeypatch, "critical")
    assert not window.open_path(bad)
    assert "floor_price" in shown[0][1] and "-5" in shown[0][1]


def test_a_newer_file_is_refused_and_never_overwritten(window: Any, tmp_path: Path, monkeypatch: Any) -> None:
    newer = tmp_path / "future.cmws"
    text = json.dumps({"format": "cmw-scenario", "schema_version": 99, "app_version": "9.0", "document": {}})
    newer.write_text(text, "utf-8")
    shown = _capture(monkeypatch, "critical")
    assert not window.open_path(newer)
    assert "newer" in shown[0][0].lower() and "schema 99" in shown[0][1]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(newer), ""))
    assert not window.save_as()
    assert "never overwritten" in shown[1][1]
    assert newer.read_text("utf-8") == text


def test_closing_with_unsaved_changes_asks(qtbot: Any, window: Any, monkeypatch: Any) -> None:
    type_floor(qtbot, window, "125")
    asked = _capture(monkeypatch, "warning", QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert window.isVisible() and "unsaved changes" in asked[0][1]
    _capture(monkeypatch, "warning", QMessageBox.StandardButton.Discard)
    assert window.close()


def test_closing_without_changes_does_not_ask(window: Any, monkeypatch: Any) -> None:
    asked = _capture(monkeypatch, "warning", QMessageBox.StandardButton.Cancel)
    assert window.close()
    assert asked == []


def test_dropping_a_scenario_file_opens_it(window: Any, tmp_path: Path) -> None:
    path = tmp_path / "dropped.cmws"
    data = window.controller.scenario.to_data()
    data["document"]["metadata"]["title"] = "Dropped scenario"
    from workbench.document import Scenario
    save_scenario(path, Scenario.from_data(data))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert window.controller.path == path
    assert window.controller.scenario.document.metadata.title == "Dropped scenario"


def test_navigator_model_passes_the_model_tester_through_every_change(qtbot: Any, window: Any) -> None:
    model = window.navigator.model
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    nav = window.navigator
    for kind in ClauseKind:
        nav.add(kind)
    nav.duplicate()
    nav.move(-1)
    nav.delete()
    nav.grouping_combo.setCurrentIndex(1)
    assert model.grouping is Grouping.PARTNER
    nav.flag_breaches({NDPR: ["US fiscal cost 2027 above the ceiling"]})
    type_floor(qtbot, window, "130")
    window.controller.undo_stack.setIndex(0)
    assert model.rowCount() == len(window.controller.scenario.document.partners)


def test_navigator_shows_status_and_proponent_at_a_glance(window: Any) -> None:
    model = window.navigator.model
    rows = {}
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        for r in range(model.rowCount(group)):
            rows[model.index(r, 0, group).data(CLAUSE_ID_ROLE)] = (
                model.index(r, 1, group).data(), model.index(r, 2, group).data())
    assert rows["nickel-cfd"] == ("Bracketed", "JP")
    assert rows["ndpr-price-gap"] == ("Agreed", "US")
    assert rows[NDPR] == ("Proposed", "US")


def test_add_duplicate_delete_and_reorder_are_undoable(window: Any) -> None:
    nav, stack = window.navigator, window.controller.undo_stack
    ids = lambda: [c.id for c in window.controller.scenario.document.clauses]  # noqa: E731 - a one-line getter reads best inline
    original = ids()
    for kind in ClauseKind:
        nav.add(kind)
        added = window.controller.scenario.document.clause(nav.current_clause_id)
        assert added.kind == kind.value
    assert added.title == "NdPr oxide: new tariff"  # named by the instrument's label, not its code
    assert len(ids()) == len(original) + len(ClauseKind)
    nav.select_clause(NDPR)
    nav.duplicate()
    copy = nav.current_clause_id
    assert ids()[1] == copy and window.clause_editor.clause_id == copy
    nav.move(-1)
    assert ids()[0] == copy
    nav.delete()
    assert copy not in ids()
    labels = [stack.text(i) for i in range(stack.count())]
    assert labels[-3:] == [f"Duplicate clause {NDPR}", f"Move clause {copy} up", f"Delete clause {copy}"]
    stack.setIndex(0)
    assert ids() == original


def test_mandate_breaches_flag_clauses_in_the_navigator(window: Any) -> None:
    window.results.breachesChanged.emit({"nickel-cfd": ["EU: fiscal cost above the ceiling in 2028"]})
    index = window.navigator.model.clause_indexes("nickel-cfd")[0]
    assert "fiscal cost above the ceiling" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    window.results.breachesChanged.emit({})
    assert index.data(Qt.ItemDataRole.DecorationRole) is None


def test_settings_are_remembered(make_window: Any, settings: Any, tmp_path: Path) -> None:
    first = make_window()
    first.navigator.grouping_combo.setCurrentIndex(1)
    first.splitter.setSizes([250, 500, 700])
    expected = first.splitter.sizes()
    assert first.close()
    assert settings.grouping == "partner" and not settings.geometry.isEmpty()
    second = make_window()
    assert second.navigator.model.grouping is Grouping.PARTNER
    assert second.splitter.sizes() == expected


def test_a_new_clause_starts_at_the_minerals_market_price(window: Any) -> None:
    from workbench.data import load_dataset

    window.navigator.select_clause("nickel-cfd")
    window.navigator.add_actions[ClauseKind.BORDER_FLOOR].trigger()
    new = window.controller.scenario.document.clause(window.navigator.current_clause_id)
    assert new.mineral == "nickel" and new.status.value == "proposed"
    assert new.proposed_by == window.controller.scenario.document.metadata.author_delegation
    reference = load_dataset().mineral("nickel").reference_price.value
    assert (new.floor_price.amount, new.floor_price.per.value) == (round(reference), "t")


def test_a_mandate_entered_in_the_private_tab_flags_breaching_clauses(qtbot: Any, window: Any) -> None:
    ceiling = window.private_editor.widgets["US: maximum present-value cost"]
    ceiling.check.setChecked(True)
    ceiling.inner.amount.setValue(0.001)  # USD 1,000 (typed in millions): every clause costing the US breaches it
    assert window.controller.scenario.private.mandate.max_pv_cost["US"].amount == 1000.0
    model = window.navigator.model

    def flagged() -> list[str]:
        return [c.id for c in window.controller.scenario.document.clauses if model.breaches(c.id)]

    qtbot.waitUntil(lambda: bool(flagged()), timeout=30000)
    index = model.clause_indexes(flagged()[0])[0]
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "Breaches the mandate" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_the_undo_history_lists_the_labelled_steps_and_jumps_back(qtbot: Any, window: Any) -> None:
    type_floor(qtbot, window, "120")
    window.navigator.add(ClauseKind.TARIFF)
    view = window.history
    model = view.model()
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [
        "<as opened>", "Edit Floor price of ndpr-border-floor", f"Add clause {window.navigator.current_clause_id}"]
    view.setCurrentIndex(model.index(0, 0))  # clicking the first row goes back to the file as opened
    assert floor_amount(window) == 110.0 and not window.isWindowModified()


def test_a_received_file_cannot_make_a_message_box_render_html(window: Any, tmp_path: Path, monkeypatch: Any) -> None:
    # Qt reads a message as HTML when its first line looks like markup; a newer-version message quotes the file's
    # app_version, so a file could show a large "VERIFIED" or an image. The box must show the characters as sent.
    from PySide6.QtGui import QTextDocument, Qt

    newer = tmp_path / "spoof.cmws"
    newer.write_text(json.dumps({"format": "cmw-scenario", "schema_version": 99, "app_version": "<h1>VERIFIED</h1>",
                                 "document": {}}), "utf-8")
    shown = _capture(monkeypatch, "critical")
    assert not window.open_path(newer)
    text = shown[0][1]
    document = QTextDocument()
    document.setHtml(text) if Qt.mightBeRichText(text) else document.setPlainText(text)
    assert "<h1>VERIFIED</h1>" in document.toPlainText()  # shown literally, not as a heading


def test_ordinary_messages_are_left_as_they_are() -> None:
    from workbench.ui.plain_text import as_plain_text

    message = "The file could not be opened:\nbroken.cmws: not valid JSON (cut short)"
    assert as_plain_text(message) is message


def test_the_tabs_after_clause_build_their_editor_when_first_shown(make_window):
    from workbench.ui import editors
    from workbench.ui.main_window import LATER_EDITORS

    window = make_window()
    tabs = window.tabs
    assert [type(tabs.widget(i)).__name__ for i in range(tabs.count())] == ["ClauseEditor"] + ["QWidget"] * 5
    before = [(tabs.tabText(i), tabs.tabToolTip(i), tabs.tabIcon(i).isNull()) for i in range(tabs.count())]
    for index, (attribute, name) in enumerate(LATER_EDITORS.items(), start=1):
        tabs.setCurrentIndex(index)
        editor = tabs.widget(index)
        assert type(editor) is getattr(editors, name) and tabs.currentIndex() == index
        assert getattr(window, attribute) is editor  # reading it later gives the same editor
    assert [(tabs.tabText(i), tabs.tabToolTip(i), tabs.tabIcon(i).isNull()) for i in range(tabs.count())] == before
    assert tabs.tabText(5) == "Pri&vate" and not tabs.tabIcon(5).isNull()


def test_reading_a_tab_editor_builds_it_in_place_without_switching_tabs(make_window):
    window = make_window()
    editor = window.private_editor
    assert window.tabs.widget(5) is editor and window.tabs.currentIndex() == 0
    stress = window.stress_editor  # (test_stress_tab: its selection reaches the results' Stress tab)
    assert window.tabs.widget(4) is stress
