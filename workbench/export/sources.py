"""Assumptions and the data-sources annex: model settings and overrides, then one numbered line per source."""

from __future__ import annotations

import re
from typing import Any

from openpyxl.worksheet.worksheet import Worksheet

from workbench.export.cells import put
from workbench.export.page import Pager, Row, setup_page, title_block, wrapped_height

WIDTHS = {"A": 44, "B": 92}
ANNEX_WIDTHS = {"A": 6, "B": 52, "C": 50, "D": 18, "E": 11}
ASSUMPTIONS_SOURCE = "Workbench assumptions: flagged, each with a range, overridable in the scenario"
DERIVED_SOURCE = "Derived by the workbench from the sources listed (totals and differences)"
#: Kinds of dataset figure (the part of a source row's item before ":") in words.
ITEM_WORDS = {"armington_elasticity": "substitution between sources", "gdp_usd_bn": "GDP", "mean_reversion":
              "price mean reversion", "parameter": "model parameters", "us_import_source": "US import sources",
              "us_net_import_reliance_pct": "US net import reliance", "volatility": "price volatility"}
#: Font size of the styles the annex uses (the rest are 10 points).
POINTS = {"ts_legal": 9.0, "ts_item": 9.0}
_CLAUSE_ID = re.compile(r"[Cc]lause '([a-z0-9][a-z0-9-]{0,39})'")
_CUT = re.compile(r" \(| https?://|; | - ")


def short_source(source: str) -> str:
    """The publication a dataset row cites, without the row's own detail: "USGS Mineral Commodity Summaries 2026"
    for the long per-chapter USGS strings; one line for all flagged assumptions and one for derived figures."""
    text = " ".join(str(source).split())
    low = text.lower()
    if low.startswith("assumption"):
        return ASSUMPTIONS_SOURCE
    if low.startswith("derived"):
        return DERIVED_SOURCE
    if low.startswith("estimated from price series") and ": " in text:
        return short_source(text.split(": ", 1)[1])
    text = _CUT.split(text)[0].strip(" ,;")
    return text if len(text) <= 100 else text[:99].rstrip() + "\u2026"


def annex(sources: Any, minerals: dict[str, str]) -> list[dict[str, Any]]:
    """The numbered annex: one entry per short source used for the scenario's minerals (and the global figures),
    with the minerals and kinds of figure it supports, its vintages and its lowest confidence."""
    order = ("assumption", "low", "medium", "high")
    entries: dict[str, dict[str, Any]] = {}
    for row in sources.itertuples():
        mineral = row.mineral or ""
        if mineral and mineral not in minerals:
            continue
        key = short_source(row.source)
        e = entries.setdefault(key, {"source": key, "uses": {}, "vintages": set(), "confidence": "high"})
        kind = str(row.item).split(":")[0]
        e["uses"].setdefault(minerals.get(mineral, "all minerals"), set()).add(
            ITEM_WORDS.get(kind, kind.replace("_", " ")))
        if row.vintage:
            e["vintages"].add(str(row.vintage).split(" (")[0])
        if row.confidence in order:   # the lowest seen
            e["confidence"] = min(e["confidence"], row.confidence, key=order.index)
    special = (ASSUMPTIONS_SOURCE, DERIVED_SOURCE)
    out = sorted((e for e in entries.values() if e["source"] not in special), key=lambda e: e["source"].lower())
    out += [entries[k] for k in special if k in entries]
    for n, e in enumerate(out, start=1):
        e["number"] = n
        kinds = sorted({i for items in e["uses"].values() for i in items})
        e["used_for"] = f"{', '.join(sorted(e['uses']))} ({', '.join(kinds)})"
    return out


def citations(entries: list[dict[str, Any]], mineral_name: str) -> str:
    """``sources [1], [4], [7] (annex)`` for one mineral."""
    numbers = [f"[{e['number']}]" for e in entries if mineral_name in e["uses"]]
    return ("sources " + ", ".join(numbers) + " (Data sources annex)") if numbers else "no dataset figures"


def clause_numbers(doc: Any) -> Any:
    """A function putting "Clause 3" for "clause 'nickel-cfd'" in a model message: the term sheet's numbers, not the
    internal ids."""
    numbers = {c.id: n for n, c in enumerate(doc.clauses, start=1)}

    def numbered(message: str) -> str:
        return _CLAUSE_ID.sub(lambda m: f"Clause {numbers[m.group(1)]}" if m.group(1) in numbers else m.group(0),
                              str(message))
    return numbered


def _table(ws: Worksheet, pager: Pager, heads: list[str], body: list[list[tuple[Any, str]]],
           widths: dict[str, float]) -> None:
    cols = list(widths.values())

    def row(cells: list[tuple[Any, str]]) -> Row:
        height = max([14.0] + [wrapped_height(v, cols[c], POINTS.get(s, 10.0), bold=s in ("ts_header", "ts_item"))
                               for c, (v, s) in enumerate(cells) if isinstance(v, str)])

        def write(r: int) -> None:
            for col, (value, style) in enumerate(cells, start=1):
                put(ws, r, col, value, style)
        return Row(height, write)
    header = row([(h, "ts_header") for h in heads])
    pager.block([header] + [row(c) for c in body], [header], keep=False)


