"""Sharing and merging at their edges: what a negotiator is shown for each kind of change, settings merged, copies
and keys that cannot be read; pinned so that a changed line of the sharing code shows up as a failed test."""

from __future__ import annotations

from datetime import date

import pytest
from sharing_helpers import clause, edited

from workbench.defaults import default_scenario
from workbench.sharing import MergeError, SentArchive, accept, plan_merge, prepare_share
from workbench.sharing.slots import ABSENT, Slot, value_text

DAY = date(2026, 11, 27)         # not the day the tests run: a date taken from the clock shows


def _without(d, clause_id):
    d["document"]["clauses"] = [c for c in d["document"]["clauses"] if c["id"] != clause_id]


def test_each_kind_of_change_is_described_as_a_negotiator_reads_it():
    ours = default_scenario()

    def theirs_edit(d):
        _without(d, "tungsten-tariff")
        d["document"]["clauses"].append(dict(clause(d, "usmx-antimony-floor"), id="jp-antimony", title="JP floor"))
        d["document"]["history"] += [{"round": 1, "date": "2026-11-29", "delegation": "EU", "action": "shared",
                                      "clause_id": None, "summary": f"EU note {k}"} for k in range(2)]
    plan = plan_merge(ours, edited(ours, theirs_edit))
    assert plan.conflicts() == []                        # without a base nothing can be called a conflict
    by_change = {(i.slot.clause_id, i.change): i for i in plan.items}
    removed, added = by_change[("tungsten-tariff", "removed")], by_change[("jp-antimony", "added")]
    history = by_change[(None, "added")]
    tariff = ours.document.clause("tungsten-tariff").title
    assert removed.describe() == f"{tariff}: removed by them" and removed.summary() == f"{tariff} (removed)"
    assert added.describe() == "JP floor: added by them" and added.summary() == "JP floor (added)"
    assert history.describe() == "rounds history: 2 new entries"


def test_accepting_their_title_discount_rate_and_stress_tests_takes_exactly_those():
    ours = default_scenario()

    def theirs_edit(d):
        d["document"]["metadata"]["title"] = "Their title"
        d["document"]["assumptions"]["discount_rate"] = 0.07
        d["document"]["stress_tests"] = d["document"]["stress_tests"][:1]
        clause(d, "nickel-cfd")["title"] = "Nickel contract for difference"
    plan = plan_merge(ours, edited(ours, theirs_edit))
    # offered as a reader meets them: the scenario's title, its parts, the assumptions, then the clauses
    assert [(i.slot.scope, i.slot.field) for i in plan.items] == [
        ("metadata", "title"), ("document", "stress_tests"), ("assumptions", "discount_rate"), ("clause", "title")]
    by_slot = {i.slot: i for i in plan.items}
    title = by_slot[Slot("metadata", None, "title")]
    rate = by_slot[Slot("assumptions", None, "discount_rate")]
    stress = by_slot[Slot("document", None, "stress_tests")]
    assert title.describe() == f"metadata: title: ours {ours.document.metadata.title}, theirs Their title"
    merged = accept(ours, [title], plan, by="US", today=DAY)
    assert merged.document.metadata.title == "Their title"
    assert merged.document.history[-1].date == "2026-11-27"                # the day given, not the clock's
    assert merged.document.assumptions.discount_rate == ours.document.assumptions.discount_rate
    merged = accept(merged, [rate], plan, by="US", today=DAY)
    assert merged.document.assumptions.discount_rate == 0.07
    assert len(merged.document.stress_tests) == len(ours.document.stress_tests) > 1
    merged = accept(merged, [stress], plan, by="US", today=DAY)
    assert [s.id for s in merged.document.stress_tests] == [ours.document.stress_tests[0].id]
    assert merged.document.metadata.title == "Their title"


