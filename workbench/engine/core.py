"""One policy run: build the market cases (mineral x year x batch), solve them, and book the fiscal flows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from workbench.engine.errors import InfeasibleMarket
from workbench.engine.instruments import Compiled, support_terms
from workbench.engine.market import Model
from workbench.engine.solver import Equilibrium, MarketCases, solve
from workbench.engine.support import per_unit_support
from workbench.instrument_kinds import Part, Wedge

SIGMA_ONE = 1e-6  # an Armington elasticity of exactly 1 is solved as 1 + SIGMA_ONE (the CES limit)
BUDGET_ROUNDS = 40  # market solves allowed to settle the purchases of capped budgets
#: Told about a long run: progress(done, total, what is being done).
Progress = Callable[[int, int, str], None]


@dataclass
class Static:
    """Arrays that do not depend on the price path: shapes lead with (M minerals, H years)."""

    minerals: list[str]
    x0: np.ndarray        # (M, R) production / world consumption
    d0: np.ndarray        # (M, R)
    theta: np.ndarray     # (M, R, R)
    eps: np.ndarray       # (M, R)
    eta: np.ndarray       # (M, R)
    sigma: np.ndarray     # (M,)
    price: np.ndarray     # (M, H) baseline reference price, USD/t
    world: np.ndarray     # (M, H) baseline world consumption, t
    tau: np.ndarray       # (M, H, R, R) ad-valorem tariff
    floor: np.ndarray     # (M, H, R, R) border floor, USD/t (0 = none)
    owner: np.ndarray     # (M, H, R, R) index into comps of the binding floor clause (-1 none)
    sup: list             # per mineral: list of support clauses
    comps: list


def prepare(model: Model, minerals: list[str], comps: list[Compiled]) -> Static:
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
    return Static(list(minerals), x0, d0, theta, eps, eta, sigma, price, world, tau, floor, owner, sup, comps)


def purchase_volume(st: Static, frac: dict[str, np.ndarray], b: int) -> np.ndarray:
    """Government purchases (M, H, B, R) in tonnes, each purchase clause scaled by its budget fraction (H, B)."""
    big_m, h = st.price.shape
    r = st.x0.shape[1]
    g = np.zeros((big_m, h, b, r))
    for c in st.comps:
        if c.wedge is Wedge.GOVERNMENT_PURCHASE:
            f = frac.get(c.clause_id, np.ones((h, b))) * c.years[:, None]
            g[c.m] += f[:, :, None] * c.volume
    return g


def build_cases(st: Static, shock: np.ndarray, gov: np.ndarray, elasticities=None) -> MarketCases:
    """MarketCases for every (mineral, year, batch) with baseline price ``price * shock`` (shock: (M, H, B))."""
    big_m, h, b = shock.shape
    r = st.x0.shape[1]
    n = big_m * h * b
    pb = st.price[:, :, None] * shock  # (M, H, B)

    def rep(a, lead):  # broadcast a per-mineral (or per mineral-year) array over (M, H, B)
        shape = (big_m, h, b) + a.shape[lead:]
        a = a.reshape(a.shape[:lead] + (1,) * (3 - lead) + a.shape[lead:])
        return np.broadcast_to(a, shape).reshape((n,) + shape[3:])

    if elasticities is None:
        eps, eta = rep(st.eps, 1), rep(st.eta, 1)
    else:
        eps, eta = (e.reshape(n, r) for e in elasticities)
    k = max((len(s) for s in st.sup), default=0)
    lo = np.zeros((big_m, h, b, k, r))
    hi = np.full((big_m, h, b, k, r), np.inf)
    al = np.zeros((big_m, h, b, k, r))
    capped = np.zeros((big_m, h, b, k, r), bool)
    cap = np.full((big_m, h, b, r), np.inf)
    for mi, sups in enumerate(st.sup):
        for slot, c in enumerate(sups):
            on = c.years[:, None, None] & c.eligible[None, None, :]
            lo[mi, :, :, slot] = np.where(on, c.price / pb[mi][:, :, None], 0.0)
            hi[mi, :, :, slot] = np.where(on, c.threshold / pb[mi][:, :, None], np.inf)
            al[mi, :, :, slot] = np.where(on, c.alpha, 0.0)
            if c.volume is not None:
                capped[mi, :, :, slot] = on
                vol = c.volume / st.world[mi][:, None, None]
                cap[mi] = np.where(on, np.minimum(cap[mi], vol), cap[mi])
    world = st.world[:, :, None, None]
    return MarketCases(
        x0=rep(st.x0, 1), d0=rep(st.d0, 1), theta=rep(st.theta, 1), eps=eps, eta=eta,
        sigma=rep(st.sigma, 1), tau=rep(st.tau, 2),
        floor=(st.floor[:, :, None] / pb[:, :, :, None, None]).reshape(n, r, r),
        g=(gov / world).reshape(n, r),
        sup_lo=lo.reshape(n, k, r), sup_hi=hi.reshape(n, k, r), sup_alpha=al.reshape(n, k, r),
        sup_capped=capped.reshape(n, k, r), cap=cap.reshape(n, r))


def solve_or_raise(st: Static, cases: MarketCases, years: list[int], shape: tuple[int, int, int],
                   strict: bool = True, y0: np.ndarray | None = None) -> Equilibrium:
    """Solve (from log prices ``y0``, default the baseline); if any case fails, raise InfeasibleMarket naming the
    mineral, year and the clauses active there. With ``strict`` False the failures are left in ``converged``.
    """
    eq = solve(cases, y0=y0)
    if strict and not eq.converged.all():
        bad = int(np.flatnonzero(~eq.converged)[0])
        mi, ti, _ = np.unravel_index(bad, shape)
        mineral = st.minerals[mi]
        culprits = tuple(c.clause_id for c in st.comps if c.m == mi and c.years[ti])
        named = ", ".join(culprits[:5]) + (f" and {len(culprits) - 5} more" if len(culprits) > 5 else "")
        raise InfeasibleMarket(
            f"the {mineral} market has no equilibrium in {years[ti]} under clause(s) {named or '(none)'}"
            f" (largest excess supply {eq.residual[bad]:.2e} of world consumption)",
            mineral=mineral, year=years[ti], clause_ids=culprits)
    return eq


@dataclass
class Usd:
    """An equilibrium in USD and tonnes, shaped (M, H, B, ...)."""

    pb: np.ndarray       # (M, H, B) baseline price
    price: np.ndarray    # (M, H, B, R) exporter market price
    landed: np.ndarray   # (M, H, B, R, R)
    index: np.ndarray    # (M, H, B, R) consumer price index
    flows: np.ndarray    # (M, H, B, R, R)
    demand: np.ndarray   # (M, H, B, R)
    supply: np.ndarray   # (M, H, B, R)
    support: np.ndarray  # (M, H, B, R) per-unit support at the margin (capped included)
    gov: np.ndarray      # (M, H, B, R) government purchases by source
    ok: np.ndarray       # (M, H, B) the market found its equilibrium
    wedge: np.ndarray | None = None  # (M, H, B, R, R) export wedge factor on p (stress events; None = 1)


def to_usd(st: Static, eq: Equilibrium, shock: np.ndarray, gov: np.ndarray) -> Usd:
    """Undo the normalisation: prices x baseline price, quantities x world consumption."""
    big_m, h, b = shock.shape
    r = st.x0.shape[1]
    pb = st.price[:, :, None] * shock
    w = st.world[:, :, None]
    s1 = pb[..., None]
    w1 = np.broadcast_to(w[..., None], (big_m, h, b, 1))
    return Usd(
        pb=pb,
        price=eq.price.reshape(big_m, h, b, r) * s1,
        landed=eq.landed.reshape(big_m, h, b, r, r) * s1[..., None],
        index=eq.index.reshape(big_m, h, b, r) * s1,
        flows=eq.flows.reshape(big_m, h, b, r, r) * w1[..., None],
        demand=eq.demand.reshape(big_m, h, b, r) * w1,
        supply=eq.supply.reshape(big_m, h, b, r) * w1,
        support=(eq.support_u + eq.support_c).reshape(big_m, h, b, r) * s1,
        gov=gov, ok=eq.converged.reshape(big_m, h, b))


def market_ledger(st: Static, u: Usd) -> dict[tuple[str, str], np.ndarray]:
    """Fiscal flows of every non-purchase clause: {(clause_id, instrument): (H, B, R) paid by region}, + = outlay.

    Each wedge computes its amount (``levy``, ``duty`` or ``support``, generated by region); the kind's ledger
    entries book it (or its outlays or receipts part) after cost sharing. Also returns producer payments under key
    (clause_id, '_producers') by producer region (for surplus).
    """
    out: dict[tuple[str, str], np.ndarray] = {}
    levies = _levies(st, u)
    for ci, c in enumerate(st.comps):
        if c.wedge is Wedge.GOVERNMENT_PURCHASE:
            continue
        mi = c.m
        on = c.years[:, None, None]
        p = u.price[mi]
        if c.wedge is Wedge.PRICE_FLOOR:
            amounts = {"levy": -levies[ci] * on}  # revenue at the importer
        elif c.wedge is Wedge.AD_VALOREM:
            fob = p[..., :, None] if u.wedge is None else p[..., :, None] * u.wedge[mi]
            gen = -(c.rate * c.pairs * fob * u.flows[mi]).sum(axis=-2)
            amounts = {"duty": gen * on}
        else:
            unit = per_unit_support(p, c.price, c.threshold, c.alpha) * c.eligible
            if c.marginal:
                vol = u.supply[mi] if c.volume is None else np.minimum(u.supply[mi], c.volume)
            else:
                vol = np.broadcast_to(c.volume, p.shape)
            pay = unit * vol * on
            out[(c.clause_id, "_producers")] = pay
            amounts = {"support": pay}
        for entry in c.kind.ledger:
            out[(c.clause_id, entry.key)] = part_of(amounts[entry.amount], entry.part) @ c.share
    return out


def part_of(amount: np.ndarray, part: Part) -> np.ndarray:
    """The part of ``amount`` a ledger entry books: all of it, its outlays (+) or its receipts (-)."""
    if part is Part.OUTLAYS:
        return np.maximum(amount, 0.0)
    if part is Part.RECEIPTS:
        return np.minimum(amount, 0.0)
    return amount


def _levies(st: Static, u: Usd) -> dict[int, np.ndarray]:
    """Levy collected by each floor clause (index into comps) at each importer, (H, B, R): v = max(0, F - p(1+t))."""
    out: dict[int, np.ndarray] = {}
    h, b, r = u.price.shape[1:]
    for mi in range(len(st.minerals)):
        owner = st.owner[mi]  # (H, R, R)
        t, i, j = np.nonzero(owner >= 0)
        if not t.size:
            continue
        base = u.price[mi][t, :, i] * (1.0 + st.tau[mi][t, i, j])[:, None]  # (K, B) at the owned pairs
        if u.wedge is not None:
            base = base * u.wedge[mi][t, :, i, j]
        levy = np.maximum(st.floor[mi][t, i, j][:, None] - base, 0.0) * u.flows[mi][t, :, i, j]
        clauses = np.unique(owner[t, i, j])
        slot = np.searchsorted(clauses, owner[t, i, j])
        acc = np.zeros((len(clauses) * h * r, b))
        np.add.at(acc, (slot * h + t) * r + j, levy)
        acc = acc.reshape(len(clauses), h, r, b).transpose(0, 1, 3, 2)
        for k, ci in enumerate(clauses):
            out[int(ci)] = acc[k]
    for ci, c in enumerate(st.comps):
        if c.wedge is Wedge.PRICE_FLOOR and ci not in out:
            out[ci] = np.zeros((h, b, r))
    return out


def purchase_ledger(source_price, comps: list[Compiled], frac: dict[str, np.ndarray], base_price: np.ndarray,
                    premiums: bool = False) -> tuple[dict, dict, dict]:
    """Purchases, storage and end value of the stock for each purchase clause, before cost sharing.

    ``source_price[m]``: (H, B, R) market prices of mineral m (an array or a dict by m); ``base_price[m]``: (H, B)
    its baseline reference price. The stock is valued at the lower of the sources' market price and the baseline
    price: in the last year for its end value (the market price then may still be propped up by the purchases
    themselves, a value no sale could realise) and, with the same rule, in each year for the storage cost (a rate on
    the stock's value). Returns (totals {(cid, instrument):
    (H, B)}, stock held at the horizon's end {cid: (B,)} in tonnes, producer premiums {cid: (H, B, R)} by source
    when ``premiums``). Split by the clause's ``weights``.
    """
    flows, stock_end, premium = {}, {}, {}
    for c in comps:
        if c.wedge is not Wedge.GOVERNMENT_PURCHASE:
            continue
        src = np.flatnonzero(c.volume > 0)
        vol_s = c.volume[src]
        p = source_price[c.m][..., src]  # (H, B, S)
        f = frac.get(c.clause_id, np.ones(p.shape[:2])) * c.years[:, None]  # (H, B)
        pm = p @ (vol_s / vol_s.sum())  # (H, B) volume-weighted market price of the sources
        if c.agreed:
            outlay = f * (c.price * vol_s.sum())
        else:
            outlay = f * (1.0 + c.rate) * (p @ vol_s)
        stock = np.cumsum(f * vol_s.sum(), axis=0)  # (H, B)
        value = np.minimum(pm, base_price[c.m])  # (H, B) USD per tonne of stock, one rule for storage and end value
        end = np.zeros_like(outlay)
        end[-1] = -stock[-1] * value[-1]
        amounts = {"outlay": outlay, "storage": c.storage_rate * stock * value, "stock_end": end}
        for entry in c.kind.ledger:
            flows[(c.clause_id, entry.key)] = part_of(amounts[entry.amount], entry.part)
        stock_end[c.clause_id] = stock[-1]
        if premiums:
            full = source_price[c.m]
            paid = c.price if c.agreed else full * (1.0 + c.rate)
            premium[c.clause_id] = (paid - full) * (f[:, :, None] * c.volume)
    return flows, stock_end, premium


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
            new = np.where(left > 0, np.exp(np.minimum(x, 0.0)), 0.0)
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
