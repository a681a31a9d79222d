"""The copies we shared, kept by hash in the app-data folder: the common base for a three-way merge."""

from __future__ import annotations

from pathlib import Path

from workbench.document import Scenario
from workbench.files import FileFormatError, load_scenario
from workbench.files.atomic import atomic_write_bytes
from workbench.sharing.clean import SharePackage, shared_entry_hash


class SentArchive:
    """``<data_dir>/shared/<hash>.cmws``: every clean copy we wrote, exactly as sent."""

    def __init__(self, data_dir: str | Path) -> None:
        self.folder = Path(data_dir) / "shared"

    def _path(self, shared_hash: str) -> Path:
        return self.folder / f"{shared_hash.removeprefix('sha256:')}.cmws"

    def store(self, package: SharePackage) -> Path:
        """Keep the clean copy of ``package`` under its hash; returns where."""
        path = self._path(package.shared_hash)
        atomic_write_bytes(path, package.file_text().encode("utf-8"), keep_backup=False, create_folder=True)
        return path

    def get(self, shared_hash: str) -> Scenario | None:
        """The copy we shared under ``shared_hash``, or None when we have none (or it no longer reads)."""
        if not shared_hash.startswith("sha256:") or len(shared_hash) != 71:
            return None
        path = self._path(shared_hash)
        if not path.is_file():
            return None
        try:
            loaded = load_scenario(path)
        except FileFormatError:
            return None
        recorded = {shared_entry_hash(e) for e in loaded.scenario.document.history}
        return loaded.scenario if loaded.integrity_ok and shared_hash in recorded else None

    def find_base(self, theirs: Scenario, ours: Scenario | None = None) -> Scenario | None:
        """The latest of our shared copies that ``theirs`` records in its history (what they worked from); failing
        that, the latest one ``ours`` records (the version we last shared)."""
        for version in (theirs, ours):
            for entry in reversed(version.document.history if version is not None else []):
                h = shared_entry_hash(entry)
                found = self.get(h) if h is not None else None
                if found is not None:
                    return found
        return None
