"""Autosave of unsaved work to the app-data folder, and discovery of autosaves left by a session that crashed."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, QTimer, Signal

from workbench.files import FileFormatError, LoadedScenario, SaveError, load_scenario, save_scenario
from workbench.ui.controller import DocumentController

PREFIX = "autosave-"


def default_directory() -> Path:
    """``<app data>/autosave`` (e.g. ~/.local/share/<org>/<app>/autosave on Linux)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "autosave"


def _lock(path: Path) -> QLockFile:
    lock = QLockFile(str(path.with_suffix(".lock")))
    lock.setStaleLockTime(0)  # stale only when its process is gone, however long a session runs
    return lock


def _remove(path: Path) -> None:
    for file in (path, path.with_suffix(".json")):
        try:
            file.unlink()
        except (FileNotFoundError, NotADirectoryError):
            continue  # nothing to remove


class Autosave(QObject):
    """Every ``interval_s`` seconds, writes the scenario to this session's autosave file while it has unsaved changes.

    The file is locked for the session's lifetime; it is deleted when the scenario is saved (or the changes undone)
    and when the window closes normally, so a file left behind unlocked means the session crashed. ``failed``
    carries the reason when the folder or the file cannot be written (the window shows it; work goes on).
    """

    failed = Signal(str)

    def __init__(self, controller: DocumentController, directory: Path, interval_s: int,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.controller = controller
        self.last_error = ""
        self.directory = Path(directory)
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.last_error = f"cannot create the autosave folder {self.directory}: {exc.strerror or exc}"
        self.path = self.directory / f"{PREFIX}{uuid.uuid4().hex[:12]}.cmws"
        self.lock = _lock(self.path)
        self.lock.tryLock(0)
        self._written = None
        self.timer = QTimer(self)
        self.timer.setInterval(max(5, interval_s) * 1000)
        self.timer.timeout.connect(self.save_now)
        self.timer.start()
        controller.undo_stack.cleanChanged.connect(lambda clean: clean and self.discard())

    def save_now(self) -> bool:
        """Write the autosave file if there are unsaved changes not yet autosaved; True when written."""
        scenario = self.controller.scenario
        if self.controller.undo_stack.isClean() or scenario is self._written:
            return False
        source = str(self.controller.path) if self.controller.path else None
        try:
            save_scenario(self.path, scenario, keep_backup=False)
            self.path.with_suffix(".json").write_text(json.dumps(
                {"source": source, "saved": datetime.now(timezone.utc).isoformat(timespec="seconds")}), "utf-8")
        except (SaveError, FileFormatError, OSError) as exc:
            self.last_error = str(exc)
            self.failed.emit(self.last_error)
            return False
        self._written = scenario
        self.last_error = ""
        return True

    def discard(self) -> None:
        """Delete this session's autosave (the work is saved, or there is nothing unsaved)."""
        _remove(self.path)
        self._written = None

    def close(self) -> None:
        """Normal end of the session: stop, delete the autosave and release the lock."""
        self.timer.stop()
        self.discard()
        self.lock.unlock()


@dataclass
class Orphan:
    """An autosave left by a session that ended without closing normally; locked by us while we decide."""

    path: Path
    source: Path | None
    saved: str
    lock: QLockFile

    def load(self) -> LoadedScenario:
        """The autosaved scenario (raises FileFormatError if the autosave itself is damaged)."""
        return load_scenario(self.path)

    def discard(self) -> None:
        """Delete the autosave and its lock."""
        _remove(self.path)
        self.lock.unlock()

    def release(self) -> None:
        """Keep the autosave for a later session to offer."""
        self.lock.unlock()


def find_orphans(directory: Path) -> list[Orphan]:
    """Autosaves in ``directory`` whose session is gone (its lock is free or stale), newest first."""
    directory = Path(directory)
    if not directory.is_dir():
        return []
    orphans = []
    for path in sorted(directory.glob(f"{PREFIX}*.cmws"), key=lambda p: p.stat().st_mtime, reverse=True):
        lock = _lock(path)
        if not lock.tryLock(0):
            continue  # a running session owns it
        orphans.append(Orphan(path, *_sidecar(path), lock))
    return orphans


def _sidecar(path: Path) -> tuple[Path | None, str]:
    """The source file and save time recorded beside an autosave.

    The scenario file alone is enough to recover: without a readable record, the source is unknown and the time is
    the file's own.
    """
    saved = datetime.fromtimestamp(path.stat().st_mtime).isoformat(timespec="seconds")
    try:
        meta = json.loads(path.with_suffix(".json").read_text("utf-8"))
        return (Path(meta["source"]) if meta.get("source") else None), str(meta.get("saved", saved))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None, saved
