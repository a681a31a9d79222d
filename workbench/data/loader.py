"""Loading the embedded dataset from resources/data (or another folder) into a Dataset, cached after the first call."""

from __future__ import annotations

import functools
from dataclasses import replace
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from workbench.data import prices, quantities
from workbench.data.model import Dataset, MineralData, Sourced
from workbench.data.tables import DatasetError, Row, read_table

#: Folder of the dataset inside the package workbench.resources.
DATA_FOLDER = "data"

#: Parameters every mineral must have in parameters.csv.
MINERAL_PARAMETERS = ("supply_elasticity", "demand_elasticity", "armington_elasticity", "mean_reversion",
                      "demand_growth")


@functools.cache
def load_dataset() -> Dataset:
    """The embedded dataset (read once, then cached)."""
    return load_dataset_from(resources.files("workbench.resources").joinpath(DATA_FOLDER))


def load_dataset_from(folder: Traversable | Path) -> Dataset:
    """A dataset read from a folder of CSV files laid out like resources/data; DatasetError on bad content."""
    tables = {
        "minerals": read_table(folder, "minerals.csv", ("id", "name", "quantity_unit", "stage", "base_year",
                                                        "production_rule", "production_metric", "price_series",
                                                        "volatility_series"), key=("id",)),
        "production": read_table(folder, "production.csv", ("mineral", "country", "year", "metric", "value", "unit"),
                                 key=("mineral", "metric", "country", "year")),
        "prices": read_table(folder, "prices.csv", ("mineral", "series", "year", "value", "unit"),
                             key=("mineral", "series", "year")),
        "consumption": read_table(folder, "consumption.csv",
                                  ("mineral", "economy", "basis", "value", "unit", "low", "high"),
                                  key=("mineral", "economy")),
        "parameters": read_table(folder, "parameters.csv", ("mineral", "parameter", "value", "unit", "low", "high"),
                                 key=("mineral", "parameter")),
        "reliance": read_table(folder, "us_import_reliance.csv", ("mineral", "value", "unit", "low", "high"),
                               key=("mineral",)),
        "imports": read_table(folder, "us_import_sources.csv", ("mineral", "country", "value", "unit", "series"),
                              key=("mineral", "country")),
        "traded": read_table(folder, "traded_stage.csv",
                             ("mineral", "country", "basis", "value", "unit", "low", "high"),
                             key=("mineral", "country")),
        "partner_imports": read_table(folder, "import_sources.csv",
                                      ("importer", "mineral", "country", "value", "unit", "low", "high"),
                                      key=("importer", "mineral", "country")),
        "regions": read_table(folder, "regions.csv", ("code", "name", "country"), key=("code", "country")),
        "gdp": read_table(folder, "gdp.csv", ("code", "value", "unit"), key=("code",)),
    }
    by_mineral = {name: _group(rows, "mineral") for name, rows in tables.items()
                  if name not in ("minerals", "regions", "gdp")}
    minerals: dict[str, MineralData] = {}
    extra: list[tuple[str, str, Sourced]] = []
    for row in tables["minerals"]:
        mineral, mineral_extra = _mineral(row, by_mineral)
        minerals[mineral.id] = mineral
        extra += mineral_extra
    for name, groups in by_mineral.items():
        unknown = sorted(set(groups) - set(minerals))
        if unknown:
            where = groups[unknown[0]][0].where("mineral")
            raise DatasetError(f"{where}: unknown mineral {unknown[0]!r} in {name} data")
    regions: dict[str, list[str]] = {}
    for row in tables["regions"]:
        regions.setdefault(row.text("code"), []).append(row.text("country"))
    gdp = {row.text("code"): row.sourced() for row in tables["gdp"]}
    return Dataset(minerals=minerals, region_countries=regions, gdp_usd_bn=gdp, extra_sources=tuple(extra))


def _group(rows: list[Row], column: str) -> dict[str, list[Row]]:
    groups: dict[str, list[Row]] = {}
    for row in rows:
        groups.setdefault(row.text(column), []).append(row)
    return groups


