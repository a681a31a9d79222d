"""Files from other delegations are untrusted: the hostile corpus, and no control character from a file ever reaches
the terminal (property tests over diff, verify, validate and evaluate)."""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.cli.main import main
from workbench.defaults import default_scenario
from workbench.document import Scenario, ScenarioValidationError
from workbench.files import load_scenario, save_scenario
from workbench.files.scenario_file import CURRENT_SCHEMA, _private_hash, canonical_bytes, document_data
from workbench.untrusted_text import STEERING_CHARS, shown

CORPUS = Path(__file__).parent / "fixtures" / "hostile"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
CASES = [(name, i) for name, runs in EXPECTED.items() if not name.startswith("_") for i in range(len(runs))]


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path / "app-data"))


def _run(argv: list[str], capsys) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def _no_steering(*outputs: str) -> None:
    for text in outputs:
        assert [ch for ch in STEERING_CHARS.findall(text) if ch not in "\n\t"] == []


def test_every_corpus_file_has_an_expected_outcome():
    assert sorted(p.name for p in CORPUS.glob("*.cmws")) == sorted(n for n in EXPECTED if not n.startswith("_"))


@pytest.mark.parametrize("name,run", CASES, ids=[f"{n}-{i}" for n, i in CASES])
def test_hostile_corpus_gives_the_expected_one_line_outcome(name, run, tmp_path, capsys):
    case = EXPECTED[name][run]
    argv = [a.format(file=CORPUS / name, clean=CORPUS / "clean.cmws", out=tmp_path / "out.cmws")
            for a in case["argv"]]
    status, out, err = _run(argv, capsys)
    _no_steering(out, err)
    assert status == case["exit"], err
    if status == 1:  # one line: the error on stderr (verify says what it found on stdout instead)
        said = err or out
        assert len(said.splitlines()) == 1, said
        assert case["line"] in said and len(said) < 500
    else:
        assert case["line"] in out and case.get("stdout", "") in out, out
        warnings = [line for line in err.splitlines() if line.startswith("warning: ")]
        assert (case["warning"] in "\n".join(warnings)) if "warning" in case else warnings == [], err


def test_a_huge_value_in_an_error_is_cut_to_one_short_line(tmp_path, capsys):
    path = tmp_path / "huge.cmws"
    path.write_text(json.dumps({"format": "\x1b[2K" + "x" * 2_000_000, "schema_version": 2}), encoding="utf-8")
    status, out, err = _run(["validate", str(path)], capsys)
    assert status == 1 and out == "" and len(err.splitlines()) == 1
    assert len(err) < 300 and "(format is '\\x1b[2Kxxx" in err and "\u2026, expected 'cmw-scenario')" in err


def test_text_with_control_characters_is_refused_naming_the_field():
    data = default_scenario().to_data()
    data["document"]["clauses"][2]["title"] = "CfD\x1b[2K"
    data["document"]["metadata"]["title"] = "two\nlines"
    data["private"]["notes"] = "tabs\tand\nline breaks are text"
    with pytest.raises(ScenarioValidationError) as info:
        Scenario.from_data(data)
    assert [str(i) for i in info.value.issues] == [
        "document.metadata.title: holds a line break (U+000A): this field is one line of text",
        "document.clauses[2].title: holds the control character U+001B; only tab is allowed"]


def test_a_file_with_control_characters_is_stripped_on_load_with_a_warning_and_the_hash_checked_as_received(
        tmp_path):
    loaded = load_scenario(CORPUS / "esc_in_title.cmws")
    title = loaded.scenario.document.clauses[0].title
    assert title == "NdPr oxide border-adjusted price floor[1A[2K[1A[2K"
    assert loaded.integrity_ok and loaded.warnings[0].startswith("control characters removed from 1 text field(s)")
    assert loaded.received_hash == json.loads((CORPUS / "esc_in_title.cmws").read_text())["integrity"]["document"]
    save_scenario(tmp_path / "cleaned.cmws", loaded.scenario)  # saving writes the cleaned text under a new hash
    again = load_scenario(tmp_path / "cleaned.cmws")
    assert again.integrity_ok and again.warnings == [] and again.scenario == loaded.scenario


def test_a_stripped_file_whose_text_was_changed_is_still_caught(tmp_path):
    data = json.loads((CORPUS / "esc_in_title.cmws").read_text(encoding="utf-8"))
    data["document"]["clauses"][0]["floor_price"]["amount"] = 60.0
    path = tmp_path / "t.cmws"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert not load_scenario(path).integrity_ok


def test_verify_says_plainly_that_a_schema_1_file_has_no_content_hash(capsys):
    status, out, err = _run(["verify", str(Path(__file__).parent / "fixtures" / "schema1" / "prototype_round1.cmws")],
                            capsys)
    assert status == 0
    assert "unsigned; no content hash (schema 1 layout); round 1, dated " in out
    assert "schema 1 file: that layout had no content hash" in err


