"""Scenario files: round trips, hostile and damaged files, newer versions, migrations and atomic saves."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scenario_strategies import scenarios
from workbench.cli.main import main as cli_main
from workbench.defaults import default_scenario
from workbench.files import (
    CURRENT_SCHEMA, FileFormatError, MAX_FILE_BYTES, NewerVersionError, SaveError, dumps_scenario, load_scenario,
    loads_scenario, save_scenario,
)
from workbench.files import atomic

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture()
def saved(tmp_path) -> Path:
    path = tmp_path / "talks.cmws"
    save_scenario(path, default_scenario())
    return path


def _snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_save_then_load_is_the_identity(tmp_path_factory, scenario):
    path = tmp_path_factory.mktemp("rt") / "s.cmws"
    save_scenario(path, scenario)
    loaded = load_scenario(path)
    assert loaded.scenario == scenario
    assert loaded.integrity_ok and loaded.warnings == []
    assert dumps_scenario(loaded.scenario) == path.read_text(encoding="utf-8")


def test_default_scenario_round_trips_and_is_readable_json(saved):
    text = saved.read_text(encoding="utf-8")
    assert text.endswith("\n") and text.startswith('{\n  "format": "cmw-scenario"')
    assert "\u2014" in text  # UTF-8, not escaped
    assert load_scenario(saved).scenario == default_scenario()


def test_hash_ignores_private_block_but_covers_the_document():
    s = default_scenario()
    noted = s.model_copy(update={"private": s.private.model_copy(update={"notes": "fallback 120"})})
    h1 = json.loads(dumps_scenario(s))["integrity"]["document"]
    assert json.loads(dumps_scenario(noted))["integrity"]["document"] == h1
    retitled = s.model_copy(update={"document": s.document.model_copy(
        update={"metadata": s.document.metadata.model_copy(update={"title": "other"})})})
    assert json.loads(dumps_scenario(retitled))["integrity"]["document"] != h1


@pytest.mark.parametrize("cut", [0, 1, 10, 100, 1000, 5000, -2])
def test_truncated_file_gives_clean_error_and_is_untouched(saved, cut):
    raw = saved.read_bytes()
    saved.write_bytes(raw[:cut] if cut >= 0 else raw[:cut - 1])
    before = _snapshot(saved)
    with pytest.raises(FileFormatError) as info:
        load_scenario(saved)
    assert str(saved) in str(info.value) and "\n" not in str(info.value)
    assert _snapshot(saved) == before


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_mutated_bytes_never_crash_and_never_pass_silently(data):
    raw = bytearray(dumps_scenario(default_scenario()).encode("utf-8"))
    for _ in range(data.draw(st.integers(1, 4))):
        pos = data.draw(st.integers(0, len(raw) - 1))
        raw[pos] = data.draw(st.integers(0, 255))
    try:
        loaded = loads_scenario(bytes(raw))
    except FileFormatError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    # a mutation that still parses must either change nothing the hash covers or be flagged
    same = loaded.scenario == default_scenario()
    assert same or not loaded.integrity_ok


@pytest.mark.parametrize("edit, expected", [
    (lambda d: d.__setitem__("format", "something-else"), "not a scenario file"),
    (lambda d: d.__setitem__("schema_version", "2"), "schema_version must be a positive whole number"),
    (lambda d: d["document"]["partners"].__setitem__(0, "US"), "document.partners[0]"),
    (lambda d: d["document"]["clauses"][0]["floor_price"].__setitem__("amount", "110"),
     "document.clauses[0].floor_price.amount"),
    (lambda d: d["document"]["assumptions"].__setitem__("discount_rate", 7), "document.assumptions.discount_rate"),
    (lambda d: d.__setitem__("macro", {"run": "rm -rf /"}), "unknown top-level field 'macro'"),
    (lambda d: d.pop("integrity"), "integrity.document"),
    (lambda d: d.__setitem__("signature", {"algorithm": "rsa"}), "signature"),
])
def test_wrong_types_and_fields_are_named(tmp_path, edit, expected):
    data = json.loads(dumps_scenario(default_scenario()))
    edit(data)
    path = tmp_path / "bad.cmws"
    path.write_text(json.dumps(data), encoding="utf-8")
    before = _snapshot(path)
    with pytest.raises(FileFormatError) as info:
        load_scenario(path)
    assert expected in str(info.value)
    assert _snapshot(path) == before


@pytest.mark.parametrize("raw, expected", [
    (b'{"format": "cmw-scenario", "format": "x"}', "appears twice"),
    (b'{"format": "cmw-scenario", "schema_version": NaN}', "NaN is not a valid number"),
    (b"[" * 200 + b"]" * 200, "nested 200 levels deep"),
    (b'\xff\xfe{"a": 1}', "not UTF-8"),
    (b"\x80\x04\x95pickle", "not UTF-8"),
    (b'"just a string"', "top level is not a JSON object"),
])
def test_hostile_content_is_rejected_without_evaluation(raw, expected):
    with pytest.raises(FileFormatError) as info:
        loads_scenario(raw)
    assert expected in str(info.value)


def test_oversized_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.cmws"
    with open(path, "wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(FileFormatError, match="over the .*-byte limit"):
        load_scenario(path)


def test_newer_version_gives_clear_message_and_is_never_overwritten_by_validate(tmp_path):
    data = json.loads(dumps_scenario(default_scenario()))
    data["schema_version"] = CURRENT_SCHEMA + 1
    data["document"]["new_feature"] = {"x": 1}
    path = tmp_path / "future.cmws"
    path.write_text(json.dumps(data), encoding="utf-8")
    before = _snapshot(path)
    with pytest.raises(NewerVersionError, match="newer workbench .*Update the workbench"):
        load_scenario(path)
    assert _snapshot(path) == before


def test_edited_document_is_flagged_as_altered(saved):
    text = saved.read_text(encoding="utf-8").replace('"amount": 110', '"amount": 99', 1)
    loaded = loads_scenario(text)
    assert not loaded.integrity_ok
    assert "content hash does not match" in loaded.warnings[0]


def test_schema1_fixture_migrates_and_moves_notes_to_private():
    path = FIXTURES / "schema1" / "prototype_round1.cmws"
    before = _snapshot(path)
    loaded = load_scenario(path)
    s = loaded.scenario
    assert loaded.migrated and loaded.source_schema == 1 and "converted from schema 1" in loaded.warnings[0]
    assert s.private.notes == "Fallback: accept USD 100/kg if JP joins the CfD."
    assert s.private.mandate.fiscal_ceiling_per_year["US"].amount == 500_000_000
    floor = s.document.clause("ndpr-floor").floor_price
    assert (floor.amount, floor.currency.value, floor.per.value) == (110, "USD", "kg")
    buy = s.document.clause("indium-buy")
    assert buy.annual_volume.tonnes() == 133.5 and buy.agreed_price.amount == 312.5
    assert "notes" not in s.document.metadata.model_dump()
    assert _snapshot(path) == before
    again = loads_scenario(dumps_scenario(s))
    assert again.scenario == s and not again.migrated and again.integrity_ok


def test_invalid_scenario_is_never_written(saved):
    s = default_scenario()
    bad = s.model_copy(update={"private": s.private.model_copy(update={"notes": "x" * 100_001})})
    before = saved.read_bytes()
    with pytest.raises(FileFormatError, match="not saved: private.notes"):
        save_scenario(saved, bad)
    assert saved.read_bytes() == before


def test_save_keeps_previous_version_as_backup(saved):
    first = saved.read_bytes()
    s = default_scenario()
    changed = s.model_copy(update={"private": s.private.model_copy(update={"notes": "second save"})})
    save_scenario(saved, changed)
    assert atomic.backup_path(saved).read_bytes() == first
    assert load_scenario(saved).scenario.private.notes == "second save"


def _changed():
    s = default_scenario()
    return s.model_copy(update={"private": s.private.model_copy(update={"notes": "new text"})})


def test_exception_mid_write_leaves_old_file_and_no_temp(saved, monkeypatch):
    before = saved.read_bytes()

    def boom(fd):
        raise RuntimeError("power cut")

    monkeypatch.setattr(atomic.os, "fsync", boom)
    with pytest.raises(RuntimeError):
        save_scenario(saved, _changed())
    assert saved.read_bytes() == before
    assert sorted(p.name for p in saved.parent.iterdir()) == [saved.name]


@pytest.mark.parametrize("size", [119, 40_000], ids=["a key file", "a scenario"])
def test_every_byte_is_in_the_file_when_it_is_forced_to_disk(tmp_path, monkeypatch, size):
    # fsync only makes durable what the file holds: Python's write buffer (8 KiB) must be flushed first, or a power
    # cut after saving a small file (a private key is about 119 bytes) could leave it empty
    sizes = []
    real_fsync = atomic.os.fsync

    def recording(fd):
        sizes.append(os.fstat(fd).st_size)
        return real_fsync(fd)

    monkeypatch.setattr(atomic.os, "fsync", recording)
    path = tmp_path / "own.pem"
    atomic.atomic_write_bytes(path, b"k" * size, keep_backup=False)
    assert sizes[0] == size == path.stat().st_size


@pytest.mark.skipif(os.name != "posix", reason="folders are synced on POSIX systems")
def test_the_folder_is_forced_to_disk_after_the_rename(tmp_path, monkeypatch):
    # the rename lives in the folder: until the folder is synced a power cut can bring back the old file
    import stat

    synced = []
    real_fsync = atomic.os.fsync

    def recording(fd):
        folder = stat.S_ISDIR(os.fstat(fd).st_mode)
        synced.append((folder, (tmp_path / "s.cmws").exists() and (tmp_path / "s.cmws").read_bytes() == b"new"))
        return real_fsync(fd)

    (tmp_path / "s.cmws").write_bytes(b"old")
    monkeypatch.setattr(atomic.os, "fsync", recording)
    atomic.atomic_write_bytes(tmp_path / "s.cmws", b"new", keep_backup=False)
    assert synced == [(False, False), (True, True)]   # the new file's bytes, then the folder holding the rename


def test_full_disk_leaves_old_file_and_reports_it(saved, monkeypatch):
    before = saved.read_bytes()
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, data):
            self.fh.write(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fdopen", lambda fd, mode: FullDisk(real_fdopen(fd, mode)))
    with pytest.raises(SaveError, match="No space left on device; the previous file is unchanged"):
        save_scenario(saved, _changed())
    assert saved.read_bytes() == before
    assert [p.name for p in saved.parent.iterdir()] == [saved.name]


_SAVER = """
import sys
from workbench.defaults import default_scenario
from workbench.files import save_scenario
s = default_scenario()
variants = [s.model_copy(update={"private": s.private.model_copy(
                update={"notes": ch, "internal_comments": [ch * 90_000] * 5})})
            for ch in "ab"]
