"""Build the market cases: the calibrated markets with the clauses' wedges, one normalised case per mineral-year."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from workbench.engine.instruments import Compiled, support_terms
from workbench.engine.market import Model
from workbench.engine.solver import MarketCases
from workbench.instrument_kinds import Wedge

SIGMA_ONE = 1e-6  # an Armington elasticity of exactly 1 is solved as 1 + SIGMA_ONE (the CES limit)


@dataclass
class MarketSetup:
    """The calibrated markets with the clauses' wedges laid over the horizon: what does not depend on the price path.

    Shapes lead with (M minerals, H years); R regions; "exporter i, importer j" for (R, R) arrays. Quantities are
    shares of the base year's world consumption, so that every market solves at a price of about 1.
    """

    minerals: list[str]
    production_share: np.ndarray      # (M, R) base-year production / world consumption
    consumption_share: np.ndarray     # (M, R) base-year consumption / world consumption
    import_share: np.ndarray          # (M, R, R) share of importer j's base-year consumption bought from exporter i
    supply_elasticity: np.ndarray     # (M, R)
    demand_elasticity: np.ndarray     # (M, R) (negative)
    armington_elasticity: np.ndarray  # (M,) substitution between sources (an elasticity of 1 solved as 1 + SIGMA_ONE)
    reference_price: np.ndarray       # (M, H) baseline reference price, USD/t
    world_consumption: np.ndarray     # (M, H) baseline world consumption, t
    tariff: np.ndarray                # (M, H, R, R) ad-valorem tariff rate
    floor_price: np.ndarray           # (M, H, R, R) border floor, USD/t (0 = none)
    floor_clause: np.ndarray          # (M, H, R, R) index into ``clauses`` of the binding floor (-1 none)
    support_clauses: list             # per mineral: its producer-support clauses (price gaps, CfDs)
    clauses: list                     # every compiled clause


def prepare(model: Model, minerals: list[str], comps: list[Compiled]) -> MarketSetup:
    """Calibrate every mineral market to its base year and lay the clauses' wedges over the horizon."""
    mk = [model.markets[m] for m in minerals]
    r, h = len(model.regions), model.horizon
    big_m = len(mk)
    x0 = np.zeros((big_m, r))
    d0 = np.zeros((big_m, r))
    theta = np.zeros((big_m, r, r))
    eps = np.zeros((big_m, r))
    eta = np.zeros((big_m, r))
    sigma = np.zeros(big_m)
    price = np.zeros((big_m, h))
    world = np.zeros((big_m, h))
    t = np.arange(1, h + 1)
    for k, m in enumerate(mk):
        w0 = m.consumption.sum()
        x0[k] = m.production / w0
        d0[k] = m.consumption / w0
        cons = m.consumption
        th = np.divide(m.flows, cons[None, :], out=np.zeros((r, r)), where=cons[None, :] > 0)
        empty = cons <= 0
        th[np.flatnonzero(empty), np.flatnonzero(empty)] = 1.0
        theta[k] = th
        eps[k] = m.supply_elasticity
        eta[k] = m.demand_elasticity
        sigma[k] = m.armington if abs(m.armington - 1.0) > SIGMA_ONE else 1.0 + SIGMA_ONE
        price[k] = m.price * m.price_index
        world[k] = w0 * (1.0 + m.demand_growth) ** t
    tau = np.zeros((big_m, h, r, r))
    floor = np.zeros((big_m, h, r, r))
    owner = -np.ones((big_m, h, r, r), dtype=int)
    for ci, c in enumerate(comps):
        if c.wedge is Wedge.AD_VALOREM:
            tau[c.m, c.years] += c.rate * c.pairs
        elif c.wedge is Wedge.PRICE_FLOOR:
            cur = floor[c.m, c.years]
            wins = c.pairs & (c.price > cur)
            floor[c.m, c.years] = np.where(wins, c.price, cur)
            owner[c.m, c.years] = np.where(wins, ci, owner[c.m, c.years])
    sup = [[c for c in support_terms(comps) if c.m == k] for k in range(big_m)]
    return MarketSetup(list(minerals), x0, d0, theta, eps, eta, sigma, price, world, tau, floor, owner, sup, comps)


