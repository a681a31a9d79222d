"""Adapter from (scenario, dataset) to the engine's calibrated Model: regions, base-year markets, overrides."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from workbench.engine.errors import EngineInputError
from workbench.engine.market import RESERVED_REGION_NAMES, MineralMarket, Model

RAS_ITERATIONS = 2000
RAS_TOLERANCE = 1e-11  # largest margin error of the fitted flows, relative to world consumption
#: Rows of an import-source table that name no country: their share is spread by the minimum-information rule.
UNNAMED_SOURCES = ("Other countries", "Other", "Unattributed")


def build_model(scenario: Any, dataset: Any) -> Model:
    """Calibrate the model: regions = partners (in order) + CN + ROW; one market per scenario mineral in the dataset."""
    doc = scenario.document
    a = doc.assumptions
    regions = tuple(p.code for p in doc.partners) + ("CN", "ROW")
    names = {p.code: p.name for p in doc.partners} | RESERVED_REGION_NAMES
    members = tuple(doc.members())
    warnings: list[str] = []
    country_region = country_map(doc.partners, dataset)
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


def country_map(partners, dataset) -> dict[str, str]:
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
                if total > 0:  # data with no tonnes at all stay at none
                    arr *= o.value / total
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
    flows = allocate_flows(prod, cons, known_imports(md, regions, cmap, prod), warnings, mid, regions)
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
        if need < 0:
            raise EngineInputError(f"{mid}: consumption overrides ({cons[c_over].sum():,.0f} t) exceed world "
                                   f"production ({tp:,.0f} t)")
        if cons[free].sum() <= 0:
            raise EngineInputError(f"{mid}: consumption overrides ({cons[c_over].sum():,.0f} t) leave {need:,.0f} t of "
                                   f"world production ({tp:,.0f} t) to consumers that use none in the data")
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


@dataclass(frozen=True)
class KnownImports:
    """What the dataset says about one importer's sources, summed over the countries of each model region."""

    importer: int          # index of the importing region
    named: np.ndarray      # (R,) share of the importer's imports from the countries the data name, by region
    unnamed: np.ndarray    # (R,) production of the countries the data do not name (where "other" may come from)
    countries: dict[str, float]  # the data's named countries -> share (for the calibration report)

    @property
    def other(self) -> float:
        """Share of the importer's imports the data leave unnamed ("other countries", unattributed)."""
        return max(0.0, 1.0 - float(self.named.sum()))


def known_imports(md: Any, regions: tuple[str, ...], cmap: dict[str, str],
                  prod: np.ndarray | None = None) -> list[KnownImports]:
    """The import-source facts of every region the dataset has them for (US, EU, Japan), by model region.

    A named country in the importer's own region is not an import and is dropped. ``unnamed`` is the base production
    of each region's countries that the importer's data do not name (the residual "Other countries" counts as unnamed
    in ROW), rescaled to ``prod`` when data overrides changed a region's production.
    """
    sources = dict(getattr(md, "import_sources", {}) or {})
    if "US" not in sources and getattr(md, "us_import_sources", None):
        sources["US"] = md.us_import_sources
    idx = {code: i for i, code in enumerate(regions)}
    row = idx["ROW"]
    country_prod = {c: float(s.value) for c, s in md.production.items()}
    region_prod = np.zeros(len(regions))
    for country, value in country_prod.items():
        region_prod[idx.get(cmap.get(country, "ROW"), row)] += value
    out = []
    for code, shares in sources.items():
        if code not in idx:
            continue
        j = idx[code]
        named = np.zeros(len(regions))
        kept = {}
        for country, share in shares.items():
            if country in UNNAMED_SOURCES:
                continue
            i = idx.get(cmap.get(country, "ROW"), row)
            if i == j:
                continue
            named[i] += float(share)
            kept[country] = float(share)
        unnamed = np.zeros(len(regions))
        for country, value in country_prod.items():
            if country not in kept:
                unnamed[idx.get(cmap.get(country, "ROW"), row)] += value
        if prod is not None:
            with np.errstate(divide="ignore", invalid="ignore"):  # a region without data output takes prod whole
                unnamed = np.where(region_prod > 0, unnamed / region_prod * prod, prod)
        unnamed[j] = 0.0
        if kept:
            out.append(KnownImports(j, named, unnamed, kept))
    return out


