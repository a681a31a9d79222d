"""``workbench-cli share / diff / verify / keys``: exit codes, one-line errors, no private material written."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sharing_helpers import canary_scenario, clause, edited

from workbench.cli.main import main
from workbench.defaults import default_scenario
from workbench.files import load_scenario, save_scenario
from workbench.sharing import Keyring


@pytest.fixture
def us_dir(tmp_path, monkeypatch):
    data = tmp_path / "us-data"
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(data))
    return data


def test_share_then_verify_then_tamper(tmp_path, us_dir, capsys):
    scenario, canaries = canary_scenario()
    own, out = tmp_path / "us.cmws", tmp_path / "out.cmws"
    save_scenario(own, scenario)
    before = own.read_bytes()
    assert main(["keys", "create", "--delegation", "US"]) == 0
    assert main(["share", str(own), "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert "shared by US, signed with key" in said
    assert own.read_bytes() == before                               # our working file is left unchanged
    assert [c for c in canaries if c in out.read_text(encoding="utf-8")] == []
    assert len(list((us_dir / "shared").iterdir())) == 1            # kept as the base for later merges
    assert main(["verify", str(out)]) == 0
    assert capsys.readouterr().out == (f"{out}: signed by US \u2014 verified; content hash matches; round 1, dated "
                                       f"2026-11-26, author US; last shared by US on {date.today().isoformat()}\n")
    out.write_text(out.read_text(encoding="utf-8").replace("United States", "United Statez"), encoding="utf-8")
    assert main(["verify", str(out)]) == 1
    assert "signature does not match" in capsys.readouterr().out


def test_share_refuses_existing_output_and_a_key_of_another_delegation(tmp_path, us_dir, capsys):
    scenario, _ = canary_scenario()
    own, out = tmp_path / "us.cmws", tmp_path / "out.cmws"
    save_scenario(own, scenario)
    out.write_text("x")
    assert main(["share", str(own), "-o", str(out)]) == 1
    assert "already exists; use --force" in capsys.readouterr().err
    Keyring(us_dir).create_own_key("EU")
    assert main(["share", str(own), "-o", str(out), "--force", "--delegation", "US"]) == 1
    assert "our signing key is EU's, not US's" in capsys.readouterr().err
    assert main(["share", str(own), "-o", str(out), "--force", "--delegation", "US", "--no-sign"]) == 0
    assert load_scenario(out).signature is None
    assert main(["share", str(own), "-o", str(own), "--force", "--no-sign"]) == 1
    assert "own file" in capsys.readouterr().err


def test_verify_unsigned_unknown_and_required_signature(tmp_path, us_dir, capsys):
    scenario, _ = canary_scenario()
    own, out = tmp_path / "us.cmws", tmp_path / "out.cmws"
    save_scenario(own, scenario)
    assert main(["verify", str(own)]) == 0
    assert main(["verify", str(own), "--require-signature"]) == 1
    other = tmp_path / "other"
    Keyring(other).create_own_key("US")
    with pytest.MonkeyPatch.context() as m:
        m.setenv("WORKBENCH_DATA_DIR", str(other))
        assert main(["share", str(own), "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["verify", str(out)]) == 1
    assert "signed by unknown key (claims US" in capsys.readouterr().out
    (tmp_path / "broken.cmws").write_text("{")
    assert main(["verify", str(tmp_path / "broken.cmws")]) == 1
    assert "not valid JSON" in capsys.readouterr().err


def test_diff_text_and_json(tmp_path, us_dir, capsys):
    ours, canaries = canary_scenario()
    theirs = edited(ours.without_private(), lambda d: clause(d, "ndpr-price-gap")["floor_price"].update(amount=125.0))
    a, b = tmp_path / "a.cmws", tmp_path / "b.cmws"
    save_scenario(a, ours)
    save_scenario(b, theirs)
    assert main(["diff", str(a), str(b)]) == 0
    text = capsys.readouterr().out
    assert "floor price: USD 110/kg -> USD 125/kg" in text and "USD [-110/kg-]{+125/kg+}" in text
    assert "Change per partner (theirs - ours):" in text
    assert main(["diff", str(a), str(b), "--json", "--no-impact"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["clauses"][0]["parameters"][0]["theirs"] == {"amount": 125.0, "currency": "USD", "per": "kg"}
    assert data["impact"] is None and data["impact_error"] == "not requested"
    assert [c for c in canaries if c in text + json.dumps(data)] == []
    assert main(["diff", str(a), str(tmp_path / "missing.cmws")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_keys_export_import_list_remove(tmp_path, us_dir, capsys):
    assert main(["keys", "list"]) == 0
    assert capsys.readouterr().out == "our key: none\n"
    assert main(["keys", "export", "-o", str(tmp_path / "k")]) == 1
    assert "no signing key yet" in capsys.readouterr().err
    assert main(["keys", "create", "--delegation", "US"]) == 0
    assert main(["keys", "create", "--delegation", "US"]) == 1
    eu = Keyring(tmp_path / "eu")
    eu.create_own_key("EU")
    eu_file = tmp_path / "eu.cmwkey"
    eu.export_public(eu_file)
    assert main(["keys", "import", str(eu_file)]) == 0
    capsys.readouterr()
    assert main(["keys", "list"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert listing[0].startswith("our key: US ") and [line.split()[0] for line in listing[1:]] == ["EU", "US"]
    bad = tmp_path / "bad.cmwkey"
    bad.write_text('{"format": "cmw-public-key"}')
    assert main(["keys", "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "must have exactly the fields" in err and "Traceback" not in err
    assert main(["keys", "remove", eu.own_key().public.key_id]) == 0
    assert main(["keys", "remove", "deadbeefdeadbeef"]) == 1


def test_diff_shows_a_price_rise_with_its_plus_sign(tmp_path, us_dir, capsys):
    # their border floor at USD 125/kg instead of our 110 raises the NdPr price the US consumers pay
    ours = default_scenario()
    theirs = edited(ours.without_private(),
                    lambda d: clause(d, "ndpr-border-floor")["floor_price"].update(amount=125.0))
    a, b = tmp_path / "a.cmws", tmp_path / "b.cmws"
    save_scenario(a, ours)
    save_scenario(b, theirs)
    assert main(["diff", str(a), str(b)]) == 0
    table = capsys.readouterr().out.split("Change per partner (theirs - ours):")[1]
    us = next(line.split() for line in table.splitlines() if line.split()[:1] == ["US"])
    assert us[2].startswith("+") and float(us[2].lstrip("+")) > 0      # consumer price, percentage points
