"""Base-year production by country (with a residual so world totals hold) and consumption by economy (summing to it)."""

from __future__ import annotations

from dataclasses import replace

from workbench.data.model import Sourced
from workbench.data.tables import DatasetError, Row
from workbench.data.units import UnitError, tonnes

#: Name of the residual producer entry.
OTHER_COUNTRIES = "Other countries"
#: Name of the residual consumer entry.
OTHER_ECONOMIES = "OTHER"
#: Economies every mineral must have a consumption figure for (besides OTHER).
REQUIRED_ECONOMIES = ("US", "EU", "JP", "MX", "CN")
#: Names USGS uses for its own residual rows; folded into the dataset's residual.
USGS_OTHER_NAMES = ("Other countries", "Other")


def _tonnes(row: Row, value: float) -> float:
    try:
        return tonnes(value, row.text("unit"))
    except UnitError as exc:
        raise DatasetError(f"{row.where('unit')}: {exc}") from None


def _pick_year(rows: list[Row], base_year: int) -> Row:
    earlier = [r for r in rows if int(r.number("year")) <= base_year]
    if not earlier:
        raise DatasetError(f"{rows[0].where('year')}: no figure at or before the base year {base_year}")
    return max(earlier, key=lambda r: int(r.number("year")))


def _as_tonnes(row: Row, base_year: int, quantity_unit: str) -> Sourced:
    value = _tonnes(row, row.number("value"))
    notes = [row.text("note")]
    year = int(row.number("year"))
    if year != base_year:
        notes.append(f"{year} figure: no {base_year} figure in the source")
    if row.text("unit") != "t" and not row.text("unit").startswith("t "):
        notes.append(f"converted from {row.number('value'):g} {row.text('unit')}")
    return row.sourced(value=value, unit=quantity_unit, note="; ".join(n for n in notes if n))


def usgs_production(rows: list[Row], base_year: int, quantity_unit: str) -> dict[str, Sourced]:
    """Countries from a USGS world table; "Other countries" = world total minus named countries."""
    by_country: dict[str, list[Row]] = {}
    for row in rows:
        by_country.setdefault(row.text("country"), []).append(row)
    world_names = [c for c in by_country if c.startswith("World")]
    if len(world_names) != 1:
        where = rows[0].where("country") if rows else "production.csv"
        raise DatasetError(f"{where}: expected one 'World' total, found {world_names or 'none'}")
    world_row = _pick_year(by_country.pop(world_names[0]), base_year)
    world = _tonnes(world_row, world_row.number("value"))
    usgs_other = [_pick_year(by_country.pop(n), base_year) for n in USGS_OTHER_NAMES if n in by_country]
    production = {c: _as_tonnes(_pick_year(rs, base_year), base_year, quantity_unit) for c, rs in by_country.items()}
    named = sum(s.value for s in production.values())
    residual = world - named
    notes = [f"USGS world total {world_names[0]!r} {world:,.0f} t minus the named countries {named:,.0f} t"]
    if usgs_other:
        other = sum(_tonnes(r, r.number("value")) for r in usgs_other)
        notes.append(f"includes USGS 'Other countries' {other:,.0f} t and rounding")
    if residual < 0:
        notes.append(f"the named countries exceed the rounded world total by {-residual:,.0f} t: "
                     "world taken as their sum")
        residual = 0.0
    if world_row.text("note"):
        notes.append(world_row.text("note"))
    production[OTHER_COUNTRIES] = Sourced(
        value=residual, unit=quantity_unit, confidence="medium", vintage=world_row.text("vintage"),
        note="; ".join(notes),
        source=f"derived: world total minus named countries; {world_row.text('source')}")
    return production


