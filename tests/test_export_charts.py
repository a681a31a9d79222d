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
