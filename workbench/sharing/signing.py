"""Ed25519 signatures over a scenario's document hash, and what a reader can say about a file's origin."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from enum import Enum

from cryptography.exceptions import InvalidSignature

from workbench.document import Scenario
from workbench.files import LoadedScenario, document_hash
from workbench.sharing.keys import Keyring, OwnKey

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


def check_signature(scenario: Scenario, signature: dict[str, str] | None,
                    keyring: Keyring) -> tuple[SignatureStatus, str]:
    """Check ``signature`` against the document actually read and the trusted keys; (status, plain sentence)."""
    if signature is None:
        return SignatureStatus.UNSIGNED, "unsigned"
    claimed = signature["delegation"]
    mismatch = SignatureStatus.MISMATCH, "signature does not match"
    if signature["signed_hash"] != document_hash(scenario):
        return SignatureStatus.MISMATCH, "signature does not match (the text was changed after it was signed)"
    key = keyring.find(signature["key_id"])
    if key is None:
        return SignatureStatus.UNKNOWN_KEY, (f"signed by unknown key (claims {claimed}, key id "
                                             f"{signature['key_id'][:16]}); import {claimed}'s public key to check it")
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
    status, sig_text = check_signature(loaded.scenario, loaded.signature, keyring)
    if loaded.integrity_ok:
        integrity = "content hash matches"
    else:
        integrity = "content hash does not match: the file was altered after it was saved, or damaged"
    delegation = loaded.signature["delegation"] if loaded.signature else None
    return Origin(status, delegation, sig_text, loaded.integrity_ok, integrity)


def describe_origin(loaded: LoadedScenario, keyring: Keyring) -> str:
    """One plain line for the user: "signed by EU — verified; content hash matches", "unsigned; ...", and so on."""
    return verify_origin(loaded, keyring).text
