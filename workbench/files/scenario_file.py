"""Read and write scenario files: strict, size-limited JSON with a format id, schema version and content hash."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench import __version__
from workbench.document import Scenario, ScenarioValidationError, is_partner_code
from workbench.document.free_text import strip_control_characters
from workbench.files.atomic import atomic_write_bytes
from workbench.files.errors import FileFormatError, NewerVersionError
from workbench.files.json_input import parse_json, read_limited
from workbench.files.migrations import HASH_PRESERVED_FROM, migrate
from workbench.untrusted_text import quoted, shown

FORMAT_ID = "cmw-scenario"
CURRENT_SCHEMA = 3
FILE_EXTENSION = ".cmws"
MAX_FILE_BYTES = 16 * 1024 * 1024
_ENVELOPE_KEYS = {"format", "schema_version", "app_version", "integrity", "signature", "document", "private"}
_SIGNATURE_KEYS = {"algorithm", "delegation", "key_id", "signed_hash", "value"}


@dataclass
class LoadedScenario:
    """A scenario read from a file, with what the reader noticed about it."""

    scenario: Scenario
    source_schema: int
    integrity_ok: bool
    signature: dict[str, str] | None = None
    warnings: list[str] = field(default_factory=list)
    #: The document hash of the text as received; differs from ``document_hash(scenario)`` only when control
    #: characters were stripped on reading (the signature and ``integrity.document`` cover the received text);
    #: "" when the text as received is not a valid document (it is valid only once they are removed): no hash matches.
    received_hash: str = ""
    #: Whether the file held a private block (a working file; shared copies have none).
    has_private: bool = False
    #: The content hash the file carries (``integrity.document``), as stored.
    stored_hash: str = ""

    @property
    def migrated(self) -> bool:
        """Whether the file was converted from an older schema on reading."""
        return self.source_schema != CURRENT_SCHEMA


def canonical_bytes(data: Any) -> bytes:
    """The canonical JSON encoding used for hashing and signing: sorted keys, no spaces, UTF-8."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode("utf-8")


def document_hash(scenario: Scenario) -> str:
    """SHA-256 of the shareable document: the same text gives the same hash whatever the private notes."""
    return "sha256:" + hashlib.sha256(canonical_bytes(document_data(scenario))).hexdigest()


def document_data(scenario: Scenario) -> dict[str, Any]:
    """The shareable document as written to a file: schema-3 additions left out when absent (no stress tests, no
    release rule, no disruption risks, disruption jumps off), so such a document has the same content hash, and
    signatures, as under schema 2."""
    doc = scenario.document.model_dump(mode="json")
    if not doc.get("stress_tests"):
        doc.pop("stress_tests", None)
    for clause in doc.get("clauses", []):
        if "release_rule" in clause and clause["release_rule"] is None:
            del clause["release_rule"]
    assumptions = doc.get("assumptions", {})
    if not assumptions.get("disruption_risks", True):
        del assumptions["disruption_risks"]
    if assumptions.get("monte_carlo", {}).get("disruptions") is False:
        del assumptions["monte_carlo"]["disruptions"]
    return doc


def _private_hash(private: dict[str, Any]) -> str:
    return "sha256:" + hashlib.sha256(canonical_bytes(private)).hexdigest()


