"""Monte Carlo on a tiny market with known draws: the OU recursion step by step, elasticities drawn at known points,
and every path booking what the deterministic model books at that path's reference prices."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pytest

from workbench.document import CfdClause, Money, PurchaseClause, TariffClause, Volume
from workbench.engine import InfeasibleMarket
from workbench.engine import montecarlo as mc
from workbench.engine.evaluate import evaluate_model
from workbench.engine.instruments import compile_clauses
from tests.test_engine_cases import P0, common, market, model, usd_t

H = 3


class KnownDraws:
    """Stands in for the random generator: hands out the given tables, in order, to ``standard_normal``/``random``."""

    def __init__(self, *tables):
        self.tables = [np.asarray(t, float) for t in tables]

    def _next(self, shape):
        table = self.tables.pop(0)
        assert table.shape == shape
        return table

    standard_normal = random = _next


def _ore(**kw):
    return market([1, 1, 2, 1], [1, 1.5, 1, 1.5], horizon=H, **kw)


def test_price_shocks_follow_the_ou_recursion_draw_by_draw():
    """Mean reversion ln 2 halves a deviation each year; the shock's scale is s sqrt((1 - 1/4) / (2 ln 2)) so that
    the stationary spread is s: draws (1, 0, -1) give (sd, sd/2, sd/4 - sd). Without mean reversion the log price is
    a random walk with steps s e_t."""
    s = 0.2
    sd = s * math.sqrt(0.75 / (2 * math.log(2)))
    half = model(_ore(volatility=s, mean_reversion=math.log(2)), horizon=H)
    draws = np.array([[1.0, 2.0], [0.0, 0.0], [-1.0, 1.0]])          # (H, paths)
    z = mc.price_shocks(half, ["ore"], 2, KnownDraws(draws))
    assert z.shape == (1, H, 2)
    assert z[0, :, 0].tolist() == pytest.approx([sd, sd / 2, sd / 4 - sd], rel=1e-12)
    assert z[0, :, 1].tolist() == pytest.approx([2 * sd, sd, sd / 2 + sd], rel=1e-12)
    walk = model(_ore(volatility=s, mean_reversion=0.0), horizon=H)
    z = mc.price_shocks(walk, ["ore"], 2, KnownDraws(draws))
    assert z[0, :, 0].tolist() == pytest.approx([s, s, 0.0], abs=1e-15)
    assert z[0, :, 1].tolist() == pytest.approx([2 * s, 2 * s, 3 * s], rel=1e-12)
    # a reversion speed of 1e-9 a year or less counts as none: the steps are s e_t exactly, not the limit's rounding
    barely = model(_ore(volatility=s, mean_reversion=1e-9), horizon=H)
    assert mc.price_shocks(barely, ["ore"], 2, KnownDraws(draws))[0, 0].tolist() == [s, 2 * s]


def test_elasticities_are_drawn_uniformly_within_each_range():
    """Draws 0, 1/4 and 1 give the low end, a quarter of the way up, and the high end, for every region alike."""
    low, high = np.array([0.2, 0.4, 0.6, 0.8]), np.array([1.0, 1.2, 1.4, 1.6])
    mk = _ore(supply_low=low, supply_high=high, demand_low=-high, demand_high=-low)
    draws = np.array([0.0, 0.25, 1.0])[None, :, None]
    supply, demand = mc._draw_elasticities(model(mk), ["ore"], 3, KnownDraws(draws, draws[:, ::-1]))
    assert supply.shape == demand.shape == (1, 3, 4)
    assert np.allclose(supply[0], [low, low + 0.2, high])
    assert np.allclose(demand[0], [-low, -high + 0.2, -high])


# reference price relative to the baseline, path by path (rows) and year by year: a calm path, a rising one, a
# swinging one, and one high throughout (the CfD's clawback then outweighs its payments)
PATH_PRICES = np.array([[1.0, 1.0, 1.0], [0.8, 1.2, 1.6], [1.5, 0.7, 1.1], [1.6, 1.6, 1.6]])


def _clauses():
    """A 50 % US tariff on CN's ore and an EU-US CfD on 0.5 t at strike 1.1 P0, half the gain above 1.3 P0 back."""
    return [TariffClause(id="t", rate=0.5, exporters=["CN"], **common(parties=["US"])),
            CfdClause(id="c", strike_price=usd_t(1.1 * P0), rebate_threshold=usd_t(1.3 * P0), clawback_share=0.5,
                      volume_basis="fixed_volume", contracted_volume=Volume(amount=0.5),
                      **common(parties=["EU", "US"]))]


