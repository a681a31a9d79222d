"""Immutable result objects of evaluate() and run_monte_carlo(), with their tables built on first use."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from workbench.engine.instruments import INSTRUMENTS
from workbench.instrument_kinds import LEDGER

PARTNER_COLUMNS = (
    "fiscal_cost_avg_usd", "fiscal_cost_pv_usd", "fiscal_cost_peak_usd", "consumer_price_change_pct",
    "producer_price_change_pct", "china_share_pct", "china_share_base_pct", "zone_share_pct",
    "consumer_surplus_change_pv_usd", "producer_surplus_change_pv_usd", "welfare_change_pv_usd",
    "stockpile_days_cover", "cash_cost_avg_usd", "cash_cost_pv_usd", "cash_cost_peak_usd", "stock_value_pv_usd",
)
#: Ledger lines that are not cash (the registry's ``cash=False``): the value of the stock held at the horizon's end
#: (a credit, booked negative).
NON_CASH_INSTRUMENTS = frozenset(key for key, entry in LEDGER.items() if not entry.cash)
MC_SUMMARY_COLUMNS = ("expected_cost_pv_usd", "p5_pv_usd", "p50_pv_usd", "p95_pv_usd", "p95_annual_usd")


@dataclass(frozen=True)
class EvaluationResult:
    """Deterministic results: per-partner table, fiscal ledger, prices, volumes (see docs/architecture.md).

    Built from arrays indexed [mineral, year, region(, region)]; the DataFrames are made on first access.
    """

    years: list[int]
    regions: list[str]
    region_names: dict[str, str]
    minerals: list[str]
    discount: np.ndarray               # (H,) discount factors
    base_price: np.ndarray             # (M, H) USD/t
    consumer_price: np.ndarray         # (M, H, R)
    producer_price: np.ndarray         # (M, H, R)
    base_consumption: np.ndarray       # (M, H, R) t
    base_production: np.ndarray        # (M, H, R) t
    base_flows: np.ndarray             # (M, H, R, R) t
    flows: np.ndarray                  # (M, H, R, R) t, private trade
    gov_flows: np.ndarray              # (M, H, R, R) t, government purchases source -> buyer
    production: np.ndarray             # (M, H, R) t under the policy
    consumer_surplus: np.ndarray       # (M, H, R) USD change
    producer_surplus: np.ndarray       # (M, H, R) USD change
    ledger: list[tuple[str, str, str, int, np.ndarray]]  # (clause_id, instrument, mineral, mineral index, (H, R))
    stock_end: np.ndarray              # (M, R) t held at the horizon's end
    members: list[str]
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        _freeze(self)

    # ---- aggregates -------------------------------------------------------------------------------------------
    @cached_property
    def annual_net(self) -> np.ndarray:
        """(H, R) net fiscal cost per year and region, USD (+ = outlay)."""
        tot = np.zeros((len(self.years), len(self.regions)))
        for *_, a in self.ledger:
            tot += a
        return tot

    @cached_property
    def annual_stock_value(self) -> np.ndarray:
        """(H, R) value of the stock held at the horizon's end, USD (+ = value held; non-cash, in the last year)."""
        tot = np.zeros((len(self.years), len(self.regions)))
        for _c, inst, _m, _mi, a in self.ledger:
            if inst in NON_CASH_INSTRUMENTS:
                tot -= a
        return tot

    @cached_property
    def annual_cash(self) -> np.ndarray:
        """(H, R) net cash cost per year and region, USD: the net fiscal cost without the stock's end value."""
        return self.annual_net + self.annual_stock_value

    @property
    def validity_warnings(self) -> list:
        """The structured warnings of the validity guards (workbench.engine.guards.ModelWarning)."""
        return [w for w in self.warnings if hasattr(w, "code")]

    @cached_property
    def partner_table(self) -> pd.DataFrame:
        """One row per region; columns as documented (PARTNER_COLUMNS).

        ``fiscal_cost_*`` is the net figure: cash minus the value of the stock held at the end;
        ``cash_cost_*`` is the cash alone, ``stock_value_pv_usd`` the stock's end value (non-cash), so
        fiscal_cost_pv_usd = cash_cost_pv_usd - stock_value_pv_usd.
        """
        net = self.annual_net
        cash = self.annual_cash
        disc = self.discount
        pb = self.base_price[:, :, None]
        wc = self.base_consumption * pb
        wp = self.base_production * pb
        cons_chg = _wavg(self.consumer_price / pb - 1.0, wc)
        prod_chg = _wavg(self.producer_price / pb - 1.0, wp)
        cn = self.regions.index("CN")
        zone = np.array([r in self.members for r in self.regions])
        val = self.flows * pb[..., None]
        bval = self.base_flows * pb[..., None]
        tot, btot = val.sum(axis=(0, 1, 2)), bval.sum(axis=(0, 1, 2))
        china = _ratio(val[:, :, cn].sum(axis=(0, 1)), tot)
        china_b = _ratio(bval[:, :, cn].sum(axis=(0, 1)), btot)
        zone_s = _ratio(val[:, :, zone].sum(axis=(0, 1, 2)), tot)
        cs = (self.consumer_surplus * disc[None, :, None]).sum(axis=(0, 1))
        ps = (self.producer_surplus * disc[None, :, None]).sum(axis=(0, 1))
        pv = (net * disc[:, None]).sum(axis=0)
        last_p = self.base_price[:, -1][:, None]
        daily = self.base_consumption[:, -1] * last_p / 365.0
        held = self.stock_end > 0
        days = _ratio((self.stock_end * last_p).sum(axis=0), np.where(held, daily, 0.0).sum(axis=0))
        data = {
            "fiscal_cost_avg_usd": net.mean(axis=0), "fiscal_cost_pv_usd": pv, "fiscal_cost_peak_usd": net.max(axis=0),
            "consumer_price_change_pct": 100 * cons_chg, "producer_price_change_pct": 100 * prod_chg,
            "china_share_pct": 100 * china, "china_share_base_pct": 100 * china_b, "zone_share_pct": 100 * zone_s,
            "consumer_surplus_change_pv_usd": cs, "producer_surplus_change_pv_usd": ps,
            "welfare_change_pv_usd": cs + ps - pv, "stockpile_days_cover": days,
            "cash_cost_avg_usd": cash.mean(axis=0), "cash_cost_pv_usd": (cash * disc[:, None]).sum(axis=0),
            "cash_cost_peak_usd": cash.max(axis=0),
            "stock_value_pv_usd": (self.annual_stock_value * disc[:, None]).sum(axis=0),
        }
        return pd.DataFrame(data, index=pd.Index(self.regions, name="region"), columns=list(PARTNER_COLUMNS))

    @cached_property
    def fiscal(self) -> pd.DataFrame:
        """Long ledger: year, region, clause_id, instrument, amount_usd (+ outlay, - receipt); non-zero rows."""
        years, regions = np.asarray(self.years), np.asarray(self.regions, dtype=object)
        parts = {"year": [], "region": [], "clause_id": [], "instrument": [], "amount_usd": []}
        for cid, inst, _m, _mi, a in self.ledger:
            t, r = np.nonzero(a)
            parts["year"].append(years[t])
            parts["region"].append(regions[r])
            parts["clause_id"].append(np.full(len(t), cid, dtype=object))
            parts["instrument"].append(np.full(len(t), inst, dtype=object))
            parts["amount_usd"].append(a[t, r])
        empty = {"year": np.zeros(0, np.int64), "amount_usd": np.zeros(0)}
        return pd.DataFrame({k: np.concatenate(v) if v else empty.get(k, np.zeros(0, dtype=object))
                             for k, v in parts.items()}).astype({"year": "int64", "amount_usd": "float64"})

    @cached_property
    def prices(self) -> pd.DataFrame:
        """Long: year, mineral, region, consumer_base, consumer, producer_base, producer (USD/t)."""
        m, h, r = self.consumer_price.shape
        base = np.broadcast_to(self.base_price[:, :, None], (m, h, r)).ravel()
        return pd.DataFrame({
            "year": np.tile(np.repeat(self.years, r), m), "mineral": np.repeat(self.minerals, h * r),
            "region": np.tile(self.regions, m * h), "consumer_base": base, "consumer": self.consumer_price.ravel(),
            "producer_base": base, "producer": self.producer_price.ravel()})

    @cached_property
    def volumes(self) -> pd.DataFrame:
        """Long: year, mineral, exporter, importer, base_t, policy_t (government purchases included)."""
        m, h, r, _ = self.flows.shape
        return pd.DataFrame({
            "year": np.tile(np.repeat(self.years, r * r), m), "mineral": np.repeat(self.minerals, h * r * r),
            "exporter": np.tile(np.repeat(self.regions, r), m * h), "importer": np.tile(self.regions, m * h * r),
            "base_t": self.base_flows.ravel(), "policy_t": (self.flows + self.gov_flows).ravel()})

    @cached_property
    def mineral_table(self) -> pd.DataFrame:
        """region, mineral, price changes (year-weighted), fiscal PV of the mineral's clauses, China shares."""
        pb = self.base_price[:, :, None]
        cons = _wavg(self.consumer_price / pb - 1.0, self.base_consumption * pb, axis=1)
        prod = _wavg(self.producer_price / pb - 1.0, self.base_production * pb, axis=1)
        cn = self.regions.index("CN")
        china = _ratio(self.flows[:, :, cn].sum(axis=1), self.flows.sum(axis=(1, 2)))
        china_b = _ratio(self.base_flows[:, :, cn].sum(axis=1), self.base_flows.sum(axis=(1, 2)))
        fpv = np.zeros((len(self.minerals), len(self.regions)))
        for _c, _i, _m, mi, a in self.ledger:
            fpv[mi] += (a * self.discount[:, None]).sum(axis=0)
        m, r = fpv.shape
        return pd.DataFrame({
            "region": np.tile(self.regions, m), "mineral": np.repeat(self.minerals, r),
            "consumer_price_change_pct": 100 * cons.ravel(), "producer_price_change_pct": 100 * prod.ravel(),
            "fiscal_cost_pv_usd": fpv.ravel(), "china_share_pct": 100 * china.ravel(),
            "china_share_base_pct": 100 * china_b.ravel()})

    def fiscal_by_instrument(self) -> pd.DataFrame:
        """Index region, one column per instrument: present value in USD (+ = cost)."""
        pv = {inst: np.zeros(len(self.regions)) for inst in INSTRUMENTS}  # numpy sums: pandas column += cost 10x
        for _c, inst, _m, _mi, a in self.ledger:
            pv[inst] += (a * self.discount[:, None]).sum(axis=0)
        return pd.DataFrame(pv, index=pd.Index(self.regions, name="region"))

    def to_json(self) -> dict[str, Any]:
        """What ``workbench-cli evaluate --json`` prints (documented in docs/cli.md)."""
        pt = self.partner_table
        by = self.fiscal_by_instrument()
        return {
            "years": list(self.years), "regions": list(self.regions), "region_names": dict(self.region_names),
            "minerals": list(self.minerals),
            "partners": {r: {c: float(pt.at[r, c]) for c in PARTNER_COLUMNS} for r in self.regions},
            "annual_net_fiscal_cost_usd": {r: [float(x) for x in self.annual_net[:, i]]
                                           for i, r in enumerate(self.regions)},
            "fiscal_pv_by_instrument_usd": {r: {c: float(by.at[r, c]) for c in INSTRUMENTS} for r in self.regions},
            "minerals_by_region": self.mineral_table.to_dict(orient="records"),
            "warnings": list(self.warnings),
            "validity_warnings": [w.to_json() for w in self.validity_warnings],
        }


