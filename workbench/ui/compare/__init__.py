"""Sharing in the window: share, compare and merge, delegation keys, rounds timeline; ``install_actions(window)``."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from workbench.files import FILE_EXTENSION, FileFormatError, LoadedScenario
from workbench.ui.plain_text import as_plain_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel

    from workbench.ui.compare.compare_dialog import CompareDialog

__all__ = ["CompareDialog", "KeysDialog", "RoundsTimelineDialog", "RoundsTimelineView", "ShareDialog",
           "check_key_store", "install_actions", "open_compare", "show_origin"]

#: The dialogs, imported on first use: they load the sharing code and cryptography, which start-up does not need.
_LAZY = {"CompareDialog": "compare_dialog", "KeysDialog": "keys_dialog", "RoundsTimelineDialog": "timeline_view",
         "RoundsTimelineView": "timeline_view", "ShareDialog": "share_dialog"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def show_origin(window: QMainWindow, loaded: LoadedScenario) -> QLabel:
    """Show where the file just opened in ``window`` comes from (see ``origin.show_origin``)."""
    from workbench.ui.compare import origin

    return origin.show_origin(window, loaded)


def _menu(window: QMainWindow, title: str) -> QMenu:
    """The window's menu called ``title`` (ignoring the & mnemonic), created at the end if missing."""
    for action in window.menuBar().actions():
        if action.menu() is not None and action.text().replace("&", "") == title.replace("&", ""):
            return action.menu()
    return window.menuBar().addMenu(title)


def _show(window: QMainWindow, dialog) -> None:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.raise_()


def open_compare(window: QMainWindow, theirs: Path, base: Path | None = None) -> CompareDialog | None:
    """Open the compare/merge dialog on ``theirs``; an unreadable file gets a one-line message instead."""
    from workbench.sharing import Keyring, SentArchive
    from workbench.ui.compare.common import app_data_dir
    from workbench.ui.compare.compare_dialog import CompareDialog

    data = app_data_dir()
    try:
        dialog = CompareDialog(window.controller, Keyring(data), SentArchive(data), theirs, base_path=base,
                               parent=window)
    except FileFormatError as exc:
        QMessageBox.warning(window, window.tr("Compare with another version"), as_plain_text(str(exc)))
        return None
    _show(window, dialog)
    return dialog


def check_key_store(window: QMainWindow) -> list[str]:
    """Check and repair the key folder's permissions (as every keyring does when opened); what was changed is said
    in a warning, never silently. Called once after the window first shows."""
    from workbench.sharing import Keyring
    from workbench.ui.compare.common import app_data_dir
    from workbench.untrusted_text import shown

    repairs = Keyring(app_data_dir()).repairs
    if repairs:
        QMessageBox.warning(window, window.tr("Delegation keys"),
                            as_plain_text("\n".join(shown(line) for line in repairs)))
    return repairs


def install_actions(window: QMainWindow) -> dict[str, QAction]:
    """Add File > Share with delegations..., File > Compare with another version..., Tools > Delegation keys...
    and Tools > Rounds timeline... to ``window`` (which has ``controller``); returns the actions by name."""
    file_menu, tools_menu = _menu(window, window.tr("&File")), _menu(window, window.tr("&Tools"))

    def share() -> None:
        from workbench.sharing import Keyring, SentArchive
        from workbench.ui.compare.common import app_data_dir
        from workbench.ui.compare.share_dialog import ShareDialog

        data = app_data_dir()
        ShareDialog(window.controller, Keyring(data), SentArchive(data), window).exec()

    def compare() -> None:
        name, _ = QFileDialog.getOpenFileName(window, window.tr("Compare with another version"), "",
                                              window.tr("Scenario files (*{0});;All files (*)").format(FILE_EXTENSION))
        if name:
            open_compare(window, Path(name))

    def keys() -> None:
        from workbench.sharing import Keyring
        from workbench.ui.compare.common import app_data_dir
        from workbench.ui.compare.keys_dialog import KeysDialog

        scenario = window.controller.scenario
        KeysDialog(Keyring(app_data_dir()), [p.code for p in scenario.document.partners], window).exec()

    def rounds() -> None:
        from workbench.ui.compare.timeline_view import RoundsTimelineDialog

        _show(window, RoundsTimelineDialog(window.controller, window))

    actions = {}
    for name, menu, text, slot in (
            ("share", file_menu, window.tr("S&hare with delegations\u2026"), share),
            ("compare", file_menu, window.tr("Co&mpare with another version\u2026"), compare),
            ("keys", tools_menu, window.tr("Delegation &keys\u2026"), keys),
            ("rounds", tools_menu, window.tr("&Rounds timeline\u2026"), rounds)):
        action = QAction(text, window)
        action.setObjectName(f"action_{name}")
        action.triggered.connect(slot)
        menu.addAction(action)
        actions[name] = action
    return actions
