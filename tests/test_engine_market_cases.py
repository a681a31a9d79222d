"""Building the market cases: the clauses' wedges laid over the calibrated markets, checked on hand-solved markets
(who a producer support pays, where a clawback starts, which floor owns a levy, the Cobb-Douglas limit)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from workbench.document import BorderFloorClause, PriceGapSubsidyClause, TariffClause
from workbench.engine.cases import SIGMA_ONE, build_cases, prepare, purchase_volume
from workbench.engine.instruments import compile_clauses
from workbench.engine.outcome import in_usd_and_tonnes, solve_or_raise
from tests.test_engine_cases import P0, REGIONS, SINGLE, common, market, model, run, usd_t

US, EU, CN, ROW = (REGIONS.index(c) for c in ("US", "EU", "CN", "ROW"))


@pytest.mark.parametrize("armington, solved", [(1.0, 1.0 + SIGMA_ONE), (0.5, 0.5), (1.5, 1.5), (4.0, 4.0)])
def test_an_armington_elasticity_of_one_is_solved_as_its_cobb_douglas_limit(armington, solved):
    mdl = model(market(**SINGLE, sigma=armington))
    setup = prepare(mdl, ["ore"], [])
    assert setup.armington_elasticity.tolist() == [solved]
    assert setup.floor_clause.tolist() == (-np.ones((1, 3, 4, 4), int)).tolist()  # no floor: owned by no clause


def test_with_every_usd_figure_doubled_with_the_reference_price_every_price_doubles():
    # the US makes X = s for ROW (D = 1/p) under a price-gap floor of 1.21 P0: X = 1.21, p = 1/1.21. A Monte Carlo
    # shock of 2 on the reference price with the floor at 2.42 P0 is the same market in a unit worth half as much.
    mdl = model(market([1, 0, 0, 0], [0, 0, 0, 1], flows=[[0, 0, 0, 1], [0] * 4, [0] * 4, [0] * 4], horizon=1),
                horizon=1)
    for shock in (1.0, 2.0):
        comps, _ = compile_clauses(mdl, [PriceGapSubsidyClause(id="g", floor_price=usd_t(1.21 * shock * P0),
                                                               **common(duration_years=1))])
        setup = prepare(mdl, ["ore"], comps)
        shocks = np.full((1, 1, 1), shock)
        gov = purchase_volume(setup, {}, 1)
        out = in_usd_and_tonnes(setup, solve_or_raise(setup, build_cases(setup, shocks, gov), mdl.years, (1, 1, 1)),
                                shocks, gov)
        assert out.production[0, 0, 0, US] == pytest.approx(1.21, rel=1e-9)
        assert out.exporter_price[0, 0, 0, US] == pytest.approx(shock * P0 / 1.21, rel=1e-9)
        assert out.unit_support[0, 0, 0, US] == pytest.approx(shock * P0 * (1.21 - 1 / 1.21), rel=1e-9)


def test_a_price_gap_subsidy_pays_nothing_in_a_year_it_is_not_in_force():
    # a floor of 0.9 P0 for CN's producers in 2026 only (the market price P0 is above it: nothing paid); in 2027 a
    # 100 % US tariff on CN pushes CN's price to sqrt(3/4) P0 = 0.866 P0 (X = 2p = 1/(2p) + 1/p), below the floor of
    # the year before: with the subsidy over, CN's producers get the market price alone
    mk = market(**SINGLE, horizon=2)
    clauses = [PriceGapSubsidyClause(id="g", floor_price=usd_t(0.9 * P0), eligible_producers=["CN"],
                                     **common(duration_years=1)),
               TariffClause(id="t", rate=1.0, exporters=["CN"], **common(start_year=2027, duration_years=1))]
    res = run(model(mk, horizon=2), clauses)
    assert res.producer_price[0, :, CN] == pytest.approx([P0, math.sqrt(0.75) * P0], rel=1e-9)
    assert res.production[0, :, CN] == pytest.approx([2.0, 2 * math.sqrt(0.75)], rel=1e-9)
    assert "subsidy_payment" not in set(res.fiscal.instrument)


def test_an_upside_clawback_above_its_threshold_holds_supply_back():
    # the US makes X = s for ROW (D = 1/p); a floor of 0.8 P0 (below the market) gives back half of the price above
    # 0.8 P0: the producer keeps s = p - 0.5 (p - 0.8) = 0.5 p + 0.4, so (0.5 p + 0.4) p = 1, p = sqrt(2.16) - 0.4
    mk = market([1, 0, 0, 0], [0, 0, 0, 1], flows=[[0, 0, 0, 1], [0] * 4, [0] * 4, [0] * 4], horizon=1)
    clause = PriceGapSubsidyClause(id="g", floor_price=usd_t(0.8 * P0), upside_share=0.5, **common(duration_years=1))
    res = run(model(mk, horizon=1), [clause])
    p = math.sqrt(2.16) - 0.4
    assert res.consumer_price[0, 0, ROW] == pytest.approx(p * P0, rel=1e-9)
    assert res.producer_price[0, 0, US] == pytest.approx((0.5 * p + 0.4) * P0, rel=1e-9)
    assert res.production[0, 0, US] == pytest.approx(0.5 * p + 0.4, rel=1e-9)


def test_of_two_equal_border_floors_the_first_drafted_collects_the_levy():
    # two floors of 1.5 P0 on CN's ore into the US: one levy, booked to the clause drafted first
    mk = market(**SINGLE, horizon=1)
    floors = [BorderFloorClause(id=cid, floor_price=usd_t(1.5 * P0), **common(duration_years=1))
              for cid in ("first", "second")]
    res = run(model(mk, horizon=1), floors)
    levy = res.fiscal.query("amount_usd != 0").groupby("clause_id").amount_usd.sum()
    assert list(levy.index) == ["first"] and levy["first"] < 0
    setup = prepare(model(mk, horizon=1), ["ore"], compile_clauses(model(mk, horizon=1), floors)[0])
    assert setup.floor_clause[0, 0, CN, US] == 0 and setup.floor_clause[0, 0, CN, ROW] == -1


def test_a_market_without_a_floor_books_no_levy_to_any_clause():
    mk = market(**SINGLE, horizon=1)
    clauses = [TariffClause(id="t", rate=0.1, exporters=["CN"], **common(duration_years=1)),
               PriceGapSubsidyClause(id="g", floor_price=usd_t(0.5 * P0), **common(duration_years=1))]
    res = run(model(mk, horizon=1), clauses)
    assert set(res.fiscal.instrument) <= {"tariff_revenue"}
