"""Clean copies for other delegations: no private block, no private text leaked into the document, a "shared" entry."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from workbench.document import HistoryEntry, Scenario
from workbench.document.scenario import HistoryAction
from workbench.files import FileFormatError, document_hash, dumps_scenario
from workbench.files.atomic import atomic_write_bytes
from workbench.files.json_input import read_json_file
from workbench.files.scenario_file import MAX_FILE_BYTES
from workbench.sharing.keys import OwnKey
from workbench.sharing.leaks import private_text_in
from workbench.sharing.signing import sign_scenario

_HASH = re.compile(r"sha256:[0-9a-f]{64}")


class ShareError(ValueError):
    """The clean copy cannot be written; the message says why in plain words."""


@dataclass(frozen=True)
class Leak:
    """Private text found in a shareable field."""

    path: str
    source: str


@dataclass(frozen=True)
class SharePackage:
    """What sharing produces: the clean copy, its signature (if signed), and our own scenario with the record."""

    shared: Scenario
    signature: dict[str, str] | None
    own: Scenario
    shared_hash: str

    def file_text(self) -> str:
        """The shared file's content: no private block, no private hash."""
        return dumps_scenario(self.shared, include_private=False, signature=self.signature)


def find_leaks(scenario: Scenario) -> list[Leak]:
    """Shareable fields that hold private text, even retyped (spacing, dashes, case, zero-width characters), split
    across neighbouring fields, or a mandate figure in any common spelling (``workbench.sharing.leaks``)."""
    return [Leak(path, source) for path, source in private_text_in(scenario)]


def leak_message(leaks: list[Leak], where: str = "the shared copy") -> str:
    """One line naming the first few leaks (which private text, which public field)."""
    found = "; ".join(f"{leak.source} appears in {leak.path}" for leak in leaks[:5])
    more = f" (and {len(leaks) - 5} more)" if len(leaks) > 5 else ""
    return f"private text would be in {where}: {found}{more}. Remove it from the public field first."


def shared_entry_hash(entry: HistoryEntry) -> str | None:
    """The document hash a "shared" history entry records, or None."""
    if entry.action is not HistoryAction.SHARED:
        return None
    m = _HASH.search(entry.summary)
    return m.group() if m else None


def prepare_share(scenario: Scenario, delegation: str, *, key: OwnKey | None = None,
                  today: date | None = None) -> SharePackage:
    """Build the clean copy of ``scenario`` that ``delegation`` sends, signed with ``key`` when given.

    ShareError when private text appears in a shareable field, or when the key belongs to another delegation.
    """
    leaks = find_leaks(scenario)
    if leaks:
        raise ShareError(leak_message(leaks))
    if key is not None and key.delegation != delegation:
        raise ShareError(f"the signing key is {key.delegation}'s, not {delegation}'s")
    if delegation not in {p.code for p in scenario.document.partners}:
        raise ShareError(f"{delegation} is not one of the scenario's partners")
    clean = scenario.without_private()
    base_hash = document_hash(clean)
    doc = scenario.document
    entry = HistoryEntry(round=doc.metadata.round, date=(today or date.today()).isoformat(), delegation=delegation,
                         action=HistoryAction.SHARED,
                         summary=f"{delegation} shared the round {doc.metadata.round} text with delegations "
                                 f"({base_hash}).")
    history = [*doc.history, entry]
    shared = clean.model_copy(update={"document": doc.model_copy(update={"history": history})})
    own = scenario.model_copy(update={"document": shared.document})
    signature = sign_scenario(shared, key) if key is not None else None
    return SharePackage(shared=shared, signature=signature, own=own, shared_hash=base_hash)


def write_shared(path: str | Path, package: SharePackage, *, source: str | Path | None = None) -> None:
    """Write the clean copy to ``path``; never over the source file or any file that holds a private block."""
    path = Path(path)
    if source is not None and path.resolve() == Path(source).resolve():
        raise ShareError(f"{path} is the scenario's own file: choose another name for the shared copy")
    if path.exists():
        try:
            existing = read_json_file(path, MAX_FILE_BYTES, "a scenario file")
        except FileFormatError:
            existing = None
        if isinstance(existing, dict) and "private" in existing:
            raise ShareError(f"{path} is a working file with private notes: choose another name for the shared copy")
    atomic_write_bytes(path, package.file_text().encode("utf-8"), keep_backup=False)