def _known_paths(monkeypatch, mk, clauses, rate=0.1, path_prices=PATH_PRICES, **kw):
    """Monte Carlo whose price shocks are ``path_prices``, and the deterministic run at each path's prices."""
    mdl = model(mk, horizon=H, rate=rate)
    comps, _ = compile_clauses(mdl, clauses)
    z = np.log(path_prices).T[None]
    monkeypatch.setattr(mc, "price_shocks", lambda model, minerals, paths, rng: z.copy())
    res = mc.simulate(mdl, comps, paths=len(path_prices), seed=1, **kw)
    det = [evaluate_model(replace(mdl, markets={"ore": replace(mk, price_index=mk.price_index * prices)}), comps)
           for prices in path_prices]
    return res, det


def test_each_path_books_what_the_deterministic_model_books_at_its_prices(monkeypatch):
    """Annual net cost by region and its present value at 10 %, path by path; the price-contingent CfD is read off
    the 129-point grid between the lowest and highest price of each year (to 5e-5 of the path's cost). The CfD nets
    a rebate over the horizon on the high path only: rebate probability 1/4."""
    res, det = _known_paths(monkeypatch, _ore(), _clauses())
    assert res.pv.shape == (4, 4) and res.annual.shape == (4, H, 4)
    for p, d in enumerate(det):
        scale = np.abs(d.annual_net).sum()
        assert np.abs(res.annual[p] - d.annual_net).max() < 5e-5 * scale
        assert np.abs(res.pv[p] - d.partner_table.fiscal_cost_pv_usd.to_numpy()).max() < 5e-5 * scale
        assert d.annual_net[:, 2:].sum() == 0.0 and d.fiscal.instrument.nunique() >= 2
    cfd = [d.fiscal.query("clause_id == 'c'") for d in det]
    cfd_net = [(f.amount_usd / 1.1 ** (f.year - 2025)).sum() for f in cfd]
    assert [v < 0 for v in cfd_net] == [False, False, False, True]
    assert res.cfd_rebate_probability == {"c": 0.25}


def _fixed_range(mk):
    """The market with its elasticity ranges shrunk to the central values: the per-path solver draws those."""
    return replace(mk, supply_low=mk.supply_elasticity, supply_high=mk.supply_elasticity,
                   demand_low=mk.demand_elasticity, demand_high=mk.demand_elasticity)


def test_the_per_path_solver_books_the_deterministic_result_whatever_its_block_size(monkeypatch):
    """With elasticities 'drawn' from one-point ranges, every path is solved on its own: exactly the deterministic
    run at its prices, in one block of paths or in blocks of three and one."""
    res, det = _known_paths(monkeypatch, _fixed_range(_ore()), _clauses(), vary_elasticities=True)
    for p, d in enumerate(det):
        assert np.allclose(res.annual[p], d.annual_net, rtol=1e-9, atol=1e-9)
    monkeypatch.setattr(mc, "CHUNK_PATHS", 3)
    seen = []
    blocks, _ = _known_paths(monkeypatch, _fixed_range(_ore()), _clauses(), vary_elasticities=True,
                             progress=seen.append)
    assert np.allclose(blocks.annual, res.annual, rtol=1e-12, atol=1e-12)
    assert blocks.cfd_rebate_probability == res.cfd_rebate_probability == {"c": 0.25}
    assert seen == pytest.approx([0.05, 0.05 + 0.9 / 2, 0.95, 1.0])   # drawn, one tick per block, done