def purchase_volume(setup: MarketSetup, frac: dict[str, np.ndarray], b: int) -> np.ndarray:
    """Government purchases (M, H, B, R) in tonnes, each purchase clause scaled by its budget fraction (H, B)."""
    big_m, h = setup.reference_price.shape
    r = setup.production_share.shape[1]
    g = np.zeros((big_m, h, b, r))
    for c in setup.clauses:
        if c.wedge is Wedge.GOVERNMENT_PURCHASE:
            f = frac.get(c.clause_id, np.ones((h, b))) * c.years[:, None]
            g[c.m] += f[:, :, None] * c.volume
    return g


def build_cases(setup: MarketSetup, shock: np.ndarray, gov: np.ndarray, elasticities=None) -> MarketCases:
    """MarketCases for every (mineral, year, batch) with baseline price ``price * shock`` (shock: (M, H, B))."""
    big_m, h, b = shock.shape
    r = setup.production_share.shape[1]
    n = big_m * h * b
    pb = setup.reference_price[:, :, None] * shock  # (M, H, B)

    def rep(a, lead):  # broadcast a per-mineral (or per mineral-year) array over (M, H, B)
        shape = (big_m, h, b) + a.shape[lead:]
        a = a.reshape(a.shape[:lead] + (1,) * (3 - lead) + a.shape[lead:])
        return np.broadcast_to(a, shape).reshape((n,) + shape[3:])

    if elasticities is None:
        supply_elasticity, demand_elasticity = rep(setup.supply_elasticity, 1), rep(setup.demand_elasticity, 1)
    else:
        supply_elasticity, demand_elasticity = (e.reshape(n, r) for e in elasticities)
    k = max((len(s) for s in setup.support_clauses), default=0)
    lo = np.zeros((big_m, h, b, k, r))
    hi = np.full((big_m, h, b, k, r), np.inf)
    al = np.zeros((big_m, h, b, k, r))
    capped = np.zeros((big_m, h, b, k, r), bool)
    cap = np.full((big_m, h, b, r), np.inf)
    for mi, sups in enumerate(setup.support_clauses):
        for slot, c in enumerate(sups):
            on = c.years[:, None, None] & c.eligible[None, None, :]
            lo[mi, :, :, slot] = np.where(on, c.price / pb[mi][:, :, None], 0.0)
            hi[mi, :, :, slot] = np.where(on, c.threshold / pb[mi][:, :, None], np.inf)
            al[mi, :, :, slot] = np.where(on, c.alpha, 0.0)
            if c.volume is not None:
                capped[mi, :, :, slot] = on
                vol = c.volume / setup.world_consumption[mi][:, None, None]
                cap[mi] = np.where(on, np.minimum(cap[mi], vol), cap[mi])
    world = setup.world_consumption[:, :, None, None]
    return MarketCases(
        production_share=rep(setup.production_share, 1), consumption_share=rep(setup.consumption_share, 1),
        import_share=rep(setup.import_share, 1), supply_elasticity=supply_elasticity,
        demand_elasticity=demand_elasticity, armington_elasticity=rep(setup.armington_elasticity, 1),
        tariff=rep(setup.tariff, 2),
        floor_price=(setup.floor_price[:, :, None] / pb[:, :, :, None, None]).reshape(n, r, r),
        purchases=(gov / world).reshape(n, r), support_floor=lo.reshape(n, k, r),
        support_threshold=hi.reshape(n, k, r), support_rebate_share=al.reshape(n, k, r),
        support_capped=capped.reshape(n, k, r), capped_supply=cap.reshape(n, r))
