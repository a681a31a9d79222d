"""What a term sheet says about the file it was made from: the stored content hash, what was verified, and the
refusal to export a file whose content hash or signature fails as if it were clean."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workbench.files import document_hash
from workbench.files.migrations import HASH_PRESERVED_FROM

#: Written on the cover and in every page header of a term sheet exported with ``allow_unverified``.
NOT_VERIFIED = "INTEGRITY NOT VERIFIED"


class IntegrityRefused(ValueError):
    """The file failed its content-hash or signature check; the message is one line naming what failed."""


@dataclass(frozen=True)
class Provenance:
    """The file behind a term sheet: its stored hash and the outcome of each check.

    ``content_ok`` is None where the hash could not be checked, ``unchecked`` saying why; ``signature_ok`` is
    False only when a signature is present and fails.
    """

    source: str
    stored_hash: str | None
    content_ok: bool | None
    signature: str
    signature_ok: bool = True
    unchecked: str = ""

    def failure(self) -> str | None:
        """One line naming what failed, or None when nothing did."""
        failed = []
        if self.content_ok is False:
            failed.append("its content hash does not match the document (changed after it was saved, or damaged)")
        if not self.signature_ok:
            failed.append(self.signature)
        return f"{self.source}: not exported: " + "; ".join(failed) if failed else None

    def verified(self) -> str:
        """What was checked, as the cover states it."""
        if self.content_ok is None:
            content = f"content hash not checked ({self.unchecked})"
        else:
            content = "content hash matches the document" if self.content_ok else "CONTENT HASH DOES NOT MATCH"
        return f"{content}; {self.signature}"


def unsaved() -> Provenance:
    """The provenance of a scenario that was never saved."""
    return Provenance("unsaved scenario", None, None, "not signed", unchecked="not a saved file")


def from_loaded(source: str, loaded: Any, keyring: Any) -> Provenance:
    """The provenance of a file read by ``load_scenario``: content hash and signature checked against our keys."""
    from workbench.sharing.signing import SignatureStatus, check_signature

    status, sig_text = check_signature(loaded.received_hash, loaded.signature, keyring)
    if status is SignatureStatus.UNKNOWN_KEY:
        sig_text = f"signature not checked: {sig_text}"
    checkable = loaded.source_schema >= HASH_PRESERVED_FROM  # schema 1 files carried no content hash
    return Provenance(source, loaded.stored_hash or None,
                      loaded.stored_hash == loaded.received_hash if checkable else None, sig_text,
                      signature_ok=status is not SignatureStatus.MISMATCH,
                      unchecked="" if checkable else f"a file version {loaded.source_schema} has no content hash")


def for_file(path: Any, scenario: Any, keyring: Any) -> Provenance:
    """The provenance of ``scenario`` shown from the file at ``path`` (read and checked again now).

    A file that fails its checks is reported as such even when the scenario has unsaved changes (editing a
    tampered file without saving it does not make it clean); otherwise unsaved changes are said to be unchecked.
    """
    from workbench.files import load_scenario

    checked = from_loaded(str(path), load_scenario(path), keyring)
    if checked.failure() is not None or document_hash(scenario) == checked.stored_hash:
        return checked
    return Provenance(str(path), checked.stored_hash, None, checked.signature,
                      unchecked="the text has unsaved changes since the file was saved")


def banner_for(provenance: Provenance, allow_unverified: bool) -> str:
    """"" for a clean file; NOT_VERIFIED when a check failed and ``allow_unverified``; else IntegrityRefused."""
    failure = provenance.failure()
    if failure is None:
        return ""
    if not allow_unverified:
        raise IntegrityRefused(failure)
    return NOT_VERIFIED
