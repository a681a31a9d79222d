"""Undo commands that swap whole immutable Scenario snapshots; consecutive edits of one field merge."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from workbench.document import Scenario

if TYPE_CHECKING:
    from workbench.ui.controller import DocumentController

#: QUndoCommand.id() of every snapshot command that may merge with the previous one.
MERGEABLE_ID = 4711
#: Edits of the same field further apart than this (seconds) stay separate undo steps.
MERGE_WINDOW_S = 2.0


class SnapshotCommand(QUndoCommand):
    """Replace the controller's scenario by ``after``; undo puts ``before`` back exactly."""

    def __init__(self, controller: "DocumentController", before: Scenario, after: Scenario, label: str,
                 merge_key: str | None = None):
        super().__init__(label)
        self._controller = controller
        self.before = before
        self.after = after
        self.merge_key = merge_key
        self._stamp = time.monotonic()

    def id(self) -> int:  # noqa: A003 - Qt's name
        """Mergeable commands share one id; the others return -1 (never merge)."""
        return MERGEABLE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        """Absorb a following edit of the same field made within the merge window."""
        if not isinstance(other, SnapshotCommand) or other.merge_key != self.merge_key:
            return False
        if other._stamp - self._stamp > MERGE_WINDOW_S:
            return False
        self.after = other.after
        self._stamp = other._stamp
        self.setObsolete(self.after == self.before)
        # Qt deletes the absorbed command, but PySide keeps its Python object alive for the rest of the session:
        # without this, every merged keystroke kept two whole scenarios (about 50 kB) until the window closed
        other.before = other.after = None
        return True

    def redo(self) -> None:
        """Show the edited scenario."""
        self._controller._show(self.after)

    def undo(self) -> None:
        """Show the scenario as it was before the edit."""
        self._controller._show(self.before)
