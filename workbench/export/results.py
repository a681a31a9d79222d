"""Result sheets: fiscal cost per partner (per year, PV, P50/P95) and price effects, with native Excel charts."""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from typing import Any

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.text import RichText
from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties, RichTextProperties
from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, OneCellAnchor
from openpyxl.drawing.xdr import XDRPositiveSize2D
from openpyxl.utils.units import cm_to_EMU
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from workbench.export.cells import put
from workbench.export.page import PAGE_WIDTH_UNITS, Pager, Row, setup_page, title_block, wrapped_height
from workbench.instrument_kinds import LEDGER

#: Points per unit of column width, to place charts beside each other (Excel: about 5.6 at 100 %).
POINTS_PER_UNIT = 5.6
CM_PER_INCH = 2.54
EMU_PER_POINT = 12_700
NO_CLAUSES_RESULTS = "No clauses yet: no fiscal cost or price effect to show, so no charts."

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
    ("consumer_surplus_change_pv_usd", "Consumer surplus change, PV (USD m)", "ts_m"),
    ("producer_surplus_change_pv_usd", "Producer surplus change, PV (USD m)", "ts_m"),
    ("welfare_change_pv_usd", "Welfare change, PV (USD m)", "ts_m"),
)
#: The series of the charts, picked by column name: PV, P50, P95 of fiscal cost; consumer and producer prices.
PV_CHART_SERIES = ("fiscal_cost_pv_usd", "p50_pv_usd", "p95_pv_usd")
PRICE_CHART_SERIES = ("consumer_price_change_pct", "producer_price_change_pct")
MINERAL_COLUMNS = (
    ("consumer_price_change_pct", "Consumer price change", "ts_pct"),
    ("producer_price_change_pct", "Producer price change", "ts_pct"),
    ("fiscal_cost_pv_usd", "Net fiscal cost, PV (USD m)", "ts_m"),
    ("china_share_base_pct", "China share, baseline", "ts_share"),
    ("china_share_pct", "China share, with clauses", "ts_share"),
)


class _Tables:
    """Tables of a result sheet placed by a Pager: kept on one page when they fit, headers repeated when not."""

    def __init__(self, ws: Worksheet, pager: Pager, widths: dict[int, float]):
        self.ws, self.pager, self.widths = ws, pager, widths

    def header(self, heads: list[str]) -> Row:
        height = max(wrapped_height(h, self.widths[c], bold=True) for c, h in enumerate(heads, start=1))

        def write(r: int) -> None:
            for col, head in enumerate(heads, start=1):
                put(self.ws, r, col, head, "ts_header")
        return Row(height, write, joined=True)

    def section(self, text: str) -> Row:
        return Row(20.0, lambda r: put(self.ws, r, 1, text, "ts_section"))

    def table(self, title: str, heads: list[str], body: list[list[tuple[Any, str]]],
              group: int | None = None) -> tuple[int, int]:
        """A section title, a header row and the body rows ((value, style) per cell); returns (header row, last row).

        Headers are written again (with "(cont.)") on every page the table continues on; rows whose cell ``group``
        (an index) holds the same value as the row before stay on its page (a mineral's partners)."""
        def data(k: int, cells: list[tuple[Any, str]]) -> Row:
            height = max([15.0] + [wrapped_height(v, self.widths[c]) for c, (v, _) in
                                   enumerate(cells, start=1) if isinstance(v, str)])

            def write(r: int) -> None:
                for col, (value, style) in enumerate(cells, start=1):
                    put(self.ws, r, col, value, style)
            joined = k == 0 or (group is not None and cells[group][0] == body[k - 1][group][0])
            return Row(height, write, joined=joined)
        self.pager.gap(9.0)
        first = self.pager.block([self.section(title), self.header(heads)] + [data(k, c) for k, c in enumerate(body)],
                                 [self.section(f"{title} (cont.)"), self.header(heads)])
        return first + 1, self.pager.row - 1

    def chart_band(self, *captioned: tuple[str, Any]) -> None:
        """Charts side by side across the printed width (spread evenly, each at its exact offset in its column) under
        a row of their captions, kept on one page with it."""
        captions = [c for c, _ in captioned]
        charts = [chart for _, chart in captioned]
        sizes = [chart.width / CM_PER_INCH * 72 for chart in charts]                   # points
        room = sum(self.widths.values()) * POINTS_PER_UNIT - sum(sizes)
        gap = max(0.0, room / (len(charts) - 1)) if len(charts) > 1 else 0.0
        lefts = [sum(sizes[:k]) + k * gap for k in range(len(charts))]
        places = [self._column_at(left) for left in lefts]

        def caption(r: int) -> None:
            for (c, _), text in zip(places, captions):
                put(self.ws, r, c, text, "ts_section")
        rows = [Row(20.0, caption)] + [Row(15.0, lambda r: None)
                                       for _ in range(int(max(c.height for c in charts) / CM_PER_INCH * 72 / 15.0) + 1)]
        self.pager.gap(9.0)
        first = self.pager.block(rows)
        for chart, (col, offset) in zip(charts, places):
            chart.anchor = OneCellAnchor(_from=AnchorMarker(col=col - 1, colOff=int(offset * EMU_PER_POINT), row=first),
                                         ext=XDRPositiveSize2D(cm_to_EMU(chart.width), cm_to_EMU(chart.height)))
            self.ws.add_chart(chart)

    def _column_at(self, left: float) -> tuple[int, float]:
        """The column (1-based) that the point ``left`` points from the sheet's left edge falls in, and the offset
        there, in points."""
        starts = list(accumulate((self.widths[c] * POINTS_PER_UNIT for c in sorted(self.widths)), initial=0.0))
        col = bisect_right(starts, left)
        return col, left - starts[col - 1]