def test_a_budget_cap_binding_on_some_paths_is_settled_path_by_path(monkeypatch):
    """0.3 t a year bought from CN at the market price plus 10 % for the US and EU with USD 1.1 P0 in all: the calm
    path spends 1.04 P0, the dearer paths run out of budget. Each path books what the deterministic run at its
    prices books, budget settlement included, through the tabulated and the per-path solver alike."""
    buy = PurchaseClause(id="b", annual_volume=Volume(amount=0.3), price_basis="market_plus_premium",
                         premium_share=0.1, sources=["CN"], budget_cap=Money(amount=1.1 * P0), storage_cost_rate=0.0,
                         **common(parties=["US", "EU"]))
    for vary in (False, True):
        res, det = _known_paths(monkeypatch, _fixed_range(_ore()), [buy], vary_elasticities=vary)
        outlay = [d.fiscal.query("instrument == 'purchase_outlay'").amount_usd.sum() / P0 for d in det]
        assert outlay[0] < 1.05 and outlay[1:] == pytest.approx([1.1] * 3)
        for p, d in enumerate(det):
            assert np.allclose(res.annual[p], d.annual_net, rtol=1e-7, atol=1e-6)
            assert np.allclose(res.annual[p, :, 0], res.annual[p, :, 1])      # equal shares


def test_disruption_states_drawn_known_are_tabulated_on_their_own_grid(monkeypatch):
    """CN loses 40 % of its output in the years given path by path (none; 2026-27; 2027-28; all three). The calm path
    books what the run without disruptions books; a disrupted path books what the per-path solver books with the
    same cut (read off the disrupted grid of 65 points to 2e-4 of the path's cost), and not the calm result."""
    state = np.array([[0, 0, 0], [1, 1, 0], [0, 1, 1], [1, 1, 1]]).T
    scales = np.array([[1.0, 1.0, 1.0, 1.0], [1.0, 1.0, 0.6, 1.0]])
    monkeypatch.setattr(mc, "draw_states", lambda model, minerals, risks, paths, rng: {0: (scales, state)})
    mk = _fixed_range(_ore())
    calm, _ = _known_paths(monkeypatch, mk, _clauses())
    grid, _ = _known_paths(monkeypatch, mk, _clauses(), jumps=["a risk"])
    direct, _ = _known_paths(monkeypatch, mk, _clauses(), jumps=["a risk"], vary_elasticities=True)
    scale = np.abs(direct.annual).sum(axis=(1, 2))
    assert (np.abs(grid.annual - direct.annual).max(axis=(1, 2)) < 2e-4 * scale).all()
    assert np.allclose(grid.annual[0], calm.annual[0], rtol=1e-12, atol=1e-12)
    assert np.abs(direct.annual[0] - calm.annual[0]).max() < 5e-5 * scale[0]
    disrupted = np.abs(direct.annual - calm.annual).max(axis=2) > 1e-3 * scale[:, None]   # (P, H)
    assert disrupted.T.tolist() == (state == 1).tolist()


def _capped(volume, cap=1.1):
    """``volume`` t a year from CN at the market price plus 10 % for the US and EU, USD ``cap`` x P0 in all."""
    return PurchaseClause(id="b", annual_volume=Volume(amount=volume), price_basis="market_plus_premium",
                          premium_share=0.1, sources=["CN"], budget_cap=Money(amount=cap * P0) if cap else None,
                          storage_cost_rate=0.0, **common(parties=["US", "EU"]))


def _one_by_one(monkeypatch):
    """Records which paths (by their price in the last year) are settled one by one."""
    seen = []
    budgeted = mc._budgeted

    def spy(setup, shock, *args, **kw):
        seen.extend(np.round(shock[0, -1], 9).tolist())
        return budgeted(setup, shock, *args, **kw)

    monkeypatch.setattr(mc, "_budgeted", spy)
    return seen


def test_paths_settled_one_by_one_keep_their_disruptions(monkeypatch):
    """The budget-capped purchase on paths with CN's output cut by 40 % in known years (as in the disruption test
    above): the paths whose budget binds are settled one by one each with its own cut years, exactly as the per-path
    solver settles them, and the cuts change what they book."""
    state = np.array([[0, 0, 0], [1, 1, 0], [0, 1, 1], [1, 1, 1]]).T
    scales = np.array([[1.0, 1.0, 1.0, 1.0], [1.0, 1.0, 0.6, 1.0]])
    monkeypatch.setattr(mc, "draw_states", lambda model, minerals, risks, paths, rng: {0: (scales, state)})
    mk = _fixed_range(_ore())
    calm, _ = _known_paths(monkeypatch, mk, [_capped(0.3)])
    seen = _one_by_one(monkeypatch)
    grid, _ = _known_paths(monkeypatch, mk, [_capped(0.3)], jumps=["a risk"])
    assert len(seen) == 3
    direct, _ = _known_paths(monkeypatch, mk, [_capped(0.3)], jumps=["a risk"], vary_elasticities=True)
    assert np.allclose(grid.annual, direct.annual, rtol=1e-7, atol=1e-6)
    assert np.allclose(grid.annual[0], calm.annual[0], rtol=1e-7, atol=1e-6)
    assert (np.abs(grid.annual[1:] - calm.annual[1:]).max(axis=(1, 2)) > 1.0).all()