def test_accepting_a_clause_already_added_or_a_removal_of_one_already_gone_is_refused():
    ours = default_scenario()

    def theirs_edit(d):
        _without(d, "tungsten-tariff")
        d["document"]["clauses"].append(dict(clause(d, "usmx-antimony-floor"), id="jp-antimony", title="JP floor"))
    plan = plan_merge(ours, edited(ours, theirs_edit))
    add = next(i for i in plan.items if i.change == "added")
    remove = next(i for i in plan.items if i.change == "removed")
    once = accept(ours, [add, remove], plan, by="US", today=DAY)
    with pytest.raises(MergeError, match="clause jp-antimony is already in our version"):
        accept(once, [add], plan, by="US", today=DAY)
    with pytest.raises(MergeError, match="clause tungsten-tariff is no longer in our version"):
        accept(once, [remove], plan, by="US", today=DAY)


def test_values_without_a_known_shape_are_shown_plainly():
    assert value_text(ABSENT) == "(absent)" and repr(ABSENT) == "ABSENT"
    assert value_text({"id": "cn", "name": "China"}) == "China"
    # a value of no known shape reads the same whatever order its file lists the keys in
    assert value_text({"zeta": 1, "alpha": [2]}) == value_text({"alpha": [2], "zeta": 1}) == '{"alpha": [2], "zeta": 1}'
    # the shape of a price whose figure is invalid: shown as its data, not as a price
    invalid = {"amount": -1.0, "currency": "USD", "per": "kg"}
    assert value_text(invalid) == '{"amount": -1.0, "currency": "USD", "per": "kg"}'


def test_a_part_is_named_by_its_clauses_title_or_without_titles_by_its_id():
    part = Slot("clause", "nickel-cfd", "strike_price")
    assert part.label({"nickel-cfd": "Nickel CfD"}) == "Nickel CfD: strike price"
    assert part.label() == "nickel-cfd: strike price"
    assert Slot("clause", "nickel-cfd", None).label() == "nickel-cfd"
    assert Slot("assumptions", None, "discount_rate").label() == "assumptions: discount rate"


def test_the_archive_answers_none_for_a_malformed_hash_or_a_copy_that_no_longer_reads(tmp_path):
    archive = SentArchive(tmp_path)
    package = prepare_share(default_scenario(), "US", today=DAY)
    stored = archive.store(package)
    assert archive.get(package.shared_hash) is not None
    assert archive.get(package.shared_hash[:-1]) is None                     # one hex digit short
    assert archive.get(package.shared_hash + "0") is None                    # one too many
    assert archive.get(package.shared_hash.removeprefix("sha256:") + "1234567") is None   # 71 characters, no prefix
    stored.write_text("{not json", encoding="utf-8")
    assert archive.get(package.shared_hash) is None


# -- keys ----------------------------------------------------------------------------------------------------------

def test_a_public_key_file_of_exactly_4096_bytes_reads_and_one_byte_more_is_refused(tmp_path):
    from workbench.sharing import Keyring
    from workbench.sharing.keys import KeyFileError, parse_public_key

    key = Keyring(tmp_path).create_own_key("JP").public
    text = key.to_file_bytes()
    padded = text + b" " * (4096 - len(text))                 # trailing blanks: still the same JSON
    assert parse_public_key(padded) == key
    with pytest.raises(KeyFileError, match="over the 4,096-byte limit"):
        parse_public_key(padded + b" ")


def test_a_key_trusted_twice_then_removed_leaves_no_copy_behind(tmp_path):
    from workbench.sharing import Keyring

    ring = Keyring(tmp_path)
    eu = Keyring(tmp_path / "eu").create_own_key("EU").public
    ring.trust(eu)
    ring.trust(eu)                                  # imported again: replaced, no backup copy of the key file
    ring.remove(eu.key_id)
    assert list((ring.folder / "trusted").iterdir()) == [] and ring.find(eu.key_id) is None


def test_our_signing_key_file_holding_another_kind_of_key_is_refused(tmp_path):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    from workbench.sharing import Keyring
    from workbench.sharing.keys import KeyFileError

    ring = Keyring(tmp_path)
    ring.create_own_key("JP")
    other = X25519PrivateKey.generate().private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                       serialization.NoEncryption())
    (ring.folder / "own.pem").write_bytes(other)
    with pytest.raises(KeyFileError, match="is not an Ed25519 key"):
        ring.own_key()


