"""The solved markets in USD and tonnes: prices scale with the reference price, duties sit on the landed price,
capped support is in the producer price, and an infeasible market names only the clauses active there."""

from __future__ import annotations

import math

import numpy as np
import pytest

from workbench.document import PriceGapSubsidyClause, PurchaseClause, TariffClause, Volume
from workbench.engine import InfeasibleMarket
from workbench.engine.cases import build_cases, prepare, purchase_volume
from workbench.engine.instruments import compile_clauses
from workbench.engine.outcome import in_usd_and_tonnes, solve_or_raise
from tests.test_engine_cases import P0, REGIONS, SINGLE, common, market, model, run, usd_t

US, CN, ROW = REGIONS.index("US"), REGIONS.index("CN"), REGIONS.index("ROW")


def _outcome(mdl, clauses, shock):
    comps, _ = compile_clauses(mdl, clauses)
    setup = prepare(mdl, ["ore"], comps)
    shock = np.full((1, mdl.horizon, 1), shock)
    gov = purchase_volume(setup, {}, 1)
    eq = solve_or_raise(setup, build_cases(setup, shock, gov), mdl.years, (1, mdl.horizon, 1))
    return in_usd_and_tonnes(setup, eq, shock, gov)


def test_a_tariff_solved_by_hand_in_usd_and_tonnes_and_at_twice_the_reference_price():
    # CN sells X = 2p to the US (D = 1/(2p) under a 100 % tariff) and ROW (D = 1/p): p^2 = 3/4. The US pays
    # (1 + 1) p for CN's ore. Every equation is homogeneous in prices, so with the reference price doubled (a Monte
    # Carlo shock of 2) every price doubles and no tonne moves.
    mdl = model(market(**SINGLE, horizon=1), horizon=1)
    tariff = [TariffClause(id="t", rate=1.0, exporters=["CN"], **common(parties=["US"], duration_years=1))]
    p = math.sqrt(0.75)
    for shock in (1.0, 2.0):
        out = _outcome(mdl, tariff, shock)
        price = shock * p * P0
        assert out.reference_price[0, 0, 0] == pytest.approx(shock * P0, rel=1e-12)
        assert out.exporter_price[0, 0, 0, CN] == pytest.approx(price, rel=1e-9)
        assert out.landed_price[0, 0, 0, CN, US] == pytest.approx(2 * price, rel=1e-9)
        assert out.landed_price[0, 0, 0, CN, ROW] == pytest.approx(price, rel=1e-9)
        assert out.consumer_price[0, 0, 0, US] == pytest.approx(2 * price, rel=1e-9)
        assert out.flows[0, 0, 0, CN, [US, ROW]] == pytest.approx([1 / (2 * p), 1 / p], rel=1e-9)
        assert out.production[0, 0, 0, CN] == pytest.approx(2 * p, rel=1e-9)
        assert out.consumption[0, 0, 0, [US, ROW]] == pytest.approx([1 / (2 * p), 1 / p], rel=1e-9)
        assert out.unit_support[0, 0, 0].tolist() == [0.0] * 4 and out.converged.all()


def test_a_capped_price_gap_payment_lifts_the_producer_price_to_the_floor():
    # the US makes X = 2s for ROW (D = 2/p); a floor of 1.21 P0 paid on at most 2.2 t: output stops at 2.2 t, the
    # market price falls to 2 / 2.2 = P0 / 1.1 and the producer gets the floor, 1.21 P0, on every tonne it makes
    mk = market([2, 0, 0, 0], [0, 0, 0, 2], flows=[[0, 0, 0, 2], [0] * 4, [0] * 4, [0] * 4])
    clause = PriceGapSubsidyClause(id="g", floor_price=usd_t(1.21 * P0), volume_cap=Volume(amount=2.2), **common())
    res = run(model(mk), [clause])
    assert res.producer_price[0, :, US] == pytest.approx([1.21 * P0] * 3, rel=1e-9)
    assert res.consumer_price[0, :, ROW] == pytest.approx([P0 / 1.1] * 3, rel=1e-9)


def test_an_infeasible_market_names_the_clauses_of_its_year_not_those_of_other_years():
    # 5 t bought from CN, which makes 2 t with supply elasticity 0.01, has no equilibrium in 2026; the tariff that
    # only starts in 2027 and the purchase of another year are not to blame
    mdl = model(market(**SINGLE, eps=0.01, eta=-0.01, horizon=3), horizon=3)
    clauses = [PurchaseClause(id="buy", annual_volume=Volume(amount=5), agreed_price=usd_t(P0), sources=["CN"],
                              **common(duration_years=1)),
               PurchaseClause(id="later", annual_volume=Volume(amount=0.01), agreed_price=usd_t(P0), sources=["CN"],
                              **common(start_year=2028, duration_years=1)),
               TariffClause(id="t", rate=0.1, exporters=["CN"], **common(start_year=2027, duration_years=2))]
    with pytest.raises(InfeasibleMarket, match=r"no equilibrium in 2026 under clause\(s\) buy \(") as exc:
        _outcome(mdl, clauses, 1.0)
    assert exc.value.clause_ids == ("buy",) and exc.value.year == 2026 and exc.value.mineral == "ore"
