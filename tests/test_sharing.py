"""Sharing a clean copy: no private material in the file, a "shared" history entry, leak checks, the sent archive."""

from __future__ import annotations

import base64
import json
from datetime import date

import pytest
from cryptography.hazmat.primitives import serialization
from sharing_helpers import CANARY_NUMBERS, canary_scenario, clause, edited

from workbench.document import Mandate, PrivateBlock
from workbench.document.scenario import HistoryAction
from workbench.files import document_hash, load_scenario, save_scenario
from workbench.sharing import Keyring, SentArchive, ShareError, find_leaks, prepare_share, write_shared
from workbench.sharing.clean import shared_entry_hash

DAY = date(2026, 11, 27)


def test_the_canary_scenario_fills_every_private_field():
    scenario, canaries = canary_scenario()
    private = scenario.private
    for name in PrivateBlock.model_fields:
        assert getattr(private, name) != getattr(PrivateBlock(), name), name
    for name in Mandate.model_fields:
        assert getattr(private.mandate, name) != getattr(Mandate(), name), name
    assert len(set(canaries)) == len(canaries) >= 10
    assert {str(v) for v in CANARY_NUMBERS.values()} <= set(canaries)


def test_shared_file_holds_no_private_canary_and_no_private_hash(tmp_path):
    scenario, canaries = canary_scenario()
    own = tmp_path / "us.cmws"
    save_scenario(own, scenario)
    assert all(c in own.read_text(encoding="utf-8") for c in canaries)  # the canaries are really in our own file
    package = prepare_share(load_scenario(own).scenario, "US", today=DAY)
    out = tmp_path / "for-eu.cmws"
    write_shared(out, package, source=own)
    text = out.read_text(encoding="utf-8")
    assert [c for c in canaries if c in text] == []
    data = json.loads(text)
    assert "private" not in data and "private" not in data["integrity"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["for-eu.cmws", "us.cmws"]  # no backup written beside it


def test_share_appends_a_shared_entry_recording_the_text_hash_and_keeps_our_notes():
    scenario, _ = canary_scenario()
    package = prepare_share(scenario, "US", today=DAY)
    entry = package.shared.document.history[-1]
    assert (entry.action, entry.delegation, entry.date, entry.round) == (HistoryAction.SHARED, "US", "2026-11-27", 1)
    assert shared_entry_hash(entry) == package.shared_hash == document_hash(scenario.without_private())
    assert package.shared.document.history[:-1] == scenario.document.history
    assert package.own.private == scenario.private
    assert package.own.document == package.shared.document
    assert package.shared.private == PrivateBlock()


def test_private_text_pasted_into_a_shared_field_stops_the_share():
    scenario, _ = canary_scenario()
    leaky = edited(scenario, lambda d: clause(d, "nickel-cfd").update(
        text_note="Background. CANARY-COMMENT-2 EU is bluffing"))
    leaks = find_leaks(leaky)
    assert [(leak.path, leak.source) for leak in leaks] == [("document.clauses[2].text_note", "internal comment 2")]
    with pytest.raises(ShareError, match=r"internal comment 2 appears in document\.clauses\[2\]\.text_note"):
        prepare_share(leaky, "US")
    one_line_of_note = edited(scenario, lambda d: d["document"]["metadata"].update(
        description="We propose: CANARY-NOTES our fallback is a USD 115/kg floor"))
    assert [leak.source for leak in find_leaks(one_line_of_note)] == ["private notes"]


def test_short_private_words_do_not_count_as_leaks():
    scenario = edited(canary_scenario()[0], lambda d: d["private"].update(notes="NdPr oxide"))
    assert find_leaks(scenario) == []


def test_share_refuses_to_overwrite_our_own_file_or_any_file_with_private_notes(tmp_path):
    scenario, _ = canary_scenario()
    own, other = tmp_path / "us.cmws", tmp_path / "older-working-copy.cmws"
    save_scenario(own, scenario)
    save_scenario(other, scenario)
    package = prepare_share(scenario, "US")
    with pytest.raises(ShareError, match="own file"):
        write_shared(own, package, source=own)
    with pytest.raises(ShareError, match="private notes"):
        write_shared(other, package, source=own)
    assert load_scenario(other).scenario.private == scenario.private
    earlier_copy = tmp_path / "shared.cmws"
    write_shared(earlier_copy, package, source=own)
    write_shared(earlier_copy, package, source=own)  # replacing an earlier clean copy is fine
    assert load_scenario(earlier_copy).scenario.document == package.shared.document


def test_share_needs_a_partner_and_a_key_of_that_delegation(tmp_path):
    scenario, _ = canary_scenario()
    with pytest.raises(ShareError, match="XX is not one of the scenario's partners"):
        prepare_share(scenario, "XX")
    eu_key = Keyring(tmp_path).create_own_key("EU")
    with pytest.raises(ShareError, match="signing key is EU's, not US's"):
        prepare_share(scenario, "US", key=eu_key)


def test_private_key_never_enters_a_scenario_file(tmp_path):
    ring = Keyring(tmp_path / "data")
    key = ring.create_own_key("US")
    scenario, _ = canary_scenario()
    package = prepare_share(scenario, "US", key=key)
    out = tmp_path / "shared.cmws"
    write_shared(out, package)
    SentArchive(tmp_path / "data").store(package)
    pem = (tmp_path / "data" / "keys" / "own.pem").read_text()
    secret_b64 = "".join(pem.splitlines()[1:-1])
    raw_secret = key.private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                           serialization.NoEncryption())
    for path in [out, *(tmp_path / "data" / "shared").iterdir(), *(tmp_path / "data" / "keys" / "trusted").iterdir()]:
        blob = path.read_bytes()
        assert secret_b64.encode() not in blob and base64.b64encode(raw_secret) not in blob
        assert raw_secret.hex().encode() not in blob and b"PRIVATE KEY" not in blob
    assert package.signature is not None and set(package.signature) == {
        "algorithm", "delegation", "key_id", "signed_hash", "value"}


