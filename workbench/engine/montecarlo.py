"""run_monte_carlo(): fiscal cost under uncertain reference-price paths (OU on log price), vectorised over paths."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable

import numpy as np

from workbench.engine.budgets import budget_fractions, settle_budgets
from workbench.engine.cases import MarketSetup, build_cases, prepare, purchase_volume
from workbench.engine.ledger import market_ledger, purchase_ledger
from workbench.engine.outcome import in_usd_and_tonnes, solve_or_raise
from workbench.engine.disruptions import draw_states, scenario_risks
from workbench.engine.errors import Cancelled, EngineInputError, InfeasibleMarket
from workbench.engine.evaluate import Choices, model_for, select_clauses
from workbench.engine.instruments import Compiled, compile_clauses
from workbench.engine.market import Model
from workbench.engine.results import MonteCarloResult
from workbench.instrument_kinds import Wedge

GRID_POINTS = 129      # reference-price grid per mineral-year on which markets are solved exactly; 2^7 + 1, so
#                        every other point (the disrupted states' grid) still ends on the grid's last price
CHUNK_PATHS = 500      # paths per block when elasticities vary (each path then needs its own solve)
MAX_PATHS = 1_000_000
MAX_CELLS = 20_000_000  # paths x years x regions kept in memory (about 160 MB of annual costs)


def run_monte_carlo(scenario: Any, *, dataset: Any = None, paths: int | None = None, seed: int | None = None,
                    option: str | None = None, choices: Choices | None = None,
                    progress: Callable[[float], None] | None = None,
                    cancelled: Callable[[], bool] | None = None, disruptions: bool | None = None) -> MonteCarloResult:
    """Sample reference-price paths, solve the markets under the clauses, and summarise fiscal cost per region.

    Defaults for ``paths``/``seed`` come from the scenario's assumptions.monte_carlo; elasticities are drawn
    from their ranges when assumptions.monte_carlo.vary_elasticities is set. ``disruptions`` (default
    assumptions.monte_carlo.disruptions) adds disruption jumps (workbench.engine.disruptions).
    """
    mc = scenario.document.assumptions.monte_carlo
    paths = mc.paths if paths is None else paths
    seed = mc.seed if seed is None else seed
    if not isinstance(paths, (int, np.integer)) or not 1 <= paths <= MAX_PATHS:
        raise EngineInputError(f"paths: must be a whole number from 1 to {MAX_PATHS:,}, got {paths!r}")
    if not isinstance(seed, (int, np.integer)) or seed < 0:
        raise EngineInputError(f"seed: must be a non-negative whole number, got {seed!r}")
    model = model_for(scenario, dataset)
    cells = paths * model.horizon * len(model.regions)
    if cells > MAX_CELLS:
        most = MAX_CELLS // (model.horizon * len(model.regions))
        raise EngineInputError(f"paths: {paths:,} paths x {model.horizon} years x {len(model.regions)} regions is "
                               f"too large to hold in memory; use at most {most:,} paths")
    comps, warns = compile_clauses(model, select_clauses(scenario, None, choices), option)
    jumps = scenario_risks(scenario) if (mc.disruptions if disruptions is None else disruptions) else None
    return simulate(model, comps, paths=int(paths), seed=int(seed), vary_elasticities=mc.vary_elasticities,
                    progress=progress, cancelled=cancelled, warnings=list(model.warnings) + warns, jumps=jumps)


def price_shocks(model: Model, minerals: list[str], paths: int, rng: np.random.Generator) -> np.ndarray:
    """Log deviations of the reference price from its baseline path, (M, H, P): an Ornstein-Uhlenbeck process.

    x_t = x_{t-1} e^{-k} + s sqrt((1 - e^{-2k}) / 2k) e_t, x_0 = 0, e_t ~ N(0, 1); s = annual volatility,
    k = mean-reversion speed. The baseline path is the median of the sampled paths.
    """
    h = model.horizon
    out = np.zeros((len(minerals), h, paths))
    for i, mid in enumerate(minerals):
        mk = model.markets[mid]
        k, s = mk.mean_reversion, mk.volatility
        decay = np.exp(-k)
        sd = s * np.sqrt((1.0 - np.exp(-2.0 * k)) / (2.0 * k)) if k > 1e-9 else s
        e = rng.standard_normal((h, paths))
        x = np.zeros(paths)
        for t in range(h):
            x = x * decay + sd * e[t]
            out[i, t] = x
    return out


def simulate(model: Model, comps: list[Compiled], *, paths: int, seed: int, vary_elasticities: bool = False,
             progress=None, cancelled=None, warnings: list[str] | None = None,
             jumps: list | None = None) -> MonteCarloResult:
    """Monte Carlo on a calibrated model and compiled clauses (see run_monte_carlo); ``jumps``: disruption risks.

    The jumps are drawn from their own stream (seed, 1), so the price paths are those of the run without them.
    """
    h, r = model.horizon, len(model.regions)
    rng = np.random.default_rng(seed)
    active = [m for m in model.markets if any(c.mineral == m and c.years.any() for c in comps)]
    remap = {m: i for i, m in enumerate(active)}
    sub = [replace(c, m=remap[c.mineral]) for c in comps if c.mineral in remap]
    setup = prepare(model, active, sub)
    z = price_shocks(model, active, paths, rng)  # (A, H, P)
    elastic = _draw_elasticities(model, active, paths, rng) if vary_elasticities and active else None
    states = draw_states(model, active, jumps, paths, np.random.default_rng([seed, 1])) if jumps else {}
    _tick(progress, cancelled, 0.05)
    annual = np.zeros((paths, h, r))
    cfd_ids = [c.clause_id for c in sub if c.kind.rebate_probability]
    cfd = {cid: np.zeros((h, paths)) for cid in cfd_ids}
    if active:
        # an agreed-price purchase spends the same each year on every path: its budget fractions are path-free
        agreed = [c for c in sub if c.wedge is Wedge.GOVERNMENT_PURCHASE and c.agreed]
        fixed = budget_fractions(np.zeros((len(active), h, 1, r)), agreed)
        if elastic is None:
            net, cfd_net, src = _tabulated(model, setup, z, GRID_POINTS, fixed, progress, cancelled, states)
        else:
            net, cfd_net, src = _direct(model, setup, z, elastic, fixed, progress, cancelled, states)
        annual += net.transpose(1, 0, 2)
        for cid in cfd_ids:
            cfd[cid] += cfd_net[cid]
        frac = budget_fractions(src, sub)
        flows, _stock, _prem = purchase_ledger(src, sub, frac, setup.reference_price[:, :, None] * np.exp(z))
        by_id = {c.clause_id: c for c in sub}
        for cid in dict.fromkeys(k[0] for k in flows):  # clause order, not set order: same seed, same bits
            tot = sum(a for (c_, _i), a in flows.items() if c_ == cid)  # (H, P)
            annual += (tot[..., None] * by_id[cid].weights).transpose(1, 0, 2)
    disc = (1.0 + model.discount_rate) ** -np.arange(1, h + 1, dtype=float)
    pv = np.einsum("pht,h->pt", annual, disc)
    prob = {cid: float(np.mean(np.einsum("hp,h->p", cfd[cid], disc) < 0.0)) for cid in cfd_ids}
    _tick(progress, cancelled, 1.0)
    return MonteCarloResult(paths=paths, seed=seed, years=model.years, regions=list(model.regions), pv=pv,
                            annual=annual, cfd_rebate_probability=prob, warnings=list(warnings or []))


def _tick(progress, cancelled, fraction: float) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled("Monte Carlo run cancelled")
    if progress is not None:
        progress(fraction)


def _draw_elasticities(model: Model, minerals: list[str], paths: int, rng: np.random.Generator):
    """Supply and demand elasticities per (mineral, path, region), uniform within each mineral's range."""
    a = len(minerals)
    supply_draw = rng.random((a, paths, 1))
    demand_draw = rng.random((a, paths, 1))
    markets = [model.markets[m] for m in minerals]
    supply_elasticity = np.stack([mk.supply_low + u * (mk.supply_high - mk.supply_low)
                                  for mk, u in zip(markets, supply_draw)])
    demand_elasticity = np.stack([mk.demand_low + u * (mk.demand_high - mk.demand_low)
                                  for mk, u in zip(markets, demand_draw)])
    return supply_elasticity, demand_elasticity  # (A, P, R) each


