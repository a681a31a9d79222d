"""Adapter from (scenario, dataset) to the engine's calibrated Model: regions, base-year markets, overrides."""

from __future__ import annotations

from typing import Any

import numpy as np

from workbench.engine.errors import EngineInputError
from workbench.engine.market import RESERVED_REGION_NAMES, MineralMarket, Model

RAS_ITERATIONS = 200
POOLED_SHARE = 0.5  # weight of the pooled-world-market allocation in the base flows (the rest: home first)


def build_model(scenario: Any, dataset: Any) -> Model:
    """Calibrate the model: regions = partners (in order) + CN + ROW; one market per scenario mineral in the dataset."""
    doc = scenario.document
    a = doc.assumptions
    regions = tuple(p.code for p in doc.partners) + ("CN", "ROW")
    names = {p.code: p.name for p in doc.partners} | RESERVED_REGION_NAMES
    members = tuple(doc.members())
    warnings: list[str] = []
    country_region = _country_map(doc.partners, dataset)
    markets: dict[str, MineralMarket] = {}
    no_consumption: dict[str, list[str]] = {}
    for mineral in doc.minerals:
        try:
            md = dataset.mineral(mineral.id)
        except KeyError:
            warnings.append(f"mineral {mineral.id!r}: not in the dataset; its clauses are not modelled")
            continue
        markets[mineral.id] = _market(md, mineral.id, regions, country_region, scenario, warnings)
        for p in doc.partners:
            if p.code not in md.consumption:
                no_consumption.setdefault(p.code, []).append(mineral.id)
    for code, mids in no_consumption.items():
        warnings.append(f"partner {code}: the dataset has no consumption figure for {', '.join(mids)}; "
                        "modelled as consuming none (the rest of the world keeps it)")
    gdp = {}
    for code in regions:
        s = getattr(dataset, "gdp_usd_bn", {}).get(code)
        if s is not None:
            gdp[code] = float(s.value)
    for p in doc.partners:
        if p.gdp_usd_bn is not None:
            gdp[p.code] = float(p.gdp_usd_bn)
    model = Model(regions=regions, region_names=names, members=members, base_year=a.base_year,
                  horizon=a.horizon_years, discount_rate=a.discount_rate, usd_per=dict(a.usd_per_currency),
                  markets=markets, gdp=gdp, warnings=tuple(warnings))
    model.check()
    return model


def _country_map(partners, dataset) -> dict[str, str]:
    """USGS country name -> model region (a partner's own list, else the dataset's list for its code; CN)."""
    out: dict[str, str] = {}
    rc = getattr(dataset, "region_countries", {})
    for p in partners:
        for country in (p.countries or rc.get(p.code, [])):
            out.setdefault(country, p.code)
    for country in rc.get("CN", ["China"]):
        out.setdefault(country, "CN")
    return out


def _market(md: Any, mid: str, regions: tuple[str, ...], cmap: dict[str, str], scenario: Any,
            warnings: list[str]) -> MineralMarket:
    a = scenario.document.assumptions
    r = len(regions)
    idx = {code: i for i, code in enumerate(regions)}
    row = idx["ROW"]
    prod = np.zeros(r)
    for country, s in md.production.items():
        prod[idx.get(cmap.get(country, "ROW"), row)] += float(s.value)
    cons = np.zeros(r)
    for code, s in md.consumption.items():
        cons[idx.get(code, row)] += float(s.value)
    price = float(md.reference_price.value)
    hist = getattr(md, "price_history", {}) or {}
    if a.base_year != getattr(md, "base_year", a.base_year):
        if a.base_year in hist:
            price = float(hist[a.base_year])
        else:
            warnings.append(f"{mid}: no price for base year {a.base_year}; using the {md.base_year} reference price")
    vol = float(md.volatility.value)
    rev = float(md.mean_reversion.value)
    p_over, c_over = np.zeros(r, bool), np.zeros(r, bool)
    for j, o in enumerate(a.data_overrides):
        if o.mineral != mid:
            continue
        where = f"assumptions.data_overrides[{j}]"
        if o.field in ("production", "consumption"):
            arr, flag = (prod, p_over) if o.field == "production" else (cons, c_over)
            if o.region == "*":
                total = arr.sum()
                arr *= (o.value / total) if total > 0 else 0.0
                flag[:] = True
            else:
                arr[idx[o.region]] = o.value
                flag[idx[o.region]] = True
        elif o.field == "reference_price":
            if o.value <= 0:
                raise EngineInputError(f"{where}.value: a reference price must be > 0, got {o.value}")
            price = o.value
        elif o.field == "volatility":
            vol = o.value
        elif o.field == "mean_reversion":
            rev = o.value
    prod, cons = _rebalance(mid, prod, cons, p_over, c_over, warnings)
    flows = allocate_flows(prod, cons, _us_prior(md, regions, cmap))
    sup, sup_lo, sup_hi = _elastic(md.supply_elasticity, r)
    dem, dem_lo, dem_hi = _elastic(md.demand_elasticity, r)
    arm = float(md.armington_elasticity.value)
    eo = a.elasticity_overrides.get(mid)
    if eo is not None:
        for arr, lo, hi, over, name in ((sup, sup_lo, sup_hi, eo.supply, "supply"),
                                        (dem, dem_lo, dem_hi, eo.demand, "demand")):
            for code, v in over.items():
                if code == "*":
                    arr[:], lo[:], hi[:] = v, v, v
                elif code in idx:
                    arr[idx[code]] = lo[idx[code]] = hi[idx[code]] = v
                else:
                    raise EngineInputError(f"assumptions.elasticity_overrides.{mid}.{name}: {code!r} is not a "
                                           f"region ({', '.join(regions)}) or '*'")
        if eo.armington is not None:
            arm = float(eo.armington)
    growth = a.demand_growth.get(mid)
    if growth is None:
        growth = float(md.demand_growth.value)
    return MineralMarket(
        mineral=mid, name=md.name, price=price, production=prod, consumption=cons, flows=flows,
        supply_elasticity=sup, demand_elasticity=dem, armington=arm, demand_growth=float(growth),
        price_index=price_index(a, mid), volatility=vol, mean_reversion=rev,
        supply_low=np.minimum(sup_lo, sup), supply_high=np.maximum(sup_hi, sup),
        demand_low=np.minimum(dem_lo, dem), demand_high=np.maximum(dem_hi, dem))


