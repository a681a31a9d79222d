"""Result sheets: fiscal cost per partner (per year, PV, P50/P95) and price effects, with native Excel charts."""

from __future__ import annotations

from typing import Any

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from workbench.export.cells import put
from workbench.export.page import setup_page, wrapped_height
from workbench.instrument_kinds import LEDGER

TABLE_ROW = 6

#: (partner_table column, header, style) of the fiscal table; the Monte Carlo columns follow.
FISCAL_COLUMNS = (
    ("fiscal_cost_avg_usd", "Net fiscal cost, average a year", "ts_usd_m"),
    ("fiscal_cost_pv_usd", "Net fiscal cost (cash minus stock value), present value", "ts_usd_m"),
    ("fiscal_cost_peak_usd", "Net fiscal cost, peak year", "ts_usd_m"),
    ("cash_cost_pv_usd", "Cash cost, present value", "ts_usd_m"),
    ("stock_value_pv_usd", "Stock held at the end, value (non-cash), present value", "ts_usd_m"),
)
MC_COLUMNS = (
    ("p50_pv_usd", "P50 present value (Monte Carlo)", "ts_usd_m"),
    ("p95_pv_usd", "P95 present value (Monte Carlo)", "ts_usd_m"),
    ("p95_annual_usd", "P95 annual cost (Monte Carlo)", "ts_usd_m"),
)
PRICE_COLUMNS = (
    ("consumer_price_change_pct", "Consumer price change", "ts_pct"),
    ("producer_price_change_pct", "Producer price change", "ts_pct"),
    ("china_share_base_pct", "China share of supply, baseline", "ts_share"),
    ("china_share_pct", "China share of supply, with clauses", "ts_share"),
    ("zone_share_pct", "Zone share of supply", "ts_share"),
    ("stockpile_days_cover", "Stockpile cover", "ts_days"),
    ("consumer_surplus_change_pv_usd", "Consumer surplus change, PV", "ts_usd_m"),
    ("producer_surplus_change_pv_usd", "Producer surplus change, PV", "ts_usd_m"),
    ("welfare_change_pv_usd", "Welfare change, PV", "ts_usd_m"),
)
#: The series of the charts, picked by column name: PV, P50, P95 of fiscal cost; consumer and producer prices.
PV_CHART_SERIES = ("fiscal_cost_pv_usd", "p50_pv_usd", "p95_pv_usd")
PRICE_CHART_SERIES = ("consumer_price_change_pct", "producer_price_change_pct")
MINERAL_COLUMNS = (
    ("consumer_price_change_pct", "Consumer price change", "ts_pct"),
    ("producer_price_change_pct", "Producer price change", "ts_pct"),
    ("fiscal_cost_pv_usd", "Net fiscal cost, PV", "ts_usd_m"),
    ("china_share_base_pct", "China share, baseline", "ts_share"),
    ("china_share_pct", "China share, with clauses", "ts_share"),
)


def _heading(ws: Worksheet, scenario: Any, title: str, note: str) -> None:
    meta = scenario.document.metadata
    put(ws, 1, 1, title, "ts_title")
    put(ws, 2, 1, meta.title, "ts_subtitle")
    put(ws, 3, 1, meta.classification, "ts_marking")
    put(ws, 4, 1, note, "ts_note")


def _header(ws: Worksheet, row: int, heads: list[str]) -> None:
    for col, head in enumerate(heads, start=1):
        put(ws, row, col, head, "ts_header")
    ws.row_dimensions[row].height = 42


def _value(frame: Any, region: str, column: str) -> Any:
    if column not in frame.columns or region not in frame.index:
        return None
    return frame.at[region, column]