def ndpr_production(rows: list[Row], params: dict[str, Row], base_year: int, quantity_unit: str) -> dict[str, Sourced]:
    """Separated NdPr oxide: world = NdPr share x world REO mine output; US reported, Malaysia by share, China the
    rest."""
    reo = usgs_production([r for r in rows if r.text("metric") == "ree_mine_production"], base_year, "t REO")
    world_reo = sum(s.value for s in reo.values())
    share = params["ndpr_share_of_reo"]
    s, s_low, s_high = share.number("value"), share.number("low"), share.number("high")
    world = s * world_reo
    us_rows = [r for r in rows
               if r.text("metric") == "separated_oxide_production" and r.text("country") == "United States"]
    if not us_rows:
        raise DatasetError("production.csv: ndpr_oxide needs a 'separated_oxide_production' row for United States")
    us = _as_tonnes(_pick_year(us_rows, base_year), base_year, quantity_unit)
    my = params["malaysia_share_of_world"]
    m = my.number("value")
    malaysia = Sourced(
        value=m * world, unit=quantity_unit, source=my.text("source"), confidence=my.text("confidence"),
        low=my.number("low") * world, high=my.number("high") * world, vintage=my.text("vintage"),
        note=f"{m:g} x world NdPr oxide {world:,.0f} t; {my.text('note')}")
    china = world - us.value - malaysia.value
    if china < 0:
        raise DatasetError(f"{my.where('value')}: US and Malaysia NdPr oxide exceed the derived world total "
                           f"{world:,.0f} t")
    basis = (f"world NdPr oxide = NdPr share {s:g} (range {s_low:g}-{s_high:g}) x USGS world REO mine output "
             f"{world_reo:,.0f} t = {world:,.0f} t")
    return {
        "China": Sourced(
            value=china, unit=quantity_unit, confidence="assumption",
            low=s_low * world_reo * (1 - m) - us.value,
            high=s_high * world_reo * (1 - m) - us.value,
            vintage=share.text("vintage"),
            source=f"derived: world NdPr oxide minus United States and Malaysia; {share.text('source')}",
            note=f"{basis}; China holds about 91% of world rare-earth processing (FAS 2025, secondary), so the "
                 "separation of Burmese and other concentrates is counted here"),
        "United States": us,
        "Malaysia": malaysia,
        OTHER_COUNTRIES: Sourced(
            value=0.0, unit=quantity_unit, confidence="assumption", low=0.0, high=0.05 * world,
            vintage=share.text("vintage"),
            source="assumption: separation outside China, Malaysia and the US (e.g. Estonia, Vietnam, India) is "
                   "small and has no figure in the source material; it is counted in China's residual",
            note=basis),
    }


def germanium_production(params: dict[str, Row], quantity_unit: str) -> dict[str, Sourced]:
    """No USGS world table: world = China's output / China's share; the rest is "Other countries"."""
    china_row, share_row = params["china_production"], params["china_share_of_world"]
    china = _tonnes(china_row, china_row.number("value"))
    share = share_row.number("value")
    world = china / share
    return {
        "China": china_row.sourced(value=china, unit=quantity_unit),
        OTHER_COUNTRIES: Sourced(
            value=world - china, unit=quantity_unit, confidence="assumption",
            low=china / share_row.number("high") - china, high=china / share_row.number("low") - china,
            vintage=share_row.text("vintage"),
            source=f"assumption: world output estimated as China's output / China's share {share:g} "
                   f"(flagged estimate, USGS publishes no world table); share from {share_row.text('source')}",
            note=f"world estimate {world:,.1f} t; range from the share range "
                 f"{share_row.number('low'):g}-{share_row.number('high'):g} with China's output fixed"),
    }


def consumption(rows: list[Row], world: float, quantity_unit: str) -> dict[str, Sourced]:
    """Consumption by economy: quantities or shares of world production; "OTHER" closes the balance to world
    production."""
    result: dict[str, Sourced] = {}
    for row in rows:
        economy, basis = row.text("economy"), row.text("basis")
        if economy == OTHER_ECONOMIES:
            raise DatasetError(f"{row.where('economy')}: {economy!r} is reserved for the residual")
        low, high = row.optional_number("low"), row.optional_number("high")
        if basis == "quantity":
            value = _tonnes(row, row.number("value"))
            low = None if low is None else _tonnes(row, low)
            high = None if high is None else _tonnes(row, high)
            note = row.text("note")
        elif basis == "world_share":
            value = row.number("value") * world
            low = None if low is None else low * world
            high = None if high is None else high * world
            share_note = f"{row.number('value'):g} x world production {world:,.1f} t"
            note = "; ".join(n for n in (share_note, row.text("note")) if n)
        else:
            raise DatasetError(f"{row.where('basis')}: {basis!r} is not 'quantity' or 'world_share'")
        result[economy] = Sourced(value, quantity_unit, row.text("source"), row.text("confidence"), low, high,
                                  row.text("vintage"), note)
    missing = [e for e in REQUIRED_ECONOMIES if e not in result]
    if missing:
        where = rows[0].file if rows else "consumption.csv"
        raise DatasetError(f"{where}: no consumption for {', '.join(missing)}")
    listed = sum(s.value for s in result.values())
    residual = world - listed
    if residual < 0:
        raise DatasetError(f"{rows[0].file}: consumption of the listed economies {listed:,.1f} t exceeds world "
                           f"production {world:,.1f} t (mineral {rows[0].text('mineral')!r})")
    high_sum = sum(s.high if s.high is not None else s.value for s in result.values())
    low_sum = sum(s.low if s.low is not None else s.value for s in result.values())
    result[OTHER_ECONOMIES] = Sourced(
        value=residual, unit=quantity_unit, confidence="assumption",
        low=max(0.0, world - high_sum), high=max(residual, world - low_sum), vintage="base-year clearing",
        source="assumption: world production minus the listed economies, so that base-year consumption equals "
               "production",
        note=f"world production {world:,.1f} t; range from the listed economies' ranges")
    return result


