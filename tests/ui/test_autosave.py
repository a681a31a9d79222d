"""Autosave and recovery: unsaved work is autosaved, a crashed session's work is offered back, nothing else is."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox

from workbench.document import Scenario
from workbench.files import load_scenario, save_scenario
from workbench.ui.autosave import find_orphans

NDPR = "ndpr-border-floor"


def edited(window: Any, amount: float) -> None:
    window.navigator.select_clause(NDPR)
    window.clause_editor.widgets["floor_price"].plain.amount.setValue(amount)


def answer(monkeypatch: Any, button: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def fake(_parent: Any, _title: str, text: str, *args: Any, **kwargs: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", fake)
    return asked


def leave_crashed_autosave(directory: Path, scenario: Scenario, source: Path | None) -> Path:
    """What a session that crashed leaves behind: its autosave file and notes, and no live lock."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "autosave-crashed0001.cmws"
    save_scenario(path, scenario, keep_backup=False)
    path.with_suffix(".json").write_text(json.dumps({"source": str(source) if source else None,
                                                     "saved": "2026-11-26T04:00:00+00:00"}), "utf-8")
    return path


def test_unsaved_work_is_autosaved_and_removed_once_saved(window: Any, tmp_path: Path, monkeypatch: Any) -> None:
    autosave = window.autosave
    assert not autosave.save_now()  # nothing unsaved
    edited(window, 125.0)
    assert autosave.save_now()
    assert load_scenario(autosave.path).scenario == window.controller.scenario
    assert not autosave.save_now()  # unchanged since the last autosave
    window.controller.save(tmp_path / "saved.cmws")
    assert not autosave.path.exists()


def test_undoing_back_to_the_saved_state_removes_the_autosave(window: Any) -> None:
    edited(window, 125.0)
    assert window.autosave.save_now()
    window.undo_action.trigger()
    assert not window.autosave.path.exists()


def test_recovery_after_a_crash_restores_the_work(qtbot: Any, make_window: Any, autosave_dir: Path,
                                                   tmp_path: Path, monkeypatch: Any) -> None:
    source = tmp_path / "talks.cmws"
    first = make_window()
    first.controller.save(source)
    edited(first, 120.0)
    lost = first.controller.scenario
    crashed = leave_crashed_autosave(autosave_dir, lost, source)

    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    second = make_window(offer_recovery=True)
    qtbot.waitUntil(lambda: bool(asked))
    assert len(asked) == 1 and str(source) in asked[0]  # the first window is alive: its autosave is not offered
    assert second.controller.scenario == lost
    assert second.controller.path == source and second.isWindowModified()
    assert second.controller.undo_stack.text(0) == "Recover autosaved changes"
    assert not crashed.exists()
    second.undo_action.trigger()  # back to the file as saved
    assert second.controller.scenario.document.clause(NDPR).floor_price.amount == 110.0


def test_declining_recovery_discards_the_autosave(make_window: Any, autosave_dir: Path, monkeypatch: Any) -> None:
    window = make_window()
    edited(window, 99.0)
    crashed = leave_crashed_autosave(autosave_dir, window.controller.scenario, None)
    window.controller.undo_stack.setClean()
    answer(monkeypatch, QMessageBox.StandardButton.No)
    assert not window.offer_recovery(autosave_dir)
    assert not crashed.exists()
    assert window.controller.scenario.document.clause(NDPR).floor_price.amount == 99.0


def test_a_live_sessions_autosave_is_not_an_orphan(make_window: Any, autosave_dir: Path) -> None:
    window = make_window()
    edited(window, 101.0)
    assert window.autosave.save_now()
    assert all(o.path != window.autosave.path for o in find_orphans(autosave_dir))


def test_an_unwritable_autosave_folder_is_reported_not_raised(make_window: Any, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the autosave folder should be", "utf-8")
    window = make_window(autosave_dir=blocker / "autosave")
    edited(window, 121.0)
    assert not window.autosave.save_now()
    assert "autosave" in window.autosave.last_error
    assert "Autosave failed" in window.statusBar().currentMessage()
