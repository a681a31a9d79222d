"""The dataset's value types: a sourced number, one mineral's data, and the whole dataset."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas

#: Allowed confidence flags, from best to weakest.
CONFIDENCE_LEVELS = ("high", "medium", "low", "assumption")

#: Columns of :meth:`Dataset.sources_table`.
SOURCES_COLUMNS = ("mineral", "item", "value", "unit", "source", "vintage", "confidence", "low", "high", "note")


@dataclass(frozen=True)
class Sourced:
    """A number with its unit, its source and how far to trust it."""

    value: float
    unit: str
    source: str  # citation (document, table, URL) or "assumption: <reasoning>"
    confidence: str  # one of CONFIDENCE_LEVELS
    low: float | None = None  # plausible range; required when confidence == "assumption"
    high: float | None = None
    vintage: str = ""
    note: str = ""


@dataclass(frozen=True)
class MineralData:
    """Everything the market model needs about one mineral in the base year."""

    id: str
    name: str
    quantity_unit: str
    stage: str
    base_year: int
    reference_price: Sourced  # USD per tonne of quantity_unit in the base year
    price_history: dict[int, float]  # USD per tonne, by year
    production: dict[str, Sourced]  # USGS country name -> t/yr; includes "Other countries" (residual)
    consumption: dict[str, Sourced]  # economy code -> t/yr; includes "OTHER" (residual)
    us_net_import_reliance_pct: Sourced | None
    us_import_sources: dict[str, float]  # country -> share 0..1 of US imports
    supply_elasticity: Sourced
    demand_elasticity: Sourced
    armington_elasticity: Sourced
    volatility: Sourced
    mean_reversion: Sourced
    demand_growth: Sourced
    #: importer code (US, EU, JP) -> country -> share 0..1 of its imports ("Other countries" etc. included where given)
    import_sources: dict[str, dict[str, float]] = field(default_factory=dict)

    @property
    def world_production(self) -> float:
        """World production in the base year (t/yr): the sum over countries, residual included."""
        return sum(s.value for s in self.production.values())


@dataclass(frozen=True)
class Dataset:
    """The embedded dataset: minerals, which countries make up each economy, and GDP."""

    minerals: dict[str, MineralData]
    region_countries: dict[str, list[str]]  # economy code -> USGS country names
    gdp_usd_bn: dict[str, Sourced]  # economy code -> nominal GDP (USD bn)
    #: Rows of the sources table for numbers not held in the fields above (price points, derivation inputs).
    extra_sources: tuple[tuple[str, str, Sourced], ...] = field(default=(), repr=False)

    def mineral(self, mineral_id: str) -> MineralData:
        """The data of one mineral; KeyError naming the id and the known ids."""
        try:
            return self.minerals[mineral_id]
        except KeyError:
            known = ", ".join(sorted(self.minerals))
            raise KeyError(f"unknown mineral id {mineral_id!r}; the dataset has: {known}") from None

    def country_region(self, country: str, region_codes: Iterable[str]) -> str:
        """The first code in region_codes whose countries include country, else "ROW"."""
        for code in region_codes:
            if country in self.region_countries.get(code, ()):
                return code
        return "ROW"

    def sourced_items(self) -> list[tuple[str, str, Sourced]]:
        """Every number as (mineral, item, Sourced); economy-wide numbers have mineral ""."""
        items: list[tuple[str, str, Sourced]] = []
        for mid, m in self.minerals.items():
            items.append((mid, "reference_price", m.reference_price))
            items += [(mid, f"production:{c}", s) for c, s in m.production.items()]
            items += [(mid, f"consumption:{e}", s) for e, s in m.consumption.items()]
            if m.us_net_import_reliance_pct is not None:
                items.append((mid, "us_net_import_reliance_pct", m.us_net_import_reliance_pct))
            for name in ("supply_elasticity", "demand_elasticity", "armington_elasticity", "volatility",
                         "mean_reversion", "demand_growth"):
                items.append((mid, name, getattr(m, name)))
        items += list(self.extra_sources)
        items += [("", f"gdp_usd_bn:{code}", s) for code, s in self.gdp_usd_bn.items()]
        return items

    def sources_table(self) -> pandas.DataFrame:
        """Every number with its source: mineral, item, value, unit, source, vintage, confidence, low, high, note."""
        import pandas

        rows = [(mid, item, s.value, s.unit, s.source, s.vintage, s.confidence, s.low, s.high, s.note)
                for mid, item, s in self.sourced_items()]
        return pandas.DataFrame(rows, columns=list(SOURCES_COLUMNS))
