"""Monte Carlo is centred on the deterministic result: the price shocks of a path move its stock's end value the
same way as its market price."""

from __future__ import annotations

import pytest

from workbench.document import PurchaseClause, Volume
from workbench.engine.instruments import compile_clauses
from workbench.engine.montecarlo import simulate
from tests.test_engine_cases import P0, common, market, model, run, usd_t


def test_a_small_stockpile_averages_its_deterministic_cost_over_the_paths():
    # 0.01 t a year bought at an agreed P0 (too little to move the price), held to the end and valued then at the
    # lower of the path's market price and its reference price, both P0 e^z: outlays 30 = end value, net 0. Over
    # 1,000 paths at 20 % volatility the mean stays within 5 % of the end value (E[e^z] is 1.02); valuing the stock
    # at P0 e^-z on a path whose market price is P0 e^z would leave it 14 % short
    mk = market([5, 5, 5, 5], [5, 5, 5, 5], horizon=3, volatility=0.2)
    clause = PurchaseClause(id="s", annual_volume=Volume(amount=0.01), agreed_price=usd_t(P0), sources=["ROW"],
                            storage_cost_rate=0.0, **common(duration_years=3))
    mdl = model(mk, horizon=3)
    deterministic = run(mdl, [clause])
    end_value = deterministic.fiscal.query("instrument == 'stock_end_value'").amount_usd.sum()
    assert end_value == pytest.approx(-0.03 * P0) and deterministic.partner_table.fiscal_cost_pv_usd.sum() == \
        pytest.approx(0.0, abs=1e-9)
    comps, _ = compile_clauses(mdl, [clause])
    paths = simulate(mdl, comps, paths=1000, seed=1).pv.sum(axis=1)
    assert abs(paths.mean()) < 0.05 * abs(end_value)
