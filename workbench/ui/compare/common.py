"""What the sharing dialogs share: the app-data folder, our delegation, and an inline message line."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QLabel, QWidget

from workbench.document import Scenario
from workbench.sharing import KeyFileError, Keyring, OwnKey
from workbench.sharing.datadir import ENV_VAR
from workbench.untrusted_text import shown


def app_data_dir() -> Path:
    """``$WORKBENCH_DATA_DIR`` when set (as for the CLI), else Qt's AppDataLocation for this application."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override)
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def readable_own_key(keyring: Keyring, message: "MessageLine | None" = None) -> OwnKey | None:
    """Our signing key; None when there is none, or when it is unreadable (then said on ``message``)."""
    try:
        return keyring.own_key()
    except KeyFileError as exc:
        if message is not None:
            message.error(str(exc))
        return None


def our_delegation(keyring: Keyring, scenario: Scenario) -> str:
    """Who "we" are: the delegation of our signing key, else the scenario's author."""
    key = readable_own_key(keyring)
    return key.delegation if key is not None else scenario.document.metadata.author_delegation


class MessageLine(QLabel):
    """A line inside a dialog for errors and confirmations (no extra modal boxes)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)  # text from files is never read as HTML
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def error(self, text: str) -> None:
        """Show ``text`` in red (each line made safe to show: control characters escaped, capped)."""
        self.setStyleSheet("color: #b00020;")
        self.setText(_safe(text))
        self.show()

    def info(self, text: str) -> None:
        """Show ``text`` plainly (each line made safe to show: control characters escaped, capped)."""
        self.setStyleSheet("")
        self.setText(_safe(text))
        self.show()


def _safe(text: str) -> str:
    return "\n".join(shown(line) for line in str(text).split("\n"))