def dumps_scenario(scenario: Scenario, *, include_private: bool = True, signature: dict[str, str] | None = None) -> str:
    """The file text for ``scenario``: readable, diff-friendly JSON ending in a newline."""
    doc = document_data(scenario)
    envelope: dict[str, Any] = {
        "format": FORMAT_ID,
        "schema_version": CURRENT_SCHEMA,
        "app_version": __version__,
        "integrity": {"document": document_hash(scenario)},
    }
    private = scenario.private.model_dump(mode="json") if include_private else None
    if private is not None:
        envelope["integrity"]["private"] = _private_hash(private)
    if signature is not None:
        _check_signature(signature)
        envelope["signature"] = signature
    envelope["document"] = doc
    if private is not None:
        envelope["private"] = private
    return json.dumps(envelope, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def save_scenario(path: str | Path, scenario: Scenario, *, include_private: bool = True,
                  signature: dict[str, str] | None = None, keep_backup: bool = True) -> None:
    """Save atomically; the previous file, if any, is kept as ``<name>.bak``.

    The scenario is re-validated first (``model_copy`` skips validation), so an invalid document never reaches disk.
    """
    try:
        Scenario.from_data(scenario.to_data())
    except ScenarioValidationError as exc:
        raise FileFormatError(f"not saved: {exc.issues[0]}") from exc
    text = dumps_scenario(scenario, include_private=include_private, signature=signature)
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise FileFormatError(f"scenario too large to save: over the {MAX_FILE_BYTES // (1024 * 1024)} MiB file limit")
    atomic_write_bytes(Path(path), text.encode("utf-8"), keep_backup=keep_backup)


def load_scenario(path: str | Path) -> LoadedScenario:
    """Read a scenario file; raise FileFormatError with a one-line reason. The file is never modified."""
    return loads_scenario(read_limited(path, MAX_FILE_BYTES, "a scenario file"), source=str(path))


def loads_scenario(raw: bytes | str, *, source: str = "scenario") -> LoadedScenario:
    """Parse and validate scenario file content (bytes or text)."""
    if isinstance(raw, str):
        raw = raw.encode("utf-8")
    if len(raw) > MAX_FILE_BYTES:
        raise FileFormatError(f"{source}: over the {MAX_FILE_BYTES:,}-byte limit")
    data = parse_json(raw, source)
    if not isinstance(data, dict):
        raise FileFormatError(f"{source}: not a scenario file (top level is not a JSON object)")
    if data.get("format") != FORMAT_ID:
        raise FileFormatError(f"{source}: not a scenario file (format is {quoted(data.get('format'))}, "
                              f"expected {FORMAT_ID!r})")
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise FileFormatError(f"{source}: schema_version must be a positive whole number (got {quoted(version)})")
    if version > CURRENT_SCHEMA:
        raise NewerVersionError(
            f"{source}: written by a newer workbench (schema {version}, "
            f"app {shown(data.get('app_version', '?'), 40)}); "
            f"this version {__version__} reads schema {CURRENT_SCHEMA} and older. Update the workbench to open it.")
    try:
        data = migrate(data, version, CURRENT_SCHEMA)
    except FileFormatError as exc:
        raise FileFormatError(f"{source}: {exc}") from None
    unknown = set(data) - _ENVELOPE_KEYS
    if unknown:
        raise FileFormatError(f"{source}: unknown top-level field {quoted(sorted(unknown)[0])}")
    integrity = data.get("integrity")
    if not isinstance(integrity, dict) or not isinstance(integrity.get("document"), str):
        raise FileFormatError(f"{source}: integrity.document: missing content hash")
    signature = data.get("signature")
    if signature is not None:
        try:
            _check_signature(signature)
        except ValueError as exc:
            raise FileFormatError(f"{source}: {exc}") from None
    if "document" not in data:
        raise FileFormatError(f"{source}: document: required field is missing")
    received = {"document": data["document"]}
    if data.get("private") is not None:
        received["private"] = data["private"]
    payload, stripped = strip_control_characters(received)
    try:
        scenario = Scenario.from_data(None, strict_json=json.dumps(payload, allow_nan=False))
    except ScenarioValidationError as exc:
        raise FileFormatError(f"{source}: {exc.issues[0]}") from exc
    warnings: list[str] = []
    as_received = _as_received(received) if stripped else scenario
    received_hash = document_hash(as_received) if as_received is not None else ""
    if stripped:
        warnings.append(f"control characters removed from {len(stripped)} text field(s) ({', '.join(stripped[:3])}"
                        f"{', ...' if len(stripped) > 3 else ''}): they could hide or rewrite what is shown; the "
                        "content hash and signature were checked on the text as received")
    stored = integrity["document"]
    checkable = version >= HASH_PRESERVED_FROM
    integrity_ok = stored == received_hash if checkable else True
    if not integrity_ok:
        warnings.append("the content hash does not match: the document was changed after it was last saved "
                        "by the workbench (or damaged on the way)")
    priv_stored = integrity.get("private")
    if checkable and "private" in data and (
            as_received is None or priv_stored != _private_hash(as_received.private.model_dump(mode="json"))):
        integrity_ok = False
        warnings.append("the private block's hash does not match: it was changed outside the workbench")
    if version != CURRENT_SCHEMA:
        warnings.append(f"converted from schema {version}; saving writes schema {CURRENT_SCHEMA}")
    return LoadedScenario(scenario=scenario, source_schema=version, integrity_ok=integrity_ok, signature=signature,
                          warnings=warnings, received_hash=received_hash, has_private="private" in data,
                          stored_hash=stored)


def _as_received(received: dict[str, Any]) -> Scenario | None:
    """The file content as received (before control characters were stripped), for its hashes; None when that text
    does not even pass the field checks (its hashes then cannot match the stored ones either)."""
    try:
        return Scenario.model_validate_json(json.dumps(received, allow_nan=False), strict=True)
    except ValueError:
        return None


def _check_signature(sig: Any) -> None:
    if not isinstance(sig, dict) or set(sig) != _SIGNATURE_KEYS or not all(isinstance(v, str) for v in sig.values()):
        raise ValueError(f"signature: must have exactly the text fields {sorted(_SIGNATURE_KEYS)}")
    if sig["algorithm"] != "ed25519":
        raise ValueError(f"signature.algorithm: only 'ed25519' is supported (got {quoted(sig['algorithm'])})")
    if not is_partner_code(sig["delegation"]):
        raise ValueError(f"signature.delegation: not a delegation code (got {sig['delegation'][:20]!r})")