def write_assumptions(ws: Worksheet, scenario: Any, result: Any, monte_carlo: Any, entries: list[dict[str, Any]],
                      banner: str = "") -> None:
    """Model settings, overrides of the dataset, the model's warnings, and the sources of each mineral's data."""
    doc = scenario.document
    a = doc.assumptions
    minerals = {m.id: m.name for m in doc.minerals}
    pager = Pager(ws, 5)
    pager.used = title_block(ws, scenario, "Assumptions", "Model settings of the scenario; figures of the embedded "
                             "dataset are cited by their number in the Data sources annex.", list(WIDTHS.values()))
    rows: list[list[tuple[Any, str]]] = [
        [("Base year", "ts_label"), (a.base_year, "ts_value_int")],
        [("Horizon (years)", "ts_label"), (a.horizon_years, "ts_value")],
        [("Discount rate", "ts_label"), (a.discount_rate, "ts_value_rate")],
        [("Monte Carlo price paths", "ts_label"), (monte_carlo.paths, "ts_value")],
        [("Monte Carlo seed", "ts_label"), (monte_carlo.seed, "ts_value_int")],
        [("Elasticities varied in Monte Carlo", "ts_label"),
         ("yes" if a.monte_carlo.vary_elasticities else "no", "ts_value")],
    ]
    rows += [[(f"USD per {cur}", "ts_label"), (rate, "ts_value")] for cur, rate in sorted(a.usd_per_currency.items())]
    for mid, path in a.price_paths.items():
        desc = {"flat": "flat", "trend": f"{path.annual_change:+.1%} a year".replace("-", "\u2212"),
                "custom": "custom index " + ", ".join(f"{x:g}" for x in path.index)}[path.kind]
        rows.append([(f"Baseline price path, {minerals.get(mid, mid)}", "ts_label"), (desc, "ts_value")])
    rows += [[(f"Demand growth, {minerals.get(mid, mid)}", "ts_label"), (g, "ts_value_rate")]
             for mid, g in a.demand_growth.items()]
    for mid, o in a.elasticity_overrides.items():
        parts = [f"supply {k} {v:g}" for k, v in o.supply.items()] + [f"demand {k} {v:g}" for k, v in o.demand.items()]
        if o.armington is not None:
            parts.append(f"Armington {o.armington:g}")
        rows.append([(f"Elasticities, {minerals.get(mid, mid)}", "ts_label"),
                     ("; ".join(parts) or "dataset values", "ts_value")])
    for o in a.data_overrides:
        rows.append([(f"Override: {minerals.get(o.mineral, o.mineral)} {o.field} ({o.region})", "ts_label"),
                     (f"{o.value:g}" + (f" \u2014 {o.note}" if o.note else ""), "ts_value")])
    rows += [[(f"Dataset figures, {name}", "ts_label"), (citations(entries, name), "ts_value")]
             for name in minerals.values()]
    checks = result.validity_warnings
    numbered = clause_numbers(doc)
    rows += [[("Outside the model's range", "ts_label"), (numbered(w), "ts_value")] for w in checks]
    rows += [[("Model warning", "ts_label"), (numbered(w), "ts_value")] for w in result.warnings if w not in checks]
    rows += [[("Monte Carlo warning", "ts_label"), (numbered(w), "ts_value")] for w in monte_carlo.warnings]
    _table(ws, pager, ["Assumption", "Value"], rows, WIDTHS)
    meta = doc.metadata
    setup_page(ws, marking=meta.classification, title=meta.title, header_row=None, freeze=None, widths=WIDTHS,
               banner=banner)


def write_sources(ws: Worksheet, scenario: Any, entries: list[dict[str, Any]], banner: str = "") -> None:
    """The data-sources annex: one numbered line per source; the full detail stays in the app and docs/data.md."""
    pager = Pager(ws, 5)
    pager.used = title_block(
        ws, scenario, "Data sources (annex)",
        "One line per source of the dataset figures behind the scenario's minerals, cited by number on the Assumptions "
        "sheet; every figure with its value, range and note is in the workbench and docs/data.md.",
        list(ANNEX_WIDTHS.values()))
    body = [[(f"[{e['number']}]", "ts_item"), (e["source"], "ts_legal"), (e["used_for"], "ts_legal"),
             (_vintages(e["vintages"]), "ts_legal"), (e["confidence"], "ts_legal")] for e in entries]
    _table(ws, pager, ["No.", "Source", "Used for", "Vintage", "Confidence (lowest)"], body, ANNEX_WIDTHS)
    meta = scenario.document.metadata
    setup_page(ws, marking=meta.classification, title=meta.title, header_row=None, freeze=None,
               widths=ANNEX_WIDTHS, banner=banner)


def _vintages(vintages: set[str]) -> str:
    """At most two vintages, then how many more."""
    ordered = sorted(vintages)
    if not ordered:
        return "\u2013"
    more = f" and {len(ordered) - 2} more" if len(ordered) > 2 else ""
    return "; ".join(ordered[:2]) + more