def test_the_archive_returns_what_we_sent_and_finds_it_from_their_history(tmp_path):
    scenario, _ = canary_scenario()
    archive = SentArchive(tmp_path)
    package = prepare_share(scenario, "US", today=DAY)
    stored = archive.store(package)
    assert archive.store(package) == stored                 # sharing the same text again: one copy, no backup
    assert sorted(p.name for p in stored.parent.iterdir()) == [stored.name]
    assert archive.get(package.shared_hash).document == package.shared.document
    assert [c for c in canary_scenario()[1] if c in stored.read_text(encoding="utf-8")] == []
    theirs = edited(package.shared, lambda d: clause(d, "ndpr-border-floor")["floor_price"].update(amount=120.0))
    assert archive.find_base(theirs).document == package.shared.document
    assert archive.find_base(scenario) is None              # never shared: no base
    unrelated = edited(scenario, lambda d: d["document"]["metadata"].update(title="Their own text"))
    assert archive.find_base(unrelated) is None
    assert archive.find_base(unrelated, package.own).document == package.shared.document  # what we last shared
    assert archive.get("sha256:" + "0" * 64) is None
    stored.write_text(stored.read_text(encoding="utf-8").replace("Japan", "Japon"), encoding="utf-8")
    assert archive.get(package.shared_hash) is None         # an altered archive copy is not trusted as a base


@pytest.mark.parametrize("platform, env, expected", [
    ("linux", {}, "HOME/.local/share"),
    ("linux", {"XDG_DATA_HOME": "/xdg"}, "/xdg"),
    ("win32", {}, "HOME/AppData/Roaming"),
    ("win32", {"APPDATA": "C:/Users/eu/AppData/Roaming"}, "C:/Users/eu/AppData/Roaming"),
    ("darwin", {}, "HOME/Library/Application Support"),
])
def test_keys_and_shared_copies_live_where_qt_keeps_this_apps_data(monkeypatch, tmp_path, platform, env, expected):
    # Qt's AppDataLocation: <the platform's data folder>/<organisation>/<application>, unless WORKBENCH_DATA_DIR says
    import sys
    from pathlib import Path

    from workbench.sharing.datadir import default_data_dir

    for name in ("WORKBENCH_DATA_DIR", "XDG_DATA_HOME", "APPDATA"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path))
    monkeypatch.setattr(sys, "platform", platform)
    base = Path(expected.replace("HOME", str(tmp_path)))
    assert default_data_dir() == base / "CriticalMineralsWorkbench" / "Workbench"
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path / "mine"))
    assert default_data_dir() == tmp_path / "mine"
