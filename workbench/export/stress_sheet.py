"""The term sheet's "Stress tests" sheet: each stress event and, per partner, its figures without and with the
agreement (the numbers of ``workbench-cli stress --json``)."""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from workbench.export.cells import put
from workbench.export.page import Pager, Row, setup_page, title_block, wrapped_height
from workbench.export.styles import ROUNDS_TO_ZERO

TITLE = "Stress tests: what the agreement buys"
NOTE = ("Each stress test is run without the agreement (w/o: no clause on the stressed mineral) and with it (every "
        "clause on that mineral, stockpile releases included). Price change and shortfall: over the years the stress "
        "is in force, against the same world without the stress. Days of cover: stock owned when the stress begins. "
        "Money: present value; + is a cost to the treasury. Security value: the consumer loss the stress causes "
        "without the agreement minus the loss with it. A dash is a true zero.")
#: (StressTestResult.table column, header, style) after the Partner column; w/o = without the agreement.
COLUMNS = (
    ("consumer_price_change_pct_without", "Consumer price change, w/o", "ts_pct"),
    ("consumer_price_change_pct_with", "Consumer price change, with", "ts_pct"),
    ("shortfall_t_without", "Shortfall (t), w/o", "ts_stress_t"),
    ("shortfall_t_with", "Shortfall (t), with", "ts_stress_t"),
    ("shortfall_pct_without", "Shortfall (% of demand), w/o", "ts_share"),
    ("shortfall_pct_with", "Shortfall (% of demand), with", "ts_share"),
    ("days_of_cover_with", "Days of cover, with", "ts_days"),
    ("fiscal_cost_pv_usd_with", "Fiscal cost PV, with", "ts_usd_m"),
    ("security_value_pv_usd", "Security value PV", "ts_usd_m"),
)
WIDTHS = [24.0] + [11.0] * 7 + [13.5] * 2
KIND_TEXT = {"export_restriction": "Export restriction", "dumping": "Dumping episode",
             "supply_outage": "Supply outage"}
TARGET_TEXT = {"all": "all importers", "zone": "the zone's members", "partners": "named importers"}
#: Whole tonnes (the cell holds the exact figure) in the house style of the other sheets (workbench.export.styles):
#: minus sign U+2212, a true zero as the nil dash; the twin for a figure that rounds to zero has no sign.
FMT_TONNES = '#,##0" t";"\u2212"#,##0" t";"\u2013"'
FMT_TONNES_ROUNDS_TO_ZERO = '0" t";0" t";"\u2013"'


def register_stress_styles(wb: Workbook) -> None:
    """Add the tonnes styles of this sheet (the others are the term sheet's ``ts_*`` styles)."""
    names = {s if isinstance(s, str) else s.name for s in wb.named_styles}
    for name, fmt in (("ts_stress_t", FMT_TONNES), ("ts_stress_t_zero", FMT_TONNES_ROUNDS_TO_ZERO)):
        if name not in names:
            wb.add_named_style(NamedStyle(name=name, number_format=fmt, font=Font(name="Calibri", size=10),
                                          border=Border(bottom=Side(style="thin", color="FFB4B9C3")),
                                          alignment=Alignment(vertical="top")))


def figure_style(style: str, value: float) -> str:
    """The style a figure is written with: tonnes that round to zero get the unsigned twin (``put`` does the same
    for the money and percent styles, workbench.export.styles.ROUNDS_TO_ZERO)."""
    if style == "ts_stress_t" and value != 0 and round(abs(value)) == 0:
        return "ts_stress_t_zero"
    return style


def shown_style(style: str, value: float) -> str:
    """The style the cell ends up with (after ``put``'s rounds-to-zero choice)."""
    style = figure_style(style, value)
    if style in ROUNDS_TO_ZERO and value != 0 and round(abs(value) / ROUNDS_TO_ZERO[style][1], 1) == 0:
        return ROUNDS_TO_ZERO[style][0]
    return style


