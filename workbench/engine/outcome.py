"""Solve the built cases and express the equilibrium in USD and tonnes (or name the market with none)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from workbench.engine.cases import MarketSetup
from workbench.engine.errors import InfeasibleMarket
from workbench.engine.solver import Equilibrium, MarketCases, solve


def solve_or_raise(setup: MarketSetup, cases: MarketCases, years: list[int], shape: tuple[int, int, int],
                   strict: bool = True, y0: np.ndarray | None = None) -> Equilibrium:
    """Solve (from log prices ``y0``, default the baseline); if any case fails, raise InfeasibleMarket naming the
    mineral, year and the clauses active there. With ``strict`` False the failures are left in ``converged``.
    """
    eq = solve(cases, y0=y0)
    if strict and not eq.converged.all():
        bad = int(np.flatnonzero(~eq.converged)[0])
        mi, ti, _ = np.unravel_index(bad, shape)
        mineral = setup.minerals[mi]
        culprits = tuple(c.clause_id for c in setup.clauses if c.m == mi and c.years[ti])
        named = ", ".join(culprits[:5]) + (f" and {len(culprits) - 5} more" if len(culprits) > 5 else "")
        residual = eq.residual[bad]
        gap = (f"largest excess supply {residual:.2e} of world consumption" if np.isfinite(residual)
               else "no finite price comes near clearing it")
        raise InfeasibleMarket(
            f"the {mineral} market has no equilibrium in {years[ti]} under clause(s) {named or '(none)'} ({gap})",
            mineral=mineral, year=years[ti], clause_ids=culprits)
    return eq


@dataclass
class MarketOutcome:
    """The solved markets in USD and tonnes, shaped (M minerals, H years, B batch cases, ...)."""

    reference_price: np.ndarray  # (M, H, B) baseline reference price of the case (the Monte Carlo shocks it)
    exporter_price: np.ndarray   # (M, H, B, R) exporter i's market (FOB) price
    landed_price: np.ndarray     # (M, H, B, R, R) duty- and levy-paid price of i's output in j
    consumer_price: np.ndarray   # (M, H, B, R) CES consumer price index of importer j
    flows: np.ndarray            # (M, H, B, R, R) tonnes shipped i -> j
    consumption: np.ndarray      # (M, H, B, R)
    production: np.ndarray       # (M, H, B, R)
    unit_support: np.ndarray     # (M, H, B, R) per-unit producer support at the margin (capped included)
    purchases: np.ndarray        # (M, H, B, R) government purchases by source, t
    converged: np.ndarray        # (M, H, B) the market found its equilibrium
    export_wedge: np.ndarray | None = None  # (M, H, B, R, R) factor on exporter prices (stress events; None = 1)


def in_usd_and_tonnes(setup: MarketSetup, eq: Equilibrium, shock: np.ndarray, gov: np.ndarray) -> MarketOutcome:
    """Undo the normalisation: prices x baseline price, quantities x world consumption."""
    big_m, h, b = shock.shape
    r = setup.production_share.shape[1]
    pb = setup.reference_price[:, :, None] * shock
    w = setup.world_consumption[:, :, None]
    s1 = pb[..., None]
    w1 = np.broadcast_to(w[..., None], (big_m, h, b, 1))
    return MarketOutcome(
        reference_price=pb,
        exporter_price=eq.price.reshape(big_m, h, b, r) * s1,
        landed_price=eq.landed.reshape(big_m, h, b, r, r) * s1[..., None],
        consumer_price=eq.index.reshape(big_m, h, b, r) * s1,
        flows=eq.flows.reshape(big_m, h, b, r, r) * w1[..., None],
        consumption=eq.demand.reshape(big_m, h, b, r) * w1,
        production=eq.supply.reshape(big_m, h, b, r) * w1,
        unit_support=(eq.support_u + eq.support_c).reshape(big_m, h, b, r) * s1,
        purchases=gov, converged=eq.converged.reshape(big_m, h, b))
