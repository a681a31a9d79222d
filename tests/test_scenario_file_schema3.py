"""Schema-3 terms in a file: disruption risks and Monte Carlo jumps are written when set and read back whole; a
received text that only passes once its control characters are removed is reported as changed, and its signature
as not matching."""

from __future__ import annotations

import json

from workbench.defaults import default_scenario
from workbench.document import Scenario
from workbench.files import dumps_scenario, loads_scenario
from workbench.sharing import Keyring, SignatureStatus, verify_origin
from workbench.sharing.signing import sign_scenario

RISK = {"mineral": "cobalt", "supplier": "*", "annual_probability": 0.125, "duration_years": 1, "depth": 0.4,
        "note": "DRC export bans (assumption)"}


def test_disruption_risks_and_jumps_are_written_and_read_back_when_set():
    data = default_scenario().to_data()
    data["document"]["assumptions"]["disruption_risks"] = [RISK]
    data["document"]["assumptions"]["monte_carlo"]["disruptions"] = True
    scenario = Scenario.from_data(data)
    text = dumps_scenario(scenario)
    written = json.loads(text)["document"]["assumptions"]
    assert written["disruption_risks"] == [RISK] and written["monte_carlo"]["disruptions"] is True
    loaded = loads_scenario(text)
    assert loaded.integrity_ok and loaded.warnings == []
    assert loaded.scenario == scenario


def test_a_scenario_without_them_leaves_both_out_of_the_file():
    written = json.loads(dumps_scenario(default_scenario()))["document"]["assumptions"]
    assert "disruption_risks" not in written and "disruptions" not in written["monte_carlo"]


def test_a_title_too_long_until_its_control_character_is_removed_reads_as_changed_since_saved():
    # the text as received (201 characters) is not a valid document, so no hash of it can match what was saved
    data = json.loads(dumps_scenario(default_scenario()))
    data["document"]["metadata"]["title"] = "T" * 200 + "\x07"
    loaded = loads_scenario(json.dumps(data))
    assert loaded.scenario.document.metadata.title == "T" * 200
    assert not loaded.integrity_ok
    assert loaded.received_hash == ""
    assert any(w.startswith("the content hash does not match") for w in loaded.warnings)
    assert any(w.startswith("the private block's hash does not match") for w in loaded.warnings)


def test_a_signed_text_made_invalid_by_a_control_character_is_not_verified_once_the_character_is_removed(tmp_path):
    # removing the character restores the signed text, but the file as received is not what US signed: before,
    # the hash of the cleaned text stood in for the received one and the signature read "verified"
    data = default_scenario().to_data()
    data["document"]["metadata"]["title"] = "T" * 200
    scenario = Scenario.from_data(data).without_private()
    ring = Keyring(tmp_path)
    text = dumps_scenario(scenario, include_private=False, signature=sign_scenario(scenario, ring.create_own_key("US")))
    assert verify_origin(loads_scenario(text), ring).status is SignatureStatus.VERIFIED
    sent = json.loads(text)
    sent["document"]["metadata"]["title"] += "\x07"
    origin = verify_origin(loads_scenario(json.dumps(sent)), ring)
    assert origin.status is SignatureStatus.MISMATCH and not origin.integrity_ok


def test_each_migration_step_writes_the_schema_it_converts_to_and_leaves_its_input_alone():
    # MIGRATIONS[n] turns a schema-n file into a schema-(n + 1) file, envelope included: a step's output is a file of
    # the next schema, whatever step follows
    from pathlib import Path

    from workbench.files.migrations import MIGRATIONS, migrate

    fixtures = Path(__file__).parent / "fixtures"
    files = {1: fixtures / "schema1" / "prototype_round1.cmws", 2: fixtures / "schema2" / "default_2026_round1.cmws"}
    for version, step in sorted(MIGRATIONS.items()):
        data = json.loads(files[version].read_text(encoding="utf-8"))
        assert data["schema_version"] == version
        kept = json.dumps(data, sort_keys=True)
        assert step(data)["schema_version"] == version + 1
        assert migrate(data, version, version + 1)["schema_version"] == version + 1
        assert json.dumps(data, sort_keys=True) == kept