def _market_flows(setup: MarketSetup, shock: np.ndarray, years: list[int], elasticities=None, frac=None, strict=True,
                  y0=None, supply=None):
    """Solve (A, H, B) cases, purchases scaled by their budget fractions ``frac`` (default: none binds).

    Returns (net by region (A, H, B, R), CfD nets {clause_id: (H, B)}, source prices (A, H, B, R), equilibrium
    found (A, H, B), log prices (A*H*B, R) to start a nearby solve from); ``strict`` raises InfeasibleMarket for a
    case without an equilibrium. ``supply`` (A, H, B, R): factors on the supply curves (disruption jumps).
    """
    a, h, b = shock.shape
    gov = purchase_volume(setup, frac or {}, b)
    cases = build_cases(setup, shock, gov, elasticities)
    if supply is not None:
        cases = replace(cases, production_share=cases.production_share * supply.reshape(cases.production_share.shape))
    eq = solve_or_raise(setup, cases, years, (a, h, b), strict, y0)
    outcome = in_usd_and_tonnes(setup, eq, shock, gov)
    led = market_ledger(setup, outcome)
    r = setup.production_share.shape[1]
    net = np.zeros((a, h, b, r))
    cfd: dict[str, np.ndarray] = {}
    by_id = {c.clause_id: c for c in setup.clauses}
    for (cid, inst), amt in led.items():
        if inst.startswith("_"):
            continue
        net[by_id[cid].m] += amt
        if by_id[cid].kind.rebate_probability:
            cfd[cid] = cfd.get(cid, 0.0) + amt.sum(axis=-1)
    return net, cfd, outcome.exporter_price, outcome.converged, np.where(eq.converged[:, None], np.log(eq.price), 0.0)


