"""The same stress-test numbers in the window, the term sheet and ``workbench-cli stress --json`` (issue 11)."""

from __future__ import annotations

import contextlib
import io
import json
from typing import Any

import pytest
from openpyxl import load_workbook

from workbench.cli.main import main
from workbench.export import write_term_sheet
from workbench.export.stress_sheet import COLUMNS
from workbench.files import load_scenario
from workbench.ui.results.stress_model import FIGURES, FIRST_FIGURE, WORLDS
from workbench.ui.results.table_view import SORT_ROLE

from export_helpers import read_stress_blocks


def window_numbers(view: Any) -> dict[str, float]:
    """(column key, region) -> the figure behind each cell of the window's table."""
    model, out = view.model, {}
    for row in range(model.rowCount()):
        region, world = view.current_test.regions[row // 2], WORLDS[row % 2]
        for k, column in enumerate(FIGURES):
            if column.key(world) is not None:
                out[(column.key(world), region)] = model.data(model.index(row, FIRST_FIGURE + k), SORT_ROLE)
    return out


def test_window_term_sheet_and_cli_show_the_same_numbers(qtbot: Any, make_window: Any, tmp_path: Any) -> None:
    path = tmp_path / "talks.cmws"
    assert main(["new", "-o", str(path)]) == 0
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["stress", str(path), "--json"]) == 0
    cli = {t["id"]: t for t in json.loads(out.getvalue())["tests"]}
    scenario = load_scenario(path).scenario
    sheet = read_stress_blocks(load_workbook(write_term_sheet(scenario, tmp_path / "t.xlsx"))["Stress tests"])

    window = make_window(scenario=scenario, path=path)
    window.results.build_views()
    view = window.results.stress
    window.results.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.current_test is not None, timeout=30_000)
    assert [view.test.itemData(i) for i in range(view.test.count())] == list(cli)
    compared = 0
    for i, (test_id, expected) in enumerate(cli.items()):
        view.test.setCurrentIndex(i)
        shown = window_numbers(view)
        rows = {r["region"]: r for r in expected["regions"]}
        assert list(sheet[expected["title"]]) == list(rows)
        for region, row in rows.items():
            for (key, _header, _style), in_sheet in zip(COLUMNS, sheet[expected["title"]][region]):
                assert in_sheet == pytest.approx(row[key], rel=1e-12, abs=1e-9), (test_id, region, key)
                assert shown[(key, region)] == pytest.approx(row[key], rel=1e-12, abs=1e-9), (test_id, region, key)
                compared += 1
        assert {k for k, _r in shown} == {k for k, _h, _s in COLUMNS}
    assert compared == 3 * 6 * len(COLUMNS)
