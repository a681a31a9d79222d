"""A one-line notice above the result tabs: its height never changes while the user types (long text is elided,
the whole text is in the tooltip)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class NoticeLine(QLabel):
    """A framed single line: ``set_notice(text, details)`` shows ``text`` elided to the width, ``details`` on hover."""

    def __init__(self, accessible_name: str, border: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)
        self.setAccessibleName(accessible_name)
        self.setStyleSheet(f"QLabel {{ border: 1px solid {border}; border-radius: 3px; padding: 2px 4px; }}")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)  # never widens the pane

    def set_notice(self, text: str, details: str = "") -> None:
        """Show ``text`` on one line (elided); ``details`` (or the whole text) in the tooltip and for screen readers."""
        self._full = text
        self.setToolTip(details or text)
        self.setAccessibleDescription(details or text)
        self._elide()

    def full_text(self) -> str:
        """The text before eliding."""
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = max(20, self.contentsRect().width() - 8)
        super().setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room))
