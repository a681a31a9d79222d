"""Price history in USD per tonne of content, the base-year reference price and volatility estimated from history."""

from __future__ import annotations

import math
import statistics

from workbench.data.model import Sourced
from workbench.data.tables import DatasetError, Row
from workbench.data.units import UnitError, usd_per_tonne

#: Fewer annual log changes than this make a volatility estimate "low" confidence.
MIN_CHANGES_MEDIUM = 10


def price_points(rows: list[Row], quantity_unit: str) -> dict[int, Sourced]:
    """One series' prices by year, converted to USD per tonne of quantity_unit, each with its source."""
    points: dict[int, Sourced] = {}
    for row in rows:
        year = int(row.number("year"))
        raw = row.number("value")
        try:
            value, how = usd_per_tonne(raw, row.text("unit"))
        except UnitError as exc:
            raise DatasetError(f"{row.where('unit')}: {exc}") from None
        note = "; ".join(n for n in (how, row.text("note")) if n)
        points[year] = row.sourced(value=value, unit=f"USD/{quantity_unit}", note=note)
    return dict(sorted(points.items()))


def reference_price(points: dict[int, Sourced], base_year: int, what: str) -> Sourced:
    """The base-year price; the latest earlier year (said in the note) if the base year is missing."""
    years = [y for y in points if y <= base_year]
    if not years:
        raise DatasetError(f"{what}: no price at or before the base year {base_year} (years: {sorted(points)})")
    year = max(years)
    point = points[year]
    if year == base_year:
        return point
    note = f"{year} price used: no {base_year} price in the source; {point.note}"
    return Sourced(point.value, point.unit, point.source, point.confidence, vintage=point.vintage, note=note)


def volatility(points: dict[int, Sourced], series: str) -> Sourced:
    """Sample standard deviation of annual log price changes (consecutive years only)."""
    changes = [math.log(points[y + 1].value / points[y].value) for y in points if y + 1 in points]
    if len(changes) < 2:
        raise DatasetError(f"price series {series!r}: {len(changes)} annual change(s); "
                           "at least 2 are needed for a volatility")
    years = sorted(points)
    sources = sorted({p.source for p in points.values()})
    n = len(changes)
    return Sourced(
        value=statistics.stdev(changes),
        unit="sd of annual log price change",
        source=f"estimated from price series {series} {years[0]}-{years[-1]}: " + " | ".join(sources),
        confidence="low" if n < MIN_CHANGES_MEDIUM else "medium",
        vintage=points[years[-1]].vintage,
        note=f"sample sd (n-1) of {n} annual log changes; few points, so treat as indicative",
    )