def _value(frame: Any, region: str, column: str) -> Any:
    if column not in frame.columns or region not in frame.index:
        return None
    return frame.at[region, column]


def _sheet(ws: Worksheet, scenario: Any, title: str, note: str, widths: dict[int, float]) -> _Tables:
    height = title_block(ws, scenario, title, note, list(widths.values()))
    pager = Pager(ws, 5)
    pager.used = height
    return _Tables(ws, pager, widths)


def _finish(ws: Worksheet, scenario: Any, widths: dict[int, float], banner: str) -> None:
    meta = scenario.document.metadata
    setup_page(ws, marking=meta.classification, title=meta.title, header_row=None, freeze=None,
               widths={get_column_letter(c): w for c, w in widths.items()}, banner=banner)


def write_fiscal(ws: Worksheet, scenario: Any, result: Any, monte_carlo: Any, banner: str = "",
                 more_charts: tuple[tuple[str, Any], ...] = ()) -> None:
    """Fiscal cost per partner: headline table with P50/P95, by year, by instrument, CfD rebates, then the charts
    side by side (with ``more_charts``, e.g. the price chart, so that all of them print on one band)."""
    a = scenario.document.assumptions
    by_instrument = result.fiscal_by_instrument()
    instruments = [str(c) for c in by_instrument.columns]
    regions = list(result.partner_table.index)
    # figure columns: the headline table's eight, or more for many instruments or partners (the by-year table)
    money = max(len(FISCAL_COLUMNS) + len(MC_COLUMNS), len(instruments), len(regions) - 1)
    widths = {1: 8, 2: 22} | {c: (PAGE_WIDTH_UNITS - 30) / money for c in range(3, 3 + money)}
    t = _sheet(ws, scenario, "Fiscal cost per partner",
               f"USD, shown in millions; a positive figure is a net cost to the treasury, a negative one (\u2212) a "
               f"net revenue; \u2013 is nil. Present values at {a.discount_rate:.1%} a year to {a.base_year}. P50/P95 "
               f"from {monte_carlo.paths:,} Monte Carlo price paths (seed {monte_carlo.seed}).", widths)
    names = result.region_names
    columns = [(result.partner_table, c, h, s) for c, h, s in FISCAL_COLUMNS] + \
              [(monte_carlo.summary, c, h, s) for c, h, s in MC_COLUMNS]
    header, last = t.table("Net fiscal cost per partner", ["Code", "Partner"] + [h for _, _, h, _ in columns],
                           [[(g, "ts_label"), (names.get(g, g), "ts_label")]
                            + [(_value(f, g, c), s) for f, c, _, s in columns] for g in regions])
    pv_chart = BarChart()
    pv_chart.type = "col"
    for name in PV_CHART_SERIES:
        col = 3 + [n for _, n, _, _ in columns].index(name)
        pv_chart.add_data(Reference(ws, min_col=col, min_row=header, max_row=last), titles_from_data=True)
    pv_chart.set_categories(Reference(ws, min_col=1, min_row=header + 1, max_row=last))
    _style_chart(pv_chart, '#,##0,,')

    yearly = result.fiscal.groupby(["region", "year"])["amount_usd"].sum() if len(result.fiscal) else None
    year_header, year_last = t.table(
        "Net fiscal cost by year (USD, shown in millions)", ["Year"] + [names.get(g, g) for g in regions],
        [[(y, "ts_year")] + [(float(yearly.get((g, y), 0.0)) if yearly is not None else 0.0, "ts_usd_m")
                             for g in regions] for y in result.years])
    line = LineChart()
    line.add_data(Reference(ws, min_col=2, max_col=1 + len(regions), min_row=year_header, max_row=year_last),
                  titles_from_data=True)
    line.set_categories(Reference(ws, min_col=1, min_row=year_header + 1, max_row=year_last))
    _style_chart(line, '#,##0,,')
    if len(result.years) > YEAR_LABELS:  # slanted, or ten years' labels run together ("20262027...")
        line.x_axis.txPr = RichText(bodyPr=RichTextProperties(rot=SLANT), p=[Paragraph(
            pPr=ParagraphProperties(defRPr=CharacterProperties()), endParaRPr=CharacterProperties())])

    t.table("Net fiscal cost by instrument, present value (USD, shown in millions)",
            ["Code", "Partner"] + [LEDGER[i].label for i in instruments],
            [[(g, "ts_label"), (names.get(g, g), "ts_label")]
             + [(_value(by_instrument, g, i), "ts_usd_m") for i in instruments] for g in regions])
    if monte_carlo.cfd_rebate_probability:
        numbers = {c.id: n for n, c in enumerate(scenario.document.clauses, start=1)}
        titles = scenario.document.clause_titles()
        t.table("Contracts for difference: probability that the present value of net payments is negative, i.e. "
                "rebates from producers exceed payments to them (Monte Carlo)",
                ["Clause", "Title", "Probability"],
                [[(str(numbers.get(cid, cid)), "ts_label"), (titles.get(cid, cid), "ts_label"), (p, "ts_rate")]
                 for cid, p in monte_carlo.cfd_rebate_probability.items()])
    if scenario.document.clauses:
        t.chart_band(("Net fiscal cost per partner, PV (USD m)", pv_chart), ("Net fiscal cost by year (USD m)", line),
                     *more_charts)
    else:
        t.pager.gap()
        t.pager.put(Row(15.0, lambda r: put(ws, r, 1, NO_CLAUSES_RESULTS, "ts_note")))
    _finish(ws, scenario, widths, banner)