def _budgeted(setup: MarketSetup, shock: np.ndarray, years: list[int], elasticities, frac: dict, supply=None):
    """_market_flows where each capped purchase buys, path by path, what its budget affords (as in evaluate)."""

    warm = [None]  # each settling round starts from the previous round's prices

    def solve_at(f, strict):
        out = _market_flows(setup, shock, years, elasticities, f, strict, warm[0], supply)
        warm[0] = out[4]
        return out[2], out, out[3]

    return settle_budgets(solve_at, setup.clauses, frac, years)[1]


def _tabulated(model: Model, setup: MarketSetup, z: np.ndarray, g: int, fixed: dict, progress, cancelled, states=None):
    """Solve each mineral-year on a grid of reference prices spanning the sampled paths, then interpolate.

    Valid because, with the calibrated constant-elasticity forms, a year's equilibrium depends on the path only
    through that year's reference price. Amounts are interpolated per unit of reference price, so a mineral with
    no price-contingent clause (tariffs, purchases) is exact with a two-point grid. Paths on which a market-price
    purchase runs out of budget depend on their history too: they are solved one by one. With disruption jumps
    (``states``: {mineral index: (supply factors (S, R), state (H, P))}) each state has its own grid.
    """
    a, h, p = z.shape
    r = setup.production_share.shape[1]
    net = np.zeros((h, p, r))
    cfd: dict[str, np.ndarray] = {}
    src: dict[int, np.ndarray] = {}
    for mi, mineral in enumerate(setup.minerals):
        mine = [replace(c, m=0) for c in setup.clauses if c.m == mi]
        one = prepare(model, [mineral], mine)
        gm = g if any(c.kind.price_contingent for c in mine) else 2
        zm = z[mi]
        lo = zm.min(axis=1) - 1e-9
        hi = zm.max(axis=1) + 1e-9
        grid = lo[:, None] + (hi - lo)[:, None] * np.linspace(0.0, 1.0, gm)  # (H, G)
        buys = [c for c in mine if c.wedge is Wedge.GOVERNMENT_PURCHASE]
        capped = [c for c in buys if not c.agreed and np.isfinite(c.budget)]
        scales, state = (states or {}).get(mi, (np.ones((1, r)), np.zeros((h, p), int)))
        ns = len(scales)
        # disrupted states are rare: their grids have half the points (every other point of the calm grid)
        grids = [grid] + [grid[:, ::2] if gm > 2 else grid] * (ns - 1)
        try:
            supply = np.concatenate([np.repeat(scales[k][None], g_.shape[1], axis=0) for k, g_ in enumerate(grids)])
            net_g, cfd_g, src_g, _, _ = _market_flows(
                one, np.exp(np.concatenate(grids, axis=1))[None], model.years, None, fixed,
                supply=None if ns == 1 else supply[None, None] * np.ones((1, h, 1, 1)))
        except InfeasibleMarket:
            if not capped:  # only a budget cap can make the committed volumes affordable
                raise
            gm = 0
        if gm:
            net_m, cfd_m, src_m = _by_state(one, grids, zm, lo, hi, net_g, cfd_g, src_g, buys, state)
            short = np.zeros(p, bool)
            for f in budget_fractions({0: src_m}, capped).values():
                short |= (f < 1.0 - 1e-12).any(axis=0)
            bind = np.flatnonzero(short)
        else:
            net_m, src_m, bind = np.zeros((h, p, r)), np.zeros((h, p, r)), np.arange(p)
            cfd_m = {c.clause_id: np.zeros((h, p)) for c in mine if c.kind.rebate_probability}
        for start in range(0, len(bind), CHUNK_PATHS):
            sel = bind[start:start + CHUNK_PATHS]
            n_, c_, s_, _, _ = _budgeted(one, np.exp(zm[None][:, :, sel]), model.years, None, fixed,
                                         scales[state[:, sel]][None] if ns > 1 else None)
            net_m[:, sel] = n_[0]
            src_m[:, sel] = s_[0]
            for cid, v in c_.items():
                cfd_m[cid][:, sel] = v
        net += net_m
        cfd.update(cfd_m)
        if buys:
            src[mi] = src_m
        _tick(progress, cancelled, 0.05 + 0.9 * (mi + 1) / a)
    return net, cfd, src