def write_fiscal(ws: Worksheet, scenario: Any, result: Any, monte_carlo: Any) -> None:
    """Fiscal cost per partner: headline table with P50/P95, a year-by-year table, charts of both."""
    a = scenario.document.assumptions
    _heading(ws, scenario, "Fiscal cost per partner",
             f"USD, shown in millions; + = net cost to the treasury, - = net revenue. Present values at "
             f"{a.discount_rate:.1%} a year to {a.base_year}. P50/P95 from {monte_carlo.paths:,} Monte Carlo price "
             f"paths (seed {monte_carlo.seed}).")
    regions = list(result.partner_table.index)
    columns = [(result.partner_table, c, h, s) for c, h, s in FISCAL_COLUMNS] + \
              [(monte_carlo.summary, c, h, s) for c, h, s in MC_COLUMNS]
    _header(ws, TABLE_ROW, ["Code", "Partner"] + [h for _, _, h, _ in columns])
    r = TABLE_ROW
    for region in regions:
        r += 1
        put(ws, r, 1, region, "ts_label")
        put(ws, r, 2, result.region_names.get(region, region), "ts_label")
        for col, (frame, name, _, style) in enumerate(columns, start=3):
            put(ws, r, col, _value(frame, region, name), style)
    last = r
    pv_chart = BarChart()
    pv_chart.type = "col"
    pv_chart.title = "Net fiscal cost per partner, present value (USD m)"
    for name in PV_CHART_SERIES:
        col = 3 + [n for _, n, _, _ in columns].index(name)
        pv_chart.add_data(Reference(ws, min_col=col, min_row=TABLE_ROW, max_row=last), titles_from_data=True)
    pv_chart.set_categories(Reference(ws, min_col=1, min_row=TABLE_ROW + 1, max_row=last))
    _style_chart(pv_chart, '#,##0,,')

    # year by year
    years = list(result.years)
    yearly = result.fiscal.groupby(["region", "year"])["amount_usd"].sum() if len(result.fiscal) else None
    r = last + 3
    put(ws, r - 1, 1, "Net fiscal cost by year (USD, shown in millions)", "ts_section")
    year_header = r
    _header(ws, r, ["Year"] + [result.region_names.get(g, g) for g in regions])
    for y in years:
        r += 1
        put(ws, r, 1, y, "ts_year")
        for col, region in enumerate(regions, start=2):
            value = float(yearly.get((region, y), 0.0)) if yearly is not None else 0.0
            put(ws, r, col, value, "ts_usd_m")
    line = LineChart()
    line.title = "Net fiscal cost by year (USD m)"
    line.add_data(Reference(ws, min_col=2, max_col=1 + len(regions), min_row=year_header, max_row=r),
                  titles_from_data=True)
    line.set_categories(Reference(ws, min_col=1, min_row=year_header + 1, max_row=r))
    _style_chart(line, '#,##0,,')

    # by instrument
    by_instrument = result.fiscal_by_instrument()
    r += 3
    put(ws, r - 1, 1, "Net fiscal cost by instrument, present value (USD, shown in millions)", "ts_section")
    instruments = [str(c) for c in by_instrument.columns]
    _header(ws, r, ["Code", "Partner"] + [LEDGER[i].label for i in instruments])
    for region in regions:
        r += 1
        put(ws, r, 1, region, "ts_label")
        put(ws, r, 2, result.region_names.get(region, region), "ts_label")
        for col, inst in enumerate(instruments, start=3):
            put(ws, r, col, _value(by_instrument, region, inst), "ts_usd_m")
    if monte_carlo.cfd_rebate_probability:
        titles = {c.id: c.title for c in scenario.document.clauses}
        r += 3
        put(ws, r - 1, 1, "Contracts for difference: probability that the present value of net payments is negative, "
            "i.e. rebates from producers exceed payments to them (Monte Carlo)", "ts_section")
        _header(ws, r, ["Clause", "Title", "Probability"])
        for clause_id, probability in monte_carlo.cfd_rebate_probability.items():
            r += 1
            put(ws, r, 1, clause_id, "ts_label")
            put(ws, r, 2, titles.get(clause_id, clause_id), "ts_label")
            ws.row_dimensions[r].height = wrapped_height(titles.get(clause_id, clause_id), 22)
            put(ws, r, 3, probability, "ts_rate")
    ws.row_breaks.append(Break(id=r + 1))  # the charts start a page of their own
    ws.add_chart(pv_chart, f"A{r + 3}")
    ws.add_chart(line, f"A{r + 24}")
    setup_page(ws, marking=scenario.document.metadata.classification, title=scenario.document.metadata.title,
               header_rows=(1, 3), freeze=f"C{TABLE_ROW + 1}",
               widths={"A": 8, "B": 22} | {chr(ord("C") + i): 17 for i in range(max(10, len(instruments)))})


def write_prices(ws: Worksheet, scenario: Any, result: Any) -> None:
    """Price effects per partner and per mineral, with a chart of consumer and producer price changes."""
    _heading(ws, scenario, "Price effects per partner",
             "Change against the baseline without the clauses, in per cent, value-weighted over minerals and years; "
             "shares of supply in per cent; surplus and welfare in USD (shown in millions), present values.")
    table = result.partner_table
    regions = list(table.index)
    _header(ws, TABLE_ROW, ["Code", "Partner"] + [h for _, h, _ in PRICE_COLUMNS])
    r = TABLE_ROW
    for region in regions:
        r += 1
        put(ws, r, 1, region, "ts_label")
        put(ws, r, 2, result.region_names.get(region, region), "ts_label")
        for col, (name, _, style) in enumerate(PRICE_COLUMNS, start=3):
            put(ws, r, col, _value(table, region, name), style)
    last = r
    chart = BarChart()
    chart.type = "col"
    chart.title = "Price change against baseline (%)"
    for name in PRICE_CHART_SERIES:
        col = 3 + [n for n, _, _ in PRICE_COLUMNS].index(name)
        chart.add_data(Reference(ws, min_col=col, min_row=TABLE_ROW, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=TABLE_ROW + 1, max_row=last))
    _style_chart(chart, "0.0")

    r = last + 3
    put(ws, r - 1, 1, "Price effects by mineral", "ts_section")
    _header(ws, r, ["Code", "Mineral"] + [h for _, h, _ in MINERAL_COLUMNS])
    minerals = {m.id: m.name for m in scenario.document.minerals}
    for row in result.mineral_table.itertuples(index=False):
        r += 1
        put(ws, r, 1, row.region, "ts_label")
        put(ws, r, 2, minerals.get(row.mineral, row.mineral), "ts_label")
        for col, (name, _, style) in enumerate(MINERAL_COLUMNS, start=3):
            put(ws, r, col, getattr(row, name), style)
    ws.row_breaks.append(Break(id=r + 1))
    ws.add_chart(chart, f"A{r + 3}")
    setup_page(ws, marking=scenario.document.metadata.classification, title=scenario.document.metadata.title,
               header_rows=(1, 3), freeze=f"C{TABLE_ROW + 1}",
               widths={"A": 8, "B": 22} | {chr(ord("C") + i): 15 for i in range(len(PRICE_COLUMNS))})


def _style_chart(chart: Any, number_format: str) -> None:
    chart.height = 9.5
    chart.width = 24
    chart.legend.position = "b"
    chart.x_axis.tickLblPos = "low"  # category labels below the plot, clear of negative bars
    for series in chart.series:
        series.smooth = False
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.number_format = number_format
