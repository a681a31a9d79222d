"""In a stress test, a purchase's premium over the market price is income of the producers it buys from: it counts
in their surplus in the world with the agreement, year by year, worked out by hand."""

from __future__ import annotations

import math

import pytest

from workbench.document import PurchaseClause, Volume
from tests.test_engine_cases import P0, REGIONS, SINGLE, common, market, model
from tests.test_engine_stress import stress
from tests.test_engine_stress_edges import _quota


def _with_world(premium: float):
    clause = PurchaseClause(id="b", annual_volume=Volume(amount=0.2), price_basis="market_plus_premium",
                            premium_share=premium, sources=["CN"], storage_cost_rate=0.0, **common(duration_years=4))
    mdl = model(market(**SINGLE, horizon=4), horizon=4)
    return stress(mdl, [_quota()], clauses=[clause]).test("q").worlds["with"]


def test_the_premium_paid_to_china_is_in_its_producer_surplus():
    # 2026, before the quota: CN sells 1/p to the US and to ROW plus the 0.2 t bought, 2p = 2/p + 0.2, so
    # p = (0.1 + sqrt(4.01)) / 2 P0, and 50 % over it on 0.2 t is 0.1 p more for CN's producers
    cn = REGIONS.index("CN")
    gain = _with_world(0.5).producer_surplus[:, cn] - _with_world(0.0).producer_surplus[:, cn]
    p = (0.1 + math.sqrt(4.01)) / 2 * P0
    assert gain[0] == pytest.approx(0.1 * p, rel=1e-9) and gain[3] == pytest.approx(0.1 * p, rel=1e-9)
    assert gain[1] == pytest.approx(gain[2], rel=1e-9) and 0 < gain[1] < gain[0]  # the quota years: a lower price
