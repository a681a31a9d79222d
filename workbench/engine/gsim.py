"""GSIM validation mode: the linear Francois & Hall (2003) global simulation model, and the same market in levels."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from workbench.engine.errors import EngineInputError
from workbench.engine.solver import MarketCases, solve

FIELDS = ("regions", "trade", "tariffs_initial", "tariffs_final", "import_demand_elasticity",
          "export_supply_elasticity", "substitution_elasticity")

#: Largest bilateral trade value accepted (world merchandise trade is about 2.5e13 USD a year; 1e15 leaves room for
#: other value units while keeping every product of the GSIM formulas far inside double precision).
MAX_TRADE = 1e15
#: Largest tariff power 1 + t accepted: a tariff of 1,000 %, beyond any applied rate on record.
MAX_TARIFF_POWER = 11.0
#: Magnitudes accepted for every elasticity: published trade and supply elasticities lie well inside 0.01-100.
ELASTICITY_RANGE = (0.01, 100.0)
#: Condition number above which the linear system is treated as having no unique solution. Its solution would then
#: depend on rounding (LAPACK either reports singularity or returns huge numbers, differently on different machines);
#: refusing it explicitly gives the same answer everywhere.
MAX_CONDITION = 1e12


@dataclass(frozen=True)
class GsimInputs:
    """A GSIM experiment: trade at world prices (row exporter, column importer), tariff powers T = 1 + t, elasticities.

    ``em`` (import demand, < 0) and ``es`` (substitution, > 0) are per importer; ``ex`` (export supply, > 0) per
    exporter.
    """

    regions: list[str]
    trade: np.ndarray
    t0: np.ndarray
    t1: np.ndarray
    em: np.ndarray
    ex: np.ndarray
    es: np.ndarray


@dataclass(frozen=True)
class GsimResult:
    """Per region: world (export) price change and welfare effects, in the trade data's value units."""

    regions: list[str]
    price_change: np.ndarray      # proportional change of each exporter's world price
    producer_surplus: np.ndarray
    consumer_surplus: np.ndarray
    tariff_revenue: np.ndarray
    import_change: np.ndarray     # (R, R) proportional change of each bilateral import quantity

    @property
    def welfare(self) -> np.ndarray:
        """Net welfare change: producer surplus + consumer surplus + tariff revenue."""
        return self.producer_surplus + self.consumer_surplus + self.tariff_revenue

    def to_json(self) -> dict[str, Any]:
        """Plain data: one record per region (what ``workbench-cli gsim --json`` prints)."""
        return {"regions": [
            {"region": r, "world_price_change_pct": 100 * float(self.price_change[i]),
             "producer_surplus": float(self.producer_surplus[i]), "consumer_surplus": float(self.consumer_surplus[i]),
             "tariff_revenue": float(self.tariff_revenue[i]), "net_welfare": float(self.welfare[i])}
            for i, r in enumerate(self.regions)]}


def parse(data: Any) -> GsimInputs:
    """Check a GSIM experiment given as plain data; errors name the field and the value."""
    if not isinstance(data, dict):
        raise EngineInputError(f"gsim: expected a JSON object with {', '.join(FIELDS)}, got {type(data).__name__}")
    missing = [f for f in FIELDS if f not in data]
    if missing:
        raise EngineInputError(f"gsim: missing field(s) {', '.join(missing)}")
    regions = data["regions"]
    if not isinstance(regions, list) or len(regions) < 2 or not all(isinstance(r, str) and r for r in regions) \
            or len(set(regions)) != len(regions):
        raise EngineInputError(f"regions: must be a list of at least 2 distinct names, got {regions!r}")
    n = len(regions)
    trade = _matrix(data, "trade", n)
    t0 = _matrix(data, "tariffs_initial", n)
    t1 = _matrix(data, "tariffs_final", n)
    for i, j in np.argwhere((trade < 0) | (trade > MAX_TRADE)):  # the first bad cell
        raise EngineInputError(f"trade[{i}][{j}]: must be between 0 and {MAX_TRADE:g}, got {trade[i, j]:g}")
    for name, t in (("tariffs_initial", t0), ("tariffs_final", t1)):
        for i, j in np.argwhere((t < 1.0) | (t > MAX_TARIFF_POWER)):
            raise EngineInputError(f"{name}[{i}][{j}]: a tariff power 1 + t must be between 1 and "
                                   f"{MAX_TARIFF_POWER:g} (a tariff of at most 1,000 %), got {t[i, j]:g}")
    for i in np.flatnonzero(trade.sum(axis=1) <= 0):
        raise EngineInputError(f"trade[{i}]: {regions[i]} exports nothing; every region needs some trade")
    for j in np.flatnonzero(trade.sum(axis=0) <= 0):
        raise EngineInputError(f"trade: column {j} ({regions[j]}) imports nothing; every region needs some trade")
    low, high = ELASTICITY_RANGE
    em = _vector(data, "import_demand_elasticity", n, lambda v: (v <= -low) & (v >= -high),
                 f"between {-high:g} and {-low:g} (< 0)")
    ex = _vector(data, "export_supply_elasticity", n, lambda v: (v >= low) & (v <= high),
                 f"between {low:g} and {high:g} (> 0)")
    es = _vector(data, "substitution_elasticity", n, lambda v: (v >= low) & (v <= high),
                 f"between {low:g} and {high:g} (> 0)")
    return GsimInputs(list(regions), trade, t0, t1, em, ex, es)


def _matrix(data: dict, name: str, n: int) -> np.ndarray:
    try:
        m = np.array(data[name], dtype=float)
    except (TypeError, ValueError):
        raise EngineInputError(f"{name}: must be a {n}x{n} matrix of numbers") from None
    if m.shape != (n, n):
        raise EngineInputError(f"{name}: must be a {n}x{n} matrix (one row and column per region), got shape {m.shape}")
    if not np.all(np.isfinite(m)):
        raise EngineInputError(f"{name}: must hold finite numbers only")
    return m


