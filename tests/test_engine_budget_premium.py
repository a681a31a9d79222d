"""A capped purchase at market price plus a premium, solved by hand: the budget buys what it affords at the price
paid (market price plus premium), never more."""

from __future__ import annotations

import math

import pytest

from workbench.document import Money, PurchaseClause, Volume
from tests.test_engine_cases import P0, REGIONS, SINGLE, common, market, model, run


def test_a_premium_is_paid_out_of_the_budget_and_buys_less():
    # CN sells to the US and ROW (X = 2p, D = 1/p each) plus g bought by the government: 2p = 2/p + g. The budget
    # 6 P0 pays 1.5 p a tonne (50 % over the market): g p = 4, so 2p = 6/p, p = sqrt(3) P0, g = 4 / sqrt(3) t
    # (without the premium g p = 6, p = 2 P0 and g = 3 t: tests/test_engine_cases.py).
    mk = market(**SINGLE, horizon=2)
    clause = PurchaseClause(id="cap", annual_volume=Volume(amount=6), price_basis="market_plus_premium",
                            premium_share=0.5, sources=["CN"], budget_cap=Money(amount=6 * P0),
                            storage_cost_rate=0.0, **common(duration_years=2))
    res = run(model(mk, horizon=2), [clause])
    cn = REGIONS.index("CN")
    assert res.producer_price[0, :, cn] == pytest.approx([math.sqrt(3) * P0, P0], rel=1e-8)
    assert res.gov_flows[0].sum(axis=(1, 2)) == pytest.approx([4 / math.sqrt(3), 0.0], rel=1e-8, abs=1e-9)
    out = res.fiscal.query("instrument == 'purchase_outlay'").set_index("year").amount_usd
    assert out.sum() == pytest.approx(6 * P0, rel=1e-9)  # the whole budget, not a dollar more


@pytest.mark.parametrize("budget, bought", [(6.0, 3.0), (6 * (1 + 5e-11), 3.0), (6.000001, 3.0), (5.999999, None)])
def test_a_budget_that_exactly_affords_the_committed_volume_buys_all_of_it(budget, bought):
    # 3 t committed from CN: 2p = 2/p + 3 gives p = 2 P0, so the full volume costs exactly 6 P0. A budget of exactly
    # that, or more by less than the settling tolerance (1e-10 of the budget) or by more, buys all 3 t; a hair less
    # buys a hair less.
    mk = market(**SINGLE, horizon=1)
    clause = PurchaseClause(id="cap", annual_volume=Volume(amount=3), price_basis="market_plus_premium",
                            sources=["CN"], budget_cap=Money(amount=budget * P0), storage_cost_rate=0.0,
                            **common(duration_years=1))
    res = run(model(mk, horizon=1), [clause])
    g = res.gov_flows[0].sum(axis=(1, 2))[0]
    if bought is None:
        assert 3.0 * (1 - 1e-6) < g < 3.0
    else:
        assert g == pytest.approx(bought, rel=1e-12)
        assert res.producer_price[0, 0, REGIONS.index("CN")] == pytest.approx(2 * P0, rel=1e-12)
    assert res.warnings == [] or not any("settle" in w for w in res.warnings)