def write_prices(ws: Worksheet, scenario: Any, result: Any, banner: str = "") -> Any:
    """Price effects per partner and per mineral; returns (caption, chart) of price changes per partner (None
    without clauses), for the band of charts on the fiscal sheet."""
    widths = {1: 8, 2: 22} | {c: (PAGE_WIDTH_UNITS - 30) / len(PRICE_COLUMNS) for c in range(3, 3 + len(PRICE_COLUMNS))}
    t = _sheet(ws, scenario, "Price effects per partner",
               "Change against the baseline without the clauses, in per cent, value-weighted over minerals and "
               "years (\u2013 is nil); shares of supply in per cent; surplus and welfare in USD (shown in millions), "
               "present values.", widths)
    table = result.partner_table
    names = result.region_names
    header, last = t.table("Price effects per partner", ["Code", "Partner"] + [h for _, h, _ in PRICE_COLUMNS],
                           [[(g, "ts_label"), (names.get(g, g), "ts_label")]
                            + [(_value(table, g, c), s) for c, _, s in PRICE_COLUMNS] for g in table.index])
    captioned = None
    if scenario.document.clauses:
        chart = BarChart()
        chart.type = "col"
        for name in PRICE_CHART_SERIES:
            col = 3 + [n for n, _, _ in PRICE_COLUMNS].index(name)
            chart.add_data(Reference(ws, min_col=col, min_row=header, max_row=last), titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=header + 1, max_row=last))
        _style_chart(chart, "0.0")
        captioned = ("Price change against baseline (%)", chart)
    else:
        t.pager.gap()
        t.pager.put(Row(15.0, lambda r: put(ws, r, 1, NO_CLAUSES_RESULTS, "ts_note")))
    minerals = {m.id: m.name for m in scenario.document.minerals}
    t.table("Price effects by mineral", ["Code", "Mineral"] + [h for _, h, _ in MINERAL_COLUMNS],
            [[(row.region, "ts_label"), (minerals.get(row.mineral, row.mineral), "ts_label")]
             + [(getattr(row, c), s) for c, _, s in MINERAL_COLUMNS]
             for row in result.mineral_table.itertuples(index=False)], group=1)
    _finish(ws, scenario, widths, banner)
    return captioned


#: Year labels an 8.9-cm chart's axis takes level without running together ("20262027..." with ten); more are
#: slanted by SLANT (DrawingML angles are in 60,000ths of a degree: -45 degrees).
YEAR_LABELS = 6
SLANT = -45 * 60_000


def _style_chart(chart: Any, number_format: str, width: float = 8.9) -> None:
    """Three charts side by side on a landscape page, legend below, axes kept."""
    chart.height = 8.0
    chart.width = width
    chart.legend.position = "b"
    chart.x_axis.tickLblPos = "low"  # category labels below the plot, clear of negative bars
    for series in chart.series:
        series.smooth = False
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.number_format = number_format
