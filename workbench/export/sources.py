"""Assumptions and data sources: model settings, overrides, every dataset number with source, vintage, confidence."""

from __future__ import annotations

from typing import Any

from openpyxl.worksheet.worksheet import Worksheet

from workbench.export.cells import put
from workbench.export.page import setup_page, wrapped_height

HEADER_ROW = 5
SOURCE_STYLES = {"value": "ts_number", "low": "ts_number", "high": "ts_number", "note": "ts_text_indent",
                 "unit": "ts_text_indent"}
SOURCE_WIDTHS = {"mineral": 13, "item": 24, "value": 12, "unit": 14, "source": 50, "vintage": 16, "confidence": 11,
                 "low": 10, "high": 10, "note": 44}


def write_assumptions(ws: Worksheet, scenario: Any, result: Any, monte_carlo: Any) -> None:
    """Fill the assumptions sheet: model settings, overrides of the dataset, the model's warnings."""
    doc = scenario.document
    a = doc.assumptions
    put(ws, 1, 1, "Assumptions", "ts_title")
    put(ws, 2, 1, doc.metadata.title, "ts_subtitle")
    put(ws, 3, 1, doc.metadata.classification, "ts_marking")
    put(ws, HEADER_ROW, 1, "Assumption", "ts_header")
    put(ws, HEADER_ROW, 2, "Value", "ts_header")
    minerals = {m.id: m.name for m in doc.minerals}
    rows: list[tuple[str, Any, str]] = [
        ("Base year", a.base_year, "ts_value_int"),
        ("Horizon (years)", a.horizon_years, "ts_value"),
        ("Discount rate", a.discount_rate, "ts_value_rate"),
        ("Monte Carlo price paths", monte_carlo.paths, "ts_value"),
        ("Monte Carlo seed", monte_carlo.seed, "ts_value_int"),
        ("Elasticities varied in Monte Carlo", "yes" if a.monte_carlo.vary_elasticities else "no", "ts_value"),
    ]
    rows += [(f"USD per {cur}", rate, "ts_value") for cur, rate in sorted(a.usd_per_currency.items())]
    for mid, path in a.price_paths.items():
        desc = {"flat": "flat", "trend": f"{path.annual_change:+.1%} a year",
                "custom": "custom index " + ", ".join(f"{x:g}" for x in path.index)}[path.kind]
        rows.append((f"Baseline price path, {minerals.get(mid, mid)}", desc, "ts_value"))
    rows += [(f"Demand growth, {minerals.get(mid, mid)}", g, "ts_value_rate") for mid, g in a.demand_growth.items()]
    for mid, o in a.elasticity_overrides.items():
        parts = [f"supply {k} {v:g}" for k, v in o.supply.items()] + [f"demand {k} {v:g}" for k, v in o.demand.items()]
        if o.armington is not None:
            parts.append(f"Armington {o.armington:g}")
        rows.append((f"Elasticities, {minerals.get(mid, mid)}", "; ".join(parts) or "dataset values", "ts_value"))
    for o in a.data_overrides:
        rows.append((f"Override: {minerals.get(o.mineral, o.mineral)} {o.field} ({o.region})",
                     f"{o.value:g}" + (f" \u2014 {o.note}" if o.note else ""), "ts_value"))
    checks = result.validity_warnings
    rows += [("Outside the model's range", w, "ts_value") for w in checks]
    rows += [("Model warning", w, "ts_value") for w in result.warnings if w not in checks]
    rows += [("Monte Carlo warning", w, "ts_value") for w in monte_carlo.warnings]
    r = HEADER_ROW
    for label, value, style in rows:
        r += 1
        put(ws, r, 1, label, "ts_label")
        put(ws, r, 2, value, style)
        if isinstance(value, str):
            ws.row_dimensions[r].height = wrapped_height(value, 100)
    setup_page(ws, marking=doc.metadata.classification, title=doc.metadata.title, header_rows=(1, 3),
               freeze=f"A{HEADER_ROW + 1}", widths={"A": 44, "B": 100})


def write_sources(ws: Worksheet, scenario: Any, sources: Any) -> None:
    """Every dataset number behind the scenario's minerals (and the global ones) with source, vintage, confidence."""
    doc = scenario.document
    minerals = {m.id: m.name for m in doc.minerals}
    put(ws, 1, 1, "Data sources", "ts_title")
    put(ws, 2, 1, doc.metadata.title, "ts_subtitle")
    put(ws, 3, 1, doc.metadata.classification, "ts_marking")
    put(ws, 4, 1, "Every number of the embedded dataset used for the scenario's minerals, with its source, vintage "
                  "and confidence flag (high / medium / low / assumption).", "ts_note")
    columns = [str(c) for c in sources.columns]
    for col, name in enumerate(columns, start=1):
        put(ws, HEADER_ROW, col, name.capitalize(), "ts_header")
    r = HEADER_ROW
    for record in sources.itertuples(index=False):
        row = dict(zip(columns, record))
        if row.get("mineral") and row["mineral"] not in minerals:
            continue
        r += 1
        height = 15.0
        for col, name in enumerate(columns, start=1):
            value = row[name]
            if name == "mineral":
                value = minerals.get(value, "all minerals") if value else "all minerals"
            put(ws, r, col, value, SOURCE_STYLES.get(name, "ts_text"))
            if isinstance(value, str):
                height = max(height, wrapped_height(value, SOURCE_WIDTHS.get(name, 12)))
        ws.row_dimensions[r].height = height
    widths = {chr(ord("A") + i): SOURCE_WIDTHS.get(name, 12) for i, name in enumerate(columns)}
    setup_page(ws, marking=doc.metadata.classification, title=doc.metadata.title, header_rows=(HEADER_ROW, HEADER_ROW),
               freeze=f"C{HEADER_ROW + 1}", widths=widths)
