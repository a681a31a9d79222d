"""The term sheet's Stress tests sheet: every stress event described, per partner the figures without and with the
agreement as run_stress_tests computes them, printed with repeated headers, blocks whole, no signed zeros, text safe."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from workbench.defaults import default_scenario
from workbench.document import Scenario
from workbench.engine.stress import run_stress_tests
from workbench.export import write_term_sheet
from workbench.export.page import PAGE_WIDTH_UNITS, wrapped_lines
from workbench.export.stress_sheet import (ABOUT_LINES, ABOUT_POINTS, COLUMNS, CUT, GROUPS, WIDTHS,
                                            shown_style)

from export_helpers import read_stress_blocks as read_blocks

@pytest.fixture(scope="module")
def sheet(tmp_path_factory):
    scenario = default_scenario()
    path = write_term_sheet(scenario, tmp_path_factory.mktemp("ts") / "t.xlsx")
    return load_workbook(path)["Stress tests"], run_stress_tests(scenario)


def test_every_test_and_partner_has_the_engines_figures(sheet) -> None:
    ws, result = sheet
    blocks = read_blocks(ws)
    assert list(blocks) == [t.title for t in result.tests]
    for test in result.tests:
        assert list(blocks[test.title]) == test.regions
        for region in test.regions:
            assert blocks[test.title][region] == pytest.approx(  # the cell holds the figure itself (to the last bits)
                [float(test.table.at[region, key]) for key, _, _ in COLUMNS], rel=1e-12, abs=1e-9)


def test_events_are_described_with_kind_supplier_mineral_share_years_and_source(sheet) -> None:
    ws, _result = sheet
    text = [str(c.value) for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert any(t.startswith("Export restriction \u00b7 mineral: indium \u00b7 supplier: CN \u00b7 50 % of exports "
                            "withheld (licensing delay) \u00b7 targets: the zone's members (US, EU, JP) \u00b7 years: "
                            "2029\u20132030 \u00b7 export-tax equivalent with the agreement") for t in text)
    assert any(t.startswith("Dumping episode \u00b7 mineral: ndpr_oxide \u00b7 supplier: CN \u00b7 export price cut by "
                            "30 %") for t in text)
    assert any("region: every producing region \u00b7 43 % of output lost \u00b7 years: 2028\u20132029" in t
               for t in text)
    about = [t for t in text if ". Source: Precedent: " in t]
    assert len(about) == 3  # one line about each test, its source note cut to fit two printed lines
    assert all(wrapped_lines(t, sum(WIDTHS), ABOUT_POINTS) <= ABOUT_LINES and t.endswith(CUT) for t in about)


def test_printed_with_headers_per_test_fitted_to_width_and_no_signed_zero(sheet) -> None:
    ws, result = sheet
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert sum(WIDTHS) <= PAGE_WIDTH_UNITS  # printed at the scale of the other sheets
    heads = ["Partner"] + [h for _, h, _ in COLUMNS]
    header_rows = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Partner"]
    assert len(header_rows) == len(ws.row_breaks.brk) + 1  # the column headers head every printed page
    assert all([ws.cell(r, c).value for c in range(1, len(heads) + 1)] == heads for r in header_rows)
    groups = [ws.cell(header_rows[0] - 1, c).value for c in range(2, len(heads) + 1)]
    assert [g for g in groups if g] == [label for label, _ in GROUPS]  # w/o | with under each figure's name
    zero_styled = 0
    for row in ws.iter_rows(min_row=5):
        if row[0].style != "ts_label":
            continue
        for cell, (_key, _h, style) in zip(row[1:], COLUMNS):
            assert cell.style == shown_style(style, cell.value)
            zero_styled += cell.style != style
    assert zero_styled > 0  # the default scenario has figures that round to zero (e.g. Mexico's shortfall in t)
    headings = {r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).style in ("ts_clause", "ts_clause_cont")}
    assert all(b.id + 3 in headings for b in ws.row_breaks.brk)  # a page ends before a test's block


def test_hostile_text_stays_text_and_no_sheet_without_stress_tests(tmp_path) -> None:
    data = default_scenario().to_data()
    data["document"]["stress_tests"][0]["title"] = "=HYPERLINK(\"http://x\",\"y\")"
    data["document"]["stress_tests"][0]["source_note"] = "@SUM(A1)"
    path = write_term_sheet(Scenario.from_data(data), tmp_path / "h.xlsx")
    ws = load_workbook(path)["Stress tests"]
    cells = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert cells and all(c.data_type == "s" for c in cells)
    source = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and "Source: @SUM(A1)" in c.value]
    assert source and source[0].data_type == "s"
    data["document"]["stress_tests"] = []
    path = write_term_sheet(Scenario.from_data(data), tmp_path / "none.xlsx")
    assert "Stress tests" not in load_workbook(path).sheetnames


def test_tonnes_are_printed_in_the_size_of_the_sheets_other_figures(sheet) -> None:
    ws, _result = sheet
    sizes = {}
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, (int, float)) and c.style.startswith(("ts_stress_t", "ts_usd_m", "ts_pct")):
                sizes.setdefault(c.style.split("_zero")[0], set()).add(c.font.sz)
    assert {"ts_stress_t", "ts_usd_m", "ts_pct"} <= set(sizes)
    assert sizes["ts_stress_t"] == sizes["ts_usd_m"] == sizes["ts_pct"] == {10}
