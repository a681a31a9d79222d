"""A file several schemas old goes through every migration in turn, each once: a schema-1 file read today is
converted 1 -> 2 and then 2 -> 3, never straight from 1 to 3 with the step between skipped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.files import migrations
from workbench.files.errors import FileFormatError


def test_each_step_from_the_file_s_schema_to_the_target_runs_once_in_order(monkeypatch):
    ran = []

    def step(n):
        return lambda data: (ran.append(n), {**data, "schema_version": n + 1})[1]

    monkeypatch.setattr(migrations, "MIGRATIONS", {1: step(1), 2: step(2), 3: step(3)})
    assert migrations.migrate({"schema_version": 1}, 1, 4) == {"schema_version": 4}
    assert ran == [1, 2, 3]
    ran.clear()
    assert migrations.migrate({"schema_version": 3}, 3, 3) == {"schema_version": 3} and ran == []


def test_the_prototype_s_schema_1_file_ends_as_schema_3():
    data = json.loads((Path(__file__).parent / "fixtures" / "schema1" / "prototype_round1.cmws").read_text("utf-8"))
    out = migrations.migrate(data, 1, 3)
    assert out["schema_version"] == 3 and "private" in out and "document" in out


def test_a_missing_step_is_named():
    with pytest.raises(FileFormatError, match="no migration from schema 7"):
        migrations.migrate({}, 7, 8)
