"""A temporary file without a process id in its name is called stale after a minute (docs/file-format.md): the
next save of the same file removes one a little over a minute old and keeps one a little under."""

from __future__ import annotations

import os
import time

from workbench.files.atomic import remove_stale_temps


def test_a_nameless_temp_file_is_stale_after_one_minute_not_before(tmp_path):
    target = tmp_path / "scenario.cmws"
    target.write_bytes(b"saved")
    now = time.time()
    older = tmp_path / ".scenario.cmws.olderthan.tmp"
    newer = tmp_path / ".scenario.cmws.newerthan.tmp"
    for path, age in ((older, 60.5), (newer, 59.5)):
        path.write_bytes(b"partial")
        os.utime(path, (now - age, now - age))
    assert remove_stale_temps(target) == [older]
    assert newer.exists() and not older.exists()
