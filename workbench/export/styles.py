"""Named cell styles and number formats of the term sheet (units and currency in the format, not the value)."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side

NAVY = "FF1F3864"
AMBER = "FF8A4600"
RULE = Side(style="thin", color="FFB4B9C3")

#: Money in USD shown in millions: the cell holds the exact USD figure (as ``evaluate --json`` prints it). The house
#: style of workbench.analysis.units: minus sign U+2212, a true zero as the nil dash.
FMT_USD_M = '"USD "#,##0.0,," m";"\u2212USD "#,##0.0,," m";"\u2013"'
#: A change in per cent, the cell holding percentage points (12.5 = 12.5 %).
FMT_PCT_POINTS = '+0.0"%";"\u2212"0.0"%";"\u2013"'
FMT_SHARE_POINTS = '0.0"%";"\u2212"0.0"%";"\u2013"'
#: Millions of USD where the column header names the unit (narrow columns).
FMT_M = '#,##0.0,,;"\u2212"#,##0.0,,;"\u2013"'
#: The same for a value that is not zero but rounds to zero where shown: no sign at all (never "-0.0").
FMT_USD_M_ROUNDS_TO_ZERO = '"USD "0.0,," m";"USD "0.0,," m";"\u2013"'
FMT_PCT_ROUNDS_TO_ZERO = '0.0"%";0.0"%";"\u2013"'
FMT_M_ROUNDS_TO_ZERO = '0.0,,;0.0,,;"\u2013"'
#: (style, scale) of the figures whose sign depends on the rounding: the style to use when it rounds to zero.
ROUNDS_TO_ZERO = {"ts_usd_m": ("ts_usd_m_zero", 1e6), "ts_pct": ("ts_pct_zero", 1.0), "ts_share": ("ts_pct_zero", 1.0),
                  "ts_m": ("ts_m_zero", 1e6)}
FMT_DAYS = '0" days";"\u2212"0" days";"\u2013"'
FMT_YEAR = "0"
FMT_PLAIN = "#,##0.####"
FMT_RATE = "0.0%"

STATUS_FILLS = {"agreed": "FFE2EFDA", "bracketed": "FFFFF0C2", "proposed": "FFDDEBF7"}


def _style(name: str, *, font: Font | None = None, fill: str | None = None, fmt: str | None = None,
           wrap: bool = False, horizontal: str | None = None, border: bool = False) -> NamedStyle:
    st = NamedStyle(name=name)
    st.font = font or Font(name="Calibri", size=10)
    if fill:
        st.fill = PatternFill("solid", start_color=fill, end_color=fill)
    if fmt:
        st.number_format = fmt
    st.alignment = Alignment(wrap_text=wrap, vertical="top", horizontal=horizontal)
    if border:
        st.border = Border(bottom=RULE)
    return st


def register_styles(wb: Workbook) -> None:
    """Add the term sheet's named styles to ``wb``."""
    styles = [
        _style("ts_title", font=Font(name="Calibri", size=16, bold=True, color=NAVY), wrap=True),
        _style("ts_marking", font=Font(name="Calibri", size=11, bold=True, color="FFC00000"), wrap=True),
        _style("ts_alarm", font=Font(name="Calibri", size=14, bold=True, color="FFFFFFFF"), fill="FFC00000",
               wrap=True),
        _style("ts_alarm_text", font=Font(name="Calibri", size=10, bold=True, color="FFC00000"), wrap=True,
               border=True),
        _style("ts_subtitle", font=Font(name="Calibri", size=11, italic=True, color="FF404040"), wrap=True),
        _style("ts_header", font=Font(name="Calibri", size=10, bold=True, color="FFFFFFFF"), fill=NAVY, wrap=True,
               horizontal="center"),
        _style("ts_section", font=Font(name="Calibri", size=11, bold=True, color=NAVY)),
        _style("ts_label", font=Font(name="Calibri", size=10, bold=True), wrap=True, border=True),
        _style("ts_text", wrap=True, border=True),
        _style("ts_legal", font=Font(name="Calibri", size=9), wrap=True, border=True),
        _style("ts_item", font=Font(name="Calibri", size=9, bold=True), wrap=True, border=True),
        _style("ts_note", font=Font(name="Calibri", size=9, italic=True, color="FF595959"), wrap=True),
        _style("ts_comment", font=Font(name="Calibri", size=8.5, italic=True, color="FF595959"), wrap=True),
        _style("ts_footnote", font=Font(name="Calibri", size=8.5, italic=True, color="FF404040"), wrap=True),
        _style("ts_signature", font=Font(name="Calibri", size=9), wrap=True, border=True),
        _style("ts_clause", font=Font(name="Calibri", size=11, bold=True, color=NAVY), fill="FFE9EDF4", wrap=True),
        _style("ts_clause_cont", font=Font(name="Calibri", size=10, bold=True, italic=True, color=NAVY),
               fill="FFE9EDF4", wrap=True),
        _style("ts_value", fmt=FMT_PLAIN, border=True, wrap=True, horizontal="left"),
        _style("ts_value_int", fmt=FMT_YEAR, border=True, horizontal="left"),
        _style("ts_value_rate", fmt=FMT_RATE, border=True, horizontal="left"),
        _style("ts_year", fmt=FMT_YEAR, border=True, horizontal="left"),
        _style("ts_usd_m", fmt=FMT_USD_M, border=True),
        _style("ts_pct", fmt=FMT_PCT_POINTS, border=True),
        _style("ts_usd_m_zero", fmt=FMT_USD_M_ROUNDS_TO_ZERO, border=True),
        _style("ts_pct_zero", fmt=FMT_PCT_ROUNDS_TO_ZERO, border=True),
        _style("ts_m", fmt=FMT_M, border=True),
        _style("ts_m_zero", fmt=FMT_M_ROUNDS_TO_ZERO, border=True),
        _style("ts_share", fmt=FMT_SHARE_POINTS, border=True),
        _style("ts_rate", fmt=FMT_RATE, border=True),
        _style("ts_days", fmt=FMT_DAYS, border=True),
    ]
    styles += [_style(f"ts_status_{k}", font=Font(name="Calibri", size=10, bold=True), fill=v, wrap=True, border=True)
               for k, v in STATUS_FILLS.items()]
    for st in styles:
        wb.add_named_style(st)
