"""``workbench-cli`` never shows a traceback: a bad input is exit 1 (2 for usage) with one line naming it."""

from __future__ import annotations

import errno
import io
import json
import os
import sys
import tempfile

import pytest

from workbench.cli.main import main
from workbench.defaults import default_scenario
from workbench.files import MAX_FILE_BYTES, dumps_scenario
from workbench.sharing import Keyring

SCENARIO_COMMANDS = [  # each reads one scenario file given as {in}
    ["validate", "{in}"],
    ["evaluate", "{in}"],
    ["calibration", "{in}"],
    ["export", "{in}", "-o", "{w}/out.xlsx"],
    ["share", "{in}", "-o", "{w}/shared.cmws", "--no-sign"],
    ["diff", "{good}", "{in}", "--no-impact"],
    ["diff", "{in}", "{good}", "--no-impact"],
    ["verify", "{in}"],
]

BAD_SCENARIOS = {  # name -> (file content, or None for no file; what the message says)
    "missing": (None, "no such file"),
    "empty": (b"", "the file is empty"),
    "binary": (bytes(range(256)) * 8, "not UTF-8 text"),
    "truncated": (lambda good: good[: len(good) // 2], "the file looks cut short"),
    "not an object": (b"[1, 2]", "top level is not a JSON object"),
    "newer schema": (lambda good: good.replace(b'"schema_version": 3', b'"schema_version": 99'),
                     "written by a newer workbench (schema 99"),
    "wrong type": (lambda good: good.replace(b'"discount_rate": 0.03', b'"discount_rate": "0.03"'),
                   "document.assumptions.discount_rate: Input should be a valid number"),
    "number out of range": (lambda good: good.replace(b'"discount_rate": ', b'"discount_rate": 1e400, "x": '),
                            "number 1e400 is out of range"),
    "number too long": (lambda good: good.replace(b'"schema_version": 3', b'"schema_version": 3' + b"0" * 5000),
                        "has 5001 characters"),
    "NaN": (lambda good: good.replace(b'"discount_rate": 0.', b'"discount_rate": NaN, "x": 0.'),
            "NaN is not a valid number"),
    "deep nesting": (b"[" * 100_000 + b"]" * 100_000, "nested 100000 levels deep"),
    "duplicate key": (b'{"format": "cmw-scenario", "format": "x"}', "key 'format' appears twice"),
    "unclosed escapes": (b'"' + b'\\"' * 200_000, "not valid JSON"),  # once quadratic in the nesting check
    "lone surrogate": (lambda good: good.replace(b'"title": "', b'"title": "\\ud800', 1), "lone UTF-16 surrogate"),
    "schema 1 without scenario": (b'{"format": "cmw-scenario", "schema_version": 1}',
                                  "schema 1 file: scenario: required object is missing"),
    "schema 1 clause not an object": (b'{"format": "cmw-scenario", "schema_version": 1, "scenario": {"clauses": [1]}}',
                                      "schema 1 file: scenario.clauses[0]: must be an object"),
    "folder": ("folder", "is a folder, not a scenario file"),
    "pipe": ("pipe", "is a device or a pipe, not a scenario file"),  # reading it would wait for a writer
    "oversized": ("oversized", "over the 16,777,216-byte limit"),
}

GSIM = {
    "regions": ["US", "JP", "EU", "RW"],
    "trade": [[0, 50, 200, 300], [500, 0, 150, 200], [300, 100, 200, 200], [50, 100, 110, 20]],
    "tariffs_initial": [[1.0, 1.21, 1.41, 1.22], [1.37, 1.0, 1.31, 1.23], [1.32, 1.36, 1.0, 1.18],
                        [1.57, 1.41, 1.25, 1.15]],
    "tariffs_final": [[1.0, 1.21, 1.0, 1.22], [1.37, 1.0, 1.31, 1.23], [1.0, 1.36, 1.0, 1.18],
                      [1.57, 1.41, 1.25, 1.15]],
    "import_demand_elasticity": -1.25, "export_supply_elasticity": 1.5, "substitution_elasticity": 5,
}


def _gsim(**changes) -> bytes:
    return json.dumps({**GSIM, **changes}).encode()


BAD_GSIM = {  # name -> (file content; what the message says)
    "empty": (b"", "the file is empty"),
    "binary": (bytes(range(256)), "not UTF-8 text"),
    "not an object": (b"[]", "expected a JSON object"),
    "missing field": (json.dumps({"regions": ["A", "B"]}).encode(), "missing field(s) trade"),
    "NaN": (_gsim().replace(b"-1.25", b"NaN"), "NaN is not a valid number"),
    "infinite": (_gsim().replace(b"-1.25", b"-1e999"), "number -1e999 is out of range"),
    "huge integer": (_gsim(substitution_elasticity=10 ** 400), "has 401 characters"),
    "negative elasticity": (_gsim(export_supply_elasticity=-1),
                            "export_supply_elasticity[0]: must be between 0.01 and 100 (> 0), got -1"),
    "positive import elasticity": (_gsim(import_demand_elasticity=[-1, 1, -1, -1]),
                                   "import_demand_elasticity[1]: must be between -100 and -0.01 (< 0), got 1"),
    "wrong shape": (_gsim(trade=[[1, 2], [3, 4]]), "trade: must be a 4x4 matrix"),
    "ragged": (_gsim(trade=[[1, 2, 3, 4], [1, 2]]), "trade: must be a 4x4 matrix"),
    "text matrix": (_gsim(trade="lots"), "trade: must be a 4x4 matrix"),
    "vector length": (_gsim(substitution_elasticity=[1, 2]),
                      "substitution_elasticity: must be a number or a list of 4"),
    "boolean": (_gsim(substitution_elasticity=True), "substitution_elasticity"),
    "regions": (_gsim(regions=["A", 1, "C", "D"]), "regions: must be a list of at least 2 distinct names"),
    "huge trade": (_gsim(trade=[[1e308] * 4] * 4), "trade[0][0]: must be between 0 and 1e+15, got 1e+308"),
    "huge tariff": (_gsim(tariffs_final=[[100] * 4] * 4),
                    "tariffs_final[0][0]: a tariff power 1 + t must be between 1 and 11 (a tariff of at most 1,000 %), "
                    "got 100"),
    "huge elasticity": (_gsim(substitution_elasticity=1e300),
                        "substitution_elasticity[0]: must be between 0.01 and 100 (> 0), got 1e+300"),
    "tiny elasticity": (_gsim(import_demand_elasticity=-1e-300),
                        "import_demand_elasticity[0]: must be between -100 and -0.01 (< 0), got -1e-300"),
    "deep nesting": (b"[" * 5000 + b"]" * 5000, "nested 5000 levels deep"),
    "oversized": (b" " * (1024 * 1024 + 1), "over the 1,048,576-byte limit"),
}

KEY = {"format": "cmw-public-key", "version": 1, "algorithm": "ed25519", "delegation": "EU",
       "key_id": "0" * 16, "public_key": "AAAA"}

BAD_KEYS = {  # name -> (file content; what the message says)
    "empty": (b"", "not JSON text: the file is empty"),
    "binary": (bytes(range(256)), "not JSON text: not UTF-8"),
    "deep nesting": (b"[" * 4000, "not JSON text: nested 4000 levels deep"),
    "oversized": (b" " * 5000, "over the 4,096-byte limit"),
    "duplicate key": (b'{"format": "cmw-public-key", "format": "x"}', "appears twice"),
    "wrong format": (json.dumps({**KEY, "format": "pem"}).encode(), "format is not 'cmw-public-key'"),
    "extra field": (json.dumps({**KEY, "macro": "x"}).encode(), "must have exactly the fields"),
    "version true": (json.dumps({**KEY, "version": True}).encode(), "got version True"),
    "delegation list": (json.dumps({**KEY, "delegation": ["EU"]}).encode(), "is not a delegation code"),
    "key id": (json.dumps({**KEY, "key_id": "x"}).encode(), "key_id must be 16 hex digits (got 'x')"),
    "key not text": (json.dumps({**KEY, "public_key": None}).encode(), "public_key must be base64 text (got 'None')"),
    "bad base64": (json.dumps({**KEY, "public_key": "@@@"}).encode(), "public_key is not base64 text"),
    "short key": (json.dumps(KEY).encode(), "public_key must be 32 bytes (got 3)"),
}


@pytest.fixture
def work(tmp_path, monkeypatch):
    """A folder with a valid scenario (good.cmws), a plain file (afile) and an empty app-data folder."""
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "good.cmws").write_text(dumps_scenario(default_scenario()), encoding="utf-8")
    (tmp_path / "afile").write_text("not a folder")
    return tmp_path


def _run(argv: list[str], capsys) -> tuple[int, str]:
    """Exit status and stderr of one in-process run; any exception other than SystemExit fails the test."""
    try:
        status = main(argv)
    except SystemExit as exc:
        status = exc.code
    return status, capsys.readouterr().err


def _one_line_failure(status: int, err: str, *expected: str, code: int = 1) -> None:
    assert status == code, err
    lines = err.splitlines()
    if code == 1:
        assert len(lines) == 1, err
    else:  # usage errors: argparse's usage, then one line with the message
        assert lines[0].startswith("usage: ") and lines[-1].startswith("workbench-cli"), err
    assert "internal error" not in err and "Traceback" not in err
    for text in expected:
        assert text in lines[-1], err


def _fill(argv: list[str], **names: str) -> list[str]:
    return [a.format(**names) for a in argv]


def _write_bad(work, name: str, content) -> str:
    if content is None:
        return str(work / "missing.cmws")
    path = work / f"bad-{name.replace(' ', '-')}.cmws"
    if content == "folder":
        path.mkdir()
    elif content == "pipe":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no named pipes on this platform")
        os.mkfifo(path)
    elif content == "oversized":
        with open(path, "wb") as fh:
            fh.truncate(MAX_FILE_BYTES + 1)
    else:
        path.write_bytes(content((work / "good.cmws").read_bytes()) if callable(content) else content)
    return str(path)


@pytest.mark.parametrize("argv", SCENARIO_COMMANDS, ids=lambda a: " ".join(a[:2]))
@pytest.mark.parametrize("bad", list(BAD_SCENARIOS))
def test_bad_scenario_files_are_one_line_failures(work, capsys, argv, bad):
    content, expected = BAD_SCENARIOS[bad]
    path = _write_bad(work, bad, content)
    status, err = _run(_fill(argv, w=str(work), good=str(work / "good.cmws"), **{"in": path}), capsys)
    _one_line_failure(status, err, path, expected)
    assert not (work / "out.xlsx").exists() and not (work / "shared.cmws").exists()


@pytest.mark.parametrize("bad", list(BAD_GSIM))
@pytest.mark.parametrize("levels", [[], ["--levels"]], ids=["linear", "levels"])
def test_bad_gsim_experiments_are_one_line_failures(work, capsys, bad, levels):
    content, expected = BAD_GSIM[bad]
    path = work / "experiment.json"
    path.write_bytes(content)
    _one_line_failure(*_run(["gsim", str(path), *levels], capsys), str(path), expected)


@pytest.mark.parametrize("bad", list(BAD_KEYS))
def test_bad_key_files_are_one_line_failures(work, capsys, bad):
    content, expected = BAD_KEYS[bad]
    path = work / "bad.cmwkey"
    path.write_bytes(content)
    _one_line_failure(*_run(["keys", "import", str(path)], capsys), str(path), expected)
    assert Keyring(work / "data").trusted() == []


@pytest.mark.parametrize("argv, expected", [
    (["validate", "{w}"], "is a folder, not a scenario file"),
    (["gsim", "{w}/none.json"], "{w}/none.json: no such file"),
    (["gsim", "{w}"], "is a folder, not an experiment file"),
    (["keys", "import", "{w}/none.cmwkey"], "{w}/none.cmwkey: no such file"),
    (["keys", "import", "{w}"], "is a folder, not a public key file"),
    (["new", "-o", "{w}/good.cmws"], "{w}/good.cmws already exists; use --force"),
    (["new", "-o", "{w}", "--force"], "{w} is a folder: give a file name"),
    (["new", "-o", "{w}/afile/x.cmws"], "folder {w}/afile does not exist"),
    (["new", "-o", "{w}/none/x.cmws"], "folder {w}/none does not exist"),
    (["export", "{good}", "-o", "{w}/out.pdf"], "{w}/out.pdf: the term sheet must be an .xlsx file"),
    (["export", "{good}", "-o", "{w}/good.cmws.xlsx", "--paths", "5"],
     "--paths must be between 100 and 200000 (got 5)"),
    (["export", "{good}", "-o", "{w}/afile/out.xlsx", "--paths", "100"], "folder {w}/afile does not exist"),
    (["export", "{good}", "-o", "{w}/out.xlsx", "--paths", "100", "--seed", "-5"], "seed: must be a non-negative"),
    (["share", "{good}", "-o", "{good}", "--force", "--no-sign"], "own file"),
    (["share", "{good}", "-o", "{w}", "--force", "--no-sign"], "{w} is a folder: give a file name"),
    (["share", "{good}", "-o", "{w}/afile", "--no-sign"], "{w}/afile already exists; use --force"),
    (["share", "{good}", "-o", "{w}/s.cmws", "--delegation", "CN", "--no-sign"], "CN is not one of the scenario's"),
    (["keys", "create", "--delegation", "us"], "'us' is not a delegation code"),
    (["keys", "export", "-o", "{w}/k.cmwkey"], "no signing key yet"),
    (["keys", "remove", "../../etc/passwd"], "no trusted key with id '../../etc/passwd'"),
])
def test_bad_paths_and_values_are_one_line_failures(work, capsys, argv, expected):
    names = {"w": str(work), "good": str(work / "good.cmws")}
    _one_line_failure(*_run(_fill(argv, **names), capsys), expected.format(**names))


@pytest.mark.parametrize("argv, expected", [
    ([], "the following arguments are required: COMMAND"),
    (["bogus"], "invalid choice: 'bogus'"),
    (["diff", "{good}"], "the following arguments are required: B"),
    (["evaluate", "{good}", "--option", "Z"], "argument --option: invalid choice: 'Z'"),
    (["export", "{good}", "-o", "{w}/o.xlsx", "--paths", "many"], "argument --paths: invalid int value: 'many'"),
    (["keys"], "the following arguments are required: ACTION"),
    (["keys", "bogus"], "invalid choice: 'bogus'"),
    (["keys", "create"], "the following arguments are required: --delegation"),
])
def test_usage_errors_exit_2_with_the_usage_and_one_message(work, capsys, argv, expected):
    _one_line_failure(*_run(_fill(argv, w=str(work), good=str(work / "good.cmws")), capsys), expected, code=2)


def test_keys_export_never_replaces_a_file_without_force(work, capsys):
    assert main(["keys", "create", "--delegation", "US"]) == 0
    before = (work / "good.cmws").read_bytes()
    _one_line_failure(*_run(["keys", "export", "-o", str(work / "good.cmws")], capsys), "already exists; use --force")
    assert (work / "good.cmws").read_bytes() == before
    assert main(["keys", "export", "-o", str(work / "good.cmws"), "--force"]) == 0
    assert b"cmw-public-key" in (work / "good.cmws").read_bytes()


@pytest.mark.parametrize("argv", [["keys", "create", "--delegation", "US"],
                                  ["share", "{good}", "-o", "{w}/s.cmws", "--no-sign"]])
def test_an_app_data_folder_that_is_a_file_is_a_one_line_failure(work, capsys, monkeypatch, argv):
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(work / "afile"))
    status, err = _run(_fill(argv, w=str(work), good=str(work / "good.cmws")), capsys)
    _one_line_failure(status, err, f"cannot make folder {work / 'afile'}")


