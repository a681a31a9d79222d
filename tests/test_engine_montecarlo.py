"""Monte Carlo: seeded and reproducible, zero volatility = deterministic, grid = per-path solve, rebate odds, cancel;
imported on first use."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from dataclasses import replace

import numpy as np
import pytest

from workbench.defaults import default_scenario
from workbench.document import CfdClause, Money, Price, PurchaseClause, Volume
from workbench.engine import Cancelled, EngineInputError, run_monte_carlo
from workbench.engine import montecarlo as mc
from workbench.engine.evaluate import evaluate_model, model_for
from workbench.engine.instruments import compile_clauses
from workbench.engine.results import MC_SUMMARY_COLUMNS


@pytest.fixture(scope="module")
def scenario():
    return default_scenario()


@pytest.fixture(scope="module")
def compiled(scenario):
    model = model_for(scenario)
    comps, _ = compile_clauses(model, list(scenario.document.clauses))
    return model, comps


def test_shapes_and_reproducibility(scenario):
    a = run_monte_carlo(scenario, paths=300, seed=7)
    b = run_monte_carlo(scenario, paths=300, seed=7)
    c = run_monte_carlo(scenario, paths=300, seed=8)
    assert list(a.summary.columns) == list(MC_SUMMARY_COLUMNS)
    assert list(a.summary.index) == ["US", "EU", "JP", "MX", "CN", "ROW"]
    assert list(a.fan.columns) == ["year", "region", "q05", "q25", "q50", "q75", "q95"]
    assert a.paths == 300 and a.seed == 7
    assert np.array_equal(a.pv, b.pv)
    assert not np.allclose(a.pv, c.pv)
    s = a.summary
    assert (s.p5_pv_usd <= s.p50_pv_usd).all() and (s.p50_pv_usd <= s.p95_pv_usd).all()
    assert np.isfinite(s.to_numpy()).all()
    assert set(a.cfd_rebate_probability) == {"nickel-cfd"}
    assert 0.0 <= a.cfd_rebate_probability["nickel-cfd"] <= 1.0
    data = json.loads(json.dumps(a.to_json()))
    assert data["summary"]["US"].keys() == set(MC_SUMMARY_COLUMNS)
    assert len(data["fan"]) == len(a.years) * len(a.regions)


def test_defaults_come_from_the_scenario(scenario):
    res = run_monte_carlo(scenario)
    assert res.paths == scenario.document.assumptions.monte_carlo.paths
    assert res.seed == scenario.document.assumptions.monte_carlo.seed


def test_without_volatility_every_path_is_the_deterministic_result(compiled):
    model, comps = compiled
    flat = replace(model, markets={k: replace(m, volatility=0.0) for k, m in model.markets.items()})
    res = mc.simulate(flat, comps, paths=5, seed=1)
    det = evaluate_model(flat, comps).partner_table.fiscal_cost_pv_usd.to_numpy()
    assert np.allclose(res.pv, det[None, :], rtol=1e-9, atol=1e-3)


@pytest.mark.parametrize("basis", ["agreed", "market_plus_premium"])
def test_without_volatility_a_binding_budget_cap_is_the_deterministic_result(compiled, basis):
    # the cap runs out in the second or third year: the market must lose the purchases the budget cannot pay for
    model, _ = compiled
    flat = replace(model, markets={k: replace(m, volatility=0.0) for k, m in model.markets.items()})
    agreed = basis == "agreed"
    clause = PurchaseClause(id="capped", title="t", mineral="indium" if agreed else "cobalt", parties=["US", "JP"],
                            start_year=2026, duration_years=5, proposed_by="US", price_basis=basis,
                            annual_volume=Volume(amount=133.0 if agreed else 20_000.0),
                            agreed_price=Price(amount=312.5, per="kg") if agreed else None, premium_share=0.1,
                            sources=["JP", "ROW"] if agreed else ["ROW"],
                            budget_cap=Money(amount=100e6 if agreed else 2e9))
    comps, _ = compile_clauses(flat, [clause])
    det = evaluate_model(flat, comps)
    outlay = det.fiscal.query("instrument == 'purchase_outlay'").amount_usd.sum()
    assert outlay == pytest.approx(100e6 if agreed else 2e9, rel=1e-6)
    res = mc.simulate(flat, comps, paths=4, seed=1)
    assert np.allclose(res.pv, det.partner_table.fiscal_cost_pv_usd.to_numpy()[None, :], rtol=1e-9, atol=1e-3)
    for vary in (False, True):  # the per-path solver (used when elasticities vary) books the same
        fixed = mc.simulate(replace(flat, markets={k: replace(m, supply_low=m.supply_elasticity,
                                                              supply_high=m.supply_elasticity,
                                                              demand_low=m.demand_elasticity,
                                                              demand_high=m.demand_elasticity)
                                                   for k, m in flat.markets.items()}),
                            comps, paths=3, seed=2, vary_elasticities=vary)
        assert np.allclose(fixed.pv, res.pv[:3], rtol=1e-9, atol=1e-3)


def test_grid_interpolation_matches_solving_every_path(compiled, monkeypatch):
    model, comps = compiled
    grid = mc.simulate(model, comps, paths=200, seed=3)
    fixed = {m: (np.broadcast_to(model.markets[m].supply_elasticity, (200, 6)),
                 np.broadcast_to(model.markets[m].demand_elasticity, (200, 6))) for m in model.markets}
    real = mc._draw_elasticities

    def same_elasticities(mdl, minerals, paths, rng):
        real(mdl, minerals, paths, rng)  # keep the random stream identical
        return (np.stack([fixed[m][0] for m in minerals]), np.stack([fixed[m][1] for m in minerals]))

    monkeypatch.setattr(mc, "_draw_elasticities", same_elasticities)
    direct = mc.simulate(model, comps, paths=200, seed=3, vary_elasticities=True)
    scale = np.abs(direct.pv).mean(axis=0) + 1.0
    assert (np.abs(grid.pv - direct.pv).max(axis=0) / scale < 0.02).all()
    assert np.allclose(grid.pv.mean(axis=0), direct.pv.mean(axis=0), rtol=2e-3, atol=1e3)


def _jumps_grid_and_direct(monkeypatch, mineral: str, edit, supplier: str):
    """Monte Carlo of the default scenario's clauses on ``mineral`` alone (changed by ``edit``), with one risk (a
    30 % chance a year that ``supplier`` loses 40 % of its output for two years): (tabulated, per-path solve,
    without the jumps)."""
    from workbench.document import Scenario
    from workbench.engine.disruptions import Risk

    data = default_scenario().to_data()
    doc = data["document"]
    doc["clauses"] = [edit(c) for c in doc["clauses"] if c["mineral"] == mineral]
    doc["stress_tests"] = []
    sc = Scenario.from_data(data)
    model = model_for(sc)
    comps, _ = compile_clauses(model, list(sc.document.clauses))
    jumps = [Risk(mineral, supplier, 0.3, 2, 0.4)]
    grid = mc.simulate(model, comps, paths=200, seed=3, jumps=jumps)
    calm = mc.simulate(model, comps, paths=200, seed=3)
    real = mc._draw_elasticities

    def same_elasticities(mdl, minerals, paths, rng):
        real(mdl, minerals, paths, rng)  # keep the random stream identical
        m = model.markets[mineral]
        return (np.broadcast_to(m.supply_elasticity, (1, paths, 6)),
                np.broadcast_to(m.demand_elasticity, (1, paths, 6)))

    monkeypatch.setattr(mc, "_draw_elasticities", same_elasticities)
    return grid, mc.simulate(model, comps, paths=200, seed=3, vary_elasticities=True, jumps=jumps), calm


def test_grid_interpolation_matches_solving_every_path_under_disruption_jumps(monkeypatch):
    # the tungsten tariff alone (no price-contingent clause: a grid of two points), CN supply cut in some years: the
    # disrupted years are tabulated on their own grid; amounts per unit of reference price are the same at every
    # grid point, so the tabulation is exact
    grid, direct, calm = _jumps_grid_and_direct(monkeypatch, "tungsten", lambda c: c, "CN")
    assert not np.allclose(direct.pv, calm.pv)   # the jumps strike
    assert np.allclose(grid.pv, direct.pv, rtol=1e-9, atol=1e-3)


def test_a_price_contingent_clause_under_disruption_jumps_is_tabulated_within_one_percent(monkeypatch):
    # the nickel CfD pays by the price, so its amounts are interpolated on the reference-price grid; the disrupted
    # years' grid (every other point of the calm one) must still span every path's price, or the paths beyond its
    # last point are read off the wrong price: tabulated = per-path solve to 1.5 % on the worst path, 0.2 % on average
    grid, direct, calm = _jumps_grid_and_direct(monkeypatch, "nickel", lambda c: c, "ROW")
    assert not np.allclose(direct.pv, calm.pv)
    scale = np.abs(direct.pv).mean(axis=0) + 1.0
    assert (np.abs(grid.pv - direct.pv).max(axis=0) / scale < 0.015).all()
    assert (np.abs(grid.pv.mean(axis=0) - direct.pv.mean(axis=0)) / scale < 2e-3).all()


def test_paths_where_a_stockpile_budget_binds_are_solved_with_their_disruptions(monkeypatch):
    # the cobalt tranche bought at the market price with USD 300 m for five years of 5,000 t: the budget binds on
    # some paths, which are solved one by one, each with the supply cut its years have
    def capped(c):
        return c | {"budget_cap": {"amount": 300e6, "currency": "USD"}}

    grid, direct, calm = _jumps_grid_and_direct(monkeypatch, "cobalt", capped, "ROW")
    assert not np.allclose(direct.pv, calm.pv)
    scale = np.abs(direct.pv).mean(axis=0) + 1.0
    assert (np.abs(grid.pv - direct.pv).max(axis=0) / scale < 0.02).all()


def test_varying_elasticities_widens_nothing_into_nan(scenario):
    a = scenario.document.assumptions
    vary = scenario.model_copy(update={"document": scenario.document.model_copy(update={"assumptions": a.model_copy(
        update={"monte_carlo": a.monte_carlo.model_copy(update={"vary_elasticities": True})})})})
    res = run_monte_carlo(vary, paths=200, seed=5)
    assert np.isfinite(res.pv).all() and np.isfinite(res.annual).all()


def test_price_shocks_follow_the_ou_variance(compiled):
    model, _ = compiled
    rng = np.random.default_rng(0)
    z = mc.price_shocks(model, ["nickel"], 40_000, rng)[0]
    mk = model.markets["nickel"]
    k, s = mk.mean_reversion, mk.volatility
    t = np.arange(1, model.horizon + 1)
    expected = s ** 2 * (1 - np.exp(-2 * k * t)) / (2 * k)
    assert np.allclose(z.var(axis=1), expected, rtol=0.05)
    assert np.allclose(np.median(z, axis=1), 0.0, atol=0.02)


def _cfd_model(compiled, strike, threshold, alpha):
    model, _ = compiled
    clause = CfdClause(id="fixed-cfd", title="t", mineral="nickel", parties=["EU"], start_year=2026,
                       duration_years=10, proposed_by="EU", strike_price=Price(amount=strike, per="t"),
                       rebate_threshold=Price(amount=threshold, per="t"), clawback_share=alpha,
                       volume_basis="fixed_volume", contracted_volume=Volume(amount=1000))
    comps, _ = compile_clauses(model, [clause])
    return model, comps


def test_cfd_rebate_probability(compiled):
    model, _ = compiled
    p0 = model.markets["nickel"].price
    never = mc.simulate(*_cfd_model(compiled, p0, 1e6, 1.0), paths=500, seed=2)
    assert never.cfd_rebate_probability["fixed-cfd"] == 0.0
    always = mc.simulate(*_cfd_model(compiled, 1.0, 1.0, 1.0), paths=500, seed=2)
    assert always.cfd_rebate_probability["fixed-cfd"] == 1.0
    # strike = threshold = base price, full clawback: rebate when the discounted average price ends above P0
    even = mc.simulate(*_cfd_model(compiled, p0, p0, 1.0), paths=2000, seed=2)
    assert 0.4 < even.cfd_rebate_probability["fixed-cfd"] < 0.65


def test_progress_and_cancel(scenario):
    seen = []
    run_monte_carlo(scenario, paths=200, seed=1, progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) > 2
    assert seen[0] == 0.05      # the bar moves once the paths are drawn, before the first market is solved
    calls = []

    def cancel_after_two():
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(Cancelled):
        run_monte_carlo(scenario, paths=200, seed=1, cancelled=cancel_after_two)


def test_bad_paths_and_seed_name_the_argument(scenario):
    with pytest.raises(EngineInputError, match="paths.*0"):
        run_monte_carlo(scenario, paths=0)
    with pytest.raises(EngineInputError, match="seed.*-1"):
        run_monte_carlo(scenario, paths=100, seed=-1)
    with pytest.raises(EngineInputError, match="paths: 900,000 paths x 10 years x 6 regions.*at most 333,333"):
        run_monte_carlo(scenario, paths=900_000)


def test_the_monte_carlo_module_is_imported_on_first_use_through_the_public_api():
    code = ("import sys, workbench.engine as engine\n"
            "before = 'workbench.engine.montecarlo' in sys.modules\n"
            "from workbench.engine import MonteCarloResult, run_monte_carlo\n"
            "print(before, run_monte_carlo is sys.modules['workbench.engine.montecarlo'].run_monte_carlo,\n"
            "      MonteCarloResult.__name__, hasattr(engine, 'no_such_name'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.split() == ["False", "True", "MonteCarloResult", "False"]


def test_same_seed_same_bits_in_every_process():
    """Nothing depends on Python's per-process string hashing (set order of clause ids): the docs promise same seed,
    same result."""
    code = ("import hashlib; from workbench.defaults import default_scenario; "
            "from workbench.engine import run_monte_carlo; "
            "mc = run_monte_carlo(default_scenario(), paths=200, seed=11); "
            "print(hashlib.sha256(mc.annual.tobytes()).hexdigest())")
    digests = set()
    for hash_seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
        assert out.returncode == 0, out.stderr
        digests.add(out.stdout.strip())
    assert len(digests) == 1 and len(next(iter(digests))) == len(hashlib.sha256().hexdigest())


def test_an_agreed_price_budget_is_settled_once_not_path_by_path(scenario, monkeypatch):
    # indium bought at an agreed price spends the same on every path, so where its budget runs out (cut here to
    # USD 40 m, a bit over one year's purchases) is worked out once; cobalt at the market price with USD 12 bn is
    # never exhausted: every path is read off the tabulated grid (what makes 2,000 paths take seconds)
    clauses = [c.model_copy(update={"budget_cap": c.budget_cap.model_copy(update={"amount": 40e6})})
               if c.id == "indium-purchase" else c for c in scenario.document.clauses]
    tight = scenario.model_copy(update={"document": scenario.document.model_copy(update={"clauses": clauses})})
    one_by_one = []
    budgeted = mc._budgeted

    def spy(setup, shock, *args, **kw):
        one_by_one.append((tuple(setup.minerals), shock.shape))
        return budgeted(setup, shock, *args, **kw)

    monkeypatch.setattr(mc, "_budgeted", spy)
    res = run_monte_carlo(tight, paths=200, seed=1)
    assert one_by_one == []
    assert np.isfinite(res.pv).all()


def test_paths_and_seed_are_checked_at_their_boundaries(scenario, monkeypatch):
    """One path and seed 0 are accepted; 1,000,000 paths pass the count check (and fail on memory for the default
    scenario's 10 years x 6 regions), 1,000,001 do not; a fractional count or seed is refused; exactly the memory
    limit is accepted, one path more is refused with the largest count that fits."""
    one = run_monte_carlo(scenario, paths=np.int64(1), seed=0)
    assert one.paths == 1 and one.seed == 0 and one.pv.shape == (1, 6) and np.isfinite(one.pv).all()
    with pytest.raises(EngineInputError, match=r"^paths: must be a whole number from 1 to 1,000,000, got 1000001$"):
        run_monte_carlo(scenario, paths=1_000_001)
    with pytest.raises(EngineInputError, match=r"^paths: 1,000,000 paths x 10 years x 6 regions is too large to hold "
                                               r"in memory; use at most 333,333 paths$"):
        run_monte_carlo(scenario, paths=1_000_000)
    with pytest.raises(EngineInputError, match=r"^paths: must be a whole number from 1 to 1,000,000, got 2.0$"):
        run_monte_carlo(scenario, paths=2.0)
    with pytest.raises(EngineInputError, match=r"^seed: must be a non-negative whole number, got 1.5$"):
        run_monte_carlo(scenario, paths=2, seed=1.5)
    monkeypatch.setattr(mc, "MAX_CELLS", 2 * 60)
    assert run_monte_carlo(scenario, paths=2, seed=1).pv.shape == (2, 6)
    with pytest.raises(EngineInputError, match=r"^paths: 3 paths x 10 years x 6 regions .* use at most 2 paths$"):
        run_monte_carlo(scenario, paths=3, seed=1)