def test_only_the_paths_on_which_the_budget_binds_are_settled_one_by_one(monkeypatch):
    """The USD 1.1 P0 budget of 0.3 t a year runs out on the three dearer paths, not on the calm one: those three are
    solved path by path, the calm one is read off the grid (what keeps 2,000 paths fast); the budget does not bind
    at all with USD 2 P0, and no path is solved one by one."""
    seen = _one_by_one(monkeypatch)
    _known_paths(monkeypatch, _ore(), [_capped(0.3)])
    assert sorted(seen) == pytest.approx(sorted(PATH_PRICES[1:, -1]))
    seen.clear()
    _known_paths(monkeypatch, _ore(), [_capped(0.3, cap=2.0)])
    assert seen == []


def test_a_purchase_beyond_what_the_market_can_supply_is_settled_under_its_budget_path_by_path(monkeypatch):
    """10 t a year from CN, which produces 2 t with supply elasticity 0.1: the full volume has no equilibrium on any
    grid price, so every path is settled under its USD 1.1 P0 budget, as the deterministic run does; without a
    budget cap the run stops at once with the market named."""
    seen = _one_by_one(monkeypatch)
    res, det = _known_paths(monkeypatch, _ore(eps=0.1), [_capped(10.0)])
    assert sorted(seen) == pytest.approx(sorted(PATH_PRICES[:, -1]))
    for p, d in enumerate(det):
        assert np.allclose(res.annual[p], d.annual_net, rtol=1e-7, atol=1e-6)
    mdl = model(_ore(eps=0.1), horizon=H)
    comps, _ = compile_clauses(mdl, [_capped(10.0, cap=None)])
    seen.clear()
    with pytest.raises(InfeasibleMarket, match="the ore market has no equilibrium in 2026 under clause.s. b"):
        mc.simulate(mdl, comps, paths=4, seed=1)
    assert seen == []       # at once, from the grid: no path of a hopeless run is tried one by one


def test_two_minerals_each_on_its_own_paths_and_the_progress_bar_moves_mineral_by_mineral(monkeypatch):
    """Ore under the tariff and the CfD on PATH_PRICES, 'tin' (the same market) under a tariff of its own on those
    paths in reverse order: each path books the deterministic run of both markets at its two prices; the bar moves
    to 0.05 once the paths are drawn, 0.5 and 0.95 as each market is done, 1 at the end."""
    tin_tariff = TariffClause(id="tin-t", rate=0.2, exporters=["CN"], **common(parties=["EU"], mineral="tin"))
    ore, tin = _ore(), replace(_ore(), mineral="tin", name="Tin")
    mdl = replace(model(ore, horizon=H, rate=0.1), markets={"ore": ore, "tin": tin})
    comps, _ = compile_clauses(mdl, [*_clauses(), tin_tariff])
    prices = {"ore": PATH_PRICES, "tin": PATH_PRICES[::-1]}
    z = np.log(np.stack([prices["ore"].T, prices["tin"].T]))
    monkeypatch.setattr(mc, "price_shocks", lambda model, minerals, paths, rng: z.copy())
    seen = []
    res = mc.simulate(mdl, comps, paths=4, seed=1, progress=seen.append)
    assert seen == pytest.approx([0.05, 0.5, 0.95, 1.0])
    for p in range(4):
        at = {m: replace(mk, price_index=prices[m][p]) for m, mk in mdl.markets.items()}
        d = evaluate_model(replace(mdl, markets=at), comps)
        assert np.abs(res.annual[p] - d.annual_net).max() < 5e-5 * np.abs(d.annual_net).sum()
        assert d.fiscal.query("clause_id == 'tin-t'").amount_usd.sum() < 0       # the tin tariff books revenue
    # the per-path solver, in blocks of three paths and one: a quarter of the bar per block of a market
    monkeypatch.setattr(mc, "CHUNK_PATHS", 3)
    seen.clear()
    fixed = replace(mdl, markets={m: _fixed_range(mk) for m, mk in mdl.markets.items()})
    direct = mc.simulate(fixed, comps, paths=4, seed=1, progress=seen.append, vary_elasticities=True)
    assert seen == pytest.approx([0.05, 0.275, 0.5, 0.725, 0.95, 1.0])
    assert np.abs(direct.annual - res.annual).max() < 5e-5 * np.abs(res.annual).sum(axis=(1, 2)).min()


