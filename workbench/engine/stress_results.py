"""Results of the stress tests: per region with and without the agreement, price and stock paths, JSON."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from workbench.engine.market import Model

#: Columns of StressTestResult.table (one row per region), in order; meanings in docs/cli.md.
STRESS_COLUMNS = (
    "consumer_price_change_pct_without", "consumer_price_change_pct_with", "consumer_price_vs_baseline_pct_with",
    "shortfall_t_without", "shortfall_t_with", "shortfall_pct_without", "shortfall_pct_with",
    "released_t_with", "days_of_cover_with", "fiscal_cost_pv_usd_with", "fiscal_cost_change_pv_usd",
    "consumer_loss_pv_usd_without", "consumer_loss_pv_usd_with", "security_value_pv_usd",
    "producer_loss_avoided_pv_usd",
)
#: Ledger instruments a stress run can book: the evaluate ones plus the proceeds of stock sold in a release.
RELEASE_INSTRUMENT = "stock_release_receipt"


@dataclass(frozen=True)
class World:
    """One variant of one world, arrays (H, R): consumer price, consumption, surplus changes, fiscal flows, stocks."""

    consumer_price: np.ndarray
    consumption: np.ndarray
    consumer_surplus: np.ndarray
    producer_surplus: np.ndarray
    net: np.ndarray
    ledger: dict
    released: np.ndarray
    wedge_pct: np.ndarray
    held: np.ndarray        # stock owned at the start of each year, t
    stocks: dict            # {clause_id: {start, bought, released, replenished, end: (H,)}}
    production: np.ndarray  # t
    flows: np.ndarray       # (H, R, R) t, private trade exporter -> importer
    gov: np.ndarray         # t, government purchases by source


@dataclass(frozen=True)
class StressTestResult:
    """One stress test: the market without the agreement (no clauses) and with it, each calm and under the stress.

    ``paths`` and ``stock`` feed charts; ``table`` is the per-region comparison; ``error`` is set (and the arrays
    are empty) when the market under the stress has no equilibrium.
    """

    id: str
    title: str
    kind: str
    mineral: str
    source_note: str
    years: list[int]
    regions: list[str]
    region_names: dict[str, str]
    active: np.ndarray                 # (H,) bool: years the event is in force
    discount: np.ndarray               # (H,)
    base_price: np.ndarray             # (H,) baseline reference price, USD/t
    base_consumption: np.ndarray       # (H, R) t
    full_ban: bool = False
    worlds: dict[str, World] = field(default_factory=dict)  # "without", "with_calm", "with"
    error: str = ""

    @classmethod
    def build(cls, ev, model: Model, without: World, with_calm: World, with_: World) -> "StressTestResult":
        """Assemble from the solved worlds (the world without the agreement when calm is the baseline itself)."""
        mk = next(iter(model.markets.values()))
        h = model.horizon
        growth = (1.0 + mk.demand_growth) ** np.arange(1, h + 1)
        return cls(id=ev.stress_id, title=ev.title, kind=ev.kind, mineral=ev.mineral, source_note=ev.source_note,
                   years=model.years, regions=list(model.regions), region_names=dict(model.region_names),
                   active=ev.years.copy(), discount=(1.0 + model.discount_rate) ** -np.arange(1, h + 1, dtype=float),
                   base_price=mk.price * mk.price_index, base_consumption=mk.consumption[None, :] * growth[:, None],
                   full_ban=ev.kind == "export_restriction" and ev.share >= 1.0 - 1e-9,
                   worlds={"without": without, "with_calm": with_calm, "with": with_})

    @classmethod
    def failed(cls, ev, model: Model, message: str) -> "StressTestResult":
        """A test whose market has no equilibrium: ``error`` says where and why."""
        h = model.horizon
        return cls(id=ev.stress_id, title=ev.title, kind=ev.kind, mineral=ev.mineral, source_note=ev.source_note,
                   years=model.years, regions=list(model.regions), region_names=dict(model.region_names),
                   active=ev.years.copy(), discount=np.ones(h), base_price=np.zeros(h),
                   base_consumption=np.zeros((h, len(model.regions))), error=message)

    # ---- per region --------------------------------------------------------------------------------------------
    @cached_property
    def table(self) -> pd.DataFrame:
        """One row per region (index region), columns STRESS_COLUMNS; empty when ``error`` is set.

        Price changes and shortfalls are over the years the event is in force, each world against itself calm
        (the baseline for "without"); money is PV over the horizon; the security value is the consumer loss the
        stress causes without the agreement minus the loss it causes with it.
        """
        if self.error:
            return pd.DataFrame(columns=list(STRESS_COLUMNS), index=pd.Index([], name="region"))
        w, c, s = self.worlds["without"], self.worlds["with_calm"], self.worlds["with"]
        on = self.active[:, None]
        d0 = self.base_consumption
        base_p = np.broadcast_to(self.base_price[:, None], d0.shape)

        def change(stress, calm):
            return 100.0 * (_ratio((d0 * stress * on).sum(0), (d0 * calm * on).sum(0)) - 1.0) * self.active.any()

        def short(stress, calm):
            gap = ((calm - stress) * on).sum(0)
            return gap, 100.0 * _ratio(gap, (calm * on).sum(0))

        def pv(a):
            return (a * self.discount[:, None]).sum(0)

        short_wo, short_wo_pct = short(w.consumption, d0)
        short_w, short_w_pct = short(s.consumption, c.consumption)
        first = int(np.argmax(self.active)) if self.active.any() else 0
        daily = d0[first] / 365.0
        loss_wo = -pv(w.consumer_surplus)
        loss_w = pv(c.consumer_surplus - s.consumer_surplus)
        data = {
            "consumer_price_change_pct_without": change(w.consumer_price, base_p),
            "consumer_price_change_pct_with": change(s.consumer_price, c.consumer_price),
            "consumer_price_vs_baseline_pct_with": change(s.consumer_price, base_p),
            "shortfall_t_without": short_wo, "shortfall_t_with": short_w,
            "shortfall_pct_without": short_wo_pct, "shortfall_pct_with": short_w_pct,
            "released_t_with": (s.released * on).sum(0),
            "days_of_cover_with": _ratio(s.held[first], daily) * self.active.any(),
            "fiscal_cost_pv_usd_with": pv(s.net), "fiscal_cost_change_pv_usd": pv(s.net - c.net),
            "consumer_loss_pv_usd_without": loss_wo, "consumer_loss_pv_usd_with": loss_w,
            "security_value_pv_usd": loss_wo - loss_w,
            "producer_loss_avoided_pv_usd": -pv(w.producer_surplus) - pv(c.producer_surplus - s.producer_surplus),
        }
        return pd.DataFrame(data, index=pd.Index(self.regions, name="region"), columns=list(STRESS_COLUMNS))

    # ---- paths for charts ---------------------------------------------------------------------------------------
    @cached_property
    def paths(self) -> pd.DataFrame:
        """Long: year, region, active, consumer price (USD/t) baseline / without / with_calm / with, consumption (t)
        without / with_calm / with, released_t (stock delivered to the region's consumers)."""
        if self.error:
            return pd.DataFrame()
        h, r = self.base_consumption.shape
        d = {"year": np.repeat(self.years, r), "region": np.tile(self.regions, h),
             "active": np.repeat(self.active, r),
             "consumer_price_baseline": np.repeat(self.base_price, r)}
        for name, world in self.worlds.items():
            d[f"consumer_price_{name}"] = world.consumer_price.ravel()
        d["consumption_baseline"] = self.base_consumption.ravel()
        for name, world in self.worlds.items():
            d[f"consumption_{name}"] = world.consumption.ravel()
        d["released_t"] = self.worlds["with"].released.ravel()
        return pd.DataFrame(d)

    @cached_property
    def stock(self) -> pd.DataFrame:
        """Long: year, clause_id, stock_start_t, bought_t, released_t, replenished_t, stock_end_t (with the
        agreement, under the stress), plus stock_end_calm_t (the same clause without the stress)."""
        cols = ["year", "clause_id", "stock_start_t", "bought_t", "released_t", "replenished_t", "stock_end_t",
                "stock_end_calm_t"]
        if self.error or not self.worlds["with"].stocks:
            return pd.DataFrame(columns=cols)
        rows = []
        calm = self.worlds["with_calm"].stocks
        for cid, p in self.worlds["with"].stocks.items():
            for t, y in enumerate(self.years):
                rows.append((y, cid, p["start"][t], p["bought"][t], p["released"][t], p["replenished"][t],
                             p["end"][t], calm[cid]["end"][t]))
        return pd.DataFrame(rows, columns=cols)

    @cached_property
    def fiscal(self) -> pd.DataFrame:
        """Long ledger with the agreement under the stress: year, region, clause_id, instrument, amount_usd."""
        rows = []
        for (cid, inst), a in sorted(self.worlds["with"].ledger.items()) if not self.error else ():
            for t, i in zip(*np.nonzero(a)):
                rows.append((self.years[t], self.regions[i], cid, inst, float(a[t, i])))
        return pd.DataFrame(rows, columns=["year", "region", "clause_id", "instrument", "amount_usd"])

    def export_tax_equivalent_pct(self, world: str = "with") -> list[float | None]:
        """Per year: the export tax that would cut the supplier's shipments to the targets as the quota does
        (percent of its price at home; 0 when the quota does not bind; None for a total ban in force)."""
        if self.error:
            return [None] * len(self.years)
        w = self.worlds[world].wedge_pct
        return [None if (self.full_ban and on) else float(x) for x, on in zip(w, self.active)]

    def to_json(self) -> dict[str, Any]:
        """One test as plain JSON data (documented in docs/cli.md)."""
        out: dict[str, Any] = {"id": self.id, "title": self.title, "kind": self.kind, "mineral": self.mineral,
                               "source_note": self.source_note,
                               "years_in_force": [y for y, on in zip(self.years, self.active) if on]}
        if self.error:
            out.update(error=self.error, regions=[])
            return out
        t = self.table
        out["regions"] = [{"region": r, "name": self.region_names.get(r, r),
                           **{c: _num(t.at[r, c]) for c in STRESS_COLUMNS}} for r in self.regions]
        if self.kind == "export_restriction":
            out["export_tax_equivalent_pct_without"] = self.export_tax_equivalent_pct("without")
            out["export_tax_equivalent_pct_with"] = self.export_tax_equivalent_pct("with")
        out["stock"] = self.stock.to_dict(orient="records")
        return out


@dataclass(frozen=True)
class StressResult:
    """Every stress test run (in the scenario's order) and the engine's warnings."""

    tests: list[StressTestResult]
    warnings: list[str] = field(default_factory=list)

    def test(self, test_id: str) -> StressTestResult:
        """The result of the test with this id."""
        for t in self.tests:
            if t.id == test_id:
                return t
        raise KeyError(test_id)

    def to_json(self) -> dict[str, Any]:
        """What ``workbench-cli stress --json`` prints."""
        return {"tests": [t.to_json() for t in self.tests], "warnings": list(self.warnings)}


def _ratio(num, den) -> np.ndarray:
    num, den = np.asarray(num, float), np.asarray(den, float)
    return np.divide(num, den, out=np.zeros(np.broadcast(num, den).shape), where=den > 0)


def _num(x: Any) -> float | None:
    x = float(x) + 0.0  # no signed zero
    return x if math.isfinite(x) else None
