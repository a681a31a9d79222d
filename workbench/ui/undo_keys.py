"""Ctrl+Z / Ctrl+Shift+Z (Ctrl+Y) in any text field or spin box act on the document's undo stack, never the field's."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

#: Editors with a text undo of their own (a spin box's line edit is a QLineEdit).
TEXT_EDITORS = (QLineEdit, QAbstractSpinBox, QTextEdit, QPlainTextEdit)


class DocumentUndoKeys(QObject):
    """An application event filter: in ``window``'s text editors the undo and redo keys trigger ``undo``/``redo``
    (the window's Edit > Undo / Redo actions) instead of the field's own text undo, which the form would then have
    recorded as a new document edit (growing the history, keeping the modified marker, greying out Redo)."""

    def __init__(self, window: QWidget, undo: QAction, redo: QAction):
        super().__init__(window)
        self._window, self._undo, self._redo = window, undo, redo
        QApplication.instance().installEventFilter(self)
        window.destroyed.connect(self._uninstall)

    def _uninstall(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def action_for(self, event: QKeyEvent) -> QAction | None:
        """The document action the key asks for, or None."""
        pressed = QKeySequence(event.keyCombination())
        if event.matches(QKeySequence.StandardKey.Undo) or pressed in self._undo.shortcuts():
            return self._undo
        if event.matches(QKeySequence.StandardKey.Redo) or pressed in self._redo.shortcuts():
            return self._redo
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if not isinstance(watched, TEXT_EDITORS) or isinstance(watched, QTextEdit) and watched.isReadOnly():
            return False
        if watched.window() is not self._window:
            return False
        action = self.action_for(event)  # type: ignore[arg-type]
        if action is None:
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # deliver the key press here (not to the shortcut map), where it is handled once
            return True
        if action.isEnabled():
            action.trigger()
        return True  # never the field's own undo