def test_a_trusted_key_file_damaged_in_place_or_holding_another_key_is_not_found(tmp_path):
    from workbench.sharing import Keyring

    ring = Keyring(tmp_path)
    jp = ring.create_own_key("JP").public
    eu = Keyring(tmp_path / "eu").create_own_key("EU").public
    ring.trust(eu)
    path = ring.folder / "trusted" / f"{jp.key_id}.cmwkey"
    assert ring.find(jp.key_id) == jp
    path.write_bytes(eu.to_file_bytes())                      # the EU key filed under JP's id
    assert ring.find(jp.key_id) is None and ring.find(eu.key_id) == eu
    path.write_text("{", encoding="utf-8")
    assert ring.find(jp.key_id) is None


@pytest.mark.skipif(__import__("os").name != "posix", reason="file modes are POSIX")
def test_opening_a_keyring_tightens_open_files_leaves_links_alone_and_says_what_it_could_not_fix(tmp_path, monkeypatch):
    import os

    from workbench.sharing import Keyring

    ring = Keyring(tmp_path)
    ring.create_own_key("JP")
    pem = ring.folder / "own.pem"
    target = tmp_path / "elsewhere.txt"
    target.write_text("not a key", encoding="utf-8")
    os.chmod(target, 0o644)
    (ring.folder / "trusted" / "link.cmwkey").symlink_to(target)
    os.chmod(pem, 0o644)
    trusted = ring.folder / "trusted" / f"{ring.own_key().public.key_id}.cmwkey"
    os.chmod(trusted, 0o664)
    assert Keyring(tmp_path).repairs == [f"{pem} was open to other accounts (mode 644); set to 600",
                                         f"{trusted} was open to other accounts (mode 664); set to 600"]
    assert oct(os.stat(pem).st_mode & 0o777) == oct(0o600)
    assert oct(os.stat(target).st_mode & 0o777) == oct(0o644)          # a link's target is not ours to change
    os.chmod(pem, 0o640)

    def refused(path, mode):
        raise PermissionError(1, "Operation not permitted")
    monkeypatch.setattr(os, "chmod", refused)
    assert Keyring(tmp_path).repairs == [
        f"{pem} is open to other accounts (mode 640) and cannot be made private (Operation not permitted): "
        "do not rely on the keys there"]


def test_every_kind_of_part_reads_as_a_negotiator_writes_it():
    doc = default_scenario().to_data()["document"]
    floor = clause({"document": doc}, "ndpr-border-floor")
    assert value_text(floor) == f"{floor['title']} (border floor)"
    assert value_text(doc["stress_tests"][0]) == f"{doc['stress_tests'][0]['title']} (export restriction)"
    assert value_text(floor["cost_sharing"]) == "own"                    # a rule without shares: the rule alone
    assert value_text(floor["floor_price"]) == "USD 110/kg"
    bracket = {"options": [{"label": "A", "value": floor["floor_price"], "proposed_by": "US"},
                           {"label": "B", "value": dict(floor["floor_price"], amount=120.0), "proposed_by": "EU"}],
               "selected": "B"}
    assert value_text(bracket) == "[USD 110/kg][USD 120/kg] (B modelled)"
    assert value_text({"code": "KR", "name": "Korea"}) == "KR"           # a delegation without its role
    assert value_text({"note": "Zoné économique"}) == '{"note": "Zoné économique"}'   # accents kept as written


@pytest.mark.parametrize("key", ["options", "selected", "id", "kind", "rule", "shares", "code", "name", "role"])
def test_a_part_holding_only_some_keys_of_a_known_shape_is_shown_as_its_data(key):
    assert value_text({key: "x"}) == f'{{"{key}": "x"}}'


def test_a_clause_we_removed_and_they_edited_since_the_base_is_offered_back_as_a_conflict():
    base = default_scenario()
    ours = edited(base, lambda d: _without(d, "tungsten-tariff"))
    theirs = edited(base, lambda d: clause(d, "tungsten-tariff").update(rate=0.6))
    plan = plan_merge(ours, theirs, base)
    assert [(i.slot, i.change, i.conflict) for i in plan.items] == [
        (Slot("clause", "tungsten-tariff", None), "added", True)]
    untouched = plan_merge(ours, edited(base, lambda d: None), base)
    assert untouched.items == []                                   # they did not touch it: our removal stands