def test_share_refuses_a_signed_copy_whose_signature_no_longer_matches(tmp_path, capsys):
    own, shared, resigned = tmp_path / "us.cmws", tmp_path / "shared.cmws", tmp_path / "again.cmws"
    save_scenario(own, default_scenario())
    assert main(["keys", "create", "--delegation", "US"]) == 0
    assert main(["share", str(own), "-o", str(shared)]) == 0
    data = json.loads(shared.read_text(encoding="utf-8"))
    data["document"]["clauses"][0]["floor_price"]["amount"] = 60.0  # changed, and the content hash fixed up
    data["integrity"]["document"] = "sha256:" + hashlib.sha256(canonical_bytes(data["document"])).hexdigest()
    shared.write_text(json.dumps(data), encoding="utf-8")
    capsys.readouterr()
    status, out, err = _run(["share", str(shared), "-o", str(resigned)], capsys)
    assert status == 1 and not resigned.exists()
    assert err.splitlines() == [f"workbench-cli share: {shared}: not shared: signature does not match (the text was "
                                "changed after it was signed): the file was changed after it was signed"]


# --- property tests: nothing from the file reaches the terminal raw ------------------------------------------------
_STEERING = st.sampled_from(["\x1b[2K", "\x1b[1A", "\x07", "\r", "\x1b]0;t\x07", "\x9b2J", "\x00", "\x7f", "\x1b",
                             "\u202e", "\u2028", "\x08", "\n"])
_HOSTILE = st.lists(st.one_of(_STEERING, st.text(max_size=6)), min_size=1, max_size=6).map("".join)
_FIELDS = [("document", "metadata", "title"), ("document", "metadata", "description"),
           ("document", "partners", 1, "name"), ("document", "clauses", 0, "title"),
           ("document", "clauses", 2, "text_note"), ("document", "minerals", 0, "name"), ("private", "notes")]


def _hostile_file(path: Path, where: tuple, text: str, envelope_key: str | None) -> None:
    """The default scenario with ``text`` put at ``where``, hashed as received (as an older workbench wrote it)."""
    data = default_scenario().to_data()
    node = data
    for part in where[:-1]:
        node = node[part]
    node[where[-1]] = (node[where[-1]] + text)[:190] or "x"
    scenario = Scenario.model_validate(data)
    doc, private = document_data(scenario), scenario.private.model_dump(mode="json")
    env = {"format": "cmw-scenario", "schema_version": CURRENT_SCHEMA, "app_version": "0.1.0",
           "integrity": {"document": "sha256:" + hashlib.sha256(canonical_bytes(doc)).hexdigest(),
                         "private": _private_hash(private)},
           "document": doc, "private": private}
    if envelope_key is not None:
        env[envelope_key] = 1
    path.write_text(json.dumps(env, ensure_ascii=False), encoding="utf-8")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(where=st.sampled_from(_FIELDS), text=_HOSTILE, key=st.one_of(st.none(), _HOSTILE),
       command=st.sampled_from(["diff", "verify", "validate", "evaluate"]))
def test_no_output_holds_a_control_character_from_the_file(tmp_path_factory, capsys, where, text, key, command):
    folder = tmp_path_factory.mktemp("p")
    path, clean = folder / "theirs.cmws", folder / "ours.cmws"
    _hostile_file(path, where, text, key)
    save_scenario(clean, default_scenario())
    argv = {"diff": ["diff", str(clean), str(path), "--no-impact"]}.get(command, [command, str(path)])
    status, out, err = _run(argv, capsys)
    _no_steering(out, err)
    assert status in (0, 1) and "internal error" not in err
    if status == 1:
        assert len(err.splitlines()) == 1


def test_shown_escapes_every_steering_character_and_caps_the_line():
    assert shown("a\x1b[2Kb\nc\td\r\u202e\x9b") == "a\\u001b[2Kb\\nc\\td\\r\\u202e\\u009b"
    assert shown("x" * 1000) == "x" * 299 + "\u2026"
    assert shown(copy.copy("plain text, em dash \u2014 kept")) == "plain text, em dash \u2014 kept"


# --- key store permissions ------------------------------------------------------------------------------------------
def test_the_key_store_is_private_whatever_the_umask_and_repaired_when_opened(tmp_path, capsys):
    import os

    from workbench.sharing import Keyring

    data = tmp_path / "app-data"
    umask = os.umask(0)
    try:
        ring = Keyring(data)
        ring.create_own_key("US")
    finally:
        os.umask(umask)
    modes = {p.relative_to(data).as_posix(): p.stat().st_mode & 0o777 for p in [data, *data.rglob("*")]}
    assert modes == {".": 0o700, "keys": 0o700, "keys/trusted": 0o700, "keys/own.pem": 0o600,
                     "keys/own.json": 0o600, f"keys/trusted/{ring.own_key().public.key_id}.cmwkey": 0o600}
    os.chmod(data / "keys", 0o777)
    os.chmod(data / "keys" / "own.pem", 0o644)
    os.chmod(data, 0o777)
    assert main(["keys", "list"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err == [f"warning: {data} was open to other accounts (mode 777); set to 755",
                   f"warning: {data / 'keys'} was open to other accounts (mode 777); set to 700",
                   f"warning: {data / 'keys' / 'own.pem'} was open to other accounts (mode 644); set to 600"]
    assert Keyring(data).repairs == []


def test_key_folders_made_under_a_umask_without_the_owners_write_bit_are_still_ours_to_write(tmp_path):
    import os

    from workbench.sharing import Keyring

    data = tmp_path / "app-data"
    data.mkdir()
    umask = os.umask(0o277)                 # new folders would be r-x for the owner only
    try:
        ring = Keyring(data)
        ring.create_own_key("US")
    finally:
        os.umask(umask)
    assert {p.name: p.stat().st_mode & 0o777 for p in (data / "keys", data / "keys" / "trusted")} == \
        {"keys": 0o700, "trusted": 0o700}
    assert ring.own_key().delegation == "US"
