"""Fixtures for the window tests: isolated settings and autosave folder, windows closed without prompts."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from workbench.ui import commands
from workbench.ui.main_window import MainWindow
from workbench.ui.settings import Settings


@pytest.fixture(autouse=True)
def no_unexpected_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    """A question nobody answers would hang a test offscreen: tests that expect one patch it themselves."""
    def unexpected(_parent: Any, title: str, text: str, *_args: Any) -> Any:
        raise AssertionError(f"unexpected question: {title}: {text}")

    monkeypatch.setattr(QMessageBox, "question", unexpected)


@pytest.fixture(autouse=True)
def keystrokes_merge_however_slow_the_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keystrokes in one field merge into one undo step when they come less than MERGE_WINDOW_S apart; a loaded test
    machine can be slower than any typist, so window tests do not depend on the clock (test_undo_merge checks the
    window itself with a fake clock)."""
    monkeypatch.setattr(commands, "MERGE_WINDOW_S", float("inf"))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings in a temporary ini file, never the user's."""
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def autosave_dir(tmp_path: Path) -> Path:
    """A temporary autosave folder."""
    return tmp_path / "autosave"


@pytest.fixture
def make_window(qtbot: Any, settings: Settings, autosave_dir: Path) -> Any:
    """Build main windows on the isolated settings; closed at the end without asking to save.

    (Not ``qtbot.addWidget``: pytest-qt would close them before this fixture marks them clean, and the
    unsaved-changes question would wait for an answer.)"""
    windows: list[MainWindow] = []

    def make(*, maximised: bool = False, **kwargs: Any) -> MainWindow:
        kwargs.setdefault("settings", settings)
        kwargs.setdefault("autosave_dir", autosave_dir)
        kwargs.setdefault("offer_recovery", False)
        window = MainWindow(**kwargs)
        if not maximised:  # the offscreen screen is small, so a first start would open maximised; tests size it
            window.setWindowState(Qt.WindowState.WindowNoState)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        # the first result comes after the first frame (the engine is imported in the background): tests start
        # where a user starts typing, with it on screen
        qtbot.waitUntil(lambda: not window.results.scheduler.is_pending(), timeout=30_000)
        return window

    yield make
    for window in windows:
        window.controller.undo_stack.setClean()
        window.close()
        window.deleteLater()


@pytest.fixture
def window(make_window: Callable[..., MainWindow]) -> MainWindow:
    """A main window on the default scenario."""
    return make_window()
