"""Print layout of a term-sheet sheet: A4 landscape, our own page breaks, headers repeated, marking and page numbers.

Row heights are set from the wrapped text (``wrapped_height``), so the printed height of every row is known and the
``Pager`` places the page breaks itself: a block (a clause, a small table) is moved whole to the next page when it
does not fit; a block longer than a page is split between rows and its continuation rows ("Clause 3 (cont.)", the
table's column headers) are written again at the top of the next page.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable

from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from workbench.export.cells import clean, put

#: Header and footer sections share one line each: the title (left, 8 pt) must end before the centred marking
#: (9 pt) begins, so each is cut, with an ellipsis, to a display width (a wide CJK character counts two): about a
#: third of the line for the title, less than half for the marking (Excel also caps the whole at 255 characters).
MAX_MARKING = 70
MAX_TITLE = 72
#: The printed line (A4 landscape less the side margins) and the average width of a character in the header's
#: fonts, in points (Calibri: about 0.5 em), to keep the left section clear of the centred one.
PRINT_WIDTH_PT = 842 - 2 * 72 * 0.45
CHAR_PT = {8: 4.0, 9: 4.6}
#: A4 landscape height in points, the margins in inches (Excel's page model: header and footer inside the margins).
PAPER_HEIGHT_PT = 595.3
MARGIN_TOP_IN = MARGIN_BOTTOM_IN = 0.5
MARGIN_SIDE_IN = 0.45
HEADER_IN = FOOTER_IN = 0.25
#: Printable width in column-width units (about 7.5 points each at 100 %): widths of every sheet add up to less.
PAGE_WIDTH_UNITS = 138
#: Headroom for renderers whose row heights round differently (LibreOffice rounds to its own units): 1 % of the
#: body, about 5 points a page.
SAFETY = 0.99
BODY_HEIGHT_PT = (PAPER_HEIGHT_PT - 72 * (MARGIN_TOP_IN + MARGIN_BOTTOM_IN)) * SAFETY
#: Characters of 10-point text per unit of column width: Calibri (and its metric twin Carlito) fits about 1.4;
#: LibreOffice with neither (DejaVu Sans) about 1.3, on a sheet it prints scaled down; rows are sized for 1.3 so no
#: line is clipped in either (measured on rendered pages, November 2026).
CHARS_PER_UNIT = 1.3
LINE_FACTOR = 1.22    # line height / font size (Calibri and Carlito: 1.22)
ROW_PADDING = 2.5


def header_text(text: str, limit: int = MAX_MARKING) -> str:
    """Scenario text made safe for a header/footer: one line, ``&`` doubled (it starts a code there), cut with an
    ellipsis where it is wider than ``limit`` (display width)."""
    text = " ".join(clean(text).split())
    if display_width(text) > limit:
        out, width = [], 0
        for ch in text:
            width += _char_width(ch)
            if width > limit - 1:
                break
            out.append(ch)
        text = "".join(out).rstrip() + "\u2026"
    return text.replace("&", "&&")


def display_width(text: str) -> int:
    """Width in character cells: a wide (CJK) character counts two."""
    return len(text) if text.isascii() else sum(_char_width(ch) for ch in text)


def setup_page(ws: Worksheet, *, marking: str, title: str, header_row: int | None,
               freeze: str | None, widths: dict[str, float], banner: str = "") -> None:
    """Landscape A4 fitted to one page wide, the column-header row (``header_row``) repeated on every page, marking
    in header and footer, "Page n of N".

    ``banner`` (e.g. "INTEGRITY NOT VERIFIED") goes first in the header, in bold.
    """
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = MARGIN_SIDE_IN
    ws.page_margins.top, ws.page_margins.bottom = MARGIN_TOP_IN, MARGIN_BOTTOM_IN
    ws.page_margins.header, ws.page_margins.footer = HEADER_IN, FOOTER_IN
    if header_row is not None:
        ws.print_title_rows = f"{header_row}:{header_row}"
    if freeze is not None:
        ws.freeze_panes = freeze
    for col, width in widths.items():
        ws.column_dimensions[col].width = width
    mark = header_text(marking)
    centre = header_text(marking, MAX_MARKING - len(banner) - 2) if banner else mark
    centre_pt = (display_width(centre.replace("&&", "&")) + len(banner) * 1.2) * CHAR_PT[9]
    title_limit = min(MAX_TITLE, int(((PRINT_WIDTH_PT - centre_pt) / 2 - 15) / CHAR_PT[8]))
    # the marking alone in the centre, the title on the left: two sections never share a line's width
    ws.oddHeader.left.text = header_text(title, title_limit)
    ws.oddHeader.left.size = 8
    ws.oddHeader.center.text = (f"&B{banner}&B  " if banner else "") + centre
    ws.oddHeader.center.size = 9
    ws.oddHeader.center.color = "C00000"
    ws.oddFooter.left.text = mark
    ws.oddFooter.left.size = 8
    ws.oddFooter.center.text = header_text(ws.title)   # a sheet name (31 characters at most) is never cut
    ws.oddFooter.center.size = 8
    ws.oddFooter.right.text = "Page &P of &N"
    ws.oddFooter.right.size = 8


def _char_width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


@lru_cache(maxsize=65536)
def wrapped_lines(text: str, width: float, points: float = 10.0, bold: bool = False) -> int:
    """Lines ``text`` takes wrapped in a column ``width`` units wide (wide CJK characters count double; a word
    longer than the line is broken where the renderer would break it)."""
    per_line = max(4.0, width * CHARS_PER_UNIT * 10.0 / points / (1.08 if bold else 1.0) - 1.5)  # cell padding
    lines = 0
    for part in text.split("\n"):
        count, line = 1, 0.0
        for word in part.split(" "):
            w = len(word) if word.isascii() else sum(_char_width(ch) for ch in word)
            if line and line + 1 + w > per_line:
                count += 1
                line = 0.0
            elif line:
                line += 1
            while w > per_line:          # an unbroken run (a URL, Japanese text): split by characters
                count += 1
                w -= per_line
            line += w
        lines += count
    return lines


def wrapped_height(text: str, width: float, points: float = 10.0, bold: bool = False) -> float:
    """Row height (points) that shows ``text`` wrapped in a column ``width`` units wide, never clipped: its lines at
    the font's line height and the cell padding (one line of 9-pt legal text: 13.5 points)."""
    return wrapped_lines(str(text), width, points, bold) * points * LINE_FACTOR + ROW_PADDING


