"""Settle capped purchases: how much of each year's committed volume its budget affords at the prices it moves."""

from __future__ import annotations

from typing import Callable

import numpy as np

from workbench.engine.errors import InfeasibleMarket
from workbench.engine.instruments import Compiled
from workbench.instrument_kinds import Wedge

BUDGET_ROUNDS = 40  # market solves allowed to settle the purchases of capped budgets
#: Told about a long run: progress(done, total, what is being done).
Progress = Callable[[int, int, str], None]


def _unit_cost(source_price, c: Compiled) -> np.ndarray:
    """USD a purchase pays per tonne of its committed volume in each year, (H, B): agreed price or market + premium."""
    src = np.flatnonzero(c.volume > 0)
    p = source_price[c.m][..., src]
    if c.agreed:
        return np.full(p.shape[:2], c.price)
    return (1.0 + c.rate) * (p @ (c.volume[src] / c.volume[src].sum()))


def budget_fractions(source_price, comps: list[Compiled]) -> dict[str, np.ndarray]:
    """Share of each year's committed volume a capped purchase can still afford at these prices, year by year (H, B)."""
    fr: dict[str, np.ndarray] = {}
    for c in comps:
        if c.wedge is not Wedge.GOVERNMENT_PURCHASE or not np.isfinite(c.budget):
            continue
        full = _unit_cost(source_price, c) * c.volume.sum() * c.years[:, None]  # (H, B)
        f = np.ones_like(full)
        spent = np.zeros(full.shape[1])
        for t in range(full.shape[0]):
            left = np.maximum(c.budget - spent, 0.0)
            short = full[t] > left
            f[t] = np.where(short, np.divide(left, full[t], out=np.zeros_like(left), where=short), 1.0)
            spent += f[t] * full[t]
        fr[c.clause_id] = f
    return fr


def settle_budgets(solve_at, comps: list[Compiled], frac: dict[str, np.ndarray], years: list[int],
                   rounds: int = BUDGET_ROUNDS, progress: Progress | None = None):
    """Solve the markets with every capped purchase buying exactly what its budget affords: (fractions, solution).

    ``solve_at(frac, strict)`` solves the markets with purchases scaled by ``frac`` {clause_id: (H, B)} and returns
    (source prices (M, H, B, R), solution, equilibrium found (M, H, B)); ``strict`` raises InfeasibleMarket instead.
    Years before the budget runs out buy in full, years after buy nothing; in the year it runs out the fraction f
    solves S(f) = f V u(f) = budget left, u(f) being the price paid in the market the purchase itself moves. S rises
    with f, so f = left / (V u(f_0)) lies on the other side of the root from f_0; once both sides are known,
    regula falsi (Illinois) on (ln f, ln S) closes in, where the plain iteration f <- left / (V u(f)) overshoots and
    oscillates (large purchases against inelastic supply). When the full committed volumes have no equilibrium,
    the capped purchases start from nothing, and a fraction whose market has no equilibrium is halved; a purchase
    that still finds no affordable volume with an equilibrium raises InfeasibleMarket naming it. ``progress`` is
    told each round (round, rounds, the clauses still settling).
    """
    capped = [c for c in comps if c.wedge is Wedge.GOVERNMENT_PURCHASE and np.isfinite(c.budget)]
    unsure = [c for c in capped if c.clause_id not in frac]
    frac = dict(frac)
    price, sol, ok = solve_at(frac, not unsure)
    if not ok.all():
        frac.update({c.clause_id: np.zeros((len(c.years), 1)) for c in unsure})
        price, sol, ok = solve_at(frac, True)
    state: dict[str, list[np.ndarray]] = {}
    open_: list[tuple[Compiled, int]] = []
    for round_ in range(rounds if capped else 0):
        open_ = []
        for c in capped:
            bad = ~ok[c.m]  # (H, B): no equilibrium with this fraction, it spends "infinitely" much
            f = np.array(np.broadcast_to(frac.get(c.clause_id, 1.0), bad.shape), dtype=float)
            with np.errstate(invalid="ignore"):
                full = np.where(bad, np.inf, _unit_cost(price, c) * c.volume.sum() * c.years[:, None])
                spent = np.where(f > 0, f * full, 0.0)
            before = np.concatenate([np.zeros_like(spent[:1]), np.cumsum(spent, axis=0)[:-1]])
            left = c.budget - before
            tol = 1e-10 * c.budget
            left = np.where(left > tol, left, 0.0)  # spent to the tolerance: nothing left
            done = np.where(left <= 0, f == 0, np.where(f >= 1, spent <= left + tol, np.abs(spent - left) <= tol))
            done |= ~c.years[:, None]  # a year the clause does not buy in is settled whatever its fraction
            if done.all():
                continue
            open_.append((c, int(np.flatnonzero(~done.all(axis=1))[0])))
            xa, la, xb, lb, side = state.setdefault(c.clause_id, [
                np.full_like(f, -np.inf), np.full_like(f, -np.inf), np.full_like(f, np.inf),
                np.full_like(f, np.inf), np.zeros_like(f)])
            with np.errstate(divide="ignore", invalid="ignore"):
                ll, ls, lf = np.log(left), np.log(spent), np.log(f)
                # forget an end the budget left has moved past (an earlier year's spending changed)
                gone = la > ll
                xa[gone], la[gone] = -np.inf, -np.inf
                gone = lb <= ll
                xb[gone], lb[gone] = np.inf, np.inf
                seen = ~done & (f > 0) & (left > 0)
                over, under = seen & (ls > ll), seen & (ls <= ll)
                twice = over & (side > 0) & np.isfinite(la)  # Illinois: the end that stays moves halfway in
                la[twice] = ll[twice] + 0.5 * (la[twice] - ll[twice])
                twice = under & (side < 0) & np.isfinite(lb)
                lb[twice] = ll[twice] + 0.5 * (lb[twice] - ll[twice])
                xb[over], lb[over], side[over] = lf[over], ls[over], 1.0
                xa[under], la[under], side[under] = lf[under], ls[under], -1.0
                short = full > left
                naive = np.log(np.where(short, np.divide(left, full, out=np.zeros_like(left), where=short), 1.0))
                both = np.isfinite(la) & np.isfinite(lb)
                x = np.where(both, xa + (ll - la) * (xb - xa) / (lb - la), naive)
                x = np.where(~both | ((x > xa) & (x < xb)), x, 0.5 * (xa + xb))
                # above an infeasible fraction: bisect (in logs) towards it, or halve it
                blind = np.isfinite(xb) & ~np.isfinite(lb)
                x = np.where(blind, np.where(np.isfinite(xa), 0.5 * (xa + xb), xb - np.log(2.0)), x)
            new = np.where(left > 0, np.exp(x), 0.0)  # x <= 0: every end and step is at most the full volume
            frac[c.clause_id] = np.where(done, f, new)
        if not open_:
            break
        if progress is not None:
            progress(round_ + 1, rounds, ", ".join(dict.fromkeys(c_.clause_id for c_, _t in open_)))
        price, sol, ok = solve_at(frac, False)
    if open_:
        c, t = open_[0]
        raise InfeasibleMarket(f"the {c.mineral} market has no equilibrium in {years[t]} with any volume that "
                               f"clause {c.clause_id}'s budget can pay for", mineral=c.mineral, year=years[t],
                               clause_ids=tuple(dict.fromkeys(c_.clause_id for c_, _ in open_)))
    if not ok.all():
        price, sol, ok = solve_at(frac, True)  # raises, naming the clauses
    return frac, sol
