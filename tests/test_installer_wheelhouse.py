"""The offline wheelhouse route: platform tags per target, the pip commands, and the Python-version guard."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "installer"))
import wheelhouse  # noqa: E402 - importable once installer/ is on sys.path


def test_windows_target_uses_the_64_bit_windows_wheels():
    assert wheelhouse.platform_tags("windows") == ["win_amd64"]


def test_linux_target_accepts_every_manylinux_up_to_the_targets_glibc():
    tags = wheelhouse.platform_tags("linux-x86_64", glibc="2.28")
    assert tags[0] == "manylinux_2_28_x86_64"
    assert "manylinux_2_17_x86_64" in tags and "manylinux2014_x86_64" in tags
    assert "manylinux_2_34_x86_64" not in tags  # a wheel for a newer glibc would not load on the target
    assert len(tags) == len(set(tags)) == 2 + 28 - 17


def test_linux_target_older_than_manylinux_is_refused():
    with pytest.raises(ValueError, match="2.17"):
        wheelhouse.platform_tags("linux-x86_64", glibc="2.12")


def test_macos_targets_name_the_oldest_version_and_architecture():
    assert wheelhouse.platform_tags("macos-arm64") == ["macosx_14_0_arm64"]
    assert wheelhouse.platform_tags("macos-x86_64", macos="12.0") == ["macosx_12_0_x86_64"]


def test_unknown_target_is_refused():
    with pytest.raises(ValueError, match="unknown target"):
        wheelhouse.platform_tags("plan9")


def test_download_fetches_binary_wheels_for_the_target_only():
    command = wheelhouse.download_command(Path("w.whl"), Path("out"), ["win_amd64"], "3.12")
    assert command[1:4] == ["-m", "pip", "download"]
    assert "--only-binary=:all:" in command
    assert command[command.index("--platform") + 1] == "win_amd64"
    assert command[command.index("--python-version") + 1] == "3.12"
    assert command[-1] == "w.whl"


def test_install_never_uses_the_network():
    command = wheelhouse.install_command(Path("venv/bin/python"), Path("wh"))
    assert command[:4] == ["venv/bin/python", "-m", "pip", "install"]
    assert "--no-index" in command
    assert command[command.index("--find-links") + 1] == "wh"
    assert command[-1] == wheelhouse.PROJECT


def test_install_refuses_a_wheelhouse_for_another_python(tmp_path):
    (tmp_path / wheelhouse.MANIFEST).write_text(json.dumps({"python_version": "3.11"}))
    wheelhouse.check_manifest(tmp_path, (3, 11))
    with pytest.raises(SystemExit, match="for Python 3.11"):
        wheelhouse.check_manifest(tmp_path, (3, 12))


def test_install_refuses_a_folder_that_is_no_wheelhouse(tmp_path):
    with pytest.raises(SystemExit, match="not a wheelhouse"):
        wheelhouse.check_manifest(tmp_path, (3, 11))