Writer = Callable[[int], None]


@dataclass(frozen=True)
class Row:
    """One row to place: its height in points and a function writing its cells at a given row number; a ``joined``
    row goes on the page of the row before it (a table's header with its title and first row, a group of rows)."""

    height: float
    write: Writer
    joined: bool = False


class Pager:
    """Writes rows downwards from ``first_row`` and decides the page breaks (see the module docstring)."""

    def __init__(self, ws: Worksheet, first_row: int, repeated_height: float = 0.0):
        self.ws = ws
        self.row = first_row
        self.capacity = BODY_HEIGHT_PT - repeated_height
        self.used = 0.0

    def put(self, row: Row) -> int:
        """Write ``row`` at the current position; returns its row number."""
        r = self.row
        row.write(r)
        self.ws.row_dimensions[r].height = row.height
        self.row += 1
        self.used += row.height
        return r

    def new_page(self) -> None:
        """Break after the last row written."""
        if self.used > 0:
            self.ws.row_breaks.append(Break(id=self.row - 1))
            self.used = 0.0

    def gap(self, height: float = 9.0) -> None:
        """Blank space between blocks (dropped at the top of a page)."""
        if self.used > 0 and self.used + height <= self.capacity:
            self.put(Row(height, lambda r: None))

    def fits(self, height: float) -> bool:
        """Whether ``height`` points still fit on the current page."""
        return self.used + height <= self.capacity

    def block(self, rows: list[Row], continuation: list[Row] | None = None, keep: bool = True) -> int:
        """Place ``rows`` kept together when they fit on one page (``keep``); otherwise split between rows, with
        ``continuation`` rows written first on every following page. Returns the row number of the first row."""
        total = sum(r.height for r in rows)
        if keep and not self.fits(total) and total <= self.capacity:
            self.new_page()
        elif not self.fits(max(sum(r.height for r in rows[:2]), self._run(rows, 0))):  # never a heading alone
            self.new_page()                                                             # at the foot of a page
        first = self.row
        room = self.capacity - sum(c.height for c in continuation or [])
        for i, row in enumerate(rows):
            need = row.height if row.joined else self._run(rows, i)
            if not self.fits(need if need <= room else row.height):
                self.new_page()
                for c in continuation or []:
                    self.put(c)
            self.put(row)
        return first

    @staticmethod
    def _run(rows: list[Row], i: int) -> float:
        """Height of ``rows[i]`` and the joined rows that follow it."""
        end = i + 1
        while end < len(rows) and rows[end].joined:
            end += 1
        return sum(r.height for r in rows[i:end])


def title_block(ws: Worksheet, scenario: Any, title: str, note: str, widths: list[float]) -> float:
    """Sheet title, scenario title, marking and a note in rows 1-4, merged across the sheet and wrapped (a long or
    Japanese title gets taller rows, never a smaller font); returns their height in points."""
    meta = scenario.document.metadata
    height = 0.0
    for r, (text, style, points) in enumerate(((title, "ts_title", 16), (meta.title, "ts_subtitle", 11),
                                               (meta.classification, "ts_marking", 11), (note, "ts_note", 9)),
                                              start=1):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(widths))
        put(ws, r, 1, text, style)
        ws.row_dimensions[r].height = wrapped_height(text, sum(widths), points, bold=style != "ts_note")
        height += ws.row_dimensions[r].height
    return height
