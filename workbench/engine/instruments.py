"""Clauses compiled for the model through their kinds' engine hooks (workbench.instrument_kinds)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from workbench.document.brackets import resolve
from workbench.document.clauses import CostSharingRule
from workbench.engine.errors import EngineInputError, InfeasibleMarket
from workbench.engine.market import Model
from workbench.instrument_kinds import LEDGER, InstrumentKind, Wedge, kind_of

#: The instruments of the fiscal ledger (EvaluationResult.fiscal), in the registry's order.
INSTRUMENTS = tuple(LEDGER)


@dataclass
class Compiled:
    """One clause ready for the model: which mineral and years, who pays, and its resolved parameters."""

    clause_id: str
    kind: InstrumentKind
    mineral: str
    m: int                 # index of the mineral in the policy's mineral list
    years: np.ndarray      # (H,) bool: active horizon years
    parties: np.ndarray    # (R,) bool
    share: np.ndarray      # (R, R): amount generated at row region -> paid by column region
    weights: np.ndarray    # (R,) shares of the clause's common costs (purchases) among the parties
    # set by the kind's compile hook
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

    @property
    def wedge(self) -> Wedge:
        """How the clause enters the market model."""
        return self.kind.wedge


class CompileContext:
    """What a kind's compile hook may use: region masks, volume splits, currency rates and the engine's errors."""

    def __init__(self, model: Model, clause_id: str, mineral: str):
        self.regions = list(model.regions)
        self.market = model.markets[mineral]
        self.usd_per = model.usd_per
        self.clause_id = clause_id
        self.mineral = mineral

    def mask(self, codes: list[str], field: str) -> np.ndarray:
        """(R,) bool of the regions ``codes`` (the clause's field ``field``), refusing a code the model lacks."""
        return _mask(self.regions, codes, f"clause {self.clause_id!r}.{field}")

    def split(self, total: float, mask: np.ndarray) -> np.ndarray:
        """``total`` tonnes over the masked regions by base production (equally if none produce)."""
        return _split(total, self.market.production, mask)

    def input_error(self, message: str) -> EngineInputError:
        """The error for an input the model cannot use (the message names the field and the value)."""
        return EngineInputError(message)

    def infeasible(self, message: str) -> InfeasibleMarket:
        """The error for a clause under which the market cannot clear."""
        return InfeasibleMarket(message, mineral=self.mineral, clause_ids=(self.clause_id,))


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
        kind = kind_of(c)
        comp = Compiled(cid, kind, c.mineral, m, years, parties, share, weights)
        kind.compile(c, comp, CompileContext(model, cid, c.mineral))
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
    """Clauses that pay producers per unit of output (shift supply): producer support paid on output."""
    return [c for c in comps if c.wedge is Wedge.PRODUCER_SUPPORT and c.marginal]