print("ready", flush=True)
i = 0
while True:
    save_scenario(sys.argv[1], variants[i % 2])
    i += 1
"""


def test_killed_child_process_mid_save_never_damages_the_file(saved):
    for delay in (0.05, 0.13, 0.29, 0.41):
        proc = subprocess.Popen([sys.executable, "-c", _SAVER, str(saved)], stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        loaded = load_scenario(saved).scenario
        assert loaded.private.notes in ("", "a", "b")
        save_scenario(saved, loaded)  # a killed writer may leave its temp file: the next save removes it
        assert list(saved.parent.glob(".*.tmp")) == []


def test_the_next_save_removes_stale_temp_files_of_that_file_only(saved):
    old = time.time() - 2 * atomic.STALE_AFTER_S
    dead = saved.parent / f".{saved.name}.999999999-ab12cd34.tmp"          # its process is gone
    unnamed = saved.parent / f".{saved.name}.k3j4h5g6.tmp"                 # written before ids were in the name
    backup = saved.parent / f".{saved.name}.bak.999999999-zz.tmp"          # an interrupted backup copy
    live = saved.parent / f".{saved.name}.{os.getppid()}-qq.tmp"           # a save under way elsewhere
    fresh = saved.parent / f".{saved.name}.n0w1s2h3.tmp"                   # too new to call stale
    other = saved.parent / ".other.cmws.999999999-ab12cd34.tmp"            # another file's
    for p in (dead, unnamed, backup, live, fresh, other):
        p.write_bytes(b"partial")
    os.utime(unnamed, (old, old))
    save_scenario(saved, _changed())
    assert sorted(p.name for p in saved.parent.glob(".*.tmp")) == sorted(p.name for p in (live, fresh, other))


def test_cli_validate_exit_codes_and_one_line_reasons(saved, tmp_path, capsys):
    assert cli_main(["validate", str(saved)]) == 0
    assert "valid (schema 3, 4 partners, 6 minerals, 7 clauses, 3 stress tests)" in capsys.readouterr().out
    bad = tmp_path / "bad.cmws"
    bad.write_text(saved.read_text(encoding="utf-8").replace('"amount": 110', '"amount": -110', 1), encoding="utf-8")
    assert cli_main(["validate", str(bad)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "floor_price.amount" in err and "-110" in err and "Traceback" not in err
    with pytest.raises(SystemExit) as info:
        cli_main(["validate"])
    assert info.value.code == 2


def test_cli_new_writes_the_default_and_refuses_to_overwrite(tmp_path, capsys):
    out = tmp_path / "new.cmws"
    assert cli_main(["new", "-o", str(out)]) == 0
    assert load_scenario(out).scenario == default_scenario()
    assert cli_main(["new", "-o", str(out)]) == 1
    assert "already exists" in capsys.readouterr().err


def test_save_keeps_the_permissions_of_the_file_it_replaces(saved):
    os.chmod(saved, 0o640)
    save_scenario(saved, _changed())
    assert saved.stat().st_mode & 0o777 == 0o640


def test_new_file_gets_the_usual_permissions_and_a_private_mode_is_never_widened(tmp_path):
    umask = os.umask(0o022)
    try:
        save_scenario(tmp_path / "new.cmws", default_scenario())
        atomic.atomic_write_bytes(tmp_path / "secret.pem", b"k", mode=0o600)
    finally:
        os.umask(umask)
    assert (tmp_path / "new.cmws").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "secret.pem").stat().st_mode & 0o777 == 0o600


def test_schema2_fixture_reads_unchanged_with_its_hash_checked():
    path = FIXTURES / "schema2" / "default_2026_round1.cmws"
    before = _snapshot(path)
    loaded = load_scenario(path)
    assert loaded.source_schema == 2 and loaded.migrated and loaded.integrity_ok
    assert "converted from schema 2; saving writes schema 3" in loaded.warnings[0]
    doc = loaded.scenario.document
    assert doc.stress_tests == [] and all(getattr(c, "release_rule", None) is None for c in doc.clauses)
    # the document hash is the one stored under schema 2: signatures over it still verify
    import json as _json
    stored = _json.loads(path.read_text(encoding="utf-8"))["integrity"]["document"]
    from workbench.files import document_hash
    assert document_hash(loaded.scenario) == stored
    tampered = path.read_text(encoding="utf-8").replace('"amount": 110', '"amount": 99', 1)
    assert not loads_scenario(tampered).integrity_ok
    assert _snapshot(path) == before
    again = loads_scenario(dumps_scenario(loaded.scenario))
    assert again.scenario == loaded.scenario and again.source_schema == 3 and '"stress_tests"' not in \
        dumps_scenario(loaded.scenario)