def _mineral(row: Row,
             by_mineral: dict[str, dict[str, list[Row]]]) -> tuple[MineralData, list[tuple[str, str, Sourced]]]:
    mid, unit = row.text("id"), row.text("quantity_unit")
    base_year = int(row.number("base_year"))
    params = {r.text("parameter"): r for r in by_mineral["parameters"].get(mid, [])}
    missing = [p for p in MINERAL_PARAMETERS if p not in params]
    if missing:
        raise DatasetError(f"parameters.csv: mineral {mid!r} lacks {', '.join(missing)}")
    extra: list[tuple[str, str, Sourced]] = [(mid, f"parameter:{name}", r.sourced()) for name, r in params.items()
                                             if name not in MINERAL_PARAMETERS]

    production_rows = by_mineral["production"].get(mid, [])
    rule = row.text("production_rule")
    if rule == "usgs_table":
        metric = row.text("production_metric")
        production = quantities.usgs_production([r for r in production_rows if r.text("metric") == metric],
                                                base_year, unit)
    elif rule == "ndpr_from_ree":
        production = quantities.ndpr_production(production_rows, params, base_year, unit)
    elif rule == "germanium_from_china_share":
        production = quantities.germanium_production(params, unit)
    else:
        raise DatasetError(f"{row.where('production_rule')}: unknown rule {rule!r}")
    traded_rows = by_mineral["traded"].get(mid, [])
    if traded_rows:
        production = quantities.traded_stage(production, traded_rows, unit)
    world = sum(s.value for s in production.values())

    series_rows = _group(by_mineral["prices"].get(mid, []), "series")
    price_series = row.text("price_series")
    if price_series not in series_rows:
        raise DatasetError(f"{row.where('price_series')}: no rows of series {price_series!r} for {mid!r} in prices.csv")
    points = prices.price_points(series_rows[price_series], unit)
    vol_series = row.text("volatility_series") or price_series
    if vol_series not in series_rows:
        raise DatasetError(f"{row.where('volatility_series')}: no rows of series {vol_series!r} for {mid!r} "
                           "in prices.csv")
    vol_points = points if vol_series == price_series else prices.price_points(series_rows[vol_series], unit)
    for series, pts in {price_series: points, vol_series: vol_points}.items():
        extra += [(mid, f"price:{series}:{year}", p) for year, p in pts.items()]

    reliance = by_mineral["reliance"].get(mid, [])
    imports = by_mineral["imports"].get(mid, [])
    total = sum(r.number("value") for r in imports)
    if imports and abs(total - 100.0) > 0.5:
        raise DatasetError(f"{imports[0].file}: US import shares of {mid!r} sum to {total:g}%, not 100%")
    extra += [(mid, f"us_import_source:{r.text('country')}",
               r.sourced(value=r.number("value") / 100.0, unit="share of US imports"))
              for r in imports]
    partner_sources: dict[str, dict[str, float]] = {
        "US": {r.text("country"): r.number("value") / 100.0 for r in imports}}
    for r in by_mineral["partner_imports"].get(mid, []):
        importer = r.text("importer")
        share = r.number("value") / 100.0
        partner_sources.setdefault(importer, {})[r.text("country")] = share
        low, high = r.optional_number("low"), r.optional_number("high")
        extra.append((mid, f"import_source:{importer}:{r.text('country')}",
                      r.sourced(value=share, unit=f"share of {importer} imports", note=r.text("note"))
                      if low is None else
                      replace(r.sourced(value=share, unit=f"share of {importer} imports"), low=low / 100.0,
                              high=None if high is None else high / 100.0)))
    for importer, shares in partner_sources.items():
        if sum(shares.values()) > 1.0 + 0.005:
            raise DatasetError(f"import_sources.csv: the named shares of {importer}'s {mid} imports sum to "
                               f"{100 * sum(shares.values()):g}%, more than 100%")

    mineral = MineralData(
        id=mid, name=row.text("name"), quantity_unit=unit, stage=row.text("stage"), base_year=base_year,
        reference_price=prices.reference_price(points, base_year, f"{mid} {price_series}"),
        price_history={year: p.value for year, p in points.items()},
        production=production,
        consumption=quantities.consumption(by_mineral["consumption"].get(mid, []), world, unit),
        us_net_import_reliance_pct=reliance[0].sourced() if reliance else None,
        us_import_sources={r.text("country"): r.number("value") / 100.0 for r in imports},
        import_sources={k: v for k, v in partner_sources.items() if v},
        supply_elasticity=params["supply_elasticity"].sourced(),
        demand_elasticity=params["demand_elasticity"].sourced(),
        armington_elasticity=params["armington_elasticity"].sourced(),
        volatility=prices.volatility(vol_points, vol_series),
        mean_reversion=params["mean_reversion"].sourced(),
        demand_growth=params["demand_growth"].sourced(),
    )
    return mineral, extra
