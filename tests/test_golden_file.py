"""Golden files: scenario files shared by an earlier release open, hash and verify the same in this one.

The hashes are typed here, not computed: comparing a hash with itself cannot notice that a new release encodes the
document differently, which would silently break every file and signature already exchanged between delegations.
"""

from __future__ import annotations

import json
from hashlib import sha256
from pathlib import Path

import pytest

from workbench.cli.main import main as cli_main
from workbench.document import Scenario
from workbench.files import (
    FileFormatError, document_hash, dumps_scenario, load_scenario, loads_scenario, save_scenario,
)
from workbench.files.scenario_file import canonical_bytes
from workbench.sharing import Keyring, SignatureStatus, verify_origin

GOLDEN = Path(__file__).parent / "fixtures" / "golden"
SHARED = GOLDEN / "shared-round1-us.cmws"
WORKING = GOLDEN / "working-copy-us.cmws"
US_KEY = GOLDEN / "us-delegation.cmwkey"
#: SHA-256 of the canonical encoding of the document block of both files (written by workbench 0.1.0).
DOCUMENT_HASH = "sha256:be5e7c701d253347ea23f582290de70ddc98cfb8aebe0a7abd0df2d797440848"
#: ... of the working copy's private block.
PRIVATE_HASH = "sha256:bbec5233b711abb46f10777a0dff450b05d283dbbd062f06d5cb7046116cc704"
#: the text hash the "shared" history entry records (the document before that entry was added).
SHARED_TEXT_HASH = "sha256:0f9b1993d399bd5464f9ab88d8984076a530f1dfacaca45a02e54ad869fec38e"


def alarms(loaded) -> list[str]:
    """The reader's warnings, less the note that an older schema was converted (expected of a golden file)."""
    return [w for w in loaded.warnings if not w.startswith("converted from schema 2;")]


@pytest.fixture()
def keyring(tmp_path) -> Keyring:
    ring = Keyring(tmp_path / "appdata")
    ring.import_public(US_KEY)
    return ring


def test_the_shared_golden_file_opens_with_its_known_hash_and_verified_signature(keyring):
    loaded = load_scenario(SHARED)
    assert loaded.integrity_ok and alarms(loaded) == [] and loaded.source_schema == 2
    assert document_hash(loaded.scenario) == DOCUMENT_HASH
    assert loaded.signature["signed_hash"] == DOCUMENT_HASH
    origin = verify_origin(loaded, keyring)
    assert origin.status is SignatureStatus.VERIFIED and origin.trustworthy
    assert origin.text == "signed by US \u2014 verified; content hash matches"
    assert SHARED_TEXT_HASH in loaded.scenario.document.history[-1].summary


def test_the_working_golden_file_opens_with_its_private_block_intact():
    loaded = load_scenario(WORKING)
    assert loaded.integrity_ok and alarms(loaded) == []
    assert document_hash(loaded.scenario) == DOCUMENT_HASH
    private = loaded.scenario.private
    assert private.notes.startswith("Repli : plancher \u00e0 USD 115/kg")
    assert "\u7d4c\u6e08\u7523\u696d\u7701" in private.clause_notes["nickel-cfd"]
    assert private.mandate.fiscal_ceiling_per_year["US"].amount == 2500000000.5


