"""What the reader says about a file from outside: hostile values cut short, control characters reported by field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.files import FileFormatError, NewerVersionError, document_hash, loads_scenario
from workbench.sharing import Keyring, SignatureStatus, verify_origin

SHARED = Path(__file__).parent / "fixtures" / "golden" / "shared-round1-us.cmws"


def _golden() -> dict:
    return json.loads(SHARED.read_text(encoding="utf-8"))


def test_a_newer_files_app_version_is_shown_cut_to_forty_characters():
    data = _golden()
    data["schema_version"] = 99
    data["app_version"] = "9.9.9-" + "x" * 100
    with pytest.raises(NewerVersionError) as info:
        loads_scenario(json.dumps(data))
    assert f"(schema 99, app {('9.9.9-' + 'x' * 100)[:39]}\u2026); this version" in str(info.value)


def test_a_signature_naming_no_delegation_is_refused_quoting_twenty_characters():
    data = _golden()
    data["signature"]["delegation"] = "A" * 30
    with pytest.raises(FileFormatError) as info:
        loads_scenario(json.dumps(data))
    assert str(info.value).endswith(f"signature.delegation: not a delegation code (got {'A' * 20!r})")


def _with_controls(count: int, added: str = "\x1b[31m") -> dict:
    data = _golden()
    doc = data["document"]
    fields = [(doc["metadata"], "title"), (doc["metadata"], "description"), (doc["clauses"][0], "title"),
              (doc["clauses"][1], "title")][:count]
    for holder, key in fields:
        holder[key] = holder[key] + added
    return data


@pytest.mark.parametrize(("count", "listed"), [
    (3, "document.metadata.title, document.metadata.description, document.clauses[0].title)"),
    (4, "document.metadata.title, document.metadata.description, document.clauses[0].title, ...)"),
])
def test_control_characters_are_removed_and_the_first_three_fields_named(count, listed):
    loaded = loads_scenario(json.dumps(_with_controls(count)))
    assert "\x1b" not in loaded.scenario.document.metadata.title
    note = next(w for w in loaded.warnings if w.startswith("control characters removed"))
    assert note.startswith(f"control characters removed from {count} text field(s) ({listed}: they could hide")
    assert not loaded.integrity_ok  # the hash is checked on the text as received, which is not what was saved


def test_control_characters_slipped_into_a_signed_file_break_its_signature(tmp_path):
    # removing them on reading restores the signed text, but the file as received is not what was signed
    ring = Keyring(tmp_path)
    ring.import_public(SHARED.parent / "us-delegation.cmwkey")
    loaded = loads_scenario(json.dumps(_with_controls(1, added="\x1b")))
    assert document_hash(loaded.scenario) == loaded.signature["signed_hash"]  # the stripped text is the signed one
    origin = verify_origin(loaded, ring)
    assert origin.status is SignatureStatus.MISMATCH and not origin.trustworthy


@pytest.mark.parametrize(("scenario", "reason"), [
    (None, "schema 1 file: scenario: required object is missing"),
    ({"clauses": "ndpr-floor"}, "schema 1 file: scenario.clauses: must be a list"),
])
def test_a_schema_1_file_that_cannot_be_converted_is_refused_with_the_reason(scenario, reason):
    data = {"format": "cmw-scenario", "schema_version": 1, "integrity": {"document": "sha256:0"}}
    if scenario is not None:
        data["scenario"] = scenario
    with pytest.raises(FileFormatError) as info:
        loads_scenario(json.dumps(data), source="round1.cmws")
    assert str(info.value) == f"round1.cmws: {reason}"


def test_a_file_without_a_document_is_refused_naming_the_field():
    data = _golden()
    del data["document"]
    with pytest.raises(FileFormatError) as info:
        loads_scenario(json.dumps(data), source="reply.cmws")
    assert str(info.value) == "reply.cmws: document: required field is missing"


def test_every_older_schema_has_a_migration_and_a_missing_step_is_named():
    from workbench.files.migrations import MIGRATIONS, migrate
    from workbench.files.scenario_file import CURRENT_SCHEMA

    assert sorted(MIGRATIONS) == list(range(1, CURRENT_SCHEMA))   # a schema bump without its step fails here
    with pytest.raises(FileFormatError, match=r"^no migration from schema 0$"):
        migrate({}, 0, CURRENT_SCHEMA)