def test_a_clause_they_put_first_goes_first_in_ours():
    ours = default_scenario()

    def theirs_edit(d):
        d["document"]["clauses"].insert(0, dict(clause(d, "usmx-antimony-floor"), id="jp-first", title="JP first"))
    plan = plan_merge(ours, edited(ours, theirs_edit))
    merged = accept(ours, plan.items, plan, by="US", today=DAY)
    assert [c.id for c in merged.document.clauses] == ["jp-first"] + [c.id for c in ours.document.clauses]


def _summary_of_description(length: int) -> str:
    ours = default_scenario()
    plan = plan_merge(ours, edited(ours, lambda d: d["document"]["metadata"].update(description="d" * length)))
    return accept(ours, plan.items, plan, by="US", today=DAY).document.history[-1].summary


def test_a_merge_summary_of_exactly_2000_characters_is_kept_whole_and_one_more_is_cut():
    exact = 100 + 2000 - len(_summary_of_description(100))
    whole = _summary_of_description(exact)
    assert len(whole) == 2000 and whole.endswith("d" * 10)
    cut = _summary_of_description(exact + 1)
    assert len(cut) == 2000 and cut == whole[:1997] + "..."


def test_the_golden_public_key_exported_again_is_the_committed_file_byte_for_byte():
    # a key file exported by this version must be the same bytes as one exported by the first release
    from pathlib import Path

    from workbench.sharing.keys import read_public_key

    path = Path(__file__).parent / "fixtures" / "golden" / "us-delegation.cmwkey"
    assert read_public_key(path).to_file_bytes() == path.read_bytes()


def test_making_a_new_signing_key_leaves_no_copy_of_the_old_one(tmp_path):
    from workbench.sharing import Keyring

    ring = Keyring(tmp_path)
    old = ring.create_own_key("JP").public
    new = ring.create_own_key("JP").public                  # e.g. workbench-cli keys create --force
    assert new != old and ring.own_key().public == new
    assert sorted(p.name for p in ring.folder.iterdir()) == ["own.json", "own.pem", "trusted"]


@pytest.mark.parametrize("field, value, quoted", [
    ("delegation", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "delegation: 'ABCDEFGHIJKLMNOPQRST' is not a delegation code"),
    ("algorithm", "rsa-" + "x" * 40, "algorithm 'rsa-xxxxxxxxxxxxxxxx')"),
    ("key_id", "k" * 40, "key_id must be 16 hex digits (got 'kkkkkkkkkkkkkkkkkkkk')"),
    ("public_key", [1] * 40, "public_key must be base64 text (got '[1, 1, 1, 1, 1, 1, 1')"),
])
def test_a_refused_key_file_quotes_the_first_20_characters_of_the_wrong_value(tmp_path, field, value, quoted):
    import json

    from workbench.sharing import Keyring
    from workbench.sharing.keys import KeyFileError, parse_public_key

    data = json.loads(Keyring(tmp_path).create_own_key("JP").public.to_file_bytes())
    data[field] = value
    with pytest.raises(KeyFileError) as refused:
        parse_public_key(json.dumps(data).encode(), "k.cmwkey")
    assert quoted in str(refused.value)


# -- compare -------------------------------------------------------------------------------------------------------

def test_the_text_diff_gives_each_partners_change_in_usd_millions_and_signed_percentage_points():
    import re

    from workbench.sharing import compare

    ours = default_scenario()
    theirs = edited(ours, lambda d: clause(d, "ndpr-border-floor")["floor_price"].update(amount=125.0))
    result = compare(ours, theirs)
    rows = result.to_text().split("Change per partner (theirs - ours):")[1].splitlines()[3:]
    table = result.impact.table
    shown = {row.split()[0]: row.split()[1:] for row in rows if row.strip() and not row.strip().startswith("warning")}
    assert list(shown) == list(table.index)
    rises = 0
    for region, (fiscal, consumer, producer) in shown.items():
        for text, value, unit, decimals in ((fiscal, table.at[region, "fiscal_cost_pv_usd_change"], 1e6, 1),
                                            (consumer, table.at[region, "consumer_price_change_pct_change"], 1, 2),
                                            (producer, table.at[region, "producer_price_change_pct_change"], 1, 2)):
            if value == 0:
                assert text == "\u2013", region                                   # a true zero: the nil dash
                continue
            assert re.fullmatch(rf"[+\u2212]?[\d,]+\.\d{{{decimals}}}", text), (region, text)
            assert float(text.replace(",", "").replace("\u2212", "-")) == pytest.approx(value / unit,
                                                                                       abs=0.51 * 10 ** -decimals)
            if text is not fiscal and round(value, decimals) > 0:
                assert text.startswith("+"), (region, text)                       # a price rise says so
                rises += 1
    assert rises >= 2


