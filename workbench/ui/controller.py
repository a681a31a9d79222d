"""The document controller: the current immutable Scenario, its file path and the undo stack."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from workbench.document import Scenario
from workbench.files import save_scenario
from workbench.ui.commands import SnapshotCommand


class DocumentController(QObject):
    """Holds the scenario being edited; every change goes through :meth:`apply` as an undoable command."""

    scenarioChanged = Signal(object)  # the new Scenario, after every change (edit, undo, redo, open, new)
    fileChanged = Signal(object)      # Path | None

    def __init__(self, scenario: Scenario, path: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._scenario = scenario
        self._path = Path(path) if path is not None else None
        self.undo_stack = QUndoStack(self)

    @property
    def scenario(self) -> Scenario:
        """The current scenario (immutable)."""
        return self._scenario

    @property
    def path(self) -> Path | None:
        """The file the scenario was opened from or last saved to; None for a new scenario."""
        return self._path

    def apply(self, new_scenario: Scenario, label: str, merge_key: str | None = None) -> None:
        """Replace the scenario by ``new_scenario`` as one undoable step called ``label``.

        Consecutive edits with the same ``merge_key`` (e.g. keystrokes in one field) merge into one step.
        """
        if new_scenario == self._scenario:
            return
        self.undo_stack.push(SnapshotCommand(self, self._scenario, new_scenario, label, merge_key))

    def set_scenario(self, scenario: Scenario, path: Path | None) -> None:
        """Start editing ``scenario`` (opened or new): the undo history is cleared and the state is clean."""
        self.undo_stack.clear()
        self._set_path(path)
        self._show(scenario)
        self.undo_stack.setClean()

    def save(self, path: Path) -> None:
        """Save atomically to ``path`` (raises FileFormatError or SaveError); on success it becomes the file.

        The saved copy carries the time of saving in ``metadata.modified`` (the term sheet prints it); the window's
        scenario and the undo step that leads to it take the same stamp, so the saved state is exactly the file.
        """
        stamped = self._stamped(self._scenario)
        save_scenario(path, stamped)
        index = self.undo_stack.index()
        if index > 0:
            command = self.undo_stack.command(index - 1)
            if isinstance(command, SnapshotCommand) and command.after == self._scenario:
                command.after = stamped
        if index < self.undo_stack.count():
            command = self.undo_stack.command(index)
            if isinstance(command, SnapshotCommand) and command.before == self._scenario:
                command.before = stamped
        self._scenario = stamped
        self._set_path(path)
        self.undo_stack.setClean()

    @staticmethod
    def _stamped(scenario: Scenario, *fields: str) -> Scenario:
        """``scenario`` with the metadata timestamps ``fields`` (default: modified) set to now, in UTC."""
        now = datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
        doc = scenario.document
        metadata = doc.metadata.model_copy(update={f: now for f in fields or ("modified",)})
        return scenario.model_copy(update={"document": doc.model_copy(update={"metadata": metadata})})

    def start_new(self, scenario: Scenario) -> None:
        """Start a new, unsaved scenario from ``scenario`` (a template): created and modified are now."""
        self.set_scenario(self._stamped(scenario, "created", "modified"), None)

    def _set_path(self, path: Path | None) -> None:
        path = Path(path) if path is not None else None
        if path != self._path:
            self._path = path
            self.fileChanged.emit(path)

    def _show(self, scenario: Scenario) -> None:
        """Make ``scenario`` current and tell the views (called by the undo commands)."""
        self._scenario = scenario
        self.scenarioChanged.emit(scenario)
