"""Property tests: over random valid scenarios every solve converges, or InfeasibleMarket names the clause; no NaN."""

from __future__ import annotations

import os

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scenario_strategies import scenarios
from workbench.defaults import default_scenario
from workbench.document import (
    BorderFloorClause,
    CfdClause,
    CostSharing,
    Money,
    Price,
    PriceGapSubsidyClause,
    PurchaseClause,
    TariffClause,
    Volume,
)
from workbench.document.scenario import ElasticityOverride
from workbench.engine import EngineInputError, InfeasibleMarket, evaluate, run_monte_carlo

DEFAULT = default_scenario()
PARTNERS = [p.code for p in DEFAULT.document.partners]
MINERALS = [m.id for m in DEFAULT.document.minerals]
REGIONS = PARTNERS + ["CN", "ROW"]
# ENGINE_PROPERTY_EXAMPLES=400 for a deeper search than the suite's default
SETTINGS = settings(max_examples=int(os.environ.get("ENGINE_PROPERTY_EXAMPLES", "40")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

# prices from far below to far above every reference price (USD 0.05/kg .. USD 5,000/kg)
price = st.floats(min_value=0.05, max_value=5000, allow_nan=False).map(lambda x: Price(amount=x, per="kg"))
volume = st.floats(min_value=0, max_value=5e6, allow_nan=False).map(lambda x: Volume(amount=x))
share = st.floats(min_value=0, max_value=1, allow_nan=False)
budget = st.floats(min_value=0, max_value=1e11, allow_nan=False).map(lambda x: Money(amount=x))  # up to USD 100 bn


@st.composite
def stressed(draw):
    """The default scenario with 1-4 random clauses of every kind and random elasticity overrides."""
    clauses = []
    for i in range(draw(st.integers(1, 4))):
        parties = draw(st.lists(st.sampled_from(PARTNERS), min_size=1, max_size=4, unique=True))
        common = dict(id=f"x{i}", title="t", mineral=draw(st.sampled_from(MINERALS)), parties=parties,
                      start_year=draw(st.integers(2025, 2034)), duration_years=draw(st.integers(1, 12)),
                      proposed_by=parties[0], cost_sharing=CostSharing(rule=draw(st.sampled_from(
                          ["own", "consumption", "imports"]))))
        kind = draw(st.sampled_from(["floor", "gap", "cfd", "purchase", "tariff"]))
        if kind == "floor":
            clauses.append(BorderFloorClause(**common, floor_price=draw(price)))
        elif kind == "gap":
            clauses.append(PriceGapSubsidyClause(**common, floor_price=draw(price), upside_share=draw(share),
                                                 volume_cap=draw(st.none() | volume)))
        elif kind == "cfd":
            strike = draw(price)
            cap = Price(amount=strike.amount * draw(st.floats(1, 3)), per="kg")
            marginal = draw(st.booleans())
            clauses.append(CfdClause(**common, strike_price=strike, rebate_threshold=cap, clawback_share=draw(share),
                                     volume_basis="marginal_output" if marginal else "fixed_volume",
                                     contracted_volume=None if marginal else draw(volume)))
        elif kind == "purchase":
            agreed = draw(st.booleans())
            clauses.append(PurchaseClause(**common, annual_volume=draw(volume),
                                          price_basis="agreed" if agreed else "market_plus_premium",
                                          agreed_price=draw(price) if agreed else None, premium_share=draw(share),
                                          sources=draw(st.lists(st.sampled_from(REGIONS), min_size=1, max_size=3,
                                                                unique=True)),
                                          budget_cap=draw(st.none() | budget)))
        else:
            exporters = [e for e in draw(st.lists(st.sampled_from(REGIONS), min_size=1, max_size=3, unique=True))
                         if e not in parties] or ["CN"]
            clauses.append(TariffClause(**common, rate=draw(st.floats(0, 5)), exporters=exporters))
    overrides = {}
    for m in draw(st.lists(st.sampled_from(MINERALS), max_size=2, unique=True)):
        overrides[m] = ElasticityOverride(
            supply={"*": draw(st.floats(0, 10))}, demand={"*": draw(st.floats(-10, 0))},
            armington=draw(st.floats(0.1, 100)))
    a = DEFAULT.document.assumptions.model_copy(update={"elasticity_overrides": overrides})
    doc = DEFAULT.document.model_copy(update={"clauses": clauses, "assumptions": a})
    return DEFAULT.model_copy(update={"document": doc})


def _check(scenario):
    ids = {c.id for c in scenario.document.clauses}
    try:
        res = evaluate(scenario)
    except InfeasibleMarket as exc:
        assert exc.clause_ids and set(exc.clause_ids) <= ids
        assert all(cid in str(exc) for cid in exc.clause_ids)
        return
    except EngineInputError as exc:
        assert str(exc)
        return
    for frame in (res.partner_table, res.prices, res.mineral_table, res.fiscal_by_instrument()):
        assert np.isfinite(frame.select_dtypes("number").to_numpy()).all()
    assert np.isfinite(res.fiscal.amount_usd).all()
    supplied = res.flows.sum(axis=3) + res.gov_flows.sum(axis=3)
    assert np.allclose(supplied, res.production, rtol=1e-6, atol=1e-9 * res.production.max(initial=1.0))
    # the baseline is undistorted: clauses move surplus around and lose some, the world never gains
    t = res.partner_table
    gross = t.consumer_surplus_change_pv_usd.abs().sum() + t.producer_surplus_change_pv_usd.abs().sum()
    assert t.welfare_change_pv_usd.sum() <= 1e-6 * gross + 1.0
    fx = scenario.document.assumptions.usd_per_currency
    for c in scenario.document.clauses:
        if c.kind == "purchase" and c.budget_cap is not None:  # a budget cap is never overspent
            spent = res.fiscal.query(f"clause_id == '{c.id}' and instrument == 'purchase_outlay'").amount_usd.sum()
            assert spent <= c.budget_cap.usd(fx) * (1 + 1e-8) + 1e-3


@SETTINGS
@given(stressed())
def test_stressed_default_scenario_converges_or_names_the_clause(scenario):
    _check(scenario)


@SETTINGS
@given(scenarios())
def test_random_valid_scenarios_converge_or_name_the_clause(scenario):
    _check(scenario)


@settings(max_examples=max(5, SETTINGS.max_examples // 4), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stressed(), st.booleans())
def test_monte_carlo_on_stressed_scenarios_is_finite_or_names_the_clause(scenario, vary):
    a = scenario.document.assumptions
    mc = a.monte_carlo.model_copy(update={"vary_elasticities": vary})
    scenario = scenario.model_copy(update={"document": scenario.document.model_copy(
        update={"assumptions": a.model_copy(update={"monte_carlo": mc})})})
    ids = {c.id for c in scenario.document.clauses}
    try:
        res = run_monte_carlo(scenario, paths=100, seed=11)
    except InfeasibleMarket as exc:
        assert exc.clause_ids and set(exc.clause_ids) <= ids
        return
    except EngineInputError as exc:
        assert str(exc)
        return
    assert np.isfinite(res.pv).all() and np.isfinite(res.annual).all()
    assert np.isfinite(res.summary.to_numpy()).all()
    assert all(0.0 <= p <= 1.0 for p in res.cfd_rebate_probability.values())