@dataclass(frozen=True)
class MonteCarloResult:
    """Fiscal cost under uncertain reference prices: summary per region, CfD rebate odds, annual fan."""

    paths: int
    seed: int
    years: list[int]
    regions: list[str]
    pv: np.ndarray            # (P, R) PV of net fiscal cost per path
    annual: np.ndarray        # (P, H, R) annual net fiscal cost per path
    cfd_rebate_probability: dict[str, float]
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        _freeze(self)

    @cached_property
    def summary(self) -> pd.DataFrame:
        """Index region; expected_cost_pv_usd, p5/p50/p95 of PV, p95 of the worst annual cost."""
        q = np.percentile(self.pv, [5, 50, 95], axis=0)
        worst = np.percentile(self.annual.max(axis=1), 95, axis=0)
        return pd.DataFrame({"expected_cost_pv_usd": self.pv.mean(axis=0), "p5_pv_usd": q[0], "p50_pv_usd": q[1],
                             "p95_pv_usd": q[2], "p95_annual_usd": worst},
                            index=pd.Index(self.regions, name="region"), columns=list(MC_SUMMARY_COLUMNS))

    @cached_property
    def fan(self) -> pd.DataFrame:
        """Long: year, region, q05, q25, q50, q75, q95 of the annual net fiscal cost."""
        q = np.percentile(self.annual, [5, 25, 50, 75, 95], axis=0)  # (5, H, R)
        h, r = q.shape[1:]
        d = {"year": np.repeat(self.years, r), "region": np.tile(self.regions, h)}
        for k, name in enumerate(("q05", "q25", "q50", "q75", "q95")):
            d[name] = q[k].ravel()
        return pd.DataFrame(d)

    def to_json(self) -> dict[str, Any]:
        """Summary, rebate probabilities and fan as plain JSON data."""
        s = self.summary
        return {"paths": self.paths, "seed": self.seed, "years": list(self.years),
                "summary": {r: {c: float(s.at[r, c]) for c in MC_SUMMARY_COLUMNS} for r in self.regions},
                "cfd_rebate_probability": dict(self.cfd_rebate_probability),
                "fan": self.fan.to_dict(orient="records"), "warnings": list(self.warnings)}


def _freeze(result: Any) -> None:
    """Make every array of a result read-only, so callers sharing it cannot change it by accident."""
    for value in vars(result).values():
        if isinstance(value, np.ndarray):
            value.flags.writeable = False
    for entry in getattr(result, "ledger", ()):
        entry[-1].flags.writeable = False


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    num, den = np.asarray(num, float), np.asarray(den, float)
    return np.divide(num, den, out=np.zeros(np.broadcast(num, den).shape), where=den > 0)


def _wavg(x: np.ndarray, w: np.ndarray, axis=(0, 1)) -> np.ndarray:
    return _ratio((x * w).sum(axis=axis), w.sum(axis=axis))