@pytest.mark.parametrize("damage, expected", [
    (lambda keys: (keys / "own.pem").write_bytes(b"x" * 5000), "over the 4,096-byte limit"),
    (lambda keys: (keys / "own.pem").write_text("-----BEGIN PRIVATE KEY-----\nxx\n-----END PRIVATE KEY-----\n"),
     "own.pem is not a PEM private key"),
    (lambda keys: (keys / "own.json").write_text("[1]"), "own.json has no delegation"),
    (lambda keys: (keys / "own.json").write_text('{"delegation": "us"}'), "'us' is not a delegation code"),
])
def test_a_damaged_own_key_is_a_one_line_failure(work, capsys, damage, expected):
    assert main(["keys", "create", "--delegation", "US"]) == 0
    capsys.readouterr()
    damage(work / "data" / "keys")
    for argv in (["keys", "list"], ["keys", "export", "-o", str(work / "k.cmwkey")],
                 ["share", str(work / "good.cmws"), "-o", str(work / "s.cmws")]):
        _one_line_failure(*_run(argv, capsys), "our signing key", "is unreadable", expected)


@pytest.mark.parametrize("argv", [["new", "-o", "{w}/new.cmws"],
                                  ["export", "{good}", "-o", "{w}/out.xlsx", "--paths", "100"],
                                  ["share", "{good}", "-o", "{w}/s.cmws", "--no-sign"],
                                  ["keys", "create", "--delegation", "US"]])
def test_an_unwritable_folder_is_a_one_line_failure(work, capsys, monkeypatch, argv):
    def refuse(*_a, **kw):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    status, err = _run(_fill(argv, w=str(work), good=str(work / "good.cmws")), capsys)
    _one_line_failure(status, err, "cannot write in folder", "(Permission denied)")


class _Stdout(io.StringIO):
    """A stdout whose writes fail with ``error``."""

    def __init__(self, error: OSError) -> None:
        super().__init__()
        self.error = error

    def write(self, text: str) -> int:
        raise self.error


def test_a_full_disk_on_stdout_is_a_one_line_failure_and_a_closed_pipe_is_not(work, capsys, monkeypatch):
    good = str(work / "good.cmws")
    monkeypatch.setattr(sys, "stdout", _Stdout(OSError(errno.ENOSPC, "No space left on device")))
    _one_line_failure(*_run(["validate", good], capsys), "cannot write the output: No space left on device")
    monkeypatch.setattr(sys, "stdout", _Stdout(BrokenPipeError(errno.EPIPE, "Broken pipe")))
    assert _run(["validate", good], capsys) == (0, "")
