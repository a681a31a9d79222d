"""The term sheet's charts pick their series by column name, so reordering a table cannot chart the wrong figures."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from workbench.defaults import default_scenario
from workbench.engine import evaluate, run_monte_carlo
from workbench.export import results
from workbench.export.styles import register_styles
from workbench.instrument_kinds import LEDGER


@pytest.fixture(scope="module")
def evaluated():
    s = default_scenario()
    return s, evaluate(s), run_monte_carlo(s, paths=50, seed=1)


def _series_headers(ws, chart) -> list[str]:
    """The header cell each series of ``chart`` takes its title from."""
    return [ws[s.tx.strRef.f.split("!")[1].replace("$", "")].value for s in chart.series]


@pytest.mark.parametrize("reverse", [False, True])
def test_charts_follow_the_named_columns_when_tables_are_reordered(evaluated, monkeypatch, reverse):
    scenario, result, mc = evaluated
    if reverse:
        monkeypatch.setattr(results, "FISCAL_COLUMNS", tuple(reversed(results.FISCAL_COLUMNS)))
        monkeypatch.setattr(results, "MC_COLUMNS", tuple(reversed(results.MC_COLUMNS)))
        monkeypatch.setattr(results, "PRICE_COLUMNS", tuple(reversed(results.PRICE_COLUMNS)))
    wb = Workbook()
    register_styles(wb)
    fiscal, prices = wb.active, wb.create_sheet()
    _caption, price_chart = results.write_prices(prices, scenario, result)
    results.write_fiscal(fiscal, scenario, result, mc)
    heads = {c: h for c, h, _ in results.FISCAL_COLUMNS + results.MC_COLUMNS + results.PRICE_COLUMNS}
    assert _series_headers(fiscal, fiscal._charts[0]) == [heads[c] for c in results.PV_CHART_SERIES]
    assert _series_headers(prices, price_chart) == [heads[c] for c in results.PRICE_CHART_SERIES]
    # the by-instrument table is headed with the registry's ledger labels
    rows = [[c.value for c in row] for row in fiscal.iter_rows()]
    assert any(row[2:2 + len(LEDGER)] == [e.label for e in LEDGER.values()] for row in rows)


def _anchor(chart) -> tuple[int, int]:
    marker = chart.anchor._from if hasattr(chart.anchor, "_from") else None
    if marker is not None:
        return marker.col + 1, marker.row + 1
    from openpyxl.utils.cell import coordinate_from_string, column_index_from_string

    letters, row = coordinate_from_string(chart.anchor)
    return column_index_from_string(letters), row


def test_charts_side_by_side_never_overlap_and_their_rows_are_kept_free(evaluated):
    # a chart is sized in cm (1 in = 2.54 cm = 72 pt); columns in units of 5.6 pt, rows under the charts 15 pt
    from openpyxl.utils import get_column_letter

    scenario, result, mc = evaluated
    wb = Workbook()
    register_styles(wb)
    fiscal, prices = wb.active, wb.create_sheet()
    captioned = results.write_prices(prices, scenario, result)
    results.write_fiscal(fiscal, scenario, result, mc, more_charts=(captioned,))
    charts = fiscal._charts
    assert len(charts) >= 3

    def x(chart) -> float:   # points from the sheet's left edge: the columns before the anchor's, and its offset
        col = chart.anchor._from.col
        return sum(fiscal.column_dimensions[get_column_letter(c)].width for c in range(1, col + 1)) * 5.6 + \
            chart.anchor._from.colOff / 12_700
    for left, right in zip(charts, charts[1:]):
        assert _anchor(left)[1] == _anchor(right)[1]
        assert x(right) >= x(left) + left.width / 2.54 * 72
    assert x(charts[0]) == 0.0
    page = sum(fiscal.column_dimensions[get_column_letter(c)].width for c in range(1, fiscal.max_column + 1)) * 5.6
    assert x(charts[-1]) + charts[-1].width / 2.54 * 72 <= page     # the last chart ends within the printed width
    row = _anchor(charts[0])[1]
    tallest = max(c.height for c in charts) / 2.54 * 72
    below = [r for r in fiscal.row_dimensions if r >= row and fiscal.row_dimensions[r].height]
    assert sum(fiscal.row_dimensions[r].height for r in below) >= tallest


def test_chart_lines_are_never_smoothed_between_years(evaluated):
    scenario, result, mc = evaluated
    wb = Workbook()
    register_styles(wb)
    fiscal, prices = wb.active, wb.create_sheet()
    _caption, price_chart = results.write_prices(prices, scenario, result)
    results.write_fiscal(fiscal, scenario, result, mc)
    series = [s for chart in [*fiscal._charts, price_chart] for s in chart.series]
    assert series and not any(s.smooth for s in series)   # a curve would show figures between years never computed