def test_a_clause_replaced_by_one_of_another_kind_lists_the_parameters_only_one_side_has():
    from workbench.sharing import compare

    ours = default_scenario()

    def theirs_edit(d):
        tariff = clause(d, "tungsten-tariff")
        d["document"]["clauses"] = [dict(clause(d, "nickel-cfd"), id="tungsten-tariff", title=tariff["title"])
                                    if c["id"] == "tungsten-tariff" else c for c in d["document"]["clauses"]
                                    if c["id"] != "nickel-cfd"]
    result = compare(ours, edited(ours, theirs_edit), with_impact=False)
    changed = next(c for c in result.clauses if c.clause_id == "tungsten-tariff")
    data = {p["parameter"]: p for p in changed.to_json()["parameters"]}
    assert data["strike_price"]["ours"] is None and data["strike_price"]["ours_text"] == "(absent)"
    assert data["strike_price"]["theirs"] == ours.document.clause("nickel-cfd").strike_price.model_dump(mode="json")
    assert data["rate"]["theirs"] is None and data["rate"]["theirs_text"] == "(absent)"
    assert data["rate"]["ours"] == ours.document.clause("tungsten-tariff").rate
    assert "title" not in data                                        # the same on both sides: not listed


def test_the_text_diff_gives_a_status_change_as_ours_then_theirs():
    from workbench.sharing import compare

    ours = default_scenario()
    theirs = edited(ours, lambda d: clause(d, "ndpr-border-floor").update(status="agreed"))
    text = compare(ours, theirs, with_impact=False).to_text()
    title = ours.document.clause("ndpr-border-floor").title
    assert f"Status changes:\n  {title}: proposed -> agreed\n" in text


# -- signatures ----------------------------------------------------------------------------------------------------

def test_a_signature_value_with_a_character_outside_base64_does_not_verify(tmp_path):
    from workbench.files import document_hash
    from workbench.sharing import Keyring, SignatureStatus
    from workbench.sharing.signing import check_signature, sign_scenario

    ring = Keyring(tmp_path)
    scenario = default_scenario()
    signature = sign_scenario(scenario, ring.create_own_key("US"))
    received = document_hash(scenario)
    assert check_signature(received, signature, ring)[0] is SignatureStatus.VERIFIED
    padded = dict(signature, value=signature["value"][:8] + "*" + signature["value"][8:])   # a lenient decoder
    assert check_signature(received, padded, ring)[0] is SignatureStatus.MISMATCH          # would drop the '*'


def test_an_unknown_key_id_is_quoted_cut_to_16_characters(tmp_path):
    from workbench.files import document_hash
    from workbench.sharing import Keyring, SignatureStatus
    from workbench.sharing.signing import check_signature, sign_scenario

    ring = Keyring(tmp_path)
    scenario = default_scenario()
    signature = dict(sign_scenario(scenario, Keyring(tmp_path / "eu").create_own_key("EU")), key_id="k" * 40)
    status, text = check_signature(document_hash(scenario), signature, ring)
    assert status is SignatureStatus.UNKNOWN_KEY
    assert f"(claims EU, key id {'k' * 15}\u2026); import EU's public key to check it" in text


# -- redline -------------------------------------------------------------------------------------------------------

def test_a_pure_insertion_or_deletion_has_no_empty_counterpart():
    from workbench.sharing.redline import Piece, word_diff

    assert word_diff("a b", "a x b") == [Piece("equal", "a "), Piece("insert", "x "), Piece("equal", "b")]
    assert word_diff("a x b", "a b") == [Piece("equal", "a "), Piece("delete", "x "), Piece("equal", "b")]