#: How a row of traded_stage.csv sets a producer's output at the traded stage.
TRADED_BASES = ("usgs", "share_of_world", "quantity", "closing")


def traded_stage(base: dict[str, Sourced], rows: list[Row], quantity_unit: str) -> dict[str, Sourced]:
    """Producers at the stage that is traded, from the base (mine or refinery) table and traded_stage.csv rows.

    The world total of the base table is kept (content is conserved from ore to refined product). ``usgs`` keeps a
    country's base figure (country ``*``: every base country not listed otherwise); ``share_of_world`` and
    ``quantity`` set it; the ``closing`` entry (default "Other countries") takes the world total minus the others
    (when "Other countries" is itself listed and nothing closes, the world total is the sum of the listed producers).
    A base country not kept ships its ore to be processed elsewhere: its volume moves into the closing entry.
    """
    world = sum(s.value for s in base.values())
    listed = {r.text("country") for r in rows}
    out: dict[str, Sourced] = {}
    closing: Row | None = None
    for row in rows:
        country, basis = row.text("country"), row.text("basis")
        if basis == "usgs":
            closing_name = next((r.text("country") for r in rows if r.text("basis") == "closing"), OTHER_COUNTRIES)
            names = [c for c in base if c not in listed and c != closing_name] if country == "*" else [country]
            for name in names:
                if name not in base:
                    raise DatasetError(f"{row.where('country')}: {name!r} has no figure in the base production table")
                out[name] = base[name]
        elif basis == "share_of_world":
            share = row.number("value")
            low, high = row.optional_number("low"), row.optional_number("high")
            out[country] = row.sourced(value=share * world, unit=quantity_unit,
                                       note=f"{share:g} x world {world:,.1f} t; {row.text('note')}")
            out[country] = _with_range(out[country], None if low is None else low * world,
                                       None if high is None else high * world)
        elif basis == "quantity":
            value = _tonnes(row, row.number("value"))
            low, high = row.optional_number("low"), row.optional_number("high")
            out[country] = _with_range(row.sourced(value=value, unit=quantity_unit),
                                       None if low is None else _tonnes(row, low),
                                       None if high is None else _tonnes(row, high))
        elif basis == "closing":
            if closing is not None:
                raise DatasetError(f"{row.where('basis')}: a second 'closing' producer ({closing.text('country')!r} "
                                   "closes already)")
            closing = row
        else:
            raise DatasetError(f"{row.where('basis')}: {basis!r} is not one of {', '.join(TRADED_BASES)}")
    name = closing.text("country") if closing is not None else OTHER_COUNTRIES
    if closing is None and name in out:  # every producer is listed: the world total is their sum
        return out
    rest = world - sum(s.value for c, s in out.items() if c != name)
    if rest < -1e-9 * world:
        where = rows[0].where("value") if rows else "traded_stage.csv"
        raise DatasetError(f"{where}: the listed producers ({world - rest:,.1f} t) exceed the world total "
                           f"{world:,.1f} t of {rows[0].text('mineral')!r}")
    dropped = [c for c in base if c not in out and c != name and base[c].value > 0]
    note = f"world {world:,.1f} t minus the producers listed at the traded stage"
    if dropped:
        note += f"; includes the output of {', '.join(dropped)} (processed elsewhere or not separately known)"
    if closing is not None:
        out[name] = closing.sourced(value=max(rest, 0.0), unit=quantity_unit,
                                    note=f"{note}; {closing.text('note')}".rstrip("; "))
    else:
        out[name] = Sourced(value=max(rest, 0.0), unit=quantity_unit, confidence="low", vintage="base year",
                            source="derived: world total at the traded stage minus the listed producers "
                                   "(traded_stage.csv)", note=note)
    return out


def _with_range(s: Sourced, low: float | None, high: float | None) -> Sourced:
    return replace(s, low=low, high=high)
