"""The calibrated market inputs the model runs on: plain arrays per mineral, checked for sense."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from workbench.engine.errors import EngineInputError

RESERVED_REGION_NAMES = {"CN": "China", "ROW": "Rest of world"}


@dataclass(frozen=True)
class MineralMarket:
    """One mineral in the base year: regions' production, consumption, bilateral flows, price and elasticities.

    Arrays are indexed by the model's regions (partners in order, then CN, ROW); ``flows[i, j]`` are tonnes a year
    shipped from exporter i to importer j (the diagonal is home sales). Rows of ``flows`` sum to ``production``,
    columns to ``consumption``. ``price`` is USD per tonne. ``price_index`` gives the baseline reference price in
    each horizon year relative to the base year. ``*_low``/``*_high`` are the elasticity ranges Monte Carlo may draw.
    """

    mineral: str
    name: str
    price: float
    production: np.ndarray
    consumption: np.ndarray
    flows: np.ndarray
    supply_elasticity: np.ndarray
    demand_elasticity: np.ndarray
    armington: float
    demand_growth: float
    price_index: np.ndarray
    volatility: float
    mean_reversion: float
    supply_low: np.ndarray | None = None
    supply_high: np.ndarray | None = None
    demand_low: np.ndarray | None = None
    demand_high: np.ndarray | None = None

    def check(self, regions: tuple[str, ...], horizon: int) -> None:
        """Raise EngineInputError naming the field and value when an input makes no sense."""
        r = len(regions)
        where = f"market {self.mineral!r}"
        _finite_pos(f"{where}.price", self.price, strict=True)
        for name in ("production", "consumption", "supply_elasticity", "demand_elasticity"):
            arr = getattr(self, name)
            if np.shape(arr) != (r,):
                raise EngineInputError(f"{where}.{name}: expected {r} values (one per region), "
                                       f"got shape {np.shape(arr)}")
            if not np.all(np.isfinite(arr)):
                raise EngineInputError(f"{where}.{name}: must be finite numbers, got {np.round(arr, 6).tolist()}")
        if np.shape(self.flows) != (r, r) or not np.all(np.isfinite(self.flows)) or np.any(self.flows < 0):
            raise EngineInputError(f"{where}.flows: must be a {r}x{r} matrix of finite non-negative tonnes")
        for name in ("production", "consumption"):
            arr = getattr(self, name)
            bad = np.flatnonzero(arr < 0)
            if bad.size:
                raise EngineInputError(f"{where}.{name}[{regions[bad[0]]}]: must be >= 0, got {arr[bad[0]]:g}")
        total = float(self.production.sum())
        if total <= 0:
            raise EngineInputError(f"{where}.production: world production must be > 0, got {total:g}")
        tol = 1e-6 * total
        if np.any(np.abs(self.flows.sum(axis=1) - self.production) > tol):
            raise EngineInputError(f"{where}.flows: rows must add up to production")
        if np.any(np.abs(self.flows.sum(axis=0) - self.consumption) > tol):
            raise EngineInputError(f"{where}.flows: columns must add up to consumption")
        bad = np.flatnonzero(self.supply_elasticity < 0)
        if bad.size:
            raise EngineInputError(f"{where}.supply_elasticity[{regions[bad[0]]}]: must be >= 0, "
                                   f"got {self.supply_elasticity[bad[0]]:g}")
        bad = np.flatnonzero(self.demand_elasticity > 0)
        if bad.size:
            raise EngineInputError(f"{where}.demand_elasticity[{regions[bad[0]]}]: must be <= 0, "
                                   f"got {self.demand_elasticity[bad[0]]:g}")
        if not (np.isfinite(self.armington) and 0.05 <= self.armington <= 200):
            raise EngineInputError(f"{where}.armington: must be between 0.05 and 200, got {self.armington}")
        if not (np.isfinite(self.demand_growth) and -0.5 < self.demand_growth < 1.0):
            raise EngineInputError(f"{where}.demand_growth: must be between -0.5 and 1, got {self.demand_growth}")
        if np.shape(self.price_index) != (horizon,) or not np.all(np.isfinite(self.price_index)) \
                or np.any(self.price_index <= 0):
            raise EngineInputError(f"{where}.price_index: needs {horizon} positive values, got {self.price_index}")
        _finite_pos(f"{where}.volatility", self.volatility, strict=False)
        _finite_pos(f"{where}.mean_reversion", self.mean_reversion, strict=False)


@dataclass(frozen=True)
class Model:
    """Everything the engine needs from (scenario, dataset): regions, years, money settings and markets."""

    regions: tuple[str, ...]
    region_names: dict[str, str]
    members: tuple[str, ...]
    base_year: int
    horizon: int
    discount_rate: float
    usd_per: dict[str, float]
    markets: dict[str, MineralMarket]
    gdp: dict[str, float] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    @property
    def years(self) -> list[int]:
        """Horizon years base_year+1 .. base_year+horizon."""
        return [self.base_year + t for t in range(1, self.horizon + 1)]

    def check(self) -> None:
        """Check every market (see :meth:`MineralMarket.check`)."""
        if not 0 <= self.discount_rate < 1:
            raise EngineInputError(f"assumptions.discount_rate: must be in [0, 1), got {self.discount_rate}")
        for m in self.markets.values():
            m.check(self.regions, self.horizon)


def _finite_pos(name: str, value: float, *, strict: bool) -> None:
    ok = np.isfinite(value) and (value > 0 if strict else value >= 0)
    if not ok:
        raise EngineInputError(f"{name}: must be a finite number {'>' if strict else '>='} 0, got {value}")