def test_a_long_clause_with_one_word_changed_at_each_end_is_redlined_word_by_word():
    # 320 words, all of them recurring: difflib's 'popular element' heuristic (autojunk) would drop every word used
    # in over 1 % of the text from matching and redline the whole clause as replaced; it must show the two words
    from workbench.sharing.redline import changed_lines, redline_text, word_diff

    body = " ".join(["the Parties shall pay"] * 80)
    pieces = word_diff(f"First {body} end", f"Second {body} close")
    assert redline_text(pieces) == f"[-First-]{{+Second+}} {body} [-end-]{{+close+}}"
    assert [p.op for p in pieces] == ["delete", "insert", "equal", "delete", "insert"]
    assert changed_lines(pieces) == [redline_text(pieces)]


# -- rounds and the shared copy ------------------------------------------------------------------------------------

def test_a_history_entry_on_a_clause_since_removed_shows_its_id_and_one_on_no_clause_no_title():
    from workbench.sharing import timeline

    def edit(d):
        d["document"]["history"] = [
            {"round": 1, "date": "2026-11-26", "delegation": "EU", "action": "proposed", "clause_id": "eu-old-levy",
             "summary": "EU tables a levy"},
            {"round": 1, "date": "2026-11-27", "delegation": "US", "action": "shared", "clause_id": None,
             "summary": "US shared the text"}]
    events = [e for e in timeline(edited(default_scenario(), edit).document)[0].events if e.date]
    assert [(e.clause_id, e.clause_title) for e in events] == [("eu-old-levy", "eu-old-levy"), (None, "")]
    assert events[0].text() == "2026-11-26  EU  proposed eu-old-levy - EU tables a levy"


def test_the_shared_copy_records_the_day_given_for_its_sharing():
    package = prepare_share(default_scenario(), "US", today=DAY)
    entry = package.shared.document.history[-1]
    assert (entry.date, entry.delegation, entry.action.value) == ("2026-11-27", "US", "shared")


def test_a_key_folder_that_cannot_be_made_is_refused_with_the_systems_words(tmp_path):
    from workbench.sharing import Keyring
    from workbench.sharing.keys import KeyFileError

    blocker = tmp_path / "app-data"
    blocker.write_text("a file where the app-data folder should be", encoding="utf-8")
    with pytest.raises(KeyFileError) as refused:
        Keyring(blocker).create_own_key("JP")
    import errno
    import os

    assert str(refused.value) == f"cannot make folder {blocker} for the keys ({os.strerror(errno.EEXIST)})"


def test_the_text_diff_leaves_a_blank_line_after_the_parameter_changes():
    from workbench.sharing import compare

    ours = default_scenario()
    theirs = edited(ours, lambda d: clause(d, "ndpr-price-gap")["floor_price"].update(amount=120.0))
    lines = compare(ours, theirs, with_impact=False).to_text().splitlines()
    section = lines.index("Parameter changes (ours -> theirs):")
    assert lines[section + 1].startswith("  ") and lines[section + 2] == "" and lines[section + 3].startswith("Redline")


def test_only_the_lines_holding_a_change_are_listed():
    from workbench.sharing.redline import changed_lines, word_diff

    ours = "1. The Parties agree.\n2. The Parties shall pay 10 a tonne.\n3. Nothing else changes here."
    theirs = "1. The Parties agree.\n2. The Parties shall pay 12 a tonne.\n3. Nothing else changes here."
    assert changed_lines(word_diff(ours, theirs)) == ["2. The Parties shall pay [-10-]{+12+} a tonne."]


def test_the_text_diff_redlines_a_changed_clause_by_its_changed_lines_and_an_added_one_whole():
    from workbench.sharing import compare
    from workbench.sharing.redline import clause_text

    ours = default_scenario()

    def theirs_edit(d):
        clause(d, "ndpr-price-gap")["floor_price"]["amount"] = 120.0
        d["document"]["clauses"].append(dict(clause(d, "usmx-antimony-floor"), id="jp-antimony", title="JP floor"))
    theirs = edited(ours, theirs_edit)
    lines = compare(ours, theirs, with_impact=False).to_text().splitlines()

    def section(title: str) -> list[str]:
        start = lines.index(f"Redline: {title}")
        return lines[start + 1:lines.index("", start)]
    changed = section(f"{ours.document.clause('ndpr-price-gap').title} (changed)")
    whole = clause_text(ours.document.clause("ndpr-price-gap"), ours.document).splitlines()
    assert len(whole) > len(changed) >= 1 and all("{+" in line or "[-" in line for line in changed)
    added = section("JP floor (added)")
    text = clause_text(theirs.document.clause("jp-antimony"), theirs.document)
    assert "\n".join(line[2:] for line in added) == "{+" + text + "+}"        # every line of it, inserted