def test_a_cfd_that_neither_pays_nor_claws_back_is_no_rebate():
    """Rebate probability counts the paths on which the CfD nets money back to the treasury, not those on which it
    nets nothing: prices between the strike (1.1 P0) and the rebate threshold (1.3 P0) every year book nothing."""
    def odds(*rows):
        mp = pytest.MonkeyPatch()
        try:
            res, _ = _known_paths(mp, _ore(), _clauses()[1:], path_prices=np.array(rows))
        finally:
            mp.undo()
        return res.cfd_rebate_probability["c"]

    assert odds([1.2, 1.2, 1.2], [1.15, 1.25, 1.2]) == 0.0
    assert odds([1.2, 1.2, 1.2], [1.2, 1.2, 1.5]) == 0.5
    assert odds([1.2, 1.2, 1.2], [1.0, 1.2, 1.4]) == 0.0      # paid 0.1 P0 x 0.5 t, half of 0.1 P0 x 0.5 t back


def test_a_market_without_clauses_leaves_the_others_draws_alone(monkeypatch):
    """Same seed, same paths: adding a market no clause touches (listed first) changes nothing in the results, and
    neither does a clause on it that starts after the horizon."""
    mdl = model(_ore(), horizon=H, rate=0.1)
    comps, _ = compile_clauses(mdl, _clauses())
    alone = mc.simulate(mdl, comps, paths=50, seed=4)
    tin = replace(_ore(), mineral="tin", name="Tin")
    both = replace(mdl, markets={"tin": tin, "ore": mdl.markets["ore"]})
    late = TariffClause(id="late", rate=0.2, exporters=["CN"], **common(mineral="tin", start_year=2040))
    comps, _ = compile_clauses(both, [*_clauses(), late])
    assert not any(c.years.any() for c in comps if c.clause_id == "late")
    assert np.array_equal(mc.simulate(both, comps, paths=50, seed=4).annual, alone.annual)


def test_disruption_years_come_from_the_documented_stream(monkeypatch):
    """docs/model.md: the jumps are drawn from their own stream (seed, 1); the states drawn there by hand give the
    run's result, and another seed's states do not."""
    from workbench.engine.disruptions import Risk, draw_states

    mdl = model(_ore(), horizon=H, rate=0.1)
    comps, _ = compile_clauses(mdl, _clauses())
    risks = [Risk("ore", "CN", 0.5, 1, 0.4)]
    run = mc.simulate(mdl, comps, paths=20, seed=7, jumps=risks)

    def replay(stream):
        states = draw_states(mdl, ["ore"], risks, 20, np.random.default_rng(stream))
        monkeypatch.setattr(mc, "draw_states", lambda *args: states)
        return mc.simulate(mdl, comps, paths=20, seed=7, jumps=risks).annual

    assert np.array_equal(replay([7, 1]), run.annual)
    assert not np.array_equal(replay([7, 2]), run.annual)


def test_a_clause_worth_cents_is_booked_too(monkeypatch):
    """The CfD on 1 kg (cents a year): every path books its few cents, as the deterministic run does (to 0.1 %: a
    price on the strike is read between two grid points either side of the kink)."""
    tiny = _clauses()[1].model_copy(update={"contracted_volume": Volume(amount=0.001)})
    res, det = _known_paths(monkeypatch, _ore(), [tiny])
    for p, d in enumerate(det):
        scale = np.abs(d.annual_net).sum()
        assert 0 < scale < 1.0 and np.abs(res.annual[p] - d.annual_net).max() < 1e-3 * scale
    assert res.cfd_rebate_probability == {"c": 0.25}     # the high path nets a rebate of a few cents


