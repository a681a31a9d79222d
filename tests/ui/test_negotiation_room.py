"""The window as a negotiator uses it (issue 14): Ctrl+Z in a field, Open Recent, options per bracket, agreed
clauses, a clause following its mineral, the save date."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from workbench.data import load_dataset
from workbench.document import ClauseKind
from workbench.engine import evaluate
from workbench.files import load_scenario
from workbench.ui.results.compare_view import PACKAGES
from workbench.ui.results.table_view import EXPORT_ROLE

NDPR = "ndpr-border-floor"


def clause(window: Any, clause_id: str = NDPR) -> Any:
    return window.controller.scenario.document.clause(clause_id)


def test_ctrl_z_in_a_spin_box_is_the_document_undo(qtbot: Any, window: Any) -> None:
    window.navigator.select_clause(NDPR)
    spin = window.clause_editor.widgets["floor_price"].plain.amount
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "120")
    stack = window.controller.undo_stack
    assert clause(window).floor_price.amount == 120.0 and stack.count() == 1
    qtbot.keyClick(spin, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert clause(window).floor_price.amount == 110.0 and spin.value() == 110.0
    assert stack.count() == 1 and stack.index() == 0  # undone, not recorded as a new edit
    assert not window.isWindowModified() and window.redo_action.isEnabled()
    qtbot.keyClick(spin, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert clause(window).floor_price.amount == 120.0 and stack.index() == 1 and window.isWindowModified()
    qtbot.keyClick(spin, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(spin, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # nothing left: no field undo either
    assert stack.count() == 1 and stack.index() == 0 and clause(window).floor_price.amount == 110.0


def test_ctrl_z_in_a_line_edit_is_the_document_undo(qtbot: Any, window: Any) -> None:
    window.navigator.select_clause(NDPR)
    title = window.clause_editor.widgets["title"].line
    before = title.text()
    title.setFocus()
    title.end(False)
    qtbot.keyClicks(title, " (US text)")
    assert clause(window).title == before + " (US text)"
    qtbot.keyClick(title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert clause(window).title == before and title.text() == before
    assert window.controller.undo_stack.index() == 0 and window.controller.undo_stack.count() == 1


def test_open_recent_lists_a_file_right_after_the_first_save(qtbot: Any, window: Any, tmp_path: Path,
                                                             monkeypatch: Any) -> None:
    assert not window.recent_menu.isEnabled()  # first run: nothing yet
    target = tmp_path / "yesterday.cmws"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.save_as_action.trigger()
    assert window.recent_menu.isEnabled()
    actions = window.recent_menu.actions()
    assert [a.text() for a in actions] == ["yesterday.cmws"] and actions[0].statusTip() == str(target.resolve())
    window.new_action.trigger()
    actions[0].trigger()
    assert window.controller.path == target


def test_saving_stamps_the_modified_date(qtbot: Any, window: Any, tmp_path: Path, monkeypatch: Any) -> None:
    started = datetime.now(timezone.utc).replace(microsecond=0)
    target = tmp_path / "dated.cmws"
    window.clause_editor.widgets["title"].line.setText("x")  # an edit, so there is something to undo
    window.navigator.select_clause(NDPR)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.save_as_action.trigger()
    stamp = load_scenario(target).scenario.document.metadata.modified
    assert datetime.fromisoformat(stamp.replace("Z", "+00:00")) >= started
    assert window.controller.scenario.document.metadata.modified == stamp  # the window shows what was saved
    assert not window.isWindowModified()


def test_compare_options_per_bracket(qtbot: Any, window: Any) -> None:
    window.navigator.select_clause(NDPR)
    window.clause_editor.widgets["floor_price"].bracket()  # A = B = 110: choosing B alone changes nothing
    panel = window.results
    panel.tabs.setCurrentWidget(panel.compare)
    compare = panel.compare
    qtbot.waitUntil(lambda: compare.subjects()[0] == "NdPr oxide border-adjusted price floor: Floor price")
    assert compare.subject.currentData() == (NDPR, "floor_price")  # the bracket just made is shown
    assert compare.subjects()[-1] == "Packages: all brackets at A, at B\u2026"
    m = compare.model

    def headers() -> list[str]:
        return [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]

    qtbot.waitUntil(lambda: len(headers()) == 3 and not compare._options_stale, timeout=30_000)
    assert headers() == ["Partner", f"{NDPR}\nFloor price A\nUSD 110/kg (modelled)",
                         f"{NDPR}\nFloor price B\nUSD 110/kg"]
    us = [m.data(m.index(r, 0)) for r in range(m.rowCount())].index("United States (US)")
    assert m.data(m.index(us, 1), EXPORT_ROLE) == m.data(m.index(us, 2), EXPORT_ROLE)
    # the package view still exists, named as such, and there B moves the other brackets too
    compare.show_subject(PACKAGES)
    assert headers() == ["Partner", "As modelled", "All brackets\nat A", "All brackets\nat B"]
    package_b = evaluate(window.controller.scenario, option="B").partner_table.at["US", "fiscal_cost_avg_usd"]
    assert m.data(m.index(us, 3), EXPORT_ROLE) == round(package_b / 1e6, 2) != m.data(m.index(us, 1), EXPORT_ROLE)


def test_editing_an_agreed_clause_asks_and_reopens_it_in_one_undo_step(qtbot: Any, window: Any,
                                                                       monkeypatch: Any) -> None:
    window.navigator.select_clause(NDPR)
    status = window.clause_editor.widgets["status"].combo
    status.setCurrentIndex(status.findData("agreed"))
    stack = window.controller.undo_stack
    agreed_at = stack.index()
    asked: list[str] = []

    def answer(reply: QMessageBox.StandardButton) -> None:
        monkeypatch.setattr(QMessageBox, "question", lambda _p, title, *a: asked.append(title) or reply)

    answer(QMessageBox.StandardButton.No)
    spin = window.clause_editor.widgets["floor_price"].plain.amount
    spin.setValue(150.0)
    assert asked == ["Edit an agreed clause?"]
    assert clause(window).floor_price.amount == 110.0 and clause(window).status.value == "agreed"
    assert spin.value() == 110.0 and stack.index() == agreed_at  # nothing changed, the field shows the text again

    answer(QMessageBox.StandardButton.Yes)
    spin.setValue(150.0)
    assert clause(window).floor_price.amount == 150.0 and clause(window).status.value == "proposed"
    assert stack.index() == agreed_at + 1 and stack.undoText().startswith("Reopen agreed clause ndpr-border-floor")
    window.undo_action.trigger()
    assert clause(window).floor_price.amount == 110.0 and clause(window).status.value == "agreed"

    window.clause_editor.widgets["floor_price"].bracket()  # bracketing reopens it as bracketed text
    assert clause(window).status.value == "bracketed"


def test_a_new_clause_follows_its_mineral_unless_edited(qtbot: Any, window: Any, monkeypatch: Any) -> None:
    window.navigator.select_clause(NDPR)
    window.navigator.add_actions[ClauseKind.BORDER_FLOOR].trigger()
    new_id = window.navigator.current_clause_id
    new = clause(window, new_id)
    assert (new.id, new.title) == ("ndpr-oxide-border-floor", "NdPr oxide: new border-adjusted price floor")
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    mineral = window.clause_editor.widgets["mineral"].combo
    steps = window.controller.undo_stack.count()
    mineral.setCurrentIndex(mineral.findData("nickel"))
    moved = clause(window, window.clause_editor.clause_id)
    assert (moved.id, moved.title) == ("nickel-border-floor", "Nickel: new border-adjusted price floor")
    assert window.navigator.current_clause_id == "nickel-border-floor"
    reference = load_dataset().mineral("nickel").reference_price.value
    assert moved.floor_price.per.value == "t" and abs(moved.floor_price.amount - reference) < 0.01 * reference
    assert window.controller.undo_stack.count() == steps + 1  # one step
    # a title the negotiator typed stays; prices stay when the offer is declined
    window.clause_editor.widgets["title"].line.setText("Nickel floor, EU draft")
    window.clause_editor.widgets["title"].line.textEdited.emit("Nickel floor, EU draft")
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    mineral = window.clause_editor.widgets["mineral"].combo
    mineral.setCurrentIndex(mineral.findData("cobalt"))
    kept = clause(window, window.clause_editor.clause_id)
    assert kept.title == "Nickel floor, EU draft" and kept.id == "cobalt-border-floor"
    assert kept.floor_price == moved.floor_price


QUIT_DISCARD = """
import tempfile
from pathlib import Path
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QMessageBox
from workbench.ui.app import set_up_application
from workbench.ui.main_window import MainWindow
from workbench.ui.settings import Settings
app = set_up_application()
folder = Path(tempfile.mkdtemp())
window = MainWindow(settings=Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)),
                    autosave_dir=folder / "autosave", offer_recovery=False)
window.show()
window.clause_editor.widgets["title"].line.setText("edited")
window.clause_editor.widgets["title"].line.textEdited.emit("edited")
QMessageBox.warning = lambda *a, **k: QMessageBox.StandardButton.Discard
QTimer.singleShot(200, window.quit_action.trigger)
print("status", app.exec(), "unsaved steps", window.controller.undo_stack.count())
"""


def test_quit_and_discard_ends_without_a_traceback() -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run([sys.executable, "-c", QUIT_DISCARD], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and "status 0 unsaved steps 1" in done.stdout
    assert "Traceback" not in done.stderr and "already deleted" not in done.stderr, done.stderr
