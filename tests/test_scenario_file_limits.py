"""The scenario file's size limit, as documented (16 MiB), from both sides, for text handed over in memory."""

from __future__ import annotations

import pytest

from workbench.defaults import default_scenario
from workbench.document import HistoryEntry
from workbench.files import FileFormatError, dumps_scenario, load_scenario, loads_scenario, save_scenario

SIXTEEN_MIB = 16 * 1024 * 1024


def test_content_of_exactly_16_mib_is_read_and_one_byte_more_is_refused():
    text = dumps_scenario(default_scenario())
    at_limit = text + " " * (SIXTEEN_MIB - len(text.encode("utf-8")))  # JSON allows trailing whitespace
    loaded = loads_scenario(at_limit.encode("utf-8"))
    assert loaded.integrity_ok and loaded.scenario == default_scenario()
    with pytest.raises(FileFormatError, match=r"^dropped\.cmws: over the 16,777,216-byte limit$"):
        loads_scenario(at_limit + " ", source="dropped.cmws")


def _history_of_size(target: int):
    """The default scenario with a long round history, so that its file text is exactly ``target`` bytes."""
    base = default_scenario()

    def with_summaries(lengths):
        entries = [HistoryEntry(round=1, date="2026-11-30", delegation="US", action="proposed", summary="x" * n)
                   for n in lengths]
        return base.model_copy(update={"document": base.document.model_copy(update={"history": entries})})

    def size(lengths):
        return len(dumps_scenario(with_summaries(lengths)).encode("utf-8"))

    empty, first = size([]), size([0])
    later = size([0, 0]) - first                  # bytes of one more entry with an empty summary
    k = 1
    while True:                                   # fewest entries whose summaries (at most 2,000 each) fill it
        fill = target - first - (k - 1) * later   # summary characters needed, one byte each
        if fill <= 2000 * k:
            break
        k += 1
    assert fill >= 0 and empty < target
    full, rest = divmod(fill, 2000)
    lengths = [2000] * full + ([rest] + [0] * (k - full - 1) if full < k else [])
    scenario = with_summaries(lengths)
    assert len(dumps_scenario(scenario).encode("utf-8")) == target
    return scenario


@pytest.mark.slow
def test_saving_stops_at_16_mib_and_leaves_the_earlier_file_alone(tmp_path):
    path = tmp_path / "long-talks.cmws"
    at_limit = _history_of_size(SIXTEEN_MIB)
    save_scenario(path, at_limit)
    assert path.stat().st_size == SIXTEEN_MIB
    assert load_scenario(path).integrity_ok
    over = _history_of_size(SIXTEEN_MIB + 1)
    with pytest.raises(FileFormatError, match=r"^scenario too large to save: over the 16 MiB file limit$"):
        save_scenario(path, over)
    assert path.stat().st_size == SIXTEEN_MIB


def test_a_nan_that_slipped_past_validation_never_reaches_a_file():
    # model_copy skips validation; the writer itself still refuses a value JSON cannot hold
    s = default_scenario()
    mandate = s.private.mandate.model_copy(update={"max_consumer_price_increase": {"US": float("nan")}})
    bad = s.model_copy(update={"private": s.private.model_copy(update={"mandate": mandate})})
    with pytest.raises(ValueError, match="not JSON compliant"):
        dumps_scenario(bad)