def test_an_engine_warning_in_the_text_diff_is_cut_at_1000_characters():
    import pandas

    from workbench.sharing.diff import ScenarioDiff

    impact = type("Impact", (), {"table": pandas.DataFrame(), "warnings": ["w" * 1000, "x" * 1001]})()
    lines = ScenarioDiff(clauses=[], settings=[], impact=impact, impact_error=None).to_text().splitlines()
    assert lines[-2:] == ["  warning: " + "w" * 1000, "  warning: " + "x" * 999 + "\u2026"]


@pytest.mark.parametrize("meta, pem, detail", [
    (b'{"delegation": ', None, "(the file looks cut short)"),
    (b'{"name": "JP"}', None, "own.json has no delegation"),
    (b'["JP"]', None, "own.json has no delegation"),
    (b'{"delegation": "japan"}', None, "'japan' is not a delegation code"),
    (None, b"-----BEGIN PRIVATE KEY-----\ngarbage\n-----END PRIVATE KEY-----\n", "own.pem is not a PEM private key"),
])
def test_a_damaged_signing_key_says_which_file_and_why(tmp_path, meta, pem, detail):
    from workbench.sharing import Keyring
    from workbench.sharing.keys import KeyFileError

    ring = Keyring(tmp_path)
    ring.create_own_key("JP")
    if meta is not None:
        (ring.folder / "own.json").write_bytes(meta)
    if pem is not None:
        (ring.folder / "own.pem").write_bytes(pem)
    with pytest.raises(KeyFileError) as refused:
        ring.own_key()
    message = str(refused.value)
    assert message.startswith(f"our signing key in {ring.folder} is unreadable (") and detail in message
    assert message.endswith("); create a new one (Tools > Delegation keys, or workbench-cli keys create --force)")


def test_an_intact_but_unsigned_or_unknown_signers_file_is_not_called_trustworthy(tmp_path):
    from workbench.files import load_scenario, save_scenario
    from workbench.sharing import Keyring, SignatureStatus, verify_origin, write_shared

    path = tmp_path / "ours.cmws"
    save_scenario(path, default_scenario())
    origin = verify_origin(load_scenario(path), Keyring(tmp_path / "keys"))
    assert (origin.status, origin.integrity_ok, origin.trustworthy) == (SignatureStatus.UNSIGNED, True, False)
    signed = tmp_path / "from-eu.cmws"
    write_shared(signed, prepare_share(default_scenario(), "EU", key=Keyring(tmp_path / "eu").create_own_key("EU")))
    origin = verify_origin(load_scenario(signed), Keyring(tmp_path / "keys"))
    assert (origin.status, origin.integrity_ok, origin.trustworthy) == (SignatureStatus.UNKNOWN_KEY, True, False)


def test_the_text_diff_shows_the_fiscal_change_as_the_usd_amount_in_millions():
    # USD 1,350,000 is 1.35 m: shown 1.4 (a divisor a hair off a million would show 1.3)
    import pandas

    from workbench.sharing.diff import ScenarioDiff

    table = pandas.DataFrame({"fiscal_cost_pv_usd_change": [1_350_000.0, -2_000_000_000.0],
                              "consumer_price_change_pct_change": [0.5, 0.0],
                              "producer_price_change_pct_change": [-0.25, 0.0]}, index=["US", "EU"])
    impact = type("Impact", (), {"table": table, "warnings": []})()
    rows = ScenarioDiff(clauses=[], settings=[], impact=impact, impact_error=None).to_text().splitlines()[-2:]
    assert [row.split() for row in rows] == [["US", "1.4", "+0.50", "\u22120.25"],
                                             ["EU", "\u22122,000.0", "\u2013", "\u2013"]]