def test_prices_just_past_the_strike_and_the_threshold_at_the_ends_of_the_grid(monkeypatch):
    """The cheapest path a tenth of a percent under the CfD's strike, the dearest just over its rebate threshold: the
    few dollars paid and clawed back there (0.001 P0 x 0.5 t and half of it) are read off the grid's first and
    last points, not extrapolated from the points beyond the kinks (which would book nothing)."""
    rows = np.array([[1.099, 1.2, 1.2], [1.301, 1.2, 1.2], [1.2, 1.099, 1.301], [1.25, 1.25, 1.25]])
    res, det = _known_paths(monkeypatch, _ore(), _clauses()[1:], path_prices=rows)
    assert det[0].annual_net[0, :2].sum() == pytest.approx(0.001 * P0 * 0.5, rel=1e-6)
    assert det[1].annual_net[0, :2].sum() == pytest.approx(-0.5 * 0.001 * P0 * 0.5, rel=1e-6)
    for p, d in enumerate(det):
        assert np.allclose(res.annual[p], d.annual_net, rtol=1e-6, atol=1e-6)


def test_the_per_path_solver_moves_the_bar_every_500_paths():
    """With elasticities drawn path by path, 501 paths are solved as 500 and 1: the bar (and the cancel check) moves
    halfway after the first 500."""
    mdl = model(_fixed_range(_ore()), horizon=H, rate=0.1)
    comps, _ = compile_clauses(mdl, _clauses())
    seen = []
    mc.simulate(mdl, comps, paths=501, seed=2, vary_elasticities=True, progress=seen.append)
    assert seen == pytest.approx([0.05, 0.5, 0.95, 1.0])


def test_two_cfds_each_with_its_own_rebate_odds(monkeypatch):
    """Beside the 1.1 / 1.3 P0 CfD, a second one struck at 0.5 P0 with half the gain above 0.9 P0 clawed back: it
    claws back on every path (prices are 0.7 P0 or more, above 0.9 P0 in most years), the first nets a rebate on
    the high path only; each path books what the deterministic run books."""
    low = CfdClause(id="low", strike_price=usd_t(0.5 * P0), rebate_threshold=usd_t(0.9 * P0), clawback_share=0.5,
                    volume_basis="fixed_volume", contracted_volume=Volume(amount=0.5), **common(parties=["US"]))
    res, det = _known_paths(monkeypatch, _ore(), [*_clauses(), low])
    assert res.cfd_rebate_probability == {"c": 0.25, "low": 1.0}
    for p, d in enumerate(det):
        assert np.abs(res.annual[p] - d.annual_net).max() < 5e-5 * np.abs(d.annual_net).sum()


def test_an_agreed_price_budget_runs_out_in_the_same_year_on_every_path(monkeypatch):
    """0.3 t a year at an agreed P0 with USD 0.7 P0: 0.3 P0 in 2026 and 2027, the 0.1 P0 left buys a third of 2028's
    tonnes, whatever the market price; worked out once for all paths (none is settled one by one), each path then
    books what the deterministic run at its prices books, the tariff's and the CfD's flows in the market the smaller
    2028 purchase leaves included."""
    buy = PurchaseClause(id="a", annual_volume=Volume(amount=0.3), agreed_price=usd_t(P0), sources=["CN"],
                         budget_cap=Money(amount=0.7 * P0), storage_cost_rate=0.0, **common(parties=["US"]))
    seen = _one_by_one(monkeypatch)
    res, det = _known_paths(monkeypatch, _ore(), [*_clauses(), buy])
    assert seen == []
    for p, d in enumerate(det):
        outlay = d.fiscal.query("instrument == 'purchase_outlay'").sort_values("year").amount_usd.to_numpy()
        assert outlay == pytest.approx([0.3 * P0, 0.3 * P0, 0.1 * P0])
        assert np.abs(res.annual[p] - d.annual_net).max() < 5e-5 * np.abs(d.annual_net).sum()
