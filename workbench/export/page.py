"""Print setup of a term-sheet sheet: landscape A4, fit to width, repeated header rows, marking and page numbers."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from workbench.export.cells import clean

#: Excel allows 255 characters for a whole header or footer, codes included: marking and title share it.
MAX_MARKING = 120
MAX_TITLE = 80


def header_text(text: str, limit: int = MAX_MARKING) -> str:
    """Scenario text made safe for a header/footer: ``&`` starts a code there, so it is doubled; cut to fit."""
    text = " ".join(clean(text).split())
    if len(text) > limit:
        text = text[: limit - 1] + "\u2026"
    return text.replace("&", "&&")


def setup_page(ws: Worksheet, *, marking: str, title: str, header_rows: tuple[int, int] | None,
               freeze: str | None, widths: dict[str, float]) -> None:
    """Landscape A4 fitted to one page wide, header rows repeated, marking in header and footer, page numbers."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    if header_rows is not None:
        ws.print_title_rows = f"{header_rows[0]}:{header_rows[1]}"
    if freeze is not None:
        ws.freeze_panes = freeze
    ws.row_dimensions[1].height = 24  # the sheet title, 16 pt
    for col, width in widths.items():
        ws.column_dimensions[col].width = width
    mark = header_text(marking)
    ws.oddHeader.center.text = mark
    ws.oddHeader.center.size = 9
    ws.oddHeader.center.color = "C00000"
    ws.oddHeader.right.text = header_text(title, MAX_TITLE)
    ws.oddHeader.right.size = 8
    ws.oddFooter.left.text = mark
    ws.oddFooter.left.size = 8
    ws.oddFooter.right.text = "Page &P of &N"
    ws.oddFooter.right.size = 8


def wrapped_height(text: str, width: float, points: float = 10.0) -> float:
    """Row height (points) that shows ``text`` wrapped in a column ``width`` characters wide."""
    chars_per_line = max(8.0, width * 1.3 * 10.0 / points)
    lines = 0
    for part in text.split("\n"):
        words, line = part.split(" "), 0
        count = 1
        for w in words:
            if line and line + 1 + len(w) > chars_per_line:
                count += 1
                line = len(w)
            else:
                line += (1 if line else 0) + len(w)
        lines += count + int(len(part) // (chars_per_line * 4))  # very long unbroken words
    return max(15.0, lines * points * 1.28 + 3)
