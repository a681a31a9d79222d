"""The term sheet's "Stress tests" sheet: each stress event and, per partner, its figures without and with the
agreement (the numbers of ``workbench-cli stress --json``)."""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from workbench.export.cells import put
from workbench.export.page import (LINE_FACTOR, ROW_PADDING, Pager, Row, setup_page, title_block,
                                   wrapped_height, wrapped_lines)
from workbench.export.styles import ROUNDS_TO_ZERO

TITLE = "Stress tests: what the agreement buys"
NOTE = ("w/o: without the agreement; with: every clause on the stressed mineral, releases included. Changes over "
        "the years in force; cover: when it begins; PV: present value, + a cost; \u2013 is nil.")
#: Column groups of the two header rows: (label over the group, columns in it).
GROUPS = (("Consumer price change", 2), ("Shortfall (t)", 2), ("Shortfall (% of demand)", 2), ("Days' cover", 1),
          ("Fiscal cost PV", 1), ("Security value PV", 1))
#: (StressTestResult.table column, header under its group, style) after the Partner column.
COLUMNS = (
    ("consumer_price_change_pct_without", "w/o", "ts_pct"),
    ("consumer_price_change_pct_with", "with", "ts_pct"),
    ("shortfall_t_without", "w/o", "ts_stress_t"),
    ("shortfall_t_with", "with", "ts_stress_t"),
    ("shortfall_pct_without", "w/o", "ts_share"),
    ("shortfall_pct_with", "with", "ts_share"),
    ("days_of_cover_with", "with", "ts_days"),
    ("fiscal_cost_pv_usd_with", "with", "ts_usd_m"),
    ("security_value_pv_usd", "loss w/o \u2212 with", "ts_usd_m"),
)
WIDTHS = [22.0] + [12.0] * 7 + [16.0] * 2
#: The line under each test's heading (what, who, when, the source), at most this many lines of this size.
ABOUT_LINES = 2
ABOUT_POINTS = 8.5
CUT = " \u2026 [in full: the Stress tab]"
KIND_TEXT = {"export_restriction": "Export restriction", "dumping": "Dumping episode",
             "supply_outage": "Supply outage"}
TARGET_TEXT = {"all": "all importers", "zone": "the zone's members", "partners": "named importers"}
#: Whole tonnes (the cell holds the exact figure) in the house style of the other sheets (workbench.export.styles):
#: minus sign U+2212, a true zero as the nil dash; the twin for a figure that rounds to zero has no sign.
FMT_TONNES = '#,##0" t";"\u2212"#,##0" t";"\u2013"'
FMT_TONNES_ROUNDS_TO_ZERO = '0" t";0" t";"\u2013"'
#: Both header rows are one line of 10-pt text: every label fits its columns (tested).
HEADER_ROW_HEIGHT = 10 * LINE_FACTOR + ROW_PADDING


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


def about(event: Any, members: list[str], source_note: str, wedge: list[float | None]) -> str:
    """The line under a test's heading: ``describe``, the export-tax equivalent (export restrictions) and the source
    note, cut with an ellipsis where it would need more than ``ABOUT_LINES`` printed lines (the note is in full in
    the window's Stress tab and ``workbench-cli stress --json``)."""
    text = describe(event, members) if event is not None else ""
    if wedge:
        text += (" \u00b7 export-tax equivalent with the agreement, by year in force: "
                 + ", ".join("ban" if x is None else f"{x:,.1f}\u00a0%" for x in wedge))
    text = (f"{text}. " if text else "") + (f"Source: {source_note}" if source_note else "Source: none given.")
    return fit_lines(text, sum(WIDTHS), ABOUT_POINTS, ABOUT_LINES)


def fit_lines(text: str, width: float, points: float, lines: int) -> str:
    """``text`` cut at a word, with an ellipsis, to take at most ``lines`` wrapped lines."""
    if wrapped_lines(text, width, points) <= lines:
        return text
    words = text.split(" ")
    low, high = 0, len(words)          # the longest prefix of words that fits, by bisection
    while low < high:
        mid = (low + high + 1) // 2
        if wrapped_lines(" ".join(words[:mid]) + CUT, width, points) <= lines:
            low = mid
        else:
            high = mid - 1
    return " ".join(words[:low]).rstrip(" ,;:\u00b7") + CUT


