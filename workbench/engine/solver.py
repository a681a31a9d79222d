"""Batched damped-Newton solver of the multi-region Armington market, in levels, for many cases at once."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from workbench.engine.support import per_unit_support

MAX_ITER = 60
TOL = 1e-11          # max |excess supply| relative to world consumption
LOG_PRICE_BOUND = 12.0  # |log(p / baseline)| beyond this = no equilibrium (price x/÷ 160,000)
#: A case that sits at the price bound this many iterations in a row without cutting its excess supply by 1 % has no
#: equilibrium to find: it stops there instead of using up MAX_ITER (an infeasible market is reported early).
STUCK_ITER = 4
#: A case not yet in Newton's quadratic range (its first step, or a last step that cut its excess supply by less than
#: HEDGE_RATIO) whose Newton step is long (over HEDGE_STEP in log price) has its line search try the half step beside
#: the full step, in the same batched evaluation, and keep whichever cuts the excess supply more. High Armington
#: elasticities (CES shares move as c^(1-sigma)) make the full step overshoot there, and the plain first-acceptable rule
#: would take it. Short steps are not hedged: they rarely overshoot, and the Monte Carlo's large batches pay per row.
HEDGE_RATIO = 0.1
HEDGE_STEP = 0.25
LINE_SEARCH_HALVINGS = 12


@dataclass
class MarketCases:
    """N market cases of R regions, in normalised units (baseline price 1, quantities / world consumption).

    Shapes: (N, R) per region; (N, R, R) exporter i x importer j; producer supports (N, K, R), K support clauses.
    """

    production_share: np.ndarray      # (N, R) baseline production X0
    consumption_share: np.ndarray     # (N, R) baseline consumption D0
    import_share: np.ndarray          # (N, R, R) baseline share of j's consumption bought from i
    supply_elasticity: np.ndarray     # (N, R)
    demand_elasticity: np.ndarray     # (N, R) (negative)
    armington_elasticity: np.ndarray  # (N,)
    tariff: np.ndarray                # (N, R, R) ad-valorem tariff rate
    floor_price: np.ndarray           # (N, R, R) border floor / baseline price (0 = none)
    purchases: np.ndarray             # (N, R) government purchases by source
    support_floor: np.ndarray         # (N, K, R) support pays floor - price below this price
    support_threshold: np.ndarray     # (N, K, R) CfD rebate starts above this price (inf = none)
    support_rebate_share: np.ndarray  # (N, K, R) share of price - threshold rebated
    support_capped: np.ndarray        # (N, K, R) bool: support paid on a capped volume (not at the margin)
    capped_supply: np.ndarray         # (N, R) the capped volume (inf = none)
    # stress events (engine/stress.py); None = none in any case
    export_wedge: np.ndarray | None = None  # (N, R, R) log factor on landed prices before floors (dumping < 0)
    quota_from: np.ndarray | None = None    # (N,) exporter whose exports to quota_to are capped (-1 none)
    quota_to: np.ndarray | None = None      # (N, R) bool importers the cap covers
    quota: np.ndarray | None = None         # (N,) the cap on those exports (inf none)
    release: np.ndarray | None = None       # (N, R) stock released to importer j's consumers


@dataclass
class Equilibrium:
    """The solved market for each case (normalised units, shapes as in :class:`MarketCases`)."""

    price: np.ndarray      # (N, R) exporter market (FOB) price
    landed: np.ndarray     # (N, R, R) duty- and levy-paid price of i's good in j
    index: np.ndarray      # (N, R) CES consumer price index of importer j
    flows: np.ndarray      # (N, R, R) quantity shipped i -> j
    demand: np.ndarray     # (N, R) composite consumption of j
    supply: np.ndarray     # (N, R) production of i
    support_u: np.ndarray  # (N, R) uncapped per-unit producer support
    support_c: np.ndarray  # (N, R) capped per-unit producer support
    converged: np.ndarray  # (N,) bool
    residual: np.ndarray   # (N,) max relative excess supply
    quota_wedge: np.ndarray | None = None  # (N,) log export-tax equivalent of a binding quota (0 when slack)


def _supports(cases: MarketCases, p: np.ndarray):
    """Per-unit support (engine.support.per_unit_support), summed by capped/uncapped, with d/dp."""
    val, der = per_unit_support(p[:, None, :], cases.support_floor, cases.support_threshold, cases.support_rebate_share,
                                slope=True)
    capped = cases.support_capped
    su = np.where(capped, 0.0, val).sum(axis=1)
    sc = np.where(capped, val, 0.0).sum(axis=1)
    du = np.where(capped, 0.0, der).sum(axis=1)
    dc = np.where(capped, der, 0.0).sum(axis=1)
    return su, sc, du, dc


def _evaluate(cases: MarketCases, y: np.ndarray, jacobian: bool):
    """Excess supply Z(y) (N, R) at log prices y, and optionally dZ/dy (N, R, R).

    With a quota, y has one more column, the quota's log wedge mu, and Z one more, min(mu, quota - capped exports).
    """
    r = cases.production_share.shape[1]
    quota = cases.quota is not None
    mu = y[:, r] if quota else None
    p = np.exp(y[:, :r])
    su, sc, du, dc = _supports(cases, p)
    # supply: X = max(Xf(p + su), min(Xf(p + su + sc), cap)), Xf(s) = x0 s^eps (s floored to stay positive)
    s_u = np.maximum(p + su, 1e-12)
    s_a = np.maximum(s_u + sc, 1e-12)
    xu = cases.production_share * s_u ** cases.supply_elasticity
    xa = cases.production_share * s_a ** cases.supply_elasticity
    xa_c = np.minimum(xa, cases.capped_supply)
    use_u = xu >= xa_c
    supply = np.where(use_u, xu, xa_c)
    # landed prices and Armington demand
    base = p[:, :, None] * (1.0 + cases.tariff)
    if cases.export_wedge is not None:
        base = base * np.exp(cases.export_wedge)
    if quota:
        qmask = (idx_r := np.arange(r))[None, :, None] == cases.quota_from[:, None, None]
        qmask = qmask & cases.quota_to[:, None, :] & (idx_r[:, None] != idx_r[None, :])[None]
        base = base * np.exp(np.where(qmask, mu[:, None, None], 0.0))
    levied = cases.floor_price > base
    landed = np.where(levied, cases.floor_price, base)
    sig = cases.armington_elasticity[:, None, None]
    w = cases.import_share * landed ** (1.0 - sig)
    wsum = w.sum(axis=1)  # (N, R_importers)
    one_minus = 1.0 - cases.armington_elasticity[:, None]
    pidx = wsum ** (1.0 / one_minus)
    demand = cases.consumption_share * pidx ** cases.demand_elasticity
    share = np.divide(w, wsum[:, None, :], out=np.zeros_like(w), where=wsum[:, None, :] > 0)
    bought = demand if cases.release is None else demand - cases.release  # released stock is not bought
    flows = bought[:, None, :] * share / landed * pidx[:, None, :]
    z = supply - flows.sum(axis=2) - cases.purchases
    if quota:
        slack = cases.quota - (flows * qmask).sum(axis=(1, 2))
        z = np.concatenate([z, np.minimum(mu, slack)[:, None]], axis=1)
    if not jacobian:
        return z, None, (p, landed, pidx, flows, demand, supply, su, sc)
    # dX/dy_i
    dxu = np.where(p + su > 1e-12, cases.supply_elasticity * xu / s_u * (1.0 + du), 0.0)
    dxa = np.where((xa < cases.capped_supply) & (s_u + sc > 1e-12),
                   cases.supply_elasticity * xa / s_a * (1.0 + du + dc), 0.0)
    dsup = np.where(use_u, dxu, dxa) * p
    # d ln c_kj / d y_k = 1 where not levied, 0 where the floor binds
    e = np.where(levied, 0.0, 1.0)
    # dQ_ij/dy_k = Q_ij [-sigma delta_ik + (sigma + eta_j) s_kj] e_kj
    # d ln(bought_j) / d ln P~_j = eta_j D_j / bought_j (released stock covers part of demand)
    eta_b = cases.demand_elasticity
    if cases.release is not None:
        eta_b = cases.demand_elasticity * demand / np.maximum(bought, 1e-300)
    kappa = cases.armington_elasticity[:, None] + eta_b
    se = share * e * kappa[:, None, :]
    cross = np.einsum("nij,nkj->nik", flows, se)
    own = (flows * e).sum(axis=2) * cases.armington_elasticity[:, None]
    jac = -cross
    idx = np.arange(r)
    jac[:, idx, idx] += own + dsup
    if quota:
        jac = _quota_jacobian(cases, jac, flows, share, e, qmask, kappa, mu, slack)
    return z, jac, (p, landed, pidx, flows, demand, supply, su, sc)


def _quota_jacobian(cases, jac, flows, share, e, qmask, kappa, mu, slack):
    """Border the (N, R, R) Jacobian with the quota's wedge mu: column dZ/dmu and the row of min(mu, slack).

    ``e`` (N, R, R) is 1 where the landed price follows the exporter's price (no binding floor); ``qmask`` marks the
    capped pairs (supplier s -> targeted importers). kappa_j = sigma + d ln(bought_j)/d ln P~_j.
    """
    n, r = flows.shape[:2]
    sig = cases.armington_elasticity[:, None]
    onehot = np.arange(r)[None, :] == cases.quota_from[:, None]              # (N, R): i == s
    s_src = (share * onehot[:, :, None]).sum(axis=1)                          # (N, R) s's share in j
    e_src = (e * onehot[:, :, None]).sum(axis=1)                              # (N, R) e_sj
    q_src = (flows * onehot[:, :, None]).sum(axis=1)                          # (N, R) Q_sj
    v = (qmask.sum(axis=1) > 0) * e_src                                       # (N, R) mu moves c_sj
    tq = (flows * qmask).sum(axis=1)                                          # (N, R) Q_sj on capped pairs
    # dZ_i/dmu = sigma 1[i=s] sum_j Q_sj v_j - sum_j Q_ij kappa_j s_sj v_j
    dz_mu = sig * onehot * (q_src * v).sum(axis=1, keepdims=True) \
        - (flows * (kappa * s_src * v)[:, None, :]).sum(axis=2)
    # capped exports X_T: dX_T/dy_k = -sigma 1[k=s] sum_j tq_j e_sj + sum_j tq_j kappa_j s_kj e_kj
    dxt_y = -sig * onehot * (tq * e_src).sum(axis=1, keepdims=True) \
        + np.einsum("nj,nkj->nk", tq * kappa, share * e)
    dxt_mu = (tq * v * (kappa * s_src - sig)).sum(axis=1)
    out = np.zeros((n, r + 1, r + 1))
    out[:, :r, :r] = jac
    out[:, :r, r] = dz_mu
    binding = mu > slack
    out[:, r, :r] = np.where(binding[:, None], -dxt_y, 0.0)
    out[:, r, r] = np.where(binding, -dxt_mu, 1.0)
    return out


def solve(cases: MarketCases, y0: np.ndarray | None = None) -> Equilibrium:
    """Solve all cases for exporter prices; a region that produces nothing and that nobody buys from keeps price 1.

    ``y0`` (N, R): log prices to start from (default the baseline, 0), e.g. a nearby case's solution.
    """
    n, r = cases.production_share.shape
    bought = (cases.import_share * cases.consumption_share[:, None, :]).sum(axis=2)
    active = (cases.production_share > 0) | (bought > 0)
    if cases.quota is not None:  # one more unknown: the quota's wedge, live where a case has a quota
        active = np.concatenate([active, (cases.quota_from >= 0)[:, None]], axis=1)
        if y0 is not None and y0.shape[1] == r:
            y0 = np.concatenate([y0, np.zeros((n, 1))], axis=1)
    y = np.zeros(active.shape) if y0 is None else np.where(active, y0, 0.0)
    idx = np.arange(active.shape[1])
    scale = np.maximum(cases.consumption_share.sum(axis=1), 1e-300)[:, None]
    todo = np.ones(n, bool)
    z, jac, at_y = _evaluate(cases, y, True)
    at_y = [a.copy() for a in at_y]  # the market at each case's current y, kept up to date: no re-evaluation at the end
    z = np.where(active, z, 0.0) / scale
    merit = np.abs(z).max(axis=1)
    stuck = np.zeros(n, int)
    hedge = np.ones(n, bool)  # not yet in the quadratic range (see HEDGE_RATIO)
    for _ in range(MAX_ITER):
        todo = (merit > TOL) & (stuck < STUCK_ITER)
        if not todo.any():
            break
        every = bool(todo.all())
        sub = cases if every else _subset(cases, todo)
        act = active if every else active[todo]
        j = jac[todo] / scale[todo][:, :, None]
        j = np.where(act[:, :, None] & act[:, None, :], j, 0.0)
        j[:, idx, idx] += np.where(act, 0.0, 1.0)
        # regularise a vanishing diagonal (perfectly inelastic, fully levied exporter) with the sign own-price slopes
        # have (a higher price sells less and makes more): excess demand then raises the price until a floor stops
        # binding, where the price has an effect again
        diag = j[:, idx, idx]
        j[:, idx, idx] = np.where(np.abs(diag) < 1e-14, 1e-14, diag)
        try:
            step = np.linalg.solve(j, -z[todo][:, :, None])[:, :, 0]
        except np.linalg.LinAlgError:
            step = -z[todo] / j[:, idx, idx]
        step = np.where(np.isfinite(step), step, 0.0)
        big = np.abs(step).max(axis=1, keepdims=True)
        step *= np.minimum(1.0, 2.0 / np.maximum(big, 1e-300))
        hedge_now = hedge[todo] & (big[:, 0] > HEDGE_STEP)
        y_new, accepted, lam = _line_search(sub, act, scale[todo], y[todo], merit[todo], step, hedge_now)
        # cases whose line search failed take the smallest step anyway (escapes kinks)
        rest = ~accepted
        if rest.any():
            y_new[rest] = np.clip(y[todo][rest] + lam[rest, None] * step[rest], -LOG_PRICE_BOUND, LOG_PRICE_BOUND)
        y[todo] = y_new
        zz, jj, market = _evaluate(sub, y_new, True)
        for kept, new in zip(at_y, market):
            kept[todo] = new
        zz = np.where(act, zz, 0.0) / scale[todo]
        z[todo] = zz
        jac[todo] = jj
        new_merit = np.abs(zz).max(axis=1)
        hedge[todo] = new_merit > HEDGE_RATIO * merit[todo]
        pinned = (np.abs(y_new) >= LOG_PRICE_BOUND - 1e-9).any(axis=1) & ~(new_merit < 0.99 * merit[todo])
        stuck[todo] = np.where(pinned, stuck[todo] + 1, 0)
        merit[todo] = new_merit
    p, landed, pidx, flows, demand, supply, su, sc = at_y
    conv = (merit <= TOL * 10) & (np.abs(y) < LOG_PRICE_BOUND - 1e-9).all(axis=1) & np.isfinite(merit)
    wedge = y[:, r] if cases.quota is not None else None
    return Equilibrium(p, landed, pidx, flows, demand, supply, su, sc, conv, merit, quota_wedge=wedge)


def _line_search(sub: MarketCases, act: np.ndarray, scale: np.ndarray, y_old: np.ndarray, m_old: np.ndarray,
                 step: np.ndarray, hedge: np.ndarray):
    """Backtrack along ``step`` until the max excess supply falls (Armijo): (y, accepted, next step length).

    The first trial is the full step, and for ``hedge`` cases also the half step in the same evaluation; a hedged
    case keeps the half step when it cuts the excess supply more. Then the step halves for the cases still pending.
    """
    n = len(y_old)
    lam = np.ones(n)
    accepted = np.zeros(n, bool)
    y_new = y_old.copy()
    both = np.flatnonzero(hedge)
    rows = np.concatenate([np.arange(n), both])
    trial = np.clip(y_old[rows] + np.concatenate([np.ones(n), np.full(len(both), 0.5)])[:, None] * step[rows],
                    -LOG_PRICE_BOUND, LOG_PRICE_BOUND)
    zt, _, _ = _evaluate(_subset(sub, rows) if len(both) else sub, trial, False)
    zt = np.where(act[rows], zt, 0.0) / scale[rows]
    mt = np.abs(zt).max(axis=1)
    full_ok = (mt[:n] < m_old * (1 - 1e-4)) | (mt[:n] <= TOL)
    half = np.zeros(n, bool)
    half[both] = ((mt[n:] < m_old[both] * (1 - 0.5e-4)) | (mt[n:] <= TOL)) & (~full_ok[both] | (mt[n:] < mt[both]))
    take = np.arange(n)
    take[both] = np.where(half[both], n + np.arange(len(both)), both)
    ok = full_ok | half
    y_new[ok] = trial[take[ok]]
    accepted[ok] = True
    lam[:] = np.where(hedge, 0.25, 0.5)
    for _ls in range(LINE_SEARCH_HALVINGS - 1):
        if accepted.all():
            break
        pend = ~accepted
        trial = np.clip(y_old[pend] + lam[pend, None] * step[pend], -LOG_PRICE_BOUND, LOG_PRICE_BOUND)
        zt, _, _ = _evaluate(_subset(sub, pend), trial, False)
        zt = np.where(act[pend], zt, 0.0) / scale[pend]
        mt = np.abs(zt).max(axis=1)
        ok = (mt < m_old[pend] * (1 - 1e-4 * lam[pend])) | (mt <= TOL)
        pi = np.flatnonzero(pend)
        y_new[pi[ok]] = trial[ok]
        accepted[pi[ok]] = True
        lam[pend] *= 0.5
    return y_new, accepted, lam


def _subset(cases: MarketCases, mask: np.ndarray) -> MarketCases:
    fields = MarketCases.__dataclass_fields__
    return MarketCases(*(None if (a := getattr(cases, f)) is None else a[mask] for f in fields))