def _vector(data: dict, name: str, n: int, ok, rule: str) -> np.ndarray:
    raw = data[name]
    try:
        v = np.full(n, float(raw)) if isinstance(raw, (int, float)) and not isinstance(raw, bool) \
            else np.array(raw, dtype=float)
    except (TypeError, ValueError):
        raise EngineInputError(f"{name}: must be a number or a list of {n} numbers, got {raw!r}") from None
    if v.shape != (n,) or not np.all(np.isfinite(v)):
        raise EngineInputError(f"{name}: must be a number or a list of {n} finite numbers, got {raw!r}")
    bad = np.flatnonzero(~ok(v))
    if bad.size:
        raise EngineInputError(f"{name}[{bad[0]}]: must be {rule}, got {v[bad[0]]:g}")
    return v


def solve_unique(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Solve a x = b, or EngineInputError when the system has no unique solution.

    The test is the condition number from the singular values (not whether LAPACK happens to hit an exact zero pivot),
    so the same input is classified the same way on every machine and BLAS set-up.
    """
    singular_values = np.linalg.svd(a, compute_uv=False)
    smallest, largest = singular_values[-1], singular_values[0]
    if not np.isfinite(largest) or smallest <= largest / MAX_CONDITION:
        condition = "infinite" if smallest == 0 or not np.isfinite(largest) else f"{largest / smallest:.1e}"
        raise EngineInputError(f"the linear GSIM system has no unique solution (condition number {condition}, "
                               f"limit {MAX_CONDITION:.0e}): check the elasticities and trade values")
    return np.linalg.solve(a, b)


def solve_linear(g: GsimInputs) -> GsimResult:
    """The GSIM linear system: proportional changes of world prices that clear every exporter's market.

    Importer v's demand for r's good changes by M^_rv = N_rrv (T^_rv + P*^_r) + sum_k!=r N_rkv (T^_kv + P*^_k), with
    N_rrv = th_rv Em_v - (1 - th_rv) Es_v, N_rkv = th_kv (Em_v + Es_v), th = import shares at internal prices;
    exporter r's supply changes by Ex_r P*^_r; sum_v M_rv M^_rv = Ex_r P*^_r sum_v M_rv (docs/model.md).
    """
    m, t0, n = g.trade, g.t0, len(g.regions)
    that = g.t1 / g.t0 - 1.0
    internal = m * t0
    th = internal / internal.sum(axis=0)  # (exporter, importer)
    em, es = g.em[None, :], g.es[None, :]
    cross = th * (em + es)  # N_rkv for k != r, indexed [k, v]
    own_extra = -es  # N_rrv = th_rv (Em + Es) - Es
    # M^_rv = sum_k cross[k, v] (T^_kv + P^_k) - Es_v (T^_rv + P^_r)
    a = np.zeros((n, n))
    b = np.zeros(n)
    for r in range(n):
        for v in range(n):
            w = m[r, v]  # a region pair without trade adds nothing (w = 0)
            a[r] += w * cross[:, v]
            a[r, r] += w * own_extra[0, v]
            b[r] -= w * ((cross[:, v] * that[:, v]).sum() + own_extra[0, v] * that[r, v])
        a[r, r] -= g.ex[r] * m[r].sum()
    p = solve_unique(a, b)
    dp_int = that + p[:, None]  # proportional change of internal prices
    mhat = (cross * dp_int).sum(axis=0)[None, :] + own_extra * dp_int
    x0 = m.sum(axis=1)
    ps = x0 * p * (1.0 + 0.5 * g.ex * p)
    pc = (th * dp_int).sum(axis=0)  # composite import price change per importer
    cs = -internal.sum(axis=0) * pc * (1.0 + 0.5 * g.em * pc)
    rev0 = ((t0 - 1.0) * m).sum(axis=0)
    rev1 = ((g.t1 - 1.0) * m * (1.0 + mhat) * (1.0 + p[:, None])).sum(axis=0)
    return GsimResult(list(g.regions), p, ps, cs, rev1 - rev0, mhat)


def solve_levels(g: GsimInputs) -> np.ndarray:
    """The same Armington market solved in levels with the workbench's solver; returns world price changes.

    CES weights are calibrated so the base tariffs reproduce the base trade exactly (see docs/model.md); the
    linear GSIM result is the first-order approximation of this one.
    """
    m, t0 = g.trade, g.t0
    internal = m * t0
    share = internal / internal.sum(axis=0)
    sigma = g.es
    weights = share * t0 ** (sigma[None, :] - 1.0)
    n = len(g.regions)

    def one(x):
        return x[None]

    no_support = np.zeros((1, 0, n))  # no producer-support clause (K = 0)
    cases = MarketCases(
        production_share=one(m.sum(axis=1)), consumption_share=one(internal.sum(axis=0)), import_share=one(weights),
        supply_elasticity=one(g.ex), demand_elasticity=one(g.em), armington_elasticity=np.array([float(sigma.mean())]),
        tariff=one(g.t1 - 1.0), floor_price=np.zeros((1, n, n)), purchases=np.zeros((1, n)),
        support_floor=no_support, support_threshold=no_support, support_rebate_share=no_support,
        support_capped=no_support.astype(bool), capped_supply=np.full((1, n), np.inf))
    if np.ptp(sigma) > 0:
        raise EngineInputError("substitution_elasticity: the levels cross-check needs one value for all regions")
    eq = solve(cases)
    if not eq.converged.all():
        raise EngineInputError("gsim: the levels model found no equilibrium for this experiment")
    return eq.price[0] - 1.0