def write_stress(ws: Worksheet, scenario: Any, result: Any, banner: str = "") -> None:
    """Write the sheet: title block, the two header rows, then one block per stress test (heading, a line about the
    event and its source, a row per region), kept on one page; the header rows head every page."""
    doc = scenario.document
    meta = doc.metadata
    register_stress_styles(ws.parent)
    pager = Pager(ws, 5)
    pager.used = title_block(ws, scenario, TITLE, NOTE, WIDTHS)
    events = {e.id: e for e in doc.stress_tests}
    header = [_group_header(ws), _header(ws)]
    header_height = sum(r.height for r in header)
    for number, test in enumerate(result.tests, start=1):
        heading = f"{number}. {test.title}"
        wedge = []
        if not test.error and test.kind == "export_restriction":
            wedge = [x for x, on in zip(test.export_tax_equivalent_pct("with"), test.active) if on]
        text = about(events.get(test.id), doc.members(), test.source_note, wedge)
        rows = [_merged(ws, heading, "ts_clause", 11),
                Row(wrapped_lines(text, sum(WIDTHS), ABOUT_POINTS) * ABOUT_POINTS * LINE_FACTOR + ROW_PADDING,
                    _merged(ws, text, "ts_comment", ABOUT_POINTS).write)]
        if test.error:
            rows.append(_merged(ws, f"No result: the market has no equilibrium under this stress ({test.error})",
                                "ts_text", 10))
        else:
            table = test.table
            for region in test.regions:
                name = test.region_names.get(region, region)
                rows.append(_partner(ws, f"{name} ({region})" if name != region else region,
                                     [float(table.at[region, key]) for key, _, _ in COLUMNS]))
        # the header rows head every page: a test goes whole to a new page when it fits one; the first test and one
        # longer than a page start where they are when their heading, the line about them and a first row fit
        whole = sum(r.height for r in rows)
        start = sum(r.height for r in rows[:3])
        if number == 1:
            new_page = not pager.fits(4.0 + header_height + start)
        else:
            new_page = not pager.fits(whole if whole + header_height <= pager.capacity else start)
        if new_page:
            pager.new_page()
        if number == 1 or new_page:
            pager.gap(4.0)               # under the title block (a gap is dropped at the top of a page)
            for row in header:
                pager.put(row)
        pager.block(rows, [_merged(ws, f"{heading} (cont.)", "ts_clause_cont", 10)] + header, keep=False)
    setup_page(ws, marking=meta.classification, title=meta.title, header_row=None, freeze=None,
               widths={get_column_letter(i + 1): w for i, w in enumerate(WIDTHS)}, banner=banner)


def _merged(ws: Worksheet, text: str, style: str, points: float) -> Row:
    """A row of text across the sheet, wrapped."""
    def write(r: int) -> None:
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(WIDTHS))
        put(ws, r, 1, text, style)
    return Row(wrapped_height(text, sum(WIDTHS), points, bold=style.startswith("ts_clause")), write)


def _group_header(ws: Worksheet) -> Row:
    """The header row above ``_header``: each group's label across its columns."""
    def write(r: int) -> None:
        put(ws, r, 1, None, "ts_header")
        col = 2
        for label, span in GROUPS:
            for c in range(col, col + span):
                put(ws, r, c, label if c == col else None, "ts_header")
            if span > 1:
                ws.merge_cells(start_row=r, start_column=col, end_row=r, end_column=col + span - 1)
            col += span
    return Row(HEADER_ROW_HEIGHT, write)


def _header(ws: Worksheet) -> Row:
    heads = ["Partner"] + [h for _, h, _ in COLUMNS]

    def write(r: int) -> None:
        for col, head in enumerate(heads, start=1):
            put(ws, r, col, head, "ts_header")
    return Row(HEADER_ROW_HEIGHT, write)


def _partner(ws: Worksheet, label: str, values: list[float]) -> Row:
    def write(r: int) -> None:
        put(ws, r, 1, label, "ts_label")
        for col, ((_key, _header, style), value) in enumerate(zip(COLUMNS, values), start=2):
            put(ws, r, col, value, figure_style(style, value))
    return Row(wrapped_height(label, WIDTHS[0], bold=True), write)
