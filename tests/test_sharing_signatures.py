"""Ed25519 keys and signatures: verified, tampered, swapped signer, unknown key, unsigned, malformed keys."""

from __future__ import annotations

import base64
import hashlib
import json

import pytest
from sharing_helpers import canary_scenario

from workbench.files import FileFormatError, load_scenario, loads_scenario
from workbench.files.scenario_file import canonical_bytes
from workbench.sharing import (KeyFileError, Keyring, SignatureStatus, describe_origin, prepare_share,
                               verify_origin, write_shared)

VERIFIED_US = "signed by US \u2014 verified; content hash matches"


@pytest.fixture
def rings(tmp_path):
    """US and EU each with a signing key, each trusting the other's exported public key."""
    us, eu = Keyring(tmp_path / "us"), Keyring(tmp_path / "eu")
    us.create_own_key("US")
    eu.create_own_key("EU")
    us.export_public(tmp_path / "us.cmwkey")
    eu.export_public(tmp_path / "eu.cmwkey")
    eu.import_public(tmp_path / "us.cmwkey")
    us.import_public(tmp_path / "eu.cmwkey")
    return us, eu


def _signed_by(ring, tmp_path, name="shared.cmws", delegation="US"):
    scenario, _ = canary_scenario()
    path = tmp_path / name
    write_shared(path, prepare_share(scenario, delegation, key=ring.own_key()))
    return path


