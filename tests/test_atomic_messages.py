"""A save that fails says why in the system's words, once: "Permission denied", not "[Errno 13] Permission
denied: '/path'" after a path the message has already named."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from workbench.files.atomic import atomic_write_bytes
from workbench.files.errors import SaveError


def test_a_folder_that_cannot_be_made_is_named_with_the_reason(tmp_path, monkeypatch):
    def refuse(self, *args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "mkdir", refuse)
    target = tmp_path / "app-data" / "keys" / "x.bin"
    with pytest.raises(SaveError) as info:
        atomic_write_bytes(target, b"x", create_folder=True)
    assert str(info.value) == f"cannot save {target}: cannot make folder {target.parent} (Permission denied)"


def test_a_disk_that_fills_while_writing_leaves_the_old_file_and_says_so(tmp_path, monkeypatch):
    target = tmp_path / "scenario.cmws"
    target.write_bytes(b"old")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(SaveError) as info:
        atomic_write_bytes(target, b"new")
    assert str(info.value) == f"could not save {target}: No space left on device; the previous file is unchanged"
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["scenario.cmws"]  # no temporary file left behind