def test_the_hashes_rest_on_the_canonical_encoding():
    # recomputed from the raw JSON of the file, independently of the document model
    raw = json.loads(WORKING.read_text(encoding="utf-8"))
    encoded = json.dumps(raw["document"], sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    assert "sha256:" + sha256(encoded).hexdigest() == DOCUMENT_HASH
    assert "sha256:" + sha256(canonical_bytes(raw["document"])).hexdigest() == DOCUMENT_HASH
    assert "sha256:" + sha256(canonical_bytes(raw["private"])).hexdigest() == PRIVATE_HASH
    # sorted keys, no spaces, UTF-8 rather than \u escapes, whole numbers as written
    assert canonical_bytes({"b": [1, 2.5], "a": "\u00e0 \u2014"}) == '{"a":"\u00e0 \u2014","b":[1,2.5]}'.encode()
    with pytest.raises(ValueError):
        canonical_bytes({"price": float("nan")})  # NaN has no JSON form: never hashed, never signed


def test_saving_the_golden_scenario_again_keeps_its_hash_and_signature(tmp_path, keyring):
    loaded = load_scenario(SHARED)
    again = tmp_path / "again.cmws"
    save_scenario(again, loaded.scenario, include_private=False, signature=loaded.signature)
    reread = load_scenario(again)
    assert json.loads(again.read_text(encoding="utf-8"))["integrity"]["document"] == DOCUMENT_HASH
    assert verify_origin(reread, keyring).trustworthy


def test_an_edited_shared_file_no_longer_verifies(keyring):
    text = SHARED.read_text(encoding="utf-8").replace("USD 110/kg", "USD 90/kg", 1)
    loaded = loads_scenario(text)
    assert not loaded.integrity_ok
    assert alarms(loaded) == ["the content hash does not match: the document was changed after it was last saved "
                               "by the workbench (or damaged on the way)"]
    origin = verify_origin(loaded, keyring)
    assert origin.status is SignatureStatus.MISMATCH and not origin.trustworthy


def test_a_tampered_private_block_is_detected_and_reported():
    data = json.loads(WORKING.read_text(encoding="utf-8"))
    data["private"]["mandate"]["red_lines"] = ["No cost share over 60 % for the US"]
    loaded = loads_scenario(json.dumps(data, ensure_ascii=False))
    assert not loaded.integrity_ok
    assert alarms(loaded) == ["the private block's hash does not match: it was changed outside the workbench"]
    assert loaded.scenario.private.mandate.red_lines == ["No cost share over 60 % for the US"]  # shown, not dropped


def test_a_private_block_without_its_hash_is_reported():
    data = json.loads(WORKING.read_text(encoding="utf-8"))
    del data["integrity"]["private"]
    loaded = loads_scenario(json.dumps(data, ensure_ascii=False))
    assert not loaded.integrity_ok and "private block's hash does not match" in alarms(loaded)[0]


def test_cli_verify_accepts_the_golden_file_and_rejects_a_tampered_copy(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path / "appdata"))
    assert cli_main(["keys", "import", str(US_KEY)]) == 0
    assert cli_main(["verify", "--require-signature", str(SHARED)]) == 0
    shown = capsys.readouterr()
    assert "signed by US \u2014 verified; content hash matches" in shown.out
    assert "no content hash" not in shown.out + shown.err  # schema 2 has one, and it was checked
    tampered = tmp_path / "tampered.cmws"
    tampered.write_text(SHARED.read_text(encoding="utf-8").replace("USD 110/kg", "USD 90/kg", 1), encoding="utf-8")
    assert cli_main(["verify", str(tampered)]) == 1


BAD_SIGNATURES = [
    ({"algorithm": "rsa", "delegation": "US", "key_id": "8e903a9cba7b884c", "signed_hash": DOCUMENT_HASH,
      "value": "AA=="}, "signature.algorithm"),
    ({"algorithm": "ed25519", "delegation": "not a code", "key_id": "8e903a9cba7b884c", "signed_hash": DOCUMENT_HASH,
      "value": "AA=="}, "signature.delegation"),
    ({"algorithm": "ed25519", "delegation": "US"}, "exactly the text fields"),
]


@pytest.mark.parametrize(("signature", "field"), BAD_SIGNATURES)
def test_a_malformed_signature_is_never_written(tmp_path, signature, field):
    scenario = load_scenario(SHARED).scenario
    with pytest.raises(ValueError, match=field):
        dumps_scenario(scenario, include_private=False, signature=signature)
    target = tmp_path / "out.cmws"
    with pytest.raises(ValueError, match=field):
        save_scenario(target, scenario, include_private=False, signature=signature)
    assert not target.exists()
    data = json.loads(SHARED.read_text(encoding="utf-8"))
    data["signature"] = signature
    with pytest.raises(FileFormatError, match=field):
        loads_scenario(json.dumps(data))


def test_golden_document_is_a_valid_scenario_as_plain_data():
    raw = json.loads(SHARED.read_text(encoding="utf-8"))
    assert Scenario.from_data({"document": raw["document"]}).document.metadata.author_delegation == "US"


def test_an_unsigned_copy_of_a_shared_text_asks_for_the_signed_one_but_our_working_copy_does_not():
    from workbench.sharing.signing import provenance_warnings

    data = json.loads(SHARED.read_text(encoding="utf-8"))
    del data["signature"]
    stripped = loads_scenario(json.dumps(data, ensure_ascii=False))
    assert provenance_warnings(stripped) == ["unsigned, although its history says US shared it on 2026-11-30: "
                                             "ask US for the signed copy"]
    assert provenance_warnings(load_scenario(WORKING)) == []  # our own file: unsigned, with its private block


def test_the_golden_keys_fingerprint_is_what_delegations_read_out_over_the_phone():
    from workbench.sharing.keys import parse_public_key

    key = parse_public_key(US_KEY.read_bytes(), str(US_KEY))
    assert key.fingerprint == ("8e90 3a9c ba7b 884c df01 09e2 3e29 da39 20dc 841d 5c62 7f3a 12ca dade afb8 5ed6")
    assert key.key_id == key.fingerprint.replace(" ", "")[:16]


def test_a_key_of_another_algorithm_is_refused_quoting_twenty_characters():
    from workbench.sharing.keys import KeyFileError, parse_public_key

    data = json.loads(US_KEY.read_text(encoding="utf-8"))
    data["algorithm"] = "rsa-4096-" + "x" * 30
    with pytest.raises(KeyFileError) as info:
        parse_public_key(json.dumps(data).encode(), "k.cmwkey")
    assert str(info.value).endswith(f"(got version 1, algorithm {data['algorithm'][:20]!r})")
