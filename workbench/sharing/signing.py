"""Ed25519 signatures over a scenario's document hash, and what a reader can say about a file's origin."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from enum import Enum

from cryptography.exceptions import InvalidSignature

from workbench.document import Scenario
from workbench.document.scenario import HistoryAction
from workbench.files import LoadedScenario, document_hash
from workbench.files.migrations import HASH_PRESERVED_FROM
from workbench.sharing.keys import Keyring, OwnKey
from workbench.untrusted_text import shown

_CONTEXT = b"cmw-scenario-signature-v1"


class SignatureStatus(str, Enum):
    """What checking a file's signature found."""

    VERIFIED = "verified"
    MISMATCH = "mismatch"
    UNSIGNED = "unsigned"
    UNKNOWN_KEY = "unknown_key"


@dataclass(frozen=True)
class Origin:
    """The signature status and the content-hash check of one file, with plain sentences for the user."""

    status: SignatureStatus
    delegation: str | None
    signature_text: str
    integrity_ok: bool
    integrity_text: str

    @property
    def text(self) -> str:
        """One line: the signature status, then the content-hash check."""
        return f"{self.signature_text}; {self.integrity_text}"

    @property
    def trustworthy(self) -> bool:
        """Verified signature and matching content hash."""
        return self.status is SignatureStatus.VERIFIED and self.integrity_ok


def _message(delegation: str, key_id: str, signed_hash: str) -> bytes:
    return b"\0".join([_CONTEXT, delegation.encode("utf-8"), key_id.encode("utf-8"), signed_hash.encode("utf-8")])


def sign_scenario(scenario: Scenario, key: OwnKey) -> dict[str, str]:
    """The ``signature`` block for a file holding ``scenario``: our key signs delegation, key id and document hash."""
    public = key.public
    signed_hash = document_hash(scenario)
    value = key.private.sign(_message(key.delegation, public.key_id, signed_hash))
    return {"algorithm": "ed25519", "delegation": key.delegation, "key_id": public.key_id,
            "signed_hash": signed_hash, "value": base64.b64encode(value).decode("ascii")}


def check_signature(received_hash: str, signature: dict[str, str] | None,
                    keyring: Keyring) -> tuple[SignatureStatus, str]:
    """Check ``signature`` against the hash of the document actually read (``LoadedScenario.received_hash``) and the
    trusted keys; (status, plain sentence)."""
    if signature is None:
        return SignatureStatus.UNSIGNED, "unsigned"
    claimed = signature["delegation"]
    mismatch = SignatureStatus.MISMATCH, "signature does not match"
    if signature["signed_hash"] != received_hash:
        return SignatureStatus.MISMATCH, "signature does not match (the text was changed after it was signed)"
    key = keyring.find(signature["key_id"])
    if key is None:
        return SignatureStatus.UNKNOWN_KEY, (f"signed by unknown key (claims {claimed}, key id "
                                             f"{shown(signature['key_id'], 16)}); import {claimed}'s public key "
                                             "to check it")
    if key.delegation != claimed:
        return SignatureStatus.MISMATCH, (f"signature does not match (the key belongs to {key.delegation}, "
                                          f"the file claims {claimed})")
    try:
        value = base64.b64decode(signature["value"], validate=True)
        key.verifier().verify(value, _message(claimed, key.key_id, signature["signed_hash"]))
    except (binascii.Error, ValueError, InvalidSignature):
        return mismatch
    return SignatureStatus.VERIFIED, f"signed by {claimed} \u2014 verified"


def verify_origin(loaded: LoadedScenario, keyring: Keyring) -> Origin:
    """Signature status and content-hash check of a file as read by ``load_scenario``."""
    status, sig_text = check_signature(loaded.received_hash, loaded.signature, keyring)
    if loaded.source_schema < HASH_PRESERVED_FROM:
        integrity = f"no content hash (schema {loaded.source_schema} layout)"
    elif loaded.integrity_ok:
        integrity = "content hash matches"
    else:
        integrity = "content hash does not match: the file was altered after it was saved, or damaged"
    delegation = loaded.signature["delegation"] if loaded.signature else None
    return Origin(status, delegation, sig_text, loaded.integrity_ok, integrity)


def tampering(loaded: LoadedScenario, keyring: Keyring) -> str | None:
    """Why a file may not leave the delegation as it is (shared or exported), in one line, or None when it is intact:
    its content hash does not match, or it carries a signature that does not match. A file signed by a key we do not
    know, an unsigned one and one converted from an older schema are intact as far as can be told."""
    if not loaded.integrity_ok:
        return next((w for w in loaded.warnings if "hash does not match" in w), "the content hash does not match")
    status, text = check_signature(loaded.received_hash, loaded.signature, keyring)
    return f"{text}: the file was changed after it was signed" if status is SignatureStatus.MISMATCH else None


def provenance(loaded: LoadedScenario) -> str:
    """Which version a file is, in one line: round, date and author, and the last sharing its history records."""
    meta = loaded.scenario.document.metadata
    text = f"round {meta.round}, dated {meta.modified[:10]}, author {meta.author_delegation}"
    shared = [e for e in loaded.scenario.document.history if e.action is HistoryAction.SHARED]
    if shared:
        last = shared[-1]
        text += f"; last shared by {last.delegation} on {last.date}" + (
            f" (round {last.round})" if last.round != meta.round else "")
    return text


def provenance_warnings(loaded: LoadedScenario) -> list[str]:
    """What a reader should be told before trusting the version: an old schema without a content hash, or an
    unsigned copy whose history says another delegation shared it (a signed copy would carry their signature)."""
    out = []
    if loaded.source_schema < HASH_PRESERVED_FROM:
        out.append(f"schema {loaded.source_schema} file: that layout had no content hash, so nothing shows whether "
                   "it was changed since it was written; ask the sender for a current signed copy")
    history = loaded.scenario.document.history
    if loaded.signature is None and history and history[-1].action is HistoryAction.SHARED and not loaded.has_private:
        out.append(f"unsigned, although its history says {history[-1].delegation} shared it on {history[-1].date}: "
                   f"ask {history[-1].delegation} for the signed copy")
    return out


def describe_origin(loaded: LoadedScenario, keyring: Keyring) -> str:
    """One plain line for the user: "signed by EU — verified; content hash matches", "unsigned; ...", and so on."""
    return verify_origin(loaded, keyring).text