def allocate_flows(prod: np.ndarray, cons: np.ndarray, known: list[KnownImports] | tuple = (),
                   warnings: list[str] | None = None, label: str = "",
                   regions: tuple[str, ...] | None = None) -> np.ndarray:
    """Base bilateral flows (exporter x importer, diagonal = home sales) that honour every known import share.

    1. An importer with known sources sells its own output at home first, as far as its output is not needed for
       the named shipments other importers' data ask of it: home = min(consumption, production - named exports).
    2. Its imports (consumption - home) come from each region in the named shares, exactly. These cells are fixed.
    3. Everything else is unknown and filled by the minimum-information rule: the cross-entropy fit (RAS, iterative
       proportional fitting) to the production-share prior X_i D_j, under the margins left after the fixed cells:
       rows add up to production, columns to consumption. An importer's unnamed share ("other countries") may only
       come from regions that hold countries its data do not name, in proportion to their output.
    The fit never touches a fixed cell. Only when an exporter's output cannot cover what the data name for it are
    its named shipments scaled down to its output; ``warnings`` then names the cell (the calibration report shows
    the gap). Rows sum to ``prod`` and columns to ``cons``.
    """
    prod, cons = np.asarray(prod, float), np.asarray(cons, float)
    r = len(prod)
    total = prod.sum()
    tol = RAS_TOLERANCE * total
    known = [k for k in known if cons[k.importer] > 0]
    is_known = np.zeros(r, bool)
    named = np.zeros((r, r))
    eligible = np.zeros((r, r))
    for k in known:
        is_known[k.importer] = True
        named[:, k.importer] = np.where(np.arange(r) == k.importer, 0.0, k.named)
        eligible[:, k.importer] = k.unnamed
    home = np.where(is_known, np.minimum(prod, cons), 0.0)
    for _ in range(50):
        asked = named @ (cons - home)  # named is zero in the columns of importers without data
        new = np.where(is_known, np.clip(np.minimum(cons, prod - asked), 0.0, None), 0.0)
        settled = np.abs(new - home).max() <= tol
        home = new
        if settled:
            break
    imports = cons - home  # read only for importers with data (named, and cols below, ignore the others)
    fixed = named * imports[None, :]
    short = fixed.sum(axis=1) + home - prod
    for i in np.flatnonzero(short > tol):
        ship = fixed[i].sum()
        cut = min(short[i], ship)
        fixed[i] *= 1.0 - cut / ship
        if warnings is not None:
            name = regions or tuple(str(x) for x in range(r))
            to = ", ".join(name[j] for j in np.flatnonzero(named[i] > 0))
            warnings.append(f"{label}: {name[i]}'s base-year output ({prod[i]:,.1f} t) cannot cover the import shares "
                            f"the data name for it (importers {to}); its shipments are scaled down to its output "
                            "(`workbench-cli calibration` shows the gap)")
    fixed[np.arange(r), np.arange(r)] += home
    rows = np.clip(prod - fixed.sum(axis=1), 0.0, None)
    cols = np.where(is_known, np.clip(imports - (fixed.sum(axis=0) - home), 0.0, None), cons)
    off = prod[:, None] * (1.0 - np.eye(r))
    dry = is_known & (cols > tol) & ((eligible * (rows[:, None] > tol)).sum(axis=0) <= 0)
    if dry.any() and warnings is not None:
        name = regions or tuple(str(x) for x in range(r))
        warnings.append(f"{label}: no producer the data leave unnamed has output to spare for the unnamed share of "
                        f"{', '.join(name[j] for j in np.flatnonzero(dry))}'s imports; it is spread over every other "
                        "producer (`workbench-cli calibration` shows the gap)")
    eligible = np.where(dry[None, :], off, eligible)
    prior = np.where(is_known[None, :], eligible, prod[:, None] * (cons > 0)[None, :])
    free, ok = _ras(prior, rows, cols, tol)
    if not ok:
        # the unnamed producers cannot supply the unnamed shares: let them come from any other producing region
        free, ok = _ras(np.where(is_known[None, :], np.maximum(eligible, off), prior), rows, cols, tol)
        if warnings is not None:
            warnings.append(f"{label}: the producers the import data leave unnamed cannot supply the unnamed "
                            "shares; they are spread over every other producer instead")
    return fixed + free


def _ras(prior: np.ndarray, rows: np.ndarray, cols: np.ndarray, tol: float) -> tuple[np.ndarray, bool]:
    """Iterative proportional fitting of ``prior`` to row and column sums: (matrix, margins met within ``tol``)."""
    m = prior * (cols > 0)[None, :]  # no prior weight where nothing is received; a zero row empties at once
    rs = m.sum(axis=1)
    for it in range(RAS_ITERATIONS):
        m *= np.divide(rows, rs, out=np.zeros_like(rows), where=rs > 0)[:, None]  # an empty row stays empty
        cs = m.sum(axis=0)
        m *= np.divide(cols, cs, out=np.zeros_like(cols), where=cs > 0)
        rs = m.sum(axis=1)
        if it % 4 == 3 and np.abs(rs - rows).max() <= tol:
            break
    slack = 1e3 * tol  # margins this close count as met (the loop stops at tol on the rows only)
    ok = np.abs(m.sum(axis=1) - rows).max() <= slack and np.abs(m.sum(axis=0) - cols).max() <= slack
    return m, bool(ok)