def describe(event: Any, members: list[str]) -> str:
    """One line: kind, who, what share, whom, when."""
    years = f"{event.start_year}\u2013{event.start_year + event.duration_years - 1}"
    parts = [KIND_TEXT.get(event.kind, event.kind), f"mineral: {event.mineral}"]
    if event.kind == "export_restriction":
        targets = TARGET_TEXT.get(event.targets.value, event.targets.value)
        named = event.target_partners if event.targets.value == "partners" else (
            members if event.targets.value == "zone" else [])
        parts += [f"supplier: {event.supplier}",
                  f"{100 * event.share_withheld:.0f} % of exports withheld"
                  + (" (licensing delay)" if event.licensing_delay else ""),
                  f"targets: {targets}" + (f" ({', '.join(named)})" if named else "")]
    elif event.kind == "dumping":
        parts += [f"supplier: {event.supplier}", f"export price cut by {100 * event.price_cut:.0f} % (export subsidy)"]
    else:
        where = "every producing region" if event.region == "*" else event.region
        parts += [f"region: {where}", f"{100 * event.share_lost:.0f} % of output lost"]
    parts.append(f"years: {years}")
    return " \u00b7 ".join(parts)


def write_stress(ws: Worksheet, scenario: Any, result: Any, banner: str = "") -> None:
    """Write the sheet: title block, then one block per stress test (kept on one page; headers again on the next
    page when a block is longer than a page)."""
    doc = scenario.document
    meta = doc.metadata
    register_stress_styles(ws.parent)
    pager = Pager(ws, 5, 0.0)
    pager.used = title_block(ws, scenario, TITLE, NOTE, WIDTHS)
    events = {e.id: e for e in doc.stress_tests}
    for number, test in enumerate(result.tests, start=1):
        heading = f"{number}. {test.title}"
        rows = [_merged(ws, heading, "ts_clause", 11)]
        event = events.get(test.id)
        if event is not None:
            rows.append(_merged(ws, describe(event, doc.members()), "ts_text", 10))
        rows.append(_merged(ws, f"Source: {test.source_note}" if test.source_note else "Source: none given.",
                            "ts_note", 9))
        header = _header(ws)
        if test.error:
            rows.append(_merged(ws, f"No result: the market has no equilibrium under this stress ({test.error})",
                                "ts_text", 10))
        else:
            rows.append(header)
            table = test.table
            for region in test.regions:
                name = test.region_names.get(region, region)
                rows.append(_partner(ws, f"{name} ({region})" if name != region else region,
                                     [float(table.at[region, key]) for key, _, _ in COLUMNS]))
            if test.kind == "export_restriction":
                wedge = [x for x, on in zip(test.export_tax_equivalent_pct("with"), test.active) if on]
                if wedge:
                    rows.append(_merged(ws, "Export-tax equivalent of the restriction (with the agreement), by year "
                                        "in force: " + ", ".join("ban" if x is None else f"{x:,.1f} %"
                                                                 for x in wedge), "ts_note", 9))
        pager.gap(9.0)
        pager.block(rows, [_merged(ws, f"{heading} (cont.)", "ts_clause_cont", 10), header])
    setup_page(ws, marking=meta.classification, title=meta.title, header_rows=None, freeze=None,
               widths={get_column_letter(i + 1): w for i, w in enumerate(WIDTHS)}, banner=banner)


def _merged(ws: Worksheet, text: str, style: str, points: float) -> Row:
    """A row of text across the sheet, wrapped."""
    def write(r: int) -> None:
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(WIDTHS))
        put(ws, r, 1, text, style)
    return Row(wrapped_height(text, sum(WIDTHS), points, bold=style.startswith("ts_clause")), write)


def _header(ws: Worksheet) -> Row:
    heads = ["Partner"] + [h for _, h, _ in COLUMNS]

    def write(r: int) -> None:
        for col, head in enumerate(heads, start=1):
            put(ws, r, col, head, "ts_header")
    return Row(max(wrapped_height(h, w, bold=True) for h, w in zip(heads, WIDTHS)), write)


def _partner(ws: Worksheet, label: str, values: list[float]) -> Row:
    def write(r: int) -> None:
        put(ws, r, 1, label, "ts_label")
        for col, ((_key, _header, style), value) in enumerate(zip(COLUMNS, values), start=2):
            put(ws, r, col, value, figure_style(style, value))
    return Row(wrapped_height(label, WIDTHS[0], bold=True), write)