def price_index(assumptions: Any, mid: str) -> np.ndarray:
    """Baseline reference-price index for horizon years 1..H (1.0 = base year price)."""
    h = assumptions.horizon_years
    path = assumptions.price_paths.get(mid)
    t = np.arange(1, h + 1)
    if path is None or path.kind == "flat":
        return np.ones(h)
    if path.kind == "trend":
        return (1.0 + path.annual_change) ** t
    if len(path.index) < h:
        raise EngineInputError(f"assumptions.price_paths.{mid}.index: needs {h} values, got {len(path.index)}")
    return np.asarray(path.index[:h], dtype=float)


def _elastic(s: Any, r: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    v = float(s.value)
    lo = float(s.low) if getattr(s, "low", None) is not None else v
    hi = float(s.high) if getattr(s, "high", None) is not None else v
    return np.full(r, v), np.full(r, lo), np.full(r, hi)


def _rebalance(mid, prod, cons, p_over, c_over, warnings):
    """Make world consumption equal world production after overrides by scaling the side not overridden."""
    tp, tc = prod.sum(), cons.sum()
    if tp <= 0:
        raise EngineInputError(f"{mid}: world production must be > 0 (after data overrides), got {tp:g}")
    if abs(tp - tc) <= 1e-9 * tp:
        return prod, cons
    if p_over.any() and not c_over.all():
        free = ~c_over
        need = tp - cons[c_over].sum()
        if need < 0 or cons[free].sum() <= 0:
            raise EngineInputError(f"{mid}: consumption overrides ({cons[c_over].sum():,.0f} t) exceed world "
                                   f"production ({tp:,.0f} t)")
        cons = cons.copy()
        cons[free] *= need / cons[free].sum()
        warnings.append(f"{mid}: consumption rescaled to match overridden world production {tp:,.0f} t")
    else:
        free = ~p_over if not p_over.all() else np.ones_like(p_over)
        need = tc - prod[~free].sum()
        if need <= 0 or prod[free].sum() <= 0:
            raise EngineInputError(f"{mid}: production overrides cannot match world consumption {tc:,.0f} t")
        prod = prod.copy()
        prod[free] *= need / prod[free].sum()
        warnings.append(f"{mid}: production rescaled to match world consumption {tc:,.0f} t")
    return prod, cons


def _us_prior(md: Any, regions: tuple[str, ...], cmap: dict[str, str]) -> dict[int, np.ndarray]:
    """Prior import-source shares of the US column (from US import sources), when the US is a region."""
    if "US" not in regions:
        return {}
    src = getattr(md, "us_import_sources", {}) or {}
    if not src:
        return {}
    idx = {code: i for i, code in enumerate(regions)}
    w = np.zeros(len(regions))
    for country, share in src.items():
        w[idx.get(cmap.get(country, "ROW"), idx["ROW"])] += float(share)
    return {idx["US"]: w} if w.sum() > 0 else {}


def allocate_flows(prod: np.ndarray, cons: np.ndarray, priors: dict[int, np.ndarray] | None = None,
                   pooled: float = POOLED_SHARE) -> np.ndarray:
    """Bilateral base flows: a blend of a pooled world market and home-first netting (both keep the margins).

    Pooled: every consumer buys from every producer in proportion to world production shares, X_i D_j / W.
    Home first: home production serves home consumption first; net exporters' surpluses E_i are spread over net
    importers' needs M_j in proportion to E_i M_j, except that an importer with a known source pattern
    (``priors[j]``) starts from it and iterative proportional fitting restores both margins.
    Rows add up to production, columns to consumption.
    """
    home_first = _home_first(prod, cons, priors)
    total = prod.sum()
    return (1.0 - pooled) * home_first + pooled * np.outer(prod, cons) / total


def _home_first(prod: np.ndarray, cons: np.ndarray, priors: dict[int, np.ndarray] | None) -> np.ndarray:
    r = len(prod)
    home = np.minimum(prod, cons)
    exp_ = prod - home
    imp = cons - home
    total = imp.sum()
    flows = np.diag(home)
    if total <= 0:
        return flows
    prior = np.outer(exp_, imp) / total
    for j, w in (priors or {}).items():
        if imp[j] > 0:
            col = np.where(exp_ > 0, w + 1e-3 * w.sum(), 0.0)
            if col.sum() > 0:
                prior[:, j] = imp[j] * col / col.sum()
    m = prior.copy()
    for _ in range(RAS_ITERATIONS):
        rs = m.sum(axis=1)
        m *= np.divide(exp_, rs, out=np.zeros(r), where=rs > 0)[:, None]
        cs = m.sum(axis=0)
        m *= np.divide(imp, cs, out=np.zeros(r), where=cs > 0)[None, :]
        if np.abs(m.sum(axis=1) - exp_).max() <= 1e-12 * total:
            break
    return flows + m