def _edit_envelope(path, edit):
    data = json.loads(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")


def test_receiver_with_the_senders_key_sees_verified(rings, tmp_path):
    us, eu = rings
    loaded = load_scenario(_signed_by(us, tmp_path))
    assert describe_origin(loaded, eu) == VERIFIED_US
    origin = verify_origin(loaded, eu)
    assert origin.trustworthy and origin.delegation == "US"


def test_a_shared_copy_reopened_by_its_author_is_verified(rings, tmp_path):
    us, _ = rings
    assert describe_origin(load_scenario(_signed_by(us, tmp_path)), us) == VERIFIED_US


def test_one_tampered_byte_is_flagged_twice(rings, tmp_path):
    us, eu = rings
    path = _signed_by(us, tmp_path)
    raw = bytearray(path.read_bytes())
    at = raw.index(b'"amount": 110.0') + len(b'"amount": 11')
    raw[at] = ord("5")                                   # USD 110/kg -> USD 115/kg
    path.write_bytes(bytes(raw))
    loaded = load_scenario(path)
    origin = verify_origin(loaded, eu)
    assert origin.status is SignatureStatus.MISMATCH and not origin.integrity_ok and not origin.trustworthy
    assert origin.text.startswith("signature does not match")
    assert "content hash does not match" in origin.text


def test_tampering_that_also_fixes_the_content_hash_still_breaks_the_signature(rings, tmp_path):
    us, eu = rings
    path = _signed_by(us, tmp_path)

    def edit(data):
        data["document"]["clauses"][0]["floor_price"]["amount"] = 95.0
        data["integrity"]["document"] = "sha256:" + hashlib.sha256(canonical_bytes(data["document"])).hexdigest()
    _edit_envelope(path, edit)
    loaded = load_scenario(path)
    assert loaded.integrity_ok
    assert describe_origin(loaded, eu).startswith("signature does not match (the text was changed after it was signed)")


def test_swapped_signer_is_caught_whichever_field_is_swapped(rings, tmp_path):
    us, eu = rings
    eu_key_id = eu.own_key().public.key_id
    swaps = {
        "delegation": lambda s: s.update(delegation="EU"),
        "key_id": lambda s: s.update(key_id=eu_key_id),
        "both": lambda s: s.update(delegation="EU", key_id=eu_key_id),
    }
    for name, swap in swaps.items():
        path = _signed_by(us, tmp_path, f"{name}.cmws")
        _edit_envelope(path, lambda data, swap=swap: swap(data["signature"]))
        origin = verify_origin(load_scenario(path), us)
        assert origin.status is SignatureStatus.MISMATCH, name
        assert origin.text.startswith("signature does not match"), name
    path = tmp_path / "key_id.cmws"
    assert "the key belongs to EU, the file claims US" in describe_origin(load_scenario(path), us)


def test_a_file_signed_by_an_unknown_key(rings, tmp_path):
    us, _ = rings
    stranger = Keyring(tmp_path / "stranger")
    stranger.create_own_key("US")                        # claims to be the US, with a key nobody imported
    origin = verify_origin(load_scenario(_signed_by(stranger, tmp_path)), us)
    assert origin.status is SignatureStatus.UNKNOWN_KEY and not origin.trustworthy
    assert origin.text.startswith("signed by unknown key (claims US, key id ")


def test_unsigned_file(rings, tmp_path):
    us, _ = rings
    scenario, _ = canary_scenario()
    path = tmp_path / "plain.cmws"
    write_shared(path, prepare_share(scenario, "US"))
    assert describe_origin(load_scenario(path), us) == "unsigned; content hash matches"


def test_a_garbled_signature_value_reads_as_not_matching_not_as_a_crash(rings, tmp_path):
    us, eu = rings
    for bad in ("not base64 !!", base64.b64encode(b"short").decode(), base64.b64encode(bytes(64)).decode()):
        path = _signed_by(us, tmp_path)
        _edit_envelope(path, lambda data, bad=bad: data["signature"].update(value=bad))
        assert describe_origin(load_scenario(path), eu).startswith("signature does not match")


def test_a_malformed_signature_block_is_refused_on_reading_with_one_line():
    scenario, _ = canary_scenario()
    text = prepare_share(scenario, "US").file_text()
    data = json.loads(text)
    data["signature"] = {"algorithm": "rsa", "delegation": "US", "key_id": "x", "signed_hash": "y", "value": "z"}
    with pytest.raises(FileFormatError, match="only 'ed25519' is supported"):
        loads_scenario(json.dumps(data))


@pytest.mark.parametrize("content, message", [
    (b"\x00\x01binary", "not JSON text"),
    (b"[" * 4000, "not JSON text"),
    (b'{"format": "something-else"}', "not a workbench public key file"),
    (b'{"format": "cmw-public-key"}', "must have exactly the fields"),
    (json.dumps({"format": "cmw-public-key", "version": 1, "algorithm": "ed25519", "delegation": "us",
                 "key_id": "0" * 16, "public_key": ""}).encode(), "delegation: 'us' is not a delegation code"),
    (json.dumps({"format": "cmw-public-key", "version": 1, "algorithm": "ed25519", "delegation": "EU",
                 "key_id": "0" * 16, "public_key": "@@@"}).encode(), "not base64"),
    (json.dumps({"format": "cmw-public-key", "version": 1, "algorithm": "ed25519", "delegation": "EU",
                 "key_id": "0" * 16, "public_key": base64.b64encode(b"x" * 31).decode()}).encode(), "32 bytes"),
    (json.dumps({"format": "cmw-public-key", "version": 1, "algorithm": "ed25519", "delegation": "EU",
                 "key_id": "0" * 16, "public_key": base64.b64encode(b"x" * 32).decode()}).encode(),
     "key_id does not match"),
    (b" " * 5000, "over the 4,096-byte limit"),
])
def test_malformed_public_key_files_are_refused_with_a_clear_message(tmp_path, content, message):
    path = tmp_path / "bad.cmwkey"
    path.write_bytes(content)
    ring = Keyring(tmp_path / "data")
    with pytest.raises(KeyFileError, match=message):
        ring.import_public(path)
    assert ring.trusted() == []


def test_keyring_lists_skips_unreadable_files_and_removes(rings, tmp_path):
    us, eu = rings
    assert [k.delegation for k in us.trusted()] == ["EU", "US"]
    (us.folder / "trusted" / "junk.cmwkey").write_text("{}", encoding="utf-8")
    assert [k.delegation for k in us.trusted()] == ["EU", "US"]
    assert len(us.problems()) == 1 and "junk.cmwkey" in us.problems()[0]
    eu_id = eu.own_key().public.key_id
    us.remove(eu_id)
    assert us.find(eu_id) is None
    with pytest.raises(KeyFileError, match="no trusted key"):
        us.remove(eu_id)
    with pytest.raises(KeyFileError, match="no trusted key"):
        us.remove("../../etc/passwd")


def test_one_key_cannot_be_trusted_for_two_delegations(rings, tmp_path):
    us, eu = rings
    data = json.loads((tmp_path / "eu.cmwkey").read_text())
    data["delegation"] = "JP"
    (tmp_path / "jp.cmwkey").write_text(json.dumps(data))
    with pytest.raises(KeyFileError, match="already trusted as EU's, not JP's"):
        us.import_public(tmp_path / "jp.cmwkey")


def test_a_damaged_own_key_gives_a_clear_message_and_no_key_means_none(tmp_path):
    ring = Keyring(tmp_path)
    assert ring.own_key() is None
    with pytest.raises(KeyFileError, match="no signing key yet"):
        ring.export_public(tmp_path / "x.cmwkey")
    ring.create_own_key("JP")
    (ring.folder / "own.pem").write_text("-----BEGIN PRIVATE KEY-----\ngarbage\n-----END PRIVATE KEY-----\n")
    with pytest.raises(KeyFileError, match="unreadable"):
        ring.own_key()
    with pytest.raises(KeyFileError, match="not a delegation code"):
        ring.create_own_key("japan")


def test_tampering_quotes_the_files_own_content_hash_warning(rings, tmp_path):
    from workbench.sharing.signing import tampering

    us, eu = rings
    path = _signed_by(us, tmp_path)
    _edit_envelope(path, lambda d: d["document"]["metadata"].update(title="Changed after signing"))
    loaded = load_scenario(path)
    warning = next(w for w in loaded.warnings if "hash does not match" in w)
    assert tampering(loaded, eu) == warning and warning != "the content hash does not match"
    assert tampering(load_scenario(_signed_by(us, tmp_path, "clean.cmws")), eu) is None


@pytest.mark.parametrize("key_id", [None, 12, "", "../own", "0123456789ABCDEF", "0123456789abcde"])
def test_a_key_id_that_is_not_16_lowercase_hex_digits_finds_no_key(rings, key_id):
    us, _ = rings
    assert us.find(key_id) is None
    assert us.find(us.own_key().public.key_id) == us.own_key().public


def test_exporting_our_public_key_again_replaces_the_file_without_a_backup(rings, tmp_path):
    us, _ = rings
    out = tmp_path / "export"
    out.mkdir()
    us.export_public(out / "us.cmwkey")
    us.export_public(out / "us.cmwkey")
    assert [p.name for p in out.iterdir()] == ["us.cmwkey"]      # nothing else to hand over by mistake


def test_a_keyring_in_an_app_data_folder_not_made_yet_makes_it(tmp_path):
    ring = Keyring(tmp_path / "not" / "made" / "yet")
    assert ring.create_own_key("US").delegation == "US" and ring.own_key().delegation == "US"