def _by_state(one: MarketSetup, grids: list, zm, lo, hi, net_g, cfd_g, src_g, buys, state):
    """_interpolate on each state's grid (consecutive columns of the solved tables), each path-year taking its
    state's values."""
    if len(grids) == 1:
        return _interpolate(one, grids[0], zm, lo, hi, net_g, cfd_g, src_g, buys)
    out = None
    start = 0
    for s_, grid in enumerate(grids):
        cols = slice(start, start + grid.shape[1])
        start = cols.stop
        part = _interpolate(one, grid, zm, lo, hi, net_g[:, :, cols], {k: v[:, cols] for k, v in cfd_g.items()},
                            src_g[:, :, cols], buys)
        if out is None:
            out = part
            continue
        here = state == s_
        out[0][here] = part[0][here]
        out[2][here] = part[2][here]
        for cid, v in part[1].items():
            out[1][cid][here] = v[here]
    return out


def _interpolate(one: MarketSetup, grid, zm, lo, hi, net_g, cfd_g, src_g, buys):
    """Fiscal flows by region, CfD nets and source prices on every path, interpolated per unit of reference price."""
    h, gm = grid.shape
    p = zm.shape[1]
    r = one.production_share.shape[1]
    regs = np.flatnonzero(np.abs(net_g[0]).sum(axis=(0, 1)) > 0)
    cols = [net_g[0][:, :, regs]]
    cids = list(cfd_g)
    cols += [v[..., None] for v in cfd_g.values()]
    srcs = np.flatnonzero(np.any([c.volume > 0 for c in buys], axis=0)) if buys else np.zeros(0, int)
    cols.append(src_g[0][:, :, srcs])
    table = np.concatenate(cols, axis=2) / (one.reference_price[0][:, None, None] * np.exp(grid)[..., None])
    pos = (zm - lo[:, None]) / (hi - lo)[:, None] * (gm - 1)
    k = np.clip(np.floor(pos).astype(int), 0, gm - 2)
    w = (pos - k)[..., None]
    flat = table.reshape(h * gm, -1)
    at = k + (np.arange(h) * gm)[:, None]
    left = flat[at]
    vals = (left + w * (flat[at + 1] - left)) * (one.reference_price[0][:, None] * np.exp(zm))[..., None]
    nr, nc = len(regs), len(cids)
    net_m = np.zeros((h, p, r))
    net_m[:, :, regs] = vals[:, :, :nr]
    src_m = np.zeros((h, p, r))
    src_m[:, :, srcs] = vals[:, :, nr + nc:]
    return net_m, {cid: vals[:, :, nr + j] for j, cid in enumerate(cids)}, src_m


def _direct(model: Model, setup: MarketSetup, z: np.ndarray, elastic, fixed: dict, progress, cancelled, states=None):
    """Solve every path separately (needed when elasticities vary by path), mineral by mineral in blocks of paths."""
    a, h, p = z.shape
    r = setup.production_share.shape[1]
    supply_elasticity, demand_elasticity = elastic
    net = np.zeros((h, p, r))
    src = {mi: np.zeros((h, p, r)) for mi in range(a)}
    cfd: dict[str, np.ndarray] = {}
    blocks = range(0, p, CHUNK_PATHS)
    for mi, mineral in enumerate(setup.minerals):
        one = prepare(model, [mineral], [replace(c, m=0) for c in setup.clauses if c.m == mi])
        for n, start in enumerate(blocks):
            sl = slice(start, min(start + CHUNK_PATHS, p))
            b = sl.stop - sl.start
            el = tuple(np.broadcast_to(e[mi, None, sl][None], (1, h, b, r))
                       for e in (supply_elasticity, demand_elasticity))
            jump = (states or {}).get(mi)
            supply = jump[0][jump[1][:, sl]][None] if jump is not None else None
            n_, c_, s_, _, _ = _budgeted(one, np.exp(z[mi:mi + 1, :, sl]), model.years, el, fixed, supply)
            net[:, sl] += n_[0]
            src[mi][:, sl] = s_[0]
            for cid, v in c_.items():
                cfd.setdefault(cid, np.zeros((h, p)))[:, sl] = v
            _tick(progress, cancelled, 0.05 + 0.9 * (mi + (n + 1) / len(blocks)) / a)
    return net, cfd, src