def test_an_unreadable_file_is_reported_in_one_plain_line(tmp_path, monkeypatch):
    from workbench.files.json_input import JsonInputError, read_limited

    with pytest.raises(JsonInputError) as info:          # a NUL byte in the name: no system error text to give
        read_limited(str(tmp_path / "a\x00b.cmws"), 1000, "a scenario file")
    assert info.value.reason == "cannot read (embedded null byte)"
    path = tmp_path / "locked.cmws"
    path.write_text("{}", encoding="utf-8")

    def denied(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("builtins.open", denied)
    with pytest.raises(JsonInputError) as info:          # the system's words, not "[Errno 13] ..." with the path
        read_limited(path, 1000, "a scenario file")
    assert info.value.reason == "cannot read (Permission denied)"


def test_half_a_character_is_reported_at_its_line():
    from workbench.files.json_input import JsonInputError, parse_json

    for raw, line in ((b'{"title": "\\ud800"}', 1), (b'{\n  "a": 1,\n  "title": "x\\udc00"\n}', 3),
                      (b'\n{"title": "\\ud800"}', 2)):                       # a file that starts with a line break
        with pytest.raises(JsonInputError) as info:
            parse_json(raw, "f.cmws")
        assert info.value.reason.startswith(f"text escape \\u{'dc00' if line == 3 else 'd800'} at line {line} is half")


def test_an_over_long_number_is_quoted_by_its_first_twenty_characters():
    from workbench.files.json_input import JsonInputError, parse_json

    digits = "1234567890" * 5                               # 50 characters, over the limit of 40
    with pytest.raises(JsonInputError) as info:
        parse_json(f'{{"amount": {digits}}}'.encode(), "f.cmws")
    assert info.value.reason == f"number {digits[:20]}... has 50 characters, over the limit of 40"
    assert parse_json(f'{{"amount": {digits[:40]}}}'.encode(), "f.cmws") == {"amount": int(digits[:40])}


def test_a_file_of_exactly_the_limit_is_read_whole_and_one_that_grows_while_read_is_refused(tmp_path, monkeypatch):
    import os
    import pathlib

    from workbench.files.json_input import JsonInputError, read_limited

    path = tmp_path / "limit.cmws"
    path.write_bytes(b"x" * 1000)
    assert read_limited(path, 1000, "a scenario file") == b"x" * 1000            # exactly the limit: all of it
    path.write_bytes(b"x" * 1200)                                                # it grew after it was measured
    seen = os.stat_result((*os.stat(path)[:6], 1000, *os.stat(path)[7:]))      # st_size as measured: 1000
    real_stat = pathlib.Path.stat
    monkeypatch.setattr(pathlib.Path, "stat", lambda self, **kw: seen if self == path else real_stat(self, **kw))
    with pytest.raises(JsonInputError) as info:
        read_limited(path, 1000, "a scenario file")
    assert info.value.reason == "over the 1,000-byte limit"


def test_a_temp_file_of_another_accounts_live_save_is_left_alone(tmp_path, monkeypatch):
    from workbench.files import atomic

    target = tmp_path / "s.cmws"
    target.write_text("{}", encoding="utf-8")
    theirs = tmp_path / f".{target.name}.424242-ab12.tmp"
    theirs.write_bytes(b"partial")

    def kill(pid, signal):          # the process exists but belongs to another account
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(atomic.os, "kill", kill)
    assert atomic.remove_stale_temps(target) == [] and theirs.exists()

    def gone(pid, signal):
        raise ProcessLookupError(3, "No such process")

    monkeypatch.setattr(atomic.os, "kill", gone)
    assert atomic.remove_stale_temps(target) == [theirs] and not theirs.exists()


def test_replacing_a_file_keeps_the_previous_version_as_its_backup_unless_told_not_to(tmp_path):
    from workbench.files.atomic import atomic_write_bytes, backup_path

    path = tmp_path / "s.cmws"
    atomic_write_bytes(path, b"first")
    assert not backup_path(path).exists()                          # nothing to keep yet
    atomic_write_bytes(path, b"second")
    assert path.read_bytes() == b"second" and backup_path(path).read_bytes() == b"first"
    atomic_write_bytes(path, b"third", keep_backup=False)
    assert backup_path(path).read_bytes() == b"first"


def test_a_save_whose_backup_cannot_be_written_fails_and_leaves_the_file_as_it_was(tmp_path, monkeypatch):
    from workbench.files import SaveError, atomic

    path = tmp_path / "s.cmws"
    atomic.atomic_write_bytes(path, b"first")

    def disk_full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.shutil, "copyfile", disk_full)
    with pytest.raises(SaveError, match="No space left on device; the previous file is unchanged"):
        atomic.atomic_write_bytes(path, b"second")
    assert path.read_bytes() == b"first" and [p.name for p in tmp_path.iterdir()] == ["s.cmws"]


def test_json_that_ends_where_more_was_expected_looks_cut_short_and_a_wrong_character_does_not():
    from workbench.files.json_input import JsonInputError, parse_json

    with pytest.raises(JsonInputError) as info:
        parse_json(b'{"a": 1,', "f.cmws")                 # ends right after the comma
    assert info.value.reason.endswith("(the file looks cut short)")
    with pytest.raises(JsonInputError) as info:
        parse_json(b'{"a": 1,}', "f.cmws")                # a closing brace where a name belongs
    assert "cut short" not in info.value.reason and "line 1, column 9" in info.value.reason
