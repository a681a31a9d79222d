"""The five instruments compiled from clauses: their market wedges and the fiscal flows they generate."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from workbench.document.brackets import resolve
from workbench.document.clauses import (
    BorderFloorClause,
    CfdClause,
    CostSharingRule,
    PriceBasis,
    PriceGapSubsidyClause,
    PurchaseClause,
    TariffClause,
    VolumeBasis,
)
from workbench.engine.errors import EngineInputError, InfeasibleMarket
from workbench.engine.market import Model

INSTRUMENTS = ("levy_revenue", "tariff_revenue", "subsidy_payment", "cfd_payment", "cfd_rebate",
               "purchase_outlay", "storage_cost", "stock_end_value")


@dataclass
class Compiled:
    """One clause ready for the model: which mineral and years, who pays, and its resolved parameters."""

    clause_id: str
    kind: str
    mineral: str
    m: int                 # index of the mineral in the policy's mineral list
    years: np.ndarray      # (H,) bool: active horizon years
    parties: np.ndarray    # (R,) bool
    share: np.ndarray      # (R, R): amount generated at row region -> paid by column region
    weights: np.ndarray    # (R,) shares of the clause's common costs (purchases) among the parties
    # kind-specific
    pairs: np.ndarray | None = None      # (R, R) bool exporter x importer the border measure applies to
    price: float = 0.0                   # floor / strike / agreed price, USD per t
    threshold: float = 0.0               # CfD rebate threshold / price-gap upside threshold, USD per t
    alpha: float = 0.0                   # upside or clawback share
    rate: float = 0.0                    # tariff rate or purchase premium
    eligible: np.ndarray | None = None   # (R,) bool producer regions paid
    volume: np.ndarray | None = None     # (R,) tonnes a year by region (purchase sources, fixed CfD volume, cap)
    marginal: bool = True                # CfD/price gap pays on output (shifts supply)
    agreed: bool = True                  # purchase at agreed price (else market plus premium)
    budget: float = np.inf               # purchase budget cap, USD
    storage_rate: float = 0.0


def compile_clauses(model: Model, clauses: list, option: str | None = None) -> tuple[list[Compiled], list[str]]:
    """Resolve brackets, check references, and compile every clause; returns (compiled, warnings)."""
    regions = list(model.regions)
    minerals = list(model.markets)
    r = len(regions)
    out: list[Compiled] = []
    warnings: list[str] = []
    first, last = model.years[0], model.years[-1]
    for clause in clauses:
        c = clause.resolved(option)
        cid = c.id
        if c.mineral not in minerals:
            warnings.append(f"clause {cid!r}: no market data for mineral {c.mineral!r}; not modelled")
            continue
        m = minerals.index(c.mineral)
        market = model.markets[c.mineral]
        duration = int(resolve(c.duration_years))
        years = np.array([c.start_year <= y <= c.start_year + duration - 1 for y in model.years])
        if not years.any():
            warnings.append(f"clause {cid!r} is not active within the horizon {first}-{last} "
                            f"(years {c.start_year}-{c.start_year + duration - 1})")
        parties = _mask(regions, c.parties, f"clause {cid!r}.parties")
        weights = _cost_weights(model, c, market, parties)
        share = np.zeros((r, r))
        if c.cost_sharing.rule is CostSharingRule.OWN:
            equal = parties / parties.sum()
            for g in range(r):
                if parties[g]:
                    share[g, g] = 1.0
                else:
                    share[g] = equal
        else:
            share[:] = weights
        comp = Compiled(cid, c.kind, c.mineral, m, years, parties, share, weights)
        fx = model.usd_per
        if isinstance(c, BorderFloorClause):
            comp.price = c.floor_price.usd_per_tonne(fx)
            comp.pairs = (~parties)[:, None] & parties[None, :]
        elif isinstance(c, TariffClause):
            comp.rate = float(c.rate)
            exp = _mask(regions, c.exporters, f"clause {cid!r}.exporters")
            comp.pairs = exp[:, None] & parties[None, :]
            comp.pairs[np.arange(r), np.arange(r)] = False
        elif isinstance(c, PriceGapSubsidyClause):
            comp.price = comp.threshold = c.floor_price.usd_per_tonne(fx)
            comp.alpha = float(c.upside_share)
            comp.eligible = _mask(regions, c.eligible_producers or c.parties, f"clause {cid!r}.eligible_producers")
            if c.volume_cap is not None:
                comp.volume = _split(c.volume_cap.tonnes(), market.production, comp.eligible)
        elif isinstance(c, CfdClause):
            comp.price = c.strike_price.usd_per_tonne(fx)
            comp.threshold = c.rebate_threshold.usd_per_tonne(fx)
            if comp.threshold < comp.price:
                raise EngineInputError(f"clause {cid!r}.rebate_threshold: {comp.threshold:,.0f} USD/t is below "
                                       f"the strike price {comp.price:,.0f} USD/t")
            comp.alpha = float(c.clawback_share)
            comp.eligible = _mask(regions, c.eligible_producers or c.parties, f"clause {cid!r}.eligible_producers")
            comp.marginal = c.volume_basis is VolumeBasis.MARGINAL_OUTPUT
            if not comp.marginal:
                comp.volume = _split(resolve(c.contracted_volume).tonnes(), market.production, comp.eligible)
        elif isinstance(c, PurchaseClause):
            src = _mask(regions, c.sources, f"clause {cid!r}.sources")
            comp.volume = _split(resolve(c.annual_volume).tonnes(), market.production, src)
            comp.agreed = c.price_basis is PriceBasis.AGREED
            if comp.agreed:
                comp.price = resolve(c.agreed_price).usd_per_tonne(fx)
            comp.rate = float(resolve(c.premium_share))
            comp.budget = c.budget_cap.usd(fx) if c.budget_cap is not None else np.inf
            comp.storage_rate = float(c.storage_cost_rate)
            dry = (comp.volume > 0) & ((market.production <= 0) | (market.supply_elasticity == 0)
                                       & (comp.volume >= market.production))
            if np.any(dry):
                i = int(np.flatnonzero(dry)[0])
                raise InfeasibleMarket(
                    f"clause {cid!r} buys {comp.volume[i]:,.0f} t a year of {c.mineral} from {regions[i]}, which "
                    f"produces {market.production[i]:,.0f} t with supply elasticity {market.supply_elasticity[i]:g}",
                    mineral=c.mineral, clause_ids=(cid,))
        else:  # pragma: no cover - the document model has exactly these kinds
            raise EngineInputError(f"clause {cid!r}.kind: unknown instrument {c.kind!r}")
        out.append(comp)
    return out, warnings


def _mask(regions: list[str], codes: list[str], field: str) -> np.ndarray:
    mask = np.zeros(len(regions), bool)
    for code in codes:
        if code not in regions:
            raise EngineInputError(f"{field}: {code!r} is not a region of the model ({', '.join(regions)})")
        mask[regions.index(code)] = True
    return mask


def _split(total: float, production: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Allocate ``total`` tonnes over the masked regions by base production (equally if none produce)."""
    w = np.where(mask, production, 0.0)
    if w.sum() <= 0:
        w = mask.astype(float)
    return total * w / w.sum()


def _cost_weights(model: Model, c, market, parties: np.ndarray) -> np.ndarray:
    """Each party's share of the clause's common costs under its cost-sharing rule."""
    regions = list(model.regions)
    rule = c.cost_sharing.rule
    cid = c.id
    if rule is CostSharingRule.FIXED:
        w = np.array([c.cost_sharing.shares.get(code, 0.0) if parties[i] else 0.0 for i, code in enumerate(regions)])
    elif rule is CostSharingRule.GDP:
        vals = []
        for i, code in enumerate(regions):
            if not parties[i]:
                vals.append(0.0)
                continue
            gdp = model.gdp.get(code)
            if gdp is None or not np.isfinite(gdp) or gdp <= 0:
                raise EngineInputError(f"clause {cid!r}.cost_sharing: rule 'gdp' needs the GDP of {code}: "
                                       f"set partners[{code}].gdp_usd_bn (got {gdp})")
            vals.append(float(gdp))
        w = np.array(vals)
    elif rule is CostSharingRule.CONSUMPTION:
        w = np.where(parties, market.consumption, 0.0)
    elif rule is CostSharingRule.IMPORTS:
        w = np.where(parties, market.consumption - np.diag(market.flows), 0.0)
    else:
        w = parties.astype(float)
    if w.sum() <= 0:
        w = parties.astype(float)
    return w / w.sum()


def support_terms(comps: list[Compiled]) -> list[Compiled]:
    """Clauses that pay producers per unit of output (shift supply): price gaps and marginal CfDs."""
    return [c for c in comps if c.kind == "price_gap_subsidy" or (c.kind == "cfd" and c.marginal)]


def per_unit(c: Compiled, p: np.ndarray) -> np.ndarray:
    """Per-unit payment to producers at price p: max(0, lo - p) - alpha max(0, p - hi)."""
    return np.maximum(c.price - p, 0.0) - c.alpha * np.maximum(p - c.threshold, 0.0)
